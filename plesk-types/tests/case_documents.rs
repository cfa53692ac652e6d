//! The generator's cases (`codegen/tests/cases/<feature>/`), compiled and run.
//!
//! Each case's generated code is included exactly as the `cases` test
//! of `plesk-codegen` snapshots it, so it must compile here without warnings
//! (clippy included). Then, for each case:
//!
//! - every `ok/*.xml` is valid for `xmllint --schema`, reads with the root
//!   type of its root element, passes `validate()`, is written back by
//!   `to_xml()` into a document that reads back as an equal value, that
//!   holds the same elements, attributes and text as the original (elements
//!   compared by name, so `xs:all` may reorder them; a document starting
//!   with `<!-- normalized: REASON -->` has its text compared with white
//!   space collapsed), and that `xmllint` accepts too;
//! - every `bad/*.xml` is rejected by `xmllint` and by us (`from_xml` or
//!   `validate()` fails), and our message contains the fragment of its
//!   leading `<!-- expect: ... -->` comment.
//!
//! `xmllint` (Debian package `libxml2-utils`) must be installed: without it
//! the tests fail, they never skip.

use std::fmt::Debug;
use std::path::{Path, PathBuf};

use plesk_types::xml::{ReadError, ValidationErrors};

#[path = "../../codegen/tests/support/files.rs"]
mod files;
use files::{expectation, xml_files};

#[path = "../../codegen/tests/support/xmllint.rs"]
mod xmllint;

#[path = "support/case_module.rs"]
#[macro_use]
mod case_module;

/// One module and one test per case: `case { "root-element" => RootType,
/// ... }`, the root types being those of the case's module. Adding a case
/// is one line here; `every_case_is_compiled_and_run` says when one is
/// missing.
macro_rules! cases {
    ($($case:ident { $($element:literal => $root:ident),+ $(,)? })*) => {
        /// Every case this file runs.
        const CASES: &[&str] = &[$(stringify!($case)),*];

        $(
            case_module!($case);

            #[test]
            fn $case() {
                run_case(stringify!($case), &[$(Root {
                    element: $element,
                    outcome: |text| outcome(text, $case::$root::from_xml, $case::$root::validate, $case::$root::to_xml),
                }),+]);
            }
        )*
    };
}

cases! {
    all { "config" => Config }
    all_optional { "extras" => Extras }
    any { "envelope" => Envelope }
    any_attribute { "items" => Items }
    any_namespace_constraint { "doc" => Doc }
    any_namespace_lists { "parts" => Parts }
    any_namespace_on_ancestor { "doc" => Doc }
    any_namespace_target { "shipment" => BoxType }
    any_namespaced { "doc" => Doc }
    any_type { "note" => Note }
    attribute_group { "record" => Record }
    attributes { "server" => Server }
    choice_in_sequence { "contact" => Contact }
    choice_large_variant { "contact" => Contact }
    configured_attributes { "ticket" => Ticket }
    operation_result { "results" => Results }
    operators { "request" => Request, "response" => Response }
    choice_nested { "shape" => Shape }
    choice_repeated { "playlist" => Playlist, "mix" => Mix }
    choice_sequence_alternative { "login" => Login }
    choice_type { "payment" => Payment }
    decimal_newtype { "amounts" => Amounts }
    derives { "catalog" => Catalog }
    documentation { "task" => Task, "note" => Note }
    element_default { "options" => Options }
    element_ref { "post" => Post, "comment" => Comment, "author" => Author, "stamp" => Stamp }
    empty_sequence { "empty" => EmptySequence }
    enumeration { "palette" => Palette }
    extension { "kennel" => Kennel }
    facets_bounds { "bounds" => Bounds }
    facets_digits { "amounts" => Amounts }
    facets_length { "codes" => Codes }
    facets_pattern { "patterns" => Patterns }
    facets_whitespace { "texts" => Texts }
    group_optional_flattened { "box" => BoxType }
    group_optional_sequence { "person" => Person }
    group_ref { "directory" => Directory }
    group_repeated_sequence { "settings" => Settings }
    groups_degenerate { "groups" => Groups }
    groups_identical { "requests" => Requests }
    import { "invoice" => Invoice, "cash" => Money }
    include { "shipment" => Shipment }
    list { "lists" => Lists }
    list_enumeration { "pair" => Pair2 }
    list_length_facets { "lists" => Lists }
    mixed_empty { "para" => Para }
    names { "names" => Names }
    names_locals { "locals" => Locals, "unordered" => Unordered }
    names_runtime_traits { "validate" => ValidateType }
    names_self_collision { "names" => Names }
    nillable { "record" => Record }
    recursive { "tree" => Node, "expr" => Expr }
    repeated_group_paths { "settings" => Settings }
    restriction { "addresses" => Addresses }
    roots { "number" => Number, "color" => Color2, "code" => Code, "numbers" => Numbers2, "request" => Request, "response" => Response }
    sequence { "order" => Order }
    simple_content_extension { "prices" => Prices }
    simple_content_restriction { "readings" => Readings }
    strategies { "order" => Order }
    text_escaping { "texts" => Texts }
    union { "sizes" => Sizes }
    union_member_facets { "limits" => Limits }
}

