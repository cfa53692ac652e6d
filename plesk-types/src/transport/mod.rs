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

/// Classifies a reqwest error; its text never holds credentials (they are
/// headers, and reqwest names only the URL).
#[cfg(any(feature = "client", feature = "blocking"))]
fn transport_error(error: &reqwest::Error) -> Error {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    let mut chain = String::new();
    while let Some(cause) = source {
        chain.push_str(": ");
        chain.push_str(&cause.to_string());
        source = cause.source();
    }
    message.push_str(&chain);
    let lower = chain.to_ascii_lowercase();
    let kind = if error.is_timeout() || lower.contains("timed out") {
        TransportKind::Timeout
    } else if lower.contains("certificate") || lower.contains("tls") || lower.contains("handshake") {
        TransportKind::Tls
    } else if error.is_connect() {
        TransportKind::Connect
    } else {
        TransportKind::Other
    };
    Error::Transport { kind, message }
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
