//! The attributes the configuration adds to generated items and fields
//! (`Config::type_attribute`, `Config::field_attribute`): found by schema
//! path while the planner names things, kept by Rust name for the emitter.

use std::collections::{BTreeMap, BTreeSet};

use crate::config::Config;

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

    /// Records the attributes configured for the type at `path`, which is the
    /// item `item`, and marks the path used.
    pub(super) fn attach_item(&mut self, config: &Config, used: &mut BTreeSet<String>, path: &str, item: &str) {
        if let Some(attributes) = config.type_attributes.get(path) {
            used.insert(used_key("type-attribute", path));
            self.items.entry(item.to_owned()).or_default().extend(attributes.iter().cloned());
        }
    }

    /// Records the attributes configured for the field at `path`, which is
    /// the field `field` of the item `owner`, and marks the path used.
    pub(super) fn attach_field(
        &mut self,
        config: &Config,
        used: &mut BTreeSet<String>,
        (path, owner, field): (&str, &str, &str),
    ) {
        if let Some(attributes) = config.field_attributes.get(path) {
            used.insert(used_key("field-attribute", path));
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

    /// The configured attribute paths that named nothing.
    pub(super) fn unused_paths<'c>(config: &'c Config, used: &BTreeSet<String>) -> Vec<&'c String> {
        let types = config.type_attributes.keys().filter(|path| !used.contains(&used_key("type-attribute", path)));
        let fields = config.field_attributes.keys().filter(|path| !used.contains(&used_key("field-attribute", path)));
        types.chain(fields).collect()
    }
}

/// How the planner's set of used configuration entries names one.
fn used_key(option: &str, path: &str) -> String {
    format!("{option}:{path}")
}
