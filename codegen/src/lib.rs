//! Generates Rust bindings for the Plesk XML API from its XML Schema files.

pub mod config;
pub mod error;
pub mod model;
pub mod naming;
pub mod pattern;
pub mod plan;
pub mod source;
pub mod xsd;

pub use config::Config;
pub use error::{Error, SchemaError, SchemaErrorKind};
