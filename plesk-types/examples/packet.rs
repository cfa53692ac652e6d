//! Checks a Plesk packet file against the generated types.
//!
//! ```text
//! cargo run --example packet -- check --request request.xml
//! cargo run --example packet -- check --response response.xml --schema-version 1.6.8.0
//! ```
//!
//! The file is read with the types of the chosen protocol version (the
//! newest by default) and validated. On success the packet is printed again,
//! re-serialized from the typed value: the same elements and attributes, in
//! schema order (values in canonical form: `1` for a boolean is written
//! `true`). Deviations the types tolerate on purpose (a user get response
//! without `email`) are printed to stderr as warnings. On any error, each
//! error goes to stderr on its own line, with its line:column or element
//! path, and the exit status is 1. A DOCTYPE is refused, never expanded.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use plesk_types::xml::{Document, ReadOptions};

/// Protocol versions this build knows, oldest first.
const VERSIONS: &[&str] = &["1.6.8.0"];

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

    /// The protocol version whose schema the packet follows.
    #[arg(long, value_name = "VERSION", default_value = VERSIONS[VERSIONS.len() - 1])]
    schema_version: String,
}

fn main() -> ExitCode {
    let Command::Check(check) = Cli::parse().command;
    let (path, is_request) = match (&check.request, &check.response) {
        (Some(path), _) => (path.as_path(), true),
        (None, Some(path)) => (path.as_path(), false),
        (None, None) => unreachable_by_clap(),
    };
    let input = match std::fs::read(path) {
        Ok(input) => input,
        Err(error) => {
            eprintln!("{}: {error}", path.display());
            return ExitCode::FAILURE;
        }
    };
    match (check.schema_version.as_str(), is_request) {
        ("1.6.8.0", true) => run::<plesk_types::v1_6_8_0::RequestPacket>(path, &input),
        ("1.6.8.0", false) => run::<plesk_types::v1_6_8_0::ResponsePacket>(path, &input),
        (other, _) => {
            eprintln!("unknown schema version {other}; this build knows {}", VERSIONS.join(", "));
            ExitCode::FAILURE
        }
    }
}

/// clap enforces that one of `--request` and `--response` is given.
fn unreachable_by_clap() -> ! {
    eprintln!("give --request FILE or --response FILE");
    std::process::exit(2)
}

fn run<P: Document>(path: &Path, input: &[u8]) -> ExitCode {
    let packet = match P::from_xml_bytes_with(input, ReadOptions::default()) {
        Ok(packet) => packet,
        Err(error) => {
            eprintln!("{}:{error}", path.display());
            return ExitCode::FAILURE;
        }
    };
    if let Err(errors) = packet.validate_document() {
        for violation in errors.violations() {
            let severity = if violation.is_tolerated() { "warning: " } else { "" };
            eprintln!("{severity}{violation}");
        }
        if !errors.only_tolerated() {
            return ExitCode::FAILURE;
        }
    }
    println!("{}", packet.write_xml(true));
    ExitCode::SUCCESS
}
