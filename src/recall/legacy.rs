//! Events of Recall.ai's API v1.10 that older workspaces still receive.

use serde_json::{Map, Value};

use super::codes::LegacyBotStatusCode;
use crate::number_or_string::NumberOrString;
use crate::object::json_object;
use crate::timestamp::Timestamp;

/// The `status` of a legacy `bot.status_change` event.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct LegacyStatus {
    /// The new status.
    pub code: LegacyBotStatusCode,
    /// When the status changed.
    pub created_at: Timestamp,
    /// Why, when Recall says.
    pub sub_code: Option<String>,
    /// A human-readable explanation.
    pub message: Option<String>,
    /// The recording, on `recording_done` and later statuses.
    pub recording_id: Option<String>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl LegacyStatus {
        code, created_at, #[null] sub_code, #[null] message, recording_id,
        ..other
    }
}

/// `bot.status_change` (API v1.10).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct BotStatusChange {
    /// The bot.
    pub bot_id: String,
    /// Its new status.
    pub status: LegacyStatus,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl BotStatusChange {
        bot_id, status,
        ..other
    }
}

/// A log line of a legacy `bot.log` or `bot.output_log` event.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct LogEntry {
    /// The severity, such as `error` or `info`.
    pub level: String,
    /// The message.
    pub message: String,
    /// The output the line is about, for output logs.
    pub output_id: Option<String>,
    /// When it was logged.
    pub created_at: Timestamp,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl LogEntry {
        level, message, output_id, created_at,
        ..other
    }
}

/// `bot.log` and `bot.output_log` (API v1.10).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct BotLog {
    /// The bot, when the line is about one.
    pub bot_id: Option<String>,
    /// The job, when the line is about one.
    pub job_id: Option<String>,
    /// The line.
    pub log: LogEntry,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl BotLog {
        bot_id, job_id, log,
        ..other
    }
}

/// A v1.10 Call Event (`bot.participant_join`, `bot.participant_leave`,
/// `bot.active_speaker_notify`, `bot.participant_screen_on`,
/// `bot.participant_screen_off`, `bot.participant_in_waiting_room`), sent
/// per bot to its `webhook_call_events_destination_url` rather than through
/// the webhooks dashboard.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct CallEvent {
    /// The bot.
    pub bot_id: String,
    /// The participant (a number, kept as sent).
    pub participant_id: NumberOrString,
    /// When it happened.
    pub created_at: Timestamp,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl CallEvent {
        bot_id, participant_id, created_at,
        ..other
    }
}
