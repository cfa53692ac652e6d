//! Generates the bindings of the stress corpus, the whole Plesk XML API of
//! protocol 1.6.8.0 (`agent_input.xsd` and `agent_output.xsd` under
//! `../shared/corpus/plesk-1.6.8.0`, next to the checkout, where `.ci/run`
//! expects the shared reference material), into `OUT_DIR/plesk.rs`.

use std::path::Path;
use std::process::ExitCode;

use plesk_codegen::Config;

fn main() -> ExitCode {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/plesk-1.6.8.0");
    if !corpus.is_dir() {
        eprintln!(
            "{}: the stress corpus is missing; the shared reference material belongs next to the checkout, \
             in ../shared (see .ci/run)",
            corpus.display()
        );
        return ExitCode::FAILURE;
    }
    // The Plesk conventions, without proptest strategies: this crate checks
    // reading, validation and writing, and stays lean to build.
    let mut config = Config::plesk();
    config.schema_dir(&corpus).strategies(None);
    match config.write("plesk.rs") {
        Ok(_) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}
