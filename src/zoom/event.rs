//! Zoom's event envelope, `{"event", "event_ts", "payload", "download_token"}`,
//! and the table of every event this crate types.

use std::fmt;
use std::ops::Deref;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;

use super::payload::{
    ArchivePayload, BatchMeetings, BatchPayload, BatchTrashed, CloudStorageUsage, DownloadToken,
    Other, ParticipantAudioFile, Payload, Recording, RecordingFile, RecordingInProgress,
    Registration, Renamed,
};
use crate::error::ParseError;
use crate::open_enum::open_enum;
use crate::tagged::{self, Dispatch, Early, Key, Reading, Tagged};

/// What every Zoom event carries around its payload.
///
/// An envelope dereferences to its payload, so `event.object` reads
/// `event.payload.object`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Envelope<P> {
    /// When the event occurred, in **milliseconds** since the epoch (the
    /// signature's timestamp header is in seconds).
    pub event_ts: i64,
    /// What happened.
    pub payload: P,
    /// The token to download the event's files with, for 24 hours, when the
    /// event carries one. `Debug` shows it redacted.
    pub download_token: Option<DownloadToken>,
    /// Top-level keys this version of the crate does not know.
    pub other: Other,
}

impl<P> Envelope<P> {
    /// `event_ts` as an instant; `None` if it lies outside the years `time`
    /// represents.
    #[must_use]
    pub fn event_time(&self) -> Option<OffsetDateTime> {
        OffsetDateTime::from_unix_timestamp_nanos(i128::from(self.event_ts).checked_mul(1_000_000)?)
            .ok()
    }

    /// Stands in until the keys beside `payload`, which may come after it,
    /// have been read. Allocates nothing.
    fn unfilled(payload: P) -> Envelope<P> {
        Envelope {
            event_ts: 0,
            payload,
            download_token: None,
            other: Other::new(),
        }
    }
}

impl<P> Deref for Envelope<P> {
    type Target = P;

    fn deref(&self) -> &P {
        &self.payload
    }
}

/// The payload of `endpoint.url_validation`: Zoom's challenge.
///
/// Answer it with [`super::Delivery::url_validation_response`], which exists
/// only for a request that verified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UrlValidation {
    /// The token to echo back, beside its HMAC.
    ///
    /// Zoom's tokens are short and base64-like (`qgg8vlvZRS6UYooatFL8Aw`);
    /// anything else (empty, over 128 characters, or a character other than
    /// an ASCII letter, digit, `-`, `_`, `+`, `/` or `=`) does not parse,
    /// so a body-shaped token (`v0:<ts>:{...}`) is never answered.
    #[serde(rename = "plainToken", deserialize_with = "plain_token")]
    pub plain_token: String,
    /// Keys this version of the crate does not know.
    #[serde(flatten)]
    pub other: Other,
}

/// The longest `plainToken` answered.
const MAX_PLAIN_TOKEN_LEN: usize = 128;

fn plain_token<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let token = String::deserialize(deserializer)?;
    let allowed =
        |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'+' | b'/' | b'=');
    if token.is_empty() || token.len() > MAX_PLAIN_TOKEN_LEN || !token.bytes().all(allowed) {
        return Err(de::Error::custom(
            "`plainToken` is not a Zoom challenge token: 1 to 128 characters of A-Z a-z 0-9 - _ + / =",
        ));
    }
    Ok(token)
}

/// An event whose name this version of the crate does not know.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct UnknownEvent {
    /// The event name (`event`), as sent.
    pub event_type: String,
    /// The envelope, with the payload untouched.
    pub envelope: Envelope<Value>,
}

