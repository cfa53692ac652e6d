//! The constructor of a struct without `Default`: `new`, taking what the
//! schema requires (required attributes and elements, repeated ones with a
//! minimum, the text of simple content) in field order, and leaving the rest
//! absent (`None`) or empty (an empty `Vec`). Text parameters take
//! `impl Into<String>`, so that `new("login")` reads as the schema does.

use proc_macro2::TokenStream;
use quote::quote;

use super::definition::field_occurrence;
use super::{field_type, ident, rust_type};
use crate::plan::{FieldKind, Item, Occurs, RustType, Struct, StructContent};

/// Clippy's default limit on a function's parameters, beyond which the
/// constructor allows its lint (a schema may require that many elements).
const MANY_PARAMETERS: usize = 7;

/// One field of the struct, as the constructor sets it.
struct Setting {
    /// The field name.
    field: TokenStream,
    /// The parameter, when the field is required.
    parameter: Option<TokenStream>,
    /// The field's value.
    value: TokenStream,
}

impl Setting {
    /// A field the constructor sets to `value` without a parameter.
    fn fixed(field: &str, value: TokenStream) -> Self {
        Self { field: ident_tokens(field), parameter: None, value }
    }

    /// A field set from the parameter of the same name, whose type is
    /// `one` (taken as `impl Into<String>` for text), wrapped by `wrap`.
    fn required(field: &str, one: TokenStream, is_text: bool, wrap: impl Fn(TokenStream) -> TokenStream) -> Self {
        let name = ident_tokens(field);
        let (parameter, taken) = if is_text {
            (quote! { #name: impl Into<String> }, quote! { #name.into() })
        } else {
            (quote! { #name: #one }, quote! { #name })
        };
        Self { field: name, parameter: Some(parameter), value: wrap(taken) }
    }
}

fn ident_tokens(name: &str) -> TokenStream {
    let name = ident(name);
    quote! { #name }
}

/// `impl Name { pub fn new(...) -> Self }` for a struct the plan gives no
/// `Default`; nothing for a struct with no field.
pub fn constructor(item: &Item, plan: &Struct) -> TokenStream {
    let mut settings: Vec<Setting> = plan
        .attributes
        .iter()
        .map(|attribute| {
            if attribute.required {
                Setting::required(&attribute.name, rust_type(&attribute.ty), attribute.ty == RustType::String, |v| v)
            } else {
                Setting::fixed(&attribute.name, quote! { None })
            }
        })
        .collect();
    if let Some(other) = &plan.other_attributes {
        settings.push(Setting::fixed(&other.field, quote! { Vec::new() }));
    }
    match &plan.content {
        StructContent::Empty => {}
        StructContent::Simple(value) => {
            settings.push(Setting::required(&value.name, rust_type(&value.ty), value.ty == RustType::String, |v| v));
        }
        StructContent::Sequence(fields) | StructContent::All(fields) => {
            settings.extend(fields.iter().map(|field| field_setting(&field.name, &field.kind)));
        }
    }
    if settings.is_empty() {
        return TokenStream::new();
    }
    let name = ident(&item.name);
    let parameters: Vec<&TokenStream> = settings.iter().filter_map(|setting| setting.parameter.as_ref()).collect();
    let allow = (parameters.len() > MANY_PARAMETERS).then(|| {
        quote! { #[allow(clippy::too_many_arguments, reason = "one parameter per field the schema requires")] }
    });
    let fields = settings.iter().map(|Setting { field, parameter, value }| match parameter {
        Some(_) if value.to_string() == field.to_string() => quote! { #field },
        _ => quote! { #field: #value },
    });
    quote! {
        impl #name {
            #[doc = " From the fields the schema requires; the others are `None` or empty."]
            #allow
            pub fn new(#(#parameters),*) -> Self {
                Self { #(#fields,)* }
            }
        }
    }
}

/// How the constructor sets an element, group or wildcard field.
fn field_setting(field: &str, kind: &FieldKind) -> Setting {
    let (one, occurs, boxed) = field_occurrence(kind);
    let is_text = matches!(kind, FieldKind::Element(element) if element.ty == RustType::String && !element.nillable);
    let boxing = move |value: TokenStream| {
        if boxed {
            quote! { Box::new(#value) }
        } else {
            value
        }
    };
    match (kind, occurs) {
        // Always a `Vec`, whatever its bounds.
        (FieldKind::Wildcard(wildcard), _) if wildcard.occurs.bounds().min > 0 => {
            Setting::required(field, field_type(one, occurs, boxed), false, |v| v)
        }
        (FieldKind::Wildcard(_), _) => Setting::fixed(field, quote! { Vec::new() }),
        // The schema requires it; its absence is only tolerated when read.
        (FieldKind::Element(element), Occurs::Optional) if element.tolerated.is_some() => {
            Setting::required(field, one, is_text && !boxed, move |value| {
                let value = boxing(value);
                quote! { Some(#value) }
            })
        }
        (_, Occurs::Required) => Setting::required(field, one, is_text && !boxed, boxing),
        (_, Occurs::Optional) => Setting::fixed(field, quote! { None }),
        (_, Occurs::Repeated { min: 0, .. }) => Setting::fixed(field, quote! { Vec::new() }),
        (_, Occurs::Repeated { .. }) => Setting::required(field, field_type(one, occurs, boxed), false, |v| v),
    }
}
