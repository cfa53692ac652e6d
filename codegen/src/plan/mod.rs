//! Stage 3, plan: the Rust items to generate, decided from the schema model:
//! names, field types, occurrences, boxing, facets to check, and what later
//! stages need to know about each item (its schema place, its cycle, the
//! elements that can start it, whether it validates). The emitter only
//! turns this plan into tokens, and `diff` only compares two plans.
//!
//! This file holds the plan's items, `values.rs` its value types and
//! checks; [`plan`] (`build.rs`) runs the passes, one file each: `names.rs`,
//! `simple.rs`, `content.rs` (with `lookahead.rs` and `docs.rs`),
//! `roots.rs`, `merge.rs`, `recursion.rs`, `validation.rs`, `size.rs`,
//! `derives.rs`, `outcome.rs`, `conversions.rs`, `features.rs`.

mod attributes;
mod build;
mod checks;
mod content;
mod conversions;
mod derives;
mod docs;
mod features;
mod lookahead;
mod merge;
mod names;
mod outcome;
mod recursion;
mod redaction;
mod roots;
mod simple;
mod size;
mod validation;
mod values;

use std::collections::{BTreeMap, BTreeSet};

pub use attributes::Attributes;
pub use build::plan;
pub use conversions::{Conversions, Envelope, OperatorList, Operators, ResultField};
pub use derives::{Derive, Derives};
pub use features::Gates;
pub use values::{Checks, NumberChecks, Runtime, RustType, StringChecks};

pub use crate::model::NamespaceConstraint;
use crate::model::{self, WhiteSpace};
use crate::source::Span;

/// Everything one generated module holds.
#[derive(Debug)]
pub struct Module {
    /// The items, in schema document order.
    pub items: Vec<Item>,
    /// The global elements: types that can be read and written as documents.
    pub roots: Vec<Root>,
    /// The schema files, as named in the module's header.
    pub files: Vec<String>,
    /// The attributes the configuration adds to items and fields.
    pub attributes: Attributes,
    /// The structs that are an operation's result, with what a success
    /// carries.
    pub outcomes: Vec<Outcome>,
    /// The `From` conversions, and the operators of the packets.
    pub conversions: Conversions,
    /// The schema paths of groups merged into an identical one (`merge.rs`),
    /// with the name of the item that stands for them.
    pub merged: BTreeMap<String, String>,
    /// Under which cargo features each item is compiled
    /// ([`Config::operator_features`](crate::Config::operator_features)).
    pub gates: Gates,
}

impl Module {
    /// The item with this Rust name.
    pub fn item(&self, name: &str) -> Option<&Item> {
        self.items.iter().find(|item| item.name == name)
    }

    /// Whether values of `ty` have something for `validate()` to check
    /// (strings always do: characters XML cannot carry).
    pub fn validates(&self, ty: &RustType) -> bool {
        validation::type_validates(ty, &|name| self.item(name).map(|item| (&item.kind, item.validates)))
    }
}

/// A struct that is an operation's result: its status, error code and
/// error text fields, and what a success carries.
#[derive(Debug)]
pub struct Outcome {
    /// The struct.
    pub item: String,
    /// The field holding `<status>`.
    pub status: String,
    /// The enumeration of `<status>`.
    pub status_type: String,
    /// The variant of that enumeration for `ok`.
    pub ok: String,
    /// The field holding `<errcode>` (an `Option<u32>`).
    pub errcode: String,
    /// The field holding `<errtext>` (an `Option<String>`).
    pub errtext: String,
    /// What a success carries.
    pub success: Success,
}

/// What a successful operation's result carries besides its status.
#[derive(Debug, PartialEq, Eq)]
pub enum Success {
    /// Nothing: the result type adds no field.
    Nothing,
    /// One field.
    Field {
        /// The field.
        field: String,
        /// Whether every success carries it, although the schema lets it be
        /// absent (it is when the operation fails).
        required: bool,
        /// What a success lacks when it is absent, as the schema names it.
        missing: String,
    },
    /// Several fields: the whole result.
    Whole,
}

