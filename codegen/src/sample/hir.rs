//! Strings for the `pattern` facet: an XSD pattern is translated
//! ([`crate::pattern`]), parsed by `regex-syntax`, and its HIR is walked, to
//! build a matching string deterministically and to check a candidate
//! against it (a small set-of-positions matcher: no regex engine needed).

use std::collections::BTreeSet;

use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// The patterns of one derivation step, any of which may match.
#[derive(Debug)]
pub(super) struct StepPatterns {
    /// The patterns as written, for messages.
    pub(super) source: String,
    /// One HIR per pattern, each anchored at both ends.
    pub(super) alternatives: Vec<Hir>,
}

impl StepPatterns {
    /// Parses the patterns of one step.
    pub(super) fn parse(patterns: &[&str]) -> Result<Self, String> {
        let mut alternatives = Vec::with_capacity(patterns.len());
        for pattern in patterns {
            let translated =
                crate::pattern::translate(pattern).map_err(|reason| format!("pattern '{pattern}': {reason}"))?;
            let hir = regex_syntax::Parser::new()
                .parse(&translated)
                .map_err(|error| format!("pattern '{pattern}': {error}"))?;
            alternatives.push(hir);
        }
        Ok(Self { source: patterns.join("|"), alternatives })
    }

    /// Whether `text` matches one of the patterns.
    pub(super) fn matches(&self, text: &str) -> bool {
        let chars: Vec<char> = text.chars().collect();
        self.alternatives.iter().any(|hir| ends(hir, &chars, 0).contains(&chars.len()))
    }
}

/// What a generated string must avoid.
#[derive(Debug, Clone, Copy)]
pub(super) struct Avoid {
    /// No white space at all (list items, collapsed types).
    pub(super) space: bool,
}

/// Strings matching `hir`: the shortest, then longer ones reaching towards
/// `min_chars` by repeating what may repeat. Deterministic.
pub(super) fn candidates(hir: &Hir, min_chars: usize, avoid: Avoid) -> Vec<String> {
    let mut found = Vec::new();
    let mut shortest = String::new();
    if generate(hir, &mut 0, avoid, &mut shortest).is_some() {
        let length = shortest.chars().count();
        found.push(shortest);
        if length < min_chars {
            let mut longer = String::new();
            let mut extra = min_chars - length;
            if generate(hir, &mut extra, avoid, &mut longer).is_some() && !found.contains(&longer) {
                found.push(longer);
            }
        }
    }
    found
}

/// Appends a string matching `hir` to `out`; repetitions that may repeat
/// more take extra iterations while `extra` characters are still wanted.
/// `None` when no string can match (an empty class, a look-around that
/// cannot hold).
fn generate(hir: &Hir, extra: &mut usize, avoid: Avoid, out: &mut String) -> Option<()> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(()),
        HirKind::Literal(literal) => {
            out.push_str(&String::from_utf8_lossy(&literal.0));
            Some(())
        }
        HirKind::Class(class) => {
            out.push(pick(class, avoid)?);
            Some(())
        }
        HirKind::Capture(capture) => generate(&capture.sub, extra, avoid, out),
        HirKind::Concat(parts) => parts.iter().try_for_each(|part| generate(part, extra, avoid, out)),
        HirKind::Alternation(alternatives) => {
            // The shortest alternative that can be generated, the first on a tie.
            let mut best: Option<String> = None;
            for alternative in alternatives {
                let mut candidate = String::new();
                let mut no_extra = 0;
                if generate(alternative, &mut no_extra, avoid, &mut candidate).is_some()
                    && best.as_ref().is_none_or(|best| candidate.chars().count() < best.chars().count())
                {
                    best = Some(candidate);
                }
            }
            out.push_str(&best?);
            Some(())
        }
        HirKind::Repetition(repetition) => {
            for _ in 0..repetition.min {
                generate(&repetition.sub, extra, avoid, out)?;
            }
            let mut count = repetition.min;
            while *extra > 0 && repetition.max.is_none_or(|max| count < max) {
                let mut once = String::new();
                let mut no_extra = 0;
                if generate(&repetition.sub, &mut no_extra, avoid, &mut once).is_none() {
                    break;
                }
                let length = once.chars().count();
                if length == 0 {
                    break;
                }
                out.push_str(&once);
                *extra = extra.saturating_sub(length);
                count += 1;
            }
            Some(())
        }
    }
}

/// The characters tried first, in order: readable, and never in need of
/// escaping or normalization.
const PREFERRED: &str =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.@:/+=,;!#$%*?()[]{}|~^'`\\\"&<> ";

