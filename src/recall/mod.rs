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
//! `data`. Every object keeps the keys it does not know in `other`.
//!
//! # How Recall.ai authenticates its requests
//!
//! - **Signed** (a workspace verification secret exists): every request
//!   carries `webhook-id`, `webhook-timestamp` and `webhook-signature`:
//!   dashboard webhooks, real-time webhooks, and the requests without a
//!   body (`GET` callbacks asking for a ZAK or OAuth token, websocket
//!   upgrades). [`Webhook::receive`] verifies and parses the first two,
//!   [`Webhook::verify_request`] verifies the others over their empty body
//!   (a [`SignedRequest`]; with feature `axum` or `actix-web`, an
//!   extractor).
//! - **Legacy workspaces** (created before December 2025): dashboard
//!   webhooks carry `svix-*` headers, signed with each endpoint's own
//!   `whsec_` secret; [`Webhook`] reads both spellings.
//! - **Unsigned**: before a workspace secret exists, Recall sends real-time
//!   webhooks, websockets and callbacks with no signature headers at all,
//!   and [`Webhook::receive`] answers them 401
//!   ([`VerifyError::MissingHeader`](crate::VerifyError::MissingHeader)).
//!   Create the workspace secret in Recall's dashboard, or put a token in
//!   the endpoint's URL.
//! - **A token in the URL** (`https://example.com/recall?token=...`), the
//!   other method Recall's pages give, and the only one for the Desktop
//!   SDK's real-time endpoints: [`QueryToken`] checks it in constant time,
//!   [`TokenWebhook`] checks it and parses the event (a [`TokenDelivery`],
//!   also an extractor).

mod codes;
mod legacy;
mod media;
mod realtime;
mod status;
mod token;
mod webhook;

use serde::de::{self, Deserializer};
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
pub use legacy::{BotLog, BotStatusChange, CallEvent, LegacyStatus, LogEntry};
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
pub use token::{QueryToken, SignedRequest, TOKEN_PARAMETER, TokenDelivery, TokenWebhook};
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
/// variant: every payload type fills an [`About`], each of its fields
/// named (no default), so a new event's payload cannot silently answer
/// `None`.
trait Payload {
    fn about(&self) -> About<'_>;
}

/// A payload's answers: its status, and the bot and recording it is about.
struct About<'a> {
    status: Option<StatusView<'a>>,
    bot: Option<&'a Resource>,
    recording: Option<&'a Resource>,
    /// The ids, from the objects or, in legacy payloads, given alone.
    bot_id: Option<&'a str>,
    recording_id: Option<&'a str>,
}

impl<'a> About<'a> {
    /// The answers of a payload that names its bot and recording by
    /// object.
    fn new(
        status: Option<StatusView<'a>>,
        bot: Option<&'a Resource>,
        recording: Option<&'a Resource>,
    ) -> About<'a> {
        About {
            status,
            bot,
            recording,
            bot_id: bot.map(|bot| bot.id.as_str()),
            recording_id: recording.map(|recording| recording.id.as_str()),
        }
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
    fn about(&self) -> About<'_> {
        About::new(Some(self.data.view()), Some(&self.bot), None)
    }
}

impl<S: SubCode> Payload for MediaObjectEvent<S> {
    fn about(&self) -> About<'_> {
        let (bot, recording) = (self.bot.as_ref(), self.recording.as_ref());
        About::new(Some(self.data.view()), bot, recording)
    }
}

impl Payload for RecordingEvent {
    fn about(&self) -> About<'_> {
        About::new(
            Some(self.data.view()),
            self.bot.as_ref(),
            Some(&self.recording),
        )
    }
}

impl Payload for RealtimeEndpointEvent {
    fn about(&self) -> About<'_> {
        let (bot, recording) = (self.bot.as_ref(), self.recording.as_ref());
        About::new(Some(self.data.view()), bot, recording)
    }
}

