//! The blocking executor: reqwest's blocking client, TLS by rustls.

use std::io::Read;

use super::{
    Error, PleskRequest, Reply, Settings, body_read_error, build_request, certificates, read_response, split,
    transport_error,
};

/// Sends packets to one Plesk server, blocking the calling thread. Must not
/// be created or used inside an async runtime (use [`Client`](super::Client)
/// there).
#[derive(Debug)]
pub struct BlockingClient {
    http: reqwest::blocking::Client,
    settings: Settings,
}

impl BlockingClient {
    /// A client for the server of `settings`.
    ///
    /// # Errors
    ///
    /// [`Error::Settings`] when a root certificate is not PEM or the TLS
    /// setup fails.
    pub fn new(settings: Settings) -> Result<Self, Error> {
        let mut builder = reqwest::blocking::Client::builder().use_rustls_tls().timeout(settings.timeout);
        if let Some(timeout) = settings.connect_timeout {
            builder = builder.connect_timeout(timeout);
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
    /// Every [`Error`] but [`Error::Settings`] (which [`BlockingClient::new`]
    /// reports).
    pub fn send<R: PleskRequest>(&self, packet: &R) -> Result<Reply<R::Response>, Error> {
        let (url, headers, body) = split(build_request(&self.settings, packet)?);
        let response =
            self.http.post(url).headers(headers).body(body).send().map_err(|error| transport_error(&error))?;
        let limit = self.settings.max_response_bytes;
        if response.content_length().is_some_and(|length| length > limit as u64) {
            return Err(Error::TooLarge { limit });
        }
        let status = response.status().as_u16();
        let mut body = Vec::new();
        response.take(limit as u64 + 1).read_to_end(&mut body).map_err(|error| body_read_error(&error))?;
        read_response(&self.settings, status, &body)
    }
}
