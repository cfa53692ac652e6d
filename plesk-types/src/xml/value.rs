//! Simple values: the lexical forms of XSD builtin types and their Rust
//! counterparts.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use super::writer::TextSink;

/// A value that is written as character data: the Rust side of an XSD simple
/// type.
///
/// Builtin XSD types map to Rust types as follows: `string`, `anySimpleType`
/// and the other string-like types to `String`; `boolean` to `bool`; `int`,
/// `long`, `short`, `byte` and their unsigned forms to the integer of the
/// same width; `integer` and its derived types to `i64`/`u64` (a value out of
/// that range is an error, never a wrap); `decimal` to [`Decimal`]; `float`
/// and `double` to `f32`/`f64`; `date`, `dateTime`, `time` and `duration` to
/// [`Date`], [`DateTime`], [`Time`] and [`Duration`]. Generated enumerations
/// and restricted types implement it too.
pub trait SimpleValue: Sized {
    /// Parses the lexical form found in a document (entities already
    /// resolved, surrounding white space not yet removed).
    fn parse_text(text: &str) -> Result<Self, ValueError>;

    /// Writes the canonical lexical form.
    fn write_text(&self, sink: &mut TextSink<'_>);
}

/// Why a lexical form is not a value of the expected type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ValueError {
    /// Not in the lexical space of the type.
    #[error("not a valid {expected}")]
    Syntax {
        /// The type, as `xs:int` or a schema type name.
        expected: &'static str,
    },
    /// A well-formed number that does not fit the Rust type.
    #[error("out of range for {expected}")]
    OutOfRange {
        /// The type, as `xs:int`.
        expected: &'static str,
    },
    /// Not one of the values an enumeration allows.
    #[error("not one of {}", quoted_list(.allowed))]
    NotAllowed {
        /// The allowed values, in schema order.
        allowed: &'static [&'static str],
    },
}

fn quoted_list(values: &[&str]) -> String {
    let quoted: Vec<String> = values.iter().map(|value| format!("'{value}'")).collect();
    quoted.join(", ")
}

/// The lexical form of a value, unescaped (as facets see it).
pub fn lexical_form<T: SimpleValue>(value: &T) -> String {
    let mut text = String::new();
    value.write_text(&mut TextSink::raw(&mut text));
    text
}

/// The characters XML counts as white space.
pub(crate) fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// `text` with leading and trailing XML white space removed (the `collapse`
/// white-space facet, for values that cannot contain inner spaces).
pub fn trim_xml_space(text: &str) -> &str {
    text.trim_matches(is_xml_space)
}

impl SimpleValue for String {
    fn parse_text(text: &str) -> Result<Self, ValueError> {
        Ok(text.to_owned())
    }

    fn write_text(&self, sink: &mut TextSink<'_>) {
        sink.push_str(self);
    }
}

impl SimpleValue for bool {
    fn parse_text(text: &str) -> Result<Self, ValueError> {
        match trim_xml_space(text) {
            "true" | "1" => Ok(true),
            "false" | "0" => Ok(false),
            _ => Err(ValueError::Syntax { expected: "xs:boolean" }),
        }
    }

    fn write_text(&self, sink: &mut TextSink<'_>) {
        sink.push_plain(if *self { "true" } else { "false" });
    }
}

macro_rules! integer_value {
    ($($rust:ty => $xsd:literal),* $(,)?) => {$(
        impl SimpleValue for $rust {
            fn parse_text(text: &str) -> Result<Self, ValueError> {
                parse_integer(trim_xml_space(text), $xsd)
            }

            fn write_text(&self, sink: &mut TextSink<'_>) {
                sink.push_plain(itoa::Buffer::new().format(*self));
            }
        }
    )*};
}

integer_value! {
    i8 => "xs:byte",
    i16 => "xs:short",
    i32 => "xs:int",
    i64 => "xs:long",
    u8 => "xs:unsignedByte",
    u16 => "xs:unsignedShort",
    u32 => "xs:unsignedInt",
    u64 => "xs:unsignedLong",
}

/// Parses an XSD integer (`[+-]?[0-9]+`) into `T`, telling syntax errors from
/// overflow.
fn parse_integer<T: FromStr>(text: &str, expected: &'static str) -> Result<T, ValueError> {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ValueError::Syntax { expected });
    }
    // The lexical form is a valid integer, so the only way `parse` fails is
    // that the value does not fit (including `-1` for an unsigned type).
    text.parse().map_err(|_| ValueError::OutOfRange { expected })
}

