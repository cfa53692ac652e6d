//! Errors: every one names the schema file, line and column it comes from.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use miette::{Diagnostic, LabeledSpan, NamedSource, SourceCode};

use crate::source::{Location, Sources, Span};

/// What the generator can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The schemas are broken or use something the generator does not support.
    #[error("{}", SchemaErrorList(.0))]
    Schema(Vec<SchemaError>),
    /// An input or output file could not be read or written.
    #[error("{}: {source}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The configuration asks for something impossible.
    #[error("configuration: {0}")]
    Config(String),
    /// Options of the configuration whose schema paths name nothing in the
    /// schemas read (a typo, or a path of another protocol version).
    #[error("{}", UnknownConfigPathList(.0))]
    UnknownConfigPaths(Vec<UnknownConfigPath>),
    /// A bug of the generator, not of its input: please report it.
    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    /// The schema errors, if this is one.
    pub fn schema_errors(&self) -> &[SchemaError] {
        match self {
            Self::Schema(errors) => errors,
            _ => &[],
        }
    }
}

/// One option of the configuration whose schema path names nothing:
/// `configuration: type_name "UserAddGenInfoo" names nothing in the schemas`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("configuration: {option} \"{path}\" names nothing in the schemas")]
pub struct UnknownConfigPath {
    /// The [`Config`](crate::Config) method that set the option (`type_name`,
    /// `field_name`, `tolerate_missing`).
    pub option: &'static str,
    /// The schema path it was given.
    pub path: String,
}

struct UnknownConfigPathList<'e>(&'e [UnknownConfigPath]);

impl fmt::Display for UnknownConfigPathList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, unknown) in self.0.iter().enumerate() {
            if index > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{unknown}")?;
        }
        Ok(())
    }
}

struct SchemaErrorList<'e>(&'e [SchemaError]);

impl fmt::Display for SchemaErrorList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, error) in self.0.iter().enumerate() {
            if index > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

/// One problem in a schema, with its place:
/// `schemas/1.6.8.0/user.xsd:42:7: unknown type 'UserAddGenInfoo' referenced by element 'gen-info'`.
#[derive(Debug, thiserror::Error)]
#[error("{location}: {kind}")]
pub struct SchemaError {
    /// Where.
    pub location: Location,
    /// What.
    pub kind: SchemaErrorKind,
    source_text: Option<NamedSource<Arc<str>>>,
    offset: usize,
}

impl SchemaError {
    /// An error at `span` of one of `sources`.
    pub fn new(sources: &Sources, span: Span, kind: SchemaErrorKind) -> Self {
        let file = sources.file(span.file);
        Self {
            location: sources.locate(span),
            kind,
            source_text: Some(NamedSource::new(file.path.to_string_lossy(), Arc::clone(&file.text))),
            offset: span.offset,
        }
    }

    /// An error about a whole file that could not be read (no text to point into).
    pub fn unreadable(path: PathBuf, kind: SchemaErrorKind) -> Self {
        Self { location: Location { path, line: 1, column: 1 }, kind, source_text: None, offset: 0 }
    }
}

impl Diagnostic for SchemaError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(format!("plesk_codegen::{}", self.kind.code())))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source_text.as_ref().map(|source| source as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source_text.as_ref()?;
        Some(Box::new(std::iter::once(LabeledSpan::at_offset(self.offset, "here"))))
    }
}

/// What is wrong with a schema.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SchemaErrorKind {
    /// The file could not be read.
    #[error("cannot read schema file: {0}")]
    Unreadable(String),
    /// The file is not well-formed XML.
    #[error("malformed XML: {0}")]
    Xml(String),
    /// The document element is not `xs:schema`.
    #[error("expected an xs:schema document element, found <{0}>")]
    NotASchema(String),
    /// A construct of XML Schema the generator does not handle. Three stages
    /// raise it, each for what it is the first to see: `xsd` (the syntax of
    /// one file), `model` (what needs names resolved) and `plan` (what needs
    /// the Rust shape); README's "The generator" section lists which refuses
    /// what.
    #[error("unsupported: {0}")]
    Unsupported(String),
    /// An element not allowed at this place of a schema document.
    #[error("<{child}> is not allowed inside <{parent}>")]
    UnexpectedChild {
        /// The enclosing schema element.
        parent: String,
        /// The misplaced one.
        child: String,
    },
    /// A required attribute of a schema element is absent.
    #[error("<{element}> needs a '{attribute}' attribute")]
    MissingAttribute {
        /// The schema element.
        element: String,
        /// The attribute.
        attribute: &'static str,
    },
    /// An attribute value that makes no sense.
    #[error("invalid {attribute}=\"{value}\": {reason}")]
    InvalidAttribute {
        /// The attribute.
        attribute: String,
        /// Its value.
        value: String,
        /// Why it is wrong.
        reason: String,
    },
    /// A QName with a prefix that no namespace declaration binds.
    #[error("unbound namespace prefix '{0}'")]
    UnboundPrefix(String),
    /// A reference to a type, element, group or attribute that no schema defines.
    #[error("unknown {kind} '{name}' referenced by {referrer}")]
    UnknownReference {
        /// `type`, `element`, `group`, `attribute group` or `attribute`.
        kind: &'static str,
        /// The name referenced.
        name: String,
        /// What refers to it (`element 'gen-info'`).
        referrer: String,
    },
    /// Two definitions of the same name in one schema.
    #[error("{kind} '{name}' is defined twice (first at {first})")]
    Duplicate {
        /// `type`, `element`, ...
        kind: &'static str,
        /// The name.
        name: String,
        /// The other definition.
        first: Location,
    },
    /// An include or import that does not lead to a usable schema.
    #[error("cannot include '{location}': {reason}")]
    BadInclude {
        /// The schemaLocation.
        location: String,
        /// Why.
        reason: String,
    },
    /// A type derived from itself, or a group containing itself.
    #[error("'{0}' is defined in terms of itself")]
    Circular(String),
    /// A facet that does not apply to the type or has an invalid value.
    #[error("facet {facet}=\"{value}\": {reason}")]
    InvalidFacet {
        /// The facet element (`minLength`).
        facet: String,
        /// Its value.
        value: String,
        /// Why it is wrong.
        reason: String,
    },
    /// A `pattern` the generator cannot translate to a Rust regular expression.
    #[error("pattern '{pattern}' cannot be used: {reason}")]
    InvalidPattern {
        /// The pattern.
        pattern: String,
        /// Why.
        reason: String,
    },
    /// A content model that cannot be read with one element of lookahead
    /// (it breaks the Unique Particle Attribution rule).
    #[error("ambiguous content model: {0}")]
    Ambiguous(String),
}

impl SchemaErrorKind {
    /// A short stable code for diagnostics.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Unreadable(_) => "unreadable",
            Self::Xml(_) => "malformed_xml",
            Self::NotASchema(_) => "not_a_schema",
            Self::Unsupported(_) => "unsupported",
            Self::UnexpectedChild { .. } => "unexpected_child",
            Self::MissingAttribute { .. } => "missing_attribute",
            Self::InvalidAttribute { .. } => "invalid_attribute",
            Self::UnboundPrefix(_) => "unbound_prefix",
            Self::UnknownReference { .. } => "unknown_reference",
            Self::Duplicate { .. } => "duplicate",
            Self::BadInclude { .. } => "bad_include",
            Self::Circular(_) => "circular",
            Self::InvalidFacet { .. } => "invalid_facet",
            Self::InvalidPattern { .. } => "invalid_pattern",
            Self::Ambiguous(_) => "ambiguous",
        }
    }
}
