//! `Config::operator_features`: each element alternative of the configured
//! choice is compiled under a cargo feature named after it, and so is every
//! item only gated alternatives reach (under any of their features); items
//! reached otherwise, and the code of the other items, are not gated.

use plesk_codegen::{Config, Error, UnknownConfigPath};

const SCHEMA: &str = "tests/operator_features/schema.xsd";
const CHOICE: &str = "/packet#alpha_op_or_beta";

fn generated(operator_features: bool) -> String {
    let mut config = Config::new();
    config.schema(SCHEMA);
    if operator_features {
        config.operator_features(CHOICE);
    }
    config.generate().expect("the schema generates")
}

/// The attributes right before `pub struct NAME` or `pub enum NAME` (its
/// definition's outer attributes, derives and docs included).
fn attributes_before<'c>(code: &'c str, definition: &str) -> &'c str {
    let at = code.find(definition).unwrap_or_else(|| panic!("{definition} is generated:\n{code}"));
    let start = code[..at].rfind("\n\n").map_or(0, |blank| blank + 2);
    &code[start..at]
}

#[test]
fn items_only_gated_alternatives_reach_are_gated_by_their_features() {
    let code = generated(true);
    let gate = |definition: &str| attributes_before(&code, definition).to_owned();
    assert!(
        gate("pub struct AlphaInput").contains(r#"#[cfg(feature = "alpha_op")]"#),
        "{}",
        gate("pub struct AlphaInput")
    );
    assert!(gate("pub struct OnlyAlpha").contains(r#"#[cfg(feature = "alpha_op")]"#));
    assert!(gate("pub struct BetaInput").contains(r#"#[cfg(feature = "beta")]"#));
    assert!(gate("pub struct Shared").contains(r#"#[cfg(any(feature = "alpha_op", feature = "beta"))]"#));
    for ungated in ["pub struct Always", "pub struct Packet ", "pub enum PacketAlphaOpOrBeta"] {
        assert!(
            !gate(ungated).contains("cfg(feature") && !gate(ungated).contains("cfg(any"),
            "{ungated}: {}",
            gate(ungated)
        );
    }
}

#[test]
fn every_impl_of_a_gated_item_is_gated_too() {
    let code = generated(true);
    for implementation in ["impl XmlElement for OnlyAlpha", "impl Validate for OnlyAlpha"] {
        let before = attributes_before(&code, implementation);
        assert!(before.contains(r#"#[cfg(feature = "alpha_op")]"#), "{implementation}: {before}");
    }
}

#[test]
fn variants_and_their_arms_are_gated_and_a_disabled_one_is_a_named_read_error() {
    let code = generated(true);
    let variants = attributes_before(&code, "AlphaOp(AlphaInput)");
    assert!(variants.ends_with("#[cfg(feature = \"alpha_op\")]\n    "), "{variants:?}");
    assert_eq!(
        code.matches("#[cfg(feature = \"beta\")]\n            Self::Beta(value)").count(),
        2,
        "write and validate arms:\n{code}"
    );
    assert!(code.contains(r#"r.feature_disabled("alpha-op", "alpha_op", env!("CARGO_PKG_NAME"))"#), "{code}");
    assert!(code.contains("#[cfg(not(feature = \"alpha_op\"))]\n            Some(\"alpha-op\")"), "{code}");
    // With both features off the enum has no variant: each `match` on it
    // still compiles.
    assert!(
        code.contains("#[cfg(not(any(feature = \"alpha_op\", feature = \"beta\")))]\n            _ => match *self {}")
    );
}

#[test]
fn without_the_option_nothing_is_gated() {
    let code = generated(false);
    assert!(!code.contains("cfg(feature") && !code.contains("cfg(any") && !code.contains("cfg(not"), "{code}");
}

#[test]
fn a_path_that_names_no_choice_is_a_configuration_error() {
    let mut config = Config::new();
    config.schema(SCHEMA).operator_features("/packet#alpha_op_or_bta");
    let error = config.generate().expect_err("the path names nothing");
    let Error::UnknownConfigPaths(found) = &error else { panic!("expected a configuration error, got {error:?}") };
    assert_eq!(found, &[UnknownConfigPath { option: "operator_features", path: "/packet#alpha_op_or_bta".to_owned() }]);
}
