//! The Rust side of simple types: which Rust type holds a builtin, and which
//! facets of a derivation chain `validate()` must check.

use super::{Checks, NumberChecks, Runtime, RustType, StringChecks};
use crate::error::SchemaErrorKind;
use crate::model::facets::{self, bounds};
pub use crate::model::facets::{atomic_chain, enumeration, white_space};
use crate::model::{BoundFacet, Builtin, DecimalNumber, EnumValue, Facets, ValueKind, ValueRange};
use crate::pattern;
use crate::source::Span;

/// A problem found while planning checks, with its place.
pub type CheckError = (Span, SchemaErrorKind);

/// The Rust type holding values of a builtin.
pub fn builtin_type(builtin: Builtin) -> RustType {
    match builtin {
        Builtin::AnyType => RustType::Runtime(Runtime::AnyContent),
        Builtin::Boolean => RustType::Bool,
        Builtin::Byte => RustType::Integer("i8"),
        Builtin::Short => RustType::Integer("i16"),
        Builtin::Int => RustType::Integer("i32"),
        Builtin::Long | Builtin::Integer | Builtin::NonPositiveInteger | Builtin::NegativeInteger => {
            RustType::Integer("i64")
        }
        Builtin::UnsignedByte => RustType::Integer("u8"),
        Builtin::UnsignedShort => RustType::Integer("u16"),
        Builtin::UnsignedInt => RustType::Integer("u32"),
        Builtin::UnsignedLong | Builtin::NonNegativeInteger | Builtin::PositiveInteger => RustType::Integer("u64"),
        Builtin::Float => RustType::Float("f32"),
        Builtin::Double => RustType::Float("f64"),
        Builtin::Decimal => RustType::Runtime(Runtime::Decimal),
        Builtin::Date => RustType::Runtime(Runtime::Date),
        Builtin::DateTime => RustType::Runtime(Runtime::DateTime),
        Builtin::Time => RustType::Runtime(Runtime::Time),
        Builtin::Duration => RustType::Runtime(Runtime::Duration),
        Builtin::NmTokens | Builtin::IdRefs | Builtin::Entities => RustType::List(Box::new(RustType::String)),
        _ => RustType::String,
    }
}

/// The ends of a builtin's value range that its Rust type does not hold
/// (`xs:positiveInteger`'s `1` in a `u64`): the bounds `validate()` checks
/// without a facet asking for them.
fn implicit_bounds(builtin: Builtin) -> (Option<&'static str>, Option<&'static str>) {
    let range = builtin.value_range();
    let held = rust_range(&builtin_type(builtin));
    (range.min.filter(|&min| held.min != Some(min)), range.max.filter(|&max| held.max != Some(max)))
}

/// The values a Rust integer type holds, as the value range of the builtin
/// of that size; unbounded for the other types.
fn rust_range(ty: &RustType) -> ValueRange {
    let same_size = match ty {
        RustType::Integer("i8") => Builtin::Byte,
        RustType::Integer("i16") => Builtin::Short,
        RustType::Integer("i32") => Builtin::Int,
        RustType::Integer("i64") => Builtin::Long,
        RustType::Integer("u8") => Builtin::UnsignedByte,
        RustType::Integer("u16") => Builtin::UnsignedShort,
        RustType::Integer("u32") => Builtin::UnsignedInt,
        RustType::Integer("u64") => Builtin::UnsignedLong,
        _ => return ValueRange::default(),
    };
    same_size.value_range()
}

/// The lexical space of a string-valued builtin that not every string is
/// in, as an XSD pattern (matched after white space is collapsed): the
/// binary types, whose text is checked as libxml2 checks it.
fn lexical_pattern(builtin: Builtin) -> Option<&'static str> {
    match builtin {
        Builtin::HexBinary => Some("([0-9a-fA-F]{2})*"),
        Builtin::Base64Binary => Some(
            "((([A-Za-z0-9+/] ?){4})*(([A-Za-z0-9+/] ?){3}[A-Za-z0-9+/]|([A-Za-z0-9+/] ?){2}[AEIMQUYcgkosw048] ?=|[A-Za-z0-9+/] ?[AQgw] ?= ?=))?",
        ),
        _ => None,
    }
}

