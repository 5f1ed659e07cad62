//! The payloads of Daily's events.
//!
//! Daily documents its counts, sizes and durations as "number": each is a
//! [`Number`], which reads an integer or a float and writes back the same.

use serde_json::{Map, Number, Value};

use crate::object::json_object;
use crate::open_enum::open_enum;
use crate::redacted::Redacted;
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
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Track {
    /// Audio or video.
    pub track_type: TrackType,
    /// Where the track is stored.
    pub s3_key: String,
    /// Its size in bytes (a JSON number, kept as sent).
    pub size: Number,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl Track {
        "type" => track_type, "s3Key" => s3_key, size,
        ..other
    }
}

/// `recording.ready-to-download`: a recording is stored and can be fetched.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct RecordingReadyToDownload {
    /// `cloud`, `raw-tracks` or `cloud-audio-only`; not always sent.
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
    pub max_participants: Option<Number>,
    /// Its length in seconds: an integer or a float (`61.5`), kept as
    /// sent; read it with [`Number::as_f64`] or [`Number::as_u64`].
    pub duration: Number,
    /// Where the recording is stored.
    pub s3_key: Option<String>,
    /// The tracks of a raw-tracks recording (absent or `null` otherwise).
    pub tracks: Option<Vec<Track>>,
    /// A share token, seen on the wire though not documented.
    pub share_token: Option<Redacted>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl RecordingReadyToDownload {
        "type" => recording_type, recording_id, room_name, start_ts, status, max_participants,
        duration, s3_key, tracks, share_token,
        ..other
    }
}

/// A layout (`{"preset": ..., ...}`), with whatever settings come with it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Layout {
    /// The preset.
    pub preset: Option<LayoutPreset>,
    /// The preset's settings, kept as sent.
    pub settings: Map<String, Value>,
}

json_object! {
    impl Layout {
        preset,
        ..settings
    }
}

/// `recording.started`: a cloud recording began.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct RecordingStarted {
    /// `start-cloud-recording`.
    pub action: Option<String>,
    /// The recording.
    pub recording_id: String,
    /// Its layout.
    pub layout: Option<Layout>,
    /// The participant who started it.
    pub started_by: Option<String>,
    /// The recording instance.
    pub instance_id: Option<String>,
    /// When it started.
    pub start_ts: Option<Timestamp>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl RecordingStarted {
        action, recording_id, layout, started_by, instance_id, start_ts,
        ..other
    }
}

/// `recording.error`: a cloud recording failed.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct RecordingError {
    /// `cloud-recording-error`.
    pub action: Option<String>,
    /// What went wrong.
    pub error_msg: String,
    /// The recording instance.
    pub instance_id: Option<String>,
    /// The room.
    pub room_name: Option<String>,
    /// When it failed.
    pub timestamp: Timestamp,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl RecordingError {
        action, error_msg, instance_id, room_name, timestamp,
        ..other
    }
}

/// `meeting.started` and `meeting.ended`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Meeting {
    /// When the meeting started.
    pub start_ts: Timestamp,
    /// When it ended, on `meeting.ended`.
    pub end_ts: Option<Timestamp>,
    /// The meeting (one session of a room).
    pub meeting_id: String,
    /// The room.
    pub room: String,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl Meeting {
        start_ts, end_ts, meeting_id, room,
        ..other
    }
}

/// `participant.*` and `waiting-participant.*`: someone joined or left.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Participant {
    /// The room.
    pub room: String,
    /// The user's id, when the meeting token gave one.
    pub user_id: Option<String>,
    /// The user's display name.
    pub user_name: Option<String>,
    /// The participant's session.
    pub session_id: String,
    /// When they joined.
    pub joined_at: Option<Timestamp>,
    /// When they will be ejected, if a limit applies.
    pub will_eject_at: Option<Timestamp>,
    /// Whether they are a room owner.
    pub owner: Option<bool>,
    /// Their network quality state.
    pub network_quality_state: Option<NetworkQualityState>,
    /// Their permissions (`hasPresence`, `canSend`, `canReceive`,
    /// `canAdmin`), as sent.
    pub permissions: Option<Map<String, Value>>,
    /// How long they stayed, in seconds, on `*.left` (an integer or a
    /// float, kept as sent).
    pub duration: Option<Number>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl Participant {
        room, user_id, user_name, session_id, joined_at, will_eject_at, owner,
        "networkQualityState" => network_quality_state, permissions, duration,
        ..other
    }
}

