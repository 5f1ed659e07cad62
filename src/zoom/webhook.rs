//! One call from request to verified, typed event, and the answer to Zoom's
//! URL validation.

use serde::Serialize;
use time::OffsetDateTime;

use super::{Event, Verifier};
use crate::error::{Error, SecretError};
use crate::headers::Headers;

/// Receives Zoom webhooks: verifies `x-zm-signature`, then parses the
/// event, in one call; for a verified `endpoint.url_validation`, computes
/// the answer Zoom expects.
///
/// Several Secret Tokens can be accepted at once (a token being rotated,
/// several Zoom apps behind one URL): each is tried in the order added, and
/// a URL validation is answered with the token that verified it.
///
/// ```
/// use recording_webhooks::zoom::{Event, Webhook};
///
/// let webhook = Webhook::new("zoom-test-secret-token-0001")?;
/// let body = br#"{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}"#;
/// let headers = [
///     ("x-zm-request-timestamp", "1739923528"),
///     ("x-zm-signature", "v0=c396580094fea489713722c0febf39c0609fcf2a398460b847ac073c59ce910c"),
/// ];
/// let now = time::OffsetDateTime::from_unix_timestamp(1739923528).unwrap();
/// let delivery = webhook.receive_at(&headers, body, now).unwrap();
/// // Answer 200 with this JSON.
/// let answer = delivery.url_validation_response().unwrap();
/// assert_eq!(
///     answer.to_json(),
///     r#"{"plainToken":"qgg8vlvZRS6UYooatFL8Aw","encryptedToken":"4daf718ef353f4bd053bf49d951f277c373c181ea1ddc73f1bdf0b4803ad537e"}"#
/// );
///
/// // The same request unsigned is a 401, and nothing is answered.
/// let unsigned: [(&str, &str); 0] = [];
/// assert_eq!(webhook.receive_at(&unsigned, body, now).unwrap_err().status_code(), 401);
/// # Ok::<(), recording_webhooks::SecretError>(())
/// ```
///
/// The builders every provider's `Webhook` shares are documented on
/// [`webhook::Webhook`](crate::webhook::Webhook):
/// [`with_tolerance`](crate::webhook::Webhook::with_tolerance) /
/// [`tolerance`](crate::webhook::Webhook::tolerance) (the replay window,
/// 5 minutes by default),
/// [`with_body_limit`](crate::webhook::Webhook::with_body_limit) /
/// [`body_limit`](crate::webhook::Webhook::body_limit) (what the server
/// extractors read), and [`verifier`](crate::webhook::Webhook::verifier).
pub type Webhook = crate::webhook::Webhook<Verifier>;

/// A verified Zoom delivery: [`Delivery::signed_at`] is
/// `x-zm-request-timestamp`; [`Delivery::id`] is `None`, as Zoom sends no
/// delivery id: de-duplicate by the event name and [`Event::meeting_uuid`]
/// (a file by its id). `recording.completed` has arrived twice for one
/// recording, identical but for the download URLs and token.
///
/// ```
/// use recording_webhooks::zoom::{Event, Webhook};
///
/// let webhook = Webhook::new("zoom-test-secret-token-0001")?;
/// let body = br#"{"event":"recording.paused","event_ts":1739923528000,"payload":{"account_id":"a","object":{"uuid":"u==","id":1,"host_id":"h","topic":"t","type":2,"start_time":"2026-03-02T09:00:00Z","duration":30,"recording_file":{}}}}"#;
/// # let now = time::OffsetDateTime::now_utc().unix_timestamp();
/// # let (timestamp, signature) = (now.to_string(), webhook.verifier().sign(now, body));
/// let headers = [
///     ("x-zm-request-timestamp", timestamp.as_str()),
///     ("x-zm-signature", signature.as_str()),
/// ];
/// let delivery = webhook.receive(&headers, body).unwrap();
/// assert_eq!(delivery.id(), None);
/// assert_eq!(delivery.signed_at().map(|t| t.unix_timestamp()), Some(now));
/// assert!(matches!(delivery.event(), Event::RecordingPaused(_)));
/// assert_eq!(delivery.url_validation_response(), None);
/// # Ok::<(), recording_webhooks::SecretError>(())
/// ```
///
/// [`Delivery::id`]: crate::webhook::Delivery::id
/// [`Delivery::signed_at`]: crate::webhook::Delivery::signed_at
pub type Delivery = crate::webhook::Delivery<Event, Verifier>;

