//! Simple types: `SimpleValue` (parse and write the lexical form), plus the
//! conversions a user expects (`Display`, `FromStr`, `From`).

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::{ident, rust_type};
use crate::model::WhiteSpace;
use crate::plan::{Enumeration, Item, ItemKind, Newtype, RustType, Union};

/// The simple-type implementations of an item (none for other items).
pub fn item(item: &Item) -> TokenStream {
    match &item.kind {
        ItemKind::Enumeration(enumeration) => self::enumeration(item, enumeration),
        ItemKind::Newtype(newtype) => self::newtype(item, newtype),
        ItemKind::Union(union) => self::union(item, union),
        _ => TokenStream::new(),
    }
}

fn enumeration(item: &Item, enumeration: &Enumeration) -> TokenStream {
    let name = ident(&item.name);
    let variants: Vec<_> = enumeration.values.iter().map(|value| ident(&value.variant)).collect();
    let values: Vec<_> = enumeration.values.iter().map(|value| value.value.as_str()).collect();
    let count = super::count(variants.len() as u64);
    let parse = match enumeration.integer {
        Some(integer) => {
            let integer = ident(integer);
            // The plan gives every value of an integer enumeration its number.
            let literals = enumeration.values.iter().map(|value| value.number.map(Literal::i128_unsuffixed));
            quote! {
                let not_allowed = xml::ValueError::NotAllowed { allowed: &[#(#values),*] };
                match <#integer as xml::SimpleValue>::parse_text(text).map_err(|_| not_allowed.clone())? {
                    #(#literals => Ok(Self::#variants),)*
                    _ => Err(not_allowed),
                }
            }
        }
        None => {
            let normalized = match enumeration.white_space {
                WhiteSpace::Preserve => quote! { text },
                WhiteSpace::Replace => quote! { &*xml::WhiteSpace::Replace.apply(text) },
                WhiteSpace::Collapse => quote! { &*xml::WhiteSpace::Collapse.apply(text) },
            };
            quote! {
                match #normalized {
                    #(#values => Ok(Self::#variants),)*
                    _ => Err(xml::ValueError::NotAllowed { allowed: &[#(#values),*] }),
                }
            }
        }
    };
    quote! {
        impl #name {
            /// Every value, in schema order.
            pub const ALL: [Self; #count] = [#(Self::#variants),*];

            /// The value as the schema writes it.
            pub fn as_str(self) -> &'static str {
                match self {
                    #(Self::#variants => #values,)*
                }
            }
        }

        impl xml::SimpleValue for #name {
            fn parse_text(text: &str) -> Result<Self, xml::ValueError> {
                #parse
            }

            fn write_text(&self, sink: &mut xml::TextSink<'_>) {
                sink.push_str(self.as_str());
            }
        }

        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for #name {
            type Err = xml::ValueError;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                xml::SimpleValue::parse_text(text)
            }
        }
    }
}

fn newtype(item: &Item, newtype: &Newtype) -> TokenStream {
    let name = ident(&item.name);
    let inner = rust_type(&newtype.inner);
    let string_helpers = (newtype.inner == RustType::String).then(|| {
        quote! {
            impl #name {
                /// The value as text.
                pub fn as_str(&self) -> &str {
                    &self.0
                }
            }

            impl From<&str> for #name {
                fn from(value: &str) -> Self {
                    Self(value.to_owned())
                }
            }
        }
    });
    let display = (!matches!(newtype.inner, RustType::List(_))).then(|| {
        quote! {
            impl std::fmt::Display for #name {
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    std::fmt::Display::fmt(&self.0, f)
                }
            }
        }
    });
    quote! {
        impl From<#inner> for #name {
            fn from(value: #inner) -> Self {
                Self(value)
            }
        }

        #string_helpers
        #display

        impl xml::SimpleValue for #name {
            fn parse_text(text: &str) -> Result<Self, xml::ValueError> {
                xml::SimpleValue::parse_text(text).map(Self)
            }

            fn write_text(&self, sink: &mut xml::TextSink<'_>) {
                xml::SimpleValue::write_text(&self.0, sink);
            }
        }
    }
}

fn union(item: &Item, union: &Union) -> TokenStream {
    let name = ident(&item.name);
    let label = &item.name;
    // A member takes the value only if the value also satisfies the member's
    // facets, as XSD says; otherwise the next member is tried.
    let attempts = union.members.iter().map(|member| {
        let variant = ident(&member.variant);
        let ty = rust_type(&member.ty);
        match (&member.checks, &member.ty) {
            (Some(checks), _) => {
                let check = super::validate::check(
                    checks,
                    quote! { &value },
                    quote! { &xml::ElementPath::RELATIVE },
                    &member.variant,
                    false,
                );
                quote! {
                    if let Ok(value) = <#ty as xml::SimpleValue>::parse_text(text) {
                        let violations = &mut Vec::new();
                        #check
                        if violations.is_empty() {
                            return Ok(Self::#variant(value));
                        }
                    }
                }
            }
            (None, RustType::Item(_)) => quote! {
                if let Ok(value) = <#ty as xml::SimpleValue>::parse_text(text)
                    && xml::Validate::validate(&value).is_ok()
                {
                    return Ok(Self::#variant(value));
                }
            },
            (None, _) => quote! {
                if let Ok(value) = <#ty as xml::SimpleValue>::parse_text(text) {
                    return Ok(Self::#variant(value));
                }
            },
        }
    });
    let writes = union.members.iter().map(|member| {
        let variant = ident(&member.variant);
        quote! { Self::#variant(value) => xml::SimpleValue::write_text(value, sink), }
    });
    quote! {
        impl xml::SimpleValue for #name {
            fn parse_text(text: &str) -> Result<Self, xml::ValueError> {
                #(#attempts)*
                Err(xml::ValueError::Syntax { expected: #label })
            }

            fn write_text(&self, sink: &mut xml::TextSink<'_>) {
                match self {
                    #(#writes)*
                }
            }
        }
    }
}
