//! Recall.ai webhooks: every documented event as a typed value.
//!
//! Recall.ai signs its requests with Svix / Standard Webhooks: verify them
//! with [`Verifier`] (the [`crate::svix`] verifier), then parse the body
//! with [`Event::from_slice`].
//!
//! ```
//! use recording_webhooks::recall::{CallEndedSubCode, Event, EventType};
//!
//! let body = br#"{"event":"bot.call_ended","data":{"data":{"code":"call_ended",
//!   "sub_code":"call_ended_by_host","updated_at":"2023-04-28T08:51:37.741790Z"},
//!   "bot":{"id":"92e24581-f82b-401a-8f75-88e64b04c24e","metadata":{"customer":"acme"}}}}"#;
//! let event = Event::from_slice(body)?;
//! assert_eq!(event.event_type(), EventType::BotCallEnded);
//! assert_eq!(event.bot_id(), Some("92e24581-f82b-401a-8f75-88e64b04c24e"));
//! if let Event::BotCallEnded(ended) = &event {
//!     assert_eq!(ended.data.sub_code, Some(CallEndedSubCode::CallEndedByHost));
//! }
//! # Ok::<(), recording_webhooks::ParseError>(())
//! ```
//!
//! Every event name, code and sub code is an open enum: a value this
//! version does not know parses as `Unknown` and serializes back unchanged,
//! and an unknown event name parses as [`Event::Unknown`] with its raw
//! `data`. Unknown keys are ignored everywhere.

mod codes;
mod legacy;
mod media;
mod realtime;
mod status;
mod webhook;

use serde::de::Deserializer;
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use crate::svix::{
    DEFAULT_TOLERANCE, ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, Verified, Verifier,
};
pub use codes::{
    BotStatusCode, CallEndedSubCode, FatalSubCode, LegacyBotStatusCode, Platform,
    RealtimeEndpointStatusCode, RecordingPermissionDeniedSubCode, RecordingStatusCode,
    SdkUploadStatusCode, SlackTeamStatusCode, SubCode, TranscriptFailedSubCode,
};
pub use legacy::{BotLog, BotStatusChange, LegacyStatus, LogEntry};
pub use media::{MediaObjectEvent, MediaObjectKey};
pub use realtime::{
    ChatMessage, ChatTo, MediaChunk, Participant, ParticipantAction, ParticipantData,
    ParticipantEvent, RawMediaEvent, RelativeTimestamp, TranscriptEvent, Utterance, VideoType,
    Word,
};
pub use status::{
    BotEvent, CalendarSyncEvents, CalendarUpdate, RealtimeEndpointEvent, RecordingEvent, Resource,
    SdkUploadEvent, SlackTeamEvent, Status, StatusError,
};
pub use webhook::{Delivery, Webhook};

use crate::error::ParseError;
use crate::open_enum::open_enum;
use crate::tagged::{self, NoHead, Tagged};
use crate::timestamp::Timestamp;

/// An event whose name this version of the crate does not know.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct UnknownEvent {
    /// The event name (`event`), as sent.
    pub event_type: String,
    /// The event's `data`, untouched.
    pub data: Value,
}

/// What handlers ask of any payload, answered without matching every
/// variant. Every payload type answers each question itself (no default),
/// so a new event's payload cannot silently answer `None`.
trait Payload {
    fn status(&self) -> Option<StatusView<'_>>;
    fn bot(&self) -> Option<&Resource>;
    fn recording(&self) -> Option<&Resource>;
    fn bot_id(&self) -> Option<&str> {
        self.bot().map(|bot| bot.id.as_str())
    }
    fn recording_id(&self) -> Option<&str> {
        self.recording().map(|recording| recording.id.as_str())
    }
}

/// The parts of a status envelope common to every code and sub code type.
struct StatusView<'a> {
    code: &'a str,
    sub_code: Option<&'a str>,
    updated_at: &'a Timestamp,
}

impl<C: AsRef<str>, S: SubCode> Status<C, S> {
    fn view(&self) -> StatusView<'_> {
        StatusView {
            code: self.code.as_ref(),
            sub_code: self.sub_code.as_ref().map(SubCode::as_str),
            updated_at: &self.updated_at,
        }
    }
}

