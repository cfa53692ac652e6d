//! The async executor: reqwest on tokio, TLS by rustls.

use super::{Error, PleskRequest, Reply, Settings, build_request, certificates, read_response, split, transport_error};

/// Sends packets to one Plesk server, asynchronously (on a tokio runtime).
/// Cheap to clone; clones share the connection pool.
#[derive(Clone, Debug)]
pub struct Client {
    http: reqwest::Client,
    settings: Settings,
}

impl Client {
    /// A client for the server of `settings`.
    ///
    /// # Errors
    ///
    /// [`Error::Settings`] when a root certificate is not PEM or the TLS
    /// setup fails.
    pub fn new(settings: Settings) -> Result<Self, Error> {
        let mut builder = reqwest::Client::builder().use_rustls_tls();
        if let Some(timeout) = settings.connect_timeout {
            builder = builder.connect_timeout(timeout);
        }
        if let Some(timeout) = settings.timeout {
            builder = builder.timeout(timeout);
        }
        for certificate in certificates(&settings)? {
            builder = builder.add_root_certificate(certificate);
        }
        if settings.accept_invalid_certs {
            builder = builder.danger_accept_invalid_certs(true);
        }
        let http = builder.build().map_err(|error| Error::Settings(error.to_string()))?;
        Ok(Self { http, settings })
    }

    /// The settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Validates `packet` (unless turned off), sends it and reads the answer.
    ///
    /// # Errors
    ///
    /// Every [`Error`] but [`Error::Settings`] (which [`Client::new`] reports).
    pub async fn send<R: PleskRequest>(&self, packet: &R) -> Result<Reply<R::Response>, Error> {
        let (url, headers, body) = split(build_request(&self.settings, packet)?);
        let mut response =
            self.http.post(url).headers(headers).body(body).send().await.map_err(|error| transport_error(&error))?;
        let limit = self.settings.max_response_bytes;
        if response.content_length().is_some_and(|length| length > limit as u64) {
            return Err(Error::TooLarge { limit });
        }
        let status = response.status().as_u16();
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|error| transport_error(&error))? {
            if body.len() + chunk.len() > limit {
                return Err(Error::TooLarge { limit });
            }
            body.extend_from_slice(&chunk);
        }
        read_response(&self.settings, status, &body)
    }
}
