//! Values of simple types that satisfy every facet of every derivation step:
//! enumerations, lengths, patterns, bounds, digits, lists and unions, in the
//! canonical lexical form the generated writers produce.

use std::cell::Cell;

use super::Extent;
use super::hir::{Avoid, StepPatterns, candidates};
use crate::model::facets::{self, Bound, Derivation, derivation, enumeration, length_bounds, white_space};
use crate::model::{Builtin, DecimalNumber as Dec, Facets, Schema, TypeRef, ValueKind, WhiteSpace};

/// The longest value (in characters or list items) a sample holds.
const MAX_LENGTH: u64 = 100_000;

/// What a value is wanted for.
#[derive(Debug, Clone, Copy)]
pub(super) struct Want<'h> {
    /// Minimal: the shortest value; maximal: a readable one.
    pub(super) extent: Extent,
    /// The element or attribute name, the base of readable strings.
    pub(super) hint: &'h str,
    /// A list item: not empty, no white space.
    pub(super) item: bool,
    /// How many `xs:ID` values the sample holds so far (each must be unique).
    pub(super) ids: &'h Cell<usize>,
}

/// A value of the simple type `ty`, restricted further by `extra` (the facets
/// of `simpleContent` restrictions, most derived first).
pub(super) fn value(schema: &Schema, ty: TypeRef, extra: &[&Facets], want: Want<'_>) -> Result<String, String> {
    match derivation(schema, ty, extra) {
        Some(Derivation::Atomic { builtin, steps }) => atomic(builtin, &steps, want),
        Some(Derivation::List { item, steps }) => list(schema, item, &steps, want),
        Some(Derivation::Union { members, steps }) => union(schema, &members, &steps, want),
        None => Err("a complex type where a simple type is needed".to_owned()),
    }
}

/// The canonical form of `text` read as a value of `ty`: what a generated
/// reader makes of an element's `default` and its writer writes back.
pub(super) fn canonical(schema: &Schema, ty: TypeRef, text: &str) -> String {
    match derivation(schema, ty, &[]) {
        Some(Derivation::Atomic { builtin, steps }) => {
            let white_space = white_space(builtin, &steps);
            let normalized = normalize(text, white_space);
            if let Some(values) = enumeration(&steps) {
                let found = values.iter().find(|value| normalize(&value.value, white_space) == normalized);
                if let Some(value) = found {
                    return value.value.clone();
                }
            }
            canonical_atomic(builtin, &normalized)
        }
        Some(Derivation::List { item, .. }) => text
            .split([' ', '\t', '\n', '\r'])
            .filter(|item| !item.is_empty())
            .map(|part| canonical(schema, item, part))
            .collect::<Vec<_>>()
            .join(" "),
        Some(Derivation::Union { .. }) | None => normalize(text, WhiteSpace::Collapse),
    }
}

fn canonical_atomic(builtin: Builtin, text: &str) -> String {
    match builtin.value_kind() {
        ValueKind::Boolean => match text {
            "1" => "true".to_owned(),
            "0" => "false".to_owned(),
            other => other.to_owned(),
        },
        ValueKind::Decimal if builtin.is_integer() => {
            Dec::parse(text).map_or_else(|| text.to_owned(), |number| number.to_string())
        }
        ValueKind::Float => match text.parse::<f64>() {
            Ok(number) => format_float(number, builtin),
            Err(_) => text.to_owned(),
        },
        _ => text.to_owned(),
    }
}

fn normalize(text: &str, white_space: WhiteSpace) -> String {
    match white_space {
        WhiteSpace::Preserve => text.to_owned(),
        WhiteSpace::Replace => text.replace(['\t', '\n', '\r'], " "),
        WhiteSpace::Collapse => {
            text.split([' ', '\t', '\n', '\r']).filter(|part| !part.is_empty()).collect::<Vec<_>>().join(" ")
        }
    }
}

/// Every step's patterns, parsed.
fn patterns(steps: &[&Facets]) -> Result<Vec<StepPatterns>, String> {
    steps
        .iter()
        .filter(|facets| !facets.patterns.is_empty())
        .map(|facets| {
            let sources: Vec<&str> = facets.patterns.iter().map(|pattern| pattern.pattern.as_str()).collect();
            StepPatterns::parse(&sources)
        })
        .collect()
}

