//! The attributes the configuration adds to generated items and fields
//! (`Config::type_attribute`, `Config::field_attribute`): looked up by
//! schema path while the planner names things, kept by Rust name for the
//! emitter.

use std::collections::BTreeMap;

/// Configured attributes, by the Rust names of what they go on.
#[derive(Debug, Default)]
pub struct Attributes {
    /// By item name.
    items: BTreeMap<String, Vec<String>>,
    /// By item name and field (or variant) name.
    fields: BTreeMap<(String, String), Vec<String>>,
}

impl Attributes {
    /// The attributes of the item `item`, in configuration order.
    pub fn of_item(&self, item: &str) -> &[String] {
        self.items.get(item).map_or(&[], Vec::as_slice)
    }

    /// The attributes of the field or variant `field` of the item `item`.
    pub fn of_field(&self, item: &str, field: &str) -> &[String] {
        self.fields.get(&(item.to_owned(), field.to_owned())).map_or(&[], Vec::as_slice)
    }

    /// Whether the configuration adds attributes to the item `item` or to
    /// any of its fields.
    pub(super) fn configures(&self, item: &str) -> bool {
        self.items.contains_key(item) || self.fields.keys().any(|(owner, _)| owner == item)
    }

    /// Adds `attributes`, configured for the type that became the item `item`.
    pub(super) fn attach_item(&mut self, attributes: &[String], item: &str) {
        if !attributes.is_empty() {
            self.items.entry(item.to_owned()).or_default().extend(attributes.iter().cloned());
        }
    }

    /// Adds `attributes`, configured for the field that became the field
    /// `field` of the item `owner`.
    pub(super) fn attach_field(&mut self, attributes: &[String], owner: &str, field: &str) {
        if !attributes.is_empty() {
            self.fields.entry((owner.to_owned(), field.to_owned())).or_default().extend(attributes.iter().cloned());
        }
    }

    /// Moves the attributes of the field `from` of `owner` to `to`: a field
    /// planned as an alternative of a choice becomes a variant of another name.
    pub(super) fn rename_field(&mut self, owner: &str, from: &str, to: &str) {
        if let Some(attributes) = self.fields.remove(&(owner.to_owned(), from.to_owned())) {
            self.fields.entry((owner.to_owned(), to.to_owned())).or_default().extend(attributes);
        }
    }
}
