//! Generates the bindings of every protocol version under `schemas/` into
//! `OUT_DIR`: `schemas/1.6.8.0/` becomes `v1_6_8_0.rs`, included by the
//! module `plesk_types::v1_6_8_0`.

use std::path::Path;
use std::process::ExitCode;

use plesk_codegen::Config;

fn main() -> ExitCode {
    let schemas = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
    println!("cargo:rerun-if-changed={}", schemas.display());
    let mut versions: Vec<_> = match std::fs::read_dir(&schemas) {
        Ok(entries) => entries.filter_map(Result::ok).map(|entry| entry.path()).filter(|path| path.is_dir()).collect(),
        Err(error) => {
            eprintln!("{}: {error}", schemas.display());
            return ExitCode::FAILURE;
        }
    };
    versions.sort();
    for version in versions {
        let Some(name) = version.file_name().and_then(|name| name.to_str()) else {
            continue;
        };
        let module = format!("v{}.rs", name.replace('.', "_"));
        if let Err(error) = plesk_config(&version).write(&module) {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// The options every protocol version is generated with: the Plesk
/// conventions, and the runtime reached from inside this crate.
fn plesk_config(schema_dir: &Path) -> Config {
    let mut config = Config::plesk();
    config.schema_dir(schema_dir).runtime_path("crate::xml");
    config
}
