//! Patterns that are a sequence of character runs, matched without a
//! regular expression engine.
//!
//! Many schema patterns are of the form `\A[^@\t\n\r ]+@[^@\t\n\r ]+\z`: a
//! sequence of steps, each a character class (or one character) repeated a
//! number of times, where a character can never be claimed by two steps
//! that may meet. Such a pattern decides every string in one pass: each step
//! takes the longest run of its characters (up to its maximum), since the
//! character after the run belongs to no step that could take it instead
//! (see [`Runs::parse`] for the condition). That is a few comparisons per
//! character instead of `regex-lite`'s general search, with the same
//! verdict on every string (the tests compare the two).
//!
//! The patterns come from the generator (`codegen/src/pattern/explicit.rs`),
//! which writes every class as explicit ranges: characters as themselves
//! (metacharacters escaped with `\`), `\t`, `\n`, `\r` or `\x{...}`. Anything
//! else (groups, alternation, lazy repetition) is left to `regex-lite`.

use std::iter::Peekable;
use std::str::Chars;

/// The largest character.
const MAX_CHAR: u32 = 0x10_FFFF;

/// One step: a set of characters, repeated `min` to `max` times.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Step {
    /// Whether each byte is an ASCII member (a table: one load per byte;
    /// bytes from 0x80, which start or continue other characters, are not).
    bytes: [bool; 256],
    /// Every member, as sorted, disjoint, non-adjacent inclusive ranges.
    ranges: Vec<(u32, u32)>,
    /// Fewest repetitions.
    min: usize,
    /// Most repetitions (`None`: unbounded).
    max: Option<usize>,
}

impl Step {
    fn contains(&self, c: char) -> bool {
        let code = u32::from(c);
        if code < 0x80 {
            return self.bytes[code as usize];
        }
        let index = self.ranges.partition_point(|&(_, end)| end < code);
        self.ranges.get(index).is_some_and(|&(start, _)| start <= code)
    }
}

/// A pattern that is a sequence of character runs (see the module doc).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Runs {
    steps: Vec<Step>,
}

impl Runs {
    /// The runs of the translated pattern `regex`, if it is anchored at both
    /// ends and only a sequence of classes or characters, each with an
    /// optional greedy repetition, and no two steps that can meet (a step
    /// and the next one, or a later one when every step between can be
    /// empty) share a character. `None` otherwise: the caller keeps the
    /// regular expression.
    pub fn parse(regex: &str) -> Option<Self> {
        let body = regex.strip_prefix(r"\A")?.strip_suffix(r"\z")?;
        let mut chars = body.chars().peekable();
        let mut steps = Vec::new();
        while chars.peek().is_some() {
            let ranges = match chars.next()? {
                '[' => class(&mut chars)?,
                '\\' => {
                    let c = escaped(&mut chars)?;
                    vec![(c, c)]
                }
                c if is_meta(c) => return None,
                c => vec![(u32::from(c), u32::from(c))],
            };
            let (min, max) = repetition(&mut chars)?;
            steps.push(Step { bytes: ascii_table(&ranges), ranges, min, max });
        }
        let runs = Self { steps };
        runs.greedy_is_exact().then_some(runs)
    }

    /// Whether no character can be claimed by two steps that may meet.
    fn greedy_is_exact(&self) -> bool {
        self.steps.iter().enumerate().all(|(index, step)| {
            let mut later = self.steps[index + 1..].iter();
            loop {
                let Some(next) = later.next() else { return true };
                if intersect(&step.ranges, &next.ranges) {
                    return false;
                }
                if next.min > 0 {
                    return true;
                }
            }
        })
    }

