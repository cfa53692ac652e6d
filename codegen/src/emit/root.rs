//! Document-level methods of the types of global elements.

use proc_macro2::TokenStream;
use quote::quote;

use super::ident;
use crate::plan::Root;

/// `from_xml`, `to_xml` and `validate` for the type of a global element.
pub fn root(root: &Root) -> TokenStream {
    let name = ident(&root.ty);
    let element = &root.element;
    let read_doc = format!(" Reads a whole document whose root element is `<{element}>`.");
    quote! {
        impl #name {
            #[doc = #read_doc]
            ///
            /// # Errors
            ///
            /// Malformed XML, a DOCTYPE, a wrong root element, and anything the
            /// schema does not allow where it stands: each error names the
            /// element path and the line and column.
            pub fn from_xml(document: &str) -> Result<Self, xml::ReadError> {
                Self::from_xml_with(document, xml::ReadOptions::default())
            }

            /// As [`from_xml`](Self::from_xml), with limits other than the defaults.
            ///
            /// # Errors
            ///
            /// As [`from_xml`](Self::from_xml).
            pub fn from_xml_with(document: &str, options: xml::ReadOptions) -> Result<Self, xml::ReadError> {
                <Self as xml::Document>::from_xml_with(document, options)
            }

            /// As [`from_xml`](Self::from_xml), for bytes that must be UTF-8.
            ///
            /// # Errors
            ///
            /// As [`from_xml`](Self::from_xml), and input that is not UTF-8.
            pub fn from_xml_bytes(document: &[u8]) -> Result<Self, xml::ReadError> {
                <Self as xml::Document>::from_xml_bytes_with(document, xml::ReadOptions::default())
            }

            /// Writes the document, children in schema order, without white space between tags.
            pub fn to_xml(&self) -> String {
                xml::Document::to_xml(self)
            }

            /// Writes the document indented, for people to read.
            pub fn to_xml_pretty(&self) -> String {
                xml::Document::to_xml_pretty(self)
            }

            /// Checks every facet and occurrence bound of the schema.
            ///
            /// # Errors
            ///
            /// Every violation found, each with its element path from the root.
            pub fn validate(&self) -> Result<(), xml::ValidationErrors> {
                xml::Document::validate_document(self)
            }
        }

        impl xml::Document for #name {
            const ELEMENT_NAME: &'static str = #element;
        }
    }
}
