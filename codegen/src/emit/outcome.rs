//! `OperationResult` for the structs the plan found to be an operation's
//! result: `Err` for any status but `ok`, and what a success carries.

use proc_macro2::TokenStream;
use quote::quote;

use super::{ident, occurrence_type};
use crate::plan::{FieldKind, Item, ItemKind, Module, Occurs, Outcome, RustType, Success};

/// The implementation for `item`, when it is a result.
pub fn item(module: &Module, item: &Item) -> TokenStream {
    let Some(outcome) = module.outcomes.iter().find(|outcome| outcome.item == item.name) else {
        return TokenStream::new();
    };
    let ItemKind::Struct(plan) = &item.kind else { return TokenStream::new() };
    let name = ident(&item.name);
    let (success, value) = match &outcome.success {
        Success::Nothing => (quote! { () }, quote! { Ok(()) }),
        Success::Whole => (quote! { &'r Self }, quote! { Ok(self) }),
        Success::Field { field, required, missing } => {
            let Some(planned) = plan.content.fields().iter().find(|planned| &planned.name == field) else {
                return TokenStream::new();
            };
            let (one, occurs, boxed, copy) = match &planned.kind {
                FieldKind::Element(element) => (
                    occurrence_type(element),
                    element.occurs,
                    element.boxed,
                    !element.boxed && !element.nillable && is_copy(module, &element.ty),
                ),
                FieldKind::Group(group) => {
                    let ty = ident(&group.ty);
                    (quote! { #ty }, group.occurs, group.boxed, false)
                }
                FieldKind::Wildcard(_) => {
                    (quote! { xml::AnyElement }, Occurs::Repeated { min: 0, max: None }, false, false)
                }
            };
            let field = ident(field);
            let borrowed = if boxed {
                quote! { as_deref }
            } else {
                quote! { as_ref }
            };
            match occurs {
                // Values that are `Copy` (numbers, flags, enumerations) are
                // given by value, as the fields of the result would be read.
                Occurs::Required if copy => (quote! { #one }, quote! { Ok(self.#field) }),
                Occurs::Optional if copy && *required => (
                    quote! { #one },
                    quote! { self.#field.ok_or(xml::OperationError::Incomplete { missing: #missing }) },
                ),
                Occurs::Optional if copy => (quote! { Option<#one> }, quote! { Ok(self.#field) }),
                Occurs::Required if boxed => (quote! { &'r #one }, quote! { Ok(&*self.#field) }),
                Occurs::Required => (quote! { &'r #one }, quote! { Ok(&self.#field) }),
                Occurs::Optional if *required => (
                    quote! { &'r #one },
                    quote! { self.#field.#borrowed().ok_or(xml::OperationError::Incomplete { missing: #missing }) },
                ),
                Occurs::Optional => (quote! { Option<&'r #one> }, quote! { Ok(self.#field.#borrowed()) }),
                Occurs::Repeated { .. } if boxed => {
                    (quote! { Vec<&'r #one> }, quote! { Ok(self.#field.iter().map(|one| &**one).collect()) })
                }
                Occurs::Repeated { .. } => (quote! { &'r [#one] }, quote! { Ok(self.#field.as_slice()) }),
            }
        }
    };
    let check = status_check(outcome);
    quote! {
        impl xml::OperationResult for #name {
            type Success<'r> = #success;

            fn outcome(&self) -> Result<Self::Success<'_>, xml::OperationError> {
                #check
                #value
            }
        }
    }
}

/// `Err(Failed)` with the code and text unless the status is `ok`.
fn status_check(outcome: &Outcome) -> TokenStream {
    let status = ident(&outcome.status);
    let status_type = ident(&outcome.status_type);
    let ok = ident(&outcome.ok);
    let errcode = ident(&outcome.errcode);
    let errtext = ident(&outcome.errtext);
    quote! {
        if self.#status != #status_type::#ok {
            return Err(xml::OperationError::Failed { code: self.#errcode, text: self.#errtext.clone() });
        }
    }
}

/// Whether values of `ty` are `Copy`: numbers and flags, enumerations, and
/// newtypes and aliases of them.
fn is_copy(module: &Module, ty: &RustType) -> bool {
    match ty {
        RustType::Bool | RustType::Integer(_) | RustType::Float(_) => true,
        RustType::Item(name) => match module.item(name).map(|item| &item.kind) {
            Some(ItemKind::Enumeration(_)) => true,
            Some(ItemKind::Newtype(newtype)) => {
                matches!(newtype.inner, RustType::Bool | RustType::Integer(_) | RustType::Float(_))
            }
            Some(ItemKind::Alias(target)) => is_copy(module, target),
            _ => false,
        },
        RustType::String | RustType::List(_) | RustType::Runtime(_) => false,
    }
}
