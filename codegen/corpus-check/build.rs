//! Generates the bindings of the three real-input schema sets, each into a
//! file of its own under `OUT_DIR`, with the Plesk conventions:
//!
//! - `v1_6_8_0.rs` and `v1_6_7_0.rs`: the stress corpus, the whole Plesk XML
//!   API of those protocol versions rebuilt from Plesk's schema pictures
//!   (`agent_input.xsd` and `agent_output.xsd` under
//!   `../shared/corpus/plesk-<version>`);
//! - `plesk_1_6_6_0.rs`: Plesk's own files of protocol 1.6.6.0, exactly as
//!   Plesk ships them (`../shared/plesk-schemas/1.6.6.0`), read from the
//!   two packet envelopes, which include everything else they need.
//!
//! `../shared` is the shared reference material next to the checkout, where
//! `.ci/run` expects it; nothing of it is copied into the project.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use plesk_codegen::Config;

/// The schema sets: the file written, and the inputs (a directory, or files).
const SETS: [(&str, &str, &[&str]); 3] = [
    ("v1_6_8_0.rs", "corpus/plesk-1.6.8.0", &[]),
    ("v1_6_7_0.rs", "corpus/plesk-1.6.7.0", &[]),
    ("plesk_1_6_6_0.rs", "plesk-schemas/1.6.6.0", &["agent_input.xsd", "agent_output.xsd"]),
];

fn main() -> ExitCode {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    for (output, dir, files) in SETS {
        let dir: PathBuf = shared.join(dir);
        if !dir.is_dir() {
            eprintln!(
                "{}: missing; the shared reference material belongs next to the checkout, in ../shared (see .ci/run)",
                dir.display()
            );
            return ExitCode::FAILURE;
        }
        // The Plesk conventions, without proptest strategies: this crate
        // checks reading, validation and writing, and stays lean to build;
        // and without operator features: it checks every operator.
        let mut config = Config::plesk();
        config.no_strategies().no_operator_features();
        if files.is_empty() {
            config.schema(&dir);
        } else {
            for file in files {
                config.schema(dir.join(file));
            }
        }
        if let Err(error) = config.write(output) {
            eprintln!("{}: {error}", dir.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
