//! The builtin datatypes of XML Schema and what the generator needs to know
//! about each.

use super::DecimalNumber;

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

/// The bounds of a builtin's value space, inclusive, as decimal literals:
/// `xs:byte` is `-128..=127`, `xs:positiveInteger` is `1..`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ValueRange {
    /// The least value, if there is one.
    pub min: Option<&'static str>,
    /// The greatest value, if there is one.
    pub max: Option<&'static str>,
}

impl ValueRange {
    /// Whether `value` lies in the range.
    pub fn contains(&self, value: &DecimalNumber) -> bool {
        let bound = |bound: &str| DecimalNumber::parse(bound).unwrap_or_else(DecimalNumber::zero);
        self.min.is_none_or(|min| *value >= bound(min)) && self.max.is_none_or(|max| *value <= bound(max))
    }
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

    /// The bounds of the value space: those of the integer types derived
    /// from `xs:integer` by XSD (`xs:integer` and `xs:decimal` themselves
    /// are unbounded, and so are the types that are not numbers).
    pub fn value_range(self) -> ValueRange {
        let (min, max) = match self {
            Self::Byte => (Some("-128"), Some("127")),
            Self::Short => (Some("-32768"), Some("32767")),
            Self::Int => (Some("-2147483648"), Some("2147483647")),
            Self::Long => (Some("-9223372036854775808"), Some("9223372036854775807")),
            Self::UnsignedByte => (Some("0"), Some("255")),
            Self::UnsignedShort => (Some("0"), Some("65535")),
            Self::UnsignedInt => (Some("0"), Some("4294967295")),
            Self::UnsignedLong => (Some("0"), Some("18446744073709551615")),
            Self::NonNegativeInteger => (Some("0"), None),
            Self::PositiveInteger => (Some("1"), None),
            Self::NonPositiveInteger => (None, Some("0")),
            Self::NegativeInteger => (None, Some("-1")),
            _ => (None, None),
        };
        ValueRange { min, max }
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
    fn value_ranges_are_those_of_xsd() {
        let range = |builtin: Builtin| {
            let ValueRange { min, max } = builtin.value_range();
            (min, max)
        };
        assert_eq!(range(Builtin::Byte), (Some("-128"), Some("127")));
        assert_eq!(range(Builtin::UnsignedLong), (Some("0"), Some("18446744073709551615")));
        assert_eq!(range(Builtin::NonNegativeInteger), (Some("0"), None));
        assert_eq!(range(Builtin::PositiveInteger), (Some("1"), None));
        assert_eq!(range(Builtin::NonPositiveInteger), (None, Some("0")));
        assert_eq!(range(Builtin::NegativeInteger), (None, Some("-1")));
        assert_eq!(range(Builtin::Integer), (None, None));
        assert_eq!(range(Builtin::Decimal), (None, None));
        // The bounds of the fixed-size types are those of Rust's integers of that size.
        for (builtin, min, max) in [
            (Builtin::Byte, i128::from(i8::MIN), i128::from(i8::MAX)),
            (Builtin::Short, i16::MIN.into(), i16::MAX.into()),
            (Builtin::Int, i32::MIN.into(), i32::MAX.into()),
            (Builtin::Long, i64::MIN.into(), i64::MAX.into()),
            (Builtin::UnsignedByte, 0, u8::MAX.into()),
            (Builtin::UnsignedShort, 0, u16::MAX.into()),
            (Builtin::UnsignedInt, 0, u32::MAX.into()),
            (Builtin::UnsignedLong, 0, u64::MAX.into()),
        ] {
            assert_eq!(range(builtin), (Some(min.to_string().as_str()), Some(max.to_string().as_str())), "{builtin:?}");
        }
    }

    #[test]
    fn ranges_contain_their_bounds_and_nothing_beyond() {
        let number = |text: &str| DecimalNumber::parse(text).unwrap();
        let positive = Builtin::PositiveInteger.value_range();
        assert!(positive.contains(&number("1")));
        assert!(positive.contains(&number("99999999999999999999")));
        assert!(!positive.contains(&number("0")));
        let byte = Builtin::Byte.value_range();
        assert!(byte.contains(&number("-128")) && byte.contains(&number("127")));
        assert!(!byte.contains(&number("128")) && !byte.contains(&number("-129")));
        assert!(Builtin::Integer.value_range().contains(&number("-99999999999999999999")));
    }

    #[test]
    fn white_space_follows_the_derivation_from_string() {
        assert_eq!(Builtin::String.white_space(), WhiteSpace::Preserve);
        assert_eq!(Builtin::NormalizedString.white_space(), WhiteSpace::Replace);
        assert_eq!(Builtin::Token.white_space(), WhiteSpace::Collapse);
        assert_eq!(Builtin::Int.white_space(), WhiteSpace::Collapse);
    }
}
