//! Facets of restricted simple types, as data the generated code declares
//! once and checks values against.

use std::borrow::Cow;
use std::fmt::Display;
use std::sync::OnceLock;

use regex_lite::Regex;

use super::validate::{ElementPath, Violation, ViolationKind};
use super::value::{Decimal, SimpleValue, is_xml_space, lexical_form};

/// The `whiteSpace` facet: how a string-like value is normalized before the
/// other facets look at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhiteSpace {
    /// Kept as it is (`xs:string`).
    Preserve,
    /// Tabs and line ends become spaces (`xs:normalizedString`).
    Replace,
    /// As `Replace`, then runs of spaces become one and leading and trailing
    /// spaces go (`xs:token` and the types derived from it).
    Collapse,
}

impl WhiteSpace {
    /// `value` normalized; borrowed when nothing changes.
    pub fn apply(self, value: &str) -> Cow<'_, str> {
        match self {
            Self::Preserve => Cow::Borrowed(value),
            Self::Replace if !value.contains(['\t', '\n', '\r']) => Cow::Borrowed(value),
            Self::Replace => Cow::Owned(value.replace(['\t', '\n', '\r'], " ")),
            Self::Collapse => {
                let is_collapsed = !value.starts_with(is_xml_space)
                    && !value.ends_with(is_xml_space)
                    && !value.contains(['\t', '\n', '\r'])
                    && !value.contains("  ");
                if is_collapsed {
                    Cow::Borrowed(value)
                } else {
                    Cow::Owned(value.split(is_xml_space).filter(|word| !word.is_empty()).collect::<Vec<_>>().join(" "))
                }
            }
        }
    }
}

/// A `pattern` facet: the schema's regular expression and its translation
/// (anchored, every class written as explicit ranges of characters, which
/// `regex-lite` reads), compiled on first use.
#[derive(Debug)]
pub struct Pattern {
    xsd: &'static str,
    regex: &'static str,
    compiled: OnceLock<Option<Regex>>,
}

impl Pattern {
    /// A pattern written `xsd` in the schema, `regex` once translated
    /// (anchored at both ends, as XSD patterns implicitly are).
    pub const fn new(xsd: &'static str, regex: &'static str) -> Self {
        Self { xsd, regex, compiled: OnceLock::new() }
    }

    /// The pattern as the schema writes it.
    pub fn as_xsd(&self) -> &'static str {
        self.xsd
    }

    /// Whether `value` matches; `None` if the translated expression does not
    /// compile (the generator checks that it parses, so this means a
    /// generator that does not match this runtime).
    pub fn matches(&self, value: &str) -> Option<bool> {
        self.compiled.get_or_init(|| Regex::new(self.regex).ok()).as_ref().map(|regex| regex.is_match(value))
    }
}

/// The facets of a string-like type.
#[derive(Debug)]
pub struct StringFacets {
    /// Normalization applied before the other checks.
    pub white_space: WhiteSpace,
    /// `length`, in characters.
    pub length: Option<usize>,
    /// `minLength`, in characters.
    pub min_length: Option<usize>,
    /// `maxLength`, in characters.
    pub max_length: Option<usize>,
    /// `pattern`s; the value must match each (one per derivation step: the
    /// patterns of one step are already joined into one alternation).
    pub patterns: &'static [&'static Pattern],
}

impl StringFacets {
    /// No facet at all: any text XML can carry. Generated code names the
    /// facets a type has and takes the rest from here (`..NONE`).
    pub const NONE: Self =
        Self { white_space: WhiteSpace::Preserve, length: None, min_length: None, max_length: None, patterns: &[] };

    /// Checks `value`, recording each facet it breaks.
    pub fn check(&self, value: &str, path: &ElementPath<'_>, violations: &mut Vec<Violation>) {
        self.check_value(value, false, path, violations);
    }

    /// As [`check`](Self::check), for a secret (a password): the value is
    /// not copied into the violations.
    pub fn check_secret(&self, value: &str, path: &ElementPath<'_>, violations: &mut Vec<Violation>) {
        self.check_value(value, true, path, violations);
    }

    fn check_value(&self, value: &str, secret: bool, path: &ElementPath<'_>, violations: &mut Vec<Violation>) {
        check_characters(value, path, violations);
        let value = self.white_space.apply(value);
        check_length(value.chars().count(), self.length, self.min_length, self.max_length, path, violations);
        check_patterns(self.patterns, &value, secret, path, violations);
    }
}

