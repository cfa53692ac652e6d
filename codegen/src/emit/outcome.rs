//! `OperationResult` for the structs the plan found to be an operation's
//! result: `Err` for any status but `ok`, and what a success carries.

use proc_macro2::TokenStream;
use quote::quote;

use super::definition::{field_occurrence, is_copy};
use super::ident;
use crate::plan::{FieldKind, Item, ItemKind, Module, Occurs, Outcome, Success};

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
            let (one, occurs, boxed) = field_occurrence(&planned.kind);
            let copy = match &planned.kind {
                FieldKind::Element(element) => !boxed && !element.nillable && is_copy(module, &element.ty),
                FieldKind::Group(_) | FieldKind::Wildcard(_) => false,
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
        xml::operation_status(self.#status == #status_type::#ok, self.#errcode, self.#errtext.as_deref())?;
    }
}
