//! Daily webhooks: signature verification and every documented event.
//!
//! ```
//! use recording_webhooks::daily::{Event, EventType, RecordingStatus};
//!
//! let body = br#"{"version":"1.0.0","type":"recording.ready-to-download","id":"rec-rtd-c3df927c-f738-4471-a2b7-066fa7e95a6b-1692124192","payload":{"recording_id":"08fa0b24-9220-44c5-846c-3f116cf8e738","room_name":"Xcm97xRZ08b2dePKb78g","start_ts":1692124183,"status":"finished","max_participants":1,"duration":9,"share_token":"ntDCL5k98Ulq","s3_key":"api-test-1j8fizhzd30c/Xcm97xRZ08b2dePKb78g/1692124183028"},"event_ts":1692124192}"#;
//! match Event::from_slice(body)? {
//!     Event::RecordingReadyToDownload(event) => {
//!         assert_eq!(event.payload.status, RecordingStatus::Finished);
//!         assert_eq!(event.payload.duration.as_u64(), Some(9));
//!         assert_eq!(event.event_ts.unix_timestamp(), 1692124192);
//!     }
//!     // Daily's verification request: answer 200.
//!     Event::Ping => {}
//!     other => println!("{} (not handled)", other.event_type()),
//! }
//! # Ok::<(), recording_webhooks::ParseError>(())
//! ```

mod payload;
mod verify;
mod webhook;

use serde::de::{self, Deserializer};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use time::OffsetDateTime;

pub use crate::replay::DEFAULT_TOLERANCE;
pub use payload::{
    BatchProcessorJob, Dial, Layout, LayoutPreset, Meeting, NetworkQualityState, Participant,
    RecordingError, RecordingReadyToDownload, RecordingStarted, RecordingStatus, RecordingType,
    Streaming, StreamingDetails, Track, TrackType, Transcript, TranscriptStatus,
};
pub use verify::{SIGNATURE_HEADER, TIMESTAMP_HEADER, Verified, Verifier};
pub use webhook::{Delivery, Webhook};

use crate::error::ParseError;
use crate::object::json_object;
use crate::open_enum::open_enum;
use crate::tagged::{self, Tagged};
use crate::timestamp::Timestamp;

/// What every Daily event carries around its payload.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Envelope<P> {
    /// The payload format's version (semver, `1.0.0`).
    pub version: String,
    /// The event's id, stable across retries: de-duplicate by it.
    pub id: String,
    /// When Daily sent the webhook.
    pub event_ts: Timestamp,
    /// What happened.
    pub payload: P,
    /// Top-level keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

/// The envelope's keys beside `type` and `payload`, as read: every one
/// required of a typed event, none of an unknown one.
pub(crate) struct Head {
    version: Option<String>,
    id: Option<String>,
    event_ts: Option<Timestamp>,
    other: Map<String, Value>,
}

json_object! {
    impl Head { version, id, event_ts, ..other }
}

/// An event type this version of the crate does not know, kept whole: it
/// never fails for a missing envelope key.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct UnknownEvent {
    /// The `type`, as sent.
    pub event_type: String,
    /// The payload format's version, when sent.
    pub version: Option<String>,
    /// The event's id, when sent.
    pub id: Option<String>,
    /// When Daily sent the webhook, when it says.
    pub event_ts: Option<Timestamp>,
    /// The payload, untouched (`null` when absent).
    pub payload: Value,
    /// Top-level keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

/// The body of Daily's verification request, `{"test":"test"}`.
const PING_KEY: &str = "test";

/// The longest body [`Event::is_ping`] reads, leaving room for spacing.
const MAX_PING_LEN: usize = 256;

