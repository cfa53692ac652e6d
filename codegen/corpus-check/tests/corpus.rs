//! Every operation of the whole Plesk XML API, both directions: for each
//! operator of the request and the response packet of the stress corpus
//! and each of its operations (`packet/<operator>/<operation>`), the
//! minimal and the maximal sample (`plesk_codegen::sample`) must be valid
//! for `xmllint --schema`, read with the generated types, pass `validate()`
//! and be written back by `to_xml_pretty()` byte for byte. The whole packet
//! is sampled too. Open content (`xs:anyType`, `xs:any`) and recursion must
//! be exercised by the maximal samples and survive the round trip.
//!
//! The test prints the counts (operators, operations, samples) and fails
//! listing every failing sample. `xmllint` (Debian package `libxml2-utils`)
//! must be installed: without it the test fails, it never skips.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use corpus_check::plesk::{RequestPacket, ResponsePacket};
use plesk_codegen::Config;

#[path = "../../tests/support/xmllint.rs"]
mod xmllint;
use plesk_codegen::model::{Schema, Term, TypeId, TypeKind, TypeName, TypeRef};
use plesk_codegen::sample::{Extent, Sample, Sampler};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/plesk-1.6.8.0")
}

/// One direction of the protocol.
struct Side {
    name: &'static str,
    file: &'static str,
    /// Children of `<packet>` that are not operators.
    not_operators: &'static [&'static str],
    /// Reads, validates and writes back a packet.
    round_trip: fn(&str) -> Result<String, String>,
}

const SIDES: [Side; 2] = [
    Side { name: "request", file: "agent_input.xsd", not_operators: &["request-settings"], round_trip: request },
    Side { name: "response", file: "agent_output.xsd", not_operators: &["system", "output"], round_trip: response },
];

fn request(document: &str) -> Result<String, String> {
    let packet = RequestPacket::from_xml(document).map_err(|error| format!("from_xml: {error}"))?;
    packet.validate().map_err(|errors| format!("validate(): {errors}"))?;
    Ok(packet.to_xml_pretty())
}

fn response(document: &str) -> Result<String, String> {
    let packet = ResponsePacket::from_xml(document).map_err(|error| format!("from_xml: {error}"))?;
    packet.validate().map_err(|errors| format!("validate(): {errors}"))?;
    Ok(packet.to_xml_pretty())
}

/// A sample to check.
struct Checked {
    label: String,
    sample: Sample,
}

#[test]
fn every_operation_round_trips_its_minimal_and_maximal_samples() {
    let started = Instant::now();
    let mut failures: Vec<String> = Vec::new();
    let mut summary = String::new();
    let (mut open_content, mut recursions, mut total) = (0, 0, 0);
    let mut recursive_types = Vec::new();
    for side in &SIDES {
        let schema_file = corpus_dir().join(side.file);
        let mut config = Config::new();
        config.schema_file(&schema_file);
        let schema = plesk_codegen::load(&config).unwrap_or_else(|error| panic!("{}: {error}", schema_file.display()));
        let sampler = Sampler::new(&schema);
        recursive_types.extend(recursive(&schema).into_iter().map(|name| format!("{}: {name}", side.file)));

        let operators: Vec<String> = sampler
            .child_elements("packet")
            .unwrap()
            .into_iter()
            .filter(|name| !side.not_operators.contains(&name.as_str()))
            .collect();
        let mut checked = Vec::new();
        let mut operations = 0;
        for extent in [Extent::Minimal, Extent::Maximal] {
            match sampler.element("packet", extent) {
                Ok(sample) => checked.push(Checked { label: format!("{} {extent} packet", side.name), sample }),
                Err(error) => failures.push(format!("{} {extent} packet: no sample: {error}", side.name)),
            }
        }
        for operator in &operators {
            let names = sampler.child_elements(&format!("packet/{operator}")).unwrap();
            if names.is_empty() {
                failures.push(format!("{} packet/{operator}: an operator without operations", side.name));
            }
            for operation in names {
                operations += 1;
                let path = format!("packet/{operator}/{operation}");
                for extent in [Extent::Minimal, Extent::Maximal] {
                    let label = format!("{} {extent} {path}", side.name);
                    match sampler.element(&path, extent) {
                        Ok(sample) => checked.push(Checked { label, sample }),
                        Err(error) => failures.push(format!("{label}: no sample: {error}")),
                    }
                }
            }
        }

        let documents: Vec<(&str, &str)> =
            checked.iter().map(|checked| (checked.label.as_str(), checked.sample.xml.as_str())).collect();
        for (label, messages) in xmllint::validate_all(&schema_file, &documents) {
            failures.push(format!("{label}: rejected by xmllint:\n{messages}"));
        }
        for Checked { label, sample } in &checked {
            if let Err(problem) = round_trip(side, sample) {
                failures.push(format!("{label}: {problem}"));
            }
            open_content += sample.open_content;
            recursions += sample.recursions;
        }
        let _ = writeln!(
            summary,
            "{}: {} operators, {operations} operations, {} samples",
            side.name,
            operators.len(),
            checked.len()
        );
        total += checked.len();
    }
    let _ = writeln!(
        summary,
        "{total} samples checked ({open_content} elements of open content, {recursions} recursive nestings) in {:.1?}",
        started.elapsed()
    );
    println!("{summary}");
    assert!(open_content > 0, "no maximal sample exercises open content (xs:anyType, xs:any)");
    // The corpus has no recursive type today; should one appear, the
    // maximal samples must go through it (the `recursive` case schema is
    // round-tripped by plesk-types' `samples` test).
    if recursive_types.is_empty() {
        println!("the corpus has no recursive type");
    } else {
        println!("recursive types: {}", recursive_types.join(", "));
        assert!(recursions > 0, "no maximal sample exercises a recursive type ({})", recursive_types.join(", "));
    }
    assert!(failures.is_empty(), "{summary}{} failure(s):\n\n{}", failures.len(), failures.join("\n\n"));
}

