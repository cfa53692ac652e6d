//! Which choice enums have a large variant: those the generated code allows
//! `clippy::large_enum_variant` on, and only those.
//!
//! The lint fires when an enum's largest variant is more than
//! [`LINT_THRESHOLD`] bytes larger than the next one. The plan cannot know
//! Rust's layout, so it takes an upper bound of each variant's size (every
//! field rounded up to eight bytes, an `Option` eight bytes more than its
//! value, the runtime's types at a generous guess): a choice none of whose
//! variants can exceed the threshold never needs the allow, and one that
//! might gets it.

use std::collections::HashMap;

use super::build::Planner;
use super::*;

/// Clippy's default `enum-variant-size-threshold`, in bytes.
pub const LINT_THRESHOLD: u64 = 200;

/// A word: a pointer, a length, the padding a field may need.
const WORD: u64 = 8;

/// `String` and `Vec`: pointer, capacity, length.
const VEC: u64 = 3 * WORD;

/// An upper bound of the runtime's value types (each a `String` or two
/// `Vec`s today), with room for them to grow.
const RUNTIME: u64 = 8 * WORD;

impl<'s> Planner<'s> {
    /// Marks the choices that may have a variant above the lint's threshold.
    pub(super) fn mark_large_variants(&mut self) {
        let index: HashMap<&str, usize> =
            self.items.iter().enumerate().map(|(at, item)| (item.name.as_str(), at)).collect();
        let mut sizes = Sizes { items: &self.items, index, known: HashMap::new() };
        let large: Vec<usize> = (0..self.items.len())
            .filter(|&at| match &self.items[at].kind {
                ItemKind::Choice(choice) => {
                    choice.variants.iter().any(|variant| sizes.field(&variant.kind) > LINT_THRESHOLD)
                }
                _ => false,
            })
            .collect();
        for at in large {
            if let ItemKind::Choice(choice) = &mut self.items[at].kind {
                choice.large_variant = true;
            }
        }
    }
}

/// Upper bounds of sizes, item sizes remembered by name.
struct Sizes<'p> {
    items: &'p [Item],
    index: HashMap<&'p str, usize>,
    known: HashMap<&'p str, u64>,
}

impl<'p> Sizes<'p> {
    /// What a field or a variant holds. Only what is held by value is
    /// measured: a `Box` is a word and a `Vec` three, whatever they hold.
    fn field(&mut self, kind: &'p FieldKind) -> u64 {
        let (occurs, boxed) = match kind {
            FieldKind::Element(element) => (element.occurs, element.boxed),
            FieldKind::Group(group) => (group.occurs, group.boxed),
            FieldKind::Wildcard(_) => return VEC,
        };
        let one = match (occurs, boxed) {
            (Occurs::Repeated { .. }, _) => return VEC,
            (_, true) => WORD,
            (_, false) => match kind {
                FieldKind::Element(element) => self.value(&element.ty) + if element.nillable { WORD } else { 0 },
                FieldKind::Group(group) => self.item(&group.ty),
                FieldKind::Wildcard(_) => VEC,
            },
        };
        if occurs == Occurs::Optional { one + WORD } else { one }
    }

    fn value(&mut self, ty: &'p RustType) -> u64 {
        match ty {
            RustType::String | RustType::List(_) => VEC,
            RustType::Bool => WORD,
            RustType::Integer(name) | RustType::Float(name) if name.ends_with("128") => 2 * WORD,
            RustType::Integer(_) | RustType::Float(_) => WORD,
            RustType::Runtime(_) => RUNTIME,
            RustType::Item(name) => self.item(name),
        }
    }

    /// An item's size. An item is never inside itself by value (a `Box` or
    /// a `Vec` breaks every cycle), so the recursion ends.
    fn item(&mut self, name: &'p str) -> u64 {
        if let Some(&size) = self.known.get(name) {
            return size;
        }
        let Some(&at) = self.index.get(name) else {
            return RUNTIME;
        };
        let size = match &self.items[at].kind {
            ItemKind::Struct(plan) => {
                let attributes: u64 = plan
                    .attributes
                    .iter()
                    .map(|attribute| self.value(&attribute.ty) + if attribute.required { 0 } else { WORD })
                    .sum();
                let other = if plan.other_attributes.is_some() { VEC } else { 0 };
                let content = match &plan.content {
                    StructContent::Simple(value) => self.value(&value.ty),
                    content => content.fields().iter().map(|field| self.field(&field.kind)).sum(),
                };
                attributes + other + content + WORD
            }
            ItemKind::Choice(choice) => {
                choice.variants.iter().map(|variant| self.field(&variant.kind)).max().unwrap_or(0) + WORD
            }
            ItemKind::Union(union) => {
                union.members.iter().map(|member| self.value(&member.ty)).max().unwrap_or(0) + WORD
            }
            ItemKind::Enumeration(_) => WORD,
            ItemKind::Newtype(Newtype { inner, .. }) | ItemKind::Alias(inner) | ItemKind::Wrapper(inner) => {
                self.value(inner)
            }
        };
        self.known.insert(name, size);
        size
    }
}
