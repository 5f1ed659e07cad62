//! Real-time endpoint events: participant events, transcripts, and raw
//! media, sent per bot while the call goes on.

use base64::Engine as _;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value};

use super::status::Resource;
use crate::number_or_string::NumberOrString;
use crate::object::{Field, Parsed, Slot, json_object};
use crate::open_enum::open_enum;
use crate::timestamp::Timestamp;

/// A participant in the call.
///
/// Recall's schemas allow `null` for every field but `id` (`is_host:
/// boolean | null`, `extra_data: json | null`), and `email` is filled only
/// once the participant is matched to a calendar attendee: each reads as
/// `None`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Participant {
    /// Recall's id for the participant within this call ("not unique across
    /// meetings"): a number, or for Zoom participants before February 2025
    /// a long numeric string; kept as sent ([`Participant::id`] reads
    /// either).
    pub id: NumberOrString,
    /// The display name, when the platform gives one.
    pub name: Option<String>,
    /// Whether the participant hosts the call, when the platform says.
    pub is_host: Option<bool>,
    /// The platform the participant joined from (`desktop`, `dial-in`,
    /// `unknown`), when known.
    pub platform: Option<String>,
    /// Platform-specific details: any JSON.
    pub extra_data: Option<Value>,
    /// The participant's email, when the platform shares it.
    pub email: Option<String>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl Participant {
        id, #[null] name, is_host, #[null] platform, extra_data, email,
        ..other
    }
}

impl Participant {
    /// The participant's id as a number, whichever form it came in; `None`
    /// for an id that is not one.
    #[must_use]
    pub fn id(&self) -> Option<i64> {
        self.id.as_i64()
    }
}

/// When something happened: seconds since the recording started, and the
/// wall-clock instant when Recall gives it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct RelativeTimestamp {
    /// Seconds since the start of the recording: a float, or an integer
    /// (`0` at the very start), kept as sent; see
    /// [`RelativeTimestamp::seconds`].
    pub relative: Number,
    /// The instant.
    pub absolute: Option<Timestamp>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl RelativeTimestamp {
        relative, absolute,
        ..other
    }
}

impl RelativeTimestamp {
    /// Seconds since the start of the recording, as a float.
    #[must_use]
    pub fn seconds(&self) -> f64 {
        self.relative.as_f64().unwrap_or_default()
    }
}

open_enum! {
    /// Who a chat message was sent to (`to`).
    pub enum ChatTo {
        /// Everyone in the call.
        Everyone = "everyone",
        /// The bot alone.
        OnlyBot = "only_bot",
    }
}

/// A chat message, the inner `data` of `participant_events.chat_message`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ChatMessage {
    /// The message.
    pub text: String,
    /// Its audience.
    pub to: ChatTo,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl ChatMessage {
        text, to,
        ..other
    }
}

/// The inner `data` of a participant event: `null` (absent here) for most
/// events, the chat message for `participant_events.chat_message`, and any
/// other object kept as JSON rather than failing the event.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum ParticipantData {
    /// A chat message.
    ChatMessage(ChatMessage),
    /// Anything else, as sent.
    Other(Value),
}

impl From<Value> for ParticipantData {
    /// A chat message when the value reads as one, else the value itself.
    fn from(value: Value) -> ParticipantData {
        match ChatMessage::deserialize(&value) {
            Ok(message) => ParticipantData::ChatMessage(message),
            Err(_) => ParticipantData::Other(value),
        }
    }
}

impl<'de> Deserialize<'de> for ParticipantData {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Value::deserialize(deserializer).map(ParticipantData::from)
    }
}

impl Parsed for ParticipantData {
    fn set(&mut self, value: Value) -> Result<(), serde_json::Error> {
        *self = ParticipantData::from(value);
        Ok(())
    }
}

impl Field for ParticipantData {
    const REQUIRED: bool = true;

    fn empty() -> Self {
        ParticipantData::Other(Value::Null)
    }

    fn slot(&mut self) -> Slot<'_> {
        Slot::Parsed(self)
    }
}

/// What happened in a participant event.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ParticipantAction {
    /// Who.
    pub participant: Participant,
    /// When.
    pub timestamp: RelativeTimestamp,
    /// The message, for `chat_message`; `null` otherwise.
    pub data: Option<ParticipantData>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl ParticipantAction {
        participant, timestamp, #[null] data,
        ..other
    }
}

