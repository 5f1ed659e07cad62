//! LiveKit webhooks: the `Authorization` JWT verified, every documented
//! event typed through protojson (egress recordings, rooms, participants,
//! tracks, ingresses, agent jobs).
//!
//! LiveKit signs each delivery with a JWT in `Authorization` (HS256 under
//! the secret of the API key it names, a `sha256` claim of the body), and
//! sends the body as protojson: 64-bit integers as strings, enums as names,
//! fields at their default value left out (so an egress's starting status
//! is never sent). [`Webhook::receive`] verifies, then parses:
//!
//! ```
//! use recording_webhooks::livekit::{EgressStatus, Event, Webhook};
//!
//! let webhook = Webhook::new("APIkey123", "secret-that-is-at-least-32-bytes-long!!")?;
//! let body = br#"{"event":"egress_ended","id":"EV_3kTqV9uYbHxX","createdAt":"1767225600","egressInfo":{"egressId":"EG_hP5bmxZ2Ab7c","roomId":"RM_Tq2qQ1xWq7Zx","status":"EGRESS_COMPLETE","startedAt":"1767225000123456789","endedAt":"1767225590987654321","roomName":"standup","fileResults":[{"filename":"standup-2026-01-01T000000.mp4","startedAt":"1767225000500000000","endedAt":"1767225590900000000","size":"48213379","location":"https://bucket.s3.amazonaws.com/standup-2026-01-01T000000.mp4","duration":"590400000000"}],"updatedAt":"1767225591000000000","details":"end reason: StopEgress API"}}"#;
//! # let now = time::OffsetDateTime::now_utc().unix_timestamp();
//! # let token = webhook.verifier().sign(body, now);
//! let headers = [("Authorization", token.as_str())];
//! let delivery = webhook.receive(&headers, body)?;
//! assert_eq!(delivery.id(), Some("EV_3kTqV9uYbHxX"));
//! let egress = delivery.event().egress().unwrap();
//! assert_eq!(egress.status(), EgressStatus::Complete);
//! assert!(egress.is_terminal());
//! for file in egress.files() {
//!     println!("{:?} {:?} {:?}", file.location, file.size_bytes(), file.duration());
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Every event name and enum is open (an unknown value is kept as sent, an
//! enum sent as its number too), every 64-bit integer a
//! [`NumberOrString`] written back as it came, and
//! every object keeps the keys it does not know: serializing an event gives
//! back the JSON that came in. Keys are read in the camelCase LiveKit's
//! server writes; a protobuf-style `snake_case` key is kept as an unknown
//! one.

mod egress;
mod models;
mod proto;
mod verify;
mod webhook;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};
use time::OffsetDateTime;

pub use egress::{
    EgressInfo, EgressRequestKind, EgressSourceType, EgressStatus, FileInfo, ImagesInfo,
    SegmentsInfo, StreamInfo, StreamInfoList, StreamStatus,
};
pub use models::{
    DisconnectReason, IngressInfo, IngressInput, IngressState, IngressStatus, Job, JobState,
    JobStatus, JobType, ParticipantInfo, ParticipantKind, ParticipantKindDetail, ParticipantState,
    Room, TrackInfo, TrackSource, TrackType,
};
pub use proto::ProtoEnum;
pub use verify::{AUTHORIZATION_HEADER, DEFAULT_LEEWAY, Verified, Verifier};
pub use webhook::{CONTENT_TYPES, Delivery, Webhook};

use crate::error::ParseError;
use crate::number_or_string::NumberOrString;
use crate::object::json_object;
use crate::open_enum::open_enum;

open_enum! {
    /// Why a room ended (`roomEndReason`); absent means unknown.
    pub enum RoomEndReason {
        /// Not said.
        NotSaid = "ROOM_END_UNKNOWN",
        /// Deleted through the API.
        ApiDelete = "ROOM_END_API_DELETE",
        /// Empty too long.
        IdleTimeout = "ROOM_END_IDLE_TIMEOUT",
        /// The server shut down.
        ServerShutdown = "ROOM_END_SERVER_SHUTDOWN",
        /// Replaced by another.
        Superseded = "ROOM_END_SUPERSEDED",
        /// It failed to open.
        OpenFailed = "ROOM_END_OPEN_FAILED",
    }
}

/// A LiveKit webhook body (`livekit.WebhookEvent`): the event's name, its
/// id and time, and the objects it is about. Which objects an event
/// carries depends on the event: `egressInfo` for `egress_*`, `room` and
/// `participant` for `participant_*`, and so on.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct WebhookEvent {
    /// The event's name.
    pub event: EventType,
    /// The event's id (`EV_...`), the same on every retry: de-duplicate by
    /// it.
    pub id: Option<String>,
    /// When the event was queued, in seconds ([`Event::event_time`]).
    pub created_at: Option<NumberOrString>,
    /// The room.
    pub room: Option<Room>,
    /// The participant.
    pub participant: Option<ParticipantInfo>,
    /// The track.
    pub track: Option<TrackInfo>,
    /// The egress.
    pub egress_info: Option<EgressInfo>,
    /// The ingress.
    pub ingress_info: Option<IngressInfo>,
    /// The agent job.
    pub job: Option<Job>,
    /// Deprecated: how many events were dropped before this one.
    pub num_dropped: Option<i64>,
    /// Why the room ended, on `room_finished` from newer servers.
    pub room_end_reason: Option<ProtoEnum<RoomEndReason>>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl WebhookEvent {
        event, id, "createdAt" => created_at, room, participant, track,
        "egressInfo" => egress_info, "ingressInfo" => ingress_info, job,
        "numDropped" => num_dropped, "roomEndReason" => room_end_reason,
        ..other
    }
}

