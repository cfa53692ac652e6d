//! One version's items with their matching keys: an item is matched across
//! versions by the schema place the plan gives it, a field or variant by
//! what it holds.

use std::collections::{BTreeMap, HashMap};

use super::compare::Member;
use crate::plan::{FieldKind, Item, Module, Origin, SchemaPlace};

/// One version's items, by matching key and by Rust name.
pub(super) struct Index<'a> {
    pub(super) module: &'a Module,
    /// Items by matching key: the schema path (`/element (root)` for the
    /// type a root element of a shared or simple type gets).
    pub(super) by_key: BTreeMap<String, usize>,
    /// Items by Rust name.
    pub(super) by_name: HashMap<&'a str, usize>,
}

impl<'a> Index<'a> {
    pub(super) fn new(module: &'a Module) -> Self {
        let by_name: HashMap<&str, usize> =
            module.items.iter().enumerate().map(|(at, item)| (item.name.as_str(), at)).collect();
        let mut by_key = BTreeMap::new();
        for (at, item) in module.items.iter().enumerate() {
            let key = match item.place.origin {
                Origin::RootElement => format!("{} (root)", item.place.path),
                Origin::Type | Origin::Group => item.place.path.clone(),
            };
            by_key.insert(unique(&key, |candidate| by_key.contains_key(candidate)), at);
        }
        // A group merged into an identical one is found at its own path too.
        for (path, name) in &module.merged {
            if let Some(&at) = by_name.get(name.as_str()) {
                by_key.entry(path.clone()).or_insert(at);
            }
        }
        Self { module, by_key, by_name }
    }

    pub(super) fn item(&self, name: &str) -> Option<&'a Item> {
        self.by_name.get(name).map(|&at| &self.module.items[at])
    }

    /// The schema place of the item at `at`.
    pub(super) fn place(&self, at: usize) -> &'a SchemaPlace {
        &self.module.items[at].place
    }
}

/// The fields or variants of a struct or choice with their matching keys:
/// `<element>` (`<element> (2)` for a second one of the same name), `#` and
/// the group's schema path, `*` for a wildcard.
pub(super) fn keyed<'f>(members: impl IntoIterator<Item = Member<'f>>) -> Vec<(String, Member<'f>)> {
    let mut keyed: Vec<(String, Member<'f>)> = Vec::new();
    for member in members {
        let base = match member.kind {
            FieldKind::Element(element) => format!("<{}>", element.xml_name),
            FieldKind::Group(_) => format!("#{}", member.schema_path),
            FieldKind::Wildcard(_) => "*".to_owned(),
        };
        let key = unique(&base, |candidate| keyed.iter().any(|(other, _)| other == candidate));
        keyed.push((key, member));
    }
    keyed
}

/// `base`, or `base (2)`, `base (3)`, ... the first that is not `taken`.
fn unique(base: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut key = base.to_owned();
    let mut suffix = 2;
    while taken(&key) {
        key = format!("{base} ({suffix})");
        suffix += 1;
    }
    key
}