/// `transcript.started`, `transcript.ready-to-download`, `transcript.error`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Transcript {
    /// The transcript.
    pub id: String,
    /// The room's id.
    pub room_id: Option<String>,
    /// The room's name.
    pub room_name: Option<String>,
    /// The meeting session.
    pub mtg_session_id: Option<String>,
    /// Its status.
    pub status: Option<TranscriptStatus>,
    /// The most participants present at once (kept as sent).
    pub max_participants: Option<Number>,
    /// Its length in seconds (an integer or a float, kept as sent).
    pub duration: Option<Number>,
    /// Participant minutes transcribed (kept as sent).
    pub participant_minutes: Option<Number>,
    /// Where it is stored (`s3`: `key`, `bucket`, `region`).
    pub out_params: Option<Value>,
    /// Instance details (`instanceId`, `startTs`, `endTs`).
    pub info: Option<Value>,
    /// The domain.
    pub domain_id: Option<String>,
    /// What went wrong, on `transcript.error`.
    pub error: Option<Value>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl Transcript {
        id, room_id, room_name, mtg_session_id, status, max_participants, duration,
        participant_minutes, out_params, info, domain_id, error,
        ..other
    }
}

/// `streaming.*`: a live stream started, changed, ended, warned or failed.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Streaming {
    /// When.
    pub timestamp: Option<Timestamp>,
    /// The streaming instance.
    pub instance_id: Option<String>,
    /// The domain.
    pub domain_id: Option<String>,
    /// The layout.
    pub layout: Option<Layout>,
    /// What went wrong, on `streaming.error` (the docs' spelling).
    pub error_message: Option<String>,
    /// What went wrong, as the first docs and production consumers spell it
    /// (`error_msg`, as the other error events do).
    pub error_msg: Option<String>,
    /// The room, on `streaming.error`.
    pub room_name: Option<String>,
    /// What the warning is about, on `streaming.warning`.
    pub details: Option<StreamingDetails>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl Streaming {
        timestamp, instance_id, domain_id, layout, error_message, error_msg, room_name, details,
        ..other
    }
}

/// The `details` of `streaming.warning`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct StreamingDetails {
    /// The streaming endpoints concerned, as sent.
    pub endpoints: Vec<Value>,
    /// Anything else Daily sends, kept.
    pub other: Map<String, Value>,
}

json_object! {
    impl StreamingDetails {
        #[default] endpoints,
        ..other
    }
}

/// `batch-processor.job-finished` and `batch-processor.error`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct BatchProcessorJob {
    /// The job.
    pub id: String,
    /// What it ran (`transcript`, `summarize`, ...).
    pub preset: Option<String>,
    /// Its status.
    pub status: Option<String>,
    /// Its input, as sent.
    pub input: Option<Value>,
    /// Its output, as sent.
    pub output: Option<Value>,
    /// What went wrong, as sent.
    pub error: Option<Value>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl BatchProcessorJob {
        id, preset, status, input, output, error,
        ..other
    }
}

/// `dialout.*` and `dialin.*`: a phone or SIP leg of a room.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Dial {
    /// The domain.
    pub domain_id: Option<String>,
    /// The room.
    pub room: Option<String>,
    /// When.
    pub timestamp: Option<Timestamp>,
    /// The call's participant session.
    pub session_id: Option<String>,
    /// The user id given to the dialled participant.
    pub user_id: Option<String>,
    /// The number or SIP URI dialled (dial-out).
    pub destination: Option<String>,
    /// Who started the dial-out.
    pub origin: Option<String>,
    /// The caller id used (dial-out).
    pub caller_id: Option<String>,
    /// The SIP endpoint to send the call to (`dialin.ready`).
    pub sip_endpoint: Option<String>,
    /// The caller (`dialin.connected`).
    pub sip_from: Option<String>,
    /// The caller's display name.
    pub display_name: Option<String>,
    /// The SIP headers of the call (`dialin.connected`).
    pub sip_headers: Option<Map<String, Value>>,
    /// What went wrong, on `*.warning` and `*.error`.
    pub error_msg: Option<String>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl Dial {
        domain_id, room, timestamp, session_id, user_id, destination, origin, caller_id,
        sip_endpoint, sip_from, display_name, sip_headers, error_msg,
        ..other
    }
}