/// Declares every event name, from which `EventType` and `Event` are
/// generated. Every event has the same body, a [`WebhookEvent`]: the table
/// names them, so that a handler matches on the event.
macro_rules! livekit_events {
    ($($variant:ident = $wire:literal,)*) => {
        open_enum! {
            /// The name of a LiveKit webhook event (`event`).
            pub enum EventType {
                $($variant = $wire,)*
            }
        }

        /// A LiveKit webhook event, one variant per documented name, each
        /// holding the whole body (boxed, as every provider's events are).
        ///
        /// ```
        /// use recording_webhooks::livekit::Event;
        ///
        /// let body = br#"{"event":"room_finished", "room":{"sid":"RM_TkVjUvAqgzKz", "name":"r\u00e9union", "emptyTimeout":300, "creationTime":"1767225000", "numParticipants":0}, "id":"EV_Zx81bLm2QpRt", "createdAt":"1767225600"}"#;
        /// match Event::from_slice(body)? {
        ///     Event::RoomFinished(finished) => {
        ///         let room = finished.room.as_ref().unwrap();
        ///         assert_eq!(room.name.as_deref(), Some("réunion"));
        ///         assert_eq!(room.created_at().unwrap().unix_timestamp(), 1767225000);
        ///     }
        ///     other => panic!("{}", other.event_type()),
        /// }
        /// # Ok::<(), recording_webhooks::ParseError>(())
        /// ```
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum Event {
            $(
                #[doc = concat!("`", $wire, "`")]
                $variant(Box<WebhookEvent>),
            )*
            /// An event name this version of the crate does not know, kept
            /// whole.
            Unknown(Box<WebhookEvent>),
        }

        impl Event {
            /// The whole body, whatever the event.
            #[must_use]
            pub fn body(&self) -> &WebhookEvent {
                match self {
                    $(Event::$variant(body) => body,)*
                    Event::Unknown(body) => body,
                }
            }

            /// The event its body names.
            fn from_body(body: WebhookEvent) -> Event {
                match &body.event {
                    $(EventType::$variant => Event::$variant(Box::new(body)),)*
                    EventType::Unknown(_) => Event::Unknown(Box::new(body)),
                }
            }
        }
    };
}

livekit_events! {
    RoomStarted = "room_started",
    RoomFinished = "room_finished",
    ParticipantJoined = "participant_joined",
    ParticipantLeft = "participant_left",
    ParticipantConnectionAborted = "participant_connection_aborted",
    TrackPublished = "track_published",
    TrackUnpublished = "track_unpublished",
    EgressStarted = "egress_started",
    EgressUpdated = "egress_updated",
    EgressEnded = "egress_ended",
    IngressStarted = "ingress_started",
    IngressEnded = "ingress_ended",
    AgentJobStarted = "agent_job_started",
    AgentJobEnded = "agent_job_ended",
}

impl Event {
    /// Parses a webhook body.
    ///
    /// # Errors
    ///
    /// [`ParseError::Json`] when the body is not JSON, has no `event`, or a
    /// typed field has a value of the wrong type; the error names the JSON
    /// path. An unknown event name is not an error.
    pub fn from_slice(body: &[u8]) -> Result<Event, ParseError> {
        serde_json::from_slice::<WebhookEvent>(body)
            .map(Event::from_body)
            .map_err(|err| ParseError::from_json(body, &err))
    }

    /// The event's name.
    #[must_use]
    pub fn event_type(&self) -> EventType {
        self.body().event.clone()
    }

    /// The event's id (`EV_...`), the same on every retry: de-duplicate by
    /// it.
    #[must_use]
    pub fn id(&self) -> Option<&str> {
        self.body().id.as_deref()
    }

    /// When the event was queued (`createdAt`, seconds). Every provider's
    /// event answers it alike.
    #[must_use]
    pub fn event_time(&self) -> Option<OffsetDateTime> {
        models::seconds_to_time(self.body().created_at.as_ref())
    }

    /// The egress of `egress_started`, `egress_updated` and `egress_ended`.
    #[must_use]
    pub fn egress(&self) -> Option<&EgressInfo> {
        self.body().egress_info.as_ref()
    }

    /// The room the event is about.
    #[must_use]
    pub fn room(&self) -> Option<&Room> {
        self.body().room.as_ref()
    }

    /// The participant of `participant_*` and `track_*` events.
    #[must_use]
    pub fn participant(&self) -> Option<&ParticipantInfo> {
        self.body().participant.as_ref()
    }

    /// The track of `track_published` and `track_unpublished`.
    #[must_use]
    pub fn track(&self) -> Option<&TrackInfo> {
        self.body().track.as_ref()
    }

    /// The ingress of `ingress_started` and `ingress_ended`.
    #[must_use]
    pub fn ingress(&self) -> Option<&IngressInfo> {
        self.body().ingress_info.as_ref()
    }

    /// The agent job of `agent_job_started` and `agent_job_ended`.
    #[must_use]
    pub fn job(&self) -> Option<&Job> {
        self.body().job.as_ref()
    }
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.body().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Event, D::Error> {
        WebhookEvent::deserialize(deserializer).map(Event::from_body)
    }
}
