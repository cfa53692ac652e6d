//! Property tests of every generated type: for values drawn from the type's
//! strategy (its `Arbitrary` implementation, cargo feature `proptest`), the
//! value passes `validate()`, is written, reads back equal, and is written
//! again to the same XML.
//!
//! The types are those of the protocol modules (`shared`, `v1_6_7_0`,
//! `v1_6_8_0`) and of the generator's `strategies` case, which has facets of
//! every kind. Each generated module lists its own types
//! (`every_type::visit`), so a type added to the schemas is tested without
//! this file changing; `every_defined_type_is_visited` checks those lists
//! against the types the generated files define.
//!
//! Each type gets 64 cases (`PROPTEST_CASES` sets another number). A failure
//! names the type and shows the smallest value found that fails, with the
//! XML written for it.

use std::collections::BTreeSet;
use std::fmt::Debug;

// The runtime's plumbing (`XmlElement`, `XmlGroup`, the reader and writer):
// these checks call what generated code calls, below the document methods.
use plesk_types::__private::{
    self as xml, ElementPath, ReadError, ReadOptions, Validate, ValidationErrors, XmlElement, XmlGroup, XmlReader,
    XmlWriter,
};
use plesk_types::{shared, v1_6_7_0, v1_6_8_0};
use proptest::arbitrary::{Arbitrary, any};
use proptest::strategy::{Just, Strategy};
use proptest::test_runner::{Config, TestCaseError, TestRunner};

#[path = "support/case_module.rs"]
#[macro_use]
mod case_module;

// The generator's case with strategies (`case_documents.rs` runs its
// documents).
case_module!(strategies as strategies_case);

/// The element a value is written as (types are not tied to element names).
const ELEMENT: &str = "value";

/// Checks each type it visits, and keeps what failed.
struct RoundTrip {
    module: &'static str,
    config: Config,
    visited: Vec<&'static str>,
    failures: Vec<String>,
}

impl RoundTrip {
    fn new(module: &'static str) -> Self {
        let mut config = Config { failure_persistence: None, ..Config::default() };
        if std::env::var_os("PROPTEST_CASES").is_none() {
            config.cases = 64;
        }
        // Strategies filter (values the facets reject, unions read back as
        // another member): more cases may reject more.
        config.max_local_rejects = config.max_local_rejects.max(config.cases.saturating_mul(1024));
        Self { module, config, visited: Vec::new(), failures: Vec::new() }
    }

    /// The round trip of a type, written and read by `write` and `read`.
    fn check<T>(&mut self, name: &'static str, write: fn(&T) -> String, read: fn(&str) -> Result<T, ReadError>)
    where
        T: Arbitrary + Validate + PartialEq,
    {
        self.visited.push(name);
        let mut runner = TestRunner::new(self.config.clone());
        let result = runner.run(&any::<T>(), |value| {
            let mut violations = Vec::new();
            value.validate_into(&ElementPath::root(ELEMENT), &mut violations);
            if let Err(errors) = ValidationErrors::check(violations) {
                return Err(TestCaseError::fail(format!("the value does not validate:\n{errors}")));
            }
            let written = write(&value);
            let again = read(&written)
                .map_err(|error| TestCaseError::fail(format!("{written}\ndoes not read back: {error}")))?;
            if again != value {
                return Err(TestCaseError::fail(format!("{written}\nreads back as another value: {again:?}")));
            }
            let rewritten = write(&again);
            if rewritten != written {
                return Err(TestCaseError::fail(format!("{written}\nis written again as\n{rewritten}")));
            }
            Ok(())
        });
        if let Err(error) = result {
            self.failures.push(format!("{}::{name}: {error}", self.module));
        }
    }

    /// Checks the module's types with `visit`; fails with every type that failed.
    fn run(module: &'static str, visit: impl FnOnce(&mut Self)) {
        let mut round_trip = Self::new(module);
        visit(&mut round_trip);
        assert!(!round_trip.visited.is_empty(), "{module}: no type visited");
        assert!(round_trip.failures.is_empty(), "{}", round_trip.failures.join("\n\n"));
    }
}

/// A group (a choice or a nested sequence) inside an element of its own, as
/// its parent holds it.
#[derive(Debug, PartialEq)]
struct InElement<G>(G);

impl<G: XmlGroup> XmlElement for InElement<G> {
    fn write_element(&self, w: &mut XmlWriter, name: &str) {
        w.start(name);
        self.0.write_group(w);
        w.end(name);
    }

    fn read_content<'a>(r: &mut XmlReader<'a>, start: &xml::Start<'a>) -> Result<Self, ReadError> {
        r.no_attributes(start)?;
        let group = r.required_group(&[])?;
        r.end_of_content(&[])?;
        Ok(Self(group))
    }
}

fn write_element<T: XmlElement>(value: &T) -> String {
    xml::write_document(value, ELEMENT, false)
}

fn read_element<T: XmlElement>(text: &str) -> Result<T, ReadError> {
    xml::read_document(text, ELEMENT, ReadOptions::default())
}

fn write_group<G: XmlGroup>(group: &G) -> String {
    let mut w = XmlWriter::new();
    w.start(ELEMENT);
    group.write_group(&mut w);
    w.end(ELEMENT);
    w.into_string()
}

fn read_group<G: XmlGroup>(text: &str) -> Result<G, ReadError> {
    read_element::<InElement<G>>(text).map(|InElement(group)| group)
}

