//! The words of a report: what kind of item something is, and items,
//! fields, variants, occurrences and Rust types as a reader sees them.

use super::report::{RustKind, Subject};
use crate::model::WhiteSpace;
use crate::plan::{AttributeField, FieldKind, Item, ItemKind, Occurs, Role, StructContent};

pub(super) fn item_rust_kind(kind: &ItemKind) -> RustKind {
    match kind {
        ItemKind::Struct(_) => RustKind::Struct,
        ItemKind::Choice(_) | ItemKind::Enumeration(_) | ItemKind::Union(_) => RustKind::Enum,
        ItemKind::Newtype(_) | ItemKind::Wrapper(_) => RustKind::Newtype,
        ItemKind::Alias(_) => RustKind::TypeAlias,
    }
}

/// What kind of item: two items of different kinds are not comparable.
pub(super) fn kind_name(kind: &ItemKind) -> &'static str {
    match kind {
        ItemKind::Struct(plan) if plan.role == Role::Group => "struct (group)",
        ItemKind::Struct(_) => "struct",
        ItemKind::Choice(_) => "enum of alternatives",
        ItemKind::Enumeration(_) => "enum of values",
        ItemKind::Newtype(_) => "newtype",
        ItemKind::Union(_) => "enum of member types",
        ItemKind::Alias(_) => "type alias",
        ItemKind::Wrapper(_) => "root newtype",
    }
}

pub(super) fn describe_item(item: &Item) -> String {
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
        ItemKind::Newtype(newtype) => format!("newtype over {}", &newtype.inner),
        ItemKind::Union(union) => format!("enum of {}", plural(union.members.len(), "member type")),
        ItemKind::Alias(target) => format!("type alias of {}", target),
        ItemKind::Wrapper(target) => format!("root newtype over {}", target),
    }
}

pub(super) fn member_subject(kind: &FieldKind) -> Subject {
    match kind {
        FieldKind::Element(_) => Subject::Element,
        FieldKind::Group(_) => Subject::Group,
        FieldKind::Wildcard(_) => Subject::Wildcard,
    }
}

/// A field's occurrence and Rust type: `0..1: Option<String>`.
pub(super) fn describe_field(kind: &FieldKind) -> String {
    match kind {
        FieldKind::Element(element) => {
            let one = boxed(nillable(element.ty.to_string(), element.nillable), element.boxed);
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
pub(super) fn describe_variant(name: &str, kind: &FieldKind) -> String {
    let held = match kind {
        FieldKind::Element(element) => {
            field_type(&boxed(nillable(element.ty.to_string(), element.nillable), element.boxed), element.occurs)
        }
        FieldKind::Group(group) => field_type(&boxed(group.ty.clone(), group.boxed), group.occurs),
        FieldKind::Wildcard(_) => "Vec<xml::AnyElement>".to_owned(),
    };
    format!("{name}({held})")
}

pub(super) fn describe_attribute(attribute: &AttributeField) -> String {
    let one = attribute.ty.to_string();
    if attribute.required { format!("required: {one}") } else { format!("optional: Option<{one}>") }
}

/// Occurrence bounds as `min..max` (`1` for exactly once).
pub(super) fn occurs_text(occurs: Occurs, tolerated: bool) -> String {
    match occurs {
        Occurs::Required => "1".to_owned(),
        Occurs::Optional if tolerated => "1, absence tolerated".to_owned(),
        Occurs::Optional | Occurs::Repeated { .. } => occurs.bounds().to_string(),
    }
}

pub(super) fn boxed(one: String, boxed: bool) -> String {
    if boxed { format!("Box<{one}>") } else { one }
}

/// The Rust type of a field holding `one` with this occurrence.
pub(super) fn field_type(one: &str, occurs: Occurs) -> String {
    match occurs {
        Occurs::Required => one.to_owned(),
        Occurs::Optional => format!("Option<{one}>"),
        Occurs::Repeated { .. } => format!("Vec<{one}>"),
    }
}

/// The label of a field's matching key in an order: the element name, `#`
/// and the group's name, `*`.
pub(super) fn order_label(key: &str) -> String {
    if let Some(element) = key.strip_prefix('<') {
        return element.replacen('>', "", 1);
    }
    if let Some(group) = key.strip_prefix('#') {
        return format!("#{}", group.rsplit('#').next().unwrap_or(group));
    }
    key.to_owned()
}

pub(super) fn white_space(white_space: WhiteSpace) -> &'static str {
    match white_space {
        WhiteSpace::Preserve => "preserve",
        WhiteSpace::Replace => "replace",
        WhiteSpace::Collapse => "collapse",
    }
}

/// The type of one occurrence of an element: `xml::Nillable<T>` when its
/// declaration is nillable.
pub(super) fn nillable(one: String, nillable: bool) -> String {
    if nillable { format!("xml::Nillable<{one}>") } else { one }
}