impl Payload for SdkUploadEvent {
    fn about(&self) -> About<'_> {
        About::new(Some(self.data.view()), None, self.recording.as_ref())
    }
}

impl Payload for SlackTeamEvent {
    fn about(&self) -> About<'_> {
        About::new(Some(self.data.view()), None, None)
    }
}

impl Payload for ParticipantEvent {
    fn about(&self) -> About<'_> {
        About::new(None, self.bot.as_ref(), self.recording.as_ref())
    }
}

impl Payload for TranscriptEvent {
    fn about(&self) -> About<'_> {
        About::new(None, self.bot.as_ref(), self.recording.as_ref())
    }
}

impl Payload for RawMediaEvent {
    fn about(&self) -> About<'_> {
        About::new(None, self.bot.as_ref(), self.recording.as_ref())
    }
}

/// Calendars: about no bot and no recording.
impl Payload for CalendarUpdate {
    fn about(&self) -> About<'_> {
        About::new(None, None, None)
    }
}

/// An unknown event: its raw data is not guessed at.
impl Payload for UnknownEvent {
    fn about(&self) -> About<'_> {
        self.data.about()
    }
}

impl Payload for CalendarSyncEvents {
    fn about(&self) -> About<'_> {
        About::new(None, None, None)
    }
}

/// The legacy payloads name their bot (and recording) by id only.
impl Payload for BotStatusChange {
    fn about(&self) -> About<'_> {
        About {
            bot_id: Some(&self.bot_id),
            recording_id: self.status.recording_id.as_deref(),
            ..About::new(None, None, None)
        }
    }
}

impl Payload for CallEvent {
    fn about(&self) -> About<'_> {
        About {
            bot_id: Some(&self.bot_id),
            ..About::new(None, None, None)
        }
    }
}

impl Payload for BotLog {
    fn about(&self) -> About<'_> {
        About {
            bot_id: self.bot_id.as_deref(),
            ..About::new(None, None, None)
        }
    }
}

/// The raw JSON of an undocumented payload (`transcript.provider_data`)
/// or of an unknown event: read as nothing, rather than guessed at.
impl Payload for Value {
    fn about(&self) -> About<'_> {
        About::new(None, None, None)
    }
}

/// The payloads boxed in [`Event`].
impl<P: Payload> Payload for Box<P> {
    fn about(&self) -> About<'_> {
        (**self).about()
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
                $variant(Box<$payload>),
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
                    $(EventType::$variant => <$payload>::deserialize(data)
                        .map(|payload| Event::$variant(Box::new(payload))),)*
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
    BotJoiningCall = "bot.joining_call" => BotEvent,
    BotInWaitingRoom = "bot.in_waiting_room" => BotEvent,
    BotInCallNotRecording = "bot.in_call_not_recording" => BotEvent,
    BotRecordingPermissionAllowed = "bot.recording_permission_allowed" => BotEvent,
    BotRecordingPermissionDenied = "bot.recording_permission_denied" => BotEvent<RecordingPermissionDeniedSubCode>,
    BotInCallRecording = "bot.in_call_recording" => BotEvent,
    BotCallEnded = "bot.call_ended" => BotEvent<CallEndedSubCode>,
    BotDone = "bot.done" => BotEvent,
    BotFatal = "bot.fatal" => BotEvent<FatalSubCode>,
    BotBreakoutRoomOpened = "bot.breakout_room_opened" => BotEvent,
    BotBreakoutRoomEntered = "bot.breakout_room_entered" => BotEvent,
    BotBreakoutRoomLeft = "bot.breakout_room_left" => BotEvent,
    BotBreakoutRoomClosed = "bot.breakout_room_closed" => BotEvent,

    RecordingProcessing = "recording.processing" => RecordingEvent,
    RecordingPaused = "recording.paused" => RecordingEvent,
    RecordingDone = "recording.done" => RecordingEvent,
    RecordingFailed = "recording.failed" => RecordingEvent,
    RecordingDeleted = "recording.deleted" => RecordingEvent,

