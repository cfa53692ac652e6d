//! The `plesk-codegen` command line: generates Rust bindings from a directory
//! of Plesk XML API schemas, checks the schemas without writing anything, or
//! reports what changed between two schema versions.

mod cli;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Generates Rust bindings from Plesk XML API schemas.
#[derive(Debug, Parser)]
#[command(name = "plesk-codegen", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Generates one Rust file per schema directory (for projects that check
    /// generated code in; build scripts use the library instead).
    Generate(cli::generate::Generate),
    /// Reports what changed between two schema versions (types, elements,
    /// attributes, occurrences, facets, order), each change marked with its
    /// effect on the generated Rust API: breaking (semver major), additive
    /// (minor) or behavioral (patch: the same API, other documents accepted
    /// or written).
    ///
    /// Exit status: 0 when nothing breaking changed (no change, or additive
    /// and behavioral changes only), 1 when something breaking changed, 2
    /// when a version cannot be read (every schema error is reported, as by
    /// `generate`).
    ///
    /// Example: `plesk-codegen diff schemas/1.6.7.0 schemas/1.6.8.0 --format json`.
    Diff(cli::diff::Diff),
    /// Prints a minimal and a maximal valid sample document of an element
    /// (a global element, or a path such as `packet/user/add`) or of a named
    /// type: values satisfy every facet, formatted as the generated writers
    /// format them.
    ///
    /// Example: `plesk-codegen sample schemas/1.6.8.0/agent_input.xsd --element packet/user/add`.
    Sample(cli::sample::Sample),
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Generate(generate) => generate.run(),
        Command::Diff(diff) => diff.run(),
        Command::Sample(sample) => sample.run(),
    }
}
