//! The walk over a response's results that `failures()` takes: each
//! operator lists its operations (`OperatorResults`), each operation its
//! results (`OperationResults`), with their element names, as the plan's
//! operators groups say.

use proc_macro2::TokenStream;
use quote::quote;

use super::gate::{no_variant_arm, operator_gate};
use super::ident;
use crate::plan::{Item, ItemKind, Module, Occurs, OperatorList, Operators, ResultField};

/// The walk's implementations for `item`: an operators choice of a group
/// whose operations have results, or the operations' choice of one of its
/// operators.
pub fn item(module: &Module, item: &Item) -> TokenStream {
    let conversions = &module.conversions;
    let mut tokens = TokenStream::new();
    if let Some(group) = conversions.operators_of(&item.name).filter(|group| group.walks) {
        tokens.extend(operators(item, group));
    }
    if let Some(list) = conversions.walked_operations(&item.name) {
        tokens.extend(operations(list));
    }
    tokens
}

/// `OperatorResults` for the operators' choice.
fn operators(item: &Item, group: &Operators) -> TokenStream {
    let name = ident(&group.choice);
    let arms = group.operators.iter().map(|operator| {
        let gate = operator_gate(item, &operator.variant);
        let variant = ident(&operator.variant);
        let element = &operator.element;
        let arm = match &operator.list {
            Some(list) => {
                let field = ident(&list.field);
                quote! {
                    Self::#variant(operator) => (
                        #element,
                        operator.#field.iter().map(|operation| operation as &dyn xml::OperationResults).collect(),
                    ),
                }
            }
            None => quote! { Self::#variant(_) => (#element, Vec::new()), },
        };
        quote! { #gate #arm }
    });
    let none = match &item.kind {
        ItemKind::Choice(choice) => no_variant_arm(choice, quote! { match *self {} }),
        _ => TokenStream::new(),
    };
    quote! {
        impl xml::OperatorResults for #name {
            fn operations(&self) -> (&'static str, Vec<&dyn xml::OperationResults>) {
                match self {
                    #(#arms)*
                    #none
                }
            }
        }
    }
}

/// `OperationResults` for an operator's choice of operations.
fn operations(list: &OperatorList) -> TokenStream {
    let name = ident(&list.choice);
    let arms = list.operations.iter().map(|operation| {
        let variant = ident(&operation.variant);
        let element = &operation.element;
        if operation.results.is_empty() {
            return quote! { Self::#variant(_) => (#element, Vec::new()), };
        }
        let results = results(&operation.results);
        quote! { Self::#variant(operation) => (#element, #results), }
    });
    quote! {
        impl xml::OperationResults for #name {
            fn results(&self) -> (&'static str, Vec<(&'static str, &dyn xml::ResultFailure)>) {
                match self {
                    #(#arms)*
                }
            }
        }
    }
}

/// The results of `operation` held by `fields`, each with its element
/// name, as a `Vec`.
fn results(fields: &[ResultField]) -> TokenStream {
    if let [ResultField { field, element, occurs: Occurs::Required, boxed }] = fields {
        let field = ident(field);
        let value = if *boxed {
            quote! { &*operation.#field }
        } else {
            quote! { &operation.#field }
        };
        return quote! { Vec::from([(#element, #value as &dyn xml::ResultFailure)]) };
    }
    let mut parts = fields.iter().map(|ResultField { field, element, occurs, boxed }| {
        let field = ident(field);
        let values = match (occurs, boxed) {
            (Occurs::Required, false) => quote! { std::iter::once(&operation.#field) },
            (Occurs::Required, true) => quote! { std::iter::once(&*operation.#field) },
            (_, false) => quote! { operation.#field.iter() },
            (_, true) => quote! { operation.#field.iter().map(|result| &**result) },
        };
        quote! { #values.map(|result| (#element, result as &dyn xml::ResultFailure)) }
    });
    let first = parts.next().unwrap_or_else(|| quote! { std::iter::empty() });
    quote! { #first #(.chain(#parts))* .collect() }
}
