//! The generator's cases: one small schema per supported construct under
//! `tests/cases/<feature>/`, its generated code snapshotted as a plain `.rs`
//! file (`tests/snapshots/cases__<feature>.snap.rs`) that the `cases` test of
//! `plesk-types` compiles and runs against the case's example documents; and
//! the schemas the generator must refuse, under `tests/refused/`, each with
//! the place and reason of the refusal.
//!
//! A changed snapshot fails the test; review it and accept with
//! `cargo insta review`, or `INSTA_UPDATE=always cargo test -p plesk-codegen --test cases`.

use std::path::{Path, PathBuf};

use plesk_codegen::Config;

fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// The case directories, sorted by name.
fn case_dirs() -> Vec<PathBuf> {
    let root = tests_dir().join("cases");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|error| panic!("{}: {error}", root.display()))
        .map(|entry| entry.expect("readable case directory").path())
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty(), "no case under {}", root.display());
    dirs
}

fn case_name(dir: &Path) -> &str {
    dir.file_name().and_then(|name| name.to_str()).expect("case directory names are UTF-8")
}

/// The configuration every case is generated with.
fn config(case: &Path) -> Config {
    let mut config = Config::new();
    config.schema_file(case.join("schema.xsd")).runtime_path("plesk_types::xml");
    config
}

fn generate(case: &Path) -> String {
    config(case).generate().unwrap_or_else(|error| panic!("case {}: generation failed:\n{error}", case_name(case)))
}

#[test]
fn generated_code_matches_the_snapshots() {
    for case in case_dirs() {
        let name = case_name(&case);
        let code = generate(&case);
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(tests_dir().join("snapshots"));
        settings.set_input_file(case.join("schema.xsd"));
        settings.set_omit_expression(true);
        settings.bind(|| insta::assert_binary_snapshot!(&format!("{name}.rs"), code.into_bytes()));
    }
}

/// Snapshots of cases that no longer exist would still be compiled by the
/// `plesk-types` test; they must go with their case.
#[test]
fn every_snapshot_belongs_to_a_case() {
    let cases: Vec<String> = case_dirs().iter().map(|dir| case_name(dir).to_owned()).collect();
    let snapshots = tests_dir().join("snapshots");
    let mut orphans = Vec::new();
    for entry in std::fs::read_dir(&snapshots).unwrap_or_else(|error| panic!("{}: {error}", snapshots.display())) {
        let file_name = entry.expect("readable snapshot").file_name().to_string_lossy().into_owned();
        let Some(rest) = file_name.strip_prefix("cases__") else {
            continue;
        };
        let case = rest.split('.').next().unwrap_or_default();
        if !cases.iter().any(|name| name == case) {
            orphans.push(file_name);
        }
    }
    assert!(orphans.is_empty(), "snapshots without a case under tests/cases/: {orphans:?}");
}

#[test]
fn generation_is_deterministic() {
    for case in case_dirs() {
        let first = generate(&case);
        for run in 2..=10 {
            let again = generate(&case);
            assert!(again == first, "case {}: run {run} generated different bytes than run 1", case_name(&case));
        }
    }
}

/// Every case has a schema, at least one valid document, and only documents
/// the `plesk-types` test knows how to read.
#[test]
fn every_case_is_complete() {
    for case in case_dirs() {
        let name = case_name(&case);
        assert!(case.join("schema.xsd").is_file(), "case {name} has no schema.xsd");
        let ok = xml_files(&case.join("ok"));
        assert!(!ok.is_empty(), "case {name} has no ok/*.xml document");
        for bad in xml_files(&case.join("bad")) {
            let text = std::fs::read_to_string(&bad).expect("readable document");
            assert!(expectation(&text).is_some(), "{}: a bad document starts with <!-- expect: ... -->", bad.display());
        }
    }
}

fn xml_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "xml"))
        .collect();
    files.sort();
    files
}

/// The text of a leading `<!-- expect: ... -->` comment.
fn expectation(text: &str) -> Option<&str> {
    let comment = text.trim_start().strip_prefix("<!--")?.split_once("-->")?.0.trim();
    Some(comment.strip_prefix("expect:")?.trim()).filter(|fragment| !fragment.is_empty())
}

// ----- refused schemas ----------------------------------------------------------

/// What a refused schema's leading `<!-- expect: LINE:COL: FRAGMENT -->`
/// comment says.
struct Refusal {
    line: usize,
    column: usize,
    fragment: String,
}

fn refusal(path: &Path, text: &str) -> Refusal {
    let expected = expectation(text.split_once("?>").map_or(text, |(_, rest)| rest))
        .unwrap_or_else(|| panic!("{}: starts with <!-- expect: LINE:COL: FRAGMENT -->", path.display()));
    let mut parts = expected.splitn(3, ':');
    let mut number = || -> usize {
        parts
            .next()
            .and_then(|part| part.trim().parse().ok())
            .unwrap_or_else(|| panic!("{}: the expectation '{expected}' is not LINE:COL: FRAGMENT", path.display()))
    };
    let (line, column) = (number(), number());
    let fragment = parts.next().unwrap_or_default().trim().to_owned();
    assert!(!fragment.is_empty(), "{}: the expectation names no reason", path.display());
    Refusal { line, column, fragment }
}

fn refused_schemas() -> Vec<PathBuf> {
    let dir = tests_dir().join("refused");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| entry.expect("readable refused schema").path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "xsd"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no schema under {}", dir.display());
    files
}

/// Each refused schema gives exactly one error, at the offending construct's
/// file, line and column, saying why.
#[test]
fn unsupported_constructs_are_refused_with_their_place() {
    let mut failures = Vec::new();
    for path in refused_schemas() {
        let text = std::fs::read_to_string(&path).expect("readable refused schema");
        let expected = refusal(&path, &text);
        let mut config = Config::new();
        config.schema_file(&path).runtime_path("plesk_types::xml");
        let error = match config.generate() {
            Ok(_) => {
                failures.push(format!("{}: generated code instead of refusing", path.display()));
                continue;
            }
            Err(error) => error,
        };
        let errors = error.schema_errors();
        let [only] = errors else {
            failures.push(format!("{}: expected one schema error, got:\n{error}", path.display()));
            continue;
        };
        let place = (only.location.path.as_path(), only.location.line, only.location.column);
        if place != (path.as_path(), expected.line, expected.column) {
            failures.push(format!(
                "{}: expected the error at line {} column {}, got {}",
                path.display(),
                expected.line,
                expected.column,
                only.location
            ));
        }
        let message = only.to_string();
        let prefix = format!("{}:{}:{}: ", path.display(), expected.line, expected.column);
        if !message.starts_with(&prefix) {
            failures.push(format!("{}: the message does not start with '{prefix}': {message}", path.display()));
        }
        if !message.contains(&expected.fragment) {
            failures.push(format!("{}: the message does not say '{}': {message}", path.display(), expected.fragment));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
