//! Stage 3: builds the [`Module`] plan from the schema model.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::checks::{self, CheckError};
use super::*;
use crate::config::Config;
use crate::error::{SchemaError, SchemaErrorKind};
use crate::model::{
    self, AnonymousRole, Builtin, Compositor, Content, DerivationMethod, ElementUse, Owner, Particle, ProcessContents,
    Schema, SimpleType, Term, TypeId, TypeKind, TypeName, TypeRef,
};
use crate::naming::{self, Scope};
use crate::pattern;

/// Plans the Rust module for `schema`. Every problem found is reported.
pub fn plan(schema: &Schema, config: &Config) -> Result<Module, Vec<SchemaError>> {
    let mut planner = Planner::new(schema, config);
    planner.name_types();
    planner.plan_types();
    planner.plan_roots();
    planner.check_config_paths();
    planner.box_recursion();
    planner.mark_validation();
    planner.finish()
}

/// Names the Rust side can never use for generated types: the prelude items
/// generated code relies on, and the runtime's module alias.
const RESERVED: &[&str] = &["xml", "Self"];

struct Planner<'s> {
    schema: &'s Schema,
    config: &'s Config,
    /// Schema path of each type (see [`Config`]).
    paths: Vec<String>,
    /// Rust item name of each type that becomes an item.
    names: Vec<Option<String>>,
    scope: Scope,
    items: Vec<Item>,
    roots: Vec<Root>,
    used_config: BTreeSet<String>,
    attributes: Attributes,
    errors: Vec<SchemaError>,
}

/// What the planner knows about one field while building a sequence: enough
/// to check that one element of lookahead decides (Unique Particle Attribution).
struct FieldFacts {
    first: Vec<String>,
    wildcard: bool,
    emptiable: bool,
    repeats: bool,
    span: Span,
}

/// The fields of one struct being built.
struct Fields {
    /// Rust name of the struct (owner of nested group items).
    owner: String,
    /// Schema path of the complex type they belong to.
    type_path: String,
    /// Schema path of the struct itself: the type's, or a group's
    /// (`ResponsePacketType#choice`).
    path: String,
    scope: Scope,
    fields: Vec<Field>,
    facts: Vec<FieldFacts>,
}

impl Fields {
    fn new(owner: &str, type_path: &str, path: &str) -> Self {
        Self {
            owner: owner.to_owned(),
            type_path: type_path.to_owned(),
            path: path.to_owned(),
            scope: Scope::default(),
            fields: Vec::new(),
            facts: Vec::new(),
        }
    }
}

impl<'s> Planner<'s> {
    fn new(schema: &'s Schema, config: &'s Config) -> Self {
        Self {
            schema,
            config,
            paths: Vec::new(),
            names: vec![None; schema.types.len()],
            scope: Scope::with_reserved(RESERVED),
            items: Vec::new(),
            roots: Vec::new(),
            used_config: BTreeSet::new(),
            attributes: Attributes::default(),
            errors: Vec::new(),
        }
    }

    fn error(&mut self, span: Span, kind: SchemaErrorKind) {
        self.errors.push(SchemaError::new(&self.schema.sources, span, kind));
    }

    fn check_error(&mut self, (span, kind): CheckError) {
        self.error(span, kind);
    }

    // ----- names ------------------------------------------------------------

