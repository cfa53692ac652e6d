//! One version's items placed in the schema: the schema path of every item,
//! field and variant, and the keys that match items and members across
//! versions.
//!
//! The schema paths are worked out here again from the schema model and the
//! configuration (`type_paths`, `group_name`) until the plan carries them.

use std::collections::{BTreeMap, HashMap};

use heck::ToSnakeCase;

use super::Version;
use crate::config::Config;
use crate::model::{AnonymousRole, Owner, Schema, TypeId, TypeName};
use crate::naming;
use crate::plan::{FieldKind, Item, ItemKind, Module};
use crate::source::Span;

/// Where an item is in the schema.
#[derive(Debug, Clone)]
pub(super) struct Place {
    /// The item's own schema path (a type's, or a group's `Type#group`).
    pub(super) path: String,
    /// The path of the complex type its elements belong to (the type's own
    /// for a type; the enclosing type's for a group).
    pub(super) type_path: String,
}

/// One version's items, with their schema places and their matching keys.
pub(super) struct Index<'a> {
    pub(super) module: &'a Module,
    /// The place of each item, parallel to `module.items`.
    pub(super) places: Vec<Place>,
    /// Items by matching key: the schema path (`/element (root)` for the
    /// type a root element of a shared or simple type gets).
    pub(super) by_key: BTreeMap<String, usize>,
    /// Items by Rust name.
    pub(super) by_name: HashMap<&'a str, usize>,
}

impl<'a> Index<'a> {
    pub(super) fn new(version: Version<'a>) -> Self {
        let module = version.module;
        let type_paths = type_paths(version.schema);
        let mut type_spans: HashMap<Span, &str> = HashMap::new();
        for (def, path) in version.schema.types.iter().zip(&type_paths) {
            type_spans.entry(def.span).or_insert(path);
        }
        let element_spans: HashMap<Span, &str> =
            version.schema.elements.iter().map(|element| (element.span, element.name.as_str())).collect();
        let by_name: HashMap<&str, usize> =
            module.items.iter().enumerate().map(|(at, item)| (item.name.as_str(), at)).collect();

        // Types and root newtypes by where the schema defines them.
        let mut places: Vec<Option<(Place, String)>> = module
            .items
            .iter()
            .map(|item| {
                if let Some(path) = type_spans.get(&item.span) {
                    let place = Place { path: (*path).to_owned(), type_path: (*path).to_owned() };
                    Some((place, (*path).to_owned()))
                } else {
                    element_spans.get(&item.span).map(|name| {
                        let path = format!("/{name}");
                        (Place { path: path.clone(), type_path: path.clone() }, format!("{path} (root)"))
                    })
                }
            })
            .collect();

        // Groups by the field or variant that holds them.
        loop {
            let mut found = Vec::new();
            for (at, item) in module.items.iter().enumerate() {
                let Some((parent, _)) = &places[at] else {
                    continue;
                };
                for (member, group, is_variant) in group_members(&item.kind) {
                    let Some(&child) = by_name.get(group) else {
                        continue;
                    };
                    if places[child].is_none() && !found.iter().any(|(other, _)| *other == child) {
                        let name = group_name(version.config, &parent.path, member, is_variant);
                        let path = format!("{}#{name}", parent.path);
                        found.push((child, (Place { path: path.clone(), type_path: parent.type_path.clone() }, path)));
                    }
                }
            }
            if found.is_empty() {
                break;
            }
            for (child, place) in found {
                places[child] = Some(place);
            }
        }

        // Anything else by its Rust name; keys made unique in item order.
        let mut by_key = BTreeMap::new();
        let mut finished = Vec::with_capacity(places.len());
        for (at, (item, place)) in module.items.iter().zip(places).enumerate() {
            let (place, key) = place.unwrap_or_else(|| {
                (Place { path: item.name.clone(), type_path: item.name.clone() }, format!("{} (rust)", item.name))
            });
            let mut unique = key.clone();
            let mut suffix = 2;
            while by_key.contains_key(&unique) {
                unique = format!("{key} ({suffix})");
                suffix += 1;
            }
            by_key.insert(unique, at);
            finished.push(place);
        }
        Self { module, places: finished, by_key, by_name }
    }

