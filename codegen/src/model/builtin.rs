//! The builtin datatypes of XML Schema and what the generator needs to know
//! about each.

/// A builtin type of XML Schema (`xs:string`, `xs:int`, ..., and the two ur-types).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)]
pub enum Builtin {
    AnyType,
    AnySimpleType,
    String,
    NormalizedString,
    Token,
    Language,
    Name,
    NcName,
    NmToken,
    NmTokens,
    Id,
    IdRef,
    IdRefs,
    Entity,
    Entities,
    AnyUri,
    QName,
    Notation,
    Boolean,
    Decimal,
    Integer,
    NonPositiveInteger,
    NegativeInteger,
    NonNegativeInteger,
    PositiveInteger,
    Long,
    Int,
    Short,
    Byte,
    UnsignedLong,
    UnsignedInt,
    UnsignedShort,
    UnsignedByte,
    Float,
    Double,
    Duration,
    DateTime,
    Time,
    Date,
    GYearMonth,
    GYear,
    GMonthDay,
    GDay,
    GMonth,
    HexBinary,
    Base64Binary,
}

/// What kind of values a builtin holds, which decides the facets that apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// Strings and the string-derived types, URIs, QNames, binary data.
    Text,
    /// `xs:boolean`.
    Boolean,
    /// `xs:decimal` and the integer types.
    Decimal,
    /// `xs:float` and `xs:double`.
    Float,
    /// Dates, times and durations.
    Temporal,
    /// `anySimpleType`, `anyType`.
    Any,
}

/// The `whiteSpace` facet's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WhiteSpace {
    /// Keep as is.
    Preserve,
    /// Tabs and line ends become spaces.
    Replace,
    /// Replace, then collapse runs and trim.
    Collapse,
}

const ALL: &[(&str, Builtin)] = &[
    ("anyType", Builtin::AnyType),
    ("anySimpleType", Builtin::AnySimpleType),
    ("string", Builtin::String),
    ("normalizedString", Builtin::NormalizedString),
    ("token", Builtin::Token),
    ("language", Builtin::Language),
    ("Name", Builtin::Name),
    ("NCName", Builtin::NcName),
    ("NMTOKEN", Builtin::NmToken),
    ("NMTOKENS", Builtin::NmTokens),
    ("ID", Builtin::Id),
    ("IDREF", Builtin::IdRef),
    ("IDREFS", Builtin::IdRefs),
    ("ENTITY", Builtin::Entity),
    ("ENTITIES", Builtin::Entities),
    ("anyURI", Builtin::AnyUri),
    ("QName", Builtin::QName),
    ("NOTATION", Builtin::Notation),
    ("boolean", Builtin::Boolean),
    ("decimal", Builtin::Decimal),
    ("integer", Builtin::Integer),
    ("nonPositiveInteger", Builtin::NonPositiveInteger),
    ("negativeInteger", Builtin::NegativeInteger),
    ("nonNegativeInteger", Builtin::NonNegativeInteger),
    ("positiveInteger", Builtin::PositiveInteger),
    ("long", Builtin::Long),
    ("int", Builtin::Int),
    ("short", Builtin::Short),
    ("byte", Builtin::Byte),
    ("unsignedLong", Builtin::UnsignedLong),
    ("unsignedInt", Builtin::UnsignedInt),
    ("unsignedShort", Builtin::UnsignedShort),
    ("unsignedByte", Builtin::UnsignedByte),
    ("float", Builtin::Float),
    ("double", Builtin::Double),
    ("duration", Builtin::Duration),
    ("dateTime", Builtin::DateTime),
    ("time", Builtin::Time),
    ("date", Builtin::Date),
    ("gYearMonth", Builtin::GYearMonth),
    ("gYear", Builtin::GYear),
    ("gMonthDay", Builtin::GMonthDay),
    ("gDay", Builtin::GDay),
    ("gMonth", Builtin::GMonth),
    ("hexBinary", Builtin::HexBinary),
    ("base64Binary", Builtin::Base64Binary),
];

impl Builtin {
    /// The builtin with this local name in the XSD namespace.
    pub fn from_name(name: &str) -> Option<Self> {
        ALL.iter().find(|(known, _)| *known == name).map(|(_, builtin)| *builtin)
    }

    /// The local name (`int`).
    pub fn name(self) -> &'static str {
        ALL.iter().find(|(_, builtin)| *builtin == self).map_or("anyType", |(name, _)| name)
    }

    /// Whether this is a simple type (everything but `anyType`).
    pub fn is_simple(self) -> bool {
        self != Self::AnyType
    }

    /// The builtin list types hold space-separated items of this type.
    pub fn list_item(self) -> Option<Self> {
        match self {
            Self::NmTokens => Some(Self::NmToken),
            Self::IdRefs => Some(Self::IdRef),
            Self::Entities => Some(Self::Entity),
            _ => None,
        }
    }

    /// What kind of value it holds.
    pub fn value_kind(self) -> ValueKind {
        match self {
            Self::AnyType | Self::AnySimpleType => ValueKind::Any,
            Self::Boolean => ValueKind::Boolean,
            Self::Decimal
            | Self::Integer
            | Self::NonPositiveInteger
            | Self::NegativeInteger
            | Self::NonNegativeInteger
            | Self::PositiveInteger
            | Self::Long
            | Self::Int
            | Self::Short
            | Self::Byte
            | Self::UnsignedLong
            | Self::UnsignedInt
            | Self::UnsignedShort
            | Self::UnsignedByte => ValueKind::Decimal,
            Self::Float | Self::Double => ValueKind::Float,
            Self::Duration
            | Self::DateTime
            | Self::Time
            | Self::Date
            | Self::GYearMonth
            | Self::GYear
            | Self::GMonthDay
            | Self::GDay
            | Self::GMonth => ValueKind::Temporal,
            _ => ValueKind::Text,
        }
    }

    /// The white-space handling of the type.
    pub fn white_space(self) -> WhiteSpace {
        match self {
            Self::String | Self::AnySimpleType | Self::AnyType => WhiteSpace::Preserve,
            Self::NormalizedString => WhiteSpace::Replace,
            _ => WhiteSpace::Collapse,
        }
    }

    /// Whether the type is an integer type (no fraction digits).
    pub fn is_integer(self) -> bool {
        self.value_kind() == ValueKind::Decimal && self != Self::Decimal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for (name, builtin) in ALL {
            assert_eq!(Builtin::from_name(name), Some(*builtin));
            assert_eq!(builtin.name(), *name);
        }
        assert_eq!(Builtin::from_name("integr"), None);
    }

    #[test]
    fn white_space_follows_the_derivation_from_string() {
        assert_eq!(Builtin::String.white_space(), WhiteSpace::Preserve);
        assert_eq!(Builtin::NormalizedString.white_space(), WhiteSpace::Replace);
        assert_eq!(Builtin::Token.white_space(), WhiteSpace::Collapse);
        assert_eq!(Builtin::Int.white_space(), WhiteSpace::Collapse);
    }
}
