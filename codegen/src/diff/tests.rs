//! Unit tests of the comparison and its classification, on small schemas.

use super::classify::{facets, occurrence_effect};
use super::*;
use crate::model::WhiteSpace;
use crate::plan::{Checks, NumberChecks, Occurs, RustType, StringChecks};

/// The plan of a schema of one file read from `xsd`, with `config` (its
/// schema file set here).
fn planned(name: &str, xsd: &str, mut config: Config) -> Module {
    let dir = std::env::temp_dir().join(format!("plesk-codegen-diff-unit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{name}.xsd"));
    std::fs::write(&file, format!(r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{xsd}</xs:schema>"#))
        .unwrap();
    config.schema(&file);
    let schema = crate::load(&config).unwrap();
    plan::plan(&schema, &config).unwrap()
}

fn changes(name: &str, old: &str, new: &str) -> Vec<Change> {
    let old = planned(&format!("{name}-old"), old, Config::new());
    let new = planned(&format!("{name}-new"), new, Config::new());
    compare(&old, &new)
}

/// The changes as `effect change what path: description` lines.
fn lines(changes: &[Change]) -> Vec<String> {
    changes
        .iter()
        .map(|change| {
            format!(
                "{} {} {} {}: {}",
                change.effect,
                change.kind.name(),
                change.subject.name(),
                change.schema_path,
                change.description
            )
        })
        .collect()
}

const PERSON: &str = r#"
    <xs:element name="person" type="Person"/>
    <xs:complexType name="Person">
      <xs:sequence>
        <xs:element name="name" type="xs:string"/>
        <xs:element name="phone" type="xs:string" minOccurs="0" maxOccurs="3"/>
      </xs:sequence>
    </xs:complexType>"#;

#[test]
fn occurrences_break_when_the_rust_shape_changes() {
    let repeated = |min, max| Occurs::Repeated { min, max };
    let breaking = Some((Effect::Breaking, Subject::Occurrence));
    let behavioral = Some((Effect::Behavioral, Subject::Occurrence));
    assert_eq!(occurrence_effect(Occurs::Required, Occurs::Optional, false), breaking);
    assert_eq!(occurrence_effect(Occurs::Optional, Occurs::Required, false), breaking);
    assert_eq!(occurrence_effect(Occurs::Optional, repeated(0, None), false), breaking);
    assert_eq!(occurrence_effect(repeated(1, Some(3)), Occurs::Required, false), breaking);
    assert_eq!(occurrence_effect(repeated(0, Some(3)), repeated(0, Some(5)), false), behavioral);
    assert_eq!(occurrence_effect(repeated(0, None), repeated(1, None), false), behavioral);
    assert_eq!(
        occurrence_effect(Occurs::Optional, Occurs::Optional, true),
        Some((Effect::Behavioral, Subject::Tolerance))
    );
    assert_eq!(occurrence_effect(Occurs::Optional, Occurs::Optional, false), None);
}

#[test]
fn every_facet_that_differs_is_one_behavioral_change() {
    let string = |max_length, pattern: Option<&str>| {
        Checks::String(StringChecks {
            white_space: WhiteSpace::Preserve,
            length: None,
            min_length: None,
            max_length,
            patterns: pattern.map(|p| (p.to_owned(), p.to_owned())).into_iter().collect(),
        })
    };
    let rust = RustPlace { kind: RustKind::Newtype, path: "Name".to_owned() };
    let mut out = Vec::new();
    facets("Name", &rust, Some(&string(Some(64), None)), Some(&string(Some(128), Some("[a-z]+"))), &mut out);
    assert_eq!(
        lines(&out),
        ["behavioral changed facet Name: maxLength 64 -> 128", "behavioral added facet Name: pattern none -> [a-z]+"]
    );

    let mut out = Vec::new();
    facets("Name", &rust, Some(&string(Some(64), None)), None, &mut out);
    assert_eq!(lines(&out), ["behavioral removed facet Name: maxLength 64 -> none"]);

    let number = |min: &str| {
        Checks::Number(NumberChecks {
            ty: RustType::Integer("i32"),
            min_inclusive: Some(min.to_owned()),
            max_inclusive: None,
            min_exclusive: None,
            max_exclusive: None,
            total_digits: None,
            fraction_digits: None,
        })
    };
    let mut out = Vec::new();
    facets("Age", &rust, Some(&number("0")), Some(&number("0")), &mut out);
    assert!(out.is_empty(), "equal facets are no change: {out:?}");
    facets("Age", &rust, Some(&number("0")), Some(&number("1")), &mut out);
    assert_eq!(lines(&out), ["behavioral changed facet Age: minInclusive 0 -> 1"]);
}

#[test]
fn a_struct_field_added_is_breaking_even_when_optional() {
    let new = PERSON.replace(
        r#"<xs:element name="name" type="xs:string"/>"#,
        r#"<xs:element name="name" type="xs:string"/><xs:element name="email" type="xs:string" minOccurs="0"/>"#,
    );
    let found = changes("field-added", PERSON, &new);
    assert_eq!(lines(&found), ["breaking added element Person/email: 0..1: Option<String>"]);
    assert_eq!(found[0].rust, RustPlace { kind: RustKind::Field, path: "Person::email".to_owned() });
}

#[test]
fn vec_bounds_are_behavioral_and_the_shape_is_breaking() {
    let wider = PERSON.replace(r#"maxOccurs="3""#, r#"maxOccurs="5""#);
    assert_eq!(lines(&changes("bounds", PERSON, &wider)), ["behavioral changed occurrence Person/phone: 0..3 -> 0..5"]);
    let single = PERSON.replace(r#"maxOccurs="3""#, r#"maxOccurs="1""#);
    assert_eq!(
        lines(&changes("shape", PERSON, &single)),
        ["breaking changed occurrence Person/phone: 0..3: Vec<String> -> 0..1: Option<String>"]
    );
}

#[test]
fn choice_variants_added_or_removed_are_breaking_both_ways() {
    let old = r#"
        <xs:element name="contact" type="Contact"/>
        <xs:complexType name="Contact">
          <xs:choice>
            <xs:element name="email" type="xs:string"/>
            <xs:element name="phone" type="xs:string"/>
          </xs:choice>
        </xs:complexType>"#;
    let new = old.replace(
        r#"<xs:element name="phone" type="xs:string"/>"#,
        r#"<xs:element name="phone" type="xs:string"/><xs:element name="fax" type="xs:string"/>"#,
    );
    let added = changes("variant-added", old, &new);
    assert_eq!(lines(&added), ["breaking added element Contact/fax: Fax(String)"]);
    assert_eq!(added[0].rust, RustPlace { kind: RustKind::Variant, path: "Contact::Fax".to_owned() });
    let removed = changes("variant-removed", &new, old);
    assert_eq!(lines(&removed), ["breaking removed element Contact/fax: Fax(String)"]);
}

#[test]
fn new_types_and_roots_are_additive_and_removed_ones_breaking() {
    let more = format!(r#"{PERSON}<xs:element name="note" type="xs:string"/>"#);
    let added = changes("root-added", PERSON, &more);
    assert!(added.iter().all(|change| change.effect == Effect::Additive), "{added:?}");
    assert!(added.iter().any(|change| change.subject == Subject::RootElement && change.schema_path == "/note"));
    let removed = changes("root-removed", &more, PERSON);
    assert!(removed.iter().all(|change| change.effect == Effect::Breaking), "{removed:?}");
    assert_eq!(removed.len(), 2, "the root element and its type: {removed:?}");
}

#[test]
fn documentation_is_not_a_change() {
    let documented = PERSON.replace(
        r#"<xs:element name="name" type="xs:string"/>"#,
        r#"<xs:element name="name" type="xs:string"><xs:annotation><xs:documentation>Full name.</xs:documentation></xs:annotation></xs:element>"#,
    );
    assert_eq!(changes("documentation", PERSON, &documented), []);
}

#[test]
fn a_tolerated_absence_that_the_schema_then_allows_is_behavioral() {
    let mut tolerant = Config::new();
    tolerant.tolerate_missing("Person/name", "old servers omit it");
    let old = planned("tolerated-old", PERSON, tolerant);
    let optional = PERSON.replace(
        r#"<xs:element name="name" type="xs:string"/>"#,
        r#"<xs:element name="name" type="xs:string" minOccurs="0"/>"#,
    );
    let new = planned("tolerated-new", &optional, Config::new());
    assert_eq!(
        lines(&compare(&old, &new)),
        ["behavioral changed tolerated absence Person/name: 1, absence tolerated -> 0..1"]
    );
}

#[test]
fn renamed_group_fields_keep_their_schema_path() {
    let xsd = r#"
        <xs:element name="packet">
          <xs:complexType>
            <xs:choice maxOccurs="unbounded">
              <xs:element name="webuser" type="xs:string"/>
              <xs:element name="user" type="xs:string"/>
            </xs:choice>
            <xs:attribute name="version" type="xs:string"/>
          </xs:complexType>
        </xs:element>"#;
    let mut renamed = Config::new();
    renamed.field_name("/packet#webuser_or_user", "operators").type_name("/packet#webuser_or_user", "Operator");
    let old = planned("group-old", xsd, Config::new());
    let new = planned("group-new", xsd, renamed);
    let found = compare(&old, &new);
    assert_eq!(
        lines(&found),
        [
            "breaking changed rust name /packet#webuser_or_user: PacketWebuserOrUser -> Operator",
            "breaking changed rust name /packet#webuser_or_user: webuser_or_user -> operators",
        ]
    );
}

#[test]
fn a_report_says_its_worst_effect_and_semver_bump() {
    let change = |effect| Change {
        effect,
        kind: ChangeKind::Changed,
        subject: Subject::Facet,
        schema_path: "Name".to_owned(),
        rust: RustPlace { kind: RustKind::Newtype, path: "Name".to_owned() },
        description: "maxLength 1 -> 2".to_owned(),
    };
    let report = |effects: &[Effect]| Report {
        old: "old".to_owned(),
        new: "new".to_owned(),
        changes: effects.iter().map(|effect| change(*effect)).collect(),
    };
    assert_eq!(report(&[]).semver(), Semver::None);
    assert_eq!(report(&[]).to_text(), "old -> new: no change\n");
    assert_eq!(report(&[Effect::Behavioral]).semver(), Semver::Patch);
    assert_eq!(report(&[Effect::Behavioral, Effect::Additive]).semver(), Semver::Minor);
    let breaking = report(&[Effect::Breaking, Effect::Behavioral]);
    assert_eq!(breaking.effect(), Some(Effect::Breaking));
    assert_eq!(breaking.semver(), Semver::Major);
    assert!(breaking.is_breaking());
    assert!(!report(&[Effect::Additive]).is_breaking());
}
