//! The rooms, participants, tracks, ingresses and agent jobs LiveKit's
//! webhooks carry, to the depth a recording pipeline reads; every other
//! key is kept.

use serde_json::{Map, Value};
use time::OffsetDateTime;

use super::egress::nanos_to_time;
use super::proto::ProtoEnum;
use crate::number_or_string::NumberOrString;
use crate::object::json_object;
use crate::open_enum::open_enum;
use crate::redacted::Redacted;

/// Seconds since the epoch (a protobuf int64, sent as a string) as an
/// instant.
pub(crate) fn seconds_to_time(seconds: Option<&NumberOrString>) -> Option<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp(seconds?.as_i64()?).ok()
}

/// A room (`room`). Inside `egress_*` events only `sid` and `name` are
/// sent, inside `ingress_*` only `name`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Room {
    /// The room's id (`RM_...`).
    pub sid: Option<String>,
    /// The room's name.
    pub name: Option<String>,
    /// Seconds an empty room stays open.
    pub empty_timeout: Option<u64>,
    /// Seconds the room stays open after the last participant left.
    pub departure_timeout: Option<u64>,
    /// The most participants it takes.
    pub max_participants: Option<u64>,
    /// When it was created, in seconds ([`Room::created_at`]).
    pub creation_time: Option<NumberOrString>,
    /// When it was created, in milliseconds.
    pub creation_time_ms: Option<NumberOrString>,
    /// The room's TURN password: a credential, `Debug` shows it redacted.
    pub turn_password: Option<Redacted>,
    /// The room's metadata, as the app set it.
    pub metadata: Option<String>,
    /// How many participants are in it.
    pub num_participants: Option<u64>,
    /// How many of them publish.
    pub num_publishers: Option<u64>,
    /// Whether it is being recorded.
    pub active_recording: Option<bool>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl Room {
        sid, name, "emptyTimeout" => empty_timeout, "departureTimeout" => departure_timeout,
        "maxParticipants" => max_participants, "creationTime" => creation_time,
        "creationTimeMs" => creation_time_ms, "turnPassword" => turn_password, metadata,
        "numParticipants" => num_participants, "numPublishers" => num_publishers,
        "activeRecording" => active_recording,
        ..other
    }
}

impl Room {
    /// When the room was created.
    #[must_use]
    pub fn created_at(&self) -> Option<OffsetDateTime> {
        seconds_to_time(self.creation_time.as_ref())
    }
}

open_enum! {
    /// A participant's state (`state`); absent means joining.
    pub enum ParticipantState {
        /// Connecting.
        Joining = "JOINING",
        /// Joined, media not yet up.
        Joined = "JOINED",
        /// In the room.
        Active = "ACTIVE",
        /// Gone.
        Disconnected = "DISCONNECTED",
    }
}

open_enum! {
    /// What kind of participant it is (`kind`); absent means standard.
    pub enum ParticipantKind {
        /// A person's client.
        Standard = "STANDARD",
        /// An ingress publishing a stream.
        Ingress = "INGRESS",
        /// An egress recording.
        Egress = "EGRESS",
        /// A SIP caller.
        Sip = "SIP",
        /// An agent.
        Agent = "AGENT",
        /// A connector.
        Connector = "CONNECTOR",
        /// A bridge.
        Bridge = "BRIDGE",
    }
}

/// A participant (`participant`). Inside `track_*` events only `sid` and
/// `identity` are sent.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParticipantInfo {
    /// The participant's id in this session (`PA_...`).
    pub sid: Option<String>,
    /// The app's identity for them.
    pub identity: Option<String>,
    /// Their state; absent means joining.
    pub state: Option<ProtoEnum<ParticipantState>>,
    /// Their tracks.
    pub tracks: Option<Vec<TrackInfo>>,
    /// Their metadata, as the app set it.
    pub metadata: Option<String>,
    /// When they joined, in seconds ([`ParticipantInfo::joined`]).
    pub joined_at: Option<NumberOrString>,
    /// When they joined, in milliseconds.
    pub joined_at_ms: Option<NumberOrString>,
    /// Their display name.
    pub name: Option<String>,
    /// The region they joined through.
    pub region: Option<String>,
    /// Whether they publish.
    pub is_publisher: Option<bool>,
    /// What kind of participant; absent means standard.
    pub kind: Option<ProtoEnum<ParticipantKind>>,
    /// Their attributes, as the app set them.
    pub attributes: Option<Map<String, Value>>,
    /// What kinds of detail apply (`kindDetails`: a cloud agent, a
    /// forwarded participant, ...).
    pub kind_details: Option<Vec<ProtoEnum<ParticipantKindDetail>>>,
    /// Why they left; absent means not said.
    pub disconnect_reason: Option<ProtoEnum<DisconnectReason>>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl ParticipantInfo {
        sid, identity, state, tracks, metadata, "joinedAt" => joined_at,
        "joinedAtMs" => joined_at_ms, name, region, "isPublisher" => is_publisher, kind,
        attributes, "kindDetails" => kind_details, "disconnectReason" => disconnect_reason,
        ..other
    }
}

