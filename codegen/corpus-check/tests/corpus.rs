//! Every operation of the whole Plesk XML API, both directions, in each of
//! the three real-input schema sets (`corpus_check::v1_6_8_0`, `v1_6_7_0`,
//! `plesk_1_6_6_0`): for each operator of the request and the response
//! packet and each of its operations (`packet/<operator>/<operation>`), the
//! minimal and the maximal sample (`plesk_codegen::sample`) must be valid
//! for `xmllint --schema` against the set's own files, read with the
//! set's generated types, pass `validate()` and be written back by
//! `to_xml_pretty()` byte for byte. An operator without declared operations
//! (an `xs:anyType` operator) is sampled as it is. The whole packet is
//! sampled too. Open content (`xs:anyType`, `xs:any`), recursion and nil
//! elements (`xsi:nil="true"`, which a maximal sample writes for every
//! nillable element it holds) must be exercised where the schema has them
//! and survive the round trip.
//!
//! The test prints the counts (operators, operations, samples, nil
//! elements) per set and fails listing every failing sample. `xmllint`
//! (Debian package `libxml2-utils`) must be installed: without it the test
//! fails, it never skips.

use std::fmt::Write as _;
use std::time::Instant;

use plesk_codegen::Config;

#[path = "../../tests/support/envelope.rs"]
mod envelope;
#[path = "../../tests/support/nillable.rs"]
mod nillable;
#[path = "support/sets.rs"]
mod sets;
#[path = "../../tests/support/xmllint.rs"]
mod xmllint;
use plesk_codegen::model::{Schema, Term, TypeId, TypeKind, TypeName, TypeRef};
use plesk_codegen::sample::{Extent, Sample, Sampler};
use sets::{PLESK_1_6_6_0, SETS, Set, Side};

/// A sample to check.
struct Checked {
    label: String,
    sample: Sample,
}

/// What the samples of one set exercised.
#[derive(Default)]
struct Exercised {
    samples: usize,
    open_content: usize,
    recursions: usize,
    /// Elements written `xsi:nil="true"` in the maximal samples.
    nil: usize,
    /// Element declarations of the set marked `nillable="true"`.
    nillable_declarations: usize,
    /// Recursive types an element path from `<packet>` reaches.
    recursive_types: Vec<String>,
    /// Recursive types no element path from `<packet>` reaches (types of a
    /// file the envelope includes that nothing uses).
    unreachable_recursive_types: Vec<String>,
}

#[test]
fn every_operation_of_every_set_round_trips_its_minimal_and_maximal_samples() {
    let started = Instant::now();
    let mut failures: Vec<String> = Vec::new();
    let mut summary = String::new();
    let mut total = 0;
    for set in &SETS {
        let exercised = check_set(set, &mut failures, &mut summary);
        let _ = writeln!(
            summary,
            "{}: {} samples ({} elements of open content, {} recursive nestings, {} nil elements; \
             {} nillable declarations)",
            set.module,
            exercised.samples,
            exercised.open_content,
            exercised.recursions,
            exercised.nil,
            exercised.nillable_declarations
        );
        total += exercised.samples;
        if exercised.open_content == 0 {
            failures.push(format!("{}: no maximal sample exercises open content (xs:anyType, xs:any)", set.module));
        }
        // Should a set have a recursive type, the maximal samples must go
        // through it (the `recursive` case schema is round-tripped by
        // plesk-types' `samples` test).
        if !exercised.unreachable_recursive_types.is_empty() {
            let _ = writeln!(
                summary,
                "{}: recursive types no element path from <packet> reaches: {}",
                set.module,
                exercised.unreachable_recursive_types.join(", ")
            );
        }
        if exercised.recursive_types.is_empty() {
            let _ = writeln!(summary, "{}: no reachable recursive type", set.module);
        } else {
            let _ = writeln!(summary, "{}: recursive types: {}", set.module, exercised.recursive_types.join(", "));
            if exercised.recursions == 0 {
                failures.push(format!(
                    "{}: no maximal sample exercises a recursive type ({})",
                    set.module,
                    exercised.recursive_types.join(", ")
                ));
            }
        }
        if exercised.nillable_declarations > 0 && exercised.nil == 0 {
            failures.push(format!(
                "{}: {} nillable declarations, but no maximal sample holds a nil element",
                set.module, exercised.nillable_declarations
            ));
        }
        if std::ptr::eq(set, PLESK_1_6_6_0) && exercised.nil == 0 {
            failures.push(format!("{}: Plesk's own files have nillable elements; no sample holds one nil", set.module));
        }
    }
    let _ = writeln!(summary, "{total} samples checked in {:.1?}", started.elapsed());
    println!("{summary}");
    assert!(failures.is_empty(), "{summary}{} failure(s):\n\n{}", failures.len(), failures.join("\n\n"));
}

