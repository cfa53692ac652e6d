//! Samples (`plesk_codegen::sample`) read by the generated types: the
//! minimal and the maximal sample of every operation of the bundled
//! schemas (`packet/<operator>/<operation>`, requests and responses, with
//! `plesk_types::v1_6_7_0` and `v1_6_8_0`), and of the root elements of the
//! generator's cases that carry what a round trip can lose (recursion, open
//! content, defaults, lists, unions, facets, escaping), each read with
//! `from_xml`, checked by `validate()` and written back by `to_xml_pretty()`
//! byte for byte. The maximal samples must exercise open content and
//! recursion. (That the samples are valid for `xmllint` is checked by
//! `plesk-codegen`'s `sample` test.)

use std::path::{Path, PathBuf};

use plesk_codegen::Config;
use plesk_codegen::sample::{Extent, Sample, Sampler};
use plesk_types::xml::{Document, ReadOptions};
use plesk_types::{v1_6_7_0, v1_6_8_0};

const EXTENTS: [Extent; 2] = [Extent::Minimal, Extent::Maximal];

fn root_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn load(schema_file: &Path) -> plesk_codegen::model::Schema {
    let mut config = Config::new();
    config.schema(schema_file);
    plesk_codegen::load(&config).unwrap_or_else(|error| panic!("{}: {error}", schema_file.display()))
}

/// Reads, validates and writes back a document with the root type `T`.
fn round_trip<T: Document>(document: &str) -> Result<String, String> {
    let value = T::from_xml_with(document, ReadOptions::default()).map_err(|error| format!("from_xml: {error}"))?;
    value.validate_document().map_err(|errors| format!("validate(): {errors}"))?;
    Ok(value.to_xml_pretty())
}

/// A sample and the result of its round trip: `None` when it came back as
/// it was, the problem otherwise.
fn check(label: &str, sample: &Sample, round_trip: fn(&str) -> Result<String, String>) -> Option<String> {
    match round_trip(&sample.xml) {
        Ok(written) if written == sample.xml => None,
        Ok(written) => Some(format!("{label}: written back differently:\n{}\n--- written:\n{written}", sample.xml)),
        Err(problem) => Some(format!("{label}: {problem}\n{}", sample.xml)),
    }
}

/// The totals of a run, to show what the samples exercised.
#[derive(Debug, Default)]
struct Totals {
    samples: usize,
    open_content: usize,
    recursions: usize,
    failures: Vec<String>,
}

impl Totals {
    fn add(&mut self, label: &str, sample: &Sample, round_trip: fn(&str) -> Result<String, String>) {
        self.samples += 1;
        self.open_content += sample.open_content;
        self.recursions += sample.recursions;
        self.failures.extend(check(label, sample, round_trip));
    }
}

/// Every operation of one packet of one version.
fn operations(
    version: &str,
    file: &str,
    not_operators: &[&str],
    round_trip: fn(&str) -> Result<String, String>,
    totals: &mut Totals,
) {
    let schema_file = root_dir().join("schemas").join(version).join(file);
    let schema = load(&schema_file);
    let sampler = Sampler::new(&schema);
    let operators = sampler.child_elements("packet").unwrap();
    let mut count = 0;
    for operator in operators.iter().filter(|name| !not_operators.contains(&name.as_str())) {
        for operation in sampler.child_elements(&format!("packet/{operator}")).unwrap() {
            count += 1;
            let path = format!("packet/{operator}/{operation}");
            for extent in EXTENTS {
                let label = format!("{version} {file} {extent} {path}");
                match sampler.element(&path, extent) {
                    Ok(sample) => totals.add(&label, &sample, round_trip),
                    Err(error) => totals.failures.push(format!("{label}: no sample: {error}")),
                }
            }
        }
    }
    assert!(count >= 8, "{version} {file}: only {count} operations found");
}

