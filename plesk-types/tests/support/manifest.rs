//! The `[features]` table of the package's manifest, read as text (the tests
//! have no TOML parser): what `features.rs` and `operator_docs.rs` check
//! the schemas and the docs against.

use std::collections::BTreeMap;
use std::path::Path;

/// The `[features]` table of the package's manifest: each feature and what it enables.
pub fn declared_features() -> BTreeMap<String, Vec<String>> {
    let manifest = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
        .expect("Cargo.toml is readable");
    let section = manifest.split("\n[features]\n").nth(1).expect("Cargo.toml has a [features] table");
    let section = section.split("\n[").next().unwrap_or_default();
    let without_comments: String =
        section.lines().map(|line| line.split('#').next().unwrap_or_default()).collect::<Vec<_>>().join("\n");
    let entry = regex_lite::Regex::new(r#"(?m)^([A-Za-z0-9_-]+)\s*=\s*\[([^\]]*)\]"#).expect("the pattern compiles");
    entry
        .captures_iter(&without_comments)
        .map(|captures| {
            let enabled = captures[2]
                .split(',')
                .map(|one| one.trim().trim_matches('"').to_owned())
                .filter(|one| !one.is_empty())
                .collect();
            (captures[1].to_owned(), enabled)
        })
        .collect()
}
