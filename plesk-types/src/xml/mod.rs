//! The runtime's public face: what a user of generated types names.
//!
//! Every generated root type (the type of a global element, such as
//! `RequestPacket`) has inherent `from_xml`, `from_xml_with`,
//! `from_xml_bytes`, `to_xml`, `to_xml_pretty` and `validate` methods, and
//! implements [`Document`], for generic code (a client sending any request
//! packet). Every generated type implements [`Validate`]. Reading fails with
//! a [`ReadError`] (tuned by [`ReadOptions`]), validation with
//! [`ValidationErrors`]; the simple values of the schemas that Rust has no
//! type for are here ([`Decimal`], [`Date`], ...), and so are open content
//! ([`AnyContent`]) and nillable elements ([`Nillable`]).
//!
//! What only generated code calls (the reader and writer, the facets, the
//! traits `XmlElement` and `XmlGroup`) is in `plesk_types::__private`, which
//! is not public API: it changes whenever the generator does.

mod any;
mod facet;
mod nillable;
mod read_error;
mod reader;
#[cfg(feature = "serde")]
mod serialize;
pub(crate) mod support;
mod validate;
mod value;
mod wellformed;
mod writer;

pub use any::{AnyAttribute, AnyContent, AnyElement, AnyNode};
pub use nillable::{Nillable, XSI_NAMESPACE};
pub use read_error::{DEFAULT_MAX_DEPTH, Position, ReadError, ReadErrorKind, ReadOptions};
#[cfg(feature = "serde")]
pub use serialize::EmptyObject;
pub use validate::{ElementPath, Validate, ValidationErrors, Violation, ViolationKind};
pub use value::{Date, DateTime, Decimal, Duration, Time, ValueError};

// The plumbing, for the runtime's own modules and the crate's (the
// strategies, the transport) under the names they had here.
pub(crate) use support::*;

/// A type that is a whole document: the type of a global element of the
/// schema. Generated root types implement it (and have the same methods as
/// inherent methods, usable without importing this trait); generic code,
/// such as a client sending any request packet, uses it.
pub trait Document: XmlElement + Validate {
    /// The root element's name.
    const ELEMENT_NAME: &'static str;

    /// Reads a whole document.
    ///
    /// # Errors
    ///
    /// As [`read_document`].
    fn from_xml_with(document: &str, options: ReadOptions) -> Result<Self, ReadError> {
        read_document(document, Self::ELEMENT_NAME, options)
    }

    /// Reads a whole document given as bytes, which must be UTF-8.
    ///
    /// # Errors
    ///
    /// As [`read_document_bytes`].
    fn from_xml_bytes_with(document: &[u8], options: ReadOptions) -> Result<Self, ReadError> {
        read_document_bytes(document, Self::ELEMENT_NAME, options)
    }

    /// Writes the document, children in schema order, without white space
    /// between tags.
    fn to_xml(&self) -> String {
        write_document(self, Self::ELEMENT_NAME, false)
    }

    /// Writes the document indented, for people to read.
    fn to_xml_pretty(&self) -> String {
        write_document(self, Self::ELEMENT_NAME, true)
    }

    /// Checks the value, paths starting at the root element.
    ///
    /// # Errors
    ///
    /// Every violation found.
    fn validate_document(&self) -> Result<(), ValidationErrors> {
        let mut violations = Vec::new();
        self.validate_into(&ElementPath::root(Self::ELEMENT_NAME), &mut violations);
        ValidationErrors::check(violations)
    }
}