    fn name_types(&mut self) {
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
            let wanted = match self.config.type_names.get(path) {
                Some(name) => {
                    self.used_config.insert(format!("type:{path}"));
                    name.clone()
                }
                None => qualified.get(&index).cloned().unwrap_or_else(|| self.derived_name(id)),
            };
            let name = self.scope.claim(&wanted);
            self.attributes.attach_item(self.config, &mut self.used_config, &self.paths[index], &name);
            self.names[index] = Some(name);
        }
    }

    /// Names for named types whose qualified name another file's named type has too
    /// (two schemas of one set, such as a request and a response envelope,
    /// may each define `ServerOperatorType`): each is qualified by its
    /// file's name (`ServerInputServerOperatorType` from `server_input.xsd`),
    /// so that neither is a numbered `...2`. Types renamed by the
    /// configuration keep their configured names.
    fn qualified_names(&self) -> HashMap<usize, String> {
        let mut by_name: BTreeMap<(Option<String>, String), Vec<usize>> = BTreeMap::new();
        for index in 0..self.schema.types.len() {
            let def = self.schema.get(TypeId(index));
            if let TypeName::Named(qname) = &def.name
                && self.is_item(TypeId(index))
                && !self.config.type_names.contains_key(&self.paths[index])
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

    fn path_of(&self, id: TypeId) -> String {
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
    fn is_item(&self, id: TypeId) -> bool {
        let def = self.schema.get(id);
        match (&def.kind, &def.name) {
            (TypeKind::Complex(_), _) | (TypeKind::Simple(_), TypeName::Named(_)) => true,
            (TypeKind::Simple(SimpleType::Union { .. }), _) => true,
            (TypeKind::Simple(SimpleType::Atomic { .. }), _) => checks::atomic_chain(self.schema, TypeRef::Defined(id))
                .is_some_and(|(_, steps)| checks::enumeration(&steps).is_some()),
            (TypeKind::Simple(SimpleType::List { .. }), _) => false,
        }
    }

    fn derived_name(&self, id: TypeId) -> String {
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

    fn file_of(&self, span: Span) -> String {
        self.schema.sources.display_name(span.file)
    }

    /// The line of documentation saying where a type comes from.
    fn origin_line(&self, id: TypeId) -> String {
        let def = self.schema.get(id);
        let file = self.file_of(def.span);
        match &def.name {
            TypeName::Named(qname) => format!("Schema type `{}` (`{file}`).", qname.local),
            TypeName::Anonymous { owner: Owner::Element(index), role: AnonymousRole::Itself } => {
                format!("Type of the global element `<{}>` (`{file}`).", self.schema.elements[*index].name)
            }
            TypeName::Anonymous { .. } => format!("Anonymous type at `{}` (`{file}`).", self.paths[id.0]),
        }
    }

    // ----- types ------------------------------------------------------------

    fn plan_types(&mut self) {
        for index in 0..self.schema.types.len() {
            let id = TypeId(index);
            let Some(name) = self.names[index].clone() else {
                continue;
            };
            let def = self.schema.get(id);
            let mut doc = doc_lines(def.doc.as_deref());
            if !doc.is_empty() {
                doc.push(String::new());
            }
            doc.push(self.origin_line(id));
            let kind = match &def.kind {
                TypeKind::Complex(complex) => {
                    if let Some(derivation) = complex.derivation {
                        let verb = match derivation.method {
                            DerivationMethod::Extension => "Extends",
                            DerivationMethod::Restriction => "Restricts",
                        };
                        doc.push(format!("{verb} {}: its fields come first.", self.describe_type(derivation.base)));
                    }
                    self.plan_complex(id, &name, complex)
                }
                TypeKind::Simple(simple) => match self.plan_simple(id, simple) {
                    Some(kind) => kind,
                    None => continue,
                },
            };
            self.items.push(Item { name, doc, span: def.span, kind, validates: false });
        }
    }

    fn describe_type(&self, ty: TypeRef) -> String {
        match ty {
            TypeRef::Builtin(builtin) => format!("`xs:{}`", builtin.name()),
            TypeRef::Defined(id) => match &self.names[id.0] {
                Some(name) => format!("[`{name}`]"),
                None => format!("`{}`", self.paths[id.0]),
            },
        }
    }

    /// The Rust type for values of `ty`, and the facets to check when `ty` is
    /// an inline (anonymous) restriction.
    fn value_type(&mut self, ty: TypeRef) -> (RustType, Option<Checks>) {
        match ty {
            TypeRef::Builtin(builtin) => {
                let checks = checks::atomic_checks(builtin, &[]).unwrap_or(None);
                (checks::builtin_type(builtin), checks)
            }
            TypeRef::Defined(id) => {
                if let Some(name) = &self.names[id.0] {
                    return (RustType::Item(name.clone()), None);
                }
                match &self.schema.get(id).kind {
                    TypeKind::Simple(SimpleType::List { item, .. }) => {
                        let (item_type, item_checks) = self.value_type(*item);
                        let list = self.list_checks(id, item_checks);
                        (RustType::List(Box::new(item_type)), list)
                    }
                    _ => match checks::atomic_chain(self.schema, ty) {
                        Some((builtin, steps)) => {
                            let checks = match checks::atomic_checks(builtin, &steps) {
                                Ok(checks) => checks,
                                Err(error) => {
                                    self.check_error(error);
                                    None
                                }
                            };
                            (checks::builtin_type(builtin), checks)
                        }
                        None => (RustType::String, None),
                    },
                }
            }
        }
    }

    /// The length facets of a list type's derivation steps, most derived first.
    fn list_checks(&mut self, id: TypeId, item: Option<Checks>) -> Option<Checks> {
        let (mut length, mut min_length, mut max_length) = (None, None, None);
        let mut enumeration: Option<Vec<String>> = None;
        let mut patterns = Vec::new();
        let mut current = Some(TypeRef::Defined(id));
        while let Some(TypeRef::Defined(step)) = current {
            let TypeKind::Simple(SimpleType::List { base, facets, .. }) = &self.schema.get(step).kind else {
                break;
            };
            length = length.or(facets.length);
            min_length = min_length.or(facets.min_length);
            max_length = max_length.or(facets.max_length);
            if enumeration.is_none() && !facets.enumeration.is_empty() {
                let collapse = |value: &str| value.split_whitespace().collect::<Vec<_>>().join(" ");
                enumeration = Some(facets.enumeration.iter().map(|value| collapse(&value.value)).collect());
            }
            if !facets.patterns.is_empty() {
                let sources: Vec<&str> = facets.patterns.iter().map(|pattern| pattern.pattern.as_str()).collect();
                match pattern::translate_alternatives(&sources) {
                    Ok(translated) => patterns.push((sources.join("|"), translated)),
                    Err((index, reason)) => {
                        let facet = facets.patterns[index].clone();
                        self.error(facet.span, SchemaErrorKind::InvalidPattern { pattern: facet.pattern, reason });
                    }
                }
            }
            current = *base;
        }
        let enumeration = enumeration.unwrap_or_default();
        let nothing = length.is_none() && min_length.is_none() && max_length.is_none();
        if nothing && enumeration.is_empty() && patterns.is_empty() && item.is_none() {
            return None;
        }
        Some(Checks::List { length, min_length, max_length, enumeration, patterns, item: item.map(Box::new) })
    }

    fn plan_simple(&mut self, id: TypeId, simple: &SimpleType) -> Option<ItemKind> {
        let ty = TypeRef::Defined(id);
        match simple {
            SimpleType::Atomic { base, facets, .. } => {
                let (builtin, steps) = checks::atomic_chain(self.schema, ty)?;
                if let Some(values) = checks::enumeration(&steps) {
                    if let Err(error) = checks::atomic_checks(builtin, &steps) {
                        self.check_error(error);
                    }
                    let mut variants = Scope::default();
                    let values = values
                        .iter()
                        .map(|value| EnumerationValue {
                            variant: variants.claim(&naming::value_variant(&value.value)),
                            value: value.value.clone(),
                            doc: doc_lines(value.doc.as_deref()),
                        })
                        .collect();
                    let integer = match checks::builtin_type(builtin) {
                        RustType::Integer(integer) => Some(integer),
                        _ => None,
                    };
                    return Some(ItemKind::Enumeration(Enumeration {
                        values,
                        white_space: checks::white_space(builtin, &steps),
                        integer,
                    }));
                }
                if facets.is_empty()
                    && let TypeRef::Defined(base_id) = base
                    && let Some(base_name) = &self.names[base_id.0]
                {
                    return Some(ItemKind::Alias(RustType::Item(base_name.clone())));
                }
                match checks::atomic_checks(builtin, &steps) {
                    Ok(Some(checks)) => {
                        Some(ItemKind::Newtype(Newtype { inner: checks::builtin_type(builtin), checks }))
                    }
                    Ok(None) => Some(ItemKind::Alias(checks::builtin_type(builtin))),
                    Err(error) => {
                        self.check_error(error);
                        None
                    }
                }
            }
            SimpleType::List { item, .. } => {
                let (item_type, item_checks) = self.value_type(*item);
                let list = RustType::List(Box::new(item_type));
                Some(match self.list_checks(id, item_checks) {
                    Some(checks) => ItemKind::Newtype(Newtype { inner: list, checks }),
                    None => ItemKind::Alias(list),
                })
            }
            SimpleType::Union { members, facets, .. } => {
                if !facets.is_empty() {
                    let span = self.schema.get(id).span;
                    self.error(span, SchemaErrorKind::Unsupported("facets on a union type".to_owned()));
                }
                let mut variants = Scope::default();
                let mut planned = Vec::new();
                for member in members {
                    let (ty, checks) = self.value_type(*member);
                    let wanted = match (member, &ty) {
                        (_, RustType::Item(name)) => name.clone(),
                        (TypeRef::Builtin(builtin), _) => naming::type_name(builtin.name()),
                        _ => "Member".to_owned(),
                    };
                    planned.push(UnionMember { variant: variants.claim(&wanted), ty, checks });
                }
                Some(ItemKind::Union(Union { members: planned }))
            }
        }
    }

    fn plan_complex(&mut self, id: TypeId, name: &str, complex: &'s model::ComplexType) -> ItemKind {
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
                is_group: false,
                attributes,
                other_attributes,
                content: StructContent::Simple(value),
                required_together: Vec::new(),
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
                    && !content_emptiable(only) =>
            {
                let Term::Group(group) = &only.term else {
                    return ItemKind::Struct(empty_struct());
                };
                let variants = self.plan_variants(group, &mut fields);
                return ItemKind::Choice(Choice { is_type: true, variants });
            }
            [only] if is_compositor(only, Compositor::All) => {
                if let Term::Group(group) = &only.term {
                    for particle in &group.particles {
                        self.flatten(particle, &mut fields);
                    }
                }
                if only.min == 0 {
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
                StructContent::All(fields.fields)
            }
            _ => {
                for particle in particles {
                    self.flatten(particle, &mut fields);
                }
                self.check_lookahead(&fields.facts, true);
                self.set_wildcard_followers(&mut fields);
                if fields.fields.is_empty() {
                    // An empty sequence: the content type is empty.
                    StructContent::Empty
                } else {
                    StructContent::Sequence(fields.fields)
                }
            }
        };
        ItemKind::Struct(Struct { is_group: false, attributes, other_attributes, content, required_together })
    }

    /// The text field of a simple-content type, with the facets of every
    /// restriction step of the complex types and of the value's simple type.
    fn simple_content_value(&mut self, complex: &model::ComplexType) -> Option<ValueField> {
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

    fn plan_attributes(&mut self, complex: &model::ComplexType, scope: &mut Scope) -> Vec<AttributeField> {
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
            if !doc.is_empty() {
                doc.push(String::new());
            }
            doc.push(match (&attribute.default, required) {
                (_, true) => format!("Attribute `{}`, required.", attribute.name),
                (Some(default), false) => format!("Attribute `{}`; absent means `{default}`.", attribute.name),
                (None, false) => format!("Attribute `{}`, optional.", attribute.name),
            });
            planned.push(AttributeField {
                name: scope.claim(&naming::field_name(&attribute.name)),
                redacted: self.config.redacted.contains(&attribute.name),
                xml_name: attribute.name,
                ty,
                required,
                checks,
                doc,
            });
        }
        planned
    }

    // ----- content models ---------------------------------------------------

    /// Adds the fields for `particle` to `fields`: an element field, a
    /// wildcard field, the fields of a group that occurs once (flattened), or
    /// one field for a group that is optional or repeats.
    fn flatten(&mut self, particle: &Particle, fields: &mut Fields) {
        match &particle.term {
            Term::Element(element) => self.push_element(element, particle, fields),
            Term::Any(wildcard) => {
                let namespace = wildcard.namespaces.clone();
                if wildcard.process_contents == ProcessContents::Strict {
                    // Strict wildcard content must match declarations the types do not hold.
                    let message = "xs:any with processContents=\"strict\" (the default); lax and skip are supported";
                    self.error(particle.span, SchemaErrorKind::Unsupported(message.to_owned()));
                }
                let occurs = Occurs::from_bounds(particle.min, particle.max);
                fields.facts.push(facts_of(particle));
                fields.fields.push(Field {
                    name: fields.scope.claim("any"),
                    doc: vec!["Elements matched by the schema's `xs:any` wildcard, kept as they are.".to_owned()],
                    kind: FieldKind::Wildcard(WildcardField { occurs, followers: Vec::new(), namespace }),
                    redacted: false,
                });
            }
            Term::Group(group) => {
                if let Some(single) = single_particle(particle) {
                    return self.flatten(&single, fields);
                }
                match group.compositor {
                    Compositor::Sequence
                        if particle.is_once() || (particle.max == Some(1) && content_emptiable(particle)) =>
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

    fn push_element(&mut self, element: &ElementUse, particle: &Particle, fields: &mut Fields) {
        let mut occurs = Occurs::from_bounds(particle.min, particle.max);
        let (ty, checks) = self.element_type(element);
        let tolerated_key = format!("{}/{}", fields.type_path, element.name);
        let tolerated = match self.config.tolerated.get(&tolerated_key) {
            Some(reason) if occurs == Occurs::Required => {
                self.used_config.insert(format!("tolerate:{tolerated_key}"));
                occurs = Occurs::Optional;
                Some(reason.clone())
            }
            _ => None,
        };
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
        let mut doc = doc_lines(element.doc.as_deref());
        if !doc.is_empty() {
            doc.push(String::new());
        }
        if let Some(default) = &default {
            doc.push(format!("Empty in a document, it has the default value `{default}`."));
        }
        doc.push(match &tolerated {
            Some(reason) => format!(
                "Element `<{}>`. The schema requires it; absence is tolerated ({reason}) and `validate()` reports it.",
                element.name
            ),
            None => format!("Element `<{}>`.", element.name),
        });
        if element.nillable {
            doc.push("Nillable: a document may mark it `xsi:nil=\"true\"` ([`xml::Nillable::Nil`]).".to_owned());
        }
        let field_path = format!("{}/{}", fields.type_path, element.name);
        let wanted = match self.config.field_names.get(&field_path) {
            Some(name) => {
                self.used_config.insert(format!("field:{field_path}"));
                name.clone()
            }
            None => naming::field_name(&element.name),
        };
        let name = fields.scope.claim(&wanted);
        self.attributes.attach_field(self.config, &mut self.used_config, (&field_path, &fields.owner, &name));
        fields.facts.push(facts_of(particle));
        fields.fields.push(Field {
            name,
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
            redacted: self.config.redacted.contains(&element.name) || self.config.redacted.contains(&field_path),
        });
    }

    /// A nil element keeps the attributes of its type, which a
    /// `Nillable::Nil` has no room for; and it has no text, so no default
    /// applies to it.
    fn check_nillable(&mut self, element: &ElementUse) {
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

    fn element_type(&mut self, element: &ElementUse) -> (RustType, Option<Checks>) {
        if element.fixed.is_some() {
            self.error(element.span, SchemaErrorKind::Unsupported("fixed element values".to_owned()));
        }
        self.value_type(element.ty)
    }

    /// A field holding an optional or repeated sequence, or a choice: a new
    /// group item and the field that holds it.
    fn push_group(&mut self, particle: &Particle, group: &model::Group, fields: &mut Fields) {
        let is_choice = group.compositor == Compositor::Choice;
        let wanted = group_field_name(group);
        let group_path = format!("{}#{}", fields.path, wanted.trim_start_matches("r#"));
        let wanted_field = match self.config.field_names.get(&group_path) {
            Some(name) => {
                self.used_config.insert(format!("field:{group_path}"));
                name.clone()
            }
            None => wanted.clone(),
        };
        let field_name = fields.scope.claim(&wanted_field);
        self.attributes.attach_field(self.config, &mut self.used_config, (&group_path, &fields.owner, &field_name));
        let wanted_type = match self.config.type_names.get(&group_path) {
            Some(name) => {
                self.used_config.insert(format!("type:{group_path}"));
                name.clone()
            }
            None => naming::nested_type_name(&fields.owner, &wanted),
        };
        let type_name = self.scope.claim(&wanted_type);
        self.attributes.attach_item(self.config, &mut self.used_config, &group_path, &type_name);
        let mut min = particle.min;
        if is_choice && content_emptiable(particle) {
            // An alternative can be empty, so the choice as a whole can be absent.
            min = 0;
        }
        let occurs = Occurs::from_bounds(min, particle.max);
        let first = first_set(particle).0;
        let kind = self.plan_group_item(group, &type_name, &fields.type_path, &group_path);
        let doc = group_doc(group, &fields.owner);
        self.items.push(Item {
            name: type_name.clone(),
            doc: doc.clone(),
            span: particle.span,
            kind,
            validates: false,
        });
        fields.facts.push(facts_of(particle));
        fields.fields.push(Field {
            name: field_name,
            doc,
            kind: FieldKind::Group(GroupField { ty: type_name, occurs, first, boxed: false, is_choice }),
            redacted: false,
        });
    }

    /// The item for a group: a struct for a sequence, an enum for a choice.
    fn plan_group_item(&mut self, group: &model::Group, type_name: &str, type_path: &str, path: &str) -> ItemKind {
        let mut fields = Fields::new(type_name, type_path, path);
        match group.compositor {
            Compositor::Choice => {
                ItemKind::Choice(Choice { is_type: false, variants: self.plan_variants(group, &mut fields) })
            }
            _ => {
                for child in &group.particles {
                    self.flatten(child, &mut fields);
                }
                self.check_lookahead(&fields.facts, true);
                self.set_wildcard_followers(&mut fields);
                ItemKind::Struct(Struct {
                    is_group: true,
                    attributes: Vec::new(),
                    other_attributes: None,
                    content: StructContent::Sequence(fields.fields),
                    required_together: Vec::new(),
                })
            }
        }
    }

    /// The variants of a choice: one per alternative; nested choices that
    /// occur once are merged in.
    fn plan_variants(&mut self, group: &model::Group, fields: &mut Fields) -> Vec<Variant> {
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
                variants.push(Variant { name, doc: field.doc, kind: field.kind });
            }
        }
        self.check_disjoint(&firsts);
        variants
    }

    /// The one field for an alternative of a choice: an element, a wildcard,
    /// or a group item (a sequence stays one alternative, never one per element).
    fn alternative_field(&mut self, alternative: &Particle, fields: &mut Fields) {
        if let Some(single) = single_particle(alternative) {
            return self.alternative_field(&single, fields);
        }
        match &alternative.term {
            Term::Group(group) if group.compositor != Compositor::All => self.push_group(alternative, group, fields),
            _ => self.flatten(alternative, fields),
        }
    }

    // ----- lookahead --------------------------------------------------------

    /// In a sequence, an element that can start an optional or repeated field
    /// must not also start what can follow it: the reader decides with one
    /// element of lookahead, as the schema's UPA rule promises.
    fn check_lookahead(&mut self, facts: &[FieldFacts], ordered: bool) {
        if !ordered {
            return;
        }
        for (index, fact) in facts.iter().enumerate() {
            if !(fact.emptiable || fact.repeats) || fact.wildcard {
                continue;
            }
            for next in &facts[index + 1..] {
                if let Some(shared) = fact.first.iter().find(|name| next.first.contains(name)) {
                    let location = self.schema.sources.locate(next.span);
                    self.error(
                        fact.span,
                        SchemaErrorKind::Ambiguous(format!(
                            "element <{shared}> may start this optional or repeated part and also what follows it at {location}"
                        )),
                    );
                    break;
                }
                if !next.emptiable {
                    break;
                }
            }
        }
    }

    fn check_disjoint(&mut self, firsts: &[(Vec<String>, bool, Span)]) {
        for (index, (first, wildcard, span)) in firsts.iter().enumerate() {
            for (other, other_wildcard, other_span) in &firsts[index + 1..] {
                let shared = first.iter().find(|name| other.contains(name));
                if let Some(shared) = shared {
                    let location = self.schema.sources.locate(*span);
                    self.error(
                        *other_span,
                        SchemaErrorKind::Ambiguous(format!(
                            "element <{shared}> starts two alternatives of a choice (the other at {location})"
                        )),
                    );
                } else if *wildcard && *other_wildcard {
                    self.error(
                        *other_span,
                        SchemaErrorKind::Ambiguous("two wildcard alternatives in one choice".to_owned()),
                    );
                }
            }
        }
    }

    /// A wildcard stops at the elements that can follow it.
    fn set_wildcard_followers(&mut self, fields: &mut Fields) {
        for index in 0..fields.fields.len() {
            if !matches!(fields.fields[index].kind, FieldKind::Wildcard(_)) {
                continue;
            }
            let mut followers = Vec::new();
            for next in &fields.facts[index + 1..] {
                for name in &next.first {
                    if !followers.contains(name) {
                        followers.push(name.clone());
                    }
                }
                if !next.emptiable {
                    break;
                }
            }
            if let FieldKind::Wildcard(wildcard) = &mut fields.fields[index].kind {
                wildcard.followers = followers;
            }
        }
    }

    // ----- roots ------------------------------------------------------------

    fn plan_roots(&mut self) {
        let mut uses: HashMap<TypeRef, usize> = HashMap::new();
        for element in &self.schema.elements {
            *uses.entry(element.ty).or_default() += 1;
        }
        for element in &self.schema.elements {
            let unique_complex = match element.ty {
                TypeRef::Defined(id) => {
                    matches!(self.schema.get(id).kind, TypeKind::Complex(_)) && uses[&element.ty] == 1
                }
                TypeRef::Builtin(_) => false,
            };
            if unique_complex {
                if let (RustType::Item(name), _) = self.value_type(element.ty) {
                    let named = matches!(element.ty, TypeRef::Defined(id) if matches!(self.schema.get(id).name, TypeName::Named(_)));
                    let mut added = Vec::new();
                    if named {
                        added.push(format!("The type of the root element `<{}>`.", element.name));
                    }
                    let element_doc = doc_lines(element.doc.as_deref());
                    if !element_doc.is_empty() {
                        if !added.is_empty() {
                            added.push(String::new());
                        }
                        added.extend(element_doc);
                    }
                    if let Some(item) = self.items.iter_mut().find(|item| item.name == name)
                        && !added.is_empty()
                    {
                        item.doc.push(String::new());
                        item.doc.extend(added);
                    }
                    self.roots.push(Root { element: element.name.clone(), ty: name });
                }
                continue;
            }
            let path = format!("/{}", element.name);
            let wanted = match self.config.type_names.get(&path) {
                Some(name) => {
                    self.used_config.insert(format!("type:{path}"));
                    name.clone()
                }
                None => naming::type_name(&element.name),
            };
            let name = self.scope.claim(&wanted);
            self.attributes.attach_item(self.config, &mut self.used_config, &path, &name);
            let (inner, checks) = self.value_type(element.ty);
            let kind = match checks {
                Some(checks) => ItemKind::Newtype(Newtype { inner, checks }),
                None => ItemKind::Wrapper(inner),
            };
            let mut doc = doc_lines(element.doc.as_deref());
            if !doc.is_empty() {
                doc.push(String::new());
            }
            doc.push(format!(
                "The global element `<{}>` (`{}`), of type {}.",
                element.name,
                self.file_of(element.span),
                self.describe_type(element.ty)
            ));
            self.items.push(Item { name: name.clone(), doc, span: element.span, kind, validates: false });
            self.roots.push(Root { element: element.name.clone(), ty: name });
        }
    }

    /// Every schema path in the configuration must have named something.
    fn check_config_paths(&mut self) {
        let unused_names =
            self.config.type_names.keys().filter(|path| !self.used_config.contains(&format!("type:{path}")));
        let unused_fields =
            self.config.field_names.keys().filter(|path| !self.used_config.contains(&format!("field:{path}")));
        let unused_tolerations =
            self.config.tolerated.keys().filter(|path| !self.used_config.contains(&format!("tolerate:{path}")));
        let unused: Vec<String> = unused_names
            .chain(unused_fields)
            .chain(unused_tolerations)
            .chain(Attributes::unused_paths(self.config, &self.used_config))
            .filter(|path| !self.config.optional_paths.contains(*path))
            .cloned()
            .collect();
        if unused.is_empty() {
            return;
        }
        // A configuration path belongs to no place in the schemas; the
        // message points at the start of the first file read.
        let span = Span { file: crate::source::FileId(0), offset: 0 };
        for path in unused {
            self.error(span, SchemaErrorKind::UnknownConfigPath(path));
        }
    }

    // ----- recursion and validation ----------------------------------------

    /// Boxes the fields that close a cycle of by-value containment, found by a
    /// depth-first walk in item order (so the same schema boxes the same fields).
    fn box_recursion(&mut self) {
        let index: HashMap<String, usize> =
            self.items.iter().enumerate().map(|(at, item)| (item.name.clone(), at)).collect();
        let edges: Vec<Vec<(usize, usize)>> = self
            .items
            .iter()
            .map(|item| {
                by_value_targets(&item.kind)
                    .into_iter()
                    .enumerate()
                    .filter_map(|(slot, target)| target.and_then(|target| index.get(&target)).map(|&to| (slot, to)))
                    .collect()
            })
            .collect();
        let mut state = vec![0u8; self.items.len()]; // 0 new, 1 on stack, 2 done
        let mut to_box: Vec<(usize, usize)> = Vec::new();
        for start in 0..self.items.len() {
            if state[start] != 0 {
                continue;
            }
            let mut stack = vec![(start, 0usize)];
            state[start] = 1;
            while let Some((node, next_edge)) = stack.pop() {
                if let Some(&(slot, to)) = edges[node].get(next_edge) {
                    stack.push((node, next_edge + 1));
                    match state[to] {
                        0 => {
                            state[to] = 1;
                            stack.push((to, 0));
                        }
                        1 => to_box.push((node, slot)),
                        _ => {}
                    }
                } else {
                    state[node] = 2;
                }
            }
        }
        for (item, slot) in to_box {
            set_boxed(&mut self.items[item].kind, slot);
        }
    }

    /// Marks the items whose `validate()` has something to check, to a fixpoint.
    fn mark_validation(&mut self) {
        loop {
            let validating: BTreeSet<String> =
                self.items.iter().filter(|item| item.validates).map(|item| item.name.clone()).collect();
            let aliases: HashMap<String, RustType> = self
                .items
                .iter()
                .filter_map(|item| match &item.kind {
                    ItemKind::Alias(target) => Some((item.name.clone(), target.clone())),
                    _ => None,
                })
                .collect();
            let validates_type = |ty: &RustType| type_validates(ty, &validating, &aliases);
            let mut changed = false;
            for item in &mut self.items {
                if !item.validates && item_validates(&item.kind, &validates_type) {
                    item.validates = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
    }

    fn finish(mut self) -> Result<Module, Vec<SchemaError>> {
        if !self.errors.is_empty() {
            return Err(self.errors);
        }
        self.items.sort_by_key(|item| item.span);
        let mut files: Vec<String> =
            self.schema.sources.iter().map(|(id, _)| self.schema.sources.display_name(id)).collect();
        files.sort();
        Ok(Module { items: self.items, roots: self.roots, files, attributes: self.attributes })
    }
}

// ----- helpers on the model ---------------------------------------------------

fn empty_struct() -> Struct {
    Struct {
        is_group: false,
        attributes: Vec::new(),
        other_attributes: None,
        content: StructContent::Empty,
        required_together: Vec::new(),
    }
}

fn is_compositor(particle: &Particle, compositor: Compositor) -> bool {
    matches!(&particle.term, Term::Group(group) if group.compositor == compositor)
}

/// Whether a group's content (ignoring the group's own `minOccurs`) can be empty.
fn content_emptiable(particle: &Particle) -> bool {
    let once = Particle { min: 1, ..particle.clone() };
    once.is_emptiable()
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
    if !(particle.is_once() || child.min <= 1) {
        return None;
    }
    let min = particle.min.checked_mul(child.min)?;
    let max = match (particle.max, child.max) {
        (Some(outer), Some(inner)) => Some(outer.checked_mul(inner)?),
        _ => None,
    };
    Some(Particle { min, max, ..child.clone() })
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

/// The element names that can start `particle`, in schema order, and whether
/// a wildcard can.
fn first_set(particle: &Particle) -> (Vec<String>, bool) {
    let mut names = Vec::new();
    let mut wildcard = false;
    collect_first(particle, &mut names, &mut wildcard);
    (names, wildcard)
}

fn collect_first(particle: &Particle, names: &mut Vec<String>, wildcard: &mut bool) {
    match &particle.term {
        Term::Element(element) => {
            if !names.contains(&element.name) {
                names.push(element.name.clone());
            }
        }
        Term::Any(_) => *wildcard = true,
        Term::Group(group) => match group.compositor {
            Compositor::Sequence => {
                for child in &group.particles {
                    collect_first(child, names, wildcard);
                    if !child.is_emptiable() {
                        break;
                    }
                }
            }
            Compositor::Choice | Compositor::All => {
                for child in &group.particles {
                    collect_first(child, names, wildcard);
                }
            }
        },
    }
}

fn facts_of(particle: &Particle) -> FieldFacts {
    let (first, wildcard) = first_set(particle);
    FieldFacts {
        first,
        wildcard,
        emptiable: particle.is_emptiable(),
        repeats: particle.max != Some(1),
        span: particle.span,
    }
}

/// Field name for a group: its elements joined (`password_and_password_type`,
/// `site_id_or_site_name`) when it holds two or three elements and nothing
/// else; otherwise `choice`, or the first element's name and `_group`.
fn group_field_name(group: &model::Group) -> String {
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

fn group_doc(group: &model::Group, owner: &str) -> Vec<String> {
    let mut names = Vec::new();
    collect_group_elements(group, &mut names);
    let listed = names.iter().map(|name| format!("`<{name}>`")).collect::<Vec<_>>().join(", ");
    let mut doc = doc_lines(group.doc.as_deref());
    if !doc.is_empty() {
        doc.push(String::new());
    }
    doc.push(match group.compositor {
        Compositor::Choice => format!("One of {listed}, inside [`{owner}`]."),
        _ => format!("The elements {listed}, together, inside [`{owner}`]."),
    });
    doc
}

fn collect_group_elements(group: &model::Group, names: &mut Vec<String>) {
    for particle in &group.particles {
        match &particle.term {
            Term::Element(element) => {
                if !names.contains(&element.name) {
                    names.push(element.name.clone());
                }
            }
            Term::Any(_) => names.push("*".to_owned()),
            Term::Group(inner) => collect_group_elements(inner, names),
        }
    }
}

/// Documentation text as doc-comment lines, with characters rustdoc would
/// read as markup escaped.
pub fn doc_lines(doc: Option<&str>) -> Vec<String> {
    let Some(doc) = doc else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    for (index, paragraph) in doc.split("\n\n").enumerate() {
        if index > 0 {
            lines.push(String::new());
        }
        let mut escaped = String::with_capacity(paragraph.len());
        for c in paragraph.chars() {
            if matches!(c, '[' | ']' | '<' | '>' | '*' | '`' | '#' | '\\') {
                escaped.push('\\');
            }
            escaped.push(c);
        }
        lines.push(escaped);
    }
    lines
}

/// For each by-value slot of an item (fields, then variants, in order), the
/// item it contains directly, if any.
fn by_value_targets(kind: &ItemKind) -> Vec<Option<String>> {
    let target = |field: &FieldKind| match field {
        FieldKind::Element(ElementField {
            ty: RustType::Item(name),
            occurs: Occurs::Required | Occurs::Optional,
            ..
        }) => Some(name.clone()),
        FieldKind::Group(GroupField { ty, occurs: Occurs::Required | Occurs::Optional, .. }) => Some(ty.clone()),
        _ => None,
    };
    match kind {
        ItemKind::Struct(plan) => plan.content.fields().iter().map(|field| target(&field.kind)).collect(),
        ItemKind::Choice(choice) => choice.variants.iter().map(|variant| target(&variant.kind)).collect(),
        ItemKind::Wrapper(RustType::Item(name)) => vec![Some(name.clone())],
        _ => Vec::new(),
    }
}

fn set_boxed(kind: &mut ItemKind, slot: usize) {
    let field_kind = match kind {
        ItemKind::Struct(Struct { content: StructContent::Sequence(fields) | StructContent::All(fields), .. }) => {
            fields.get_mut(slot).map(|field| &mut field.kind)
        }
        ItemKind::Choice(choice) => choice.variants.get_mut(slot).map(|variant| &mut variant.kind),
        _ => None,
    };
    match field_kind {
        Some(FieldKind::Element(element)) => element.boxed = true,
        Some(FieldKind::Group(group)) => group.boxed = true,
        _ => {}
    }
}

/// Whether values of `ty` have something for `validate()` to check.
fn type_validates(ty: &RustType, validating: &BTreeSet<String>, aliases: &HashMap<String, RustType>) -> bool {
    match ty {
        RustType::String => true,
        RustType::List(item) => type_validates(item, validating, aliases),
        RustType::Item(name) => match aliases.get(name) {
            Some(target) => type_validates(target, validating, aliases),
            None => validating.contains(name),
        },
        RustType::Runtime(name) => *name == "AnyContent",
        RustType::Bool | RustType::Integer(_) | RustType::Float(_) => false,
    }
}

fn field_validates(kind: &FieldKind, validates_type: &dyn Fn(&RustType) -> bool) -> bool {
    match kind {
        FieldKind::Element(element) => {
            element.checks.is_some()
                || element.tolerated.is_some()
                || element.occurs.has_bounds()
                || validates_type(&element.ty)
        }
        FieldKind::Group(group) => group.occurs.has_bounds() || validates_type(&RustType::Item(group.ty.clone())),
        // Open content must at least be writable as XML.
        FieldKind::Wildcard(_) => true,
    }
}

fn item_validates(kind: &ItemKind, validates_type: &dyn Fn(&RustType) -> bool) -> bool {
    match kind {
        ItemKind::Struct(plan) => {
            let content = match &plan.content {
                StructContent::Simple(value) => value.checks.is_some() || validates_type(&value.ty),
                content => content.fields().iter().any(|field| field_validates(&field.kind, validates_type)),
            };
            content
                || !plan.required_together.is_empty()
                || plan.attributes.iter().any(|attribute| attribute.checks.is_some() || validates_type(&attribute.ty))
        }
        ItemKind::Choice(choice) => {
            choice.variants.iter().any(|variant| field_validates(&variant.kind, validates_type))
        }
        ItemKind::Newtype(_) => true,
        ItemKind::Union(union) => {
            union.members.iter().any(|member| member.checks.is_some() || validates_type(&member.ty))
        }
        ItemKind::Wrapper(inner) | ItemKind::Alias(inner) => validates_type(inner),
        ItemKind::Enumeration(_) => false,
    }
}