/// Each generated module has a `Visitor` trait of its own: one
/// implementation each, all doing the same.
macro_rules! visitors {
    ($($visitor:path),* $(,)?) => {$(
        impl $visitor for RoundTrip {
            fn element<T>(&mut self, name: &'static str)
            where
                T: Arbitrary + XmlElement + Validate + PartialEq,
            {
                self.check::<T>(name, write_element, read_element);
            }

            fn group<T>(&mut self, name: &'static str)
            where
                T: Arbitrary + XmlGroup + Validate + PartialEq,
            {
                self.check::<T>(name, write_group, read_group);
            }
        }
    )*};
}

visitors!(
    shared::every_type::Visitor,
    v1_6_7_0::every_type::Visitor,
    v1_6_8_0::every_type::Visitor,
    strategies_case::every_type::Visitor,
);

#[test]
fn shared_types_round_trip() {
    RoundTrip::run("shared", shared::every_type::visit);
}

#[test]
fn v1_6_7_0_types_round_trip() {
    RoundTrip::run("v1_6_7_0", v1_6_7_0::every_type::visit);
}

#[test]
fn v1_6_8_0_types_round_trip() {
    RoundTrip::run("v1_6_8_0", v1_6_8_0::every_type::visit);
}

#[test]
fn strategies_case_types_round_trip() {
    RoundTrip::run("strategies_case", strategies_case::every_type::visit);
}

/// The names of the types a generated file defines: its top-level `pub
/// struct` and `pub enum` items (aliases are their target).
fn defined_types(source: &str) -> BTreeSet<&str> {
    source
        .lines()
        .filter_map(|line| line.strip_prefix("pub struct ").or_else(|| line.strip_prefix("pub enum ")))
        .map(|rest| rest.split(|c: char| !c.is_alphanumeric() && c != '_').next().unwrap_or_default())
        .collect()
}

/// What `visit` lists, without checking anything.
struct Names(Vec<&'static str>);

macro_rules! name_visitors {
    ($($visitor:path),* $(,)?) => {$(
        impl $visitor for Names {
            fn element<T>(&mut self, name: &'static str)
            where
                T: Arbitrary + XmlElement + Validate + PartialEq,
            {
                self.0.push(name);
            }

            fn group<T>(&mut self, name: &'static str)
            where
                T: Arbitrary + XmlGroup + Validate + PartialEq,
            {
                self.0.push(name);
            }
        }
    )*};
}

name_visitors!(
    shared::every_type::Visitor,
    v1_6_7_0::every_type::Visitor,
    v1_6_8_0::every_type::Visitor,
    strategies_case::every_type::Visitor,
);

/// The lists the round trips follow hold every type the generated files
/// define, once: a type the generator forgot to list would go untested.
#[test]
fn every_defined_type_is_visited() {
    let mut names = [Names(Vec::new()), Names(Vec::new()), Names(Vec::new()), Names(Vec::new())];
    shared::every_type::visit(&mut names[0]);
    v1_6_7_0::every_type::visit(&mut names[1]);
    v1_6_8_0::every_type::visit(&mut names[2]);
    strategies_case::every_type::visit(&mut names[3]);
    let sources = [
        ("shared", include_str!(concat!(env!("OUT_DIR"), "/shared.rs"))),
        ("v1_6_7_0", include_str!(concat!(env!("OUT_DIR"), "/v1_6_7_0.rs"))),
        ("v1_6_8_0", include_str!(concat!(env!("OUT_DIR"), "/v1_6_8_0.rs"))),
        ("strategies_case", include_str!("../../codegen/tests/snapshots/cases__strategies.snap.rs")),
    ];
    for ((module, source), Names(visited)) in sources.into_iter().zip(names) {
        let defined = defined_types(source);
        let listed: BTreeSet<&str> = visited.iter().copied().collect();
        assert_eq!(listed.len(), visited.len(), "{module}: a type is visited twice: {visited:?}");
        assert!(!defined.is_empty(), "{module}: no type found in the generated file");
        assert_eq!(listed, defined, "{module}: the types visited and the types defined differ");
    }
}

/// The test fails when a strategy draws a value that breaks a facet: the
/// failure names the type and shows the value.
#[test]
fn a_value_breaking_a_facet_fails_the_round_trip() {
    #[derive(Debug, Clone, PartialEq)]
    struct Percent(i32);
    impl Arbitrary for Percent {
        type Parameters = ();
        type Strategy = proptest::strategy::BoxedStrategy<Self>;
        fn arbitrary_with((): ()) -> Self::Strategy {
            // Off by one: 101 is out of bounds.
            proptest::prop_oneof![0..=100, Just(101)].prop_map(Self).boxed()
        }
    }
    impl Validate for Percent {
        fn validate_into(&self, path: &xml::ElementPath<'_>, violations: &mut Vec<xml::Violation>) {
            static FACETS: xml::NumberFacets<i32> =
                xml::NumberFacets { max_inclusive: Some(100), ..xml::NumberFacets::NONE };
            FACETS.check(&self.0, path, violations);
        }
    }
    impl XmlElement for Percent {
        fn write_element(&self, w: &mut XmlWriter, name: &str) {
            self.0.write_element(w, name);
        }

        fn read_content<'a>(r: &mut XmlReader<'a>, start: &xml::Start<'a>) -> Result<Self, ReadError> {
            i32::read_content(r, start).map(Self)
        }
    }
    let mut round_trip = RoundTrip::new("test");
    round_trip.check::<Percent>("Percent", write_element, read_element);
    let failure = round_trip.failures.join("\n");
    assert!(failure.starts_with("test::Percent: "), "{failure}");
    assert!(failure.contains("the value does not validate"), "{failure}");
    assert!(failure.contains("value: 101 is above maxInclusive 100"), "{failure}");
}
