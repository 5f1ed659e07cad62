//! The payloads of Daily's events.
//!
//! Daily documents its counts, sizes and durations as "number": each is a
//! [`Number`], which reads an integer or a float and writes back the same.

use serde::Serialize;
use serde_json::{Map, Number, Value};

use crate::object::json_object;
use crate::open_enum::open_enum;
use crate::timestamp::Timestamp;

open_enum! {
    /// The kind of a recording (`type` of `recording.ready-to-download`).
    pub enum RecordingType {
        Cloud = "cloud",
        RawTracks = "raw-tracks",
        CloudAudioOnly = "cloud-audio-only",
    }
}

open_enum! {
    /// A recording's status.
    pub enum RecordingStatus {
        Finished = "finished",
    }
}

open_enum! {
    /// The media of a raw-tracks recording track.
    pub enum TrackType {
        Audio = "audio",
        Video = "video",
    }
}

open_enum! {
    /// A transcription's status.
    pub enum TranscriptStatus {
        InProgress = "t_in_progress",
        Finished = "t_finished",
        Completed = "t_completed",
        Failed = "t_failed",
        Error = "t_error",
    }
}

open_enum! {
    /// A participant's network quality (`networkQualityState`).
    pub enum NetworkQualityState {
        /// Daily's `unknown`: not measured yet (the name `Unknown` is the
        /// variant every open enum keeps for undocumented values).
        NotMeasured = "unknown",
        Good = "good",
        Warning = "warning",
        Bad = "bad",
    }
}

open_enum! {
    /// A recording or streaming layout preset.
    pub enum LayoutPreset {
        Default = "default",
        SingleParticipant = "single-participant",
        ActiveParticipant = "active-participant",
        Portrait = "portrait",
        Custom = "custom",
    }
}

/// One track of a raw-tracks recording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Track {
    /// Audio or video.
    #[serde(rename = "type")]
    pub track_type: TrackType,
    /// Where the track is stored.
    #[serde(rename = "s3Key")]
    pub s3_key: String,
    /// Its size in bytes (a JSON number, kept as sent).
    pub size: Number,
}

json_object! {
    impl Track {
        "type" => track_type, "s3Key" => s3_key, size,
    }
}

/// `recording.ready-to-download`: a recording is stored and can be fetched.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct RecordingReadyToDownload {
    /// `cloud`, `raw-tracks` or `cloud-audio-only`; not always sent.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub recording_type: Option<RecordingType>,
    /// The recording.
    pub recording_id: String,
    /// The room it was made in.
    pub room_name: String,
    /// When it started.
    pub start_ts: Timestamp,
    /// Its status: `finished`.
    pub status: RecordingStatus,
    /// The most participants present at once; not always sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_participants: Option<Number>,
    /// Its length in seconds: an integer or a float (`61.5`), kept as
    /// sent; read it with [`Number::as_f64`] or [`Number::as_u64`].
    pub duration: Number,
    /// Where the recording is stored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub s3_key: Option<String>,
    /// The tracks of a raw-tracks recording (absent or `null` otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tracks: Option<Vec<Track>>,
    /// A share token, seen on the wire though not documented.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_token: Option<String>,
}

json_object! {
    impl RecordingReadyToDownload {
        "type" => recording_type, recording_id, room_name, start_ts, status, max_participants,
        duration, s3_key, tracks, share_token,
    }
}

/// A layout (`{"preset": ..., ...}`), with whatever settings come with it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Layout {
    /// The preset.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preset: Option<LayoutPreset>,
    /// The preset's settings, kept as sent.
    #[serde(flatten)]
    pub settings: Map<String, Value>,
}

json_object! {
    impl Layout {
        preset,
        ..settings
    }
}

/// `recording.started`: a cloud recording began.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct RecordingStarted {
    /// `start-cloud-recording`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// The recording.
    pub recording_id: String,
    /// Its layout.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layout: Option<Layout>,
    /// The participant who started it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub started_by: Option<String>,
    /// The recording instance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance_id: Option<String>,
    /// When it started.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_ts: Option<Timestamp>,
}

json_object! {
    impl RecordingStarted {
        action, recording_id, layout, started_by, instance_id, start_ts,
    }
}

/// `recording.error`: a cloud recording failed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct RecordingError {
    /// `cloud-recording-error`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// What went wrong.
    pub error_msg: String,
    /// The recording instance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance_id: Option<String>,
    /// The room.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub room_name: Option<String>,
    /// When it failed.
    pub timestamp: Timestamp,
}

json_object! {
    impl RecordingError {
        action, error_msg, instance_id, room_name, timestamp,
    }
}

/// `meeting.started` and `meeting.ended`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Meeting {
    /// When the meeting started.
    pub start_ts: Timestamp,
    /// When it ended, on `meeting.ended`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_ts: Option<Timestamp>,
    /// The meeting (one session of a room).
    pub meeting_id: String,
    /// The room.
    pub room: String,
}

