//! A translated pattern written out with explicit character ranges, in the
//! syntax that `regex`, `regex-lite` and `regex-syntax` all read the same.
//!
//! The runtime matches patterns with `regex-lite`, which knows no Unicode
//! classes (`\p{L}`, Unicode `\d`) and no class set operations (`--`):
//! the translation is parsed with `regex-syntax`, which resolves both into
//! ranges of characters, and printed back. Characters outside printable
//! ASCII are written `\x{...}`, so that the generated string shows what it
//! matches; a class is written negated (`[^@\t\n\r ]`) when that takes
//! fewer ranges.

use std::fmt::Write as _;

use regex_syntax::hir::{Class, ClassUnicode, Hir, HirKind, Look};

/// `translated` (the `regex` crate's syntax) with every class written as
/// ranges of characters.
pub fn explicit(translated: &str) -> Result<String, String> {
    let hir = regex_syntax::Parser::new().parse(translated).map_err(|error| error.to_string())?;
    let mut out = String::with_capacity(translated.len());
    write_hir(&hir, &mut out)?;
    Ok(out)
}

fn write_hir(hir: &Hir, out: &mut String) -> Result<(), String> {
    match hir.kind() {
        HirKind::Empty => out.push_str("(?:)"),
        HirKind::Literal(literal) => {
            let text = std::str::from_utf8(&literal.0).map_err(|_| "a literal that is not UTF-8".to_owned())?;
            for c in text.chars() {
                write_char(c, out);
            }
        }
        HirKind::Class(Class::Unicode(class)) => write_class(class, out),
        HirKind::Class(Class::Bytes(_)) => return Err("a class of bytes, not characters".to_owned()),
        HirKind::Look(Look::Start) => out.push_str(r"\A"),
        HirKind::Look(Look::End) => out.push_str(r"\z"),
        HirKind::Look(look) => return Err(format!("the assertion {look:?}, which no translation produces")),
        HirKind::Repetition(repetition) => {
            write_atom(&repetition.sub, out)?;
            match (repetition.min, repetition.max) {
                (0, None) => out.push('*'),
                (1, None) => out.push('+'),
                (0, Some(1)) => out.push('?'),
                (min, None) => write!(out, "{{{min},}}").expect("writing to a String"),
                (min, Some(max)) if min == max => write!(out, "{{{min}}}").expect("writing to a String"),
                (min, Some(max)) => write!(out, "{{{min},{max}}}").expect("writing to a String"),
            }
            if !repetition.greedy {
                out.push('?');
            }
        }
        // Groups only group: nothing reads what they captured.
        HirKind::Capture(capture) => write_hir(&capture.sub, out)?,
        HirKind::Concat(parts) => {
            for part in parts {
                let part = ungrouped(part);
                match part.kind() {
                    HirKind::Alternation(_) => write_group(part, out)?,
                    _ => write_hir(part, out)?,
                }
            }
        }
        HirKind::Alternation(branches) => {
            for (index, branch) in branches.iter().enumerate() {
                if index > 0 {
                    out.push('|');
                }
                write_hir(branch, out)?;
            }
        }
    }
    Ok(())
}

/// `hir` without the capture groups around it.
fn ungrouped(mut hir: &Hir) -> &Hir {
    while let HirKind::Capture(capture) = hir.kind() {
        hir = &capture.sub;
    }
    hir
}

/// What a repetition repeats: one character, class or group.
fn write_atom(hir: &Hir, out: &mut String) -> Result<(), String> {
    let hir = ungrouped(hir);
    match hir.kind() {
        HirKind::Literal(literal) if std::str::from_utf8(&literal.0).is_ok_and(|text| text.chars().count() == 1) => {
            write_hir(hir, out)
        }
        HirKind::Class(_) => write_hir(hir, out),
        _ => write_group(hir, out),
    }
}

fn write_group(hir: &Hir, out: &mut String) -> Result<(), String> {
    out.push_str("(?:");
    write_hir(hir, out)?;
    out.push(')');
    Ok(())
}

/// `[...]`, or `[^...]` when the complement has fewer ranges.
fn write_class(class: &ClassUnicode, out: &mut String) {
    let mut complement = class.clone();
    complement.negate();
    let (negated, ranges) = if complement.ranges().len() < class.ranges().len() && !complement.ranges().is_empty() {
        (true, complement)
    } else {
        (false, class.clone())
    };
    if ranges.ranges().is_empty() {
        // Matches no character; `[]` would not parse.
        out.push_str(r"[^\x{0}-\x{10FFFF}]");
        return;
    }
    out.push('[');
    if negated {
        out.push('^');
    }
    for range in ranges.ranges() {
        write_char(range.start(), out);
        if range.end() != range.start() {
            if u32::from(range.end()) > u32::from(range.start()) + 1 {
                out.push('-');
            }
            write_char(range.end(), out);
        }
    }
    out.push(']');
}

/// A character as itself when it is printable ASCII (escaped when it means
/// something to a regular expression), as `\t`, `\n`, `\r`, and as
/// `\x{...}` otherwise.
fn write_char(c: char, out: &mut String) {
    match c {
        '\t' => out.push_str(r"\t"),
        '\n' => out.push_str(r"\n"),
        '\r' => out.push_str(r"\r"),
        ' '..='~' => {
            if regex_syntax::is_meta_character(c) {
                out.push('\\');
            }
            out.push(c);
        }
        _ => write!(out, "\\x{{{:X}}}", u32::from(c)).expect("writing to a String"),
    }
}
