//! Deserializers: the bodies of `read_content` and `read_group`, one element
//! of lookahead deciding every optional part, repetition and alternative.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::{bounds_tokens, ident, wildcard_namespace};
use crate::plan::{Choice, Field, FieldKind, NamespaceConstraint, Occurs, Start, Struct, StructContent};

/// Names generated reading code uses for itself; a local for a field of the
/// same name gets a trailing underscore.
const RESERVED_LOCALS: &[&str] = &["r", "start", "attribute", "value", "name"];

/// The local holding a field's value while it is read.
fn local(field: &str) -> Ident {
    if RESERVED_LOCALS.contains(&field) { ident(&format!("{field}_")) } else { ident(field) }
}

/// Reads the attributes of `start` into one local per attribute field;
/// required ones missing and undeclared ones are errors.
pub fn attributes(plan: &Struct) -> TokenStream {
    if plan.attributes.is_empty() && plan.other_attributes.is_none() {
        return quote! { r.no_attributes(start)?; };
    }
    let declarations = plan.attributes.iter().map(|attribute| {
        let local = local(&attribute.name);
        quote! { let mut #local = None; }
    });
    let arms = plan.attributes.iter().map(|attribute| {
        let local = local(&attribute.name);
        let xml_name = &attribute.xml_name;
        quote! { #xml_name => #local = Some(r.attribute_value(start, &attribute)?), }
    });
    let admit = |namespaces: &NamespaceConstraint| {
        (*namespaces != NamespaceConstraint::Any).then(|| {
            let namespace = wildcard_namespace(namespaces);
            quote! { r.admit_attribute(start, &attribute, #namespace)?; }
        })
    };
    let (other_declaration, fallback) = match &plan.other_attributes {
        Some(other) => {
            let local = local(&other.field);
            let fallback = match admit(&other.namespaces) {
                Some(admit) => quote! {
                    _ => {
                        #admit
                        #local.push(attribute.to_any());
                    }
                },
                None => quote! { _ => #local.push(attribute.to_any()), },
            };
            (quote! { let mut #local = Vec::new(); }, fallback)
        }
        None => (TokenStream::new(), quote! { _ => return Err(r.unexpected_attribute(start, &attribute)), }),
    };
    let required = plan.attributes.iter().filter(|attribute| attribute.required).map(|attribute| {
        let local = local(&attribute.name);
        let xml_name = &attribute.xml_name;
        quote! { let #local = #local.ok_or_else(|| r.missing_attribute(start, #xml_name))?; }
    });
    let namespaces = plan.other_attributes.as_ref().map(|other| {
        let local = local(&other.field);
        quote! { r.declare_namespaces(&mut #local); }
    });
    let collect = if plan.attributes.is_empty() {
        // Only a wildcard: every attribute it admits is kept.
        let other = plan.other_attributes.as_ref();
        let local = other.map(|other| local(&other.field));
        match other.and_then(|other| admit(&other.namespaces)) {
            Some(admit) => quote! {
                for attribute in r.attributes(start) {
                    let attribute = attribute?;
                    #admit
                    #local.push(attribute.to_any());
                }
            },
            None => quote! {
                for attribute in r.attributes(start) {
                    #local.push(attribute?.to_any());
                }
            },
        }
    } else {
        quote! {
            for attribute in r.attributes(start) {
                let attribute = attribute?;
                match attribute.name() {
                    #(#arms)*
                    #fallback
                }
            }
        }
    };
    quote! {
        #(#declarations)*
        #other_declaration
        #collect
        #(#required)*
        #namespaces
    }
}

/// Statements that must run before the value is built: the locals of an
/// `xs:all` (read in any order). Sequences are read inside the struct
/// expression itself, whose fields Rust evaluates in the order written.
pub fn content_statements(plan: &Struct) -> TokenStream {
    match &plan.content {
        StructContent::All(fields) => all(fields, &plan.required_together),
        _ => TokenStream::new(),
    }
}

/// The expression building the struct from its attribute locals and its
/// content, read in schema order.
pub fn construct(plan: &Struct) -> TokenStream {
    let mut fields: Vec<TokenStream> = plan
        .attributes
        .iter()
        .map(|attribute| &attribute.name)
        .chain(plan.other_attributes.as_ref().map(|other| &other.field))
        .map(|field| {
            let (field, local) = (ident(field), local(field));
            if field == local {
                quote! { #field }
            } else {
                quote! { #field: #local }
            }
        })
        .collect();
    match &plan.content {
        StructContent::Empty => {}
        StructContent::Simple(value) => {
            let field = ident(&value.name);
            fields.push(quote! { #field: r.read_value()? });
        }
        StructContent::Sequence(content) => {
            fields.extend(content.iter().map(|field| {
                let name = ident(&field.name);
                let read = read_kind(&field.kind);
                quote! { #name: #read }
            }));
        }
        StructContent::All(content) => {
            fields.extend(content.iter().map(|field| {
                let (field, local) = (ident(&field.name), local(&field.name));
                if field == local {
                    quote! { #field }
                } else {
                    quote! { #field: #local }
                }
            }));
        }
    }
    if fields.is_empty() && plan.attributes.is_empty() && plan.other_attributes.is_none() {
        quote! { Self }
    } else {
        quote! { Self { #(#fields),* } }
    }
}

/// `xs:all`: the elements in any order, each at most once.
fn all(fields: &[Field], required_together: &[String]) -> TokenStream {
    let declarations = fields.iter().map(|field| {
        let local = local(&field.name);
        quote! { let mut #local = None; }
    });
    let arms = fields.iter().filter_map(|field| {
        let FieldKind::Element(element) = &field.kind else {
            return None;
        };
        let local = local(&field.name);
        let xml_name = &element.xml_name;
        let read = match (&element.default, element.boxed) {
            (Some(default), _) => quote! { r.required_defaulted(&#xml_name, #default)? },
            (None, true) => quote! { Box::new(r.required(&#xml_name)?) },
            (None, false) => quote! { r.required(&#xml_name)? },
        };
        Some(quote! { Some(#xml_name) if #local.is_none() => #local = Some(#read), })
    });
    let required = fields.iter().filter_map(|field| {
        let FieldKind::Element(element) = &field.kind else {
            return None;
        };
        (element.occurs == Occurs::Required).then(|| {
            let local = local(&field.name);
            let xml_name = &element.xml_name;
            quote! { let #local = #local.ok_or_else(|| r.missing(&[#xml_name]))?; }
        })
    });
    let present: Vec<_> = fields
        .iter()
        .map(|field| {
            let local = local(&field.name);
            quote! { #local.is_some() }
        })
        .collect();
    let together = fields.iter().filter(|field| required_together.contains(&field.name)).filter_map(|field| {
        let FieldKind::Element(element) = &field.kind else {
            return None;
        };
        let local = local(&field.name);
        let xml_name = &element.xml_name;
        Some(quote! {
            if (#(#present)||*) && #local.is_none() {
                return Err(r.missing(&[#xml_name]));
            }
        })
    });
    quote! {
        #(#declarations)*
        loop {
            match r.peek_element()? {
                #(#arms)*
                _ => break,
            }
        }
        #(#required)*
        #(#together)*
    }
}

/// The expression reading one field or variant.
fn read_kind(kind: &FieldKind) -> TokenStream {
    match kind {
        FieldKind::Element(element) => {
            let xml_name = &element.xml_name;
            // A nillable element's occurrences are `xml::Nillable`s, read the general way.
            let is_simple = element.is_simple && !element.nillable;
            match (element.occurs, element.boxed) {
                (Occurs::Required, false) if element.default.is_some() => {
                    let default = element.default.as_deref().unwrap_or_default();
                    quote! { r.required_defaulted(&#xml_name, #default)? }
                }
                (Occurs::Optional, false) if element.default.is_some() => {
                    let default = element.default.as_deref().unwrap_or_default();
                    quote! { r.optional_defaulted(#xml_name, #default)? }
                }
                (Occurs::Required, false) if is_simple => quote! { r.required_value(&#xml_name)? },
                (Occurs::Optional, false) if is_simple => quote! { r.optional_value(#xml_name)? },
                (Occurs::Repeated { .. }, _) if is_simple => {
                    let (min, max) = bounds_tokens(element.occurs);
                    quote! { r.repeated_values(#xml_name, #min, #max)? }
                }
                (Occurs::Required, false) => quote! { r.required(&#xml_name)? },
                (Occurs::Required, true) => quote! { Box::new(r.required(&#xml_name)?) },
                (Occurs::Optional, false) => quote! { r.optional(#xml_name)? },
                (Occurs::Optional, true) => quote! { r.optional(#xml_name)?.map(Box::new) },
                (Occurs::Repeated { .. }, _) => {
                    let (min, max) = bounds_tokens(element.occurs);
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
                (Occurs::Repeated { .. }, _) => {
                    let (min, max) = bounds_tokens(group.occurs);
                    quote! { r.repeated_group(#min, #max, &[#(#first),*])? }
                }
            }
        }
        FieldKind::Wildcard(wildcard) => {
            let (min, max) = bounds_tokens(wildcard.occurs);
            let followers = &wildcard.followers;
            let namespace = wildcard_namespace(&wildcard.namespace);
            quote! { r.wildcard_elements(#min, #max, &[#(#followers),*], #namespace)? }
        }
    }
}

/// The child elements of a struct's content, one slot per field, in
/// schema order: what `end_of_content` needs to tell an element out of order
/// from one repeated too often or not allowed at all.
pub fn known_children(plan: &Struct) -> TokenStream {
    let slots = plan.content.fields().iter().map(|field| {
        let names = field.kind.first();
        quote! { &[#(#names),*] }
    });
    quote! { &[#(#slots),*] }
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
                let first = kind.first();
                let gate = super::variant_gate(variant);
                let disabled = super::disabled_arm(variant);
                arms.push(quote! { #gate Some(#(#first)|*) => Self::#name(#read), #disabled });
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
    match &plan.start {
        Start::AnyElement => quote! {
            if r.peek_element()?.is_none() {
                return Ok(None);
            }
        },
        Start::Elements(first) => quote! {
            let Some(#(#first)|*) = r.peek_element()? else {
                return Ok(None);
            };
        },
    }
}
