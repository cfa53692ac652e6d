//! Naming: the schema path and the Rust name of every type, and the
//! configuration options keyed by schema paths.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::build::Planner;
use super::checks;
use super::{Derives, Item, ItemKind, Origin, RustType, SchemaPlace};
use crate::config::{Config, SuccessPresence, enum_value_key};
use crate::error::UnknownConfigPath;
use crate::model::{self, AnonymousRole, Compositor, Owner, SimpleType, Term, TypeId, TypeKind, TypeName, TypeRef};
use crate::naming::{self};

impl<'s> Planner<'s> {
    pub(super) fn name_types(&mut self) {
        for index in 0..self.schema.types.len() {
            let path = self.path_of(TypeId(index));
            self.paths.push(path);
        }
        let qualified = self.qualified_names();
        for index in 0..self.schema.types.len() {
            let id = TypeId(index);
            if !self.is_item(id) {
                continue;
            }
            let path = &self.paths[index];
            let wanted = match self.config.type_name(path) {
                Some(name) => name.to_owned(),
                None => qualified.get(&index).cloned().unwrap_or_else(|| self.derived_name(id)),
            };
            let name = self.scope.claim(&wanted);
            let attributes = self.config.type_attributes(&self.paths[index]);
            self.attributes.attach_item(attributes, &name);
            self.names[index] = Some(name);
        }
    }

    /// The deprecated alias the configuration asks for the type `index`
    /// (the item `name`): `#[deprecated] pub type UsetSetOutput =
    /// UserSetOutput;`. Its name must be free; its schema path is the type's
    /// with `(alias)`, so that no option and no comparison of plans takes
    /// it for the type.
    pub(super) fn deprecated_alias(&mut self, index: usize, name: &str) -> Option<Item> {
        let path = self.paths[index].clone();
        let wanted = self.config.deprecated_alias(&path)?;
        let alias = self.scope.claim(wanted);
        if alias != wanted {
            self.config.reject(format!("deprecated_alias \"{path}\": `{wanted}` is already the name of another item"));
            return None;
        }
        let note = format!("renamed to `{name}`");
        self.attributes.attach_item(&[format!("#[deprecated(note = {note:?})]")], &alias);
        let def = self.schema.get(TypeId(index));
        let doc = vec![
            format!("The former name of [`{name}`], kept so that code using it still compiles."),
            String::new(),
            self.origin_line(TypeId(index)),
        ];
        let alias_path = format!("{path} (alias)");
        Some(Item {
            name: alias,
            doc,
            span: def.span,
            place: SchemaPlace { path: alias_path.clone(), type_path: alias_path, origin: Origin::Type },
            kind: ItemKind::Alias(RustType::Item(name.to_owned())),
            validates: false,
            cycle: BTreeSet::new(),
            derives: Derives::default(),
        })
    }

    /// Names for named types whose qualified name another file's named type has too
    /// (two schemas of one set, such as a request and a response envelope,
    /// may each define `ServerOperatorType`): each is qualified by its
    /// file's name (`ServerInputServerOperatorType` from `server_input.xsd`),
    /// so that neither is a numbered `...2`. Types renamed by the
    /// configuration keep their configured names.
    pub(super) fn qualified_names(&self) -> HashMap<usize, String> {
        let mut by_name: BTreeMap<(Option<String>, String), Vec<usize>> = BTreeMap::new();
        for index in 0..self.schema.types.len() {
            let def = self.schema.get(TypeId(index));
            if let TypeName::Named(qname) = &def.name
                && self.is_item(TypeId(index))
                && !self.config.renames_type(&self.paths[index])
            {
                by_name.entry((qname.namespace.clone(), naming::type_name(&qname.local))).or_default().push(index);
            }
        }
        let mut qualified = HashMap::new();
        for ((_, name), indices) in by_name {
            let files: BTreeSet<_> = indices.iter().map(|&index| self.schema.get(TypeId(index)).span.file).collect();
            if files.len() < 2 {
                continue;
            }
            for index in indices {
                let file = self.schema.sources.display_name(self.schema.get(TypeId(index)).span.file);
                let stem = std::path::Path::new(&file).file_stem().map(|stem| stem.to_string_lossy().into_owned());
                let prefix = naming::type_name(stem.as_deref().unwrap_or_default());
                qualified.insert(index, format!("{prefix}{name}"));
            }
        }
        qualified
    }

