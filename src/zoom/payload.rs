//! The payloads of Zoom's `recording.*` events, as Zoom's SDK (Rivet)
//! declares them.
//!
//! Zoom adds fields without notice, so every object here keeps the keys it
//! does not know in `other` and writes them back when serialized. A field
//! Zoom declares optional, or leaves out for some files, is an `Option`.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Number, Value};

use crate::number_or_string::NumberOrString;
use crate::object::{Field, Parsed, Slot, json_object};
use crate::open_enum::open_enum;
use crate::redacted::Redacted;
use crate::timestamp::Timestamp;

/// The keys an object carries that this version of the crate does not know.
pub type Other = Map<String, Value>;

open_enum! {
    /// What a recording file holds (`file_type`).
    pub enum FileType {
        /// Video.
        Mp4 = "MP4",
        /// Audio only.
        M4a = "M4A",
        /// Timestamps of the recording (JSON).
        Timeline = "TIMELINE",
        /// The audio transcript (VTT).
        Transcript = "TRANSCRIPT",
        /// The in-meeting chat (TXT).
        Chat = "CHAT",
        /// Closed captions (VTT).
        Cc = "CC",
        /// Poll results.
        Csv = "CSV",
        /// Summary and Q&A.
        Tb = "TB",
        /// Chat messages.
        ChatMessage = "CHAT_MESSAGE",
    }
}

open_enum! {
    /// A recording file's extension (`file_extension`).
    pub enum FileExtension {
        Mp4 = "MP4",
        M4a = "M4A",
        Txt = "TXT",
        Vtt = "VTT",
        Csv = "CSV",
        Json = "JSON",
        Jpg = "JPG",
    }
}

open_enum! {
    /// Which view or track a recording file is (`recording_type`). Some
    /// values carry literal parentheses.
    pub enum RecordingType {
        SharedScreenWithSpeakerViewCc = "shared_screen_with_speaker_view(CC)",
        SharedScreenWithSpeakerView = "shared_screen_with_speaker_view",
        SharedScreenWithGalleryView = "shared_screen_with_gallery_view",
        SpeakerView = "speaker_view",
        GalleryView = "gallery_view",
        SharedScreen = "shared_screen",
        AudioOnly = "audio_only",
        AudioTranscript = "audio_transcript",
        ChatFile = "chat_file",
        ActiveSpeaker = "active_speaker",
        HostVideo = "host_video",
        AudioOnlyEachParticipant = "audio_only_each_participant",
        CcTranscript = "cc_transcript",
        ClosedCaption = "closed_caption",
        Poll = "poll",
        Timeline = "timeline",
        Thumbnail = "thumbnail",
        ChatMessage = "chat_message",
    }
}

open_enum! {
    /// A recording file's processing status (`status`).
    pub enum RecordingStatus {
        Completed = "completed",
    }
}

open_enum! {
    /// An on-demand recording registrant's status.
    pub enum RegistrantStatus {
        Approved = "approved",
        Pending = "pending",
        Denied = "denied",
    }
}

/// The kind of meeting (`type`, a number). Webinars and newer products use
/// other numbers, kept in [`MeetingType::Unknown`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MeetingType {
    /// `0`: a prescheduled meeting.
    Prescheduled,
    /// `1`: an instant meeting.
    Instant,
    /// `2`: a scheduled meeting.
    Scheduled,
    /// `3`: a recurring meeting with no fixed time.
    RecurringNoFixedTime,
    /// `4`: a meeting in a personal meeting room.
    PersonalMeetingRoom,
    /// `7`: a personal audio conference.
    PersonalAudioConference,
    /// `8`: a recurring meeting with a fixed time.
    RecurringFixedTime,
    /// A number this version of the crate does not know, kept as received.
    Unknown(i64),
}

