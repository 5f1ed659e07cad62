//! What Telnyx's Call Control events carry in `data.payload`: the
//! recording events in full, the others to the depth a recording pipeline
//! reads. Every field is optional (Telnyx's own SDK types declare them so)
//! and every object keeps the keys it does not know.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde_json::{Map, Value};

use crate::object::json_object;
use crate::open_enum::open_enum;
use crate::redacted::Redacted;
use crate::timestamp::Timestamp;

open_enum! {
    /// How many channels a recording has (`channels`).
    pub enum Channels {
        /// Both parties mixed in one channel.
        Single = "single",
        /// Each party in its own channel.
        Dual = "dual",
    }
}

open_enum! {
    /// A recording's file format (`format`).
    pub enum RecordingFormat {
        /// MP3.
        Mp3 = "mp3",
        /// WAV.
        Wav = "wav",
    }
}

open_enum! {
    /// Why a recording failed (`reason` of `call.recording.error`).
    pub enum RecordingErrorReason {
        /// The custom storage credentials were refused.
        StorageAuthorizationFailed = "Failed to authorize with storage using custom credentials",
        /// The custom storage credentials are not valid JSON.
        InvalidCredentialsJson = "Invalid credentials json",
        /// The custom storage backend is not supported.
        UnsupportedBackend = "Unsupported backend",
        /// Telnyx failed.
        InternalServerError = "Internal server error",
    }
}

open_enum! {
    /// The kind of party on a transcribed call (`calling_party_type`).
    pub enum CallingPartyType {
        /// The telephone network.
        Pstn = "pstn",
        /// A SIP endpoint.
        Sip = "sip",
    }
}

open_enum! {
    /// A transcription's state (`status`).
    pub enum TranscriptionStatus {
        /// Done.
        Completed = "completed",
    }
}

/// Where a recording can be downloaded, by format (`recording_urls`,
/// `public_recording_urls`).
///
/// `recording_urls` are presigned links valid **ten minutes**: download at
/// once, later ask the Recordings API. Each link is a credential while it
/// lives: `Debug` shows it redacted.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecordingUrls {
    /// The MP3 file.
    pub mp3: Option<Redacted>,
    /// The WAV file.
    pub wav: Option<Redacted>,
    /// Formats this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl RecordingUrls { mp3, wav, ..other }
}

/// The `client_state` a command attached to the call: base64 text, echoed
/// back in every event of that call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientState<'a>(&'a str);

impl<'a> ClientState<'a> {
    pub(crate) fn new(text: Option<&'a str>) -> Option<ClientState<'a>> {
        text.filter(|text| !text.is_empty()).map(ClientState)
    }

    /// The text as sent (base64).
    #[must_use]
    pub fn as_str(&self) -> &'a str {
        self.0
    }

    /// The bytes it encodes; `None` when it is not standard base64.
    ///
    /// ```
    /// use recording_webhooks::telnyx::Event;
    ///
    /// let body = br#"{"data":{"event_type":"call.recording.saved","id":"0ccc7b54-4df3-4bca-a65a-3da1ecc777f0","occurred_at":"2026-01-01T00:00:00.123456Z","payload":{"client_state":"aGF2ZSBhIG5pY2UgZGF5ID1d"},"record_type":"event"}}"#;
    /// let event = Event::from_slice(body)?;
    /// let state = event.client_state().unwrap();
    /// assert_eq!(state.decode_utf8().as_deref(), Some("have a nice day =]"));
    /// # Ok::<(), recording_webhooks::ParseError>(())
    /// ```
    #[must_use]
    pub fn decode(&self) -> Option<Vec<u8>> {
        STANDARD.decode(self.0).ok()
    }

    /// The text it encodes; `None` when it is not base64 of UTF-8.
    #[must_use]
    pub fn decode_utf8(&self) -> Option<String> {
        String::from_utf8(self.decode()?).ok()
    }
}

