//! Zoom's event envelope, `{"event", "event_ts", "payload", "download_token"}`,
//! and the table of every event this crate types.

use std::ops::Deref;

use serde::de::{self, Deserializer};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;

use super::payload::{
    ArchivePayload, BatchMeetings, BatchPayload, BatchTrashed, CloudStorageUsage, DownloadToken,
    Other, ParticipantAudioFile, Payload, Recording, RecordingFile, RecordingInProgress,
    Registration, Renamed,
};
use super::phone::{CallRecording, PhoneRecordingInProgress, PhoneRecordings};
use super::session::Session;
use crate::error::ParseError;
use crate::number_or_string::NumberOrString;
use crate::object::{Field, json_object};
use crate::open_enum::open_enum;
use crate::tagged::{self, Tagged};

/// What every Zoom event carries around its payload.
///
/// An envelope dereferences to its payload, so `event.object` reads
/// `event.payload.object`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Envelope<P> {
    /// When the event occurred, in **milliseconds** since the epoch (the
    /// signature's timestamp header is in seconds). Absent from some real
    /// deliveries (older `meeting.*` events); the delivery's own time is
    /// its signed `x-zm-request-timestamp`.
    pub event_ts: Option<i64>,
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
        millis_to_time(self.event_ts?)
    }

    /// The payload, the envelope's other keys still to be read (they may
    /// come after `payload`): the envelope reader sets them
    /// ([`Envelope::set_head`]) before the event is handed out. Allocates
    /// nothing.
    fn unfilled(payload: P) -> Envelope<P> {
        let Head {
            event_ts,
            download_token,
            other,
        } = Head::empty();
        Envelope {
            event_ts,
            payload,
            download_token,
            other,
        }
    }

    fn set_head(&mut self, head: Head) {
        (self.event_ts, self.download_token, self.other) =
            (head.event_ts, head.download_token, head.other);
    }
}

/// Milliseconds since the epoch as an instant, when `time` represents it.
fn millis_to_time(millis: i64) -> Option<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(millis).checked_mul(1_000_000)?).ok()
}

/// The envelope's keys beside `event` and `payload`, as read.
pub(crate) struct Head {
    event_ts: Option<i64>,
    download_token: Option<DownloadToken>,
    other: Other,
}