/// Declares every event with its payload type, from which `EventType`,
/// `Event`, parsing and serialization are generated (the same table as
/// Recall's and Daily's).
macro_rules! zoom_events {
    ($($variant:ident = $wire:literal => $payload:ty,)*) => {
        open_enum! {
            /// The name of a Zoom event (`event` in the body).
            pub enum EventType {
                $($variant = $wire,)*
            }
        }

        /// A Zoom webhook event, one variant per documented `recording.*`
        /// event plus the endpoint's URL validation.
        ///
        /// Parse one with [`Event::from_slice`]; serializing it gives back
        /// the JSON that came in (key order and `null` versus an absent key
        /// aside).
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum Event {
            $(
                #[doc = concat!("`", $wire, "`")]
                $variant(Envelope<$payload>),
            )*
            /// An event name this version of the crate does not know.
            Unknown(UnknownEvent),
        }

        impl Event {
            /// The event's name.
            #[must_use]
            pub fn event_type(&self) -> EventType {
                match self {
                    $(Event::$variant(_) => EventType::$variant,)*
                    Event::Unknown(unknown) => EventType::Unknown(unknown.event_type.clone()),
                }
            }

            /// The envelope's own fields, whatever the payload.
            fn envelope(&self) -> (i64, Option<&DownloadToken>, &Other) {
                match self {
                    $(Event::$variant(e) => (e.event_ts, e.download_token.as_ref(), &e.other),)*
                    Event::Unknown(u) => {
                        let e = &u.envelope;
                        (e.event_ts, e.download_token.as_ref(), &e.other)
                    }
                }
            }

            fn envelope_mut(&mut self) -> (&mut i64, &mut Option<DownloadToken>, &mut Other) {
                match self {
                    $(Event::$variant(e) => (&mut e.event_ts, &mut e.download_token, &mut e.other),)*
                    Event::Unknown(u) => {
                        let e = &mut u.envelope;
                        (&mut e.event_ts, &mut e.download_token, &mut e.other)
                    }
                }
            }

            /// The event named `name`, in an envelope still to be filled in.
            fn from_payload_only<'de, D: Deserializer<'de>>(
                name: EventType,
                payload: D,
            ) -> Result<Event, D::Error> {
                match name {
                    $(EventType::$variant => <$payload>::deserialize(payload)
                        .map(|payload| Event::$variant(Envelope::unfilled(payload))),)*
                    EventType::Unknown(event_type) => Value::deserialize(payload).map(|payload| {
                        Event::Unknown(UnknownEvent { event_type, envelope: Envelope::unfilled(payload) })
                    }),
                }
            }

            fn serialize_payload<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
                match self {
                    $(Event::$variant(e) => map.serialize_entry("payload", &e.payload),)*
                    Event::Unknown(u) => map.serialize_entry("payload", &u.envelope.payload),
                }
            }
        }
    };
}

zoom_events! {
    EndpointUrlValidation = "endpoint.url_validation" => UrlValidation,
    RecordingStarted = "recording.started" => Payload<RecordingInProgress>,
    RecordingPaused = "recording.paused" => Payload<RecordingInProgress>,
    RecordingResumed = "recording.resumed" => Payload<RecordingInProgress>,
    RecordingStopped = "recording.stopped" => Payload<RecordingInProgress>,
    RecordingCompleted = "recording.completed" => Payload<Recording>,
    RecordingTranscriptCompleted = "recording.transcript_completed" => Payload<Recording>,
    RecordingTrashed = "recording.trashed" => Payload<Recording>,
    RecordingDeleted = "recording.deleted" => Payload<Recording>,
    RecordingRecovered = "recording.recovered" => Payload<Recording>,
    RecordingRenamed = "recording.renamed" => Renamed,
    RecordingBatchTrashed = "recording.batch_trashed" => BatchPayload<BatchTrashed>,
    RecordingBatchDeleted = "recording.batch_deleted" => BatchPayload<BatchMeetings>,
    RecordingBatchRecovered = "recording.batch_recovered" => BatchPayload<BatchMeetings>,
    RecordingArchiveFilesCompleted = "recording.archive_files_completed" => ArchivePayload,
    RecordingCloudStorageUsageUpdated = "recording.cloud_storage_usage_updated" => Payload<CloudStorageUsage>,
    RecordingRegistrationCreated = "recording.registration_created" => Payload<Registration>,
    RecordingRegistrationApproved = "recording.registration_approved" => Payload<Registration>,
    RecordingRegistrationDenied = "recording.registration_denied" => Payload<Registration>,
}

