//! The `From` conversions the plan found unambiguous, and what builds a
//! packet from operations: `From<Operation> for Operators` (and from an
//! operator's choice of operations), the
//! `Operation` links, and the packet struct's `From`, `push`, `with`,
//! `FromIterator` and `Extend`. Each conversion is an item of its own, so
//! that an attribute (a `#[cfg]`) can be put on each.

use proc_macro2::TokenStream;
use quote::quote;

use super::gate::{no_variant_lints, operator_gate};
use super::ident;
use crate::plan::{Envelope, Item, ItemKind, Module, Occurs, Operators};

/// The conversions into and out of `item`.
pub fn item(module: &Module, item: &Item) -> TokenStream {
    let conversions = &module.conversions;
    let mut tokens = TokenStream::new();
    if let ItemKind::Choice(choice) = &item.kind {
        let only_variant = choice.variants.len() == 1;
        let gated = choice.variants.iter().any(|variant| variant.feature.is_some());
        for alternative in conversions.alternatives_of(&item.name) {
            let gate = operator_gate(item, &alternative.variant);
            tokens.extend(alternative_conversion(
                &item.name,
                &alternative.variant,
                &alternative.ty,
                only_variant,
                gated,
                &gate,
            ));
        }
    }
    if let Some(list) = conversions.list_into(&item.name) {
        let name = ident(&item.name);
        let field = ident(&list.field);
        let choice = ident(&list.choice);
        tokens.extend(if list.optional {
            quote! {
                impl From<#choice> for #name {
                    /// The one alternative given.
                    fn from(choice: #choice) -> Self {
                        Self { #field: Some(choice) }
                    }
                }
            }
        } else {
            quote! {
                impl From<#choice> for #name {
                    /// A list of one.
                    fn from(operation: #choice) -> Self {
                        Self { #field: vec![operation] }
                    }
                }
            }
        });
        if conversions.operator_list(&item.name).is_some() {
            tokens.extend(quote! {
                impl xml::Operator for #name {
                    type Operation = #choice;

                    fn operations(&self) -> &[#choice] {
                        &self.#field
                    }
                }
            });
        }
    }
    if let Some(group) = conversions.operators_of(&item.name) {
        tokens.extend(operation_links(item, group));
    }
    if let Some((group, envelope)) = conversions.envelope_of(&item.name) {
        let operators = module.item(&group.choice);
        tokens.extend(packet(operators, group, envelope));
    }
    tokens
}

/// `From<T> for Choice` and `Alternative<Choice> for T`, each under `gate`
/// (the variant's operator feature; `gated`: whether some variant of the
/// choice has one, so that the others may all be compiled out).
fn alternative_conversion(
    choice: &str,
    variant: &str,
    ty: &str,
    only_variant: bool,
    gated: bool,
    gate: &TokenStream,
) -> TokenStream {
    let choice = ident(choice);
    let variant = ident(variant);
    let ty = ident(ty);
    let of = if only_variant {
        quote! {
            let #choice::#variant(value) = choice;
            Some(value)
        }
    } else {
        let allow = gated.then(|| {
            quote! { #[allow(unreachable_patterns, reason = "the other alternatives' operator features may be off")] }
        });
        quote! {
            match choice {
                #choice::#variant(value) => Some(value),
                #allow
                _ => None,
            }
        }
    };
    quote! {
        #gate
        impl From<#ty> for #choice {
            fn from(value: #ty) -> Self {
                Self::#variant(value)
            }
        }

        #gate
        impl xml::Alternative<#choice> for #ty {
            fn of(choice: &#choice) -> Option<&Self> {
                #of
            }
        }
    }
}

