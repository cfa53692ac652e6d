//! Deserializers: the bodies of `read_content` and `read_group`, one element
//! of lookahead deciding every optional part, repetition and alternative.

use proc_macro2::TokenStream;
use quote::quote;

use super::{count, ident, max_tokens};
use crate::plan::{Choice, Field, FieldKind, Occurs, Struct, StructContent};

/// Reads the attributes of `start` into one local per attribute field;
/// required ones missing and undeclared ones are errors.
pub fn attributes(plan: &Struct) -> TokenStream {
    if plan.attributes.is_empty() && plan.other_attributes.is_none() {
        return quote! { r.no_attributes(start)?; };
    }
    let declarations = plan.attributes.iter().map(|attribute| {
        let field = ident(&attribute.name);
        quote! { let mut #field = None; }
    });
    let arms = plan.attributes.iter().map(|attribute| {
        let field = ident(&attribute.name);
        let xml_name = &attribute.xml_name;
        quote! { #xml_name => #field = Some(r.attribute_value(start, &attribute)?), }
    });
    let (other_declaration, fallback) = match &plan.other_attributes {
        Some(field) => {
            let field = ident(field);
            (quote! { let mut #field = Vec::new(); }, quote! { _ => #field.push(attribute.to_any()), })
        }
        None => (TokenStream::new(), quote! { _ => return Err(r.unexpected_attribute(start, &attribute)), }),
    };
    let required = plan.attributes.iter().filter(|attribute| attribute.required).map(|attribute| {
        let field = ident(&attribute.name);
        let xml_name = &attribute.xml_name;
        quote! { let #field = #field.ok_or_else(|| r.missing_attribute(start, #xml_name))?; }
    });
    quote! {
        #(#declarations)*
        #other_declaration
        for attribute in r.attributes(start) {
            let attribute = attribute?;
            match attribute.name() {
                #(#arms)*
                #fallback
            }
        }
        #(#required)*
    }
}

/// Reads the content of a struct into one local per field.
pub fn content(plan: &Struct) -> TokenStream {
    match &plan.content {
        StructContent::Empty => TokenStream::new(),
        StructContent::Simple(value) => {
            let field = ident(&value.name);
            quote! { let #field = r.read_value()?; }
        }
        StructContent::Sequence(fields) => {
            let reads = fields.iter().map(|field| {
                let name = ident(&field.name);
                let read = read_kind(&field.kind);
                quote! { let #name = #read; }
            });
            quote! { #(#reads)* }
        }
        StructContent::All(fields) => all(fields),
    }
}

/// `xs:all`: the elements in any order, each at most once.
fn all(fields: &[Field]) -> TokenStream {
    let declarations = fields.iter().map(|field| {
        let name = ident(&field.name);
        quote! { let mut #name = None; }
    });
    let arms = fields.iter().filter_map(|field| {
        let FieldKind::Element(element) = &field.kind else {
            return None;
        };
        let name = ident(&field.name);
        let xml_name = &element.xml_name;
        let read = if element.boxed {
            quote! { Box::new(r.required(#xml_name, &[#xml_name])?) }
        } else {
            quote! { r.required(#xml_name, &[#xml_name])? }
        };
        Some(quote! { #xml_name if #name.is_none() => #name = Some(#read), })
    });
    let required = fields.iter().filter_map(|field| {
        let FieldKind::Element(element) = &field.kind else {
            return None;
        };
        (element.occurs == Occurs::Required).then(|| {
            let name = ident(&field.name);
            let xml_name = &element.xml_name;
            quote! { let #name = #name.ok_or_else(|| r.missing(&[#xml_name]))?; }
        })
    });
    quote! {
        #(#declarations)*
        while let Some(name) = r.peek_element()? {
            match name {
                #(#arms)*
                _ => break,
            }
        }
        #(#required)*
    }
}

/// The expression reading one field or variant.
fn read_kind(kind: &FieldKind) -> TokenStream {
    match kind {
        FieldKind::Element(element) => {
            let xml_name = &element.xml_name;
            match (element.occurs, element.boxed) {
                (Occurs::Required, false) => quote! { r.required(#xml_name, &[#xml_name])? },
                (Occurs::Required, true) => quote! { Box::new(r.required(#xml_name, &[#xml_name])?) },
                (Occurs::Optional, false) => quote! { r.optional(#xml_name)? },
                (Occurs::Optional, true) => quote! { r.optional(#xml_name)?.map(Box::new) },
                (Occurs::Repeated { min, max }, _) => {
                    let (min, max) = (count(min), max_tokens(max));
                    quote! { r.repeated(#xml_name, #min, #max)? }
                }
            }
        }
        FieldKind::Group(group) => {
            let ty = ident(&group.ty);
            let first = &group.first;
            match (group.occurs, group.boxed) {
                (Occurs::Required, false) => quote! { r.required_group(&[#(#first),*])? },
                (Occurs::Required, true) => quote! { Box::new(r.required_group(&[#(#first),*])?) },
                (Occurs::Optional, false) => quote! { #ty::read_group(r)? },
                (Occurs::Optional, true) => quote! { #ty::read_group(r)?.map(Box::new) },
                (Occurs::Repeated { min, max }, _) => {
                    let (min, max) = (count(min), max_tokens(max));
                    quote! { r.repeated_group(#min, #max, &[#(#first),*])? }
                }
            }
        }
        FieldKind::Wildcard(wildcard) => {
            let (min, max) = match wildcard.occurs {
                Occurs::Required => (1, Some(1)),
                Occurs::Optional => (0, Some(1)),
                Occurs::Repeated { min, max } => (min, max),
            };
            let (min, max) = (count(min), max_tokens(max));
            let followers = &wildcard.followers;
            quote! { r.wildcard_elements(#min, #max, &[#(#followers),*])? }
        }
    }
}

/// The element names that can start a field or variant.
fn first_names(kind: &FieldKind) -> Vec<String> {
    match kind {
        FieldKind::Element(element) => vec![element.xml_name.clone()],
        FieldKind::Group(group) => group.first.clone(),
        FieldKind::Wildcard(_) => Vec::new(),
    }
}

/// The child elements of a struct's content, one slot per field, in
/// schema order: what `end_of_content` needs to tell an element out of order
/// from one repeated too often or not allowed at all.
pub fn known_children(plan: &Struct) -> TokenStream {
    let slots = plan.content.fields().iter().map(|field| {
        let names = first_names(&field.kind);
        quote! { &[#(#names),*] }
    });
    quote! { &[#(#slots),*] }
}

fn choice_names<'k>(kinds: impl Iterator<Item = &'k FieldKind>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for name in kinds.flat_map(first_names) {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// Every element that can start one of the alternatives.
pub fn choice_first(choice: &Choice) -> Vec<String> {
    choice_names(choice.variants.iter().map(|variant| &variant.kind))
}

/// A `match` on the next element that reads the alternative it starts;
/// `otherwise` is the arm for anything else.
pub fn alternatives(choice: &Choice, otherwise: TokenStream) -> TokenStream {
    let mut arms = Vec::new();
    let mut wildcard = None;
    for variant in &choice.variants {
        let name = ident(&variant.name);
        let read = read_kind(&variant.kind);
        match &variant.kind {
            FieldKind::Wildcard(_) => wildcard = Some(quote! { Some(_) => Self::#name(#read), }),
            kind => {
                let first = first_names(kind);
                arms.push(quote! { Some(#(#first)|*) => Self::#name(#read), });
            }
        }
    }
    quote! {
        match r.peek_element()? {
            #(#arms)*
            #wildcard
            _ => #otherwise,
        }
    }
}

/// Returns `Ok(None)` unless the next element starts a sequence group: one
/// of the elements that can come first (up to the first required field).
pub fn starts_group(plan: &Struct) -> TokenStream {
    let mut first = Vec::new();
    for field in plan.content.fields() {
        if matches!(field.kind, FieldKind::Wildcard(_)) {
            return quote! {
                if r.peek_element()?.is_none() {
                    return Ok(None);
                }
            };
        }
        for name in first_names(&field.kind) {
            if !first.contains(&name) {
                first.push(name);
            }
        }
        let optional = match &field.kind {
            FieldKind::Element(element) => element.occurs.is_optional(),
            FieldKind::Group(group) => group.occurs.is_optional(),
            FieldKind::Wildcard(wildcard) => wildcard.occurs.is_optional(),
        };
        if !optional {
            break;
        }
    }
    quote! {
        let Some(#(#first)|*) = r.peek_element()? else {
            return Ok(None);
        };
    }
}