impl Event {
    /// Parses a webhook body.
    ///
    /// # Errors
    ///
    /// [`ParseError::Json`] when the body is not JSON, lacks `event`,
    /// `event_ts` or `payload`, repeats one of them, or a documented field
    /// is missing or of the wrong type; the error names the JSON path. An
    /// unknown event name is not an error.
    pub fn from_slice(body: &[u8]) -> Result<Event, ParseError> {
        tagged::from_slice(body)
    }

    /// When the event occurred (`event_ts`), in milliseconds since the
    /// epoch.
    #[must_use]
    pub fn event_ts(&self) -> i64 {
        self.envelope().0
    }

    /// The token to download the event's files with (`download_token`),
    /// valid for 24 hours; `None` when the event carries none.
    #[must_use]
    pub fn download_token(&self) -> Option<&DownloadToken> {
        self.envelope().1
    }

    /// The recorded meeting of `recording.completed`,
    /// `recording.transcript_completed`, `recording.trashed`,
    /// `recording.deleted` and `recording.recovered`.
    #[must_use]
    pub fn recording(&self) -> Option<&Recording> {
        match self {
            Event::RecordingCompleted(e)
            | Event::RecordingTranscriptCompleted(e)
            | Event::RecordingTrashed(e)
            | Event::RecordingDeleted(e)
            | Event::RecordingRecovered(e) => Some(&e.payload.object),
            _ => None,
        }
    }

    /// The files of a recorded meeting; empty for the other events.
    #[must_use]
    pub fn recording_files(&self) -> &[RecordingFile] {
        self.recording()
            .and_then(|recording| recording.recording_files.as_deref())
            .unwrap_or_default()
    }

    /// The participants' own audio files of a recorded meeting, when the
    /// account records them; empty otherwise.
    #[must_use]
    pub fn participant_audio_files(&self) -> &[ParticipantAudioFile] {
        self.recording()
            .and_then(|recording| recording.participant_audio_files.as_deref())
            .unwrap_or_default()
    }

    /// The meeting instance (`payload.object.uuid`) the event is about.
    #[must_use]
    pub fn meeting_uuid(&self) -> Option<&str> {
        match self {
            Event::RecordingStarted(e)
            | Event::RecordingPaused(e)
            | Event::RecordingResumed(e)
            | Event::RecordingStopped(e) => Some(&e.payload.object.uuid),
            Event::RecordingRenamed(e) => Some(&e.payload.object.uuid),
            Event::RecordingRegistrationCreated(e)
            | Event::RecordingRegistrationApproved(e)
            | Event::RecordingRegistrationDenied(e) => Some(&e.payload.object.uuid),
            Event::RecordingArchiveFilesCompleted(e) => {
                e.payload.object.as_ref().and_then(|o| o.uuid.as_deref())
            }
            _ => self.recording().map(|recording| recording.uuid.as_str()),
        }
    }

    /// The meeting number (`payload.object.id`) the event is about.
    #[must_use]
    pub fn meeting_id(&self) -> Option<u64> {
        match self {
            Event::RecordingStarted(e)
            | Event::RecordingPaused(e)
            | Event::RecordingResumed(e)
            | Event::RecordingStopped(e) => Some(e.payload.object.id),
            Event::RecordingRenamed(e) => Some(e.payload.object.id),
            Event::RecordingRegistrationCreated(e)
            | Event::RecordingRegistrationApproved(e)
            | Event::RecordingRegistrationDenied(e) => Some(e.payload.object.id),
            Event::RecordingArchiveFilesCompleted(e) => {
                e.payload.object.as_ref().and_then(|o| o.id)
            }
            _ => self.recording().map(|recording| recording.id),
        }
    }