    /// Whether the whole of `value` matches. Runs of ASCII members are
    /// scanned by byte, one table lookup each; other characters are decoded
    /// where they start.
    pub fn is_match(&self, value: &str) -> bool {
        let bytes = value.as_bytes();
        let mut at: usize = 0;
        for step in &self.steps {
            let max = step.max.unwrap_or(usize::MAX);
            let mut count = 0;
            while count < max {
                // An ASCII character is one byte: the run cannot pass `max`.
                let end = at.saturating_add(max - count).min(bytes.len());
                let run = bytes.get(at..end).unwrap_or_default();
                let ascii = run.iter().take_while(|&&byte| step.bytes[usize::from(byte)]).count();
                at += ascii;
                count += ascii;
                if count == max {
                    break;
                }
                match value.get(at..).and_then(|rest| rest.chars().next()) {
                    Some(c) if !c.is_ascii() && step.contains(c) => {
                        at += c.len_utf8();
                        count += 1;
                    }
                    _ => break,
                }
            }
            if count < step.min {
                return false;
            }
        }
        at == bytes.len()
    }
}

/// Whether `c` means something outside a class.
fn is_meta(c: char) -> bool {
    matches!(c, '(' | ')' | '|' | '?' | '*' | '+' | '{' | '}' | '.' | '^' | '$' | ']')
}

/// The ranges of a class whose `[` was read, complemented if it starts with `^`.
fn class(chars: &mut Peekable<Chars<'_>>) -> Option<Vec<(u32, u32)>> {
    let negated = chars.next_if_eq(&'^').is_some();
    let mut ranges = Vec::new();
    loop {
        let start = match chars.next()? {
            ']' => break,
            '\\' => escaped(chars)?,
            '[' => return None,
            c => u32::from(c),
        };
        let end = if chars.next_if_eq(&'-').is_some() {
            match chars.next()? {
                '\\' => escaped(chars)?,
                ']' | '[' => return None,
                c => u32::from(c),
            }
        } else {
            start
        };
        if end < start {
            return None;
        }
        ranges.push((start, end));
    }
    let ranges = normalized(ranges);
    Some(if negated { complement(&ranges) } else { ranges })
}

/// The character of an escape whose `\` was read: a metacharacter, `\t`,
/// `\n`, `\r` or `\x{...}`; `None` for anything else (`\A`, `\d`, ...).
fn escaped(chars: &mut Peekable<Chars<'_>>) -> Option<u32> {
    match chars.next()? {
        't' => Some(0x9),
        'n' => Some(0xA),
        'r' => Some(0xD),
        'x' => {
            if chars.next()? != '{' {
                return None;
            }
            let mut code = 0u32;
            let mut digits = 0;
            loop {
                match chars.next()? {
                    '}' if digits > 0 => break,
                    c => {
                        code = code.checked_mul(16)?.checked_add(c.to_digit(16)?)?;
                        digits += 1;
                    }
                }
            }
            char::from_u32(code).map(u32::from)
        }
        c if c.is_ascii_punctuation() => Some(u32::from(c)),
        _ => None,
    }
}

/// A repetition after an atom: `*`, `+`, `?`, `{m}`, `{m,}`, `{m,n}`, or
/// none (once). `None` for a lazy repetition or a malformed one.
fn repetition(chars: &mut Peekable<Chars<'_>>) -> Option<(usize, Option<usize>)> {
    let bounds = match chars.peek() {
        Some('*') => (0, None),
        Some('+') => (1, None),
        Some('?') => (0, Some(1)),
        Some('{') => {
            chars.next();
            let mut text = String::new();
            loop {
                match chars.next()? {
                    '}' => break,
                    c => text.push(c),
                }
            }
            let bounds = match text.split_once(',') {
                None => {
                    let count = text.parse().ok()?;
                    (count, Some(count))
                }
                Some((min, "")) => (min.parse().ok()?, None),
                Some((min, max)) => (min.parse().ok()?, Some(max.parse().ok()?)),
            };
            if chars.peek() == Some(&'?') || bounds.1.is_some_and(|max| max < bounds.0) {
                return None;
            }
            return Some(bounds);
        }
        _ => return Some((1, Some(1))),
    };
    chars.next();
    if chars.peek() == Some(&'?') {
        return None;
    }
    Some(bounds)
}