/// Declares every event type with its payload, from which `EventType`,
/// `Event`, parsing and serialization are generated.
macro_rules! daily_events {
    ($($variant:ident = $wire:literal => $payload:ty,)*) => {
        open_enum! {
            /// The `type` of a Daily event.
            pub enum EventType {
                $($variant = $wire,)*
            }
        }

        /// A Daily webhook event, one variant per documented type.
        ///
        /// Every typed variant holds its envelope boxed, as in every
        /// provider's `Event`: the event stays the size of a pointer and a
        /// tag, rather than the size of its largest payload.
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum Event {
            $(
                #[doc = concat!("`", $wire, "`")]
                $variant(Box<Envelope<$payload>>),
            )*
            /// The verification request Daily sends when a webhook is
            /// created, `{"test":"test"}`: answer it with 200.
            Ping,
            /// A type this version of the crate does not know.
            Unknown(UnknownEvent),
        }

        impl Event {
            /// The event's type. The ping has none of its own (its body is
            /// `{"test":"test"}`): it reports `Unknown("test")`; match
            /// [`Event::Ping`] to recognise it.
            #[must_use]
            pub fn event_type(&self) -> EventType {
                match self {
                    $(Event::$variant(_) => EventType::$variant,)*
                    Event::Ping => EventType::Unknown(PING_KEY.to_owned()),
                    Event::Unknown(unknown) => EventType::Unknown(unknown.event_type.clone()),
                }
            }

            /// The envelope's own fields, whatever the payload; `None` for
            /// the ping.
            fn envelope(&self) -> Option<HeadRef<'_>> {
                match self {
                    $(Event::$variant(e) => Some(HeadRef {
                        version: Some(&e.version),
                        id: Some(&e.id),
                        event_ts: Some(&e.event_ts),
                        other: &e.other,
                    }),)*
                    Event::Ping => None,
                    Event::Unknown(u) => Some(HeadRef {
                        version: u.version.as_deref(),
                        id: u.id.as_deref(),
                        event_ts: u.event_ts.as_ref(),
                        other: &u.other,
                    }),
                }
            }

            fn head_into<E: de::Error>(&mut self, head: Head) -> Result<(), E> {
                match self {
                    $(Event::$variant(e) => e.set_head(head),)*
                    Event::Ping => Ok(()),
                    Event::Unknown(u) => {
                        (u.version, u.id, u.event_ts, u.other) =
                            (head.version, head.id, head.event_ts, head.other);
                        Ok(())
                    }
                }
            }

            /// The event of `event_type` in an envelope still to be filled in.
            fn from_payload_only<'de, D: Deserializer<'de>>(
                event_type: EventType,
                payload: D,
            ) -> Result<Event, D::Error> {
                match event_type {
                    $(EventType::$variant => <$payload>::deserialize(payload)
                        .map(|payload| Event::$variant(Box::new(Envelope::unfilled(payload)))),)*
                    EventType::Unknown(event_type) => Value::deserialize(payload).map(|payload| {
                        Event::Unknown(UnknownEvent {
                            event_type,
                            version: None,
                            id: None,
                            event_ts: None,
                            payload,
                            other: Map::new(),
                        })
                    }),
                }
            }

            fn serialize_payload<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
                match self {
                    $(Event::$variant(e) => map.serialize_entry("payload", &e.payload),)*
                    Event::Ping => Ok(()),
                    Event::Unknown(u) => map.serialize_entry("payload", &u.payload),
                }
            }
        }
    };
}

daily_events! {
    RecordingReadyToDownload = "recording.ready-to-download" => RecordingReadyToDownload,
    RecordingStarted = "recording.started" => RecordingStarted,
    RecordingError = "recording.error" => RecordingError,
    MeetingStarted = "meeting.started" => Meeting,
    MeetingEnded = "meeting.ended" => Meeting,
    ParticipantJoined = "participant.joined" => Participant,
    ParticipantLeft = "participant.left" => Participant,
    WaitingParticipantJoined = "waiting-participant.joined" => Participant,
    WaitingParticipantLeft = "waiting-participant.left" => Participant,
    TranscriptStarted = "transcript.started" => Transcript,
    TranscriptReadyToDownload = "transcript.ready-to-download" => Transcript,
    TranscriptError = "transcript.error" => Transcript,
    StreamingStarted = "streaming.started" => Streaming,
    StreamingUpdated = "streaming.updated" => Streaming,
    StreamingEnded = "streaming.ended" => Streaming,
    StreamingWarning = "streaming.warning" => Streaming,
    StreamingError = "streaming.error" => Streaming,
    BatchProcessorJobFinished = "batch-processor.job-finished" => BatchProcessorJob,
    BatchProcessorError = "batch-processor.error" => BatchProcessorJob,
    DialoutConnected = "dialout.connected" => Dial,
    DialoutAnswered = "dialout.answered" => Dial,
    DialoutStopped = "dialout.stopped" => Dial,
    DialoutWarning = "dialout.warning" => Dial,
    DialoutError = "dialout.error" => Dial,
    DialinReady = "dialin.ready" => Dial,
    DialinConnected = "dialin.connected" => Dial,
    DialinStopped = "dialin.stopped" => Dial,
    DialinWarning = "dialin.warning" => Dial,
    DialinError = "dialin.error" => Dial,
}

/// The envelope's own fields, borrowed.
struct HeadRef<'a> {
    version: Option<&'a str>,
    id: Option<&'a str>,
    event_ts: Option<&'a Timestamp>,
    other: &'a Map<String, Value>,
}