    /// The account the event is about (`payload.account_id`).
    #[must_use]
    pub fn account_id(&self) -> Option<&str> {
        match self {
            Event::RecordingStarted(e)
            | Event::RecordingPaused(e)
            | Event::RecordingResumed(e)
            | Event::RecordingStopped(e) => Some(&e.payload.account_id),
            Event::RecordingCompleted(e)
            | Event::RecordingTranscriptCompleted(e)
            | Event::RecordingTrashed(e)
            | Event::RecordingDeleted(e)
            | Event::RecordingRecovered(e) => Some(&e.payload.account_id),
            Event::RecordingRenamed(e) => Some(&e.payload.account_id),
            Event::RecordingBatchTrashed(e) => Some(&e.payload.account_id),
            Event::RecordingBatchDeleted(e) | Event::RecordingBatchRecovered(e) => {
                Some(&e.payload.account_id)
            }
            Event::RecordingArchiveFilesCompleted(e) => e.payload.account_id.as_deref(),
            Event::RecordingCloudStorageUsageUpdated(e) => Some(&e.payload.account_id),
            Event::RecordingRegistrationCreated(e)
            | Event::RecordingRegistrationApproved(e)
            | Event::RecordingRegistrationDenied(e) => Some(&e.payload.account_id),
            Event::Unknown(u) => u.envelope.payload.get("account_id").and_then(Value::as_str),
            _ => None,
        }
    }
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (event_ts, download_token, other) = self.envelope();
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("event", self.event_type().as_str())?;
        map.serialize_entry("event_ts", &event_ts)?;
        self.serialize_payload(&mut map)?;
        if let Some(token) = download_token {
            map.serialize_entry("download_token", token)?;
        }
        for (key, value) in other {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl Tagged for Event {
    type Tag = EventType;
    const TAG: &'static str = "event";
    const PAYLOAD: &'static str = "payload";

    fn from_payload<'de, D: Deserializer<'de>>(
        name: EventType,
        payload: D,
    ) -> Result<Event, D::Error> {
        Event::from_payload_only(name, payload)
    }

    /// The envelope's keys, in any order: the tag and payload through a
    /// `Dispatch`, the rest here.
    fn from_envelope<'de, D: Deserializer<'de>, E: Early<Event>>(
        deserializer: D,
        reading: Reading<Event, E>,
    ) -> Result<Event, D::Error> {
        struct EventVisitor<E>(Reading<Event, E>);

        impl<'de, E: Early<Event>> Visitor<'de> for EventVisitor<E> {
            type Value = Event;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a Zoom event: {\"event\", \"event_ts\", \"payload\"}")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Event, A::Error> {
                let mut dispatch = Dispatch::new(self.0);
                let (mut event_ts, mut download_token): (Option<i64>, _) = (None, None);
                let mut other = Other::new();
                while let Some(key) = map.next_key::<Key<'de>>()? {
                    if dispatch.read(&key, &mut map)? {
                        continue;
                    }
                    match &*key {
                        "event_ts" => tagged::read_once(&mut map, &mut event_ts, "event_ts")?,
                        "download_token" => {
                            tagged::read_once(&mut map, &mut download_token, "download_token")?
                        }
                        key if other.contains_key(key) => {
                            return Err(de::Error::custom("a key appears twice"));
                        }
                        key => {
                            let value = map.next_value()?;
                            other.insert(key.to_owned(), value);
                        }
                    }
                }
                let mut event = dispatch.finish()?;
                let event_ts = event_ts.ok_or_else(|| de::Error::missing_field("event_ts"))?;
                let (slot_ts, slot_token, slot_other) = event.envelope_mut();
                (*slot_ts, *slot_token, *slot_other) = (event_ts, download_token, other);
                Ok(event)
            }
        }

        deserializer.deserialize_map(EventVisitor(reading))
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Event, D::Error> {
        tagged::deserialize(deserializer)
    }
}
