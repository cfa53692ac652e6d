//! proptest strategies, with [`Config::strategies`]: an `Arbitrary`
//! implementation for every item, behind the configured cargo feature, and
//! the module `every_type` that lists the items for tests.
//!
//! Values satisfy everything `validate()` checks. The facets `validate()`
//! checks (the item's constants) are asked for values (their `strategy` methods, in
//! `plesk_types::strategy`); occurrences become `option::of` and
//! `collection::vec` within the schema's bounds; a choice draws one of its
//! alternatives. Values are also canonical, read back as themselves: an
//! alternative of a choice holds at least one element (an empty one reads
//! back as no alternative), an element with a default is never empty (it
//! reads back as the default), a union holds a value no earlier member takes,
//! an occurrence of a group holds an element, neighbouring occurrences of a
//! repeated choice do not hold the same alternative of repeated content (they
//! read back as one), wildcard elements are not named like the elements
//! around them.
//!
//! Recursion: the items of a cycle (`Node` inside `Node`) take a depth as
//! `Arbitrary::Parameters`. Each step inside the cycle goes one level deeper,
//! and from [`MAX_DEPTH`] on, the optional and repeated parts of the cycle
//! stay empty and choices keep to the alternatives outside it, so that values
//! are finite (a schema whose recursive types have no finite value at all
//! gets strategies that never end).

use std::collections::BTreeSet;

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::{count, facets, gate, ident, wildcard_namespace};
use crate::config::Config;
use crate::plan::{
    Checks, Choice, FieldKind, Gates, Item, ItemKind, Module, Occurs, Role, Runtime, RustType, Struct, StructContent,
    Union,
};

mod context;
mod tuples;

use context::Context;

/// The depth from which the strategies of recursive items stop recursing.
pub const MAX_DEPTH: u32 = 3;

/// How many occurrences a repeated element or group gets at most beyond its
/// `minOccurs` (fewer if `maxOccurs` says so): enough to show repetition,
/// few enough to keep values small.
const EXTRA_OCCURRENCES: u32 = 3;

/// Tuples of strategies are strategies up to twelve members; larger structs
/// nest tuples of this many.
const TUPLE_SIZE: usize = 10;

/// The `use` a file with `Arbitrary` implementations needs: their bodies
/// call `Strategy` methods (imported anonymously, so that no item name is
/// taken).
pub fn import(config: &Config, items: &[(&Item, TokenStream)], gate: &TokenStream) -> TokenStream {
    let Some(feature) = &config.strategies else {
        return TokenStream::new();
    };
    if items.iter().all(|(item, _)| matches!(item.kind, ItemKind::Alias(_))) {
        return TokenStream::new();
    }
    quote! {
        #gate
        #[cfg(feature = #feature)]
        use ::proptest::strategy::Strategy as _;
    }
}

