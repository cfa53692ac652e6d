//! The three real-input schema sets of `corpus-check`, as the tests see
//! them: where their files are, the two sides of each (which envelope file,
//! which children of `<packet>` are not operators) and the generated types
//! that read, validate and write each side. Included with `#[path]` by both
//! tests, each of which uses part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// What reading a document with the generated types gave.
pub struct Read {
    /// `from_xml` succeeded.
    pub parsed: bool,
    /// The error of `from_xml`, or the violations of `validate()`; empty
    /// when both succeeded.
    pub problem: String,
    /// The document written back by `to_xml_pretty()`, when it read.
    pub written: Option<String>,
}

impl Read {
    /// `from_xml` and `validate()` both succeeded.
    pub fn valid(&self) -> bool {
        self.parsed && self.problem.is_empty()
    }
}

/// One direction of the protocol of one set.
pub struct Side {
    pub name: &'static str,
    pub file: &'static str,
    /// Children of `<packet>` that are not operators.
    pub not_operators: &'static [&'static str],
    /// Reads, validates and writes back a packet.
    pub read: fn(&str) -> Read,
}

/// One schema set and its generated module.
pub struct Set {
    /// The module of `corpus_check` holding its bindings.
    pub module: &'static str,
    /// Its directory, under `../shared` next to the checkout.
    pub dir: &'static str,
    pub sides: [Side; 2],
}

impl Set {
    pub fn dir(&self) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared").join(self.dir)
    }
}

macro_rules! reader {
    ($name:ident, $packet:path) => {
        fn $name(document: &str) -> Read {
            match <$packet>::from_xml(document) {
                Err(error) => Read { parsed: false, problem: format!("from_xml: {error}"), written: None },
                Ok(packet) => {
                    let problem = match packet.validate() {
                        Ok(()) => String::new(),
                        Err(errors) => format!("validate(): {errors}"),
                    };
                    Read { parsed: true, problem, written: Some(packet.to_xml_pretty()) }
                }
            }
        }
    };
}

reader!(request_1_6_8_0, corpus_check::v1_6_8_0::RequestPacket);
reader!(response_1_6_8_0, corpus_check::v1_6_8_0::ResponsePacket);
reader!(request_1_6_7_0, corpus_check::v1_6_7_0::RequestPacket);
reader!(response_1_6_7_0, corpus_check::v1_6_7_0::ResponsePacket);
reader!(request_1_6_6_0, corpus_check::plesk_1_6_6_0::RequestPacket);
reader!(response_1_6_6_0, corpus_check::plesk_1_6_6_0::ResponsePacket);

const fn sides(request: fn(&str) -> Read, response: fn(&str) -> Read) -> [Side; 2] {
    [
        Side { name: "request", file: "agent_input.xsd", not_operators: &["request-settings"], read: request },
        Side { name: "response", file: "agent_output.xsd", not_operators: &["system", "output"], read: response },
    ]
}

/// The stress corpus of 1.6.8.0 and 1.6.7.0, and Plesk's own files of 1.6.6.0.
pub const SETS: [Set; 3] = [
    Set { module: "v1_6_8_0", dir: "corpus/plesk-1.6.8.0", sides: sides(request_1_6_8_0, response_1_6_8_0) },
    Set { module: "v1_6_7_0", dir: "corpus/plesk-1.6.7.0", sides: sides(request_1_6_7_0, response_1_6_7_0) },
    Set { module: "plesk_1_6_6_0", dir: "plesk-schemas/1.6.6.0", sides: sides(request_1_6_6_0, response_1_6_6_0) },
];

/// Plesk's own files, the set the differential test mutates.
pub const PLESK_1_6_6_0: &Set = &SETS[2];
