//! The one way the tests of both packages run libxml2's `xmllint`, the
//! validator they trust: one document, many documents in few runs, or only
//! whether a schema compiles. Included with `#[path]` by every test that
//! runs xmllint, each of which uses part of it.
//!
//! These tests never skip: without xmllint (Debian package `libxml2-utils`,
//! which CI installs) they fail and say how to install it.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// How many documents one `xmllint` run is given (command lines have limits).
const BATCH: usize = 500;

/// What one xmllint run said: its exit status and its messages.
#[derive(Debug, Clone)]
pub struct Run {
    /// 0: valid; 1: not well-formed; 3: not valid; 5: the schema does not compile.
    pub status: Option<i32>,
    /// Its standard error, where it writes every verdict and message.
    pub report: String,
}

/// Runs `xmllint --noout --nonet --schema SCHEMA FILES...`.
///
/// # Panics
///
/// When xmllint is not installed or cannot be started.
pub fn run(schema: &Path, files: &[PathBuf]) -> Run {
    let output = match Command::new("xmllint").args(["--noout", "--nonet", "--schema"]).arg(schema).args(files).output()
    {
        Ok(output) => output,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => panic!(
            "xmllint is not installed: install the Debian package libxml2-utils \
             (`apt-get install libxml2-utils`); CI installs it. These tests are never skipped."
        ),
        Err(error) => panic!("cannot run xmllint: {error}"),
    };
    Run { status: output.status.code(), report: String::from_utf8_lossy(&output.stderr).into_owned() }
}

/// A fresh directory under the target directory, for the files of one run.
pub fn scratch_dir(purpose: &str) -> PathBuf {
    static RUN: AtomicUsize = AtomicUsize::new(0);
    let run = RUN.fetch_add(1, Ordering::Relaxed);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("xmllint-{purpose}-{}-{run}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display()));
    dir
}

fn write(file: &Path, document: &str) {
    std::fs::write(file, document).unwrap_or_else(|error| panic!("cannot write {}: {error}", file.display()));
}

/// What xmllint said about one document.
#[derive(Debug, Clone)]
pub struct Verdict {
    /// The document is well-formed and valid against the schema.
    pub valid: bool,
    /// xmllint's messages.
    pub report: String,
}

/// Validates `document` against `schema`.
///
/// # Panics
///
/// When xmllint fails for another reason than the document (a schema that
/// does not compile, say).
pub fn validate(schema: &Path, document: &str) -> Verdict {
    let dir = scratch_dir("one");
    let file = dir.join("document.xml");
    write(&file, document);
    let Run { status, report } = run(schema, std::slice::from_ref(&file));
    // Best effort: a temporary file left behind in the target directory is harmless.
    let _ = std::fs::remove_dir_all(&dir);
    match status {
        Some(0) => Verdict { valid: true, report },
        Some(1 | 3) => Verdict { valid: false, report },
        other => panic!("xmllint could not validate the document against {} ({other:?}):\n{report}", schema.display()),
    }
}

/// Whether xmllint compiles `schema`: it is given a document the schema
/// does not describe, whose rejection does not matter. The error is
/// xmllint's report.
pub fn compiles(schema: &Path) -> Result<(), String> {
    let dir = scratch_dir("compiles");
    let file = dir.join("not-described.xml");
    write(&file, "<not-described/>");
    let Run { status, report } = run(schema, std::slice::from_ref(&file));
    let _ = std::fs::remove_dir_all(&dir);
    if status == Some(5) || report.contains("failed to compile") { Err(report) } else { Ok(()) }
}

/// Validates `documents` (label, XML) against `schema`; returns xmllint's
/// messages for each document it rejects, by label.
///
/// # Panics
///
/// When xmllint gives no verdict on a document.
pub fn validate_all(schema: &Path, documents: &[(&str, &str)]) -> BTreeMap<String, String> {
    let dir = scratch_dir("batch");
    let mut failures = BTreeMap::new();
    for (batch, chunk) in documents.chunks(BATCH).enumerate() {
        let mut files = Vec::new();
        for (index, (_, document)) in chunk.iter().enumerate() {
            let file = dir.join(format!("{batch}-{index}.xml"));
            write(&file, document);
            files.push(file);
        }
        let report = run(schema, &files).report;
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