macro_rules! float_value {
    ($($rust:ty => $xsd:literal),* $(,)?) => {$(
        impl SimpleValue for $rust {
            fn parse_text(text: &str) -> Result<Self, ValueError> {
                match trim_xml_space(text) {
                    "INF" | "+INF" => Ok(<$rust>::INFINITY),
                    "-INF" => Ok(<$rust>::NEG_INFINITY),
                    "NaN" => Ok(<$rust>::NAN),
                    // Rust also reads `inf`, `infinity` and `nan`; XSD does not.
                    number if is_decimal_or_exponent(number) => {
                        number.parse().map_err(|_| ValueError::Syntax { expected: $xsd })
                    }
                    _ => Err(ValueError::Syntax { expected: $xsd }),
                }
            }

            fn write_text(&self, sink: &mut TextSink<'_>) {
                if self.is_nan() {
                    sink.push_plain("NaN");
                } else if self.is_infinite() {
                    sink.push_plain(if *self > 0.0 { "INF" } else { "-INF" });
                } else {
                    sink.push_plain(&self.to_string());
                }
            }
        }
    )*};
}

float_value! {
    f32 => "xs:float",
    f64 => "xs:double",
}

fn is_decimal_or_exponent(text: &str) -> bool {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text, None),
    };
    let exponent_ok = exponent.is_none_or(|exponent| {
        let digits = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
    });
    exponent_ok && Decimal::parse(mantissa).is_some()
}

/// An `xs:decimal`: kept as its lexical form, compared by value.
///
/// XSD decimals have arbitrary precision, which no Rust number holds; the
/// digits are kept as written (sign, integer and fraction digits).
#[derive(Debug, Clone)]
pub struct Decimal {
    text: String,
}

impl Decimal {
    /// The decimal written as `text`, or `None` if `text` is not of the
    /// form `[+-]?(digits)?(.digits)?` with at least one digit.
    pub fn parse(text: &str) -> Option<Self> {
        let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
        let (integer, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
        let digits_ok = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
        let valid = !(integer.is_empty() && fraction.is_empty()) && digits_ok(integer) && digits_ok(fraction);
        valid.then(|| Self { text: text.to_owned() })
    }

    /// The lexical form as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    fn parts(&self) -> (bool, &str, &str) {
        let negative = self.text.starts_with('-');
        let unsigned = self.text.strip_prefix(['+', '-']).unwrap_or(&self.text);
        let (integer, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
        let integer = integer.trim_start_matches('0');
        let fraction = fraction.trim_end_matches('0');
        let is_zero = integer.is_empty() && fraction.is_empty();
        (negative && !is_zero, integer, fraction)
    }

    /// Number of significant digits (the `totalDigits` facet counts these).
    pub fn total_digits(&self) -> usize {
        let (_, integer, fraction) = self.parts();
        let significant =
            if integer.is_empty() { fraction.trim_start_matches('0').len() } else { integer.len() + fraction.len() };
        significant.max(1)
    }

    /// Number of digits after the decimal point, trailing zeros aside (the
    /// `fractionDigits` facet counts these).
    pub fn fraction_digits(&self) -> usize {
        self.parts().2.len()
    }
}

/// Hashes the value, not the lexical form: `1.50` and `001.5` hash alike.
impl std::hash::Hash for Decimal {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.parts().hash(state);
    }
}

impl PartialEq for Decimal {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Decimal {}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        let (self_negative, self_integer, self_fraction) = self.parts();
        let (other_negative, other_integer, other_fraction) = other.parts();
        let magnitude = self_integer
            .len()
            .cmp(&other_integer.len())
            .then_with(|| self_integer.cmp(other_integer))
            .then_with(|| self_fraction.cmp(other_fraction));
        match (self_negative, other_negative) {
            (false, false) => magnitude,
            (true, true) => magnitude.reverse(),
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
        }
    }
}

impl FromStr for Decimal {
    type Err = ValueError;

