//! The operator features of `Cargo.toml` are exactly the operators the
//! bundled schemas define, and `full` turns on each: generated code tests
//! these features, and cargo only warns (`unexpected_cfgs`) about one it
//! does not know, so a typo or a missing feature would otherwise compile an
//! operator out without an error.

use std::collections::BTreeSet;
use std::path::Path;

use plesk_codegen::Config;

#[path = "support/manifest.rs"]
mod manifest;

use manifest::declared_features;

/// The features of `Cargo.toml` that are not operators.
const OTHER_FEATURES: &[&str] = &["default", "full", "proptest", "serde", "transport", "client", "blocking"];

/// Whether a feature is a protocol version's (`v1_6_8_0`; `virtdir` is an operator).
fn is_version(feature: &str) -> bool {
    feature.strip_prefix('v').is_some_and(|rest| rest.split('_').all(|part| part.parse::<u32>().is_ok()))
}

/// The operator features the generated code of every bundled version tests.
fn schema_operators() -> BTreeSet<String> {
    let schemas = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
    let mut operators = BTreeSet::new();
    let mut versions = 0;
    for entry in std::fs::read_dir(&schemas).expect("schemas/ is readable") {
        let dir = entry.expect("schemas/ lists").path();
        if !dir.is_dir() {
            continue;
        }
        let mut config = Config::plesk();
        config.schema(&dir).runtime_crate("crate");
        let generated = plesk_codegen::generate(&config).unwrap_or_else(|error| panic!("{}: {error}", dir.display()));
        operators.extend(generated.operator_features);
        versions += 1;
    }
    assert!(versions >= 2, "both bundled versions are read");
    operators
}

#[test]
fn every_operator_has_its_feature_and_every_operator_feature_an_operator() {
    let declared = declared_features();
    let operators: BTreeSet<String> = declared
        .keys()
        .filter(|feature| !OTHER_FEATURES.contains(&feature.as_str()) && !is_version(feature))
        .cloned()
        .collect();
    let defined = schema_operators();
    assert!(defined.contains("user") && defined.contains("webuser"), "{defined:?}");
    assert_eq!(operators, defined, "operator features in Cargo.toml, then the operators of schemas/");
}

#[test]
fn full_turns_on_every_operator() {
    let declared = declared_features();
    let full: BTreeSet<String> = declared.get("full").expect("a feature `full`").iter().cloned().collect();
    assert_eq!(full, schema_operators());
}

#[test]
fn version_features_are_the_bundled_versions() {
    let declared: BTreeSet<String> = declared_features().into_keys().filter(|feature| is_version(feature)).collect();
    let bundled: BTreeSet<String> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas"))
        .expect("schemas/ is readable")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let name = path.file_name()?.to_str()?;
            path.is_dir().then(|| format!("v{}", name.replace('.', "_")))
        })
        .collect();
    assert_eq!(declared, bundled);
}
