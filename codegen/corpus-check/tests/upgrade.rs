//! The upgrade a library author makes when Plesk ships a protocol version
//! (README, "Upgrading to a new protocol version"), played on Plesk's own
//! files: in a scratch directory outside the checkout, a copy of the
//! project's `schemas/` gets Plesk's directory of protocol 1.6.6.0
//! (`../shared/plesk-schemas/1.6.6.0`, exactly as a server has it) as
//! `schemas/1.6.6.0/`; the family is generated as the project's `build.rs`
//! generates it, and `plesk-codegen diff` compares the new directory with
//! the project's `schemas/1.6.7.0`.
//!
//! What must hold: the family generates, with a `v1_6_6_0` module beside the
//! others whose roots are the two envelopes; the files of the directory that
//! neither envelope includes are named as left out (checked against the
//! include closure worked out here from the files themselves); the diff
//! reports every operator that only Plesk's 1.6.6.0 has as removed, keeps
//! the operators both have (nearly all; `user` and `webuser` among them)
//! and classifies their changes, and its verdict is semver major.
//!
//! Plesk's files are copied at test time only; nothing of them is kept.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use plesk_codegen::diff::{ChangeKind, Effect, Report, Semver, Subject};
use plesk_codegen::model::{Content, Schema, Term, TypeKind, TypeName, TypeRef};
use plesk_codegen::{Config, Family};

/// The new version, as Plesk ships it.
const NEW_VERSION: &str = "1.6.6.0";
/// The project's version it is compared with.
const PROJECT_VERSION: &str = "1.6.7.0";
/// The packet envelopes, the only roots of a server's directory.
const ENVELOPES: [&str; 2] = ["agent_input.xsd", "agent_output.xsd"];