/// One generated type.
#[derive(Debug)]
pub struct Item {
    /// The Rust name.
    pub name: String,
    /// Documentation lines.
    pub doc: Vec<String>,
    /// Where the schema defines it (orders the items).
    pub span: Span,
    /// What it stands for in the schema, by schema path.
    pub place: SchemaPlace,
    /// What it is.
    pub kind: ItemKind,
    /// Whether `validate()` has anything to check in it.
    pub validates: bool,
    /// The items it refers to that refer back to it, directly or through
    /// others ([`Item::references`]): the steps of the cycle it is in.
    /// Empty when it is in none.
    pub cycle: BTreeSet<String>,
    /// The standard traits it derives, decided from its fields.
    pub derives: Derives,
}

/// Where an item stands in the schema, by *schema path*, the key of the
/// [`Config`](crate::Config) options (`UserAddGenInfo`, `/packet`,
/// `ResponsePacketType#choice`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaPlace {
    /// The item's own path: a type's, a group's (`Type#group`), or a
    /// global element's (`/element`).
    pub path: String,
    /// The path of the complex type whose elements and attributes the
    /// item holds: its own for a type, the enclosing type's for a group.
    pub type_path: String,
    /// What the item stands for.
    pub origin: Origin,
}

/// What in the schema an item stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A type, named or anonymous.
    Type,
    /// A choice or sequence group inside a type's content.
    Group,
    /// A global element of a shared or simple type, which gets a wrapper
    /// type of its own.
    RootElement,
}

/// Pushes the generated item `ty` names, if any (through lists).
fn type_references<'t>(ty: &'t RustType, names: &mut Vec<&'t str>) {
    match ty {
        RustType::Item(name) => names.push(name),
        RustType::List(item) => type_references(item, names),
        _ => {}
    }
}

impl FieldKind {
    /// Pushes the names of the generated items this field or alternative
    /// refers to.
    pub fn references<'t>(&'t self, names: &mut Vec<&'t str>) {
        match self {
            FieldKind::Element(element) => type_references(&element.ty, names),
            FieldKind::Group(group) => names.push(&group.ty),
            FieldKind::Wildcard(_) => {}
        }
    }
}

impl Item {
    /// The names of the generated items this item's code refers to.
    pub fn references(&self) -> Vec<&str> {
        let mut names = Vec::new();
        match &self.kind {
            ItemKind::Struct(plan) => {
                for attribute in &plan.attributes {
                    type_references(&attribute.ty, &mut names);
                }
                match &plan.content {
                    StructContent::Simple(value) => type_references(&value.ty, &mut names),
                    content => content.fields().iter().for_each(|field| field.kind.references(&mut names)),
                }
            }
            ItemKind::Choice(choice) => choice.variants.iter().for_each(|variant| variant.kind.references(&mut names)),
            ItemKind::Newtype(newtype) => type_references(&newtype.inner, &mut names),
            ItemKind::Union(union) => union.members.iter().for_each(|member| type_references(&member.ty, &mut names)),
            ItemKind::Alias(target) | ItemKind::Wrapper(target) => type_references(target, &mut names),
            ItemKind::Enumeration(_) => {}
        }
        names
    }

    /// Whether the item implements `XmlGroup`: a group inside some content.
    pub fn is_group(&self) -> bool {
        match &self.kind {
            ItemKind::Struct(Struct { role, .. }) | ItemKind::Choice(Choice { role, .. }) => *role == Role::Group,
            _ => false,
        }
    }

    /// Whether the item implements `XmlElement` itself (simple types get it
    /// from their `SimpleValue` implementation).
    pub fn is_element(&self) -> bool {
        match &self.kind {
            ItemKind::Struct(Struct { role, .. }) | ItemKind::Choice(Choice { role, .. }) => *role == Role::Element,
            ItemKind::Wrapper(_) => true,
            _ => false,
        }
    }
}

