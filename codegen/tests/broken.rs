//! A corpus of broken schemas (`tests/broken/*_err_*.xsd`): each gives every
//! error it has, each with file, line, column and what is wrong, and none
//! panics. `tests/broken/INDEX` holds the expected errors, one line each,
//! in the order they are reported.

use std::collections::BTreeMap;
use std::path::Path;

use plesk_codegen::Config;

const DIRECTORY: &str = "tests/broken";

/// The errors of one schema file, as the generator reports them.
fn errors_of(file: &Path) -> Vec<String> {
    let mut config = Config::new();
    config.schema_file(file);
    match plesk_codegen::generate(&config) {
        Ok(_) => Vec::new(),
        Err(error) => error.to_string().lines().map(str::to_owned).collect(),
    }
}

/// `INDEX`: for each file, its expected errors. A line is
/// `<file>: <error as displayed>`; a file may have several lines.
fn expected() -> BTreeMap<String, Vec<String>> {
    let index = std::fs::read_to_string(Path::new(DIRECTORY).join("INDEX")).expect("tests/broken/INDEX");
    let mut expected: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in index.lines().filter(|line| !line.trim().is_empty() && !line.starts_with('#')) {
        let (file, error) = line.split_once(": ").unwrap_or_else(|| panic!("INDEX line without ': ': {line}"));
        expected.entry(file.to_owned()).or_default().push(error.to_owned());
    }
    expected
}

#[test]
fn every_broken_schema_reports_its_errors_with_locations() {
    let expected = expected();
    let mut files: Vec<String> = std::fs::read_dir(DIRECTORY)
        .expect("tests/broken")
        .map(|entry| entry.expect("directory entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("_err_") && name.ends_with(".xsd"))
        .collect();
    files.sort();
    assert_eq!(
        files,
        expected.keys().cloned().collect::<Vec<_>>(),
        "every broken schema has an INDEX entry and every INDEX entry a file"
    );
    let mut mismatches = Vec::new();
    for file in &files {
        let path = Path::new(DIRECTORY).join(file);
        let actual = errors_of(&path);
        let prefix = format!("{}:", path.display());
        for error in &actual {
            assert!(error.starts_with(&prefix), "{error} does not name the file {}", path.display());
        }
        let wanted: Vec<String> = expected[file].iter().map(|error| format!("{}:{error}", path.display())).collect();
        if actual != wanted {
            mismatches.push(format!("{file}:\n  expected: {wanted:#?}\n  actual:   {actual:#?}"));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn a_schema_directory_reports_the_errors_of_every_file() {
    let mut config = Config::new();
    config.schema_file(Path::new(DIRECTORY).join("003_err_unknown_type.xsd"));
    config.schema_file(Path::new(DIRECTORY).join("004_err_unknown_group.xsd"));
    let error = plesk_codegen::generate(&config).expect_err("two broken files");
    assert_eq!(error.schema_errors().len(), 2, "{error}");
}
