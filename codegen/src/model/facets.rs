//! Facets seen through a simple type's derivation: the chain of restriction
//! steps down to the variety at its root, and what the steps decide together
//! (the enumeration, the white-space handling, the length and value bounds).
//! The planner's checks and the sample values both read facets through this
//! module, so that what `validate()` checks and what a sample satisfies are
//! one reading of the schema.

use std::cmp::Ordering;

use super::{Builtin, DecimalNumber, EnumValue, Facets, Schema, SimpleType, TypeKind, TypeRef, ValueKind, WhiteSpace};

/// A simple type seen through its derivation: the variety at its root and
/// the facets of every step, most derived first.
#[derive(Debug)]
pub enum Derivation<'s> {
    /// Derived from a builtin atomic type.
    Atomic {
        /// The builtin at the root.
        builtin: Builtin,
        /// The facets of each step.
        steps: Vec<&'s Facets>,
    },
    /// A list type (an `xs:list`, or `xs:NMTOKENS` and its kin).
    List {
        /// The type of the items.
        item: TypeRef,
        /// The facets of each step.
        steps: Vec<&'s Facets>,
    },
    /// A union type.
    Union {
        /// The member types.
        members: Vec<TypeRef>,
        /// The facets of each step.
        steps: Vec<&'s Facets>,
    },
}

/// The derivation of the simple type `ty`, after the facets in `extra` (steps
/// more derived still, such as `simpleContent` restrictions); `None` when
/// `ty` is a complex type.
pub fn derivation<'s>(schema: &'s Schema, ty: TypeRef, extra: &[&'s Facets]) -> Option<Derivation<'s>> {
    let mut steps = extra.to_vec();
    let mut current = ty;
    loop {
        match current {
            TypeRef::Builtin(builtin) => {
                return Some(match builtin.list_item() {
                    Some(item) => Derivation::List { item: TypeRef::Builtin(item), steps },
                    None => Derivation::Atomic { builtin, steps },
                });
            }
            TypeRef::Defined(id) => match &schema.get(id).kind {
                TypeKind::Simple(SimpleType::Atomic { base, facets, .. }) => {
                    steps.push(facets);
                    current = *base;
                }
                TypeKind::Simple(SimpleType::List { item, base, facets }) => {
                    steps.push(facets);
                    match base {
                        Some(base) => current = *base,
                        None => return Some(Derivation::List { item: *item, steps }),
                    }
                }
                TypeKind::Simple(SimpleType::Union { members, base, facets }) => {
                    steps.push(facets);
                    match base {
                        Some(base) => current = *base,
                        None => return Some(Derivation::Union { members: members.clone(), steps }),
                    }
                }
                TypeKind::Complex(_) => return None,
            },
        }
    }
}

/// The facets of each step of an atomic type's derivation, most derived
/// first, and the builtin at its root (a builtin list type such as
/// `xs:NMTOKENS` counts as the root here). `None` for lists and unions
/// defined in the schema, and for complex types.
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

/// The enumeration values of the most derived step that has some: a
/// restriction's enumeration replaces its base's.
pub fn enumeration<'s>(steps: &[&'s Facets]) -> Option<&'s [EnumValue]> {
    steps.iter().find(|facets| !facets.enumeration.is_empty()).map(|facets| facets.enumeration.as_slice())
}

/// The white-space handling of an atomic type: the most derived step's
/// `whiteSpace`, else the builtin's own.
pub fn white_space(builtin: Builtin, steps: &[&Facets]) -> WhiteSpace {
    steps.iter().find_map(|facets| facets.white_space).unwrap_or(builtin.white_space())
}

/// The length bounds of all steps together: the largest minimum and the
/// smallest maximum (`length` counts as both).
pub fn length_bounds(steps: &[&Facets]) -> (u64, Option<u64>) {
    let mut min = 0;
    let mut max: Option<u64> = None;
    for facets in steps {
        if let Some(length) = facets.length {
            min = min.max(length);
            max = Some(max.map_or(length, |max| max.min(length)));
        }
        if let Some(min_length) = facets.min_length {
            min = min.max(min_length);
        }
        if let Some(max_length) = facets.max_length {
            max = Some(max.map_or(max_length, |max| max.min(max_length)));
        }
    }
    (min, max)
}

/// One bound on the values of an atomic type: a bound facet of some step, or
/// an end of its builtin's value range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bound<'s> {
    /// A lower bound (`min*`), else an upper one.
    pub lower: bool,
    /// Whether the value itself is allowed.
    pub inclusive: bool,
    /// The bound as written.
    pub value: &'s str,
}

impl Bound<'_> {
    /// Whether `text`, a value of `builtin`, lies on the allowed side; `None`
    /// when the two cannot be compared.
    pub fn admits(&self, builtin: Builtin, text: &str) -> Option<bool> {
        let ordering = compare(builtin, text, self.value)?;
        Some(match (self.lower, self.inclusive) {
            (true, true) => ordering != Ordering::Less,
            (true, false) => ordering == Ordering::Greater,
            (false, true) => ordering != Ordering::Greater,
            (false, false) => ordering == Ordering::Less,
        })
    }
}