/// A case directory not listed here would silently go untested.
#[test]
fn every_case_is_compiled_and_run() {
    let mut on_disk: Vec<String> = std::fs::read_dir(cases_dir())
        .expect("codegen/tests/cases is readable")
        .map(|entry| entry.expect("readable case directory").path())
        .filter(|path| path.is_dir())
        .map(|path| path.file_name().expect("a case has a name").to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = CASES.iter().map(|&case| case.to_owned()).collect();
    listed.sort();
    assert_eq!(on_disk, listed, "the cases under codegen/tests/cases/ and those this file includes differ");
}

/// A root type of a case, its document methods behind one function.
struct Root {
    element: &'static str,
    outcome: fn(&str) -> Outcome,
}

/// What reading a document gave.
enum Outcome {
    /// `from_xml` failed.
    Unreadable(String),
    /// `from_xml` succeeded, `validate()` failed.
    Invalid(String),
    /// Read and valid: the document `to_xml()` wrote, and whether it reads
    /// back as an equal value.
    Valid { written: String, reread: Result<(), String> },
}

fn outcome<T: PartialEq + Debug>(
    text: &str,
    from_xml: fn(&str) -> Result<T, ReadError>,
    validate: fn(&T) -> Result<(), ValidationErrors>,
    to_xml: fn(&T) -> String,
) -> Outcome {
    let value = match from_xml(text) {
        Ok(value) => value,
        Err(error) => return Outcome::Unreadable(error.to_string()),
    };
    if let Err(errors) = validate(&value) {
        return Outcome::Invalid(errors.to_string());
    }
    let written = to_xml(&value);
    let reread = match from_xml(&written) {
        Ok(again) if again == value => Ok(()),
        Ok(again) => Err(format!("reads back as another value:\n  read:    {value:?}\n  re-read: {again:?}")),
        Err(error) => Err(format!("cannot be read back: {error}")),
    };
    Outcome::Valid { written, reread }
}

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("codegen/tests/cases")
}

fn run_case(case: &str, roots: &[Root]) {
    let dir = cases_dir().join(case);
    let schema = dir.join("schema.xsd");
    let mut failures = Vec::new();
    let ok = xml_files(&dir.join("ok"));
    assert!(!ok.is_empty(), "case {case} has no ok/*.xml");
    for path in ok {
        if let Err(failure) = check_ok(&schema, &path, roots) {
            failures.push(format!("{}: {failure}", path.display()));
        }
    }
    for path in xml_files(&dir.join("bad")) {
        if let Err(failure) = check_bad(&schema, &path, roots) {
            failures.push(format!("{}: {failure}", path.display()));
        }
    }
    assert!(failures.is_empty(), "case {case}:\n{}", failures.join("\n\n"));
}

fn check_ok(schema: &Path, path: &Path, roots: &[Root]) -> Result<(), String> {
    let text = read(path);
    xmllint(schema, &text).map_err(|error| format!("xmllint rejects this ok document:\n{error}"))?;
    let element = root_element(&text).ok_or("not well-formed XML")?;
    let root = roots
        .iter()
        .find(|root| root.element == element)
        .ok_or_else(|| format!("no root type for <{element}> in the case's list"))?;
    let (written, reread) = match (root.outcome)(&text) {
        Outcome::Unreadable(error) => return Err(format!("from_xml fails:\n{error}")),
        Outcome::Invalid(errors) => return Err(format!("validate() fails:\n{errors}")),
        Outcome::Valid { written, reread } => (written, reread),
    };
    reread.map_err(|error| format!("the document to_xml() writes {error}\nwritten: {written}"))?;
    // A document whose text the schema normalizes (an enumeration value
    // with white space to collapse, say) says so in a leading comment; its
    // text is then compared with white space collapsed.
    let collapse = text.trim_start().starts_with("<!-- normalized:");
    let original = infoset(&text, collapse)?;
    let copy = infoset(&written, collapse).map_err(|error| format!("to_xml() wrote {error}\nwritten: {written}"))?;
    if original != copy {
        return Err(format!(
            "to_xml() writes other content than was read\noriginal:\n{original}\nwritten:\n{copy}\nas XML: {written}"
        ));
    }
    xmllint(schema, &written).map_err(|error| format!("xmllint rejects what to_xml() wrote:\n{written}\n{error}"))
}

