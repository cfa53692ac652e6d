//! The start tag the reader hands to generated code: the element's name and
//! its attributes as written, with the namespace declarations they make.

use quick_xml::events::attributes::Attributes;

/// A start tag just read: the element's name and attributes.
#[derive(Debug, Clone, Copy)]
pub struct Start<'a> {
    pub(super) name: &'a str,
    /// The tag between `<` and `>` (or `/>`): the name, then the attributes.
    pub(super) content: &'a str,
    pub(super) offset: usize,
    pub(super) self_closing: bool,
}

impl<'a> Start<'a> {
    /// The element name as written (with its prefix, if any).
    pub fn name(&self) -> &'a str {
        self.name
    }

    /// The attributes as written, with the white space before them.
    pub(super) fn attributes_raw(&self) -> &'a str {
        &self.content[self.name.len()..]
    }

    pub(super) fn attributes(&self) -> Attributes<'a> {
        Attributes::new(self.content, self.name.len())
    }

    /// Whether the attributes may declare a namespace prefix: they hold the
    /// colon every prefix declaration has. Looking for one byte first spares
    /// the usual tag, which declares none, setting up a substring search.
    #[inline]
    pub(super) fn may_declare_prefix(&self) -> bool {
        let raw = self.attributes_raw();
        !raw.is_empty() && raw.as_bytes().contains(&b':')
    }

    /// Whether the tag declares the `xsi` prefix.
    #[inline]
    pub(super) fn declares_xsi(&self) -> bool {
        self.may_declare_prefix() && self.attributes_raw().contains("xmlns:xsi")
    }

    /// The namespace prefixes the tag declares (`xmlns:p="uri"`).
    #[inline]
    pub(super) fn namespace_declarations(&self) -> Vec<(String, String)> {
        if !self.may_declare_prefix() {
            return Vec::new();
        }
        self.declared_namespaces()
    }

    /// [`namespace_declarations`](Self::namespace_declarations) of a tag
    /// that may have some.
    pub(super) fn declared_namespaces(&self) -> Vec<(String, String)> {
        if !self.attributes_raw().contains("xmlns:") {
            return Vec::new();
        }
        self.attributes()
            .flatten()
            .filter_map(|attribute| {
                let prefix = attribute.key.into_inner().strip_prefix("xmlns:")?;
                let uri = attribute.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok()?;
                Some((prefix.to_owned(), uri.into_owned()))
            })
            .collect()
    }
}