/// The checks `validate()` runs for an atomic type with these derivation
/// steps; `None` when there is nothing to check.
pub fn atomic_checks(builtin: Builtin, steps: &[&Facets]) -> Result<Option<Checks>, CheckError> {
    macro_rules! first {
        ($field:ident) => {
            steps.iter().find_map(|facets| facets.$field.clone())
        };
    }
    let enumeration = enumeration(steps);
    let checks = match builtin.value_kind() {
        ValueKind::Text | ValueKind::Any => {
            let mut patterns = Vec::new();
            // The builtin's own lexical space, which a `String` does not
            // enforce (the patterns are constants; a test checks they translate).
            if let Some(lexical) = lexical_pattern(builtin)
                && let Ok(translated) = pattern::translate_alternatives(&[lexical])
            {
                patterns.push((lexical.to_owned(), translated));
            }
            for facets in steps.iter().filter(|facets| !facets.patterns.is_empty()) {
                let sources: Vec<&str> = facets.patterns.iter().map(|pattern| pattern.pattern.as_str()).collect();
                let translated = pattern::translate_alternatives(&sources).map_err(|(index, reason)| {
                    let facet = &facets.patterns[index];
                    (facet.span, SchemaErrorKind::InvalidPattern { pattern: facet.pattern.clone(), reason })
                })?;
                patterns.push((sources.join("|"), translated));
            }
            let checks = StringChecks {
                white_space: white_space(builtin, steps),
                length: first!(length),
                min_length: first!(min_length),
                max_length: first!(max_length),
                patterns,
            };
            let empty = checks.length.is_none()
                && checks.min_length.is_none()
                && checks.max_length.is_none()
                && checks.patterns.is_empty();
            (!empty).then_some(Checks::String(checks))
        }
        ValueKind::Decimal | ValueKind::Float => {
            refuse_patterns(steps, "patterns on numeric types")?;
            let ty = builtin_type(builtin);
            check_bound_facets(builtin, steps, &ty)?;
            // Each step's bounds lie inside those of the steps below it, so
            // the most derived bound of each kind is the one in force.
            let (implicit_min, implicit_max) = implicit_bounds(builtin);
            let bound = |facet: Option<BoundFacet>, implicit: Option<&str>| {
                facet.map(|facet| facet.value).or_else(|| implicit.map(str::to_owned))
            };
            let checks = NumberChecks {
                min_inclusive: bound(first!(min_inclusive), implicit_min),
                max_inclusive: bound(first!(max_inclusive), implicit_max),
                min_exclusive: bound(first!(min_exclusive), None),
                max_exclusive: bound(first!(max_exclusive), None),
                total_digits: first!(total_digits),
                fraction_digits: first!(fraction_digits).filter(|_| builtin == Builtin::Decimal),
                ty: ty.clone(),
            };
            let empty = checks.min_inclusive.is_none()
                && checks.max_inclusive.is_none()
                && checks.min_exclusive.is_none()
                && checks.max_exclusive.is_none()
                && checks.total_digits.is_none()
                && checks.fraction_digits.is_none();
            match (empty, builtin) {
                (true, _) => None,
                (false, Builtin::Decimal) => Some(Checks::Decimal(checks)),
                (false, _) => Some(Checks::Number(checks)),
            }
        }
        ValueKind::Boolean => {
            refuse_patterns(steps, "patterns on xs:boolean")?;
            None
        }
        ValueKind::Temporal => {
            refuse_patterns(steps, "patterns on date and time types")?;
            let bound =
                first!(min_inclusive).or(first!(max_inclusive)).or(first!(min_exclusive)).or(first!(max_exclusive));
            if let Some(bound) = bound {
                return Err((bound.span, SchemaErrorKind::Unsupported("bounds on date and time types".to_owned())));
            }
            None
        }
    };
    match (enumeration, checks) {
        (Some(values), Some(checks)) => {
            check_enumeration_against(values, &checks)?;
            Ok(None)
        }
        (_, checks) => Ok(checks),
    }
}

