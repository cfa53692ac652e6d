//! The comparison of two versions' items, member by member: what differs in
//! structs (attributes, content, fields), choices and root elements; the
//! simple-type items are `simple.rs`'s.

use std::collections::HashMap;
use std::fmt;

use super::classify::{Occurrence, facets, occurrence_change};
use super::describe::{
    boxed, describe_attribute, describe_field, describe_variant, kind_name, member_subject, nillable, occurs_text,
    order_label,
};
use super::index::{Index, keyed};
use super::report::{Change, ChangeKind, Effect, RustKind, RustPlace, Subject};
use crate::plan::{
    self, AttributeField, Choice, Field, FieldKind, ItemKind, OtherAttributes, RustType, SchemaPlace, Struct,
    StructContent, ValueField,
};

pub(super) struct Differ<'i, 'a> {
    pub(super) old: &'i Index<'a>,
    pub(super) new: &'i Index<'a>,
    /// Old Rust name to the new Rust names of the items compared with it
    /// (more than one where a type defined once is split into several
    /// definitions).
    pub(super) renamed: HashMap<&'a str, Vec<&'a str>>,
}

/// A field or variant being compared.
#[derive(Clone, Copy)]
pub(super) struct Member<'f> {
    /// Its Rust name.
    pub(super) name: &'f str,
    /// Its schema path.
    pub(super) schema_path: &'f str,
    /// What it holds.
    pub(super) kind: &'f FieldKind,
}

impl<'f> Member<'f> {
    fn field(field: &'f Field) -> Self {
        Self { name: &field.name, schema_path: &field.schema_path, kind: &field.kind }
    }

    fn variant(variant: &'f plan::Variant) -> Self {
        Self { name: &variant.name, schema_path: &variant.schema_path, kind: &variant.kind }
    }
}

impl Differ<'_, '_> {
    /// Whether an old Rust type is the new one, items renamed in between
    /// counting as the same.
    pub(super) fn same_type(&self, old: &RustType, new: &RustType) -> bool {
        match (old, new) {
            (RustType::Item(old), RustType::Item(new)) => match self.renamed.get(old.as_str()) {
                Some(names) => names.contains(&new.as_str()),
                None => old == new,
            },
            (RustType::List(old), RustType::List(new)) => self.same_type(old, new),
            (old, new) => old == new,
        }
    }

