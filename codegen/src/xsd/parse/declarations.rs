//! Element and attribute declarations (`xs:element`, `xs:attribute`) and
//! the attribute uses of a complex type or attribute group.

use roxmltree::Node;

use super::{Parser, display_name, element_children, wildcard, xsd_name};
use crate::error::SchemaErrorKind;
use crate::xsd::syntax::*;

impl Parser<'_> {
    pub(super) fn element(&mut self, node: Node<'_, '_>, top_level: bool) -> Option<ElementDecl> {
        self.refuse_attributes(node, &[("abstract", "false")]);
        let nillable = self.boolean(node, "nillable").unwrap_or(false);
        if node.has_attribute("substitutionGroup") {
            self.unsupported(node, "substitution groups".to_owned());
        }
        let name = node.attribute("name").map(str::to_owned);
        let reference = self.qname_attribute(node, "ref");
        match (&name, &reference) {
            (Some(_), Some(_)) => {
                let span = self.attribute_span(node, "ref");
                self.error(
                    span,
                    SchemaErrorKind::InvalidAttribute {
                        attribute: "ref".to_owned(),
                        value: node.attribute("ref").unwrap_or_default().to_owned(),
                        reason: "an element has either a name or a ref, not both".to_owned(),
                    },
                );
            }
            (None, None) => {
                let element = display_name(node);
                self.error(self.span(node), SchemaErrorKind::MissingAttribute { element, attribute: "name" });
                return None;
            }
            _ => {}
        }
        let mut inline_type = None;
        for child in element_children(node) {
            match xsd_name(child) {
                Some("annotation") => {}
                Some("complexType") if inline_type.is_none() => {
                    inline_type = self.complex_type(child, false).map(|def| InlineType::Complex(Box::new(def)));
                }
                Some("simpleType") if inline_type.is_none() => {
                    inline_type = self.simple_type(child, false).map(|def| InlineType::Simple(Box::new(def)));
                }
                Some(constraint @ ("unique" | "key" | "keyref")) => {
                    self.unsupported(child, format!("identity constraint xs:{constraint}"));
                }
                _ => self.unexpected(node, child),
            }
        }
        let type_name = self.qname_attribute(node, "type");
        if type_name.is_some() && inline_type.is_some() {
            let span = self.attribute_span(node, "type");
            self.error(
                span,
                SchemaErrorKind::InvalidAttribute {
                    attribute: "type".to_owned(),
                    value: node.attribute("type").unwrap_or_default().to_owned(),
                    reason: "the element also defines an anonymous type".to_owned(),
                },
            );
        }
        let occurs = if top_level { Occurs::ONCE } else { self.occurs(node) };
        let qualified = self.form(node, "form").unwrap_or(top_level || self.elements_qualified);
        Some(ElementDecl {
            span: self.span(node),
            type_span: self.attribute_span(node, "type"),
            name,
            reference,
            type_name,
            inline_type,
            occurs,
            qualified,
            default: node.attribute("default").map(str::to_owned),
            fixed: node.attribute("fixed").map(str::to_owned),
            nillable,
            doc: self.documentation(node),
        })
    }

    pub(super) fn attribute_use(&mut self, node: Node<'_, '_>, uses: &mut AttributeUses) {
        match xsd_name(node) {
            Some("attribute") => {
                if let Some(attribute) = self.attribute(node, false) {
                    uses.uses.push(AttributeUse::Attribute(attribute));
                }
            }
            Some("attributeGroup") => match self.qname_attribute(node, "ref") {
                Some(name) => uses.uses.push(AttributeUse::GroupRef { span: self.span(node), name }),
                None => {
                    let element = display_name(node);
                    self.error(self.span(node), SchemaErrorKind::MissingAttribute { element, attribute: "ref" });
                }
            },
            _ => uses.any_attribute = Some(AttributeWildcard { span: self.span(node), wildcard: wildcard(node) }),
        }
    }

    pub(super) fn attribute(&mut self, node: Node<'_, '_>, top_level: bool) -> Option<AttributeDecl> {
        let name = node.attribute("name").map(str::to_owned);
        let reference = self.qname_attribute(node, "ref");
        if name.is_none() && reference.is_none() {
            let element = display_name(node);
            self.error(self.span(node), SchemaErrorKind::MissingAttribute { element, attribute: "name" });
            return None;
        }
        if top_level && self.form(node, "form") == Some(true) {
            self.unsupported(node, "qualified attributes".to_owned());
        }
        let usage = match node.attribute("use").unwrap_or("optional") {
            "optional" => Use::Optional,
            "required" => Use::Required,
            "prohibited" => Use::Prohibited,
            other => {
                let span = self.attribute_span(node, "use");
                self.error(
                    span,
                    SchemaErrorKind::InvalidAttribute {
                        attribute: "use".to_owned(),
                        value: other.to_owned(),
                        reason: "expected 'optional', 'required' or 'prohibited'".to_owned(),
                    },
                );
                Use::Optional
            }
        };
        let mut inline_type = None;
        for child in element_children(node) {
            match xsd_name(child) {
                Some("annotation") => {}
                Some("simpleType") if inline_type.is_none() => {
                    inline_type = self.simple_type(child, false).map(Box::new);
                }
                _ => self.unexpected(node, child),
            }
        }
        Some(AttributeDecl {
            span: self.span(node),
            type_span: self.attribute_span(node, "type"),
            name,
            reference,
            type_name: self.qname_attribute(node, "type"),
            inline_type,
            usage,
            default: node.attribute("default").map(str::to_owned),
            fixed: node.attribute("fixed").map(str::to_owned),
            doc: self.documentation(node),
        })
    }
}