/// Everything a candidate of an atomic type is checked against.
struct Constraints<'s> {
    builtin: Builtin,
    white_space: WhiteSpace,
    patterns: Vec<StepPatterns>,
    min_length: u64,
    max_length: Option<u64>,
    bounds: Vec<Bound<'s>>,
    total_digits: Option<u64>,
    fraction_digits: Option<u64>,
    item: bool,
}

impl<'s> Constraints<'s> {
    fn new(builtin: Builtin, steps: &[&'s Facets], item: bool) -> Result<Self, String> {
        let (min_length, max_length) = length_bounds(steps);
        let bounds = facets::bounds(builtin, steps);
        let total_digits = steps.iter().filter_map(|facets| facets.total_digits).min();
        let fraction_digits = steps.iter().filter_map(|facets| facets.fraction_digits).min();
        Ok(Self {
            builtin,
            white_space: white_space(builtin, steps),
            patterns: patterns(steps)?,
            min_length,
            max_length,
            bounds,
            total_digits,
            fraction_digits: if builtin.is_integer() { Some(0) } else { fraction_digits },
            item,
        })
    }

    /// Why `text` is not an acceptable value, if it is not.
    fn refuse(&self, text: &str) -> Option<String> {
        if normalize(text, self.white_space) != text {
            return Some("white space would be normalized".to_owned());
        }
        if self.item && (text.is_empty() || text.contains(char::is_whitespace)) {
            return Some("a list item cannot be empty or hold white space".to_owned());
        }
        if !text.chars().all(super::hir::is_xml_char) {
            return Some("a character XML does not allow".to_owned());
        }
        if !lexically_valid(self.builtin, text) {
            return Some(format!("not a valid xs:{}", self.builtin.name()));
        }
        if matches!(self.builtin.value_kind(), ValueKind::Text | ValueKind::Any) {
            let length = text_length(self.builtin, text);
            if length < self.min_length {
                return Some(format!("length {length} below {}", self.min_length));
            }
            if let Some(max) = self.max_length.filter(|&max| length > max) {
                return Some(format!("length {length} above {max}"));
            }
        }
        if let Some(step) = self.patterns.iter().find(|step| !step.matches(text)) {
            return Some(format!("does not match '{}'", step.source));
        }
        for bound in &self.bounds {
            match bound.admits(self.builtin, text) {
                Some(true) => {}
                Some(false) => return Some(format!("outside the bound {}", bound.value)),
                None => return Some(format!("cannot compare with the bound {}", bound.value)),
            }
        }
        if self.builtin.value_kind() == ValueKind::Decimal
            && let Some(number) = Dec::parse(text)
        {
            if let Some(total) = self.total_digits.filter(|&total| number.total_digits() > total) {
                return Some(format!("more than {total} digits"));
            }
            if let Some(fraction) = self.fraction_digits.filter(|&fraction| number.fraction.len() as u64 > fraction) {
                return Some(format!("more than {fraction} fraction digits"));
            }
        }
        None
    }
}

/// The length the length facets count: octets for binary types, characters
/// otherwise.
fn text_length(builtin: Builtin, text: &str) -> u64 {
    let chars = text.chars().count() as u64;
    match builtin {
        Builtin::HexBinary => chars / 2,
        Builtin::Base64Binary => {
            let data = text.chars().filter(|c| !c.is_whitespace()).count() as u64;
            let padding = text.chars().rev().take_while(|&c| c == '=').count() as u64;
            (data / 4 * 3).saturating_sub(padding)
        }
        _ => chars,
    }
}

fn atomic(builtin: Builtin, steps: &[&Facets], want: Want<'_>) -> Result<String, String> {
    if matches!(builtin, Builtin::Entity | Builtin::Notation) {
        return Err(format!("xs:{} values must name declarations the schema language cannot sample", builtin.name()));
    }
    let constraints = Constraints::new(builtin, steps, want.item)?;
    if constraints.min_length > MAX_LENGTH {
        return Err(format!("a minimum length of {} is more than a sample holds", constraints.min_length));
    }
    let mut tried = Vec::new();
    if let Some(values) = enumeration(steps) {
        for value in values.iter().map(|value| &value.value) {
            match constraints.refuse(value) {
                None => return Ok(value.clone()),
                Some(reason) => tried.push(format!("'{value}': {reason}")),
            }
        }
        return Err(format!("no enumeration value satisfies the other facets ({})", tried.join("; ")));
    }
    let mut candidates_found = typed_candidates(builtin, &constraints, want);
    if !constraints.patterns.is_empty() || candidates_found.is_empty() {
        candidates_found.extend(pattern_candidates(&constraints, want));
    }
    for candidate in candidates_found {
        match constraints.refuse(&candidate) {
            None => return Ok(canonical_atomic(builtin, &candidate)),
            Some(reason) => {
                if tried.len() < 4 {
                    tried.push(format!("'{candidate}': {reason}"));
                }
            }
        }
    }
    Err(format!("no value found (tried {})", tried.join("; ")))
}

/// Candidates from the patterns: the shortest match of each, and matches
/// long enough for `minLength`.
fn pattern_candidates(constraints: &Constraints, want: Want<'_>) -> Vec<String> {
    let avoid = Avoid { space: want.item || constraints.white_space != WhiteSpace::Preserve };
    let min_chars = usize::try_from(constraints.min_length).unwrap_or(usize::MAX);
    let mut found = Vec::new();
    for step in &constraints.patterns {
        for hir in &step.alternatives {
            for candidate in candidates(hir, min_chars, avoid) {
                if !found.contains(&candidate) {
                    found.push(candidate);
                }
            }
        }
    }
    found
}

/// Candidates from the type itself, the best first.
fn typed_candidates(builtin: Builtin, constraints: &Constraints, want: Want<'_>) -> Vec<String> {
    let maximal = want.extent == Extent::Maximal;
    match builtin.value_kind() {
        ValueKind::Boolean => {
            if maximal {
                vec!["true".to_owned(), "false".to_owned()]
            } else {
                vec!["false".to_owned(), "true".to_owned()]
            }
        }
        ValueKind::Decimal => decimal_candidates(constraints),
        ValueKind::Float => float_candidates(builtin, constraints),
        ValueKind::Temporal => temporal_candidates(builtin, constraints),
        ValueKind::Text | ValueKind::Any => text_candidates(builtin, constraints, want),
    }
}

fn text_candidates(builtin: Builtin, constraints: &Constraints, want: Want<'_>) -> Vec<String> {
    let min = usize::try_from(constraints.min_length).unwrap_or(usize::MAX);
    let max = constraints.max_length.map_or(usize::MAX, |max| usize::try_from(max).unwrap_or(usize::MAX));
    let maximal = want.extent == Extent::Maximal;
    match builtin {
        Builtin::HexBinary => {
            let octets = if maximal { min.max(1).min(max) } else { min };
            vec!["00".repeat(octets)]
        }
        Builtin::Base64Binary => {
            let octets = if maximal { min.max(1).min(max) } else { min };
            vec![base64_zeros(octets)]
        }
        Builtin::Language => vec!["en".to_owned(), format!("en-{}", "x".repeat(min.saturating_sub(3).clamp(1, 8)))],
        // IDs are unique in a document; a reference names the first one.
        Builtin::Id => {
            want.ids.set(want.ids.get() + 1);
            vec![format!("id-{}", want.ids.get())]
        }
        Builtin::IdRef => vec!["id-1".to_owned()],
        _ => {
            let needs_content =
                want.item || matches!(builtin, Builtin::Name | Builtin::NcName | Builtin::NmToken | Builtin::QName);
            let mut found = Vec::new();
            if maximal {
                found.push(fit(&name_like(want.hint), min, max));
            }
            let shortest = if needs_content { min.max(1) } else { min };
            found.push("x".repeat(shortest));
            found
        }
    }
}

/// A name for readable values: the hint when it is a usable NCName, `x` otherwise.
fn name_like(hint: &str) -> String {
    let usable = hint.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && hint.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if usable { hint.to_owned() } else { "x".to_owned() }
}

/// `text` padded with `x` or cut to fit `min..=max` characters.
fn fit(text: &str, min: usize, max: usize) -> String {
    let mut fitted: String = text.chars().take(max).collect();
    let length = fitted.chars().count();
    if length < min {
        fitted.push_str(&"x".repeat(min - length));
    }
    fitted
}

fn base64_zeros(octets: usize) -> String {
    let mut text = "AAAA".repeat(octets / 3);
    match octets % 3 {
        1 => text.push_str("AA=="),
        2 => text.push_str("AAA="),
        _ => {}
    }
    text
}

fn decimal_candidates(constraints: &Constraints) -> Vec<String> {
    let mut found: Vec<Dec> = vec![Dec::zero(), Dec::integer(1), Dec::integer(-1)];
    for bound in &constraints.bounds {
        let Some(value) = Dec::parse(bound.value) else {
            continue;
        };
        if bound.inclusive {
            found.push(value.clone());
        }
        // The nearest integers inside, and a value just inside with one more
        // fraction digit.
        if let Some(floor) = value.floor() {
            found.push(Dec::integer(if bound.lower { floor + 1 } else { floor }));
            found.push(Dec::integer(if bound.lower { floor + 2 } else { floor - 1 }));
            found.push(Dec::integer(floor));
        }
        let mut nudged = value.clone();
        nudged.fraction.push('1');
        let towards_inside = nudged.negative != bound.lower;
        if towards_inside {
            found.push(nudged);
        }
    }
    found.sort_by(|a, b| a.magnitude_cmp(b).then_with(|| a.negative.cmp(&b.negative)));
    let mut texts: Vec<String> = Vec::new();
    for number in found {
        let text = number.to_string();
        if !texts.contains(&text) {
            texts.push(text);
        }
    }
    texts
}

fn float_candidates(builtin: Builtin, constraints: &Constraints) -> Vec<String> {
    let mut found: Vec<f64> = vec![0.0, 1.0, -1.0];
    for bound in &constraints.bounds {
        let Ok(value) = bound.value.trim().parse::<f64>() else {
            continue;
        };
        found.push(value);
        found.push(if bound.lower { value + 1.0 } else { value - 1.0 });
        found.push(if bound.lower { value + 0.5 } else { value - 0.5 });
    }
    found.retain(|value| value.is_finite());
    found.sort_by(|a, b| a.abs().total_cmp(&b.abs()).then_with(|| b.total_cmp(a)));
    let mut texts: Vec<String> = Vec::new();
    for value in found {
        let text = format_float(value, builtin);
        if !texts.contains(&text) {
            texts.push(text);
        }
    }
    texts
}

/// How the runtime writes a float or double: Rust's shortest round-trip form.
fn format_float(value: f64, builtin: Builtin) -> String {
    if builtin == Builtin::Float { (value as f32).to_string() } else { value.to_string() }
}

fn temporal_candidates(builtin: Builtin, constraints: &Constraints) -> Vec<String> {
    let fallback = match builtin {
        Builtin::Date => "2001-01-01",
        Builtin::DateTime => "2001-01-01T00:00:00",
        Builtin::Time => "00:00:00",
        Builtin::Duration => "P1D",
        Builtin::GYear => "2001",
        Builtin::GYearMonth => "2001-01",
        Builtin::GMonth => "--01",
        Builtin::GDay => "---01",
        _ => "--01-01",
    };
    let mut found = vec![fallback.to_owned()];
    found.extend(constraints.bounds.iter().filter(|bound| bound.inclusive).map(|bound| bound.value.trim().to_owned()));
    found
}

/// Whether `text` is in the lexical space of `builtin` (as far as the
/// generated readers check it).
fn lexically_valid(builtin: Builtin, text: &str) -> bool {
    let is_name_start = |c: char| c.is_alphabetic() || c == '_' || c == ':';
    let is_name_char = |c: char| c.is_alphanumeric() || matches!(c, '_' | ':' | '-' | '.' | '\u{B7}');
    match builtin.value_kind() {
        ValueKind::Boolean => matches!(text, "true" | "false" | "1" | "0"),
        ValueKind::Decimal => Dec::parse(text).is_some() && (!builtin.is_integer() || !text.contains('.')),
        ValueKind::Float => {
            matches!(text, "INF" | "-INF" | "NaN")
                || (text.parse::<f64>().is_ok() && !text.chars().any(|c| c.is_alphabetic() && c != 'e' && c != 'E'))
        }
        ValueKind::Temporal => match builtin {
            Builtin::Date => text.len() >= 10 && text.as_bytes()[4] == b'-',
            Builtin::DateTime => text.contains('T'),
            Builtin::Time => text.len() >= 8 && text.as_bytes()[2] == b':',
            Builtin::Duration => {
                text.trim_start_matches('-').starts_with('P') && text.len() > 1 && !text.ends_with('T')
            }
            _ => !text.is_empty(),
        },
        ValueKind::Text | ValueKind::Any => match builtin {
            Builtin::Name => text.starts_with(is_name_start) && text.chars().all(is_name_char),
            Builtin::NcName | Builtin::Id | Builtin::IdRef | Builtin::Entity => {
                text.starts_with(|c: char| is_name_start(c) && c != ':')
                    && text.chars().all(|c| is_name_char(c) && c != ':')
            }
            Builtin::QName => {
                let mut parts = text.split(':');
                let ncname = |part: &str| {
                    part.starts_with(|c: char| is_name_start(c) && c != ':') && part.chars().all(is_name_char)
                };
                parts.clone().count() <= 2 && parts.all(ncname)
            }
            Builtin::NmToken => !text.is_empty() && text.chars().all(is_name_char),
            Builtin::Language => {
                !text.is_empty()
                    && text
                        .split('-')
                        .all(|part| (1..=8).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric()))
            }
            Builtin::HexBinary => text.len().is_multiple_of(2) && text.chars().all(|c| c.is_ascii_hexdigit()),
            Builtin::Base64Binary => text.len().is_multiple_of(4),
            _ => true,
        },
    }
}

