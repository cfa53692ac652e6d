//! Tags read from the bytes, and the stack of open elements that checks end
//! tags.
//!
//! The reader keeps the stack of open elements itself (`quick-xml`'s own
//! end-name check is off): every start tag pushes its name, whoever read it,
//! and every end tag must repeat the name on top, whoever read it. So the
//! start and end tags of elements with children can be read from the bytes,
//! like leaves (see `leaf_scan`), without `quick-xml` ever seeing them: its
//! own stack then only lacks names nobody asks it about. An end tag
//! `quick-xml` reads is checked against the same stack, with `quick-xml`'s
//! error and at its position (the `<` of the end tag), so errors do not
//! change.
//!
//! Only the plain forms are taken here: `<name>` (or a start tag with
//! attributes, which the reader checks itself when it reads them, whoever
//! read the tag) and `</name>` with an ASCII name, white space only before
//! them, and right after a markup event (when
//! `quick-xml` is between markup and text, which skipping whole tags keeps).
//! Anything else is left to `quick-xml`, which reads the same bytes as before.

use quick_xml::errors::{Error as XmlError, IllFormedError};

use super::*;

/// An element whose start tag was read and whose end tag was not.
#[derive(Debug, Clone, Copy)]
pub(super) struct OpenTag<'a> {
    /// The name as written in the start tag.
    name: &'a str,
    /// Whether `quick-xml` read the start tag (and so holds the name on its
    /// own stack): then it reads the end tag too, which takes the name off
    /// its stack again, so that stack never grows past the open elements.
    by_quick_xml: bool,
}

impl<'a> OpenTag<'a> {
    /// An element whose start tag the reader read from the bytes.
    pub(super) fn by_reader(name: &'a str) -> Self {
        Self { name, by_quick_xml: false }
    }
}

/// The room the stack of open elements gets at the start: deeper documents
/// are rare, so one allocation per document is the usual cost.
pub(super) const OPEN_TAGS_ROOM: usize = 16;

