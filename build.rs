//! Generates the bindings of every protocol version under `schemas/` into
//! `OUT_DIR`: `schemas/1.6.8.0/` becomes `v1_6_8_0.rs`, and the types that
//! are the same in every version go to `shared.rs` once. The crate compiles
//! the modules of the versions whose cargo feature is on.

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
    // Every version is generated, whatever the features, so that which types
    // are shared does not depend on the features chosen.
    let members: Vec<(String, Config)> = versions
        .iter()
        .filter_map(|dir| {
            let version = dir.file_name()?.to_str()?;
            Some((format!("v{}", version.replace('.', "_")), plesk_config(dir)))
        })
        .collect();
    match plesk_codegen::generate_family(&members, "crate::shared").and_then(|family| family.write(None)) {
        Ok(_) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}

/// The options every protocol version is generated with: the Plesk
/// conventions, and the runtime reached from inside this crate.
fn plesk_config(schema_dir: &Path) -> Config {
    let mut config = Config::plesk();
    config.schema_dir(schema_dir).runtime_path("crate::xml");
    // `Config::plesk()` names the envelopes' operator groups by the paths
    // they have when user and webuser are the only operators
    // (`/packet#webuser_or_user`); with every operator the group is
    // `#choice`, so the same names are given here for that path.
    config
        .type_name("/packet#choice", "RequestOperator")
        .field_name("/packet#choice", "operators")
        .type_name("ResponsePacketType#choice#choice", "ResponseOperator")
        .field_name("ResponsePacketType#choice#choice", "operators");
    config
}