/// A directory under the system's temporary directory, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Self {
        let dir = std::env::temp_dir().join(format!("plesk-upgrade-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display()));
        Self(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn plesk_directory() -> PathBuf {
    let dir = workspace().join("../shared/plesk-schemas").join(NEW_VERSION);
    assert!(dir.is_dir(), "{}: missing; the shared reference material belongs next to the checkout", dir.display());
    dir
}

/// Copies the files directly inside `from` into `to` (schema directories
/// are flat).
fn copy_directory(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap_or_else(|error| panic!("{}: {error}", to.display()));
    for entry in std::fs::read_dir(from).unwrap_or_else(|error| panic!("{}: {error}", from.display())) {
        let path = entry.expect("directory entry").path();
        if path.is_file() {
            let target = to.join(path.file_name().expect("file name"));
            std::fs::copy(&path, &target).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        }
    }
}

/// The configuration `build.rs` gives every protocol version.
fn plesk_config(schema_dir: &Path) -> Config {
    let mut config = Config::plesk();
    config.schema(schema_dir).runtime_crate("crate");
    config
}

/// The `*.xsd` file names directly inside `dir`.
fn xsd_names(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| entry.expect("directory entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".xsd"))
        .collect()
}

/// The files `roots` include or import, directly or not, and the roots
/// themselves: read from the `schemaLocation` attributes of the files, not
/// from the generator.
fn include_closure(dir: &Path, roots: &[&str]) -> BTreeSet<String> {
    let mut found: BTreeSet<String> = BTreeSet::new();
    let mut pending: Vec<String> = roots.iter().map(|root| (*root).to_owned()).collect();
    while let Some(name) = pending.pop() {
        if !found.insert(name.clone()) {
            continue;
        }
        let text = std::fs::read_to_string(dir.join(&name)).unwrap_or_else(|error| panic!("{name}: {error}"));
        for piece in text.split("schemaLocation=").skip(1) {
            let quote = piece.chars().next().expect("a quoted schemaLocation");
            let location = piece[1..].split(quote).next().expect("a closing quote");
            pending.push(location.to_owned());
        }
    }
    found
}

/// The operators of a packet envelope: the child elements of `<packet>`
/// other than `not_operators`, each with the schema path of its type (a
/// named type's name; the element's place for an anonymous one).
fn operators(envelope: &Path, not_operators: &[&str]) -> BTreeMap<String, String> {
    fn collect(term: &Term, into: &mut Vec<(String, TypeRef)>) {
        match term {
            Term::Element(element) => into.push((element.name.clone(), element.ty)),
            Term::Group(group) => group.particles.iter().for_each(|particle| collect(&particle.term, into)),
            Term::Any(_) => {}
        }
    }
    let mut config = Config::new();
    config.schema(envelope);
    let schema: Schema = plesk_codegen::load(&config).unwrap_or_else(|error| panic!("{}: {error}", envelope.display()));
    let packet = schema.elements.iter().find(|element| element.name == "packet").expect("a global <packet>");
    let mut children = Vec::new();
    if let TypeRef::Defined(id) = packet.ty
        && let TypeKind::Complex(complex) = &schema.get(id).kind
        && let Content::Elements(particle) = &complex.content
    {
        collect(&particle.term, &mut children);
    }
    children
        .into_iter()
        .filter(|(name, _)| !not_operators.contains(&name.as_str()))
        .map(|(name, ty)| {
            let path = match ty {
                TypeRef::Defined(id) => match &schema.get(id).name {
                    TypeName::Named(qname) => qname.local.clone(),
                    TypeName::Anonymous { .. } => format!("/packet/{name}"),
                },
                TypeRef::Builtin(builtin) => format!("xs:{}", builtin.name()),
            };
            (name, path)
        })
        .collect()
}

fn has_change(report: &Report, effect: Effect, kind: ChangeKind, subject: Subject, schema_path: &str) -> bool {
    report.changes.iter().any(|change| {
        change.effect == effect && change.kind == kind && change.subject == subject && change.schema_path == schema_path
    })
}

#[test]
fn a_plesk_servers_directory_joins_the_family_and_the_diff_reports_what_it_changes() {
    let started = Instant::now();
    let scratch = Scratch::new();
    let schemas = scratch.0.join("schemas");
    let project_schemas = workspace().join("schemas");
    assert!(!project_schemas.join(NEW_VERSION).exists(), "the project must not hold Plesk's {NEW_VERSION} files");

    // Step 1 of the README: the server's directory, as it is, beside the project's versions.
    let mut versions: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(&project_schemas).expect("schemas/") {
        let dir = entry.expect("directory entry").path();
        if dir.is_dir() {
            let version = dir.file_name().expect("a version directory").to_string_lossy().into_owned();
            copy_directory(&dir, &schemas.join(&version));
            versions.push(version);
        }
    }
    assert!(versions.iter().any(|version| version == PROJECT_VERSION), "schemas/{PROJECT_VERSION} is missing");
    let plesk = plesk_directory();
    let new_dir = schemas.join(NEW_VERSION);
    copy_directory(&plesk, &new_dir);
    versions.push(NEW_VERSION.to_owned());
    versions.sort();

    // Step 4: the family, as build.rs generates it.
    let builder = versions.iter().fold(Family::builder("crate::shared"), |builder, version| {
        builder.member(format!("v{}", version.replace('.', "_")), plesk_config(&schemas.join(version)))
    });
    let family = builder.generate().unwrap_or_else(|error| panic!("the family: {error}"));
    let out = scratch.0.join("out");
    let written = family.write(Some(&out)).unwrap_or_else(|error| panic!("writing the family: {error}"));
    let member_names: Vec<&str> = family.members.iter().map(|member| member.name.as_str()).collect();
    let expected_names: Vec<String> =
        versions.iter().map(|version| format!("v{}", version.replace('.', "_"))).collect();
    assert_eq!(member_names, expected_names);
    assert!(written.contains(&out.join("v1_6_6_0.rs")), "v1_6_6_0.rs not written: {written:?}");
    let new_module = &family.members.iter().find(|member| member.name == "v1_6_6_0").expect("v1_6_6_0").code;
    for packet in ["RequestPacket", "ResponsePacket"] {
        assert!(new_module.contains(&format!("pub struct {packet} ")), "v1_6_6_0 has no struct {packet}");
    }
    for (name, code) in
        family.members.iter().map(|member| (member.name.as_str(), &member.code)).chain([("shared", &family.shared)])
    {
        assert!(!code.contains("RequestPacket2") && !code.contains("ResponsePacket2"), "{name}: a ...2 packet name");
    }

    // The files neither envelope includes are left out, and named.
    let new_config = plesk_config(&new_dir);
    let left_out = new_config.left_out(&family.files).expect("the left-out files");
    let left_out_names: BTreeSet<String> = left_out
        .iter()
        .map(|file| file.path.file_name().expect("a file name").to_string_lossy().into_owned())
        .collect();
    let reached = include_closure(&new_dir, &ENVELOPES);
    let expected_left_out: BTreeSet<String> = xsd_names(&new_dir).difference(&reached).cloned().collect();
    assert!(expected_left_out.contains("test.xsd"), "test.xsd is reached from an envelope: {reached:?}");
    assert_eq!(left_out_names, expected_left_out);
    for file in &left_out {
        assert_eq!(file.reason, "included by neither root (agent_input.xsd, agent_output.xsd)", "{file:?}");
    }

    // Step 3: what changed for the Rust API, from Plesk's 1.6.6.0 to the
    // project's 1.6.7.0.
    let project_dir = schemas.join(PROJECT_VERSION);
    let report = plesk_codegen::diff::diff(&new_config, &plesk_config(&project_dir))
        .unwrap_or_else(|error| panic!("the diff: {error}"));
    assert_eq!(report.semver(), Semver::Major, "{}", report.to_text());
    assert!(report.is_breaking());

    let old_operators = operators(&new_dir.join("agent_input.xsd"), &["request-settings"]);
    let project_operators = operators(&project_dir.join("agent_input.xsd"), &["request-settings"]);
    let kept: Vec<&str> =
        project_operators.keys().filter(|name| old_operators.contains_key(*name)).map(String::as_str).collect();
    // The project's 1.6.7.0 has every operator of its protocol; Plesk's
    // 1.6.6.0 nearly all of them.
    assert!(kept.len() >= 30 && kept.contains(&"user") && kept.contains(&"webuser"), "kept: {kept:?}");
    let only_plesk: Vec<(&String, &String)> =
        old_operators.iter().filter(|(name, _)| !project_operators.contains_key(*name)).collect();
    let not_removed: Vec<String> = only_plesk
        .iter()
        .filter(|(_, path)| !has_change(&report, Effect::Breaking, ChangeKind::Removed, Subject::Type, path))
        .map(|(name, path)| format!("<{name}> ({path})"))
        .collect();
    assert!(not_removed.is_empty(), "operators only in {NEW_VERSION} not reported removed: {not_removed:?}");
    // The operators both have keep their types: none of those is removed.
    for name in &kept {
        let path = &project_operators[*name];
        assert!(
            !report.changes.iter().any(|change| change.kind == ChangeKind::Removed && &change.schema_path == path),
            "<{name}>'s type {path} reported removed"
        );
    }

    // The changes of the operators both have are classified: Plesk's string
    // types become the project's builtin strings (the field's Rust type
    // changes: breaking), the project's 1.6.7.0 adds facets to the webuser
    // password (the same API, other documents: behavioral).
    let user_changes: Vec<_> = report
        .changes
        .iter()
        .filter(|change| change.schema_path.starts_with("User") || change.schema_path.starts_with("WebUser"))
        .collect();
    assert!(user_changes.iter().any(|change| change.effect == Effect::Breaking));
    assert!(user_changes.iter().any(|change| change.effect == Effect::Behavioral));
    assert!(has_change(&report, Effect::Breaking, ChangeKind::Changed, Subject::ValueType, "UserAddGenInfo/login"));
    assert!(has_change(&report, Effect::Behavioral, ChangeKind::Added, Subject::Facet, "WebUserAddInputType/password"));
    assert_eq!(
        report.count(Effect::Breaking) + report.count(Effect::Additive) + report.count(Effect::Behavioral),
        report.changes.len()
    );

    println!(
        "{NEW_VERSION} joined {} versions: {} files left out, {} shared items; diff to {PROJECT_VERSION}: {} changes \
         ({} breaking, {} additive, {} behavioral), {} operators removed; {:.1} s",
        versions.len(),
        left_out.len(),
        family.shared_items.len(),
        report.changes.len(),
        report.count(Effect::Breaking),
        report.count(Effect::Additive),
        report.count(Effect::Behavioral),
        only_plesk.len(),
        started.elapsed().as_secs_f64()
    );
}
