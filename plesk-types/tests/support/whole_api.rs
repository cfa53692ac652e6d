//! The bundled protocol versions as the whole-API tests (`whole_api`,
//! `cross_version`) see them: where each version's schema files are, its
//! two sides (which envelope file, which children of `<packet>` are not
//! operators, which generated packet reads it), and the operations of a
//! side as element paths (`packet/<operator>/<operation>`) found by
//! `plesk_codegen::sample`, and how many nillable element declarations a
//! side's files have. Included with `#[path]` by both tests, which
//! need every operator compiled in (`full`) and both versions; each uses
//! part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use plesk_codegen::Config;
use plesk_codegen::model::Schema;
use plesk_codegen::sample::Sampler;
use plesk_types::xml::ReadError;

/// What the generated packet of a side made of a document it could read.
pub struct Read {
    /// The violations `validate()` found, if any.
    pub violations: Option<String>,
    /// The packet written back by `to_xml_pretty()`.
    pub written: String,
}

/// One direction of the protocol of one version.
pub struct Side {
    /// `request` or `response`.
    pub name: &'static str,
    /// The envelope file, in the version's schema directory.
    pub file: &'static str,
    /// Children of `<packet>` that are not operators.
    pub not_operators: &'static [&'static str],
    /// Reads a packet (`from_xml`), validates it and writes it back.
    pub read: fn(&str) -> Result<Read, ReadError>,
}

/// One bundled protocol version and its generated module.
pub struct Version {
    /// `1.6.8.0`: its directory under `schemas/`.
    pub name: &'static str,
    /// `v1_6_8_0`: its module of `plesk_types`.
    pub module: &'static str,
    /// Request, then response.
    pub sides: [Side; 2],
}

impl Version {
    /// The version's schema directory.
    pub fn dir(&self) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas").join(self.name)
    }

    /// The envelope file of `side`.
    pub fn envelope(&self, side: &Side) -> PathBuf {
        self.dir().join(side.file)
    }
}

macro_rules! reader {
    ($name:ident, $packet:path) => {
        fn $name(document: &str) -> Result<Read, ReadError> {
            let packet = <$packet>::from_xml(document)?;
            let violations = packet.validate().err().map(|errors| errors.to_string());
            Ok(Read { violations, written: packet.to_xml_pretty() })
        }
    };
}

reader!(request_1_6_8_0, plesk_types::v1_6_8_0::RequestPacket);
reader!(response_1_6_8_0, plesk_types::v1_6_8_0::ResponsePacket);
reader!(request_1_6_7_0, plesk_types::v1_6_7_0::RequestPacket);
reader!(response_1_6_7_0, plesk_types::v1_6_7_0::ResponsePacket);

const fn sides(
    request: fn(&str) -> Result<Read, ReadError>,
    response: fn(&str) -> Result<Read, ReadError>,
) -> [Side; 2] {
    [
        Side { name: "request", file: "agent_input.xsd", not_operators: &["request-settings"], read: request },
        Side { name: "response", file: "agent_output.xsd", not_operators: &["system", "output"], read: response },
    ]
}

/// Both bundled versions, the newest first.
pub const VERSIONS: [Version; 2] = [
    Version { name: "1.6.8.0", module: "v1_6_8_0", sides: sides(request_1_6_8_0, response_1_6_8_0) },
    Version { name: "1.6.7.0", module: "v1_6_7_0", sides: sides(request_1_6_7_0, response_1_6_7_0) },
];

/// The schema model of one envelope file and what it includes, as the
/// sampler reads it.
pub fn load(schema_file: &Path) -> Schema {
    let mut config = Config::new();
    config.schema(schema_file);
    plesk_codegen::load(&config).unwrap_or_else(|error| panic!("{}: {error}", schema_file.display()))
}

/// The operators of a side, in schema order: the children of `<packet>`
/// the side does not list as something else.
pub fn operators(sampler: &Sampler<'_>, side: &Side) -> Vec<String> {
    sampler
        .child_elements("packet")
        .unwrap_or_else(|error| panic!("{}: {error}", side.file))
        .into_iter()
        .filter(|name| !side.not_operators.contains(&name.as_str()))
        .collect()
}

/// The operations of one operator, as element paths
/// (`packet/user/add`), in schema order; none for an operator without
/// declared operations (an `xs:anyType` operator).
pub fn operations(sampler: &Sampler<'_>, operator: &str) -> Vec<String> {
    let path = format!("packet/{operator}");
    let names = sampler.child_elements(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    names.into_iter().map(|operation| format!("{path}/{operation}")).collect()
}