/// Samples and checks both sides of one set.
fn check_set(set: &Set, failures: &mut Vec<String>, summary: &mut String) -> Exercised {
    let mut exercised = Exercised::default();
    for side in &set.sides {
        let schema_file = set.dir().join(side.file);
        let mut config = Config::new();
        config.schema(&schema_file);
        let schema = plesk_codegen::load(&config).unwrap_or_else(|error| panic!("{}: {error}", schema_file.display()));
        let sampler = Sampler::new(&schema);
        let recursive_types = recursive(&schema);
        exercised.nillable_declarations += nillable::declarations(&schema);

        let operators: Vec<String> = sampler
            .child_elements("packet")
            .unwrap()
            .into_iter()
            .filter(|name| !side.not_operators.contains(&name.as_str()))
            .collect();
        let label = |path: &str, extent| format!("{} {} {extent} {path}", set.module, side.name);
        let mut checked = Vec::new();
        let sample = |path: &str, checked: &mut Vec<Checked>, failures: &mut Vec<String>| {
            for extent in [Extent::Minimal, Extent::Maximal] {
                let label = label(path, extent);
                match sampler.element(path, extent) {
                    Ok(sample) => checked.push(Checked { label, sample }),
                    Err(error) => failures.push(format!("{label}: no sample: {error}")),
                }
            }
        };
        sample("packet", &mut checked, failures);
        let (mut operations, mut without_operations) = (0, Vec::new());
        for operator in &operators {
            let path = format!("packet/{operator}");
            let names = sampler.child_elements(&path).unwrap();
            if names.is_empty() {
                // An operator without declared operations (`xs:anyType`, as
                // some of Plesk's pictures draw it) is sampled as it is.
                without_operations.push(operator.as_str());
                sample(&path, &mut checked, failures);
            }
            for operation in names {
                operations += 1;
                sample(&format!("{path}/{operation}"), &mut checked, failures);
            }
        }

        // A recursive type reached only through a choice alternative that no
        // maximal sample takes: the element path down to it, sampled too.
        let packet_ty = schema.elements.iter().find(|element| element.name == "packet").expect("<packet>").ty;
        for (id, name) in &recursive_types {
            let described = format!("{}: {name}", side.file);
            match route(&schema, packet_ty, *id) {
                Some(path) => {
                    sample(&path, &mut checked, failures);
                    exercised.recursive_types.push(described);
                }
                None => exercised.unreachable_recursive_types.push(described),
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
            exercised.open_content += sample.open_content;
            exercised.recursions += sample.recursions;
            if label.contains(" maximal ") {
                exercised.nil += sample.xml.matches(r#"xsi:nil="true""#).count();
            }
        }
        let _ = writeln!(
            summary,
            "{} {}: {} operators ({} without operations{}), {operations} operations, {} samples",
            set.module,
            side.name,
            operators.len(),
            without_operations.len(),
            if without_operations.is_empty() { String::new() } else { format!(": {}", without_operations.join(", ")) },
            checked.len()
        );
        exercised.samples += checked.len();
    }
    exercised
}

/// The shortest element path from `<packet>` (of type `from`) to an element
/// of type `target`, each step the first child declaration of its name (as
/// element paths are resolved).
fn route(schema: &Schema, from: TypeRef, target: TypeId) -> Option<String> {
    let mut seen = vec![false; schema.types.len()];
    let mut pending = std::collections::VecDeque::from([("packet".to_owned(), from)]);
    while let Some((path, ty)) = pending.pop_front() {
        for (name, child) in envelope::child_elements(schema, ty) {
            let child_path = format!("{path}/{name}");
            if child == TypeRef::Defined(target) {
                return Some(child_path);
            }
            if let TypeRef::Defined(id) = child
                && !std::mem::replace(&mut seen[id.0], true)
            {
                pending.push_back((child_path, child));
            }
        }
    }
    None
}

/// The complex types of `schema` that can contain themselves, with their
/// names (or places, when anonymous).
fn recursive(schema: &Schema) -> Vec<(TypeId, String)> {
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
                found.push((
                    TypeId(start),
                    match &schema.types[start].name {
                        TypeName::Named(name) => name.local.clone(),
                        TypeName::Anonymous { .. } => {
                            format!("anonymous type at {}", schema.sources.locate(schema.types[start].span))
                        }
                    },
                ));
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
    let read = (side.read)(&sample.xml);
    if !read.valid() {
        return Err(read.problem);
    }
    let written = read.written.unwrap_or_default();
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
