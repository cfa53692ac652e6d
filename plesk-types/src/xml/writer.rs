//! Serialization: a small XML writer that generated code drives element by
//! element, in schema order.

use super::SimpleValue;

/// Writes an XML document into a `String`.
///
/// Generated `write_element` methods call [`start`](Self::start),
/// [`attribute`](Self::attribute), content, then [`end`](Self::end); the
/// writer escapes text and attribute values and closes empty elements as
/// `<name/>`. It cannot fail: every value the generated types hold has an
/// XML form (whether that form is *valid* is what `validate()` answers).
#[derive(Debug, Default)]
pub struct XmlWriter {
    out: String,
    /// A start tag is open (`<name attr="..."`) and not yet closed with `>`.
    start_tag_open: bool,
    /// `Some` for indented output: the current depth and whether the element
    /// being written so far only holds text (then its end tag stays inline).
    indent: Option<Indent>,
}

#[derive(Debug, Default)]
struct Indent {
    depth: usize,
    inline: bool,
}

impl XmlWriter {
    /// A writer producing compact XML, without any white space between tags.
    pub fn new() -> Self {
        Self::default()
    }

    /// A writer producing compact XML into a buffer of the given capacity.
    pub fn with_capacity(capacity: usize) -> Self {
        Self { out: String::with_capacity(capacity), ..Self::default() }
    }

    /// A writer producing indented XML (two spaces a level), for people to read.
    pub fn pretty() -> Self {
        Self { indent: Some(Indent::default()), ..Self::default() }
    }

    /// The XML written so far.
    pub fn as_str(&self) -> &str {
        &self.out
    }

    /// Finishes writing and returns the document.
    pub fn into_string(self) -> String {
        self.out
    }

    /// Opens the start tag `<name`; attributes may follow.
    pub fn start(&mut self, name: &str) {
        self.close_start_tag();
        if let Some(indent) = &mut self.indent {
            if !self.out.is_empty() {
                self.out.push('\n');
            }
            push_indent(&mut self.out, indent.depth);
            indent.depth += 1;
            indent.inline = true;
        }
        self.out.push('<');
        self.out.push_str(name);
        self.start_tag_open = true;
    }

    /// Writes `name="value"` into the open start tag.
    pub fn attribute(&mut self, name: &str, value: &impl SimpleValue) {
        debug_assert!(self.start_tag_open, "attribute written outside a start tag");
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        value.write_text(&mut TextSink::attribute(&mut self.out));
        self.out.push('"');
    }

    /// Marks the open element nil: `xsi:nil="true"`, with the `xsi` prefix
    /// declared on the element itself, so that it is namespace-well-formed
    /// wherever it is written.
    pub fn nil(&mut self) {
        debug_assert!(self.start_tag_open, "xsi:nil written outside a start tag");
        self.out.push_str(" xmlns:xsi=\"");
        self.out.push_str(super::nillable::XSI_NAMESPACE);
        self.out.push_str("\" xsi:nil=\"true\"");
    }

    /// Writes `value` as escaped character data. An empty value leaves the
    /// element empty, written `<name/>`.
    pub fn value(&mut self, value: &impl SimpleValue) {
        let was_open = self.start_tag_open;
        self.close_start_tag();
        let before = self.out.len();
        value.write_text(&mut TextSink::text(&mut self.out));
        if was_open && self.out.len() == before {
            self.out.pop();
            self.start_tag_open = true;
        }
    }

    /// Writes `text` as escaped character data.
    pub fn text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        self.close_start_tag();
        TextSink::text(&mut self.out).push_str(text);
    }

    /// Closes the element opened by the matching [`start`](Self::start).
    pub fn end(&mut self, name: &str) {
        let inline = match &mut self.indent {
            Some(indent) => {
                indent.depth -= 1;
                std::mem::replace(&mut indent.inline, false)
            }
            None => true,
        };
        if self.start_tag_open {
            self.out.push_str("/>");
            self.start_tag_open = false;
            return;
        }
        if !inline {
            self.out.push('\n');
            if let Some(indent) = &self.indent {
                push_indent(&mut self.out, indent.depth);
            }
        }
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// Runs `write` without indentation: for mixed content (text between
    /// child elements), where added white space would change the text.
    pub fn verbatim(&mut self, write: impl FnOnce(&mut Self)) {
        let indent = self.indent.take();
        write(self);
        self.indent = indent;
        if let Some(indent) = &mut self.indent {
            indent.inline = true;
        }
    }

    fn close_start_tag(&mut self) {
        if self.start_tag_open {
            self.out.push('>');
            self.start_tag_open = false;
        }
    }
}

fn push_indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// Where a [`SimpleValue`] writes its lexical form; escapes as it goes.
///
/// In character data `&`, `<`, `>` and a carriage return are escaped; in an
/// attribute value also `"`, tab and line feed, which attribute-value
/// normalization would otherwise turn into spaces.
pub struct TextSink<'w> {
    out: &'w mut String,
    escaping: Escaping,
}

/// What a [`TextSink`] escapes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Escaping {
    /// Character data.
    Text,
    /// An attribute value.
    Attribute,
    /// Nothing: the lexical form itself, for facets to look at.
    Raw,
}

impl<'w> TextSink<'w> {
    fn text(out: &'w mut String) -> Self {
        Self { out, escaping: Escaping::Text }
    }

    fn attribute(out: &'w mut String) -> Self {
        Self { out, escaping: Escaping::Attribute }
    }

    pub(crate) fn raw(out: &'w mut String) -> Self {
        Self { out, escaping: Escaping::Raw }
    }

    /// Appends text that needs no escaping: digits, `true`, names of enumeration values.
    ///
    /// The caller guarantees `text` holds none of the characters escaping would touch;
    /// debug builds check it.
    pub fn push_plain(&mut self, text: &str) {
        debug_assert!(!text.bytes().any(needs_escape_anywhere), "{text:?}");
        self.out.push_str(text);
    }

    /// Appends arbitrary text, escaped.
    pub fn push_str(&mut self, text: &str) {
        if self.escaping == Escaping::Raw {
            self.out.push_str(text);
            return;
        }
        let in_attribute = self.escaping == Escaping::Attribute;
        let mut plain_from = 0;
        for (at, byte) in text.bytes().enumerate() {
            let escaped = match byte {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'\r' => "&#13;",
                b'"' if in_attribute => "&quot;",
                b'\t' if in_attribute => "&#9;",
                b'\n' if in_attribute => "&#10;",
                _ => continue,
            };
            self.out.push_str(&text[plain_from..at]);
            self.out.push_str(escaped);
            plain_from = at + 1;
        }
        self.out.push_str(&text[plain_from..]);
    }
}

fn needs_escape_anywhere(byte: u8) -> bool {
    matches!(byte, b'&' | b'<' | b'>' | b'\r' | b'"' | b'\t' | b'\n')
}
