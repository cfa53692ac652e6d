//! Which items `validate()` has something to check in.

use std::collections::HashMap;

use super::build::Planner;
use super::*;

impl<'s> Planner<'s> {
    /// Marks the items whose `validate()` has something to check, to a
    /// fixpoint: each round reads the marks of the round before.
    pub(super) fn mark_validation(&mut self) {
        let index: HashMap<String, usize> =
            self.items.iter().enumerate().map(|(at, item)| (item.name.clone(), at)).collect();
        loop {
            let items = &self.items;
            let lookup = |name: &str| index.get(name).map(|&at| (&items[at].kind, items[at].validates));
            let validates_type = |ty: &RustType| type_validates(ty, &lookup);
            let newly: Vec<usize> = (0..items.len())
                .filter(|&at| !items[at].validates && item_validates(&items[at].kind, &validates_type))
                .collect();
            if newly.is_empty() {
                break;
            }
            for at in newly {
                self.items[at].validates = true;
            }
        }
    }
}

/// Whether values of `ty` have something for `validate()` to check
/// (strings always do: characters XML cannot carry), given each generated
/// item's kind and mark by name.
pub(super) fn type_validates<'m>(ty: &RustType, item: &dyn Fn(&str) -> Option<(&'m ItemKind, bool)>) -> bool {
    match ty {
        RustType::String => true,
        RustType::List(one) => type_validates(one, item),
        RustType::Item(name) => match item(name) {
            // An alias has no `validate()` of its own: its target's is used.
            Some((ItemKind::Alias(target), _)) => type_validates(target, item),
            Some((_, validates)) => validates,
            None => false,
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
