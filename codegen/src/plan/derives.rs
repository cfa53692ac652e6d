//! Which standard traits each item derives, decided from what its fields
//! hold rather than from a fixed list per kind of item:
//!
//! - `Eq` and `Hash` where every field's type has them: the largest set of
//!   items closed under "all fields are `Eq`" (a greatest fixpoint, so a
//!   recursive type of strings is `Eq` and one with a float anywhere in its
//!   cycle is not). Floats are the only values without them.
//! - `PartialOrd` and `Ord` on enumerations, in the schema's declaration
//!   order, and on newtypes whose value has them.
//! - `Default` on a struct only where the default value validates: every
//!   attribute optional, every field optional or repeated with no minimum,
//!   or required with a type whose own default validates (the least
//!   fixpoint, so no cycle of required fields defaults forever).
//! - `Copy` on enumerations and on newtypes of numbers and flags.
//! - `Debug` everywhere but on structs with a redacted field (and choices
//!   with a redacted alternative), whose `Debug`
//!   is written out by the emitter.

use std::collections::{BTreeSet, HashMap};

use super::build::Planner;
use super::*;

/// A standard trait an item can derive.
///
/// The order is the order of the `#[derive(...)]` list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Derive {
    /// `Debug`.
    Debug,
    /// `Clone`.
    Clone,
    /// `Copy`.
    Copy,
    /// `PartialEq`.
    PartialEq,
    /// `Eq`.
    Eq,
    /// `Hash`.
    Hash,
    /// `PartialOrd`.
    PartialOrd,
    /// `Ord`.
    Ord,
    /// `Default`.
    Default,
}

impl Derive {
    /// The trait's name, as the derive attribute writes it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Debug => "Debug",
            Self::Clone => "Clone",
            Self::Copy => "Copy",
            Self::PartialEq => "PartialEq",
            Self::Eq => "Eq",
            Self::Hash => "Hash",
            Self::PartialOrd => "PartialOrd",
            Self::Ord => "Ord",
            Self::Default => "Default",
        }
    }
}

/// The standard traits one item derives. An alias derives nothing: it is
/// its target.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Derives(BTreeSet<Derive>);

impl Derives {
    /// Whether the item derives `derive`.
    pub fn has(&self, derive: Derive) -> bool {
        self.0.contains(&derive)
    }

    /// The traits, in the order the derive attribute lists them.
    pub fn iter(&self) -> impl Iterator<Item = Derive> + '_ {
        self.0.iter().copied()
    }

    /// Whether the item derives nothing.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<Derive> for Derives {
    fn from_iter<I: IntoIterator<Item = Derive>>(derives: I) -> Self {
        Self(derives.into_iter().collect())
    }
}

/// How values of a type compare by order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Order {
    /// Not at all.
    None,
    /// `PartialOrd` (floats).
    Partial,
    /// `PartialOrd` and `Ord`.
    Total,
}

/// What the pass knows of the items so far, by name.
struct Facts<'p> {
    items: &'p [Item],
    index: &'p HashMap<String, usize>,
    /// Whether each item is `Eq` (and `Hash`).
    eq: Vec<bool>,
    /// Whether each item's default value validates.
    default: Vec<bool>,
}

