//! `plesk-codegen diff`: what changed between two schema versions.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use plesk_codegen::Config;
use plesk_codegen::diff::{Report, diff};

use super::report::report;

/// Exit status when something breaking changed.
const BREAKING: u8 = 1;
/// Exit status when the schemas could not be read or compared.
const FAILED: u8 = 2;

/// Options of `diff`.
#[derive(Debug, Args)]
pub struct Diff {
    /// The old version: a schema directory (every `*.xsd` inside) or a schema file.
    old: PathBuf,

    /// The new version, likewise.
    new: PathBuf,

    /// How to print the report.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,

    /// Start from no conventions instead of the Plesk ones (`RequestPacket`,
    /// `ResponsePacket`, redacted passwords, tolerated `email`).
    #[arg(long)]
    bare: bool,
}

/// The report's formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One aligned line per change, the breaking ones first.
    Text,
    /// One JSON object, for tools.
    Json,
}

impl Diff {
    /// Compares the two versions and prints the report on standard output.
    /// Exits 0 when nothing breaking changed, 1 when something did, 2 when
    /// either version cannot be read (the errors go to standard error).
    pub fn run(&self) -> ExitCode {
        match diff(&self.config(&self.old), &self.config(&self.new)) {
            Ok(found) => match self.print(&found) {
                Ok(()) if found.is_breaking() => ExitCode::from(BREAKING),
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!("error: cannot write the report: {error}");
                    ExitCode::from(FAILED)
                }
            },
            Err(error) => {
                report(&error);
                ExitCode::from(FAILED)
            }
        }
    }

    fn print(&self, found: &Report) -> std::io::Result<()> {
        let text = match self.format {
            Format::Text => found.to_text(),
            Format::Json => {
                let mut json = serde_json::to_string_pretty(&found.to_json()).map_err(std::io::Error::other)?;
                json.push('\n');
                json
            }
        };
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(text.as_bytes())?;
        stdout.flush()
    }

    fn config(&self, schemas: &Path) -> Config {
        let mut config = if self.bare { Config::new() } else { Config::plesk() };
        config.schema(schemas);
        config
    }
}