impl ParticipantInfo {
    /// When they joined.
    #[must_use]
    pub fn joined(&self) -> Option<OffsetDateTime> {
        seconds_to_time(self.joined_at.as_ref())
    }
}

open_enum! {
    /// More about a participant's kind (`kindDetails`).
    pub enum ParticipantKindDetail {
        /// An agent run by LiveKit Cloud.
        CloudAgent = "CLOUD_AGENT",
        /// A participant forwarded from another room.
        Forwarded = "FORWARDED",
        /// Joined through the WhatsApp connector.
        ConnectorWhatsapp = "CONNECTOR_WHATSAPP",
        /// Joined through the Twilio connector.
        ConnectorTwilio = "CONNECTOR_TWILIO",
        /// Joined through the RTSP bridge.
        BridgeRtsp = "BRIDGE_RTSP",
        /// A simulated participant.
        Simulation = "SIMULATION",
    }
}

open_enum! {
    /// Why a participant left (`disconnectReason`); absent means not said.
    pub enum DisconnectReason {
        /// Not said (the value `0`).
        NotSaid = "UNKNOWN_REASON",
        /// The client left.
        ClientInitiated = "CLIENT_INITIATED",
        /// Another participant joined with the same identity.
        DuplicateIdentity = "DUPLICATE_IDENTITY",
        /// The server shut down.
        ServerShutdown = "SERVER_SHUTDOWN",
        /// Removed through the API.
        ParticipantRemoved = "PARTICIPANT_REMOVED",
        /// The room was deleted.
        RoomDeleted = "ROOM_DELETED",
        /// The client and server disagreed on state.
        StateMismatch = "STATE_MISMATCH",
        /// Joining failed.
        JoinFailure = "JOIN_FAILURE",
        /// Moved to another server.
        Migration = "MIGRATION",
        /// The signal connection closed.
        SignalClose = "SIGNAL_CLOSE",
        /// The room was closed.
        RoomClosed = "ROOM_CLOSED",
        /// A SIP callee was unavailable.
        UserUnavailable = "USER_UNAVAILABLE",
        /// A SIP callee rejected the call.
        UserRejected = "USER_REJECTED",
        /// The SIP trunk failed.
        SipTrunkFailure = "SIP_TRUNK_FAILURE",
        /// The connection timed out.
        ConnectionTimeout = "CONNECTION_TIMEOUT",
        /// Media failed.
        MediaFailure = "MEDIA_FAILURE",
        /// An agent failed.
        AgentError = "AGENT_ERROR",
    }
}

open_enum! {
    /// What a track carries (`type`); absent means audio.
    pub enum TrackType {
        /// Audio.
        Audio = "AUDIO",
        /// Video.
        Video = "VIDEO",
        /// Data.
        Data = "DATA",
    }
}

open_enum! {
    /// What an ingress takes (`inputType`); absent means RTMP.
    pub enum IngressInput {
        /// RTMP.
        Rtmp = "RTMP_INPUT",
        /// WHIP.
        Whip = "WHIP_INPUT",
        /// A URL it pulls from.
        Url = "URL_INPUT",
    }
}

open_enum! {
    /// What an agent job is for (`type`); absent means a room job.
    pub enum JobType {
        /// The room.
        Room = "JT_ROOM",
        /// A publisher.
        Publisher = "JT_PUBLISHER",
        /// A participant.
        Participant = "JT_PARTICIPANT",
    }
}

open_enum! {
    /// Where a track comes from (`source`); absent means unknown.
    pub enum TrackSource {
        /// Not said (the value `0`, named `UNKNOWN`).
        NotSaid = "UNKNOWN",
        /// A camera.
        Camera = "CAMERA",
        /// A microphone.
        Microphone = "MICROPHONE",
        /// A shared screen.
        ScreenShare = "SCREEN_SHARE",
        /// A shared screen's audio.
        ScreenShareAudio = "SCREEN_SHARE_AUDIO",
    }
}

/// A track (`track`, and `ParticipantInfo::tracks`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TrackInfo {
    /// The track's id (`TR_...`).
    pub sid: Option<String>,
    /// What it carries; absent means audio.
    pub track_type: Option<ProtoEnum<TrackType>>,
    /// Its name.
    pub name: Option<String>,
    /// Whether it is muted.
    pub muted: Option<bool>,
    /// Its width, for video.
    pub width: Option<u64>,
    /// Its height, for video.
    pub height: Option<u64>,
    /// Where it comes from; absent means unknown.
    pub source: Option<ProtoEnum<TrackSource>>,
    /// Its codec's MIME type.
    pub mime_type: Option<String>,
    /// Its media section id.
    pub mid: Option<String>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl TrackInfo {
        sid, "type" => track_type, name, muted, width, height, source,
        "mimeType" => mime_type, mid,
        ..other
    }
}