#[test]
fn every_operation_of_both_versions_round_trips() {
    let mut totals = Totals::default();
    let request = ["request-settings"];
    let response = ["system", "output"];
    operations("1.6.7.0", "agent_input.xsd", &request, round_trip::<v1_6_7_0::RequestPacket>, &mut totals);
    operations("1.6.7.0", "agent_output.xsd", &response, round_trip::<v1_6_7_0::ResponsePacket>, &mut totals);
    operations("1.6.8.0", "agent_input.xsd", &request, round_trip::<v1_6_8_0::RequestPacket>, &mut totals);
    operations("1.6.8.0", "agent_output.xsd", &response, round_trip::<v1_6_8_0::ResponsePacket>, &mut totals);
    // The whole packets too: the request's settings hold xs:anyType content.
    for (version, file, round_trip) in [
        ("1.6.7.0", "agent_input.xsd", round_trip::<v1_6_7_0::RequestPacket> as fn(&str) -> Result<String, String>),
        ("1.6.7.0", "agent_output.xsd", round_trip::<v1_6_7_0::ResponsePacket>),
        ("1.6.8.0", "agent_input.xsd", round_trip::<v1_6_8_0::RequestPacket>),
        ("1.6.8.0", "agent_output.xsd", round_trip::<v1_6_8_0::ResponsePacket>),
    ] {
        let schema = load(&root_dir().join("schemas").join(version).join(file));
        for extent in EXTENTS {
            let sample = Sampler::new(&schema).element("packet", extent).unwrap();
            totals.add(&format!("{version} {file} {extent} packet"), &sample, round_trip);
        }
    }
    println!("{} samples, {} elements of open content", totals.samples, totals.open_content);
    assert!(totals.open_content > 0, "no sample exercises open content");
    assert!(
        totals.failures.is_empty(),
        "{} of {} samples fail:\n\n{}",
        totals.failures.len(),
        totals.samples,
        totals.failures.join("\n\n")
    );
}

#[path = "support/case_module.rs"]
#[macro_use]
mod case_module;

/// `case { "root-element" => RootType, ... }`: the roots sampled in each
/// case, and the module of its generated code.
macro_rules! cases {
    ($($case:ident { $($element:literal => $root:ident),+ $(,)? })*) => {
        $(case_module!($case);)*

        /// Every root of the cases listed, with its round trip.
        fn case_roots() -> Vec<(&'static str, &'static str, fn(&str) -> Result<String, String>)> {
            vec![$($((stringify!($case), $element, round_trip::<$case::$root> as fn(&str) -> Result<String, String>)),+),*]
        }
    };
}

cases! {
    all { "config" => Config }
    any { "envelope" => Envelope }
    any_namespace_constraint { "doc" => Doc }
    any_namespaced { "doc" => Doc }
    any_type { "note" => Note }
    attributes { "server" => Server }
    choice_nested { "shape" => Shape }
    choice_repeated { "playlist" => Playlist, "mix" => Mix }
    decimal_newtype { "amounts" => Amounts }
    element_default { "options" => Options }
    extension { "kennel" => Kennel }
    facets_bounds { "bounds" => Bounds }
    facets_digits { "amounts" => Amounts }
    facets_length { "codes" => Codes }
    facets_pattern { "patterns" => Patterns }
    facets_whitespace { "texts" => Texts }
    list { "lists" => Lists }
    recursive { "tree" => Node, "expr" => Expr }
    restriction { "addresses" => Addresses }
    simple_content_extension { "prices" => Prices }
    simple_content_restriction { "readings" => Readings }
    text_escaping { "texts" => Texts }
    union { "sizes" => Sizes }
    union_member_facets { "limits" => Limits }
}

#[test]
fn samples_of_the_cases_round_trip_open_content_and_recursion_included() {
    let mut totals = Totals::default();
    for (case, element, round_trip) in case_roots() {
        let schema = load(&root_dir().join("codegen/tests/cases").join(case).join("schema.xsd"));
        let sampler = Sampler::new(&schema);
        for extent in EXTENTS {
            let label = format!("case {case}: {extent} {element}");
            match sampler.element(element, extent) {
                Ok(sample) => totals.add(&label, &sample, round_trip),
                Err(error) => totals.failures.push(format!("{label}: no sample: {error}")),
            }
        }
    }
    println!(
        "{} samples, {} elements of open content, {} recursive nestings",
        totals.samples, totals.open_content, totals.recursions
    );
    assert!(totals.open_content >= 4, "open content exercised {} times", totals.open_content);
    assert!(totals.recursions >= 2, "recursion exercised {} times", totals.recursions);
    assert!(
        totals.failures.is_empty(),
        "{} of {} samples fail:\n\n{}",
        totals.failures.len(),
        totals.samples,
        totals.failures.join("\n\n")
    );
}