impl ParticipantAction {
    /// The chat message, for `participant_events.chat_message`.
    #[must_use]
    pub fn chat_message(&self) -> Option<&ChatMessage> {
        match &self.data {
            Some(ParticipantData::ChatMessage(message)) => Some(message),
            _ => None,
        }
    }
}

/// A participant event (`participant_events.join` ... `.chat_message`).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ParticipantEvent {
    /// What happened.
    pub data: ParticipantAction,
    /// The endpoint that received it.
    pub realtime_endpoint: Option<Resource>,
    /// The participant events object of the recording.
    pub participant_events: Option<Resource>,
    /// The recording.
    pub recording: Option<Resource>,
    /// The bot, when the recording has one.
    pub bot: Option<Resource>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl ParticipantEvent {
        data, realtime_endpoint, participant_events, recording, bot,
        ..other
    }
}

/// A transcribed word.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Word {
    /// The word.
    pub text: String,
    /// When it started.
    pub start_timestamp: RelativeTimestamp,
    /// When it ended, if known.
    pub end_timestamp: Option<RelativeTimestamp>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl Word {
        text, start_timestamp, #[null] end_timestamp,
        ..other
    }
}

/// A stretch of transcript: words and who said them.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Utterance {
    /// The words, in order.
    pub words: Vec<Word>,
    /// The speaker.
    pub participant: Participant,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl Utterance {
        words, participant,
        ..other
    }
}

impl Utterance {
    /// The words joined by single spaces.
    #[must_use]
    pub fn text(&self) -> String {
        let mut text = String::new();
        for word in &self.words {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&word.text);
        }
        text
    }
}

/// A real-time transcript event (`transcript.data`,
/// `transcript.partial_data`).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct TranscriptEvent {
    /// The words.
    pub data: Utterance,
    /// The endpoint that received it.
    pub realtime_endpoint: Option<Resource>,
    /// The transcript object.
    pub transcript: Option<Resource>,
    /// The recording.
    pub recording: Option<Resource>,
    /// The bot, when the recording has one.
    pub bot: Option<Resource>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl TranscriptEvent {
        data, realtime_endpoint, transcript, recording, bot,
        ..other
    }
}

open_enum! {
    /// Which video a separate video frame is from (`type`).
    pub enum VideoType {
        /// The participant's camera.
        Webcam = "webcam",
        /// The participant's shared screen.
        Screenshare = "screenshare",
    }
}

/// Raw media from a websocket endpoint: a chunk of audio (16 kHz mono
/// S16LE) or a video frame (PNG or H.264).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct MediaChunk {
    /// The media, base64-encoded; see [`MediaChunk::decode_buffer`].
    pub buffer: String,
    /// When it was captured.
    pub timestamp: RelativeTimestamp,
    /// Whose stream it is, for the separate streams.
    pub participant: Option<Participant>,
    /// Webcam or screenshare, on `video_separate_*.data`.
    pub video_type: Option<VideoType>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl MediaChunk {
        buffer, timestamp, participant, "type" => video_type,
        ..other
    }
}

impl MediaChunk {
    /// The media bytes.
    ///
    /// # Errors
    ///
    /// The base64 decoding error when `buffer` is not standard base64.
    pub fn decode_buffer(&self) -> Result<Vec<u8>, base64::DecodeError> {
        base64::engine::general_purpose::STANDARD.decode(&self.buffer)
    }
}

/// A raw media event (`audio_mixed_raw.data`, `audio_separate_raw.data`,
/// `video_separate_png.data`, `video_separate_h264.data`).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct RawMediaEvent {
    /// The media.
    pub data: MediaChunk,
    /// The endpoint that received it.
    pub realtime_endpoint: Option<Resource>,
    /// The mixed audio object, on `audio_mixed_raw.data`, under the key
    /// Recall's real-time payload docs name.
    pub audio_mixed: Option<Resource>,
    /// The same object under the key Recall's real-time media page and its
    /// real-time starter kit use; whichever came is written back.
    pub audio_mixed_raw: Option<Resource>,
    /// The separate audio object, on `audio_separate_raw.data`.
    pub audio_separate: Option<Resource>,
    /// The separate video object, on `video_separate_png.data` and
    /// `video_separate_h264.data`.
    pub video_separate: Option<Resource>,
    /// The recording.
    pub recording: Option<Resource>,
    /// The bot, when the recording has one.
    pub bot: Option<Resource>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl RawMediaEvent {
        data, realtime_endpoint, audio_mixed, audio_mixed_raw, audio_separate, video_separate,
        recording, bot,
        ..other
    }
}