open_enum! {
    /// An ingress's state (`state.status`); absent means inactive.
    pub enum IngressStatus {
        /// Not receiving.
        Inactive = "ENDPOINT_INACTIVE",
        /// Receiving, not yet publishing.
        Buffering = "ENDPOINT_BUFFERING",
        /// Publishing into the room.
        Publishing = "ENDPOINT_PUBLISHING",
        /// Failed (see `error`).
        Error = "ENDPOINT_ERROR",
        /// Done.
        Complete = "ENDPOINT_COMPLETE",
    }
}

/// An ingress's state (`state`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct IngressState {
    /// Its status; absent means inactive.
    pub status: Option<ProtoEnum<IngressStatus>>,
    /// Why it failed.
    pub error: Option<String>,
    /// The room it publishes into.
    pub room_id: Option<String>,
    /// When it started, in nanoseconds.
    pub started_at: Option<NumberOrString>,
    /// When it ended, in nanoseconds.
    pub ended_at: Option<NumberOrString>,
    /// When it last changed, in nanoseconds.
    pub updated_at: Option<NumberOrString>,
    /// The resource serving it.
    pub resource_id: Option<String>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl IngressState {
        status, error, "roomId" => room_id, "startedAt" => started_at, "endedAt" => ended_at,
        "updatedAt" => updated_at, "resourceId" => resource_id,
        ..other
    }
}

impl IngressState {
    /// When it started.
    #[must_use]
    pub fn started(&self) -> Option<OffsetDateTime> {
        nanos_to_time(self.started_at.as_ref())
    }
}

/// An ingress, a stream published into a room (`ingressInfo`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct IngressInfo {
    /// The ingress's id (`IN_...`).
    pub ingress_id: Option<String>,
    /// Its name.
    pub name: Option<String>,
    /// The key to publish with: a credential, `Debug` shows it redacted.
    pub stream_key: Option<Redacted>,
    /// Where to publish.
    pub url: Option<String>,
    /// What it takes; absent means RTMP.
    pub input_type: Option<ProtoEnum<IngressInput>>,
    /// The room it publishes into.
    pub room_name: Option<String>,
    /// The identity it publishes as.
    pub participant_identity: Option<String>,
    /// The name it publishes as.
    pub participant_name: Option<String>,
    /// Its state.
    pub state: Option<IngressState>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl IngressInfo {
        "ingressId" => ingress_id, name, "streamKey" => stream_key, url,
        "inputType" => input_type, "roomName" => room_name,
        "participantIdentity" => participant_identity, "participantName" => participant_name,
        state,
        ..other
    }
}

open_enum! {
    /// An agent job's state (`state.status`); absent means pending.
    pub enum JobStatus {
        /// Waiting for a worker.
        Pending = "JS_PENDING",
        /// Running.
        Running = "JS_RUNNING",
        /// Done.
        Success = "JS_SUCCESS",
        /// Failed (see `error`).
        Failed = "JS_FAILED",
    }
}

/// An agent job's state (`state`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct JobState {
    /// Its status; absent means pending.
    pub status: Option<ProtoEnum<JobStatus>>,
    /// Why it failed.
    pub error: Option<String>,
    /// When it started, in nanoseconds.
    pub started_at: Option<NumberOrString>,
    /// When it ended, in nanoseconds.
    pub ended_at: Option<NumberOrString>,
    /// When it last changed, in nanoseconds.
    pub updated_at: Option<NumberOrString>,
    /// The identity the agent joined as.
    pub participant_identity: Option<String>,
    /// The worker running it.
    pub worker_id: Option<String>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl JobState {
        status, error, "startedAt" => started_at, "endedAt" => ended_at,
        "updatedAt" => updated_at, "participantIdentity" => participant_identity,
        "workerId" => worker_id,
        ..other
    }
}

/// An agent job (`job`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Job {
    /// The job's id.
    pub id: Option<String>,
    /// The dispatch that made it.
    pub dispatch_id: Option<String>,
    /// What kind of job; absent means a room job.
    pub job_type: Option<ProtoEnum<JobType>>,
    /// The room it runs in.
    pub room: Option<Room>,
    /// The participant it serves.
    pub participant: Option<ParticipantInfo>,
    /// The agent's name.
    pub agent_name: Option<String>,
    /// Its state.
    pub state: Option<JobState>,
    /// Whether the agent's session is recorded.
    pub enable_recording: Option<bool>,
    /// Keys this version of the crate does not know.
    pub other: Map<String, Value>,
}

json_object! {
    impl Job {
        id, "dispatchId" => dispatch_id, "type" => job_type, room, participant,
        "agentName" => agent_name, state, "enableRecording" => enable_recording,
        ..other
    }
}
