//! What an egress (a recording, a stream, segments, images) is and wrote:
//! `EgressInfo` and its results, as protojson writes them.

use serde_json::{Map, Value};
use time::{Duration, OffsetDateTime};

use super::proto::ProtoEnum;
use crate::number_or_string::NumberOrString;
use crate::object::json_object;
use crate::open_enum::open_enum;

/// Nanoseconds since the epoch (a protobuf int64, sent as a string) as an
/// instant; `None` when absent, not a number, or outside the years `time`
/// represents.
pub(crate) fn nanos_to_time(nanos: Option<&NumberOrString>) -> Option<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(nanos?.as_i64()?)).ok()
}

/// A duration in nanoseconds, `None` when absent or negative (a negative
/// duration has been seen in production).
/// An output's length: `None` when absent, negative, or when the output
/// has no end (LiveKit has sent both with `EGRESS_COMPLETE`).
fn length(
    ended_at: Option<&NumberOrString>,
    duration: Option<&NumberOrString>,
) -> Option<Duration> {
    ended_at?;
    let nanos = duration?.as_i64()?;
    (nanos >= 0).then(|| Duration::nanoseconds(nanos))
}

open_enum! {
    /// An egress's state (`status`). An absent status is
    /// `EGRESS_STARTING`, the enum's value `0`, which protojson leaves out.
    pub enum EgressStatus {
        /// Created, not yet running.
        Starting = "EGRESS_STARTING",
        /// Recording or streaming.
        Active = "EGRESS_ACTIVE",
        /// Stopping, finishing its outputs.
        Ending = "EGRESS_ENDING",
        /// Finished; its outputs are written.
        Complete = "EGRESS_COMPLETE",
        /// Failed (see `error`).
        Failed = "EGRESS_FAILED",
        /// Aborted before it could start.
        Aborted = "EGRESS_ABORTED",
        /// Stopped at a limit (duration, size).
        LimitReached = "EGRESS_LIMIT_REACHED",
    }
}

impl EgressStatus {
    /// Whether no update follows: complete, failed, aborted, limit
    /// reached, exactly the statuses of `egress_ended`.
    #[must_use]
    pub fn is_terminal(&self) -> bool {
        matches!(
            self,
            EgressStatus::Complete
                | EgressStatus::Failed
                | EgressStatus::Aborted
                | EgressStatus::LimitReached
        )
    }
}

open_enum! {
    /// What an egress records from (`sourceType`); absent means web.
    pub enum EgressSourceType {
        /// A headless browser renders the room.
        Web = "EGRESS_SOURCE_TYPE_WEB",
        /// The tracks themselves, through the SDK.
        Sdk = "EGRESS_SOURCE_TYPE_SDK",
    }
}

open_enum! {
    /// A stream output's state (`status`); absent means active.
    pub enum StreamStatus {
        /// Streaming.
        Active = "ACTIVE",
        /// Finished.
        Finished = "FINISHED",
        /// Failed (see `error`).
        Failed = "FAILED",
    }
}

/// Which start request made an egress: the request's own key in
/// `EgressInfo` (a protobuf `oneof`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EgressRequestKind {
    /// `roomComposite`: the whole room, composed.
    RoomComposite,
    /// `web`: a web page.
    Web,
    /// `participant`: one participant's tracks.
    Participant,
    /// `trackComposite`: chosen tracks, composed.
    TrackComposite,
    /// `track`: one track, as it is.
    Track,
    /// `egress`: the generic start request.
    Egress,
    /// `replay`: a replay.
    Replay,
}

/// A file an egress wrote (`fileResults[]`, or the deprecated `file`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FileInfo {
    /// The file's name.
    pub filename: Option<String>,
    /// When writing started, in nanoseconds ([`FileInfo::started_at`]).
    pub started_at: Option<NumberOrString>,
    /// When it ended, in nanoseconds.
    pub ended_at: Option<NumberOrString>,
    /// Its length, in nanoseconds ([`FileInfo::duration`]).
    pub duration: Option<NumberOrString>,
    /// Its size in bytes.
    pub size: Option<NumberOrString>,
    /// Where it was uploaded.
    pub location: Option<String>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl FileInfo {
        filename, "startedAt" => started_at, "endedAt" => ended_at, duration, size, location,
        ..other
    }
}

impl FileInfo {
    /// When writing started.
    #[must_use]
    pub fn started_at(&self) -> Option<OffsetDateTime> {
        nanos_to_time(self.started_at.as_ref())
    }

    /// When it ended.
    #[must_use]
    pub fn ended_at(&self) -> Option<OffsetDateTime> {
        nanos_to_time(self.ended_at.as_ref())
    }

    /// The file's length: `None` when absent, negative, or when the file
    /// has no end (LiveKit has sent both with `EGRESS_COMPLETE`).
    #[must_use]
    pub fn duration(&self) -> Option<Duration> {
        length(self.ended_at.as_ref(), self.duration.as_ref())
    }

