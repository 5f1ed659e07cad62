//! Telnyx webhooks: Call Control events and TeXML callbacks, verified by
//! Ed25519 over `{telnyx-timestamp}|{raw body}` (feature `telnyx`).
//!
//! Telnyx signs every webhook with its private key; the receiver holds the
//! account's public key (Mission Control Portal, Account Settings, Keys &
//! Credentials). It looks like Standard Webhooks and is not: no message
//! id, a `|`, one signature per header, so [`svix`](crate::svix) cannot
//! verify it. [`Webhook::receive`] verifies, then parses a Call Control
//! event:
//!
//! ```
//! use recording_webhooks::telnyx::{Event, Webhook};
//!
//! let webhook = Webhook::new("SBO4g1MoMXJfqu2e+asjEJLyK5xoox1cqi85p5oDPIs=")?;
//! let body = br#"{"data":{"event_type":"call.recording.saved","id":"0ccc7b54-4df3-4bca-a65a-3da1ecc777f0","occurred_at":"2026-01-01T00:00:00.123456Z","payload":{"call_control_id":"v3:2EC-70CTEjlUq3tDM0CxKXIt5-5N4iP4wo7_-PfH-qub97Sk4EqO5w","call_leg_id":"b0e6224c-c81c-11f0-afbb-02420aef93a0","call_session_id":"b0e6141e-c81c-11f0-abac-02420aef93a0","channels":"dual","client_state":"aGF2ZSBhIG5pY2UgZGF5ID1d","connection_id":"2811212257810187875","recording_id":"f3a5e2c1-2a5b-4d3e-9c1b-6f7e8d9a0b1c","recording_started_at":"2025-12-31T23:50:00.000000Z","recording_ended_at":"2025-12-31T23:59:58.000000Z","recording_urls":{"mp3":"https://s3.amazonaws.com/telephony-recorder-prod/abc.mp3?X-Amz-Expires=600"},"public_recording_urls":{}},"record_type":"event"},"meta":{"attempt":1,"delivered_to":"https://example.com/telnyx"}}"#;
//! let headers = [
//!     ("telnyx-timestamp", "1767225600"),
//!     ("telnyx-signature-ed25519", "nR5tx9JWqLpPzJnjfcVXk0yayeTagrXxe/OqfG3nVJ4coWta661d8Y4HNiWNnqoHZZ5gCf/sl+jVrel9fc+FDA=="),
//! ];
//! # let now = time::OffsetDateTime::from_unix_timestamp(1767225630).unwrap();
//! let delivery = webhook.receive_at(&headers, body, now)?;
//! assert_eq!(delivery.id(), Some("0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"));
//! if let Event::CallRecordingSaved(saved) = delivery.event() {
//!     // Valid ten minutes: download now.
//!     let mp3 = saved.payload.recording_urls.as_ref().and_then(|urls| urls.mp3.as_ref());
//!     assert!(mp3.unwrap().as_str().starts_with("https://s3.amazonaws.com/"));
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! TeXML's Twilio-compatible callbacks are the shared callback types
//! ([`RecordingStatusCallback`], [`AnyCallback`], ...), received with
//! [`Webhook::receive_callback`] over the same signature. A `GET` callback
//! is never received: Telnyx signs only the (then empty) body, so nothing
//! in its query would be authenticated.

mod event;
mod payload;
mod verify;
mod webhook;

pub use event::{Envelope, Event, EventType, Meta, UnknownEvent};
pub use payload::{
    CallPayload, CallingPartyType, Channels, ClientState, RecordingError, RecordingErrorReason,
    RecordingFormat, RecordingSaved, RecordingUrls, TranscriptionSaved, TranscriptionStatus,
};
pub use verify::{SIGNATURE_HEADER, TIMESTAMP_HEADER, Verified, Verifier};
pub use webhook::{Delivery, Webhook};

pub use crate::cxml::callbacks::{
    AmdStatusCallback, AnsweredBy, AnyCallback, CallParams, CallStatus, Callback, CallbackSource,
    ConferenceEvent, ConferenceStatusCallback, DialActionCallback, DialCallStatus, Direction,
    GatherActionCallback, ReasonConferenceEnded, RecordActionCallback, RecordingSource,
    RecordingStatus, RecordingStatusCallback, RecordingTrack, StatusCallback, StirVerstat,
    TranscribeCallback, VoiceRequest,
};