fn list(schema: &Schema, item: TypeRef, steps: &[&Facets], want: Want<'_>) -> Result<String, String> {
    let (min, max) = length_bounds(steps);
    if min > MAX_LENGTH {
        return Err(format!("a list of at least {min} items is more than a sample holds"));
    }
    let count_ok = |count: u64| count >= min && max.is_none_or(|max| count <= max);
    let step_patterns = patterns(steps)?;
    let matches_patterns = |text: &str| step_patterns.iter().all(|step| step.matches(text));
    if let Some(values) = enumeration(steps) {
        for value in values.iter().map(|value| &value.value) {
            let count = value.split_whitespace().count() as u64;
            if count_ok(count) && matches_patterns(value) {
                return Ok(value.clone());
            }
        }
        return Err("no enumeration value of the list satisfies its other facets".to_owned());
    }
    let count = match want.extent {
        Extent::Minimal => min,
        Extent::Maximal => max.map_or(min.max(2), |max| min.max(2).min(max)),
    };
    let item_value = value(schema, item, &[], Want { item: true, ..want })?;
    let text = vec![item_value; usize::try_from(count).unwrap_or(0)].join(" ");
    if matches_patterns(&text) {
        return Ok(text);
    }
    for step in &step_patterns {
        for hir in &step.alternatives {
            for candidate in candidates(hir, 0, Avoid { space: false }) {
                let count = candidate.split_whitespace().count() as u64;
                if count_ok(count) && matches_patterns(&candidate) {
                    return Ok(candidate);
                }
            }
        }
    }
    Err(format!("no list of {count} items matches the list's patterns"))
}

