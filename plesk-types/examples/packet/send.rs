//! The send behind `packet send`: validate a request, send it with the
//! blocking client, print the answer.

use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

#[cfg(feature = "blocking")]
use plesk_types::transport::{BlockingClient, Credentials, Error, PleskRequest, Settings};
#[cfg(feature = "blocking")]
use plesk_types::xml::{Document, ReadOptions};

/// Where to send and how.
#[cfg_attr(not(feature = "blocking"), allow(dead_code))]
pub struct Target<'a> {
    /// `https://HOST:8443`.
    pub url: &'a str,
    /// A file holding the secret key.
    pub key_file: Option<&'a Path>,
    /// The login, with `password_file`.
    pub login: Option<&'a str>,
    /// A file holding the password.
    pub password_file: Option<&'a Path>,
    /// A root certificate to trust.
    pub ca_file: Option<&'a Path>,
    /// Turn certificate checks off.
    pub danger_accept_invalid_certs: bool,
    /// The whole exchange's timeout.
    pub timeout: Option<Duration>,
}

/// Sends the request in `input` as a packet of protocol `version`: exit 0
/// when every operation succeeded, 1 when Plesk refused the packet or an
/// operation failed, 2 on a usage, validation or transport error.
#[cfg(feature = "blocking")]
pub fn send(version: &str, target: &Target<'_>, input: &[u8]) -> ExitCode {
    match version {
        #[cfg(feature = "v1_6_7_0")]
        "1.6.7.0" => send_as::<plesk_types::v1_6_7_0::RequestPacket>(target, input),
        #[cfg(feature = "v1_6_8_0")]
        "1.6.8.0" => send_as::<plesk_types::v1_6_8_0::RequestPacket>(target, input),
        other => {
            eprintln!("unknown schema version {other}; this build knows {}", super::VERSIONS.join(", "));
            ExitCode::from(2)
        }
    }
}

/// Without the `blocking` feature there is no client to send with.
#[cfg(not(feature = "blocking"))]
pub fn send(_version: &str, _target: &Target<'_>, _input: &[u8]) -> ExitCode {
    eprintln!("send needs the blocking client: cargo run --example packet --features blocking -- send ...");
    ExitCode::from(2)
}

#[cfg(feature = "blocking")]
fn read_secret(path: &Path) -> Result<String, ExitCode> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(text.trim().to_owned()),
        Err(error) => {
            eprintln!("{}: {error}", path.display());
            Err(ExitCode::from(2))
        }
    }
}

#[cfg(feature = "blocking")]
fn send_as<R: PleskRequest>(target: &Target<'_>, input: &[u8]) -> ExitCode {
    let packet = match R::from_xml_bytes_with(input, ReadOptions::default()) {
        Ok(packet) => packet,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(2);
        }
    };
    let credentials = match (target.key_file, target.login, target.password_file) {
        (Some(key), _, _) => match read_secret(key) {
            Ok(key) => Credentials::secret_key(key),
            Err(code) => return code,
        },
        (None, Some(login), Some(password)) => match read_secret(password) {
            Ok(password) => Credentials::password(login, password),
            Err(code) => return code,
        },
        _ => {
            eprintln!("give --key-file FILE, or --login NAME with --password-file FILE");
            return ExitCode::from(2);
        }
    };
    let mut settings = Settings::new(target.url, credentials);
    if let Some(ca) = target.ca_file {
        match std::fs::read(ca) {
            Ok(pem) => settings = settings.root_certificate_pem(pem),
            Err(error) => {
                eprintln!("{}: {error}", ca.display());
                return ExitCode::from(2);
            }
        }
    }
    if target.danger_accept_invalid_certs {
        settings = settings.danger_accept_invalid_certs();
    }
    if let Some(timeout) = target.timeout {
        settings = settings.timeout(Some(timeout));
    }
    let reply = BlockingClient::new(settings).and_then(|client| client.send(&packet));
    match reply {
        Ok(reply) => {
            println!("{}", reply.packet.write_xml(true));
            for failure in reply.failures() {
                eprintln!("{failure}");
            }
            if reply.all_succeeded() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
        }
        Err(Error::Refused(system)) => {
            eprintln!("{system}");
            ExitCode::FAILURE
        }
        Err(Error::Invalid(violations)) => {
            for violation in violations.violations() {
                eprintln!("{violation}");
            }
            ExitCode::from(2)
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::from(2)
        }
    }
}