impl MeetingType {
    /// Every documented value, in Zoom's order.
    pub const KNOWN: &'static [MeetingType] = &[
        MeetingType::Prescheduled,
        MeetingType::Instant,
        MeetingType::Scheduled,
        MeetingType::RecurringNoFixedTime,
        MeetingType::PersonalMeetingRoom,
        MeetingType::PersonalAudioConference,
        MeetingType::RecurringFixedTime,
    ];

    /// The number Zoom sends.
    #[must_use]
    pub fn code(self) -> i64 {
        match self {
            MeetingType::Prescheduled => 0,
            MeetingType::Instant => 1,
            MeetingType::Scheduled => 2,
            MeetingType::RecurringNoFixedTime => 3,
            MeetingType::PersonalMeetingRoom => 4,
            MeetingType::PersonalAudioConference => 7,
            MeetingType::RecurringFixedTime => 8,
            MeetingType::Unknown(code) => code,
        }
    }

    /// Whether the number is one this version of the crate does not know.
    #[must_use]
    pub fn is_unknown(self) -> bool {
        matches!(self, MeetingType::Unknown(_))
    }
}

impl From<i64> for MeetingType {
    fn from(code: i64) -> MeetingType {
        MeetingType::KNOWN
            .iter()
            .copied()
            .find(|known| known.code() == code)
            .unwrap_or(MeetingType::Unknown(code))
    }
}

impl Parsed for MeetingType {
    fn set(&mut self, value: Value) -> Result<(), serde_json::Error> {
        *self = MeetingType::deserialize(value)?;
        Ok(())
    }
}

impl Field for MeetingType {
    const REQUIRED: bool = true;

    fn empty() -> Self {
        MeetingType::Unknown(0)
    }

    fn slot(&mut self) -> Slot<'_> {
        Slot::Parsed(self)
    }
}

impl fmt::Display for MeetingType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.code(), f)
    }
}

impl Serialize for MeetingType {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.code())
    }
}

impl<'de> Deserialize<'de> for MeetingType {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<MeetingType, D::Error> {
        i64::deserialize(deserializer).map(MeetingType::from)
    }
}

/// A recording's download token: a bearer credential, valid for 24 hours,
/// for the event's `download_url`s.
///
/// Send it as `Authorization: Bearer <token>` (older integrations append
/// `?access_token=<token>` to the URL). `Debug` shows it redacted, so an
/// event can be logged with `{:?}`; serialization writes it back unchanged.
pub type DownloadToken = crate::Redacted;

/// What most `recording.*` events carry in `payload`: the account, who did
/// it (for the events an operator triggers), and the object.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Payload<O> {
    /// The account the meeting belongs to.
    pub account_id: String,
    /// The e-mail of the user who triggered the event, for trash, delete,
    /// recover and registration decisions.
    pub operator: Option<String>,
    /// The user id of the operator.
    pub operator_id: Option<String>,
    /// What the event is about.
    pub object: O,
    /// Keys this version of the crate does not know.
    pub other: Other,
}

json_object! {
    impl[O: Field] Payload<O> {
        account_id, operator, operator_id, object,
        ..other
    }
}

/// The span of a recording in progress (`recording_file` of
/// `recording.started` and its neighbours).
///
/// RFC 3339 instants as sent; Zoom sends an empty string for an end not yet
/// reached, so the text is kept and [`RecordingSpan::start`] /
/// [`RecordingSpan::end`] read it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecordingSpan {
    /// When recording started.
    pub recording_start: Option<String>,
    /// When recording ended.
    pub recording_end: Option<String>,
    /// Keys this version of the crate does not know.
    pub other: Other,
}

json_object! {
    impl RecordingSpan {
        recording_start, recording_end,
        ..other
    }
}

impl RecordingSpan {
    /// `recording_start` as an instant, when it is one.
    #[must_use]
    pub fn start(&self) -> Option<Timestamp> {
        self.recording_start.as_deref().and_then(|t| t.parse().ok())
    }

    /// `recording_end` as an instant, when it is one.
    #[must_use]
    pub fn end(&self) -> Option<Timestamp> {
        self.recording_end.as_deref().and_then(|t| t.parse().ok())
    }
}

