//! The `#[cfg(feature = ...)]` attributes of operator features
//! ([`Config::operator_features`](crate::Config::operator_features)): on
//! whole items (their definition and every impl, applied by
//! [`render`](super::render) to everything [`item_code`](super::item_code)
//! returns), and on the variants of a gated choice and their arms in each
//! `match` (which the emitter of each `match` asks for here).

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::quote;

use crate::error::Error;
use crate::plan::{Choice, Gates, Item, ItemKind, Variant};

/// The attribute compiling the item `name` only under its features
/// (nothing when it is compiled always).
pub fn gate(gates: &Gates, name: &str) -> TokenStream {
    cfg(gates.of(name))
}

/// `#[cfg(feature = "a")]`, or `#[cfg(any(feature = "a", feature = "b"))]`;
/// nothing for `None`.
pub fn cfg(features: Option<&BTreeSet<String>>) -> TokenStream {
    match features.map(|features| features.iter().collect::<Vec<_>>()).as_deref() {
        None | Some([]) => TokenStream::new(),
        Some([feature]) => quote! { #[cfg(feature = #feature)] },
        Some(features) => quote! { #[cfg(any(#(feature = #features),*))] },
    }
}

/// The attribute on a choice's variant, and on every arm or statement that
/// names it: `#[cfg(feature = "customer")]`, nothing for an alternative
/// compiled always.
pub fn variant_gate(variant: &Variant) -> TokenStream {
    match &variant.feature {
        Some(feature) => quote! { #[cfg(feature = #feature)] },
        None => TokenStream::new(),
    }
}

/// [`variant_gate`] of the variant named `variant` of the choice `item`
/// (nothing when `item` is not a choice or has no such variant).
pub fn operator_gate(item: &Item, variant: &str) -> TokenStream {
    match &item.kind {
        ItemKind::Choice(choice) => {
            choice.variants.iter().find(|one| one.name == variant).map(variant_gate).unwrap_or_default()
        }
        _ => TokenStream::new(),
    }
}

/// The arm a `match` on a gated choice needs when every feature is off and
/// the enum has no variant: `_ => #body` (`match *self {}`) under
/// `#[cfg(not(any(...)))]`. Nothing when some variant is compiled always.
pub fn no_variant_arm(choice: &Choice, body: TokenStream) -> TokenStream {
    match no_variant_cfg(choice) {
        Some(cfg) => quote! { #cfg _ => #body, },
        None => TokenStream::new(),
    }
}

/// `#[cfg(not(any(...)))]`: true when none of the choice's variants is
/// compiled; `None` when some variant is compiled always.
pub fn no_variant_cfg(choice: &Choice) -> Option<TokenStream> {
    let features = no_variant_features(choice)?;
    Some(quote! { #[cfg(not(any(#(feature = #features),*)))] })
}

/// The features of the choice's alternatives, when every one has one.
fn no_variant_features(choice: &Choice) -> Option<Vec<&String>> {
    let features: Option<Vec<&String>> = choice.variants.iter().map(|variant| variant.feature.as_ref()).collect();
    features.filter(|features| !features.is_empty())
}

/// The lints to allow on every item generated for a choice while it has no
/// variant (every feature of its alternatives off): its functions then
/// end in `match *self {}` and use neither their arguments nor what follows.
pub fn no_variant_lints(item: &Item) -> TokenStream {
    let ItemKind::Choice(choice) = &item.kind else { return TokenStream::new() };
    let Some(features) = no_variant_features(choice) else { return TokenStream::new() };
    quote! {
        #[cfg_attr(
            not(any(#(feature = #features),*)),
            allow(unreachable_code, unused_variables, unused_mut, reason = "every operator feature is off: the enum has no variant")
        )]
    }
}

/// The reader's arm for an alternative whose feature is off: its element
/// is an error naming the feature (`FeatureDisabled`), not an unexpected
/// element. Nothing for an alternative compiled always.
pub fn disabled_arm(variant: &Variant) -> TokenStream {
    let Some(feature) = &variant.feature else { return TokenStream::new() };
    let elements = variant.kind.first();
    quote! {
        #(
            #[cfg(not(feature = #feature))]
            Some(#elements) => return Err(r.feature_disabled(#elements, #feature, env!("CARGO_PKG_NAME"))),
        )*
    }
}

/// The lints a choice's items need while it has no variant, and the
/// features of its variants: an impl gated by those features compiles only
/// with a variant, and does without the lints.
pub struct NoVariantLints<'c> {
    /// The `#[cfg_attr(..., allow(...))]` of [`no_variant_lints`].
    pub lints: TokenStream,
    /// The features of the choice's variants.
    pub variant_features: Vec<&'c String>,
}

impl<'c> NoVariantLints<'c> {
    /// Those of `item`, when it is a choice whose every variant is gated.
    pub fn of(item: &'c Item) -> Option<Self> {
        let ItemKind::Choice(choice) = &item.kind else { return None };
        Some(Self { lints: no_variant_lints(item), variant_features: no_variant_features(choice)? })
    }
}

/// The items of `code` (one item's definition and impls): each with
/// `attribute` (a gate) in front, and the lints of a choice without
/// variants unless the item compiles only with a variant. An item whose own
/// `#[cfg(feature = ...)]` does not hold for the features `compiles` says
/// are on is left out, as the compiler would leave it out.
pub fn gated_items(
    code: TokenStream,
    attribute: &TokenStream,
    no_variant: Option<&NoVariantLints<'_>>,
    compiles: &dyn Fn(&str) -> bool,
) -> Result<Vec<syn::Item>, Error> {
    let file: syn::File =
        syn::parse2(code).map_err(|error| Error::Internal(format!("generated code does not parse: {error}")))?;
    let parse = |tokens: &TokenStream| {
        syn::parse::Parser::parse2(syn::Attribute::parse_outer, tokens.clone())
            .map_err(|error| Error::Internal(format!("generated gate does not parse: {error}")))
    };
    let mut items = Vec::with_capacity(file.items.len());
    for mut item in file.items {
        let Some(own) = attributes_of(&mut item) else {
            return Err(Error::Internal("generated an item that takes no attribute".to_owned()));
        };
        let conditions: Vec<Option<Vec<String>>> =
            own.iter().filter(|own| own.path().is_ident("cfg")).map(cfg_features).collect();
        let holds = conditions.iter().flatten().all(|features| features.iter().any(|feature| compiles(feature)));
        if !holds {
            continue;
        }
        // Parsed for each item: syn's attributes are not `Clone` here.
        let mut added = if attribute.is_empty() { Vec::new() } else { parse(attribute)? };
        if let Some(no_variant) = no_variant {
            let with_a_variant = conditions
                .iter()
                .flatten()
                .any(|features| features.iter().all(|feature| no_variant.variant_features.contains(&feature)));
            if !with_a_variant {
                added.extend(parse(&no_variant.lints)?);
            }
        }
        own.splice(0..0, added);
        items.push(item);
    }
    Ok(items)
}

/// The features of a `#[cfg(...)]` of the forms gates have (`feature =
/// "a"`, `any(feature = "a", ...)`): it holds when one of them is on.
/// `None` for any other condition, which is left to the compiler.
fn cfg_features(cfg: &syn::Attribute) -> Option<Vec<String>> {
    let feature = |meta: &syn::Meta| match meta {
        syn::Meta::NameValue(pair) if pair.path.is_ident("feature") => match &pair.value {
            syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(name), .. }) => Some(name.value()),
            _ => None,
        },
        _ => None,
    };
    match cfg.parse_args::<syn::Meta>().ok()? {
        syn::Meta::List(list) if list.path.is_ident("any") => list
            .parse_args_with(syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated)
            .ok()?
            .iter()
            .map(feature)
            .collect(),
        one => feature(&one).map(|name| vec![name]),
    }
}

/// The attributes of an item of the kinds generated code has.
fn attributes_of(item: &mut syn::Item) -> Option<&mut Vec<syn::Attribute>> {
    Some(match item {
        syn::Item::Const(item) => &mut item.attrs,
        syn::Item::Enum(item) => &mut item.attrs,
        syn::Item::Fn(item) => &mut item.attrs,
        syn::Item::Impl(item) => &mut item.attrs,
        syn::Item::Macro(item) => &mut item.attrs,
        syn::Item::Mod(item) => &mut item.attrs,
        syn::Item::Static(item) => &mut item.attrs,
        syn::Item::Struct(item) => &mut item.attrs,
        syn::Item::Trait(item) => &mut item.attrs,
        syn::Item::Type(item) => &mut item.attrs,
        syn::Item::Union(item) => &mut item.attrs,
        syn::Item::Use(item) => &mut item.attrs,
        _ => return None,
    })
}