/// The kinds of generated item.
#[derive(Debug)]
pub enum ItemKind {
    /// A struct: a complex type, or a sequence group inside one.
    Struct(Struct),
    /// An enum of alternatives: a choice (a complex type that is one, or a
    /// group inside one).
    Choice(Choice),
    /// An enum of values: a simple type with an `enumeration` facet.
    Enumeration(Enumeration),
    /// A newtype over a simple value, for a named simple type with facets.
    Newtype(Newtype),
    /// An enum of member types: a union simple type.
    Union(Union),
    /// A type alias, for a named simple type without facets of its own.
    Alias(RustType),
    /// A newtype giving a global element of a shared or simple type its own root type.
    Wrapper(RustType),
}

/// What a struct or a choice enum is read and written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A complex type: the content of an element of its own (`XmlElement`).
    Element,
    /// A group inside a type's content, with no element of its own
    /// (`XmlGroup`): read when the next element is one that can start it.
    Group,
}

/// What can start a content model: the elements a group's reader peeks at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    /// One of these elements (up to the first field that must be there).
    Elements(Vec<String>),
    /// Any element: a wildcard can come first.
    AnyElement,
}

/// A struct's shape.
#[derive(Debug)]
pub struct Struct {
    /// A type's content, or a group inside one.
    pub role: Role,
    /// Attributes, in schema order.
    pub attributes: Vec<AttributeField>,
    /// The field that keeps attributes matched by `xs:anyAttribute`.
    pub other_attributes: Option<OtherAttributes>,
    /// What is between the tags.
    pub content: StructContent,
    /// Fields of an optional `xs:all` whose elements the schema requires
    /// when any element of the group is present: each is an `Option`, and
    /// reading and `validate()` check they are there whenever the others are.
    pub required_together: Vec<String>,
    /// What can start the content (what the reader of a group peeks at).
    pub start: Start,
}

/// The attributes an `xs:anyAttribute` wildcard matches.
#[derive(Debug)]
pub struct OtherAttributes {
    /// The field that keeps them.
    pub field: String,
    /// Which namespaces they may be in.
    pub namespaces: NamespaceConstraint,
}

/// What a struct holds between its tags.
#[derive(Debug)]
pub enum StructContent {
    /// Nothing.
    Empty,
    /// Child elements in this order.
    Sequence(Vec<Field>),
    /// Child elements in any order (`xs:all`), written in this order.
    All(Vec<Field>),
    /// Text.
    Simple(ValueField),
}

impl StructContent {
    /// The element fields, in order.
    pub fn fields(&self) -> &[Field] {
        match self {
            Self::Sequence(fields) | Self::All(fields) => fields,
            Self::Empty | Self::Simple(_) => &[],
        }
    }
}

/// The text of a simple-content type.
#[derive(Debug)]
pub struct ValueField {
    /// The field name.
    pub name: String,
    /// Its type.
    pub ty: RustType,
    /// Facets to check, when the type is restricted inline.
    pub checks: Option<Checks>,
}

/// A field for a child element, a group or a wildcard.
#[derive(Debug)]
pub struct Field {
    /// The Rust name.
    pub name: String,
    /// Its schema path: the element's (`Type/element`), the group's
    /// (`Type#group`), or the wildcard's (`Type/*`).
    pub schema_path: String,
    /// Documentation lines.
    pub doc: Vec<String>,
    /// What it holds.
    pub kind: FieldKind,
    /// Whether `Debug` hides its value.
    pub redacted: bool,
    /// When `Debug` hides its value depending on a sibling: the value of a
    /// name/value pair named as a secret.
    pub redacted_by_name: Option<RedactedByName>,
}

/// A field `Debug` hides when its sibling names a secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedactedByName {
    /// The Rust name of the sibling field holding the name (a `String`).
    pub name_field: String,
    /// The names whose values are secret, sorted.
    pub secret_names: Vec<String>,
}

/// What a field (or a choice alternative) holds.
#[derive(Debug)]
pub enum FieldKind {
    /// A child element.
    Element(ElementField),
    /// A choice or a sequence group.
    Group(GroupField),
    /// Elements matched by `xs:any`.
    Wildcard(WildcardField),
}

