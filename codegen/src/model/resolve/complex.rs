//! Complex types: content models, elements, attributes, attribute groups
//! and wildcards, derivations by extension and restriction.

use super::*;

impl<'s> Resolver<'s> {
    pub(super) fn complex_type(
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

    pub(super) fn complex_of(&self, ty: TypeRef) -> Option<&ComplexType> {
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

    pub(super) fn simple_of(&self, ty: TypeRef) -> Option<&SimpleType> {
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
    pub(super) fn finish_simple_content(&mut self) {
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
        Some(Particle { span: particle.span, occurs: particle.occurs, term })
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

    pub(super) fn attributes(
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
    pub(super) fn wildcard(&mut self, wildcard: &syntax::Wildcard, document: usize, span: Span) -> Option<Wildcard> {
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

    pub(super) fn attribute(
        &mut self,
        decl: &'s syntax::AttributeDecl,
        owner: &Owner,
        document: usize,
    ) -> Option<Attribute> {
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
            usage: decl.usage,
            default: decl.default.clone().or_else(|| decl_for_type.default.clone()),
            fixed: None,
            doc: decl.doc.clone().or_else(|| decl_for_type.doc.clone()),
            span: decl.span,
        })
    }
}
