//! Stage 1, per file: a roxmltree document to a [`SchemaDocument`]. This
//! file holds the entry point, the parser's state and error helpers, and the
//! `xs:schema` element; the files beside it read the components.

mod attributes;
mod complex;
mod declarations;
mod simple;

use roxmltree::Node;

use super::syntax::*;
use crate::error::{SchemaError, SchemaErrorKind};
use crate::source::{FileId, Sources, Span};

/// Parses one schema file. Every problem found is reported, not just the first.
pub fn parse_document(sources: &Sources, file: FileId) -> Result<SchemaDocument, Vec<SchemaError>> {
    let text = &sources.file(file).text;
    let document = roxmltree::Document::parse(text).map_err(|error| {
        let pos = error.pos();
        let offset = offset_of(text, pos.row as usize, pos.col as usize);
        vec![SchemaError::new(sources, Span { file, offset }, SchemaErrorKind::Xml(xml_message(&error)))]
    })?;
    let mut parser = Parser { sources, file, errors: Vec::new(), elements_qualified: false };
    let schema = parser.schema(document.root_element());
    match schema {
        Some(schema) if parser.errors.is_empty() => Ok(schema),
        _ => Err(parser.errors),
    }
}

/// roxmltree's message without the position it appends (the error carries
/// its own), and a plain word for a refused DTD.
fn xml_message(error: &roxmltree::Error) -> String {
    if matches!(error, roxmltree::Error::DtdDetected) {
        return "a DOCTYPE (DTD) is not accepted in a schema file".to_owned();
    }
    let message = error.to_string();
    let position = error.pos();
    let suffix = format!(" at {}:{}", position.row, position.col);
    message.strip_suffix(&suffix).map(str::to_owned).unwrap_or(message)
}

fn offset_of(text: &str, row: usize, col: usize) -> usize {
    let line_start: usize = text.split_inclusive('\n').take(row.saturating_sub(1)).map(str::len).sum();
    let line = &text[line_start.min(text.len())..];
    line_start + line.chars().take(col.saturating_sub(1)).map(char::len_utf8).sum::<usize>()
}

struct Parser<'s> {
    sources: &'s Sources,
    file: FileId,
    errors: Vec<SchemaError>,
    elements_qualified: bool,
}

/// The `namespace` and `processContents` of `xs:any` or `xs:anyAttribute`,
/// with their defaults; `model` gives them their meaning.
fn wildcard(node: Node<'_, '_>) -> Wildcard {
    Wildcard {
        namespace: node.attribute("namespace").unwrap_or("##any").to_owned(),
        process_contents: node.attribute("processContents").unwrap_or("strict").to_owned(),
    }
}

/// The local name of a schema element, `None` for elements outside the XSD namespace.
fn xsd_name<'n>(node: Node<'n, '_>) -> Option<&'n str> {
    let name = node.tag_name();
    (name.namespace() == Some(XSD_NAMESPACE)).then(|| name.name())
}

fn element_children<'a, 'input>(node: Node<'a, 'input>) -> impl Iterator<Item = Node<'a, 'input>> {
    node.children().filter(Node::is_element)
}

impl Parser<'_> {
    fn span(&self, node: Node<'_, '_>) -> Span {
        Span { file: self.file, offset: node.range().start }
    }

    fn attribute_span(&self, node: Node<'_, '_>, attribute: &str) -> Span {
        let offset = node.attribute_node(attribute).map_or(node.range().start, |attribute| attribute.range().start);
        Span { file: self.file, offset }
    }

    fn error(&mut self, span: Span, kind: SchemaErrorKind) {
        self.errors.push(SchemaError::new(self.sources, span, kind));
    }

    fn unexpected(&mut self, parent: Node<'_, '_>, child: Node<'_, '_>) {
        let parent_name = display_name(parent);
        let child_name = display_name(child);
        self.error(self.span(child), SchemaErrorKind::UnexpectedChild { parent: parent_name, child: child_name });
    }

    fn unsupported(&mut self, node: Node<'_, '_>, what: String) {
        self.error(self.span(node), SchemaErrorKind::Unsupported(what));
    }

    fn schema(&mut self, node: Node<'_, '_>) -> Option<SchemaDocument> {
        if xsd_name(node) != Some("schema") {
            self.error(self.span(node), SchemaErrorKind::NotASchema(display_name(node)));
            return None;
        }
        let target_namespace = node.attribute("targetNamespace").map(str::to_owned);
        self.elements_qualified = self.form(node, "elementFormDefault") == Some(true);
        if self.form(node, "attributeFormDefault") == Some(true) && target_namespace.is_some() {
            self.unsupported(node, "attributeFormDefault=\"qualified\" (attributes in a namespace)".to_owned());
        }
        let mut document = SchemaDocument {
            file: self.file,
            target_namespace,
            elements_qualified: self.elements_qualified,
            references: Vec::new(),
            components: Vec::new(),
        };
        for child in element_children(node) {
            let component = match xsd_name(child) {
                Some("annotation") => continue,
                Some(kind @ ("include" | "import")) => {
                    document.references.push(SchemaReference {
                        span: self.span(child),
                        location: child.attribute("schemaLocation").map(str::to_owned),
                        namespace: child.attribute("namespace").map(str::to_owned),
                        is_import: kind == "import",
                    });
                    continue;
                }
                Some("element") => self.element(child, true).map(Component::Element),
                Some("complexType") => self.complex_type(child, true).map(Component::ComplexType),
                Some("simpleType") => self.simple_type(child, true).map(Component::SimpleType),
                Some("group") => self.group_def(child).map(Component::Group),
                Some("attributeGroup") => self.attribute_group_def(child).map(Component::AttributeGroup),
                Some("attribute") => self.attribute(child, true).map(Component::Attribute),
                Some(other @ ("redefine" | "override" | "notation" | "defaultOpenContent")) => {
                    self.unsupported(child, format!("xs:{other}"));
                    None
                }
                _ => {
                    self.unexpected(node, child);
                    None
                }
            };
            document.components.extend(component);
        }
        Some(document)
    }
}

/// `xs:name` for schema elements, the name as written otherwise.
fn display_name(node: Node<'_, '_>) -> String {
    match xsd_name(node) {
        Some(name) => format!("xs:{name}"),
        None => node.tag_name().name().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roxmltree_positions_map_back_to_offsets() {
        let text = "ab\ncdé\nf";
        assert_eq!(offset_of(text, 1, 1), 0);
        assert_eq!(offset_of(text, 2, 3), 5);
        assert_eq!(offset_of(text, 3, 1), 8);
    }
}
