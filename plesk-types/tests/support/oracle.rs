//! xmllint, the trusted validator: the schema of each side of a packet, and
//! one document checked against it.

use std::path::PathBuf;

use super::{Side, schema_dir};

impl Side {
    /// The schema that describes this side's packet.
    pub fn schema(self) -> PathBuf {
        schema_dir().join(match self {
            Side::Request => "agent_input.xsd",
            Side::Response => "agent_output.xsd",
        })
    }
}

/// Validates `document` against the schema of `side`.
///
/// # Panics
///
/// When xmllint is not installed (these tests never skip: install
/// `libxml2-utils`), or when xmllint fails for another reason than the
/// document (a schema that does not compile, say).
pub fn xmllint(side: Side, document: &str) -> super::xmllint::Verdict {
    super::xmllint::validate(&side.schema(), document)
}
