//! Stage 1, per file: a roxmltree document to a [`SchemaDocument`].

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

    /// `Some(true)` for "qualified", `Some(false)` for "unqualified".
    fn form(&mut self, node: Node<'_, '_>, attribute: &str) -> Option<bool> {
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
    fn boolean(&mut self, node: Node<'_, '_>, attribute: &str) -> Option<bool> {
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

    fn documentation(&self, node: Node<'_, '_>) -> Documentation {
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

    fn required_attribute(&mut self, node: Node<'_, '_>, attribute: &'static str) -> Option<String> {
        let value = node.attribute(attribute).map(str::to_owned);
        if value.is_none() {
            let element = display_name(node);
            self.error(self.span(node), SchemaErrorKind::MissingAttribute { element, attribute });
        }
        value
    }

    fn qname_attribute(&mut self, node: Node<'_, '_>, attribute: &str) -> Option<QName> {
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

    fn occurs(&mut self, node: Node<'_, '_>) -> Occurs {
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
    fn refuse_attributes(&mut self, node: Node<'_, '_>, refused: &[(&str, &str)]) {
        for (attribute, allowed) in refused {
            if let Some(value) = node.attribute(*attribute).filter(|value| value != allowed) {
                self.unsupported(node, format!("{attribute}=\"{value}\" on <{}>", display_name(node)));
            }
        }
    }

    fn element(&mut self, node: Node<'_, '_>, top_level: bool) -> Option<ElementDecl> {
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

    fn complex_type(&mut self, node: Node<'_, '_>, top_level: bool) -> Option<ComplexTypeDef> {
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

    fn derivation(&mut self, node: Node<'_, '_>, simple: bool) -> Option<Derivation> {
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

    fn derivation_body(
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

    fn particle(&mut self, node: Node<'_, '_>) -> Option<Particle> {
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

    fn attribute_use(&mut self, node: Node<'_, '_>, uses: &mut AttributeUses) {
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

    fn attribute(&mut self, node: Node<'_, '_>, top_level: bool) -> Option<AttributeDecl> {
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

    fn simple_type(&mut self, node: Node<'_, '_>, top_level: bool) -> Option<SimpleTypeDef> {
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

    fn restriction(&mut self, node: Node<'_, '_>) -> Option<SimpleVariety> {
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
    fn type_reference(&mut self, node: Node<'_, '_>, attribute: &'static str) -> Option<TypeReference> {
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

    fn union(&mut self, node: Node<'_, '_>) -> Option<SimpleVariety> {
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

    fn facet(&mut self, node: Node<'_, '_>) -> Option<Facet> {
        let kind = FacetKind::from_local_name(xsd_name(node)?)?;
        let value = self.required_attribute(node, "value")?;
        Some(Facet { span: self.span(node), kind, value, doc: self.documentation(node) })
    }

    fn group_def(&mut self, node: Node<'_, '_>) -> Option<GroupDef> {
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

    fn attribute_group_def(&mut self, node: Node<'_, '_>) -> Option<AttributeGroupDef> {
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

/// `xs:name` for schema elements, the name as written otherwise.
fn display_name(node: Node<'_, '_>) -> String {
    match xsd_name(node) {
        Some(name) => format!("xs:{name}"),
        None => node.tag_name().name().to_owned(),
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

    #[test]
    fn roxmltree_positions_map_back_to_offsets() {
        let text = "ab\ncdé\nf";
        assert_eq!(offset_of(text, 1, 1), 0);
        assert_eq!(offset_of(text, 2, 3), 5);
        assert_eq!(offset_of(text, 3, 1), 8);
    }
}
