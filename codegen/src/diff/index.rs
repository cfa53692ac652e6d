//! One version's items with their matching keys: an item is matched across
//! versions by the schema place the plan gives it, a field or variant by
//! what it holds.
//!
//! A schema set may define one type name several times (Plesk's schemas
//! define some once per envelope file); all those definitions share the
//! key, and [`pairs`] says which definitions of a key the two versions
//! compare.

use std::collections::{BTreeMap, HashMap};

use super::compare::Member;
use crate::plan::{FieldKind, Item, Module, Origin, SchemaPlace};

/// One version's items, by matching key and by Rust name.
pub(super) struct Index<'a> {
    pub(super) module: &'a Module,
    /// Items by matching key: the schema path (`/element (root)` for the
    /// type a root element of a shared or simple type gets), each
    /// definition of the path in the plan's order.
    pub(super) by_key: BTreeMap<String, Vec<usize>>,
    /// Items by Rust name.
    pub(super) by_name: HashMap<&'a str, usize>,
}

impl<'a> Index<'a> {
    pub(super) fn new(module: &'a Module) -> Self {
        let by_name: HashMap<&str, usize> =
            module.items.iter().enumerate().map(|(at, item)| (item.name.as_str(), at)).collect();
        let mut by_key: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (at, item) in module.items.iter().enumerate() {
            let key = match item.place.origin {
                Origin::RootElement => format!("{} (root)", item.place.path),
                Origin::Type | Origin::Group => item.place.path.clone(),
            };
            by_key.entry(key).or_default().push(at);
        }
        // A group merged into an identical one is found at its own path too.
        for (path, name) in &module.merged {
            if let Some(&at) = by_name.get(name.as_str()) {
                by_key.entry(path.clone()).or_insert_with(|| vec![at]);
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

/// Which definitions of one key the two versions compare, as pairs of
/// positions in `old` and `new` (the definitions of the key in each).
///
/// As many definitions on both sides: the first with the first, the second
/// with the second, and so on. Fewer on one side (a type defined once per
/// file in one version, once for all in the other): every definition of the
/// side with more is compared with the definition at its position on the
/// other side, or with the other side's last one past its end; so a type
/// defined once is compared with each of the definitions it was merged from
/// or split into, every change between it and any of them is reported, and
/// no definition is reported as removed or added.
pub(super) fn pairs(old: usize, new: usize) -> Vec<(usize, usize)> {
    if old == 0 || new == 0 {
        return Vec::new();
    }
    (0..old.max(new)).map(|at| (at.min(old - 1), at.min(new - 1))).collect()
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
