//! Facets of restricted simple types, as data the generated code declares
//! once and checks values against.

mod runs;

use std::borrow::Cow;
use std::fmt::Display;
use std::sync::OnceLock;

use regex_lite::Regex;

use self::runs::Runs;
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
            Self::Replace if !value.bytes().any(is_replaced) => Cow::Borrowed(value),
            Self::Replace => Cow::Owned(value.replace(['\t', '\n', '\r'], " ")),
            Self::Collapse if is_collapsed(value) => Cow::Borrowed(value),
            Self::Collapse => {
                Cow::Owned(value.split(is_xml_space).filter(|word| !word.is_empty()).collect::<Vec<_>>().join(" "))
            }
        }
    }
}

impl WhiteSpace {
    /// [`apply`](Self::apply) to a value known to be printable ASCII, which
    /// holds no tab or line end: only a collapsed value's spaces need a
    /// look, a word at a time.
    fn apply_to_printable_ascii(self, value: &str) -> Cow<'_, str> {
        let bytes = value.as_bytes();
        let collapsed = || bytes.first() != Some(&b' ') && bytes.last() != Some(&b' ') && !has_double_space(bytes);
        match self {
            Self::Preserve | Self::Replace => Cow::Borrowed(value),
            Self::Collapse if collapsed() => Cow::Borrowed(value),
            Self::Collapse => self.apply(value),
        }
    }
}

/// Whether two spaces follow each other in `bytes`. Eight bytes at a time,
/// in windows starting seven bytes apart (so that every pair of neighbours
/// is inside one), the last window ending with the value; a value shorter
/// than a word is padded with zeros, which are not spaces.
fn has_double_space(bytes: &[u8]) -> bool {
    const LOW_BITS: u64 = u64::from_ne_bytes([0x7F; 8]);
    const SPACES: u64 = u64::from_ne_bytes([b' '; 8]);
    // The high bit of each byte that is a space, exactly (no carry between
    // bytes: each sum stays below 0x100); then a space with a space above it.
    let pairs = |word: &[u8; 8]| {
        let differences = u64::from_le_bytes(*word) ^ SPACES;
        let spaces = !(((differences & LOW_BITS) + LOW_BITS) | differences | LOW_BITS);
        spaces & (spaces >> 8) != 0
    };
    let Some(last) = bytes.last_chunk::<8>() else {
        let mut padded = [0u8; 8];
        padded.iter_mut().zip(bytes).for_each(|(slot, &byte)| *slot = byte);
        return pairs(&padded);
    };
    let mut at = 0;
    while let Some(word) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        if pairs(word) {
            return true;
        }
        at += 7;
    }
    pairs(last)
}

/// Whether `byte` is white space that `replace` turns into a space. White
/// space is ASCII, and UTF-8 never uses ASCII bytes inside a multi-byte
/// character, so looking at bytes is exact.
fn is_replaced(byte: u8) -> bool {
    matches!(byte, b'\t' | b'\n' | b'\r')
}

/// Whether collapsing leaves `value` as it is: no tab or line end, no space
/// at either end or next to another. One pass over the bytes (see
/// [`is_replaced`] for why bytes suffice), since most values are.
fn is_collapsed(value: &str) -> bool {
    let bytes = value.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut after_space = false;
    for &byte in bytes {
        match byte {
            b' ' if after_space => return false,
            b' ' => after_space = true,
            byte if is_replaced(byte) => return false,
            _ => after_space = false,
        }
    }
    true
}

/// A `pattern` facet: the schema's regular expression and its translation
/// (anchored, every class written as explicit ranges of characters, which
/// `regex-lite` reads), compiled on first use: into a run matcher when the
/// pattern is a sequence of character runs (see `facet/runs.rs`; same
/// verdicts, a fraction of the work), else into a `regex-lite` expression.
#[derive(Debug)]
pub struct Pattern {
    xsd: &'static str,
    regex: &'static str,
    compiled: OnceLock<Matcher>,
}