json_object! {
    impl Head { event_ts, download_token, ..other }
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

        /// A Zoom webhook event, one variant per documented recording
        /// event of meetings (`recording.*`), the Video SDK
        /// (`session.recording_*`) and Zoom Phone (`phone.recording_*`),
        /// plus the endpoint's URL validation.
        ///
        /// Parse one with [`Event::from_slice`]; serializing it gives back
        /// the JSON that came in (key order and `null` versus an absent key
        /// aside).
        ///
        /// Every typed variant holds its envelope boxed, as in every
        /// provider's `Event`: the event stays the size of a pointer and a
        /// tag, rather than the size of its largest payload.
        ///
        /// ```
        /// use recording_webhooks::zoom::{Event, EventType};
        ///
        /// let body = br#"{"event":"recording.started","event_ts":1739923528000,"payload":{
        ///   "account_id":"lAAAAAAAAAAAAA","object":{"uuid":"Tq3kXcE9Rb2mYw7LfHs1Zg==",
        ///   "id":87565330005,"host_id":"z8yBXksmRUOiQhjWLNvgBA","topic":"Weekly sync","type":2,
        ///   "start_time":"2026-03-02T09:00:00Z","duration":30,
        ///   "recording_file":{"recording_start":"2026-03-02T09:00:05Z","recording_end":""}}}}"#;
        /// let event = Event::from_slice(body)?;
        /// assert_eq!(event.event_type(), EventType::RecordingStarted);
        /// assert_eq!(event.meeting_uuid(), Some("Tq3kXcE9Rb2mYw7LfHs1Zg=="));
        /// assert_eq!(event.event_time().map(|t| t.unix_timestamp()), Some(1739923528));
        /// if let Event::RecordingStarted(started) = &event {
        ///     assert_eq!(started.payload.object.topic, "Weekly sync");
        /// }
        /// // What came in, written back.
        /// let again: serde_json::Value = serde_json::to_value(&event).unwrap();
        /// assert_eq!(again, serde_json::from_slice::<serde_json::Value>(body).unwrap());
        /// # Ok::<(), recording_webhooks::ParseError>(())
        /// ```
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum Event {
            $(
                #[doc = concat!("`", $wire, "`")]
                $variant(Box<Envelope<$payload>>),
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
            fn envelope(&self) -> (Option<i64>, Option<&DownloadToken>, &Other) {
                match self {
                    $(Event::$variant(e) => (e.event_ts, e.download_token.as_ref(), &e.other),)*
                    Event::Unknown(u) => {
                        let e = &u.envelope;
                        (e.event_ts, e.download_token.as_ref(), &e.other)
                    }
                }
            }

            /// The payload, as the questions every payload answers.
            fn payload(&self) -> &dyn Answers {
                match self {
                    $(Event::$variant(e) => &e.payload,)*
                    Event::Unknown(u) => &u.envelope.payload,
                }
            }

            fn head_into(&mut self, head: Head) {
                match self {
                    $(Event::$variant(e) => e.set_head(head),)*
                    Event::Unknown(u) => u.envelope.set_head(head),
                }
            }

            /// The event named `name`, in an envelope still to be filled in.
            fn from_payload_only<'de, D: Deserializer<'de>>(
                name: EventType,
                payload: D,
            ) -> Result<Event, D::Error> {
                match name {
                    $(EventType::$variant => <$payload>::deserialize(payload)
                        .map(|payload| Event::$variant(Box::new(Envelope::unfilled(payload)))),)*
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
    SessionRecordingStarted = "session.recording_started" => Payload<Session>,
    SessionRecordingPaused = "session.recording_paused" => Payload<Session>,
    SessionRecordingResumed = "session.recording_resumed" => Payload<Session>,
    SessionRecordingStopped = "session.recording_stopped" => Payload<Session>,
    SessionRecordingCompleted = "session.recording_completed" => Payload<Session>,
    SessionRecordingTranscriptCompleted = "session.recording_transcript_completed" => Payload<Session>,
    SessionRecordingTranscriptFailed = "session.recording_transcript_failed" => Payload<Session>,
    SessionRecordingTrashed = "session.recording_trashed" => Payload<Session>,
    SessionRecordingDeleted = "session.recording_deleted" => Payload<Session>,
    SessionRecordingRecovered = "session.recording_recovered" => Payload<Session>,
    PhoneRecordingStarted = "phone.recording_started" => Payload<PhoneRecordingInProgress>,
    PhoneRecordingStopped = "phone.recording_stopped" => Payload<PhoneRecordingInProgress>,
    PhoneRecordingPaused = "phone.recording_paused" => Payload<PhoneRecordingInProgress>,
    PhoneRecordingResumed = "phone.recording_resumed" => Payload<PhoneRecordingInProgress>,
    PhoneRecordingFailed = "phone.recording_failed" => Payload<PhoneRecordingInProgress>,
    PhoneRecordingCompleted = "phone.recording_completed" => Payload<PhoneRecordings>,
    PhoneRecordingCompletedForAccessMember = "phone.recording_completed_for_access_member" => Payload<PhoneRecordings>,
    PhoneRecordingTranscriptCompleted = "phone.recording_transcript_completed" => Payload<PhoneRecordings>,
    PhoneRecordingDeleted = "phone.recording_deleted" => Payload<PhoneRecordings>,
    PhoneRecordingPermanentlyDeleted = "phone.recording_permanently_deleted" => Payload<PhoneRecordings>,
}

impl Event {
    /// Parses a webhook body.
    ///
    /// # Errors
    ///
    /// [`ParseError::Json`] when the body is not JSON, lacks `event` (or
    /// the `payload` of a typed event), repeats a key, or a documented field
    /// is missing or of the wrong type; the error names the JSON path. An
    /// unknown event name is not an error.
    pub fn from_slice(body: &[u8]) -> Result<Event, ParseError> {
        tagged::from_slice(body)
    }

    /// When the event occurred (`event_ts`); `None` when the body has none,
    /// or it lies outside the years `time` represents. Every provider's
    /// event answers it alike; the milliseconds as sent are the envelope's
    /// `event_ts`.
    #[must_use]
    pub fn event_time(&self) -> Option<OffsetDateTime> {
        millis_to_time(self.envelope().0?)
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
        self.payload().about().recording
    }

    /// The Video SDK session of a `session.recording_*` event.
    #[must_use]
    pub fn session(&self) -> Option<&Session> {
        self.payload().about().session
    }

    /// The session instance (`payload.object.session_id`) of a
    /// `session.recording_*` event: de-duplicate a session's events by it.
    #[must_use]
    pub fn session_id(&self) -> Option<&NumberOrString> {
        self.session().map(|session| &session.session_id)
    }

    /// The files of a recorded meeting or Video SDK session; empty for the
    /// other events.
    #[must_use]
    pub fn recording_files(&self) -> &[RecordingFile] {
        let about = self.payload().about();
        let files = match (about.recording, about.session) {
            (Some(recording), _) => recording.recording_files.as_deref(),
            (None, Some(session)) => session.recording_files.as_deref(),
            (None, None) => None,
        };
        files.unwrap_or_default()
    }

    /// The participants' own audio files of a recorded meeting or session,
    /// when the account records them; empty otherwise.
    #[must_use]
    pub fn participant_audio_files(&self) -> &[ParticipantAudioFile] {
        let about = self.payload().about();
        let files = match (about.recording, about.session) {
            (Some(recording), _) => recording.participant_audio_files.as_deref(),
            (None, Some(session)) => session.participant_audio_files.as_deref(),
            (None, None) => None,
        };
        files.unwrap_or_default()
    }

    /// The participants' own video files of a recorded Video SDK session;
    /// empty otherwise.
    #[must_use]
    pub fn participant_video_files(&self) -> &[RecordingFile] {
        self.session()
            .and_then(|session| session.participant_video_files.as_deref())
            .unwrap_or_default()
    }

    /// The call recordings of `phone.recording_completed`,
    /// `_completed_for_access_member`, `_transcript_completed`, `_deleted`
    /// and `_permanently_deleted`; empty otherwise. De-duplicate them by
    /// their `id`.
    #[must_use]
    pub fn call_recordings(&self) -> &[CallRecording] {
        self.payload().about().call_recordings
    }

    /// The call being recorded, of `phone.recording_started`, `_stopped`,
    /// `_failed`, `_paused` and `_resumed`.
    #[must_use]
    pub fn phone_call(&self) -> Option<&PhoneRecordingInProgress> {
        self.payload().about().phone_call
    }

    /// How the event's files are downloaded: with its `download_token`
    /// (meetings, Video SDK), with the app's own OAuth access token (Zoom
    /// Phone, whose events carry none), or not at all (no files, or no
    /// token sent).
    #[must_use]
    pub fn download_auth(&self) -> DownloadAuth<'_> {
        match (self.download_token(), self.payload().about().phone) {
            (Some(token), _) => DownloadAuth::Token(token),
            (None, true) => DownloadAuth::OAuth,
            (None, false) => DownloadAuth::None,
        }
    }

    /// The meeting instance (`payload.object.uuid`) the event is about.
    #[must_use]
    pub fn meeting_uuid(&self) -> Option<&str> {
        self.payload().about().meeting_uuid
    }

    /// The meeting number (`payload.object.id`) the event is about, read
    /// from a number (recording events) or a string of digits (`meeting.*`
    /// events).
    #[must_use]
    pub fn meeting_id(&self) -> Option<u64> {
        self.payload().about().meeting_id
    }

    /// The account the event is about (`payload.account_id`).
    #[must_use]
    pub fn account_id(&self) -> Option<&str> {
        self.payload().about().account_id
    }
}

/// How an event's files are downloaded ([`Event::download_auth`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DownloadAuth<'a> {
    /// With the event's `download_token`, as a Bearer token, for 24 hours.
    Token(&'a DownloadToken),
    /// With the app's own OAuth access token, as a Bearer token: Zoom
    /// Phone's recordings.
    OAuth,
    /// The event carries no token (no files, or a token Zoom did not send).
    None,
}

/// What handlers ask of any payload: every payload type fills an
/// [`About`], so a new event's payload cannot silently answer `None`:
/// it must say what it is about.
trait Answers {
    fn about(&self) -> About<'_>;
}

/// A payload's answers.
struct About<'a> {
    recording: Option<&'a Recording>,
    session: Option<&'a Session>,
    phone_call: Option<&'a PhoneRecordingInProgress>,
    call_recordings: &'a [CallRecording],
    /// A Zoom Phone event: its files take the app's OAuth token.
    phone: bool,
    meeting_uuid: Option<&'a str>,
    meeting_id: Option<u64>,
    account_id: Option<&'a str>,
}

impl About<'_> {
    /// The answers of a payload about none of these.
    fn nothing() -> About<'static> {
        About {
            recording: None,
            session: None,
            phone_call: None,
            call_recordings: &[],
            phone: false,
            meeting_uuid: None,
            meeting_id: None,
            account_id: None,
        }
    }
}

