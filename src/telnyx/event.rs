//! Telnyx's Call Control envelope, `{"data": {"event_type", "id",
//! "occurred_at", "payload", "record_type"}, "meta": {...}}`, and the table
//! of every event this crate types.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use time::OffsetDateTime;

use super::payload::{
    CallPayload, ClientState, RecordingError, RecordingSaved, RecordingUrls, TranscriptionSaved,
};
use crate::error::ParseError;
use crate::object::{Key, json_object};
use crate::open_enum::open_enum;
use crate::tagged::{self, Tagged};
use crate::timestamp::Timestamp;

/// A Telnyx event: its `data` (the event's id, time and payload) and the
/// delivery's `meta`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Envelope<P> {
    /// The event's id (`data.id`, a UUID), the same on every retry:
    /// de-duplicate by it.
    pub id: String,
    /// When the event occurred (RFC 3339, microseconds); absent from some
    /// conference events.
    pub occurred_at: Option<Timestamp>,
    /// `event`, on every Call Control event.
    pub record_type: Option<String>,
    /// What happened.
    pub payload: P,
    /// Keys of `data` this version of the crate does not know.
    pub other: Map<String, Value>,
    /// About this delivery (`meta`), when Telnyx sends it.
    pub meta: Option<Meta>,
    /// Keys beside `data` and `meta` this version of the crate does not
    /// know.
    pub top_level: Map<String, Value>,
}

/// About one delivery of an event (`meta`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Meta {
    /// Which attempt this is, from 1.
    pub attempt: Option<u64>,
    /// The URL this attempt was sent to (the failover URL after the
    /// primary failed).
    pub delivered_to: Option<String>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl Meta { attempt, delivered_to, ..other }
}

/// The keys of `data` beside `event_type` and `payload`, as read.
pub(crate) struct Head {
    id: Option<String>,
    occurred_at: Option<Timestamp>,
    record_type: Option<String>,
    other: Map<String, Value>,
}

json_object! {
    impl Head { id, occurred_at, record_type, ..other }
}

/// The call ids and `client_state` of a payload, whatever its type.
trait CallIds {
    fn call_control_id(&self) -> Option<&str>;
    fn call_session_id(&self) -> Option<&str>;
    fn client_state(&self) -> Option<&str>;
}

macro_rules! call_ids {
    ($($payload:ty),*) => {$(
        impl CallIds for $payload {
            fn call_control_id(&self) -> Option<&str> {
                self.call_control_id.as_deref()
            }
            fn call_session_id(&self) -> Option<&str> {
                self.call_session_id.as_deref()
            }
            fn client_state(&self) -> Option<&str> {
                self.client_state.as_deref()
            }
        }
    )*};
}

call_ids!(
    RecordingSaved,
    RecordingError,
    TranscriptionSaved,
    CallPayload
);

impl CallIds for Value {
    fn call_control_id(&self) -> Option<&str> {
        self.get("call_control_id")?.as_str()
    }
    fn call_session_id(&self) -> Option<&str> {
        self.get("call_session_id")?.as_str()
    }
    fn client_state(&self) -> Option<&str> {
        self.get("client_state")?.as_str()
    }
}

