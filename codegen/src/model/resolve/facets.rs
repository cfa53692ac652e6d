//! Facets: which apply to which types, and their values checked.

use super::*;
use crate::xsd::syntax::FacetKind;

impl<'s> Resolver<'s> {
    /// The facets of one restriction step of `base`, checked for
    /// applicability and well-formed values.
    pub(super) fn facets(&mut self, facets: &[syntax::Facet], base: TypeRef) -> Facets {
        let kind = self.value_kind(base);
        let base_name = match base {
            TypeRef::Builtin(builtin) => format!("xs:{}", builtin.name()),
            TypeRef::Defined(id) => match self.slots.get(id.0) {
                Some(Slot::Done(def)) => self.describe(&def.name),
                _ => "its base type".to_owned(),
            },
        };
        let mut resolved = Facets::default();
        for facet in facets {
            if !facet_applies(facet.kind, kind) {
                self.error(
                    facet.span,
                    SchemaErrorKind::InvalidFacet {
                        facet: facet.kind.local_name().to_owned(),
                        value: facet.value.clone(),
                        reason: format!("does not apply to {base_name} ({})", describe_kind(kind)),
                    },
                );
                continue;
            }
            let bound = || BoundFacet { facet: facet.kind, value: facet.value.trim().to_owned(), span: facet.span };
            let duplicate = match facet.kind {
                FacetKind::Enumeration => {
                    resolved.enumeration.push(EnumValue {
                        value: facet.value.clone(),
                        doc: facet.doc.clone(),
                        span: facet.span,
                    });
                    false
                }
                FacetKind::Pattern => {
                    resolved.patterns.push(PatternFacet { pattern: facet.value.clone(), span: facet.span });
                    false
                }
                FacetKind::Length => self.count_facet(&mut resolved.length, facet),
                FacetKind::MinLength => self.count_facet(&mut resolved.min_length, facet),
                FacetKind::MaxLength => self.count_facet(&mut resolved.max_length, facet),
                FacetKind::TotalDigits => self.count_facet(&mut resolved.total_digits, facet),
                FacetKind::FractionDigits => self.count_facet(&mut resolved.fraction_digits, facet),
                FacetKind::MinInclusive => resolved.min_inclusive.replace(bound()).is_some(),
                FacetKind::MaxInclusive => resolved.max_inclusive.replace(bound()).is_some(),
                FacetKind::MinExclusive => resolved.min_exclusive.replace(bound()).is_some(),
                FacetKind::MaxExclusive => resolved.max_exclusive.replace(bound()).is_some(),
                FacetKind::WhiteSpace => {
                    let value = match facet.value.trim() {
                        "preserve" => WhiteSpace::Preserve,
                        "replace" => WhiteSpace::Replace,
                        "collapse" => WhiteSpace::Collapse,
                        other => {
                            self.error(
                                facet.span,
                                SchemaErrorKind::InvalidFacet {
                                    facet: "whiteSpace".to_owned(),
                                    value: other.to_owned(),
                                    reason: "expected preserve, replace or collapse".to_owned(),
                                },
                            );
                            continue;
                        }
                    };
                    resolved.white_space.replace(value).is_some()
                }
            };
            if duplicate {
                self.error(
                    facet.span,
                    SchemaErrorKind::InvalidFacet {
                        facet: facet.kind.local_name().to_owned(),
                        value: facet.value.clone(),
                        reason: "given twice in one restriction".to_owned(),
                    },
                );
            }
        }
        if let (Some(min), Some(max)) = (resolved.min_length, resolved.max_length)
            && min > max
        {
            let span = facets.iter().find(|facet| facet.kind == FacetKind::MaxLength).map(|facet| facet.span);
            if let Some(span) = span {
                self.error(
                    span,
                    SchemaErrorKind::InvalidFacet {
                        facet: "maxLength".to_owned(),
                        value: max.to_string(),
                        reason: format!("below minLength {min}"),
                    },
                );
            }
        }
        resolved
    }

    /// Sets a facet holding a count; returns whether it was already set.
    fn count_facet(&mut self, slot: &mut Option<u64>, facet: &syntax::Facet) -> bool {
        match facet.value.trim().parse::<u64>() {
            Ok(value) => slot.replace(value).is_some(),
            Err(_) => {
                self.error(
                    facet.span,
                    SchemaErrorKind::InvalidFacet {
                        facet: facet.kind.local_name().to_owned(),
                        value: facet.value.clone(),
                        reason: "expected a non-negative integer".to_owned(),
                    },
                );
                false
            }
        }
    }

    /// The kind of value of a resolved simple type (lists count as text for
    /// facet purposes: lengths and patterns apply).
    fn value_kind(&self, ty: TypeRef) -> FacetTarget {
        match ty {
            TypeRef::Builtin(builtin) if builtin.list_item().is_some() => FacetTarget::List,
            TypeRef::Builtin(builtin) => FacetTarget::Atomic(builtin.value_kind()),
            TypeRef::Defined(_) => match self.simple_of(ty) {
                Some(SimpleType::Atomic { builtin, .. }) => FacetTarget::Atomic(builtin.value_kind()),
                Some(SimpleType::List { .. }) => FacetTarget::List,
                Some(SimpleType::Union { .. }) => FacetTarget::Union,
                None => FacetTarget::Atomic(ValueKind::Any),
            },
        }
    }
}

/// What a facet restricts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FacetTarget {
    Atomic(ValueKind),
    List,
    Union,
}

fn describe_kind(target: FacetTarget) -> &'static str {
    match target {
        FacetTarget::Atomic(ValueKind::Text | ValueKind::Any) => "string types",
        FacetTarget::Atomic(ValueKind::Boolean) => "xs:boolean",
        FacetTarget::Atomic(ValueKind::Decimal) => "decimal types",
        FacetTarget::Atomic(ValueKind::Float) => "xs:float and xs:double",
        FacetTarget::Atomic(ValueKind::Temporal) => "date and time types",
        FacetTarget::List => "list types",
        FacetTarget::Union => "union types",
    }
}

fn facet_applies(facet: FacetKind, target: FacetTarget) -> bool {
    use FacetKind::*;
    match facet {
        Pattern | Enumeration => true,
        WhiteSpace => !matches!(target, FacetTarget::Union),
        Length | MinLength | MaxLength => {
            matches!(target, FacetTarget::List | FacetTarget::Atomic(ValueKind::Text | ValueKind::Any))
        }
        MinInclusive | MaxInclusive | MinExclusive | MaxExclusive => {
            matches!(target, FacetTarget::Atomic(ValueKind::Decimal | ValueKind::Float | ValueKind::Temporal))
        }
        TotalDigits | FractionDigits => matches!(target, FacetTarget::Atomic(ValueKind::Decimal)),
    }
}
