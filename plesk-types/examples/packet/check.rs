//! The check behind `packet check`: read a packet with the types of one
//! protocol version, validate it, and re-serialize it.

use plesk_types::xml::{Document, ReadOptions};

// Whoever includes this file says which `Side` it means, so that a test
// including it too has one `Side`, not two (`side.rs`).
use super::Side;

/// Protocol versions this build knows (their cargo features are on), oldest first.
pub const VERSIONS: &[&str] = &[
    #[cfg(feature = "v1_6_7_0")]
    "1.6.7.0",
    #[cfg(feature = "v1_6_8_0")]
    "1.6.8.0",
];

/// What checking a packet found.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// The packet written again, indented, when it is valid.
    pub output: Option<String>,
    /// Errors, one line each (`3:7: packet/user: ...` or `packet/...: ...`).
    pub errors: Vec<String>,
    /// Deviations the types tolerate on purpose.
    pub warnings: Vec<String>,
}

/// Checks `input` as a `side` packet of protocol `version`.
pub fn check(version: &str, side: Side, input: &[u8]) -> Report {
    match (version, side) {
        #[cfg(feature = "v1_6_7_0")]
        ("1.6.7.0", Side::Request) => check_as::<plesk_types::v1_6_7_0::RequestPacket>(input),
        #[cfg(feature = "v1_6_7_0")]
        ("1.6.7.0", Side::Response) => check_as::<plesk_types::v1_6_7_0::ResponsePacket>(input),
        #[cfg(feature = "v1_6_8_0")]
        ("1.6.8.0", Side::Request) => check_as::<plesk_types::v1_6_8_0::RequestPacket>(input),
        #[cfg(feature = "v1_6_8_0")]
        ("1.6.8.0", Side::Response) => check_as::<plesk_types::v1_6_8_0::ResponsePacket>(input),
        (other, _) => Report {
            errors: vec![format!(
                "unknown schema version {other}; this build knows {} (each version is a cargo feature, e.g. --features v1_6_7_0)",
                VERSIONS.join(", ")
            )],
            ..Report::default()
        },
    }
}

fn check_as<P: Document>(input: &[u8]) -> Report {
    let packet = match P::from_xml_bytes_with(input, ReadOptions::default()) {
        Ok(packet) => packet,
        Err(error) => return Report { errors: vec![error.to_string()], ..Report::default() },
    };
    let mut report = Report::default();
    if let Err(violations) = packet.validate_document() {
        for violation in violations.violations() {
            let lines = if violation.is_tolerated() { &mut report.warnings } else { &mut report.errors };
            lines.push(violation.to_string());
        }
    }
    if report.errors.is_empty() {
        report.output = Some(packet.to_xml_pretty());
    }
    report
}