    /// The size in bytes, when it is a number.
    #[must_use]
    pub fn size_bytes(&self) -> Option<u64> {
        self.size.as_ref()?.as_u64()
    }
}

/// A stream output (`streamResults[]`): the stream key in `url` is
/// redacted by LiveKit.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct StreamInfo {
    /// Where it streamed (the key redacted).
    pub url: Option<String>,
    /// When streaming started, in nanoseconds.
    pub started_at: Option<NumberOrString>,
    /// When it ended, in nanoseconds.
    pub ended_at: Option<NumberOrString>,
    /// Its length, in nanoseconds.
    pub duration: Option<NumberOrString>,
    /// Its state; absent means active.
    pub status: Option<ProtoEnum<StreamStatus>>,
    /// Why it failed.
    pub error: Option<String>,
    /// When it was last retried, in nanoseconds.
    pub last_retry_at: Option<NumberOrString>,
    /// How many times it was retried.
    pub retries: Option<u64>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl StreamInfo {
        url, "startedAt" => started_at, "endedAt" => ended_at, duration, status, error,
        "lastRetryAt" => last_retry_at, retries,
        ..other
    }
}

impl StreamInfo {
    /// How long it streamed: `None` when absent, negative, or without an
    /// end.
    #[must_use]
    pub fn duration(&self) -> Option<Duration> {
        length(self.ended_at.as_ref(), self.duration.as_ref())
    }
}

/// The deprecated `stream` result: `{"info": [StreamInfo]}`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct StreamInfoList {
    /// The streams.
    pub info: Option<Vec<StreamInfo>>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl StreamInfoList {
        info,
        ..other
    }
}

/// HLS segments an egress wrote (`segmentResults[]`, or the deprecated
/// `segments`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SegmentsInfo {
    /// The playlist's name.
    pub playlist_name: Option<String>,
    /// The live playlist's name.
    pub live_playlist_name: Option<String>,
    /// The length, in nanoseconds.
    pub duration: Option<NumberOrString>,
    /// The size in bytes.
    pub size: Option<NumberOrString>,
    /// Where the playlist was uploaded.
    pub playlist_location: Option<String>,
    /// Where the live playlist was uploaded.
    pub live_playlist_location: Option<String>,
    /// How many segments were written.
    pub segment_count: Option<NumberOrString>,
    /// When writing started, in nanoseconds.
    pub started_at: Option<NumberOrString>,
    /// When it ended, in nanoseconds.
    pub ended_at: Option<NumberOrString>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl SegmentsInfo {
        "playlistName" => playlist_name, "livePlaylistName" => live_playlist_name, duration,
        size, "playlistLocation" => playlist_location,
        "livePlaylistLocation" => live_playlist_location, "segmentCount" => segment_count,
        "startedAt" => started_at, "endedAt" => ended_at,
        ..other
    }
}

impl SegmentsInfo {
    /// How long the segments run: `None` when absent, negative, or
    /// without an end.
    #[must_use]
    pub fn duration(&self) -> Option<Duration> {
        length(self.ended_at.as_ref(), self.duration.as_ref())
    }
}

/// Images an egress wrote (`imageResults[]`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ImagesInfo {
    /// The images' file name prefix.
    pub filename_prefix: Option<String>,
    /// How many were written.
    pub image_count: Option<NumberOrString>,
    /// When writing started, in nanoseconds.
    pub started_at: Option<NumberOrString>,
    /// When it ended, in nanoseconds.
    pub ended_at: Option<NumberOrString>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl ImagesInfo {
        "filenamePrefix" => filename_prefix, "imageCount" => image_count,
        "startedAt" => started_at, "endedAt" => ended_at,
        ..other
    }
}

