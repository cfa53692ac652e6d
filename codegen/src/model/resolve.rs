//! Stage 2: resolves the syntax trees of a [`SchemaSet`] into a [`Schema`].

use std::collections::{HashMap, HashSet};

use super::*;
use crate::error::{SchemaError, SchemaErrorKind};
use crate::xsd::SchemaSet;
use crate::xsd::syntax::{self, Component, FacetKind, TypeReference};

/// The attributes of an attribute group, and its wildcard.
type AttributeGroup = (Vec<Attribute>, Option<Wildcard>);

/// Resolves every reference of the schema set. Every problem found is
/// reported, not just the first.
pub fn resolve(set: SchemaSet) -> Result<Schema, Vec<SchemaError>> {
    let mut resolver = Resolver::new(&set);
    resolver.check_duplicates();
    resolver.allocate_named_types();
    resolver.declare_global_elements();
    resolver.resolve_all_types();
    resolver.finish_simple_content();
    let Resolver { errors, slots, elements, .. } = resolver;
    if !errors.is_empty() {
        return Err(errors);
    }
    let types = slots
        .into_iter()
        .map(|slot| match slot {
            Slot::Done(def) => Some(*def),
            _ => None,
        })
        .collect::<Option<Vec<_>>>();
    match types {
        Some(types) => Ok(Schema { sources: set.sources, types, elements: elements.into_iter().flatten().collect() }),
        // Unreachable in practice: every slot is resolved or has reported an error.
        None => Err(Vec::new()),
    }
}

/// Where a top-level component is: document index and component index.
type ComponentAt = (usize, usize);

