//! The schemas the generator refuses, in one folder with one index
//! (`tests/broken/INDEX`): broken schemas (`*_err_*.xsd`) and valid schemas
//! using a construct the generator does not support
//! (`*_unsupported_*.xsd`, which libxml2 compiles). Each gives every error
//! it has, each with file, line, column and what is wrong, and none panics.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use plesk_codegen::Config;

#[path = "support/xmllint.rs"]
mod xmllint;

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn directory() -> PathBuf {
    manifest_dir().join("tests/broken")
}

/// The errors of some schema files, as the generator reports them, paths
/// relative to the package (as INDEX writes them).
fn errors_of(files: &[PathBuf]) -> Vec<String> {
    let mut config = Config::new();
    for file in files {
        config.schema(file);
    }
    let package = format!("{}/", manifest_dir().display());
    match plesk_codegen::generate(&config) {
        Ok(_) => Vec::new(),
        Err(error) => error.to_string().replace(&package, "").lines().map(str::to_owned).collect(),
    }
}

/// `INDEX`: for each file, its expected errors, in the order reported. A
/// line is `<file>: [<other file>:]<line>:<col>: <message>`, the other file
/// (relative to `tests/broken/`) when the error is in a file it includes; a
/// file may have several lines.
fn expected() -> BTreeMap<String, Vec<String>> {
    let index = std::fs::read_to_string(directory().join("INDEX")).expect("tests/broken/INDEX");
    let mut expected: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in index.lines().filter(|line| !line.trim().is_empty() && !line.starts_with('#')) {
        let (file, error) = line.split_once(": ").unwrap_or_else(|| panic!("INDEX line without ': ': {line}"));
        let place = if error.split(':').next().is_some_and(|first| first.parse::<usize>().is_ok()) {
            format!("tests/broken/{file}:{error}")
        } else {
            format!("tests/broken/{error}")
        };
        expected.entry(file.to_owned()).or_default().push(place);
    }
    expected
}

fn schema_files() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(directory())
        .expect("tests/broken")
        .map(|entry| entry.expect("directory entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".xsd"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_refused_schema_reports_its_errors_with_locations() {
    let expected = expected();
    let files = schema_files();
    assert_eq!(
        files,
        expected.keys().cloned().collect::<Vec<_>>(),
        "every schema has an INDEX entry and every INDEX entry a file"
    );
    let mut mismatches = Vec::new();
    for file in &files {
        assert!(file.contains("_err_") || file.contains("_unsupported_"), "{file}: neither _err_ nor _unsupported_");
        let actual = errors_of(&[directory().join(file)]);
        if actual != expected[file] {
            mismatches.push(format!("{file}:\n  expected: {:#?}\n  actual:   {actual:#?}", expected[file]));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

/// An unsupported construct is the only reason to refuse these: libxml2
/// compiles them, and each has exactly one error.
#[test]
fn unsupported_schemas_are_valid_schemas_with_one_error() {
    let expected = expected();
    let unsupported: Vec<&String> = expected.keys().filter(|file| file.contains("_unsupported_")).collect();
    assert!(!unsupported.is_empty(), "no *_unsupported_* schema in INDEX");
    let mut failures = Vec::new();
    for file in unsupported {
        if let Err(report) = xmllint::compiles(&directory().join(file)) {
            failures.push(format!("{file}: not a valid schema, xmllint says:\n{report}"));
        }
        if expected[file].len() != 1 {
            failures.push(format!("{file}: {} errors in INDEX, expected one", expected[file].len()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Several broken files read together (as a schema directory is) report
/// the errors of each, in the order the files were given.
#[test]
fn a_schema_directory_reports_the_errors_of_every_file() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("broken-directory-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    for file in ["003_err_unknown_type.xsd", "031_err_unknown_base.xsd"] {
        std::fs::copy(directory().join(file), dir.join(file)).expect("copy of a broken schema");
    }
    let package = format!("{}/", dir.display());
    let mut config = Config::new();
    config.schema(&dir);
    let error = plesk_codegen::generate(&config).expect_err("two broken files");
    let errors: Vec<String> = error.to_string().replace(&package, "").lines().map(str::to_owned).collect();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(
        errors,
        [
            "003_err_unknown_type.xsd:5:35: unknown type 'UserAddGenInfoo' referenced by element 'gen-info'",
            "031_err_unknown_base.xsd:5:21: unknown type 'resultTyp' referenced by type 'T'",
        ]
    );
}