    pub(super) fn path_of(&self, id: TypeId) -> String {
        match &self.schema.get(id).name {
            TypeName::Named(qname) => qname.local.clone(),
            TypeName::Anonymous { owner, role } => {
                let owner_path = match owner {
                    Owner::Type(owner) => self.paths[owner.0].clone(),
                    Owner::Element(index) => format!("/{}", self.schema.elements[*index].name),
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
        }
    }

    /// Whether a type gets an item of its own: complex types, named simple
    /// types, and anonymous enumerations and unions. Other anonymous simple
    /// types are written inline as their base's Rust type, facets checked by
    /// the parent.
    pub(super) fn is_item(&self, id: TypeId) -> bool {
        let def = self.schema.get(id);
        match (&def.kind, &def.name) {
            (TypeKind::Complex(_), _) | (TypeKind::Simple(_), TypeName::Named(_)) => true,
            (TypeKind::Simple(SimpleType::Union { .. }), _) => true,
            (TypeKind::Simple(SimpleType::Atomic { .. }), _) => checks::atomic_chain(self.schema, TypeRef::Defined(id))
                .is_some_and(|(_, steps)| checks::enumeration(&steps).is_some()),
            (TypeKind::Simple(SimpleType::List { .. }), _) => false,
        }
    }

    pub(super) fn derived_name(&self, id: TypeId) -> String {
        match &self.schema.get(id).name {
            TypeName::Named(qname) => naming::type_name(&qname.local),
            TypeName::Anonymous { owner, role } => {
                let owner_name = match owner {
                    Owner::Type(owner) => self.names[owner.0].clone().unwrap_or_else(|| self.derived_name(*owner)),
                    Owner::Element(index) => naming::type_name(&self.schema.elements[*index].name),
                    Owner::Group(name) | Owner::AttributeGroup(name) => naming::type_name(&name.local),
                };
                let role_name = match role {
                    AnonymousRole::Itself => return owner_name,
                    AnonymousRole::Element(name) | AnonymousRole::Attribute(name) => name.clone(),
                    AnonymousRole::Base => "base".to_owned(),
                    AnonymousRole::ListItem => "item".to_owned(),
                    AnonymousRole::UnionMember(index) => format!("member{index}"),
                };
                naming::nested_type_name(&owner_name, &role_name)
            }
        }
    }
}

/// The configuration's options keyed by schema paths, looked up through one
/// place that records which paths named something: a path that names
/// nothing is a typo, reported by [`unknown`](Self::unknown).
pub(super) struct ConfigLookup<'c> {
    config: &'c Config,
    used: BTreeSet<(ConfigOption, String)>,
    /// Options that name something but ask for the impossible (a variant
    /// name another value has), reported by [`invalid`](Self::invalid).
    invalid: Vec<String>,
}

/// The options keyed by schema paths, by the name of their [`Config`] method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum ConfigOption {
    TypeName,
    FieldName,
    TolerateMissing,
    TypeAttribute,
    FieldAttribute,
    OperationSuccess,
    Operators,
    EnumValueName,
    DeprecatedAlias,
    OperatorFeatures,
    RedactDebugByName,
}

impl ConfigOption {
    fn name(self) -> &'static str {
        match self {
            Self::TypeName => "type_name",
            Self::FieldName => "field_name",
            Self::TolerateMissing => "tolerate_missing",
            Self::TypeAttribute => "type_attribute",
            Self::FieldAttribute => "field_attribute",
            Self::OperationSuccess => "operation_success",
            Self::Operators => "operators",
            Self::EnumValueName => "enum_value_name",
            Self::DeprecatedAlias => "deprecated_alias",
            Self::OperatorFeatures => "operator_features",
            Self::RedactDebugByName => "redact_debug_by_name",
        }
    }
}

impl<'c> ConfigLookup<'c> {
    pub(super) fn new(config: &'c Config) -> Self {
        Self { config, used: BTreeSet::new(), invalid: Vec::new() }
    }