impl Facts<'_> {
    fn item(&self, name: &str) -> Option<(usize, &Item)> {
        self.index.get(name).map(|&at| (at, &self.items[at]))
    }

    /// Whether values of `ty` are `Eq` and `Hash`.
    fn eq(&self, ty: &RustType) -> bool {
        match ty {
            RustType::String | RustType::Bool | RustType::Integer(_) | RustType::Runtime(_) => true,
            RustType::Float(_) => false,
            RustType::List(one) => self.eq(one),
            RustType::Item(name) => self.item(name).is_some_and(|(at, _)| self.eq[at]),
        }
    }

    /// Whether the default value of `ty` exists and validates.
    fn default(&self, ty: &RustType) -> bool {
        match ty {
            // Empty open content: `<x/>`.
            RustType::Runtime(Runtime::AnyContent) => true,
            RustType::Item(name) => self.item(name).is_some_and(|(at, item)| match &item.kind {
                ItemKind::Alias(target) => self.default(target),
                _ => self.default[at],
            }),
            _ => false,
        }
    }

    /// How values of `ty` are ordered.
    fn order(&self, ty: &RustType) -> Order {
        match ty {
            RustType::String | RustType::Bool | RustType::Integer(_) => Order::Total,
            RustType::Float(_) => Order::Partial,
            RustType::Runtime(Runtime::AnyContent) => Order::None,
            RustType::Runtime(_) => Order::Total,
            RustType::List(one) => self.order(one),
            RustType::Item(name) => match self.item(name).map(|(_, item)| &item.kind) {
                Some(ItemKind::Enumeration(_)) => Order::Total,
                Some(ItemKind::Newtype(newtype)) => self.order(&newtype.inner),
                Some(ItemKind::Alias(target)) => self.order(target),
                _ => Order::None,
            },
        }
    }

    /// Whether every value `kind` can hold is `Eq`.
    fn item_eq(&self, kind: &ItemKind) -> bool {
        match kind {
            ItemKind::Struct(plan) => {
                let content = match &plan.content {
                    StructContent::Simple(value) => self.eq(&value.ty),
                    content => content.fields().iter().all(|field| self.field_eq(&field.kind)),
                };
                content && plan.attributes.iter().all(|attribute| self.eq(&attribute.ty))
            }
            ItemKind::Choice(choice) => choice.variants.iter().all(|variant| self.field_eq(&variant.kind)),
            ItemKind::Enumeration(_) => true,
            ItemKind::Newtype(Newtype { inner, .. }) | ItemKind::Alias(inner) | ItemKind::Wrapper(inner) => {
                self.eq(inner)
            }
            ItemKind::Union(union) => union.members.iter().all(|member| self.eq(&member.ty)),
        }
    }

    fn field_eq(&self, kind: &FieldKind) -> bool {
        match kind {
            FieldKind::Element(element) => self.eq(&element.ty),
            FieldKind::Group(group) => self.eq(&RustType::Item(group.ty.clone())),
            // `xml::AnyElement`, compared as read.
            FieldKind::Wildcard(_) => true,
        }
    }

    /// Whether the default value of a struct of `kind` validates: nothing
    /// in it is required, or what is has a default that validates.
    fn item_default(&self, kind: &ItemKind) -> bool {
        let ItemKind::Struct(plan) = kind else {
            return false;
        };
        let content = match &plan.content {
            StructContent::Empty => true,
            // The empty text may break the value's facets.
            StructContent::Simple(_) => false,
            StructContent::Sequence(fields) | StructContent::All(fields) => {
                fields.iter().all(|field| self.field_default(&field.kind))
            }
        };
        content && plan.attributes.iter().all(|attribute| !attribute.required)
    }

    fn field_default(&self, kind: &FieldKind) -> bool {
        match kind {
            // A tolerated element is an `Option` the schema requires.
            FieldKind::Element(element) if element.tolerated.is_some() => false,
            FieldKind::Element(element) => match element.occurs {
                Occurs::Required => !element.nillable && self.default(&element.ty),
                occurs => occurs.is_optional(),
            },
            FieldKind::Group(group) => match group.occurs {
                Occurs::Required => self.default(&RustType::Item(group.ty.clone())),
                occurs => occurs.is_optional(),
            },
            FieldKind::Wildcard(wildcard) => wildcard.occurs.is_optional(),
        }
    }

    /// The traits of one item, from the facts of every item.
    fn derives(&self, at: usize) -> Derives {
        let item = &self.items[at];
        let mut derives = vec![Derive::Debug, Derive::Clone, Derive::PartialEq];
        if self.eq[at] {
            derives.extend([Derive::Eq, Derive::Hash]);
        }
        match &item.kind {
            ItemKind::Struct(plan) => {
                if has_redacted(plan) {
                    derives.retain(|&derive| derive != Derive::Debug);
                }
                if self.default[at] {
                    derives.push(Derive::Default);
                }
            }
            ItemKind::Enumeration(_) => derives.extend([Derive::Copy, Derive::PartialOrd, Derive::Ord]),
            ItemKind::Newtype(newtype) => {
                if matches!(newtype.inner, RustType::Bool | RustType::Integer(_) | RustType::Float(_)) {
                    derives.push(Derive::Copy);
                }
                match self.order(&newtype.inner) {
                    Order::Total if self.eq[at] => derives.extend([Derive::PartialOrd, Derive::Ord]),
                    Order::Total | Order::Partial => derives.push(Derive::PartialOrd),
                    Order::None => {}
                }
            }
            ItemKind::Alias(_) => return Derives::default(),
            ItemKind::Choice(choice) => {
                if choice.variants.iter().any(|variant| variant.redacted) {
                    derives.retain(|&derive| derive != Derive::Debug);
                }
            }
            ItemKind::Union(_) | ItemKind::Wrapper(_) => {}
        }
        derives.into_iter().collect()
    }
}

/// Whether `Debug` hides one of the struct's fields.
fn has_redacted(plan: &Struct) -> bool {
    plan.attributes.iter().any(|attribute| attribute.redacted)
        || plan.content.fields().iter().any(|field| field.redacted || field.redacted_by_name.is_some())
}

impl<'s> Planner<'s> {
    /// Records on each item the traits it derives.
    pub(super) fn mark_derives(&mut self) {
        let index: HashMap<String, usize> =
            self.items.iter().enumerate().map(|(at, item)| (item.name.clone(), at)).collect();
        let count = self.items.len();
        let mut facts = Facts { items: &self.items, index: &index, eq: vec![true; count], default: vec![false; count] };
        // `Eq`: start from every item and drop those with a field that is
        // not, until none is dropped.
        loop {
            let dropped: Vec<usize> =
                (0..count).filter(|&at| facts.eq[at] && !facts.item_eq(&facts.items[at].kind)).collect();
            if dropped.is_empty() {
                break;
            }
            for at in dropped {
                facts.eq[at] = false;
            }
        }
        // `Default`: start from none and add those whose fields all have a
        // valid default, until none is added.
        loop {
            let added: Vec<usize> =
                (0..count).filter(|&at| !facts.default[at] && facts.item_default(&facts.items[at].kind)).collect();
            if added.is_empty() {
                break;
            }
            for at in added {
                facts.default[at] = true;
            }
        }
        let derives: Vec<Derives> = (0..count).map(|at| facts.derives(at)).collect();
        for (item, derives) in self.items.iter_mut().zip(derives) {
            item.derives = derives;
        }
    }
}