/// The definition behind a type id, and how far its resolution got.
enum Slot<'s> {
    Named(usize, &'s Component),
    AnonymousComplex { name: TypeName, def: &'s syntax::ComplexTypeDef, document: usize },
    AnonymousSimple { name: TypeName, def: &'s syntax::SimpleTypeDef, document: usize },
    InProgress,
    Done(Box<TypeDef>),
    Failed,
}

struct Resolver<'s> {
    set: &'s SchemaSet,
    /// `visible[d][o]`: whether document `o` is part of a schema that `d` is part of.
    visible: Vec<Vec<bool>>,
    types: HashMap<QName, Vec<ComponentAt>>,
    global_elements: HashMap<QName, Vec<ComponentAt>>,
    groups: HashMap<QName, Vec<ComponentAt>>,
    attribute_groups: HashMap<QName, Vec<ComponentAt>>,
    global_attributes: HashMap<QName, Vec<ComponentAt>>,
    type_ids: HashMap<ComponentAt, TypeId>,
    element_indices: HashMap<ComponentAt, usize>,
    slots: Vec<Slot<'s>>,
    elements: Vec<Option<GlobalElement>>,
    group_cache: HashMap<ComponentAt, Option<Particle>>,
    groups_in_progress: HashSet<ComponentAt>,
    attribute_group_cache: HashMap<ComponentAt, Option<AttributeGroup>>,
    errors: Vec<SchemaError>,
}

impl<'s> Resolver<'s> {
    fn new(set: &'s SchemaSet) -> Self {
        let count = set.documents.len();
        let mut visible = vec![vec![false; count]; count];
        for &root in &set.roots {
            let closure = set.closure(root);
            for &member in &closure {
                for &other in &closure {
                    visible[member][other] = true;
                }
            }
        }
        let mut resolver = Self {
            set,
            visible,
            types: HashMap::new(),
            global_elements: HashMap::new(),
            groups: HashMap::new(),
            attribute_groups: HashMap::new(),
            global_attributes: HashMap::new(),
            type_ids: HashMap::new(),
            element_indices: HashMap::new(),
            slots: Vec::new(),
            elements: Vec::new(),
            group_cache: HashMap::new(),
            groups_in_progress: HashSet::new(),
            attribute_group_cache: HashMap::new(),
            errors: Vec::new(),
        };
        for (document_index, document) in set.documents.iter().enumerate() {
            for (component_index, component) in document.components.iter().enumerate() {
                let (table, name) = match component {
                    Component::ComplexType(def) => (&mut resolver.types, def.name.as_deref()),
                    Component::SimpleType(def) => (&mut resolver.types, def.name.as_deref()),
                    Component::Element(decl) => (&mut resolver.global_elements, decl.name.as_deref()),
                    Component::Group(def) => (&mut resolver.groups, Some(def.name.as_str())),
                    Component::AttributeGroup(def) => (&mut resolver.attribute_groups, Some(def.name.as_str())),
                    Component::Attribute(decl) => (&mut resolver.global_attributes, decl.name.as_deref()),
                };
                if let Some(name) = name {
                    let qname = QName { namespace: document.target_namespace.clone(), local: name.to_owned() };
                    table.entry(qname).or_default().push((document_index, component_index));
                }
            }
        }
        resolver
    }

    fn component(&self, (document, index): ComponentAt) -> &'s Component {
        &self.set.documents[document].components[index]
    }

    fn span_of(&self, at: ComponentAt) -> Span {
        match self.component(at) {
            Component::ComplexType(def) => def.span,
            Component::SimpleType(def) => def.span,
            Component::Element(decl) => decl.span,
            Component::Group(def) => def.span,
            Component::AttributeGroup(def) => def.span,
            Component::Attribute(decl) => decl.span,
        }
    }

    fn error(&mut self, span: Span, kind: SchemaErrorKind) {
        self.errors.push(SchemaError::new(&self.set.sources, span, kind));
    }

    /// Two definitions of one name may not meet in one schema (one root and
    /// what it includes).
    fn check_duplicates(&mut self) {
        let tables = [
            ("type", &self.types),
            ("element", &self.global_elements),
            ("group", &self.groups),
            ("attribute group", &self.attribute_groups),
            ("attribute", &self.global_attributes),
        ];
        let mut found = Vec::new();
        for (kind, table) in tables {
            let mut names: Vec<_> = table.iter().filter(|(_, places)| places.len() > 1).collect();
            names.sort();
            for (name, places) in names {
                for (index, &later) in places.iter().enumerate().skip(1) {
                    let first = places[..index].iter().find(|&&earlier| self.visible[later.0][earlier.0]);
                    if let Some(&first) = first {
                        found.push((later, first, kind, name.to_string()));
                    }
                }
            }
        }
        for (later, first, kind, name) in found {
            let first = self.set.sources.locate(self.span_of(first));
            self.error(self.span_of(later), SchemaErrorKind::Duplicate { kind, name, first });
        }
    }

    /// Finds a top-level component visible from `document`.
    fn lookup(&self, table: &HashMap<QName, Vec<ComponentAt>>, name: &QName, document: usize) -> Option<ComponentAt> {
        table.get(name)?.iter().copied().find(|&(defined_in, _)| self.visible[document][defined_in])
    }

    fn allocate_named_types(&mut self) {
        for (document_index, document) in self.set.documents.iter().enumerate() {
            for (component_index, component) in document.components.iter().enumerate() {
                if matches!(component, Component::ComplexType(_) | Component::SimpleType(_)) {
                    let id = TypeId(self.slots.len());
                    self.slots.push(Slot::Named(document_index, component));
                    self.type_ids.insert((document_index, component_index), id);
                }
            }
        }
    }

    fn declare_global_elements(&mut self) {
        for (document_index, document) in self.set.documents.iter().enumerate() {
            for (component_index, component) in document.components.iter().enumerate() {
                let Component::Element(decl) = component else {
                    continue;
                };
                let Some(name) = decl.name.clone() else {
                    continue;
                };
                let index = self.elements.len();
                self.element_indices.insert((document_index, component_index), index);
                self.elements.push(None);
                if let Some(namespace) = &document.target_namespace {
                    self.error(
                        decl.span,
                        SchemaErrorKind::Unsupported(format!(
                            "global element '{name}' in namespace '{namespace}': namespace-qualified elements are not supported"
                        )),
                    );
                    continue;
                }
                let referrer = format!("element '{name}'");
                let ty = self.element_type(decl, Owner::Element(index), document_index, &referrer);
                self.elements[index] = ty.map(|ty| GlobalElement {
                    name,
                    namespace: document.target_namespace.clone(),
                    ty,
                    nillable: decl.nillable,
                    doc: decl.doc.clone(),
                    span: decl.span,
                });
            }
        }
    }

    /// The type of an element declaration: named, inline (allocated as an
    /// anonymous type) or `anyType` when neither is given.
    fn element_type(
        &mut self,
        decl: &'s syntax::ElementDecl,
        owner: Owner,
        document: usize,
        referrer: &str,
    ) -> Option<TypeRef> {
        if decl.fixed.is_some() {
            self.error(decl.span, SchemaErrorKind::Unsupported("fixed element values".to_owned()));
        }
        let role = match owner {
            Owner::Element(_) => AnonymousRole::Itself,
            _ => AnonymousRole::Element(decl.name.clone().unwrap_or_default()),
        };
        match (&decl.type_name, &decl.inline_type) {
            (Some(name), _) => self.type_ref(name, document, decl.type_span, referrer),
            (None, Some(syntax::InlineType::Complex(def))) => {
                Some(TypeRef::Defined(self.allocate(Slot::AnonymousComplex {
                    name: TypeName::Anonymous { owner, role },
                    def,
                    document,
                })))
            }
            (None, Some(syntax::InlineType::Simple(def))) => {
                Some(TypeRef::Defined(self.allocate(Slot::AnonymousSimple {
                    name: TypeName::Anonymous { owner, role },
                    def,
                    document,
                })))
            }
            (None, None) => Some(TypeRef::Builtin(Builtin::AnyType)),
        }
    }

    fn allocate(&mut self, slot: Slot<'s>) -> TypeId {
        self.slots.push(slot);
        TypeId(self.slots.len() - 1)
    }

    fn type_ref(&mut self, name: &QName, document: usize, span: Span, referrer: &str) -> Option<TypeRef> {
        if name.is_xsd() {
            if let Some(builtin) = Builtin::from_name(&name.local) {
                return Some(TypeRef::Builtin(builtin));
            }
        } else if let Some(at) = self.lookup(&self.types, name, document) {
            return Some(TypeRef::Defined(self.type_ids[&at]));
        }
        self.error(
            span,
            SchemaErrorKind::UnknownReference { kind: "type", name: name.to_string(), referrer: referrer.to_owned() },
        );
        None
    }

    fn resolve_all_types(&mut self) {
        let mut index = 0;
        while index < self.slots.len() {
            self.resolve_type(TypeId(index));
            index += 1;
        }
    }

    /// Resolves a type if not done yet; returns whether it resolved. Types
    /// are resolved on demand where a derivation needs its base first.
    fn resolve_type(&mut self, id: TypeId) -> bool {
        let slot = std::mem::replace(&mut self.slots[id.0], Slot::InProgress);
        let resolved = match slot {
            Slot::Done(def) => {
                self.slots[id.0] = Slot::Done(def);
                return true;
            }
            Slot::Failed => {
                self.slots[id.0] = Slot::Failed;
                return false;
            }
            Slot::InProgress => {
                // A derivation cycle: the caller reports it.
                return false;
            }
            Slot::Named(document, Component::ComplexType(def)) => {
                let name = TypeName::Named(self.qualified(document, def.name.as_deref().unwrap_or_default()));
                self.complex_type(id, name, def, document)
            }
            Slot::Named(document, Component::SimpleType(def)) => {
                let name = TypeName::Named(self.qualified(document, def.name.as_deref().unwrap_or_default()));
                self.simple_type(id, name, def, document)
            }
            Slot::Named(..) => None,
            Slot::AnonymousComplex { name, def, document } => self.complex_type(id, name, def, document),
            Slot::AnonymousSimple { name, def, document } => self.simple_type(id, name, def, document),
        };
        let done = resolved.is_some();
        self.slots[id.0] = resolved.map_or(Slot::Failed, |def| Slot::Done(Box::new(def)));
        done
    }

    fn qualified(&self, document: usize, local: &str) -> QName {
        QName { namespace: self.set.documents[document].target_namespace.clone(), local: local.to_owned() }
    }

    /// Resolves the base of a derivation first, reporting a cycle.
    fn require_resolved(&mut self, base: TypeRef, span: Span, name: &str) -> bool {
        match base {
            TypeRef::Builtin(_) => true,
            TypeRef::Defined(base_id) => {
                if matches!(self.slots[base_id.0], Slot::InProgress) {
                    self.error(span, SchemaErrorKind::Circular(name.to_owned()));
                    return false;
                }
                self.resolve_type(base_id)
            }
        }
    }

    fn describe(&self, name: &TypeName) -> String {
        match name {
            TypeName::Named(qname) => qname.to_string(),
            TypeName::Anonymous { .. } => "anonymous type".to_owned(),
        }
    }

    fn complex_type(
        &mut self,
        id: TypeId,
        name: TypeName,
        def: &'s syntax::ComplexTypeDef,
        document: usize,
    ) -> Option<TypeDef> {
        let described = self.describe(&name);
        let referrer = format!("type '{described}'");
        let owner = Owner::Type(id);
        let mut complex = match &def.content {
            syntax::ComplexContent::Direct { particle, attributes } => {
                let content = match particle {
                    Some(particle) => {
                        self.particle(particle, &owner, document).map_or(Content::Empty, Content::Elements)
                    }
                    None => Content::Empty,
                };
                let (attributes, any_attribute) = self.attributes(attributes, &owner, document);
                ComplexType { derivation: None, content, attributes, any_attribute }
            }
            syntax::ComplexContent::Complex(derivation) => {
                self.complex_content(derivation, &owner, document, &referrer, &described)?
            }
            syntax::ComplexContent::Simple(derivation) => {
                self.simple_content(derivation, &owner, document, &referrer, &described)?
            }
        };
        let mixed =
            def.mixed || matches!(&def.content, syntax::ComplexContent::Complex(derivation) if derivation.mixed);
        if mixed && !matches!(complex.content, Content::Empty) {
            self.error(
                def.span,
                SchemaErrorKind::Unsupported("mixed content (text between child elements)".to_owned()),
            );
        } else if mixed {
            // Mixed with no element content: text of any kind.
            complex.content = Content::Simple { value: TypeRef::Builtin(Builtin::String), facets: Box::default() };
        }
        // An extension admits the attributes its base's wildcard admits too;
        // a restriction states its own wildcard, or has none.
        if let Some(Derivation { base, method: DerivationMethod::Extension }) = complex.derivation
            && let Some(base) = self.complex_of(base)
        {
            complex.any_attribute = match (complex.any_attribute.take(), &base.any_attribute) {
                (Some(own), Some(inherited)) => Some(Wildcard {
                    namespaces: own.namespaces.union(&inherited.namespaces),
                    process_contents: own.process_contents,
                }),
                (own, inherited) => own.or_else(|| inherited.clone()),
            };
        }
        self.check_attribute_names(&complex);
        Some(TypeDef { name, span: def.span, doc: def.doc.clone(), kind: TypeKind::Complex(complex) })
    }

    fn complex_of(&self, ty: TypeRef) -> Option<&ComplexType> {
        match ty {
            TypeRef::Defined(id) => match &self.slots[id.0] {
                Slot::Done(def) => match &def.kind {
                    TypeKind::Complex(complex) => Some(complex),
                    TypeKind::Simple(_) => None,
                },
                _ => None,
            },
            TypeRef::Builtin(_) => None,
        }
    }

    fn simple_of(&self, ty: TypeRef) -> Option<&SimpleType> {
        match ty {
            TypeRef::Defined(id) => match &self.slots[id.0] {
                Slot::Done(def) => match &def.kind {
                    TypeKind::Simple(simple) => Some(simple),
                    TypeKind::Complex(_) => None,
                },
                _ => None,
            },
            TypeRef::Builtin(_) => None,
        }
    }

    fn check_attribute_names(&mut self, complex: &ComplexType) {
        let mut seen: Vec<&str> = Vec::new();
        let mut duplicates = Vec::new();
        for attribute in &complex.attributes {
            if seen.contains(&attribute.name.as_str()) {
                duplicates.push((attribute.span, attribute.name.clone()));
            }
            seen.push(&attribute.name);
        }
        for (span, name) in duplicates {
            self.error(
                span,
                SchemaErrorKind::Duplicate { kind: "attribute", name, first: self.set.sources.locate(span) },
            );
        }
    }

    /// The base of a derivation, resolved first, and the method.
    fn derivation_base(
        &mut self,
        derivation: &'s syntax::Derivation,
        document: usize,
        referrer: &str,
        described: &str,
    ) -> Option<(TypeRef, DerivationMethod)> {
        let base = self.type_ref(&derivation.base, document, derivation.base_span, referrer)?;
        if !self.require_resolved(base, derivation.base_span, described) {
            return None;
        }
        let method = if derivation.is_extension { DerivationMethod::Extension } else { DerivationMethod::Restriction };
        Some((base, method))
    }

    fn complex_content(
        &mut self,
        derivation: &'s syntax::Derivation,
        owner: &Owner,
        document: usize,
        referrer: &str,
        described: &str,
    ) -> Option<ComplexType> {
        let (base, method) = self.derivation_base(derivation, document, referrer, described)?;
        let derivation_of = match base {
            TypeRef::Builtin(Builtin::AnyType) => None,
            TypeRef::Defined(_) if self.complex_of(base).is_some() => Some(Derivation { base, method }),
            _ => {
                self.error(
                    derivation.base_span,
                    SchemaErrorKind::InvalidAttribute {
                        attribute: "base".to_owned(),
                        value: derivation.base.to_string(),
                        reason: "xs:complexContent derives from a complex type".to_owned(),
                    },
                );
                return None;
            }
        };
        if let Some(base_complex) = self.complex_of(base)
            && matches!(base_complex.content, Content::Simple { .. })
        {
            self.error(
                derivation.span,
                SchemaErrorKind::InvalidAttribute {
                    attribute: "base".to_owned(),
                    value: derivation.base.to_string(),
                    reason: "the base has simple content; derive with xs:simpleContent".to_owned(),
                },
            );
            return None;
        }
        let content = match &derivation.particle {
            Some(particle) => self.particle(particle, owner, document).map_or(Content::Empty, Content::Elements),
            None => Content::Empty,
        };
        let (attributes, any_attribute) = self.attributes(&derivation.attributes, owner, document);
        Some(ComplexType { derivation: derivation_of, content, attributes, any_attribute })
    }

    fn simple_content(
        &mut self,
        derivation: &'s syntax::Derivation,
        owner: &Owner,
        document: usize,
        referrer: &str,
        described: &str,
    ) -> Option<ComplexType> {
        let (base, method) = self.derivation_base(derivation, document, referrer, described)?;
        let is_simple = match base {
            TypeRef::Builtin(builtin) => builtin.is_simple(),
            TypeRef::Defined(_) => self.simple_of(base).is_some(),
        };
        let (value, derivation_of) = if is_simple {
            if method == DerivationMethod::Restriction {
                self.error(
                    derivation.base_span,
                    SchemaErrorKind::InvalidAttribute {
                        attribute: "base".to_owned(),
                        value: derivation.base.to_string(),
                        reason: "a xs:simpleContent restriction derives from a complex type with simple content"
                            .to_owned(),
                    },
                );
                return None;
            }
            (base, None)
        } else {
            match self.complex_of(base).map(|complex| &complex.content) {
                Some(Content::Simple { value, .. }) => (*value, Some(Derivation { base, method })),
                _ => {
                    self.error(
                        derivation.base_span,
                        SchemaErrorKind::InvalidAttribute {
                            attribute: "base".to_owned(),
                            value: derivation.base.to_string(),
                            reason: "xs:simpleContent derives from a simple type or a complex type with simple content"
                                .to_owned(),
                        },
                    );
                    return None;
                }
            }
        };
        let facets = self.facets(&derivation.facets, value);
        let (attributes, any_attribute) = self.attributes(&derivation.attributes, owner, document);
        Some(ComplexType {
            derivation: derivation_of,
            content: Content::Simple { value, facets: Box::new(facets) },
            attributes,
            any_attribute,
        })
    }

    /// Simple content holds text of a simple type; a value type that ended up
    /// complex (a derivation chain gone wrong) is reported here.
    fn finish_simple_content(&mut self) {
        let mut complex_values = Vec::new();
        for slot in &self.slots {
            let Slot::Done(def) = slot else {
                continue;
            };
            if let TypeKind::Complex(ComplexType { content: Content::Simple { value, .. }, .. }) = &def.kind
                && self.complex_of(*value).is_some()
            {
                complex_values.push(def.span);
            }
        }
        for span in complex_values {
            self.error(span, SchemaErrorKind::Unsupported("simple content whose value type is complex".to_owned()));
        }
    }

    fn particle(&mut self, particle: &'s syntax::Particle, owner: &Owner, document: usize) -> Option<Particle> {
        let term = match &particle.term {
            syntax::Term::Element(decl) => Term::Element(self.local_element(decl, owner, document)?),
            syntax::Term::Group { compositor, particles, doc } => Term::Group(Group {
                compositor: *compositor,
                particles: particles.iter().filter_map(|child| self.particle(child, owner, document)).collect(),
                name: None,
                doc: doc.clone(),
            }),
            syntax::Term::GroupRef(name) => self.group_ref(name, document, particle.span)?,
            syntax::Term::Any(wildcard) => Term::Any(self.wildcard(wildcard, document, particle.span)?),
        };
        Some(Particle { span: particle.span, min: particle.occurs.min, max: particle.occurs.max, term })
    }

    fn group_ref(&mut self, name: &QName, document: usize, span: Span) -> Option<Term> {
        let Some(at) = self.lookup(&self.groups, name, document) else {
            self.error(
                span,
                SchemaErrorKind::UnknownReference {
                    kind: "group",
                    name: name.to_string(),
                    referrer: "xs:group ref".to_owned(),
                },
            );
            return None;
        };
        if let Some(cached) = self.group_cache.get(&at) {
            return cached.clone().map(|particle| particle.term);
        }
        let Component::Group(def) = self.component(at) else {
            return None;
        };
        if !self.groups_in_progress.insert(at) {
            self.error(span, SchemaErrorKind::Circular(name.to_string()));
            return None;
        }
        let owner = Owner::Group(name.clone());
        let resolved = self.particle(&def.particle, &owner, at.0).map(|mut particle| {
            if let Term::Group(group) = &mut particle.term {
                group.name = Some(name.clone());
                group.doc = group.doc.take().or_else(|| def.doc.clone());
            }
            particle
        });
        self.groups_in_progress.remove(&at);
        self.group_cache.insert(at, resolved.clone());
        resolved.map(|particle| particle.term)
    }

    fn local_element(&mut self, decl: &'s syntax::ElementDecl, owner: &Owner, document: usize) -> Option<ElementUse> {
        if let Some(reference) = &decl.reference {
            let Some(at) = self.lookup(&self.global_elements, reference, document) else {
                self.error(
                    decl.span,
                    SchemaErrorKind::UnknownReference {
                        kind: "element",
                        name: reference.to_string(),
                        referrer: "element ref".to_owned(),
                    },
                );
                return None;
            };
            let global = self.elements[self.element_indices[&at]].clone()?;
            return Some(ElementUse {
                name: global.name,
                ty: global.ty,
                doc: decl.doc.clone().or(global.doc),
                span: decl.span,
                default: decl.default.clone(),
                fixed: decl.fixed.clone(),
                nillable: global.nillable,
            });
        }
        let name = decl.name.clone()?;
        if decl.qualified && self.set.documents[document].target_namespace.is_some() {
            self.error(
                decl.span,
                SchemaErrorKind::Unsupported(format!(
                    "qualified local element '{name}': namespace-qualified elements are not supported"
                )),
            );
        }
        let referrer = format!("element '{name}'");
        let ty = self.element_type(decl, owner.clone(), document, &referrer)?;
        Some(ElementUse {
            name,
            ty,
            doc: decl.doc.clone(),
            span: decl.span,
            default: decl.default.clone(),
            fixed: decl.fixed.clone(),
            nillable: decl.nillable,
        })
    }

    fn attributes(
        &mut self,
        uses: &'s syntax::AttributeUses,
        owner: &Owner,
        document: usize,
    ) -> (Vec<Attribute>, Option<Wildcard>) {
        let mut attributes = Vec::new();
        let mut any_attribute =
            uses.any_attribute.as_ref().and_then(|any| self.wildcard(&any.wildcard, document, any.span));
        // XSD 1.0: the wildcards of referenced attribute groups and the local
        // one admit together only what every one of them admits.
        let mut group_wildcards = Vec::new();
        for attribute_use in &uses.uses {
            match attribute_use {
                syntax::AttributeUse::Attribute(decl) => attributes.extend(self.attribute(decl, owner, document)),
                syntax::AttributeUse::GroupRef { span, name } => {
                    if let Some((group, any)) = self.attribute_group(name, document, *span) {
                        attributes.extend(group);
                        group_wildcards.extend(any);
                    }
                }
            }
        }
        for wildcard in group_wildcards {
            any_attribute = Some(match any_attribute {
                Some(own) => Wildcard {
                    namespaces: own.namespaces.intersection(&wildcard.namespaces),
                    process_contents: own.process_contents,
                },
                None => wildcard,
            });
        }
        (attributes, any_attribute)
    }

    /// A wildcard's constraints given their meaning in `document`, whose
    /// target namespace `##targetNamespace` and `##other` refer to.
    fn wildcard(&mut self, wildcard: &syntax::Wildcard, document: usize, span: Span) -> Option<Wildcard> {
        let target = self.set.documents[document].target_namespace.as_deref();
        let parsed = NamespaceConstraint::parse(&wildcard.namespace, target).and_then(|namespaces| {
            Ok(Wildcard { namespaces, process_contents: ProcessContents::parse(&wildcard.process_contents)? })
        });
        match parsed {
            Ok(wildcard) => Some(wildcard),
            Err(WildcardError { attribute, value, reason }) => {
                let attribute = attribute.to_owned();
                self.error(span, SchemaErrorKind::InvalidAttribute { attribute, value, reason });
                None
            }
        }
    }

    fn attribute_group(&mut self, name: &QName, document: usize, span: Span) -> Option<AttributeGroup> {
        let Some(at) = self.lookup(&self.attribute_groups, name, document) else {
            self.error(
                span,
                SchemaErrorKind::UnknownReference {
                    kind: "attribute group",
                    name: name.to_string(),
                    referrer: "xs:attributeGroup ref".to_owned(),
                },
            );
            return None;
        };
        if let Some(cached) = self.attribute_group_cache.get(&at).cloned() {
            if cached.is_none() {
                self.error(span, SchemaErrorKind::Circular(name.to_string()));
            }
            return cached;
        }
        let Component::AttributeGroup(def) = self.component(at) else {
            return None;
        };
        self.attribute_group_cache.insert(at, None);
        let resolved = self.attributes(&def.attributes, &Owner::AttributeGroup(name.clone()), at.0);
        self.attribute_group_cache.insert(at, Some(resolved.clone()));
        Some(resolved)
    }

    fn attribute(&mut self, decl: &'s syntax::AttributeDecl, owner: &Owner, document: usize) -> Option<Attribute> {
        let mut decl_for_type = decl;
        let name = match (&decl.name, &decl.reference) {
            (Some(name), _) => name.clone(),
            (None, Some(reference)) => {
                let Some(at) = self.lookup(&self.global_attributes, reference, document) else {
                    self.error(
                        decl.span,
                        SchemaErrorKind::UnknownReference {
                            kind: "attribute",
                            name: reference.to_string(),
                            referrer: "attribute ref".to_owned(),
                        },
                    );
                    return None;
                };
                let Component::Attribute(global) = self.component(at) else {
                    return None;
                };
                if reference.namespace.is_some() {
                    self.error(
                        decl.span,
                        SchemaErrorKind::Unsupported(format!("attribute '{reference}' in a namespace")),
                    );
                    return None;
                }
                decl_for_type = global;
                reference.local.clone()
            }
            (None, None) => return None,
        };
        if decl.fixed.is_some() || decl_for_type.fixed.is_some() {
            self.error(decl.span, SchemaErrorKind::Unsupported("fixed attribute values".to_owned()));
        }
        let referrer = format!("attribute '{name}'");
        let ty = match (&decl_for_type.type_name, &decl_for_type.inline_type) {
            (Some(type_name), _) => self.type_ref(type_name, document, decl_for_type.type_span, &referrer)?,
            (None, Some(inline)) => TypeRef::Defined(self.allocate(Slot::AnonymousSimple {
                name: TypeName::Anonymous { owner: owner.clone(), role: AnonymousRole::Attribute(name.clone()) },
                def: inline,
                document,
            })),
            (None, None) => TypeRef::Builtin(Builtin::AnySimpleType),
        };
        Some(Attribute {
            name,
            ty,
            required: decl.usage == syntax::Use::Required,
            prohibited: decl.usage == syntax::Use::Prohibited,
            default: decl.default.clone().or_else(|| decl_for_type.default.clone()),
            fixed: None,
            doc: decl.doc.clone().or_else(|| decl_for_type.doc.clone()),
            span: decl.span,
        })
    }

    fn simple_type(
        &mut self,
        id: TypeId,
        name: TypeName,
        def: &'s syntax::SimpleTypeDef,
        document: usize,
    ) -> Option<TypeDef> {
        let described = self.describe(&name);
        let owner = Owner::Type(id);
        let simple = match &def.variety {
            syntax::SimpleVariety::Restriction { base: base_reference, base_span, facets } => {
                let base = self.simple_reference(
                    base_reference,
                    &owner,
                    AnonymousRole::Base,
                    document,
                    *base_span,
                    &described,
                )?;
                if !self.require_resolved(base, def.span, &described) {
                    return None;
                }
                let resolved_facets = self.facets(facets, base);
                match base {
                    TypeRef::Builtin(builtin) if !builtin.is_simple() => {
                        self.error(
                            def.span,
                            SchemaErrorKind::InvalidAttribute {
                                attribute: "base".to_owned(),
                                value: "xs:anyType".to_owned(),
                                reason: "a simple type restricts a simple type".to_owned(),
                            },
                        );
                        return None;
                    }
                    TypeRef::Builtin(builtin) => match builtin.list_item() {
                        Some(item) => {
                            SimpleType::List { item: TypeRef::Builtin(item), base: Some(base), facets: resolved_facets }
                        }
                        None => SimpleType::Atomic { base, builtin, facets: resolved_facets },
                    },
                    TypeRef::Defined(_) => match self.simple_of(base) {
                        Some(SimpleType::Atomic { builtin, .. }) => {
                            SimpleType::Atomic { base, builtin: *builtin, facets: resolved_facets }
                        }
                        Some(SimpleType::List { item, .. }) => {
                            SimpleType::List { item: *item, base: Some(base), facets: resolved_facets }
                        }
                        Some(SimpleType::Union { members, .. }) => {
                            SimpleType::Union { members: members.clone(), base: Some(base), facets: resolved_facets }
                        }
                        None => {
                            let value = match base_reference {
                                TypeReference::Named(name) => name.to_string(),
                                TypeReference::Inline(_) => "anonymous type".to_owned(),
                            };
                            self.error(
                                *base_span,
                                SchemaErrorKind::InvalidAttribute {
                                    attribute: "base".to_owned(),
                                    value,
                                    reason: "a simple type restricts a simple type, not a complex one".to_owned(),
                                },
                            );
                            return None;
                        }
                    },
                }
            }
            syntax::SimpleVariety::List { item } => {
                let item =
                    self.simple_reference(item, &owner, AnonymousRole::ListItem, document, def.span, &described)?;
                if !self.require_resolved(item, def.span, &described) {
                    return None;
                }
                if self.complex_of(item).is_some() || matches!(self.simple_of(item), Some(SimpleType::List { .. })) {
                    self.error(
                        def.span,
                        SchemaErrorKind::InvalidAttribute {
                            attribute: "itemType".to_owned(),
                            value: described.clone(),
                            reason: "list items are of an atomic or union simple type".to_owned(),
                        },
                    );
                    return None;
                }
                SimpleType::List { item, base: None, facets: Facets::default() }
            }
            syntax::SimpleVariety::Union { members } => {
                let mut resolved = Vec::new();
                for (index, member) in members.iter().enumerate() {
                    let role = AnonymousRole::UnionMember(index + 1);
                    let member = self.simple_reference(member, &owner, role, document, def.span, &described)?;
                    if !self.require_resolved(member, def.span, &described) {
                        return None;
                    }
                    resolved.push(member);
                }
                SimpleType::Union { members: resolved, base: None, facets: Facets::default() }
            }
        };
        Some(TypeDef { name, span: def.span, doc: def.doc.clone(), kind: TypeKind::Simple(simple) })
    }

    fn simple_reference(
        &mut self,
        reference: &'s TypeReference,
        owner: &Owner,
        role: AnonymousRole,
        document: usize,
        span: Span,
        described: &str,
    ) -> Option<TypeRef> {
        match reference {
            TypeReference::Named(name) => self.type_ref(name, document, span, &format!("type '{described}'")),
            TypeReference::Inline(def) => Some(TypeRef::Defined(self.allocate(Slot::AnonymousSimple {
                name: TypeName::Anonymous { owner: owner.clone(), role },
                def,
                document,
            }))),
        }
    }

    /// The facets of one restriction step of `base`, checked for
    /// applicability and well-formed values.
    fn facets(&mut self, facets: &[syntax::Facet], base: TypeRef) -> Facets {
        let kind = self.value_kind(base);
        let base_name = match base {
            TypeRef::Builtin(builtin) => format!("xs:{}", builtin.name()),
            TypeRef::Defined(id) => match self.slots.get(id.0) {
                Some(Slot::Done(def)) => self.describe(&def.name),
                _ => "its base type".to_owned(),
            },
        };
        let mut resolved = Facets::default();
        for facet in facets {
            if !facet_applies(facet.kind, kind) {
                self.error(
                    facet.span,
                    SchemaErrorKind::InvalidFacet {
                        facet: facet.kind.local_name().to_owned(),
                        value: facet.value.clone(),
                        reason: format!("does not apply to {base_name} ({})", describe_kind(kind)),
                    },
                );
                continue;
            }
            let bound = || BoundFacet {
                facet: facet.kind.local_name(),
                value: facet.value.trim().to_owned(),
                span: facet.span,
            };
            let duplicate = match facet.kind {
                FacetKind::Enumeration => {
                    resolved.enumeration.push(EnumValue {
                        value: facet.value.clone(),
                        doc: facet.doc.clone(),
                        span: facet.span,
                    });
                    false
                }
                FacetKind::Pattern => {
                    resolved.patterns.push(PatternFacet { pattern: facet.value.clone(), span: facet.span });
                    false
                }
                FacetKind::Length => self.count_facet(&mut resolved.length, facet),
                FacetKind::MinLength => self.count_facet(&mut resolved.min_length, facet),
                FacetKind::MaxLength => self.count_facet(&mut resolved.max_length, facet),
                FacetKind::TotalDigits => self.count_facet(&mut resolved.total_digits, facet),
                FacetKind::FractionDigits => self.count_facet(&mut resolved.fraction_digits, facet),
                FacetKind::MinInclusive => resolved.min_inclusive.replace(bound()).is_some(),
                FacetKind::MaxInclusive => resolved.max_inclusive.replace(bound()).is_some(),
                FacetKind::MinExclusive => resolved.min_exclusive.replace(bound()).is_some(),
                FacetKind::MaxExclusive => resolved.max_exclusive.replace(bound()).is_some(),
                FacetKind::WhiteSpace => {
                    let value = match facet.value.trim() {
                        "preserve" => WhiteSpace::Preserve,
                        "replace" => WhiteSpace::Replace,
                        "collapse" => WhiteSpace::Collapse,
                        other => {
                            self.error(
                                facet.span,
                                SchemaErrorKind::InvalidFacet {
                                    facet: "whiteSpace".to_owned(),
                                    value: other.to_owned(),
                                    reason: "expected preserve, replace or collapse".to_owned(),
                                },
                            );
                            continue;
                        }
                    };
                    resolved.white_space.replace(value).is_some()
                }
            };
            if duplicate {
                self.error(
                    facet.span,
                    SchemaErrorKind::InvalidFacet {
                        facet: facet.kind.local_name().to_owned(),
                        value: facet.value.clone(),
                        reason: "given twice in one restriction".to_owned(),
                    },
                );
            }
        }
        if let (Some(min), Some(max)) = (resolved.min_length, resolved.max_length)
            && min > max
        {
            let span = facets.iter().find(|facet| facet.kind == FacetKind::MaxLength).map(|facet| facet.span);
            if let Some(span) = span {
                self.error(
                    span,
                    SchemaErrorKind::InvalidFacet {
                        facet: "maxLength".to_owned(),
                        value: max.to_string(),
                        reason: format!("below minLength {min}"),
                    },
                );
            }
        }
        resolved
    }

    /// Sets a facet holding a count; returns whether it was already set.
    fn count_facet(&mut self, slot: &mut Option<u64>, facet: &syntax::Facet) -> bool {
        match facet.value.trim().parse::<u64>() {
            Ok(value) => slot.replace(value).is_some(),
            Err(_) => {
                self.error(
                    facet.span,
                    SchemaErrorKind::InvalidFacet {
                        facet: facet.kind.local_name().to_owned(),
                        value: facet.value.clone(),
                        reason: "expected a non-negative integer".to_owned(),
                    },
                );
                false
            }
        }
    }

    /// The kind of value of a resolved simple type (lists count as text for
    /// facet purposes: lengths and patterns apply).
    fn value_kind(&self, ty: TypeRef) -> FacetTarget {
        match ty {
            TypeRef::Builtin(builtin) if builtin.list_item().is_some() => FacetTarget::List,
            TypeRef::Builtin(builtin) => FacetTarget::Atomic(builtin.value_kind()),
            TypeRef::Defined(_) => match self.simple_of(ty) {
                Some(SimpleType::Atomic { builtin, .. }) => FacetTarget::Atomic(builtin.value_kind()),
                Some(SimpleType::List { .. }) => FacetTarget::List,
                Some(SimpleType::Union { .. }) => FacetTarget::Union,
                None => FacetTarget::Atomic(ValueKind::Any),
            },
        }
    }
}