    pub(super) fn item(&self, old_at: usize, new_at: usize, out: &mut Vec<Change>) {
        let (old, new) = (&self.old.module.items[old_at], &self.new.module.items[new_at]);
        let (old_place, place) = (self.old.place(old_at), self.new.place(new_at));
        let rust = RustPlace::item(new);
        if old.name != new.name {
            out.push(Change {
                effect: Effect::Breaking,
                kind: ChangeKind::Changed,
                subject: Subject::RustName,
                schema_path: place.path.clone(),
                rust: rust.clone(),
                description: format!("{} -> {}", old.name, new.name),
            });
        }
        let (old_kind, new_kind) = (kind_name(&old.kind), kind_name(&new.kind));
        if old_kind != new_kind {
            out.push(Change {
                effect: Effect::Breaking,
                kind: ChangeKind::Changed,
                subject: Subject::Type,
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
                    Subject::ValueType,
                    old.to_string(),
                    new.to_string(),
                ));
            }
            _ => {}
        }
    }

    pub(super) fn structs(&self, at: &At<'_>, old: &Struct, new: &Struct, out: &mut Vec<Change>) {
        // Attributes, by name.
        for attribute in &old.attributes {
            match new.attributes.iter().find(|candidate| candidate.xml_name == attribute.xml_name) {
                Some(new_attribute) => self.attribute(at, attribute, new_attribute, out),
                None => out.push(Change {
                    effect: Effect::Breaking,
                    kind: ChangeKind::Removed,
                    subject: Subject::Attribute,
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
                    kind: ChangeKind::Added,
                    subject: Subject::Attribute,
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
                kind: ChangeKind::Removed,
                subject: Subject::Content,
                schema_path: at.old_place.path.clone(),
                rust: RustPlace::member(RustKind::Field, at.old_item, &value.name),
                description: format!("text of type {}", &value.ty),
            }),
            (_, StructContent::Simple(value)) => out.push(Change {
                effect: Effect::Breaking,
                kind: ChangeKind::Added,
                subject: Subject::Content,
                schema_path: at.place.path.clone(),
                rust: RustPlace::member(RustKind::Field, at.new_item, &value.name),
                description: format!("text of type {}", &value.ty),
            }),
            (StructContent::Sequence(_), StructContent::All(_)) => out.push(at.change(
                Effect::Behavioral,
                ChangeKind::Changed,
                Subject::Order,
                "xs:sequence (schema order)",
                "xs:all (any order, written in schema order)",
            )),
            (StructContent::All(_), StructContent::Sequence(_)) => out.push(at.change(
                Effect::Behavioral,
                ChangeKind::Changed,
                Subject::Order,
                "xs:all (any order, written in schema order)",
                "xs:sequence (schema order)",
            )),
            _ => {}
        }

        // Element fields.
        let old_fields = keyed(old.content.fields().iter().map(Member::field));
        let new_fields = keyed(new.content.fields().iter().map(Member::field));
        self.members(at, RustKind::Field, &old_fields, &new_fields, out);

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
                    Subject::Order,
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
                Subject::Occurrence,
                format!("required together: {}", list(&old.required_together)),
                format!("required together: {}", list(&new.required_together)),
            ));
        }
    }

    pub(super) fn attribute(&self, at: &At<'_>, old: &AttributeField, new: &AttributeField, out: &mut Vec<Change>) {
        let schema_path = format!("{}/@{}", at.place.type_path, new.xml_name);
        let rust = RustPlace::member(RustKind::Field, at.new_item, &new.name);
        let change = |effect, subject, description: String| Change {
            effect,
            kind: ChangeKind::Changed,
            subject,
            schema_path: schema_path.clone(),
            rust: rust.clone(),
            description,
        };
        if old.name != new.name {
            out.push(change(Effect::Breaking, Subject::RustName, format!("{} -> {}", old.name, new.name)));
        }
        if !self.same_type(&old.ty, &new.ty) {
            out.push(change(Effect::Breaking, Subject::ValueType, format!("{} -> {}", &old.ty, &new.ty)));
        }
        if old.required != new.required {
            let description = format!("{} -> {}", describe_attribute(old), describe_attribute(new));
            out.push(change(Effect::Breaking, Subject::Occurrence, description));
        }
        facets(&schema_path, &rust, old.checks.as_ref(), new.checks.as_ref(), out);
    }

    pub(super) fn other_attributes(
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
                kind: ChangeKind::Changed,
                subject: Subject::Wildcard,
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
                kind: ChangeKind::Removed,
                subject: Subject::Attribute,
                schema_path: format!("{}/@*", at.old_place.type_path),
                rust: RustPlace::member(RustKind::Field, at.old_item, name),
                description,
            }),
            (None, Some(name)) => out.push(Change {
                effect: Effect::Breaking,
                kind: ChangeKind::Added,
                subject: Subject::Attribute,
                schema_path: format!("{}/@*", at.place.type_path),
                rust: RustPlace::member(RustKind::Field, at.new_item, name),
                description,
            }),
            (Some(old_name), Some(new_name)) if old_name != new_name => out.push(Change {
                effect: Effect::Breaking,
                kind: ChangeKind::Changed,
                subject: Subject::RustName,
                schema_path: format!("{}/@*", at.place.type_path),
                rust: RustPlace::member(RustKind::Field, at.new_item, new_name),
                description: format!("{old_name} -> {new_name}"),
            }),
            _ => {}
        }
    }

    pub(super) fn value(&self, at: &At<'_>, old: &ValueField, new: &ValueField, out: &mut Vec<Change>) {
        let rust = RustPlace::member(RustKind::Field, at.new_item, &new.name);
        if !self.same_type(&old.ty, &new.ty) {
            out.push(Change {
                effect: Effect::Breaking,
                kind: ChangeKind::Changed,
                subject: Subject::ValueType,
                schema_path: at.place.path.clone(),
                rust: rust.clone(),
                description: format!("{} -> {}", &old.ty, &new.ty),
            });
        }
        facets(&at.place.path, &rust, old.checks.as_ref(), new.checks.as_ref(), out);
    }

    pub(super) fn choices(&self, at: &At<'_>, old: &Choice, new: &Choice, out: &mut Vec<Change>) {
        let old_variants = keyed(old.variants.iter().map(Member::variant));
        let new_variants = keyed(new.variants.iter().map(Member::variant));
        self.members(at, RustKind::Variant, &old_variants, &new_variants, out);
    }

    /// The fields (or variants) of an item in two versions, matched by key:
    /// those in both compared, those in one only removed or added.
    pub(super) fn members(
        &self,
        at: &At<'_>,
        rust_kind: RustKind,
        old: &[(String, Member<'_>)],
        new: &[(String, Member<'_>)],
        out: &mut Vec<Change>,
    ) {
        let describe = |member: &Member<'_>| match rust_kind {
            RustKind::Variant => describe_variant(member.name, member.kind),
            _ => describe_field(member.kind),
        };
        for (key, member) in old {
            match new.iter().find(|(new_key, _)| new_key == key) {
                Some((_, new_member)) => self.member(at, rust_kind, *member, *new_member, out),
                None => out.push(Change {
                    effect: Effect::Breaking,
                    kind: ChangeKind::Removed,
                    subject: member_subject(member.kind),
                    schema_path: member.schema_path.to_owned(),
                    rust: RustPlace::member(rust_kind, at.old_item, member.name),
                    description: describe(member),
                }),
            }
        }
        for (key, member) in new {
            if !old.iter().any(|(old_key, _)| old_key == key) {
                out.push(Change {
                    effect: Effect::Breaking,
                    kind: ChangeKind::Added,
                    subject: member_subject(member.kind),
                    schema_path: member.schema_path.to_owned(),
                    rust: RustPlace::member(rust_kind, at.new_item, member.name),
                    description: describe(member),
                });
            }
        }
    }

    /// A field or variant present in both versions.
    pub(super) fn member(
        &self,
        at: &At<'_>,
        rust_kind: RustKind,
        old: Member<'_>,
        new: Member<'_>,
        out: &mut Vec<Change>,
    ) {
        let schema_path = new.schema_path.to_owned();
        let rust = RustPlace::member(rust_kind, at.new_item, new.name);
        let change = |effect, subject, description: String| Change {
            effect,
            kind: ChangeKind::Changed,
            subject,
            schema_path: schema_path.clone(),
            rust: rust.clone(),
            description,
        };
        if old.name != new.name {
            out.push(change(Effect::Breaking, Subject::RustName, format!("{} -> {}", old.name, new.name)));
        }
        match (old.kind, new.kind) {
            (FieldKind::Element(old_element), FieldKind::Element(new_element)) => {
                let old_one = boxed(nillable(old_element.ty.to_string(), old_element.nillable), old_element.boxed);
                let new_one = boxed(nillable(new_element.ty.to_string(), new_element.nillable), new_element.boxed);
                if !self.same_type(&old_element.ty, &new_element.ty)
                    || old_element.boxed != new_element.boxed
                    || old_element.nillable != new_element.nillable
                {
                    out.push(change(Effect::Breaking, Subject::ValueType, format!("{old_one} -> {new_one}")));
                }
                let old_tolerated = old_element.tolerated.is_some();
                let new_tolerated = new_element.tolerated.is_some();
                if let Some((effect, subject, description)) = occurrence_change(
                    Occurrence { occurs: old_element.occurs, tolerated: old_tolerated, one: &old_one },
                    Occurrence { occurs: new_element.occurs, tolerated: new_tolerated, one: &new_one },
                ) {
                    out.push(change(effect, subject, description));
                }
                if old_element.default != new_element.default {
                    let show =
                        |default: &Option<String>| default.as_ref().map_or("none".to_owned(), |d| format!("\"{d}\""));
                    let description = format!("{} -> {}", show(&old_element.default), show(&new_element.default));
                    out.push(change(Effect::Behavioral, Subject::Default, description));
                }
                facets(&schema_path, &rust, old_element.checks.as_deref(), new_element.checks.as_deref(), out);
            }
            (FieldKind::Group(old_group), FieldKind::Group(new_group)) => {
                let old_one = boxed(old_group.ty.clone(), old_group.boxed);
                let new_one = boxed(new_group.ty.clone(), new_group.boxed);
                if old_group.boxed != new_group.boxed {
                    out.push(change(Effect::Breaking, Subject::ValueType, format!("{old_one} -> {new_one}")));
                }
                if let Some((effect, subject, description)) = occurrence_change(
                    Occurrence { occurs: old_group.occurs, tolerated: false, one: &old_one },
                    Occurrence { occurs: new_group.occurs, tolerated: false, one: &new_one },
                ) {
                    out.push(change(effect, subject, description));
                }
            }
            (FieldKind::Wildcard(old_wildcard), FieldKind::Wildcard(new_wildcard)) => {
                if old_wildcard.occurs != new_wildcard.occurs {
                    let description = format!(
                        "{} -> {}",
                        occurs_text(old_wildcard.occurs, false),
                        occurs_text(new_wildcard.occurs, false)
                    );
                    out.push(change(Effect::Behavioral, Subject::Occurrence, description));
                }
                if old_wildcard.namespace != new_wildcard.namespace {
                    let description = format!("namespace {} -> {}", old_wildcard.namespace, new_wildcard.namespace);
                    out.push(change(Effect::Behavioral, Subject::Wildcard, description));
                }
            }
            (old_kind, new_kind) => {
                let description = format!("{} -> {}", describe_field(old_kind), describe_field(new_kind));
                out.push(change(Effect::Breaking, Subject::ValueType, description));
            }
        }
    }

    /// Root elements, matched by name; of two roots of one name (Plesk's
    /// request and response `<packet>`), the one read into the same type.
    pub(super) fn roots(&self, out: &mut Vec<Change>) {
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
                    kind: ChangeKind::Changed,
                    subject: Subject::RootElement,
                    schema_path,
                    rust: rust_of(self.new, &new_root.ty),
                    description: format!("read and written as {} -> as {}", root.ty, new_root.ty),
                }),
                Some(_) => {}
                None => out.push(Change {
                    effect: Effect::Breaking,
                    kind: ChangeKind::Removed,
                    subject: Subject::RootElement,
                    schema_path,
                    rust: rust_of(self.old, &root.ty),
                    description: format!("<{}> read and written as {}", root.element, root.ty),
                }),
            }
        }
        for (root, _) in new.iter().zip(taken).filter(|(_, taken)| !taken) {
            out.push(Change {
                effect: Effect::Additive,
                kind: ChangeKind::Added,
                subject: Subject::RootElement,
                schema_path: format!("/{}", root.element),
                rust: rust_of(self.new, &root.ty),
                description: format!("<{}> read and written as {}", root.element, root.ty),
            });
        }
    }
}

/// The item two versions share, for changes to the item as a whole.
pub(super) struct At<'i> {
    /// The new item, in Rust.
    pub(super) rust: RustPlace,
    /// The old item's Rust name.
    pub(super) old_item: &'i str,
    /// The new item's Rust name.
    pub(super) new_item: &'i str,
    /// The old item's place in the schema.
    pub(super) old_place: &'i SchemaPlace,
    /// The new item's place in the schema.
    pub(super) place: &'i SchemaPlace,
}

impl At<'_> {
    /// A change of the item itself, described `old -> new`.
    pub(super) fn change(
        &self,
        effect: Effect,
        kind: ChangeKind,
        subject: Subject,
        old: impl fmt::Display,
        new: impl fmt::Display,
    ) -> Change {
        Change {
            effect,
            kind,
            subject,
            schema_path: self.place.path.clone(),
            rust: self.rust.clone(),
            description: format!("{old} -> {new}"),
        }
    }
}
