//! Simple types: the Rust type of a value, and the item of a named simple
//! type (alias, newtype, enumeration, union).

use super::build::Planner;
use super::checks::{self};
use super::docs::doc_lines;
use super::*;
use crate::error::SchemaErrorKind;
use crate::model::{self, SimpleType, TypeId, TypeKind, TypeRef};
use crate::naming::{self, Scope};
use crate::pattern;

impl<'s> Planner<'s> {
    /// The Rust type for values of `ty`, and the facets to check when `ty` is
    /// an inline (anonymous) restriction.
    pub(super) fn value_type(&mut self, ty: TypeRef) -> (RustType, Option<Checks>) {
        match ty {
            TypeRef::Builtin(builtin) => {
                let checks = checks::atomic_checks(builtin, &[]).unwrap_or(None);
                (checks::builtin_type(builtin), checks)
            }
            TypeRef::Defined(id) => {
                if let Some(name) = &self.names[id.0] {
                    return (RustType::Item(name.clone()), None);
                }
                match &self.schema.get(id).kind {
                    TypeKind::Simple(SimpleType::List { item, .. }) => {
                        let (item_type, item_checks) = self.value_type(*item);
                        let list = self.list_checks(id, item_checks);
                        (RustType::List(Box::new(item_type)), list)
                    }
                    _ => match checks::atomic_chain(self.schema, ty) {
                        Some((builtin, steps)) => {
                            let checks = match checks::atomic_checks(builtin, &steps) {
                                Ok(checks) => checks,
                                Err(error) => {
                                    self.check_error(error);
                                    None
                                }
                            };
                            (checks::builtin_type(builtin), checks)
                        }
                        None => (RustType::String, None),
                    },
                }
            }
        }
    }

    /// The length facets of a list type's derivation steps, most derived first.
    pub(super) fn list_checks(&mut self, id: TypeId, item: Option<Checks>) -> Option<Checks> {
        let (mut length, mut min_length, mut max_length) = (None, None, None);
        let mut enumeration: Option<Vec<String>> = None;
        let mut patterns = Vec::new();
        let mut current = Some(TypeRef::Defined(id));
        while let Some(TypeRef::Defined(step)) = current {
            let TypeKind::Simple(SimpleType::List { base, facets, .. }) = &self.schema.get(step).kind else {
                break;
            };
            length = length.or(facets.length);
            min_length = min_length.or(facets.min_length);
            max_length = max_length.or(facets.max_length);
            if enumeration.is_none() && !facets.enumeration.is_empty() {
                let collapse = |value: &str| value.split_whitespace().collect::<Vec<_>>().join(" ");
                enumeration = Some(facets.enumeration.iter().map(|value| collapse(&value.value)).collect());
            }
            if !facets.patterns.is_empty() {
                let sources: Vec<&str> = facets.patterns.iter().map(|pattern| pattern.pattern.as_str()).collect();
                match pattern::translate_alternatives(&sources) {
                    Ok(translated) => patterns.push((sources.join("|"), translated)),
                    Err((index, reason)) => {
                        let facet = facets.patterns[index].clone();
                        self.error(facet.span, SchemaErrorKind::InvalidPattern { pattern: facet.pattern, reason });
                    }
                }
            }
            current = *base;
        }
        let enumeration = enumeration.unwrap_or_default();
        let nothing = length.is_none() && min_length.is_none() && max_length.is_none();
        if nothing && enumeration.is_empty() && patterns.is_empty() && item.is_none() {
            return None;
        }
        Some(Checks::List { length, min_length, max_length, enumeration, patterns, item: item.map(Box::new) })
    }

    /// The variant names of an enumeration's values: derived from each value
    /// (`Value0`, `Enabled`), or configured ([`Config::enum_value_name`]).
    /// A configured name that another value has, or that is no identifier,
    /// is rejected, and that value keeps its derived name.
    ///
    /// [`Config::enum_value_name`]: crate::Config::enum_value_name
    fn value_variants(&mut self, id: TypeId, values: &[model::EnumValue]) -> Vec<String> {
        let path = self.paths[id.0].clone();
        let derived: Vec<String> = values.iter().map(|value| naming::value_variant(&value.value)).collect();
        let mut configured: Vec<Option<&str>> =
            values.iter().map(|value| self.config.enum_value_name(&path, &value.value)).collect();
        for (at, value) in values.iter().enumerate() {
            let Some(name) = configured[at] else {
                continue;
            };
            let clash = values.iter().enumerate().find(|&(other, _)| {
                other != at
                    && (configured[other] == Some(name) || (configured[other].is_none() && derived[other] == name))
            });
            let problem = if syn::parse_str::<syn::Ident>(name).is_err() {
                Some(format!("enum_value_name \"{path}\" value \"{}\": `{name}` is not a Rust identifier", value.value))
            } else {
                clash.map(|(_, other)| {
                    format!(
                        "enum_value_name \"{path}\" value \"{}\": `{name}` is already the variant of the value \"{}\"",
                        value.value, other.value
                    )
                })
            };
            if let Some(problem) = problem {
                self.config.reject(problem);
                configured[at] = None;
            }
        }
        // Configured names first, so that a derived name that happens to be
        // numbered (`A2`) never takes one.
        let mut scope = Scope::default();
        for name in configured.iter().flatten() {
            scope.claim(name);
        }
        configured
            .iter()
            .zip(&derived)
            .map(|(configured, derived)| match configured {
                Some(name) => (*name).to_owned(),
                None => scope.claim(derived),
            })
            .collect()
    }