    TranscriptProcessing = "transcript.processing" => MediaObjectEvent,
    TranscriptDone = "transcript.done" => MediaObjectEvent,
    TranscriptFailed = "transcript.failed" => MediaObjectEvent<TranscriptFailedSubCode>,
    TranscriptDeleted = "transcript.deleted" => MediaObjectEvent,
    ParticipantEventsProcessing = "participant_events.processing" => MediaObjectEvent,
    ParticipantEventsDone = "participant_events.done" => MediaObjectEvent,
    ParticipantEventsFailed = "participant_events.failed" => MediaObjectEvent,
    ParticipantEventsDeleted = "participant_events.deleted" => MediaObjectEvent,
    VideoMixedProcessing = "video_mixed.processing" => MediaObjectEvent,
    VideoMixedDone = "video_mixed.done" => MediaObjectEvent,
    VideoMixedFailed = "video_mixed.failed" => MediaObjectEvent,
    VideoMixedDeleted = "video_mixed.deleted" => MediaObjectEvent,
    VideoSeparateProcessing = "video_separate.processing" => MediaObjectEvent,
    VideoSeparateDone = "video_separate.done" => MediaObjectEvent,
    VideoSeparateFailed = "video_separate.failed" => MediaObjectEvent,
    VideoSeparateDeleted = "video_separate.deleted" => MediaObjectEvent,
    AudioMixedProcessing = "audio_mixed.processing" => MediaObjectEvent,
    AudioMixedDone = "audio_mixed.done" => MediaObjectEvent,
    AudioMixedFailed = "audio_mixed.failed" => MediaObjectEvent,
    AudioMixedDeleted = "audio_mixed.deleted" => MediaObjectEvent,
    AudioSeparateProcessing = "audio_separate.processing" => MediaObjectEvent,
    AudioSeparateDone = "audio_separate.done" => MediaObjectEvent,
    AudioSeparateFailed = "audio_separate.failed" => MediaObjectEvent,
    AudioSeparateDeleted = "audio_separate.deleted" => MediaObjectEvent,
    MeetingMetadataProcessing = "meeting_metadata.processing" => MediaObjectEvent,
    MeetingMetadataDone = "meeting_metadata.done" => MediaObjectEvent,
    MeetingMetadataFailed = "meeting_metadata.failed" => MediaObjectEvent,
    MeetingMetadataDeleted = "meeting_metadata.deleted" => MediaObjectEvent,

    RealtimeEndpointRunning = "realtime_endpoint.running" => RealtimeEndpointEvent,
    RealtimeEndpointDone = "realtime_endpoint.done" => RealtimeEndpointEvent,
    RealtimeEndpointFailed = "realtime_endpoint.failed" => RealtimeEndpointEvent,

    SdkUploadUploading = "sdk_upload.uploading" => SdkUploadEvent,
    SdkUploadComplete = "sdk_upload.complete" => SdkUploadEvent,
    SdkUploadFailed = "sdk_upload.failed" => SdkUploadEvent,
    SdkUploadRecordingStarted = "sdk_upload.recording_started" => SdkUploadEvent,
    SdkUploadRecordingEnded = "sdk_upload.recording_ended" => SdkUploadEvent,

    SlackTeamInvited = "slack_team.invited" => SlackTeamEvent,
    SlackTeamActive = "slack_team.active" => SlackTeamEvent,
    SlackTeamAccessRevoked = "slack_team.access_revoked" => SlackTeamEvent,

    CalendarUpdate = "calendar.update" => CalendarUpdate,
    CalendarSyncEvents = "calendar.sync_events" => CalendarSyncEvents,

