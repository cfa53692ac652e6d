//! The `plesk-codegen` command line: generates Rust bindings from a directory
//! of Plesk XML API schemas, or checks the schemas without writing anything.

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
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Generate(generate) => generate.run(),
    }
}
