//! Attributes of a start tag: reading, checking and typing them, namespace
//! prefixes and the `xsi` attributes (`xsi:nil`, schema location hints).

use super::*;

/// An attribute of a start tag, its value unescaped and normalized.
#[derive(Debug)]
pub struct Attribute<'s> {
    pub(super) name: &'s str,
    pub(super) value: Cow<'s, str>,
    /// Offset of the value in the input.
    pub(super) offset: usize,
}

impl<'s> Attribute<'s> {
    /// The attribute name as written.
    pub fn name(&self) -> &'s str {
        self.name
    }

    /// The value, entities resolved.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The attribute as kept by an `xs:anyAttribute` wildcard.
    pub fn to_any(&self) -> AnyAttribute {
        AnyAttribute { name: self.name.to_owned(), value: self.value.clone().into_owned() }
    }
}

/// The namespace the `xml` prefix is bound to, always.
const XML_NAMESPACE: &str = "http://www.w3.org/XML/1998/namespace";

pub(super) fn attribute_error_kind(error: &quick_xml::Error) -> ReadErrorKind {
    match error {
        quick_xml::Error::Escape(quick_xml::escape::EscapeError::UnrecognizedEntity(_, entity)) => {
            ReadErrorKind::UndefinedEntity(entity.clone())
        }
        other => ReadErrorKind::Syntax(other.to_string()),
    }
}

