//! Stage 2: resolves the syntax trees of a [`SchemaSet`] into a [`Schema`].
//!
//! This module holds the resolver, its tables of named components, and the
//! order of the passes; its children resolve complex types and their
//! content (`complex`), simple types (`simple`) and facets (`facets`).

use std::collections::{HashMap, HashSet};

use super::*;

mod complex;
mod facets;
mod simple;
use crate::error::{SchemaError, SchemaErrorKind};
use crate::xsd::SchemaSet;
use crate::xsd::syntax::{self, Component};

/// The attributes of an attribute group, and its wildcard.
type AttributeGroup = (Vec<Attribute>, Option<Wildcard>);

/// Resolves every reference of the schema set. Every problem found is
/// reported, not just the first.
pub fn resolve(set: SchemaSet) -> Result<Schema, Vec<SchemaError>> {
    let mut resolver = Resolver::new(&set);
    resolver.check_duplicates();
    resolver.allocate_named_types();
    resolver.declare_global_elements();
    resolver.resolve_all_types();
    resolver.finish_simple_content();
    let Resolver { errors, slots, elements, .. } = resolver;
    if !errors.is_empty() {
        return Err(errors);
    }
    let types = slots
        .into_iter()
        .map(|slot| match slot {
            Slot::Done(def) => Some(*def),
            _ => None,
        })
        .collect::<Option<Vec<_>>>();
    match types {
        Some(types) => Ok(Schema { sources: set.sources, types, elements: elements.into_iter().flatten().collect() }),
        // Unreachable in practice: every slot is resolved or has reported an error.
        None => Err(Vec::new()),
    }
}

/// Where a top-level component is: document index and component index.
type ComponentAt = (usize, usize);