impl FieldKind {
    /// The elements that can start the field: its element, or those that
    /// can start its group; none named for a wildcard.
    pub fn first(&self) -> &[String] {
        match self {
            Self::Element(element) => std::slice::from_ref(&element.xml_name),
            Self::Group(group) => &group.first,
            Self::Wildcard(_) => &[],
        }
    }

    /// How often the field occurs.
    pub fn occurs(&self) -> Occurs {
        match self {
            Self::Element(element) => element.occurs,
            Self::Group(group) => group.occurs,
            Self::Wildcard(wildcard) => wildcard.occurs,
        }
    }
}

/// A child element.
#[derive(Debug)]
pub struct ElementField {
    /// The element name.
    pub xml_name: String,
    /// The Rust type of one occurrence.
    pub ty: RustType,
    /// How often it occurs.
    pub occurs: Occurs,
    /// Whether one occurrence is boxed (to break a recursion).
    pub boxed: bool,
    /// Facets of an anonymous restriction, checked by `validate()`.
    pub checks: Option<Box<Checks>>,
    /// Why a required element is tolerated absent (the field is then optional).
    pub tolerated: Option<String>,
    /// The declaration's `default`: the value of the element when it is empty.
    pub default: Option<String>,
    /// Whether the element holds only text (its type is simple), which the
    /// reader has a faster path for.
    pub is_simple: bool,
    /// Whether the declaration is `nillable`: each occurrence is then an
    /// `xml::Nillable`, a value or nil.
    pub nillable: bool,
}

/// A group inside the content.
#[derive(Debug)]
pub struct GroupField {
    /// The generated item for the group.
    pub ty: String,
    /// How often it occurs.
    pub occurs: Occurs,
    /// The elements that can start the group, for messages.
    pub first: Vec<String>,
    /// Whether one occurrence is boxed.
    pub boxed: bool,
    /// Whether the group is a choice (an enum) rather than a sequence.
    pub is_choice: bool,
}

/// Elements matched by `xs:any`.
#[derive(Debug)]
pub struct WildcardField {
    /// How often.
    pub occurs: Occurs,
    /// Elements that end the wildcard's run: those that may come after it.
    pub followers: Vec<String>,
    /// Which elements match (the wildcard's `namespace`).
    pub namespace: NamespaceConstraint,
}

/// How often a field occurs, as the Rust type shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Occurs {
    /// Exactly once: `T`.
    Required,
    /// At most once: `Option<T>`.
    Optional,
    /// Any other bounds: `Vec<T>`.
    Repeated {
        /// `minOccurs`.
        min: u32,
        /// `maxOccurs`, `None` for unbounded.
        max: Option<u32>,
    },
}

impl From<model::Occurs> for Occurs {
    /// The Rust shape for the schema's occurrence bounds: the one place that
    /// decides it.
    fn from(bounds: model::Occurs) -> Self {
        if bounds == model::Occurs::ONCE {
            Self::Required
        } else if bounds == model::Occurs::OPTIONAL {
            Self::Optional
        } else {
            Self::Repeated { min: bounds.min, max: bounds.max }
        }
    }
}

impl Occurs {
    /// The occurrence bounds the shape stands for.
    pub fn bounds(self) -> model::Occurs {
        match self {
            Self::Required => model::Occurs::ONCE,
            Self::Optional => model::Occurs::OPTIONAL,
            Self::Repeated { min, max } => model::Occurs { min, max },
        }
    }

    /// Whether the field can be absent.
    pub fn is_optional(self) -> bool {
        self.bounds().is_optional()
    }

    /// Whether `validate()` must count occurrences.
    pub fn has_bounds(self) -> bool {
        matches!(self, Self::Repeated { min, max } if min > 0 || max.is_some())
    }
}

/// An attribute.
#[derive(Debug)]
pub struct AttributeField {
    /// The Rust name.
    pub name: String,
    /// The attribute name.
    pub xml_name: String,
    /// Its type.
    pub ty: RustType,
    /// `use="required"` (otherwise the field is an `Option`).
    pub required: bool,
    /// Facets of an anonymous restriction.
    pub checks: Option<Checks>,
    /// Documentation lines.
    pub doc: Vec<String>,
    /// Whether `Debug` hides its value.
    pub redacted: bool,
}

