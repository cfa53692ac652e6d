//! Complex types: attributes, simple content, and content models turned
//! into fields, group items and choice variants.

use std::collections::BTreeSet;

use super::build::{Fields, Planner};
use super::checks;
use super::docs::{described, doc_lines, group_doc, occurrence_word, paragraph};
use super::lookahead::{choice, content_start, facts_of, first_set};
use super::names::group_field_name;
use super::*;
use crate::error::SchemaErrorKind;
use crate::model::{self, Builtin, Compositor, Content, ElementUse, Particle, ProcessContents, Term, TypeId, TypeRef};
use crate::naming::{self, Scope};

impl<'s> Planner<'s> {
    pub(super) fn plan_complex(&mut self, id: TypeId, name: &str, complex: &'s model::ComplexType) -> ItemKind {
        let type_path = self.paths[id.0].clone();
        let mut fields = Fields::new(name, &type_path, &type_path);
        let attributes = self.plan_attributes(complex, &mut fields.scope);
        let other_attributes = complex.any_attribute.as_ref().map(|wildcard| OtherAttributes {
            field: fields.scope.claim("other_attributes"),
            namespaces: wildcard.namespaces.clone(),
        });
        let has_attributes = !attributes.is_empty() || other_attributes.is_some();

        if let Some(value) = self.simple_content_value(complex) {
            return ItemKind::Struct(Struct {
                role: Role::Element,
                attributes,
                other_attributes,
                content: StructContent::Simple(value),
                required_together: Vec::new(),
                start: Start::Elements(Vec::new()),
            });
        }
        let particles = self.schema.effective_particles(complex);
        let mut required_together = Vec::new();
        let content = match particles.as_slice() {
            [] => StructContent::Empty,
            // A choice whose alternatives can all be empty matches empty
            // content: it goes below as an optional group, not as the type.
            [only]
                if !has_attributes
                    && only.is_once()
                    && is_compositor(only, Compositor::Choice)
                    && !only.term.is_emptiable() =>
            {
                let Term::Group(group) = &only.term else {
                    return ItemKind::Struct(empty_struct());
                };
                let variants = self.plan_variants(group, &mut fields);
                return ItemKind::Choice(choice(Role::Element, variants));
            }
            [only] if is_compositor(only, Compositor::All) => {
                if let Term::Group(group) = &only.term {
                    for particle in &group.particles {
                        self.flatten(particle, &mut fields);
                    }
                }
                if only.occurs.is_optional() {
                    // An optional xs:all: all absent, or its required elements present.
                    for field in &mut fields.fields {
                        if let FieldKind::Element(element) = &mut field.kind
                            && element.occurs == Occurs::Required
                        {
                            element.occurs = Occurs::Optional;
                            required_together.push(field.name.clone());
                        }
                    }
                }
                self.redact_by_name(complex, &mut fields.fields);
                StructContent::All(fields.fields)
            }
            _ => {
                for particle in particles {
                    self.flatten(particle, &mut fields);
                }
                self.check_lookahead(&fields.facts, true);
                self.set_wildcard_followers(&mut fields);
                self.redact_by_name(complex, &mut fields.fields);
                if fields.fields.is_empty() {
                    // An empty sequence: the content type is empty.
                    StructContent::Empty
                } else {
                    StructContent::Sequence(fields.fields)
                }
            }
        };
        let start = content_start(content.fields());
        ItemKind::Struct(Struct {
            role: Role::Element,
            attributes,
            other_attributes,
            content,
            required_together,
            start,
        })
    }

    /// The text field of a simple-content type, with the facets of every
    /// restriction step of the complex types and of the value's simple type.
    pub(super) fn simple_content_value(&mut self, complex: &model::ComplexType) -> Option<ValueField> {
        let Content::Simple { value, .. } = &complex.content else {
            return None;
        };
        let mut restriction_steps = Vec::new();
        let mut current = Some(complex);
        while let Some(step) = current {
            if let Content::Simple { facets, .. } = &step.content {
                restriction_steps.push(&**facets);
            }
            current = step.derivation.and_then(|derivation| self.schema.complex(derivation.base));
        }
        let (ty, inline_checks) = self.value_type(*value);
        let has_restrictions = restriction_steps.iter().any(|facets| !facets.is_empty());
        let checks = if has_restrictions {
            match checks::atomic_chain(self.schema, *value) {
                Some((builtin, value_steps)) => {
                    let steps: Vec<_> = restriction_steps.into_iter().chain(value_steps).collect();
                    checks::atomic_checks(builtin, &steps).unwrap_or_else(|error| {
                        self.check_error(error);
                        None
                    })
                }
                None => inline_checks,
            }
        } else {
            inline_checks
        };
        Some(ValueField { name: "value".to_owned(), ty, checks })
    }

