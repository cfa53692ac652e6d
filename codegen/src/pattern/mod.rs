//! XSD regular expressions (the `pattern` facet) translated to the syntax
//! that the `regex`, `regex-lite` and `regex-syntax` crates read alike.
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
//!
//! The translation is then written with explicit ranges ([`explicit`]):
//! the runtime's `regex-lite` has neither Unicode classes nor class set
//! operations.

mod explicit;

use std::iter::Peekable;
use std::str::Chars;

const SPACE: &str = r" \t\n\r";
const NOT_WORD: &str = r"\p{P}\p{Z}\p{C}";
const NAME_START: &str = r"\p{L}\p{Nl}_:";
const NAME_CHAR: &str = r"\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Lm}_:.\-\x{B7}";

/// Translates `pattern` (XSD syntax) to an anchored expression with
/// explicit character ranges, checked to parse.
pub fn translate(pattern: &str) -> Result<String, String> {
    translate_alternatives(&[pattern]).map_err(|(_, reason)| reason)
}

/// Translates the patterns of one derivation step, any of which may match
/// (XSD joins them with `|`), into one anchored expression. On failure,
/// returns the index of the offending pattern and why.
pub fn translate_alternatives(patterns: &[&str]) -> Result<String, (usize, String)> {
    explicit::explicit(&anchored(patterns)?).map_err(|reason| (0, reason))
}

