//! Deserialization: a pull reader over `quick-xml` that generated code drives
//! with one element of lookahead, in schema order.

use std::borrow::Cow;
use std::fmt;

use quick_xml::events::{BytesRef, BytesStart, Event};

use super::any::{AnyAttribute, AnyContent, AnyElement, AnyNode};
use super::value::{SimpleValue, ValueError};
use super::{XmlElement, XmlGroup};

/// The default limit on element nesting, see [`ReadOptions::max_depth`].
pub const DEFAULT_MAX_DEPTH: usize = 128;

/// Limits that keep hostile input from exhausting the stack or memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    /// Deepest element nesting accepted; the root element is depth 1.
    /// Deeper input is an error, not a stack overflow.
    pub max_depth: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self { max_depth: DEFAULT_MAX_DEPTH }
    }
}

/// A line and column in the input, both counted from 1; columns count
/// characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// Line number, from 1.
    pub line: usize,
    /// Column number in characters, from 1.
    pub column: usize,
}

impl Position {
    /// The position of byte `offset` of `input`.
    pub fn at_offset(input: &str, offset: usize) -> Self {
        let mut offset = offset.min(input.len());
        while !input.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &input[..offset];
        let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
        Self {
            line: before.bytes().filter(|&b| b == b'\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Why a document could not be read into the generated types.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReadErrorKind {
    /// The input is not well-formed XML.
    #[error("malformed XML: {0}")]
    Syntax(String),
    /// The input is not UTF-8.
    #[error("invalid UTF-8")]
    InvalidUtf8,
    /// A document type declaration: refused, so that no entity is ever expanded.
    #[error("DOCTYPE declarations are not accepted")]
    DocType,
    /// A reference to an entity other than the five XML predefines.
    #[error("undefined entity '&{0};'")]
    UndefinedEntity(String),
    /// The document holds no root element.
    #[error("no root element")]
    NoRoot,
    /// The root element is not the one expected.
    #[error("expected root element <{expected}>, found <{found}>")]
    WrongRoot {
        /// The element the type reads.
        expected: &'static str,
        /// The element found.
        found: String,
    },
    /// Something other than comments or processing instructions after the root element.
    #[error("content after the root element")]
    ContentAfterRoot,
    /// Text where only elements are allowed.
    #[error("unexpected text {0:?}")]
    UnexpectedText(String),
    /// Element nesting beyond [`ReadOptions::max_depth`].
    #[error("elements nested deeper than {limit}")]
    TooDeep {
        /// The limit.
        limit: usize,
    },
    /// The input ends inside an element.
    #[error("unexpected end of input")]
    UnexpectedEof,
    /// An element not allowed here by the schema.
    #[error("unexpected element <{found}>{}", expected_suffix(.expected))]
    UnexpectedElement {
        /// The element found.
        found: String,
        /// The elements allowed at this point, if any is required.
        expected: &'static [&'static str],
    },
    /// An element the content model allows, but earlier.
    #[error("element <{found}> is out of order: the schema puts it earlier")]
    OutOfOrder {
        /// The element found.
        found: String,
    },
    /// A required element is missing.
    #[error("missing required element {}", alternatives(.expected))]
    MissingElement {
        /// The element expected (several when any of them would do).
        expected: &'static [&'static str],
    },
    /// An element occurs more often than `maxOccurs` allows.
    #[error("more than {max} <{name}> elements")]
    TooMany {
        /// The element.
        name: &'static str,
        /// Its `maxOccurs`.
        max: usize,
    },
    /// An element occurs less often than `minOccurs` requires.
    #[error("{found} <{name}> elements, at least {min} required")]
    TooFew {
        /// The element.
        name: &'static str,
        /// Its `minOccurs`.
        min: usize,
        /// How many were found.
        found: usize,
    },
    /// A child element inside an element that holds only text.
    #[error("element <{0}> inside a text-only element")]
    ElementInText(String),
    /// An attribute the schema does not declare on this element.
    #[error("unexpected attribute '{0}'")]
    UnexpectedAttribute(String),
    /// A required attribute is missing.
    #[error("missing required attribute '{0}'")]
    MissingAttribute(&'static str),
    /// A value not in the lexical space of its type.
    #[error("invalid value {value:?}: {error}")]
    InvalidValue {
        /// The text found.
        value: String,
        /// What is wrong with it.
        error: ValueError,
    },
}

fn expected_suffix(expected: &[&str]) -> String {
    if expected.is_empty() { String::new() } else { format!(", expected {}", alternatives(expected)) }
}

fn alternatives(names: &[&str]) -> String {
    let tags: Vec<String> = names.iter().map(|name| format!("<{name}>")).collect();
    tags.join(" or ")
}

/// A document that does not fit the generated types: what, at which element
/// path and at which line and column.
///
/// Displays as `3:7: packet/user/add/gen-info: missing required element <login>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    kind: ReadErrorKind,
    path: String,
    position: Position,
}

impl ReadError {
    /// The error for input that is not UTF-8 from byte `valid_up_to` on.
    pub(crate) fn invalid_utf8(input: &[u8], valid_up_to: usize) -> Self {
        let valid = std::str::from_utf8(&input[..valid_up_to]).unwrap_or_default();
        Self {
            kind: ReadErrorKind::InvalidUtf8,
            path: String::new(),
            position: Position::at_offset(valid, valid.len()),
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> &ReadErrorKind {
        &self.kind
    }

    /// The element path (`packet/user/add`) of the element being read; empty
    /// before the root element.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Where in the input.
    pub fn position(&self) -> Position {
        self.position
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.position)?;
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        write!(f, "{}", self.kind)
    }
}

impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ReadErrorKind::InvalidValue { error, .. } => Some(error),
            _ => None,
        }
    }
}

