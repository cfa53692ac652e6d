//! `plesk-codegen diff` between the bundled protocol versions tells the
//! same structural story as the same diff between the two corpora
//! (`../shared/corpus/plesk-1.6.7.0` and `plesk-1.6.8.0`, read where they
//! are): every element, attribute, group, wildcard, occurrence, order and
//! root element change of 1.6.7.0 -> 1.6.8.0 that one reports, the other
//! reports too, keyed by what changed, where in the schema (the schema
//! path) and whether it was added, removed or changed.
//!
//! Not compared, because they follow the file layout or facts the corpora
//! lack: types added or removed and Rust names and value types (the corpora
//! define every type of an envelope in its one file, ours split them over
//! Plesk's files, so the generated names differ), and facets, enumeration
//! values, union members, text content, defaults and tolerated absences
//! (the corpora have no facets nor simple types, the conventions are the
//! same on both sides).
//!
//! No deviation is excused. Where one of our versions defines a type name
//! twice (one definition per envelope, as 1.6.7.0 does for `domainPrefs`,
//! `serverPrefs`, `aliasInfoType` and `BackupRemoteStorage`) and the other
//! once, the changes between each of the two and the single one must be
//! reported, as the corpora (both definitions in both versions) report them.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use plesk_codegen::Config;
use plesk_codegen::diff::{ChangeKind, Report, Subject, diff};

#[path = "support/files.rs"]
mod files;
use files::workspace;

/// The subjects both reports can be compared on: the structure the
/// corpora carry.
const STRUCTURAL: [Subject; 7] = [
    Subject::Element,
    Subject::Attribute,
    Subject::Group,
    Subject::Wildcard,
    Subject::Occurrence,
    Subject::Order,
    Subject::RootElement,
];

/// A structural change: added, removed or changed; what; where.
type Key = (ChangeKind, Subject, String);

fn ours(version: &str) -> PathBuf {
    workspace().join("schemas").join(version)
}

fn corpus(version: &str) -> PathBuf {
    workspace().join("../shared/corpus").join(format!("plesk-{version}"))
}

/// The report from `old` to `new`, with the Plesk conventions (as the
/// command line reports without `--bare`).
fn report(old: &Path, new: &Path) -> Report {
    let (mut old_config, mut new_config) = (Config::plesk(), Config::plesk());
    old_config.schema(old);
    new_config.schema(new);
    diff(&old_config, &new_config).unwrap_or_else(|error| panic!("{} -> {}:\n{error}", old.display(), new.display()))
}

/// The structural changes of a report, each once (a corpus reports a
/// change of a type both envelopes define once per envelope).
fn structural(report: &Report) -> BTreeSet<Key> {
    report
        .changes
        .iter()
        .filter(|change| STRUCTURAL.contains(&change.subject))
        .map(|change| (change.kind, change.subject, change.schema_path.clone()))
        .collect()
}

#[test]
fn the_diff_of_the_bundled_versions_has_the_structural_changes_of_the_diff_of_the_corpora() {
    let mut failures = Vec::new();
    for (old, new) in [("1.6.7.0", "1.6.8.0"), ("1.6.8.0", "1.6.7.0")] {
        failures.extend(compare(old, new).into_iter().map(|failure| format!("{old} -> {new}: {failure}")));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// What is wrong with our report from `old` to `new`, compared with the
/// corpora's.
fn compare(old: &str, new: &str) -> Vec<String> {
    let mine = structural(&report(&ours(old), &ours(new)));
    let theirs = structural(&report(&corpus(old), &corpus(new)));
    assert!(!theirs.is_empty(), "the corpora of {old} and {new} differ");

    let show = |keys: Vec<&Key>| {
        keys.iter()
            .map(|(kind, subject, path)| format!("  {} {} {path}", kind.name(), subject.name()))
            .collect::<Vec<_>>()
            .join("\n")
    };
    println!("{old} -> {new}: {} structural changes in ours, {} in the corpora", mine.len(), theirs.len());
    let only_theirs: Vec<&Key> = theirs.difference(&mine).collect();
    let only_mine: Vec<&Key> = mine.difference(&theirs).collect();
    let mut failures = Vec::new();
    if !only_theirs.is_empty() {
        failures.push(format!("reported between the corpora, not between ours:\n{}", show(only_theirs)));
    }
    if !only_mine.is_empty() {
        failures.push(format!("reported between ours, not between the corpora:\n{}", show(only_mine)));
    }
    failures
}
