//! Read errors: what went wrong, at which element path and at which line
//! and column of the input.

use std::fmt;

use super::value::ValueError;

/// The default limit on element nesting, see [`ReadOptions::max_depth`].
pub const DEFAULT_MAX_DEPTH: usize = 128;

/// Limits that keep hostile input from exhausting the stack or memory.
///
/// Built from the defaults and changed by its setters, so that a new limit
/// is no breaking change:
///
/// ```
/// use plesk_types::xml::ReadOptions;
///
/// let options = ReadOptions::default().max_depth(32);
/// assert_eq!(options.depth_limit(), 32);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReadOptions {
    /// Deepest element nesting accepted; the root element is depth 1.
    pub(crate) max_depth: usize,
}

impl ReadOptions {
    /// Accepts elements nested at most `depth` deep, the root element being
    /// depth 1 (default [`DEFAULT_MAX_DEPTH`]). Deeper input is an error, not
    /// a stack overflow.
    #[must_use]
    pub fn max_depth(mut self, depth: usize) -> Self {
        self.max_depth = depth;
        self
    }

    /// The deepest element nesting accepted (see [`max_depth`](Self::max_depth)).
    pub fn depth_limit(&self) -> usize {
        self.max_depth
    }
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
    /// Text, even white space, in an element whose type has empty content.
    #[error("text inside an element that must be empty")]
    TextInEmptyElement,
    /// An element in a namespace: the schema declares elements in no namespace.
    #[error("element in namespace '{0}': the schema's elements are in no namespace")]
    Namespace(String),
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
    /// An element the schema allows here, whose type the crate was compiled
    /// without: an operator whose cargo feature is off.
    #[error("<{element}> needs the cargo feature `{feature}` of {crate_name}")]
    FeatureDisabled {
        /// The element found.
        element: &'static str,
        /// The cargo feature that compiles it in.
        feature: &'static str,
        /// The crate that has the feature (`plesk-types`).
        crate_name: &'static str,
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
    #[error("more than {max} <{name}> element{}", if *.max == 1 { "" } else { "s" })]
    TooMany {
        /// The element.
        name: &'static str,
        /// Its `maxOccurs`.
        max: usize,
    },
    /// A repeated group (a choice or a sequence) occurs more often than its
    /// `maxOccurs` allows.
    #[error("more than {max} occurrences of {}", alternatives(.of))]
    TooManyOccurrences {
        /// The elements that start the group.
        of: &'static [&'static str],
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
    /// `xsi:nil` on an element whose declaration is not nillable.
    #[error("xsi:nil on an element that is not nillable")]
    NotNillable,
    /// Content (text, even white space, or elements) in an element marked
    /// `xsi:nil="true"`.
    #[error("an element marked xsi:nil=\"true\" must be empty")]
    NilWithContent,
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
    // Boxed: every read step returns a `Result<_, ReadError>`, and a small
    // error keeps the successful path from copying a large value around.
    details: Box<Details>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Details {
    kind: ReadErrorKind,
    path: String,
    position: Position,
}

impl ReadError {
    /// An error at `position`, inside the element at `path`.
    pub(crate) fn new(kind: ReadErrorKind, path: String, position: Position) -> Self {
        Self { details: Box::new(Details { kind, path, position }) }
    }

    /// The same error at another element path.
    pub(crate) fn with_path(mut self, path: String) -> Self {
        self.details.path = path;
        self
    }

    /// The error for input that is not UTF-8 from byte `valid_up_to` on.
    pub(crate) fn invalid_utf8(input: &[u8], valid_up_to: usize) -> Self {
        let valid = std::str::from_utf8(&input[..valid_up_to]).unwrap_or_default();
        Self::new(ReadErrorKind::InvalidUtf8, String::new(), Position::at_offset(valid, valid.len()))
    }

    /// What went wrong.
    pub fn kind(&self) -> &ReadErrorKind {
        &self.details.kind
    }

    /// The element path (`packet/user/add`) of the element being read; empty
    /// before the root element.
    pub fn path(&self) -> &str {
        &self.details.path
    }

    /// Where in the input.
    pub fn position(&self) -> Position {
        self.details.position
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.position())?;
        if !self.path().is_empty() {
            write!(f, "{}: ", self.path())?;
        }
        write!(f, "{}", self.kind())
    }
}

impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self.kind() {
            ReadErrorKind::InvalidValue { error, .. } => Some(error),
            _ => None,
        }
    }
}
