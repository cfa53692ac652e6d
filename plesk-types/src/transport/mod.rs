//! Talking to a Plesk server: a sans-IO core and two thin executors.
//!
//! The bytes on the wire are a function of the packet and the [`Settings`]
//! alone ([`build_request`] gives an `http::Request<Vec<u8>>`), and the
//! typed result a function of the HTTP status and body alone
//! ([`read_response`]), so any HTTP client can carry the bytes. The cargo
//! feature `transport` has just these (its only dependency is `http`);
//! `client` adds [`Client`] (async, reqwest on tokio, TLS by rustls) and
//! `blocking` adds [`BlockingClient`].
//!
//! The transport works with the packets of every enabled protocol version:
//! a request type names its response type through [`PleskRequest`].
//!
//! **The `version` attribute** is sent as the packet holds it: the
//! transport never adds or changes it. Leave it out (`version: None`): Plesk
//! then reads the packet with its own newest protocol, which accepts what
//! older versions wrote, whereas a pinned version must be one the server
//! still knows (else it refuses the packet, error 1017). The response is
//! read with the types of the module the request came from.
//!
//! ```no_run
//! # #[cfg(all(feature = "client", feature = "v1_6_8_0"))]
//! # async fn run() -> Result<(), plesk_types::transport::Error> {
//! use plesk_types::transport::{Client, Credentials, Settings};
//! use plesk_types::v1_6_8_0::*;
//!
//! let settings = Settings::new("https://plesk.example.com:8443", Credentials::secret_key("0d1f..."))
//!     .root_certificate_pem(std::fs::read("plesk-ca.pem").unwrap());
//! let client = Client::new(settings)?;
//! let request = RequestPacket {
//!     version: None,
//!     request_settings: None,
//!     operators: vec![RequestOperator::Webuser(WebUserInputType {
//!         choice: vec![WebUserInputTypeChoice::Add(WebUserAddInputType {
//!             site_id: IdType(12),
//!             login: "myWebAccount".to_owned(),
//!             password_and_password_type: None,
//!             ftp_quota: None,
//!             services: None,
//!         })],
//!     })],
//! };
//! let reply = client.send(&request).await?; // Err: not sent, not answered, or refused
//! for failure in reply.failures() {
//!     eprintln!("{failure}"); // packet/webuser[1]/add[1]/result[1]: operation failed (error 1015): ...
//! }
//! # Ok(())
//! # }
//! ```

#[cfg(feature = "client")]
mod async_client;
#[cfg(feature = "blocking")]
mod blocking_client;
mod error;
mod request;
mod response;
mod settings;

#[cfg(feature = "client")]
pub use async_client::Client;
#[cfg(feature = "blocking")]
pub use blocking_client::BlockingClient;
pub use error::{Error, TransportKind};
pub use request::build_request;
pub use response::{FailedOperation, Reply, failed_operations, read_http_response, read_response};
pub use settings::{
    AGENT_PATH, Credentials, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_PORT, DEFAULT_TIMEOUT,
    Secret, Settings,
};

use crate::xml::Document;

/// A request packet type and the response packet type of the same protocol
/// version, implemented by each version's `RequestPacket`.
pub trait PleskRequest: Document {
    /// What the server answers.
    type Response: Document;
}

#[cfg(feature = "v1_6_7_0")]
impl PleskRequest for crate::v1_6_7_0::RequestPacket {
    type Response = crate::v1_6_7_0::ResponsePacket;
}

#[cfg(feature = "v1_6_8_0")]
impl PleskRequest for crate::v1_6_8_0::RequestPacket {
    type Response = crate::v1_6_8_0::ResponsePacket;
}

/// Classifies a reqwest error by reqwest's own predicates and by the
/// `std::io::Error` kinds in its chain of sources, never by its text. The
/// message is the chain, as text; it never holds credentials (they are
/// headers, and reqwest names only the URL).
#[cfg(any(feature = "client", feature = "blocking"))]
fn transport_error(error: &reqwest::Error) -> Error {
    let mut message = error.to_string();
    for cause in sources(error) {
        message.push_str(": ");
        message.push_str(&cause.to_string());
    }
    Error::Transport { kind: classify(error), message }
}

