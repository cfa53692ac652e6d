//! Where the tests' data is: the schemas and the documentation pages.

use std::path::{Path, PathBuf};

/// The 1.6.8.0 schema files this crate is generated from.
pub fn schema_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/1.6.8.0")
}

/// The Plesk documentation pages the project started from.
pub fn seed_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds"))
}