/// The `object` of a [`Payload`]: what it is about, its account aside.
trait Object {
    fn about(&self) -> About<'_>;
}

impl Object for Recording {
    fn about(&self) -> About<'_> {
        About {
            recording: Some(self),
            meeting_uuid: Some(&self.uuid),
            meeting_id: self.id.as_u64(),
            ..About::nothing()
        }
    }
}

impl Object for RecordingInProgress {
    fn about(&self) -> About<'_> {
        About {
            meeting_uuid: Some(&self.uuid),
            meeting_id: self.id.as_u64(),
            ..About::nothing()
        }
    }
}

impl Object for Registration {
    fn about(&self) -> About<'_> {
        About {
            meeting_uuid: Some(&self.uuid),
            meeting_id: self.id.as_u64(),
            ..About::nothing()
        }
    }
}

/// The account's storage: about no meeting.
impl Object for CloudStorageUsage {
    fn about(&self) -> About<'_> {
        About::nothing()
    }
}

impl Object for Session {
    fn about(&self) -> About<'_> {
        About {
            session: Some(self),
            ..About::nothing()
        }
    }
}

impl Object for PhoneRecordingInProgress {
    fn about(&self) -> About<'_> {
        About {
            phone_call: Some(self),
            phone: true,
            ..About::nothing()
        }
    }
}

