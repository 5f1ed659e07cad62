//! SignalWire (Compatibility API / cXML) callbacks and their signatures.
//!
//! Callbacks are form-encoded (`POST`) or in the query string (`GET`):
//! [`Webhook::receive`] verifies and reads one in one call; or verify the
//! request with [`Verifier::verify`], then read it with
//! [`RecordingStatusCallback::from_form`] (or `from_query`), or the
//! neighbouring [`StatusCallback`], [`TranscribeCallback`],
//! [`DialActionCallback`], [`RecordActionCallback`] and
//! [`ConferenceStatusCallback`]. Documented parameters are typed; every
//! other parameter is kept, in order, in `other`, and an optional value
//! that is empty or odd stays there too instead of failing the callback.
//! SignalWire ids are UUIDs and are never checked for shape.
//!
//! ```
//! use recording_webhooks::signalwire::{RecordingStatus, RecordingStatusCallback, Verifier};
//!
//! let verifier = Verifier::new("PSK_V3bF8oyeRNpJWGoRWHNYQMUU")?;
//! let url = "https://example.com/signalwire/recording";
//! let body = b"AccountSid=b3877c40-da60-4998-90ad-b792e98472af&RecordingSid=b3877c40-da60-4998-90ad-b792e984re01&RecordingStatus=completed";
//! # let params = [("AccountSid", "b3877c40-da60-4998-90ad-b792e98472af"), ("RecordingSid", "b3877c40-da60-4998-90ad-b792e984re01"), ("RecordingStatus", "completed")];
//! # let signature = verifier.sign_params(url, &params);
//! let headers = [("X-SignalWire-Signature", signature.as_str())];
//! verifier.verify(url, &headers, body)?;
//! let callback = RecordingStatusCallback::from_form(body)?;
//! assert_eq!(callback.recording_status, RecordingStatus::Completed);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod callbacks;
mod params;
pub(crate) mod verify;
mod webhook;

pub use callbacks::{
    CallStatus, Callback, ConferenceEvent, ConferenceStatusCallback, DialActionCallback,
    DialCallStatus, Direction, RecordActionCallback, RecordingSource, RecordingStatus,
    RecordingStatusCallback, RecordingTrack, StatusCallback, TranscribeCallback,
    TranscriptionStatus,
};
pub use verify::{SIGNATURE_HEADER, TWILIO_SIGNATURE_HEADER, Verifier};
pub use webhook::{UrlVerifier, UrlWebhook, Webhook};

/// A verified SignalWire callback as a server extractor (features `axum`,
/// `actix-web`): `Form<RecordingStatusCallback>` in a handler's arguments.
/// `GET` callbacks are read from the query string, `POST` ones from the
/// body.
#[cfg(any(feature = "axum", feature = "actix-web"))]
#[cfg_attr(docsrs, doc(cfg(any(feature = "axum", feature = "actix-web"))))]
#[derive(Debug, Clone, PartialEq)]
pub struct Form<C>(pub C);
