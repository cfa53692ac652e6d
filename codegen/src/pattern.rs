//! XSD regular expressions (the `pattern` facet) translated to the syntax of
//! the `regex` crate.
//!
//! The two dialects differ in ways that change meaning, so patterns are
//! translated, never copied:
//!
//! - an XSD pattern matches the whole value: the translation is anchored
//!   (`\A(?:...)\z`);
//! - `^` and `$` are ordinary characters in XSD;
//! - `.` excludes `\n` and `\r`; `\s` is exactly space, tab, `\n`, `\r`;
//!   `\w` is every character but punctuation, separators and "other";
//!   `\i` and `\c` are XML name characters;
//! - character class subtraction `[a-z-[aeiou]]` becomes `[a-z--[aeiou]]`;
//! - `&` and `~` inside classes are escaped (the `regex` crate reads `&&`
//!   and `~~` as set operations).
//!
//! Unicode block escapes (`\p{IsBasicLatin}`) have no counterpart and are
//! refused with a message.

use std::iter::Peekable;
use std::str::Chars;

const SPACE: &str = r" \t\n\r";
const NOT_WORD: &str = r"\p{P}\p{Z}\p{C}";
const NAME_START: &str = r"\p{L}\p{Nl}_:";
const NAME_CHAR: &str = r"\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Lm}_:.\-\x{B7}";

/// Translates `pattern` (XSD syntax) to an anchored expression for the
/// `regex` crate, checked to parse there.
pub fn translate(pattern: &str) -> Result<String, String> {
    translate_alternatives(&[pattern]).map_err(|(_, reason)| reason)
}

/// Translates the patterns of one derivation step, any of which may match
/// (XSD joins them with `|`), into one anchored expression. On failure,
/// returns the index of the offending pattern and why.
pub fn translate_alternatives(patterns: &[&str]) -> Result<String, (usize, String)> {
    let mut bodies = Vec::with_capacity(patterns.len());
    for (index, pattern) in patterns.iter().enumerate() {
        let body = translate_body(pattern).map_err(|reason| (index, reason))?;
        regex_syntax::Parser::new().parse(&body).map_err(|error| (index, error.to_string()))?;
        bodies.push(body);
    }
    let translated = match bodies.as_slice() {
        [only] => format!(r"\A(?:{only})\z"),
        _ => format!(r"\A(?:{})\z", bodies.iter().map(|body| format!("(?:{body})")).collect::<Vec<_>>().join("|")),
    };
    regex_syntax::Parser::new().parse(&translated).map_err(|error| (0, error.to_string()))?;
    Ok(translated)
}

fn translate_body(pattern: &str) -> Result<String, String> {
    let mut chars = pattern.chars().peekable();
    let mut body = String::new();
    while let Some(c) = chars.next() {
        match c {
            '\\' => body.push_str(&escape(&mut chars, false)?),
            '[' => body.push_str(&class(&mut chars)?),
            '.' => body.push_str(r"[^\n\r]"),
            '^' | '$' => {
                body.push('\\');
                body.push(c);
            }
            ']' => return Err("']' without a matching '['".to_owned()),
            _ => body.push(c),
        }
    }
    Ok(body)
}

/// Translates the escape after a `\`; `in_class` for escapes inside `[...]`.
fn escape(chars: &mut Peekable<Chars<'_>>, in_class: bool) -> Result<String, String> {
    let Some(c) = chars.next() else {
        return Err("pattern ends with '\\'".to_owned());
    };
    let nested = |members: &str, negated: bool| {
        let caret = if negated { "^" } else { "" };
        if in_class && !negated { members.to_owned() } else { format!("[{caret}{members}]") }
    };
    Ok(match c {
        'n' | 'r' | 't' | '\\' | '|' | '.' | '?' | '*' | '+' | '(' | ')' | '{' | '}' | '[' | ']' | '-' | '^' => {
            format!("\\{c}")
        }
        'd' | 'D' => format!("\\{c}"),
        's' => nested(SPACE, false),
        'S' => nested(SPACE, true),
        'w' => nested(NOT_WORD, true),
        'W' => nested(NOT_WORD, false),
        'i' => nested(NAME_START, false),
        'I' => nested(NAME_START, true),
        'c' => nested(NAME_CHAR, false),
        'C' => nested(NAME_CHAR, true),
        'p' | 'P' => {
            if chars.next() != Some('{') {
                return Err(format!("'\\{c}' must be followed by {{name}}"));
            }
            let mut name = String::new();
            loop {
                match chars.next() {
                    Some('}') => break,
                    Some(letter) => name.push(letter),
                    None => return Err(format!("unterminated '\\{c}{{'")),
                }
            }
            if name.starts_with("Is") {
                return Err(format!(
                    "Unicode block escape '\\{c}{{{name}}}' has no equivalent in Rust regular expressions"
                ));
            }
            format!("\\{c}{{{name}}}")
        }
        other => return Err(format!("unknown escape '\\{other}'")),
    })
}