/// Every bound on the values of an atomic type: the bound facets of every
/// step, most derived first, then the ends of the builtin's value range
/// (`xs:byte`'s `-128` and `127`, `xs:positiveInteger`'s `1`).
pub fn bounds<'s>(builtin: Builtin, steps: &[&'s Facets]) -> Vec<Bound<'s>> {
    let mut found = Vec::new();
    for facets in steps {
        for (facet, lower, inclusive) in [
            (&facets.min_inclusive, true, true),
            (&facets.min_exclusive, true, false),
            (&facets.max_inclusive, false, true),
            (&facets.max_exclusive, false, false),
        ] {
            if let Some(facet) = facet {
                found.push(Bound { lower, inclusive, value: facet.value.as_str() });
            }
        }
    }
    let range = builtin.value_range();
    found.extend(range.min.map(|value| Bound { lower: true, inclusive: true, value }));
    found.extend(range.max.map(|value| Bound { lower: false, inclusive: true, value }));
    found
}

/// Compares two values of `builtin`: numerically for numbers (exactly for
/// decimals), lexically for dates and times written alike; `None` when they
/// cannot be compared.
pub fn compare(builtin: Builtin, left: &str, right: &str) -> Option<Ordering> {
    let (left, right) = (left.trim(), right.trim());
    match builtin.value_kind() {
        ValueKind::Decimal => Some(DecimalNumber::parse(left)?.cmp(&DecimalNumber::parse(right)?)),
        ValueKind::Float => left.parse::<f64>().ok()?.partial_cmp(&right.parse::<f64>().ok()?),
        ValueKind::Temporal if left.len() == right.len() && !left.starts_with('-') && builtin != Builtin::Duration => {
            Some(left.cmp(right))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BoundFacet;
    use crate::source::{FileId, Span};
    use crate::xsd::syntax::FacetKind;

    fn bound(facet: FacetKind, value: &str) -> Option<BoundFacet> {
        Some(BoundFacet { facet, value: value.to_owned(), span: Span { file: FileId(0), offset: 0 } })
    }

    fn enumerated(values: &[&str]) -> Facets {
        let span = Span { file: FileId(0), offset: 0 };
        let enumeration =
            values.iter().map(|value| EnumValue { value: (*value).to_owned(), doc: None, span }).collect();
        Facets { enumeration, ..Facets::default() }
    }

    #[test]
    fn the_most_derived_enumeration_and_white_space_win() {
        let base = Facets { white_space: Some(WhiteSpace::Replace), ..enumerated(&["a", "b"]) };
        let derived = enumerated(&["a"]);
        let values = enumeration(&[&derived, &base]).unwrap();
        assert_eq!(values.iter().map(|value| value.value.as_str()).collect::<Vec<_>>(), ["a"]);
        assert!(enumeration(&[&Facets::default()]).is_none());
        assert_eq!(white_space(Builtin::String, &[&derived, &base]), WhiteSpace::Replace);
        assert_eq!(white_space(Builtin::String, &[&derived]), WhiteSpace::Preserve);
        assert_eq!(white_space(Builtin::Token, &[]), WhiteSpace::Collapse);
    }

    #[test]
    fn lengths_of_all_steps_narrow_each_other() {
        let base = Facets { min_length: Some(2), max_length: Some(10), ..Facets::default() };
        let derived = Facets { max_length: Some(5), ..Facets::default() };
        assert_eq!(length_bounds(&[&derived, &base]), (2, Some(5)));
        let exact = Facets { length: Some(3), ..Facets::default() };
        assert_eq!(length_bounds(&[&exact, &base]), (3, Some(3)));
        assert_eq!(length_bounds(&[]), (0, None));
    }

    #[test]
    fn bounds_hold_every_step_and_the_value_range() {
        let facets = Facets {
            min_exclusive: bound(FacetKind::MinExclusive, "5"),
            max_inclusive: bound(FacetKind::MaxInclusive, "100"),
            ..Facets::default()
        };
        let found = bounds(Builtin::UnsignedByte, &[&facets]);
        let expected = [
            Bound { lower: true, inclusive: false, value: "5" },
            Bound { lower: false, inclusive: true, value: "100" },
            Bound { lower: true, inclusive: true, value: "0" },
            Bound { lower: false, inclusive: true, value: "255" },
        ];
        assert_eq!(found, expected);
        assert_eq!(bounds(Builtin::PositiveInteger, &[]), [Bound { lower: true, inclusive: true, value: "1" }]);
        assert_eq!(bounds(Builtin::Decimal, &[]), []);
    }

    #[test]
    fn bounds_admit_their_side() {
        let above_five = Bound { lower: true, inclusive: false, value: "5" };
        assert_eq!(above_five.admits(Builtin::Int, "6"), Some(true));
        assert_eq!(above_five.admits(Builtin::Int, "5"), Some(false));
        assert_eq!(above_five.admits(Builtin::Double, "5.5"), Some(true));
        let at_most = Bound { lower: false, inclusive: true, value: "18446744073709551615" };
        assert_eq!(at_most.admits(Builtin::UnsignedLong, "18446744073709551616"), Some(false));
        assert_eq!(at_most.admits(Builtin::Int, "x"), None);
        assert_eq!(compare(Builtin::Date, "2001-01-02", "2001-01-01"), Some(Ordering::Greater));
        assert_eq!(compare(Builtin::String, "a", "b"), None);
    }
}