    fn from_str(text: &str) -> Result<Self, ValueError> {
        Self::parse(text).ok_or(ValueError::Syntax { expected: "xs:decimal" })
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl From<i64> for Decimal {
    fn from(value: i64) -> Self {
        Self { text: value.to_string() }
    }
}

impl SimpleValue for Decimal {
    fn parse_text(text: &str) -> Result<Self, ValueError> {
        trim_xml_space(text).parse()
    }

    fn write_text(&self, sink: &mut TextSink<'_>) {
        sink.push_plain(&self.text);
    }
}

/// An `xs:list`: items separated by white space.
impl<T: SimpleValue> SimpleValue for Vec<T> {
    fn parse_text(text: &str) -> Result<Self, ValueError> {
        text.split(is_xml_space).filter(|item| !item.is_empty()).map(T::parse_text).collect()
    }

    fn write_text(&self, sink: &mut TextSink<'_>) {
        for (index, item) in self.iter().enumerate() {
            if index > 0 {
                sink.push_plain(" ");
            }
            item.write_text(sink);
        }
    }
}

/// Declares a string-backed value whose lexical form is checked when it is
/// read or built with `FromStr`.
macro_rules! lexical_value {
    ($(#[$doc:meta])* $name:ident, $xsd:literal, $check:path) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            /// The lexical form.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl FromStr for $name {
            type Err = ValueError;

            fn from_str(text: &str) -> Result<Self, ValueError> {
                if $check(text) {
                    Ok(Self(text.to_owned()))
                } else {
                    Err(ValueError::Syntax { expected: $xsd })
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl SimpleValue for $name {
            fn parse_text(text: &str) -> Result<Self, ValueError> {
                trim_xml_space(text).parse()
            }

            fn write_text(&self, sink: &mut TextSink<'_>) {
                sink.push_str(&self.0);
            }
        }
    };
}

lexical_value!(
    /// An `xs:date`: `YYYY-MM-DD` with an optional time zone.
    Date, "xs:date", lexical::is_date
);
lexical_value!(
    /// An `xs:dateTime`: `YYYY-MM-DDThh:mm:ss[.fff]` with an optional time zone.
    DateTime, "xs:dateTime", lexical::is_date_time
);
lexical_value!(
    /// An `xs:time`: `hh:mm:ss[.fff]` with an optional time zone.
    Time, "xs:time", lexical::is_time
);
lexical_value!(
    /// An `xs:duration`: `PnYnMnDTnHnMnS`, any part optional but at least one.
    Duration, "xs:duration", lexical::is_duration
);

/// Lexical checks for the date and time types (ranges of each field, not
/// calendars: `2023-02-31` passes, as it does in most validators' lexical check).
mod lexical {
    fn take_digits(text: &str, count: usize) -> Option<(u32, &str)> {
        let digits = text.get(..count)?;
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some((digits.parse().ok()?, &text[count..]))
    }

    fn is_time_zone(text: &str) -> bool {
        match text.as_bytes().first() {
            None => true,
            Some(b'Z') => text.len() == 1,
            Some(b'+' | b'-') => {
                let Some((hours, rest)) = take_digits(&text[1..], 2) else {
                    return false;
                };
                let Some(rest) = rest.strip_prefix(':') else {
                    return false;
                };
                matches!(take_digits(rest, 2), Some((minutes, "")) if hours <= 14 && minutes <= 59)
            }
            Some(_) => false,
        }
    }

    fn date_part(text: &str) -> Option<&str> {
        let text = text.strip_prefix('-').unwrap_or(text);
        let year_len = text.bytes().take_while(u8::is_ascii_digit).count();
        if year_len < 4 || (year_len > 4 && text.starts_with('0')) {
            return None;
        }
        let rest = text[year_len..].strip_prefix('-')?;
        let (month, rest) = take_digits(rest, 2)?;
        let rest = rest.strip_prefix('-')?;
        let (day, rest) = take_digits(rest, 2)?;
        ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(rest)
    }

    fn time_part(text: &str) -> Option<&str> {
        let (hours, rest) = take_digits(text, 2)?;
        let (minutes, rest) = take_digits(rest.strip_prefix(':')?, 2)?;
        let (seconds, mut rest) = take_digits(rest.strip_prefix(':')?, 2)?;
        if let Some(fraction) = rest.strip_prefix('.') {
            let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return None;
            }
            rest = &fraction[digits..];
        }
        let in_range = (hours <= 23 && minutes <= 59 && seconds <= 59) || (hours == 24 && minutes == 0 && seconds == 0);
        in_range.then_some(rest)
    }

    pub(super) fn is_date(text: &str) -> bool {
        date_part(text).is_some_and(is_time_zone)
    }

    pub(super) fn is_time(text: &str) -> bool {
        time_part(text).is_some_and(is_time_zone)
    }

    pub(super) fn is_date_time(text: &str) -> bool {
        date_part(text).and_then(|rest| rest.strip_prefix('T')).and_then(time_part).is_some_and(is_time_zone)
    }

    pub(super) fn is_duration(text: &str) -> bool {
        let Some(rest) = text.strip_prefix('-').unwrap_or(text).strip_prefix('P') else {
            return false;
        };
        let (date, time) = match rest.split_once('T') {
            Some((date, time)) if !time.is_empty() => (date, Some(time)),
            Some(_) => return false,
            None => (rest, None),
        };
        let Some(date_parts) = designators(date, &["Y", "M", "D"], false) else {
            return false;
        };
        let time_parts = match time {
            Some(time) => match designators(time, &["H", "M", "S"], true) {
                Some(parts) if parts > 0 => parts,
                _ => return false,
            },
            None => 0,
        };
        date_parts + time_parts > 0
    }

    /// Counts `<digits><designator>` parts appearing in the given order; `None`
    /// if anything else is there. Only the last designator may carry a fraction
    /// when `last_has_fraction`.
    fn designators(mut text: &str, order: &[&str], last_has_fraction: bool) -> Option<usize> {
        let mut found = 0;
        for (index, designator) in order.iter().enumerate() {
            let digits = text.bytes().take_while(u8::is_ascii_digit).count();
            let mut end = digits;
            if last_has_fraction && index == order.len() - 1 && text[digits..].starts_with('.') {
                let fraction = text[digits + 1..].bytes().take_while(u8::is_ascii_digit).count();
                if fraction == 0 {
                    return None;
                }
                end = digits + 1 + fraction;
            }
            if digits > 0 && text[end..].starts_with(designator) {
                text = &text[end + designator.len()..];
                found += 1;
            }
        }
        text.is_empty().then_some(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_tell_syntax_from_overflow() {
        assert_eq!(i32::parse_text(" 42\n"), Ok(42));
        assert_eq!(i32::parse_text("+7"), Ok(7));
        assert_eq!(i32::parse_text("2147483648"), Err(ValueError::OutOfRange { expected: "xs:int" }));
        assert_eq!(u32::parse_text("-1"), Err(ValueError::OutOfRange { expected: "xs:unsignedInt" }));
        assert_eq!(i32::parse_text("4 2"), Err(ValueError::Syntax { expected: "xs:int" }));
        assert_eq!(i32::parse_text(""), Err(ValueError::Syntax { expected: "xs:int" }));
        assert_eq!(i32::parse_text("0x10"), Err(ValueError::Syntax { expected: "xs:int" }));
    }

    #[test]
    fn booleans_accept_the_four_lexical_forms() {
        for (text, value) in [("true", true), ("1", true), ("false", false), ("0", false)] {
            assert_eq!(bool::parse_text(text), Ok(value));
        }
        assert!(bool::parse_text("yes").is_err());
        assert!(bool::parse_text("TRUE").is_err());
    }

    #[test]
    fn doubles_follow_the_xsd_lexical_space() {
        assert_eq!(f64::parse_text("1.5e3"), Ok(1500.0));
        assert_eq!(f64::parse_text("-INF"), Ok(f64::NEG_INFINITY));
        assert!(f64::parse_text("NaN").unwrap().is_nan());
        assert!(f64::parse_text("inf").is_err());
        assert!(f64::parse_text("1e").is_err());
    }

    #[test]
    fn decimals_compare_by_value() {
        let parse = |text: &str| text.parse::<Decimal>().unwrap();
        assert_eq!(parse("1.50"), parse("001.5"));
        assert!(parse("-2") < parse("-1.5"));
        assert!(parse("10") > parse("9.999"));
        assert_eq!(parse("-0.0"), parse("0"));
        assert!(".".parse::<Decimal>().is_err());
        assert_eq!(parse("123.4500").total_digits(), 5);
        assert_eq!(parse("0.0045").total_digits(), 2);
        assert_eq!(parse("0.0045").fraction_digits(), 4);
    }

    #[test]
    fn dates_and_times_check_their_lexical_form() {
        assert!("2026-11-23".parse::<Date>().is_ok());
        assert!("2026-11-23+01:00".parse::<Date>().is_ok());
        assert!("2026-13-01".parse::<Date>().is_err());
        assert!("26-11-23".parse::<Date>().is_err());
        assert!("2026-11-23T10:20:30.5Z".parse::<DateTime>().is_ok());
        assert!("2026-11-23 10:20:30".parse::<DateTime>().is_err());
        assert!("24:00:00".parse::<Time>().is_ok());
        assert!("P1Y2M3DT4H5M6.7S".parse::<Duration>().is_ok());
        assert!("PT".parse::<Duration>().is_err());
        assert!("P".parse::<Duration>().is_err());
        assert!("P1H".parse::<Duration>().is_err());
    }
}
