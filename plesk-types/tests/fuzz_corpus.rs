//! Replays the fuzz corpora (`plesk-types/fuzz/corpus/<target>/`) and the kept crash
//! reproducers (`plesk-types/fuzz/artifacts-kept/<target>/`, if any) through the checks
//! the fuzz targets run (`support/fuzz_checks.rs`), so that every input a
//! fuzz run found interesting stays a regression case of the ordinary
//! `cargo test`, on stable, without libFuzzer.

#[path = "support/fuzz_checks.rs"]
mod fuzz_checks;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use fuzz_checks::Side;

/// Fewer files than this in a corpus means it was lost, not minimized.
const MIN_CORPUS_FILES: usize = 50;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("plesk-types/fuzz")
}

/// The files directly inside `dir`, sorted. A missing directory fails: a
/// replay of nothing would pass.
fn files(dir: &Path) -> Vec<PathBuf> {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display()));
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.unwrap_or_else(|error| panic!("{}: {error}", dir.display())).path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

/// Runs every file through the checks of `side`, a panic counting as a
/// failure, and fails naming every file that does not pass.
fn replay(side: Side, files: &[PathBuf]) {
    let mut failures = Vec::new();
    for path in files {
        let data = std::fs::read(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let outcome = catch_unwind(AssertUnwindSafe(|| fuzz_checks::check(side, &data)));
        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(failure)) => failures.push(format!("{}: {failure}", path.display())),
            Err(panic) => {
                let message = panic
                    .downcast_ref::<String>()
                    .map(String::as_str)
                    .or_else(|| panic.downcast_ref::<&str>().copied())
                    .unwrap_or("(no message)");
                failures.push(format!("{}: panicked: {message}", path.display()));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} {} inputs fail the fuzz checks:\n\n{}",
        failures.len(),
        files.len(),
        side.target(),
        failures.join("\n\n")
    );
}

fn corpus(side: Side) -> Vec<PathBuf> {
    let dir = fuzz_dir().join("corpus").join(side.target());
    let corpus = files(&dir);
    assert!(
        corpus.len() >= MIN_CORPUS_FILES,
        "{}: {} files, expected at least {MIN_CORPUS_FILES}",
        dir.display(),
        corpus.len()
    );
    corpus
}

#[test]
fn request_corpus_passes_the_fuzz_checks() {
    replay(Side::Request, &corpus(Side::Request));
}

#[test]
fn response_corpus_passes_the_fuzz_checks() {
    replay(Side::Response, &corpus(Side::Response));
}

/// Only the sides that ever crashed have a directory of kept reproducers,
/// so a side may have none, but together they are never empty.
#[test]
fn kept_artifacts_pass_the_fuzz_checks() {
    let kept = fuzz_dir().join("artifacts-kept");
    let mut replayed = 0;
    for entry in std::fs::read_dir(&kept).unwrap_or_else(|error| panic!("{}: {error}", kept.display())) {
        let dir = entry.unwrap_or_else(|error| panic!("{}: {error}", kept.display())).path();
        let side = [Side::Request, Side::Response]
            .into_iter()
            .find(|side| dir.file_name().is_some_and(|name| name == side.target()))
            .unwrap_or_else(|| panic!("{}: not named after a fuzz target", dir.display()));
        let files = files(&dir);
        replay(side, &files);
        replayed += files.len();
    }
    assert!(replayed >= 1, "{}: no kept reproducer replayed", kept.display());
}

#[test]
#[should_panic(expected = "no-such-target")]
fn a_missing_corpus_directory_fails_instead_of_replaying_nothing() {
    files(&fuzz_dir().join("corpus").join("no-such-target"));
}

/// The replay is not vacuous: inputs that parse are among the corpus, so
/// the round-trip checks run on something.
#[test]
fn corpora_hold_documents_that_parse() {
    use plesk_types::v1_6_8_0::{RequestPacket, ResponsePacket};
    let parsing = |side: Side, read: fn(&[u8]) -> bool| {
        corpus(side).iter().filter(|path| read(&std::fs::read(path).unwrap())).count()
    };
    let requests = parsing(Side::Request, |data| RequestPacket::from_xml_bytes(data).is_ok());
    let responses = parsing(Side::Response, |data| ResponsePacket::from_xml_bytes(data).is_ok());
    assert!(requests >= 10, "only {requests} request corpus files parse");
    assert!(responses >= 10, "only {responses} response corpus files parse");
}
