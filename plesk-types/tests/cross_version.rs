//! What one bundled version has and the other lacks, read by both modules:
//! a sample of it is accepted by the version that has it and refused by the
//! other, which names the element, where it is and the element path of its
//! parent.
//!
//! The differences are derived, not listed: the content models of 1.6.7.0
//! and 1.6.8.0 are walked side by side from `<packet>` (request and
//! response), child elements matched by name, and every element path one
//! version declares below an element both declare, and the other does not,
//! is a difference: operators, operations and elements inside operations
//! alike (only the shallowest path of a missing subtree counts). For each,
//! the minimal sample of its element path (`plesk_codegen::sample`) in the
//! version that has it must be valid there, for xmllint and for the
//! version's module (`from_xml`, `validate()`, written back as it was), and
//! refused by the other: xmllint rejects it against the other version's
//! files, and the other module's `from_xml` fails with an unexpected
//! element error naming it, at its parent's element path and at the line
//! and column of its start tag.
//!
//! So that the walk cannot find nothing and pass, the differences known
//! from the corpus (`../shared/corpus`) must be among those found, in each
//! direction: 1.6.7.0's billing operations of the user operator and its
//! `wp-instance` operator (and, in responses, `smb`); 1.6.8.0's `extension`
//! operator (and, in responses, `php-handler`).
//!
//! Needs every operator and both versions compiled in: `[[test]]` with
//! `required-features = ["full", "v1_6_7_0", "v1_6_8_0"]` (CI's
//! `--all-features` has them), and `xmllint` (Debian package
//! `libxml2-utils`): without it the test fails, it never skips.

use std::collections::{BTreeSet, HashSet, VecDeque};
use std::fmt::Write as _;

use plesk_codegen::model::Schema;
use plesk_codegen::sample::{Extent, Sampler};
use plesk_types::xml::{ReadError, ReadErrorKind};

#[path = "../../codegen/tests/support/envelope.rs"]
mod envelope;
#[path = "support/whole_api.rs"]
mod whole_api;
#[path = "../../codegen/tests/support/xmllint.rs"]
mod xmllint;

use whole_api::{Side, VERSIONS, Version};

/// The element paths each of two schemas declares and the other does not.
#[derive(Debug, Default)]
struct Lacking {
    /// Declared by the first schema only.
    first_only: Vec<String>,
    /// Declared by the second schema only.
    second_only: Vec<String>,
    /// Element paths both declare, one with element content and the other
    /// with a simple or open type: not compared below.
    not_compared: Vec<String>,
}

/// Walks the content models of two schemas from `<packet>`, element by
/// element, breadth first, from the `<packet>` both define in the envelope
/// file `envelope`; each pair of types is compared once.
fn lacking(first: &Schema, second: &Schema, envelope: &str) -> Lacking {
    let packet = |schema: &Schema| envelope::packet(schema, envelope).ty;
    let mut found = Lacking::default();
    let mut seen = HashSet::new();
    let mut pending = VecDeque::from([("packet".to_owned(), packet(first), packet(second))]);
    while let Some((path, first_ty, second_ty)) = pending.pop_front() {
        if !seen.insert((first_ty, second_ty)) {
            continue;
        }
        let (first_children, second_children) =
            (envelope::child_elements(first, first_ty), envelope::child_elements(second, second_ty));
        if first_children.is_empty() != second_children.is_empty() {
            found.not_compared.push(path);
            continue;
        }
        for (name, ty) in &first_children {
            match second_children.iter().find(|(other, _)| other == name) {
                Some((_, other_ty)) => pending.push_back((format!("{path}/{name}"), *ty, *other_ty)),
                None => found.first_only.push(format!("{path}/{name}")),
            }
        }
        for (name, _) in &second_children {
            if !first_children.iter().any(|(other, _)| other == name) {
                found.second_only.push(format!("{path}/{name}"));
            }
        }
    }
    found
}

/// An element path one version has and the other lacks.
struct Difference<'v> {
    side: usize,
    has: &'v Version,
    lacks: &'v Version,
    path: String,
}

impl Difference<'_> {
    fn label(&self) -> String {
        format!("{} {} only: {}", self.has.name, self.has.sides[self.side].name, self.path)
    }
}

/// The differences known from the corpus, by side: (version that has it, element path).
const KNOWN: [&[(&str, &str)]; 2] = [
    &[
        ("1.6.7.0", "packet/user/add-billing"),
        ("1.6.7.0", "packet/user/set-billing"),
        ("1.6.7.0", "packet/user/del-billing"),
        ("1.6.7.0", "packet/wp-instance"),
        ("1.6.8.0", "packet/extension"),
    ],
    &[
        ("1.6.7.0", "packet/user/add-billing"),
        ("1.6.7.0", "packet/smb"),
        ("1.6.7.0", "packet/wp-instance"),
        ("1.6.8.0", "packet/extension"),
        ("1.6.8.0", "packet/php-handler"),
    ],
];

