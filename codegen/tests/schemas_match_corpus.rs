//! The bundled schemas of each protocol version have exactly the structure
//! of the whole-API corpus rebuilt from Plesk's schema pictures
//! (`../shared/corpus/plesk-<version>/`), although they are laid out in
//! Plesk's own files (one file per operator, shared type libraries) and the
//! corpus is two flat files.
//!
//! Both directories are loaded as `build.rs` loads ours (`Config::plesk()`,
//! the two envelopes as roots), and every operator of both envelopes is drawn
//! as a tree (`plesk_codegen::tree`: element names, order, occurrences, model
//! groups, type names, wildcards, attributes) and compared line for line. The
//! one difference allowed is a facet: where the corpus has an element of a
//! builtin type (`type: string`), ours may restrict that type anonymously to
//! add a documented facet (`base: string`); each such line is counted, and
//! the count is pinned, so that a new one is a visible change.

use plesk_codegen::model::Schema;
use plesk_codegen::{Config, tree};

#[path = "support/envelope.rs"]
mod envelope;
#[path = "support/files.rs"]
mod files;
use envelope::{operators, packet};
use files::workspace;

const ENVELOPES: [&str; 2] = ["agent_input.xsd", "agent_output.xsd"];

fn load(dir: &std::path::Path) -> Schema {
    let mut config = Config::plesk();
    config.schema(dir);
    plesk_codegen::load(&config).unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
}

fn ours(version: &str) -> Schema {
    load(&workspace().join("schemas").join(version))
}

fn corpus(version: &str) -> Schema {
    load(&workspace().join("../shared/corpus").join(format!("plesk-{version}")))
}

/// Compares two trees line for line; returns the lines where ours adds a
/// facet (`base: T` for the corpus's `type: T`), or the first difference.
fn compare(what: &str, corpus: &str, ours: &str) -> Result<usize, String> {
    let (corpus_lines, our_lines): (Vec<&str>, Vec<&str>) = (corpus.lines().collect(), ours.lines().collect());
    let mut facets = 0;
    for (index, (theirs, mine)) in corpus_lines.iter().zip(&our_lines).enumerate() {
        if theirs == mine {
            continue;
        }
        let restricted = theirs.split(" | ").zip(mine.split(" | ")).all(|(their_part, my_part)| {
            their_part == my_part
                || their_part.strip_prefix("type: ").is_some_and(|base| my_part.strip_prefix("base: ") == Some(base))
        }) && theirs.split(" | ").count() == mine.split(" | ").count();
        if !restricted {
            return Err(format!("{what}, line {}:\n  corpus: {theirs}\n  ours:   {mine}", index + 1));
        }
        facets += 1;
    }
    if corpus_lines.len() != our_lines.len() {
        return Err(format!("{what}: {} lines in the corpus, {} in ours", corpus_lines.len(), our_lines.len()));
    }
    Ok(facets)
}

/// Checks every operator of both envelopes and the envelopes themselves;
/// returns the number of facet lines per operator tree.
fn check(version: &str) -> Vec<(String, usize)> {
    let (theirs, mine) = (corpus(version), ours(version));
    let mut facets = Vec::new();
    let mut failures = Vec::new();
    for envelope in ENVELOPES {
        let operators = operators(&theirs, envelope);
        assert_eq!(operators, self::operators(&mine, envelope), "{version} {envelope}: the operators");
        assert!(operators.len() > 40, "{version} {envelope}: only {} operators", operators.len());
        let collapse: Vec<&str> = operators.iter().map(String::as_str).collect();
        let draw_envelope = |schema: &Schema| tree::draw_global(schema, packet(schema, envelope), &collapse);
        if let Err(failure) = compare(&format!("{version} {envelope}"), &draw_envelope(&theirs), &draw_envelope(&mine))
        {
            failures.push(failure);
        }
        for operator in &operators {
            let draw = |schema: &Schema| {
                let element = tree::find_element(schema, packet(schema, envelope), &[operator]).expect("an operator");
                tree::draw_element(schema, &element, &[])
            };
            match compare(&format!("{version} {envelope} <{operator}>"), &draw(&theirs), &draw(&mine)) {
                Ok(0) => {}
                Ok(count) => facets.push((format!("{envelope} {operator}"), count)),
                Err(failure) => failures.push(failure),
            }
        }
    }
    assert!(failures.is_empty(), "{} trees differ:\n{}", failures.len(), failures.join("\n"));
    facets
}

/// The operator trees where our files add facets the pictures do not draw,
/// in check order: customer add's cname, pname and login (the API reference's
/// lengths, plesk_client.xsd), webuser's login and passwords (see
/// reference_trees.rs).
fn expected_facets() -> Vec<(String, usize)> {
    [("agent_input.xsd customer", 3), ("agent_input.xsd webuser", 3)]
        .iter()
        .map(|(what, count)| ((*what).to_owned(), *count))
        .collect()
}

#[test]
fn schemas_1_6_8_0_have_the_structure_of_the_corpus() {
    assert_eq!(check("1.6.8.0"), expected_facets());
}

#[test]
fn schemas_1_6_7_0_have_the_structure_of_the_corpus() {
    assert_eq!(check("1.6.7.0"), expected_facets());
}

#[test]
fn a_changed_occurrence_is_a_difference() {
    let corpus = "element: a\n  element: b | type: string | 0..1\n";
    assert!(compare("t", corpus, "element: a\n  element: b | type: string\n").is_err());
    assert!(compare("t", corpus, "element: a\n  element: b | type: int | 0..1\n").is_err());
    assert!(compare("t", corpus, "element: a\n").is_err());
    assert_eq!(compare("t", corpus, "element: a\n  element: b | base: string | 0..1\n"), Ok(1));
}
