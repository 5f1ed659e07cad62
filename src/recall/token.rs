//! The other way Recall.ai's requests are authenticated: a token in the
//! endpoint's own URL.

use std::fmt;

use time::OffsetDateTime;
use zeroize::Zeroizing;

use super::Event;
use crate::error::{Error, SecretError, VerifyError};
use crate::mac;

/// The query parameter Recall.ai's pages suggest: `?token=...`.
pub const TOKEN_PARAMETER: &str = "token";

/// Checks the token an endpoint's URL carries, the other way Recall.ai's
/// requests are authenticated.
///
/// Recall.ai signs requests (Standard Webhooks headers) once a workspace
/// verification secret exists; before that, and always for the Desktop
/// SDK's real-time endpoints, its pages say to put a secret token in the
/// endpoint's URL (`https://example.com/recall/realtime?token=...`): Recall
/// calls the exact URL, query included. The token is compared in constant
/// time, and `Debug` never shows it. Keep such URLs out of logs.
///
/// ```
/// use recording_webhooks::recall::QueryToken;
/// use recording_webhooks::VerifyError;
///
/// let token = QueryToken::new("e3b0c44298fc1c149afbf4c8996fb924")?;
/// assert!(token.verify("/recall/realtime?bot=b1&token=e3b0c44298fc1c149afbf4c8996fb924").is_ok());
/// assert!(matches!(
///     token.verify("/recall/realtime?token=guess"),
///     Err(VerifyError::WrongToken { name: "token", .. })
/// ));
/// assert!(matches!(
///     token.verify("/recall/realtime"),
///     Err(VerifyError::MissingParameter { name: "token", .. })
/// ));
/// # Ok::<(), recording_webhooks::SecretError>(())
/// ```
#[derive(Clone)]
pub struct QueryToken {
    token: Zeroizing<Vec<u8>>,
}

impl fmt::Debug for QueryToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("QueryToken")
            .field("token", &"<redacted>")
            .finish()
    }
}

impl QueryToken {
    /// A checker for the token put in the endpoint's URL.
    ///
    /// # Errors
    ///
    /// [`SecretError::Empty`] for an empty token (an unset variable must not
    /// let every request in), [`SecretError::SurroundingWhitespace`] for one
    /// with surrounding whitespace.
    pub fn new(token: &str) -> Result<QueryToken, SecretError> {
        let token = SecretError::check(token)?;
        Ok(QueryToken {
            token: Zeroizing::new(token.as_bytes().to_vec()),
        })
    }

    /// Checks the `token` parameter of a request's URL (the full URL, or
    /// its path and query), percent-decoded, against this token in
    /// constant time. A parameter given twice must match both times.
    ///
    /// # Errors
    ///
    /// [`VerifyError::MissingParameter`] without a `token` parameter,
    /// [`VerifyError::WrongToken`] when one does not match.
    pub fn verify(&self, url: &str) -> Result<(), VerifyError> {
        let query = url.split_once('?').map_or("", |(_, query)| query);
        let query = query.split_once('#').map_or(query, |(query, _)| query);
        let mut found = false;
        for (name, value) in form_urlencoded_pairs(query) {
            if name != TOKEN_PARAMETER {
                continue;
            }
            found = true;
            if !mac::equal_in_constant_time(value.as_bytes(), &self.token) {
                return Err(VerifyError::WrongToken {
                    name: TOKEN_PARAMETER,
                });
            }
        }
        if found {
            Ok(())
        } else {
            Err(VerifyError::MissingParameter {
                name: TOKEN_PARAMETER,
            })
        }
    }

    /// Checks the URL's token, then parses the body: the one call for a
    /// real-time endpoint authenticated by its URL.
    ///
    /// # Errors
    ///
    /// [`Error::Verify`] when the token is missing or wrong (answer 401),
    /// and only then [`Error::Parse`] when the body does not parse (answer
    /// 400), the body kept ([`Error::verified_body`]).
    pub fn receive(&self, url: &str, body: &[u8]) -> Result<TokenDelivery, Error> {
        self.verify(url)?;
        let event = Event::from_slice(body).map_err(|err| Error::unparsed(err, body))?;
        Ok(TokenDelivery::new(None, None, event))
    }
}

/// The name and value of each parameter of `query`, percent-decoded as
/// forms are; nothing for a query that does not decode to UTF-8 (then no
/// token matches).
fn form_urlencoded_pairs(query: &str) -> Vec<(String, String)> {
    serde_urlencoded::from_str(query).unwrap_or_default()
}

/// A Recall.ai event received on an endpoint authenticated by its URL's
/// token: no id and no signed time (the request carries neither), the
/// event as [`Event::from_slice`] reads it.
pub type TokenDelivery = crate::webhook::Delivery<Event, QueryToken>;

/// Receives the deliveries of an endpoint authenticated by its URL's token:
/// a [`QueryToken`] inside, the body limit for the server extractors
/// (features `axum`, `actix-web`), which find it in the application state
/// and hand a handler a [`TokenDelivery`].
pub type TokenWebhook = crate::webhook::Webhook<QueryToken>;

