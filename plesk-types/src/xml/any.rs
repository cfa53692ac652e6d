//! Content the schema leaves open (`xs:anyType` elements, `xs:any` and
//! `xs:anyAttribute` wildcards), kept exactly as read so that nothing is lost
//! on a round trip.

use super::XmlElement;
use super::facet::check_characters;
use super::read_error::ReadError;
use super::reader::{Start, XmlReader};
use super::validate::{ElementPath, Validate, Violation, ViolationKind};
use super::wellformed;
use super::writer::XmlWriter;

/// An attribute matched by a wildcard, with its name as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AnyAttribute {
    /// The name, with its prefix if it had one.
    pub name: String,
    /// The value, entities resolved.
    pub value: String,
}

/// The content of an `xs:anyType` element: its attributes and children, in
/// document order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AnyContent {
    /// Attributes, in document order.
    pub attributes: Vec<AnyAttribute>,
    /// Child elements and text, in document order. Blank text between child
    /// elements is dropped as layout; any other text is kept.
    pub children: Vec<AnyNode>,
}

/// A child of [`AnyContent`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum AnyNode {
    /// A child element.
    Element(AnyElement),
    /// Character data, entities resolved.
    Text(String),
}

/// An element matched by an `xs:any` wildcard, or a child of [`AnyContent`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AnyElement {
    /// The name, with its prefix if it had one.
    pub name: String,
    /// Attributes and children.
    pub content: AnyContent,
}

impl AnyContent {
    /// Content with no attributes and no children: what `<dataset><gen-info/></dataset>`
    /// uses to ask for a part of the data.
    pub fn empty() -> Self {
        Self::default()
    }

    /// Content holding just `text`.
    pub fn text(text: impl Into<String>) -> Self {
        Self { attributes: Vec::new(), children: vec![AnyNode::Text(text.into())] }
    }
}

impl AnyElement {
    /// Writes the element with its own name (for generated writers).
    #[doc(hidden)]
    pub fn write(&self, w: &mut XmlWriter) {
        self.content.write_element(w, &self.name);
    }
}

impl XmlElement for AnyContent {
    fn write_element(&self, w: &mut XmlWriter, name: &str) {
        w.start(name);
        for attribute in &self.attributes {
            w.attribute(&attribute.name, &attribute.value);
        }
        let write_children = |w: &mut XmlWriter| {
            for child in &self.children {
                match child {
                    AnyNode::Element(element) => element.write(w),
                    AnyNode::Text(text) => w.text(text),
                }
            }
        };
        if self.children.iter().any(|child| matches!(child, AnyNode::Text(_))) {
            w.verbatim(write_children);
        } else {
            write_children(w);
        }
        w.end(name);
    }

    fn read_content<'a>(r: &mut XmlReader<'a>, start: &Start<'a>) -> Result<Self, ReadError> {
        r.read_any_content(start)
    }
}

/// Open content has no schema of its own to follow; what is checked is that
/// it can be written as XML at all: names that are XML names, no attribute
/// twice on one element, no character XML cannot carry. Violations are
/// reported at the path of the open element, naming what inside is wrong.
impl Validate for AnyContent {
    fn validate_into(&self, path: &ElementPath<'_>, violations: &mut Vec<Violation>) {
        for (index, attribute) in self.attributes.iter().enumerate() {
            if !wellformed::is_name(&attribute.name) {
                violations.push(Violation::new(path, ViolationKind::InvalidName { name: attribute.name.clone() }));
            }
            if self.attributes[..index].iter().any(|earlier| earlier.name == attribute.name) {
                violations
                    .push(Violation::new(path, ViolationKind::DuplicateAttribute { name: attribute.name.clone() }));
            }
            check_characters(&attribute.value, path, violations);
        }
        for child in &self.children {
            match child {
                AnyNode::Element(element) => element.validate_into(path, violations),
                AnyNode::Text(text) => check_characters(text, path, violations),
            }
        }
    }
}

impl Validate for AnyElement {
    fn validate_into(&self, path: &ElementPath<'_>, violations: &mut Vec<Violation>) {
        if !wellformed::is_name(&self.name) {
            violations.push(Violation::new(path, ViolationKind::InvalidName { name: self.name.clone() }));
        }
        self.content.validate_into(path, violations);
    }
}