/// `call.recording.saved` and `conference.recording.saved`: a recording is
/// ready.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecordingSaved {
    /// The call (for a conference, the participant's).
    pub call_control_id: Option<String>,
    /// The call leg.
    pub call_leg_id: Option<String>,
    /// The call session, shared by the legs of one call.
    pub call_session_id: Option<String>,
    /// The conference, for `conference.recording.saved`.
    pub conference_id: Option<String>,
    /// The connection (a numeric string).
    pub connection_id: Option<String>,
    /// The `client_state` of the command (base64; see
    /// [`Event::client_state`](super::Event::client_state)).
    pub client_state: Option<String>,
    /// The recording.
    pub recording_id: Option<String>,
    /// One channel or two.
    pub channels: Option<Channels>,
    /// The file format.
    pub format: Option<RecordingFormat>,
    /// When recording started.
    pub recording_started_at: Option<Timestamp>,
    /// When recording ended.
    pub recording_ended_at: Option<Timestamp>,
    /// Download links, valid ten minutes.
    pub recording_urls: Option<RecordingUrls>,
    /// Long-lived links, when the account has them (often `{}`).
    pub public_recording_urls: Option<RecordingUrls>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl RecordingSaved {
        call_control_id, call_leg_id, call_session_id, conference_id, connection_id,
        client_state, recording_id, channels, format, recording_started_at,
        recording_ended_at, recording_urls, public_recording_urls,
        ..other
    }
}

/// `call.recording.error`: a recording failed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecordingError {
    /// The call.
    pub call_control_id: Option<String>,
    /// The call leg.
    pub call_leg_id: Option<String>,
    /// The call session.
    pub call_session_id: Option<String>,
    /// The connection.
    pub connection_id: Option<String>,
    /// The `client_state` of the command (base64).
    pub client_state: Option<String>,
    /// Why it failed.
    pub reason: Option<RecordingErrorReason>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl RecordingError {
        call_control_id, call_leg_id, call_session_id, connection_id, client_state, reason,
        ..other
    }
}

/// `call.recording.transcription.saved`: a recording's transcription is
/// ready.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TranscriptionSaved {
    /// The call.
    pub call_control_id: Option<String>,
    /// The call leg.
    pub call_leg_id: Option<String>,
    /// The call session.
    pub call_session_id: Option<String>,
    /// The connection.
    pub connection_id: Option<String>,
    /// The `client_state` of the command (base64).
    pub client_state: Option<String>,
    /// The kind of party called.
    pub calling_party_type: Option<CallingPartyType>,
    /// The recording transcribed.
    pub recording_id: Option<String>,
    /// The transcription.
    pub recording_transcription_id: Option<String>,
    /// Its state.
    pub status: Option<TranscriptionStatus>,
    /// The text.
    pub transcription_text: Option<String>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl TranscriptionSaved {
        call_control_id, call_leg_id, call_session_id, connection_id, client_state,
        calling_party_type, recording_id, recording_transcription_id, status,
        transcription_text,
        ..other
    }
}

/// Any other call or conference event (`call.initiated`, `call.hangup`,
/// `conference.participant.joined`, `siprec.failed`, ...): the ids that tie
/// it to a call and its recordings, and what a recording pipeline reads of
/// its state; every other key is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CallPayload {
    /// The call.
    pub call_control_id: Option<String>,
    /// The call leg.
    pub call_leg_id: Option<String>,
    /// The call session.
    pub call_session_id: Option<String>,
    /// The conference, for `conference.*` events.
    pub conference_id: Option<String>,
    /// The connection.
    pub connection_id: Option<String>,
    /// The `client_state` of the command (base64).
    pub client_state: Option<String>,
    /// The caller.
    pub from: Option<String>,
    /// The callee.
    pub to: Option<String>,
    /// `incoming` or `outgoing`.
    pub direction: Option<String>,
    /// The call's state (`parked`, `bridging`, `active`, `hangup`, ...).
    pub state: Option<String>,
    /// When the call started.
    pub start_time: Option<Timestamp>,
    /// When it ended, on `call.hangup`.
    pub end_time: Option<Timestamp>,
    /// Why it ended (`normal_clearing`, `busy`, ...), on `call.hangup` and
    /// `siprec.stopped`.
    pub hangup_cause: Option<String>,
    /// Who ended it (`caller`, `callee`, `unknown`), on `call.hangup`.
    pub hangup_source: Option<String>,
    /// Why SIPREC failed, on `siprec.failed`.
    pub failure_cause: Option<String>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl CallPayload {
        call_control_id, call_leg_id, call_session_id, conference_id, connection_id,
        client_state, from, to, direction, state, start_time, end_time, hangup_cause,
        hangup_source, failure_cause,
        ..other
    }
}
