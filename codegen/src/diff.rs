//! What changed between two schema versions, and what each change does to
//! the generated Rust API, in semver terms.
//!
//! [`diff`] reads and plans both versions; [`compare`] is the comparison
//! itself, a pure function of each version's schema model and plan. The
//! comparison is made on the plan, the Rust API that would be generated, and
//! every change is also placed in the schema by its *schema path*, the key
//! the [`Config`] options use (`UserAddGenInfo`, `UserAddGenInfo/login`,
//! `UserAddGenInfo/@id`, `UserInput#choice`, `/packet`).
//!
//! Matching: types by schema path (a type that keeps its place but gets
//! another Rust name is *renamed*), fields by element or attribute name,
//! alternatives of a choice by the element or group they hold, enumeration
//! values by value, root elements by name.
//!
//! Classification ([`Effect`]):
//!
//! - [`Effect::Breaking`], semver major: a downstream crate may stop
//!   compiling. An item removed or renamed; a struct field added or removed
//!   (struct literals are exhaustive); a field's Rust type changed, including
//!   the `T` / `Option<T>` / `Vec<T>` shape; an enum variant added or removed
//!   (matches are exhaustive); a newtype or alias target changed; a root
//!   element removed or read into another type.
//! - [`Effect::Additive`], semver minor: new items (types, root elements)
//!   that change nothing existing.
//! - [`Effect::Behavioral`], semver patch: the API is the same, the
//!   documents accepted or written are not. Facets, occurrence bounds within
//!   the same Rust shape, the order elements are written in, defaults, a
//!   tolerated absence.
//!
//! Documentation changes are not reported.
//!
//! ```no_run
//! # fn main() -> Result<(), plesk_codegen::Error> {
//! let mut old = plesk_codegen::Config::plesk();
//! old.schema_dir("schemas/1.6.7.0");
//! let mut new = plesk_codegen::Config::plesk();
//! new.schema_dir("schemas/1.6.8.0");
//! let report = plesk_codegen::diff::diff(&old, &new)?;
//! print!("{report}");
//! assert!(report.is_breaking());
//! # Ok(())
//! # }
//! ```

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use heck::ToSnakeCase;

use crate::config::Config;
use crate::error::Error;
use crate::model::{AnonymousRole, Owner, Schema, TypeId, TypeName, WhiteSpace};
use crate::naming;
use crate::plan::{
    self, AttributeField, Checks, Choice, Enumeration, Field, FieldKind, Item, ItemKind, Module, Newtype, Occurs,
    OtherAttributes, RustType, Struct, StructContent, Union, ValueField,
};
use crate::source::Span;

// ----- the report -------------------------------------------------------------

/// What a change does to code that uses the generated types.
///
/// Ordered from the worst: the overall effect of a report is its minimum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Effect {
    /// Code using the old types may stop compiling: a semver-major change.
    Breaking,
    /// New items only, nothing existing changes: a semver-minor change.
    Additive,
    /// The API is unchanged but the documents accepted, written or reported
    /// by `validate()` are not: a semver-patch change.
    Behavioral,
}

impl Effect {
    /// The effect's name: `breaking`, `additive` or `behavioral`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Breaking => "breaking",
            Self::Additive => "additive",
            Self::Behavioral => "behavioral",
        }
    }

    /// The version bump a change of this effect calls for.
    pub fn semver(self) -> Semver {
        match self {
            Self::Breaking => Semver::Major,
            Self::Additive => Semver::Minor,
            Self::Behavioral => Semver::Patch,
        }
    }

    /// Every effect, the worst first.
    pub const ALL: [Self; 3] = [Self::Breaking, Self::Additive, Self::Behavioral];
}

impl fmt::Display for Effect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The semver bump a set of changes calls for (for a crate at 1.0 or later;
/// before 1.0 cargo reads a minor bump as breaking).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Semver {
    /// Nothing changed.
    None,
    /// Behavior only.
    Patch,
    /// Additions only.
    Minor,
    /// Something breaking.
    Major,
}

impl Semver {
    /// `none`, `patch`, `minor` or `major`.
    pub fn name(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Patch => "patch",
            Self::Minor => "minor",
            Self::Major => "major",
        }
    }
}

impl fmt::Display for Semver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Whether something appeared, disappeared or is different.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
    /// In both, different.
    Changed,
}

impl ChangeKind {
    /// `added`, `removed` or `changed`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Added => "added",
            Self::Removed => "removed",
            Self::Changed => "changed",
        }
    }
}

/// What a change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum What {
    /// A schema type: a generated item (also a change of what kind of item it is).
    Type,
    /// A global element that can be a document.
    RootElement,
    /// A child element (a struct field or a choice's variant).
    Element,
    /// An attribute (a struct field), or the attributes of `xs:anyAttribute`.
    Attribute,
    /// A group inside a type's content: a choice or an optional or repeated sequence.
    Group,
    /// The elements matched by `xs:any`.
    Wildcard,
    /// The text of a simple-content type.
    Content,
    /// A value of an enumeration.
    EnumerationValue,
    /// A member type of a union.
    UnionMember,
    /// The Rust name of an item, field or variant.
    RustName,
    /// The Rust type of one value (of an element, attribute, text, newtype or alias).
    ValueType,
    /// How often an element or group occurs (or whether an attribute is required).
    Occurrence,
    /// A facet checked by `validate()`: lengths, pattern, bounds, digits, white space.
    Facet,
    /// The order in which elements are written, or alternatives tried.
    Order,
    /// The `default` of an element.
    Default,
    /// Whether the absence of a required element is tolerated.
    Tolerance,
}

impl What {
    /// The name used in the text and JSON reports (`enumeration value`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Self::Type => "type",
            Self::RootElement => "root element",
            Self::Element => "element",
            Self::Attribute => "attribute",
            Self::Group => "group",
            Self::Wildcard => "wildcard",
            Self::Content => "content",
            Self::EnumerationValue => "enumeration value",
            Self::UnionMember => "union member",
            Self::RustName => "rust name",
            Self::ValueType => "value type",
            Self::Occurrence => "occurrence",
            Self::Facet => "facet",
            Self::Order => "order",
            Self::Default => "default",
            Self::Tolerance => "tolerated absence",
        }
    }
}

/// What kind of Rust thing a change concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RustKind {
    /// A struct with named fields.
    Struct,
    /// An enum (of alternatives, values or member types).
    Enum,
    /// A tuple struct over one value.
    Newtype,
    /// A `type` alias.
    TypeAlias,
    /// A field of a struct.
    Field,
    /// A variant of an enum.
    Variant,
}

impl RustKind {
    /// `struct`, `enum`, `newtype`, `type alias`, `field` or `variant`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Struct => "struct",
            Self::Enum => "enum",
            Self::Newtype => "newtype",
            Self::TypeAlias => "type alias",
            Self::Field => "field",
            Self::Variant => "variant",
        }
    }
}

/// The Rust place of a change: an item (`UserInput`), a field
/// (`UserInput::choice`) or a variant (`UserInputChoice::AddBilling`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RustPlace {
    /// What it is.
    pub kind: RustKind,
    /// Its path inside the generated module.
    pub path: String,
}

impl RustPlace {
    fn item(item: &Item) -> Self {
        Self { kind: item_rust_kind(&item.kind), path: item.name.clone() }
    }

    fn member(kind: RustKind, item: &str, member: &str) -> Self {
        Self { kind, path: format!("{item}::{member}") }
    }
}

impl fmt::Display for RustPlace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.kind.name(), self.path)
    }
}

/// One change between the two versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What it does to code using the generated types.
    pub effect: Effect,
    /// Added, removed or changed.
    pub change: ChangeKind,
    /// What changed.
    pub what: What,
    /// Where, in the schema: a type's path, `Type/element`, `Type/@attribute`,
    /// `Type#group`, `/root-element`.
    pub schema_path: String,
    /// Where, in the generated Rust (the new version's names, the old one's
    /// for what was removed).
    pub rust: RustPlace,
    /// What it was and what it is, for a reader (`0..1: Option<String> -> 1: String`).
    pub description: String,
}