/// An enum of alternatives.
#[derive(Debug)]
pub struct Choice {
    /// A complex type that is a choice, or a choice group inside a type.
    pub role: Role,
    /// The alternatives, in schema order.
    pub variants: Vec<Variant>,
    /// Every element that can start one of the alternatives, in order.
    pub first: Vec<String>,
    /// Whether a variant may be large enough for `clippy::large_enum_variant`
    /// (`size.rs`).
    pub large_variant: bool,
}

/// One alternative of a choice.
#[derive(Debug)]
pub struct Variant {
    /// The variant name.
    pub name: String,
    /// Its schema path, as a [`Field`]'s.
    pub schema_path: String,
    /// Documentation lines.
    pub doc: Vec<String>,
    /// What it holds (an element, a group or a wildcard; never absent).
    pub kind: FieldKind,
    /// The cargo feature the alternative is compiled under, if any
    /// ([`Config::operator_features`](crate::Config::operator_features)).
    pub feature: Option<String>,
    /// Whether `Debug` hides its value (an element configured with
    /// [`Config::redact_debug`](crate::Config::redact_debug)).
    pub redacted: bool,
}

/// An enum of values.
#[derive(Debug)]
pub struct Enumeration {
    /// The values, in schema order.
    pub values: Vec<EnumerationValue>,
    /// How the text is normalized before matching.
    pub white_space: WhiteSpace,
    /// For an integer base type, the Rust integer type: values are then
    /// compared as numbers (`01` is `1`).
    pub integer: Option<&'static str>,
}

/// One enumeration value.
#[derive(Debug)]
pub struct EnumerationValue {
    /// The variant name.
    pub variant: String,
    /// The value as the schema writes it.
    pub value: String,
    /// The number it stands for, when the enumeration's base type is an
    /// integer type (then always there, checked to fit [`Enumeration::integer`]).
    pub number: Option<i128>,
    /// Documentation lines.
    pub doc: Vec<String>,
}

/// A newtype with facets.
#[derive(Debug)]
pub struct Newtype {
    /// The wrapped type.
    pub inner: RustType,
    /// Its facets.
    pub checks: Checks,
}

/// An enum of member types.
#[derive(Debug)]
pub struct Union {
    /// The members, tried in this order when reading.
    pub members: Vec<UnionMember>,
}

/// One member of a union.
#[derive(Debug)]
pub struct UnionMember {
    /// The variant name.
    pub variant: String,
    /// The member's type.
    pub ty: RustType,
    /// Facets of an anonymous member restriction.
    pub checks: Option<Checks>,
}

/// A global element: a type that can be a whole document.
#[derive(Debug)]
pub struct Root {
    /// The element name.
    pub element: String,
    /// The generated type that reads and writes it.
    pub ty: String,
}

#[cfg(test)]
mod tests {
    use super::{Occurs, model};

    #[test]
    fn occurs_shape_follows_the_bounds_and_gives_them_back() {
        let bounds = |min, max| model::Occurs { min, max };
        assert_eq!(Occurs::from(bounds(1, Some(1))), Occurs::Required);
        assert_eq!(Occurs::from(bounds(0, Some(1))), Occurs::Optional);
        assert_eq!(Occurs::from(bounds(0, Some(0))), Occurs::Repeated { min: 0, max: Some(0) });
        assert_eq!(Occurs::from(bounds(1, None)), Occurs::Repeated { min: 1, max: None });
        for each in [bounds(1, Some(1)), bounds(0, Some(1)), bounds(2, Some(5)), bounds(0, None)] {
            assert_eq!(Occurs::from(each).bounds(), each);
        }
        assert!(!Occurs::Required.is_optional() && Occurs::Optional.is_optional());
        assert!(Occurs::Repeated { min: 0, max: None }.is_optional());
    }
}