    pub(super) fn plan_attributes(&mut self, complex: &model::ComplexType, scope: &mut Scope) -> Vec<AttributeField> {
        let attributes: Vec<model::Attribute> =
            self.schema.effective_attributes(complex).into_iter().cloned().collect();
        let mut planned = Vec::new();
        for attribute in attributes {
            if self.schema.complex(attribute.ty).is_some() || attribute.ty == TypeRef::Builtin(Builtin::AnyType) {
                let value = self.describe_type(attribute.ty).replace(['`', '[', ']'], "");
                self.error(
                    attribute.span,
                    SchemaErrorKind::InvalidAttribute {
                        attribute: "type".to_owned(),
                        value,
                        reason: format!("attribute '{}' needs a simple type, this one is complex", attribute.name),
                    },
                );
                continue;
            }
            let (ty, checks) = self.value_type(attribute.ty);
            let required = attribute.is_required();
            let mut doc = doc_lines(attribute.doc.as_deref());
            let occurrence = match (&attribute.default, required) {
                (_, true) => "required".to_owned(),
                (Some(default), false) => format!("optional (absent means `{default}`)"),
                (None, false) => "optional".to_owned(),
            };
            let facets = self.facets_clause(attribute.ty, &ty);
            paragraph(&mut doc, [described(format!("Attribute `{}`", attribute.name), Some(occurrence), facets)]);
            planned.push(AttributeField {
                name: scope.claim(&naming::field_name(&attribute.name)),
                redacted: self.config.redacted(&[&attribute.name]),
                xml_name: attribute.name,
                ty,
                required,
                checks,
                doc,
            });
        }
        planned
    }

    /// Adds the fields for `particle` to `fields`: an element field, a
    /// wildcard field, the fields of a group that occurs once (flattened), or
    /// one field for a group that is optional or repeats.
    pub(super) fn flatten(&mut self, particle: &Particle, fields: &mut Fields) {
        match &particle.term {
            Term::Element(element) => self.push_element(element, particle, fields),
            Term::Any(wildcard) => {
                let namespace = wildcard.namespaces.clone();
                if wildcard.process_contents == ProcessContents::Strict {
                    // Strict wildcard content must match declarations the types do not hold.
                    let message = "xs:any with processContents=\"strict\" (the default); lax and skip are supported";
                    self.error(particle.span, SchemaErrorKind::Unsupported(message.to_owned()));
                }
                let occurs = Occurs::from(particle.occurs);
                fields.facts.push(facts_of(particle));
                fields.fields.push(Field {
                    name: fields.scope.claim("any"),
                    schema_path: format!("{}/*", fields.type_path),
                    doc: vec!["Elements matched by the schema's `xs:any` wildcard, kept as they are.".to_owned()],
                    kind: FieldKind::Wildcard(WildcardField { occurs, followers: Vec::new(), namespace }),
                    redacted: false,
                    redacted_by_name: None,
                });
            }
            Term::Group(group) => {
                if let Some(single) = single_particle(particle) {
                    return self.flatten(&single, fields);
                }
                match group.compositor {
                    Compositor::Sequence
                        if particle.is_once() || (!particle.occurs.is_repeated() && particle.term.is_emptiable()) =>
                    {
                        for child in &group.particles {
                            self.flatten(child, fields);
                        }
                    }
                    Compositor::Sequence | Compositor::Choice => self.push_group(particle, group, fields),
                    Compositor::All => self.error(
                        particle.span,
                        SchemaErrorKind::Unsupported("xs:all inside another model group".to_owned()),
                    ),
                }
            }
        }
    }