/// A meeting whose recording started, paused, resumed or stopped.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct RecordingInProgress {
    /// The meeting number (above 2^32 for many meetings).
    pub id: NumberOrString,
    /// The meeting instance.
    pub uuid: String,
    /// The host's user id.
    pub host_id: String,
    /// The meeting's topic.
    pub topic: String,
    /// The kind of meeting.
    pub meeting_type: MeetingType,
    /// When the meeting started.
    pub start_time: Timestamp,
    /// The meeting's IANA time zone; instant meetings send `""`.
    pub timezone: Option<String>,
    /// Minutes, as Zoom counts them: `0` in some recording webhooks, so
    /// infer nothing from it.
    pub duration: i64,
    /// The span recorded so far.
    pub recording_file: RecordingSpan,
    /// Keys this version of the crate does not know.
    pub other: Other,
}

json_object! {
    impl RecordingInProgress {
        id, uuid, host_id, topic, "type" => meeting_type, start_time, timezone, duration,
        recording_file,
        ..other
    }
}

/// A recorded meeting: `recording.completed`, `recording.transcript_completed`,
/// and the trash, delete and recover events.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Recording {
    /// The meeting instance; de-duplicate a meeting's events by it.
    pub uuid: String,
    /// The meeting number, shared by every occurrence of a recurring
    /// meeting (above 2^32 for many meetings).
    pub id: NumberOrString,
    /// The account.
    pub account_id: Option<String>,
    /// The host's user id.
    pub host_id: String,
    /// The host's e-mail.
    pub host_email: Option<String>,
    /// The meeting's topic: any Unicode, emoji included.
    pub topic: String,
    /// The kind of meeting.
    pub meeting_type: MeetingType,
    /// When the meeting started.
    pub start_time: Timestamp,
    /// The meeting's IANA time zone; instant meetings send `""`.
    pub timezone: Option<String>,
    /// Minutes, as Zoom counts them: `0` in some recording webhooks, so
    /// infer nothing from it.
    pub duration: i64,
    /// The size of all files, in bytes.
    pub total_size: u64,
    /// How many files there are.
    pub recording_count: u64,
    /// The link to share the recording.
    pub share_url: String,
    /// The recording's password: a credential, `Debug` shows it redacted.
    pub password: Option<Redacted>,
    /// The recording's play passcode: a credential, `Debug` shows it
    /// redacted.
    pub recording_play_passcode: Option<Redacted>,
    /// Whether it was recorded on premises.
    pub on_prem: Option<bool>,
    /// Whether Zoom deletes the recording automatically.
    pub auto_delete: Option<bool>,
    /// When Zoom deletes it (a date).
    pub auto_delete_date: Option<String>,
    /// The files; absent from some trash events.
    pub recording_files: Option<Vec<RecordingFile>>,
    /// One audio file per participant, when the account records them.
    pub participant_audio_files: Option<Vec<ParticipantAudioFile>>,
    /// Keys this version of the crate does not know.
    pub other: Other,
}

json_object! {
    impl Recording {
        uuid, id, account_id, host_id, host_email, topic, "type" => meeting_type, start_time,
        timezone, duration, total_size, recording_count, share_url, password,
        recording_play_passcode, on_prem, auto_delete, auto_delete_date, recording_files,
        participant_audio_files,
        ..other
    }
}

/// One file of a recording: a meeting's `recording_files[]`, a Video SDK
/// session's `recording_files[]` and `participant_video_files[]`.
///
/// Every field but the unknown keys is optional: `CC` and `TIMELINE` files
/// come without `id`, `status`, `file_size` and `recording_type`,
/// on-premise files without `download_url`, and Zoom's Video SDK declares
/// every field optional.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct RecordingFile {
    /// The file's id: de-duplicate files by it.
    pub id: Option<String>,
    /// The meeting **uuid** (not its number); meetings only.
    pub meeting_id: Option<String>,
    /// When the file's span starts.
    pub recording_start: Option<Timestamp>,
    /// When it ends.
    pub recording_end: Option<Timestamp>,
    /// What the file holds.
    pub file_type: Option<FileType>,
    /// Its extension.
    pub file_extension: Option<FileExtension>,
    /// Its name.
    pub file_name: Option<String>,
    /// Its size in bytes.
    pub file_size: Option<u64>,
    /// Where an on-premise file is.
    pub file_path: Option<String>,
    /// Where to play it in a browser.
    pub play_url: Option<String>,
    /// Where to download it, with the event's download token.
    pub download_url: Option<String>,
    /// Its processing status.
    pub status: Option<RecordingStatus>,
    /// Which view or track it is.
    pub recording_type: Option<RecordingType>,
    /// The participant's session user id, on a Video SDK participant's
    /// own file.
    pub user_id: Option<String>,
    /// The `user_identity` of the participant's Video SDK JWT, on a
    /// participant's own file.
    pub user_key: Option<String>,
    /// Keys this version of the crate does not know.
    pub other: Other,
}

