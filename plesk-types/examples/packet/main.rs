//! Checks a Plesk packet file against the generated types.
//!
//! ```text
//! cargo run --example packet -- check --request request.xml
//! cargo run --example packet -- check --response response.xml --schema-version 1.6.8.0
//! cargo run --example packet --features v1_6_7_0 -- check --request billing.xml --schema-version 1.6.7.0
//! ```
//!
//! The file is read with the types of the chosen protocol version (the
//! newest this build knows by default) and validated. On success the packet
//! is printed again, re-serialized from the typed value: the same elements
//! and attributes, in schema order (values in canonical form: `1` for a
//! boolean is written `true`). Deviations the types tolerate on purpose (a
//! user get response without `email`) are printed to stderr as warnings. On
//! any error, each error goes to stderr on its own line, with its
//! line:column or element path, and the exit status is 1. A DOCTYPE is
//! refused, never expanded.

mod check;
mod side;

use std::path::PathBuf;
use std::process::ExitCode;

use check::{VERSIONS, check};
use clap::{Args, Parser, Subcommand};
use side::Side;

/// Checks Plesk XML API packets.
#[derive(Debug, Parser)]
#[command(name = "packet")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Parses and validates a packet; prints it re-serialized in schema order.
    Check(Check),
}

#[derive(Debug, Args)]
struct Check {
    /// A request packet (what a client sends to agent.php).
    #[arg(long, value_name = "FILE", conflicts_with = "response", required_unless_present = "response")]
    request: Option<PathBuf>,

    /// A response packet (what Plesk answers).
    #[arg(long, value_name = "FILE")]
    response: Option<PathBuf>,

    /// The protocol version whose schema the packet follows (default: the
    /// newest this build knows).
    #[arg(long, value_name = "VERSION")]
    schema_version: Option<String>,
}

fn main() -> ExitCode {
    let Command::Check(arguments) = Cli::parse().command;
    let (path, side) = match (arguments.request, arguments.response) {
        (Some(path), _) => (path, Side::Request),
        (None, Some(path)) => (path, Side::Response),
        // clap requires one of the two.
        (None, None) => return ExitCode::from(2),
    };
    let version = arguments.schema_version.as_deref().or(VERSIONS.last().copied()).unwrap_or("none");
    let input = match std::fs::read(&path) {
        Ok(input) => input,
        Err(error) => {
            eprintln!("{}: {error}", path.display());
            return ExitCode::FAILURE;
        }
    };
    let report = check(version, side, &input);
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    for error in &report.errors {
        // A read error starts with its line:column, a violation with its path.
        let separator = if error.starts_with(|c: char| c.is_ascii_digit()) { ":" } else { ": " };
        eprintln!("{}{separator}{error}", path.display());
    }
    match report.output {
        Some(output) => {
            println!("{output}");
            ExitCode::SUCCESS
        }
        None => ExitCode::FAILURE,
    }
}