/// The definition behind a type id, and how far its resolution got.
enum Slot<'s> {
    Named(usize, &'s Component),
    AnonymousComplex { name: TypeName, def: &'s syntax::ComplexTypeDef, document: usize },
    AnonymousSimple { name: TypeName, def: &'s syntax::SimpleTypeDef, document: usize },
    InProgress,
    Done(Box<TypeDef>),
    Failed,
}

struct Resolver<'s> {
    set: &'s SchemaSet,
    /// `visible[d][o]`: whether document `o` is part of a schema that `d` is part of.
    visible: Vec<Vec<bool>>,
    types: HashMap<QName, Vec<ComponentAt>>,
    global_elements: HashMap<QName, Vec<ComponentAt>>,
    groups: HashMap<QName, Vec<ComponentAt>>,
    attribute_groups: HashMap<QName, Vec<ComponentAt>>,
    global_attributes: HashMap<QName, Vec<ComponentAt>>,
    type_ids: HashMap<ComponentAt, TypeId>,
    element_indices: HashMap<ComponentAt, usize>,
    slots: Vec<Slot<'s>>,
    elements: Vec<Option<GlobalElement>>,
    group_cache: HashMap<ComponentAt, Option<Particle>>,
    groups_in_progress: HashSet<ComponentAt>,
    attribute_group_cache: HashMap<ComponentAt, Option<AttributeGroup>>,
    errors: Vec<SchemaError>,
}

impl<'s> Resolver<'s> {
    fn new(set: &'s SchemaSet) -> Self {
        let count = set.documents.len();
        let mut visible = vec![vec![false; count]; count];
        for &root in &set.roots {
            let closure = set.closure(root);
            for &member in &closure {
                for &other in &closure {
                    visible[member][other] = true;
                }
            }
        }
        let mut resolver = Self {
            set,
            visible,
            types: HashMap::new(),
            global_elements: HashMap::new(),
            groups: HashMap::new(),
            attribute_groups: HashMap::new(),
            global_attributes: HashMap::new(),
            type_ids: HashMap::new(),
            element_indices: HashMap::new(),
            slots: Vec::new(),
            elements: Vec::new(),
            group_cache: HashMap::new(),
            groups_in_progress: HashSet::new(),
            attribute_group_cache: HashMap::new(),
            errors: Vec::new(),
        };
        for (document_index, document) in set.documents.iter().enumerate() {
            for (component_index, component) in document.components.iter().enumerate() {
                let (table, name) = match component {
                    Component::ComplexType(def) => (&mut resolver.types, def.name.as_deref()),
                    Component::SimpleType(def) => (&mut resolver.types, def.name.as_deref()),
                    Component::Element(decl) => (&mut resolver.global_elements, decl.name.as_deref()),
                    Component::Group(def) => (&mut resolver.groups, Some(def.name.as_str())),
                    Component::AttributeGroup(def) => (&mut resolver.attribute_groups, Some(def.name.as_str())),
                    Component::Attribute(decl) => (&mut resolver.global_attributes, decl.name.as_deref()),
                };
                if let Some(name) = name {
                    let qname = QName { namespace: document.target_namespace.clone(), local: name.to_owned() };
                    table.entry(qname).or_default().push((document_index, component_index));
                }
            }
        }
        resolver
    }

    fn component(&self, (document, index): ComponentAt) -> &'s Component {
        &self.set.documents[document].components[index]
    }

    fn span_of(&self, at: ComponentAt) -> Span {
        match self.component(at) {
            Component::ComplexType(def) => def.span,
            Component::SimpleType(def) => def.span,
            Component::Element(decl) => decl.span,
            Component::Group(def) => def.span,
            Component::AttributeGroup(def) => def.span,
            Component::Attribute(decl) => decl.span,
        }
    }

    fn error(&mut self, span: Span, kind: SchemaErrorKind) {
        self.errors.push(SchemaError::new(&self.set.sources, span, kind));
    }

    /// Two definitions of one name may not meet in one schema (one root and
    /// what it includes).
    fn check_duplicates(&mut self) {
        let tables = [
            ("type", &self.types),
            ("element", &self.global_elements),
            ("group", &self.groups),
            ("attribute group", &self.attribute_groups),
            ("attribute", &self.global_attributes),
        ];
        let mut found = Vec::new();
        for (kind, table) in tables {
            let mut names: Vec<_> = table.iter().filter(|(_, places)| places.len() > 1).collect();
            names.sort();
            for (name, places) in names {
                for (index, &later) in places.iter().enumerate().skip(1) {
                    let first = places[..index].iter().find(|&&earlier| self.visible[later.0][earlier.0]);
                    if let Some(&first) = first {
                        found.push((later, first, kind, name.to_string()));
                    }
                }
            }
        }
        for (later, first, kind, name) in found {
            let first = self.set.sources.locate(self.span_of(first));
            self.error(self.span_of(later), SchemaErrorKind::Duplicate { kind, name, first });
        }
    }

    /// Finds a top-level component visible from `document`.
    fn lookup(&self, table: &HashMap<QName, Vec<ComponentAt>>, name: &QName, document: usize) -> Option<ComponentAt> {
        table.get(name)?.iter().copied().find(|&(defined_in, _)| self.visible[document][defined_in])
    }

    fn allocate_named_types(&mut self) {
        for (document_index, document) in self.set.documents.iter().enumerate() {
            for (component_index, component) in document.components.iter().enumerate() {
                if matches!(component, Component::ComplexType(_) | Component::SimpleType(_)) {
                    let id = TypeId(self.slots.len());
                    self.slots.push(Slot::Named(document_index, component));
                    self.type_ids.insert((document_index, component_index), id);
                }
            }
        }
    }

    fn declare_global_elements(&mut self) {
        for (document_index, document) in self.set.documents.iter().enumerate() {
            for (component_index, component) in document.components.iter().enumerate() {
                let Component::Element(decl) = component else {
                    continue;
                };
                let Some(name) = decl.name.clone() else {
                    continue;
                };
                let index = self.elements.len();
                self.element_indices.insert((document_index, component_index), index);
                self.elements.push(None);
                if let Some(namespace) = &document.target_namespace {
                    self.error(
                        decl.span,
                        SchemaErrorKind::Unsupported(format!(
                            "global element '{name}' in namespace '{namespace}': namespace-qualified elements are not supported"
                        )),
                    );
                    continue;
                }
                let referrer = format!("element '{name}'");
                let ty = self.element_type(decl, Owner::Element(index), document_index, &referrer);
                self.elements[index] = ty.map(|ty| GlobalElement {
                    name,
                    namespace: document.target_namespace.clone(),
                    ty,
                    nillable: decl.nillable,
                    doc: decl.doc.clone(),
                    span: decl.span,
                });
            }
        }
    }

    /// The type of an element declaration: named, inline (allocated as an
    /// anonymous type) or `anyType` when neither is given.
    fn element_type(
        &mut self,
        decl: &'s syntax::ElementDecl,
        owner: Owner,
        document: usize,
        referrer: &str,
    ) -> Option<TypeRef> {
        if decl.fixed.is_some() {
            self.error(decl.span, SchemaErrorKind::Unsupported("fixed element values".to_owned()));
        }
        let role = match owner {
            Owner::Element(_) => AnonymousRole::Itself,
            _ => AnonymousRole::Element(decl.name.clone().unwrap_or_default()),
        };
        match (&decl.type_name, &decl.inline_type) {
            (Some(name), _) => self.type_ref(name, document, decl.type_span, referrer),
            (None, Some(syntax::InlineType::Complex(def))) => {
                Some(TypeRef::Defined(self.allocate(Slot::AnonymousComplex {
                    name: TypeName::Anonymous { owner, role },
                    def,
                    document,
                })))
            }
            (None, Some(syntax::InlineType::Simple(def))) => {
                Some(TypeRef::Defined(self.allocate(Slot::AnonymousSimple {
                    name: TypeName::Anonymous { owner, role },
                    def,
                    document,
                })))
            }
            (None, None) => Some(TypeRef::Builtin(Builtin::AnyType)),
        }
    }

    fn allocate(&mut self, slot: Slot<'s>) -> TypeId {
        self.slots.push(slot);
        TypeId(self.slots.len() - 1)
    }

    fn type_ref(&mut self, name: &QName, document: usize, span: Span, referrer: &str) -> Option<TypeRef> {
        if name.is_xsd() {
            if let Some(builtin) = Builtin::from_name(&name.local) {
                return Some(TypeRef::Builtin(builtin));
            }
        } else if let Some(at) = self.lookup(&self.types, name, document) {
            return Some(TypeRef::Defined(self.type_ids[&at]));
        }
        self.error(
            span,
            SchemaErrorKind::UnknownReference { kind: "type", name: name.to_string(), referrer: referrer.to_owned() },
        );
        None
    }

    fn resolve_all_types(&mut self) {
        let mut index = 0;
        while index < self.slots.len() {
            self.resolve_type(TypeId(index));
            index += 1;
        }
    }

    /// Resolves a type if not done yet; returns whether it resolved. Types
    /// are resolved on demand where a derivation needs its base first.
    fn resolve_type(&mut self, id: TypeId) -> bool {
        let slot = std::mem::replace(&mut self.slots[id.0], Slot::InProgress);
        let resolved = match slot {
            Slot::Done(def) => {
                self.slots[id.0] = Slot::Done(def);
                return true;
            }
            Slot::Failed => {
                self.slots[id.0] = Slot::Failed;
                return false;
            }
            Slot::InProgress => {
                // A derivation cycle: the caller reports it.
                return false;
            }
            Slot::Named(document, Component::ComplexType(def)) => {
                let name = TypeName::Named(self.qualified(document, def.name.as_deref().unwrap_or_default()));
                self.complex_type(id, name, def, document)
            }
            Slot::Named(document, Component::SimpleType(def)) => {
                let name = TypeName::Named(self.qualified(document, def.name.as_deref().unwrap_or_default()));
                self.simple_type(id, name, def, document)
            }
            Slot::Named(..) => None,
            Slot::AnonymousComplex { name, def, document } => self.complex_type(id, name, def, document),
            Slot::AnonymousSimple { name, def, document } => self.simple_type(id, name, def, document),
        };
        let done = resolved.is_some();
        self.slots[id.0] = resolved.map_or(Slot::Failed, |def| Slot::Done(Box::new(def)));
        done
    }

    fn qualified(&self, document: usize, local: &str) -> QName {
        QName { namespace: self.set.documents[document].target_namespace.clone(), local: local.to_owned() }
    }

    /// Resolves the base of a derivation first, reporting a cycle.
    fn require_resolved(&mut self, base: TypeRef, span: Span, name: &str) -> bool {
        match base {
            TypeRef::Builtin(_) => true,
            TypeRef::Defined(base_id) => {
                if matches!(self.slots[base_id.0], Slot::InProgress) {
                    self.error(span, SchemaErrorKind::Circular(name.to_owned()));
                    return false;
                }
                self.resolve_type(base_id)
            }
        }
    }

    fn describe(&self, name: &TypeName) -> String {
        match name {
            TypeName::Named(qname) => qname.to_string(),
            TypeName::Anonymous { .. } => "anonymous type".to_owned(),
        }
    }
}