/// The sources of `error`, outermost first. An `std::io::Error` that wraps
/// an error hands on the `source()` of the wrapped one, skipping it (and an
/// I/O error wrapping an I/O error hides the inner one's kind), so the walk
/// steps into the wrapped error itself.
#[cfg(any(feature = "client", feature = "blocking"))]
fn sources<'a>(
    error: &'a (dyn std::error::Error + 'static),
) -> impl Iterator<Item = &'a (dyn std::error::Error + 'static)> {
    fn next<'a>(error: &'a (dyn std::error::Error + 'static)) -> Option<&'a (dyn std::error::Error + 'static)> {
        match error.downcast_ref::<std::io::Error>().and_then(std::io::Error::get_ref) {
            Some(wrapped) => Some(wrapped),
            None => error.source(),
        }
    }
    std::iter::successors(next(error), |&cause| next(cause))
}

/// The kinds of the `std::io::Error`s in the chain of `error` (itself
/// included).
#[cfg(any(feature = "client", feature = "blocking"))]
fn io_kinds(error: &(dyn std::error::Error + 'static)) -> Vec<std::io::ErrorKind> {
    std::iter::once(error)
        .chain(sources(error))
        .filter_map(|cause| cause.downcast_ref::<std::io::Error>().map(std::io::Error::kind))
        .collect()
}

/// What part of the transport `error` says failed.
///
/// - timeout: reqwest's `is_timeout` (its own timers, and a `TimedOut`
///   I/O error anywhere in the chain);
/// - TLS: a connect error whose chain holds an `InvalidData` I/O error,
///   which is how the rustls stream reports a refused handshake (a bad
///   certificate, a protocol mismatch): a plain TCP connect never gives it;
/// - connect: any other `is_connect` (refused, unreachable, DNS);
/// - other: the rest (a connection closed in the middle of the body, ...).
#[cfg(any(feature = "client", feature = "blocking"))]
fn classify(error: &reqwest::Error) -> TransportKind {
    let kinds = io_kinds(error);
    if error.is_timeout() || kinds.contains(&std::io::ErrorKind::TimedOut) {
        TransportKind::Timeout
    } else if error.is_connect() && kinds.contains(&std::io::ErrorKind::InvalidData) {
        TransportKind::Tls
    } else if error.is_connect() {
        TransportKind::Connect
    } else {
        TransportKind::Other
    }
}

/// Classifies an I/O error of reading a blocking body: reqwest's blocking
/// body wraps its own error in the `std::io::Error`, so that error is
/// classified when it is there, else the I/O kind decides.
#[cfg(feature = "blocking")]
fn body_read_error(error: &std::io::Error) -> Error {
    let inner = error.get_ref().and_then(|inner| inner.downcast_ref::<reqwest::Error>());
    match inner {
        Some(inner) => transport_error(inner),
        None => {
            let kind = if io_kinds(error).contains(&std::io::ErrorKind::TimedOut) {
                TransportKind::Timeout
            } else {
                TransportKind::Other
            };
            Error::Transport { kind, message: error.to_string() }
        }
    }
}

/// The reqwest request of a built `http::Request`.
#[cfg(any(feature = "client", feature = "blocking"))]
fn split(request: http::Request<Vec<u8>>) -> (String, http::HeaderMap, Vec<u8>) {
    let (parts, body) = request.into_parts();
    (parts.uri.to_string(), parts.headers, body)
}

/// The root certificates of the settings, parsed.
#[cfg(any(feature = "client", feature = "blocking"))]
fn certificates(settings: &Settings) -> Result<Vec<reqwest::Certificate>, Error> {
    let mut all = Vec::new();
    for pem in &settings.root_certificates {
        let parsed = reqwest::Certificate::from_pem_bundle(pem)
            .map_err(|error| Error::Settings(format!("root certificate: {error}")))?;
        if parsed.is_empty() {
            return Err(Error::Settings("root certificate: no certificate in the PEM".to_owned()));
        }
        all.extend(parsed);
    }
    Ok(all)
}
