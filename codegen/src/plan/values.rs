//! The values of the plan: the Rust type of a simple value (builtin, runtime
//! type, list, generated item), and the facets `validate()` checks on it.

use crate::model::WhiteSpace;

/// The Rust type of a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RustType {
    /// `String`.
    String,
    /// `bool`.
    Bool,
    /// An integer type (`i32`, `u64`, ...).
    Integer(&'static str),
    /// `f32` or `f64`.
    Float(&'static str),
    /// A value type of the runtime (`xml::Decimal`, ...).
    Runtime(Runtime),
    /// `Vec<T>` of an `xs:list`.
    List(Box<RustType>),
    /// A generated item.
    Item(String),
}

/// The value types the runtime provides for builtins Rust has no type for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Runtime {
    /// `xml::AnyContent`: the content of an `xs:anyType` element, kept as it is.
    AnyContent,
    /// `xml::Decimal`: an `xs:decimal`, digits kept exactly.
    Decimal,
    /// `xml::Date`: an `xs:date`.
    Date,
    /// `xml::DateTime`: an `xs:dateTime`.
    DateTime,
    /// `xml::Time`: an `xs:time`.
    Time,
    /// `xml::Duration`: an `xs:duration`.
    Duration,
}

impl Runtime {
    /// The type's name in the runtime's `xml` module.
    pub fn name(self) -> &'static str {
        match self {
            Self::AnyContent => "AnyContent",
            Self::Decimal => "Decimal",
            Self::Date => "Date",
            Self::DateTime => "DateTime",
            Self::Time => "Time",
            Self::Duration => "Duration",
        }
    }
}

impl std::fmt::Display for RustType {
    /// The type as generated code writes it (`Option<xml::Decimal>` is
    /// written by the field, not here).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::String => f.write_str("String"),
            Self::Bool => f.write_str("bool"),
            Self::Integer(name) | Self::Float(name) => f.write_str(name),
            Self::Runtime(runtime) => write!(f, "xml::{}", runtime.name()),
            Self::List(item) => write!(f, "Vec<{item}>"),
            Self::Item(name) => f.write_str(name),
        }
    }
}

/// Facets that `validate()` checks, in the runtime's terms.
#[derive(Debug, Clone, PartialEq)]
pub enum Checks {
    /// Length, pattern and white space facets of a string-like value.
    String(StringChecks),
    /// Bounds and digits of an integer or floating-point value.
    Number(NumberChecks),
    /// Bounds and digits of an `xs:decimal` value.
    Decimal(NumberChecks),
    /// Length facets of a list, and the checks of each item.
    List {
        /// `length`.
        length: Option<u64>,
        /// `minLength`.
        min_length: Option<u64>,
        /// `maxLength`.
        max_length: Option<u64>,
        /// `enumeration`: the lexical forms allowed, white space collapsed.
        enumeration: Vec<String>,
        /// One pattern per derivation step (XSD text and translation),
        /// matched against the list's lexical form.
        patterns: Vec<(String, String)>,
        /// Checks of each item.
        item: Option<Box<Checks>>,
    },
}

/// The string facets.
#[derive(Debug, Clone, PartialEq)]
pub struct StringChecks {
    /// Normalization before checking.
    pub white_space: WhiteSpace,
    /// `length`.
    pub length: Option<u64>,
    /// `minLength`.
    pub min_length: Option<u64>,
    /// `maxLength`.
    pub max_length: Option<u64>,
    /// One pattern per derivation step, each an alternation of the step's
    /// patterns: XSD text and the translated expression.
    pub patterns: Vec<(String, String)>,
}

/// The numeric facets, bounds as written in the schema (checked to parse as
/// the Rust type).
#[derive(Debug, Clone, PartialEq)]
pub struct NumberChecks {
    /// The Rust type compared.
    pub ty: RustType,
    /// `minInclusive`.
    pub min_inclusive: Option<String>,
    /// `maxInclusive`.
    pub max_inclusive: Option<String>,
    /// `minExclusive`.
    pub min_exclusive: Option<String>,
    /// `maxExclusive`.
    pub max_exclusive: Option<String>,
    /// `totalDigits`.
    pub total_digits: Option<u64>,
    /// `fractionDigits`.
    pub fraction_digits: Option<u64>,
}
