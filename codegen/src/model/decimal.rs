//! Decimal numbers as written in schemas and documents, compared exactly at
//! any size: the values of `xs:decimal` and the integer types, their bounds
//! and the value ranges of the builtins.

use std::cmp::Ordering;
use std::fmt;

/// A decimal number as digits. Two numbers are equal when their values are
/// (`+007.50` and `7.5`); [`Display`](fmt::Display) writes the canonical form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecimalNumber {
    /// Below zero (never set for zero).
    pub negative: bool,
    /// Integer digits without leading zeros (empty for zero).
    pub integer: String,
    /// Fraction digits without trailing zeros.
    pub fraction: String,
}

impl DecimalNumber {
    /// Zero.
    pub fn zero() -> Self {
        Self { negative: false, integer: String::new(), fraction: String::new() }
    }

    /// An integer.
    pub fn integer(value: i128) -> Self {
        let digits = value.unsigned_abs().to_string();
        let integer = if digits == "0" { String::new() } else { digits };
        Self { negative: value < 0, integer, fraction: String::new() }
    }

    /// Reads the lexical form of `xs:decimal` (an optional sign, digits, an
    /// optional fraction; surrounding white space ignored); `None` for
    /// anything else, exponents included.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let negative = text.starts_with('-');
        let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
        let (integer, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
        let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
        if (integer.is_empty() && fraction.is_empty()) || !digits(integer) || !digits(fraction) {
            return None;
        }
        let integer = integer.trim_start_matches('0').to_owned();
        let fraction = fraction.trim_end_matches('0').to_owned();
        let is_zero = integer.is_empty() && fraction.is_empty();
        Some(Self { negative: negative && !is_zero, integer, fraction })
    }

    /// The largest integer not above the number, if it fits an `i128`.
    pub fn floor(&self) -> Option<i128> {
        let magnitude: i128 = if self.integer.is_empty() { 0 } else { self.integer.parse().ok()? };
        Some(match (self.negative, self.fraction.is_empty()) {
            (false, _) => magnitude,
            (true, true) => -magnitude,
            (true, false) => -magnitude - 1,
        })
    }

    /// The number of significant digits, as `totalDigits` counts them.
    pub fn total_digits(&self) -> u64 {
        let significant = if self.integer.is_empty() {
            self.fraction.trim_start_matches('0').len()
        } else {
            self.integer.len() + self.fraction.len()
        };
        significant.max(1) as u64
    }

    /// Compares the absolute values.
    pub fn magnitude_cmp(&self, other: &Self) -> Ordering {
        self.integer
            .len()
            .cmp(&other.integer.len())
            .then_with(|| self.integer.cmp(&other.integer))
            .then_with(|| self.fraction.cmp(&other.fraction))
    }
}

impl Ord for DecimalNumber {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.negative, other.negative) {
            (false, false) => self.magnitude_cmp(other),
            (true, true) => self.magnitude_cmp(other).reverse(),
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
        }
    }
}

impl PartialOrd for DecimalNumber {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for DecimalNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negative {
            f.write_str("-")?;
        }
        f.write_str(if self.integer.is_empty() { "0" } else { &self.integer })?;
        if !self.fraction.is_empty() {
            write!(f, ".{}", self.fraction)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(text: &str) -> DecimalNumber {
        DecimalNumber::parse(text).unwrap()
    }

    #[test]
    fn values_compare_exactly_at_any_size() {
        assert_eq!(number("+007.50"), number("7.5"));
        assert_eq!(number("-0.0").to_string(), "0");
        assert!(number("18446744073709551616") > number("18446744073709551615"));
        assert!(number("-99999999999999999999999") < number("-1"));
        assert!(number("-1.5") < number("-1.25"));
        assert!(number("0.5") < number("1"));
    }

    #[test]
    fn only_the_decimal_lexical_form_reads() {
        for text in ["", ".", "+", "1e3", "INF", "1.2.3", "- 1"] {
            assert_eq!(DecimalNumber::parse(text), None, "{text:?}");
        }
        assert_eq!(number(".5").to_string(), "0.5");
        assert_eq!(number("12.").total_digits(), 2);
        assert_eq!(number("0.0012").total_digits(), 2);
        assert_eq!(number("-1.5").floor(), Some(-2));
    }
}