/// Declares every event type, from which `EventType` and `Event` are
/// generated: `Variant = "event_type" => Payload`.
macro_rules! telnyx_events {
    ($($variant:ident = $wire:literal => $payload:ty,)*) => {
        open_enum! {
            /// The type of a Telnyx event (`data.event_type`).
            pub enum EventType {
                $(
                    #[doc = concat!("`", $wire, "`")]
                    $variant = $wire,
                )*
            }
        }

        /// A Telnyx Call Control event, one variant per documented type,
        /// each with its typed payload (boxed, as every provider's events
        /// are).
        ///
        /// ```
        /// use recording_webhooks::telnyx::Event;
        ///
        /// let body = br#"{"data":{"event_type":"call.recording.error","id":"5b5c6a1e-3d0f-4a53-9a0e-0f6e2bd7c001","occurred_at":"2026-01-01T00:00:00.000000Z","payload":{"call_control_id":"v3:abc","reason":"Unsupported backend"},"record_type":"event"}}"#;
        /// match Event::from_slice(body)? {
        ///     Event::CallRecordingError(error) => {
        ///         println!("{:?} on {:?}", error.payload.reason, error.payload.call_control_id);
        ///     }
        ///     other => println!("{}", other.event_type()),
        /// }
        /// # Ok::<(), recording_webhooks::ParseError>(())
        /// ```
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum Event {
            $(
                #[doc = concat!("`", $wire, "`")]
                $variant(Box<Envelope<$payload>>),
            )*
            /// An event type this version of the crate does not know, kept
            /// whole.
            Unknown(Box<UnknownEvent>),
        }

        impl Event {
            /// The event's type.
            #[must_use]
            pub fn event_type(&self) -> EventType {
                match self {
                    $(Event::$variant(_) => EventType::$variant,)*
                    Event::Unknown(unknown) => EventType::from(unknown.event_type.as_str()),
                }
            }

            /// The envelope's own fields, whatever the payload.
            fn head(&self) -> HeadRef<'_> {
                match self {
                    $(Event::$variant(e) => HeadRef::of(e),)*
                    Event::Unknown(u) => HeadRef::of(&u.envelope),
                }
            }

            /// The payload's call ids.
            fn call_ids(&self) -> &dyn CallIds {
                match self {
                    $(Event::$variant(e) => &e.payload,)*
                    Event::Unknown(u) => &u.envelope.payload,
                }
            }

            fn head_mut(&mut self) -> HeadMut<'_> {
                match self {
                    $(Event::$variant(e) => HeadMut::of(e),)*
                    Event::Unknown(u) => HeadMut::of(&mut u.envelope),
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
                        Event::Unknown(Box::new(UnknownEvent {
                            event_type,
                            envelope: Envelope::unfilled(payload),
                        }))
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

telnyx_events! {
    CallRecordingSaved = "call.recording.saved" => RecordingSaved,
    CallRecordingError = "call.recording.error" => RecordingError,
    CallRecordingTranscriptionSaved = "call.recording.transcription.saved" => TranscriptionSaved,
    ConferenceRecordingSaved = "conference.recording.saved" => RecordingSaved,
    CallInitiated = "call.initiated" => CallPayload,
    CallAnswered = "call.answered" => CallPayload,
    CallBridged = "call.bridged" => CallPayload,
    CallHangup = "call.hangup" => CallPayload,
    CallTranscription = "call.transcription" => CallPayload,
    ConferenceCreated = "conference.created" => CallPayload,
    ConferenceEnded = "conference.ended" => CallPayload,
    ConferenceParticipantJoined = "conference.participant.joined" => CallPayload,
    ConferenceParticipantLeft = "conference.participant.left" => CallPayload,
    SiprecStarted = "siprec.started" => CallPayload,
    SiprecStopped = "siprec.stopped" => CallPayload,
    SiprecFailed = "siprec.failed" => CallPayload,
}

/// An event type this version of the crate does not know: its type as
/// sent, and its envelope with the payload as JSON.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct UnknownEvent {
    /// The type, as sent.
    pub event_type: String,
    /// The envelope, its payload as sent.
    pub envelope: Envelope<Value>,
}

/// The envelope's own fields, borrowed.
struct HeadRef<'a> {
    id: &'a str,
    occurred_at: Option<&'a Timestamp>,
    record_type: Option<&'a str>,
    other: &'a Map<String, Value>,
    meta: Option<&'a Meta>,
    top_level: &'a Map<String, Value>,
}

impl<'a> HeadRef<'a> {
    fn of<P>(envelope: &'a Envelope<P>) -> HeadRef<'a> {
        HeadRef {
            id: &envelope.id,
            occurred_at: envelope.occurred_at.as_ref(),
            record_type: envelope.record_type.as_deref(),
            other: &envelope.other,
            meta: envelope.meta.as_ref(),
            top_level: &envelope.top_level,
        }
    }
}

/// The envelope's own fields, to fill in once read.
struct HeadMut<'a> {
    id: &'a mut String,
    occurred_at: &'a mut Option<Timestamp>,
    record_type: &'a mut Option<String>,
    other: &'a mut Map<String, Value>,
    meta: &'a mut Option<Meta>,
    top_level: &'a mut Map<String, Value>,
}

impl<'a> HeadMut<'a> {
    fn of<P>(envelope: &'a mut Envelope<P>) -> HeadMut<'a> {
        HeadMut {
            id: &mut envelope.id,
            occurred_at: &mut envelope.occurred_at,
            record_type: &mut envelope.record_type,
            other: &mut envelope.other,
            meta: &mut envelope.meta,
            top_level: &mut envelope.top_level,
        }
    }
}

impl<P> Envelope<P> {
    /// The payload, the rest still to be read: the readers fill it in
    /// before the event is handed out. Allocates nothing.
    fn unfilled(payload: P) -> Envelope<P> {
        Envelope {
            id: String::new(),
            occurred_at: None,
            record_type: None,
            payload,
            other: Map::new(),
            meta: None,
            top_level: Map::new(),
        }
    }
}

impl Event {
    /// Parses a Call Control webhook body (`{"data": {...}, "meta": {...}}`).
    ///
    /// # Errors
    ///
    /// [`ParseError::Json`] when the body is not JSON, lacks `data`, its
    /// `event_type`, `id` or `payload`, or a documented field has a value
    /// of the wrong type; the error names the JSON path. An unknown event
    /// type is not an error.
    pub fn from_slice(body: &[u8]) -> Result<Event, ParseError> {
        serde_json::from_slice(body).map_err(|err| ParseError::from_json(body, &err))
    }

    /// The event's id (`data.id`), the same on every retry: Telnyx
    /// documents duplicate and out-of-order deliveries, so de-duplicate by
    /// it.
    #[must_use]
    pub fn id(&self) -> &str {
        self.head().id
    }

    /// When the event occurred (`data.occurred_at`). Every provider's
    /// event answers it alike.
    #[must_use]
    pub fn event_time(&self) -> Option<OffsetDateTime> {
        self.head().occurred_at.map(Timestamp::get)
    }

    /// About this delivery (`meta`: the attempt, the URL it went to).
    #[must_use]
    pub fn meta(&self) -> Option<&Meta> {
        self.head().meta
    }

    /// The call the event is about (`call_control_id`).
    #[must_use]
    pub fn call_control_id(&self) -> Option<&str> {
        self.call_ids().call_control_id()
    }

    /// The call session, shared by the legs of one call
    /// (`call_session_id`).
    #[must_use]
    pub fn call_session_id(&self) -> Option<&str> {
        self.call_ids().call_session_id()
    }

    /// The `client_state` the command that caused the event attached,
    /// unless absent, `null` or empty.
    #[must_use]
    pub fn client_state(&self) -> Option<ClientState<'_>> {
        ClientState::new(self.call_ids().client_state())
    }

    /// The saved recording of `call.recording.saved` and
    /// `conference.recording.saved`.
    #[must_use]
    pub fn recording_saved(&self) -> Option<&RecordingSaved> {
        match self {
            Event::CallRecordingSaved(e) | Event::ConferenceRecordingSaved(e) => Some(&e.payload),
            _ => None,
        }
    }

    /// The download links of a saved recording (valid ten minutes).
    #[must_use]
    pub fn recording_urls(&self) -> Option<&RecordingUrls> {
        self.recording_saved()?.recording_urls.as_ref()
    }
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let head = self.head();
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("data", &DataRef(self))?;
        if let Some(meta) = head.meta {
            map.serialize_entry("meta", meta)?;
        }
        for (key, value) in head.top_level {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// An event's `data`, for writing.
struct DataRef<'a>(&'a Event);

impl Serialize for DataRef<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let head = self.0.head();
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("event_type", self.0.event_type().as_str())?;
        map.serialize_entry("id", head.id)?;
        if let Some(occurred_at) = head.occurred_at {
            map.serialize_entry("occurred_at", occurred_at)?;
        }
        self.0.serialize_payload(&mut map)?;
        if let Some(record_type) = head.record_type {
            map.serialize_entry("record_type", record_type)?;
        }
        for (key, value) in head.other {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl Tagged for Event {
    type Tag = EventType;
    type Head = Head;
    const TAG: &'static str = "event_type";
    const PAYLOAD: &'static str = "payload";
    const EXPECTING: &'static str =
        "a Telnyx event's data: {\"event_type\", \"id\", \"occurred_at\", \"payload\"}";

    fn from_payload<'de, D: Deserializer<'de>>(
        event_type: EventType,
        payload: D,
    ) -> Result<Event, D::Error> {
        Event::from_payload_only(event_type, payload)
    }

    fn set_head<E: de::Error>(&mut self, head: Head) -> Result<(), E> {
        let slots = self.head_mut();
        *slots.id = head.id.ok_or_else(|| E::missing_field("id"))?;
        *slots.occurred_at = head.occurred_at;
        *slots.record_type = head.record_type;
        *slots.other = head.other;
        Ok(())
    }
}

/// Reads `data` as the tagged envelope it is.
struct DataSeed;

impl<'de> DeserializeSeed<'de> for DataSeed {
    type Value = Event;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Event, D::Error> {
        tagged::deserialize(deserializer)
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Event, D::Error> {
        struct BodyVisitor;

        impl<'de> Visitor<'de> for BodyVisitor {
            type Value = Event;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a Telnyx event: {\"data\": {...}, \"meta\": {...}}")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Event, A::Error> {
                let (mut event, mut meta, mut meta_seen) = (None, None, false);
                let mut top_level = Map::new();
                while let Some(key) = map.next_key::<Key<'de>>()? {
                    match &*key {
                        "data" if event.is_some() => {
                            return Err(de::Error::duplicate_field("data"));
                        }
                        "data" => event = Some(map.next_value_seed(DataSeed)?),
                        "meta" if meta_seen => return Err(de::Error::duplicate_field("meta")),
                        "meta" => {
                            meta_seen = true;
                            meta = map.next_value::<Option<Meta>>()?;
                        }
                        _ => {
                            let value = map.next_value()?;
                            if top_level.insert(key.into_owned(), value).is_some() {
                                return Err(de::Error::custom(
                                    "duplicate field among the unknown keys",
                                ));
                            }
                        }
                    }
                }
                let mut event: Event = event.ok_or_else(|| de::Error::missing_field("data"))?;
                let slots = event.head_mut();
                *slots.meta = meta;
                *slots.top_level = top_level;
                Ok(event)
            }
        }

        deserializer.deserialize_map(BodyVisitor)
    }
}