fn refuse_patterns(steps: &[&Facets], what: &str) -> Result<(), CheckError> {
    match steps.iter().find_map(|facets| facets.patterns.first()) {
        Some(pattern) => Err((pattern.span, SchemaErrorKind::Unsupported(what.to_owned()))),
        None => Ok(()),
    }
}

/// Checks that every bound facet is a value of the type it restricts, as
/// libxml2 does: a value of its Rust type and of its builtin's value range
/// (`minInclusive="0"` does not restrict `xs:positiveInteger`), and inside
/// the bounds of the steps it derives from (`minInclusive="3"` does not
/// restrict a type whose `minInclusive` is 5, nor `maxExclusive="10"` one
/// whose `maxExclusive` is 10).
fn check_bound_facets(builtin: Builtin, steps: &[&Facets], ty: &RustType) -> Result<(), CheckError> {
    for (index, step) in steps.iter().enumerate() {
        let base_bounds = bounds(builtin, &steps[index + 1..]);
        let facets = [&step.min_inclusive, &step.max_inclusive, &step.min_exclusive, &step.max_exclusive];
        for facet in facets.into_iter().flatten() {
            let in_range =
                DecimalNumber::parse(&facet.value).is_none_or(|value| builtin.value_range().contains(&value));
            if check_bound(&facet.value, ty).is_err() || !in_range {
                return Err(bound_error(facet, format!("not a value of the base type xs:{}", builtin.name())));
            }
            if let Some(outside) = base_bounds.iter().find(|bound| bound.admits(builtin, &facet.value) == Some(false)) {
                let reason = format!("not a value of its base type, which is bounded by {}", describe(outside));
                return Err(bound_error(facet, reason));
            }
        }
    }
    Ok(())
}

/// A bound as a schema writes it (`minInclusive 5`).
fn describe(bound: &facets::Bound<'_>) -> String {
    let name = match (bound.lower, bound.inclusive) {
        (true, true) => "minInclusive",
        (true, false) => "minExclusive",
        (false, true) => "maxInclusive",
        (false, false) => "maxExclusive",
    };
    format!("{name} {}", bound.value)
}

fn bound_error(facet: &BoundFacet, reason: String) -> CheckError {
    (
        facet.span,
        SchemaErrorKind::InvalidFacet {
            facet: facet.facet.local_name().to_owned(),
            value: facet.value.clone(),
            reason,
        },
    )
}

/// Checks that a bound is a value of the Rust type it is compared with.
fn check_bound(value: &str, ty: &RustType) -> Result<(), ()> {
    let fits = match ty {
        RustType::Integer("i8") => value.parse::<i8>().is_ok(),
        RustType::Integer("i16") => value.parse::<i16>().is_ok(),
        RustType::Integer("i32") => value.parse::<i32>().is_ok(),
        RustType::Integer("i64") => value.parse::<i64>().is_ok(),
        RustType::Integer("u8") => value.parse::<u8>().is_ok(),
        RustType::Integer("u16") => value.parse::<u16>().is_ok(),
        RustType::Integer("u32") => value.parse::<u32>().is_ok(),
        RustType::Integer("u64") => value.parse::<u64>().is_ok(),
        RustType::Float(_) => value.parse::<f64>().is_ok_and(f64::is_finite) && !value.contains(char::is_alphabetic),
        RustType::Runtime(Runtime::Decimal) => DecimalNumber::parse(value).is_some(),
        _ => false,
    };
    if fits { Ok(()) } else { Err(()) }
}

