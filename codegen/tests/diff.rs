//! `plesk-codegen diff`: the report between two schema versions.
//!
//! - Synthetic pairs under `tests/diff/<case>/{old,new}/`, one per kind of
//!   change, indexed with their expected overall effect in `tests/diff/INDEX`;
//!   their text reports are snapshots (`tests/snapshots/diff__<case>.snap`).
//! - JSON reports parse and carry each change field by field.
//! - The bundled protocol versions: 1.6.7.0 -> 1.6.8.0 removes exactly the
//!   billing operations of the user operator, on the request and the
//!   response side (the other operators' changes are those of the corpora).
//! - The command line: exit statuses 0, 1 and 2, JSON on standard output.
//!
//! A changed snapshot fails the test; review it with `cargo insta review`, or
//! accept with `INSTA_UPDATE=always cargo test -p plesk-codegen --test diff`.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

use plesk_codegen::Config;
use plesk_codegen::diff::{Change, ChangeKind, Effect, Report, RustKind, Semver, Subject, diff};
use serde_json::Value;

#[path = "support/files.rs"]
mod files;
use files::workspace;

/// Where the synthetic pairs are, relative to the package (the directory
/// tests run in), so that reports name them the same on every machine.
const CASES: &str = "tests/diff";

/// `INDEX`: each case and its expected overall effect (`none` for no change).
fn index() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(Path::new(CASES).join("INDEX")).expect("tests/diff/INDEX");
    let mut cases = BTreeMap::new();
    for line in text.lines().filter(|line| !line.trim().is_empty() && !line.starts_with('#')) {
        let mut parts = line.splitn(3, ": ");
        let (Some(case), Some(effect), Some(_what)) = (parts.next(), parts.next(), parts.next()) else {
            panic!("INDEX line is not `<case>: <effect>: <what>`: {line}");
        };
        assert!(cases.insert(case.to_owned(), effect.to_owned()).is_none(), "case {case} listed twice");
    }
    cases
}

/// The report of a synthetic pair, without the Plesk conventions.
fn case_report(case: &str) -> Report {
    let (mut old, mut new) = (Config::new(), Config::new());
    old.schema(format!("{CASES}/{case}/old"));
    new.schema(format!("{CASES}/{case}/new"));
    diff(&old, &new).unwrap_or_else(|error| panic!("case {case}:\n{error}"))
}

/// The report between two bundled protocol versions, with the Plesk conventions.
fn versions_report(old: &str, new: &str) -> Report {
    let (mut old_config, mut new_config) = (Config::plesk(), Config::plesk());
    old_config.schema(workspace().join("schemas").join(old));
    new_config.schema(workspace().join("schemas").join(new));
    diff(&old_config, &new_config).unwrap_or_else(|error| panic!("{old} -> {new}:\n{error}"))
}

fn effect_name(report: &Report) -> &'static str {
    report.effect().map_or("none", Effect::name)
}

// ----- synthetic pairs ------------------------------------------------------------

/// A type defined once per file in one version and once for all in the
/// other is compared with each of its definitions: what changed between
/// any of them and the single one is reported, no definition is a removed
/// or added type.
#[test]
fn a_type_defined_once_per_file_is_compared_with_each_definition() {
    for (case, kind) in [("type_merged", ChangeKind::Added), ("type_split", ChangeKind::Removed)] {
        let report = case_report(case);
        let at = |path: &str, subject: Subject| {
            report
                .changes
                .iter()
                .filter(|change| change.schema_path == path && change.subject == subject)
                .collect::<Vec<_>>()
        };
        let element = at("prefs/y", Subject::Element);
        assert!(element.len() == 1 && element[0].kind == kind, "case {case}: prefs/y {}:\n{report}", kind.name());
        assert!(
            at("prefs", Subject::Type).is_empty(),
            "case {case}: no definition of prefs removed or added:\n{report}"
        );
        assert_eq!(at("prefs", Subject::RustName).len(), 2, "case {case}: both definitions renamed:\n{report}");
    }
}

