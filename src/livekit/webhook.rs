//! One call from request to verified, typed event.

use time::{Duration, OffsetDateTime};

use super::{Event, Verifier};
use crate::error::{Error, SecretError};
use crate::headers::Headers;

/// The media types LiveKit's requests carry: `application/webhook+json`
/// (chosen so that a JSON middleware leaves the body to be verified), and
/// plain JSON.
pub const CONTENT_TYPES: &[&str] = &["application/webhook+json", "application/json"];

/// Receives LiveKit webhooks: verifies the `Authorization` JWT and the
/// body's hash, then parses the event, in one call.
///
/// ```
/// use recording_webhooks::livekit::{Event, Webhook};
///
/// // The server's webhook key, and an egress's own signing key.
/// let webhook = Webhook::new("APIkey123", "secret-that-is-at-least-32-bytes-long!!")?
///     .with_key("APIegressKey", "another-secret-at-least-32-bytes-long!")?;
/// let body = br#"{"event":"room_started","id":"EV_1","createdAt":"1767225600","room":{"sid":"RM_1","name":"standup"}}"#;
/// # let now = time::OffsetDateTime::now_utc().unix_timestamp();
/// # let token = webhook.verifier().sign(body, now);
/// let delivery = webhook.receive(&[("Authorization", token.as_str())], body)?;
/// assert!(matches!(delivery.event(), Event::RoomStarted(_)));
///
/// // The same body, altered after it was signed: 401.
/// let altered = br#"{"event":"room_started","id":"EV_2","createdAt":"1767225600","room":{"sid":"RM_1","name":"standup"}}"#;
/// let err = webhook.receive(&[("Authorization", token.as_str())], altered).unwrap_err();
/// assert_eq!(err.status_code(), 401);
/// assert!(err.to_string().contains("altered"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// The builders every provider's `Webhook` shares are documented on
/// [`webhook::Webhook`](crate::webhook::Webhook):
/// [`with_body_limit`](crate::webhook::Webhook::with_body_limit) /
/// [`body_limit`](crate::webhook::Webhook::body_limit) (what the server
/// extractors read), and [`verifier`](crate::webhook::Webhook::verifier).
pub type Webhook = crate::webhook::Webhook<Verifier>;

/// A verified LiveKit delivery: [`Delivery::id`] is the event's `id`, the
/// same on every retry; [`Delivery::signed_at`] when the token was minted
/// (`iat`, else `nbf`).
///
/// [`Delivery::id`]: crate::webhook::Delivery::id
/// [`Delivery::signed_at`]: crate::webhook::Delivery::signed_at
pub type Delivery = crate::webhook::Delivery<Event, Verifier>;

impl Webhook {
    /// A webhook for an API key and its secret (LiveKit's server config
    /// `webhook.api_key`, or the key chosen in LiveKit Cloud's dashboard).
    ///
    /// # Errors
    ///
    /// As [`Verifier::new`].
    pub fn new(api_key: &str, api_secret: &str) -> Result<Webhook, SecretError> {
        Verifier::new(api_key, api_secret).map(Webhook::from)
    }

    /// The same webhook, also accepting tokens of another API key (see
    /// [`Verifier::with_key`]).
    ///
    /// # Errors
    ///
    /// As [`Verifier::new`].
    pub fn with_key(self, api_key: &str, api_secret: &str) -> Result<Webhook, SecretError> {
        self.try_map_verifier(|verifier| verifier.with_key(api_key, api_secret))
    }

    /// The same webhook with another clock leeway (see
    /// [`Verifier::with_leeway`]).
    #[must_use]
    pub fn with_leeway(self, leeway: Duration) -> Webhook {
        // Changing the leeway cannot fail.
        let Ok(webhook) = self.try_map_verifier(|verifier| {
            Ok::<Verifier, std::convert::Infallible>(verifier.with_leeway(leeway))
        });
        webhook
    }

    /// The clock leeway in force.
    #[must_use]
    pub fn leeway(&self) -> Duration {
        self.verifier().leeway()
    }

    /// Verifies a request against the system clock, then parses it.
    ///
    /// # Errors
    ///
    /// [`Error::Verify`] when the request does not verify (answer 401), and
    /// only then [`Error::Parse`] when its body does not parse (answer 400),
    /// the verified body kept ([`Error::verified_body`]).
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
        let id = event.id().map(str::to_owned);
        Ok(Delivery::new(id, verified.issued_at, event))
    }
}

crate::webhook::json_receive!("livekit", CONTENT_TYPES);

const _: () = crate::webhook::assert_thread_safe::<(Verifier, Webhook, Delivery, Event)>();
