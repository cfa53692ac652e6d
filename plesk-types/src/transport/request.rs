//! Building the HTTP request of a packet, without I/O.

use http::header::{CONTENT_TYPE, HeaderValue};

use super::{Credentials, Error, Settings};
use crate::xml::Document;

/// The HTTP request that carries `packet`: `POST` to
/// [`Settings::agent_url`], `Content-Type: text/xml`, the credentials'
/// headers, and the packet as the generated writer writes it (compact).
/// The packet is sent as it is: the transport neither adds nor changes its
/// `version` attribute.
///
/// # Errors
///
/// [`Error::Invalid`] when validation is on and the packet breaks its
/// schema (tolerated deviations do not stop it); [`Error::Settings`] when
/// the URL or a credential cannot be put in a request.
pub fn build_request<P: Document>(settings: &Settings, packet: &P) -> Result<http::Request<Vec<u8>>, Error> {
    if settings.validate
        && let Err(violations) = packet.validate_document()
        && !violations.only_tolerated()
    {
        return Err(Error::Invalid(violations));
    }
    let url = settings.agent_url();
    let uri: http::Uri = url.parse().map_err(|error| Error::Settings(format!("URL {url}: {error}")))?;
    let mut builder = http::Request::post(uri).header(CONTENT_TYPE, HeaderValue::from_static("text/xml"));
    match &settings.credentials {
        Credentials::SecretKey(key) => builder = builder.header("KEY", secret_header("secret key", key.expose())?),
        Credentials::Password { login, password } => {
            builder = builder
                .header("HTTP_AUTH_LOGIN", secret_header("login", login)?)
                .header("HTTP_AUTH_PASSWD", secret_header("password", password.expose())?);
        }
    }
    let body = packet.to_xml().into_bytes();
    builder.body(body).map_err(|error| Error::Settings(error.to_string()))
}

/// A header value marked sensitive; the error names the field, never the value.
fn secret_header(what: &str, value: &str) -> Result<HeaderValue, Error> {
    let mut header = HeaderValue::from_str(value)
        .map_err(|_| Error::Settings(format!("the {what} holds a character a header cannot carry")))?;
    header.set_sensitive(true);
    Ok(header)
}
