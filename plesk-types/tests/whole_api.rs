//! Every operation of the whole API, read and written by plesk-types
//! itself: for both bundled versions (`plesk_types::v1_6_8_0`, `v1_6_7_0`)
//! and both sides (`agent_input.xsd`, `agent_output.xsd`), every operator
//! and every one of its operations (`packet/<operator>/<operation>`; an
//! operator without declared operations as it is) and the whole packet,
//! the minimal and the maximal sample of `plesk_codegen::sample` must be
//! valid for `xmllint --schema` against the version's own files, be read by
//! the version's generated packet (`from_xml`), pass `validate()` and be
//! written back by `to_xml_pretty()` byte for byte. (`corpus-check` does
//! the same for bindings of the corpus; this is the crate users get.)
//!
//! So that the test cannot pass by sampling nothing, the operators and the
//! operations it samples (the sampler's child elements of `<packet>` and of
//! each operator) are compared, operator by operator, with those the schema
//! model declares (codegen's envelope helper: `<packet>`'s operator
//! elements, each operator type's child elements), and there must be
//! operations; the maximal samples must exercise open content, and nil
//! elements wherever the files declare a nillable element. The counts
//! (operators, operations, samples) are printed per version and side; the
//! test fails listing every failing sample.
//!
//! Needs every operator and both versions compiled in: `[[test]]` with
//! `required-features = ["full", "v1_6_7_0", "v1_6_8_0"]` (CI's
//! `--all-features` has them). `xmllint` (Debian package `libxml2-utils`)
//! must be installed: without it the test fails, it never skips.

use std::fmt::Write as _;
use std::time::Instant;

use plesk_codegen::sample::{Extent, Sample, Sampler};

#[path = "../../codegen/tests/support/envelope.rs"]
mod envelope;
#[path = "../../codegen/tests/support/nillable.rs"]
mod nillable;
#[path = "support/whole_api.rs"]
mod whole_api;
#[path = "../../codegen/tests/support/xmllint.rs"]
mod xmllint;

use whole_api::{Side, VERSIONS, Version};

/// A sample to check, with what it is a sample of.
struct Checked {
    label: String,
    extent: Extent,
    sample: Sample,
}

/// What the samples of one version exercised.
#[derive(Default)]
struct Exercised {
    samples: usize,
    open_content: usize,
    /// Elements written `xsi:nil="true"` in the maximal samples.
    nil: usize,
    /// Element declarations marked `nillable="true"`, summed over the sides.
    nillable: usize,
}

#[test]
fn every_operation_of_both_versions_round_trips_its_minimal_and_maximal_samples() {
    let started = Instant::now();
    let mut failures: Vec<String> = Vec::new();
    let mut summary = String::new();
    let mut total = 0;
    for version in &VERSIONS {
        let mut exercised = Exercised::default();
        for side in &version.sides {
            check_side(version, side, &mut exercised, &mut failures, &mut summary);
        }
        let nillable = exercised.nillable;
        let _ = writeln!(
            summary,
            "{}: {} samples ({} elements of open content, {} nil elements; {nillable} nillable declarations)",
            version.name, exercised.samples, exercised.open_content, exercised.nil
        );
        if exercised.open_content == 0 {
            failures.push(format!("{}: no maximal sample exercises open content (xs:anyType, xs:any)", version.name));
        }
        if nillable > 0 && exercised.nil == 0 {
            failures.push(format!(
                "{}: {nillable} nillable declarations, but no maximal sample holds a nil element",
                version.name
            ));
        }
        total += exercised.samples;
    }
    let _ = writeln!(summary, "{total} samples checked in {:.1?}", started.elapsed());
    println!("{summary}");
    assert!(failures.is_empty(), "{summary}{} failure(s):\n\n{}", failures.len(), failures.join("\n\n"));
}

