//! Simple types: restrictions with their facets, lists and unions, and the
//! type references they name.

use roxmltree::Node;

use super::{Parser, display_name, element_children, xsd_name};
use crate::error::SchemaErrorKind;
use crate::xsd::syntax::*;

impl Parser<'_> {
    pub(super) fn simple_type(&mut self, node: Node<'_, '_>, top_level: bool) -> Option<SimpleTypeDef> {
        let name = if top_level { Some(self.required_attribute(node, "name")?) } else { None };
        let errors_before = self.errors.len();
        let mut variety = None;
        for child in element_children(node) {
            match xsd_name(child) {
                Some("annotation") => {}
                Some("restriction") if variety.is_none() => variety = self.restriction(child),
                Some("list") if variety.is_none() => {
                    variety = self.type_reference(child, "itemType").map(|item| SimpleVariety::List { item });
                }
                Some("union") if variety.is_none() => variety = self.union(child),
                _ => self.unexpected(node, child),
            }
        }
        let Some(variety) = variety else {
            if self.errors.len() == errors_before {
                let element = display_name(node);
                self.error(self.span(node), SchemaErrorKind::MissingAttribute { element, attribute: "base" });
            }
            return None;
        };
        Some(SimpleTypeDef { span: self.span(node), name, variety, doc: self.documentation(node) })
    }

    pub(super) fn restriction(&mut self, node: Node<'_, '_>) -> Option<SimpleVariety> {
        let mut facets = Vec::new();
        let mut inline_base = None;
        for child in element_children(node) {
            match xsd_name(child) {
                Some("annotation") => {}
                Some("simpleType") if inline_base.is_none() && facets.is_empty() => {
                    inline_base = self.simple_type(child, false);
                }
                Some(name) if FacetKind::from_local_name(name).is_some() => facets.extend(self.facet(child)),
                Some(name @ ("assertion" | "explicitTimezone")) => {
                    self.unsupported(child, format!("XSD 1.1 facet xs:{name}"));
                }
                _ => self.unexpected(node, child),
            }
        }
        let base = match (self.qname_attribute(node, "base"), inline_base) {
            (Some(base), None) => TypeReference::Named(base),
            (None, Some(inline)) => TypeReference::Inline(Box::new(inline)),
            _ => {
                let element = display_name(node);
                self.error(self.span(node), SchemaErrorKind::MissingAttribute { element, attribute: "base" });
                return None;
            }
        };
        Some(SimpleVariety::Restriction { base, base_span: self.attribute_span(node, "base"), facets })
    }

    /// A type given by the attribute `attribute` or as an inline `xs:simpleType`.
    pub(super) fn type_reference(&mut self, node: Node<'_, '_>, attribute: &'static str) -> Option<TypeReference> {
        let mut inline = None;
        for child in element_children(node) {
            match xsd_name(child) {
                Some("annotation") => {}
                Some("simpleType") if inline.is_none() => inline = self.simple_type(child, false),
                _ => self.unexpected(node, child),
            }
        }
        match (self.qname_attribute(node, attribute), inline) {
            (Some(name), None) => Some(TypeReference::Named(name)),
            (None, Some(inline)) => Some(TypeReference::Inline(Box::new(inline))),
            _ => {
                let element = display_name(node);
                self.error(self.span(node), SchemaErrorKind::MissingAttribute { element, attribute });
                None
            }
        }
    }

    pub(super) fn union(&mut self, node: Node<'_, '_>) -> Option<SimpleVariety> {
        let mut members = Vec::new();
        if let Some(names) = node.attribute("memberTypes") {
            for name in names.split_whitespace() {
                let (prefix, local) = match name.split_once(':') {
                    Some((prefix, local)) => (Some(prefix), local),
                    None => (None, name),
                };
                match node.lookup_namespace_uri(prefix) {
                    Some(namespace) => members.push(TypeReference::Named(QName {
                        namespace: Some(namespace.to_owned()),
                        local: local.to_owned(),
                    })),
                    None if prefix.is_none() => {
                        members.push(TypeReference::Named(QName { namespace: None, local: local.to_owned() }))
                    }
                    None => {
                        let span = self.attribute_span(node, "memberTypes");
                        self.error(span, SchemaErrorKind::UnboundPrefix(prefix.unwrap_or_default().to_owned()));
                    }
                }
            }
        }
        for child in element_children(node) {
            match xsd_name(child) {
                Some("annotation") => {}
                Some("simpleType") => {
                    if let Some(member) = self.simple_type(child, false) {
                        members.push(TypeReference::Inline(Box::new(member)));
                    }
                }
                _ => self.unexpected(node, child),
            }
        }
        if members.is_empty() {
            let element = display_name(node);
            self.error(self.span(node), SchemaErrorKind::MissingAttribute { element, attribute: "memberTypes" });
            return None;
        }
        Some(SimpleVariety::Union { members })
    }

    pub(super) fn facet(&mut self, node: Node<'_, '_>) -> Option<Facet> {
        let kind = FacetKind::from_local_name(xsd_name(node)?)?;
        let value = self.required_attribute(node, "value")?;
        Some(Facet { span: self.span(node), kind, value, doc: self.documentation(node) })
    }
}