fn check_patterns(
    patterns: &[&Pattern],
    value: &str,
    secret: bool,
    path: &ElementPath<'_>,
    violations: &mut Vec<Violation>,
) {
    for pattern in patterns {
        if pattern.matches(value) != Some(true) {
            let value = if secret { "<redacted>".to_owned() } else { value.to_owned() };
            violations.push(Violation::new(path, ViolationKind::Pattern { value, pattern: pattern.as_xsd() }));
        }
    }
}

/// The facets of a list type: lengths count items; enumeration and
/// patterns apply to the whole list as written (items separated by single
/// spaces).
#[derive(Debug)]
pub struct ListFacets {
    /// `length`.
    pub length: Option<usize>,
    /// `minLength`.
    pub min_length: Option<usize>,
    /// `maxLength`.
    pub max_length: Option<usize>,
    /// `enumeration`: the lists allowed, as written.
    pub enumeration: &'static [&'static str],
    /// `pattern`s; the list as written must match each.
    pub patterns: &'static [&'static Pattern],
}

impl ListFacets {
    /// No facet at all.
    pub const NONE: Self = Self { length: None, min_length: None, max_length: None, enumeration: &[], patterns: &[] };

    /// Checks a list value.
    pub fn check<T: SimpleValue>(&self, items: &[T], path: &ElementPath<'_>, violations: &mut Vec<Violation>) {
        check_length(items.len(), self.length, self.min_length, self.max_length, path, violations);
        if self.enumeration.is_empty() && self.patterns.is_empty() {
            return;
        }
        let lexical: Vec<String> = items.iter().map(lexical_form).collect();
        let lexical = lexical.join(" ");
        if !self.enumeration.is_empty() && !self.enumeration.contains(&lexical.as_str()) {
            violations.push(Violation::new(path, ViolationKind::Enumeration { value: lexical.clone() }));
        }
        check_patterns(self.patterns, &lexical, false, path, violations);
    }
}

fn check_length(
    actual: usize,
    length: Option<usize>,
    min: Option<usize>,
    max: Option<usize>,
    path: &ElementPath<'_>,
    violations: &mut Vec<Violation>,
) {
    if let Some(required) = length.filter(|&required| actual != required) {
        violations.push(Violation::new(path, ViolationKind::Length { actual, required }));
    }
    if let Some(min) = min.filter(|&min| actual < min) {
        violations.push(Violation::new(path, ViolationKind::MinLength { actual, min }));
    }
    if let Some(max) = max.filter(|&max| actual > max) {
        violations.push(Violation::new(path, ViolationKind::MaxLength { actual, max }));
    }
}

/// The facets of a numeric type: bounds of the Rust type `T` and digit counts.
#[derive(Debug)]
pub struct NumberFacets<T> {
    /// `minInclusive`.
    pub min_inclusive: Option<T>,
    /// `maxInclusive`.
    pub max_inclusive: Option<T>,
    /// `minExclusive`.
    pub min_exclusive: Option<T>,
    /// `maxExclusive`.
    pub max_exclusive: Option<T>,
    /// `totalDigits`.
    pub total_digits: Option<usize>,
    /// `fractionDigits` (always satisfied by integers).
    pub fraction_digits: Option<usize>,
}

impl<T> NumberFacets<T> {
    /// No facet at all.
    pub const NONE: Self = Self {
        min_inclusive: None,
        max_inclusive: None,
        min_exclusive: None,
        max_exclusive: None,
        total_digits: None,
        fraction_digits: None,
    };
}

impl<T: PartialOrd + Display> NumberFacets<T> {
    /// Checks `value`, recording each facet it breaks.
    pub fn check(&self, value: &T, path: &ElementPath<'_>, violations: &mut Vec<Violation>) {
        check_bounds(
            value,
            [&self.min_inclusive, &self.max_inclusive, &self.min_exclusive, &self.max_exclusive],
            path,
            violations,
        );
        if let Some(max) = self.total_digits {
            let actual = value.to_string().trim_start_matches('-').trim_start_matches('0').len().max(1);
            if actual > max {
                violations.push(Violation::new(path, ViolationKind::TotalDigits { actual, max }));
            }
        }
    }
}

/// The facets of an `xs:decimal`, bounds written as in the schema.
#[derive(Debug)]
pub struct DecimalFacets {
    /// `minInclusive`.
    pub min_inclusive: Option<&'static str>,
    /// `maxInclusive`.
    pub max_inclusive: Option<&'static str>,
    /// `minExclusive`.
    pub min_exclusive: Option<&'static str>,
    /// `maxExclusive`.
    pub max_exclusive: Option<&'static str>,
    /// `totalDigits`.
    pub total_digits: Option<usize>,
    /// `fractionDigits`.
    pub fraction_digits: Option<usize>,
}

