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
//! One deviation is derived, not listed: where one of our versions defines
//! a type name twice (one definition per envelope, as 1.6.7.0 does for
//! `domainPrefs`, `serverPrefs`, `aliasInfoType` and `BackupRemoteStorage`)
//! and the other once, the diff pairs the single definition with the first
//! of the two and reports the second as a removed type (an added one, the
//! other way round; the excuse needs that change in our report), so what
//! changed between the second and the single one is not reported. The corpora have
//! both definitions in both versions and report it. Such changes must be
//! missing from our report (so that this test says when the diff learns to
//! report them) and there must be some (so that the excuse is not empty by
//! accident of the versions at hand).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use plesk_codegen::Config;
use plesk_codegen::diff::{ChangeKind, Report, Subject, diff};
use plesk_codegen::model::{Schema, TypeName};

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

/// How many definitions of each type name the schema set in `dir` has.
fn definitions(dir: &Path) -> BTreeMap<String, usize> {
    let mut config = Config::plesk();
    config.schema(dir);
    let schema: Schema = plesk_codegen::load(&config).unwrap_or_else(|error| panic!("{}: {error}", dir.display()));
    let mut counts = BTreeMap::new();
    for def in &schema.types {
        if let TypeName::Named(name) = &def.name {
            *counts.entry(name.local.clone()).or_insert(0) += 1;
        }
    }
    counts
}

/// The named type a schema path starts at (`domainPrefs` of
/// `domainPrefs/icp-status`, of `aliasInfoType/pref/icp-status`, of
/// `UserInput#choice`).
fn root_type(schema_path: &str) -> &str {
    schema_path.split(['/', '#']).next().unwrap_or(schema_path)
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
    let our_report = report(&ours(old), &ours(new));
    let mine = structural(&our_report);
    let theirs = structural(&report(&corpus(old), &corpus(new)));
    assert!(!theirs.is_empty(), "the corpora of {old} and {new} differ");

    let (old_definitions, new_definitions) = (definitions(&ours(old)), definitions(&ours(new)));
    // Types of a name both versions define, but not equally often, whose
    // extra definition our report shows as added or removed.
    let unpaired: BTreeSet<&str> = our_report
        .changes
        .iter()
        .filter(|change| change.subject == Subject::Type && change.kind != ChangeKind::Changed)
        .map(|change| change.schema_path.as_str())
        .collect();
    let merged_or_split: BTreeSet<&str> = old_definitions
        .iter()
        .filter(|(name, count)| new_definitions.get(*name).is_some_and(|other| other != *count))
        .map(|(name, _)| name.as_str())
        .filter(|name| unpaired.contains(name))
        .collect();

    let show = |keys: &[&Key]| {
        keys.iter()
            .map(|(kind, subject, path)| format!("  {} {} {path}", kind.name(), subject.name()))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let only_theirs: Vec<&Key> = theirs.difference(&mine).collect();
    let (excused, unexplained): (Vec<&Key>, Vec<&Key>) =
        only_theirs.into_iter().partition(|(_, _, path)| merged_or_split.contains(root_type(path)));
    let only_mine: Vec<&Key> = mine.difference(&theirs).collect();
    println!(
        "{old} -> {new}: {} structural changes in ours, {} in the corpora; {} not reported by ours \
         below types defined once in one version and twice in the other ({}):\n{}",
        mine.len(),
        theirs.len(),
        excused.len(),
        merged_or_split.iter().copied().collect::<Vec<_>>().join(", "),
        show(&excused)
    );

    let mut failures = Vec::new();
    if !unexplained.is_empty() {
        failures.push(format!("reported between the corpora, not between ours:\n{}", show(&unexplained)));
    }
    if !only_mine.is_empty() {
        failures.push(format!("reported between ours, not between the corpora:\n{}", show(&only_mine)));
    }
    if !merged_or_split.is_empty() && excused.is_empty() {
        failures.push(format!(
            "no change below a type defined once in one version and twice in the other ({}) is missing: \
             the diff reports them now, drop the excuse from this test",
            merged_or_split.iter().copied().collect::<Vec<_>>().join(", ")
        ));
    }
    failures
}
