//! The comparison of simple-type items: enumerations (values and their
//! order), newtypes (target and facets) and unions (member types).

use super::classify::facets;
use super::compare::{At, Differ};
use super::describe::white_space;
use super::report::{Change, ChangeKind, Effect, RustKind, RustPlace, Subject};
use crate::plan::{Enumeration, Newtype, Union};

impl Differ<'_, '_> {
    pub(super) fn enumerations(&self, at: &At<'_>, old: &Enumeration, new: &Enumeration, out: &mut Vec<Change>) {
        for value in &old.values {
            match new.values.iter().find(|candidate| candidate.value == value.value) {
                Some(new_value) if new_value.variant != value.variant => out.push(Change {
                    effect: Effect::Breaking,
                    kind: ChangeKind::Changed,
                    subject: Subject::RustName,
                    schema_path: at.place.path.clone(),
                    rust: RustPlace::member(RustKind::Variant, at.new_item, &new_value.variant),
                    description: format!("\"{}\": {} -> {}", value.value, value.variant, new_value.variant),
                }),
                Some(_) => {}
                None => out.push(Change {
                    effect: Effect::Breaking,
                    kind: ChangeKind::Removed,
                    subject: Subject::EnumerationValue,
                    schema_path: at.old_place.path.clone(),
                    rust: RustPlace::member(RustKind::Variant, at.old_item, &value.variant),
                    description: format!("\"{}\"", value.value),
                }),
            }
        }
        for value in &new.values {
            if !old.values.iter().any(|candidate| candidate.value == value.value) {
                out.push(Change {
                    effect: Effect::Breaking,
                    kind: ChangeKind::Added,
                    subject: Subject::EnumerationValue,
                    schema_path: at.place.path.clone(),
                    rust: RustPlace::member(RustKind::Variant, at.new_item, &value.variant),
                    description: format!("\"{}\"", value.value),
                });
            }
        }
        if old.white_space != new.white_space {
            out.push(at.change(
                Effect::Behavioral,
                ChangeKind::Changed,
                Subject::Facet,
                format!("whiteSpace {}", white_space(old.white_space)),
                format!("whiteSpace {}", white_space(new.white_space)),
            ));
        }
        if old.integer != new.integer {
            let compared = |integer: Option<&str>| match integer {
                Some(integer) => format!("values compared as {integer} numbers"),
                None => "values compared as text".to_owned(),
            };
            out.push(at.change(
                Effect::Behavioral,
                ChangeKind::Changed,
                Subject::ValueType,
                compared(old.integer),
                compared(new.integer),
            ));
        }
    }

    pub(super) fn newtypes(&self, at: &At<'_>, old: &Newtype, new: &Newtype, out: &mut Vec<Change>) {
        if !self.same_type(&old.inner, &new.inner) {
            out.push(at.change(
                Effect::Breaking,
                ChangeKind::Changed,
                Subject::ValueType,
                old.inner.to_string(),
                new.inner.to_string(),
            ));
        }
        facets(&at.place.path, &at.rust, Some(&old.checks), Some(&new.checks), out);
    }

    pub(super) fn unions(&self, at: &At<'_>, old: &Union, new: &Union, out: &mut Vec<Change>) {
        for member in &old.members {
            match new.members.iter().find(|candidate| candidate.variant == member.variant) {
                Some(new_member) => {
                    let rust = RustPlace::member(RustKind::Variant, at.new_item, &member.variant);
                    if !self.same_type(&member.ty, &new_member.ty) {
                        out.push(Change {
                            effect: Effect::Breaking,
                            kind: ChangeKind::Changed,
                            subject: Subject::ValueType,
                            schema_path: at.place.path.clone(),
                            rust: rust.clone(),
                            description: format!("{} -> {}", &member.ty, &new_member.ty),
                        });
                    }
                    facets(&at.place.path, &rust, member.checks.as_ref(), new_member.checks.as_ref(), out);
                }
                None => out.push(Change {
                    effect: Effect::Breaking,
                    kind: ChangeKind::Removed,
                    subject: Subject::UnionMember,
                    schema_path: at.old_place.path.clone(),
                    rust: RustPlace::member(RustKind::Variant, at.old_item, &member.variant),
                    description: format!("{}({})", member.variant, &member.ty),
                }),
            }
        }
        for member in &new.members {
            if !old.members.iter().any(|candidate| candidate.variant == member.variant) {
                out.push(Change {
                    effect: Effect::Breaking,
                    kind: ChangeKind::Added,
                    subject: Subject::UnionMember,
                    schema_path: at.place.path.clone(),
                    rust: RustPlace::member(RustKind::Variant, at.new_item, &member.variant),
                    description: format!("{}({})", member.variant, &member.ty),
                });
            }
        }
        // Members are tried in order when reading.
        let common = |from: &Union, other: &Union| -> Vec<String> {
            from.members
                .iter()
                .filter(|member| other.members.iter().any(|candidate| candidate.variant == member.variant))
                .map(|member| member.variant.clone())
                .collect()
        };
        let (old_order, new_order) = (common(old, new), common(new, old));
        if old_order != new_order {
            out.push(at.change(
                Effect::Behavioral,
                ChangeKind::Changed,
                Subject::Order,
                old_order.join(", "),
                new_order.join(", "),
            ));
        }
    }
}
