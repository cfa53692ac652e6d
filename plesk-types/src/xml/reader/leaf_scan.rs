//! Leaves read from the bytes: the usual element of a document,
//! `<name>text</name>` with plain text, is recognised in the input directly
//! when it is peeked, and the `quick-xml` reader is moved past it in one
//! step instead of going through its four events (the white space before
//! it, the start tag, the text and the end tag).
//!
//! Only what needs no check beyond the ones made here takes this path: an
//! ASCII name, no attributes, text without references, control characters,
//! `]` or characters from U+F000, and an end tag that repeats the name
//! exactly. Anything else is left to `quick-xml`, which then reads the same
//! bytes as before, so errors and their positions do not change. The
//! `quick-xml` reader is only ever moved past whole elements, right after a
//! markup event: its state (between markup and text) and its stack of open
//! elements stay what they would have been.

use super::*;

/// A leaf element recognised in the input but not yet read past.
#[derive(Debug, Clone, Copy)]
pub(super) struct Leaf<'a> {
    /// The element's name.
    name: &'a str,
    /// The text between the tags, as written (it needs no normalization).
    pub(super) text: &'a str,
    /// The offset of the text in the input.
    pub(super) text_offset: usize,
    /// The offset just past the element's start tag (its end for an
    /// empty element `<name/>`).
    start_end: usize,
    /// The offset just past the element's end tag.
    end: usize,
}

/// What a byte of a leaf's text is to the scan.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TextByte {
    /// Part of plain text.
    Plain,
    /// `<`, which ends the text.
    Markup,
    /// A byte that needs the general path: `&` (a reference), a control
    /// character (a line end to normalize, or a forbidden character), `]`
    /// (maybe `]]>`) and the lead byte of U+F000 and above (maybe a
    /// forbidden character): what [`wellformed::is_plain_text`] refuses.
    Other,
}

/// [`TextByte`] of every byte, so that the scan of a leaf's text finds its
/// end and checks it in one lookup per byte.
const TEXT_BYTE: [TextByte; 256] = {
    let mut table = [TextByte::Plain; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        if b < 0x20 || b == b'&' || b == b']' || b >= 0xEF {
            table[byte] = TextByte::Other;
        }
        byte += 1;
    }
    table[b'<' as usize] = TextByte::Markup;
    table
};

impl<'a> XmlReader<'a> {
    /// The offset in the input of what the reader reads next.
    pub(super) fn position(&self) -> usize {
        self.events.buffer_position() as usize + self.skipped
    }

    /// The element whose start tag is at `tag` (its name ending at
    /// `name_end`), if it is a leaf with plain text or an empty element
    /// without attributes: its start tag, the leaf noted in `self.leaf`.
    /// `None` leaves the element to the other paths.
    pub(super) fn scan_leaf(&mut self, tag: usize, name_end: usize) -> Option<Token<'a>> {
        let bytes = self.input.as_bytes();
        let name = &self.input[tag + 1..name_end];
        let (text_offset, text, end) = match bytes.get(name_end) {
            Some(b'/') if bytes.get(name_end + 1) == Some(&b'>') => (name_end, "", name_end + 2),
            Some(b'>') => {
                let text_offset = name_end + 1;
                let mut text_end = text_offset;
                loop {
                    match TEXT_BYTE[usize::from(*bytes.get(text_end)?)] {
                        TextByte::Plain => text_end += 1,
                        TextByte::Markup => break,
                        TextByte::Other => return None,
                    }
                }
                let end_tag = &bytes[text_end..];
                let closes = end_tag.starts_with(b"</")
                    && end_tag[2..].starts_with(name.as_bytes())
                    && end_tag.get(2 + name.len()) == Some(&b'>');
                if !closes {
                    return None;
                }
                (text_offset, &self.input[text_offset..text_end], text_end + 2 + name.len() + 1)
            }
            _ => return None,
        };
        let self_closing = text_offset == name_end;
        let start_end = if self_closing { end } else { text_offset };
        self.leaf = Some(Leaf { name, text, text_offset, start_end, end });
        Some(Token::Start(Start { name, content: name, offset: tag, self_closing }))
    }

    /// Takes the leaf noted for the start tag just taken from `self.next`,
    /// moving the `quick-xml` reader past it.
    pub(super) fn take_leaf(&mut self) -> Option<Leaf<'a>> {
        let leaf = self.leaf.take()?;
        self.skip_to(leaf.end);
        Some(leaf)
    }

    /// Reads past the start tag of a leaf that was noted but is read the
    /// general way after all (a complex type, say), as `quick-xml` would
    /// have: the element is open, and `quick-xml` goes on right after the tag.
    pub(super) fn sync_leaf(&mut self) {
        let Some(leaf) = self.leaf.take() else {
            return;
        };
        if leaf.start_end != leaf.end {
            self.open_tags.push(OpenTag::by_reader(leaf.name));
        }
        self.skip_to(leaf.start_end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::v1_6_8_0::RequestPacket;

    #[test]
    fn the_scan_takes_as_plain_text_exactly_what_the_checks_let_through() {
        let samples = (0..0x80u8).map(char::from).chain(['é', '\u{EFFF}', '\u{F000}', '\u{FFFD}', '\u{10000}']);
        for character in samples {
            let text = format!("a{character}b");
            let scanned = text.bytes().all(|b| TEXT_BYTE[usize::from(b)] == TextByte::Plain);
            let plain = wellformed::is_plain_text(&text) && !matches!(character, '&' | '<');
            assert_eq!(scanned, plain, "{character:?}");
        }
    }

    /// A user add request whose gen-info holds only plain leaves, on line 1,
    /// followed by `rest`.
    fn user_add(gen_info_end: &str, rest: &str) -> String {
        format!(
            "<packet><user><add><gen-info><login>egrin</login> <passwd>secret</passwd>\t<name>Eugene</name>\
             {gen_info_end}<roles><name>Admin</name></roles></add></user></packet>{rest}"
        )
    }

    #[test]
    fn plain_leaves_read_as_the_general_path_reads_them() {
        let scanned = RequestPacket::from_xml(&user_add("</gen-info>", "")).expect("reads");
        let general =
            RequestPacket::from_xml(&user_add("</gen-info>", "").replace("Eugene", "Eu&#x67;ene")).expect("reads");
        assert_eq!(scanned, general);
    }

    #[test]
    fn errors_after_plain_leaves_are_where_they_are_in_the_input() {
        // Found by quick-xml after it was moved past the leaves.
        let document = user_add("</gen-inf>", "");
        let error = RequestPacket::from_xml(&document).expect_err("mismatched end tag");
        assert!(matches!(error.kind(), ReadErrorKind::Syntax(_)), "{error}");
        let column = document.find("</gen-inf>").expect("in the document") + 1;
        assert_eq!(error.position(), Position { line: 1, column }, "{error}");
        // Found by the reader, after the root.
        let error = RequestPacket::from_xml(&user_add("</gen-info>", "\n<x/>")).expect_err("content after the root");
        assert_eq!(error.kind(), &ReadErrorKind::ContentAfterRoot, "{error}");
        assert_eq!(error.position(), Position { line: 2, column: 1 }, "{error}");
    }
}