impl Change {
    /// The order of a report: the worst effect first, then by place.
    fn sort_key(&self) -> (Effect, &str, What, ChangeKind, &RustPlace, &str) {
        (self.effect, &self.schema_path, self.what, self.change, &self.rust, &self.description)
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {} {} ({})", self.effect, self.change.name(), self.what.name(), self.schema_path, self.rust)?;
        if !self.description.is_empty() {
            write!(f, ": {}", self.description)?;
        }
        Ok(())
    }
}

/// The changes between two schema versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// What the old version was read from (its schema directories or files).
    pub old: String,
    /// What the new version was read from.
    pub new: String,
    /// The changes, the worst effect first, then ordered by schema path.
    pub changes: Vec<Change>,
}

impl Report {
    /// The worst effect of any change; `None` when nothing changed.
    pub fn effect(&self) -> Option<Effect> {
        self.changes.iter().map(|change| change.effect).min()
    }

    /// The semver bump the changes call for.
    pub fn semver(&self) -> Semver {
        self.effect().map_or(Semver::None, Effect::semver)
    }

    /// Whether any change is breaking.
    pub fn is_breaking(&self) -> bool {
        self.effect() == Some(Effect::Breaking)
    }

    /// How many changes have this effect.
    pub fn count(&self, effect: Effect) -> usize {
        self.changes.iter().filter(|change| change.effect == effect).count()
    }

    /// The report as text: a summary line, then one aligned line per change,
    /// grouped by effect, the worst first.
    pub fn to_text(&self) -> String {
        let mut text = format!("{} -> {}: ", self.old, self.new);
        let Some(effect) = self.effect() else {
            text.push_str("no change\n");
            return text;
        };
        let counts: Vec<String> =
            Effect::ALL.iter().map(|effect| format!("{} {}", self.count(*effect), effect.name())).collect();
        let plural = if self.changes.len() == 1 { "" } else { "s" };
        text.push_str(&format!(
            "{effect} (semver {}), {} change{plural}: {}\n",
            effect.semver(),
            self.changes.len(),
            counts.join(", ")
        ));
        let effect_width = Effect::ALL.iter().map(|effect| effect.name().len()).max().unwrap_or(0);
        let change_width = self.changes.iter().map(|change| change.change.name().len()).max().unwrap_or(0);
        let what_width = self.changes.iter().map(|change| change.what.name().len()).max().unwrap_or(0);
        let mut previous = None;
        for change in &self.changes {
            if previous != Some(change.effect) {
                text.push('\n');
                previous = Some(change.effect);
            }
            let line = format!(
                "{:effect_width$}  {:change_width$}  {:what_width$}  {} ({})",
                change.effect.name(),
                change.change.name(),
                change.what.name(),
                change.schema_path,
                change.rust,
            );
            text.push_str(&line);
            if !change.description.is_empty() {
                text.push_str(": ");
                text.push_str(&change.description);
            }
            text.push('\n');
        }
        text
    }

    /// The report as JSON: an object with `old`, `new`, `effect` (`none`
    /// when nothing changed), `semver`, `counts` (per effect) and `changes`,
    /// each with `effect`, `change`, `what`, `schema_path`, `rust`,
    /// `rust_kind` and `description`.
    #[cfg(feature = "json")]
    pub fn to_json(&self) -> serde_json::Value {
        let changes: Vec<serde_json::Value> = self
            .changes
            .iter()
            .map(|change| {
                serde_json::json!({
                    "effect": change.effect.name(),
                    "change": change.change.name(),
                    "what": change.what.name(),
                    "schema_path": change.schema_path,
                    "rust": change.rust.path,
                    "rust_kind": change.rust.kind.name(),
                    "description": change.description,
                })
            })
            .collect();
        serde_json::json!({
            "old": self.old,
            "new": self.new,
            "effect": self.effect().map_or("none", Effect::name),
            "semver": self.semver().name(),
            "counts": {
                "breaking": self.count(Effect::Breaking),
                "additive": self.count(Effect::Additive),
                "behavioral": self.count(Effect::Behavioral),
            },
            "changes": changes,
        })
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_text())
    }
}

// ----- entry points -----------------------------------------------------------

/// Reads and plans the schemas of `old` and `new` and compares them.
///
/// # Errors
///
/// The first version that cannot be read or planned gives its error, every
/// schema problem with its file, line and column.
pub fn diff(old: &Config, new: &Config) -> Result<Report, Error> {
    let old_schema = crate::load(old)?;
    let old_module = plan::plan(&old_schema, old).map_err(Error::Schema)?;
    let new_schema = crate::load(new)?;
    let new_module = plan::plan(&new_schema, new).map_err(Error::Schema)?;
    let changes = compare(
        Version { schema: &old_schema, module: &old_module, config: old },
        Version { schema: &new_schema, module: &new_module, config: new },
    );
    Ok(Report { old: label(old), new: label(new), changes })
}

/// What a configuration reads, for the report: its inputs, as given.
fn label(config: &Config) -> String {
    config.inputs.iter().map(|input| input.display().to_string()).collect::<Vec<_>>().join(", ")
}

/// One version to compare: its schema model, its plan, and the
/// configuration it was planned with (whose group names lead back to
/// schema paths).
#[derive(Debug, Clone, Copy)]
pub struct Version<'a> {
    /// The resolved schema.
    pub schema: &'a Schema,
    /// The planned Rust items.
    pub module: &'a Module,
    /// The configuration of the plan.
    pub config: &'a Config,
}

/// The changes from `old` to `new`, in report order (the worst effect first,
/// then by schema path).
pub fn compare(old: Version<'_>, new: Version<'_>) -> Vec<Change> {
    let old = Index::new(old);
    let new = Index::new(new);
    let mut renamed = HashMap::new();
    for (key, &old_at) in &old.by_key {
        if let Some(&new_at) = new.by_key.get(key) {
            renamed.insert(old.module.items[old_at].name.as_str(), new.module.items[new_at].name.as_str());
        }
    }
    let differ = Differ { old: &old, new: &new, renamed };
    let mut out = Vec::new();
    for (key, &old_at) in &old.by_key {
        match new.by_key.get(key) {
            Some(&new_at) => differ.item(old_at, new_at, &mut out),
            None => {
                let item = &old.module.items[old_at];
                out.push(Change {
                    effect: Effect::Breaking,
                    change: ChangeKind::Removed,
                    what: What::Type,
                    schema_path: old.places[old_at].path.clone(),
                    rust: RustPlace::item(item),
                    description: describe_item(item),
                });
            }
        }
    }
    for (key, &new_at) in &new.by_key {
        if !old.by_key.contains_key(key) {
            let item = &new.module.items[new_at];
            out.push(Change {
                effect: Effect::Additive,
                change: ChangeKind::Added,
                what: What::Type,
                schema_path: new.places[new_at].path.clone(),
                rust: RustPlace::item(item),
                description: describe_item(item),
            });
        }
    }
    differ.roots(&mut out);
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out.dedup();
    out
}

// ----- schema paths of items ----------------------------------------------------

/// Where an item is in the schema.
#[derive(Debug, Clone)]
struct Place {
    /// The item's own schema path (a type's, or a group's `Type#group`).
    path: String,
    /// The path of the complex type its elements belong to (the type's own
    /// for a type; the enclosing type's for a group).
    type_path: String,
}

/// One version's items, with their schema places and their matching keys.
struct Index<'a> {
    module: &'a Module,
    /// The place of each item, parallel to `module.items`.
    places: Vec<Place>,
    /// Items by matching key: the schema path (`/element (root)` for the
    /// type a root element of a shared or simple type gets).
    by_key: BTreeMap<String, usize>,
    /// Items by Rust name.
    by_name: HashMap<&'a str, usize>,
}