/// Samples and checks one side of one version.
fn check_side(
    version: &Version,
    side: &Side,
    exercised: &mut Exercised,
    failures: &mut Vec<String>,
    summary: &mut String,
) {
    let envelope_file = version.envelope(side);
    let schema = whole_api::load(&envelope_file);
    let sampler = Sampler::new(&schema);
    exercised.nillable += nillable::declarations(&schema);

    let operators = whole_api::operators(&sampler, side);
    assert_eq!(
        operators,
        envelope::operators(&schema, side.file),
        "{} {}: the sampled operators are the envelope's operators",
        version.name,
        side.name
    );

    let (mut checked, mut attempted) = (Vec::new(), 0);
    let mut sample = |path: &str, failures: &mut Vec<String>| {
        for extent in [Extent::Minimal, Extent::Maximal] {
            attempted += 1;
            let label = format!("{} {} {extent} {path}", version.name, side.name);
            match sampler.element(path, extent) {
                Ok(sample) => checked.push(Checked { label, extent, sample }),
                Err(error) => failures.push(format!("{label}: no sample: {error}")),
            }
        }
    };
    sample("packet", failures);
    let (mut operations, mut without_operations) = (0, Vec::new());
    for operator in &operators {
        let paths = whole_api::operations(&sampler, operator);
        let names: Vec<&str> = paths.iter().map(|path| path.rsplit('/').next().unwrap_or_default()).collect();
        assert_eq!(
            names,
            envelope::operations(&schema, side.file, operator),
            "{} {} packet/{operator}: the sampled operations are the child elements of the operator's type",
            version.name,
            side.name
        );
        if paths.is_empty() {
            without_operations.push(operator.as_str());
            sample(&format!("packet/{operator}"), failures);
        }
        for path in &paths {
            sample(path, failures);
        }
        operations += paths.len();
    }
    if operations == 0 {
        failures.push(format!("{} {}: no operation sampled", version.name, side.name));
    }
    // Two samples of the packet, of each operation and of each operator without operations.
    assert_eq!(attempted, 2 * (1 + operations + without_operations.len()), "{} {}", version.name, side.name);

    let documents: Vec<(&str, &str)> =
        checked.iter().map(|checked| (checked.label.as_str(), checked.sample.xml.as_str())).collect();
    for (label, messages) in xmllint::validate_all(&envelope_file, &documents) {
        failures.push(format!("{label}: rejected by xmllint:\n{messages}"));
    }
    for Checked { label, extent, sample } in &checked {
        if let Err(problem) = round_trip(side, sample) {
            failures.push(format!("{label}: {problem}"));
        }
        exercised.open_content += sample.open_content;
        if *extent == Extent::Maximal {
            exercised.nil += sample.xml.matches(r#"xsi:nil="true""#).count();
        }
    }
    let _ = writeln!(
        summary,
        "{} {}: {} operators ({} without operations{}), {operations} operations, {} samples",
        version.name,
        side.name,
        operators.len(),
        without_operations.len(),
        if without_operations.is_empty() { String::new() } else { format!(": {}", without_operations.join(", ")) },
        checked.len()
    );
    exercised.samples += checked.len();
}

/// Reads, validates and writes back one sample; the result must be the
/// sample.
fn round_trip(side: &Side, sample: &Sample) -> Result<(), String> {
    let read = (side.read)(&sample.xml).map_err(|error| format!("from_xml: {error}\n{}", sample.xml))?;
    if let Some(violations) = read.violations {
        return Err(format!("validate(): {violations}\n{}", sample.xml));
    }
    if read.written == sample.xml {
        return Ok(());
    }
    Err(format!("written back differently: {}", first_difference(&sample.xml, &read.written)))
}

/// The first line where two documents differ, with its neighbours.
fn first_difference(expected: &str, actual: &str) -> String {
    let expected_lines: Vec<&str> = expected.lines().collect();
    let actual_lines: Vec<&str> = actual.lines().collect();
    let at = expected_lines.iter().zip(&actual_lines).take_while(|(a, b)| a == b).count();
    let around = |lines: &[&str]| lines[at.saturating_sub(2)..(at + 3).min(lines.len())].join("\n");
    format!("line {}\n--- sample\n{}\n--- written\n{}", at + 1, around(&expected_lines), around(&actual_lines))
}
