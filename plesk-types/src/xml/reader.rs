//! Deserialization: a pull reader over `quick-xml` that generated code drives
//! with one element of lookahead, in schema order.

use std::borrow::Cow;
use std::fmt;

use quick_xml::events::attributes::Attributes;
use quick_xml::events::{BytesRef, BytesStart, Event};

use super::any::{AnyAttribute, AnyContent, AnyElement, AnyNode};
use super::nillable::XSI_NAMESPACE;
use super::read_error::{Position, ReadError, ReadErrorKind, ReadOptions};
use super::value::{SimpleValue, is_xml_space};
use super::wellformed;
use super::{XmlElement, XmlGroup};

/// A start tag just read: the element's name and attributes.
#[derive(Debug, Clone, Copy)]
pub struct Start<'a> {
    name: &'a str,
    /// The tag between `<` and `>` (or `/>`): the name, then the attributes.
    content: &'a str,
    offset: usize,
    self_closing: bool,
}

impl<'a> Start<'a> {
    /// The element name as written (with its prefix, if any).
    pub fn name(&self) -> &'a str {
        self.name
    }

    /// The attributes as written, with the white space before them.
    fn attributes_raw(&self) -> &'a str {
        &self.content[self.name.len()..]
    }

    fn attributes(&self) -> Attributes<'a> {
        Attributes::new(self.content, self.name.len())
    }

    /// Whether the tag declares the `xsi` prefix.
    fn declares_xsi(&self) -> bool {
        let raw = self.attributes_raw();
        !raw.is_empty() && raw.contains("xmlns:xsi")
    }

    /// The namespace prefixes the tag declares (`xmlns:p="uri"`).
    fn namespace_declarations(&self) -> Vec<(String, String)> {
        let raw = self.attributes_raw();
        if raw.is_empty() || !raw.contains("xmlns:") {
            return Vec::new();
        }
        self.attributes()
            .flatten()
            .filter_map(|attribute| {
                let prefix = attribute.key.into_inner().strip_prefix("xmlns:")?;
                let uri = attribute.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok()?;
                Some((prefix.to_owned(), uri.into_owned()))
            })
            .collect()
    }
}

/// An attribute of a start tag, its value unescaped and normalized.
#[derive(Debug)]
pub struct Attribute<'s> {
    name: &'s str,
    value: Cow<'s, str>,
    /// Offset of the value in the input.
    offset: usize,
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

/// Which namespaces the elements (or attributes) an `xs:any` (or
/// `xs:anyAttribute`) wildcard matches may be in: its `namespace` attribute,
/// read in the light of the declaring schema's target namespace. `None` in a
/// list stands for no namespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WildcardNamespace {
    /// `##any`: every namespace, and none.
    Any,
    /// `##local` (or `##targetNamespace` of a schema without one): no namespace.
    Local,
    /// `##other` of a schema without a target namespace: any namespace.
    Other,
    /// A list of namespaces, `None` for `##local`.
    Only(&'static [Option<&'static str>]),
    /// Any namespace but these (`None`: no namespace): `##other` of a schema
    /// with a target namespace excludes it and no namespace.
    Not(&'static [Option<&'static str>]),
}

impl WildcardNamespace {
    /// Whether an element or attribute in `namespace` (`None`: in no
    /// namespace) matches.
    pub fn admits(&self, namespace: Option<&str>) -> bool {
        match self {
            Self::Any => true,
            Self::Local => namespace.is_none(),
            Self::Other => namespace.is_some(),
            Self::Only(admitted) => admitted.contains(&namespace),
            Self::Not(excluded) => !excluded.contains(&namespace),
        }
    }
}

/// The namespace the `xml` prefix is bound to, always.
const XML_NAMESPACE: &str = "http://www.w3.org/XML/1998/namespace";

/// What follows in element content, once white space, comments and
/// processing instructions are skipped.
#[derive(Debug)]
enum Token<'a> {
    Start(Start<'a>),
    End { offset: usize },
    Eof { offset: usize },
}

/// An element being read.
#[derive(Debug)]
struct Frame<'a> {
    name: &'a str,
    /// Position among the consecutive siblings of the same name, from 1.
    position: usize,
    /// The last child element read, and its position.
    last_child: Option<(&'a str, usize)>,
    /// Whether this element declares the `xsi` prefix.
    declares_xsi: bool,
    /// The namespace prefixes this element declares, with their URIs.
    namespaces: Vec<(String, String)>,
}

/// A pull reader over one document, driven by generated `read_content`
/// methods.
///
/// It hands out child elements one at a time with one element of lookahead,
/// which is all an XSD content model needs (the schema's Unique Particle
/// Attribution rule guarantees it). It keeps the stack of open elements for
/// error paths, enforces the well-formedness rules `quick-xml` leaves open
/// (forbidden characters, names, attribute separation, `]]>` in text), and
/// refuses DOCTYPE declarations, undefined entities, elements in a namespace
/// and nesting deeper than [`ReadOptions::max_depth`].
pub struct XmlReader<'a> {
    input: &'a str,
    events: quick_xml::Reader<&'a [u8]>,
    next: Option<Token<'a>>,
    open: Vec<Frame<'a>>,
    options: ReadOptions,
    /// How many `xs:anyType` contents are being read, one inside the other.
    any_depth: usize,
    /// The offset of the start tag of the element being read whose
    /// declaration is nillable: the one element `xsi:nil` may be on.
    nillable_start: Option<usize>,
    /// The offset of the start tag of the element being read that a
    /// wildcard (`xs:any`) matched: open content, whose `xsi:nil` is kept
    /// as read.
    wildcard_start: Option<usize>,
}

