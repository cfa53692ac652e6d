//! The one error type of an exchange with a Plesk server.

use crate::SystemError;
use crate::xml::{ReadError, ValidationErrors};

/// Why an exchange did not give a response packet. Credentials never
/// appear in it. Failed operations are not errors here: they are in the
/// response (see [`Reply::failures`](super::Reply::failures)).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The settings cannot work: a URL that does not parse, a root
    /// certificate that is not PEM, a credential that cannot be a header.
    #[error("invalid settings: {0}")]
    Settings(String),
    /// The packet did not validate, so it was not sent.
    #[error("the request packet is invalid: {0}")]
    Invalid(#[from] ValidationErrors),
    /// The request did not reach the server or its answer did not come
    /// back: connection refused, TLS refused, timeout, connection reset.
    #[error("{kind} error: {message}")]
    Transport {
        /// What failed.
        kind: TransportKind,
        /// The underlying error, as text.
        message: String,
    },
    /// The server answered with an HTTP status other than 200 (a proxy's
    /// or the web server's error page, say).
    #[error("HTTP status {status}: {body_start}")]
    Status {
        /// The status code.
        status: u16,
        /// The start of the body (up to 512 bytes, lossy UTF-8).
        body_start: String,
    },
    /// The body is larger than the limit of the settings.
    #[error("the response is larger than the limit of {limit} bytes")]
    TooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
    /// The body is not a response packet (not XML, truncated, or not what
    /// the protocol version's types allow): where reading stopped and why.
    #[error("the response is not a packet: {0}")]
    NotAPacket(#[from] ReadError),
    /// Plesk refused the whole packet (`<system>`): bad credentials
    /// (errcode 1001), no credentials (1029), an unparsable or unsupported
    /// packet, ...
    #[error("{0}")]
    Refused(#[from] SystemError),
}

/// What part of the transport failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportKind {
    /// No connection (refused, unreachable, DNS).
    Connect,
    /// The TLS handshake failed (most often: a certificate not trusted).
    Tls,
    /// A timeout fired (connect or whole exchange).
    Timeout,
    /// Anything else (a connection closed in the middle of the body, ...).
    Other,
}

impl std::fmt::Display for TransportKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Connect => "connect",
            Self::Tls => "TLS",
            Self::Timeout => "timeout",
            Self::Other => "transport",
        })
    }
}

impl Error {
    /// The `<system>` refusal, if that is what this is.
    pub fn refusal(&self) -> Option<&SystemError> {
        match self {
            Self::Refused(system) => Some(system),
            _ => None,
        }
    }
}