impl TokenWebhook {
    /// A webhook for the token put in the endpoint's URL.
    ///
    /// # Errors
    ///
    /// As [`QueryToken::new`].
    pub fn new(token: &str) -> Result<TokenWebhook, SecretError> {
        QueryToken::new(token).map(TokenWebhook::from)
    }

    /// Checks the URL's token, then parses the body, as
    /// [`QueryToken::receive`].
    ///
    /// # Errors
    ///
    /// As [`QueryToken::receive`].
    pub fn receive(&self, url: &str, body: &[u8]) -> Result<TokenDelivery, Error> {
        self.verifier().receive(url, body)
    }
}

impl crate::webhook::Sealed for QueryToken {}

#[cfg(any(feature = "axum", feature = "actix-web"))]
impl crate::webhook::Receive<Event> for QueryToken {
    const PROVIDER: &'static str = "recall";
    const CONTENT_TYPES: &'static [&'static str] = crate::rejection::JSON;
    const READS_QUERY: bool = false;

    /// The token is in the path and query the request line carries: no
    /// public URL is needed.
    fn receive_request(
        webhook: &TokenWebhook,
        _get: bool,
        path_and_query: &str,
        _headers: &(impl crate::Headers + ?Sized),
        body: &[u8],
    ) -> Result<TokenDelivery, crate::Rejection> {
        Ok(webhook.receive(path_and_query, body)?)
    }
}

/// A signed request that carries no event: a `GET` callback in which
/// Recall.ai asks the app for a token (a Zoom ZAK token, an OAuth access
/// token), or a websocket upgrade. Once a workspace verification secret
/// exists, these carry the `webhook-*` headers, signed over an empty body.
/// [`Delivery::id`] is `webhook-id`, [`Delivery::signed_at`] its time.
///
/// [`Delivery::id`]: crate::webhook::Delivery::id
/// [`Delivery::signed_at`]: crate::webhook::Delivery::signed_at
pub type SignedRequest = crate::webhook::Delivery<(), super::Verifier>;

impl super::Webhook {
    /// Verifies a signed request that has no body (a `GET` callback, a
    /// websocket upgrade) against the system clock: its `webhook-*` headers
    /// over the empty body.
    ///
    /// ```
    /// use recording_webhooks::recall::Webhook;
    ///
    /// let webhook = Webhook::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")?;
    /// # let now = time::OffsetDateTime::now_utc().unix_timestamp();
    /// # let signature = webhook.verifier().sign("msg_zak_1", now, b"");
    /// # let timestamp = now.to_string();
    /// let headers = [
    ///     ("webhook-id", "msg_zak_1"),
    ///     ("webhook-timestamp", timestamp.as_str()),
    ///     ("webhook-signature", signature.as_str()),
    /// ];
    /// let request = webhook.verify_request(&headers).unwrap();
    /// assert_eq!(request.id(), Some("msg_zak_1"));
    /// // Answer with the ZAK token, or accept the websocket.
    /// # Ok::<(), recording_webhooks::SecretError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Verifier::verify`](super::Verifier::verify): notably
    /// [`VerifyError::MissingHeader`] when the workspace has no
    /// verification secret yet, and Recall sends these requests unsigned.
    pub fn verify_request(
        &self,
        headers: &(impl crate::Headers + ?Sized),
    ) -> Result<SignedRequest, VerifyError> {
        self.verify_request_at(headers, OffsetDateTime::now_utc())
    }

    /// As [`Webhook::verify_request`](super::Webhook::verify_request), as if
    /// the time were `now`.
    ///
    /// # Errors
    ///
    /// As [`Webhook::verify_request`](super::Webhook::verify_request).
    pub fn verify_request_at(
        &self,
        headers: &(impl crate::Headers + ?Sized),
        now: OffsetDateTime,
    ) -> Result<SignedRequest, VerifyError> {
        let verified = self.verifier().verify_at(headers, b"", now)?;
        Ok(SignedRequest::new(
            Some(verified.id),
            Some(verified.timestamp),
            (),
        ))
    }
}

#[cfg(any(feature = "axum", feature = "actix-web"))]
impl crate::webhook::Receive<()> for super::Verifier {
    const PROVIDER: &'static str = "recall";
    const CONTENT_TYPES: &'static [&'static str] = &[];
    const READS_QUERY: bool = false;
    const READS_BODY: bool = false;

    /// The headers alone: the body is not read.
    fn receive_request(
        webhook: &super::Webhook,
        _get: bool,
        _path_and_query: &str,
        headers: &(impl crate::Headers + ?Sized),
        _body: &[u8],
    ) -> Result<SignedRequest, crate::Rejection> {
        Ok(webhook
            .verify_request(headers)
            .map_err(crate::Error::from)?)
    }
}

const _: () =
    crate::webhook::assert_thread_safe::<(QueryToken, TokenWebhook, TokenDelivery, SignedRequest)>(
    );
