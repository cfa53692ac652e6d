//! `plesk-codegen generate`: schema directories to Rust files.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use plesk_codegen::Config;

use super::report::report;

/// Options of `generate`.
#[derive(Debug, Args)]
pub struct Generate {
    /// Schema directories (every `*.xsd` inside) or single schema files.
    #[arg(required = true)]
    schemas: Vec<PathBuf>,

    /// Where to write the generated files (one `<name>.rs` per schema
    /// argument; `schemas/1.6.8.0` gives `v1_6_8_0.rs`).
    #[arg(short, long, required_unless_present = "check")]
    out_dir: Option<PathBuf>,

    /// Only read and check the schemas; report every error, write nothing.
    #[arg(long)]
    check: bool,

    /// Start from no conventions instead of the Plesk ones (`RequestPacket`,
    /// `ResponsePacket`, redacted passwords, tolerated `email`).
    #[arg(long)]
    bare: bool,

    /// The path generated code reaches the plesk-types crate by.
    #[arg(long, value_name = "PATH", default_value = "::plesk_types")]
    runtime_crate: String,

    /// Names the type at a schema path, e.g. `UserAddOutput/result=UserAddResult`.
    #[arg(long = "type-name", value_name = "SCHEMA_PATH=RUST_NAME", value_parser = key_value)]
    type_names: Vec<(String, String)>,

    /// Names the field at a schema path, e.g. `/packet#webuser_or_user=operators`.
    #[arg(long = "field-name", value_name = "SCHEMA_PATH=RUST_NAME", value_parser = key_value)]
    field_names: Vec<(String, String)>,

    /// Adds an attribute to the type at a schema path, e.g.
    /// `UserAddGenInfo=#[derive(Hash)]`.
    #[arg(long = "type-attribute", value_name = "SCHEMA_PATH=ATTRIBUTE", value_parser = key_value)]
    type_attributes: Vec<(String, String)>,

    /// Adds an attribute to the field at a schema path, e.g.
    /// `UserAddGenInfo/login=#[doc(alias = "user")]`.
    #[arg(long = "field-attribute", value_name = "SCHEMA_PATH=ATTRIBUTE", value_parser = key_value)]
    field_attributes: Vec<(String, String)>,

    /// Hides the value of elements and attributes of this name from `Debug`.
    #[arg(long = "redact-debug", value_name = "NAME")]
    redacted: Vec<String>,

    /// Lets a required element be absent when reading, e.g.
    /// `UserGetGenInfo/email=old servers omit it`.
    #[arg(long = "tolerate-missing", value_name = "SCHEMA_PATH=REASON", value_parser = key_value)]
    tolerated: Vec<(String, String)>,
}

fn key_value(argument: &str) -> Result<(String, String), String> {
    match argument.split_once('=') {
        Some((key, value)) if !key.is_empty() && !value.is_empty() => Ok((key.to_owned(), value.to_owned())),
        _ => Err(format!("expected KEY=VALUE, found '{argument}'")),
    }
}

impl Generate {
    /// Generates (or checks) every schema argument; fails if any fails.
    pub fn run(&self) -> ExitCode {
        let mut failed = false;
        for schemas in &self.schemas {
            let config = self.config(schemas);
            let outcome = plesk_codegen::generate(&config).and_then(|generated| {
                for left_out in &generated.left_out {
                    eprintln!("{}: left out {}: {}", schemas.display(), left_out.path.display(), left_out.reason);
                }
                if self.check {
                    Ok(format!("{}: ok", schemas.display()))
                } else {
                    let dir = self.out_dir.as_deref().unwrap_or(Path::new("."));
                    let path = dir.join(format!("{}.rs", module_name(schemas)));
                    write_if_changed(&path, &generated.code)
                        .map(|()| format!("{}: wrote {}", schemas.display(), path.display()))
                }
            });
            match outcome {
                Ok(message) => eprintln!("{message}"),
                Err(error) => {
                    failed = true;
                    report(&error);
                }
            }
        }
        if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
    }

    fn config(&self, schemas: &Path) -> Config {
        let mut config = if self.bare { Config::new() } else { Config::plesk() };
        config.runtime_crate(&self.runtime_crate);
        config.schema(schemas);
        for (path, name) in &self.type_names {
            config.type_name(path, name);
        }
        for (path, name) in &self.field_names {
            config.field_name(path, name);
        }
        for (path, attribute) in &self.type_attributes {
            config.type_attribute(path, attribute);
        }
        for (path, attribute) in &self.field_attributes {
            config.field_attribute(path, attribute);
        }
        for name in &self.redacted {
            config.redact_debug(name);
        }
        for (path, reason) in &self.tolerated {
            config.tolerate_missing(path, reason);
        }
        config
    }
}

/// Writes `code` to `path` unless the file already holds it.
fn write_if_changed(path: &Path, code: &str) -> Result<(), plesk_codegen::Error> {
    if std::fs::read_to_string(path).is_ok_and(|existing| existing == code) {
        return Ok(());
    }
    let io = |source| plesk_codegen::Error::Io { path: path.to_path_buf(), source };
    if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| plesk_codegen::Error::Io { path: dir.to_path_buf(), source })?;
    }
    std::fs::write(path, code).map_err(io)
}

/// The module name for a schema directory or file: its name with every
/// character that cannot be in an identifier replaced by `_`, and `v` before
/// a leading digit (`1.6.8.0` is `v1_6_8_0`).
pub fn module_name(schemas: &Path) -> String {
    let stem = if schemas.is_dir() { schemas.file_name() } else { schemas.file_stem() };
    let raw = stem.map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    let name: String = raw.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '_' }).collect();
    match name.chars().next() {
        None => "schema".to_owned(),
        Some(first) if first.is_ascii_digit() => format!("v{name}"),
        Some(_) => name,
    }
}