/// A start tag just read: the element's name and attributes.
#[derive(Debug)]
pub struct Start<'a> {
    name: &'a str,
    tag: BytesStart<'a>,
    offset: usize,
    self_closing: bool,
}

impl<'a> Start<'a> {
    /// The element name as written (with its prefix, if any).
    pub fn name(&self) -> &'a str {
        self.name
    }
}

/// An attribute of a start tag, its value unescaped and normalized.
#[derive(Debug)]
pub struct Attribute<'s> {
    name: &'s str,
    value: Cow<'s, str>,
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

/// What follows in element content, once white space, comments and
/// processing instructions are skipped.
#[derive(Debug)]
enum Token<'a> {
    Start(Start<'a>),
    End { offset: usize },
    Eof { offset: usize },
}

/// A pull reader over one document, driven by generated `read_content`
/// methods.
///
/// It hands out child elements one at a time with one element of lookahead,
/// which is all an XSD content model needs (the schema's Unique Particle
/// Attribution rule guarantees it). It keeps the stack of open elements for
/// error paths and refuses DOCTYPE declarations, undefined entities and
/// nesting deeper than [`ReadOptions::max_depth`].
pub struct XmlReader<'a> {
    input: &'a str,
    events: quick_xml::Reader<&'a [u8]>,
    next: Option<Token<'a>>,
    open: Vec<&'a str>,
    options: ReadOptions,
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
        let mut events = quick_xml::Reader::from_reader(input.as_bytes());
        let config = events.config_mut();
        config.check_end_names = true;
        config.check_comments = true;
        config.expand_empty_elements = false;
        config.trim_text_start = false;
        config.trim_text_end = false;
        Self { input, events, next: None, open: Vec::new(), options }
    }

    /// Reads the whole document: prolog, the root element `root` as a `T`,
    /// and what may follow it.
    pub fn read_document<T: XmlElement>(mut self, root: &'static str) -> Result<T, ReadError> {
        let value = match self.peek_token()? {
            Token::Start(start) if start.name == root => self.read_child::<T>()?,
            Token::Start(start) => {
                let found = start.name.to_owned();
                return Err(self.error_at_next(ReadErrorKind::WrongRoot { expected: root, found }));
            }
            Token::End { .. } | Token::Eof { .. } => return Err(self.error_at_next(ReadErrorKind::NoRoot)),
        };
        match self.peek_token()? {
            Token::Eof { .. } => Ok(value),
            _ => Err(self.error_at_next(ReadErrorKind::ContentAfterRoot)),
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
        let mut items = Vec::new();
        while self.peek_element()? == Some(name) {
            if max.is_some_and(|max| items.len() == max) {
                return Err(self.error_at_next(ReadErrorKind::TooMany { name, max: items.len() }));
            }
            items.push(self.read_child()?);
        }
        if items.len() < min {
            return Err(self.too_few(name, min, items.len()));
        }
        Ok(items)
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
        Ok(items)
    }

    /// Reads consecutive child elements matched by an `xs:any` wildcard: every
    /// element whose name is not in `followers` (the elements that may come
    /// after the wildcard).
    pub fn wildcard_elements(
        &mut self,
        min: usize,
        max: Option<usize>,
        followers: &[&str],
    ) -> Result<Vec<AnyElement>, ReadError> {
        let mut items = Vec::new();
        while max.is_none_or(|max| items.len() < max) {
            let Token::Start(start) = self.peek_token()? else {
                break;
            };
            if followers.contains(&start.name) {
                break;
            }
            let name = start.name.to_owned();
            let content = self.read_child::<AnyContent>()?;
            items.push(AnyElement { name, content });
        }
        if items.len() < min {
            return Err(self.too_few("*", min, items.len()));
        }
        Ok(items)
    }

    /// Checks that the current element's content ends here. `children` lists
    /// every child element the content model knows, to tell an element out of
    /// order from an unknown one.
    pub fn end_of_content(&mut self, children: &[&str]) -> Result<(), ReadError> {
        match self.peek_token()? {
            Token::End { .. } | Token::Eof { .. } => Ok(()),
            Token::Start(start) => {
                let found = start.name.to_owned();
                let kind = if children.contains(&start.name) {
                    ReadErrorKind::OutOfOrder { found }
                } else {
                    ReadErrorKind::UnexpectedElement { found, expected: &[] }
                };
                Err(self.error_at_next(kind))
            }
        }
    }

    /// The attributes of `start`, skipping namespace declarations and
    /// `xsi:schemaLocation` hints.
    pub fn attributes<'s>(
        &'s self,
        start: &'s Start<'a>,
    ) -> impl Iterator<Item = Result<Attribute<'s>, ReadError>> + 's {
        start.tag.attributes().filter_map(move |attribute| {
            let attribute = match attribute {
                Ok(attribute) => attribute,
                Err(error) => return Some(Err(self.error_at(start.offset, ReadErrorKind::Syntax(error.to_string())))),
            };
            let name = attribute.key.into_inner();
            if is_reader_hint(name) {
                return None;
            }
            let value = attribute
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|error| self.error_at(start.offset, attribute_error_kind(&error)));
            Some(value.map(|value| Attribute { name, value }))
        })
    }

    /// Parses an attribute value as a `T`.
    pub fn attribute_value<T: SimpleValue>(
        &self,
        start: &Start<'a>,
        attribute: &Attribute<'_>,
    ) -> Result<T, ReadError> {
        T::parse_text(attribute.value()).map_err(|error| {
            let value = attribute.value().to_owned();
            let mut report = self.error_at(start.offset, ReadErrorKind::InvalidValue { value, error });
            report.path = format!("{}/@{}", report.path, attribute.name());
            report
        })
    }

    /// The error for an attribute the element does not declare.
    pub fn unexpected_attribute(&self, start: &Start<'a>, attribute: &Attribute<'_>) -> ReadError {
        self.error_at(start.offset, ReadErrorKind::UnexpectedAttribute(attribute.name().to_owned()))
    }

    /// The error for a required attribute that is absent.
    pub fn missing_attribute(&self, start: &Start<'a>, name: &'static str) -> ReadError {
        self.error_at(start.offset, ReadErrorKind::MissingAttribute(name))
    }

    /// Refuses any attribute on `start` (for elements that declare none).
    pub fn no_attributes(&self, start: &Start<'a>) -> Result<(), ReadError> {
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
                Event::Text(part) => append(&mut text, part.xml10_content()),
                Event::CData(part) => append(&mut text, part.xml10_content()),
                Event::GeneralRef(reference) => {
                    let character = self.resolve_reference(offset, &reference)?;
                    text.to_mut().push(character);
                }
                Event::Comment(_) | Event::PI(_) => {}
                Event::End(_) => {
                    self.next = Some(Token::End { offset });
                    return Ok(text);
                }
                Event::Start(tag) | Event::Empty(tag) => {
                    let name = self.name_of(offset, &tag).to_owned();
                    return Err(self.error_at(offset, ReadErrorKind::ElementInText(name)));
                }
                Event::Eof => return Err(self.error_at(offset, ReadErrorKind::UnexpectedEof)),
                Event::DocType(_) => return Err(self.error_at(offset, ReadErrorKind::DocType)),
                Event::Decl(_) => return Err(self.error_at(offset, misplaced_declaration())),
            }
        }
    }

    /// Reads everything inside the current element as it is (for `xs:anyType`
    /// content): attributes, child elements and non-blank text.
    pub fn read_any_content(&mut self, start: &Start<'a>) -> Result<AnyContent, ReadError> {
        let mut content = AnyContent::default();
        for attribute in start.tag.attributes() {
            let attribute =
                attribute.map_err(|error| self.error_at(start.offset, ReadErrorKind::Syntax(error.to_string())))?;
            let name = attribute.key.into_inner().to_owned();
            let value = attribute
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|error| self.error_at(start.offset, attribute_error_kind(&error)))?
                .into_owned();
            content.attributes.push(AnyAttribute { name, value });
        }
        if matches!(self.next, Some(Token::End { .. })) {
            return Ok(content);
        }
        let mut text = Cow::Borrowed("");
        loop {
            let (offset, event) = self.raw_event()?;
            match event {
                Event::Text(part) => append(&mut text, part.xml10_content()),
                Event::CData(part) => append(&mut text, part.xml10_content()),
                Event::GeneralRef(reference) => {
                    let character = self.resolve_reference(offset, &reference)?;
                    text.to_mut().push(character);
                }
                Event::Comment(_) | Event::PI(_) => {}
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

    /// The error for a required element that is not next.
    pub fn missing(&mut self, expected: &'static [&'static str]) -> ReadError {
        let kind = match self.peek_token() {
            Ok(Token::Start(start)) => ReadErrorKind::UnexpectedElement { found: start.name.to_owned(), expected },
            Ok(_) => ReadErrorKind::MissingElement { expected },
            Err(error) => return error,
        };
        self.error_at_next(kind)
    }

    fn too_few(&mut self, name: &'static str, min: usize, found: usize) -> ReadError {
        self.error_at_next(ReadErrorKind::TooFew { name, min, found })
    }

    /// Reads the child element whose start tag is next, through its end tag.
    fn read_child<T: XmlElement>(&mut self) -> Result<T, ReadError> {
        let Some(Token::Start(start)) = self.next.take() else {
            return Err(self.error_at(self.events.buffer_position() as usize, ReadErrorKind::UnexpectedEof));
        };
        if self.open.len() >= self.options.max_depth {
            let limit = self.options.max_depth;
            return Err(self.error_at(start.offset, ReadErrorKind::TooDeep { limit }));
        }
        self.open.push(start.name);
        if start.self_closing {
            self.next = Some(Token::End { offset: start.offset });
        }
        let value = T::read_content(self, &start)?;
        match self.peek_token()? {
            Token::End { .. } => self.next = None,
            Token::Start(found) => {
                let found = found.name.to_owned();
                return Err(self.error_at_next(ReadErrorKind::UnexpectedElement { found, expected: &[] }));
            }
            Token::Eof { .. } => return Err(self.error_at_next(ReadErrorKind::UnexpectedEof)),
        }
        self.open.pop();
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

    /// The next start tag, end tag or end of input; blank text, comments and
    /// processing instructions are skipped.
    fn next_token(&mut self) -> Result<Token<'a>, ReadError> {
        loop {
            let (offset, event) = self.raw_event()?;
            match event {
                Event::Start(tag) => return Ok(self.start_token(offset, tag, false)),
                Event::Empty(tag) => return Ok(self.start_token(offset, tag, true)),
                Event::End(_) => return Ok(Token::End { offset }),
                Event::Eof => return Ok(Token::Eof { offset }),
                Event::Text(text) if text.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')) => {}
                Event::Text(text) => {
                    let text = text.xml10_content().into_owned();
                    return Err(self.error_at(offset, ReadErrorKind::UnexpectedText(text)));
                }
                Event::CData(text) => {
                    let text = text.xml10_content().into_owned();
                    return Err(self.error_at(offset, ReadErrorKind::UnexpectedText(text)));
                }
                Event::GeneralRef(reference) => {
                    let text = format!("&{};", reference.xml10_content());
                    return Err(self.error_at(offset, ReadErrorKind::UnexpectedText(text)));
                }
                Event::Comment(_) | Event::PI(_) => {}
                Event::Decl(_) if offset == 0 => {}
                Event::Decl(_) => return Err(self.error_at(offset, misplaced_declaration())),
                Event::DocType(_) => return Err(self.error_at(offset, ReadErrorKind::DocType)),
            }
        }
    }

    fn start_token(&self, offset: usize, tag: BytesStart<'a>, self_closing: bool) -> Token<'a> {
        Token::Start(Start { name: self.name_of(offset, &tag), tag, offset, self_closing })
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
        let token = self.start_token(offset, tag, self_closing);
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
            Err(error) => {
                let at = self.events.error_position() as usize;
                Err(self.error_at(at, ReadErrorKind::Syntax(error.to_string())))
            }
        }
    }

    /// The name of the tag starting at `offset`, borrowed from the input so
    /// that it outlives the event (XML allows nothing between `<` and the name).
    fn name_of(&self, offset: usize, tag: &BytesStart<'_>) -> &'a str {
        let name = tag.name().into_inner();
        let range = offset + 1..offset + 1 + name.len();
        match self.input.get(range) {
            Some(in_input) if in_input == name => in_input,
            _ => "?",
        }
    }

    fn resolve_reference(&self, offset: usize, reference: &BytesRef<'_>) -> Result<char, ReadError> {
        if reference.is_char_ref() {
            return match reference.resolve_char_ref() {
                Ok(Some(character)) => Ok(character),
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

    fn error_at_next(&self, kind: ReadErrorKind) -> ReadError {
        let offset = match &self.next {
            Some(Token::Start(start)) => start.offset,
            Some(Token::End { offset } | Token::Eof { offset }) => *offset,
            None => self.events.buffer_position() as usize,
        };
        self.error_at(offset, kind)
    }

    fn error_at(&self, offset: usize, kind: ReadErrorKind) -> ReadError {
        ReadError { kind, path: self.open.join("/"), position: Position::at_offset(self.input, offset) }
    }
}

/// Names the reader handles itself: namespace declarations and schema
/// location hints, allowed on any element.
fn is_reader_hint(name: &str) -> bool {
    name == "xmlns"
        || name.starts_with("xmlns:")
        || name == "xsi:schemaLocation"
        || name == "xsi:noNamespaceSchemaLocation"
}

fn attribute_error_kind(error: &quick_xml::Error) -> ReadErrorKind {
    match error {
        quick_xml::Error::Escape(quick_xml::escape::EscapeError::UnrecognizedEntity(_, entity)) => {
            ReadErrorKind::UndefinedEntity(entity.clone())
        }
        other => ReadErrorKind::Syntax(other.to_string()),
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
        children.retain(|child| !matches!(child, AnyNode::Text(text) if text.chars().all(super::value::is_xml_space)));
    }
}
