//! The send behind `packet send`: validate a request, send it with the
//! blocking client, print the answer. [`run`] writes to the streams it is
//! given and returns the exit status, so that a test can call it
//! (plesk-types/tests/transport.rs includes this file).

#[cfg(feature = "blocking")]
use std::io::Write;
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

/// Sends the request in `input` as a packet of protocol `version`, the
/// response on stdout, failures on stderr.
#[cfg(feature = "blocking")]
pub fn send(version: &str, target: &Target<'_>, input: &[u8]) -> ExitCode {
    ExitCode::from(run(version, target, input, &mut std::io::stdout().lock(), &mut std::io::stderr().lock()))
}

/// Sends the request in `input` as a packet of protocol `version`: the
/// response (pretty) on `out`, each failed operation or the refusal on
/// `err`. Returns the exit status: 0 when every operation succeeded, 1 when
/// Plesk refused the packet or an operation failed, 2 on a usage,
/// validation or transport error.
#[cfg(feature = "blocking")]
pub fn run(version: &str, target: &Target<'_>, input: &[u8], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match version {
        #[cfg(feature = "v1_6_7_0")]
        "1.6.7.0" => send_as::<plesk_types::v1_6_7_0::RequestPacket>(target, input, out, err),
        #[cfg(feature = "v1_6_8_0")]
        "1.6.8.0" => send_as::<plesk_types::v1_6_8_0::RequestPacket>(target, input, out, err),
        other => {
            let known: &[&str] = &[
                #[cfg(feature = "v1_6_7_0")]
                "1.6.7.0",
                #[cfg(feature = "v1_6_8_0")]
                "1.6.8.0",
            ];
            let _ = writeln!(err, "unknown schema version {other}; this build knows {}", known.join(", "));
            2
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
fn read_secret(path: &Path, err: &mut dyn Write) -> Result<String, u8> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(text.trim().to_owned()),
        Err(error) => {
            let _ = writeln!(err, "{}: {error}", path.display());
            Err(2)
        }
    }
}

#[cfg(feature = "blocking")]
fn send_as<R: PleskRequest>(target: &Target<'_>, input: &[u8], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let packet = match R::from_xml_bytes_with(input, ReadOptions::default()) {
        Ok(packet) => packet,
        Err(error) => {
            let _ = writeln!(err, "{error}");
            return 2;
        }
    };
    let credentials = match (target.key_file, target.login, target.password_file) {
        (Some(key), _, _) => match read_secret(key, err) {
            Ok(key) => Credentials::secret_key(key),
            Err(code) => return code,
        },
        (None, Some(login), Some(password)) => match read_secret(password, err) {
            Ok(password) => Credentials::password(login, password),
            Err(code) => return code,
        },
        _ => {
            let _ = writeln!(err, "give --key-file FILE, or --login NAME with --password-file FILE");
            return 2;
        }
    };
    let mut settings = Settings::new(target.url, credentials);
    if let Some(ca) = target.ca_file {
        match std::fs::read(ca) {
            Ok(pem) => settings = settings.root_certificate_pem(pem),
            Err(error) => {
                let _ = writeln!(err, "{}: {error}", ca.display());
                return 2;
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
            let _ = writeln!(out, "{}", reply.packet.to_xml_pretty());
            for failure in reply.failures() {
                let _ = writeln!(err, "{failure}");
            }
            if reply.all_succeeded() { 0 } else { 1 }
        }
        Err(Error::Refused(system)) => {
            let _ = writeln!(err, "{system}");
            1
        }
        Err(Error::Invalid(violations)) => {
            for violation in violations.violations() {
                let _ = writeln!(err, "{violation}");
            }
            2
        }
        Err(error) => {
            let _ = writeln!(err, "{error}");
            2
        }
    }
}
