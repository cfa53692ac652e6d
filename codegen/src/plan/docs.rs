//! Documentation text of the generated items: the schema's own, the lines
//! that say where each item comes from, and what a field allows (its
//! facets, read from the model as `validate()`'s checks are, and how often
//! it occurs).

use super::build::Planner;
use super::*;
use crate::model::facets::{self as model_facets, Derivation};
use crate::model::{self, AnonymousRole, Builtin, Compositor, Facets, Owner, Term, TypeId, TypeName, TypeRef};

impl<'s> Planner<'s> {
    pub(super) fn file_of(&self, span: Span) -> String {
        self.schema.sources.display_name(span.file)
    }

    /// The line of documentation saying where a type comes from.
    pub(super) fn origin_line(&self, id: TypeId) -> String {
        let def = self.schema.get(id);
        let file = self.file_of(def.span);
        match &def.name {
            TypeName::Named(qname) => format!("Schema type `{}` (`{file}`).", qname.local),
            TypeName::Anonymous { owner: Owner::Element(index), role: AnonymousRole::Itself } => {
                format!("Type of the global element `<{}>` (`{file}`).", self.schema.elements[*index].name)
            }
            TypeName::Anonymous { .. } => format!("Anonymous type at `{}` (`{file}`).", self.paths[id.0]),
        }
    }

