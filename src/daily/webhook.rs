//! One call from request to verified, typed event.

use time::OffsetDateTime;

use super::{Event, Verifier};
use crate::error::{Error, SecretError};
use crate::headers::Headers;

/// Receives Daily webhooks: answers the verification ping, verifies
/// everything else, then parses the event, in one call.
///
/// The ping (`{"test":"test"}`) is recognised *before* verification: Daily
/// sends it when the webhook is created, before the `hmac` secret it
/// generates can be known here, and creates the webhook only if the answer
/// is 200. It carries no data. Every other body must verify.
///
/// ```
/// use recording_webhooks::daily::{Event, Webhook};
///
/// let webhook = Webhook::new("ZXhhbXBsZS1kYWlseS13ZWJob29rLXNlY3JldC0zMmI=")?;
/// let no_headers: [(&str, &str); 0] = [];
/// let ping = webhook.receive(&no_headers, br#"{"test":"test"}"#).unwrap();
/// assert_eq!(ping.event(), &Event::Ping);
/// assert_eq!(ping.signed_at(), None);
/// let unsigned = br#"{"version":"1.0.0","type":"meeting.started","id":"m1","payload":{"start_ts":1708526032,"meeting_id":"m","room":"r"},"event_ts":1708526032}"#;
/// assert_eq!(webhook.receive(&no_headers, unsigned).unwrap_err().status_code(), 401);
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

/// A Daily delivery, verified or the unsigned verification ping:
/// [`Delivery::id`] is the event's `id`, the same on every retry;
/// [`Delivery::signed_at`] is `X-Webhook-Timestamp`. Both are `None` for
/// the ping.
///
/// [`Delivery::id`]: crate::webhook::Delivery::id
/// [`Delivery::signed_at`]: crate::webhook::Delivery::signed_at
pub type Delivery = crate::webhook::Delivery<Event, Verifier>;

impl Webhook {
    /// A webhook for the `hmac` secret Daily generated (base64).
    ///
    /// # Errors
    ///
    /// As [`Verifier::new`].
    pub fn new(secret: &str) -> Result<Webhook, SecretError> {
        Verifier::new(secret).map(Webhook::from)
    }

    /// Answers the ping; verifies anything else against the system clock,
    /// then parses it.
    ///
    /// # Errors
    ///
    /// [`Error::Verify`] when the request does not verify (answer 401), and
    /// only then [`Error::Parse`] when its body does not parse (answer 400).
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
        if Event::is_ping(body) {
            return Ok(Delivery::new(None, None, Event::Ping));
        }
        let verified = self.verifier().verify_at(headers, body, now)?;
        let event = Event::from_slice(body).map_err(|err| Error::unparsed(err, body))?;
        let id = event.id().map(str::to_owned);
        Ok(Delivery::new(id, Some(verified.timestamp), event))
    }
}

crate::webhook::json_receive!("daily", crate::rejection::JSON);

const _: () = crate::webhook::assert_thread_safe::<(Verifier, Webhook, Delivery, super::Event)>();
