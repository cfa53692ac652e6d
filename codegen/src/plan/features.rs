//! Operator features ([`Config::operator_features`](crate::Config::operator_features)):
//! which alternatives of the configured choices get a cargo feature, and
//! under which features each item is compiled.
//!
//! An item is compiled always when something other than a gated alternative
//! reaches it (a root, through its references, never through a gated
//! alternative); otherwise it is compiled when any of the features whose
//! alternatives reach it is on. An item nothing reaches is compiled under
//! the features every gated item it refers to shares (always, when it
//! refers to none). What an item
//! refers to is then compiled whenever the item is.

use std::collections::{BTreeMap, BTreeSet};

use super::build::Planner;
use super::*;

/// Under which cargo features each item is compiled: items not listed are
/// compiled always.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gates {
    by_item: BTreeMap<String, BTreeSet<String>>,
}

impl Gates {
    /// The features under one of which the item `name` is compiled; `None`
    /// when it is compiled always.
    pub fn of(&self, name: &str) -> Option<&BTreeSet<String>> {
        self.by_item.get(name)
    }

    /// Whether no item is gated.
    pub fn is_empty(&self) -> bool {
        self.by_item.is_empty()
    }

    /// The features under one of which code needed by every one of `names`
    /// (an import they all use) is compiled: `None` when one of them is
    /// compiled always, or when `names` is empty.
    pub fn any_of<'n>(&self, names: impl IntoIterator<Item = &'n str>) -> Option<BTreeSet<String>> {
        let mut union = BTreeSet::new();
        let mut any = false;
        for name in names {
            union.extend(self.of(name)?.iter().cloned());
            any = true;
        }
        any.then_some(union)
    }

    /// The gates of the items a family shares between its members (see
    /// [`Family`](crate::Family)): an item is compiled always if some member
    /// compiles it always, otherwise under any feature of any member.
    pub fn shared<'n>(members: &[&Gates], names: impl IntoIterator<Item = &'n str>) -> Self {
        let mut by_item = BTreeMap::new();
        for name in names {
            let mut union = BTreeSet::new();
            let gated = members.iter().all(|gates| match gates.of(name) {
                Some(features) => {
                    union.extend(features.iter().cloned());
                    true
                }
                None => false,
            });
            if gated && !members.is_empty() {
                by_item.insert(name.to_owned(), union);
            }
        }
        Self { by_item }
    }
}

impl Module {
    /// The cargo features of the gated alternatives, in name order.
    pub fn operator_features(&self) -> Vec<String> {
        let features: BTreeSet<&String> = self
            .items
            .iter()
            .filter_map(|item| match &item.kind {
                ItemKind::Choice(choice) => Some(choice.variants.iter().filter_map(|variant| variant.feature.as_ref())),
                _ => None,
            })
            .flatten()
            .collect();
        features.into_iter().cloned().collect()
    }
}

/// The cargo feature of an alternative named after its element: `-`
/// becomes `_` (`site-alias`: `site_alias`), as cargo feature names and
/// Rust identifiers agree on it.
pub fn feature_name(element: &str) -> String {
    element.replace(['-', '.'], "_")
}

impl Planner<'_> {
    /// Gives each element alternative of the configured choices its cargo
    /// feature, and computes under which features each item is compiled.
    pub(super) fn gate_operators(&mut self) {
        let operators: BTreeSet<&str> = self.config.operators().collect();
        for item in &mut self.items {
            // An operator element (`<secret_key>`) holds operations, not the
            // secret its name may match: its alternative is never redacted
            // as a whole.
            if operators.contains(item.place.path.as_str())
                && let ItemKind::Choice(choice) = &mut item.kind
            {
                choice.variants.iter_mut().for_each(|variant| variant.redacted = false);
            }
            if !self.config.operator_features(&item.place.path) {
                continue;
            }
            if let ItemKind::Choice(choice) = &mut item.kind {
                for variant in &mut choice.variants {
                    if let FieldKind::Element(element) = &variant.kind {
                        variant.feature = Some(feature_name(&element.xml_name));
                    }
                }
            }
        }
        self.gates = gates(&self.items, &self.roots);
    }
}