/// The module `every_type`: a visitor called with every type of the file,
/// so that a test covers each type, new ones included, without a list of
/// its own.
pub fn listing(config: &Config, items: &[(&Item, TokenStream)], gates: &Gates) -> TokenStream {
    let Some(feature) = &config.strategies else {
        return TokenStream::new();
    };
    let visits: Vec<TokenStream> = items
        .iter()
        .filter(|(item, _)| !matches!(item.kind, ItemKind::Alias(_)))
        .map(|(item, _)| {
            let name = ident(&item.name);
            let label = &item.name;
            let gate = gate(gates, label);
            if item.is_group() {
                quote! { #gate visitor.group::<super::#name>(#label); }
            } else {
                quote! { #gate visitor.element::<super::#name>(#label); }
            }
        })
        .collect();
    let visited = items.iter().filter(|(item, _)| !matches!(item.kind, ItemKind::Alias(_)));
    // With every operator feature off, a module whose types are all behind
    // one visits nothing.
    let unvisited = gates.any_of(visited.map(|(item, _)| item.name.as_str())).map(|features| {
        let features = features.iter();
        quote! {
            #[cfg_attr(not(any(#(feature = #features),*)), allow(unused_variables, reason = "every type is behind an operator feature that is off"))]
        }
    });
    let visitor = if visits.is_empty() {
        quote! { _visitor }
    } else {
        quote! { visitor }
    };
    quote! {
        /// Every type of this module, for tests that check a property of each
        /// (that its values validate and read back as themselves, say): a
        /// type added to the schemas is visited without a test changing.
        #[cfg(feature = #feature)]
        pub mod every_type {
            /// What [`visit`] calls, once per type.
            pub trait Visitor {
                /// A type that is the content of an element: a complex type,
                /// a simple type, the type of a root.
                fn element<T>(&mut self, name: &'static str)
                where
                    T: ::proptest::arbitrary::Arbitrary + super::xml::XmlElement + super::xml::Validate + PartialEq;

                /// A group inside an element's content (a choice, or a sequence
                /// that is optional or repeats), written and read inside its
                /// parent element.
                fn group<T>(&mut self, name: &'static str)
                where
                    T: ::proptest::arbitrary::Arbitrary + super::xml::XmlGroup + super::xml::Validate + PartialEq;
            }

            /// Calls `visitor` with every type of this module, in schema order,
            /// with its Rust name (type aliases aside: they are their target).
            #unvisited
            pub fn visit(#visitor: &mut impl Visitor) {
                #(#visits)*
            }
        }
    }
}

/// The `Arbitrary` implementation of an item, under the configured feature;
/// nothing without one, and nothing for aliases (they are their target).
pub fn item(module: &Module, item: &Item, config: &Config) -> TokenStream {
    let Some(feature) = &config.strategies else {
        return TokenStream::new();
    };
    if matches!(item.kind, ItemKind::Alias(_)) {
        return TokenStream::new();
    }
    let context = Context::new(module, item);
    let body = match &item.kind {
        ItemKind::Struct(plan) => context.structure(plan),
        ItemKind::Choice(choice) => context.choice(choice),
        ItemKind::Enumeration(_) => quote! { ::proptest::sample::select(Self::ALL.to_vec()).boxed() },
        ItemKind::Newtype(newtype) => {
            let inner = context.value(&newtype.inner, Some(&newtype.checks), facets::NEWTYPE_KEY, false);
            quote! { #inner.prop_map(Self).boxed() }
        }
        ItemKind::Union(union) => context.union(union),
        ItemKind::Wrapper(inner) => {
            let inner = context.value(inner, None, "value", false);
            quote! { #inner.prop_map(Self).boxed() }
        }
        ItemKind::Alias(_) => TokenStream::new(),
    };
    let name = ident(&item.name);
    let doc = " Values that satisfy the schema's facets and bounds, and read back as themselves.";
    let (parameters, argument, locals) = if context.cycle.is_empty() {
        (quote! { type Parameters = (); }, quote! { (): Self::Parameters }, TokenStream::new())
    } else {
        let mut locals = TokenStream::new();
        if context.uses_recurse.get() {
            let max_depth = Literal::u32_unsuffixed(MAX_DEPTH);
            locals.extend(quote! {
                /// From this depth on, recursion stops: optional and repeated
                /// parts of the recursive types stay empty, choices keep to
                /// alternatives outside them.
                const MAX_DEPTH: u32 = #max_depth;
                let recurse = depth < MAX_DEPTH;
            });
        }
        if context.uses_deeper.get() {
            locals.extend(quote! { let deeper = depth.saturating_add(1); });
        }
        let parameters = quote! {
            /// How deep inside the values of its recursive types the value
            /// is (`any::<T>()` starts at 0).
            type Parameters = u32;
        };
        let argument = if locals.is_empty() {
            quote! { _depth: Self::Parameters }
        } else {
            quote! { depth: Self::Parameters }
        };
        (parameters, argument, locals)
    };
    let gated_pushes = matches!(&item.kind, ItemKind::Choice(choice) if choice.variants.iter().any(|variant| variant.feature.is_some()))
        .then(|| quote! { #[allow(clippy::vec_init_then_push, reason = "each alternative is pushed behind its operator's feature")] });
    quote! {
        #[cfg(feature = #feature)]
        impl ::proptest::arbitrary::Arbitrary for #name {
            #parameters
            type Strategy = ::proptest::strategy::BoxedStrategy<Self>;

            #[doc = #doc]
            #gated_pushes
            fn arbitrary_with(#argument) -> Self::Strategy {
                #locals
                #body
            }
        }
    }
}

/// The element names of a content model's fields or alternatives, which
/// elements drawn for a wildcard in it must not take.
pub(super) fn neighbours<'k>(kinds: impl Iterator<Item = &'k FieldKind>) -> Vec<String> {
    kinds.flat_map(|kind| kind.first().iter().cloned()).collect()
}