/// An egress: what `egress_started`, `egress_updated` and `egress_ended`
/// report (`egressInfo`).
///
/// Fields at their default value are not sent (protojson): every one is
/// optional, and an absent `status` is `EGRESS_STARTING`
/// ([`EgressInfo::status`]). The start request is echoed with its storage
/// credentials replaced by placeholders.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct EgressInfo {
    /// The egress; absent when an automatic egress failed to start.
    pub egress_id: Option<String>,
    /// The room's id.
    pub room_id: Option<String>,
    /// The room's name.
    pub room_name: Option<String>,
    /// What it records from; absent means web.
    pub source_type: Option<ProtoEnum<EgressSourceType>>,
    /// Its state as sent; absent means starting.
    pub status: Option<ProtoEnum<EgressStatus>>,
    /// When it started, in nanoseconds ([`EgressInfo::started_at`]).
    pub started_at: Option<NumberOrString>,
    /// When it ended, in nanoseconds.
    pub ended_at: Option<NumberOrString>,
    /// When it last changed, in nanoseconds.
    pub updated_at: Option<NumberOrString>,
    /// The start request, when it was a room composite.
    pub room_composite: Option<Map<String, Value>>,
    /// The start request, when it was a web page.
    pub web: Option<Map<String, Value>>,
    /// The start request, when it was a participant's.
    pub participant: Option<Map<String, Value>>,
    /// The start request, when it was a track composite.
    pub track_composite: Option<Map<String, Value>>,
    /// The start request, when it was one track.
    pub track: Option<Map<String, Value>>,
    /// The start request, when it was the generic one.
    pub egress: Option<Map<String, Value>>,
    /// The start request, when it was a replay.
    pub replay: Option<Map<String, Value>>,
    /// The streams it wrote.
    pub stream_results: Option<Vec<StreamInfo>>,
    /// The files it wrote.
    pub file_results: Option<Vec<FileInfo>>,
    /// The HLS segments it wrote.
    pub segment_results: Option<Vec<SegmentsInfo>>,
    /// The images it wrote.
    pub image_results: Option<Vec<ImagesInfo>>,
    /// Why it failed.
    pub error: Option<String>,
    /// The failure's code.
    pub error_code: Option<i64>,
    /// How it ended (`end reason: StopEgress API`).
    pub details: Option<String>,
    /// Where its manifest was uploaded.
    pub manifest_location: Option<String>,
    /// Whether the backup storage was used.
    pub backup_storage_used: Option<bool>,
    /// How many times it was retried.
    pub retry_count: Option<i64>,
    /// Deprecated: the streams, also in `streamResults`.
    pub stream: Option<StreamInfoList>,
    /// Deprecated: the file, usually also in `fileResults`.
    pub file: Option<FileInfo>,
    /// Deprecated: the segments, also in `segmentResults`.
    pub segments: Option<SegmentsInfo>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl EgressInfo {
        "egressId" => egress_id, "roomId" => room_id, "roomName" => room_name,
        "sourceType" => source_type, status, "startedAt" => started_at, "endedAt" => ended_at,
        "updatedAt" => updated_at, "roomComposite" => room_composite, web, participant,
        "trackComposite" => track_composite, track, egress, replay,
        "streamResults" => stream_results, "fileResults" => file_results,
        "segmentResults" => segment_results, "imageResults" => image_results, error,
        "errorCode" => error_code, details, "manifestLocation" => manifest_location,
        "backupStorageUsed" => backup_storage_used, "retryCount" => retry_count, stream, file,
        segments,
        ..other
    }
}

impl EgressInfo {
    /// The egress's state: `EGRESS_STARTING` when the wire omits it (its
    /// value `0`), a number read as the name it stands for.
    #[must_use]
    pub fn status(&self) -> EgressStatus {
        match &self.status {
            None => EgressStatus::Starting,
            Some(status) => status
                .resolve(EgressStatus::KNOWN)
                .unwrap_or_else(|| EgressStatus::Unknown(status.to_string())),
        }
    }

    /// Whether no update follows: complete, failed, aborted or limit
    /// reached, the statuses of `egress_ended`.
    #[must_use]
    pub fn is_terminal(&self) -> bool {
        self.status().is_terminal()
    }

    /// Every file the egress wrote: `fileResults`, then the deprecated
    /// `file` unless it is one of them (LiveKit usually sends the same
    /// file in both, and sometimes only in `file`).
    #[must_use]
    pub fn files(&self) -> Vec<&FileInfo> {
        let mut files: Vec<&FileInfo> = self.file_results.iter().flatten().collect();
        if let Some(file) = &self.file
            && !files.contains(&file)
        {
            files.push(file);
        }
        files
    }

    /// Which start request made it.
    #[must_use]
    pub fn request_kind(&self) -> Option<EgressRequestKind> {
        [
            (
                self.room_composite.is_some(),
                EgressRequestKind::RoomComposite,
            ),
            (self.web.is_some(), EgressRequestKind::Web),
            (self.participant.is_some(), EgressRequestKind::Participant),
            (
                self.track_composite.is_some(),
                EgressRequestKind::TrackComposite,
            ),
            (self.track.is_some(), EgressRequestKind::Track),
            (self.egress.is_some(), EgressRequestKind::Egress),
            (self.replay.is_some(), EgressRequestKind::Replay),
        ]
        .into_iter()
        .find_map(|(present, kind)| present.then_some(kind))
    }

    /// When it started.
    #[must_use]
    pub fn started_at(&self) -> Option<OffsetDateTime> {
        nanos_to_time(self.started_at.as_ref())
    }

    /// When it ended.
    #[must_use]
    pub fn ended_at(&self) -> Option<OffsetDateTime> {
        nanos_to_time(self.ended_at.as_ref())
    }

    /// When it last changed.
    #[must_use]
    pub fn updated_at(&self) -> Option<OffsetDateTime> {
        nanos_to_time(self.updated_at.as_ref())
    }
}
