//! Where the server is, how to authenticate, and the limits of an exchange.

use std::fmt;
use std::time::Duration;

/// The path of the XML API on every Plesk server.
pub const AGENT_PATH: &str = "/enterprise/control/agent.php";

/// The port Plesk's panel (and its XML API) listens on by default.
pub const DEFAULT_PORT: u16 = 8443;

/// How long connecting (TCP and TLS) may take by default: 10 seconds.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a whole exchange (connect, send, wait, read) may take by
/// default: 120 seconds (some operations, a subscription created with its
/// hosting, take tens of seconds on a busy server).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(120);

/// The largest response body read by default: 32 MiB.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 32 * 1024 * 1024;

/// How the client proves who it is. `Debug` never shows the secret.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Credentials {
    /// A secret key (`plesk bin secret_key --create -ip-address ...`), sent
    /// in the `KEY` header. A key is bound to the client's IP address.
    SecretKey(Secret),
    /// A panel login and password, sent in the `HTTP_AUTH_LOGIN` and
    /// `HTTP_AUTH_PASSWD` headers.
    Password {
        /// The login.
        login: String,
        /// The password.
        password: Secret,
    },
}

impl Credentials {
    /// Authentication by secret key.
    pub fn secret_key(key: impl Into<String>) -> Self {
        Self::SecretKey(Secret::new(key))
    }

    /// Authentication by login and password.
    pub fn password(login: impl Into<String>, password: impl Into<String>) -> Self {
        Self::Password { login: login.into(), password: Secret::new(password) }
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::SecretKey(_) => f.write_str("SecretKey(<redacted>)"),
            Self::Password { login, .. } => {
                f.debug_struct("Password").field("login", login).field("password", &"<redacted>").finish()
            }
        }
    }
}

/// A secret string (a key or a password): `Debug` and `Display` print
/// `<redacted>`; [`Secret::expose`] gives the value to what must send it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret itself.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Everything an exchange depends on besides the packet: the server, the
/// credentials, validation, TLS and the limits.
///
/// The defaults: verification of the server's certificate against the
/// public roots (plus any root added with [`Settings::root_certificate_pem`]),
/// [`DEFAULT_CONNECT_TIMEOUT`], [`DEFAULT_TIMEOUT`],
/// [`DEFAULT_MAX_RESPONSE_BYTES`], and packets validated before they are
/// sent.
#[derive(Clone, Debug)]
pub struct Settings {
    pub(crate) base_url: String,
    pub(crate) credentials: Credentials,
    pub(crate) validate: bool,
    pub(crate) connect_timeout: Option<Duration>,
    pub(crate) timeout: Option<Duration>,
    pub(crate) max_response_bytes: usize,
    pub(crate) root_certificates: Vec<Vec<u8>>,
    pub(crate) accept_invalid_certs: bool,
}

impl Settings {
    /// Settings for the server at `base_url`: `https://HOST:8443`, or a bare
    /// `HOST` (then `https` and port 8443 are used). A path, if any, is
    /// replaced by [`AGENT_PATH`].
    pub fn new(base_url: impl Into<String>, credentials: Credentials) -> Self {
        Self {
            base_url: base_url.into(),
            credentials,
            validate: true,
            connect_timeout: Some(DEFAULT_CONNECT_TIMEOUT),
            timeout: Some(DEFAULT_TIMEOUT),
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            root_certificates: Vec::new(),
            accept_invalid_certs: false,
        }
    }

    /// Whether packets are validated before they are sent (default: yes).
    #[must_use]
    pub fn validate(mut self, validate: bool) -> Self {
        self.validate = validate;
        self
    }

    /// The connect timeout; `None` for none (not advised).
    #[must_use]
    pub fn connect_timeout(mut self, timeout: Option<Duration>) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// The timeout of a whole exchange; `None` for none (not advised).
    #[must_use]
    pub fn timeout(mut self, timeout: Option<Duration>) -> Self {
        self.timeout = timeout;
        self
    }

    /// The largest response body accepted, in bytes.
    #[must_use]
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = limit;
        self
    }

    /// Trusts the root certificate(s) in `pem` as well as the public roots:
    /// for the self-signed certificate a Plesk server has on port 8443 out
    /// of the box. The PEM is checked when a client is built.
    #[must_use]
    pub fn root_certificate_pem(mut self, pem: impl Into<Vec<u8>>) -> Self {
        self.root_certificates.push(pem.into());
        self
    }

    /// Turns off every check of the server's certificate: anyone on the way
    /// can read the credentials and the packets. For a test server only.
    #[must_use]
    pub fn danger_accept_invalid_certs(mut self) -> Self {
        self.accept_invalid_certs = true;
        self
    }

    /// The credentials.
    pub fn credentials(&self) -> &Credentials {
        &self.credentials
    }

    /// The limit on the response body, in bytes.
    pub fn response_limit(&self) -> usize {
        self.max_response_bytes
    }

    /// The URL packets are POSTed to.
    pub fn agent_url(&self) -> String {
        let raw = self.base_url.trim();
        let (scheme, rest) = match raw.split_once("://") {
            Some((scheme, rest)) => (scheme, rest),
            None => ("https", raw),
        };
        let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
        let has_port = match authority.rsplit_once(':') {
            // An IPv6 literal without a port ends with `]`.
            Some((_, port)) => !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()),
            None => false,
        };
        if has_port {
            format!("{scheme}://{authority}{AGENT_PATH}")
        } else {
            format!("{scheme}://{authority}:{DEFAULT_PORT}{AGENT_PATH}")
        }
    }
}
