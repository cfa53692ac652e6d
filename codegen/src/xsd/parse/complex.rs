//! Complex types, their derivations and content particles, and the named
//! model and attribute groups (`xs:group`, `xs:attributeGroup`).

use roxmltree::Node;

use super::{Parser, display_name, element_children, wildcard, xsd_name};
use crate::error::SchemaErrorKind;
use crate::xsd::syntax::*;

impl Parser<'_> {
    pub(super) fn complex_type(&mut self, node: Node<'_, '_>, top_level: bool) -> Option<ComplexTypeDef> {
        let name = if top_level { Some(self.required_attribute(node, "name")?) } else { None };
        let mixed = node.attribute("mixed") == Some("true");
        let mut content = None;
        let mut particle = None;
        let mut attributes = AttributeUses::default();
        for child in element_children(node) {
            match xsd_name(child) {
                Some("annotation") => {}
                Some(kind @ ("simpleContent" | "complexContent")) if content.is_none() && particle.is_none() => {
                    let simple = kind == "simpleContent";
                    let derivation = self.derivation(child, simple);
                    content = derivation.map(|derivation| {
                        if simple { ComplexContent::Simple(derivation) } else { ComplexContent::Complex(derivation) }
                    });
                }
                Some("sequence" | "choice" | "all" | "group") if particle.is_none() && content.is_none() => {
                    particle = self.particle(child);
                }
                Some("attribute" | "attributeGroup" | "anyAttribute") if content.is_none() => {
                    self.attribute_use(child, &mut attributes);
                }
                _ => self.unexpected(node, child),
            }
        }
        let content = content.unwrap_or(ComplexContent::Direct { particle, attributes });
        Some(ComplexTypeDef { span: self.span(node), name, mixed, content, doc: self.documentation(node) })
    }

    pub(super) fn derivation(&mut self, node: Node<'_, '_>, simple: bool) -> Option<Derivation> {
        let errors_before = self.errors.len();
        let mixed = node.attribute("mixed") == Some("true");
        let mut derivation = None;
        for child in element_children(node) {
            match xsd_name(child) {
                Some("annotation") => {}
                Some(kind @ ("extension" | "restriction")) if derivation.is_none() => {
                    derivation = self.derivation_body(child, kind == "extension", simple, mixed);
                }
                _ => self.unexpected(node, child),
            }
        }
        if derivation.is_none() && self.errors.len() == errors_before {
            let element = display_name(node);
            self.error(self.span(node), SchemaErrorKind::MissingAttribute { element, attribute: "base" });
        }
        derivation
    }

    pub(super) fn derivation_body(
        &mut self,
        node: Node<'_, '_>,
        is_extension: bool,
        simple: bool,
        mixed: bool,
    ) -> Option<Derivation> {
        let base = match self.qname_attribute(node, "base") {
            Some(base) => base,
            None => {
                let element = display_name(node);
                self.error(self.span(node), SchemaErrorKind::MissingAttribute { element, attribute: "base" });
                return None;
            }
        };
        let mut particle = None;
        let mut facets = Vec::new();
        let mut attributes = AttributeUses::default();
        for child in element_children(node) {
            let name = xsd_name(child);
            match name {
                Some("annotation") => {}
                Some("sequence" | "choice" | "all" | "group") if !simple && particle.is_none() => {
                    particle = self.particle(child);
                }
                Some("attribute" | "attributeGroup" | "anyAttribute") => self.attribute_use(child, &mut attributes),
                Some(facet) if simple && !is_extension && FacetKind::from_local_name(facet).is_some() => {
                    facets.extend(self.facet(child));
                }
                Some("simpleType") if simple && !is_extension => {
                    self.unsupported(child, "an anonymous base type inside xs:simpleContent/xs:restriction".to_owned());
                }
                _ => self.unexpected(node, child),
            }
        }
        Some(Derivation {
            span: self.span(node),
            base_span: self.attribute_span(node, "base"),
            is_extension,
            base,
            particle,
            facets,
            attributes,
            mixed,
        })
    }

    pub(super) fn particle(&mut self, node: Node<'_, '_>) -> Option<Particle> {
        let span = self.span(node);
        let term = match xsd_name(node)? {
            "element" => {
                let element = self.element(node, false)?;
                let occurs = element.occurs;
                return Some(Particle { span, occurs, term: Term::Element(Box::new(element)) });
            }
            "group" => match self.qname_attribute(node, "ref") {
                Some(name) => Term::GroupRef(name),
                None => {
                    let element = display_name(node);
                    self.error(span, SchemaErrorKind::MissingAttribute { element, attribute: "ref" });
                    return None;
                }
            },
            "any" => Term::Any(wildcard(node)),
            kind @ ("sequence" | "choice" | "all") => {
                let compositor = match kind {
                    "sequence" => Compositor::Sequence,
                    "choice" => Compositor::Choice,
                    _ => Compositor::All,
                };
                let mut particles = Vec::new();
                for child in element_children(node) {
                    match xsd_name(child) {
                        Some("annotation") => {}
                        Some("element") => particles.extend(self.particle(child)),
                        Some("sequence" | "choice" | "group" | "any") if compositor != Compositor::All => {
                            particles.extend(self.particle(child));
                        }
                        _ => self.unexpected(node, child),
                    }
                }
                Term::Group { compositor, particles, doc: self.documentation(node) }
            }
            _ => {
                let parent = node.parent_element().unwrap_or(node);
                self.unexpected(parent, node);
                return None;
            }
        };
        Some(Particle { span, occurs: self.occurs(node), term })
    }

    pub(super) fn group_def(&mut self, node: Node<'_, '_>) -> Option<GroupDef> {
        let name = self.required_attribute(node, "name")?;
        let mut particle = None;
        for child in element_children(node) {
            match xsd_name(child) {
                Some("annotation") => {}
                Some("sequence" | "choice" | "all") if particle.is_none() => particle = self.particle(child),
                _ => self.unexpected(node, child),
            }
        }
        let Some(particle) = particle else {
            let element = display_name(node);
            self.error(self.span(node), SchemaErrorKind::MissingAttribute { element, attribute: "sequence" });
            return None;
        };
        Some(GroupDef { span: self.span(node), name, particle, doc: self.documentation(node) })
    }

    pub(super) fn attribute_group_def(&mut self, node: Node<'_, '_>) -> Option<AttributeGroupDef> {
        let name = self.required_attribute(node, "name")?;
        let mut attributes = AttributeUses::default();
        for child in element_children(node) {
            match xsd_name(child) {
                Some("annotation") => {}
                Some("attribute" | "attributeGroup" | "anyAttribute") => self.attribute_use(child, &mut attributes),
                _ => self.unexpected(node, child),
            }
        }
        Some(AttributeGroupDef { span: self.span(node), name, attributes })
    }
}