impl<S: SubCode> Payload for BotEvent<S> {
    fn status(&self) -> Option<StatusView<'_>> {
        Some(self.data.view())
    }
    fn bot(&self) -> Option<&Resource> {
        Some(&self.bot)
    }
    fn recording(&self) -> Option<&Resource> {
        None
    }
}

impl<S: SubCode> Payload for MediaObjectEvent<S> {
    fn status(&self) -> Option<StatusView<'_>> {
        Some(self.data.view())
    }
    fn bot(&self) -> Option<&Resource> {
        self.bot.as_ref()
    }
    fn recording(&self) -> Option<&Resource> {
        self.recording.as_ref()
    }
}

impl Payload for RecordingEvent {
    fn status(&self) -> Option<StatusView<'_>> {
        Some(self.data.view())
    }
    fn bot(&self) -> Option<&Resource> {
        self.bot.as_ref()
    }
    fn recording(&self) -> Option<&Resource> {
        Some(&self.recording)
    }
}

impl Payload for RealtimeEndpointEvent {
    fn status(&self) -> Option<StatusView<'_>> {
        Some(self.data.view())
    }
    fn bot(&self) -> Option<&Resource> {
        self.bot.as_ref()
    }
    fn recording(&self) -> Option<&Resource> {
        self.recording.as_ref()
    }
}

impl Payload for SdkUploadEvent {
    fn status(&self) -> Option<StatusView<'_>> {
        Some(self.data.view())
    }
    fn bot(&self) -> Option<&Resource> {
        None
    }
    fn recording(&self) -> Option<&Resource> {
        self.recording.as_ref()
    }
}

impl Payload for SlackTeamEvent {
    fn status(&self) -> Option<StatusView<'_>> {
        Some(self.data.view())
    }
    fn bot(&self) -> Option<&Resource> {
        None
    }
    fn recording(&self) -> Option<&Resource> {
        None
    }
}

impl Payload for ParticipantEvent {
    fn status(&self) -> Option<StatusView<'_>> {
        None
    }
    fn bot(&self) -> Option<&Resource> {
        self.bot.as_ref()
    }
    fn recording(&self) -> Option<&Resource> {
        self.recording.as_ref()
    }
}

impl Payload for TranscriptEvent {
    fn status(&self) -> Option<StatusView<'_>> {
        None
    }
    fn bot(&self) -> Option<&Resource> {
        self.bot.as_ref()
    }
    fn recording(&self) -> Option<&Resource> {
        self.recording.as_ref()
    }
}

impl Payload for RawMediaEvent {
    fn status(&self) -> Option<StatusView<'_>> {
        None
    }
    fn bot(&self) -> Option<&Resource> {
        self.bot.as_ref()
    }
    fn recording(&self) -> Option<&Resource> {
        self.recording.as_ref()
    }
}

/// The real-time payloads, boxed in [`Event`].
impl<P: Payload> Payload for Box<P> {
    fn status(&self) -> Option<StatusView<'_>> {
        (**self).status()
    }
    fn bot(&self) -> Option<&Resource> {
        (**self).bot()
    }
    fn recording(&self) -> Option<&Resource> {
        (**self).recording()
    }
    fn bot_id(&self) -> Option<&str> {
        (**self).bot_id()
    }
    fn recording_id(&self) -> Option<&str> {
        (**self).recording_id()
    }
}

/// Implements [`Payload`] for payloads about no bot and no recording, and
/// with no status: calendars, and the raw JSON of unknown or undocumented
/// payloads.
macro_rules! about_nothing {
    ($($payload:ty),*) => {$(
        impl Payload for $payload {
            fn status(&self) -> Option<StatusView<'_>> {
                None
            }
            fn bot(&self) -> Option<&Resource> {
                None
            }
            fn recording(&self) -> Option<&Resource> {
                None
            }
        }
    )*};
}

about_nothing!(CalendarUpdate, CalendarSyncEvents, Value, UnknownEvent);

/// The legacy payloads name their bot by id only.
impl Payload for BotStatusChange {
    fn status(&self) -> Option<StatusView<'_>> {
        None
    }
    fn bot(&self) -> Option<&Resource> {
        None
    }
    fn recording(&self) -> Option<&Resource> {
        None
    }
    fn bot_id(&self) -> Option<&str> {
        Some(&self.bot_id)
    }
    fn recording_id(&self) -> Option<&str> {
        self.status.recording_id.as_deref()
    }
}

