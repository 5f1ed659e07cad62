//! The Video SDK's recording events, `session.recording_*`: a session
//! rather than a meeting, and files shaped like a meeting's.

use super::payload::{Other, ParticipantAudioFile, RecordingFile, RecordingSpan};
use crate::number_or_string::NumberOrString;
use crate::object::json_object;
use crate::timestamp::Timestamp;

/// The Video SDK session a `session.recording_*` event is about
/// (`payload.object`).
///
/// The session's own keys come with every event; the recorded span with
/// `started` / `paused` / `resumed` / `stopped`, the files with `completed`
/// and `transcript_completed`. Zoom's Video SDK declares every file field
/// optional, and real deliveries send `session_key` and `clip_id` empty:
/// kept as sent.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Session {
    /// The session instance ("each instance of the session will have its
    /// own session_id"): de-duplicate a session's events by it. A string,
    /// though Zoom's own examples send a number: kept as sent.
    pub session_id: NumberOrString,
    /// The session's name.
    pub session_name: Option<String>,
    /// The app's own session id (the Video SDK custom session id).
    pub session_key: Option<String>,
    /// The clip, when the recording is a clip (sent empty otherwise).
    pub clip_id: Option<String>,
    /// When the session started.
    pub start_time: Option<Timestamp>,
    /// Its IANA time zone.
    pub timezone: Option<String>,
    /// The span recorded so far, on the in-progress events.
    pub recording_file: Option<RecordingSpan>,
    /// The files, on `completed` and `transcript_completed`.
    pub recording_files: Option<Vec<RecordingFile>>,
    /// One audio file per participant, when the app records them.
    pub participant_audio_files: Option<Vec<ParticipantAudioFile>>,
    /// One video file per participant (`individual_user`,
    /// `individual_shared_screen`), when the app records them.
    pub participant_video_files: Option<Vec<RecordingFile>>,
    /// Keys this version of the crate does not know.
    pub other: Other,
}

json_object! {
    impl Session {
        session_id, session_name, session_key, clip_id, start_time, timezone, recording_file,
        recording_files, participant_audio_files, participant_video_files,
        ..other
    }
}
