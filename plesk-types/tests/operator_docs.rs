//! The documentation says what the code is: the operator tables of
//! `README.md` and of the crate docs (`plesk-types/doc/operators.md`) have
//! one row per operator of the bundled schemas, with its cargo feature, its
//! place in the default set and its sides in each protocol version, as
//! `Cargo.toml` and the envelope schemas have them; and the task examples of
//! `README.md` are those of the crate docs (`plesk-types/doc/tasks.md`),
//! which run as doc tests, so the README's code compiles and validates too.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The sides an operator can be on, as the tables name them, with the
/// envelope that declares each side's operators.
const SIDES: [(&str, &str); 2] = [("request", "agent_input.xsd"), ("response", "agent_output.xsd")];

/// What a table row says of one operator (the description aside).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    feature: String,
    default: bool,
    /// The sides in each protocol version, by version (`1.6.8.0`); empty
    /// where the version has no such operator.
    sides: BTreeMap<String, BTreeSet<String>>,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// The bundled protocol versions' schema directories, by version.
fn schema_dirs() -> BTreeMap<String, PathBuf> {
    let dirs: BTreeMap<String, PathBuf> = std::fs::read_dir(root().join("schemas"))
        .expect("schemas/ is readable")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let name = path.file_name()?.to_str()?.to_owned();
            path.is_dir().then_some((name, path))
        })
        .collect();
    assert!(dirs.len() >= 2, "both bundled versions: {dirs:?}");
    dirs
}

/// The row every operator should have, by element name: its sides from the
/// envelopes of each version, its feature (the element's name with `-`
/// written `_`, which must be declared) and the default set from Cargo.toml.
fn expected_rows() -> BTreeMap<String, Row> {
    let features = support::declared_features();
    let default: BTreeSet<&str> = features["default"].iter().map(String::as_str).collect();
    let versions = schema_dirs();
    let mut rows: BTreeMap<String, Row> = BTreeMap::new();
    for (version, dir) in &versions {
        for (side, envelope) in SIDES {
            for operator in support::envelope_operators_in(dir, envelope) {
                let feature = operator.replace('-', "_");
                let row = rows.entry((*operator).to_owned()).or_insert_with(|| Row {
                    default: default.contains(feature.as_str()),
                    sides: versions.keys().map(|version| (version.clone(), BTreeSet::new())).collect(),
                    feature,
                });
                row.sides.get_mut(version).expect("every version has a column").insert(side.to_owned());
            }
        }
    }
    for (operator, row) in &rows {
        assert!(features.contains_key(&row.feature), "operator {operator}: no feature `{}` in Cargo.toml", row.feature);
    }
    rows
}

/// The cells of a Markdown table row (`| a | b |`), trimmed.
fn cells(line: &str) -> Vec<&str> {
    let inner = line.trim().trim_start_matches('|').trim_end_matches('|');
    inner.split('|').map(str::trim).collect()
}

/// `` `name` `` → `name`; anything else is not a code span.
fn code(cell: &str, what: &str) -> Result<String, String> {
    cell.strip_prefix('`')
        .and_then(|rest| rest.strip_suffix('`'))
        .map(str::to_owned)
        .ok_or_else(|| format!("{what} `{cell}` is not written as code"))
}

/// The operator table of a document: the table whose header starts with
/// `element | feature | default`, by element, or what is malformed in it
/// (every problem, each with its line).
fn documented_rows(document: &str) -> Result<BTreeMap<String, Row>, Vec<String>> {
    let mut lines = document.lines().enumerate();
    let (_, header) = lines
        .by_ref()
        .find(|(_, line)| cells(line).starts_with(&["element", "feature", "default"]))
        .ok_or_else(|| vec!["no operator table (a header `| element | feature | default | ...`)".to_owned()])?;
    let header = cells(header);
    // The columns between `default` and the description are the versions.
    let versions: Vec<&str> = header[3..header.len() - 1].to_vec();
    let mut rows = BTreeMap::new();
    let mut problems = Vec::new();
    for (index, line) in lines.skip(1).take_while(|(_, line)| line.trim_start().starts_with('|')) {
        let row = cells(line);
        let place = format!("line {}", index + 1);
        if row.len() != header.len() {
            problems.push(format!("{place}: {} cells, the header has {}", row.len(), header.len()));
            continue;
        }
        let parsed = (|| {
            let element = code(row[0], "element")?;
            let feature = code(row[1], "feature")?;
            let default = match row[2] {
                "yes" => true,
                "" => false,
                other => return Err(format!("default `{other}` is neither `yes` nor empty")),
            };
            let mut sides = BTreeMap::new();
            for (version, cell) in versions.iter().zip(&row[3..]) {
                let these: BTreeSet<String> = match *cell {
                    "—" => BTreeSet::new(),
                    cell => cell.split(", ").map(str::to_owned).collect(),
                };
                if let Some(side) = these.iter().find(|side| !SIDES.iter().any(|(known, _)| known == side)) {
                    return Err(format!("{version}: `{side}` is not a side"));
                }
                sides.insert((*version).to_owned(), these);
            }
            if row[header.len() - 1].is_empty() {
                return Err(format!("{element} has no description"));
            }
            Ok((element, Row { feature, default, sides }))
        })();
        match parsed {
            Ok((element, row)) => {
                if rows.insert(element.clone(), row).is_some() {
                    problems.push(format!("{place}: a second row for `{element}`"));
                }
            }
            Err(problem) => problems.push(format!("{place}: {problem}")),
        }
    }
    if problems.is_empty() { Ok(rows) } else { Err(problems) }
}