json_object! {
    impl RecordingFile {
        id, meeting_id, recording_start, recording_end, file_type, file_extension, file_name,
        file_size, file_path, play_url, download_url, status, recording_type, user_id, user_key,
        ..other
    }
}

/// One participant's own audio file (`participant_audio_files[]`), of a
/// meeting or a Video SDK session.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ParticipantAudioFile {
    /// The file's id.
    pub id: Option<String>,
    /// When the file's span starts.
    pub recording_start: Option<Timestamp>,
    /// When it ends.
    pub recording_end: Option<Timestamp>,
    /// What the file holds.
    pub file_type: Option<FileType>,
    /// Its extension.
    pub file_extension: Option<FileExtension>,
    /// Its name (the participant's name, as Zoom writes it).
    pub file_name: Option<String>,
    /// Its size in bytes.
    pub file_size: Option<u64>,
    /// Where an on-premise file is.
    pub file_path: Option<String>,
    /// Where to play it in a browser.
    pub play_url: Option<String>,
    /// Where to download it, with the event's download token.
    pub download_url: Option<String>,
    /// Its processing status.
    pub status: Option<RecordingStatus>,
    /// Which track it is (the Video SDK's `audio_only`).
    pub recording_type: Option<RecordingType>,
    /// The participant's session user id (Video SDK).
    pub user_id: Option<String>,
    /// The `user_identity` of the participant's Video SDK JWT.
    pub user_key: Option<String>,
    /// Keys this version of the crate does not know.
    pub other: Other,
}

json_object! {
    impl ParticipantAudioFile {
        id, recording_start, recording_end, file_type, file_extension, file_name, file_size,
        file_path, play_url, download_url, status, recording_type, user_id, user_key,
        ..other
    }
}

/// `recording.renamed`: the meeting before and after.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Renamed {
    /// The account.
    pub account_id: String,
    /// The e-mail of the user who renamed it.
    pub operator: Option<String>,
    /// Their user id.
    pub operator_id: Option<String>,
    /// When it was renamed (milliseconds since the epoch).
    pub time_stamp: Option<i64>,
    /// The meeting with its new topic.
    pub object: RenamedMeeting,
    /// The meeting with its old topic.
    pub old_object: RenamedMeeting,
    /// Keys this version of the crate does not know.
    pub other: Other,
}

json_object! {
    impl Renamed {
        account_id, operator, operator_id, time_stamp, object, old_object,
        ..other
    }
}

/// A meeting as `recording.renamed` describes it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct RenamedMeeting {
    /// The meeting instance.
    pub uuid: String,
    /// The meeting number.
    pub id: NumberOrString,
    /// The topic.
    pub topic: String,
    /// The kind of meeting.
    pub meeting_type: MeetingType,
    /// The host's user id.
    pub host_id: String,
    /// Keys this version of the crate does not know.
    pub other: Other,
}

json_object! {
    impl RenamedMeeting {
        uuid, id, topic, "type" => meeting_type, host_id,
        ..other
    }
}

/// The payload of the batch events: who acted, and on what.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct BatchPayload<O> {
    /// The account.
    pub account_id: String,
    /// The e-mail of the user who acted.
    pub operator: Option<String>,
    /// Their user id.
    pub operator_id: Option<String>,
    /// What was done (`recording.batch_trashed`).
    pub operation: Option<String>,
    /// What it was done to.
    pub object: Option<O>,
    /// Keys this version of the crate does not know.
    pub other: Other,
}

json_object! {
    impl[O: Field] BatchPayload<O> {
        account_id, operator, operator_id, operation, object,
        ..other
    }
}

/// The meetings of `recording.batch_trashed`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct BatchTrashed {
    /// The meeting instances whose recordings went to the trash.
    pub meeting_uuids: Vec<String>,
    /// Keys this version of the crate does not know.
    pub other: Other,
}