    /// Legacy (API v1.10).
    BotStatusChange = "bot.status_change" => BotStatusChange,
    /// Legacy (API v1.10).
    BotLog = "bot.log" => BotLog,
    /// Legacy (API v1.10).
    BotOutputLog = "bot.output_log" => BotLog,
    /// Legacy (API v1.10) Call Event.
    BotParticipantJoin = "bot.participant_join" => CallEvent,
    /// Legacy (API v1.10) Call Event.
    BotParticipantLeave = "bot.participant_leave" => CallEvent,
    /// Legacy (API v1.10) Call Event.
    BotActiveSpeakerNotify = "bot.active_speaker_notify" => CallEvent,
    /// Legacy (API v1.10) Call Event.
    BotParticipantScreenOn = "bot.participant_screen_on" => CallEvent,
    /// Legacy (API v1.10) Call Event.
    BotParticipantScreenOff = "bot.participant_screen_off" => CallEvent,
    /// Legacy (API v1.10) Call Event.
    BotParticipantInWaitingRoom = "bot.participant_in_waiting_room" => CallEvent,

    ParticipantEventsJoin = "participant_events.join" => ParticipantEvent,
    ParticipantEventsLeave = "participant_events.leave" => ParticipantEvent,
    ParticipantEventsUpdate = "participant_events.update" => ParticipantEvent,
    ParticipantEventsSpeechOn = "participant_events.speech_on" => ParticipantEvent,
    ParticipantEventsSpeechOff = "participant_events.speech_off" => ParticipantEvent,
    ParticipantEventsWebcamOn = "participant_events.webcam_on" => ParticipantEvent,
    ParticipantEventsWebcamOff = "participant_events.webcam_off" => ParticipantEvent,
    ParticipantEventsScreenshareOn = "participant_events.screenshare_on" => ParticipantEvent,
    ParticipantEventsScreenshareOff = "participant_events.screenshare_off" => ParticipantEvent,
    ParticipantEventsChatMessage = "participant_events.chat_message" => ParticipantEvent,
    TranscriptData = "transcript.data" => TranscriptEvent,
    TranscriptPartialData = "transcript.partial_data" => TranscriptEvent,
    /// The transcription provider's own payload, which Recall does not
    /// document: kept as raw JSON.
    TranscriptProviderData = "transcript.provider_data" => Value,
    AudioMixedRawData = "audio_mixed_raw.data" => RawMediaEvent,
    AudioSeparateRawData = "audio_separate_raw.data" => RawMediaEvent,
    VideoSeparatePngData = "video_separate_png.data" => RawMediaEvent,
    VideoSeparateH264Data = "video_separate_h264.data" => RawMediaEvent,
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
        self.payload().about().status.map(|status| status.code)
    }

    /// The sub code of a status event, when it has one.
    #[must_use]
    pub fn sub_code(&self) -> Option<&str> {
        self.payload()
            .about()
            .status
            .and_then(|status| status.sub_code)
    }

    /// When the status changed, for status events: order events by it.
    #[must_use]
    pub fn updated_at(&self) -> Option<&Timestamp> {
        self.payload()
            .about()
            .status
            .map(|status| status.updated_at)
    }

    /// The bot the event is about, when the payload names it.
    #[must_use]
    pub fn bot(&self) -> Option<&Resource> {
        self.payload().about().bot
    }

    /// The recording the event is about, when the payload names it.
    #[must_use]
    pub fn recording(&self) -> Option<&Resource> {
        self.payload().about().recording
    }

    /// The bot's id, from the bot object or a legacy `bot_id`.
    #[must_use]
    pub fn bot_id(&self) -> Option<&str> {
        self.payload().about().bot_id
    }

    /// The recording's id, from the recording object or a legacy status.
    #[must_use]
    pub fn recording_id(&self) -> Option<&str> {
        self.payload().about().recording_id
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

    fn set_head<E: de::Error>(&mut self, _head: NoHead) -> Result<(), E> {
        Ok(())
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Event, D::Error> {
        tagged::deserialize(deserializer)
    }
}