/// A compiled [`Pattern`].
#[derive(Debug)]
enum Matcher {
    /// A sequence of character runs.
    Runs(Runs),
    /// Any other pattern.
    Regex(Regex),
    /// A translation `regex-lite` does not read.
    Broken,
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
        match self.compiled.get_or_init(|| self.compile()) {
            Matcher::Runs(runs) => Some(runs.is_match(value)),
            Matcher::Regex(regex) => Some(regex.is_match(value)),
            Matcher::Broken => None,
        }
    }

    /// The run matcher, else the regular expression, of the translation.
    fn compile(&self) -> Matcher {
        // A translation that regex-lite refuses is broken whatever its form.
        match (Regex::new(self.regex), Runs::parse(self.regex)) {
            (Err(_), _) => Matcher::Broken,
            (Ok(_), Some(runs)) => Matcher::Runs(runs),
            (Ok(regex), None) => Matcher::Regex(regex),
        }
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
        let printable_ascii = is_printable_ascii(value.as_bytes());
        if !printable_ascii {
            check_other_characters(value, path, violations);
        }
        let value = if printable_ascii {
            self.white_space.apply_to_printable_ascii(value)
        } else {
            self.white_space.apply(value)
        };
        if self.length.is_some() || self.min_length.is_some() || self.max_length.is_some() {
            // Normalizing printable ASCII leaves ASCII: a byte per character.
            let actual = if printable_ascii { value.len() } else { value.chars().count() };
            check_length(actual, self.length, self.min_length, self.max_length, path, violations);
        }
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
    /// Checks `value`, recording each facet it breaks. Inlined: a bound or
    /// two, compared with a number, cost less than the call.
    #[inline]
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
#[inline]
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
/// which cannot hold a forbidden character. Whole words at a time, since
/// most values are short: a byte below 0x20 borrows from, and a byte from
/// 0x80 has, its high bit (a borrow can only flag a byte above one that is
/// flagged itself, so the verdict on the word is exact). The bytes after the
/// last whole word are checked as the word ending the value, which overlaps
/// bytes already checked; values of 4 to 7 bytes as two such half words.
#[inline]
pub(super) fn is_printable_ascii(bytes: &[u8]) -> bool {
    const LOW: u64 = u64::from_ne_bytes([0x20; 8]);
    const HIGH_BITS: u64 = u64::from_ne_bytes([0x80; 8]);
    const LOW_HALF: u32 = u32::from_ne_bytes([0x20; 4]);
    const HIGH_BITS_HALF: u32 = u32::from_ne_bytes([0x80; 4]);
    let word_clear = |word: &[u8; 8]| {
        let word = u64::from_le_bytes(*word);
        (word.wrapping_sub(LOW) | word) & HIGH_BITS == 0
    };
    let half_clear = |half: &[u8; 4]| {
        let half = u32::from_le_bytes(*half);
        (half.wrapping_sub(LOW_HALF) | half) & HIGH_BITS_HALF == 0
    };
    if let Some(last) = bytes.last_chunk::<8>() {
        let (words, _) = bytes.as_chunks::<8>();
        words.iter().all(word_clear) && word_clear(last)
    } else if let (Some(first), Some(last)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        half_clear(first) && half_clear(last)
    } else {
        bytes.iter().all(|&b| (0x20..0x80).contains(&b))
    }
}

/// Records the first character of `value` that XML 1.0 cannot carry (control
/// characters other than tab and line ends, U+FFFE and U+FFFF).
#[inline]
pub fn check_characters(value: &str, path: &ElementPath<'_>, violations: &mut Vec<Violation>) {
    if !is_printable_ascii(value.as_bytes()) {
        check_other_characters(value, path, violations);
    }
}

/// [`check_characters`] of a value that is not all printable ASCII. Kept
/// out of line, so that the usual case is the inlined word scan alone and
/// the caller builds the path only when it is needed.
#[cold]
#[inline(never)]
fn check_other_characters(value: &str, path: &ElementPath<'_>, violations: &mut Vec<Violation>) {
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

    use super::{ElementPath, Pattern, StringFacets, WhiteSpace, has_double_space, is_collapsed, is_printable_ascii};
    use crate::xml::value::is_xml_space;

    /// Text rich in white space, control characters and multi-byte characters.
    fn spaced_text() -> impl Strategy<Value = String> {
        "[ \t\n\ra\u{0}\u{1f}\u{e9}\u{2003}\u{fffe}\u{10000}]{0,12}"
    }

    /// The violations `facets` finds in `value`, rendered.
    fn violations(facets: &StringFacets, value: &str) -> Vec<String> {
        let mut violations = Vec::new();
        facets.check(value, &ElementPath::root("value"), &mut violations);
        violations.iter().map(ToString::to_string).collect()
    }

    proptest! {
        #[test]
        fn the_one_pass_collapse_test_agrees_with_its_definition(value in spaced_text()) {
            let by_definition = !value.starts_with(is_xml_space)
                && !value.ends_with(is_xml_space)
                && !value.contains(['\t', '\n', '\r'])
                && !value.contains("  ");
            prop_assert_eq!(is_collapsed(&value), by_definition);
        }

        #[test]
        fn the_word_at_a_time_double_space_search_agrees_with_contains(value in "[ a!\u{7f}]{0,40}") {
            prop_assert_eq!(has_double_space(value.as_bytes()), value.contains("  "));
        }

        #[test]
        fn normalizing_printable_ascii_agrees_with_the_general_normalization(value in "[ a!~]{0,24}") {
            for white_space in [WhiteSpace::Preserve, WhiteSpace::Replace, WhiteSpace::Collapse] {
                prop_assert_eq!(white_space.apply_to_printable_ascii(&value), white_space.apply(&value));
            }
        }

        #[test]
        fn replacing_borrows_exactly_the_values_without_tabs_or_line_ends(value in spaced_text()) {
            let borrowed = matches!(WhiteSpace::Replace.apply(&value), std::borrow::Cow::Borrowed(_));
            prop_assert_eq!(borrowed, !value.contains(['\t', '\n', '\r']));
        }

        #[test]
        fn lengths_count_characters_after_normalization_on_every_path(value in spaced_text(), max in 0usize..6) {
            for white_space in [WhiteSpace::Preserve, WhiteSpace::Replace, WhiteSpace::Collapse] {
                let facets = StringFacets { white_space, max_length: Some(max), ..StringFacets::NONE };
                let actual = white_space.apply(&value).chars().count();
                let too_long = violations(&facets, &value).iter().any(|violation| violation.contains("maxLength"));
                prop_assert_eq!(too_long, actual > max, "{:?} {:?}", white_space, value);
            }
        }

        #[test]
        fn a_run_pattern_and_its_regular_expression_agree_inside_the_facet(value in "[a-z@ \t\u{e9}]{0,10}") {
            static EMAIL: Pattern = Pattern::new(r"[^@\s]+@[^@\s]+", r"\A[^\t\n\r @]+@[^\t\n\r @]+\z");
            let regex = regex_lite::Regex::new(r"\A[^\t\n\r @]+@[^\t\n\r @]+\z").expect("compiles");
            prop_assert_eq!(EMAIL.matches(&value), Some(regex.is_match(&value)));
        }

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
