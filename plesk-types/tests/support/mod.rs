//! Helpers shared by the integration tests, one file each: where the
//! schemas and the documentation samples are (`paths`), the xmllint oracle
//! (`oracle`), the samples themselves (`seeds`), values of every operation
//! with every optional field set (`values`), and facts read off the XSD
//! files (`schema_facts`) and the manifest's features (`manifest`).
//!
//! Each test crate uses part of this module (and of its re-exports).
#![allow(dead_code, unused_imports)]

mod manifest;
mod oracle;
mod paths;
mod schema_facts;
mod seeds;
mod values;
#[path = "../../../codegen/tests/support/xmllint.rs"]
pub mod xmllint;

#[path = "../../examples/packet/side.rs"]
mod side;

pub use manifest::*;
pub use oracle::*;
pub use paths::*;
pub use schema_facts::*;
pub use seeds::*;
pub use side::Side;
pub use values::*;