#[test]
fn every_case_directory_is_indexed_and_has_both_versions() {
    let mut dirs: Vec<String> = std::fs::read_dir(CASES)
        .expect("tests/diff")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.is_dir())
        .map(|path| path.file_name().and_then(|name| name.to_str()).expect("UTF-8 case name").to_owned())
        .collect();
    dirs.sort();
    assert_eq!(dirs, index().keys().cloned().collect::<Vec<_>>(), "every case directory has an INDEX line and back");
    for case in &dirs {
        for side in ["old", "new"] {
            let schema = Path::new(CASES).join(case).join(side).join("schema.xsd");
            assert!(schema.is_file(), "{} is missing", schema.display());
        }
    }
}

#[test]
fn every_case_has_its_indexed_effect() {
    let mut wrong = Vec::new();
    for (case, expected) in index() {
        let report = case_report(&case);
        if effect_name(&report) != expected {
            wrong.push(format!("{case}: expected {expected}, got {}:\n{report}", effect_name(&report)));
        }
        let exit_breaking = report.is_breaking();
        assert_eq!(exit_breaking, expected == "breaking", "case {case}");
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The text report of each case, as a snapshot. Every case is compared
/// before the test fails, so that one run leaves a `.snap.new` for each
/// changed case.
#[test]
fn text_reports_match_the_snapshots() {
    let mut changed = Vec::new();
    for case in index().keys() {
        let text = case_report(case).to_text();
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots"));
        settings.set_input_file(Path::new(CASES).join(case).join("new/schema.xsd"));
        settings.set_omit_expression(true);
        let compared = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            settings.bind(|| insta::assert_snapshot!(case.as_str(), text));
        }));
        if compared.is_err() {
            changed.push(case.clone());
        }
    }
    assert!(changed.is_empty(), "the report differs from the snapshot for the cases {changed:?}");
}

#[test]
fn every_snapshot_belongs_to_a_case() {
    let cases = index();
    let snapshots = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let mut orphans = Vec::new();
    for entry in std::fs::read_dir(&snapshots).expect("tests/snapshots") {
        let file_name = entry.expect("snapshot").file_name().to_string_lossy().into_owned();
        let Some(rest) = file_name.strip_prefix("diff__") else {
            continue;
        };
        let case = rest.split('.').next().unwrap_or_default();
        if !cases.contains_key(case) {
            orphans.push(file_name);
        }
    }
    assert!(orphans.is_empty(), "snapshots without a case under tests/diff/: {orphans:?}");
}

#[test]
fn reports_are_deterministic() {
    for case in ["element_type_changed", "facet_bound", "root_element_removed"] {
        let first = case_report(case).to_text();
        for _ in 0..5 {
            assert_eq!(case_report(case).to_text(), first, "case {case}");
        }
    }
}

// ----- JSON -----------------------------------------------------------------------

/// The JSON report of a case, printed and parsed back as a tool would.
fn case_json(case: &str) -> Value {
    let printed = serde_json::to_string_pretty(&case_report(case).to_json()).expect("serializable");
    serde_json::from_str(&printed).unwrap_or_else(|error| panic!("case {case}: JSON does not parse: {error}"))
}

#[test]
fn json_reports_parse_for_every_case_and_agree_with_the_index() {
    for (case, effect) in index() {
        let json = case_json(&case);
        assert_eq!(json["effect"], effect.as_str(), "case {case}");
        assert_eq!(json["old"], format!("{CASES}/{case}/old"), "case {case}");
        assert_eq!(json["new"], format!("{CASES}/{case}/new"), "case {case}");
        let changes = json["changes"].as_array().unwrap_or_else(|| panic!("case {case}: changes is an array"));
        assert_eq!(changes.is_empty(), effect == "none", "case {case}");
        let counted: u64 = ["breaking", "additive", "behavioral"]
            .iter()
            .map(|effect| json["counts"][effect].as_u64().expect("counts are numbers"))
            .sum();
        assert_eq!(counted, changes.len() as u64, "case {case}: counts add up");
        for change in changes {
            for field in ["effect", "change", "what", "schema_path", "rust", "rust_kind", "description"] {
                assert!(change[field].is_string(), "case {case}: {field} of {change}");
            }
        }
    }
}