fn union(schema: &Schema, members: &[TypeRef], steps: &[&Facets], want: Want<'_>) -> Result<String, String> {
    let step_patterns = patterns(steps)?;
    let matches_patterns = |text: &str| step_patterns.iter().all(|step| step.matches(text));
    if let Some(values) = enumeration(steps) {
        return values
            .iter()
            .map(|value| value.value.clone())
            .find(|value| matches_patterns(value))
            .ok_or_else(|| "no enumeration value of the union matches its patterns".to_owned());
    }
    let mut reasons = Vec::new();
    for member in members {
        match value(schema, *member, &[], want) {
            Ok(text) if matches_patterns(&text) => return Ok(text),
            Ok(text) => reasons.push(format!("'{text}' does not match the union's patterns")),
            Err(reason) => reasons.push(reason),
        }
    }
    Err(format!("no member of the union gives a value ({})", reasons.join("; ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facets() -> Facets {
        Facets::default()
    }

    fn bound(value: &str) -> Option<crate::model::BoundFacet> {
        Some(crate::model::BoundFacet {
            facet: crate::xsd::syntax::FacetKind::MinInclusive,
            value: value.to_owned(),
            span: crate::source::Span { file: crate::source::FileId(0), offset: 0 },
        })
    }

    fn minimal(builtin: Builtin, steps: &[&Facets]) -> Result<String, String> {
        atomic(builtin, steps, Want { extent: Extent::Minimal, hint: "name", item: false, ids: &Cell::new(0) })
    }

    #[test]
    fn numbers_closest_to_zero_inside_the_bounds() {
        assert_eq!(minimal(Builtin::Int, &[]).unwrap(), "0");
        assert_eq!(minimal(Builtin::PositiveInteger, &[]).unwrap(), "1");
        assert_eq!(minimal(Builtin::NegativeInteger, &[]).unwrap(), "-1");
        let mut above = facets();
        above.min_exclusive = bound("41");
        assert_eq!(minimal(Builtin::Int, &[&above]).unwrap(), "42");
        let mut window = facets();
        window.min_exclusive = bound("0.5");
        window.max_exclusive = bound("0.6");
        assert_eq!(minimal(Builtin::Decimal, &[&window]).unwrap(), "0.51");
        let mut negative = facets();
        negative.max_inclusive = bound("-2.25");
        assert_eq!(minimal(Builtin::Decimal, &[&negative]).unwrap(), "-2.25");
        assert_eq!(minimal(Builtin::Double, &[&above]).unwrap(), "41.5");
        let mut digits = facets();
        digits.min_inclusive = bound("100");
        digits.total_digits = Some(2);
        assert!(minimal(Builtin::Int, &[&digits]).is_err());
    }

    #[test]
    fn numbers_stay_inside_the_value_range_of_their_builtin() {
        let mut at_the_top = facets();
        at_the_top.min_exclusive = bound("18446744073709551614");
        assert_eq!(minimal(Builtin::UnsignedLong, &[&at_the_top]).unwrap(), "18446744073709551615");
        let mut beyond = facets();
        beyond.min_exclusive = bound("18446744073709551615");
        assert!(minimal(Builtin::UnsignedLong, &[&beyond]).is_err());
        let mut below_byte = facets();
        below_byte.max_exclusive = bound("-128");
        assert!(minimal(Builtin::Byte, &[&below_byte]).is_err());
        assert_eq!(minimal(Builtin::NonPositiveInteger, &[]).unwrap(), "0");
    }

    #[test]
    fn strings_respect_lengths_and_builtins() {
        assert_eq!(minimal(Builtin::String, &[]).unwrap(), "");
        assert_eq!(minimal(Builtin::NcName, &[]).unwrap(), "x");
        let mut length = facets();
        length.min_length = Some(3);
        assert_eq!(minimal(Builtin::String, &[&length]).unwrap(), "xxx");
        assert_eq!(minimal(Builtin::HexBinary, &[&length]).unwrap(), "000000");
        assert_eq!(minimal(Builtin::Base64Binary, &[&length]).unwrap(), "AAAA");
        let ids = Cell::new(0);
        let maximal = atomic(
            Builtin::String,
            &[&length],
            Want { extent: Extent::Maximal, hint: "login", item: false, ids: &ids },
        );
        assert_eq!(maximal.unwrap(), "login");
    }

    #[test]
    fn canonical_forms() {
        assert_eq!(canonical_atomic(Builtin::Boolean, "1"), "true");
        assert_eq!(canonical_atomic(Builtin::Int, "+007"), "7");
        assert_eq!(canonical_atomic(Builtin::Double, "1.5e3"), "1500");
        assert_eq!(Dec::parse("-0.0").unwrap().to_string(), "0");
        assert_eq!(base64_zeros(2), "AAA=");
    }
}
