//! One call from request to verified, typed event.

use time::OffsetDateTime;

use super::{Event, Verified, Verifier};
use crate::error::{Error, SecretError};
use crate::headers::Headers;

/// Receives Recall.ai webhooks: verifies the Svix signature, then parses the
/// event, in one call.
///
/// Build one at start-up and share it. The `axum` and `actix-web` features
/// make [`Delivery`] an extractor that finds its `Webhook` in the
/// application state.
///
/// ```
/// use recording_webhooks::recall::{Event, Webhook};
///
/// let webhook = Webhook::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")?;
/// let body = br#"{"event":"bot.done","data":{"data":{"code":"done","sub_code":null,"updated_at":"2025-01-29T23:49:58.570998+00:00"},"bot":{"id":"a31e78b3-b67e-4dcf-af63-631e7548c40f","metadata":{}}}}"#;
/// # let now = time::OffsetDateTime::now_utc().unix_timestamp();
/// # let signature = webhook.verifier().sign("msg_2rXoVnQ7JrIxm1o6gWvZRH7aMGK", now, body);
/// # let timestamp = now.to_string();
/// let headers = [
///     ("webhook-id", "msg_2rXoVnQ7JrIxm1o6gWvZRH7aMGK"),
///     ("webhook-timestamp", timestamp.as_str()),
///     ("webhook-signature", signature.as_str()),
/// ];
/// match webhook.receive(&headers, body) {
///     Ok(delivery) => {
///         // `delivery.id()` is the same on every retry: de-duplicate by it.
///         assert_eq!(delivery.id(), Some("msg_2rXoVnQ7JrIxm1o6gWvZRH7aMGK"));
///         assert!(matches!(delivery.event(), Event::BotDone(_)));
///     }
///     // 401 when it does not verify, 400 when it does not parse (the
///     // verified body kept in `err.verified_body()`).
///     Err(err) => panic!("answer {}: {err}", err.status_code()),
/// }
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

/// A verified Recall.ai delivery: [`Delivery::id`] is the message id
/// (`webhook-id`), the same on every retry; [`Delivery::signed_at`] when
/// Recall.ai signed it.
///
/// [`Delivery::id`]: crate::webhook::Delivery::id
/// [`Delivery::signed_at`]: crate::webhook::Delivery::signed_at
pub type Delivery = crate::webhook::Delivery<Event, Verifier>;

impl Webhook {
    /// A webhook for the secret from the Recall.ai dashboard (`whsec_...`).
    ///
    /// # Errors
    ///
    /// As [`Verifier::new`].
    pub fn new(secret: &str) -> Result<Webhook, SecretError> {
        Verifier::new(secret).map(Webhook::from)
    }

    /// Verifies a request against the system clock, then parses its body.
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
        let Verified { id, timestamp } = self.verifier().verify_at(headers, body, now)?;
        let event = Event::from_slice(body).map_err(|err| Error::unparsed(err, body))?;
        Ok(Delivery::new(Some(id), Some(timestamp), event))
    }
}

crate::webhook::json_receive!("recall", crate::rejection::JSON);

const _: () = crate::webhook::assert_thread_safe::<(Verifier, Webhook, Delivery, super::Event)>();