impl<P> Envelope<P> {
    /// The payload, its envelope's other keys still to be read (Daily sends
    /// `event_ts` after `payload`): the envelope reader sets them
    /// ([`Envelope::set_head`]) before the event is handed out. Allocates
    /// nothing.
    fn unfilled(payload: P) -> Envelope<P> {
        Envelope {
            version: String::new(),
            id: String::new(),
            event_ts: Timestamp::unix_epoch(),
            payload,
            other: Map::new(),
        }
    }

    /// The envelope's keys, each required of a typed event.
    fn set_head<E: de::Error>(&mut self, head: Head) -> Result<(), E> {
        self.version = head.version.ok_or_else(|| E::missing_field("version"))?;
        self.id = head.id.ok_or_else(|| E::missing_field("id"))?;
        self.event_ts = head.event_ts.ok_or_else(|| E::missing_field("event_ts"))?;
        self.other = head.other;
        Ok(())
    }
}

impl Event {
    /// Parses a webhook body, including Daily's verification request.
    ///
    /// # Errors
    ///
    /// [`ParseError::Json`] when the body is not JSON, lacks an envelope
    /// key (`version`, `type`, `id`, `payload`, `event_ts`), or a documented
    /// field is missing or of the wrong type; the error names the JSON path.
    /// An unknown type is not an error.
    pub fn from_slice(body: &[u8]) -> Result<Event, ParseError> {
        tagged::from_slice(body)
    }

    /// Whether `body` is Daily's verification request, `{"test":"test"}`
    /// (the one member, in any spacing), which [`Event::from_slice`] reads
    /// as [`Event::Ping`].
    ///
    /// Check it **before** verifying: Daily sends the ping when a webhook is
    /// created and refuses to create it unless the endpoint answers 200,
    /// but the `hmac` secret is generated at that same moment, so the
    /// receiver cannot know it yet. Answering the ping 200 unverified is
    /// safe: it carries no data, and every other body must still verify.
    ///
    /// ```
    /// use recording_webhooks::daily::Event;
    ///
    /// assert!(Event::is_ping(br#"{"test":"test"}"#));
    /// assert!(Event::is_ping(b"{ \"test\" : \"test\" }\n"));
    /// assert!(!Event::is_ping(br#"{"test":"test","type":"recording.started"}"#));
    /// assert!(!Event::is_ping(br#"{"type":"test"}"#));
    /// ```
    #[must_use]
    pub fn is_ping(body: &[u8]) -> bool {
        // The ping is 15 bytes; a large unverified body is not parsed.
        body.len() <= MAX_PING_LEN && matches!(Event::from_slice(body), Ok(Event::Ping))
    }

    /// The event's id (`None` for the verification request).
    #[must_use]
    pub fn id(&self) -> Option<&str> {
        self.envelope()?.id
    }

    /// The payload format's version (`None` for the verification request).
    #[must_use]
    pub fn version(&self) -> Option<&str> {
        self.envelope()?.version
    }

    /// When Daily sent the webhook (`event_ts`); `None` for the
    /// verification request. Every provider's event answers it alike.
    #[must_use]
    pub fn event_time(&self) -> Option<OffsetDateTime> {
        self.envelope()?.event_ts.map(Timestamp::get)
    }
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        match self.envelope() {
            None => map.serialize_entry(PING_KEY, PING_KEY)?,
            Some(head) => {
                if let Some(version) = head.version {
                    map.serialize_entry("version", version)?;
                }
                map.serialize_entry("type", self.event_type().as_str())?;
                if let Some(id) = head.id {
                    map.serialize_entry("id", id)?;
                }
                self.serialize_payload(&mut map)?;
                if let Some(event_ts) = head.event_ts {
                    map.serialize_entry("event_ts", event_ts)?;
                }
                for (key, value) in head.other {
                    map.serialize_entry(key, value)?;
                }
            }
        }
        map.end()
    }
}

impl Tagged for Event {
    type Tag = EventType;
    type Head = Head;
    const TAG: &'static str = "type";
    const PAYLOAD: &'static str = "payload";
    const EXPECTING: &'static str =
        "a Daily event: {\"version\", \"type\", \"id\", \"payload\", \"event_ts\"}";

    fn from_payload<'de, D: Deserializer<'de>>(
        event_type: EventType,
        payload: D,
    ) -> Result<Event, D::Error> {
        Event::from_payload_only(event_type, payload)
    }

    fn set_head<E: de::Error>(&mut self, head: Head) -> Result<(), E> {
        self.head_into(head)
    }

    /// The ping's own shape only: `{"test":"test"}`.
    fn untagged(head: &Head, keys: usize) -> Option<Event> {
        let ping = keys == 1 && head.other.get(PING_KEY).and_then(Value::as_str) == Some(PING_KEY);
        ping.then_some(Event::Ping)
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Event, D::Error> {
        tagged::deserialize(deserializer)
    }
}
