//! Deserialization: a pull reader over `quick-xml` that generated code drives
//! with one element of lookahead, in schema order.

use std::borrow::Cow;
use std::fmt;

use quick_xml::events::{BytesRef, BytesStart, Event};

use super::any::{AnyAttribute, AnyContent, AnyElement, AnyNode};
use super::nillable::XSI_NAMESPACE;
use super::read_error::{Position, ReadError, ReadErrorKind, ReadOptions};
use super::value::{SimpleValue, ValueError, is_xml_space};
use super::wellformed;
use super::{XmlElement, XmlGroup};

mod attributes;
mod features;
mod leaf_scan;
mod open_content;
mod start;
mod tag_scan;
mod tokens;

pub use attributes::Attribute;
use attributes::*;
use leaf_scan::Leaf;
pub use open_content::WildcardNamespace;
pub use start::Start;
use tag_scan::{OPEN_TAGS_ROOM, OpenTag};
use tokens::*;

/// The text of a leaf child element, read through its end tag.
struct LeafText<'a> {
    name: &'a str,
    /// Its position among its consecutive same-named siblings.
    position: usize,
    text: Cow<'a, str>,
    text_offset: usize,
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
    /// How many bytes the `quick-xml` reader was moved past (leaves read
    /// from the bytes), which its positions do not count.
    skipped: usize,
    /// Whether the last event `quick-xml` read was markup.
    after_markup: bool,
    /// The leaf whose start tag `next` holds, recognised in the input and
    /// not yet read past.
    leaf: Option<Leaf<'a>>,
    /// The elements whose start tags were read and end tags not, whoever
    /// read them: what end tags are checked against.
    open_tags: Vec<OpenTag<'a>>,
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
        // The reader checks end tags itself (see `tag_scan`).
        config.check_end_names = false;
        config.allow_unmatched_ends = true;
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
            skipped: 0,
            after_markup: false,
            leaf: None,
            open_tags: Vec::with_capacity(OPEN_TAGS_ROOM),
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

    /// Reads the required child element `name`. The name comes by reference
    /// (`r.required(&"login")`, a promoted constant), so that the error for
    /// its absence can list it as the one element expected.
    pub fn required<T: XmlElement>(&mut self, name: &'static &'static str) -> Result<T, ReadError> {
        match self.peek_element()? {
            Some(found) if found == *name => self.read_child(),
            _ => Err(self.missing(std::slice::from_ref(name))),
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
    pub fn required_value<T: SimpleValue>(&mut self, name: &'static &'static str) -> Result<T, ReadError> {
        match self.peek_element()? {
            Some(found) if found == *name => self.read_value_child(),
            _ => Err(self.missing(std::slice::from_ref(name))),
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
        match self.leaf_text()? {
            Some(leaf) => self.leaf_value(leaf),
            None => self.read_child(),
        }
    }

    /// The text of the text-only child element whose start tag is next,
    /// read through its end tag; `None`, with nothing read, when the child
    /// needs the general path (attributes, or the depth limit). Always
    /// inlined: it is the path of nearly every leaf, and returning its text
    /// through memory costs a parse about 2% more instructions.
    #[inline(always)]
    fn leaf_text(&mut self) -> Result<Option<LeafText<'a>>, ReadError> {
        let Some(Token::Start(start)) = self.next.take() else {
            return Err(self.error_at(self.position(), ReadErrorKind::UnexpectedEof));
        };
        if !start.attributes_raw().is_empty() || self.open.len() >= self.options.max_depth {
            self.next = Some(Token::Start(start));
            return Ok(None);
        }
        let position = self.next_position(start.name);
        if let Some(leaf) = self.take_leaf() {
            let text = Cow::Borrowed(leaf.text);
            return Ok(Some(LeafText { name: start.name, position, text, text_offset: leaf.text_offset }));
        }
        let text_offset = self.position();
        let text = if start.self_closing {
            Cow::Borrowed("")
        } else {
            match self.read_event() {
                Ok(Event::End(_)) => Cow::Borrowed(""),
                Ok(Event::Text(text)) => {
                    // Plain text (the usual case) has no line end to
                    // normalize and nothing to check: it is taken as it is.
                    let plain = wellformed::is_plain_text(&text);
                    let text = if plain { text.into_inner() } else { text.xml10_content() };
                    let end = self.position();
                    match self.read_event() {
                        Ok(Event::End(_)) => {
                            if !plain && let Err(error) = self.check_text(text_offset, &text) {
                                return Err(self.in_child(error, start.name, position));
                            }
                            text
                        }
                        // More than one piece of text: check the first, read the
                        // rest the general way (which checks each piece it reads).
                        Ok(event) => {
                            if !plain && let Err(error) = self.check_text(text_offset, &text) {
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
        Ok(Some(LeafText { name: start.name, position, text, text_offset }))
    }

    /// Parses the text of a leaf child, and records the child as the last
    /// one read.
    fn leaf_value<T: SimpleValue>(&mut self, leaf: LeafText<'a>) -> Result<T, ReadError> {
        match T::parse_text(&leaf.text) {
            Ok(value) => {
                self.read_leaf(&leaf);
                Ok(value)
            }
            Err(error) => Err(self.invalid_leaf(leaf, error)),
        }
    }

    /// Records the leaf child `leaf` as the last one read.
    fn read_leaf(&mut self, leaf: &LeafText<'a>) {
        if let Some(parent) = self.open.last_mut() {
            parent.last_child = Some((leaf.name, leaf.position));
        }
    }

    /// The error for a leaf child whose text is no value of its type.
    #[cold]
    #[inline(never)]
    fn invalid_leaf(&self, leaf: LeafText<'a>, error: ValueError) -> ReadError {
        let kind = ReadErrorKind::InvalidValue { value: leaf.text.into_owned(), error };
        self.in_child(self.error_at(leaf.text_offset, kind), leaf.name, leaf.position)
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

    /// Reads the required child element `name` of a simple type whose
    /// declaration has a `default`: an empty element has the default value.
    /// `name` by reference, as for [`required`](Self::required).
    pub fn required_defaulted<T: SimpleValue>(
        &mut self,
        name: &'static &'static str,
        default: &'static str,
    ) -> Result<T, ReadError> {
        match self.peek_element()? {
            Some(found) if found == *name => self.read_child_with(|r, start| r.defaulted_value(start, default)),
            _ => Err(self.missing(std::slice::from_ref(name))),
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
        let offset = self.position();
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

    /// Reads the text content of the current element (which must hold no
    /// child element) and parses it as a `T`.
    pub fn read_value<T: SimpleValue>(&mut self) -> Result<T, ReadError> {
        let offset = self.position();
        let text = self.read_text()?;
        T::parse_text(&text).map_err(|error| {
            let value = text.into_owned();
            self.error_at(offset, ReadErrorKind::InvalidValue { value, error })
        })
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
    ///
    /// Only the call of `read_content` depends on `T`: opening and closing
    /// the element are functions of their own, so that the hundreds of
    /// element types a module reads share them instead of each compiling a
    /// copy.
    fn read_child_with<T>(
        &mut self,
        read_content: impl FnOnce(&mut Self, &Start<'a>) -> Result<T, ReadError>,
    ) -> Result<T, ReadError> {
        let (start, position) = self.open_child()?;
        let value = read_content(self, &start)?;
        self.close_child(start.name, position)?;
        Ok(value)
    }

    /// Opens a frame for the child element whose start tag is next.
    #[inline(never)]
    fn open_child(&mut self) -> Result<(Start<'a>, usize), ReadError> {
        let Some(Token::Start(start)) = self.next.take() else {
            return Err(self.error_at(self.position(), ReadErrorKind::UnexpectedEof));
        };
        self.sync_leaf();
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
        Ok((start, position))
    }

    /// Reads the end tag of the child element `name` whose content was
    /// read, and closes its frame.
    #[inline(never)]
    fn close_child(&mut self, name: &'a str, position: usize) -> Result<(), ReadError> {
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
            parent.last_child = Some((name, position));
        }
        Ok(())
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
            None => self.position(),
        };
        self.error_at(offset, kind)
    }

    fn error_at(&self, offset: usize, kind: ReadErrorKind) -> ReadError {
        ReadError::new(kind, self.path(), Position::at_offset(self.input, offset))
    }
}