impl<'a> XmlReader<'a> {
    /// Reads an event from `quick-xml`, noting whether it was markup (after
    /// which tags may be read from the bytes) and keeping the stack of open
    /// elements: a start tag pushes its name, an end tag must match the name
    /// on top.
    pub(super) fn read_event(&mut self) -> quick_xml::Result<Event<'a>> {
        let offset = self.position();
        let event = self.events.read_event();
        self.after_markup = matches!(
            event,
            Ok(Event::Start(_)
                | Event::Empty(_)
                | Event::End(_)
                | Event::Comment(_)
                | Event::PI(_)
                | Event::CData(_)
                | Event::Decl(_)
                | Event::DocType(_))
        );
        match &event {
            Ok(Event::Start(tag)) => {
                // The name is in the input right after `<` (XML allows nothing between).
                let name = self.input.get(offset + 1..offset + 1 + tag.name().as_ref().len());
                self.open_tags.push(OpenTag { name: name.unwrap_or_default(), by_quick_xml: true });
            }
            Ok(Event::End(tag)) => self.close_tag(tag.name().into_inner())?,
            _ => {}
        }
        event
    }

    /// Takes the element on top of the stack off it, if `found` (an end
    /// tag's name) is its name; the error otherwise is `quick-xml`'s.
    fn close_tag(&mut self, found: &str) -> quick_xml::Result<()> {
        match self.open_tags.pop() {
            Some(open) if open.name == found => Ok(()),
            Some(open) => Err(XmlError::IllFormed(IllFormedError::MismatchedEndTag {
                expected: open.name.to_owned(),
                found: found.to_owned(),
            })),
            None => Err(XmlError::IllFormed(IllFormedError::UnmatchedEndTag(found.to_owned()))),
        }
    }

    /// Where an error `quick-xml` (or [`close_tag`](Self::close_tag)) just
    /// reported is in the input.
    pub(super) fn error_offset(&self, error: &quick_xml::Error) -> usize {
        match error {
            // Found by the reader right after the end tag, which it reports
            // at its `<`, as `quick-xml` did (an end tag holds no other `<`).
            XmlError::IllFormed(IllFormedError::MismatchedEndTag { .. } | IllFormedError::UnmatchedEndTag(_)) => {
                let position = self.position();
                self.input.get(..position).and_then(|before| before.rfind('<')).unwrap_or(position)
            }
            _ => self.events.error_position() as usize + self.skipped,
        }
    }

    /// The next tag, if it is a plain one preceded by white space only: a
    /// leaf (noted in `self.leaf`, not yet read past), the start tag of an
    /// element with children or an end tag (both read past). `None` leaves
    /// everything to `quick-xml`.
    pub(super) fn scan_tag(&mut self) -> Option<Token<'a>> {
        if !self.after_markup {
            return None;
        }
        let from = self.position();
        // The reader's input is the rest of ours; skipping assumes so.
        if self.input.len() - self.events.get_ref().len() != from {
            return None;
        }
        let bytes = self.input.as_bytes();
        let mut tag = from;
        while bytes.get(tag).copied().is_some_and(is_space_byte) {
            tag += 1;
        }
        if bytes.get(tag) != Some(&b'<') {
            return None;
        }
        if bytes.get(tag + 1) == Some(&b'/') {
            return self.scan_end_tag(tag);
        }
        let name_end = ascii_name_end(bytes, tag + 1)?;
        if let Some(leaf) = self.scan_leaf(tag, name_end) {
            return Some(leaf);
        }
        let name = &self.input[tag + 1..name_end];
        match bytes.get(name_end) {
            Some(b'>') => {
                self.open_tags.push(OpenTag::by_reader(name));
                self.skip_to(name_end + 1);
                Some(Token::Start(Start { name, content: name, offset: tag, self_closing: false }))
            }
            Some(&b) if is_space_byte(b) => self.scan_start_with_attributes(tag, name),
            _ => None,
        }
    }

    /// The start tag at `tag`, named `name` and followed by white space:
    /// with attributes, which are checked when they are read, as those of a
    /// tag `quick-xml` read.
    fn scan_start_with_attributes(&mut self, tag: usize, name: &'a str) -> Option<Token<'a>> {
        let close = tag_close(self.input.as_bytes(), tag + 1 + name.len())?;
        let self_closing = self.input.as_bytes()[close - 1] == b'/';
        let content_end = if self_closing { close - 1 } else { close };
        let content = &self.input[tag + 1..content_end];
        if !self_closing {
            self.open_tags.push(OpenTag::by_reader(name));
        }
        self.skip_to(close + 1);
        Some(Token::Start(Start { name, content, offset: tag, self_closing }))
    }

    /// The end tag at `tag`, if it is `</name>` with the name of the element
    /// on top of the stack, which the reader opened itself.
    fn scan_end_tag(&mut self, tag: usize) -> Option<Token<'a>> {
        let open = self.open_tags.last().filter(|open| !open.by_quick_xml)?;
        let name = self.input.as_bytes().get(tag + 2..)?.strip_prefix(open.name.as_bytes())?;
        if name.first() != Some(&b'>') {
            return None;
        }
        let end = tag + 2 + open.name.len() + 1;
        self.open_tags.pop();
        self.skip_to(end);
        Some(Token::End { offset: tag })
    }

    /// Moves the `quick-xml` reader to `end` in the input, past whole tags
    /// only (it stays between markup and text).
    pub(super) fn skip_to(&mut self, end: usize) {
        let skip = end - self.position();
        let rest = self.events.get_mut();
        *rest = &rest[skip..];
        self.skipped += skip;
        self.after_markup = true;
    }
}

/// XML white space, which may come between elements.
pub(super) fn is_space_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// The offset of the `>` that closes the tag whose attributes start at
/// `from`: the first one outside quotes, as `quick-xml` finds it. `None` if
/// the input ends first (which `quick-xml` reports).
fn tag_close(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote = None;
    for (at, &b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (None, b'>') => return Some(at),
            (None, b'\'' | b'"') => quote = Some(b),
            (Some(open), _) if open == b => quote = None,
            _ => {}
        }
    }
    None
}