impl DecimalFacets {
    /// No facet at all.
    pub const NONE: Self = Self {
        min_inclusive: None,
        max_inclusive: None,
        min_exclusive: None,
        max_exclusive: None,
        total_digits: None,
        fraction_digits: None,
    };

    /// Checks `value`, recording each facet it breaks.
    pub fn check(&self, value: &Decimal, path: &ElementPath<'_>, violations: &mut Vec<Violation>) {
        let bound = |text: Option<&'static str>| text.and_then(Decimal::parse);
        check_bounds(
            value,
            [
                &bound(self.min_inclusive),
                &bound(self.max_inclusive),
                &bound(self.min_exclusive),
                &bound(self.max_exclusive),
            ],
            path,
            violations,
        );
        if let Some(max) = self.total_digits.filter(|&max| value.total_digits() > max) {
            let actual = value.total_digits();
            violations.push(Violation::new(path, ViolationKind::TotalDigits { actual, max }));
        }
        if let Some(max) = self.fraction_digits.filter(|&max| value.fraction_digits() > max) {
            let actual = value.fraction_digits();
            violations.push(Violation::new(path, ViolationKind::FractionDigits { actual, max }));
        }
    }
}

/// Checks min/max inclusive/exclusive bounds, in that order.
fn check_bounds<T: PartialOrd + Display>(
    value: &T,
    [min_inclusive, max_inclusive, min_exclusive, max_exclusive]: [&Option<T>; 4],
    path: &ElementPath<'_>,
    violations: &mut Vec<Violation>,
) {
    let describe = |bound: &T| (value.to_string(), bound.to_string());
    if let Some(bound) = min_inclusive.as_ref().filter(|bound| value < *bound) {
        let (value, bound) = describe(bound);
        violations.push(Violation::new(path, ViolationKind::MinInclusive { value, bound }));
    }
    if let Some(bound) = max_inclusive.as_ref().filter(|bound| value > *bound) {
        let (value, bound) = describe(bound);
        violations.push(Violation::new(path, ViolationKind::MaxInclusive { value, bound }));
    }
    if let Some(bound) = min_exclusive.as_ref().filter(|bound| value <= *bound) {
        let (value, bound) = describe(bound);
        violations.push(Violation::new(path, ViolationKind::MinExclusive { value, bound }));
    }
    if let Some(bound) = max_exclusive.as_ref().filter(|bound| value >= *bound) {
        let (value, bound) = describe(bound);
        violations.push(Violation::new(path, ViolationKind::MaxExclusive { value, bound }));
    }
}

/// Whether every byte is printable ASCII (0x20 to 0x7F): the usual value,
/// which cannot hold a forbidden character. Eight bytes at a time, since
/// most values are short: a byte below 0x20 borrows from, and a byte from
/// 0x80 has, its high bit.
fn is_printable_ascii(bytes: &[u8]) -> bool {
    const LOW: u64 = u64::from_ne_bytes([0x20; 8]);
    const HIGH_BITS: u64 = u64::from_ne_bytes([0x80; 8]);
    let mut words = bytes.chunks_exact(8);
    let words_clear = words.by_ref().all(|word| {
        let word = u64::from_le_bytes([word[0], word[1], word[2], word[3], word[4], word[5], word[6], word[7]]);
        (word.wrapping_sub(LOW) | word) & HIGH_BITS == 0
    });
    words_clear && words.remainder().iter().all(|&b| (0x20..0x80).contains(&b))
}

/// Records the first character of `value` that XML 1.0 cannot carry (control
/// characters other than tab and line ends, U+FFFE and U+FFFF).
pub fn check_characters(value: &str, path: &ElementPath<'_>, violations: &mut Vec<Violation>) {
    if is_printable_ascii(value.as_bytes()) {
        return;
    }
    let invalid = value
        .chars()
        .find(|&c| matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}'));
    if let Some(character) = invalid {
        violations.push(Violation::new(path, ViolationKind::InvalidCharacter { character }));
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::is_printable_ascii;

    proptest! {
        #[test]
        fn the_word_at_a_time_scan_agrees_with_the_byte_definition(bytes in proptest::collection::vec(any::<u8>(), 0..40)) {
            let by_bytes = bytes.iter().all(|&b| (0x20..0x80).contains(&b));
            prop_assert_eq!(is_printable_ascii(&bytes), by_bytes);
        }

        #[test]
        fn one_bad_byte_anywhere_is_seen(prefix in "[ -~]{0,20}", bad in prop_oneof![0u8..0x20, 0x80u8..=0xFF], suffix in "[ -~]{0,20}") {
            let mut bytes = prefix.into_bytes();
            bytes.push(bad);
            bytes.extend(suffix.into_bytes());
            prop_assert!(!is_printable_ascii(&bytes));
        }
    }
}
