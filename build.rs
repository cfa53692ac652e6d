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
    // Every version is planned, whatever the features, so that which types
    // are shared does not depend on the features chosen; but only what this
    // build's features compile is written out, to spare the compiler
    // parsing the rest.
    let mut family = plesk_codegen::Family::builder("crate::shared");
    for dir in &versions {
        if let Some(version) = dir.file_name().and_then(|name| name.to_str()) {
            let module = format!("v{}", version.replace('.', "_"));
            family = family.member_under_feature(module.clone(), module, plesk_config(dir));
        }
    }
    match family.generate().and_then(|family| family.write(None)) {
        Ok(_) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}

/// The options every protocol version is generated with: the Plesk
/// conventions, the runtime reached from inside this crate, and only what
/// the features of this build compile.
fn plesk_config(schema_dir: &Path) -> Config {
    let mut config = Config::plesk();
    config.schema(schema_dir).runtime_crate("crate").only_build_script_features();
    config
}
