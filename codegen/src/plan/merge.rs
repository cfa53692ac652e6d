//! Anonymous groups of one module that are the same, merged into one item:
//! the optional `<site-id>` or `<site-name>` choice that five web user
//! operations hold is one `SiteIdOrSiteName`, so that code handling "a site
//! by id or name" handles one type.
//!
//! Groups are the same when everything the generated code shows of them is:
//! kind, fields or variants with their names, types, occurrences, facets and
//! documentation (only their schema paths differ). A group renamed by the
//! configuration, or given attributes, stays as it is.

use std::collections::{BTreeMap, HashMap};

use super::build::Planner;
use super::*;
use crate::naming;

impl<'s> Planner<'s> {
    /// Merges each class of identical groups into its first member, named
    /// after the field that holds it (`SiteIdOrSiteName`) when every member's
    /// field has that name and the name is free, and keeping the first
    /// member's name otherwise.
    pub(super) fn merge_identical_groups(&mut self) {
        let holders = self.group_holders();
        let mut classes: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (at, item) in self.items.iter().enumerate() {
            if item.place.origin != Origin::Group
                || self.config.renames_type(&item.place.path)
                || self.attributes.configures(&item.name)
                || self.outcomes.iter().any(|outcome| outcome.item == item.name)
            {
                continue;
            }
            if let Some(key) = structure_key(&item.kind) {
                classes.entry(key).or_default().push(at);
            }
        }
        let mut renamed: HashMap<String, String> = HashMap::new();
        let mut merged_away = Vec::new();
        let mut classes: Vec<Vec<usize>> = classes.into_values().filter(|members| members.len() > 1).collect();
        classes.sort();
        for members in classes {
            let first = members[0];
            let fields: Vec<Option<&(String, String)>> =
                members.iter().map(|&at| holders.get(&self.items[at].name)).collect();
            let owners: Vec<String> = fields.iter().flatten().map(|(owner, _)| format!("[`{owner}`]")).collect();
            let common_field = match fields.first() {
                Some(Some((_, field))) if fields.iter().all(|other| other.map(|(_, name)| name) == Some(field)) => {
                    Some(naming::type_name(field.trim_start_matches("r#")))
                }
                _ => None,
            };
            // A name already taken is left as claimed (numbered): harmless.
            let name = match common_field.map(|wanted| (self.scope.claim(&wanted), wanted)) {
                Some((claimed, wanted)) if claimed == wanted => claimed,
                _ => self.items[first].name.clone(),
            };
            if let Some(Some((owner, _))) = fields.first() {
                let inside = format!(", inside [`{owner}`].");
                let all = format!(", inside {}.", join_owners(&owners));
                for line in &mut self.items[first].doc {
                    if line.ends_with(&inside) {
                        *line = line.replace(&inside, &all);
                    }
                }
            }
            for &at in &members {
                renamed.insert(self.items[at].name.clone(), name.clone());
            }
            for &at in &members[1..] {
                self.merged.insert(self.items[at].place.path.clone(), name.clone());
            }
            self.items[first].name = name;
            merged_away.extend(members[1..].iter().copied());
        }
        if renamed.is_empty() {
            return;
        }
        merged_away.sort_unstable();
        for at in merged_away.into_iter().rev() {
            self.items.remove(at);
        }
        for item in &mut self.items {
            for kind in fields_mut(&mut item.kind) {
                if let FieldKind::Group(group) = kind
                    && let Some(name) = renamed.get(&group.ty)
                {
                    group.ty = name.clone();
                }
            }
        }
    }

    /// The item and field holding each group item, by the group's name (a
    /// group is held by one field).
    fn group_holders(&self) -> HashMap<String, (String, String)> {
        let mut holders = HashMap::new();
        for item in &self.items {
            let fields: Vec<(&str, &FieldKind)> = match &item.kind {
                ItemKind::Struct(plan) => {
                    plan.content.fields().iter().map(|field| (field.name.as_str(), &field.kind)).collect()
                }
                ItemKind::Choice(choice) => {
                    choice.variants.iter().map(|variant| (variant.name.as_str(), &variant.kind)).collect()
                }
                _ => Vec::new(),
            };
            for (field, kind) in fields {
                if let FieldKind::Group(group) = kind {
                    holders.insert(group.ty.clone(), (item.name.clone(), field.to_owned()));
                }
            }
        }
        holders
    }
}

/// `[`A`]`, `[`A`] and [`B`]`, `[`A`], [`B`] and [`C`]`.
fn join_owners(owners: &[String]) -> String {
    match owners {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// What the generated code shows of a group, schema paths aside; `None`
/// for items that are not merged (attributes, open attributes).
fn structure_key(kind: &ItemKind) -> Option<String> {
    match kind {
        ItemKind::Struct(plan) if plan.attributes.is_empty() && plan.other_attributes.is_none() => {
            let fields: Vec<String> = plan
                .content
                .fields()
                .iter()
                .map(|field| {
                    let redacted = (field.redacted, &field.redacted_by_name);
                    format!("{}|{:?}|{:?}|{redacted:?}", field.name, field.doc, field.kind)
                })
                .collect();
            let content = match &plan.content {
                StructContent::All(_) => "all",
                _ => "sequence",
            };
            Some(format!("struct {:?} {content} {fields:?} {:?} {:?}", plan.role, plan.required_together, plan.start))
        }
        ItemKind::Choice(choice) => {
            let variants: Vec<String> = choice
                .variants
                .iter()
                .map(|variant| format!("{}|{:?}|{:?}|{}", variant.name, variant.doc, variant.kind, variant.redacted))
                .collect();
            Some(format!("choice {:?} {variants:?} {:?} {}", choice.role, choice.first, choice.large_variant))
        }
        _ => None,
    }
}

/// The fields and variants of an item, to rewrite the groups they name.
fn fields_mut(kind: &mut ItemKind) -> Vec<&mut FieldKind> {
    match kind {
        ItemKind::Struct(plan) => match &mut plan.content {
            StructContent::Sequence(fields) | StructContent::All(fields) => {
                fields.iter_mut().map(|field| &mut field.kind).collect()
            }
            StructContent::Empty | StructContent::Simple(_) => Vec::new(),
        },
        ItemKind::Choice(choice) => choice.variants.iter_mut().map(|variant| &mut variant.kind).collect(),
        _ => Vec::new(),
    }
}
