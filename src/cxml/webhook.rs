//! One call from request to verified, typed callback, for the providers
//! that sign the URL they call.

use super::callbacks::Callback;
use crate::error::{Error, VerifyError};
use crate::headers::Headers;
use crate::webhook::Webhook;

/// A verifier of signatures over the URL called and the body: SignalWire's
/// and Twilio's. Each provider module implements it for its own `Verifier`;
/// it cannot be implemented outside the crate.
pub trait UrlVerifier: crate::webhook::Sealed + Clone {
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

impl<V: UrlVerifier> Webhook<V> {
    /// The same webhook, told the scheme and host the provider calls
    /// (`https://hooks.example.com`, or with a path prefix the proxy
    /// strips: `https://example.com/hooks`). The server extractors append
    /// the request's path and query to it.
    #[must_use]
    pub fn with_public_url(self, base: &str) -> Webhook<V> {
        self.with(|settings| settings.public_url = Some(base.trim_end_matches('/').to_owned()))
    }

    /// The same webhook, trusting the request's `X-Forwarded-Proto` (else
    /// `http`, as the request reached this server) and `X-Forwarded-Host`
    /// (else `Host`) headers for the public URL when no `with_public_url`
    /// base is set. Only behind a proxy that sets them, or locally: a
    /// client can send any value, and a request signed for one endpoint
    /// could then be replayed against another.
    #[must_use]
    pub fn trust_forwarded_headers(self) -> Webhook<V> {
        self.with(|settings| settings.trust_forwarded = true)
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
        let settings = self.settings();
        if let Some(base) = &settings.public_url {
            return Some(format!("{base}{path_and_query}"));
        }
        if !settings.trust_forwarded {
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
        self.verifier().verify_request(url, headers, body)?;
        Ok(C::from_body(body)?)
    }

    /// Verifies a `GET` callback, then reads it from the URL's query
    /// string.
    ///
    /// # Errors
    ///
    /// As [`Webhook::receive`].
    pub fn receive_query<C: Callback>(
        &self,
        url: &str,
        headers: &(impl Headers + ?Sized),
    ) -> Result<C, Error> {
        self.verifier().verify_request(url, headers, b"")?;
        let query = url.split_once('?').map_or("", |(_, query)| query);
        let query = query.split_once('#').map_or(query, |(query, _)| query);
        Ok(C::from_query(query)?)
    }

    /// What both server extractors do with a request, once its body (empty
    /// for a `GET`) is read: the public URL from the configured base and
    /// the request's path and query, then the query string of a `GET`, or
    /// the body.
    #[cfg(any(feature = "axum", feature = "actix-web"))]
    pub(crate) fn receive_request<O: FromCallback>(
        &self,
        get: bool,
        path_and_query: &str,
        headers: &(impl Headers + ?Sized),
        body: &[u8],
    ) -> Result<O, crate::rejection::Rejection> {
        let url = self.public_url(path_and_query, headers).ok_or(
            crate::rejection::Rejection::not_configured(
                "the webhook has no public URL: see with_public_url",
            ),
        )?;
        let received = if get {
            self.receive_query(&url, headers)
        } else {
            self.receive(&url, headers, body)
        };
        received
            .map(|callback| O::new(callback, headers))
            .map_err(|error| crate::rejection::Rejection::from(error).with_url(url))
    }
}

/// What a server extractor hands a handler, made from the verified
/// callback and the request's headers: a provider's `Form`, or Twilio's
/// `Delivery` with its idempotency token.
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) trait FromCallback {
    /// The callback read from the request.
    type Callback: Callback;

    fn new(callback: Self::Callback, headers: &(impl Headers + ?Sized)) -> Self;
}