impl<'a> Index<'a> {
    fn new(version: Version<'a>) -> Self {
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

    fn item(&self, name: &str) -> Option<&'a Item> {
        self.by_name.get(name).map(|&at| &self.module.items[at])
    }

    fn place_of(&self, name: &str) -> Option<&Place> {
        self.by_name.get(name).map(|&at| &self.places[at])
    }

    /// The fields or variants of a struct or choice with their matching
    /// keys: `<element>` (`<element> (2)` for a second one of the same
    /// name), `#` and the group's schema path, `*` for a wildcard.
    fn keyed<'f, T>(&self, members: &'f [T], kind: impl Fn(&T) -> &FieldKind) -> Vec<(String, &'f T)> {
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
    fn member_path(&self, place: &Place, kind: &FieldKind) -> String {
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
fn type_paths(schema: &Schema) -> Vec<String> {
    let mut paths = vec![None; schema.types.len()];
    (0..schema.types.len()).map(|index| type_path(schema, TypeId(index), &mut paths, 0)).collect()
}

fn type_path(schema: &Schema, id: TypeId, paths: &mut [Option<String>], depth: usize) -> String {
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
fn group_members(kind: &ItemKind) -> Vec<(&str, &str, bool)> {
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
fn group_name(config: &Config, parent_path: &str, member: &str, is_variant: bool) -> String {
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

// ----- comparing ----------------------------------------------------------------

struct Differ<'i, 'a> {
    old: &'i Index<'a>,
    new: &'i Index<'a>,
    /// Old Rust name to new Rust name of the items at the same schema path.
    renamed: HashMap<&'a str, &'a str>,
}

/// A field or variant being compared.
struct Member<'f> {
    /// Its Rust name.
    name: &'f str,
    /// What it holds.
    kind: &'f FieldKind,
}

impl Differ<'_, '_> {
    /// Whether an old Rust type is the new one, items renamed in between
    /// counting as the same.
    fn same_type(&self, old: &RustType, new: &RustType) -> bool {
        match (old, new) {
            (RustType::Item(old), RustType::Item(new)) => self.renamed.get(old.as_str()).copied().unwrap_or(old) == new,
            (RustType::List(old), RustType::List(new)) => self.same_type(old, new),
            (old, new) => old == new,
        }
    }

    fn item(&self, old_at: usize, new_at: usize, out: &mut Vec<Change>) {
        let (old, new) = (&self.old.module.items[old_at], &self.new.module.items[new_at]);
        let (old_place, place) = (&self.old.places[old_at], &self.new.places[new_at]);
        let rust = RustPlace::item(new);
        if old.name != new.name {
            out.push(Change {
                effect: Effect::Breaking,
                change: ChangeKind::Changed,
                what: What::RustName,
                schema_path: place.path.clone(),
                rust: rust.clone(),
                description: format!("{} -> {}", old.name, new.name),
            });
        }
        let (old_kind, new_kind) = (kind_name(&old.kind), kind_name(&new.kind));
        if old_kind != new_kind {
            out.push(Change {
                effect: Effect::Breaking,
                change: ChangeKind::Changed,
                what: What::Type,
                schema_path: place.path.clone(),
                rust,
                description: format!("{old_kind} -> {new_kind}"),
            });
            return;
        }
        let at = At { rust, old_item: &old.name, new_item: &new.name, old_place, place };
        match (&old.kind, &new.kind) {
            (ItemKind::Struct(old), ItemKind::Struct(new)) => self.structs(&at, old, new, out),
            (ItemKind::Choice(old), ItemKind::Choice(new)) => self.choices(&at, old, new, out),
            (ItemKind::Enumeration(old), ItemKind::Enumeration(new)) => self.enumerations(&at, old, new, out),
            (ItemKind::Newtype(old), ItemKind::Newtype(new)) => self.newtypes(&at, old, new, out),
            (ItemKind::Union(old), ItemKind::Union(new)) => self.unions(&at, old, new, out),
            (ItemKind::Alias(old), ItemKind::Alias(new)) | (ItemKind::Wrapper(old), ItemKind::Wrapper(new))
                if !self.same_type(old, new) =>
            {
                out.push(at.change(
                    Effect::Breaking,
                    ChangeKind::Changed,
                    What::ValueType,
                    rust_type(old),
                    rust_type(new),
                ));
            }
            _ => {}
        }
    }

    fn structs(&self, at: &At<'_>, old: &Struct, new: &Struct, out: &mut Vec<Change>) {
        // Attributes, by name.
        for attribute in &old.attributes {
            match new.attributes.iter().find(|candidate| candidate.xml_name == attribute.xml_name) {
                Some(new_attribute) => self.attribute(at, attribute, new_attribute, out),
                None => out.push(Change {
                    effect: Effect::Breaking,
                    change: ChangeKind::Removed,
                    what: What::Attribute,
                    schema_path: format!("{}/@{}", at.old_place.type_path, attribute.xml_name),
                    rust: RustPlace::member(RustKind::Field, at.old_item, &attribute.name),
                    description: describe_attribute(attribute),
                }),
            }
        }
        for attribute in &new.attributes {
            if !old.attributes.iter().any(|candidate| candidate.xml_name == attribute.xml_name) {
                out.push(Change {
                    effect: Effect::Breaking,
                    change: ChangeKind::Added,
                    what: What::Attribute,
                    schema_path: format!("{}/@{}", at.place.type_path, attribute.xml_name),
                    rust: RustPlace::member(RustKind::Field, at.new_item, &attribute.name),
                    description: describe_attribute(attribute),
                });
            }
        }
        self.other_attributes(at, old.other_attributes.as_ref(), new.other_attributes.as_ref(), out);

        // Text content.
        match (&old.content, &new.content) {
            (StructContent::Simple(old_value), StructContent::Simple(new_value)) => {
                self.value(at, old_value, new_value, out);
            }
            (StructContent::Simple(value), _) => out.push(Change {
                effect: Effect::Breaking,
                change: ChangeKind::Removed,
                what: What::Content,
                schema_path: at.old_place.path.clone(),
                rust: RustPlace::member(RustKind::Field, at.old_item, &value.name),
                description: format!("text of type {}", rust_type(&value.ty)),
            }),
            (_, StructContent::Simple(value)) => out.push(Change {
                effect: Effect::Breaking,
                change: ChangeKind::Added,
                what: What::Content,
                schema_path: at.place.path.clone(),
                rust: RustPlace::member(RustKind::Field, at.new_item, &value.name),
                description: format!("text of type {}", rust_type(&value.ty)),
            }),
            (StructContent::Sequence(_), StructContent::All(_)) => out.push(at.change(
                Effect::Behavioral,
                ChangeKind::Changed,
                What::Order,
                "xs:sequence (schema order)",
                "xs:all (any order, written in schema order)",
            )),
            (StructContent::All(_), StructContent::Sequence(_)) => out.push(at.change(
                Effect::Behavioral,
                ChangeKind::Changed,
                What::Order,
                "xs:all (any order, written in schema order)",
                "xs:sequence (schema order)",
            )),
            _ => {}
        }

        // Element fields.
        let old_fields = self.old.keyed(old.content.fields(), |field: &Field| &field.kind);
        let new_fields = self.new.keyed(new.content.fields(), |field: &Field| &field.kind);
        for (key, field) in &old_fields {
            match new_fields.iter().find(|(new_key, _)| new_key == key) {
                Some((_, new_field)) => self.member(
                    at,
                    RustKind::Field,
                    Member { name: &field.name, kind: &field.kind },
                    Member { name: &new_field.name, kind: &new_field.kind },
                    out,
                ),
                None => out.push(Change {
                    effect: Effect::Breaking,
                    change: ChangeKind::Removed,
                    what: member_what(&field.kind),
                    schema_path: self.old.member_path(at.old_place, &field.kind),
                    rust: RustPlace::member(RustKind::Field, at.old_item, &field.name),
                    description: describe_field(&field.kind),
                }),
            }
        }
        for (key, field) in &new_fields {
            if !old_fields.iter().any(|(old_key, _)| old_key == key) {
                out.push(Change {
                    effect: Effect::Breaking,
                    change: ChangeKind::Added,
                    what: member_what(&field.kind),
                    schema_path: self.new.member_path(at.place, &field.kind),
                    rust: RustPlace::member(RustKind::Field, at.new_item, &field.name),
                    description: describe_field(&field.kind),
                });
            }
        }

        // The order elements are written in (and read, for a sequence).
        let same_model = matches!(
            (&old.content, &new.content),
            (StructContent::Sequence(_), StructContent::Sequence(_)) | (StructContent::All(_), StructContent::All(_))
        );
        if same_model {
            let old_order: Vec<&str> = old_fields
                .iter()
                .filter(|(key, _)| new_fields.iter().any(|(new_key, _)| new_key == key))
                .map(|(key, _)| key.as_str())
                .collect();
            let new_order: Vec<&str> = new_fields
                .iter()
                .filter(|(key, _)| old_fields.iter().any(|(old_key, _)| old_key == key))
                .map(|(key, _)| key.as_str())
                .collect();
            if old_order != new_order {
                let list = |keys: &[&str]| keys.iter().map(|key| order_label(key)).collect::<Vec<_>>().join(", ");
                out.push(at.change(
                    Effect::Behavioral,
                    ChangeKind::Changed,
                    What::Order,
                    list(&old_order),
                    list(&new_order),
                ));
            }
        }

        if old.required_together != new.required_together {
            let list = |names: &[String]| if names.is_empty() { "none".to_owned() } else { names.join(", ") };
            out.push(at.change(
                Effect::Behavioral,
                ChangeKind::Changed,
                What::Occurrence,
                format!("required together: {}", list(&old.required_together)),
                format!("required together: {}", list(&new.required_together)),
            ));
        }
    }

    fn attribute(&self, at: &At<'_>, old: &AttributeField, new: &AttributeField, out: &mut Vec<Change>) {
        let schema_path = format!("{}/@{}", at.place.type_path, new.xml_name);
        let rust = RustPlace::member(RustKind::Field, at.new_item, &new.name);
        let change = |effect, what, description: String| Change {
            effect,
            change: ChangeKind::Changed,
            what,
            schema_path: schema_path.clone(),
            rust: rust.clone(),
            description,
        };
        if old.name != new.name {
            out.push(change(Effect::Breaking, What::RustName, format!("{} -> {}", old.name, new.name)));
        }
        if !self.same_type(&old.ty, &new.ty) {
            out.push(change(
                Effect::Breaking,
                What::ValueType,
                format!("{} -> {}", rust_type(&old.ty), rust_type(&new.ty)),
            ));
        }
        if old.required != new.required {
            let description = format!("{} -> {}", describe_attribute(old), describe_attribute(new));
            out.push(change(Effect::Breaking, What::Occurrence, description));
        }
        facets(&schema_path, &rust, old.checks.as_ref(), new.checks.as_ref(), out);
    }

    fn other_attributes(
        &self,
        at: &At<'_>,
        old: Option<&OtherAttributes>,
        new: Option<&OtherAttributes>,
        out: &mut Vec<Change>,
    ) {
        if let (Some(old), Some(new)) = (old, new)
            && old.namespaces != new.namespaces
        {
            out.push(Change {
                effect: Effect::Behavioral,
                change: ChangeKind::Changed,
                what: What::Wildcard,
                schema_path: format!("{}/@*", at.place.type_path),
                rust: RustPlace::member(RustKind::Field, at.new_item, &new.field),
                description: format!("namespace {} -> {}", old.namespaces, new.namespaces),
            });
        }
        let description = "attributes matched by xs:anyAttribute: Vec<xml::AnyAttribute>".to_owned();
        let (old, new) = (old.map(|other| other.field.as_str()), new.map(|other| other.field.as_str()));
        match (old, new) {
            (Some(name), None) => out.push(Change {
                effect: Effect::Breaking,
                change: ChangeKind::Removed,
                what: What::Attribute,
                schema_path: format!("{}/@*", at.old_place.type_path),
                rust: RustPlace::member(RustKind::Field, at.old_item, name),
                description,
            }),
            (None, Some(name)) => out.push(Change {
                effect: Effect::Breaking,
                change: ChangeKind::Added,
                what: What::Attribute,
                schema_path: format!("{}/@*", at.place.type_path),
                rust: RustPlace::member(RustKind::Field, at.new_item, name),
                description,
            }),
            (Some(old_name), Some(new_name)) if old_name != new_name => out.push(Change {
                effect: Effect::Breaking,
                change: ChangeKind::Changed,
                what: What::RustName,
                schema_path: format!("{}/@*", at.place.type_path),
                rust: RustPlace::member(RustKind::Field, at.new_item, new_name),
                description: format!("{old_name} -> {new_name}"),
            }),
            _ => {}
        }
    }

    fn value(&self, at: &At<'_>, old: &ValueField, new: &ValueField, out: &mut Vec<Change>) {
        let rust = RustPlace::member(RustKind::Field, at.new_item, &new.name);
        if !self.same_type(&old.ty, &new.ty) {
            out.push(Change {
                effect: Effect::Breaking,
                change: ChangeKind::Changed,
                what: What::ValueType,
                schema_path: at.place.path.clone(),
                rust: rust.clone(),
                description: format!("{} -> {}", rust_type(&old.ty), rust_type(&new.ty)),
            });
        }
        facets(&at.place.path, &rust, old.checks.as_ref(), new.checks.as_ref(), out);
    }

    fn choices(&self, at: &At<'_>, old: &Choice, new: &Choice, out: &mut Vec<Change>) {
        let old_variants = self.old.keyed(&old.variants, |variant: &plan::Variant| &variant.kind);
        let new_variants = self.new.keyed(&new.variants, |variant: &plan::Variant| &variant.kind);
        for (key, variant) in &old_variants {
            match new_variants.iter().find(|(new_key, _)| new_key == key) {
                Some((_, new_variant)) => self.member(
                    at,
                    RustKind::Variant,
                    Member { name: &variant.name, kind: &variant.kind },
                    Member { name: &new_variant.name, kind: &new_variant.kind },
                    out,
                ),
                None => out.push(Change {
                    effect: Effect::Breaking,
                    change: ChangeKind::Removed,
                    what: member_what(&variant.kind),
                    schema_path: self.old.member_path(at.old_place, &variant.kind),
                    rust: RustPlace::member(RustKind::Variant, at.old_item, &variant.name),
                    description: describe_variant(&variant.name, &variant.kind),
                }),
            }
        }
        for (key, variant) in &new_variants {
            if !old_variants.iter().any(|(old_key, _)| old_key == key) {
                out.push(Change {
                    effect: Effect::Breaking,
                    change: ChangeKind::Added,
                    what: member_what(&variant.kind),
                    schema_path: self.new.member_path(at.place, &variant.kind),
                    rust: RustPlace::member(RustKind::Variant, at.new_item, &variant.name),
                    description: describe_variant(&variant.name, &variant.kind),
                });
            }
        }
    }

    /// A field or variant present in both versions.
    fn member(&self, at: &At<'_>, rust_kind: RustKind, old: Member<'_>, new: Member<'_>, out: &mut Vec<Change>) {
        let schema_path = self.new.member_path(at.place, new.kind);
        let rust = RustPlace::member(rust_kind, at.new_item, new.name);
        let change = |effect, what, description: String| Change {
            effect,
            change: ChangeKind::Changed,
            what,
            schema_path: schema_path.clone(),
            rust: rust.clone(),
            description,
        };
        if old.name != new.name {
            out.push(change(Effect::Breaking, What::RustName, format!("{} -> {}", old.name, new.name)));
        }
        match (old.kind, new.kind) {
            (FieldKind::Element(old_element), FieldKind::Element(new_element)) => {
                let old_one = boxed(nillable(rust_type(&old_element.ty), old_element.nillable), old_element.boxed);
                let new_one = boxed(nillable(rust_type(&new_element.ty), new_element.nillable), new_element.boxed);
                if !self.same_type(&old_element.ty, &new_element.ty)
                    || old_element.boxed != new_element.boxed
                    || old_element.nillable != new_element.nillable
                {
                    out.push(change(Effect::Breaking, What::ValueType, format!("{old_one} -> {new_one}")));
                }
                let old_tolerated = old_element.tolerated.is_some();
                let new_tolerated = new_element.tolerated.is_some();
                if let Some((effect, what, description)) = occurrence_change(
                    (old_element.occurs, old_tolerated, &old_one),
                    (new_element.occurs, new_tolerated, &new_one),
                ) {
                    out.push(change(effect, what, description));
                }
                if old_element.default != new_element.default {
                    let show =
                        |default: &Option<String>| default.as_ref().map_or("none".to_owned(), |d| format!("\"{d}\""));
                    let description = format!("{} -> {}", show(&old_element.default), show(&new_element.default));
                    out.push(change(Effect::Behavioral, What::Default, description));
                }
                facets(&schema_path, &rust, old_element.checks.as_deref(), new_element.checks.as_deref(), out);
            }
            (FieldKind::Group(old_group), FieldKind::Group(new_group)) => {
                let old_one = boxed(old_group.ty.clone(), old_group.boxed);
                let new_one = boxed(new_group.ty.clone(), new_group.boxed);
                if old_group.boxed != new_group.boxed {
                    out.push(change(Effect::Breaking, What::ValueType, format!("{old_one} -> {new_one}")));
                }
                if let Some((effect, what, description)) =
                    occurrence_change((old_group.occurs, false, &old_one), (new_group.occurs, false, &new_one))
                {
                    out.push(change(effect, what, description));
                }
            }
            (FieldKind::Wildcard(old_wildcard), FieldKind::Wildcard(new_wildcard)) => {
                if old_wildcard.occurs != new_wildcard.occurs {
                    let description = format!(
                        "{} -> {}",
                        occurs_text(old_wildcard.occurs, false),
                        occurs_text(new_wildcard.occurs, false)
                    );
                    out.push(change(Effect::Behavioral, What::Occurrence, description));
                }
                if old_wildcard.namespace != new_wildcard.namespace {
                    let description = format!("namespace {} -> {}", old_wildcard.namespace, new_wildcard.namespace);
                    out.push(change(Effect::Behavioral, What::Wildcard, description));
                }
            }
            (old_kind, new_kind) => {
                let description = format!("{} -> {}", describe_field(old_kind), describe_field(new_kind));
                out.push(change(Effect::Breaking, What::ValueType, description));
            }
        }
    }

    fn enumerations(&self, at: &At<'_>, old: &Enumeration, new: &Enumeration, out: &mut Vec<Change>) {
        for value in &old.values {
            match new.values.iter().find(|candidate| candidate.value == value.value) {
                Some(new_value) if new_value.variant != value.variant => out.push(Change {
                    effect: Effect::Breaking,
                    change: ChangeKind::Changed,
                    what: What::RustName,
                    schema_path: at.place.path.clone(),
                    rust: RustPlace::member(RustKind::Variant, at.new_item, &new_value.variant),
                    description: format!("\"{}\": {} -> {}", value.value, value.variant, new_value.variant),
                }),
                Some(_) => {}
                None => out.push(Change {
                    effect: Effect::Breaking,
                    change: ChangeKind::Removed,
                    what: What::EnumerationValue,
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
                    change: ChangeKind::Added,
                    what: What::EnumerationValue,
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
                What::Facet,
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
                What::ValueType,
                compared(old.integer),
                compared(new.integer),
            ));
        }
    }

    fn newtypes(&self, at: &At<'_>, old: &Newtype, new: &Newtype, out: &mut Vec<Change>) {
        if !self.same_type(&old.inner, &new.inner) {
            out.push(at.change(
                Effect::Breaking,
                ChangeKind::Changed,
                What::ValueType,
                rust_type(&old.inner),
                rust_type(&new.inner),
            ));
        }
        facets(&at.place.path, &at.rust, Some(&old.checks), Some(&new.checks), out);
    }

    fn unions(&self, at: &At<'_>, old: &Union, new: &Union, out: &mut Vec<Change>) {
        for member in &old.members {
            match new.members.iter().find(|candidate| candidate.variant == member.variant) {
                Some(new_member) => {
                    let rust = RustPlace::member(RustKind::Variant, at.new_item, &member.variant);
                    if !self.same_type(&member.ty, &new_member.ty) {
                        out.push(Change {
                            effect: Effect::Breaking,
                            change: ChangeKind::Changed,
                            what: What::ValueType,
                            schema_path: at.place.path.clone(),
                            rust: rust.clone(),
                            description: format!("{} -> {}", rust_type(&member.ty), rust_type(&new_member.ty)),
                        });
                    }
                    facets(&at.place.path, &rust, member.checks.as_ref(), new_member.checks.as_ref(), out);
                }
                None => out.push(Change {
                    effect: Effect::Breaking,
                    change: ChangeKind::Removed,
                    what: What::UnionMember,
                    schema_path: at.old_place.path.clone(),
                    rust: RustPlace::member(RustKind::Variant, at.old_item, &member.variant),
                    description: format!("{}({})", member.variant, rust_type(&member.ty)),
                }),
            }
        }
        for member in &new.members {
            if !old.members.iter().any(|candidate| candidate.variant == member.variant) {
                out.push(Change {
                    effect: Effect::Breaking,
                    change: ChangeKind::Added,
                    what: What::UnionMember,
                    schema_path: at.place.path.clone(),
                    rust: RustPlace::member(RustKind::Variant, at.new_item, &member.variant),
                    description: format!("{}({})", member.variant, rust_type(&member.ty)),
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
                What::Order,
                old_order.join(", "),
                new_order.join(", "),
            ));
        }
    }

    /// Root elements, matched by name; of two roots of one name (Plesk's
    /// request and response `<packet>`), the one read into the same type.
    fn roots(&self, out: &mut Vec<Change>) {
        let (old, new) = (&self.old.module.roots, &self.new.module.roots);
        let mut partner: Vec<Option<usize>> = vec![None; old.len()];
        let mut taken = vec![false; new.len()];
        let same = |old: &plan::Root, new: &plan::Root| {
            self.same_type(&RustType::Item(old.ty.clone()), &RustType::Item(new.ty.clone()))
        };
        for matching_type in [true, false] {
            for (at, root) in old.iter().enumerate() {
                if partner[at].is_some() {
                    continue;
                }
                let found = new.iter().enumerate().position(|(new_at, candidate)| {
                    !taken[new_at] && candidate.element == root.element && (!matching_type || same(root, candidate))
                });
                if let Some(new_at) = found {
                    partner[at] = Some(new_at);
                    taken[new_at] = true;
                }
            }
        }
        let rust_of = |index: &Index<'_>, ty: &str| match index.item(ty) {
            Some(item) => RustPlace::item(item),
            None => RustPlace { kind: RustKind::Struct, path: ty.to_owned() },
        };
        for (root, new_at) in old.iter().zip(partner) {
            let schema_path = format!("/{}", root.element);
            match new_at.and_then(|new_at| new.get(new_at)) {
                Some(new_root) if !same(root, new_root) => out.push(Change {
                    effect: Effect::Breaking,
                    change: ChangeKind::Changed,
                    what: What::RootElement,
                    schema_path,
                    rust: rust_of(self.new, &new_root.ty),
                    description: format!("read and written as {} -> as {}", root.ty, new_root.ty),
                }),
                Some(_) => {}
                None => out.push(Change {
                    effect: Effect::Breaking,
                    change: ChangeKind::Removed,
                    what: What::RootElement,
                    schema_path,
                    rust: rust_of(self.old, &root.ty),
                    description: format!("<{}> read and written as {}", root.element, root.ty),
                }),
            }
        }
        for (root, _) in new.iter().zip(taken).filter(|(_, taken)| !taken) {
            out.push(Change {
                effect: Effect::Additive,
                change: ChangeKind::Added,
                what: What::RootElement,
                schema_path: format!("/{}", root.element),
                rust: rust_of(self.new, &root.ty),
                description: format!("<{}> read and written as {}", root.element, root.ty),
            });
        }
    }
}

/// The item two versions share, for changes to the item as a whole.
struct At<'i> {
    /// The new item, in Rust.
    rust: RustPlace,
    /// The old item's Rust name.
    old_item: &'i str,
    /// The new item's Rust name.
    new_item: &'i str,
    /// The old item's place in the schema.
    old_place: &'i Place,
    /// The new item's place in the schema.
    place: &'i Place,
}

impl At<'_> {
    /// A change of the item itself, described `old -> new`.
    fn change(
        &self,
        effect: Effect,
        change: ChangeKind,
        what: What,
        old: impl fmt::Display,
        new: impl fmt::Display,
    ) -> Change {
        Change {
            effect,
            change,
            what,
            schema_path: self.place.path.clone(),
            rust: self.rust.clone(),
            description: format!("{old} -> {new}"),
        }
    }
}

// ----- classification ------------------------------------------------------------

/// The Rust shape of an occurrence: `T`, `Option<T>` or `Vec<T>`.
fn shape(occurs: Occurs) -> u8 {
    match occurs {
        Occurs::Required => 0,
        Occurs::Optional => 1,
        Occurs::Repeated { .. } => 2,
    }
}

/// What a change of occurrence does: breaking when the Rust shape changes,
/// behavioral when only the bounds of a `Vec` change or only whether a
/// required element's absence is tolerated; `None` when nothing changed.
fn occurrence_effect(old: Occurs, new: Occurs, tolerance_changed: bool) -> Option<(Effect, What)> {
    if shape(old) != shape(new) {
        Some((Effect::Breaking, What::Occurrence))
    } else if old != new {
        Some((Effect::Behavioral, What::Occurrence))
    } else if tolerance_changed {
        Some((Effect::Behavioral, What::Tolerance))
    } else {
        None
    }
}

/// The effect and description of an occurrence change of a field holding
/// values of Rust type `one`: with the field's Rust types when its shape
/// changes, the bounds alone otherwise. Each side is the occurrence, whether
/// absence is tolerated, and `one`.
fn occurrence_change(old: (Occurs, bool, &str), new: (Occurs, bool, &str)) -> Option<(Effect, What, String)> {
    let (effect, what) = occurrence_effect(old.0, new.0, old.1 != new.1)?;
    let (old_bounds, new_bounds) = (occurs_text(old.0, old.1), occurs_text(new.0, new.1));
    let description = if effect == Effect::Breaking {
        format!("{old_bounds}: {} -> {new_bounds}: {}", field_type(old.2, old.0), field_type(new.2, new.0))
    } else {
        format!("{old_bounds} -> {new_bounds}")
    };
    Some((effect, what, description))
}

/// The facets of a set of checks, by XSD name, values as written; white
/// space only when it is not `preserve` (the default of strings).
fn facet_list(checks: Option<&Checks>) -> Vec<(String, String)> {
    let mut facets = Vec::new();
    if let Some(checks) = checks {
        collect_facets(checks, "", &mut facets);
    }
    facets
}

fn collect_facets(checks: &Checks, prefix: &str, facets: &mut Vec<(String, String)>) {
    let mut push = |name: &str, value: Option<String>| {
        if let Some(value) = value {
            facets.push((format!("{prefix}{name}"), value));
        }
    };
    let patterns = |patterns: &[(String, String)]| {
        (!patterns.is_empty()).then(|| patterns.iter().map(|(xsd, _)| xsd.as_str()).collect::<Vec<_>>().join(" and "))
    };
    match checks {
        Checks::String(string) => {
            push(
                "whiteSpace",
                (string.white_space != WhiteSpace::Preserve).then(|| white_space(string.white_space).to_owned()),
            );
            push("length", string.length.map(|length| length.to_string()));
            push("minLength", string.min_length.map(|length| length.to_string()));
            push("maxLength", string.max_length.map(|length| length.to_string()));
            push("pattern", patterns(&string.patterns));
        }
        Checks::Number(number) | Checks::Decimal(number) => {
            push("minInclusive", number.min_inclusive.clone());
            push("maxInclusive", number.max_inclusive.clone());
            push("minExclusive", number.min_exclusive.clone());
            push("maxExclusive", number.max_exclusive.clone());
            push("totalDigits", number.total_digits.map(|digits| digits.to_string()));
            push("fractionDigits", number.fraction_digits.map(|digits| digits.to_string()));
        }
        Checks::List { length, min_length, max_length, enumeration, patterns: list_patterns, item } => {
            push("length", length.map(|length| length.to_string()));
            push("minLength", min_length.map(|length| length.to_string()));
            push("maxLength", max_length.map(|length| length.to_string()));
            let values = enumeration.iter().map(|value| format!("\"{value}\"")).collect::<Vec<_>>().join(", ");
            push("enumeration", (!enumeration.is_empty()).then_some(values));
            push("pattern", patterns(list_patterns));
            if let Some(item) = item {
                collect_facets(item, &format!("{prefix}item "), facets);
            }
        }
    }
}

/// One behavioral change per facet that differs.
fn facets(schema_path: &str, rust: &RustPlace, old: Option<&Checks>, new: Option<&Checks>, out: &mut Vec<Change>) {
    if old == new {
        return;
    }
    let (old, new) = (facet_list(old), facet_list(new));
    let mut names: Vec<&str> = old.iter().map(|(name, _)| name.as_str()).collect();
    for (name, _) in &new {
        if !names.contains(&name.as_str()) {
            names.push(name);
        }
    }
    let value_of = |facets: &[(String, String)], name: &str| {
        facets.iter().find(|(candidate, _)| candidate == name).map(|(_, value)| value.clone())
    };
    for name in names {
        let (old_value, new_value) = (value_of(&old, name), value_of(&new, name));
        let change = match (&old_value, &new_value) {
            (None, Some(_)) => ChangeKind::Added,
            (Some(_), None) => ChangeKind::Removed,
            (Some(old_value), Some(new_value)) if old_value != new_value => ChangeKind::Changed,
            _ => continue,
        };
        out.push(Change {
            effect: Effect::Behavioral,
            change,
            what: What::Facet,
            schema_path: schema_path.to_owned(),
            rust: rust.clone(),
            description: format!(
                "{name} {} -> {}",
                old_value.as_deref().unwrap_or("none"),
                new_value.as_deref().unwrap_or("none")
            ),
        });
    }
}

// ----- descriptions ---------------------------------------------------------------

fn item_rust_kind(kind: &ItemKind) -> RustKind {
    match kind {
        ItemKind::Struct(_) => RustKind::Struct,
        ItemKind::Choice(_) | ItemKind::Enumeration(_) | ItemKind::Union(_) => RustKind::Enum,
        ItemKind::Newtype(_) | ItemKind::Wrapper(_) => RustKind::Newtype,
        ItemKind::Alias(_) => RustKind::TypeAlias,
    }
}

/// What kind of item: two items of different kinds are not comparable.
fn kind_name(kind: &ItemKind) -> &'static str {
    match kind {
        ItemKind::Struct(plan) if plan.is_group => "struct (group)",
        ItemKind::Struct(_) => "struct",
        ItemKind::Choice(_) => "enum of alternatives",
        ItemKind::Enumeration(_) => "enum of values",
        ItemKind::Newtype(_) => "newtype",
        ItemKind::Union(_) => "enum of member types",
        ItemKind::Alias(_) => "type alias",
        ItemKind::Wrapper(_) => "root newtype",
    }
}

fn describe_item(item: &Item) -> String {
    let plural = |count: usize, what: &str| format!("{count} {what}{}", if count == 1 { "" } else { "s" });
    match &item.kind {
        ItemKind::Struct(plan) => {
            let fields = plan.attributes.len()
                + usize::from(plan.other_attributes.is_some())
                + match &plan.content {
                    StructContent::Simple(_) => 1,
                    content => content.fields().len(),
                };
            format!("{} with {}", kind_name(&item.kind), plural(fields, "field"))
        }
        ItemKind::Choice(choice) => format!("enum of {}", plural(choice.variants.len(), "alternative")),
        ItemKind::Enumeration(enumeration) => format!("enum of {}", plural(enumeration.values.len(), "value")),
        ItemKind::Newtype(newtype) => format!("newtype over {}", rust_type(&newtype.inner)),
        ItemKind::Union(union) => format!("enum of {}", plural(union.members.len(), "member type")),
        ItemKind::Alias(target) => format!("type alias of {}", rust_type(target)),
        ItemKind::Wrapper(target) => format!("root newtype over {}", rust_type(target)),
    }
}

fn member_what(kind: &FieldKind) -> What {
    match kind {
        FieldKind::Element(_) => What::Element,
        FieldKind::Group(_) => What::Group,
        FieldKind::Wildcard(_) => What::Wildcard,
    }
}

/// A field's occurrence and Rust type: `0..1: Option<String>`.
fn describe_field(kind: &FieldKind) -> String {
    match kind {
        FieldKind::Element(element) => {
            let one = boxed(rust_type(&element.ty), element.boxed);
            format!(
                "{}: {}",
                occurs_text(element.occurs, element.tolerated.is_some()),
                field_type(&one, element.occurs)
            )
        }
        FieldKind::Group(group) => {
            let one = boxed(group.ty.clone(), group.boxed);
            format!("{}: {}", occurs_text(group.occurs, false), field_type(&one, group.occurs))
        }
        FieldKind::Wildcard(wildcard) => format!("{}: Vec<xml::AnyElement>", occurs_text(wildcard.occurs, false)),
    }
}

/// A variant and what it holds: `AddBilling(UserAddInput)`.
fn describe_variant(name: &str, kind: &FieldKind) -> String {
    let held = match kind {
        FieldKind::Element(element) => field_type(&boxed(rust_type(&element.ty), element.boxed), element.occurs),
        FieldKind::Group(group) => field_type(&boxed(group.ty.clone(), group.boxed), group.occurs),
        FieldKind::Wildcard(_) => "Vec<xml::AnyElement>".to_owned(),
    };
    format!("{name}({held})")
}

fn describe_attribute(attribute: &AttributeField) -> String {
    let one = rust_type(&attribute.ty);
    if attribute.required { format!("required: {one}") } else { format!("optional: Option<{one}>") }
}

/// Occurrence bounds as `min..max` (`1` for exactly once).
fn occurs_text(occurs: Occurs, tolerated: bool) -> String {
    match occurs {
        Occurs::Required => "1".to_owned(),
        Occurs::Optional if tolerated => "1, absence tolerated".to_owned(),
        Occurs::Optional => "0..1".to_owned(),
        Occurs::Repeated { min, max: Some(max) } => format!("{min}..{max}"),
        Occurs::Repeated { min, max: None } => format!("{min}..unbounded"),
    }
}

fn boxed(one: String, boxed: bool) -> String {
    if boxed { format!("Box<{one}>") } else { one }
}

/// The Rust type of a field holding `one` with this occurrence.
fn field_type(one: &str, occurs: Occurs) -> String {
    match occurs {
        Occurs::Required => one.to_owned(),
        Occurs::Optional => format!("Option<{one}>"),
        Occurs::Repeated { .. } => format!("Vec<{one}>"),
    }
}

/// A Rust type as generated code writes it.
fn rust_type(ty: &RustType) -> String {
    match ty {
        RustType::String => "String".to_owned(),
        RustType::Bool => "bool".to_owned(),
        RustType::Integer(name) | RustType::Float(name) => (*name).to_owned(),
        RustType::Runtime(name) => format!("xml::{name}"),
        RustType::List(item) => format!("Vec<{}>", rust_type(item)),
        RustType::Item(name) => name.clone(),
    }
}

/// The label of a field's matching key in an order: the element name, `#`
/// and the group's name, `*`.
fn order_label(key: &str) -> String {
    if let Some(element) = key.strip_prefix('<') {
        return element.replacen('>', "", 1);
    }
    if let Some(group) = key.strip_prefix('#') {
        return format!("#{}", group.rsplit('#').next().unwrap_or(group));
    }
    key.to_owned()
}

fn white_space(white_space: WhiteSpace) -> &'static str {
    match white_space {
        WhiteSpace::Preserve => "preserve",
        WhiteSpace::Replace => "replace",
        WhiteSpace::Collapse => "collapse",
    }
}

/// The type of one occurrence of a nillable element.
fn nillable(one: String, nillable: bool) -> String {
    if nillable { format!("xml::Nillable<{one}>") } else { one }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{NumberChecks, StringChecks};

    /// A schema of one file read from `xsd`, planned with `config` (its
    /// schema file set here).
    struct Planned {
        schema: Schema,
        module: Module,
        config: Config,
    }

    impl Planned {
        fn version(&self) -> Version<'_> {
            Version { schema: &self.schema, module: &self.module, config: &self.config }
        }
    }

    fn planned(name: &str, xsd: &str, mut config: Config) -> Planned {
        let dir = std::env::temp_dir().join(format!("plesk-codegen-diff-unit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join(format!("{name}.xsd"));
        std::fs::write(&file, format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{xsd}</xs:schema>"#))
            .unwrap();
        config.schema_file(&file);
        let schema = crate::load(&config).unwrap();
        let module = plan::plan(&schema, &config).unwrap();
        Planned { schema, module, config }
    }

    fn changes(name: &str, old: &str, new: &str) -> Vec<Change> {
        let old = planned(&format!("{name}-old"), old, Config::new());
        let new = planned(&format!("{name}-new"), new, Config::new());
        compare(old.version(), new.version())
    }

    /// The changes as `effect change what path: description` lines.
    fn lines(changes: &[Change]) -> Vec<String> {
        changes
            .iter()
            .map(|change| {
                format!(
                    "{} {} {} {}: {}",
                    change.effect,
                    change.change.name(),
                    change.what.name(),
                    change.schema_path,
                    change.description
                )
            })
            .collect()
    }

    const PERSON: &str = r#"
        <xs:element name="person" type="Person"/>
        <xs:complexType name="Person">
          <xs:sequence>
            <xs:element name="name" type="xs:string"/>
            <xs:element name="phone" type="xs:string" minOccurs="0" maxOccurs="3"/>
          </xs:sequence>
        </xs:complexType>"#;

    #[test]
    fn occurrences_break_when_the_rust_shape_changes() {
        let repeated = |min, max| Occurs::Repeated { min, max };
        let breaking = Some((Effect::Breaking, What::Occurrence));
        let behavioral = Some((Effect::Behavioral, What::Occurrence));
        assert_eq!(occurrence_effect(Occurs::Required, Occurs::Optional, false), breaking);
        assert_eq!(occurrence_effect(Occurs::Optional, Occurs::Required, false), breaking);
        assert_eq!(occurrence_effect(Occurs::Optional, repeated(0, None), false), breaking);
        assert_eq!(occurrence_effect(repeated(1, Some(3)), Occurs::Required, false), breaking);
        assert_eq!(occurrence_effect(repeated(0, Some(3)), repeated(0, Some(5)), false), behavioral);
        assert_eq!(occurrence_effect(repeated(0, None), repeated(1, None), false), behavioral);
        assert_eq!(
            occurrence_effect(Occurs::Optional, Occurs::Optional, true),
            Some((Effect::Behavioral, What::Tolerance))
        );
        assert_eq!(occurrence_effect(Occurs::Optional, Occurs::Optional, false), None);
    }

    #[test]
    fn every_facet_that_differs_is_one_behavioral_change() {
        let string = |max_length, pattern: Option<&str>| {
            Checks::String(StringChecks {
                white_space: WhiteSpace::Preserve,
                length: None,
                min_length: None,
                max_length,
                patterns: pattern.map(|p| (p.to_owned(), p.to_owned())).into_iter().collect(),
            })
        };
        let rust = RustPlace { kind: RustKind::Newtype, path: "Name".to_owned() };
        let mut out = Vec::new();
        facets("Name", &rust, Some(&string(Some(64), None)), Some(&string(Some(128), Some("[a-z]+"))), &mut out);
        assert_eq!(
            lines(&out),
            [
                "behavioral changed facet Name: maxLength 64 -> 128",
                "behavioral added facet Name: pattern none -> [a-z]+"
            ]
        );

        let mut out = Vec::new();
        facets("Name", &rust, Some(&string(Some(64), None)), None, &mut out);
        assert_eq!(lines(&out), ["behavioral removed facet Name: maxLength 64 -> none"]);

        let number = |min: &str| {
            Checks::Number(NumberChecks {
                ty: RustType::Integer("i32"),
                min_inclusive: Some(min.to_owned()),
                max_inclusive: None,
                min_exclusive: None,
                max_exclusive: None,
                total_digits: None,
                fraction_digits: None,
            })
        };
        let mut out = Vec::new();
        facets("Age", &rust, Some(&number("0")), Some(&number("0")), &mut out);
        assert!(out.is_empty(), "equal facets are no change: {out:?}");
        facets("Age", &rust, Some(&number("0")), Some(&number("1")), &mut out);
        assert_eq!(lines(&out), ["behavioral changed facet Age: minInclusive 0 -> 1"]);
    }

    #[test]
    fn a_struct_field_added_is_breaking_even_when_optional() {
        let new = PERSON.replace(
            r#"<xs:element name="name" type="xs:string"/>"#,
            r#"<xs:element name="name" type="xs:string"/><xs:element name="email" type="xs:string" minOccurs="0"/>"#,
        );
        let found = changes("field-added", PERSON, &new);
        assert_eq!(lines(&found), ["breaking added element Person/email: 0..1: Option<String>"]);
        assert_eq!(found[0].rust, RustPlace { kind: RustKind::Field, path: "Person::email".to_owned() });
    }

    #[test]
    fn vec_bounds_are_behavioral_and_the_shape_is_breaking() {
        let wider = PERSON.replace(r#"maxOccurs="3""#, r#"maxOccurs="5""#);
        assert_eq!(
            lines(&changes("bounds", PERSON, &wider)),
            ["behavioral changed occurrence Person/phone: 0..3 -> 0..5"]
        );
        let single = PERSON.replace(r#"maxOccurs="3""#, r#"maxOccurs="1""#);
        assert_eq!(
            lines(&changes("shape", PERSON, &single)),
            ["breaking changed occurrence Person/phone: 0..3: Vec<String> -> 0..1: Option<String>"]
        );
    }

    #[test]
    fn choice_variants_added_or_removed_are_breaking_both_ways() {
        let old = r#"
            <xs:element name="contact" type="Contact"/>
            <xs:complexType name="Contact">
              <xs:choice>
                <xs:element name="email" type="xs:string"/>
                <xs:element name="phone" type="xs:string"/>
              </xs:choice>
            </xs:complexType>"#;
        let new = old.replace(
            r#"<xs:element name="phone" type="xs:string"/>"#,
            r#"<xs:element name="phone" type="xs:string"/><xs:element name="fax" type="xs:string"/>"#,
        );
        let added = changes("variant-added", old, &new);
        assert_eq!(lines(&added), ["breaking added element Contact/fax: Fax(String)"]);
        assert_eq!(added[0].rust, RustPlace { kind: RustKind::Variant, path: "Contact::Fax".to_owned() });
        let removed = changes("variant-removed", &new, old);
        assert_eq!(lines(&removed), ["breaking removed element Contact/fax: Fax(String)"]);
    }

    #[test]
    fn new_types_and_roots_are_additive_and_removed_ones_breaking() {
        let more = format!(r#"{PERSON}<xs:element name="note" type="xs:string"/>"#);
        let added = changes("root-added", PERSON, &more);
        assert!(added.iter().all(|change| change.effect == Effect::Additive), "{added:?}");
        assert!(added.iter().any(|change| change.what == What::RootElement && change.schema_path == "/note"));
        let removed = changes("root-removed", &more, PERSON);
        assert!(removed.iter().all(|change| change.effect == Effect::Breaking), "{removed:?}");
        assert_eq!(removed.len(), 2, "the root element and its type: {removed:?}");
    }

    #[test]
    fn documentation_is_not_a_change() {
        let documented = PERSON.replace(
            r#"<xs:element name="name" type="xs:string"/>"#,
            r#"<xs:element name="name" type="xs:string"><xs:annotation><xs:documentation>Full name.</xs:documentation></xs:annotation></xs:element>"#,
        );
        assert_eq!(changes("documentation", PERSON, &documented), []);
    }

    #[test]
    fn a_tolerated_absence_that_the_schema_then_allows_is_behavioral() {
        let mut tolerant = Config::new();
        tolerant.tolerate_missing("Person/name", "old servers omit it");
        let old = planned("tolerated-old", PERSON, tolerant);
        let optional = PERSON.replace(
            r#"<xs:element name="name" type="xs:string"/>"#,
            r#"<xs:element name="name" type="xs:string" minOccurs="0"/>"#,
        );
        let new = planned("tolerated-new", &optional, Config::new());
        assert_eq!(
            lines(&compare(old.version(), new.version())),
            ["behavioral changed tolerated absence Person/name: 1, absence tolerated -> 0..1"]
        );
    }

    #[test]
    fn renamed_group_fields_keep_their_schema_path() {
        let xsd = r#"
            <xs:element name="packet">
              <xs:complexType>
                <xs:choice maxOccurs="unbounded">
                  <xs:element name="webuser" type="xs:string"/>
                  <xs:element name="user" type="xs:string"/>
                </xs:choice>
                <xs:attribute name="version" type="xs:string"/>
              </xs:complexType>
            </xs:element>"#;
        let mut renamed = Config::new();
        renamed.field_name("/packet#webuser_or_user", "operators").type_name("/packet#webuser_or_user", "Operator");
        let old = planned("group-old", xsd, Config::new());
        let new = planned("group-new", xsd, renamed);
        let found = compare(old.version(), new.version());
        assert_eq!(
            lines(&found),
            [
                "breaking changed rust name /packet#webuser_or_user: PacketWebuserOrUser -> Operator",
                "breaking changed rust name /packet#webuser_or_user: webuser_or_user -> operators",
            ]
        );
    }

    #[test]
    fn a_report_says_its_worst_effect_and_semver_bump() {
        let change = |effect| Change {
            effect,
            change: ChangeKind::Changed,
            what: What::Facet,
            schema_path: "Name".to_owned(),
            rust: RustPlace { kind: RustKind::Newtype, path: "Name".to_owned() },
            description: "maxLength 1 -> 2".to_owned(),
        };
        let report = |effects: &[Effect]| Report {
            old: "old".to_owned(),
            new: "new".to_owned(),
            changes: effects.iter().map(|effect| change(*effect)).collect(),
        };
        assert_eq!(report(&[]).semver(), Semver::None);
        assert_eq!(report(&[]).to_text(), "old -> new: no change\n");
        assert_eq!(report(&[Effect::Behavioral]).semver(), Semver::Patch);
        assert_eq!(report(&[Effect::Behavioral, Effect::Additive]).semver(), Semver::Minor);
        let breaking = report(&[Effect::Breaking, Effect::Behavioral]);
        assert_eq!(breaking.effect(), Some(Effect::Breaking));
        assert_eq!(breaking.semver(), Semver::Major);
        assert!(breaking.is_breaking());
        assert!(!report(&[Effect::Additive]).is_breaking());
    }
}