/// The complex types of `schema` that can contain themselves, by name (or
/// by place, when anonymous).
fn recursive(schema: &Schema) -> Vec<String> {
    fn collect(term: &Term, into: &mut Vec<TypeId>) {
        match term {
            Term::Element(element) => {
                if let TypeRef::Defined(id) = element.ty {
                    into.push(id);
                }
            }
            Term::Any(_) => {}
            Term::Group(group) => group.particles.iter().for_each(|particle| collect(&particle.term, into)),
        }
    }
    let contains: Vec<Vec<TypeId>> = schema
        .types
        .iter()
        .map(|def| {
            let mut children = Vec::new();
            if let TypeKind::Complex(complex) = &def.kind {
                schema.effective_particles(complex).iter().for_each(|particle| collect(&particle.term, &mut children));
            }
            children
        })
        .collect();
    let mut found = Vec::new();
    for start in 0..schema.types.len() {
        let mut seen = vec![false; schema.types.len()];
        let mut pending = contains[start].clone();
        while let Some(id) = pending.pop() {
            if id.0 == start {
                found.push(match &schema.types[start].name {
                    TypeName::Named(name) => name.local.clone(),
                    TypeName::Anonymous { .. } => {
                        format!("anonymous type at {}", schema.sources.locate(schema.types[start].span))
                    }
                });
                break;
            }
            if !std::mem::replace(&mut seen[id.0], true) {
                pending.extend(&contains[id.0]);
            }
        }
    }
    found
}

/// Reads, validates and writes back one sample; the result must be the
/// sample, open content included.
fn round_trip(side: &Side, sample: &Sample) -> Result<(), String> {
    let written = (side.round_trip)(&sample.xml)?;
    if written == sample.xml {
        return Ok(());
    }
    let lost = sample.xml.matches("<any-child").count().saturating_sub(written.matches("<any-child").count());
    let mut problem = String::from("written back differently");
    if lost > 0 {
        let _ = write!(problem, " ({lost} open content child elements lost)");
    }
    let _ = write!(problem, ": {}", first_difference(&sample.xml, &written));
    Err(problem)
}

/// The first line where two documents differ, with its neighbours.
fn first_difference(expected: &str, actual: &str) -> String {
    let expected_lines: Vec<&str> = expected.lines().collect();
    let actual_lines: Vec<&str> = actual.lines().collect();
    let at = expected_lines.iter().zip(&actual_lines).take_while(|(a, b)| a == b).count();
    let around = |lines: &[&str]| lines[at.saturating_sub(2)..(at + 3).min(lines.len())].join("\n");
    format!("line {}\n--- sample\n{}\n--- written\n{}", at + 1, around(&expected_lines), around(&actual_lines))
}
