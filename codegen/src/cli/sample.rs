//! `plesk-codegen sample`: minimal and maximal sample documents.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use plesk_codegen::Config;
use plesk_codegen::sample::{Extent, Sampler};

use super::report::report;

/// Options of `sample`.
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("target").required(true).args(["element", "type_name"]))]
pub struct Sample {
    /// A schema directory (every `*.xsd` inside) or a schema file. Where a
    /// directory declares a global element twice (the request and response
    /// `packet`), give the file: `schemas/1.6.8.0/agent_input.xsd`.
    schemas: PathBuf,

    /// The element: a global element (`packet`) or an element path through
    /// child elements (`packet/user/add`).
    #[arg(long, value_name = "NAME_OR_PATH")]
    element: Option<String>,

    /// A named type, sampled as an element of the same name.
    #[arg(long = "type", value_name = "NAME")]
    type_name: Option<String>,

    /// Which samples to print.
    #[arg(long, value_enum, default_value_t = Which::Both)]
    extent: Which,

    /// Print only the XML: no comment naming each sample (two samples are
    /// separated by an empty line).
    #[arg(long)]
    xml_only: bool,
}

/// The `--extent` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Which {
    /// Only what the schema requires.
    Min,
    /// Everything the schema allows (repetitions twice, recursion bounded).
    Max,
    /// The minimal sample, then the maximal one.
    Both,
}

impl Sample {
    /// Prints the samples on standard output; exits 1 when the schemas
    /// cannot be read or the target names nothing.
    pub fn run(&self) -> ExitCode {
        let mut config = Config::new();
        config.schema(&self.schemas);
        let schema = match plesk_codegen::load(&config) {
            Ok(schema) => schema,
            Err(error) => {
                report(&error);
                return ExitCode::FAILURE;
            }
        };
        let sampler = Sampler::new(&schema);
        let extents: &[Extent] = match self.extent {
            Which::Min => &[Extent::Minimal],
            Which::Max => &[Extent::Maximal],
            Which::Both => &[Extent::Minimal, Extent::Maximal],
        };
        let mut text = String::new();
        for (index, &extent) in extents.iter().enumerate() {
            let (target, sample) = match (&self.element, &self.type_name) {
                (Some(path), _) => (format!("element {path}"), sampler.element(path, extent)),
                (None, Some(name)) => (format!("type {name}"), sampler.named_type(name, extent)),
                (None, None) => {
                    eprintln!("error: give --element or --type");
                    return ExitCode::FAILURE;
                }
            };
            let sample = match sample {
                Ok(sample) => sample,
                Err(error) => {
                    eprintln!("error: {error}");
                    return ExitCode::FAILURE;
                }
            };
            if index > 0 {
                text.push('\n');
            }
            if !self.xml_only {
                // `--` may not appear inside an XML comment.
                let about = format!("{extent} sample of {target} ({})", self.schemas.display()).replace("--", "- -");
                text.push_str(&format!("<!-- {about} -->\n"));
            }
            text.push_str(&sample.xml);
            text.push('\n');
        }
        let mut stdout = std::io::stdout().lock();
        match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("error: cannot write the samples: {error}");
                ExitCode::FAILURE
            }
        }
    }
}
