//! The bundled schemas have exactly the structure of the real ones: the tree
//! drawn from our schema model matches, line for line, the trees read off
//! Plesk's published schema pictures (`../shared/reference/*.tree`).

use plesk_codegen::model::Schema;
use plesk_codegen::{Config, tree};

#[path = "support/envelope.rs"]
mod envelope;
#[path = "support/files.rs"]
mod files;
use envelope::{operators, packet};
use files::workspace;

fn schema(version: &str) -> Schema {
    let mut config = Config::new();
    config.schema(workspace().join("schemas").join(version));
    plesk_codegen::load(&config).unwrap_or_else(|error| panic!("schemas/{version}: {error}"))
}

/// A reference tree without its comment header.
fn reference(name: &str) -> String {
    let path = workspace().join("../shared/reference").join(format!("{name}.tree"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    text.lines().filter(|line| !line.starts_with('#')).map(|line| format!("{line}\n")).collect()
}

/// Applies the schema's documented deviations from a reference tree: each
/// replaces a whole line (indentation aside) and must apply exactly
/// `expected` times, so that a deviation cannot spread unnoticed.
fn with_deviations(tree: &str, deviations: &[(&str, &str, usize)]) -> String {
    let mut lines: Vec<String> = tree.lines().map(str::to_owned).collect();
    for (from, to, expected) in deviations {
        let mut applied = 0;
        for line in &mut lines {
            if line.trim() == *from {
                *line = line.replacen(from, to, 1);
                applied += 1;
            }
        }
        assert_eq!(applied, *expected, "deviation {from:?} -> {to:?}");
    }
    lines.iter().map(|line| format!("{line}\n")).collect()
}

/// The envelope's tree as the reference draws it: every operator collapsed,
/// and the operators other than user and webuser left out (their structure
/// is checked against the whole-API corpus by `schemas_match_corpus.rs`).
fn envelope_tree(schema: &Schema, envelope: &str) -> String {
    let operators = operators(schema, envelope);
    let collapse: Vec<&str> = operators.iter().map(String::as_str).collect();
    let others: Vec<String> = operators
        .iter()
        .filter(|name| !matches!(name.as_str(), "user" | "webuser"))
        .map(|name| format!("element: {name} | "))
        .collect();
    let drawn = tree::draw_global(schema, packet(schema, envelope), &collapse);
    let left_out =
        drawn.lines().filter(|line| others.iter().any(|other| line.trim_start().starts_with(other.as_str())));
    assert_eq!(left_out.count(), others.len(), "{envelope}: each operator left out is one line");
    drawn
        .lines()
        .filter(|line| !others.iter().any(|other| line.trim_start().starts_with(other.as_str())))
        .map(|line| format!("{line}\n"))
        .collect()
}

fn operator_tree(schema: &Schema, envelope: &str, operator: &str) -> String {
    let element = tree::find_element(schema, packet(schema, envelope), &[operator])
        .unwrap_or_else(|| panic!("no <{operator}> in the <packet> of {envelope}"));
    tree::draw_element(schema, &element, &[])
}

#[test]
fn request_envelope_matches_the_reference() {
    let schema = schema("1.6.8.0");
    assert_eq!(envelope_tree(&schema, "agent_input.xsd"), reference("1.6.8.0-packet-request"));
}

#[test]
fn response_envelope_matches_the_reference() {
    let schema = schema("1.6.8.0");
    assert_eq!(envelope_tree(&schema, "agent_output.xsd"), reference("1.6.8.0-packet-response"));
}

#[test]
fn user_operator_matches_the_reference() {
    let schema = schema("1.6.8.0");
    assert_eq!(operator_tree(&schema, "agent_input.xsd", "user"), reference("1.6.8.0-user-request"));
    assert_eq!(operator_tree(&schema, "agent_output.xsd", "user"), reference("1.6.8.0-user-response"));
}

#[test]
fn webuser_operator_matches_the_reference_but_for_the_documented_facets() {
    let schema = schema("1.6.8.0");
    // The pictures draw webuser add `login` and the add and set `password` as
    // plain strings; the documented facets (a login begins with a letter and
    // has no white space; a password is 4..64 characters without white space
    // or quotes) need a restriction, so these three are anonymous
    // restrictions of xs:string. webuser.xsd comments each.
    let expected = with_deviations(
        &reference("1.6.8.0-webuser-request"),
        &[
            ("element: login | type: string", "element: login | base: string", 1),
            ("element: password | type: string", "element: password | base: string", 2),
        ],
    );
    assert_eq!(operator_tree(&schema, "agent_input.xsd", "webuser"), expected);
    assert_eq!(operator_tree(&schema, "agent_output.xsd", "webuser"), reference("1.6.8.0-webuser-response"));
}

#[test]
fn user_operator_of_1_6_7_0_matches_the_reference() {
    let schema = schema("1.6.7.0");
    assert_eq!(operator_tree(&schema, "agent_input.xsd", "user"), reference("1.6.7.0-user-request"));
    assert_eq!(operator_tree(&schema, "agent_output.xsd", "user"), reference("1.6.7.0-user-response"));
}

#[test]
fn webuser_operator_and_envelopes_of_1_6_7_0_are_those_of_1_6_8_0() {
    let (older, newer) = (schema("1.6.7.0"), schema("1.6.8.0"));
    for envelope in ["agent_input.xsd", "agent_output.xsd"] {
        assert_eq!(operator_tree(&older, envelope, "webuser"), operator_tree(&newer, envelope, "webuser"));
        assert_eq!(envelope_tree(&older, envelope), envelope_tree(&newer, envelope));
    }
}