#[test]
fn json_carries_a_removed_variant_field_by_field() {
    let json = case_json("choice_alternative_removed");
    assert_eq!(json["effect"], "breaking");
    assert_eq!(json["semver"], "major");
    assert_eq!(json["counts"]["breaking"], 1);
    let change = &json["changes"][0];
    assert_eq!(change["effect"], "breaking");
    assert_eq!(change["change"], "removed");
    assert_eq!(change["what"], "element");
    assert_eq!(change["schema_path"], "Contact/fax");
    assert_eq!(change["rust"], "Contact::Fax");
    assert_eq!(change["rust_kind"], "variant");
    assert_eq!(change["description"], "Fax(String)");
}

#[test]
fn json_carries_behavioral_and_additive_changes_field_by_field() {
    let json = case_json("occurrence_within_shape");
    assert_eq!(json["effect"], "behavioral");
    assert_eq!(json["semver"], "patch");
    let phone = &json["changes"][0];
    assert_eq!(phone["change"], "changed");
    assert_eq!(phone["what"], "occurrence");
    assert_eq!(phone["schema_path"], "Person/phone");
    assert_eq!(phone["rust"], "Person::phone");
    assert_eq!(phone["rust_kind"], "field");
    assert_eq!(phone["description"], "1..3 -> 1..5");

    let json = case_json("type_added");
    assert_eq!(json["effect"], "additive");
    assert_eq!(json["semver"], "minor");
    let added = &json["changes"][0];
    assert_eq!(added["change"], "added");
    assert_eq!(added["what"], "type");
    assert_eq!(added["schema_path"], "Address");
    assert_eq!(added["rust"], "Address");
    assert_eq!(added["rust_kind"], "struct");

    let json = case_json("no_change");
    assert_eq!(json["effect"], "none");
    assert_eq!(json["semver"], "none");
    assert_eq!(json["changes"], Value::Array(Vec::new()));
}

// ----- the bundled protocol versions ------------------------------------------------

/// `(change, schema path, Rust variant)` of each change.
/// The changes of the user operator's types (`UserInput`, `UserOutput` and
/// what is below them), in report order.
fn user_changes(report: &Report) -> Vec<&Change> {
    report.changes.iter().filter(|change| change.schema_path.starts_with("User")).collect()
}

fn summary(report: &Report) -> Vec<(ChangeKind, &str, &str)> {
    user_changes(report)
        .into_iter()
        .map(|change| (change.kind, change.schema_path.as_str(), change.rust.path.as_str()))
        .collect()
}

const BILLING: [(&str, &str); 6] = [
    ("UserInput/add-billing", "UserInputChoice::AddBilling"),
    ("UserInput/del-billing", "UserInputChoice::DelBilling"),
    ("UserInput/set-billing", "UserInputChoice::SetBilling"),
    ("UserOutput/add-billing", "UserOutputChoice::AddBilling"),
    ("UserOutput/del-billing", "UserOutputChoice::DelBilling"),
    ("UserOutput/set-billing", "UserOutputChoice::SetBilling"),
];

#[test]
fn from_1_6_7_0_to_1_6_8_0_exactly_the_billing_operations_are_removed() {
    let report = versions_report("1.6.7.0", "1.6.8.0");
    let expected: Vec<_> = BILLING.iter().map(|(path, rust)| (ChangeKind::Removed, *path, *rust)).collect();
    assert_eq!(summary(&report), expected, "{report}");
    let user = user_changes(&report);
    for change in &user {
        assert_eq!(change.effect, Effect::Breaking, "{change}");
        assert_eq!(change.subject, Subject::Element, "{change}");
        assert_eq!(change.rust.kind, RustKind::Variant, "{change}");
    }
    assert_eq!(report.effect(), Some(Effect::Breaking));
    assert_eq!(report.semver(), Semver::Major);
    assert_eq!(user[0].description, "AddBilling(UserAddInput)");
    assert_eq!(user[5].description, "SetBilling(UserSetOutput)");
}

#[test]
fn from_1_6_8_0_to_1_6_7_0_the_billing_operations_are_added_and_that_still_breaks() {
    let report = versions_report("1.6.8.0", "1.6.7.0");
    let expected: Vec<_> = BILLING.iter().map(|(path, rust)| (ChangeKind::Added, *path, *rust)).collect();
    assert_eq!(summary(&report), expected, "{report}");
    assert!(user_changes(&report).iter().all(|change| change.effect == Effect::Breaking), "new variants break matches");
    assert!(report.is_breaking());
}