    /// The configured Rust name of the type at `path`.
    pub(super) fn type_name(&mut self, path: &str) -> Option<&'c str> {
        self.lookup(ConfigOption::TypeName, path)
    }

    /// The configured Rust name of the field at `path`.
    pub(super) fn field_name(&mut self, path: &str) -> Option<&'c str> {
        self.lookup(ConfigOption::FieldName, path)
    }

    /// Why the required element at `path` may be absent, if it may.
    pub(super) fn tolerated(&mut self, path: &str) -> Option<&'c str> {
        self.lookup(ConfigOption::TolerateMissing, path)
    }

    /// The attributes configured for the type at `path`.
    pub(super) fn type_attributes(&mut self, path: &str) -> &'c [String] {
        self.attributes(ConfigOption::TypeAttribute, path)
    }

    /// The attributes configured for the field at `path`.
    pub(super) fn field_attributes(&mut self, path: &str) -> &'c [String] {
        self.attributes(ConfigOption::FieldAttribute, path)
    }

    fn attributes(&mut self, option: ConfigOption, path: &str) -> &'c [String] {
        let options = match option {
            ConfigOption::TypeAttribute => &self.config.type_attributes,
            _ => &self.config.field_attributes,
        };
        match options.get(path) {
            Some(attributes) => {
                self.used.insert((option, path.to_owned()));
                attributes
            }
            None => &[],
        }
    }

    /// The configured variant name of the value `value` of the enumeration
    /// at `path`.
    pub(super) fn enum_value_name(&mut self, path: &str, value: &str) -> Option<&'c str> {
        let name = self.config.enum_value_names.get(&(path.to_owned(), value.to_owned()))?;
        self.used.insert((ConfigOption::EnumValueName, enum_value_key(path, value)));
        Some(name)
    }

    /// The deprecated alias configured for the type at `path`.
    pub(super) fn deprecated_alias(&mut self, path: &str) -> Option<&'c str> {
        let alias = self.config.deprecated_aliases.get(path)?;
        self.used.insert((ConfigOption::DeprecatedAlias, path.to_owned()));
        Some(alias)
    }

    /// Records an option that cannot be followed.
    pub(super) fn reject(&mut self, problem: String) {
        self.invalid.push(problem);
    }

    /// The options that could not be followed, in the order met.
    pub(super) fn invalid(&self) -> &[String] {
        &self.invalid
    }

    /// Whether operations' results implement `OperationResult`.
    pub(super) fn operation_results(&self) -> bool {
        self.config.operation_results
    }

    /// Whether the field at `path` is what a successful operation carries,
    /// and whether every success must carry it.
    pub(super) fn operation_success(&mut self, path: &str) -> Option<SuccessPresence> {
        let presence = *self.config.operation_successes.get(path)?;
        self.used.insert((ConfigOption::OperationSuccess, path.to_owned()));
        Some(presence)
    }

    /// Whether `From` conversions into choices are generated.
    pub(super) fn conversions(&self) -> bool {
        self.config.conversions
    }

    /// The schema paths of the choice groups that are a packet's operators.
    pub(super) fn operators(&self) -> impl Iterator<Item = &'c str> + use<'c> {
        self.config.operators.iter().map(String::as_str)
    }

    /// Records that the operators option at `path` named a group.
    pub(super) fn found_operators(&mut self, path: &str) {
        self.used.insert((ConfigOption::Operators, path.to_owned()));
    }

    /// Whether the alternatives of the choice at `path` each get a cargo feature.
    pub(super) fn operator_features(&mut self, path: &str) -> bool {
        let configured = self.config.operator_features.contains(path);
        if configured {
            self.used.insert((ConfigOption::OperatorFeatures, path.to_owned()));
        }
        configured
    }

    /// Whether the type at `path` is renamed, without counting as a use.
    pub(super) fn renames_type(&self, path: &str) -> bool {
        self.config.type_names.contains_key(path)
    }

    /// Whether `Debug` hides values named by any of `keys` (element or
    /// attribute names, schema paths).
    pub(super) fn redacted(&self, keys: &[&str]) -> bool {
        keys.iter().any(|key| self.config.redacted.contains(*key))
    }

    /// The element naming the pair whose value at `path` is redacted when
    /// the name is a secret's, and the secret names.
    pub(super) fn redacted_by_name(&mut self, path: &str) -> Option<(&'c str, Vec<String>)> {
        let name_element = self.config.redacted_by_name.get(path)?;
        self.used.insert((ConfigOption::RedactDebugByName, path.to_owned()));
        // Paths (`Session/id`) name one element, not a pair's name.
        let secrets = self.config.redacted.iter().filter(|name| !name.contains('/')).cloned().collect();
        Some((name_element, secrets))
    }

    fn lookup(&mut self, option: ConfigOption, path: &str) -> Option<&'c str> {
        let options = match option {
            ConfigOption::TypeName => &self.config.type_names,
            ConfigOption::FieldName => &self.config.field_names,
            ConfigOption::TolerateMissing => &self.config.tolerated,
            ConfigOption::TypeAttribute
            | ConfigOption::FieldAttribute
            | ConfigOption::OperationSuccess
            | ConfigOption::Operators
            | ConfigOption::EnumValueName
            | ConfigOption::DeprecatedAlias
            | ConfigOption::OperatorFeatures
            | ConfigOption::RedactDebugByName => return None,
        };
        let value = options.get(path)?;
        self.used.insert((option, path.to_owned()));
        Some(value)
    }

    /// The options whose schema paths named nothing (presets' excepted, as
    /// they apply where the schemas have their paths), in option order.
    pub(super) fn unknown(&self) -> Vec<UnknownConfigPath> {
        let values = self.config.enum_value_names.keys().map(|(path, value)| enum_value_key(path, value)).collect();
        let options: [(ConfigOption, Vec<String>); 11] = [
            (ConfigOption::TypeName, self.config.type_names.keys().cloned().collect()),
            (ConfigOption::FieldName, self.config.field_names.keys().cloned().collect()),
            (ConfigOption::TolerateMissing, self.config.tolerated.keys().cloned().collect()),
            (ConfigOption::TypeAttribute, self.config.type_attributes.keys().cloned().collect()),
            (ConfigOption::FieldAttribute, self.config.field_attributes.keys().cloned().collect()),
            (ConfigOption::OperationSuccess, self.config.operation_successes.keys().cloned().collect()),
            (ConfigOption::Operators, self.config.operators.iter().cloned().collect()),
            (ConfigOption::EnumValueName, values),
            (ConfigOption::DeprecatedAlias, self.config.deprecated_aliases.keys().cloned().collect()),
            (ConfigOption::OperatorFeatures, self.config.operator_features.iter().cloned().collect()),
            (ConfigOption::RedactDebugByName, self.config.redacted_by_name.keys().cloned().collect()),
        ];
        let mut unknown = Vec::new();
        for (option, paths) in options {
            for path in paths {
                if !self.used.contains(&(option, path.clone())) && !self.config.optional_paths.contains(&path) {
                    unknown.push(UnknownConfigPath { option: option.name(), path });
                }
            }
        }
        unknown
    }
}

/// Field name for a group: its elements joined (`password_and_password_type`,
/// `site_id_or_site_name`) when it holds two or three elements and nothing
/// else; otherwise `choice`, or the first element's name and `_group`.
pub(super) fn group_field_name(group: &model::Group) -> String {
    let names: Vec<&str> = group
        .particles
        .iter()
        .filter_map(|particle| match &particle.term {
            Term::Element(element) => Some(element.name.as_str()),
            _ => None,
        })
        .collect();
    let only_elements = names.len() == group.particles.len();
    let joiner = if group.compositor == Compositor::Choice { "_or_" } else { "_and_" };
    if only_elements && (2..=3).contains(&names.len()) {
        return names
            .iter()
            .map(|name| naming::field_name(name).trim_start_matches("r#").to_owned())
            .collect::<Vec<_>>()
            .join(joiner);
    }
    match (group.compositor, names.first()) {
        (Compositor::Choice, _) => "choice".to_owned(),
        (_, Some(first))
            if group.particles.first().is_some_and(|particle| matches!(particle.term, Term::Element(_))) =>
        {
            format!("{}_group", naming::field_name(first).trim_start_matches("r#"))
        }
        _ => "group".to_owned(),
    }
}
