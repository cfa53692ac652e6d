//! Generates Rust bindings for the Plesk XML API from its XML Schema files.

pub mod config;
pub mod emit;
pub mod error;
pub mod model;
pub mod naming;
pub mod pattern;
pub mod plan;
pub mod source;
pub mod tree;
pub mod xsd;

pub use config::Config;
pub use error::{Error, SchemaError, SchemaErrorKind};

/// Reads and resolves the schemas of `config` (stages 1 and 2), for tools
/// that look at the schema rather than generate code.
///
/// # Errors
///
/// Every problem found in the schemas, with its file, line and column.
pub fn load(config: &Config) -> Result<model::Schema, Error> {
    let inputs = config.schema_files()?;
    let set = xsd::read(&inputs).map_err(Error::Schema)?;
    model::resolve(set).map_err(Error::Schema)
}

/// What one run of the generator produced.
#[derive(Debug)]
pub struct Generated {
    /// The Rust source.
    pub code: String,
    /// Every schema file read, includes and imports too.
    pub files: Vec<std::path::PathBuf>,
}

/// Runs the whole pipeline for `config`.
///
/// The stages, each with its own data type:
/// 1. [`xsd::read`]: schema files to syntax trees (roxmltree, positions kept);
/// 2. [`model::resolve`]: names resolved into a schema model;
/// 3. [`plan::plan`]: Rust items, names and types decided;
/// 4. [`emit::emit`]: tokens, parsed by `syn`, formatted by `prettyplease`.
pub fn generate(config: &Config) -> Result<Generated, Error> {
    let schema = load(config)?;
    let module = plan::plan(&schema, config).map_err(Error::Schema)?;
    let code = emit::emit(&module, config)?;
    let files = schema.sources.iter().map(|(_, file)| file.path.clone()).collect();
    Ok(Generated { code, files })
}
