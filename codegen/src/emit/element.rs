//! The `XmlElement` and `XmlGroup` implementations: writing and reading side
//! by side, so that both follow the same field order.

use proc_macro2::TokenStream;
use quote::quote;

use super::{ident, read, write};
use crate::plan::{Item, ItemKind, Role, StructContent};

/// The `XmlElement` or `XmlGroup` implementation of an item (none for simple
/// types, which get `XmlElement` from `SimpleValue`).
pub fn item(item: &Item) -> TokenStream {
    let name = ident(&item.name);
    match &item.kind {
        ItemKind::Struct(plan) if plan.role == Role::Group => {
            let write = write::content(plan);
            let starts = read::starts_group(plan);
            let construct = read::construct(plan);
            quote! {
                impl XmlGroup for #name {
                    fn write_group(&self, w: &mut xml::XmlWriter) {
                        #write
                    }

                    fn read_group(r: &mut xml::XmlReader<'_>) -> Result<Option<Self>, xml::ReadError> {
                        #starts
                        Ok(Some(#construct))
                    }
                }
            }
        }
        ItemKind::Struct(plan) => {
            let write_attributes = write::attributes(plan);
            let write_content = write::content(plan);
            let read_attributes = read::attributes(plan);
            let read_statements = read::content_statements(plan);
            let construct = read::construct(plan);
            let end = match &plan.content {
                StructContent::Simple(_) => None,
                StructContent::Empty => Some(quote! { r.empty_content()?; }),
                StructContent::Sequence(_) | StructContent::All(_) => {
                    let known = read::known_children(plan);
                    Some(quote! { r.end_of_content(#known)?; })
                }
            };
            let body = match end {
                Some(end) => quote! {
                    let value = #construct;
                    #end
                    Ok(value)
                },
                None => quote! { Ok(#construct) },
            };
            quote! {
                impl XmlElement for #name {
                    fn write_element(&self, w: &mut xml::XmlWriter, name: &str) {
                        w.start(name);
                        #write_attributes
                        #write_content
                        w.end(name);
                    }

                    fn read_content<'a>(r: &mut xml::XmlReader<'a>, start: &xml::Start<'a>) -> Result<Self, xml::ReadError> {
                        #read_attributes
                        #read_statements
                        #body
                    }
                }
            }
        }
        ItemKind::Choice(choice) if choice.role == Role::Element => {
            let write = write::alternatives(choice);
            let first = &choice.first;
            let read = read::alternatives(choice, quote! { return Err(r.missing(&[#(#first),*])) });
            quote! {
                impl XmlElement for #name {
                    fn write_element(&self, w: &mut xml::XmlWriter, name: &str) {
                        w.start(name);
                        #write
                        w.end(name);
                    }

                    fn read_content<'a>(r: &mut xml::XmlReader<'a>, start: &xml::Start<'a>) -> Result<Self, xml::ReadError> {
                        r.no_attributes(start)?;
                        let value = #read;
                        r.end_of_content(&[&[#(#first),*]])?;
                        Ok(value)
                    }
                }
            }
        }
        ItemKind::Choice(choice) => {
            let write = write::alternatives(choice);
            let read = read::alternatives(choice, quote! { return Ok(None) });
            quote! {
                impl XmlGroup for #name {
                    fn write_group(&self, w: &mut xml::XmlWriter) {
                        #write
                    }

                    fn read_group(r: &mut xml::XmlReader<'_>) -> Result<Option<Self>, xml::ReadError> {
                        let value = #read;
                        Ok(Some(value))
                    }
                }
            }
        }
        ItemKind::Wrapper(_) => quote! {
            impl XmlElement for #name {
                fn write_element(&self, w: &mut xml::XmlWriter, name: &str) {
                    self.0.write_element(w, name);
                }

                fn read_content<'a>(r: &mut xml::XmlReader<'a>, start: &xml::Start<'a>) -> Result<Self, xml::ReadError> {
                    XmlElement::read_content(r, start).map(Self)
                }
            }
        },
        ItemKind::Enumeration(_) | ItemKind::Newtype(_) | ItemKind::Union(_) | ItemKind::Alias(_) => TokenStream::new(),
    }
}