    pub(super) fn plan_simple(&mut self, id: TypeId, simple: &SimpleType) -> Option<ItemKind> {
        let ty = TypeRef::Defined(id);
        match simple {
            SimpleType::Atomic { base, facets, .. } => {
                let (builtin, steps) = checks::atomic_chain(self.schema, ty)?;
                if let Some(values) = checks::enumeration(&steps) {
                    if let Err(error) = checks::atomic_checks(builtin, &steps) {
                        self.check_error(error);
                    }
                    let integer = match checks::builtin_type(builtin) {
                        RustType::Integer(integer) => Some(integer),
                        _ => None,
                    };
                    let names = self.value_variants(id, values);
                    let mut planned = Vec::new();
                    for (value, variant) in values.iter().zip(names) {
                        let number = match integer {
                            Some(integer) => match integer_literal(&value.value, integer) {
                                Some(number) => Some(number),
                                None => {
                                    let reason = format!("not a value of xs:{}", builtin.name());
                                    let (facet, text) = ("enumeration".to_owned(), value.value.clone());
                                    let kind = SchemaErrorKind::InvalidFacet { facet, value: text, reason };
                                    self.error(value.span, kind);
                                    continue;
                                }
                            },
                            None => None,
                        };
                        planned.push(EnumerationValue {
                            variant,
                            value: value.value.clone(),
                            number,
                            doc: doc_lines(value.doc.as_deref()),
                        });
                    }
                    let values = planned;
                    return Some(ItemKind::Enumeration(Enumeration {
                        values,
                        white_space: checks::white_space(builtin, &steps),
                        integer,
                    }));
                }
                if facets.is_empty()
                    && let TypeRef::Defined(base_id) = base
                    && let Some(base_name) = &self.names[base_id.0]
                {
                    return Some(ItemKind::Alias(RustType::Item(base_name.clone())));
                }
                match checks::atomic_checks(builtin, &steps) {
                    Ok(Some(checks)) => {
                        Some(ItemKind::Newtype(Newtype { inner: checks::builtin_type(builtin), checks }))
                    }
                    Ok(None) => Some(ItemKind::Alias(checks::builtin_type(builtin))),
                    Err(error) => {
                        self.check_error(error);
                        None
                    }
                }
            }
            SimpleType::List { item, .. } => {
                let (item_type, item_checks) = self.value_type(*item);
                let list = RustType::List(Box::new(item_type));
                Some(match self.list_checks(id, item_checks) {
                    Some(checks) => ItemKind::Newtype(Newtype { inner: list, checks }),
                    None => ItemKind::Alias(list),
                })
            }
            SimpleType::Union { members, facets, .. } => {
                if !facets.is_empty() {
                    let span = self.schema.get(id).span;
                    self.error(span, SchemaErrorKind::Unsupported("facets on a union type".to_owned()));
                }
                let mut variants = Scope::default();
                let mut planned = Vec::new();
                for member in members {
                    let (ty, checks) = self.value_type(*member);
                    let wanted = match (member, &ty) {
                        (_, RustType::Item(name)) => name.clone(),
                        (TypeRef::Builtin(builtin), _) => naming::type_name(builtin.name()),
                        _ => "Member".to_owned(),
                    };
                    planned.push(UnionMember { variant: variants.claim(&wanted), ty, checks });
                }
                Some(ItemKind::Union(Union { members: planned }))
            }
        }
    }
}

/// The number an enumeration value of an integer type stands for, when it
/// is one that the Rust integer type `rust` holds (`+7` and ` 07 ` are 7).
fn integer_literal(value: &str, rust: &str) -> Option<i128> {
    let number: i128 = value.trim().parse().ok()?;
    let (min, max) = match rust {
        "i8" => (i8::MIN.into(), i8::MAX.into()),
        "i16" => (i16::MIN.into(), i16::MAX.into()),
        "i32" => (i32::MIN.into(), i32::MAX.into()),
        "i64" => (i64::MIN.into(), i64::MAX.into()),
        "u8" => (0, u8::MAX.into()),
        "u16" => (0, u16::MAX.into()),
        "u32" => (0, u32::MAX.into()),
        "u64" => (0, u64::MAX.into()),
        _ => (i128::MIN, i128::MAX),
    };
    (min..=max).contains(&number).then_some(number)
}

#[cfg(test)]
mod tests {
    use super::integer_literal;

    #[test]
    fn integer_literals_must_fit_their_type() {
        assert_eq!(integer_literal(" +07 ", "u8"), Some(7));
        assert_eq!(integer_literal("-128", "i8"), Some(-128));
        assert_eq!(integer_literal("300", "i8"), None);
        assert_eq!(integer_literal("-1", "u64"), None);
        assert_eq!(integer_literal("abc", "i32"), None);
        assert_eq!(integer_literal("1.0", "i32"), None);
    }
}
