//! Status events: the envelope `{code, sub_code, updated_at, error}` with the
//! resources it is about (bot, recording, media object, ...).

use serde_json::{Map, Value};

use super::codes::{
    BotStatusCode, RealtimeEndpointStatusCode, RecordingStatusCode, SdkUploadStatusCode,
    SlackTeamStatusCode,
};
use crate::error::ParseError;
use crate::object::{Field, json_object};
use crate::timestamp::Timestamp;

/// A Recall.ai object an event is about: a bot, recording, transcript,
/// real-time endpoint, ... with the `metadata` the user attached to it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Resource {
    /// The object's id (a UUID).
    pub id: String,
    /// The user's own key/value pairs, as given when creating the object.
    pub metadata: Option<Map<String, Value>>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl Resource {
        id, metadata,
        ..other
    }
}

impl Resource {
    /// The metadata as the user's own type; absent metadata reads as `{}`.
    ///
    /// # Errors
    ///
    /// [`ParseError::Json`] naming the path inside `metadata` that does not
    /// fit `T`.
    ///
    /// ```
    /// use recording_webhooks::recall::Event;
    ///
    /// #[derive(serde::Deserialize)]
    /// struct Tags { customer: String }
    ///
    /// let body = br#"{"event":"bot.done","data":{"data":{"code":"done","sub_code":null,
    ///   "updated_at":"2025-01-29T23:49:58.570998+00:00"},
    ///   "bot":{"id":"a31e78b3-b67e-4dcf-af63-631e7548c40f","metadata":{"customer":"acme"}}}}"#;
    /// let event = Event::from_slice(body)?;
    /// let tags: Tags = event.bot().unwrap().metadata_as()?;
    /// assert_eq!(tags.customer, "acme");
    /// # Ok::<(), recording_webhooks::ParseError>(())
    /// ```
    pub fn metadata_as<T: serde::de::DeserializeOwned>(&self) -> Result<T, ParseError> {
        let empty = Map::new();
        let map = self.metadata.as_ref().unwrap_or(&empty);
        // Round-tripping through text gives errors a line and column to
        // locate, like any other body.
        let text = serde_json::to_vec(map).map_err(|err| ParseError::from_json(b"", &err))?;
        serde_json::from_slice(&text).map_err(|err| {
            let mut parsed = ParseError::from_json(&text, &err);
            if let ParseError::Json { path, .. } = &mut parsed {
                *path = if path == "." {
                    "metadata".to_owned()
                } else {
                    format!("metadata.{path}")
                };
            }
            parsed
        })
    }
}

/// The error attached to a failed status (`recording.failed`,
/// `realtime_endpoint.failed`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct StatusError {
    /// A machine-readable error code.
    pub code: String,
    /// A human-readable explanation.
    pub message: String,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl StatusError {
        code, message,
        ..other
    }
}

/// The status envelope, `data.data` of every status event.
///
/// `C` is the code's type for the resource; `S` is the sub code's: a typed
/// enum for the events whose sub codes Recall documents, `String`
/// elsewhere.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Status<C, S = String> {
    /// The new status, equal to the part of the event name after the dot.
    pub code: C,
    /// Why, when Recall says: absent, `null`, or (in some of Recall's own
    /// examples) the empty string, which is kept as sent.
    pub sub_code: Option<S>,
    /// When the status changed; order events by it, not by arrival.
    pub updated_at: Timestamp,
    /// What went wrong, on failure statuses.
    pub error: Option<StatusError>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl[C: Field, S: Field] Status<C, S> {
        code, sub_code, updated_at, error,
        ..other
    }
}

/// A bot status event (`bot.joining_call` ... `bot.fatal`, and the
/// breakout room events).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct BotEvent<S = String> {
    /// The new status.
    pub data: Status<BotStatusCode, S>,
    /// The bot.
    pub bot: Resource,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl[S: Field] BotEvent<S> {
        data, bot,
        ..other
    }
}

/// A recording status event (`recording.processing` ... `recording.deleted`).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct RecordingEvent {
    /// The new status.
    pub data: Status<RecordingStatusCode>,
    /// The recording.
    pub recording: Resource,
    /// The bot that made it; absent for Desktop Recording SDK recordings.
    pub bot: Option<Resource>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl RecordingEvent {
        data, recording, bot,
        ..other
    }
}

/// A real-time endpoint status event (`realtime_endpoint.running`, `.done`,
/// `.failed`).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct RealtimeEndpointEvent {
    /// The new status.
    pub data: Status<RealtimeEndpointStatusCode>,
    /// The endpoint.
    pub realtime_endpoint: Resource,
    /// The recording it streams.
    pub recording: Option<Resource>,
    /// The bot, when the recording has one.
    pub bot: Option<Resource>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl RealtimeEndpointEvent {
        data, realtime_endpoint, recording, bot,
        ..other
    }
}

/// A Desktop Recording SDK upload status event (`sdk_upload.*`).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SdkUploadEvent {
    /// The new status.
    pub data: Status<SdkUploadStatusCode>,
    /// The upload.
    pub sdk_upload: Resource,
    /// The recording, once there is one (`null` otherwise).
    pub recording: Option<Resource>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl SdkUploadEvent {
        data, sdk_upload, recording,
        ..other
    }
}

/// A Slack team status event (`slack_team.invited`, `.active`,
/// `.access_revoked`).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SlackTeamEvent {
    /// The new status.
    pub data: Status<SlackTeamStatusCode>,
    /// The Slack team.
    pub slack_team: Resource,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl SlackTeamEvent {
        data, slack_team,
        ..other
    }
}

/// `calendar.update`: a calendar's state changed; fetch it again.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct CalendarUpdate {
    /// The calendar.
    pub calendar_id: String,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl CalendarUpdate {
        calendar_id,
        ..other
    }
}

/// `calendar.sync_events`: a calendar's events changed; fetch those updated
/// since `last_updated_ts`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct CalendarSyncEvents {
    /// The calendar.
    pub calendar_id: String,
    /// Events updated at or after this instant changed.
    pub last_updated_ts: Timestamp,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl CalendarSyncEvents {
        calendar_id, last_updated_ts,
        ..other
    }
}
