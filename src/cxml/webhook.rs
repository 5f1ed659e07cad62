//! One call from request to verified, typed callback, for the providers
//! that sign the URL they call.

use super::callbacks::Callback;
use crate::error::{Error, PublicUrlError, VerifyError};
use crate::headers::Headers;
use crate::webhook::{Delivery, Webhook};

/// A verifier of signatures over the URL called and the body: SignalWire's
/// and Twilio's. Each provider module implements it for its own `Verifier`;
/// it cannot be implemented outside the crate.
pub trait UrlVerifier: crate::webhook::Sealed + Clone {
    /// The provider's name, in rejections and logs.
    const PROVIDER: &'static str;

    /// The header that carries the provider's id of a delivery, the same
    /// on every retry, if it sends one.
    const ID_HEADER: Option<&'static str>;

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

/// The one-call path of every URL-signed provider, which its `Webhook`'s
/// own methods ([`url_webhook!`]) call.
impl<V: UrlVerifier> Webhook<V> {
    pub(crate) fn set_public_url(self, base: &str) -> Result<Webhook<V>, PublicUrlError> {
        let base = PublicUrlError::check(base)?.to_owned();
        Ok(self.with(|settings| settings.public_url = Some(base)))
    }

    pub(crate) fn set_trust_forwarded(self) -> Webhook<V> {
        self.with(|settings| settings.trust_forwarded = true)
    }

    pub(crate) fn url_of(
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
        // The last value of a list: the one the nearest proxy appended.
        // The first may be the client's own, sent through a proxy that
        // appends rather than replaces.
        let last = |name: &str| {
            headers
                .header(name)
                .and_then(|value| value.rsplit(',').next())
                .map(str::trim)
                .filter(|value| !value.is_empty())
        };
        let scheme = last("x-forwarded-proto").unwrap_or("http");
        let host = last("x-forwarded-host").or_else(|| last("host"))?;
        Some(format!("{scheme}://{host}{path_and_query}"))
    }

    pub(crate) fn receive_body<C: Callback>(
        &self,
        url: &str,
        headers: &(impl Headers + ?Sized),
        body: &[u8],
    ) -> Result<Delivery<C, V>, Error> {
        self.verifier().verify_request(url, headers, body)?;
        let callback = C::from_body(body).map_err(|err| Error::unparsed(err, body))?;
        Ok(delivery(callback, headers))
    }