impl fmt::Debug for XmlReader<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("XmlReader").field("open", &self.open).field("next", &self.next).finish_non_exhaustive()
    }
}

impl<'a> XmlReader<'a> {
    /// A reader at the start of `input`.
    pub fn new(input: &'a str, options: ReadOptions) -> Self {
        let input = input.strip_prefix('\u{feff}').unwrap_or(input);
        let mut events = quick_xml::Reader::from_str(input);
        let config = events.config_mut();
        config.check_end_names = true;
        config.check_comments = true;
        config.expand_empty_elements = false;
        config.trim_text_start = false;
        config.trim_text_end = false;
        Self {
            input,
            events,
            next: None,
            open: Vec::new(),
            options,
            any_depth: 0,
            nillable_start: None,
            wildcard_start: None,
        }
    }

    /// Reads the whole document: prolog, the root element `root` as a `T`,
    /// and what may follow it (comments, processing instructions, white space).
    pub fn read_document<T: XmlElement>(mut self, root: &'static str) -> Result<T, ReadError> {
        let value = match self.peek_token()? {
            Token::Start(start) if start.name == root => self.read_child::<T>()?,
            Token::Start(start) => {
                let found = start.name.to_owned();
                return Err(self.error_at_next(ReadErrorKind::WrongRoot { expected: root, found }));
            }
            Token::End { .. } | Token::Eof { .. } => return Err(self.error_at_next(ReadErrorKind::NoRoot)),
        };
        loop {
            let (offset, event) = self.raw_event()?;
            match event {
                Event::Eof => return Ok(value),
                Event::Text(text) if text.bytes().all(|b| is_xml_space(char::from(b))) => {}
                Event::Comment(text) => self.check_chars(offset, &text)?,
                Event::PI(_) => {}
                Event::DocType(_) => return Err(self.error_at(offset, ReadErrorKind::DocType)),
                _ => return Err(self.error_at(offset, ReadErrorKind::ContentAfterRoot)),
            }
        }
    }

