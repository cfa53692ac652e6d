//! Simple types: restrictions, lists and unions, and references to them.

use super::*;
use crate::xsd::syntax::TypeReference;

impl<'s> Resolver<'s> {
    pub(super) fn simple_type(
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
}