impl<'a> XmlReader<'a> {
    /// Whether `start`, the start tag of an element whose declaration is
    /// nillable, says `xsi:nil="true"`. Whatever it says, `xsi:nil` is then
    /// allowed on this element (and on no other that is not nillable).
    pub fn nil(&mut self, start: &Start<'a>) -> Result<bool, ReadError> {
        self.nillable_start = Some(start.offset);
        if start.attributes_raw().is_empty() {
            return Ok(false);
        }
        self.check_attribute_syntax(start)?;
        let mut nil = false;
        for attribute in start.attributes() {
            let attribute = attribute.map_err(|error| self.attribute_syntax_error(start, &error))?;
            let name = attribute.key.into_inner();
            if !self.is_xsi_nil(start, name) {
                continue;
            }
            let offset = self.offset_of(&attribute.value).unwrap_or(start.offset);
            let value = attribute
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|error| self.error_at(offset, attribute_error_kind(&error)))?;
            nil = bool::parse_text(&value).map_err(|error| {
                let kind = ReadErrorKind::InvalidValue { value: value.clone().into_owned(), error };
                ReadError::new(kind, format!("{}/@{name}", self.path()), Position::at_offset(self.input, offset))
            })?;
        }
        Ok(nil)
    }

    /// Checks that the current element, marked `xsi:nil="true"`, has no
    /// attribute but namespace declarations and `xsi` ones, and no content:
    /// not even white space.
    pub fn nil_content(&mut self, start: &Start<'a>) -> Result<(), ReadError> {
        self.no_attributes(start)?;
        self.nothing_inside(true)
    }

    /// The attributes of `start`, skipping namespace declarations and
    /// `xsi:schemaLocation` hints. A default namespace other than none is an
    /// error: the schema's elements are in no namespace.
    pub fn attributes<'s>(
        &'s self,
        start: &'s Start<'a>,
    ) -> impl Iterator<Item = Result<Attribute<'s>, ReadError>> + 's {
        let syntax = self.check_attribute_syntax(start).err().map(Err);
        let attributes = start.attributes().filter_map(move |attribute| {
            let attribute = match attribute {
                Ok(attribute) => attribute,
                Err(error) => return Some(Err(self.attribute_syntax_error(start, &error))),
            };
            let name = attribute.key.into_inner();
            let offset = self.offset_of(&attribute.value).unwrap_or(start.offset);
            if let Some(prefix) = name.strip_prefix("xmlns") {
                if prefix.is_empty() && !attribute.value.is_empty() {
                    return Some(Err(
                        self.error_at(start.offset, ReadErrorKind::Namespace(attribute.value.into_owned()))
                    ));
                }
                if prefix.is_empty() || prefix.starts_with(':') {
                    return None;
                }
            }
            if matches!(name, "xsi:schemaLocation" | "xsi:noNamespaceSchemaLocation") && self.xsi_declared(start) {
                return None;
            }
            if self.is_xsi_nil(start, name) {
                if self.nillable_start == Some(start.offset) {
                    return None;
                }
                let offset = self.offset_of(name).unwrap_or(start.offset);
                return Some(Err(self.error_at(offset, ReadErrorKind::NotNillable)));
            }
            let value = attribute
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|error| self.error_at(offset, attribute_error_kind(&error)))
                .and_then(|value| match wellformed::first_forbidden_char(&value) {
                    Some((_, character)) => Err(self.error_at(offset, forbidden(character))),
                    None => Ok(value),
                });
            Some(value.map(|value| Attribute { name, value, offset }))
        });
        syntax.into_iter().chain(attributes)
    }

    /// Parses an attribute value as a `T`.
    pub fn attribute_value<T: SimpleValue>(
        &self,
        start: &Start<'a>,
        attribute: &Attribute<'_>,
    ) -> Result<T, ReadError> {
        T::parse_text(attribute.value()).map_err(|error| {
            let value = attribute.value().to_owned();
            let position = Position::at_offset(self.input, attribute.offset);
            let path = format!("{}/@{}", self.path(), attribute.name());
            let _ = start;
            ReadError::new(ReadErrorKind::InvalidValue { value, error }, path, position)
        })
    }

    /// The error for an attribute the element does not declare.
    pub fn unexpected_attribute(&self, start: &Start<'a>, attribute: &Attribute<'_>) -> ReadError {
        let offset = self.offset_of(attribute.name).unwrap_or(start.offset);
        self.error_at(offset, ReadErrorKind::UnexpectedAttribute(attribute.name().to_owned()))
    }

    /// The error for a required attribute that is absent.
    pub fn missing_attribute(&self, start: &Start<'a>, name: &'static str) -> ReadError {
        self.error_at(start.offset, ReadErrorKind::MissingAttribute(name))
    }

    /// Refuses any attribute on `start` (for elements that declare none).
    pub fn no_attributes(&self, start: &Start<'a>) -> Result<(), ReadError> {
        if start.attributes_raw().is_empty() {
            return Ok(());
        }
        match self.attributes(start).next() {
            Some(attribute) => Err(self.unexpected_attribute(start, &attribute?)),
            None => Ok(()),
        }
    }

    pub(super) fn check_attribute_syntax(&self, start: &Start<'a>) -> Result<(), ReadError> {
        let raw = start.attributes_raw();
        wellformed::check_attribute_syntax(raw).map_err(|(at, message)| {
            let offset = self.offset_of(raw).map_or(start.offset, |raw_offset| raw_offset + at);
            self.error_at(offset, ReadErrorKind::Syntax(message.to_owned()))
        })
    }

    pub(super) fn attribute_syntax_error(
        &self,
        start: &Start<'a>,
        error: &quick_xml::events::attributes::AttrError,
    ) -> ReadError {
        use quick_xml::events::attributes::AttrError;
        let (position, message) = match error {
            AttrError::ExpectedEq(at) => (*at, "expected '=' after an attribute name"),
            AttrError::ExpectedValue(at) => (*at, "expected an attribute value"),
            AttrError::UnquotedValue(at) => (*at, "attribute value must be quoted"),
            AttrError::ExpectedQuote(at, _) => (*at, "attribute value not closed"),
            AttrError::Duplicated(at, _) => (*at, "attribute given twice"),
        };
        self.error_at(start.offset + 1 + position, ReadErrorKind::Syntax(message.to_owned()))
    }

    /// The namespace of the element `start` opens: its prefix's, or the
    /// default namespace it declares (typed elements around it declare none).
    pub(super) fn element_namespace(&self, start: &Start<'a>) -> Result<Option<String>, ReadError> {
        match start.name.split_once(':') {
            Some((prefix, _)) => self.prefix_namespace(start, prefix).map(Some).ok_or_else(|| {
                self.error_at(
                    start.offset,
                    ReadErrorKind::Syntax(format!("namespace prefix '{prefix}' is not declared")),
                )
            }),
            None => Ok(start.attributes().flatten().find(|attribute| attribute.key.into_inner() == "xmlns").and_then(
                |attribute| {
                    let uri = attribute.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok()?;
                    (!uri.is_empty()).then(|| uri.into_owned())
                },
            )),
        }
    }

    /// The namespace `prefix` is bound to at `start`, declared there or on an
    /// element around it.
    fn prefix_namespace(&self, start: &Start<'a>, prefix: &str) -> Option<String> {
        if prefix == "xml" {
            return Some(XML_NAMESPACE.to_owned());
        }
        let declared_here = start.namespace_declarations().into_iter().find(|(known, _)| known == prefix);
        declared_here.map(|(_, uri)| uri).or_else(|| {
            let frames = self.open.iter().rev().flat_map(|frame| &frame.namespaces);
            frames.clone().find(|(known, _)| known == prefix).map(|(_, uri)| uri.clone())
        })
    }

    /// Checks that `attribute`, not declared by the element's type, is in a
    /// namespace its `xs:anyAttribute` wildcard admits.
    pub fn admit_attribute(
        &self,
        start: &Start<'a>,
        attribute: &Attribute<'_>,
        namespace: WildcardNamespace,
    ) -> Result<(), ReadError> {
        let in_namespace = match attribute.name.split_once(':') {
            Some((prefix, _)) => match self.prefix_namespace(start, prefix) {
                Some(uri) => Some(uri),
                None => {
                    let message = format!("namespace prefix '{prefix}' is not declared");
                    return Err(self.error_at(attribute.offset, ReadErrorKind::Syntax(message)));
                }
            },
            None => None,
        };
        if namespace.admits(in_namespace.as_deref()) {
            Ok(())
        } else {
            Err(self.unexpected_attribute(start, attribute))
        }
    }

    /// Whether the attribute `name` of `start` is `xsi:nil`: `nil` with a
    /// prefix bound to the XML Schema instance namespace.
    pub(super) fn is_xsi_nil(&self, start: &Start<'a>, name: &str) -> bool {
        let Some((prefix, "nil")) = name.split_once(':') else {
            return false;
        };
        self.prefix_namespace(start, prefix).as_deref() == Some(XSI_NAMESPACE)
    }

    fn xsi_declared(&self, start: &Start<'a>) -> bool {
        let declared_here = start
            .attributes()
            .flatten()
            .any(|attribute| attribute.key.into_inner() == "xmlns:xsi" && attribute.value == XSI_NAMESPACE);
        declared_here || self.open.iter().any(|frame| frame.declares_xsi)
    }
}
