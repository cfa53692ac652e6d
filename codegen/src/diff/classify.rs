//! How bad a change is: the effect of an occurrence change (by the Rust
//! shape it gives a field) and one behavioral change per differing facet.

use super::describe::{field_type, occurs_text, white_space};
use super::report::{Change, ChangeKind, Effect, RustPlace, Subject};
use crate::model::WhiteSpace;
use crate::plan::{Checks, Occurs};

/// The Rust shape of an occurrence: `T`, `Option<T>` or `Vec<T>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    One,
    Option,
    Vec,
}

impl From<Occurs> for Shape {
    fn from(occurs: Occurs) -> Self {
        match occurs {
            Occurs::Required => Self::One,
            Occurs::Optional => Self::Option,
            Occurs::Repeated { .. } => Self::Vec,
        }
    }
}

/// What a change of occurrence does: breaking when the Rust shape changes,
/// behavioral when only the bounds of a `Vec` change or only whether a
/// required element's absence is tolerated; `None` when nothing changed.
pub(super) fn occurrence_effect(old: Occurs, new: Occurs, tolerance_changed: bool) -> Option<(Effect, Subject)> {
    if Shape::from(old) != Shape::from(new) {
        Some((Effect::Breaking, Subject::Occurrence))
    } else if old != new {
        Some((Effect::Behavioral, Subject::Occurrence))
    } else if tolerance_changed {
        Some((Effect::Behavioral, Subject::Tolerance))
    } else {
        None
    }
}

/// One side of an occurrence change: a field holding values of Rust type
/// `one`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Occurrence<'a> {
    pub(super) occurs: Occurs,
    /// Whether the absence of a required element is tolerated.
    pub(super) tolerated: bool,
    pub(super) one: &'a str,
}

/// The effect and description of an occurrence change: with the field's
/// Rust types when its shape changes, the bounds alone otherwise.
pub(super) fn occurrence_change(old: Occurrence<'_>, new: Occurrence<'_>) -> Option<(Effect, Subject, String)> {
    let (effect, subject) = occurrence_effect(old.occurs, new.occurs, old.tolerated != new.tolerated)?;
    let (old_bounds, new_bounds) = (occurs_text(old.occurs, old.tolerated), occurs_text(new.occurs, new.tolerated));
    let description = if effect == Effect::Breaking {
        format!(
            "{old_bounds}: {} -> {new_bounds}: {}",
            field_type(old.one, old.occurs),
            field_type(new.one, new.occurs)
        )
    } else {
        format!("{old_bounds} -> {new_bounds}")
    };
    Some((effect, subject, description))
}

/// The facets of a set of checks, by XSD name, values as written; white
/// space only when it is not `preserve` (the default of strings).
pub(super) fn facet_list(checks: Option<&Checks>) -> Vec<(String, String)> {
    let mut facets = Vec::new();
    if let Some(checks) = checks {
        collect_facets(checks, "", &mut facets);
    }
    facets
}

pub(super) fn collect_facets(checks: &Checks, prefix: &str, facets: &mut Vec<(String, String)>) {
    let mut push = |name: &str, value: Option<String>| {
        if let Some(value) = value {
            facets.push((format!("{prefix}{name}"), value));
        }
    };
    let patterns = |patterns: &[(String, String)]| {
        (!patterns.is_empty()).then(|| patterns.iter().map(|(xsd, _)| xsd.as_str()).collect::<Vec<_>>().join(" and "))
    };
    match checks {
        Checks::String(string) => {
            push(
                "whiteSpace",
                (string.white_space != WhiteSpace::Preserve).then(|| white_space(string.white_space).to_owned()),
            );
            push("length", string.length.map(|length| length.to_string()));
            push("minLength", string.min_length.map(|length| length.to_string()));
            push("maxLength", string.max_length.map(|length| length.to_string()));
            push("pattern", patterns(&string.patterns));
        }
        Checks::Number(number) | Checks::Decimal(number) => {
            push("minInclusive", number.min_inclusive.clone());
            push("maxInclusive", number.max_inclusive.clone());
            push("minExclusive", number.min_exclusive.clone());
            push("maxExclusive", number.max_exclusive.clone());
            push("totalDigits", number.total_digits.map(|digits| digits.to_string()));
            push("fractionDigits", number.fraction_digits.map(|digits| digits.to_string()));
        }
        Checks::List { length, min_length, max_length, enumeration, patterns: list_patterns, item } => {
            push("length", length.map(|length| length.to_string()));
            push("minLength", min_length.map(|length| length.to_string()));
            push("maxLength", max_length.map(|length| length.to_string()));
            let values = enumeration.iter().map(|value| format!("\"{value}\"")).collect::<Vec<_>>().join(", ");
            push("enumeration", (!enumeration.is_empty()).then_some(values));
            push("pattern", patterns(list_patterns));
            if let Some(item) = item {
                collect_facets(item, &format!("{prefix}item "), facets);
            }
        }
    }
}

/// One behavioral change per facet that differs.
pub(super) fn facets(
    schema_path: &str,
    rust: &RustPlace,
    old: Option<&Checks>,
    new: Option<&Checks>,
    out: &mut Vec<Change>,
) {
    if old == new {
        return;
    }
    let (old, new) = (facet_list(old), facet_list(new));
    let mut names: Vec<&str> = old.iter().map(|(name, _)| name.as_str()).collect();
    for (name, _) in &new {
        if !names.contains(&name.as_str()) {
            names.push(name);
        }
    }
    let value_of = |facets: &[(String, String)], name: &str| {
        facets.iter().find(|(candidate, _)| candidate == name).map(|(_, value)| value.clone())
    };
    for name in names {
        let (old_value, new_value) = (value_of(&old, name), value_of(&new, name));
        let kind = match (&old_value, &new_value) {
            (None, Some(_)) => ChangeKind::Added,
            (Some(_), None) => ChangeKind::Removed,
            (Some(old_value), Some(new_value)) if old_value != new_value => ChangeKind::Changed,
            _ => continue,
        };
        out.push(Change {
            effect: Effect::Behavioral,
            kind,
            subject: Subject::Facet,
            schema_path: schema_path.to_owned(),
            rust: rust.clone(),
            description: format!(
                "{name} {} -> {}",
                old_value.as_deref().unwrap_or("none"),
                new_value.as_deref().unwrap_or("none")
            ),
        });
    }
}