    pub(super) fn push_element(&mut self, element: &ElementUse, particle: &Particle, fields: &mut Fields) {
        let mut occurs = Occurs::from(particle.occurs);
        let (ty, checks) = self.element_type(element);
        let tolerated_key = format!("{}/{}", fields.type_path, element.name);
        // A toleration applies to a required element only: for any other,
        // its path names nothing the option could change.
        let tolerated = match occurs {
            Occurs::Required => self.config.tolerated(&tolerated_key).map(str::to_owned),
            _ => None,
        };
        if tolerated.is_some() {
            occurs = Occurs::Optional;
        }
        let default = element.default.clone();
        if default.is_some() && (self.schema.complex(element.ty).is_some() || matches!(occurs, Occurs::Repeated { .. }))
        {
            self.error(
                element.span,
                SchemaErrorKind::Unsupported("a default value on a repeated element or one of complex type".to_owned()),
            );
        }
        if element.nillable {
            self.check_nillable(element);
        }
        let mut about = Vec::new();
        if let Some(default) = &default {
            about.push(format!("Empty in a document, it has the default value `{default}`."));
        }
        let facets = self.facets_clause(element.ty, &ty);
        about.push(match &tolerated {
            Some(reason) => format!(
                "{} The schema requires it; absence is tolerated ({reason}) and `validate()` reports it.",
                described(format!("Element `<{}>`", element.name), None, facets),
            ),
            None => described(format!("Element `<{}>`", element.name), occurrence_word(particle.occurs), facets),
        });
        if element.nillable {
            about.push("Nillable: a document may mark it `xsi:nil=\"true\"` ([`xml::Nillable::Nil`]).".to_owned());
        }
        let mut doc = doc_lines(element.doc.as_deref());
        paragraph(&mut doc, about);
        let field_path = format!("{}/{}", fields.type_path, element.name);
        let wanted = match self.config.field_name(&field_path) {
            Some(name) => name.to_owned(),
            None => naming::field_name(&element.name),
        };
        let redacted = self.config.redacted(&[&element.name, &field_path]);
        let name = fields.scope.claim(&wanted);
        self.attributes.attach_field(self.config.field_attributes(&field_path), &fields.owner, &name);
        fields.facts.push(facts_of(particle));
        fields.fields.push(Field {
            name,
            schema_path: field_path,
            doc,
            kind: FieldKind::Element(ElementField {
                xml_name: element.name.clone(),
                ty,
                occurs,
                boxed: false,
                checks: checks.map(Box::new),
                tolerated,
                default,
                is_simple: self.schema.complex(element.ty).is_none()
                    && element.ty != TypeRef::Builtin(Builtin::AnyType),
                nillable: element.nillable,
            }),
            redacted,
            redacted_by_name: None,
        });
    }

    /// A nil element keeps the attributes of its type, which a
    /// `Nillable::Nil` has no room for; and it has no text, so no default
    /// applies to it.
    pub(super) fn check_nillable(&mut self, element: &ElementUse) {
        let has_attributes = self.schema.complex(element.ty).is_some_and(|complex| {
            !self.schema.effective_attributes(complex).is_empty() || complex.any_attribute.is_some()
        });
        if has_attributes {
            let message = "a nillable element whose type has attributes (a nil element keeps them)";
            self.error(element.span, SchemaErrorKind::Unsupported(message.to_owned()));
        }
        if element.default.is_some() {
            let message = "a default value on a nillable element";
            self.error(element.span, SchemaErrorKind::Unsupported(message.to_owned()));
        }
    }

    pub(super) fn element_type(&mut self, element: &ElementUse) -> (RustType, Option<Checks>) {
        if element.fixed.is_some() {
            self.error(element.span, SchemaErrorKind::Unsupported("fixed element values".to_owned()));
        }
        self.value_type(element.ty)
    }

    /// A field holding an optional or repeated sequence, or a choice: a new
    /// group item and the field that holds it.
    pub(super) fn push_group(&mut self, particle: &Particle, group: &model::Group, fields: &mut Fields) {
        let is_choice = group.compositor == Compositor::Choice;
        let wanted = group_field_name(group);
        let group_path = format!("{}#{}", fields.path, wanted.trim_start_matches("r#"));
        let wanted_field = match self.config.field_name(&group_path) {
            Some(name) => name.to_owned(),
            None => wanted.clone(),
        };
        let field_name = fields.scope.claim(&wanted_field);
        self.attributes.attach_field(self.config.field_attributes(&group_path), &fields.owner, &field_name);
        let wanted_type = match self.config.type_name(&group_path) {
            Some(name) => name.to_owned(),
            None => naming::nested_type_name(&fields.owner, &wanted),
        };
        let type_name = self.scope.claim(&wanted_type);
        self.attributes.attach_item(self.config.type_attributes(&group_path), &type_name);
        let mut bounds = particle.occurs;
        if is_choice && particle.term.is_emptiable() {
            // An alternative can be empty, so the choice as a whole can be absent.
            bounds.min = 0;
        }
        let occurs = Occurs::from(bounds);
        let first = first_set(particle).0;
        let kind = self.plan_group_item(group, &type_name, &fields.type_path, &group_path);
        let doc = group_doc(group, &fields.owner);
        let place =
            SchemaPlace { path: group_path.clone(), type_path: fields.type_path.clone(), origin: Origin::Group };
        self.items.push(Item {
            name: type_name.clone(),
            doc: doc.clone(),
            span: particle.span,
            place,
            kind,
            validates: false,
            cycle: BTreeSet::new(),
            derives: Derives::default(),
        });
        fields.facts.push(facts_of(particle));
        fields.fields.push(Field {
            name: field_name,
            schema_path: group_path,
            doc,
            kind: FieldKind::Group(GroupField { ty: type_name, occurs, first, boxed: false, is_choice }),
            redacted: false,
            redacted_by_name: None,
        });
    }