/// A character of `class`: a preferred one if the class has one, otherwise
/// the first character XML allows.
fn pick(class: &Class, avoid: Avoid) -> Option<char> {
    let allowed = |c: char| !(avoid.space && c.is_whitespace()) && is_xml_char(c);
    match class {
        Class::Unicode(class) => {
            let contains = |c: char| class.ranges().iter().any(|range| range.start() <= c && c <= range.end());
            PREFERRED.chars().find(|&c| allowed(c) && contains(c)).or_else(|| {
                class.ranges().iter().find_map(|range| {
                    (u32::from(range.start())..=u32::from(range.end()))
                        .filter_map(char::from_u32)
                        .find(|&c| allowed(c) && !c.is_control() && !c.is_whitespace())
                })
            })
        }
        Class::Bytes(class) => {
            let contains = |c: char| {
                u8::try_from(c)
                    .is_ok_and(|byte| class.ranges().iter().any(|range| range.start() <= byte && byte <= range.end()))
            };
            PREFERRED.chars().find(|&c| allowed(c) && contains(c))
        }
    }
}

/// Whether XML 1.0 allows `c` in a document.
pub(super) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// The positions where a match of `hir` starting at `start` can end.
fn ends(hir: &Hir, text: &[char], start: usize) -> BTreeSet<usize> {
    let mut found = BTreeSet::new();
    match hir.kind() {
        HirKind::Empty => {
            found.insert(start);
        }
        HirKind::Literal(literal) => {
            let literal: Vec<char> = String::from_utf8_lossy(&literal.0).chars().collect();
            if text[start..].starts_with(&literal) {
                found.insert(start + literal.len());
            }
        }
        HirKind::Class(class) => {
            if let Some(&c) = text.get(start) {
                let contains = match class {
                    Class::Unicode(class) => class.ranges().iter().any(|range| range.start() <= c && c <= range.end()),
                    Class::Bytes(class) => u8::try_from(c).is_ok_and(|byte| {
                        class.ranges().iter().any(|range| range.start() <= byte && byte <= range.end())
                    }),
                };
                if contains {
                    found.insert(start + 1);
                }
            }
        }
        HirKind::Look(look) => {
            let holds = match look {
                Look::Start => start == 0,
                Look::End => start == text.len(),
                _ => false,
            };
            if holds {
                found.insert(start);
            }
        }
        HirKind::Capture(capture) => found = ends(&capture.sub, text, start),
        HirKind::Concat(parts) => {
            let mut positions = BTreeSet::from([start]);
            for part in parts {
                positions = positions.iter().flat_map(|&position| ends(part, text, position)).collect();
                if positions.is_empty() {
                    break;
                }
            }
            found = positions;
        }
        HirKind::Alternation(alternatives) => {
            for alternative in alternatives {
                found.extend(ends(alternative, text, start));
            }
        }
        HirKind::Repetition(repetition) => {
            if repetition.min == 0 {
                found.insert(start);
            }
            let mut frontier = BTreeSet::from([start]);
            let mut count: u32 = 0;
            while !frontier.is_empty() && repetition.max.is_none_or(|max| count < max) {
                let next: BTreeSet<usize> =
                    frontier.iter().flat_map(|&position| ends(&repetition.sub, text, position)).collect();
                count += 1;
                if count >= repetition.min {
                    // A position reached again with more iterations spent
                    // has nothing new to offer.
                    frontier = next.difference(&found).copied().collect();
                    found.extend(next);
                } else {
                    frontier = next;
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(patterns: &[&str]) -> StepPatterns {
        StepPatterns::parse(patterns).unwrap()
    }

    fn shortest(pattern: &str) -> String {
        let parsed = step(&[pattern]);
        candidates(&parsed.alternatives[0], 0, Avoid { space: false }).remove(0)
    }

    #[test]
    fn the_shortest_match_is_built_from_preferred_characters() {
        assert_eq!(shortest(r"[A-Z]{3}-\d{2}"), "AAA-00");
        assert_eq!(shortest(r"[^@\s]+@[^@\s]+"), "a@a");
        assert_eq!(shortest("yes|no"), "no");
        assert_eq!(shortest(r"[A-Za-z]\S*"), "a");
        assert_eq!(shortest("[a-z-[aeiou]]+"), "b");
        assert_eq!(shortest(r"^$[a-z.]+\\"), r"^$a\");
        assert_eq!(shortest(r"\i\c*"), "a");
        assert_eq!(shortest(r"\w+"), "a");
        assert_eq!(shortest(r"[\p{Lu}]"), "A");
    }

    #[test]
    fn longer_matches_repeat_what_may_repeat() {
        let parsed = step(&[r#"[^\s"]*"#]);
        let found = candidates(&parsed.alternatives[0], 4, Avoid { space: true });
        assert_eq!(found, ["", "aaaa"]);
    }

    #[test]
    fn matching_follows_xsd() {
        let email = step(&[r"[^@\s]+@[^@\s]+"]);
        assert!(email.matches("a@b.c"));
        assert!(!email.matches("a b@c"));
        assert!(!email.matches("x a@b"), "anchored");
        let either = step(&["yes", "no"]);
        assert!(either.matches("no") && either.matches("yes") && !either.matches("maybe"));
        let repeated = step(&["(ab|a)*b{2,3}"]);
        assert!(repeated.matches("abaabbb"));
        assert!(repeated.matches("bb"));
        assert!(!repeated.matches("abb b"));
        assert!(step(&[""]).matches(""));
        assert!(step(&["a{0}"]).matches(""));
        assert!(!step(&["a{2}"]).matches("aaa"));
    }
}