json_object! {
    impl Meeting {
        start_ts, end_ts, meeting_id, room,
    }
}

/// `participant.*` and `waiting-participant.*`: someone joined or left.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Participant {
    /// The room.
    pub room: String,
    /// The user's id, when the meeting token gave one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// The user's display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
    /// The participant's session.
    pub session_id: String,
    /// When they joined.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub joined_at: Option<Timestamp>,
    /// When they will be ejected, if a limit applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub will_eject_at: Option<Timestamp>,
    /// Whether they are a room owner.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<bool>,
    /// Their network quality state.
    #[serde(
        rename = "networkQualityState",
        skip_serializing_if = "Option::is_none"
    )]
    pub network_quality_state: Option<NetworkQualityState>,
    /// Their permissions (`hasPresence`, `canSend`, `canReceive`,
    /// `canAdmin`), as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Map<String, Value>>,
    /// How long they stayed, in seconds, on `*.left` (an integer or a
    /// float, kept as sent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<Number>,
}

json_object! {
    impl Participant {
        room, user_id, user_name, session_id, joined_at, will_eject_at, owner,
        "networkQualityState" => network_quality_state, permissions, duration,
    }
}

/// `transcript.started`, `transcript.ready-to-download`, `transcript.error`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Transcript {
    /// The transcript.
    pub id: String,
    /// The room's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub room_id: Option<String>,
    /// The room's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub room_name: Option<String>,
    /// The meeting session.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mtg_session_id: Option<String>,
    /// Its status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<TranscriptStatus>,
    /// The most participants present at once (kept as sent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_participants: Option<Number>,
    /// Its length in seconds (an integer or a float, kept as sent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<Number>,
    /// Participant minutes transcribed (kept as sent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub participant_minutes: Option<Number>,
    /// Where it is stored (`s3`: `key`, `bucket`, `region`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub out_params: Option<Value>,
    /// Instance details (`instanceId`, `startTs`, `endTs`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub info: Option<Value>,
    /// The domain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
    /// What went wrong, on `transcript.error`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<Value>,
}

json_object! {
    impl Transcript {
        id, room_id, room_name, mtg_session_id, status, max_participants, duration,
        participant_minutes, out_params, info, domain_id, error,
    }
}

/// `streaming.*`: a live stream started, changed, ended, warned or failed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Streaming {
    /// When.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
    /// The streaming instance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance_id: Option<String>,
    /// The domain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
    /// The layout.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layout: Option<Layout>,
    /// What went wrong, on `streaming.error` (the docs' spelling).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_message: Option<String>,
    /// What went wrong, as the first docs and production consumers spell it
    /// (`error_msg`, as the other error events do).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_msg: Option<String>,
    /// The room, on `streaming.error`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub room_name: Option<String>,
    /// What the warning is about, on `streaming.warning`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<StreamingDetails>,
}

json_object! {
    impl Streaming {
        timestamp, instance_id, domain_id, layout, error_message, error_msg, room_name, details,
    }
}

/// The `details` of `streaming.warning`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct StreamingDetails {
    /// The streaming endpoints concerned, as sent.
    pub endpoints: Vec<Value>,
    /// Anything else Daily sends, kept.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

json_object! {
    impl StreamingDetails {
        #[default] endpoints,
        ..other
    }
}

/// `batch-processor.job-finished` and `batch-processor.error`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct BatchProcessorJob {
    /// The job.
    pub id: String,
    /// What it ran (`transcript`, `summarize`, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preset: Option<String>,
    /// Its status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Its input, as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input: Option<Value>,
    /// Its output, as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output: Option<Value>,
    /// What went wrong, as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<Value>,
}

json_object! {
    impl BatchProcessorJob {
        id, preset, status, input, output, error,
    }
}

/// `dialout.*` and `dialin.*`: a phone or SIP leg of a room.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Dial {
    /// The domain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
    /// The room.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub room: Option<String>,
    /// When.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
    /// The call's participant session.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    /// The user id given to the dialled participant.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// The number or SIP URI dialled (dial-out).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination: Option<String>,
    /// Who started the dial-out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// The caller id used (dial-out).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caller_id: Option<String>,
    /// The SIP endpoint to send the call to (`dialin.ready`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sip_endpoint: Option<String>,
    /// The caller (`dialin.connected`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sip_from: Option<String>,
    /// The caller's display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// The SIP headers of the call (`dialin.connected`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sip_headers: Option<Map<String, Value>>,
    /// What went wrong, on `*.warning` and `*.error`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_msg: Option<String>,
}

json_object! {
    impl Dial {
        domain_id, room, timestamp, session_id, user_id, destination, origin, caller_id,
        sip_endpoint, sip_from, display_name, sip_headers, error_msg,
    }
}
