//! The facets of an item, declared once as associated constants
//! (`impl EmailType { const FACETS: xml::StringFacets = ...; }`) that
//! `validate()`, the reading of unions and the strategies all name, the
//! unset facets taken from the runtime's `NONE`.
//!
//! A set of facets is found by its *key*: the name of what it restricts
//! (`facets` for a newtype's value, a field's or variant's Rust name,
//! `attribute_<name>`, `<key>_item` for the items of a list), the constant
//! named after the key.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::validate::{number_fields, numeric_literal, option, white_space};
use super::{ident, rust_type, static_ident};
use crate::model::WhiteSpace;
use crate::plan::{Checks, FieldKind, Item, ItemKind, StructContent};

/// The key of a newtype's own facets.
pub(super) const NEWTYPE_KEY: &str = "facets";

/// `Self::NAME`: the constant holding the facets of `key`.
pub(super) fn reference(key: &str) -> TokenStream {
    let name = const_name(key);
    quote! { Self::#name }
}

/// The key of the facets of a list's items.
pub(super) fn item_key(key: &str) -> String {
    format!("{key}_item")
}

fn const_name(key: &str) -> Ident {
    static_ident(key, "")
}

/// The `impl` block declaring an item's facet constants; nothing when the
/// item has no facets.
pub fn item(item: &Item) -> TokenStream {
    let mut sets = Vec::new();
    collect(item, &mut sets);
    if sets.is_empty() {
        return TokenStream::new();
    }
    let name = ident(&item.name);
    let constants = sets.iter().map(|(key, restricted, checks)| declaration(key, restricted, checks));
    quote! {
        impl #name {
            #(#constants)*
        }
    }
}

/// Every set of facets of the item, in field order: its key, what it
/// restricts (for the constant's doc), and the facets.
fn collect<'i>(item: &'i Item, sets: &mut Vec<(String, String, &'i Checks)>) {
    let mut add = |key: String, restricted: String, checks: &'i Checks| {
        add_with_items(key, restricted, checks, sets);
    };
    match &item.kind {
        ItemKind::Struct(plan) => {
            for attribute in &plan.attributes {
                if let Some(checks) = &attribute.checks {
                    add(
                        format!("attribute_{}", attribute.name),
                        format!("the attribute `{}`", attribute.xml_name),
                        checks,
                    );
                }
            }
            match &plan.content {
                StructContent::Simple(value) => {
                    if let Some(checks) = &value.checks {
                        add(value.name.clone(), "the text".to_owned(), checks);
                    }
                }
                content => {
                    for field in content.fields() {
                        if let FieldKind::Element(element) = &field.kind
                            && let Some(checks) = &element.checks
                        {
                            add(field.name.clone(), format!("`<{}>`", element.xml_name), checks);
                        }
                    }
                }
            }
        }
        ItemKind::Choice(choice) => {
            for variant in &choice.variants {
                if let FieldKind::Element(element) = &variant.kind
                    && let Some(checks) = &element.checks
                {
                    add(variant.name.clone(), format!("`<{}>`", element.xml_name), checks);
                }
            }
        }
        ItemKind::Newtype(newtype) => add(NEWTYPE_KEY.to_owned(), "the value".to_owned(), &newtype.checks),
        ItemKind::Union(union) => {
            for member in &union.members {
                if let Some(checks) = &member.checks {
                    add(member.variant.clone(), format!("the member `{}`", member.variant), checks);
                }
            }
        }
        ItemKind::Enumeration(_) | ItemKind::Alias(_) | ItemKind::Wrapper(_) => {}
    }
}

/// Adds a set, and the set of its items when it is a list's.
fn add_with_items<'i>(
    key: String,
    restricted: String,
    checks: &'i Checks,
    sets: &mut Vec<(String, String, &'i Checks)>,
) {
    if let Checks::List { item: Some(item), .. } = checks {
        add_with_items(item_key(&key), format!("the items of {restricted}"), item, sets);
    }
    sets.push((key, restricted, checks));
}

/// One constant: the facets set, the others from `NONE`.
fn declaration(key: &str, restricted: &str, checks: &Checks) -> TokenStream {
    let name = const_name(key);
    let doc = format!(" The facets of {restricted}.");
    let (ty, constructor, mut fields, patterns) = match checks {
        Checks::String(string) => {
            let mut fields = Vec::new();
            if string.white_space != WhiteSpace::Preserve {
                let white_space = white_space(string.white_space);
                fields.push(quote! { white_space: #white_space });
            }
            fields.extend(lengths(string.length, string.min_length, string.max_length));
            (quote! { xml::StringFacets }, quote! { xml::StringFacets }, fields, string.patterns.as_slice())
        }
        Checks::Number(number) => {
            let ty = rust_type(&number.ty);
            let fields = number_fields(number, |bound| numeric_literal(bound, &number.ty));
            (quote! { xml::NumberFacets<#ty> }, quote! { xml::NumberFacets }, fields, &[][..])
        }
        Checks::Decimal(number) => {
            let fields = number_fields(number, |bound| quote! { #bound });
            (quote! { xml::DecimalFacets }, quote! { xml::DecimalFacets }, fields, &[][..])
        }
        Checks::List { length, min_length, max_length, enumeration, patterns, .. } => {
            let mut fields = lengths(*length, *min_length, *max_length);
            if !enumeration.is_empty() {
                fields.push(quote! { enumeration: &[#(#enumeration),*] });
            }
            (quote! { xml::ListFacets }, quote! { xml::ListFacets }, fields, patterns.as_slice())
        }
    };
    let pattern_names: Vec<Ident> =
        (0..patterns.len())
            .map(|index| {
                if index == 0 { static_ident("pattern", "") } else { static_ident("pattern", &(index + 1).to_string()) }
            })
            .collect();
    let pattern_statics = patterns.iter().zip(&pattern_names).map(|((xsd, regex), pattern)| {
        quote! { static #pattern: xml::Pattern = xml::Pattern::new(#xsd, #regex); }
    });
    if !patterns.is_empty() {
        fields.push(quote! { patterns: &[#(&#pattern_names),*] });
    }
    let value = if fields.is_empty() {
        quote! { #constructor::NONE }
    } else {
        quote! { #constructor { #(#fields,)* ..#constructor::NONE } }
    };
    if patterns.is_empty() {
        quote! {
            #[doc = #doc]
            const #name: #ty = #value;
        }
    } else {
        // A pattern is a static: it compiles its expression once, on first use.
        quote! {
            #[doc = #doc]
            const #name: #ty = {
                #(#pattern_statics)*
                #value
            };
        }
    }
}

/// The length facets that are set.
fn lengths(length: Option<u64>, min_length: Option<u64>, max_length: Option<u64>) -> Vec<TokenStream> {
    let mut fields = Vec::new();
    for (field, value) in [("length", length), ("min_length", min_length), ("max_length", max_length)] {
        if value.is_some() {
            let field = ident(field);
            let value = option(value);
            fields.push(quote! { #field: #value });
        }
    }
    fields
}