    /// The item for a group: a struct for a sequence, an enum for a choice.
    pub(super) fn plan_group_item(
        &mut self,
        group: &model::Group,
        type_name: &str,
        type_path: &str,
        path: &str,
    ) -> ItemKind {
        let mut fields = Fields::new(type_name, type_path, path);
        match group.compositor {
            Compositor::Choice => ItemKind::Choice(choice(Role::Group, self.plan_variants(group, &mut fields))),
            _ => {
                for child in &group.particles {
                    self.flatten(child, &mut fields);
                }
                self.check_lookahead(&fields.facts, true);
                self.set_wildcard_followers(&mut fields);
                ItemKind::Struct(Struct {
                    role: Role::Group,
                    attributes: Vec::new(),
                    other_attributes: None,
                    start: content_start(&fields.fields),
                    content: StructContent::Sequence(fields.fields),
                    required_together: Vec::new(),
                })
            }
        }
    }

    /// The variants of a choice: one per alternative; nested choices that
    /// occur once are merged in.
    pub(super) fn plan_variants(&mut self, group: &model::Group, fields: &mut Fields) -> Vec<Variant> {
        let mut alternatives = Vec::new();
        collect_alternatives(group, &mut alternatives);
        let mut variants = Vec::new();
        let mut names = Scope::default();
        let mut firsts: Vec<(Vec<String>, bool, Span)> = Vec::new();
        for alternative in alternatives {
            firsts.push({
                let (first, wildcard) = first_set(&alternative);
                (first, wildcard, alternative.span)
            });
            let mut scratch = Fields::new(&fields.owner, &fields.type_path, &fields.path);
            self.alternative_field(&alternative, &mut scratch);
            for field in scratch.fields {
                let wanted = match &field.kind {
                    FieldKind::Element(element) => naming::type_name(&element.xml_name),
                    FieldKind::Group(_) => naming::type_name(&field.name),
                    FieldKind::Wildcard(_) => "Any".to_owned(),
                };
                let name = names.claim(&wanted);
                self.attributes.rename_field(&fields.owner, &field.name, &name);
                variants.push(Variant {
                    name,
                    schema_path: field.schema_path,
                    doc: field.doc,
                    kind: field.kind,
                    feature: None,
                    redacted: field.redacted,
                });
            }
        }
        self.check_disjoint(&firsts);
        variants
    }

    /// The one field for an alternative of a choice: an element, a wildcard,
    /// or a group item (a sequence stays one alternative, never one per element).
    pub(super) fn alternative_field(&mut self, alternative: &Particle, fields: &mut Fields) {
        if let Some(single) = single_particle(alternative) {
            return self.alternative_field(&single, fields);
        }
        match &alternative.term {
            Term::Group(group) if group.compositor != Compositor::All => self.push_group(alternative, group, fields),
            _ => self.flatten(alternative, fields),
        }
    }
}

fn empty_struct() -> Struct {
    Struct {
        role: Role::Element,
        attributes: Vec::new(),
        other_attributes: None,
        content: StructContent::Empty,
        required_together: Vec::new(),
        start: Start::Elements(Vec::new()),
    }
}

fn is_compositor(particle: &Particle, compositor: Compositor) -> bool {
    matches!(&particle.term, Term::Group(group) if group.compositor == compositor)
}

/// For a sequence or choice holding one particle, that particle with the
/// occurrences multiplied out, when the product is exact (the group occurs
/// once, or the particle at most once per occurrence of the group).
fn single_particle(particle: &Particle) -> Option<Particle> {
    let Term::Group(group) = &particle.term else {
        return None;
    };
    let [child] = group.particles.as_slice() else {
        return None;
    };
    if group.compositor == Compositor::All {
        return None;
    }
    if !(particle.is_once() || child.occurs.min <= 1) {
        return None;
    }
    let occurs = particle.occurs.times(child.occurs)?;
    Some(Particle { occurs, ..child.clone() })
}

/// The alternatives of a choice, nested choices that occur once merged in.
fn collect_alternatives(group: &model::Group, alternatives: &mut Vec<Particle>) {
    for particle in &group.particles {
        match &particle.term {
            Term::Group(inner) if inner.compositor == Compositor::Choice && particle.is_once() => {
                collect_alternatives(inner, alternatives);
            }
            _ => alternatives.push(particle.clone()),
        }
    }
}
