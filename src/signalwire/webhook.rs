//! One call from request to verified, typed callback, for the providers
//! that sign the URL they call: SignalWire and Twilio.

use std::fmt;

use super::{Callback, Verifier};
use crate::error::{Error, SecretError, VerifyError};
use crate::headers::Headers;

/// A verifier of signatures over the URL called and the body:
/// [`signalwire::Verifier`](Verifier) or
/// [`twilio::Verifier`](crate::twilio::Verifier). Implemented by those two
/// only.
pub trait UrlVerifier: Clone + fmt::Debug + sealed::Sealed {
    /// The verifier for a signing key (SignalWire) or Auth Token / SharedKey
    /// secret (Twilio).
    ///
    /// # Errors
    ///
    /// [`SecretError::Empty`] for an empty key.
    fn from_key(key: &str) -> Result<Self, SecretError>;

    /// Verifies a request made to `url`.
    ///
    /// # Errors
    ///
    /// As the verifier's own `verify`.
    fn verify_request(
        &self,
        url: &str,
        headers: &(impl Headers + ?Sized),
        body: &[u8],
    ) -> Result<(), VerifyError>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::Verifier {}
    impl Sealed for crate::twilio::Verifier {}
}

impl UrlVerifier for Verifier {
    fn from_key(key: &str) -> Result<Verifier, SecretError> {
        Verifier::new(key)
    }

    fn verify_request(
        &self,
        url: &str,
        headers: &(impl Headers + ?Sized),
        body: &[u8],
    ) -> Result<(), VerifyError> {
        self.verify(url, headers, body)
    }
}

impl UrlVerifier for crate::twilio::Verifier {
    fn from_key(key: &str) -> Result<crate::twilio::Verifier, SecretError> {
        crate::twilio::Verifier::new(key)
    }

    fn verify_request(
        &self,
        url: &str,
        headers: &(impl Headers + ?Sized),
        body: &[u8],
    ) -> Result<(), VerifyError> {
        self.verify(url, headers, body)
    }
}

/// Receives SignalWire callbacks: [`UrlWebhook`] with SignalWire's
/// signature rules.
pub type Webhook = UrlWebhook<Verifier>;

/// Receives callbacks signed over the URL called (SignalWire's and
/// Twilio's): verifies the signature, then reads the callback, in one call.
/// Use it as [`signalwire::Webhook`](Webhook) or
/// [`twilio::Webhook`](crate::twilio::Webhook).
///
/// SignalWire signs the full public URL it requested. A server behind a
/// proxy sees another one, so the server extractors (features `axum`,
/// `actix-web`) build it from the base given to
/// [`UrlWebhook::with_public_url`] and the request's path and query. They
/// trust the `Host` / `X-Forwarded-*` headers instead only after
/// [`UrlWebhook::trust_forwarded_headers`]: anyone can send those.
///
/// ```
/// use recording_webhooks::signalwire::{RecordingStatus, RecordingStatusCallback, Webhook};
///
/// let webhook = Webhook::new("PSK_V3bF8oyeRNpJWGoRWHNYQMUU")?;
/// let url = "https://example.com/signalwire/recording";
/// let body = b"AccountSid=b3877c40-da60-4998-90ad-b792e98472af&RecordingSid=b3877c40-da60-4998-90ad-b792e984re01&RecordingStatus=completed";
/// # let params = [("AccountSid", "b3877c40-da60-4998-90ad-b792e98472af"), ("RecordingSid", "b3877c40-da60-4998-90ad-b792e984re01"), ("RecordingStatus", "completed")];
/// # let signature = webhook.verifier().sign_params(url, &params);
/// let headers = [("X-SignalWire-Signature", signature.as_str())];
/// let callback: RecordingStatusCallback = webhook.receive(url, &headers, body)?;
/// assert_eq!(callback.recording_status, RecordingStatus::Completed);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct UrlWebhook<V> {
    verifier: V,
    public_url: Option<String>,
    trust_forwarded: bool,
    body_limit: usize,
}

impl<V: UrlVerifier> UrlWebhook<V> {
    /// A webhook for the project's Signing Key (SignalWire) or the Auth
    /// Token / SharedKey secret (Twilio).
    ///
    /// # Errors
    ///
    /// [`SecretError::Empty`]: an empty key is refused.
    pub fn new(key: &str) -> Result<UrlWebhook<V>, SecretError> {
        V::from_key(key).map(UrlWebhook::from)
    }

