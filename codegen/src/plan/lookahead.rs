//! One element of lookahead: first-sets of particles, and the checks that
//! the reader can always decide with them (Unique Particle Attribution).

use super::build::{Fields, Planner};
use super::*;
use crate::error::SchemaErrorKind;
use crate::model::{Compositor, Particle, Term};

/// What the planner knows about one field while building a sequence: enough
/// to check that one element of lookahead decides (Unique Particle Attribution).
pub(super) struct FieldFacts {
    first: Vec<String>,
    wildcard: bool,
    emptiable: bool,
    repeats: bool,
    span: Span,
}

impl<'s> Planner<'s> {
    /// In a sequence, an element that can start an optional or repeated field
    /// must not also start what can follow it: the reader decides with one
    /// element of lookahead, as the schema's UPA rule promises.
    pub(super) fn check_lookahead(&mut self, facts: &[FieldFacts], ordered: bool) {
        if !ordered {
            return;
        }
        for (index, fact) in facts.iter().enumerate() {
            if !(fact.emptiable || fact.repeats) || fact.wildcard {
                continue;
            }
            for next in &facts[index + 1..] {
                if let Some(shared) = fact.first.iter().find(|name| next.first.contains(name)) {
                    let location = self.schema.sources.locate(next.span);
                    self.error(
                        fact.span,
                        SchemaErrorKind::Ambiguous(format!(
                            "element <{shared}> may start this optional or repeated part and also what follows it at {location}"
                        )),
                    );
                    break;
                }
                if !next.emptiable {
                    break;
                }
            }
        }
    }

    pub(super) fn check_disjoint(&mut self, firsts: &[(Vec<String>, bool, Span)]) {
        for (index, (first, wildcard, span)) in firsts.iter().enumerate() {
            for (other, other_wildcard, other_span) in &firsts[index + 1..] {
                let shared = first.iter().find(|name| other.contains(name));
                if let Some(shared) = shared {
                    let location = self.schema.sources.locate(*span);
                    self.error(
                        *other_span,
                        SchemaErrorKind::Ambiguous(format!(
                            "element <{shared}> starts two alternatives of a choice (the other at {location})"
                        )),
                    );
                } else if *wildcard && *other_wildcard {
                    self.error(
                        *other_span,
                        SchemaErrorKind::Ambiguous("two wildcard alternatives in one choice".to_owned()),
                    );
                }
            }
        }
    }

    /// A wildcard stops at the elements that can follow it.
    pub(super) fn set_wildcard_followers(&mut self, fields: &mut Fields) {
        for index in 0..fields.fields.len() {
            if !matches!(fields.fields[index].kind, FieldKind::Wildcard(_)) {
                continue;
            }
            let mut followers = Vec::new();
            for next in &fields.facts[index + 1..] {
                for name in &next.first {
                    if !followers.contains(name) {
                        followers.push(name.clone());
                    }
                }
                if !next.emptiable {
                    break;
                }
            }
            if let FieldKind::Wildcard(wildcard) = &mut fields.fields[index].kind {
                wildcard.followers = followers;
            }
        }
    }
}

/// The element names that can start `particle`, in schema order, and whether
/// a wildcard can.
pub(super) fn first_set(particle: &Particle) -> (Vec<String>, bool) {
    let mut names = Vec::new();
    let mut wildcard = false;
    collect_first(particle, &mut names, &mut wildcard);
    (names, wildcard)
}

fn collect_first(particle: &Particle, names: &mut Vec<String>, wildcard: &mut bool) {
    match &particle.term {
        Term::Element(element) => {
            if !names.contains(&element.name) {
                names.push(element.name.clone());
            }
        }
        Term::Any(_) => *wildcard = true,
        Term::Group(group) => match group.compositor {
            Compositor::Sequence => {
                for child in &group.particles {
                    collect_first(child, names, wildcard);
                    if !child.is_emptiable() {
                        break;
                    }
                }
            }
            Compositor::Choice | Compositor::All => {
                for child in &group.particles {
                    collect_first(child, names, wildcard);
                }
            }
        },
    }
}

pub(super) fn facts_of(particle: &Particle) -> FieldFacts {
    let (first, wildcard) = first_set(particle);
    FieldFacts {
        first,
        wildcard,
        emptiable: particle.is_emptiable(),
        repeats: particle.occurs.is_repeated(),
        span: particle.span,
    }
}

/// What can start a sequence of fields: the elements that can start each
/// field up to the first one that must be there; any element once a
/// wildcard can come first.
pub(super) fn content_start(fields: &[Field]) -> Start {
    let mut first: Vec<String> = Vec::new();
    for field in fields {
        if matches!(field.kind, FieldKind::Wildcard(_)) {
            return Start::AnyElement;
        }
        for name in field.kind.first() {
            if !first.contains(name) {
                first.push(name.clone());
            }
        }
        if !field.kind.occurs().is_optional() {
            break;
        }
    }
    Start::Elements(first)
}

/// A choice of `variants`, with the elements that can start one of them.
pub(super) fn choice(role: Role, variants: Vec<Variant>) -> Choice {
    let mut first: Vec<String> = Vec::new();
    for name in variants.iter().flat_map(|variant| variant.kind.first()) {
        if !first.contains(name) {
            first.push(name.clone());
        }
    }
    Choice { role, variants, first, large_variant: false }
}