    pub(super) fn item(&self, name: &str) -> Option<&'a Item> {
        self.by_name.get(name).map(|&at| &self.module.items[at])
    }

    pub(super) fn place_of(&self, name: &str) -> Option<&Place> {
        self.by_name.get(name).map(|&at| &self.places[at])
    }

    /// The fields or variants of a struct or choice with their matching
    /// keys: `<element>` (`<element> (2)` for a second one of the same
    /// name), `#` and the group's schema path, `*` for a wildcard.
    pub(super) fn keyed<'f, T>(&self, members: &'f [T], kind: impl Fn(&T) -> &FieldKind) -> Vec<(String, &'f T)> {
        let mut keyed: Vec<(String, &T)> = Vec::new();
        for member in members {
            let base = match kind(member) {
                FieldKind::Element(element) => format!("<{}>", element.xml_name),
                FieldKind::Group(group) => {
                    format!("#{}", self.place_of(&group.ty).map_or(group.ty.as_str(), |place| place.path.as_str()))
                }
                FieldKind::Wildcard(_) => "*".to_owned(),
            };
            let mut key = base.clone();
            let mut suffix = 2;
            while keyed.iter().any(|(other, _)| *other == key) {
                key = format!("{base} ({suffix})");
                suffix += 1;
            }
            keyed.push((key, member));
        }
        keyed
    }

    /// The schema path of a field or variant of an item at `place`.
    pub(super) fn member_path(&self, place: &Place, kind: &FieldKind) -> String {
        match kind {
            FieldKind::Element(element) => format!("{}/{}", place.type_path, element.xml_name),
            FieldKind::Group(group) => match self.place_of(&group.ty) {
                Some(group_place) => group_place.path.clone(),
                None => format!("{}#{}", place.path, group.ty),
            },
            FieldKind::Wildcard(_) => format!("{}/*", place.type_path),
        }
    }
}

/// The schema path of every type, by the rules of [`Config`]: a named type
/// by its name, an anonymous one by its owner's path and its role.
pub(super) fn type_paths(schema: &Schema) -> Vec<String> {
    let mut paths = vec![None; schema.types.len()];
    (0..schema.types.len()).map(|index| type_path(schema, TypeId(index), &mut paths, 0)).collect()
}

pub(super) fn type_path(schema: &Schema, id: TypeId, paths: &mut [Option<String>], depth: usize) -> String {
    if let Some(Some(path)) = paths.get(id.0) {
        return path.clone();
    }
    let Some(def) = schema.types.get(id.0) else {
        return format!("type{}", id.0);
    };
    let path = match &def.name {
        TypeName::Named(qname) => qname.local.clone(),
        TypeName::Anonymous { owner, role } => {
            let owner_path = match owner {
                // Owners are met before what they own; the depth bound only
                // guards against a model that would say otherwise.
                Owner::Type(owner) if depth < 64 => type_path(schema, *owner, paths, depth + 1),
                Owner::Type(owner) => format!("type{}", owner.0),
                Owner::Element(index) => {
                    format!("/{}", schema.elements.get(*index).map_or("", |element| element.name.as_str()))
                }
                Owner::Group(name) | Owner::AttributeGroup(name) => name.local.clone(),
            };
            match role {
                AnonymousRole::Itself => owner_path,
                AnonymousRole::Element(name) => format!("{owner_path}/{name}"),
                AnonymousRole::Attribute(name) => format!("{owner_path}/@{name}"),
                AnonymousRole::Base => format!("{owner_path}/base"),
                AnonymousRole::ListItem => format!("{owner_path}/item"),
                AnonymousRole::UnionMember(index) => format!("{owner_path}/member{index}"),
            }
        }
    };
    if let Some(slot) = paths.get_mut(id.0) {
        *slot = Some(path.clone());
    }
    path
}

/// The fields and variants of an item that hold a group item: the member's
/// Rust name, the group item, and whether the member is a variant.
pub(super) fn group_members(kind: &ItemKind) -> Vec<(&str, &str, bool)> {
    match kind {
        ItemKind::Struct(plan) => plan
            .content
            .fields()
            .iter()
            .filter_map(|field| match &field.kind {
                FieldKind::Group(group) => Some((field.name.as_str(), group.ty.as_str(), false)),
                _ => None,
            })
            .collect(),
        ItemKind::Choice(choice) => choice
            .variants
            .iter()
            .filter_map(|variant| match &variant.kind {
                FieldKind::Group(group) => Some((variant.name.as_str(), group.ty.as_str(), true)),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The schema name of a group held by `member` inside the item at
/// `parent_path`: the configuration's `field_name` option read backwards,
/// or the member's own name (`choice`, `site_id_or_site_name`).
pub(super) fn group_name(config: &Config, parent_path: &str, member: &str, is_variant: bool) -> String {
    let prefix = format!("{parent_path}#");
    for (path, rust_name) in &config.field_names {
        let Some(name) = path.strip_prefix(&prefix) else {
            continue;
        };
        let named_member = if is_variant {
            naming::type_name(rust_name) == member
        } else {
            rust_name == member || naming::field_name(rust_name) == member
        };
        if !name.contains('#') && named_member {
            return name.to_owned();
        }
    }
    if is_variant { member.to_snake_case() } else { member.trim_start_matches("r#").to_owned() }
}
