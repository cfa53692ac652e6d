//! A sample as an element tree, written exactly as the generated writers
//! write indented XML (`plesk_types::__private::XmlWriter::pretty`): two spaces a
//! level, text inline, empty elements as `<name/>`, no XML declaration, the
//! same escaping. A sample read and written back is then byte for byte the
//! sample.

/// An element of a sample.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Node {
    pub(super) name: String,
    pub(super) attributes: Vec<(String, String)>,
    pub(super) content: Content,
}

/// What an element holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Content {
    /// Text (empty text is an empty element).
    Text(String),
    /// Child elements (none is an empty element).
    Children(Vec<Node>),
}

impl Node {
    /// An element holding text.
    pub(super) fn text(name: &str, text: String) -> Self {
        Self { name: name.to_owned(), attributes: Vec::new(), content: Content::Text(text) }
    }

    /// The indented document.
    pub(super) fn to_xml(&self) -> String {
        let mut out = String::new();
        self.write(0, &mut out);
        out
    }

    fn write(&self, depth: usize, out: &mut String) {
        if !out.is_empty() {
            out.push('\n');
        }
        indent(depth, out);
        out.push('<');
        out.push_str(&self.name);
        for (name, value) in &self.attributes {
            out.push(' ');
            out.push_str(name);
            out.push_str("=\"");
            escape(value, true, out);
            out.push('"');
        }
        match &self.content {
            Content::Text(text) if !text.is_empty() => {
                out.push('>');
                escape(text, false, out);
            }
            Content::Children(children) if !children.is_empty() => {
                out.push('>');
                for child in children {
                    child.write(depth + 1, out);
                }
                out.push('\n');
                indent(depth, out);
            }
            _ => {
                out.push_str("/>");
                return;
            }
        }
        out.push_str("</");
        out.push_str(&self.name);
        out.push('>');
    }
}

fn indent(depth: usize, out: &mut String) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// The writer's escaping: `&`, `<`, `>` and carriage returns in text; in
/// attribute values also `"`, tabs and line feeds.
fn escape(text: &str, in_attribute: bool, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            '"' if in_attribute => out.push_str("&quot;"),
            '\t' if in_attribute => out.push_str("&#9;"),
            '\n' if in_attribute => out.push_str("&#10;"),
            other => out.push(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_like_the_pretty_writer() {
        let tree = Node {
            name: "a".to_owned(),
            attributes: vec![("x".to_owned(), "1\"2".to_owned())],
            content: Content::Children(vec![
                Node::text("b", "t<&>".to_owned()),
                Node::text("c", String::new()),
                Node { name: "d".to_owned(), attributes: Vec::new(), content: Content::Children(Vec::new()) },
                Node {
                    name: "e".to_owned(),
                    attributes: Vec::new(),
                    content: Content::Children(vec![Node::text("f", "g".to_owned())]),
                },
            ]),
        };
        assert_eq!(
            tree.to_xml(),
            "<a x=\"1&quot;2\">\n  <b>t&lt;&amp;&gt;</b>\n  <c/>\n  <d/>\n  <e>\n    <f>g</f>\n  </e>\n</a>"
        );
    }
}
