//! Serializers: the bodies of `write_element` and `write_group`, children
//! always in schema order.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::ident;
use crate::plan::{Choice, FieldKind, Occurs, Struct, StructContent};

/// Writes the attributes of a struct into the open start tag.
pub fn attributes(plan: &Struct) -> TokenStream {
    let attributes = plan.attributes.iter().map(|attribute| {
        let field = ident(&attribute.name);
        let xml_name = &attribute.xml_name;
        if attribute.required {
            quote! { w.attribute(#xml_name, &self.#field); }
        } else {
            quote! {
                if let Some(value) = &self.#field {
                    w.attribute(#xml_name, value);
                }
            }
        }
    });
    let other = plan.other_attributes.as_ref().map(|other| {
        let field = ident(&other.field);
        quote! {
            for attribute in &self.#field {
                w.attribute(&attribute.name, &attribute.value);
            }
        }
    });
    quote! { #(#attributes)* #other }
}

/// Writes the content of a struct: its text, or its fields in order.
pub fn content(plan: &Struct) -> TokenStream {
    match &plan.content {
        StructContent::Empty => TokenStream::new(),
        StructContent::Simple(value) => {
            let field = ident(&value.name);
            quote! { w.value(&self.#field); }
        }
        StructContent::Sequence(fields) | StructContent::All(fields) => {
            let writes = fields.iter().map(|field| write_kind(&field.kind, Some(&ident(&field.name))));
            quote! { #(#writes)* }
        }
    }
}

/// Writes the alternative a choice holds.
pub fn alternatives(choice: &Choice) -> TokenStream {
    let arms = choice.variants.iter().map(|variant| {
        let name = ident(&variant.name);
        let write = write_kind(&variant.kind, None);
        let gate = super::variant_gate(variant);
        quote! { #gate Self::#name(value) => { #write } }
    });
    let no_variant = super::no_variant_arm(choice, quote! { match *self {} });
    quote! {
        match self {
            #(#arms)*
            #no_variant
        }
    }
}

/// Writes what a field (`self.field`) or a variant (bound to `value`, a
/// reference) holds.
fn write_kind(kind: &FieldKind, field: Option<&Ident>) -> TokenStream {
    let (direct, reference) = match field {
        Some(field) => (quote! { self.#field }, quote! { &self.#field }),
        None => (quote! { value }, quote! { value }),
    };
    match kind {
        FieldKind::Element(element) => {
            let xml_name = &element.xml_name;
            match element.occurs {
                Occurs::Required => quote! { #direct.write_element(w, #xml_name); },
                Occurs::Optional => quote! {
                    if let Some(value) = #reference {
                        value.write_element(w, #xml_name);
                    }
                },
                Occurs::Repeated { .. } => quote! {
                    for item in #reference {
                        item.write_element(w, #xml_name);
                    }
                },
            }
        }
        FieldKind::Group(group) => match group.occurs {
            Occurs::Required => quote! { #direct.write_group(w); },
            Occurs::Optional => quote! {
                if let Some(group) = #reference {
                    group.write_group(w);
                }
            },
            Occurs::Repeated { .. } => quote! {
                for group in #reference {
                    group.write_group(w);
                }
            },
        },
        FieldKind::Wildcard(_) => quote! {
            for element in #reference {
                element.write(w);
            }
        },
    }
}
