//! The generator's cases: one small schema per supported construct under
//! `tests/cases/<feature>/`, its generated code snapshotted as a plain `.rs`
//! file (`tests/snapshots/cases__<feature>.snap.rs`) that the
//! `case_documents` test of `plesk-types` compiles and runs against the
//! case's example documents.
//! (The schemas the generator refuses are `broken.rs`'s.)
//!
//! A changed snapshot fails the test; review it and accept with
//! `cargo insta review`, or `INSTA_UPDATE=always cargo test -p plesk-codegen --test cases`.

use std::path::{Path, PathBuf};

use plesk_codegen::Config;

#[path = "support/files.rs"]
mod files;
use files::{expectation, xml_files};

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

/// The configuration every case is generated with; the case `strategies`
/// also gets proptest strategies (under `plesk-types`' feature `proptest`),
/// which the others leave out so that their snapshots show the rest, it and
/// `nillable` serde derives (under the feature `serde`: together they hold
/// every runtime value a field can have), and the cases
/// `configured_attributes`, `operation_result` and `operators` the options
/// they are about.
fn config(case: &Path) -> Config {
    let mut config = Config::new();
    config.schema(case.join("schema.xsd")).runtime_crate("plesk_types");
    match case_name(case) {
        "strategies" => {
            config.strategies("proptest").serde_feature("serde");
        }
        "nillable" => {
            config.serde_feature("serde");
        }
        "configured_attributes" => {
            config
                .type_attribute("/ticket", "#[derive(PartialOrd, Ord)]")
                .type_attribute("/ticket", "#[doc(alias = \"issue\")]")
                .type_attribute("Priority", "#[doc(alias = \"urgency\")]")
                .type_attribute("/ticket#assignee_or_queue", "#[derive(PartialOrd, Ord)]")
                .field_attribute("/ticket/title", "#[doc(alias = \"subject\")]")
                .field_attribute("/ticket#assignee_or_queue", "#[doc(alias = \"owner\")]")
                .field_attribute("/ticket/queue", "#[doc(alias = \"team\")]");
        }
        "operation_result" => {
            config
                .operation_results()
                .operation_success("resultFilterType/id")
                .operation_success_required("/results/created/guid");
        }
        "operators" => {
            config
                .operation_results()
                .operators("/request#order_or_stock_or_ping")
                .operators("/response#order_or_stock");
        }
        _ => {}
    }
    config
}

fn generate(case: &Path) -> String {
    config(case).generate().unwrap_or_else(|error| panic!("case {}: generation failed:\n{error}", case_name(case)))
}

/// The generated code of each case, as a plain `.rs` file next to insta's
/// metadata. Every case is compared before the test fails, so that one run
/// leaves a `.snap.new` for each changed case.
#[test]
fn generated_code_matches_the_snapshots() {
    let mut changed = Vec::new();
    for case in case_dirs() {
        let name = case_name(&case).to_owned();
        let code = generate(&case);
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(tests_dir().join("snapshots"));
        settings.set_input_file(case.join("schema.xsd"));
        settings.set_omit_expression(true);
        // The settings and the code are used only inside the closure.
        let compared = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            settings.bind(|| insta::assert_binary_snapshot!(&format!("{name}.rs"), code.into_bytes()));
        }));
        if compared.is_err() {
            changed.push(name);
        }
    }
    assert!(changed.is_empty(), "generated code differs from the snapshot for the cases {changed:?}");
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

/// `tests/cases/README.md` has one line per case, `- `case`: what it covers`.
#[test]
fn the_index_lists_every_case() {
    let index_path = tests_dir().join("cases/README.md");
    let index =
        std::fs::read_to_string(&index_path).unwrap_or_else(|error| panic!("{}: {error}", index_path.display()));
    let listed: Vec<&str> =
        index.lines().filter_map(|line| line.strip_prefix("- `")?.split_once("`: ").map(|(name, _)| name)).collect();
    let cases: Vec<String> = case_dirs().iter().map(|dir| case_name(dir).to_owned()).collect();
    let unlisted: Vec<&String> = cases.iter().filter(|case| !listed.contains(&case.as_str())).collect();
    let stale: Vec<&&str> = listed.iter().filter(|name| !cases.iter().any(|case| case == *name)).collect();
    assert!(
        unlisted.is_empty() && stale.is_empty(),
        "{}: unlisted cases {unlisted:?}, lines without a case {stale:?}",
        index_path.display()
    );
}

/// A configured attribute at a path that names nothing is an error, like
/// every other option keyed by a schema path, and so is text that is no
/// attribute.
#[test]
fn configured_attributes_at_unknown_paths_or_not_attributes_are_errors() {
    let case = tests_dir().join("cases/configured_attributes");
    let mut unknown_type = config(&case);
    unknown_type.type_attribute("Ticket", "#[derive(Hash)]");
    let error = unknown_type.generate().expect_err("the type is `/ticket`, not `Ticket`").to_string();
    assert!(error.contains("type_attribute \"Ticket\" names nothing"), "{error}");

    let mut unknown_field = config(&case);
    unknown_field.field_attribute("/ticket/subject", "#[doc(alias = \"title\")]");
    let error = unknown_field.generate().expect_err("there is no element `subject`").to_string();
    assert!(error.contains("field_attribute \"/ticket/subject\" names nothing"), "{error}");

    let mut not_an_attribute = config(&case);
    not_an_attribute.type_attribute("/ticket", "derive(Hash)");
    let error = not_an_attribute.generate().expect_err("an attribute needs `#[...]`").to_string();
    assert!(error.contains("type_attribute at /ticket: 'derive(Hash)'"), "{error}");
}

/// `operation_success` on a path that names nothing is a configuration
/// error, like every other option keyed by a schema path; without
/// `operation_results` nothing is a result.
#[test]
fn operation_success_needs_a_path_that_names_a_field() {
    let case = tests_dir().join("cases/operation_result");
    let mut unknown = config(&case);
    unknown.operation_success("resultFilterType/ident");
    let error = unknown.generate().expect_err("the field is `id`").to_string();
    assert!(error.contains("operation_success \"resultFilterType/ident\" names nothing"), "{error}");

    let mut plain = Config::new();
    plain.schema(case.join("schema.xsd"));
    let code = plain.generate().expect("the case generates");
    assert!(!code.contains("OperationResult"), "results without operation_results():\n{code}");
}

/// `operators` on a path that names no choice group is a configuration
/// error; so is a group with an alternative that is no element (a walk
/// names each operator by its element); without `conversions` or
/// `operators` nothing converts.
#[test]
fn operators_need_a_choice_group_of_elements() {
    let case = tests_dir().join("cases/operators");
    let mut unknown = config(&case);
    unknown.operators("/request#orders");
    let error = unknown.generate().expect_err("the group is order_or_stock_or_ping").to_string();
    assert!(error.contains("operators \"/request#orders\" names nothing"), "{error}");

    let choice_case = tests_dir().join("cases/choice_sequence_alternative");
    let mut not_elements = Config::new();
    not_elements.schema(choice_case.join("schema.xsd")).operators("Login#choice");
    let error = not_elements.generate().expect_err("the alternatives are sequences").to_string();
    assert!(error.contains("operators at Login#choice: the alternative"), "{error}");

    let mut plain = Config::new();
    plain.schema(case.join("schema.xsd"));
    let code = plain.generate().expect("the case generates");
    assert!(!code.contains("impl From<"), "conversions without conversions():\n{code}");
}