/// The patterns joined and anchored, in the `regex` crate's syntax (Unicode
/// classes and class subtraction as such), checked to parse.
fn anchored(patterns: &[&str]) -> Result<String, (usize, String)> {
    let mut bodies = Vec::with_capacity(patterns.len());
    for (index, pattern) in patterns.iter().enumerate() {
        let body = translate_body(pattern).map_err(|reason| (index, reason))?;
        regex_syntax::Parser::new().parse(&body).map_err(|error| (index, error.to_string()))?;
        bodies.push(body);
    }
    Ok(match bodies.as_slice() {
        [only] => format!(r"\A(?:{only})\z"),
        _ => format!(r"\A(?:{})\z", bodies.iter().map(|body| format!("(?:{body})")).collect::<Vec<_>>().join("|")),
    })
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
        regex_lite::Regex::new(&translate(pattern).unwrap()).unwrap().is_match(value)
    }

    #[test]
    fn translations() {
        let cases = [
            (r"[^@\s]+@[^@\s]+", r"\A(?:[^@ \t\n\r]+@[^@ \t\n\r]+)\z", r"\A[^\t\n\r @]+@[^\t\n\r @]+\z"),
            (r"[A-Za-z]\S*", r"\A(?:[A-Za-z][^ \t\n\r]*)\z", r"\A[A-Za-z][^\t\n\r ]*\z"),
            (r#"[^\s"]*"#, r#"\A(?:[^ \t\n\r"]*)\z"#, r#"\A[^\t\n\r "]*\z"#),
            ("a.b", r"\A(?:a[^\n\r]b)\z", r"\Aa[^\n\r]b\z"),
            ("^x$", r"\A(?:\^x\$)\z", r"\A\^x\$\z"),
            ("[a-z-[aeiou]]+", r"\A(?:[a-z--[aeiou]]+)\z", r"\A[b-df-hj-np-tv-z]+\z"),
            ("[-a]", r"\A(?:[\-a])\z", r"\A[\-a]\z"),
            ("[a&b]", r"\A(?:[a\&b])\z", r"\A[\&ab]\z"),
            (r"\d{3}-\d{4}", r"\A(?:\d{3}-\d{4})\z", ""),
            (r"\p{Lu}+", r"\A(?:\p{Lu}+)\z", ""),
            ("ab|c", r"\A(?:ab|c)\z", r"\A(?:ab|c)\z"),
            ("x(ab|c)", r"\A(?:x(ab|c))\z", r"\Ax(?:ab|c)\z"),
            ("(ab)+c?", r"\A(?:(ab)+c?)\z", r"\A(?:ab)+c?\z"),
        ];
        for (xsd, anchored_form, explicit_form) in cases {
            assert_eq!(anchored(&[xsd]).as_deref(), Ok(anchored_form), "{xsd}");
            let explicit = translate(xsd).unwrap();
            if explicit_form.is_empty() {
                assert!(!explicit.contains(r"\p") && !explicit.contains(r"\d"), "{xsd}: {explicit}");
            } else {
                assert_eq!(explicit, explicit_form, "{xsd}");
            }
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
        assert!(matches(r"\d", "\u{663}"), "XSD \\d is every Unicode digit (Arabic-Indic three)");
        assert!(matches(r"\p{L}+", "Ωmega"));
    }

    #[test]
    fn alternatives_of_one_step_are_joined() {
        let joined = translate_alternatives(&["a+", "[0-9]"]).unwrap();
        assert_eq!(joined, r"\A(?:a+|[0-9])\z");
        assert!(regex_lite::Regex::new(&joined).unwrap().is_match("7"));
        assert!(!regex_lite::Regex::new(&joined).unwrap().is_match("a7"));
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

    /// The patterns of Plesk's own 1.6.6.0 files and of the bundled ones,
    /// and XSD constructs they do not use.
    const PATTERNS: [&str; 14] = [
        r"([01]?\p{Nd}{1,2}|2([0-4]\p{Nd}|5[0-5]))(\.([01]?\p{Nd}{1,2}|2([0-4]\p{Nd}|5[0-5]))){3}",
        r"[/0-9a-zA-Z_\-]+",
        r"[0-9a-zA-Z]{1}[\-a-zA-Z0-9_.]{0,16}",
        r"[A-Za-z]\S*",
        r"[\-\+\p{L}\p{N}\._]*@([\p{L}\p{N}][\-\p{L}\p{N}]*\.)*[\p{L}\p{N}][\-\p{L}\p{N}]*\.?",
        r"[\-]?[0-9]+",
        r"[^@\s]+@[^@\s]+",
        r#"[^\s"]*"#,
        r"\w+\W?",
        r"\i\c*",
        r"[a-z-[aeiou]]+.",
        r"\d{2,3}|x*?y",
        r"[^\p{P}]{1,4}",
        r"[\[\]\^\\&~#|]+",
    ];

    proptest::proptest! {
        /// Written out with explicit ranges, a pattern matches what the
        /// `regex` crate matches with Unicode classes, under `regex-lite`
        /// as under `regex`.
        #[test]
        fn explicit_ranges_match_as_unicode_classes_do(
            index in 0..PATTERNS.len(),
            value in proptest::string::string_regex("[0-9a-zA-Z.@_\\-+ \t\n\r\"&\\[\\]^#~|٣Ωé\u{a0}\u{2028}-]{0,12}").unwrap(),
        ) {
            let pattern = PATTERNS[index];
            let unicode = regex::Regex::new(&anchored(&[pattern]).unwrap()).unwrap();
            let explicit = translate(pattern).unwrap();
            let lite = regex_lite::Regex::new(&explicit).unwrap();
            let full = regex::Regex::new(&explicit).unwrap();
            proptest::prop_assert_eq!(lite.is_match(&value), unicode.is_match(&value), "{} on {:?}", explicit, value);
            proptest::prop_assert_eq!(full.is_match(&value), unicode.is_match(&value));
        }
    }

    /// Values drawn from each pattern (so that the complex ones match
    /// too), as drawn or with one character changed.
    fn drawn_values() -> impl proptest::strategy::Strategy<Value = (usize, String)> {
        use proptest::strategy::Strategy as _;
        (0..PATTERNS.len()).prop_flat_map(|index| {
            let body = translate_body(PATTERNS[index]).unwrap();
            let drawn = proptest::string::string_regex(&body).unwrap();
            (drawn, proptest::option::of((0..16_usize, proptest::char::range('!', '~')))).prop_map(
                move |(value, change)| {
                    let mut chars: Vec<char> = value.chars().collect();
                    if let Some((at, replacement)) = change
                        && !chars.is_empty()
                    {
                        let at = at % chars.len();
                        chars[at] = replacement;
                    }
                    (index, chars.into_iter().collect())
                },
            )
        })
    }

    proptest::proptest! {
        #[test]
        fn explicit_ranges_match_drawn_values_as_unicode_classes_do((index, value) in drawn_values()) {
            let pattern = PATTERNS[index];
            let unicode = regex::Regex::new(&anchored(&[pattern]).unwrap()).unwrap();
            let explicit = translate(pattern).unwrap();
            let lite = regex_lite::Regex::new(&explicit).unwrap();
            proptest::prop_assert_eq!(lite.is_match(&value), unicode.is_match(&value), "{} on {:?}", explicit, value);
        }
    }

    #[test]
    fn every_pattern_matches_what_it_should_under_regex_lite() {
        for pattern in PATTERNS {
            let explicit = translate(pattern).unwrap();
            regex_lite::Regex::new(&explicit).unwrap_or_else(|error| panic!("{pattern}: {explicit}: {error}"));
        }
        assert!(matches(PATTERNS[0], "192.168.0.255") && !matches(PATTERNS[0], "192.168.0.256"));
        assert!(matches(PATTERNS[4], "jörg.ü@例え.jp") && !matches(PATTERNS[4], "a b@c"));
    }
}
