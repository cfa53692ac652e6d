//! The Rust side of simple types: which Rust type holds a builtin, and which
//! facets of a derivation chain `validate()` must check.

use super::{Checks, NumberChecks, Runtime, RustType, StringChecks};
use crate::error::SchemaErrorKind;
use crate::model::{Builtin, EnumValue, Facets, Schema, SimpleType, TypeKind, TypeRef, ValueKind, WhiteSpace};
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

/// The bounds a builtin integer type adds to its Rust type's range.
fn implicit_bounds(builtin: Builtin) -> (Option<&'static str>, Option<&'static str>) {
    match builtin {
        Builtin::PositiveInteger => (Some("1"), None),
        Builtin::NonPositiveInteger => (None, Some("0")),
        Builtin::NegativeInteger => (None, Some("-1")),
        _ => (None, None),
    }
}

/// The facets of each step of an atomic type's derivation, most derived first,
/// and the builtin at its root. `None` for lists and unions.
pub fn atomic_chain(schema: &Schema, ty: TypeRef) -> Option<(Builtin, Vec<&Facets>)> {
    let mut steps = Vec::new();
    let mut current = ty;
    loop {
        match current {
            TypeRef::Builtin(builtin) => return Some((builtin, steps)),
            TypeRef::Defined(id) => match &schema.get(id).kind {
                TypeKind::Simple(SimpleType::Atomic { base, facets, .. }) => {
                    steps.push(facets);
                    current = *base;
                }
                _ => return None,
            },
        }
    }
}

/// The enumeration values of the most derived step that has some.
pub fn enumeration<'s>(steps: &[&'s Facets]) -> Option<&'s [EnumValue]> {
    steps.iter().find(|facets| !facets.enumeration.is_empty()).map(|facets| facets.enumeration.as_slice())
}

/// The white-space handling of an atomic type.
pub fn white_space(builtin: Builtin, steps: &[&Facets]) -> WhiteSpace {
    steps.iter().find_map(|facets| facets.white_space).unwrap_or(builtin.white_space())
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
            let (implicit_min, implicit_max) = implicit_bounds(builtin);
            let bound = |facet: Option<crate::model::BoundFacet>,
                         implicit: Option<&str>|
             -> Result<Option<String>, CheckError> {
                match facet {
                    Some(facet) => {
                        check_bound(&facet.value, &ty).map_err(|()| bound_error(&facet, builtin))?;
                        Ok(Some(facet.value))
                    }
                    None => Ok(implicit.map(str::to_owned)),
                }
            };
            let checks = NumberChecks {
                min_inclusive: bound(first!(min_inclusive), implicit_min)?,
                max_inclusive: bound(first!(max_inclusive), implicit_max)?,
                min_exclusive: bound(first!(min_exclusive), None)?,
                max_exclusive: bound(first!(max_exclusive), None)?,
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

fn bound_error(facet: &crate::model::BoundFacet, builtin: Builtin) -> CheckError {
    let reason = format!("not a value of the base type xs:{}", builtin.name());
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
        RustType::Runtime(Runtime::Decimal) => is_decimal(value),
        _ => false,
    };
    if fits { Ok(()) } else { Err(()) }
}

fn is_decimal(value: &str) -> bool {
    let unsigned = value.strip_prefix(['+', '-']).unwrap_or(value);
    let (integer, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    !(integer.is_empty() && fraction.is_empty()) && integer.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit())
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
        assert_eq!(implicit_bounds(Builtin::PositiveInteger), (Some("1"), None));
    }
}
