//! Global elements: the roots a document can start with, and the wrapper
//! items of those whose type is shared or simple.

use std::collections::{BTreeSet, HashMap};

use super::build::Planner;
use super::docs::{doc_lines, paragraph};
use super::*;
use crate::model::{TypeKind, TypeName, TypeRef};
use crate::naming::{self};

impl<'s> Planner<'s> {
    pub(super) fn plan_roots(&mut self) {
        let mut uses: HashMap<TypeRef, usize> = HashMap::new();
        for element in &self.schema.elements {
            *uses.entry(element.ty).or_default() += 1;
        }
        for element in &self.schema.elements {
            let unique_complex = match element.ty {
                TypeRef::Defined(id) => {
                    matches!(self.schema.get(id).kind, TypeKind::Complex(_)) && uses[&element.ty] == 1
                }
                TypeRef::Builtin(_) => false,
            };
            if unique_complex {
                if let ((RustType::Item(name), _), TypeRef::Defined(id)) = (self.value_type(element.ty), element.ty) {
                    let def = self.schema.get(id);
                    let named = matches!(def.name, TypeName::Named(_));
                    let mut root_line = Vec::new();
                    if named {
                        root_line.push(format!("The type of the root element `<{}>`.", element.name));
                    }
                    let element_doc = doc_lines(element.doc.as_deref());
                    if let Some(item) = self.items.iter_mut().find(|item| item.name == name) {
                        // The summary line says what the item is: the type's
                        // own description, else the element's.
                        if def.doc.is_some() || element_doc.is_empty() {
                            paragraph(&mut root_line, element_doc);
                            paragraph(&mut item.doc, root_line);
                        } else {
                            let mut doc = element_doc;
                            paragraph(&mut doc, std::mem::take(&mut item.doc));
                            paragraph(&mut doc, root_line);
                            item.doc = doc;
                        }
                    }
                    self.roots.push(Root { element: element.name.clone(), ty: name });
                }
                continue;
            }
            let path = format!("/{}", element.name);
            let wanted = match self.config.type_name(&path) {
                Some(name) => name.to_owned(),
                None => naming::type_name(&element.name),
            };
            let name = self.scope.claim(&wanted);
            self.attributes.attach_item(self.config.type_attributes(&path), &name);
            let (inner, checks) = self.value_type(element.ty);
            let kind = match checks {
                Some(checks) => ItemKind::Newtype(Newtype { inner, checks }),
                None => ItemKind::Wrapper(inner),
            };
            let mut doc = doc_lines(element.doc.as_deref());
            let origin = format!(
                "The global element `<{}>` (`{}`), of type {}.",
                element.name,
                self.file_of(element.span),
                self.describe_type(element.ty)
            );
            paragraph(&mut doc, [origin]);
            let place = SchemaPlace { path: path.clone(), type_path: path, origin: Origin::RootElement };
            self.items.push(Item {
                name: name.clone(),
                doc,
                span: element.span,
                place,
                kind,
                validates: false,
                cycle: BTreeSet::new(),
                derives: Derives::default(),
            });
            self.roots.push(Root { element: element.name.clone(), ty: name });
        }
    }
}