impl Object for PhoneRecordings {
    fn about(&self) -> About<'_> {
        About {
            call_recordings: &self.recordings,
            phone: true,
            ..About::nothing()
        }
    }
}

impl<O: Object> Answers for Payload<O> {
    fn about(&self) -> About<'_> {
        About {
            account_id: Some(&self.account_id),
            ..self.object.about()
        }
    }
}

impl<P: Answers> Answers for Box<P> {
    fn about(&self) -> About<'_> {
        (**self).about()
    }
}

/// Zoom's challenge: about nothing but itself.
impl Answers for UrlValidation {
    fn about(&self) -> About<'_> {
        About::nothing()
    }
}

impl Answers for Renamed {
    fn about(&self) -> About<'_> {
        About {
            meeting_uuid: Some(&self.object.uuid),
            meeting_id: self.object.id.as_u64(),
            account_id: Some(&self.account_id),
            ..About::nothing()
        }
    }
}

/// Several meetings at once: about none of them alone.
impl<O> Answers for BatchPayload<O> {
    fn about(&self) -> About<'_> {
        About {
            account_id: Some(&self.account_id),
            ..About::nothing()
        }
    }
}

impl Answers for ArchivePayload {
    fn about(&self) -> About<'_> {
        let meeting = self.object.as_ref();
        About {
            meeting_uuid: meeting.and_then(|meeting| meeting.uuid.as_deref()),
            meeting_id: meeting.and_then(|meeting| meeting.id.as_ref()?.as_u64()),
            account_id: self.account_id.as_deref(),
            ..About::nothing()
        }
    }
}

/// An unknown event's payload, read where Zoom's events put these keys.
impl Answers for Value {
    fn about(&self) -> About<'_> {
        About {
            meeting_uuid: self.pointer("/object/uuid").and_then(Value::as_str),
            meeting_id: self.pointer("/object/id").and_then(|id| match id {
                Value::String(id) => id.parse().ok(),
                id => id.as_u64(),
            }),
            account_id: self.get("account_id").and_then(Value::as_str),
            ..About::nothing()
        }
    }
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (event_ts, download_token, other) = self.envelope();
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("event", self.event_type().as_str())?;
        if let Some(event_ts) = event_ts {
            map.serialize_entry("event_ts", &event_ts)?;
        }
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
    type Head = Head;
    const TAG: &'static str = "event";
    const PAYLOAD: &'static str = "payload";
    const EXPECTING: &'static str = "a Zoom event: {\"event\", \"event_ts\", \"payload\"}";
    // Zoom's own examples repeat a key; its JavaScript reads the last.
    const LAST_DUPLICATE_WINS: bool = true;

    fn from_payload<'de, D: Deserializer<'de>>(
        name: EventType,
        payload: D,
    ) -> Result<Event, D::Error> {
        Event::from_payload_only(name, payload)
    }

    /// Every head key is optional: `event_ts` is absent from some real
    /// deliveries.
    fn set_head<E: de::Error>(&mut self, head: Head) -> Result<(), E> {
        self.head_into(head);
        Ok(())
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Event, D::Error> {
        tagged::deserialize(deserializer)
    }
}
