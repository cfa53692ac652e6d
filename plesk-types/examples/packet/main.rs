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
//!
//! `send` (with the feature `blocking`) validates a request, sends it and
//! prints the response; exit 0 when every operation succeeded, 1 when Plesk
//! refused the packet or an operation failed, 2 on a usage, validation or
//! transport error:
//!
//! ```text
//! cargo run --example packet --features blocking -- send --url https://HOST:8443 \
//!     --key-file key.txt [--ca-file plesk.pem] [--timeout 30] request.xml
//! ```

mod check;
mod send;
mod side;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

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
    /// Validates a request packet, sends it to a Plesk server, prints the
    /// response (needs the feature `blocking`).
    Send(Send),
}

#[derive(Debug, Args)]
struct Send {
    /// The server: `https://HOST:8443`.
    #[arg(long, value_name = "URL")]
    url: String,
    /// A file holding the secret key.
    #[arg(long, value_name = "FILE", required_unless_present = "login", conflicts_with = "login")]
    key_file: Option<PathBuf>,
    /// The login (with --password-file).
    #[arg(long, value_name = "NAME", requires = "password_file")]
    login: Option<String>,
    /// A file holding the password.
    #[arg(long, value_name = "FILE", requires = "login")]
    password_file: Option<PathBuf>,
    /// A PEM root certificate to trust (the server's self-signed one, say).
    #[arg(long, value_name = "PEM")]
    ca_file: Option<PathBuf>,
    /// Accept any certificate: anyone on the way can read the credentials.
    #[arg(long)]
    danger_accept_invalid_certs: bool,
    /// Timeout of the whole exchange, in seconds (default 120).
    #[arg(long, value_name = "SECONDS")]
    timeout: Option<f64>,
    /// The protocol version of the request (default: the newest this build knows).
    #[arg(long, value_name = "VERSION")]
    schema_version: Option<String>,
    /// The request packet.
    request: PathBuf,
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
    let arguments = match Cli::parse().command {
        Command::Check(arguments) => arguments,
        Command::Send(arguments) => return run_send(&arguments),
    };
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

fn run_send(arguments: &Send) -> ExitCode {
    let version = arguments.schema_version.as_deref().or(VERSIONS.last().copied()).unwrap_or("none");
    let timeout = match arguments.timeout {
        Some(seconds) if seconds.is_finite() && seconds > 0.0 => Some(Duration::from_secs_f64(seconds)),
        Some(_) => {
            eprintln!("--timeout must be a positive number of seconds");
            return ExitCode::from(2);
        }
        None => None,
    };
    let input = match std::fs::read(&arguments.request) {
        Ok(input) => input,
        Err(error) => {
            eprintln!("{}: {error}", arguments.request.display());
            return ExitCode::from(2);
        }
    };
    let target = send::Target {
        url: &arguments.url,
        key_file: arguments.key_file.as_deref(),
        login: arguments.login.as_deref(),
        password_file: arguments.password_file.as_deref(),
        ca_file: arguments.ca_file.as_deref(),
        danger_accept_invalid_certs: arguments.danger_accept_invalid_certs,
        timeout,
    };
    send::send(version, &target, &input)
}
