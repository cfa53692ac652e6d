//! The well-formedness rules of XML 1.0 that `quick-xml` leaves to its
//! user: which characters a document may contain, what a name is, and how
//! attributes are separated.

/// Whether `c` is a character XML 1.0 allows (the `Char` production).
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// A fault in character data: a character XML 1.0 does not allow, or `]]>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextFault {
    /// A forbidden character.
    Forbidden(char),
    /// The sequence `]]>`, which only ends a CDATA section.
    CdataEnd,
}

/// Whether `text` has no byte worth a closer look: no control character
/// (so no line end to normalize and none forbidden), no `]` and no lead byte
/// of U+F000 and above. Such text is character data as it stands.
pub fn is_plain_text(text: &str) -> bool {
    // Almost all text is plain; a branch-free pass (which the compiler
    // vectorises) says so faster than a search would.
    !text.bytes().fold(false, |suspect, b| suspect | (b < 0x20) | (b == b']') | (b >= 0xEF))
}

/// The byte offset and kind of the first fault in character data.
pub fn first_text_fault(text: &str) -> Option<(usize, TextFault)> {
    if is_plain_text(text) {
        return None;
    }
    let mut from = 0;
    while let Some(found) = text.as_bytes()[from..]
        .iter()
        .position(|&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0xEF || b == b']')
    {
        let at = from + found;
        if text.as_bytes()[at] == b']' {
            if text[at..].starts_with("]]>") {
                return Some((at, TextFault::CdataEnd));
            }
        } else if let Some((offset, character)) = first_forbidden_char(&text[at..]).filter(|(offset, _)| *offset == 0) {
            return Some((at + offset, TextFault::Forbidden(character)));
        }
        from = at + text[at..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// The byte offset and character of the first character of `text` that XML
/// 1.0 does not allow.
pub fn first_forbidden_char(text: &str) -> Option<(usize, char)> {
    // Only control characters and the code points from U+F000 (lead byte
    // 0xEF) can be forbidden; most text has neither and is scanned as bytes.
    let suspect = text.bytes().position(|b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0xEF)?;
    text[suspect..].char_indices().find(|&(_, c)| !is_xml_char(c)).map(|(at, c)| (suspect + at, c))
}

fn is_name_start(c: char) -> bool {
    matches!(c,
        ':' | 'A'..='Z' | '_' | 'a'..='z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}' | '\u{2070}'..='\u{218F}'
        | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}' | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}'
        | '\u{10000}'..='\u{EFFFF}')
}

fn is_name_char(c: char) -> bool {
    is_name_start(c) || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

/// What an ASCII byte may be in a name: [`NAME_START`] (`:A-Z_a-z`, which
/// may also continue one) or [`NAME_CONTINUE`] (`-.0-9`); other bytes,
/// non-ASCII ones included, are 0. Names are checked once per element, so
/// one lookup per byte, without a bounds check, pays off.
const NAME_BYTE: [u8; 256] = {
    let mut table = [0; 256];
    let mut byte = 0;
    while byte < 128 {
        let b = byte as u8;
        table[byte] = if b.is_ascii_alphabetic() || b == b'_' || b == b':' {
            NAME_START | NAME_CONTINUE
        } else if b.is_ascii_digit() || b == b'-' || b == b'.' {
            NAME_CONTINUE
        } else {
            0
        };
        byte += 1;
    }
    table
};
const NAME_START: u8 = 1;
const NAME_CONTINUE: u8 = 2;

/// Whether `b` is an ASCII byte that may start a name.
pub fn is_ascii_name_start(b: u8) -> bool {
    NAME_BYTE[usize::from(b)] & NAME_START != 0
}

/// Whether `b` is an ASCII byte that may continue a name.
pub fn is_ascii_name_char(b: u8) -> bool {
    NAME_BYTE[usize::from(b)] & NAME_CONTINUE != 0
}

/// Whether `name` is an XML name (the `Name` production).
pub fn is_name(name: &str) -> bool {
    // Names are almost always ASCII: letters, digits and `-._:`.
    if let [first, rest @ ..] = name.as_bytes()
        && is_ascii_name_start(*first)
        && rest.iter().all(|&b| is_ascii_name_char(b))
    {
        return true;
    }
    let mut chars = name.chars();
    chars.next().is_some_and(is_name_start) && chars.all(is_name_char)
}

/// Checks the attribute part of a start tag (`raw`, what follows the name)
/// for what the attribute iterator does not: white space between
/// attributes, and `<` inside values. Returns the offset within `raw` of the
/// first fault and what it is.
pub fn check_attribute_syntax(raw: &str) -> Result<(), (usize, &'static str)> {
    let bytes = raw.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let quote = bytes[at];
        if quote != b'"' && quote != b'\'' {
            at += 1;
            continue;
        }
        let Some(length) = bytes[at + 1..].iter().position(|&b| b == quote) else {
            // An unterminated value: the attribute iterator reports it.
            return Ok(());
        };
        let value = &raw[at + 1..at + 1 + length];
        if let Some(less) = value.find('<') {
            return Err((at + 1 + less, "'<' in an attribute value"));
        }
        let after = at + 1 + length + 1;
        if bytes.get(after).is_some_and(|b| !b.is_ascii_whitespace() && *b != b'/') {
            return Err((after, "attributes must be separated by white space"));
        }
        at = after;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_are_found_where_they_are() {
        assert_eq!(first_forbidden_char("plain text\twith\r\nline ends"), None);
        assert_eq!(first_forbidden_char("a\u{1}b"), Some((1, '\u{1}')));
        assert_eq!(first_forbidden_char("é\u{FFFE}"), Some((2, '\u{FFFE}')));
        assert_eq!(first_forbidden_char("\u{F000} \u{FFFD}"), None);
    }

    #[test]
    fn text_faults() {
        assert_eq!(first_text_fault("a ] b ]] c"), None);
        assert_eq!(first_text_fault("a ]]> b"), Some((2, TextFault::CdataEnd)));
        assert_eq!(first_text_fault("é\u{1}"), Some((2, TextFault::Forbidden('\u{1}'))));
        assert_eq!(first_text_fault("\u{F000}\u{FFFE}"), Some((3, TextFault::Forbidden('\u{FFFE}'))));
    }

    #[test]
    fn names() {
        for name in ["packet", "gen-info", "_x", "a.b", "x:y", "été"] {
            assert!(is_name(name), "{name}");
        }
        for name in ["", "1abc", "bad name", "-x", ".x"] {
            assert!(!is_name(name), "{name}");
        }
    }

    #[test]
    fn attribute_syntax() {
        assert_eq!(check_attribute_syntax(r#" a="1" b='2'"#), Ok(()));
        assert_eq!(check_attribute_syntax(r#" a="1"b="2""#), Err((6, "attributes must be separated by white space")));
        assert_eq!(check_attribute_syntax(r#" a="x<y""#), Err((5, "'<' in an attribute value")));
        assert_eq!(check_attribute_syntax(r#" a='say "hi"'"#), Ok(()));
    }
}