/// Translates a character class; the `[` is already consumed.
fn class(chars: &mut Peekable<Chars<'_>>) -> Result<String, String> {
    let mut out = String::from("[");
    if chars.peek() == Some(&'^') {
        chars.next();
        out.push('^');
    }
    let mut first = true;
    loop {
        let Some(c) = chars.next() else {
            return Err("unterminated character class".to_owned());
        };
        match c {
            ']' if !first => break,
            '\\' => out.push_str(&escape(chars, true)?),
            '-' if chars.peek() == Some(&'[') => {
                chars.next();
                out.push_str("--");
                out.push_str(&class(chars)?);
                if chars.next() != Some(']') {
                    return Err("a class subtraction must end the class".to_owned());
                }
                break;
            }
            '-' if first || chars.peek() == Some(&']') => out.push_str(r"\-"),
            '-' => out.push('-'),
            '[' => return Err("'[' inside a character class (only '-[' subtraction is allowed)".to_owned()),
            '&' | '~' | '^' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
        first = false;
    }
    out.push(']');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(pattern: &str, value: &str) -> bool {
        regex::Regex::new(&translate(pattern).unwrap()).unwrap().is_match(value)
    }

    #[test]
    fn translations() {
        let cases = [
            (r"[^@\s]+@[^@\s]+", r"\A(?:[^@ \t\n\r]+@[^@ \t\n\r]+)\z"),
            (r"[A-Za-z]\S*", r"\A(?:[A-Za-z][^ \t\n\r]*)\z"),
            (r#"[^\s"]*"#, r#"\A(?:[^ \t\n\r"]*)\z"#),
            ("a.b", r"\A(?:a[^\n\r]b)\z"),
            ("^x$", r"\A(?:\^x\$)\z"),
            ("[a-z-[aeiou]]+", r"\A(?:[a-z--[aeiou]]+)\z"),
            ("[-a]", r"\A(?:[\-a])\z"),
            ("[a&b]", r"\A(?:[a\&b])\z"),
            (r"\d{3}-\d{4}", r"\A(?:\d{3}-\d{4})\z"),
            (r"\p{Lu}+", r"\A(?:\p{Lu}+)\z"),
            ("a|b", r"\A(?:a|b)\z"),
        ];
        for (xsd, rust) in cases {
            assert_eq!(translate(xsd).as_deref(), Ok(rust), "{xsd}");
        }
    }

    #[test]
    fn translated_patterns_match_as_xsd_says() {
        assert!(matches(r"[^@\s]+@[^@\s]+", "a@b.c"));
        assert!(!matches(r"[^@\s]+@[^@\s]+", "a b@c"));
        assert!(!matches(r"[^@\s]+@[^@\s]+", "x a@b.c"), "patterns are anchored");
        assert!(matches("^x$", "^x$"), "^ and $ are literals in XSD");
        assert!(!matches("a.b", "a\nb"));
        assert!(matches("[a-z-[aeiou]]+", "xyz"));
        assert!(!matches("[a-z-[aeiou]]+", "xaz"));
        assert!(matches(r"\s", "\t"));
        assert!(!matches(r"\s", "\u{a0}"), "XSD \\s is ASCII white space only");
        assert!(matches(r"\w+", "héllo"));
        assert!(!matches(r"\w", "-"));
        assert!(matches(r"\i\c*", "gen-info"));
        assert!(!matches(r"\i\c*", "1abc"));
    }

    #[test]
    fn alternatives_of_one_step_are_joined() {
        let joined = translate_alternatives(&["a+", "[0-9]"]).unwrap();
        assert_eq!(joined, r"\A(?:(?:a+)|(?:[0-9]))\z");
        assert!(regex::Regex::new(&joined).unwrap().is_match("7"));
        assert!(!regex::Regex::new(&joined).unwrap().is_match("a7"));
        assert_eq!(translate_alternatives(&["ok", "(("]).unwrap_err().0, 1);
    }

    #[test]
    fn refusals_say_why() {
        assert!(translate(r"\p{IsBasicLatin}").unwrap_err().contains("block"));
        assert!(translate("[abc").unwrap_err().contains("unterminated"));
        assert!(translate(r"\q").unwrap_err().contains("unknown escape"));
        assert!(translate(r"a\$").unwrap_err().contains("unknown escape"), "XSD has no \\$ escape");
        assert!(translate("a)").is_err());
        assert!(translate(r"x\").unwrap_err().contains("ends with"));
    }
}