/// Every way a document's operator table differs from the schemas and
/// the manifest: rows missing, rows for no operator, rows that are wrong.
fn table_problems(document: &str) -> Vec<String> {
    let documented = match documented_rows(document) {
        Ok(rows) => rows,
        Err(problems) => return problems,
    };
    let expected = expected_rows();
    let mut problems = Vec::new();
    for (operator, row) in &expected {
        match documented.get(operator) {
            None => problems.push(format!("no row for `{operator}`")),
            Some(documented) if documented != row => {
                problems.push(format!("`{operator}`: the table says {documented:?}, the truth is {row:?}"))
            }
            Some(_) => {}
        }
    }
    for operator in documented.keys().filter(|operator| !expected.contains_key(*operator)) {
        problems.push(format!("a row for `{operator}`, which no envelope has"));
    }
    problems
}

#[test]
fn the_readme_operator_table_is_true() {
    let problems = table_problems(&read("README.md"));
    assert!(problems.is_empty(), "README.md:\n{}", problems.join("\n"));
}

#[test]
fn the_crate_docs_operator_table_is_true() {
    let lib = read("plesk-types/src/lib.rs");
    assert!(lib.contains(r#"#![doc = include_str!("../doc/operators.md")]"#), "lib.rs includes the table");
    let problems = table_problems(&read("plesk-types/doc/operators.md"));
    assert!(problems.is_empty(), "plesk-types/doc/operators.md:\n{}", problems.join("\n"));
}

/// The check finds a row that is missing, a side that is wrong, a default
/// that is wrong and a row too many: each edit of the true table is caught.
#[test]
fn a_wrong_table_is_caught() {
    let truth = read("plesk-types/doc/operators.md");
    assert!(table_problems(&truth).is_empty());
    let edits: [(&str, &str); 4] = [
        ("| `upload` | `upload` |  | response | response |", ""),
        ("| `smb` | `smb` |  | response |", "| `smb` | `smb` |  | request, response |"),
        ("| `dns` | `dns` | yes |", "| `dns` | `dns` |  |"),
        ("| `aps` |", "| `apps` | `apps` |  | — | — | a mistake |\n| `aps` |"),
    ];
    for (from, to) in edits {
        let line = truth.lines().find(|line| line.starts_with(from)).expect("the edit finds its row");
        let wrong = match to {
            "" => truth.replace(&format!("{line}\n"), ""),
            to => truth.replace(line, &line.replacen(from, to, 1)),
        };
        assert!(!table_problems(&wrong).is_empty(), "the edit {from:?} → {to:?} went unnoticed");
    }
}

/// The Rust code blocks of the section of `document` under the heading
/// `heading` (up to the next heading of its level or above), without the
/// lines rustdoc hides (`# ...`).
fn code_blocks(document: &str, heading: &str) -> Vec<String> {
    let level = heading.chars().take_while(|char| *char == '#').count();
    let document = format!("\n{document}"); // so that a heading on the first line starts a line too
    let start = document.find(&format!("\n{heading}\n")).unwrap_or_else(|| panic!("no heading {heading:?}"));
    let mut blocks = Vec::new();
    let mut block: Option<Vec<&str>> = None;
    for line in document[start + 1..].lines().skip(1) {
        let hashes = line.chars().take_while(|char| *char == '#').count();
        if block.is_none() && hashes > 0 && hashes <= level && line[hashes..].starts_with(' ') {
            break;
        }
        match (&mut block, line.trim_end()) {
            (None, "```rust") => block = Some(Vec::new()),
            (Some(lines), "```") => {
                blocks.push(lines.join("\n"));
                block = None;
            }
            (Some(lines), line) => {
                let trimmed = line.trim_start();
                if !(trimmed == "#" || trimmed.starts_with("# ")) {
                    lines.push(line);
                }
            }
            (None, _) => {}
        }
    }
    blocks
}

#[test]
fn the_readme_task_examples_are_the_doc_tested_ones() {
    let lib = read("plesk-types/src/lib.rs");
    assert!(lib.contains(r#"#![doc = include_str!("../doc/tasks.md")]"#), "lib.rs includes the tasks");
    let doc_tested = code_blocks(&read("plesk-types/doc/tasks.md"), "# Common tasks");
    let readme = code_blocks(&read("README.md"), "## Common tasks");
    assert!(doc_tested.len() >= 6, "one example per task: {doc_tested:#?}");
    assert_eq!(readme, doc_tested, "README.md's task examples, then the doc-tested ones");
}