#[test]
fn what_one_version_has_and_the_other_lacks_is_accepted_by_one_module_and_refused_by_the_other() {
    let [newer, older] = &VERSIONS;
    let mut failures = Vec::new();
    let mut summary = String::new();
    for (side, known_differences) in KNOWN.iter().enumerate() {
        let (newer_file, older_file) = (newer.envelope(&newer.sides[side]), older.envelope(&older.sides[side]));
        let (newer_schema, older_schema) = (whole_api::load(&newer_file), whole_api::load(&older_file));
        let found = lacking(&newer_schema, &older_schema, newer.sides[side].file);
        let differences: Vec<Difference<'_>> = found
            .first_only
            .iter()
            .map(|path| Difference { side, has: newer, lacks: older, path: path.clone() })
            .chain(found.second_only.iter().map(|path| Difference {
                side,
                has: older,
                lacks: newer,
                path: path.clone(),
            }))
            .collect();
        let _ = writeln!(
            summary,
            "{} side: {} paths only in {}, {} only in {}{}",
            newer.sides[side].name,
            found.first_only.len(),
            newer.name,
            found.second_only.len(),
            older.name,
            if found.not_compared.is_empty() {
                String::new()
            } else {
                format!("; not compared below: {}", found.not_compared.join(", "))
            }
        );
        for difference in &differences {
            let _ = writeln!(summary, "  {}", difference.label());
        }

        let derived: BTreeSet<(&str, &str)> =
            differences.iter().map(|difference| (difference.has.name, difference.path.as_str())).collect();
        for known in *known_differences {
            if !derived.contains(known) {
                failures.push(format!(
                    "{} side: {} only {} is known from the corpus, but not found",
                    newer.sides[side].name, known.0, known.1
                ));
            }
        }

        let samplers = [(newer, Sampler::new(&newer_schema)), (older, Sampler::new(&older_schema))];
        let sampler_of =
            |version: &Version| &samplers.iter().find(|(of, _)| std::ptr::eq(*of, version)).expect("a sampler").1;
        let mut samples = Vec::new();
        for difference in &differences {
            match sampler_of(difference.has).element(&difference.path, Extent::Minimal) {
                Ok(sample) => samples.push((difference, sample.xml)),
                Err(error) => failures.push(format!("{}: no sample: {error}", difference.label())),
            }
        }
        for (difference, xml) in &samples {
            failures.extend(
                check_modules(difference, xml).err().map(|problem| format!("{}: {problem}\n{xml}", difference.label())),
            );
        }
        failures.extend(check_xmllint(&samples));
    }
    println!("{summary}");
    assert!(failures.is_empty(), "{summary}{} failure(s):\n\n{}", failures.len(), failures.join("\n\n"));
}

/// The module of the version that has the element reads the sample,
/// validates it and writes it back as it was; the other refuses it at the
/// element.
fn check_modules(difference: &Difference<'_>, xml: &str) -> Result<(), String> {
    let has: &Side = &difference.has.sides[difference.side];
    let read = (has.read)(xml).map_err(|error| format!("refused by {}: {error}", difference.has.module))?;
    if let Some(violations) = read.violations {
        return Err(format!("invalid for {}: {violations}", difference.has.module));
    }
    if read.written != xml {
        return Err(format!("written back differently by {}:\n{}", difference.has.module, read.written));
    }
    let lacks: &Side = &difference.lacks.sides[difference.side];
    let error = match (lacks.read)(xml) {
        Ok(_) => return Err(format!("accepted by {}", difference.lacks.module)),
        Err(error) => error,
    };
    refused_at_the_element(&difference.path, xml, &error)
        .map_err(|problem| format!("refused by {} with `{error}`, but {problem}", difference.lacks.module))
}

/// The error is an unexpected element error naming the last element of
/// `path`, at its parent's path and at its start tag.
fn refused_at_the_element(path: &str, xml: &str, error: &ReadError) -> Result<(), String> {
    let (parent, name) = path.rsplit_once('/').expect("a difference is below <packet>");
    match error.kind() {
        ReadErrorKind::UnexpectedElement { found, .. } if found == name => {}
        other => return Err(format!("expected an unexpected <{name}> error, not: {other}")),
    }
    if error.path() != parent {
        return Err(format!("the error's path is not {parent}"));
    }
    let position = error.position();
    let line = xml.lines().nth(position.line - 1).unwrap_or_default();
    let tag = line.chars().skip(position.column - 1).collect::<String>();
    if !tag.starts_with(&format!("<{name}>"))
        && !tag.starts_with(&format!("<{name} "))
        && !tag.starts_with(&format!("<{name}/"))
    {
        return Err(format!("{position} is not at <{name}>: line {:?}", line));
    }
    Ok(())
}

/// xmllint agrees: each sample is valid against the files of the version
/// that has its element and invalid against the other's.
fn check_xmllint(samples: &[(&Difference<'_>, String)]) -> Vec<String> {
    let mut failures = Vec::new();
    for version in &VERSIONS {
        for (side_index, side) in version.sides.iter().enumerate() {
            let of_side = || samples.iter().filter(move |(difference, _)| difference.side == side_index);
            let has: Vec<(String, &str)> = of_side()
                .filter(|(difference, _)| std::ptr::eq(difference.has, version))
                .map(|(difference, xml)| (difference.label(), xml.as_str()))
                .collect();
            let lacks: Vec<(String, &str)> = of_side()
                .filter(|(difference, _)| std::ptr::eq(difference.lacks, version))
                .map(|(difference, xml)| (difference.label(), xml.as_str()))
                .collect();
            let envelope = version.envelope(side);
            let documents: Vec<(&str, &str)> = has.iter().map(|(label, xml)| (label.as_str(), *xml)).collect();
            for (label, messages) in xmllint::validate_all(&envelope, &documents) {
                failures.push(format!("{label}: rejected by xmllint against {}:\n{messages}", version.name));
            }
            let documents: Vec<(&str, &str)> = lacks.iter().map(|(label, xml)| (label.as_str(), *xml)).collect();
            let rejected = xmllint::validate_all(&envelope, &documents);
            for (label, _) in &documents {
                if !rejected.contains_key(*label) {
                    failures.push(format!("{label}: valid for xmllint against {}, which lacks it", version.name));
                }
            }
        }
    }
    failures
}