/// The end of the ASCII name starting at `start`, if one starts there.
fn ascii_name_end(bytes: &[u8], start: usize) -> Option<usize> {
    if !bytes.get(start).copied().is_some_and(wellformed::is_ascii_name_start) {
        return None;
    }
    let mut end = start + 1;
    while bytes.get(end).copied().is_some_and(wellformed::is_ascii_name_char) {
        end += 1;
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::v1_6_8_0::RequestPacket;

    /// A user add request on line 1 whose gen-info is opened by `start` and
    /// closed by `end`, followed by `rest`.
    fn user_add(start: &str, end: &str, rest: &str) -> String {
        format!(
            "<packet>\n <user>\t<add>{start}<login>egrin</login><passwd>secret</passwd><name>Eu&#x67;ene</name>\
             {end}<roles><name>Admin</name></roles></add> </user>\r\n</packet>{rest}"
        )
    }

    /// The first error `quick-xml` reports on `document` with its own
    /// end-tag check on, and where: what the reader reported before it
    /// checked end tags itself.
    fn quick_xml_error(document: &str) -> (String, Position) {
        let mut reader = quick_xml::Reader::from_str(document);
        loop {
            match reader.read_event() {
                Ok(Event::Eof) => panic!("no error in {document:?}"),
                Ok(_) => {}
                Err(error) => {
                    return (error.to_string(), Position::at_offset(document, reader.error_position() as usize));
                }
            }
        }
    }

    #[test]
    fn a_start_tag_scanned_is_the_tag_quick_xml_reads() {
        let tags = [
            "<a>",
            "<a/>",
            "<a-b.c_d:e9>",
            "<a b='1'>",
            "<a\tb=\"1\"\n c='2'/>",
            "<a b=\"x>y\" c='\"'>",
            "<a b='x/'>",
            "<a />",
            "<a\r\n>",
        ];
        for tag in tags {
            let document = format!("<r>{tag}</r>");
            let mut reader = XmlReader::new(&document, ReadOptions::default());
            assert!(matches!(reader.read_event(), Ok(Event::Start(_))), "{tag}");
            let Some(Token::Start(scanned)) = reader.scan_tag() else {
                panic!("{tag} is not scanned");
            };
            let mut events = quick_xml::Reader::from_str(&document);
            events.read_event().expect("the root");
            let (content, self_closing) = match events.read_event() {
                Ok(Event::Start(start)) => ((*start).to_owned(), false),
                Ok(Event::Empty(start)) => ((*start).to_owned(), true),
                other => panic!("{tag}: {other:?}"),
            };
            assert_eq!(scanned.content, content, "{tag}");
            assert_eq!(scanned.name, "a-b.c_d:e9".get(..scanned.name.len()).unwrap_or_default(), "{tag}");
            assert_eq!(scanned.self_closing, self_closing, "{tag}");
            // A leaf is read past when it is read: here the general way,
            // which leaves the reader right after its start tag.
            reader.sync_leaf();
            assert_eq!((scanned.offset, reader.position()), (3, events.buffer_position() as usize), "{tag}");
            assert_eq!(reader.open_tags.len(), usize::from(!self_closing) + 1, "{tag}");
        }
    }

    #[test]
    fn tags_that_are_not_plain_are_left_to_quick_xml() {
        for tag in ["<a b='>", "<é>", "<a", "<1a>", "< a>", "<!-- c -->", "<?pi?>", "</a >", "</b>", "x<a>"] {
            let document = format!("<a>{tag}</a>");
            let mut reader = XmlReader::new(&document, ReadOptions::default());
            assert!(matches!(reader.read_event(), Ok(Event::Start(_))), "{tag}");
            assert!(reader.scan_tag().is_none(), "{tag}");
            assert_eq!(reader.position(), 3, "{tag}");
        }
    }

    #[test]
    fn tags_read_from_the_bytes_read_as_quick_xml_reads_them() {
        let scanned = RequestPacket::from_xml(&user_add("<gen-info>", "</gen-info>", "")).expect("reads");
        // White space inside the tags leaves them to `quick-xml`.
        for (start, end) in
            [("<gen-info >", "</gen-info>"), ("<gen-info>", "</gen-info\n>"), ("<gen-info >", "</gen-info >")]
        {
            let general = RequestPacket::from_xml(&user_add(start, end, "")).expect("reads");
            assert_eq!(scanned, general, "{start} {end}");
        }
    }

    #[test]
    fn end_tags_are_checked_as_quick_xml_checks_them() {
        let documents = [
            // Opened from the bytes, or by `quick-xml`; closed by the wrong name, with or without white space.
            user_add("<gen-info>", "</gen-inf>", ""),
            user_add("<gen-info >", "</gen-inf>", ""),
            user_add("<gen-info>", "</gen-infos >", ""),
            user_add("<gen-info>", "</gen-info></gen-info>", ""),
            // A leaf opened from the bytes (its text has a reference) and closed by its parent's name.
            "<packet><user><add><gen-info><login>a&amp;b</gen-info></add></user></packet>".to_owned(),
            // An end tag after the root.
            user_add("<gen-info>", "</gen-info>", "\n</packet>"),
        ];
        for document in &documents {
            let error = RequestPacket::from_xml(document).expect_err("ill-formed");
            let (message, position) = quick_xml_error(document);
            assert_eq!(error.kind(), &ReadErrorKind::Syntax(message), "{document}");
            assert_eq!(error.position(), position, "{document}");
        }
    }

    #[test]
    fn errors_after_tags_read_from_the_bytes_are_where_they_are_in_the_input() {
        let document = user_add("<gen-info>", "</gen-info>", "").replace("<roles>", "<roles>\u{1}");
        let error = RequestPacket::from_xml(&document).expect_err("a forbidden character");
        let at = document.find('\u{1}').expect("in the document");
        assert_eq!(error.position(), Position::at_offset(&document, at), "{error}");
        assert_eq!(error.position().line, 2, "{error}");
        assert!(error.path().starts_with("packet/user/add/roles"), "{error}");
    }
}
