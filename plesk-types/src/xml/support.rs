//! The plumbing generated code calls and users need not: the reader and
//! the writer, the traits of element content and model groups, the facets,
//! the helpers of `validate()`. The crate exports it as
//! `plesk_types::__private`, hidden from the docs and outside the semver
//! promise, as serde's derives reach `serde::__private`.

pub use super::facet::{DecimalFacets, ListFacets, NumberFacets, Pattern, StringFacets, WhiteSpace, check_characters};
pub use super::reader::{Attribute, Start, WildcardNamespace, XmlReader};
pub use super::validate::{
    ChoiceItem, Redacted, child, choice_path, for_each_child, group_occurrences, occurrences, optional_child,
    optional_text_child, repeated_child, repeated_choice, repeated_group, text_child,
};
pub use super::value::{SimpleValue, lexical_form, trim_xml_space};
pub use super::writer::{TextSink, XmlWriter};
use super::{ReadError, ReadOptions};

/// A type that is the content of an element: it writes and reads the element's
/// attributes and content, given the element's name.
///
/// The element name is not part of the type: XSD lets the same type appear
/// under many names (`result` in every operation, say).
pub trait XmlElement: Sized {
    /// Writes `<name ...>content</name>`, children in schema order.
    fn write_element(&self, w: &mut XmlWriter, name: &str);

    /// Reads attributes and content of the element whose start tag `start` was
    /// just read; stops before its end tag.
    fn read_content<'a>(r: &mut XmlReader<'a>, start: &Start<'a>) -> Result<Self, ReadError>;
}

/// Every simple value is the content of an element that holds only text.
impl<T: SimpleValue> XmlElement for T {
    fn write_element(&self, w: &mut XmlWriter, name: &str) {
        w.start(name);
        w.value(self);
        w.end(name);
    }

    fn read_content<'a>(r: &mut XmlReader<'a>, start: &Start<'a>) -> Result<Self, ReadError> {
        r.no_attributes(start)?;
        r.read_value()
    }
}

/// A model group inside an element's content: a choice, or a sequence that is
/// optional or repeats. It has no element of its own.
pub trait XmlGroup: Sized {
    /// Writes the group's elements in schema order.
    fn write_group(&self, w: &mut XmlWriter);

    /// Reads the group if the next element can start it; `Ok(None)` otherwise.
    fn read_group(r: &mut XmlReader<'_>) -> Result<Option<Self>, ReadError>;
}

/// Reads a whole document whose root element is `root`.
///
/// # Errors
///
/// Malformed XML, a DOCTYPE, a wrong root element, and content the type does
/// not allow, each with its element path and line and column.
pub fn read_document<T: XmlElement>(input: &str, root: &'static str, options: ReadOptions) -> Result<T, ReadError> {
    XmlReader::new(input, options).read_document(root)
}

/// Reads a whole document given as bytes, which must be UTF-8.
///
/// # Errors
///
/// As [`read_document`], and input that is not UTF-8.
pub fn read_document_bytes<T: XmlElement>(
    input: &[u8],
    root: &'static str,
    options: ReadOptions,
) -> Result<T, ReadError> {
    match std::str::from_utf8(input) {
        Ok(input) => read_document(input, root, options),
        Err(error) => Err(ReadError::invalid_utf8(input, error.valid_up_to())),
    }
}

/// Writes `value` as the root element `root`, compact or indented.
pub fn write_document<T: XmlElement>(value: &T, root: &str, pretty: bool) -> String {
    let mut w = if pretty { XmlWriter::pretty() } else { XmlWriter::with_capacity(256) };
    value.write_element(&mut w, root);
    w.into_string()
}