/// For each operation no other operation of the group shares a type with:
/// `From<Operation> for Operators` (through its operator's list) and the
/// `Operation` link to its operator.
fn operation_links(item: &Item, group: &Operators) -> TokenStream {
    let operators = ident(&group.choice);
    let mut tokens = TokenStream::new();
    for operator in &group.operators {
        let Some(list) = &operator.list else { continue };
        let gate = operator_gate(item, &operator.variant);
        let variant = ident(&operator.variant);
        let list_type = ident(&list.item);
        let choice = ident(&list.choice);
        if list.choice_converts {
            tokens.extend(quote! {
                #gate
                impl From<#choice> for #operators {
                    fn from(operation: #choice) -> Self {
                        Self::#variant(#list_type::from(operation))
                    }
                }
            });
        }
        for operation in list.operations.iter().filter(|operation| operation.linked) {
            let Some(ty) = &operation.ty else { continue };
            let ty = ident(ty);
            tokens.extend(quote! {
                #gate
                impl From<#ty> for #operators {
                    fn from(operation: #ty) -> Self {
                        Self::#variant(#list_type::from(#choice::from(operation)))
                    }
                }

                #gate
                impl xml::Operation<#operators> for #ty {
                    type Operator = #list_type;
                }
            });
        }
    }
    tokens
}

/// The packet struct's constructors from operators and operations
/// (`operators`: the operators' choice, whose variants' gates the arms
/// that name them take).
fn packet(operators_item: Option<&Item>, group: &Operators, envelope: &Envelope) -> TokenStream {
    let name = ident(&envelope.item);
    let operators = ident(&group.choice);
    let field = ident(&envelope.field);
    let absent = envelope.absent.iter().map(|(field, occurs)| {
        let field = ident(field);
        match occurs {
            Occurs::Repeated { .. } => quote! { #field: Vec::new() },
            Occurs::Required | Occurs::Optional => quote! { #field: None },
        }
    });
    let merges: Vec<TokenStream> = group
        .operators
        .iter()
        .filter_map(|operator| {
            let list = operator.list.as_ref()?;
            let gate = operators_item.map(|item| operator_gate(item, &operator.variant)).unwrap_or_default();
            let variant = ident(&operator.variant);
            let list_field = ident(&list.field);
            Some(quote! {
                #gate
                (Some(#operators::#variant(last)), #operators::#variant(next)) => last.#list_field.extend(next.#list_field),
            })
        })
        .collect();
    let push = if merges.is_empty() {
        quote! { self.#field.push(operation.into()); }
    } else {
        quote! {
            match (self.#field.last_mut(), operation.into()) {
                #(#merges)*
                (_, next) => self.#field.push(next),
            }
        }
    };
    let lints = operators_item.map(no_variant_lints).unwrap_or_default();
    quote! {
        #lints
        impl #name {
            /// Appends an operation, or a whole operator element, after the
            /// others: into the last operator element when it is of the same
            /// operator, so that consecutive operations of one operator
            /// share its element, and in a new operator element otherwise. The order of the
            /// operations is always the order they were added in.
            pub fn push(&mut self, operation: impl Into<#operators>) {
                #push
            }

            /// The packet with `operation` appended, as by [`push`](Self::push).
            #[must_use]
            pub fn with(mut self, operation: impl Into<#operators>) -> Self {
                self.push(operation);
                self
            }
        }

        #lints
        impl<T> From<T> for #name
        where
            #operators: From<T>,
        {
            /// A packet of one operation (or one operator element), its
            /// other fields absent.
            fn from(operation: T) -> Self {
                Self::from_iter([#operators::from(operation)])
            }
        }

        impl FromIterator<#operators> for #name {
            /// A packet of these operations, as by [`push`](Self::push), its
            /// other fields absent.
            fn from_iter<I: IntoIterator<Item = #operators>>(operations: I) -> Self {
                let mut packet = Self { #(#absent,)* #field: Vec::new() };
                packet.extend(operations);
                packet
            }
        }

        impl Extend<#operators> for #name {
            fn extend<I: IntoIterator<Item = #operators>>(&mut self, operations: I) {
                for operation in operations {
                    self.push(operation);
                }
            }
        }
    }
}