/// What a facet restricts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FacetTarget {
    Atomic(ValueKind),
    List,
    Union,
}

fn describe_kind(target: FacetTarget) -> &'static str {
    match target {
        FacetTarget::Atomic(ValueKind::Text | ValueKind::Any) => "string types",
        FacetTarget::Atomic(ValueKind::Boolean) => "xs:boolean",
        FacetTarget::Atomic(ValueKind::Decimal) => "decimal types",
        FacetTarget::Atomic(ValueKind::Float) => "xs:float and xs:double",
        FacetTarget::Atomic(ValueKind::Temporal) => "date and time types",
        FacetTarget::List => "list types",
        FacetTarget::Union => "union types",
    }
}

fn facet_applies(facet: FacetKind, target: FacetTarget) -> bool {
    use FacetKind::*;
    match facet {
        Pattern | Enumeration => true,
        WhiteSpace => !matches!(target, FacetTarget::Union),
        Length | MinLength | MaxLength => {
            matches!(target, FacetTarget::List | FacetTarget::Atomic(ValueKind::Text | ValueKind::Any))
        }
        MinInclusive | MaxInclusive | MinExclusive | MaxExclusive => {
            matches!(target, FacetTarget::Atomic(ValueKind::Decimal | ValueKind::Float | ValueKind::Temporal))
        }
        TotalDigits | FractionDigits => matches!(target, FacetTarget::Atomic(ValueKind::Decimal)),
    }
}
