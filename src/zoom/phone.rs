//! Zoom Phone's recording events, `phone.recording_*`: a call rather than
//! a meeting, recordings downloaded with the app's own OAuth token.

use serde_json::Number;

use super::payload::Other;
use crate::number_or_string::NumberOrString;
use crate::object::json_object;
use crate::open_enum::open_enum;
use crate::timestamp::Timestamp;

open_enum! {
    /// Which way a call went (`direction`).
    pub enum CallDirection {
        /// Into the account.
        Inbound = "inbound",
        /// Out of it.
        Outbound = "outbound",
    }
}

/// Whose recording it is (`owner`): a user, a call queue, a shared line.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct PhoneOwner {
    /// What the owner is (`user`, `call queue`, ...).
    pub owner_type: Option<String>,
    /// The owner's id.
    pub id: Option<String>,
    /// The owner's name.
    pub name: Option<String>,
    /// The owner's extension (a number here, kept as sent).
    pub extension_number: Option<NumberOrString>,
    /// Whether the owner may open the recording
    /// (`phone.recording_completed`).
    pub has_access_permission: Option<bool>,
    /// Keys this version of the crate does not know.
    pub other: Other,
}

json_object! {
    impl PhoneOwner {
        "type" => owner_type, id, name, extension_number, has_access_permission,
        ..other
    }
}

/// Who placed or took a call (`outgoing_by`, `accepted_by`).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct PhoneParty {
    /// Their name.
    pub name: Option<String>,
    /// Their extension (a string here, kept as sent).
    pub extension_number: Option<NumberOrString>,
    /// Keys this version of the crate does not know.
    pub other: Other,
}

json_object! {
    impl PhoneParty {
        name, extension_number,
        ..other
    }
}

/// A call being recorded: `phone.recording_started`, `_stopped`,
/// `_failed`, `_paused` and `_resumed` (`payload.object`).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct PhoneRecordingInProgress {
    /// The recording's id.
    pub id: Option<String>,
    /// The user whose call it is.
    pub user_id: Option<String>,
    /// Who called.
    pub caller_number: Option<String>,
    /// Who was called.
    pub callee_number: Option<String>,
    /// Which way the call went.
    pub direction: Option<CallDirection>,
    /// When it happened.
    pub date_time: Option<Timestamp>,
    /// How recording started (`OnDemand`, `Automatic`).
    pub recording_type: Option<String>,
    /// The call; de-duplicate a call's events by it.
    pub call_id: Option<String>,
    /// The call's channel (`started`, `stopped`, `failed`).
    pub channel_id: Option<String>,
    /// The call's SIP id (`started`, `stopped`, `failed`).
    pub sip_id: Option<String>,
    /// Whose recording it is.
    pub owner: Option<PhoneOwner>,
    /// Keys this version of the crate does not know.
    pub other: Other,
}

json_object! {
    impl PhoneRecordingInProgress {
        id, user_id, caller_number, callee_number, direction, date_time, recording_type,
        call_id, channel_id, sip_id, owner,
        ..other
    }
}

/// The recordings of `phone.recording_completed`,
/// `_completed_for_access_member`, `_transcript_completed`, `_deleted` and
/// `_permanently_deleted` (`payload.object`).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct PhoneRecordings {
    /// The recordings.
    pub recordings: Vec<CallRecording>,
    /// Keys this version of the crate does not know.
    pub other: Other,
}

json_object! {
    impl PhoneRecordings {
        recordings,
        ..other
    }
}

/// One call recording (`recordings[]`). The deletion events carry only its
/// `id` and `call_id`.
///
/// There is no `download_token`: `download_url` (and
/// `transcript_download_url`) take the app's own OAuth access token, as a
/// Bearer token.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct CallRecording {
    /// The recording's id: de-duplicate recordings by it.
    pub id: String,
    /// Who called.
    pub caller_number: Option<String>,
    /// What kind of number the caller's is (a number Zoom defines).
    pub caller_number_type: Option<NumberOrString>,
    /// The caller's name.
    pub caller_name: Option<String>,
    /// The caller's DID number.
    pub caller_did_number: Option<String>,
    /// Who was called.
    pub callee_number: Option<String>,
    /// What kind of number the callee's is.
    pub callee_number_type: Option<NumberOrString>,
    /// The callee's name.
    pub callee_name: Option<String>,
    /// The callee's DID number.
    pub callee_did_number: Option<String>,
    /// The recording's length in seconds.
    pub duration: Option<Number>,
    /// Where to download the recording, with the app's OAuth access token.
    pub download_url: Option<String>,
    /// Where to download its transcript
    /// (`phone.recording_transcript_completed`).
    pub transcript_download_url: Option<String>,
    /// When the call started.
    pub date_time: Option<Timestamp>,
    /// When it ended.
    pub end_time: Option<Timestamp>,
    /// The user whose call it is.
    pub user_id: Option<String>,
    /// The call.
    pub call_id: Option<String>,
    /// The call's log entry.
    pub call_log_id: Option<String>,
    /// How recording started (`OnDemand`, `Automatic`).
    pub recording_type: Option<String>,
    /// The site the call belongs to (`{"id": ...}`).
    pub site: Option<Other>,
    /// Whose recording it is.
    pub owner: Option<PhoneOwner>,
    /// Which way the call went.
    pub direction: Option<CallDirection>,
    /// Who placed the call, for an outgoing one.
    pub outgoing_by: Option<PhoneParty>,
    /// Who took the call, for an incoming one.
    pub accepted_by: Option<PhoneParty>,
    /// Keys this version of the crate does not know.
    pub other: Other,
}

json_object! {
    impl CallRecording {
        id, caller_number, caller_number_type, caller_name, caller_did_number, callee_number,
        callee_number_type, callee_name, callee_did_number, duration, download_url,
        transcript_download_url, date_time, end_time, user_id, call_id, call_log_id,
        recording_type, site, owner, direction, outgoing_by, accepted_by,
        ..other
    }
}