    /// The same webhook, told the scheme and host SignalWire calls
    /// (`https://hooks.example.com`, or with a path prefix the proxy
    /// strips: `https://example.com/hooks`). The server extractors append
    /// the request's path and query to it.
    #[must_use]
    pub fn with_public_url(self, base: &str) -> UrlWebhook<V> {
        UrlWebhook {
            public_url: Some(base.trim_end_matches('/').to_owned()),
            ..self
        }
    }

    /// The same webhook, trusting the request's `X-Forwarded-Proto` (else
    /// `http`, as the request reached this server) and `X-Forwarded-Host`
    /// (else `Host`) headers for the public URL when no
    /// [`UrlWebhook::with_public_url`] base is set. Only behind a proxy that
    /// sets them, or locally: a client can send any value.
    #[must_use]
    pub fn trust_forwarded_headers(self) -> UrlWebhook<V> {
        UrlWebhook {
            trust_forwarded: true,
            ..self
        }
    }

    /// The same webhook with another body limit for the server extractors
    /// (default [`crate::DEFAULT_BODY_LIMIT`]); a larger body is answered 413.
    #[must_use]
    pub fn with_body_limit(self, bytes: usize) -> UrlWebhook<V> {
        UrlWebhook {
            body_limit: bytes,
            ..self
        }
    }

    /// The body limit the server extractors enforce.
    #[must_use]
    pub fn body_limit(&self) -> usize {
        self.body_limit
    }

    /// The verifier inside, to sign test requests with.
    #[must_use]
    pub fn verifier(&self) -> &V {
        &self.verifier
    }

    /// The public URL of a request for `path_and_query` (`/cb?x=1`): the
    /// configured base, else (when trusted) the forwarded headers; `None`
    /// when neither is available.
    ///
    /// ```
    /// use recording_webhooks::signalwire::Webhook;
    ///
    /// let webhook = Webhook::new("PSK_key")?.with_public_url("https://hooks.example.com/");
    /// let headers = [("Host", "internal:8080")];
    /// assert_eq!(
    ///     webhook.public_url("/signalwire?tenant=acme", &headers).as_deref(),
    ///     Some("https://hooks.example.com/signalwire?tenant=acme")
    /// );
    /// # Ok::<(), recording_webhooks::SecretError>(())
    /// ```
    #[must_use]
    pub fn public_url(
        &self,
        path_and_query: &str,
        headers: &(impl Headers + ?Sized),
    ) -> Option<String> {
        if let Some(base) = &self.public_url {
            return Some(format!("{base}{path_and_query}"));
        }
        if !self.trust_forwarded {
            return None;
        }
        // The first value of a list: the one the outermost proxy set.
        let first = |name: &str| {
            headers
                .header(name)
                .and_then(|value| value.split(',').next())
                .map(str::trim)
                .filter(|value| !value.is_empty())
        };
        let scheme = first("x-forwarded-proto").unwrap_or("http");
        let host = first("x-forwarded-host").or_else(|| first("host"))?;
        Some(format!("{scheme}://{host}{path_and_query}"))
    }

    /// Verifies a `POST` callback, then reads it from its body (a form, or
    /// a JSON object of the same parameters).
    ///
    /// # Errors
    ///
    /// [`Error::Verify`] when the request does not verify (answer 401), and
    /// only then [`Error::Parse`] when its body does not parse (answer 400).
    pub fn receive<C: Callback>(
        &self,
        url: &str,
        headers: &(impl Headers + ?Sized),
        body: &[u8],
    ) -> Result<C, Error> {
        self.verifier.verify_request(url, headers, body)?;
        Ok(C::from_body(body)?)
    }

    /// Verifies a `GET` callback, then reads it from the URL's query
    /// string.
    ///
    /// # Errors
    ///
    /// As [`UrlWebhook::receive`].
    pub fn receive_query<C: Callback>(
        &self,
        url: &str,
        headers: &(impl Headers + ?Sized),
    ) -> Result<C, Error> {
        self.verifier.verify_request(url, headers, b"")?;
        let query = url.split_once('?').map_or("", |(_, query)| query);
        let query = query.split_once('#').map_or(query, |(query, _)| query);
        Ok(C::from_query(query)?)
    }
}

impl<V: UrlVerifier> From<V> for UrlWebhook<V> {
    fn from(verifier: V) -> UrlWebhook<V> {
        UrlWebhook {
            verifier,
            public_url: None,
            trust_forwarded: false,
            body_limit: crate::DEFAULT_BODY_LIMIT,
        }
    }
}