fn check_bad(schema: &Path, path: &Path, roots: &[Root]) -> Result<(), String> {
    let text = read(path);
    let expected = expectation(&text).ok_or("a bad document starts with <!-- expect: FRAGMENT -->")?;
    if xmllint(schema, &text).is_ok() {
        return Err("xmllint accepts this bad document".to_owned());
    }
    // A document with an unknown root (or no root) is tried with the first root type.
    let element = root_element(&text);
    let root = roots.iter().find(|root| Some(root.element) == element.as_deref()).unwrap_or(&roots[0]);
    let message = match (root.outcome)(&text) {
        Outcome::Unreadable(message) | Outcome::Invalid(message) => message,
        Outcome::Valid { written, .. } => {
            return Err(format!("xmllint rejects it, we accept it (and write {written})"));
        }
    };
    if message.contains(expected) {
        Ok(())
    } else {
        Err(format!("rejected, but the message does not contain '{expected}':\n{message}"))
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn root_element(text: &str) -> Option<String> {
    let document = roxmltree::Document::parse(text).ok()?;
    Some(document.root_element().tag_name().name().to_owned())
}

/// Validates `document` against `schema` with xmllint; the error is what
/// xmllint says. A schema that does not compile fails the test.
fn xmllint(schema: &Path, document: &str) -> Result<(), String> {
    let verdict = xmllint::validate(schema, document);
    if verdict.valid { Ok(()) } else { Err(verdict.report) }
}

/// The elements, attributes and text of a document, one line each, for
/// comparing a document with what was written back. Namespace declarations,
/// comments and the layout between elements do not count; an element's
/// children are sorted by name (stably) unless text is mixed in, so that
/// `xs:all` content written in schema order compares equal. With `collapse`,
/// runs of white space in text count as one space, and leading and trailing
/// white space does not count.
fn infoset(text: &str, collapse: bool) -> Result<String, String> {
    let document = roxmltree::Document::parse(text).map_err(|error| format!("not well-formed XML: {error}"))?;
    let mut lines = String::new();
    describe(document.root_element(), 0, collapse, &mut lines);
    Ok(lines)
}

fn describe(node: roxmltree::Node<'_, '_>, depth: usize, collapse: bool, lines: &mut String) {
    let indent = "  ".repeat(depth);
    lines.push_str(&format!("{indent}<{}>\n", expanded_name(node.tag_name())));
    let mut attributes: Vec<String> = node
        .attributes()
        .filter(|attribute| attribute.namespace() != Some("http://www.w3.org/2001/XMLSchema-instance"))
        .map(|attribute| {
            let name = match attribute.namespace() {
                Some(namespace) => format!("{{{namespace}}}{}", attribute.name()),
                None => attribute.name().to_owned(),
            };
            format!("{indent}  @{name}={:?}\n", attribute.value())
        })
        .collect();
    attributes.sort();
    attributes.iter().for_each(|attribute| lines.push_str(attribute));
    let elements: Vec<_> = node.children().filter(roxmltree::Node::is_element).collect();
    let text: String = node.children().filter(roxmltree::Node::is_text).filter_map(|child| child.text()).collect();
    let text = if collapse { text.split_whitespace().collect::<Vec<_>>().join(" ") } else { text };
    if elements.is_empty() {
        if !text.is_empty() {
            lines.push_str(&format!("{indent}  {text:?}\n"));
        }
        return;
    }
    let mixed = !text.chars().all(|c| matches!(c, ' ' | '\t' | '\n' | '\r'));
    if mixed {
        for child in node.children() {
            if child.is_element() {
                describe(child, depth + 1, collapse, lines);
            } else if let Some(text) = child.text().filter(|text| !text.trim().is_empty()) {
                lines.push_str(&format!("{indent}  {text:?}\n"));
            }
        }
    } else {
        let mut sorted = elements;
        sorted.sort_by_key(|child| expanded_name(child.tag_name()));
        for child in sorted {
            describe(child, depth + 1, collapse, lines);
        }
    }
}

fn expanded_name(name: roxmltree::ExpandedName<'_, '_>) -> String {
    match name.namespace() {
        Some(namespace) => format!("{{{namespace}}}{}", name.name()),
        None => name.name().to_owned(),
    }
}

/// An empty element whose declaration has a `default` has the default value
/// (XSD 1.0, Element Locally Valid 5.1.2); written back, the value is
/// written out, which means the same.
#[test]
fn an_empty_element_with_a_default_has_the_default_value() {
    let options = element_default::Options::from_xml("<options><retries/><mode></mode><label/></options>")
        .expect("empty elements with defaults are valid");
    assert_eq!(options.retries, Some(3));
    assert_eq!(options.mode, Some(element_default::Mode::Fast));
    assert_eq!(options.label.as_deref(), Some("none"));
    options.validate().expect("the defaults are valid values");
    assert_eq!(options.to_xml(), "<options><retries>3</retries><mode>fast</mode><label>none</label></options>");
    let absent = element_default::Options::from_xml("<options/>").expect("all optional");
    assert_eq!((absent.retries, absent.mode, absent.label), (None, None, None), "absent is not empty");
}