    /// The name of the next child element, or `None` at the end of the
    /// current element's content.
    pub fn peek_element(&mut self) -> Result<Option<&'a str>, ReadError> {
        Ok(match self.peek_token()? {
            Token::Start(start) => Some(start.name),
            Token::End { .. } | Token::Eof { .. } => None,
        })
    }

    /// Reads the required child element `name`.
    pub fn required<T: XmlElement>(
        &mut self,
        name: &'static str,
        expected: &'static [&'static str],
    ) -> Result<T, ReadError> {
        match self.peek_element()? {
            Some(found) if found == name => self.read_child(),
            _ => Err(self.missing(expected)),
        }
    }

    /// Reads the child element `name` if it comes next.
    pub fn optional<T: XmlElement>(&mut self, name: &'static str) -> Result<Option<T>, ReadError> {
        match self.peek_element()? {
            Some(found) if found == name => self.read_child().map(Some),
            _ => Ok(None),
        }
    }

    /// Reads consecutive child elements `name`, checking their number against
    /// `minOccurs` and `maxOccurs` (`None` for unbounded).
    pub fn repeated<T: XmlElement>(
        &mut self,
        name: &'static str,
        min: usize,
        max: Option<usize>,
    ) -> Result<Vec<T>, ReadError> {
        self.repeated_with(name, min, max, Self::read_child)
    }

    /// Reads the required child element `name`, of a simple type: as
    /// [`required`](Self::required), along a faster path for elements that
    /// hold only text.
    pub fn required_value<T: SimpleValue>(
        &mut self,
        name: &'static str,
        expected: &'static [&'static str],
    ) -> Result<T, ReadError> {
        match self.peek_element()? {
            Some(found) if found == name => self.read_value_child(),
            _ => Err(self.missing(expected)),
        }
    }

    /// Reads the child element `name`, of a simple type, if it comes next.
    pub fn optional_value<T: SimpleValue>(&mut self, name: &'static str) -> Result<Option<T>, ReadError> {
        match self.peek_element()? {
            Some(found) if found == name => self.read_value_child().map(Some),
            _ => Ok(None),
        }
    }

    /// Reads consecutive child elements `name`, of a simple type, checking
    /// their number against `minOccurs` and `maxOccurs`.
    pub fn repeated_values<T: SimpleValue>(
        &mut self,
        name: &'static str,
        min: usize,
        max: Option<usize>,
    ) -> Result<Vec<T>, ReadError> {
        self.repeated_with(name, min, max, Self::read_value_child)
    }

    /// Reads consecutive child elements `name` with `read`, checking their
    /// number against `minOccurs` and `maxOccurs`.
    fn repeated_with<T>(
        &mut self,
        name: &'static str,
        min: usize,
        max: Option<usize>,
        mut read: impl FnMut(&mut Self) -> Result<T, ReadError>,
    ) -> Result<Vec<T>, ReadError> {
        let mut items = Vec::new();
        while self.peek_element()? == Some(name) {
            if max.is_some_and(|max| items.len() == max) {
                return Err(self.error_at_next(ReadErrorKind::TooMany { name, max: items.len() }));
            }
            items.push(read(self)?);
        }
        if items.len() < min {
            return Err(self.too_few(name, min, items.len()));
        }
        Ok(items)
    }

    /// Reads the text-only child element whose start tag is next, without
    /// opening a frame for it: most elements of a document are such leaves.
    /// Anything unusual (attributes, a reference, a comment) takes the
    /// general path.
    fn read_value_child<T: SimpleValue>(&mut self) -> Result<T, ReadError> {
        let Some(Token::Start(start)) = self.next.take() else {
            return Err(self.error_at(self.events.buffer_position() as usize, ReadErrorKind::UnexpectedEof));
        };
        if !start.attributes_raw().is_empty() || self.open.len() >= self.options.max_depth {
            self.next = Some(Token::Start(start));
            return self.read_child();
        }
        let position = self.next_position(start.name);
        let text_offset = self.events.buffer_position() as usize;
        let text = if start.self_closing {
            Cow::Borrowed("")
        } else {
            match self.events.read_event() {
                Ok(Event::End(_)) => Cow::Borrowed(""),
                Ok(Event::Text(text)) => {
                    let text = text.xml10_content();
                    let end = self.events.buffer_position() as usize;
                    match self.events.read_event() {
                        Ok(Event::End(_)) => {
                            if let Err(error) = self.check_text(text_offset, &text) {
                                return Err(self.in_child(error, start.name, position));
                            }
                            text
                        }
                        // More than one piece of text: check the first, read the
                        // rest the general way (which checks each piece it reads).
                        Ok(event) => {
                            if let Err(error) = self.check_text(text_offset, &text) {
                                return Err(self.in_child(error, start.name, position));
                            }
                            self.rest_of_text(start.name, position, text, end, event)?
                        }
                        Err(error) => return Err(self.in_child(self.syntax_error(error), start.name, position)),
                    }
                }
                Ok(event) => self.rest_of_text(start.name, position, Cow::Borrowed(""), text_offset, event)?,
                Err(error) => return Err(self.in_child(self.syntax_error(error), start.name, position)),
            }
        };
        let value = T::parse_text(&text).map_err(|error| {
            let kind = ReadErrorKind::InvalidValue { value: text.clone().into_owned(), error };
            self.in_child(self.error_at(text_offset, kind), start.name, position)
        })?;
        if let Some(parent) = self.open.last_mut() {
            parent.last_child = Some((start.name, position));
        }
        Ok(value)
    }

    /// Finishes reading the text of a leaf element whose text did not come
    /// in one piece: `event`, read at `offset`, follows `text`.
    fn rest_of_text(
        &mut self,
        name: &'a str,
        position: usize,
        mut text: Cow<'a, str>,
        offset: usize,
        event: Event<'a>,
    ) -> Result<Cow<'a, str>, ReadError> {
        let (mut offset, mut event) = (offset, event);
        loop {
            match event {
                Event::End(_) => return Ok(text),
                Event::Start(tag) | Event::Empty(tag) => {
                    let found = self.name_of(offset, &tag).map_err(|error| self.in_child(error, name, position))?;
                    let error = self.error_at(offset, ReadErrorKind::ElementInText(found.to_owned()));
                    return Err(self.in_child(error, name, position));
                }
                Event::Eof => {
                    return Err(self.in_child(self.error_at(offset, ReadErrorKind::UnexpectedEof), name, position));
                }
                Event::DocType(_) => {
                    return Err(self.in_child(self.error_at(offset, ReadErrorKind::DocType), name, position));
                }
                Event::Decl(_) => {
                    return Err(self.in_child(self.error_at(offset, misplaced_declaration()), name, position));
                }
                event => self
                    .character_data(offset, event, &mut text)
                    .map_err(|error| self.in_child(error, name, position))?,
            }
            (offset, event) = self.raw_event().map_err(|error| self.in_child(error, name, position))?;
        }
    }

    /// The position the next child named `name` has among its consecutive
    /// same-named siblings.
    fn next_position(&self, name: &str) -> usize {
        match self.open.last().and_then(|parent| parent.last_child) {
            Some((previous, count)) if previous == name => count + 1,
            _ => 1,
        }
    }

    /// `error`, raised while reading leaf child `name` (which has no frame),
    /// with that child in its path.
    fn in_child(&self, error: ReadError, name: &str, position: usize) -> ReadError {
        let mut path = self.path();
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str(name);
        if position > 1 {
            path.push_str(&format!("[{position}]"));
        }
        error.with_path(path)
    }

    fn syntax_error(&self, error: quick_xml::Error) -> ReadError {
        let at = self.events.error_position() as usize;
        self.error_at(at, ReadErrorKind::Syntax(error.to_string()))
    }

    /// Reads the required child element `name` of a simple type whose
    /// declaration has a `default`: an empty element has the default value.
    pub fn required_defaulted<T: SimpleValue>(
        &mut self,
        name: &'static str,
        expected: &'static [&'static str],
        default: &'static str,
    ) -> Result<T, ReadError> {
        match self.peek_element()? {
            Some(found) if found == name => self.read_child_with(|r, start| r.defaulted_value(start, default)),
            _ => Err(self.missing(expected)),
        }
    }

    /// Reads the child element `name` if it comes next; its declaration has
    /// a `default`, which an empty element takes.
    pub fn optional_defaulted<T: SimpleValue>(
        &mut self,
        name: &'static str,
        default: &'static str,
    ) -> Result<Option<T>, ReadError> {
        match self.peek_element()? {
            Some(found) if found == name => {
                self.read_child_with(|r, start| r.defaulted_value(start, default)).map(Some)
            }
            _ => Ok(None),
        }
    }

    /// Reads the text of an element whose declaration has a `default`.
    fn defaulted_value<T: SimpleValue>(&mut self, start: &Start<'a>, default: &'static str) -> Result<T, ReadError> {
        self.no_attributes(start)?;
        let offset = self.events.buffer_position() as usize;
        let text = self.read_text()?;
        let text = if text.is_empty() { Cow::Borrowed(default) } else { text };
        T::parse_text(&text).map_err(|error| {
            let value = text.into_owned();
            self.error_at(offset, ReadErrorKind::InvalidValue { value, error })
        })
    }

    /// Reads a required group (a choice or a nested sequence); `expected`
    /// names the elements that can start it.
    pub fn required_group<G: XmlGroup>(&mut self, expected: &'static [&'static str]) -> Result<G, ReadError> {
        match G::read_group(self)? {
            Some(group) => Ok(group),
            None => Err(self.missing(expected)),
        }
    }

    /// Reads consecutive occurrences of a group, checking their number
    /// against `minOccurs` and `maxOccurs` (`None` for unbounded).
    pub fn repeated_group<G: XmlGroup>(
        &mut self,
        min: usize,
        max: Option<usize>,
        expected: &'static [&'static str],
    ) -> Result<Vec<G>, ReadError> {
        let mut items = Vec::new();
        while max.is_none_or(|max| items.len() < max) {
            match G::read_group(self)? {
                Some(group) => items.push(group),
                None => break,
            }
        }
        if items.len() < min {
            return Err(self.missing(expected));
        }
        if let Some(max) = max.filter(|&max| items.len() == max)
            && self.peek_element()?.is_some_and(|name| expected.contains(&name))
        {
            return Err(self.error_at_next(ReadErrorKind::TooManyOccurrences { of: expected, max }));
        }
        Ok(items)
    }

    /// Reads consecutive child elements matched by an `xs:any` wildcard: every
    /// element whose name is not in `followers` (the elements that may come
    /// after the wildcard).
    /// `namespace` says which elements the wildcard matches; one it does not
    /// is an error.
    pub fn wildcard_elements(
        &mut self,
        min: usize,
        max: Option<usize>,
        followers: &[&str],
        namespace: WildcardNamespace,
    ) -> Result<Vec<AnyElement>, ReadError> {
        let mut items = Vec::new();
        while max.is_none_or(|max| items.len() < max) {
            let Token::Start(start) = self.peek_token()? else {
                break;
            };
            let start = *start;
            if followers.contains(&start.name) {
                break;
            }
            let in_namespace = self.element_namespace(&start)?;
            if !namespace.admits(in_namespace.as_deref()) {
                let found = start.name.to_owned();
                return Err(self.error_at_next(ReadErrorKind::UnexpectedElement { found, expected: &[] }));
            }
            let name = start.name.to_owned();
            self.wildcard_start = Some(start.offset);
            let mut element = AnyElement { name, content: self.read_child::<AnyContent>()? };
            self.declare_prefix_of(&element.name.clone(), &mut element.content);
            items.push(element);
        }
        if items.len() < min {
            return Err(self.too_few("*", min, items.len()));
        }
        Ok(items)
    }

    /// Checks that the current element's content ends here. `slots` lists the
    /// child elements of the content model in schema order, one slot per
    /// field (the alternatives of a choice share one), so that an element
    /// the schema puts earlier, one repeated too often, and one not allowed
    /// at all are told apart.
    pub fn end_of_content(&mut self, slots: &[&[&'static str]]) -> Result<(), ReadError> {
        let found = match self.peek_token()? {
            Token::End { .. } => return Ok(()),
            Token::Eof { .. } => return Err(self.error_at_next(ReadErrorKind::UnexpectedEof)),
            Token::Start(start) => start.name,
        };
        let slot_of = |name: &str| slots.iter().position(|slot| slot.contains(&name));
        let last = self.open.last().and_then(|frame| frame.last_child);
        let kind = match (slot_of(found), last) {
            (Some(found_slot), Some((last_name, count))) => match slot_of(last_name) {
                Some(last_slot) if found_slot < last_slot => ReadErrorKind::OutOfOrder { found: found.to_owned() },
                Some(last_slot) if found_slot == last_slot && slots[found_slot] == [found] => {
                    ReadErrorKind::TooMany { name: slots[found_slot][0], max: count }
                }
                _ => ReadErrorKind::UnexpectedElement { found: found.to_owned(), expected: &[] },
            },
            _ => ReadErrorKind::UnexpectedElement { found: found.to_owned(), expected: &[] },
        };
        Err(self.error_at_next(kind))
    }

    /// Checks that the current element, of a type with empty content, holds
    /// nothing at all: not even white space.
    pub fn empty_content(&mut self) -> Result<(), ReadError> {
        self.nothing_inside(false)
    }

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

    /// Checks that the current element holds nothing but comments and
    /// processing instructions; `nil` says why it must be empty.
    fn nothing_inside(&mut self, nil: bool) -> Result<(), ReadError> {
        if self.next.is_some() {
            if nil && let Some(Token::Start(_)) = self.next {
                return Err(self.error_at_next(ReadErrorKind::NilWithContent));
            }
            return self.end_of_content(&[]);
        }
        loop {
            let (offset, event) = self.raw_event()?;
            match event {
                Event::End(_) => {
                    self.next = Some(Token::End { offset });
                    return Ok(());
                }
                Event::Comment(text) => self.check_chars(offset, &text)?,
                Event::PI(_) => {}
                Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) if nil => {
                    return Err(self.error_at(offset, ReadErrorKind::NilWithContent));
                }
                Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) => {
                    return Err(self.error_at(offset, ReadErrorKind::TextInEmptyElement));
                }
                Event::Start(_) | Event::Empty(_) if nil => {
                    return Err(self.error_at(offset, ReadErrorKind::NilWithContent));
                }
                Event::Start(tag) | Event::Empty(tag) => {
                    let found = self.name_of(offset, &tag)?.to_owned();
                    return Err(self.error_at(offset, ReadErrorKind::UnexpectedElement { found, expected: &[] }));
                }
                Event::Eof => return Err(self.error_at(offset, ReadErrorKind::UnexpectedEof)),
                Event::DocType(_) => return Err(self.error_at(offset, ReadErrorKind::DocType)),
                Event::Decl(_) => return Err(self.error_at(offset, misplaced_declaration())),
            }
        }
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

    /// Reads the text content of the current element (which must hold no
    /// child element) and parses it as a `T`.
    pub fn read_value<T: SimpleValue>(&mut self) -> Result<T, ReadError> {
        let offset = self.events.buffer_position() as usize;
        let text = self.read_text()?;
        T::parse_text(&text).map_err(|error| {
            let value = text.into_owned();
            self.error_at(offset, ReadErrorKind::InvalidValue { value, error })
        })
    }

    /// Reads the text content of the current element, entities resolved and
    /// line ends normalized; a child element is an error.
    pub fn read_text(&mut self) -> Result<Cow<'a, str>, ReadError> {
        let mut text = Cow::Borrowed("");
        if matches!(self.next, Some(Token::End { .. })) {
            return Ok(text);
        }
        loop {
            let (offset, event) = self.raw_event()?;
            match event {
                Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) | Event::Comment(_) | Event::PI(_) => {
                    self.character_data(offset, event, &mut text)?;
                }
                Event::End(_) => {
                    self.next = Some(Token::End { offset });
                    return Ok(text);
                }
                Event::Start(tag) | Event::Empty(tag) => {
                    let name = self.name_of(offset, &tag)?.to_owned();
                    return Err(self.error_at(offset, ReadErrorKind::ElementInText(name)));
                }
                Event::Eof => return Err(self.error_at(offset, ReadErrorKind::UnexpectedEof)),
                Event::DocType(_) => return Err(self.error_at(offset, ReadErrorKind::DocType)),
                Event::Decl(_) => return Err(self.error_at(offset, misplaced_declaration())),
            }
        }
    }

    /// Reads everything inside the current element as it is (for `xs:anyType`
    /// content): attributes, child elements and non-blank text. Namespace
    /// prefixes the content uses but declares outside it are declared on it,
    /// so that it stays namespace-well-formed wherever it is written.
    pub fn read_any_content(&mut self, start: &Start<'a>) -> Result<AnyContent, ReadError> {
        let outermost = self.any_depth == 0;
        if outermost && self.nillable_start != Some(start.offset) && self.wildcard_start != Some(start.offset) {
            // A declared `xs:anyType` element that is not nillable: its
            // attributes are content, but `xsi:nil` is not one of them.
            self.check_attribute_syntax(start)?;
            for attribute in start.attributes() {
                let attribute = attribute.map_err(|error| self.attribute_syntax_error(start, &error))?;
                let name = attribute.key.into_inner();
                if self.is_xsi_nil(start, name) {
                    let offset = self.offset_of(name).unwrap_or(start.offset);
                    return Err(self.error_at(offset, ReadErrorKind::NotNillable));
                }
            }
        }
        self.any_depth += 1;
        let content = self.read_any_content_inner(start);
        self.any_depth -= 1;
        let mut content = content?;
        if outermost {
            let mut undeclared = Vec::new();
            undeclared_prefixes(&content, &[], &mut undeclared);
            for prefix in undeclared {
                self.declare_prefix(&prefix, &mut content);
            }
        }
        Ok(content)
    }

    /// Adds to attributes kept by an `xs:anyAttribute` wildcard the
    /// declarations of the prefixes they use (which the reader does not
    /// keep on typed elements), so that they can be written again.
    pub fn declare_namespaces(&self, attributes: &mut Vec<AnyAttribute>) {
        let mut prefixes = Vec::new();
        for attribute in attributes.iter() {
            note_prefix(&attribute.name, &[], &mut prefixes);
        }
        for prefix in prefixes {
            let declared =
                attributes.iter().any(|attribute| attribute.name.strip_prefix("xmlns:") == Some(prefix.as_str()));
            let in_scope =
                self.open.iter().rev().flat_map(|frame| &frame.namespaces).find(|(known, _)| *known == prefix);
            if let (false, Some((prefix, uri))) = (declared, in_scope) {
                attributes.push(AnyAttribute { name: format!("xmlns:{prefix}"), value: uri.clone() });
            }
        }
    }

    /// Declares the prefix of `name`, if it has one declared outside `content`.
    fn declare_prefix_of(&self, name: &str, content: &mut AnyContent) {
        if let Some((prefix, _)) = name.split_once(':')
            && !declares(content, prefix)
        {
            self.declare_prefix(prefix, content);
        }
    }

    /// Copies the declaration of `prefix` in scope (the innermost) onto `content`.
    fn declare_prefix(&self, prefix: &str, content: &mut AnyContent) {
        let declaration = self.open.iter().rev().flat_map(|frame| &frame.namespaces).find(|(known, _)| known == prefix);
        if let Some((prefix, uri)) = declaration {
            content.attributes.push(AnyAttribute { name: format!("xmlns:{prefix}"), value: uri.clone() });
        }
    }

    fn read_any_content_inner(&mut self, start: &Start<'a>) -> Result<AnyContent, ReadError> {
        let mut content = AnyContent::default();
        self.check_attribute_syntax(start)?;
        for attribute in start.attributes() {
            let attribute = attribute.map_err(|error| self.attribute_syntax_error(start, &error))?;
            let name = attribute.key.into_inner().to_owned();
            let offset = self.offset_of(&attribute.value).unwrap_or(start.offset);
            let value = attribute
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|error| self.error_at(offset, attribute_error_kind(&error)))?
                .into_owned();
            if let Some((_, character)) = wellformed::first_forbidden_char(&value) {
                return Err(self.error_at(offset, forbidden(character)));
            }
            content.attributes.push(AnyAttribute { name, value });
        }
        if matches!(self.next, Some(Token::End { .. })) {
            return Ok(content);
        }
        let mut text = Cow::Borrowed("");
        loop {
            let (offset, event) = self.raw_event()?;
            match event {
                Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) | Event::Comment(_) | Event::PI(_) => {
                    self.character_data(offset, event, &mut text)?;
                }
                Event::Start(tag) => self.read_any_child(offset, tag, false, &mut content, &mut text)?,
                Event::Empty(tag) => self.read_any_child(offset, tag, true, &mut content, &mut text)?,
                Event::End(_) => {
                    flush_text(&mut content.children, &mut text);
                    drop_blank_text_between_elements(&mut content.children);
                    self.next = Some(Token::End { offset });
                    return Ok(content);
                }
                Event::Eof => return Err(self.error_at(offset, ReadErrorKind::UnexpectedEof)),
                Event::DocType(_) => return Err(self.error_at(offset, ReadErrorKind::DocType)),
                Event::Decl(_) => return Err(self.error_at(offset, misplaced_declaration())),
            }
        }
    }

    /// The error for a required element that is not next: another element,
    /// the end of the parent, or the end of the input.
    pub fn missing(&mut self, expected: &'static [&'static str]) -> ReadError {
        let kind = match self.peek_token() {
            Ok(Token::Start(start)) => ReadErrorKind::UnexpectedElement { found: start.name.to_owned(), expected },
            Ok(Token::End { .. }) => ReadErrorKind::MissingElement { expected },
            Ok(Token::Eof { .. }) => ReadErrorKind::UnexpectedEof,
            Err(error) => return error,
        };
        self.error_at_next(kind)
    }

    fn too_few(&mut self, name: &'static str, min: usize, found: usize) -> ReadError {
        match self.peek_token() {
            Ok(Token::Eof { .. }) => self.error_at_next(ReadErrorKind::UnexpectedEof),
            Ok(_) => self.error_at_next(ReadErrorKind::TooFew { name, min, found }),
            Err(error) => error,
        }
    }

    /// Reads the child element whose start tag is next, through its end tag.
    fn read_child<T: XmlElement>(&mut self) -> Result<T, ReadError> {
        self.read_child_with(T::read_content)
    }

    /// Reads the child element whose start tag is next, its content with
    /// `read_content`, through its end tag.
    fn read_child_with<T>(
        &mut self,
        read_content: impl FnOnce(&mut Self, &Start<'a>) -> Result<T, ReadError>,
    ) -> Result<T, ReadError> {
        let Some(Token::Start(start)) = self.next.take() else {
            return Err(self.error_at(self.events.buffer_position() as usize, ReadErrorKind::UnexpectedEof));
        };
        if self.open.len() >= self.options.max_depth {
            let limit = self.options.max_depth;
            return Err(self.error_at(start.offset, ReadErrorKind::TooDeep { limit }));
        }
        let position = self.next_position(start.name);
        let declares_xsi = start.declares_xsi();
        let namespaces = start.namespace_declarations();
        self.open.push(Frame { name: start.name, position, last_child: None, declares_xsi, namespaces });
        if start.self_closing {
            self.next = Some(Token::End { offset: start.offset });
        }
        let value = read_content(self, &start)?;
        match self.peek_token()? {
            Token::End { .. } => self.next = None,
            Token::Start(found) => {
                let found = found.name.to_owned();
                return Err(self.error_at_next(ReadErrorKind::UnexpectedElement { found, expected: &[] }));
            }
            Token::Eof { .. } => return Err(self.error_at_next(ReadErrorKind::UnexpectedEof)),
        }
        self.open.pop();
        if let Some(parent) = self.open.last_mut() {
            parent.last_child = Some((start.name, position));
        }
        Ok(value)
    }

    fn peek_token(&mut self) -> Result<&Token<'a>, ReadError> {
        if self.next.is_none() {
            let token = self.next_token()?;
            self.next = Some(token);
        }
        match &self.next {
            Some(token) => Ok(token),
            None => Err(self.error_at(self.input.len(), ReadErrorKind::UnexpectedEof)),
        }
    }

    /// The next start tag, end tag or end of input; white space (written or
    /// as character references), comments and processing instructions are
    /// skipped.
    fn next_token(&mut self) -> Result<Token<'a>, ReadError> {
        loop {
            let offset = self.events.buffer_position() as usize;
            let event = match self.events.read_event() {
                Ok(event) => event,
                Err(error) => return Err(self.syntax_error(error)),
            };
            match event {
                Event::Start(tag) => return self.start_token(offset, tag, false),
                Event::Empty(tag) => return self.start_token(offset, tag, true),
                Event::End(_) => return Ok(Token::End { offset }),
                Event::Eof => return Ok(Token::Eof { offset }),
                Event::Text(text) if text.bytes().all(|b| is_xml_space(char::from(b))) => {}
                Event::Text(text) => {
                    let text = text.xml10_content().into_owned();
                    return Err(self.error_at(offset, ReadErrorKind::UnexpectedText(text)));
                }
                Event::CData(text) => {
                    let text = text.xml10_content().into_owned();
                    return Err(self.error_at(offset, ReadErrorKind::UnexpectedText(text)));
                }
                Event::GeneralRef(reference) => {
                    if !is_xml_space(self.resolve_reference(offset, &reference)?) {
                        let text = format!("&{};", reference.xml10_content());
                        return Err(self.error_at(offset, ReadErrorKind::UnexpectedText(text)));
                    }
                }
                Event::Comment(comment) => self.check_chars(offset, &comment)?,
                Event::PI(_) => {}
                Event::Decl(declaration) if offset == 0 => self.check_declaration(&declaration)?,
                Event::Decl(_) => return Err(self.error_at(offset, misplaced_declaration())),
                Event::DocType(_) => return Err(self.error_at(offset, ReadErrorKind::DocType)),
            }
        }
    }

    fn start_token(&self, offset: usize, tag: BytesStart<'a>, self_closing: bool) -> Result<Token<'a>, ReadError> {
        let name = self.name_of(offset, &tag)?;
        // The name was found in the input right after `<`, and so is the rest of the tag.
        let content = &self.input[offset + 1..offset + 1 + name.len() + tag.attributes_raw().len()];
        Ok(Token::Start(Start { name, content, offset, self_closing }))
    }

    /// Reads one child element of `xs:anyType` content whose start tag was
    /// just read as a raw event.
    fn read_any_child(
        &mut self,
        offset: usize,
        tag: BytesStart<'a>,
        self_closing: bool,
        content: &mut AnyContent,
        text: &mut Cow<'a, str>,
    ) -> Result<(), ReadError> {
        flush_text(&mut content.children, text);
        let token = self.start_token(offset, tag, self_closing)?;
        let Token::Start(Start { name, .. }) = &token else {
            return Ok(());
        };
        let name = (*name).to_owned();
        self.next = Some(token);
        let child = self.read_child::<AnyContent>()?;
        content.children.push(AnyNode::Element(AnyElement { name, content: child }));
        Ok(())
    }

    fn raw_event(&mut self) -> Result<(usize, Event<'a>), ReadError> {
        let offset = self.events.buffer_position() as usize;
        match self.events.read_event() {
            Ok(event) => Ok((offset, event)),
            Err(error) => Err(self.syntax_error(error)),
        }
    }

    /// The name of the tag starting at `offset`, borrowed from the input so
    /// that it outlives the event (XML allows nothing between `<` and the
    /// name); a name that is not an XML name is malformed XML.
    fn name_of(&self, offset: usize, tag: &BytesStart<'_>) -> Result<&'a str, ReadError> {
        let name = tag.name().into_inner();
        let in_input = self.input.get(offset + 1..offset + 1 + name.len()).filter(|in_input| *in_input == name);
        match in_input {
            Some(name) if wellformed::is_name(name) => Ok(name),
            _ => {
                let message = format!("'<' not followed by an element name ({name:?})");
                Err(self.error_at(offset, ReadErrorKind::Syntax(message)))
            }
        }
    }

    /// The offset in the input of a slice borrowed from it.
    fn offset_of(&self, piece: &str) -> Option<usize> {
        let start = (piece.as_ptr() as usize).checked_sub(self.input.as_ptr() as usize)?;
        (start + piece.len() <= self.input.len()).then_some(start)
    }

    fn check_attribute_syntax(&self, start: &Start<'a>) -> Result<(), ReadError> {
        let raw = start.attributes_raw();
        wellformed::check_attribute_syntax(raw).map_err(|(at, message)| {
            let offset = self.offset_of(raw).map_or(start.offset, |raw_offset| raw_offset + at);
            self.error_at(offset, ReadErrorKind::Syntax(message.to_owned()))
        })
    }

    fn attribute_syntax_error(&self, start: &Start<'a>, error: &quick_xml::events::attributes::AttrError) -> ReadError {
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

    /// Only a UTF-8 XML 1.0 document can be read as a `&str`.
    fn check_declaration(&self, declaration: &quick_xml::events::BytesDecl<'_>) -> Result<(), ReadError> {
        let version =
            declaration.version().map_err(|error| self.error_at(0, ReadErrorKind::Syntax(error.to_string())))?;
        if version != "1.0" {
            return Err(self.error_at(0, ReadErrorKind::Syntax(format!("XML version {version} (only 1.0 is read)"))));
        }
        if let Some(Ok(encoding)) = declaration.encoding()
            && !encoding.eq_ignore_ascii_case("utf-8")
            && !encoding.eq_ignore_ascii_case("utf8")
        {
            let message = format!("encoding {encoding} (documents are read as UTF-8)");
            return Err(self.error_at(0, ReadErrorKind::Syntax(message)));
        }
        Ok(())
    }

    /// Appends the character data of `event` (text, CDATA, a reference) to
    /// `text`, checked; comments are checked and skipped, processing
    /// instructions skipped.
    fn character_data(&self, offset: usize, event: Event<'a>, text: &mut Cow<'a, str>) -> Result<(), ReadError> {
        match event {
            Event::Text(part) => {
                let part = part.xml10_content();
                self.check_text(offset, &part)?;
                append(text, part);
            }
            Event::CData(part) => {
                let part = part.xml10_content();
                self.check_chars(offset, &part)?;
                append(text, part);
            }
            Event::GeneralRef(reference) => text.to_mut().push(self.resolve_reference(offset, &reference)?),
            Event::Comment(comment) => self.check_chars(offset, &comment)?,
            _ => {}
        }
        Ok(())
    }

    /// Character data may hold neither forbidden characters nor `]]>`.
    fn check_text(&self, offset: usize, text: &str) -> Result<(), ReadError> {
        match wellformed::first_text_fault(text) {
            None => Ok(()),
            Some((at, wellformed::TextFault::Forbidden(character))) => {
                Err(self.error_at(offset + at, forbidden(character)))
            }
            Some((at, wellformed::TextFault::CdataEnd)) => {
                Err(self.error_at(offset + at, ReadErrorKind::Syntax("']]>' in character data".to_owned())))
            }
        }
    }

    fn check_chars(&self, offset: usize, text: &str) -> Result<(), ReadError> {
        match wellformed::first_forbidden_char(text) {
            Some((at, character)) => Err(self.error_at(offset + at, forbidden(character))),
            None => Ok(()),
        }
    }

    /// The namespace of the element `start` opens: its prefix's, or the
    /// default namespace it declares (typed elements around it declare none).
    fn element_namespace(&self, start: &Start<'a>) -> Result<Option<String>, ReadError> {
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
    fn is_xsi_nil(&self, start: &Start<'a>, name: &str) -> bool {
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

    fn resolve_reference(&self, offset: usize, reference: &BytesRef<'_>) -> Result<char, ReadError> {
        if reference.is_char_ref() {
            return match reference.resolve_char_ref() {
                Ok(Some(character)) if wellformed::is_xml_char(character) => Ok(character),
                Ok(Some(character)) => Err(self.error_at(offset, forbidden(character))),
                Ok(None) | Err(_) => {
                    let entity = reference.xml10_content().into_owned();
                    Err(self.error_at(offset, ReadErrorKind::UndefinedEntity(entity)))
                }
            };
        }
        match &*reference.xml10_content() {
            "lt" => Ok('<'),
            "gt" => Ok('>'),
            "amp" => Ok('&'),
            "apos" => Ok('\''),
            "quot" => Ok('"'),
            other => Err(self.error_at(offset, ReadErrorKind::UndefinedEntity(other.to_owned()))),
        }
    }

    /// The element path of the element being read: `packet/user/del/result[2]`.
    fn path(&self) -> String {
        let mut path = String::new();
        for (index, frame) in self.open.iter().enumerate() {
            if index > 0 {
                path.push('/');
            }
            path.push_str(frame.name);
            if frame.position > 1 {
                path.push_str(&format!("[{}]", frame.position));
            }
        }
        path
    }

    fn error_at_next(&self, kind: ReadErrorKind) -> ReadError {
        let offset = match &self.next {
            Some(Token::Start(start)) => start.offset,
            Some(Token::End { offset } | Token::Eof { offset }) => *offset,
            None => self.events.buffer_position() as usize,
        };
        self.error_at(offset, kind)
    }

    fn error_at(&self, offset: usize, kind: ReadErrorKind) -> ReadError {
        ReadError::new(kind, self.path(), Position::at_offset(self.input, offset))
    }
}

fn forbidden(character: char) -> ReadErrorKind {
    ReadErrorKind::Syntax(format!("character {character:?} is not allowed in XML"))
}

fn attribute_error_kind(error: &quick_xml::Error) -> ReadErrorKind {
    match error {
        quick_xml::Error::Escape(quick_xml::escape::EscapeError::UnrecognizedEntity(_, entity)) => {
            ReadErrorKind::UndefinedEntity(entity.clone())
        }
        other => ReadErrorKind::Syntax(other.to_string()),
    }
}

/// Whether `content` declares `prefix` itself.
fn declares(content: &AnyContent, prefix: &str) -> bool {
    content.attributes.iter().any(|attribute| attribute.name.strip_prefix("xmlns:") == Some(prefix))
}

/// The prefixes `content` uses (in names of its attributes and descendants)
/// without declaring them, given the prefixes declared around it (`scope`).
fn undeclared_prefixes(content: &AnyContent, scope: &[String], undeclared: &mut Vec<String>) {
    let mut scope = scope.to_vec();
    scope.extend(declared_prefixes(content));
    for attribute in &content.attributes {
        note_prefix(&attribute.name, &scope, undeclared);
    }
    for child in &content.children {
        if let AnyNode::Element(element) = child {
            let mut own_scope = scope.clone();
            own_scope.extend(declared_prefixes(&element.content));
            note_prefix(&element.name, &own_scope, undeclared);
            undeclared_prefixes(&element.content, &scope, undeclared);
        }
    }
}

fn declared_prefixes(content: &AnyContent) -> impl Iterator<Item = String> + '_ {
    content.attributes.iter().filter_map(|attribute| attribute.name.strip_prefix("xmlns:")).map(str::to_owned)
}

/// Notes the prefix of `name` if `scope` does not declare it (`xml` and
/// `xmlns` are always declared).
fn note_prefix(name: &str, scope: &[String], undeclared: &mut Vec<String>) {
    if let Some((prefix, _)) = name.split_once(':')
        && prefix != "xmlns"
        && prefix != "xml"
        && !scope.iter().any(|known| known == prefix)
        && !undeclared.iter().any(|known| known == prefix)
    {
        undeclared.push(prefix.to_owned());
    }
}

fn misplaced_declaration() -> ReadErrorKind {
    ReadErrorKind::Syntax("XML declaration not at the start of the document".to_owned())
}

fn append<'a>(text: &mut Cow<'a, str>, part: Cow<'a, str>) {
    if text.is_empty() {
        *text = part;
    } else {
        text.to_mut().push_str(&part);
    }
}

fn flush_text(children: &mut Vec<AnyNode>, text: &mut Cow<'_, str>) {
    if !text.is_empty() {
        children.push(AnyNode::Text(std::mem::take(text).into_owned()));
    }
}

/// Blank text between child elements is layout, not content; text in an
/// element without children is kept as it is, blank or not.
fn drop_blank_text_between_elements(children: &mut Vec<AnyNode>) {
    let has_elements = children.iter().any(|child| matches!(child, AnyNode::Element(_)));
    if has_elements {
        children.retain(|child| !matches!(child, AnyNode::Text(text) if text.chars().all(is_xml_space)));
    }
}