json_object! {
    impl BatchTrashed {
        #[default] meeting_uuids,
        ..other
    }
}

/// The meetings of `recording.batch_deleted` and `recording.batch_recovered`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct BatchMeetings {
    /// The meetings and their files.
    pub meetings: Vec<BatchMeeting>,
    /// Keys this version of the crate does not know.
    pub other: Other,
}

json_object! {
    impl BatchMeetings {
        #[default] meetings,
        ..other
    }
}

/// One meeting of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct BatchMeeting {
    /// The meeting instance.
    pub meeting_uuid: Option<String>,
    /// The files acted on.
    pub recording_file_ids: Option<Vec<String>>,
    /// Keys this version of the crate does not know.
    pub other: Other,
}

json_object! {
    impl BatchMeeting {
        meeting_uuid, recording_file_ids,
        ..other
    }
}

/// `recording.archive_files_completed` (the archiving add-on), where Zoom
/// declares every field optional.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ArchivePayload {
    /// The account.
    pub account_id: Option<String>,
    /// The archived meeting.
    pub object: Option<ArchivedMeeting>,
    /// Keys this version of the crate does not know.
    pub other: Other,
}

json_object! {
    impl ArchivePayload {
        account_id, object,
        ..other
    }
}

/// An archived meeting.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ArchivedMeeting {
    /// The meeting instance.
    pub uuid: Option<String>,
    /// The meeting number.
    pub id: Option<NumberOrString>,
    /// The host's user id.
    pub host_id: Option<String>,
    /// The topic.
    pub topic: Option<String>,
    /// The kind of meeting.
    pub meeting_type: Option<MeetingType>,
    /// When the meeting started.
    pub start_time: Option<Timestamp>,
    /// The meeting's time zone.
    pub timezone: Option<String>,
    /// Minutes.
    pub duration: Option<i64>,
    /// Seconds.
    pub duration_in_second: Option<i64>,
    /// The size of all files, in bytes.
    pub total_size: Option<u64>,
    /// How many files there are.
    pub recording_count: Option<u64>,
    /// `meeting_type`: `internal` or `external`, as Zoom words it (the
    /// field is named apart from [`ArchivedMeeting::meeting_type`], which is
    /// `type` on the wire, as everywhere in this crate).
    pub meeting_type_name: Option<String>,
    /// The account's name.
    pub account_name: Option<String>,
    /// When archiving completed.
    pub complete_time: Option<Timestamp>,
    /// Whether it is a breakout room.
    pub is_breakout_room: Option<bool>,
    /// The parent meeting of a breakout room.
    pub parent_meeting_id: Option<String>,
    /// The archive's status.
    pub status: Option<RecordingStatus>,
    /// The archive's group.
    pub group_id: Option<String>,
    /// The archived files.
    pub archive_files: Option<Vec<ArchiveFile>>,
    /// Keys this version of the crate does not know.
    pub other: Other,
}

json_object! {
    impl ArchivedMeeting {
        uuid, id, host_id, topic, "type" => meeting_type, start_time, timezone, duration,
        duration_in_second, total_size, recording_count, "meeting_type" => meeting_type_name,
        account_name, complete_time, is_breakout_room, parent_meeting_id, status, group_id,
        archive_files,
        ..other
    }
}

/// One archived file.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ArchiveFile {
    /// The file's id.
    pub id: Option<String>,
    /// What the file holds.
    pub file_type: Option<FileType>,
    /// Its extension.
    pub file_extension: Option<FileExtension>,
    /// Its name.
    pub file_name: Option<String>,
    /// Its size in bytes.
    pub file_size: Option<u64>,
    /// Where to download it, with the event's download token.
    pub download_url: Option<String>,
    /// Its processing status.
    pub status: Option<RecordingStatus>,
    /// Which view or track it is.
    pub recording_type: Option<RecordingType>,
    /// Whether it is one participant's file.
    pub individual: Option<bool>,
    /// That participant's e-mail.
    pub participant_email: Option<String>,
    /// When that participant joined.
    pub participant_join_time: Option<Timestamp>,
    /// When that participant left.
    pub participant_leave_time: Option<Timestamp>,
    /// The file's encryption fingerprint.
    pub encryption_fingerprint: Option<String>,
    /// How many chat messages it holds.
    pub number_of_messages: Option<u64>,
    /// Where it is stored.
    pub storage_location: Option<String>,
    /// Keys this version of the crate does not know.
    pub other: Other,
}

