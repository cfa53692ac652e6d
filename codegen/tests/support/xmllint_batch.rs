//! Validating many documents against one schema with few `xmllint` runs,
//! shared by the sample tests and the whole-API corpus check.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// How many documents one `xmllint` run is given (command lines have limits).
const BATCH: usize = 500;

/// Validates `documents` (label, XML) against `schema`; returns xmllint's
/// messages for each document it rejects, by label.
///
/// # Panics
///
/// When xmllint is not installed (install `libxml2-utils`; these tests never
/// skip), or gives no verdict on a document.
pub fn xmllint_all(schema: &Path, documents: &[(&str, &str)]) -> BTreeMap<String, String> {
    static RUN: AtomicUsize = AtomicUsize::new(0);
    let run = RUN.fetch_add(1, Ordering::Relaxed);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("xmllint-batch-{}-{run}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display()));
    let mut failures = BTreeMap::new();
    for (batch, chunk) in documents.chunks(BATCH).enumerate() {
        let mut files = Vec::new();
        for (index, (_, document)) in chunk.iter().enumerate() {
            let file = dir.join(format!("{batch}-{index}.xml"));
            std::fs::write(&file, document).unwrap_or_else(|error| panic!("{}: {error}", file.display()));
            files.push(file);
        }
        let output = match Command::new("xmllint").arg("--noout").arg("--schema").arg(schema).args(&files).output() {
            Ok(output) => output,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => panic!(
                "xmllint is not installed: install the Debian package libxml2-utils \
                 (`apt-get install libxml2-utils`); CI installs it. These tests are never skipped."
            ),
            Err(error) => panic!("cannot run xmllint: {error}"),
        };
        let report = String::from_utf8_lossy(&output.stderr);
        for (file, (label, _)) in files.iter().zip(chunk) {
            let name = file.display().to_string();
            if report.lines().any(|line| line == format!("{name} validates")) {
                continue;
            }
            let messages: Vec<&str> = report.lines().filter(|line| line.starts_with(&name)).collect();
            assert!(!messages.is_empty(), "xmllint gave no verdict on {name} ({label}):\n{report}");
            failures.insert((*label).to_owned(), messages.join("\n"));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    failures
}