impl Delivery {
    /// The answer to Zoom's URL validation: `Some` only for a verified
    /// `endpoint.url_validation`. Answer it with status 200 and
    /// `Content-Type: application/json` ([`UrlValidationResponse::to_json`]).
    ///
    /// The answer is an HMAC under the Secret Token of a string the
    /// requester chose, the same construction as the event signature, so
    /// it is computed only for a request whose own signature verified: an
    /// endpoint that answers unverified requests signs forged events for
    /// anyone.
    ///
    /// ```
    /// use recording_webhooks::zoom::Webhook;
    ///
    /// let webhook = Webhook::new("zoom-test-secret-token-0001")?;
    /// let body = br#"{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}"#;
    /// let headers = [
    ///     ("x-zm-request-timestamp", "1739923528"),
    ///     ("x-zm-signature", "v0=c396580094fea489713722c0febf39c0609fcf2a398460b847ac073c59ce910c"),
    /// ];
    /// let now = time::OffsetDateTime::from_unix_timestamp(1739923528).unwrap();
    /// let delivery = webhook.receive_at(&headers, body, now).unwrap();
    /// let answer = delivery.url_validation_response().unwrap();
    /// assert_eq!(answer.plain_token, "qgg8vlvZRS6UYooatFL8Aw");
    /// assert_eq!(answer.encrypted_token, "4daf718ef353f4bd053bf49d951f277c373c181ea1ddc73f1bdf0b4803ad537e");
    /// # Ok::<(), recording_webhooks::SecretError>(())
    /// ```
    #[must_use]
    pub fn url_validation_response(&self) -> Option<UrlValidationResponse> {
        let Event::EndpointUrlValidation(validation) = self.event() else {
            return None;
        };
        let encrypted_token = self.challenge_response()?.to_owned();
        Some(UrlValidationResponse {
            plain_token: validation.payload.plain_token.clone(),
            encrypted_token,
        })
    }
}

/// The answer to Zoom's URL validation:
/// `{"plainToken": "...", "encryptedToken": "<hex HMAC-SHA256>"}`.
///
/// Only [`Delivery::url_validation_response`] computes one, for a request
/// that verified. With feature `axum` it is an `IntoResponse`, with
/// `actix-web` a `Responder`: 200 with this JSON.
///
/// ```
/// use recording_webhooks::zoom::Webhook;
///
/// let webhook = Webhook::new("zoom-test-secret-token-0001")?;
/// let body = br#"{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}"#;
/// let headers = [
///     ("x-zm-request-timestamp", "1739923528"),
///     ("x-zm-signature", "v0=c396580094fea489713722c0febf39c0609fcf2a398460b847ac073c59ce910c"),
/// ];
/// let now = time::OffsetDateTime::from_unix_timestamp(1739923528).unwrap();
/// let answer = webhook.receive_at(&headers, body, now).unwrap().url_validation_response().unwrap();
/// // The body of the 200 answer, `Content-Type: application/json`.
/// assert_eq!(
///     answer.to_json(),
///     r#"{"plainToken":"qgg8vlvZRS6UYooatFL8Aw","encryptedToken":"4daf718ef353f4bd053bf49d951f277c373c181ea1ddc73f1bdf0b4803ad537e"}"#
/// );
/// # Ok::<(), recording_webhooks::SecretError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct UrlValidationResponse {
    /// The challenge's `plainToken`, unchanged.
    #[serde(rename = "plainToken")]
    pub plain_token: String,
    /// The lowercase hex HMAC-SHA256 of `plainToken` under the Secret Token
    /// that verified the request.
    #[serde(rename = "encryptedToken")]
    pub encrypted_token: String,
}

impl UrlValidationResponse {
    /// The JSON body to answer with.
    #[must_use]
    pub fn to_json(&self) -> String {
        // Two strings in a struct: serializing cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl Webhook {
    /// A webhook for the app's Secret Token.
    ///
    /// # Errors
    ///
    /// As [`Verifier::new`].
    pub fn new(secret_token: &str) -> Result<Webhook, SecretError> {
        Verifier::new(secret_token).map(Webhook::from)
    }

    /// The same webhook, also accepting requests signed with
    /// `secret_token` (see [`Verifier::with_secret_token`]).
    ///
    /// # Errors
    ///
    /// As [`Verifier::new`].
    pub fn with_secret_token(self, secret_token: &str) -> Result<Webhook, SecretError> {
        self.try_map_verifier(|verifier| verifier.with_secret_token(secret_token))
    }

    /// Verifies a request against the system clock, then parses it.
    ///
    /// # Errors
    ///
    /// [`Error::Verify`] when the request does not verify (answer 401), and
    /// only then [`Error::Parse`] when its body does not parse, or a URL
    /// validation's `plainToken` is not a Zoom token (answer 400).
    pub fn receive(
        &self,
        headers: &(impl Headers + ?Sized),
        body: &[u8],
    ) -> Result<Delivery, Error> {
        self.receive_at(headers, body, OffsetDateTime::now_utc())
    }

    /// As [`Webhook::receive`], as if the time were `now`.
    ///
    /// # Errors
    ///
    /// As [`Webhook::receive`].
    pub fn receive_at(
        &self,
        headers: &(impl Headers + ?Sized),
        body: &[u8],
        now: OffsetDateTime,
    ) -> Result<Delivery, Error> {
        let verified = self.verifier().verify_at(headers, body, now)?;
        let event = Event::from_slice(body).map_err(|err| Error::unparsed(err, body))?;
        let encrypted_token = match &event {
            Event::EndpointUrlValidation(validation) => Some(
                self.verifier()
                    .encrypt_token(&verified, &validation.payload.plain_token),
            ),
            _ => None,
        };
        Ok(Delivery::new(None, Some(verified.timestamp), event)
            .with_challenge_response(encrypted_token))
    }
}

crate::webhook::json_receive!("zoom", crate::rejection::JSON);

const _: () = crate::webhook::assert_thread_safe::<(
    Verifier,
    Webhook,
    Delivery,
    super::Event,
    UrlValidationResponse,
)>();