json_object! {
    impl ArchiveFile {
        id, file_type, file_extension, file_name, file_size, download_url, status,
        recording_type, individual, participant_email, participant_join_time,
        participant_leave_time, encryption_fingerprint, number_of_messages, storage_location,
        ..other
    }
}

/// `recording.cloud_storage_usage_updated`: the account's cloud storage.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct CloudStorageUsage {
    /// Free storage, as Zoom words it (`"1 GB"`).
    pub free_storage: String,
    /// The plan's storage.
    pub plan_storage: String,
    /// The plan.
    pub plan_type: String,
    /// Storage used.
    pub storage_used: String,
    /// Storage used, in percent (a number).
    pub storage_used_percentage: Number,
    /// Storage beyond the plan.
    pub storage_exceed: String,
    /// Until when the excess is allowed.
    pub max_exceed_date: Option<String>,
    /// Keys this version of the crate does not know.
    pub other: Other,
}

json_object! {
    impl CloudStorageUsage {
        free_storage, plan_storage, plan_type, storage_used, storage_used_percentage,
        storage_exceed, max_exceed_date,
        ..other
    }
}

/// A meeting whose on-demand recording someone registered for.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Registration {
    /// The meeting number.
    pub id: NumberOrString,
    /// The meeting instance.
    pub uuid: String,
    /// The host's user id.
    pub host_id: String,
    /// The topic.
    pub topic: String,
    /// The kind of meeting.
    pub meeting_type: MeetingType,
    /// When the meeting started.
    pub start_time: Timestamp,
    /// The meeting's time zone.
    pub timezone: Option<String>,
    /// Minutes.
    pub duration: i64,
    /// Who registered.
    pub registrant: Registrant,
    /// Keys this version of the crate does not know.
    pub other: Other,
}

json_object! {
    impl Registration {
        id, uuid, host_id, topic, "type" => meeting_type, start_time, timezone, duration,
        registrant,
        ..other
    }
}

/// Someone registered for an on-demand recording.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Registrant {
    /// The registrant's id.
    pub id: Option<String>,
    /// Their e-mail.
    pub email: String,
    /// Their registration's status.
    pub status: Option<RegistrantStatus>,
    /// Their first name.
    pub first_name: String,
    /// Their last name.
    pub last_name: Option<String>,
    /// Their address.
    pub address: Option<String>,
    /// Their city.
    pub city: Option<String>,
    /// Their country.
    pub country: Option<String>,
    /// Their postal code.
    pub zip: Option<String>,
    /// Their state or province.
    pub state: Option<String>,
    /// Their phone number.
    pub phone: Option<String>,
    /// Their industry.
    pub industry: Option<String>,
    /// Their organization.
    pub org: Option<String>,
    /// Their job title.
    pub job_title: Option<String>,
    /// Their purchasing time frame.
    pub purchasing_time_frame: Option<String>,
    /// Their role in the purchase.
    pub role_in_purchase_process: Option<String>,
    /// Their organization's size.
    pub no_of_employees: Option<String>,
    /// Their comments.
    pub comments: Option<String>,
    /// Their answers to the host's questions.
    pub custom_questions: Option<Vec<CustomQuestion>>,
    /// Keys this version of the crate does not know.
    pub other: Other,
}

json_object! {
    impl Registrant {
        id, email, status, first_name, last_name, address, city, country, zip, state, phone,
        industry, org, job_title, purchasing_time_frame, role_in_purchase_process,
        no_of_employees, comments, custom_questions,
        ..other
    }
}

/// A registrant's answer to one of the host's questions.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CustomQuestion {
    /// The question.
    pub title: Option<String>,
    /// The answer.
    pub value: Option<String>,
    /// Keys this version of the crate does not know.
    pub other: Other,
}

json_object! {
    impl CustomQuestion {
        title, value,
        ..other
    }
}
