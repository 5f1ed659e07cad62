//! One call from request to verified, typed event or TeXML callback.

use time::{Duration, OffsetDateTime};

use super::{Callback, Event, Verifier};
use crate::error::{Error, SecretError};
use crate::headers::Headers;

/// Receives Telnyx webhooks: verifies the Ed25519 signature over the raw
/// body, then parses, in one call. Call Control events
/// ([`Webhook::receive`]) and TeXML callbacks
/// ([`Webhook::receive_callback`]) are signed alike.
///
/// ```
/// use recording_webhooks::telnyx::{RecordingStatus, RecordingStatusCallback, Webhook};
///
/// let webhook = Webhook::new("SBO4g1MoMXJfqu2e+asjEJLyK5xoox1cqi85p5oDPIs=")?;
/// // A TeXML recordingStatusCallback, as Telnyx signs it.
/// let body = b"AccountSid=cb6cfbbc-eb00-41af-a3f3-0d7b32009e4b&CallSid=v3%3AqiaymU9Ij90xJRRkYGWHOIx_41EVJPrzlny2zC67hwL1wVIUnnMrqQ&ConnectionId=1234567890&RecordingChannels=2&RecordingDuration=598&RecordingSid=35094891-3290-4142-b2c2-b2eda57534cf&RecordingSource=StartCallRecordingAPI&RecordingStatus=completed&RecordingUrl=https%3A%2F%2Fapi.telnyx.com%2Fv2%2Frecordings%2F35094891.mp3";
/// let headers = [
///     ("telnyx-timestamp", "1767225600"),
///     ("telnyx-signature-ed25519", "hiuTDwitueMpnK3jzVmEBMCNYWtL6k4E27xtaZu8u5vu+rDYXisDHeLdiDQ+4UPcvwKQwAtjQuIjTAy26pHqCA=="),
/// ];
/// let now = time::OffsetDateTime::from_unix_timestamp(1767225630).unwrap();
/// let delivery = webhook.receive_callback_at::<RecordingStatusCallback>(&headers, body, now)?;
/// assert_eq!(delivery.event().recording_status, RecordingStatus::Completed);
/// assert_eq!(delivery.event().recording_duration, Some(598));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// The builders every provider's `Webhook` shares are documented on
/// [`webhook::Webhook`](crate::webhook::Webhook):
/// [`with_body_limit`](crate::webhook::Webhook::with_body_limit) /
/// [`body_limit`](crate::webhook::Webhook::body_limit) (what the server
/// extractors read), and [`verifier`](crate::webhook::Webhook::verifier).
pub type Webhook = crate::webhook::Webhook<Verifier>;

/// A verified Telnyx delivery: a Call Control [`Event`] (the default), or
/// a TeXML callback (`Delivery<RecordingStatusCallback>`).
/// [`Delivery::id`] is the event's `data.id` (none for a callback);
/// [`Delivery::signed_at`] the signed `telnyx-timestamp`.
///
/// [`Delivery::id`]: crate::webhook::Delivery::id
/// [`Delivery::signed_at`]: crate::webhook::Delivery::signed_at
pub type Delivery<E = Event> = crate::webhook::Delivery<E, Verifier>;

impl Webhook {
    /// A webhook for the account's public key (see [`Verifier::new`]).
    ///
    /// # Errors
    ///
    /// As [`Verifier::new`].
    pub fn new(public_key: &str) -> Result<Webhook, SecretError> {
        Verifier::new(public_key).map(Webhook::from)
    }

    /// The same webhook with another replay window (see
    /// [`Verifier::with_tolerance`]).
    #[must_use]
    pub fn with_tolerance(self, tolerance: Duration) -> Webhook {
        // Changing the window cannot fail.
        let Ok(webhook) = self.try_map_verifier(|verifier| {
            Ok::<Verifier, std::convert::Infallible>(verifier.with_tolerance(tolerance))
        });
        webhook
    }

    /// The replay window in force.
    #[must_use]
    pub fn tolerance(&self) -> Duration {
        self.verifier().tolerance()
    }

    /// Verifies a Call Control request against the system clock, then
    /// parses its event.
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
        let id = event.id().to_owned();
        Ok(Delivery::new(Some(id), Some(verified.timestamp), event))
    }

    /// Verifies a TeXML callback's request (its form body) against the
    /// system clock, then reads the callback.
    ///
    /// Only a `POST` callback can be verified: for a `GET` one Telnyx signs
    /// an empty body, so nothing in its query would be authenticated; set
    /// the callback's method to `POST`.
    ///
    /// # Errors
    ///
    /// As [`Webhook::receive`]; [`ParseError::Form`](crate::ParseError::Form)
    /// names a required parameter that is missing.
    pub fn receive_callback<C: Callback>(
        &self,
        headers: &(impl Headers + ?Sized),
        body: &[u8],
    ) -> Result<Delivery<C>, Error> {
        self.receive_callback_at(headers, body, OffsetDateTime::now_utc())
    }

    /// As [`Webhook::receive_callback`], as if the time were `now`.
    ///
    /// # Errors
    ///
    /// As [`Webhook::receive_callback`].
    pub fn receive_callback_at<C: Callback>(
        &self,
        headers: &(impl Headers + ?Sized),
        body: &[u8],
        now: OffsetDateTime,
    ) -> Result<Delivery<C>, Error> {
        let verified = self.verifier().verify_at(headers, body, now)?;
        let callback = C::from_body(body).map_err(|err| Error::unparsed(err, body))?;
        Ok(Delivery::new(None, Some(verified.timestamp), callback))
    }
}

/// Why a `GET` request is never received: Telnyx signs only the body.
#[cfg(any(feature = "axum", feature = "actix-web"))]
fn query_not_signed() -> Error {
    Error::Verify(crate::VerifyError::QueryNotSigned { provider: "Telnyx" })
}

/// The server extractors' Call Control events.
#[cfg(any(feature = "axum", feature = "actix-web"))]
impl crate::webhook::Receive<Event> for Verifier {
    const PROVIDER: &'static str = "telnyx";
    const CONTENT_TYPES: &'static [&'static str] = &["application/json"];
    // A `GET` is answered, with why it cannot be trusted.
    const READS_QUERY: bool = true;

    fn receive_request(
        webhook: &Webhook,
        get: bool,
        _path_and_query: &str,
        headers: &(impl Headers + ?Sized),
        body: &[u8],
    ) -> Result<Delivery, crate::Rejection> {
        if get {
            return Err(query_not_signed().into());
        }
        Ok(webhook.receive(headers, body)?)
    }
}

/// The server extractors' TeXML callbacks.
#[cfg(any(feature = "axum", feature = "actix-web"))]
impl<C: Callback> crate::webhook::Receive<C> for Verifier {
    const PROVIDER: &'static str = "telnyx";
    const CONTENT_TYPES: &'static [&'static str] =
        &["application/x-www-form-urlencoded", "application/json"];
    const READS_QUERY: bool = true;

    fn receive_request(
        webhook: &Webhook,
        get: bool,
        _path_and_query: &str,
        headers: &(impl Headers + ?Sized),
        body: &[u8],
    ) -> Result<Delivery<C>, crate::Rejection> {
        if get {
            return Err(query_not_signed().into());
        }
        Ok(webhook.receive_callback(headers, body)?)
    }
}

const _: () = crate::webhook::assert_thread_safe::<(Verifier, Webhook, Delivery, Event)>();