    /// What a value of `ty` (planned as `rust`) must be, as a clause:
    /// `1 to 60 characters; pattern `[A-Za-z]\S*``; `None` when its type
    /// restricts nothing.
    pub(super) fn facets_clause(&self, ty: TypeRef, rust: &RustType) -> Option<String> {
        let mut parts = Vec::new();
        match model_facets::derivation(self.schema, ty, &[])? {
            Derivation::Atomic { builtin, steps } => {
                if model_facets::enumeration(&steps).is_some() {
                    if let RustType::Item(name) = rust {
                        parts.push(format!("one of the values of [`{name}`]"));
                    }
                } else {
                    let unit = match builtin {
                        Builtin::HexBinary | Builtin::Base64Binary => "bytes",
                        _ => "characters",
                    };
                    parts.extend(lengths(&steps, unit));
                    parts.extend(patterns(&steps));
                    parts.extend(value_bounds(&steps));
                    parts.extend(digits(&steps));
                }
            }
            Derivation::List { steps, .. } => {
                if model_facets::enumeration(&steps).is_some() {
                    if let RustType::Item(name) = rust {
                        parts.push(format!("one of the lists of [`{name}`]"));
                    }
                } else {
                    parts.extend(lengths(&steps, "items"));
                    parts.extend(patterns(&steps));
                }
            }
            Derivation::Union { .. } => {}
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

/// How often an element occurs, in words (`optional`, `1 to 5 times`); `None`
/// for exactly once, which the field's type already says.
pub(super) fn occurrence_word(occurs: model::Occurs) -> Option<String> {
    Some(match (occurs.min, occurs.max) {
        (1, Some(1)) => return None,
        (0, Some(1)) => "optional".to_owned(),
        (0, None) => "any number of times".to_owned(),
        (min, None) => format!("{min} or more times"),
        (0, Some(max)) => format!("up to {max} times"),
        (min, Some(max)) if min == max => format!("exactly {min} times"),
        (min, Some(max)) => format!("{min} to {max} times"),
    })
}

/// `what`, then how often and the facets: "Element `<login>`, optional: 1
/// to 60 characters; pattern `[A-Za-z]\S*`." (each part left out when
/// there is nothing to say).
pub(super) fn described(what: String, occurrence: Option<String>, facets: Option<String>) -> String {
    let mut line = what;
    if let Some(occurrence) = occurrence {
        line.push_str(", ");
        line.push_str(&occurrence);
    }
    if let Some(facets) = facets {
        line.push_str(": ");
        line.push_str(&facets);
    }
    line.push('.');
    line
}

/// The length bounds of all steps together, in `unit`.
fn lengths(steps: &[&Facets], unit: &str) -> Option<String> {
    if !steps.iter().any(|facets| facets.length.is_some() || facets.min_length.is_some() || facets.max_length.is_some())
    {
        return None;
    }
    Some(match model_facets::length_bounds(steps) {
        (min, Some(max)) if min == max => format!("exactly {min} {unit}"),
        (0, Some(max)) => format!("at most {max} {unit}"),
        (min, Some(max)) => format!("{min} to {max} {unit}"),
        (min, None) => format!("at least {min} {unit}"),
    })
}

/// One clause per derivation step with patterns (a value matches each
/// step's, any one of a step's own).
fn patterns(steps: &[&Facets]) -> Vec<String> {
    steps
        .iter()
        .filter(|facets| !facets.patterns.is_empty())
        .map(|facets| {
            let each: Vec<String> = facets.patterns.iter().map(|pattern| code(&pattern.pattern)).collect();
            format!("pattern {}", each.join(" or "))
        })
        .collect()
}

/// The value bounds: the most derived step's on each side (a restriction's
/// bounds lie within its base's, which the plan checks).
fn value_bounds(steps: &[&Facets]) -> Option<String> {
    let lower = steps.iter().find_map(|facets| match (&facets.min_inclusive, &facets.min_exclusive) {
        (Some(bound), _) => Some((true, bound.value.as_str())),
        (None, Some(bound)) => Some((false, bound.value.as_str())),
        (None, None) => None,
    });
    let upper = steps.iter().find_map(|facets| match (&facets.max_inclusive, &facets.max_exclusive) {
        (Some(bound), _) => Some((true, bound.value.as_str())),
        (None, Some(bound)) => Some((false, bound.value.as_str())),
        (None, None) => None,
    });
    Some(match (lower, upper) {
        (Some((true, low)), Some((true, high))) => format!("value {low} to {high}"),
        (Some(lower), Some(upper)) => format!("value {}, {}", lower_bound(lower), upper_bound(upper)),
        (Some(lower), None) => format!("value {}", lower_bound(lower)),
        (None, Some(upper)) => format!("value {}", upper_bound(upper)),
        (None, None) => return None,
    })
}

fn lower_bound((inclusive, value): (bool, &str)) -> String {
    if inclusive { format!("at least {value}") } else { format!("above {value}") }
}

fn upper_bound((inclusive, value): (bool, &str)) -> String {
    if inclusive { format!("at most {value}") } else { format!("below {value}") }
}

/// The digit counts, the most derived step's.
fn digits(steps: &[&Facets]) -> Vec<String> {
    let total = steps.iter().find_map(|facets| facets.total_digits);
    let fraction = steps.iter().find_map(|facets| facets.fraction_digits);
    let mut parts = Vec::new();
    parts.extend(total.map(|total| format!("at most {total} digits")));
    parts.extend(fraction.map(|fraction| match fraction {
        0 => "no digits after the decimal point".to_owned(),
        _ => format!("at most {fraction} digits after the decimal point"),
    }));
    parts
}

/// `text` as a code span, fenced with more backticks than it holds.
fn code(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

pub(super) fn group_doc(group: &model::Group, owner: &str) -> Vec<String> {
    let mut names = Vec::new();
    collect_group_elements(group, &mut names);
    let listed = names.iter().map(|name| format!("`<{name}>`")).collect::<Vec<_>>().join(", ");
    let mut doc = doc_lines(group.doc.as_deref());
    paragraph(
        &mut doc,
        [match group.compositor {
            Compositor::Choice => format!("One of {listed}, inside [`{owner}`]."),
            _ => format!("The elements {listed}, together, inside [`{owner}`]."),
        }],
    );
    doc
}

fn collect_group_elements(group: &model::Group, names: &mut Vec<String>) {
    for particle in &group.particles {
        match &particle.term {
            Term::Element(element) => {
                if !names.contains(&element.name) {
                    names.push(element.name.clone());
                }
            }
            Term::Any(_) => names.push("*".to_owned()),
            Term::Group(inner) => collect_group_elements(inner, names),
        }
    }
}

/// Adds `lines` to `doc` as a paragraph of its own: after a blank line,
/// unless `doc` is empty. Nothing is added when `lines` is empty.
pub(super) fn paragraph(doc: &mut Vec<String>, lines: impl IntoIterator<Item = String>) {
    let mut lines = lines.into_iter().peekable();
    if lines.peek().is_some() && !doc.is_empty() {
        doc.push(String::new());
    }
    doc.extend(lines);
}

/// Documentation text as doc-comment lines, with characters rustdoc would
/// read as markup escaped.
pub(super) fn doc_lines(doc: Option<&str>) -> Vec<String> {
    let Some(doc) = doc else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    for (index, paragraph) in doc.split("\n\n").enumerate() {
        if index > 0 {
            lines.push(String::new());
        }
        let mut escaped = String::with_capacity(paragraph.len());
        for c in paragraph.chars() {
            if matches!(c, '[' | ']' | '<' | '>' | '*' | '`' | '#' | '\\') {
                escaped.push('\\');
            }
            escaped.push(c);
        }
        lines.push(escaped);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::{code, described, occurrence_word};
    use crate::model::Occurs;

    #[test]
    fn occurrences_read_as_words_and_once_goes_unsaid() {
        let words = |min, max| occurrence_word(Occurs { min, max });
        assert_eq!(words(1, Some(1)), None);
        assert_eq!(words(0, Some(1)).as_deref(), Some("optional"));
        assert_eq!(words(0, None).as_deref(), Some("any number of times"));
        assert_eq!(words(1, None).as_deref(), Some("1 or more times"));
        assert_eq!(words(0, Some(3)).as_deref(), Some("up to 3 times"));
        assert_eq!(words(2, Some(2)).as_deref(), Some("exactly 2 times"));
        assert_eq!(words(1, Some(5)).as_deref(), Some("1 to 5 times"));
    }

    #[test]
    fn a_field_line_leaves_out_what_it_has_nothing_to_say_about() {
        let what = || "Element `<login>`".to_owned();
        assert_eq!(described(what(), None, None), "Element `<login>`.");
        assert_eq!(described(what(), Some("optional".into()), None), "Element `<login>`, optional.");
        assert_eq!(
            described(what(), Some("optional".into()), Some("1 to 60 characters".into())),
            "Element `<login>`, optional: 1 to 60 characters."
        );
    }

    #[test]
    fn a_code_span_is_fenced_with_more_backticks_than_it_holds() {
        assert_eq!(code("[a-z]+"), "`[a-z]+`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x"), "`` `x ``");
    }
}
