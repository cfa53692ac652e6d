//! Generates Rust bindings for the Plesk XML API from its XML Schema files:
//! one type per schema type, with serializers that write children in schema
//! order, deserializers that say where a document deviates, and validators
//! that check every facet and occurrence bound. The generated code uses the
//! runtime of the `plesk-types` crate (`plesk_types::xml`).
//!
//! # From a build script
//!
//! `Cargo.toml`:
//!
//! ```toml
//! [build-dependencies]
//! plesk-codegen = { path = "../plesk-types/codegen", default-features = false }
//! [dependencies]
//! plesk-types = { path = "../plesk-types" }
//! ```
//!
//! `build.rs`, in its `fn main`:
//!
//! ```no_run
//! let mut config = plesk_codegen::Config::plesk();
//! config.schema("schemas/1.6.8.0");
//! if let Err(error) = config.write("plesk.rs") {
//!     eprintln!("{error}");
//!     std::process::exit(1);
//! }
//! ```
//!
//! `src/lib.rs`:
//!
//! ```ignore
//! pub mod plesk {
//!     include!(concat!(env!("OUT_DIR"), "/plesk.rs"));
//! }
//! ```
//!
//! # Generating a string
//!
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let dir = std::env::temp_dir().join(format!("plesk-codegen-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir)?;
//! std::fs::write(
//!     dir.join("greeting.xsd"),
//!     r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
//!          <xs:element name="greeting">
//!            <xs:complexType>
//!              <xs:sequence>
//!                <xs:element name="to" type="xs:string"/>
//!                <xs:element name="times" type="xs:int" minOccurs="0"/>
//!              </xs:sequence>
//!            </xs:complexType>
//!          </xs:element>
//!        </xs:schema>"#,
//! )?;
//! let mut config = plesk_codegen::Config::new();
//! config.schema(&dir);
//! let code = config.generate()?;
//! assert!(code.contains("pub struct Greeting {"));
//! assert!(code.contains("pub times: Option<i32>,"));
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok(())
//! # }
//! ```
//!
//! # Adding attributes
//!
//! [`Config::type_attribute`] and [`Config::field_attribute`] add attributes
//! to the item or field at a schema path, after the generated derives:
//!
//! ```no_run
//! let mut config = plesk_codegen::Config::plesk();
//! config
//!     .schema("schemas/1.6.8.0")
//!     .type_attribute("UserAddGenInfo", "#[derive(serde::Serialize)]")
//!     .field_attribute("UserAddGenInfo/passwd", "#[serde(skip)]");
//! ```
//!
//! # Several versions together
//!
//! [`Family::builder`] generates several schema sets (the protocol versions
//! of one API) into one module each, with the types that are the same in
//! all of them generated once, in a shared module the others re-export.
//!
//! # Errors
//!
//! A broken or unsupported schema gives [`Error::Schema`]: every problem
//! found, each a [`SchemaError`] naming file, line and column
//! (`user.xsd:42:7: unknown type 'UserAddGenInfoo' referenced by element
//! 'gen-info'`), also usable as a `miette` diagnostic.
//!
//! # Property tests
//!
//! With [`Config::strategies`] (on in [`Config::plesk`], under the cargo
//! feature `proptest`; [`Config::no_strategies`] turns them off), every generated type implements proptest's
//! `Arbitrary` with values that satisfy every facet and occurrence bound
//! and read back as themselves, and each generated module lists its types
//! in `every_type::visit`, so that a test can check a property of every
//! type, new ones included.
//!
//! # Derives
//!
//! What a generated type derives follows its fields: `Eq` and `Hash` where
//! every field has them (floats do not), `Ord` on enumerations in the
//! schema's order, `Default` only where the default value validates; every
//! other struct gets `new` with the fields the schema requires. With
//! [`Config::serde_feature`] (on in [`Config::plesk`], under `serde`),
//! every type also derives serde's `Serialize` and `Deserialize`.
//!
//! # Comparing protocol versions
//!
//! [`diff::diff`] reads two schema versions and reports what changed, each
//! change marked with its effect on the generated API in semver terms
//! (breaking, additive, behavioral), as text or, with the `json` feature, as
//! JSON.
//!
//! # Sample documents
//!
//! [`sample::Sampler`] makes a minimal and a maximal valid document of an
//! element (`packet/user/add`) or a named type, values satisfying every
//! facet, formatted as the generated writers format them.

// The public API: the options and the entry points (`Config`, `generate`,
// `load`, `Family`), the errors, and the stages a tool may want on their own
// (the schema model, sample documents, the comparison of versions). The
// other stages are private, so that they can change in any release.
mod config;
pub mod diff;
mod emit;
mod enabled_features;
mod error;
mod family;
pub mod model;
mod naming;
mod pattern;
mod plan;
pub mod sample;
pub mod source;
#[doc(hidden)]
pub mod tree;
mod xsd;

pub use config::{Config, LeftOut};
pub use error::{Error, SchemaError, SchemaErrorKind, UnknownConfigPath};
pub use family::{Family, FamilyBuilder, Member};

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
    /// The files of the given directories that were not read, and why
    /// ([`Config::left_out`]).
    pub left_out: Vec<LeftOut>,
    /// The cargo features the code is gated by ([`Config::operator_features`]),
    /// in name order: the crate compiling it must declare each.
    pub operator_features: Vec<String>,
}

/// Runs the whole pipeline for `config`.
///
/// The stages, each with its own data type:
/// 1. `xsd::read`: schema files to syntax trees (roxmltree, positions kept);
/// 2. [`model::resolve`]: names resolved into a schema model;
/// 3. `plan::plan`: Rust items, names and types decided;
/// 4. `emit::emit`: tokens, parsed by `syn`, formatted by `prettyplease`.
///
/// # Errors
///
/// Every problem found in the schemas, each with its file, line and
/// column; unreadable files; configuration paths that name nothing;
/// configured attributes that are not attributes.
pub fn generate(config: &Config) -> Result<Generated, Error> {
    config.check_attributes()?;
    let schema = load(config)?;
    let module = plan::plan(&schema, config)?;
    let code = emit::emit(&module, config)?;
    let operator_features = module.operator_features();
    let files: Vec<_> = schema.sources.iter().map(|(_, file)| file.path.clone()).collect();
    let left_out = config.left_out(&files)?;
    Ok(Generated { code, files, left_out, operator_features })
}
