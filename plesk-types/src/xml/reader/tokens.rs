//! Tokens: the events of `quick-xml` turned into start tags, end tags and
//! text, with the well-formedness checks it leaves open (characters,
//! references, the XML declaration).

use super::*;

/// What follows in element content, once white space, comments and
/// processing instructions are skipped.
#[derive(Debug)]
pub(super) enum Token<'a> {
    Start(Start<'a>),
    End { offset: usize },
    Eof { offset: usize },
}

pub(super) fn forbidden(character: char) -> ReadErrorKind {
    ReadErrorKind::Syntax(format!("character {character:?} is not allowed in XML"))
}

pub(super) fn misplaced_declaration() -> ReadErrorKind {
    ReadErrorKind::Syntax("XML declaration not at the start of the document".to_owned())
}

fn append<'a>(text: &mut Cow<'a, str>, part: Cow<'a, str>) {
    if text.is_empty() {
        *text = part;
    } else {
        owned(text).push_str(&part);
    }
}

/// `text` as an owned string to append to. Text that comes in pieces (a
/// reference between two runs of text, say) has more pieces to come, so
/// the string gets room for them rather than growing once per piece.
fn owned<'t>(text: &'t mut Cow<'_, str>) -> &'t mut String {
    if let Cow::Borrowed(borrowed) = *text {
        let mut string = String::with_capacity(borrowed.len() + ROOM_FOR_PIECES);
        string.push_str(borrowed);
        *text = Cow::Owned(string);
    }
    text.to_mut()
}

/// The room [`owned`] leaves for the pieces that follow.
const ROOM_FOR_PIECES: usize = 64;

