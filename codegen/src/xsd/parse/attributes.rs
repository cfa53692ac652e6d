//! Reading the attributes of a schema element: `form`, booleans,
//! documentation, required and qualified names, `minOccurs`/`maxOccurs`, and
//! the refusal of attributes whose meaning the generator does not implement.

use roxmltree::Node;

use super::{Parser, display_name, element_children, xsd_name};
use crate::error::SchemaErrorKind;
use crate::xsd::syntax::*;

impl Parser<'_> {
    /// `Some(true)` for "qualified", `Some(false)` for "unqualified".
    pub(super) fn form(&mut self, node: Node<'_, '_>, attribute: &str) -> Option<bool> {
        match node.attribute(attribute)? {
            "qualified" => Some(true),
            "unqualified" => Some(false),
            other => {
                let span = self.attribute_span(node, attribute);
                self.error(
                    span,
                    SchemaErrorKind::InvalidAttribute {
                        attribute: attribute.to_owned(),
                        value: other.to_owned(),
                        reason: "expected 'qualified' or 'unqualified'".to_owned(),
                    },
                );
                None
            }
        }
    }

    /// An `xs:boolean` attribute (`true`, `false`, `1`, `0`).
    pub(super) fn boolean(&mut self, node: Node<'_, '_>, attribute: &str) -> Option<bool> {
        match node.attribute(attribute)?.trim() {
            "true" | "1" => Some(true),
            "false" | "0" => Some(false),
            other => {
                let (span, value) = (self.attribute_span(node, attribute), other.to_owned());
                let reason = "expected 'true' or 'false'".to_owned();
                self.error(span, SchemaErrorKind::InvalidAttribute { attribute: attribute.to_owned(), value, reason });
                None
            }
        }
    }

    pub(super) fn documentation(&self, node: Node<'_, '_>) -> Documentation {
        let mut paragraphs = Vec::new();
        for annotation in element_children(node).filter(|child| xsd_name(*child) == Some("annotation")) {
            for documentation in element_children(annotation).filter(|child| xsd_name(*child) == Some("documentation"))
            {
                let text: String =
                    documentation.descendants().filter(Node::is_text).filter_map(|text| text.text()).collect();
                paragraphs.extend(tidy_paragraphs(&text));
            }
        }
        (!paragraphs.is_empty()).then(|| paragraphs.join("\n\n"))
    }

    pub(super) fn required_attribute(&mut self, node: Node<'_, '_>, attribute: &'static str) -> Option<String> {
        let value = node.attribute(attribute).map(str::to_owned);
        if value.is_none() {
            let element = display_name(node);
            self.error(self.span(node), SchemaErrorKind::MissingAttribute { element, attribute });
        }
        value
    }

    pub(super) fn qname_attribute(&mut self, node: Node<'_, '_>, attribute: &str) -> Option<QName> {
        let value = node.attribute(attribute)?;
        let (prefix, local) = match value.split_once(':') {
            Some((prefix, local)) => (Some(prefix), local),
            None => (None, value),
        };
        match node.lookup_namespace_uri(prefix) {
            Some(namespace) => Some(QName { namespace: Some(namespace.to_owned()), local: local.to_owned() }),
            None if prefix.is_none() => Some(QName { namespace: None, local: local.to_owned() }),
            None => {
                let span = self.attribute_span(node, attribute);
                self.error(span, SchemaErrorKind::UnboundPrefix(prefix.unwrap_or_default().to_owned()));
                None
            }
        }
    }

    pub(super) fn occurs(&mut self, node: Node<'_, '_>) -> Occurs {
        let mut parse = |attribute: &str, default: u32| -> Option<u32> {
            let Some(value) = node.attribute(attribute) else {
                return Some(default);
            };
            if attribute == "maxOccurs" && value == "unbounded" {
                return None;
            }
            match value.trim().parse() {
                Ok(number) => Some(number),
                Err(_) => {
                    let span = self.attribute_span(node, attribute);
                    self.error(
                        span,
                        SchemaErrorKind::InvalidAttribute {
                            attribute: attribute.to_owned(),
                            value: value.to_owned(),
                            reason: "expected a non-negative integer".to_owned(),
                        },
                    );
                    Some(default)
                }
            }
        };
        let min = parse("minOccurs", 1).unwrap_or(1);
        let max = parse("maxOccurs", 1);
        if let Some(max) = max.filter(|&max| max < min) {
            let span = self.attribute_span(node, "maxOccurs");
            self.error(
                span,
                SchemaErrorKind::InvalidAttribute {
                    attribute: "maxOccurs".to_owned(),
                    value: max.to_string(),
                    reason: format!("below minOccurs {min}"),
                },
            );
        }
        Occurs { min, max }
    }

    /// Refuses attributes whose meaning the generator does not implement,
    /// rather than ignoring them.
    pub(super) fn refuse_attributes(&mut self, node: Node<'_, '_>, refused: &[(&str, &str)]) {
        for (attribute, allowed) in refused {
            if let Some(value) = node.attribute(*attribute).filter(|value| value != allowed) {
                self.unsupported(node, format!("{attribute}=\"{value}\" on <{}>", display_name(node)));
            }
        }
    }
}

/// Documentation text split into paragraphs at blank lines, each paragraph's
/// white space collapsed.
fn tidy_paragraphs(text: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join(" "));
                current.clear();
            }
        } else {
            current.extend(line.split_whitespace());
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join(" "));
    }
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documentation_keeps_paragraphs_and_collapses_white_space() {
        let text = "\n   First   line\n   continues.\n\n   Second.\n";
        assert_eq!(tidy_paragraphs(text), vec!["First line continues.", "Second."]);
    }
}
