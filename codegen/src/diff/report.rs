//! The report of a comparison: each change with its effect, its subject and
//! its places in the schema and in Rust, and the report's text and JSON forms.

use std::fmt;

use super::describe::item_rust_kind;
use crate::plan::Item;

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
pub enum Subject {
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

impl Subject {
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
    pub(super) fn item(item: &Item) -> Self {
        Self { kind: item_rust_kind(&item.kind), path: item.name.clone() }
    }

    pub(super) fn member(kind: RustKind, item: &str, member: &str) -> Self {
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
    pub kind: ChangeKind,
    /// What changed.
    pub subject: Subject,
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
    pub(super) fn sort_key(&self) -> (Effect, &str, Subject, ChangeKind, &RustPlace, &str) {
        (self.effect, &self.schema_path, self.subject, self.kind, &self.rust, &self.description)
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {} {} ({})", self.effect, self.kind.name(), self.subject.name(), self.schema_path, self.rust)?;
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
        let change_width = self.changes.iter().map(|change| change.kind.name().len()).max().unwrap_or(0);
        let what_width = self.changes.iter().map(|change| change.subject.name().len()).max().unwrap_or(0);
        let mut previous = None;
        for change in &self.changes {
            if previous != Some(change.effect) {
                text.push('\n');
                previous = Some(change.effect);
            }
            let line = format!(
                "{:effect_width$}  {:change_width$}  {:what_width$}  {} ({})",
                change.effect.name(),
                change.kind.name(),
                change.subject.name(),
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
                    "change": change.kind.name(),
                    "what": change.subject.name(),
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