#[test]
fn a_version_against_itself_has_no_change() {
    for version in ["1.6.7.0", "1.6.8.0"] {
        let report = versions_report(version, version);
        assert_eq!(report.changes, [], "{report}");
        assert_eq!(report.semver(), Semver::None);
        assert!(report.to_text().ends_with(": no change\n"), "{report}");
    }
}

// ----- the command line ---------------------------------------------------------------

fn run(arguments: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plesk-codegen")).args(arguments).output().expect("runs plesk-codegen")
}

fn schemas(version: &str) -> String {
    workspace().join("schemas").join(version).to_string_lossy().into_owned()
}

#[test]
fn cli_exits_1_when_something_breaking_changed() {
    let output = run(&["diff", &schemas("1.6.7.0"), &schemas("1.6.8.0")]);
    assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.lines().next().is_some_and(|line| line.contains(": breaking (semver major), ")), "{stdout}");
    // The columns are as wide as the widest entry of the report.
    let add_billing = "breaking removed element UserInput/add-billing (variant UserInputChoice::AddBilling): AddBilling(UserAddInput)";
    assert!(
        stdout.lines().any(|line| line.split_whitespace().collect::<Vec<_>>().join(" ") == add_billing),
        "{stdout}"
    );
}

#[test]
fn cli_exits_0_without_a_change_and_with_additive_or_behavioral_changes_only() {
    let same = run(&["diff", &schemas("1.6.8.0"), &schemas("1.6.8.0")]);
    assert_eq!(same.status.code(), Some(0), "{}", String::from_utf8_lossy(&same.stderr));
    assert!(String::from_utf8_lossy(&same.stdout).ends_with(": no change\n"));
    for case in ["type_added", "facet_length"] {
        let output = run(&["diff", "--bare", &format!("{CASES}/{case}/old"), &format!("{CASES}/{case}/new")]);
        assert_eq!(output.status.code(), Some(0), "case {case}: {}", String::from_utf8_lossy(&output.stderr));
        assert!(!output.stdout.is_empty(), "case {case}: the changes are printed");
    }
}

#[test]
fn cli_exits_2_on_broken_or_missing_schemas() {
    let broken = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken/003_err_unknown_type.xsd");
    let output = run(&["diff", "--bare", &format!("{CASES}/no_change/old"), broken.to_str().expect("UTF-8 path")]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("unknown type 'UserAddGenInfoo' referenced by element 'gen-info'"), "{stderr}");
    assert!(stderr.contains("1 error(s)"), "reported as generate reports: {stderr}");
    assert!(output.stdout.is_empty(), "no report on failure");

    let missing = run(&["diff", &schemas("1.6.8.0"), &schemas("0.0.0.0")]);
    assert_eq!(missing.status.code(), Some(2), "{}", String::from_utf8_lossy(&missing.stderr));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("0.0.0.0"));
}

#[test]
fn cli_json_parses_and_says_the_effect() {
    let output = run(&["diff", "--format", "json", &schemas("1.6.8.0"), &schemas("1.6.7.0")]);
    assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stderr));
    let json: Value = serde_json::from_slice(&output.stdout).expect("stdout is one JSON document");
    assert_eq!(json["effect"], "breaking");
    assert_eq!(json["semver"], "major");
    assert_eq!(json["new"], schemas("1.6.7.0"));
    let changes = json["changes"].as_array().expect("changes");
    let user: Vec<&Value> = changes
        .iter()
        .filter(|change| change["schema_path"].as_str().is_some_and(|path| path.starts_with("User")))
        .collect();
    assert_eq!(user.len(), 6, "the user operator's billing operations");
    assert!(user.iter().all(|change| change["change"] == "added" && change["rust_kind"] == "variant"));

    let none = run(&[
        "diff",
        "--format",
        "json",
        "--bare",
        &format!("{CASES}/no_change/old"),
        &format!("{CASES}/no_change/new"),
    ]);
    assert_eq!(none.status.code(), Some(0));
    let json: Value = serde_json::from_slice(&none.stdout).expect("stdout is one JSON document");
    assert_eq!(json["effect"], "none");
    assert_eq!(json["changes"], Value::Array(Vec::new()));
}