impl Payload for BotLog {
    fn status(&self) -> Option<StatusView<'_>> {
        None
    }
    fn bot(&self) -> Option<&Resource> {
        None
    }
    fn recording(&self) -> Option<&Resource> {
        None
    }
    fn bot_id(&self) -> Option<&str> {
        self.bot_id.as_deref()
    }
}

/// Declares every event: its `EventType` variant, wire name and payload
/// type, from which the enums, parsing and serialization are generated.
macro_rules! recall_events {
    ($(
        $(#[$doc:meta])*
        $variant:ident = $wire:literal => $payload:ty,
    )*) => {
        open_enum! {
            /// The name of a Recall.ai event (`event` in the body).
            pub enum EventType {
                $($variant = $wire,)*
            }
        }

        /// A Recall.ai webhook event, one variant per documented event name.
        ///
        /// Parse one with [`Event::from_slice`]; serializing it gives back
        /// the JSON that came in (`null` versus an absent key aside).
        ///
        /// Every typed payload is boxed, as in every provider's `Event`:
        /// the event stays the size of a pointer and a tag, rather than the
        /// size of its largest payload, copied at each step from the parser
        /// to a handler.
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum Event {
            $(
                #[doc = concat!("`", $wire, "`")]
                $(#[$doc])*
                $variant($payload),
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
                    Event::Unknown(unknown) => EventType::from(unknown.event_type.as_str()),
                }
            }

            fn payload(&self) -> &dyn Payload {
                match self {
                    $(Event::$variant(payload) => payload,)*
                    Event::Unknown(unknown) => unknown,
                }
            }

            /// Reads `data` as the payload of event `name`.
            fn from_data<'de, D: Deserializer<'de>>(name: EventType, data: D) -> Result<Event, D::Error> {
                match name {
                    $(EventType::$variant => <$payload>::deserialize(data).map(Event::$variant),)*
                    EventType::Unknown(event) => Value::deserialize(data)
                        .map(|data| Event::Unknown(UnknownEvent { event_type: event, data })),
                }
            }

            fn serialize_data<S: SerializeStruct>(&self, out: &mut S) -> Result<(), S::Error> {
                match self {
                    $(Event::$variant(payload) => out.serialize_field("data", payload),)*
                    Event::Unknown(unknown) => out.serialize_field("data", &unknown.data),
                }
            }
        }
    };
}

recall_events! {
    BotJoiningCall = "bot.joining_call" => Box<BotEvent>,
    BotInWaitingRoom = "bot.in_waiting_room" => Box<BotEvent>,
    BotInCallNotRecording = "bot.in_call_not_recording" => Box<BotEvent>,
    BotRecordingPermissionAllowed = "bot.recording_permission_allowed" => Box<BotEvent>,
    BotRecordingPermissionDenied = "bot.recording_permission_denied" => Box<BotEvent<RecordingPermissionDeniedSubCode>>,
    BotInCallRecording = "bot.in_call_recording" => Box<BotEvent>,
    BotCallEnded = "bot.call_ended" => Box<BotEvent<CallEndedSubCode>>,
    BotDone = "bot.done" => Box<BotEvent>,
    BotFatal = "bot.fatal" => Box<BotEvent<FatalSubCode>>,
    BotBreakoutRoomOpened = "bot.breakout_room_opened" => Box<BotEvent>,
    BotBreakoutRoomEntered = "bot.breakout_room_entered" => Box<BotEvent>,
    BotBreakoutRoomLeft = "bot.breakout_room_left" => Box<BotEvent>,
    BotBreakoutRoomClosed = "bot.breakout_room_closed" => Box<BotEvent>,

    RecordingProcessing = "recording.processing" => Box<RecordingEvent>,
    RecordingPaused = "recording.paused" => Box<RecordingEvent>,
    RecordingDone = "recording.done" => Box<RecordingEvent>,
    RecordingFailed = "recording.failed" => Box<RecordingEvent>,
    RecordingDeleted = "recording.deleted" => Box<RecordingEvent>,

    TranscriptProcessing = "transcript.processing" => Box<MediaObjectEvent>,
    TranscriptDone = "transcript.done" => Box<MediaObjectEvent>,
    TranscriptFailed = "transcript.failed" => Box<MediaObjectEvent<TranscriptFailedSubCode>>,
    TranscriptDeleted = "transcript.deleted" => Box<MediaObjectEvent>,
    ParticipantEventsProcessing = "participant_events.processing" => Box<MediaObjectEvent>,
    ParticipantEventsDone = "participant_events.done" => Box<MediaObjectEvent>,
    ParticipantEventsFailed = "participant_events.failed" => Box<MediaObjectEvent>,
    ParticipantEventsDeleted = "participant_events.deleted" => Box<MediaObjectEvent>,
    VideoMixedProcessing = "video_mixed.processing" => Box<MediaObjectEvent>,
    VideoMixedDone = "video_mixed.done" => Box<MediaObjectEvent>,
    VideoMixedFailed = "video_mixed.failed" => Box<MediaObjectEvent>,
    VideoMixedDeleted = "video_mixed.deleted" => Box<MediaObjectEvent>,
    VideoSeparateProcessing = "video_separate.processing" => Box<MediaObjectEvent>,
    VideoSeparateDone = "video_separate.done" => Box<MediaObjectEvent>,
    VideoSeparateFailed = "video_separate.failed" => Box<MediaObjectEvent>,
    VideoSeparateDeleted = "video_separate.deleted" => Box<MediaObjectEvent>,
    AudioMixedProcessing = "audio_mixed.processing" => Box<MediaObjectEvent>,
    AudioMixedDone = "audio_mixed.done" => Box<MediaObjectEvent>,
    AudioMixedFailed = "audio_mixed.failed" => Box<MediaObjectEvent>,
    AudioMixedDeleted = "audio_mixed.deleted" => Box<MediaObjectEvent>,
    AudioSeparateProcessing = "audio_separate.processing" => Box<MediaObjectEvent>,
    AudioSeparateDone = "audio_separate.done" => Box<MediaObjectEvent>,
    AudioSeparateFailed = "audio_separate.failed" => Box<MediaObjectEvent>,
    AudioSeparateDeleted = "audio_separate.deleted" => Box<MediaObjectEvent>,
    MeetingMetadataProcessing = "meeting_metadata.processing" => Box<MediaObjectEvent>,
    MeetingMetadataDone = "meeting_metadata.done" => Box<MediaObjectEvent>,
    MeetingMetadataFailed = "meeting_metadata.failed" => Box<MediaObjectEvent>,
    MeetingMetadataDeleted = "meeting_metadata.deleted" => Box<MediaObjectEvent>,

    RealtimeEndpointRunning = "realtime_endpoint.running" => Box<RealtimeEndpointEvent>,
    RealtimeEndpointDone = "realtime_endpoint.done" => Box<RealtimeEndpointEvent>,
    RealtimeEndpointFailed = "realtime_endpoint.failed" => Box<RealtimeEndpointEvent>,

    SdkUploadUploading = "sdk_upload.uploading" => Box<SdkUploadEvent>,
    SdkUploadComplete = "sdk_upload.complete" => Box<SdkUploadEvent>,
    SdkUploadFailed = "sdk_upload.failed" => Box<SdkUploadEvent>,
    SdkUploadRecordingStarted = "sdk_upload.recording_started" => Box<SdkUploadEvent>,
    SdkUploadRecordingEnded = "sdk_upload.recording_ended" => Box<SdkUploadEvent>,

    SlackTeamInvited = "slack_team.invited" => Box<SlackTeamEvent>,
    SlackTeamActive = "slack_team.active" => Box<SlackTeamEvent>,
    SlackTeamAccessRevoked = "slack_team.access_revoked" => Box<SlackTeamEvent>,

    CalendarUpdate = "calendar.update" => Box<CalendarUpdate>,
    CalendarSyncEvents = "calendar.sync_events" => Box<CalendarSyncEvents>,

    /// Legacy (API v1.10).
    BotStatusChange = "bot.status_change" => Box<BotStatusChange>,
    /// Legacy (API v1.10).
    BotLog = "bot.log" => Box<BotLog>,
    /// Legacy (API v1.10).
    BotOutputLog = "bot.output_log" => Box<BotLog>,

    ParticipantEventsJoin = "participant_events.join" => Box<ParticipantEvent>,
    ParticipantEventsLeave = "participant_events.leave" => Box<ParticipantEvent>,
    ParticipantEventsUpdate = "participant_events.update" => Box<ParticipantEvent>,
    ParticipantEventsSpeechOn = "participant_events.speech_on" => Box<ParticipantEvent>,
    ParticipantEventsSpeechOff = "participant_events.speech_off" => Box<ParticipantEvent>,
    ParticipantEventsWebcamOn = "participant_events.webcam_on" => Box<ParticipantEvent>,
    ParticipantEventsWebcamOff = "participant_events.webcam_off" => Box<ParticipantEvent>,
    ParticipantEventsScreenshareOn = "participant_events.screenshare_on" => Box<ParticipantEvent>,
    ParticipantEventsScreenshareOff = "participant_events.screenshare_off" => Box<ParticipantEvent>,
    ParticipantEventsChatMessage = "participant_events.chat_message" => Box<ParticipantEvent>,
    TranscriptData = "transcript.data" => Box<TranscriptEvent>,
    TranscriptPartialData = "transcript.partial_data" => Box<TranscriptEvent>,
    /// The transcription provider's own payload, which Recall does not
    /// document: kept as raw JSON.
    TranscriptProviderData = "transcript.provider_data" => Box<Value>,
    AudioMixedRawData = "audio_mixed_raw.data" => Box<RawMediaEvent>,
    AudioSeparateRawData = "audio_separate_raw.data" => Box<RawMediaEvent>,
    VideoSeparatePngData = "video_separate_png.data" => Box<RawMediaEvent>,
    VideoSeparateH264Data = "video_separate_h264.data" => Box<RawMediaEvent>,
}

impl Event {
    /// Parses a webhook body.
    ///
    /// # Errors
    ///
    /// [`ParseError::Json`] when the body is not JSON, lacks `event` or
    /// `data`, or a documented field is missing or of the wrong type; the
    /// error names the JSON path. An unknown event name is not an error.
    pub fn from_slice(body: &[u8]) -> Result<Event, ParseError> {
        tagged::from_slice(body)
    }

    /// The status code (`data.data.code`) of a status event.
    #[must_use]
    pub fn code(&self) -> Option<&str> {
        self.payload().status().map(|status| status.code)
    }

    /// The sub code of a status event, when it has one.
    #[must_use]
    pub fn sub_code(&self) -> Option<&str> {
        self.payload().status().and_then(|status| status.sub_code)
    }

    /// When the status changed, for status events: order events by it.
    #[must_use]
    pub fn updated_at(&self) -> Option<&Timestamp> {
        self.payload().status().map(|status| status.updated_at)
    }

    /// The bot the event is about, when the payload names it.
    #[must_use]
    pub fn bot(&self) -> Option<&Resource> {
        self.payload().bot()
    }

    /// The recording the event is about, when the payload names it.
    #[must_use]
    pub fn recording(&self) -> Option<&Resource> {
        self.payload().recording()
    }

    /// The bot's id, from the bot object or a legacy `bot_id`.
    #[must_use]
    pub fn bot_id(&self) -> Option<&str> {
        self.payload().bot_id()
    }

    /// The recording's id, from the recording object or a legacy status.
    #[must_use]
    pub fn recording_id(&self) -> Option<&str> {
        self.payload().recording_id()
    }
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Event", 2)?;
        out.serialize_field("event", self.event_type().as_str())?;
        self.serialize_data(&mut out)?;
        out.end()
    }
}

impl Tagged for Event {
    type Tag = EventType;
    // Nothing beside `event` and `data`.
    type Head = NoHead;
    const TAG: &'static str = "event";
    const PAYLOAD: &'static str = "data";
    const EXPECTING: &'static str = "a Recall.ai event: {\"event\": ..., \"data\": {...}}";

    fn from_payload<'de, D: Deserializer<'de>>(
        name: EventType,
        data: D,
    ) -> Result<Event, D::Error> {
        Event::from_data(name, data)
    }

    fn set_head(&mut self, _head: NoHead) {}
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Event, D::Error> {
        tagged::deserialize(deserializer)
    }
}