impl<'a> XmlReader<'a> {
    /// Finishes reading the text of a leaf element whose text did not come
    /// in one piece: `event`, read at `offset`, follows `text`.
    pub(super) fn rest_of_text(
        &mut self,
        name: &'a str,
        position: usize,
        mut text: Cow<'a, str>,
        offset: usize,
        event: Event<'a>,
    ) -> Result<Cow<'a, str>, ReadError> {
        let (mut offset, mut event) = (offset, event);
        loop {
            match event {
                Event::End(_) => return Ok(text),
                Event::Start(tag) | Event::Empty(tag) => {
                    let found = self.name_of(offset, &tag).map_err(|error| self.in_child(error, name, position))?;
                    let error = self.error_at(offset, ReadErrorKind::ElementInText(found.to_owned()));
                    return Err(self.in_child(error, name, position));
                }
                Event::Eof => {
                    return Err(self.in_child(self.error_at(offset, ReadErrorKind::UnexpectedEof), name, position));
                }
                Event::DocType(_) => {
                    return Err(self.in_child(self.error_at(offset, ReadErrorKind::DocType), name, position));
                }
                Event::Decl(_) => {
                    return Err(self.in_child(self.error_at(offset, misplaced_declaration()), name, position));
                }
                event => self
                    .character_data(offset, event, &mut text)
                    .map_err(|error| self.in_child(error, name, position))?,
            }
            (offset, event) = self.raw_event().map_err(|error| self.in_child(error, name, position))?;
        }
    }

    pub(super) fn syntax_error(&self, error: quick_xml::Error) -> ReadError {
        let at = self.error_offset(&error);
        self.error_at(at, ReadErrorKind::Syntax(error.to_string()))
    }

    /// Reads the text content of the current element, entities resolved and
    /// line ends normalized; a child element is an error.
    pub fn read_text(&mut self) -> Result<Cow<'a, str>, ReadError> {
        let mut text = Cow::Borrowed("");
        if matches!(self.next, Some(Token::End { .. })) {
            return Ok(text);
        }
        loop {
            let (offset, event) = self.raw_event()?;
            match event {
                Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) | Event::Comment(_) | Event::PI(_) => {
                    self.character_data(offset, event, &mut text)?;
                }
                Event::End(_) => {
                    self.next = Some(Token::End { offset });
                    return Ok(text);
                }
                Event::Start(tag) | Event::Empty(tag) => {
                    let name = self.name_of(offset, &tag)?.to_owned();
                    return Err(self.error_at(offset, ReadErrorKind::ElementInText(name)));
                }
                Event::Eof => return Err(self.error_at(offset, ReadErrorKind::UnexpectedEof)),
                Event::DocType(_) => return Err(self.error_at(offset, ReadErrorKind::DocType)),
                Event::Decl(_) => return Err(self.error_at(offset, misplaced_declaration())),
            }
        }
    }

    pub(super) fn peek_token(&mut self) -> Result<&Token<'a>, ReadError> {
        if self.next.is_none() {
            let token = self.next_token()?;
            self.next = Some(token);
        }
        match &self.next {
            Some(token) => Ok(token),
            None => Err(self.error_at(self.input.len(), ReadErrorKind::UnexpectedEof)),
        }
    }

    /// The next start tag, end tag or end of input; white space (written or
    /// as character references), comments and processing instructions are
    /// skipped.
    fn next_token(&mut self) -> Result<Token<'a>, ReadError> {
        if let Some(tag) = self.scan_tag() {
            return Ok(tag);
        }
        loop {
            let offset = self.position();
            let event = match self.read_event() {
                Ok(event) => event,
                Err(error) => return Err(self.syntax_error(error)),
            };
            match event {
                Event::Start(tag) => return self.start_token(offset, tag, false),
                Event::Empty(tag) => return self.start_token(offset, tag, true),
                Event::End(_) => return Ok(Token::End { offset }),
                Event::Eof => return Ok(Token::Eof { offset }),
                Event::Text(text) if text.bytes().all(|b| is_xml_space(char::from(b))) => {}
                Event::Text(text) => {
                    let text = text.xml10_content().into_owned();
                    return Err(self.error_at(offset, ReadErrorKind::UnexpectedText(text)));
                }
                Event::CData(text) => {
                    let text = text.xml10_content().into_owned();
                    return Err(self.error_at(offset, ReadErrorKind::UnexpectedText(text)));
                }
                Event::GeneralRef(reference) => {
                    if !is_xml_space(self.resolve_reference(offset, &reference)?) {
                        let text = format!("&{};", reference.xml10_content());
                        return Err(self.error_at(offset, ReadErrorKind::UnexpectedText(text)));
                    }
                }
                Event::Comment(comment) => self.check_chars(offset, &comment)?,
                Event::PI(_) => {}
                Event::Decl(declaration) if offset == 0 => self.check_declaration(&declaration)?,
                Event::Decl(_) => return Err(self.error_at(offset, misplaced_declaration())),
                Event::DocType(_) => return Err(self.error_at(offset, ReadErrorKind::DocType)),
            }
        }
    }

    pub(super) fn start_token(
        &self,
        offset: usize,
        tag: BytesStart<'a>,
        self_closing: bool,
    ) -> Result<Token<'a>, ReadError> {
        let name = self.name_of(offset, &tag)?;
        // The name was found in the input right after `<`, and so is the rest of the tag.
        let content = &self.input[offset + 1..offset + 1 + tag.len()];
        Ok(Token::Start(Start { name, content, offset, self_closing }))
    }

    pub(super) fn raw_event(&mut self) -> Result<(usize, Event<'a>), ReadError> {
        self.sync_leaf();
        let offset = self.position();
        match self.read_event() {
            Ok(event) => Ok((offset, event)),
            Err(error) => Err(self.syntax_error(error)),
        }
    }

    /// The name of the tag starting at `offset`, borrowed from the input so
    /// that it outlives the event (XML allows nothing between `<` and the
    /// name); a name that is not an XML name is malformed XML.
    pub(super) fn name_of(&self, offset: usize, tag: &BytesStart<'_>) -> Result<&'a str, ReadError> {
        let name = tag.name().into_inner();
        // The tag is normally borrowed from the input right there, which
        // makes comparing the bytes unnecessary.
        let in_input = self
            .input
            .get(offset + 1..offset + 1 + name.len())
            .filter(|in_input| std::ptr::eq(in_input.as_ptr(), name.as_ptr()) || *in_input == name);
        match in_input {
            Some(name) if wellformed::is_name(name) => Ok(name),
            _ => {
                let message = format!("'<' not followed by an element name ({name:?})");
                Err(self.error_at(offset, ReadErrorKind::Syntax(message)))
            }
        }
    }

    /// The offset in the input of a slice borrowed from it.
    pub(super) fn offset_of(&self, piece: &str) -> Option<usize> {
        let start = (piece.as_ptr() as usize).checked_sub(self.input.as_ptr() as usize)?;
        (start + piece.len() <= self.input.len()).then_some(start)
    }

    /// Only a UTF-8 XML 1.0 document can be read as a `&str`.
    fn check_declaration(&self, declaration: &quick_xml::events::BytesDecl<'_>) -> Result<(), ReadError> {
        let version =
            declaration.version().map_err(|error| self.error_at(0, ReadErrorKind::Syntax(error.to_string())))?;
        if version != "1.0" {
            return Err(self.error_at(0, ReadErrorKind::Syntax(format!("XML version {version} (only 1.0 is read)"))));
        }
        if let Some(Ok(encoding)) = declaration.encoding()
            && !encoding.eq_ignore_ascii_case("utf-8")
            && !encoding.eq_ignore_ascii_case("utf8")
        {
            let message = format!("encoding {encoding} (documents are read as UTF-8)");
            return Err(self.error_at(0, ReadErrorKind::Syntax(message)));
        }
        Ok(())
    }

    /// Appends the character data of `event` (text, CDATA, a reference) to
    /// `text`, checked; comments are checked and skipped, processing
    /// instructions skipped.
    pub(super) fn character_data(
        &self,
        offset: usize,
        event: Event<'a>,
        text: &mut Cow<'a, str>,
    ) -> Result<(), ReadError> {
        match event {
            Event::Text(part) if wellformed::is_plain_text(&part) => append(text, part.into_inner()),
            Event::Text(part) => {
                let part = part.xml10_content();
                self.check_text(offset, &part)?;
                append(text, part);
            }
            Event::CData(part) => {
                let part = part.xml10_content();
                self.check_chars(offset, &part)?;
                append(text, part);
            }
            Event::GeneralRef(reference) => owned(text).push(self.resolve_reference(offset, &reference)?),
            Event::Comment(comment) => self.check_chars(offset, &comment)?,
            _ => {}
        }
        Ok(())
    }

    /// Character data may hold neither forbidden characters nor `]]>`.
    pub(super) fn check_text(&self, offset: usize, text: &str) -> Result<(), ReadError> {
        match wellformed::first_text_fault(text) {
            None => Ok(()),
            Some((at, wellformed::TextFault::Forbidden(character))) => {
                Err(self.error_at(offset + at, forbidden(character)))
            }
            Some((at, wellformed::TextFault::CdataEnd)) => {
                Err(self.error_at(offset + at, ReadErrorKind::Syntax("']]>' in character data".to_owned())))
            }
        }
    }

    pub(super) fn check_chars(&self, offset: usize, text: &str) -> Result<(), ReadError> {
        match wellformed::first_forbidden_char(text) {
            Some((at, character)) => Err(self.error_at(offset + at, forbidden(character))),
            None => Ok(()),
        }
    }

    fn resolve_reference(&self, offset: usize, reference: &BytesRef<'_>) -> Result<char, ReadError> {
        if reference.is_char_ref() {
            return match reference.resolve_char_ref() {
                Ok(Some(character)) if wellformed::is_xml_char(character) => Ok(character),
                Ok(Some(character)) => Err(self.error_at(offset, forbidden(character))),
                Ok(None) | Err(_) => {
                    let entity = reference.xml10_content().into_owned();
                    Err(self.error_at(offset, ReadErrorKind::UndefinedEntity(entity)))
                }
            };
        }
        match &*reference.xml10_content() {
            "lt" => Ok('<'),
            "gt" => Ok('>'),
            "amp" => Ok('&'),
            "apos" => Ok('\''),
            "quot" => Ok('"'),
            other => Err(self.error_at(offset, ReadErrorKind::UndefinedEntity(other.to_owned()))),
        }
    }
}