/// An enumeration with further facets: the values are fixed, so the facets
/// are checked once, here, on the values.
fn check_enumeration_against(values: &[EnumValue], checks: &Checks) -> Result<(), CheckError> {
    let Checks::String(string) = checks else {
        let [first, ..] = values else {
            return Ok(());
        };
        return Err((
            first.span,
            SchemaErrorKind::Unsupported("an enumeration combined with numeric bounds".to_owned()),
        ));
    };
    for value in values {
        if !string.patterns.is_empty() {
            return Err((
                value.span,
                SchemaErrorKind::Unsupported("an enumeration combined with a pattern".to_owned()),
            ));
        }
        let length = value.value.chars().count() as u64;
        let too_short =
            string.min_length.is_some_and(|min| length < min) || string.length.is_some_and(|exact| length != exact);
        let too_long = string.max_length.is_some_and(|max| length > max);
        if too_short || too_long {
            return Err((
                value.span,
                SchemaErrorKind::InvalidFacet {
                    facet: "enumeration".to_owned(),
                    value: value.value.clone(),
                    reason: "the value breaks the length facets of its base type".to_owned(),
                },
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileId;
    use crate::xsd::syntax::FacetKind;

    #[test]
    fn the_lexical_spaces_of_the_binary_types_are_checked() {
        for (builtin, valid, invalid) in [
            (Builtin::HexBinary, ["", "0fA9", "00ff"], ["0", "0g", "abc"]),
            (Builtin::Base64Binary, ["", "AAAA", "QUJD RA=="], ["A", "AAA", "QUJDRA="]),
        ] {
            let lexical = lexical_pattern(builtin).unwrap();
            let translated = pattern::translate_alternatives(&[lexical]).unwrap();
            let regex = regex::Regex::new(&translated).unwrap();
            for text in valid {
                assert!(regex.is_match(text), "{builtin:?}: {text:?} should be valid");
            }
            for text in invalid {
                assert!(!regex.is_match(text), "{builtin:?}: {text:?} should be invalid");
            }
            let Ok(Some(Checks::String(checks))) = atomic_checks(builtin, &[]) else {
                panic!("{builtin:?} has no string checks");
            };
            assert_eq!(checks.patterns, vec![(lexical.to_owned(), translated)]);
        }
    }

    #[test]
    fn bounds_must_fit_the_rust_type() {
        assert!(check_bound("1", &RustType::Integer("i32")).is_ok());
        assert!(check_bound("-1", &RustType::Integer("u32")).is_err());
        assert!(check_bound("3000000000", &RustType::Integer("i32")).is_err());
        assert!(check_bound("1.5", &RustType::Float("f64")).is_ok());
        assert!(check_bound("INF", &RustType::Float("f64")).is_err());
        assert!(check_bound("-12.50", &RustType::Runtime(Runtime::Decimal)).is_ok());
        assert!(check_bound("1e3", &RustType::Runtime(Runtime::Decimal)).is_err());
    }

    #[test]
    fn builtins_map_to_rust_types() {
        assert_eq!(builtin_type(Builtin::Int), RustType::Integer("i32"));
        assert_eq!(builtin_type(Builtin::UnsignedInt), RustType::Integer("u32"));
        assert_eq!(builtin_type(Builtin::PositiveInteger), RustType::Integer("u64"));
        assert_eq!(builtin_type(Builtin::Token), RustType::String);
        assert_eq!(builtin_type(Builtin::AnyType), RustType::Runtime(Runtime::AnyContent));
        assert_eq!(builtin_type(Builtin::NmTokens), RustType::List(Box::new(RustType::String)));
    }

    #[test]
    fn implicit_bounds_are_the_ends_of_the_value_range_the_rust_type_does_not_hold() {
        assert_eq!(implicit_bounds(Builtin::PositiveInteger), (Some("1"), None));
        assert_eq!(implicit_bounds(Builtin::NonPositiveInteger), (None, Some("0")));
        assert_eq!(implicit_bounds(Builtin::NegativeInteger), (None, Some("-1")));
        for held in [
            Builtin::Byte,
            Builtin::Short,
            Builtin::Int,
            Builtin::Long,
            Builtin::UnsignedByte,
            Builtin::UnsignedShort,
            Builtin::UnsignedInt,
            Builtin::UnsignedLong,
            Builtin::NonNegativeInteger,
            Builtin::Integer,
            Builtin::Decimal,
        ] {
            assert_eq!(implicit_bounds(held), (None, None), "{held:?}");
        }
    }

    fn bound(facet: FacetKind, value: &str) -> Option<BoundFacet> {
        Some(BoundFacet { facet, value: value.to_owned(), span: Span { file: FileId(0), offset: 0 } })
    }

    fn refusal(builtin: Builtin, steps: &[&Facets]) -> Option<String> {
        match atomic_checks(builtin, steps) {
            Ok(_) => None,
            Err((_, SchemaErrorKind::InvalidFacet { reason, .. })) => Some(reason),
            Err((_, other)) => Some(format!("{other:?}")),
        }
    }

    #[test]
    fn a_bound_outside_the_value_range_of_its_builtin_is_refused_as_libxml2_does() {
        let zero = Facets { min_inclusive: bound(FacetKind::MinInclusive, "0"), ..Facets::default() };
        assert_eq!(
            refusal(Builtin::PositiveInteger, &[&zero]).unwrap(),
            "not a value of the base type xs:positiveInteger"
        );
        assert_eq!(refusal(Builtin::NonNegativeInteger, &[&zero]), None);
        let huge = Facets { max_inclusive: bound(FacetKind::MaxInclusive, "200"), ..Facets::default() };
        assert!(refusal(Builtin::Byte, &[&huge]).is_some());
        assert_eq!(refusal(Builtin::UnsignedByte, &[&huge]), None);
        let positive = Facets { max_exclusive: bound(FacetKind::MaxExclusive, "1"), ..Facets::default() };
        assert!(refusal(Builtin::NonPositiveInteger, &[&positive]).is_some());
    }

    #[test]
    fn a_bound_outside_the_bounds_of_its_base_step_is_refused_as_libxml2_does() {
        let at_least_five = Facets { min_inclusive: bound(FacetKind::MinInclusive, "5"), ..Facets::default() };
        let at_least_three = Facets { min_inclusive: bound(FacetKind::MinInclusive, "3"), ..Facets::default() };
        let above_three = Facets { min_exclusive: bound(FacetKind::MinExclusive, "3"), ..Facets::default() };
        let at_least_six = Facets { min_inclusive: bound(FacetKind::MinInclusive, "6"), ..Facets::default() };
        assert_eq!(
            refusal(Builtin::Int, &[&at_least_three, &at_least_five]).unwrap(),
            "not a value of its base type, which is bounded by minInclusive 5"
        );
        assert!(refusal(Builtin::Int, &[&above_three, &at_least_five]).is_some());
        assert_eq!(refusal(Builtin::Int, &[&at_least_six, &at_least_five]), None);
        // The other way round, the base is checked against nothing but the builtin.
        assert_eq!(refusal(Builtin::Int, &[&at_least_five, &at_least_three]), None);
        let below_ten = Facets { max_exclusive: bound(FacetKind::MaxExclusive, "10"), ..Facets::default() };
        let at_most_ten = Facets { max_inclusive: bound(FacetKind::MaxInclusive, "10"), ..Facets::default() };
        assert!(refusal(Builtin::Decimal, &[&below_ten, &below_ten]).is_some());
        assert!(refusal(Builtin::Double, &[&at_most_ten, &below_ten]).is_some());
        assert_eq!(refusal(Builtin::Int, &[&below_ten, &at_most_ten]), None);
        let Ok(Some(Checks::Number(checks))) = atomic_checks(Builtin::Int, &[&at_least_six, &at_least_five]) else {
            panic!("no number checks");
        };
        assert_eq!(checks.min_inclusive.as_deref(), Some("6"));
    }
}
