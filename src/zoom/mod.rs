//! Zoom webhooks: `x-zm-signature` verification, every recording event of
//! meetings (`recording.*`), the Video SDK (`session.recording_*`) and
//! Zoom Phone (`phone.recording_*`), and the endpoint's URL validation,
//! answered only when verified.
//!
//! [`Webhook::receive`] verifies the request, then parses it into an
//! [`Event`]; for `endpoint.url_validation`,
//! [`Delivery::url_validation_response`] is the JSON to answer with.
//!
//! ```
//! use recording_webhooks::zoom::{Event, FileType};
//!
//! let body = br#"{"event":"recording.completed","event_ts":1739923528000,
//!   "payload":{"account_id":"lAAAAAAAAAAAAA","object":{"uuid":"Tq3kXcE9Rb2mYw7LfHs1Zg==",
//!   "id":87565330005,"account_id":"lAAAAAAAAAAAAA","host_id":"z8yBXksmRUOiQhjWLNvgBA",
//!   "topic":"Weekly sync","type":2,"start_time":"2026-03-02T09:00:00Z","timezone":"",
//!   "duration":0,"total_size":3500663,"recording_count":1,
//!   "share_url":"https://example.zoom.us/rec/share/abc","recording_files":[{
//!   "id":"ed6c2f27-2ae7-42f4-b3d0-835b493e4fa8","meeting_id":"Tq3kXcE9Rb2mYw7LfHs1Zg==",
//!   "recording_start":"2026-03-02T09:00:05Z","recording_end":"2026-03-02T09:31:40Z",
//!   "file_type":"MP4","file_extension":"MP4","file_size":3500663,
//!   "download_url":"https://example.zoom.us/rec/download/abc","status":"completed",
//!   "recording_type":"shared_screen_with_speaker_view(CC)"}]}},
//!   "download_token":"eyJhbGciOiJIUzI1NiJ9.e30.sig"}"#;
//! let event = Event::from_slice(body)?;
//! assert_eq!(event.meeting_id(), Some(87565330005));
//! assert_eq!(event.meeting_uuid(), Some("Tq3kXcE9Rb2mYw7LfHs1Zg=="));
//! for file in event.recording_files() {
//!     assert_eq!(file.file_type, Some(FileType::Mp4));
//! }
//! // A bearer credential: its Debug is redacted.
//! let token = event.download_token().unwrap();
//! assert_eq!(format!("{token:?}"), "<redacted>");
//! # Ok::<(), recording_webhooks::ParseError>(())
//! ```
//!
//! Every event name, file type, extension, recording type and status is an
//! open enum, and the meeting `type` an open number: a value this version
//! does not know is kept as received. Every object keeps the keys it does
//! not know in `other`, and an unknown event keeps its whole body, so
//! serializing a parsed event gives back the JSON that came in.

mod event;
mod payload;
mod phone;
mod session;
mod verify;
mod webhook;

pub use crate::replay::DEFAULT_TOLERANCE;
pub use event::{DownloadAuth, Envelope, Event, EventType, UnknownEvent, UrlValidation};
pub use payload::{
    ArchiveFile, ArchivePayload, ArchivedMeeting, BatchMeeting, BatchMeetings, BatchPayload,
    BatchTrashed, CloudStorageUsage, CustomQuestion, DownloadToken, FileExtension, FileType,
    MeetingType, Other, ParticipantAudioFile, Payload, Recording, RecordingFile,
    RecordingInProgress, RecordingSpan, RecordingStatus, RecordingType, Registrant,
    RegistrantStatus, Registration, Renamed, RenamedMeeting,
};
pub use phone::{
    CallDirection, CallRecording, PhoneOwner, PhoneParty, PhoneRecordingInProgress, PhoneRecordings,
};
pub use session::Session;
pub use verify::{SIGNATURE_HEADER, TIMESTAMP_HEADER, Verified, Verifier};
pub use webhook::{Delivery, UrlValidationResponse, Webhook};
