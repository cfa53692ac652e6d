//! Open content: `xs:anyType` elements and `xs:any` wildcards, kept as read
//! with the namespace declarations they need to be written again.

use super::*;

/// Which namespaces the elements (or attributes) an `xs:any` (or
/// `xs:anyAttribute`) wildcard matches may be in: its `namespace` attribute,
/// read in the light of the declaring schema's target namespace. `None` in a
/// list stands for no namespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WildcardNamespace {
    /// `##any`: every namespace, and none.
    Any,
    /// `##local` (or `##targetNamespace` of a schema without one): no namespace.
    Local,
    /// `##other` of a schema without a target namespace: any namespace.
    Other,
    /// A list of namespaces, `None` for `##local`.
    Only(&'static [Option<&'static str>]),
    /// Any namespace but these (`None`: no namespace): `##other` of a schema
    /// with a target namespace excludes it and no namespace.
    Not(&'static [Option<&'static str>]),
}

impl WildcardNamespace {
    /// Whether an element or attribute in `namespace` (`None`: in no
    /// namespace) matches.
    pub fn admits(&self, namespace: Option<&str>) -> bool {
        match self {
            Self::Any => true,
            Self::Local => namespace.is_none(),
            Self::Other => namespace.is_some(),
            Self::Only(admitted) => admitted.contains(&namespace),
            Self::Not(excluded) => !excluded.contains(&namespace),
        }
    }
}

/// Whether `content` declares `prefix` itself.
pub(super) fn declares(content: &AnyContent, prefix: &str) -> bool {
    content.attributes.iter().any(|attribute| attribute.name.strip_prefix("xmlns:") == Some(prefix))
}

/// The prefixes `content` uses (in names of its attributes and descendants)
/// without declaring them, given the prefixes declared around it (`scope`).
fn undeclared_prefixes(content: &AnyContent, scope: &[String], undeclared: &mut Vec<String>) {
    let mut scope = scope.to_vec();
    scope.extend(declared_prefixes(content));
    for attribute in &content.attributes {
        note_prefix(&attribute.name, &scope, undeclared);
    }
    for child in &content.children {
        if let AnyNode::Element(element) = child {
            let mut own_scope = scope.clone();
            own_scope.extend(declared_prefixes(&element.content));
            note_prefix(&element.name, &own_scope, undeclared);
            undeclared_prefixes(&element.content, &scope, undeclared);
        }
    }
}

fn declared_prefixes(content: &AnyContent) -> impl Iterator<Item = String> + '_ {
    content.attributes.iter().filter_map(|attribute| attribute.name.strip_prefix("xmlns:")).map(str::to_owned)
}

/// Notes the prefix of `name` if `scope` does not declare it (`xml` and
/// `xmlns` are always declared).
fn note_prefix(name: &str, scope: &[String], undeclared: &mut Vec<String>) {
    if let Some((prefix, _)) = name.split_once(':')
        && prefix != "xmlns"
        && prefix != "xml"
        && !scope.iter().any(|known| known == prefix)
        && !undeclared.iter().any(|known| known == prefix)
    {
        undeclared.push(prefix.to_owned());
    }
}

fn flush_text(children: &mut Vec<AnyNode>, text: &mut Cow<'_, str>) {
    if !text.is_empty() {
        children.push(AnyNode::Text(std::mem::take(text).into_owned()));
    }
}

/// Blank text between child elements is layout, not content; text in an
/// element without children is kept as it is, blank or not.
fn drop_blank_text_between_elements(children: &mut Vec<AnyNode>) {
    let has_elements = children.iter().any(|child| matches!(child, AnyNode::Element(_)));
    if has_elements {
        children.retain(|child| !matches!(child, AnyNode::Text(text) if text.chars().all(is_xml_space)));
    }
}

impl<'a> XmlReader<'a> {
    /// Reads consecutive child elements matched by an `xs:any` wildcard: every
    /// element whose name is not in `followers` (the elements that may come
    /// after the wildcard).
    /// `namespace` says which elements the wildcard matches; one it does not
    /// is an error.
    pub fn wildcard_elements(
        &mut self,
        min: usize,
        max: Option<usize>,
        followers: &[&str],
        namespace: WildcardNamespace,
    ) -> Result<Vec<AnyElement>, ReadError> {
        let mut items = Vec::new();
        while max.is_none_or(|max| items.len() < max) {
            let Token::Start(start) = self.peek_token()? else {
                break;
            };
            let start = *start;
            if followers.contains(&start.name) {
                break;
            }
            let in_namespace = self.element_namespace(&start)?;
            if !namespace.admits(in_namespace.as_deref()) {
                let found = start.name.to_owned();
                return Err(self.error_at_next(ReadErrorKind::UnexpectedElement { found, expected: &[] }));
            }
            let name = start.name.to_owned();
            self.wildcard_start = Some(start.offset);
            let mut element = AnyElement { name, content: self.read_child::<AnyContent>()? };
            self.declare_prefix_of(&element.name.clone(), &mut element.content);
            items.push(element);
        }
        if items.len() < min {
            return Err(self.too_few("*", min, items.len()));
        }
        Ok(items)
    }