    pub(crate) fn receive_url_query<C: Callback>(
        &self,
        url: &str,
        headers: &(impl Headers + ?Sized),
    ) -> Result<Delivery<C, V>, Error> {
        self.verifier().verify_request(url, headers, b"")?;
        let query = url.split_once('?').map_or("", |(_, query)| query);
        let query = query.split_once('#').map_or(query, |(query, _)| query);
        let callback =
            C::from_query(query).map_err(|err| Error::unparsed(err, query.as_bytes()))?;
        Ok(delivery(callback, headers))
    }
}

/// The public methods of a URL-signed provider's `Webhook`, written on its
/// own type (`Webhook<signalwire::Verifier>`) rather than on every
/// `Webhook<V: UrlVerifier>`: rustdoc shows a type alias's own impls on its
/// page, so `signalwire::Webhook`'s page lists `receive`. `$provider` is
/// the module (`signalwire`), `$signature` its signature header's name as
/// the examples send it.
macro_rules! url_webhook {
    ($provider:ident, $signature:literal) => {
        impl Webhook {
            /// The same webhook, told the scheme and host the provider calls
            /// (`https://hooks.example.com`, or with a path prefix the proxy
            /// strips: `https://example.com/hooks`). The server extractors
            /// append the request's path and query to it. A configured
            /// base always wins over any forwarded header.
            ///
            /// # Errors
            ///
            /// [`PublicUrlError`](crate::PublicUrlError) for a base that is
            /// not an absolute `http(s)://` URL, or carries a user, a
            /// query or a fragment.
            pub fn with_public_url(self, base: &str) -> Result<Webhook, $crate::PublicUrlError> {
                self.set_public_url(base)
            }

            /// The same webhook, trusting the request's `X-Forwarded-Proto`
            /// (else `http`, as the request reached this server) and
            /// `X-Forwarded-Host` (else `Host`) headers for the public URL
            /// when no `with_public_url` base is set. Of a list
            /// (`X-Forwarded-Host: a, b`), the **last** value counts: the one
            /// the proxy nearest this server appended. That fits one proxy
            /// in front (nginx `proxy_set_header X-Forwarded-Host $host`,
            /// a cloud load balancer), which sets or appends the host the
            /// client asked for. Behind several proxies, or one that passes
            /// the client's header through untouched, set `with_public_url`
            /// instead: a client can send any value, and a request signed
            /// for one endpoint could then be replayed against another.
            #[must_use]
            pub fn trust_forwarded_headers(self) -> Webhook {
                self.set_trust_forwarded()
            }

            /// The public URL of a request for `path_and_query` (`/cb?x=1`):
            /// the configured base, else (when trusted) the forwarded
            /// headers; `None` when neither is available.
            ///
            #[doc = concat!("```\nuse recording_webhooks::", stringify!($provider), "::Webhook;\n")]
            /// let webhook = Webhook::new("key")?.with_public_url("https://hooks.example.com/")?;
            /// let headers = [("Host", "internal:8080"), ("X-Forwarded-Host", "attacker.example")];
            /// assert_eq!(
            ///     webhook.public_url("/calls?tenant=acme", &headers).as_deref(),
            ///     Some("https://hooks.example.com/calls?tenant=acme")
            /// );
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            #[must_use]
            pub fn public_url(
                &self,
                path_and_query: &str,
                headers: &(impl $crate::Headers + ?Sized),
            ) -> Option<String> {
                self.url_of(path_and_query, headers)
            }

            /// Verifies a `POST` callback made to `url` (the full public
            /// URL the provider called), then reads it from its body (a
            /// form, or a JSON object of the same parameters).
            ///
            #[doc = concat!("```\nuse recording_webhooks::", stringify!($provider), "::{Delivery, RecordingStatus, RecordingStatusCallback, Webhook};\n")]
            /// let webhook = Webhook::new("key")?;
            /// let url = "https://example.com/recording";
            /// let body = b"AccountSid=AC1&RecordingSid=RE1&RecordingStatus=completed";
            /// # let signature = webhook.verifier().sign_params(url, &[("AccountSid", "AC1"), ("RecordingSid", "RE1"), ("RecordingStatus", "completed")]);
            #[doc = concat!("let headers = [(\"", $signature, "\", signature.as_str())];")]
            /// let delivery: Delivery<RecordingStatusCallback> = webhook.receive(url, &headers, body)?;
            /// assert_eq!(delivery.event().recording_status, RecordingStatus::Completed);
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            ///
            /// # Errors
            ///
            /// [`Error::Verify`](crate::Error::Verify) when the request does
            /// not verify (answer 401), and only then
            /// [`Error::Parse`](crate::Error::Parse) when its body does not
            /// parse (answer 400), the verified body kept
            /// ([`Error::verified_body`](crate::Error::verified_body)).
            pub fn receive<C: Callback>(
                &self,
                url: &str,
                headers: &(impl $crate::Headers + ?Sized),
                body: &[u8],
            ) -> Result<Delivery<C>, $crate::Error> {
                self.receive_body(url, headers, body)
            }

            /// Verifies a `GET` callback made to `url`, then reads it from
            /// the URL's query string.
            ///
            /// # Errors
            ///
            /// As [`Webhook::receive`]; the verified query string is what
            /// [`Error::verified_body`](crate::Error::verified_body) keeps.
            pub fn receive_query<C: Callback>(
                &self,
                url: &str,
                headers: &(impl $crate::Headers + ?Sized),
            ) -> Result<Delivery<C>, $crate::Error> {
                self.receive_url_query(url, headers)
            }
        }
    };
}

pub(crate) use url_webhook;

/// The delivery of a verified callback, with the provider's id of it from
/// the request's headers.
fn delivery<C, V: UrlVerifier>(callback: C, headers: &(impl Headers + ?Sized)) -> Delivery<C, V> {
    let id = V::ID_HEADER
        .and_then(|name| headers.header(name))
        .map(str::to_owned);
    Delivery::new(id, None, callback)
}

/// One server extractor for every callback of every URL-signed provider:
/// the public URL from the configured base and the request's path and
/// query, then the query string of a `GET`, or the body.
#[cfg(any(feature = "axum", feature = "actix-web"))]
impl<C: Callback, V: UrlVerifier> crate::webhook::Receive<C> for V {
    const PROVIDER: &'static str = <V as UrlVerifier>::PROVIDER;
    const CONTENT_TYPES: &'static [&'static str] = crate::rejection::FORM_OR_JSON;
    const READS_QUERY: bool = true;
    const SIGNS_URL: bool = true;

    fn receive_request(
        webhook: &Webhook<V>,
        get: bool,
        path_and_query: &str,
        headers: &(impl Headers + ?Sized),
        body: &[u8],
    ) -> Result<Delivery<C, V>, crate::rejection::Rejection> {
        let url = webhook.url_of(path_and_query, headers).ok_or(
            crate::rejection::Rejection::not_configured(
                "the webhook has no public URL: see with_public_url",
            ),
        )?;
        let received = if get {
            webhook.receive_url_query(&url, headers)
        } else {
            webhook.receive_body(&url, headers, body)
        };
        received.map_err(|error| crate::rejection::Rejection::from(error).with_url(url))
    }
}