/// The gates of `items`, reached from the types of `roots`.
fn gates(items: &[Item], roots: &[Root]) -> Gates {
    let index: BTreeMap<&str, &Item> = items.iter().map(|item| (item.name.as_str(), item)).collect();
    let ungated = reach(&index, roots.iter().map(|root| root.ty.as_str()).collect());
    let mut by_item: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for item in items {
        let ItemKind::Choice(choice) = &item.kind else { continue };
        for variant in &choice.variants {
            let Some(feature) = &variant.feature else { continue };
            let mut start = Vec::new();
            variant.kind.references(&mut start);
            for reached in reach(&index, start) {
                if !ungated.contains(reached) {
                    by_item.entry(reached.to_owned()).or_default().insert(feature.clone());
                }
            }
        }
    }
    // Items nothing reaches (a deprecated alias, a type no element uses)
    // are compiled with what they refer to: under the features every gated
    // item they reach is compiled under.
    let walked: BTreeSet<String> = by_item.keys().cloned().collect();
    for item in items {
        let name = item.name.as_str();
        if ungated.contains(name) || walked.contains(name) {
            continue;
        }
        let mut common: Option<BTreeSet<String>> = None;
        for reached in reach(&index, vec![name]) {
            if let Some(features) = by_item.get(reached) {
                common = Some(match common {
                    None => features.clone(),
                    Some(common) => common.intersection(features).cloned().collect(),
                });
            }
        }
        if let Some(common) = common.filter(|common| !common.is_empty()) {
            by_item.insert(name.to_owned(), common);
        }
    }
    Gates { by_item }
}

/// The items reached from `start` through references, not entering gated
/// alternatives (they are reached from their own feature's walk).
fn reach<'i>(index: &BTreeMap<&str, &'i Item>, mut pending: Vec<&'i str>) -> BTreeSet<&'i str> {
    let mut reached = BTreeSet::new();
    while let Some(name) = pending.pop() {
        let Some(item) = index.get(name) else { continue };
        if !reached.insert(item.name.as_str()) {
            continue;
        }
        match &item.kind {
            ItemKind::Choice(choice) => {
                for variant in choice.variants.iter().filter(|variant| variant.feature.is_none()) {
                    variant.kind.references(&mut pending);
                }
            }
            _ => pending.extend(item.references()),
        }
    }
    reached
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gates(pairs: &[(&str, &[&str])]) -> Gates {
        let by_item = pairs
            .iter()
            .map(|(name, features)| (name.to_string(), features.iter().map(|feature| feature.to_string()).collect()))
            .collect();
        Gates { by_item }
    }

    #[test]
    fn shared_items_take_the_union_and_stay_ungated_where_a_member_does_not_gate_them() {
        let first = gates(&[("A", &["user"]), ("B", &["user"])]);
        let second = gates(&[("A", &["webuser"])]);
        let shared = Gates::shared(&[&first, &second], ["A", "B", "C"]);
        assert_eq!(shared, gates(&[("A", &["user", "webuser"])]));
    }

    #[test]
    fn an_import_is_gated_only_when_every_item_using_it_is() {
        let gates = gates(&[("A", &["user"]), ("B", &["webuser"])]);
        assert_eq!(gates.any_of(["A", "B"]), Some(["user".to_owned(), "webuser".to_owned()].into()));
        assert_eq!(gates.any_of(["A", "C"]), None);
        assert_eq!(gates.any_of([]), None);
    }

    #[test]
    fn feature_names_follow_the_element() {
        assert_eq!(feature_name("site-alias"), "site_alias");
        assert_eq!(feature_name("secret_key"), "secret_key");
    }
}