    /// Reads everything inside the current element as it is (for `xs:anyType`
    /// content): attributes, child elements and non-blank text. Namespace
    /// prefixes the content uses but declares outside it are declared on it,
    /// so that it stays namespace-well-formed wherever it is written.
    pub fn read_any_content(&mut self, start: &Start<'a>) -> Result<AnyContent, ReadError> {
        let outermost = self.any_depth == 0;
        // A declared `xs:anyType` element that is not nillable: its
        // attributes are content, but `xsi:nil` is not one of them.
        let refuse_nil =
            outermost && self.nillable_start != Some(start.offset) && self.wildcard_start != Some(start.offset);
        self.any_depth += 1;
        let content = self.read_any_content_inner(start, refuse_nil);
        self.any_depth -= 1;
        let mut content = content?;
        if outermost {
            let mut undeclared = Vec::new();
            undeclared_prefixes(&content, &[], &mut undeclared);
            for prefix in undeclared {
                self.declare_prefix(&prefix, &mut content);
            }
        }
        Ok(content)
    }

    /// Adds to attributes kept by an `xs:anyAttribute` wildcard the
    /// declarations of the prefixes they use (which the reader does not
    /// keep on typed elements), so that they can be written again.
    pub fn declare_namespaces(&self, attributes: &mut Vec<AnyAttribute>) {
        let mut prefixes = Vec::new();
        for attribute in attributes.iter() {
            note_prefix(&attribute.name, &[], &mut prefixes);
        }
        for prefix in prefixes {
            let declared =
                attributes.iter().any(|attribute| attribute.name.strip_prefix("xmlns:") == Some(prefix.as_str()));
            let in_scope =
                self.open.iter().rev().flat_map(|frame| &frame.namespaces).find(|(known, _)| *known == prefix);
            if let (false, Some((prefix, uri))) = (declared, in_scope) {
                attributes.push(AnyAttribute { name: format!("xmlns:{prefix}"), value: uri.clone() });
            }
        }
    }

    /// Declares the prefix of `name`, if it has one declared outside `content`.
    fn declare_prefix_of(&self, name: &str, content: &mut AnyContent) {
        if let Some((prefix, _)) = name.split_once(':')
            && !declares(content, prefix)
        {
            self.declare_prefix(prefix, content);
        }
    }

    /// Copies the declaration of `prefix` in scope (the innermost) onto `content`.
    fn declare_prefix(&self, prefix: &str, content: &mut AnyContent) {
        let declaration = self.open.iter().rev().flat_map(|frame| &frame.namespaces).find(|(known, _)| known == prefix);
        if let Some((prefix, uri)) = declaration {
            content.attributes.push(AnyAttribute { name: format!("xmlns:{prefix}"), value: uri.clone() });
        }
    }

    fn read_any_content_inner(&mut self, start: &Start<'a>, refuse_nil: bool) -> Result<AnyContent, ReadError> {
        let mut content = AnyContent::default();
        self.check_attribute_syntax(start)?;
        for attribute in start.attributes() {
            let attribute = attribute.map_err(|error| self.attribute_syntax_error(start, &error))?;
            let name = attribute.key.into_inner();
            if refuse_nil && self.is_xsi_nil(start, name) {
                let offset = self.offset_of(name).unwrap_or(start.offset);
                return Err(self.error_at(offset, ReadErrorKind::NotNillable));
            }
            let name = name.to_owned();
            let offset = self.offset_of(&attribute.value).unwrap_or(start.offset);
            let value = attribute
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|error| self.error_at(offset, attribute_error_kind(&error)))?
                .into_owned();
            if let Some((_, character)) = wellformed::first_forbidden_char(&value) {
                return Err(self.error_at(offset, forbidden(character)));
            }
            content.attributes.push(AnyAttribute { name, value });
        }
        if matches!(self.next, Some(Token::End { .. })) {
            return Ok(content);
        }
        let mut text = Cow::Borrowed("");
        loop {
            let (offset, event) = self.raw_event()?;
            match event {
                Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) | Event::Comment(_) | Event::PI(_) => {
                    self.character_data(offset, event, &mut text)?;
                }
                Event::Start(tag) => self.read_any_child(offset, tag, false, &mut content, &mut text)?,
                Event::Empty(tag) => self.read_any_child(offset, tag, true, &mut content, &mut text)?,
                Event::End(_) => {
                    flush_text(&mut content.children, &mut text);
                    drop_blank_text_between_elements(&mut content.children);
                    self.next = Some(Token::End { offset });
                    return Ok(content);
                }
                Event::Eof => return Err(self.error_at(offset, ReadErrorKind::UnexpectedEof)),
                Event::DocType(_) => return Err(self.error_at(offset, ReadErrorKind::DocType)),
                Event::Decl(_) => return Err(self.error_at(offset, misplaced_declaration())),
            }
        }
    }

    /// Reads one child element of `xs:anyType` content whose start tag was
    /// just read as a raw event.
    fn read_any_child(
        &mut self,
        offset: usize,
        tag: BytesStart<'a>,
        self_closing: bool,
        content: &mut AnyContent,
        text: &mut Cow<'a, str>,
    ) -> Result<(), ReadError> {
        flush_text(&mut content.children, text);
        let token = self.start_token(offset, tag, self_closing)?;
        let Token::Start(Start { name, .. }) = &token else {
            return Ok(());
        };
        let name = (*name).to_owned();
        self.next = Some(token);
        let child = self.read_child::<AnyContent>()?;
        content.children.push(AnyNode::Element(AnyElement { name, content: child }));
        Ok(())
    }
}