/// `ranges` sorted, with overlapping and adjacent ranges merged.
fn normalized(mut ranges: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    ranges.sort_unstable();
    let mut merged: Vec<(u32, u32)> = Vec::with_capacity(ranges.len());
    for (start, end) in ranges {
        match merged.last_mut() {
            Some((_, last_end)) if start <= last_end.saturating_add(1) => *last_end = (*last_end).max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// Every character not in the normalized `ranges`.
fn complement(ranges: &[(u32, u32)]) -> Vec<(u32, u32)> {
    let mut out = Vec::with_capacity(ranges.len() + 1);
    let mut next = 0u32;
    for &(start, end) in ranges {
        if start > next {
            out.push((next, start - 1));
        }
        next = end + 1;
    }
    if next <= MAX_CHAR {
        out.push((next, MAX_CHAR));
    }
    out
}

/// Whether two normalized range lists share a character.
fn intersect(left: &[(u32, u32)], right: &[(u32, u32)]) -> bool {
    let (mut i, mut j) = (0, 0);
    while let (Some(&(a_start, a_end)), Some(&(b_start, b_end))) = (left.get(i), right.get(j)) {
        if a_start <= b_end && b_start <= a_end {
            return true;
        }
        if a_end < b_end {
            i += 1;
        } else {
            j += 1;
        }
    }
    false
}

/// Whether each byte is an ASCII character in `ranges`.
fn ascii_table(ranges: &[(u32, u32)]) -> [bool; 256] {
    let mut table = [false; 256];
    for &(start, end) in ranges {
        for code in start..=end.min(127) {
            table[code as usize] = true;
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use regex_lite::Regex;

    use super::Runs;

    /// Patterns of the run form, as the generator writes them.
    const RUNS: &[&str] = &[
        r"\A[^\t\n\r @]+@[^\t\n\r @]+\z",
        r"\A[0-9]+\z",
        r"\A[0-9]{1,3}\.[0-9]{1,3}\z",
        r"\A[a-z]*[0-9]+\z",
        r"\A[A-Z]?[a-z]{2,}[\-_]?[0-9]{0,4}\z",
        r"\A\x{E9}[^\x{E9}a]*a\z",
        r"\A[\+\-]?[0-9]{3}\z",
        r"\Ax\z",
    ];

    /// Patterns the run matcher must leave to the regular expression.
    const NOT_RUNS: &[&str] = &[
        r"\A[a-z]+[a-c]\z",
        r"\A[a-z]*[0-9]?[a-z]\z",
        r"\A(?:ab)+\z",
        r"\Aa|b\z",
        r"\Aa+?\z",
        r"[0-9]+",
        r"\A[0-9]+",
        r"\A.\z",
        r"\A\d\z",
        r"\A[a-z]{2,1}\z",
    ];

    #[test]
    fn run_patterns_are_recognised_and_others_are_not() {
        for pattern in RUNS {
            assert!(Runs::parse(pattern).is_some(), "{pattern} is a sequence of runs");
        }
        for pattern in NOT_RUNS {
            assert!(Runs::parse(pattern).is_none(), "{pattern} is not a sequence of runs");
        }
    }

    #[test]
    fn the_email_pattern_decides_the_usual_cases() {
        let runs = Runs::parse(r"\A[^\t\n\r @]+@[^\t\n\r @]+\z").expect("runs");
        assert!(runs.is_match("user1@example.com"));
        assert!(runs.is_match("é@ü"));
        for refused in ["", "@", "a@", "@b", "a@@b", "a b@c", "a@b\tc", "a@b@c"] {
            assert!(!runs.is_match(refused), "{refused:?}");
        }
    }

    /// Strings over the characters the test patterns care about.
    fn candidates() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just('a'),
                Just('b'),
                Just('z'),
                Just('A'),
                Just('0'),
                Just('9'),
                Just('.'),
                Just('@'),
                Just(' '),
                Just('\t'),
                Just('-'),
                Just('+'),
                Just('_'),
                Just('x'),
                Just('é'),
                any::<char>(),
            ],
            0..12,
        )
        .prop_map(|chars| chars.into_iter().collect())
    }

    proptest! {
        #[test]
        fn runs_agree_with_the_regular_expression(value in candidates()) {
            for pattern in RUNS {
                let runs = Runs::parse(pattern).expect("runs");
                let regex = Regex::new(pattern).expect("the pattern compiles");
                prop_assert_eq!(runs.is_match(&value), regex.is_match(&value), "{} on {:?}", pattern, value);
            }
        }
    }
}
