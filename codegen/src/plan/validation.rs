//! Which items `validate()` has something to check in.

use std::collections::{BTreeSet, HashMap};

use super::build::Planner;
use super::*;

impl<'s> Planner<'s> {
    /// Marks the items whose `validate()` has something to check, to a fixpoint.
    pub(super) fn mark_validation(&mut self) {
        loop {
            let validating: BTreeSet<String> =
                self.items.iter().filter(|item| item.validates).map(|item| item.name.clone()).collect();
            let aliases: HashMap<String, RustType> = self
                .items
                .iter()
                .filter_map(|item| match &item.kind {
                    ItemKind::Alias(target) => Some((item.name.clone(), target.clone())),
                    _ => None,
                })
                .collect();
            let validates_type = |ty: &RustType| type_validates(ty, &validating, &aliases);
            let mut changed = false;
            for item in &mut self.items {
                if !item.validates && item_validates(&item.kind, &validates_type) {
                    item.validates = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
    }
}

/// Whether values of `ty` have something for `validate()` to check.
fn type_validates(ty: &RustType, validating: &BTreeSet<String>, aliases: &HashMap<String, RustType>) -> bool {
    match ty {
        RustType::String => true,
        RustType::List(item) => type_validates(item, validating, aliases),
        RustType::Item(name) => match aliases.get(name) {
            Some(target) => type_validates(target, validating, aliases),
            None => validating.contains(name),
        },
        RustType::Runtime(runtime) => *runtime == Runtime::AnyContent,
        RustType::Bool | RustType::Integer(_) | RustType::Float(_) => false,
    }
}

fn field_validates(kind: &FieldKind, validates_type: &dyn Fn(&RustType) -> bool) -> bool {
    match kind {
        FieldKind::Element(element) => {
            element.checks.is_some()
                || element.tolerated.is_some()
                || element.occurs.has_bounds()
                || validates_type(&element.ty)
        }
        FieldKind::Group(group) => group.occurs.has_bounds() || validates_type(&RustType::Item(group.ty.clone())),
        // Open content must at least be writable as XML.
        FieldKind::Wildcard(_) => true,
    }
}

fn item_validates(kind: &ItemKind, validates_type: &dyn Fn(&RustType) -> bool) -> bool {
    match kind {
        ItemKind::Struct(plan) => {
            let content = match &plan.content {
                StructContent::Simple(value) => value.checks.is_some() || validates_type(&value.ty),
                content => content.fields().iter().any(|field| field_validates(&field.kind, validates_type)),
            };
            content
                || !plan.required_together.is_empty()
                || plan.attributes.iter().any(|attribute| attribute.checks.is_some() || validates_type(&attribute.ty))
        }
        ItemKind::Choice(choice) => {
            choice.variants.iter().any(|variant| field_validates(&variant.kind, validates_type))
        }
        ItemKind::Newtype(_) => true,
        ItemKind::Union(union) => {
            union.members.iter().any(|member| member.checks.is_some() || validates_type(&member.ty))
        }
        ItemKind::Wrapper(inner) | ItemKind::Alias(inner) => validates_type(inner),
        ItemKind::Enumeration(_) => false,
    }
}
