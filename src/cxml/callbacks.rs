//! The callbacks of the voice API Twilio and SignalWire share (TwiML /
//! cXML): the Voice URL request, recording status, call status,
//! transcription, the `<Dial>`, `<Record>` and `<Gather>` actions,
//! asynchronous answering machine detection, conference status, and
//! [`AnyCallback`] for a URL that receives several of them. The parameters
//! every request about a call carries are one part, [`CallParams`],
//! flattened into the callbacks that carry it.
//!
//! Every callback reads and writes its parameters the same way, whatever
//! the entry point: `from_form`, `from_query` and `from_body` (a form, or a
//! JSON object of the same parameters) read it; `to_form` writes the form
//! back; `Serialize` writes one flat JSON object of the parameters, which
//! `from_body` reads back to an equal callback. There is no `Deserialize`:
//! a derived one would read the wire differently from `from_form` (strict
//! where it is lenient, and without the parameters kept in `other`).

use std::fmt;

use serde::Serialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde_json::Value;

use super::params::{Params, encode};
use crate::error::ParseError;
use crate::open_enum::open_enum;
use crate::timestamp::Timestamp;

/// A callback that `Webhook::receive` (SignalWire's or Twilio's) and the
/// `Form` extractors can read: every callback type and [`AnyCallback`].
///
/// Each callback also has these as inherent methods, so calling them needs
/// no import of this trait.
pub trait Callback: Sized {
    /// Reads the callback from a form body.
    ///
    /// # Errors
    ///
    /// [`ParseError::Form`] naming a required parameter that is missing, or
    /// a name or value that is not UTF-8.
    fn from_form(body: &[u8]) -> Result<Self, ParseError>;

    /// Reads the callback from a query string (`GET` callbacks).
    ///
    /// # Errors
    ///
    /// As [`Callback::from_form`].
    fn from_query(query: &str) -> Result<Self, ParseError> {
        Self::from_form(query.strip_prefix('?').unwrap_or(query).as_bytes())
    }

    /// Reads the callback from a `POST` body: a form, or a JSON object of
    /// the same parameters, whose numbers and booleans read as their text.
    ///
    /// # Errors
    ///
    /// As [`Callback::from_form`]; [`ParseError::Json`] for a body that
    /// starts as JSON but is not an object of parameters.
    fn from_body(body: &[u8]) -> Result<Self, ParseError> {
        Self::from_form(&body_as_form(body)?)
    }
}

/// A `POST` body as a form: itself, or its JSON object of parameters
/// re-encoded. Apart from the generic readers, so it is compiled once.
fn body_as_form(body: &[u8]) -> Result<std::borrow::Cow<'_, [u8]>, ParseError> {
    match body.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => Ok(json_as_form(body)?.into_bytes().into()),
        _ => Ok(body.into()),
    }
}

/// A JSON object of parameters as a form body, every member kept in order,
/// a repeated name included (as `Serialize` writes one).
fn json_as_form(body: &[u8]) -> Result<String, ParseError> {
    let JsonParams(pairs) =
        serde_json::from_slice(body).map_err(|err| ParseError::from_json(body, &err))?;
    let pairs: Vec<(&str, String)> = pairs
        .iter()
        .map(|(name, value)| {
            let text = match value {
                Value::String(text) => text.clone(),
                Value::Null => String::new(),
                other => other.to_string(),
            };
            (name.as_str(), text)
        })
        .collect();
    Ok(encode(&pairs))
}

/// The members of a JSON object in order, duplicates kept.
struct JsonParams(Vec<(String, Value)>);

impl<'de> de::Deserialize<'de> for JsonParams {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<JsonParams, D::Error> {
        struct PairsVisitor;

        impl<'de> Visitor<'de> for PairsVisitor {
            type Value = JsonParams;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of callback parameters")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JsonParams, A::Error> {
                let mut pairs = Vec::new();
                while let Some(pair) = map.next_entry()? {
                    pairs.push(pair);
                }
                Ok(JsonParams(pairs))
            }
        }

        deserializer.deserialize_map(PairsVisitor)
    }
}

/// A typed value written back as a form parameter.
pub(crate) trait ToParam {
    fn to_param(&self) -> String;
}

impl ToParam for String {
    fn to_param(&self) -> String {
        self.clone()
    }
}

impl ToParam for crate::Redacted {
    fn to_param(&self) -> String {
        self.expose().to_owned()
    }
}

impl ToParam for u64 {
    fn to_param(&self) -> String {
        self.to_string()
    }
}

impl ToParam for i64 {
    fn to_param(&self) -> String {
        self.to_string()
    }
}

impl ToParam for bool {
    fn to_param(&self) -> String {
        self.to_string()
    }
}

impl ToParam for f64 {
    fn to_param(&self) -> String {
        self.to_string()
    }
}

impl ToParam for Timestamp {
    fn to_param(&self) -> String {
        self.to_string()
    }
}

impl<T: crate::open_enum::OpenEnum + AsRef<str>> ToParam for T {
    fn to_param(&self) -> String {
        self.as_ref().to_owned()
    }
}

/// Declares a callback (`pub struct`) or a part several callbacks share
/// (`pub part`): its parameters, each `required`, `optional`, `prefixed`
/// (every parameter whose name starts with the prefix, as sent: a family
/// such as `SipHeader_<name>`) or, for a shared part, `flatten` (its
/// parameters read and written at the same level as the callback's own). From the table come the struct, its
/// readers (`from_form`, `from_query`, `from_body`), its writers
/// (`to_pairs`, `to_form`) and `Serialize`; a callback with a flattened
/// part also dereferences to it, so `callback.from_city` reads the part's
/// field.
macro_rules! form_callback {
    (
        $(#[$meta:meta])*
        pub part $name:ident {
            $(
                $(#[$field_meta:meta])*
                optional $field:ident: $ty:ty = $wire:literal,
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq)]
        #[non_exhaustive]
        pub struct $name {
            $(
                #[doc = concat!("`", $wire, "`")]
                $(#[$field_meta])*
                pub $field: Option<$ty>,
            )*
        }

        impl $name {
            /// Takes the part's parameters out of `params`.
            fn take(params: &mut Params) -> $name {
                $name { $($field: params.optional($wire),)* }
            }

            /// Appends the parameters present.
            fn put<'a>(&'a self, pairs: &mut Vec<(&'a str, String)>) {
                $(form_callback!(@put optional pairs self.$field, $wire);)*
            }

            /// Writes the parameters present as entries of a flat map.
            fn serialize_entries<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
                $(form_callback!(@serialize optional map self.$field, $wire);)*
                Ok(())
            }
        }
    };
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[$field_meta:meta])*
                $kind:ident $field:ident: $ty:ty $(= $wire:literal)?,
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub struct $name {
            $(
                $(#[doc = concat!("`", $wire, "`")])?
                $(#[$field_meta])*
                pub $field: form_callback!(@type $kind $ty),
            )*
            /// Every other parameter, in the order it came, and optional
            /// ones whose value was empty or not of their type, verbatim.
            pub other: Vec<(String, String)>,
        }

        impl $name {
            /// Reads a callback from its `application/x-www-form-urlencoded`
            /// body (`POST`, the default).
            ///
            /// # Errors
            ///
            /// [`ParseError::Form`] naming a required parameter that is
            /// missing or whose value is not of its type, or a name or value
            /// that is not UTF-8. An optional parameter whose value is not of
            /// its type (an empty number, flag, time or name) is `None`, and
            /// kept verbatim in `other`; an empty text is `Some("")`.
            pub fn from_form(body: &[u8]) -> Result<$name, ParseError> {
                $name::from_params(Params::parse(body)?)
            }

            /// Reads a callback from parameters already decoded.
            pub(crate) fn from_params(mut params: Params) -> Result<$name, ParseError> {
                let params = &mut params;
                // Fields are read in order: `other` last, with what is left.
                Ok($name {
                    $($field: form_callback!(@take $kind params $ty $(, $wire)?),)*
                    other: params.rest(),
                })
            }

            /// Reads a callback from the query string of a `GET` callback
            /// (with or without the leading `?`).
            ///
            /// # Errors
            ///
            /// As [`Self::from_form`].
            pub fn from_query(query: &str) -> Result<$name, ParseError> {
                <$name as Callback>::from_query(query)
            }

            /// Reads a callback from a `POST` body: a form, or a JSON object
            /// of the same parameters (what `Serialize` writes).
            ///
            /// # Errors
            ///
            /// As [`Self::from_form`]; [`ParseError::Json`] for a body that
            /// starts as JSON but is not an object of parameters.
            pub fn from_body(body: &[u8]) -> Result<$name, ParseError> {
                <$name as Callback>::from_body(body)
            }

            /// The parameters as `(name, value)` pairs: the documented ones
            /// present, then the others in their order.
            #[must_use]
            pub fn to_pairs(&self) -> Vec<(&str, String)> {
                let mut pairs = Vec::new();
                $(form_callback!(@put $kind pairs self.$field $(, $wire)?);)*
                pairs.extend(self.other.iter().map(|(name, value)| (name.as_str(), value.clone())));
                pairs
            }

            /// The callback as an `application/x-www-form-urlencoded` body.
            #[must_use]
            pub fn to_form(&self) -> String {
                encode(&self.to_pairs())
            }
        }

        impl Callback for $name {
            fn from_form(body: &[u8]) -> Result<$name, ParseError> {
                $name::from_form(body)
            }
        }

        impl Serialize for $name {
            /// One flat object of the wire parameters: typed ones under
            /// their names (numbers and booleans as JSON numbers and
            /// booleans), then the others as they came.
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(None)?;
                $(form_callback!(@serialize $kind map self.$field $(, $wire)?);)*
                for (name, value) in &self.other {
                    map.serialize_entry(name, value)?;
                }
                map.end()
            }
        }

        $(form_callback!(@deref $kind $name $field $ty);)*
    };
    (@type required $ty:ty) => { $ty };
    (@type optional $ty:ty) => { Option<$ty> };
    (@type flatten $ty:ty) => { $ty };
    (@type prefixed $ty:ty) => { $ty };
    (@take required $params:ident $ty:ty, $wire:literal) => { $params.required($wire)? };
    (@take optional $params:ident $ty:ty, $wire:literal) => { $params.optional($wire) };
    (@take flatten $params:ident $ty:ty) => { <$ty>::take($params) };
    (@take prefixed $params:ident $ty:ty, $wire:literal) => { $params.prefixed($wire) };
    (@put required $pairs:ident $value:expr, $wire:literal) => {
        $pairs.push(($wire, ToParam::to_param(&$value)));
    };
    (@put optional $pairs:ident $value:expr, $wire:literal) => {
        if let Some(value) = &$value {
            $pairs.push(($wire, ToParam::to_param(value)));
        }
    };
    (@put flatten $pairs:ident $value:expr) => { $value.put(&mut $pairs); };
    (@put prefixed $pairs:ident $value:expr, $wire:literal) => {
        $pairs.extend($value.iter().map(|(name, value)| (name.as_str(), value.clone())));
    };
    (@serialize required $map:ident $value:expr, $wire:literal) => {
        $map.serialize_entry($wire, &$value)?;
    };
    (@serialize optional $map:ident $value:expr, $wire:literal) => {
        if let Some(value) = &$value {
            $map.serialize_entry($wire, value)?;
        }
    };
    (@serialize flatten $map:ident $value:expr) => { $value.serialize_entries(&mut $map)?; };
    (@serialize prefixed $map:ident $value:expr, $wire:literal) => {
        for (name, value) in &$value {
            $map.serialize_entry(name, value)?;
        }
    };
    (@deref flatten $name:ident $field:ident $ty:ty) => {
        /// The shared part's fields read as the callback's own.
        impl std::ops::Deref for $name {
            type Target = $ty;

            fn deref(&self) -> &$ty {
                &self.$field
            }
        }

        impl std::ops::DerefMut for $name {
            fn deref_mut(&mut self) -> &mut $ty {
                &mut self.$field
            }
        }
    };
    (@deref $kind:ident $name:ident $field:ident $ty:ty) => {};
}

open_enum! {
    /// `RecordingStatus`: where the recording stands.
    pub enum RecordingStatus {
        InProgress = "in-progress",
        Completed = "completed",
        Absent = "absent",
        /// Conference recordings (and Twilio with encryption).
        Failed = "failed",
    }
}

open_enum! {
    /// `RecordingSource`: what started the recording. SignalWire's own
    /// spellings of three values have variants of their own, so every value
    /// writes back as sent; [`RecordingSource::normalized`] maps them to
    /// Twilio's.
    pub enum RecordingSource {
        RecordVerb = "RecordVerb",
        DialVerb = "DialVerb",
        Conference = "Conference",
        OutboundApi = "OutboundAPI",
        Trunking = "Trunking",
        StartCallRecordingApi = "StartCallRecordingAPI",
        StartConferenceRecordingApi = "StartConferenceRecordingAPI",
        /// SignalWire's spelling of `OutboundAPI`.
        SignalWireOutboundApi = "OutBoundApi",
        /// SignalWire's spelling of `StartCallRecordingAPI`.
        SignalWireStartCallRecordingApi = "StartCallRecordingApi",
        /// SignalWire's spelling of `StartConferenceRecordingAPI`.
        SignalWireStartConferenceRecording = "StartConferenceRecording",
    }
}

impl RecordingSource {
    /// The source with SignalWire's spellings mapped to Twilio's, for
    /// matching on one variant per source.
    ///
    /// ```
    /// use recording_webhooks::twilio::RecordingSource;
    ///
    /// assert_eq!(RecordingSource::from("OutBoundApi").normalized(), RecordingSource::OutboundApi);
    /// ```
    #[must_use]
    pub fn normalized(&self) -> RecordingSource {
        match self {
            RecordingSource::SignalWireOutboundApi => RecordingSource::OutboundApi,
            RecordingSource::SignalWireStartCallRecordingApi => {
                RecordingSource::StartCallRecordingApi
            }
            RecordingSource::SignalWireStartConferenceRecording => {
                RecordingSource::StartConferenceRecordingApi
            }
            other => other.clone(),
        }
    }
}

open_enum! {
    /// `RecordingTrack`: which audio the recording holds.
    pub enum RecordingTrack {
        Inbound = "inbound",
        Outbound = "outbound",
        Both = "both",
    }
}

open_enum! {
    /// `CallStatus`: where a call stands.
    pub enum CallStatus {
        Initiated = "initiated",
        Ringing = "ringing",
        InProgress = "in-progress",
        Queued = "queued",
        Failed = "failed",
        Busy = "busy",
        NoAnswer = "no-answer",
        Completed = "completed",
        Canceled = "canceled",
    }
}

open_enum! {
    /// `Direction` of a call.
    pub enum Direction {
        Inbound = "inbound",
        OutboundApi = "outbound-api",
        OutboundDial = "outbound-dial",
        /// A call from an Elastic SIP Trunk's PBX to the network (Twilio).
        TrunkingTerminating = "trunking-terminating",
        /// A call from the network to an Elastic SIP Trunk's PBX (Twilio).
        TrunkingOriginating = "trunking-originating",
    }
}

open_enum! {
    /// `AnsweredBy`: who answering machine detection found at the other
    /// end.
    pub enum AnsweredBy {
        Human = "human",
        /// A machine, detection ended at its greeting's start (Twilio's
        /// `DetectMessageEnd` off).
        MachineStart = "machine_start",
        /// A machine, detection ended at its beep.
        MachineEndBeep = "machine_end_beep",
        /// A machine, detection ended at the silence after its greeting.
        MachineEndSilence = "machine_end_silence",
        /// A machine, detection ended otherwise.
        MachineEndOther = "machine_end_other",
        Fax = "fax",
        /// Detection could not tell.
        Undetermined = "unknown",
        /// A machine (SignalWire's value).
        Machine = "machine",
    }
}

open_enum! {
    /// `StirVerstat`: the SHAKEN/STIR verification of an incoming call's
    /// caller ID, with the attestation level (`A` full, `B` partial, `C`
    /// gateway).
    pub enum StirVerstat {
        TnValidationPassedA = "TN-Validation-Passed-A",
        TnValidationPassedB = "TN-Validation-Passed-B",
        TnValidationPassedC = "TN-Validation-Passed-C",
        TnValidationFailedA = "TN-Validation-Failed-A",
        TnValidationFailedB = "TN-Validation-Failed-B",
        TnValidationFailedC = "TN-Validation-Failed-C",
        /// The identity header could not be verified.
        TnValidationFailed = "TN-Validation-Failed",
        /// The call carried no identity to verify.
        NoTnValidation = "No-TN-Validation",
    }
}

open_enum! {
    /// `CallbackSource`: why a status callback was sent.
    pub enum CallbackSource {
        /// A call's progress (every status callback).
        CallProgressEvents = "call-progress-events",
    }
}

open_enum! {
    /// `DialCallStatus`: how the call `<Dial>` made ended.
    pub enum DialCallStatus {
        Completed = "completed",
        Answered = "answered",
        Busy = "busy",
        NoAnswer = "no-answer",
        Failed = "failed",
        Canceled = "canceled",
    }
}

open_enum! {
    /// `StatusCallbackEvent` of a conference status callback.
    pub enum ConferenceEvent {
        ConferenceStart = "conference-start",
        ConferenceEnd = "conference-end",
        ParticipantJoin = "participant-join",
        ParticipantLeave = "participant-leave",
        ParticipantMute = "participant-mute",
        ParticipantUnmute = "participant-unmute",
        ParticipantHold = "participant-hold",
        ParticipantUnhold = "participant-unhold",
        /// A participant's settings changed (Twilio).
        ParticipantModify = "participant-modify",
        ParticipantSpeechStart = "participant-speech-start",
        ParticipantSpeechStop = "participant-speech-stop",
        /// An announcement finished playing (Twilio).
        AnnouncementEnd = "announcement-end",
        /// An announcement could not be played (Twilio).
        AnnouncementFail = "announcement-fail",
    }
}

open_enum! {
    /// `ReasonConferenceEnded`, on `conference-end`.
    pub enum ReasonConferenceEnded {
        ConferenceEndedViaApi = "conference-ended-via-api",
        ParticipantWithEndConferenceOnExitLeft = "participant-with-end-conference-on-exit-left",
        ParticipantWithEndConferenceOnExitKicked = "participant-with-end-conference-on-exit-kicked",
        LastParticipantKicked = "last-participant-kicked",
        LastParticipantLeft = "last-participant-left",
    }
}

open_enum! {
    /// `TranscriptionStatus`.
    pub enum TranscriptionStatus {
        Completed = "completed",
        Failed = "failed",
    }
}

form_callback! {
    /// The parameters every request about a call carries beside its ids
    /// and status (Twilio's and SignalWire's "standard request
    /// parameters"), flattened into [`VoiceRequest`], [`StatusCallback`],
    /// [`DialActionCallback`], [`RecordActionCallback`],
    /// [`GatherActionCallback`] and [`TranscribeCallback`], which
    /// dereference to it: `callback.from`,
    /// `callback.from_city`.
    ///
    /// The geographic parameters are Twilio's lookup of the numbers, sent
    /// when it finds them; `Called*` and `Caller*` are the older names of
    /// the `To*` and `From*` ones, which Twilio still sends beside them.
    ///
    /// Documented in Twilio's "TwiML Voice: Twilio's request to your
    /// application" (and its 2008-08-01 version for `Called*` / `Caller*`),
    /// "Trusted calling with SHAKEN/STIR" (`StirVerstat`) and "Answering
    /// Machine Detection" (`AnsweredBy`, `MachineDetectionDuration`);
    /// SignalWire's `cxml/voice/overview.mdx` ("Request parameters").
    pub part CallParams {
        /// The caller: a phone number (E.164), a SIP URI or `client:name`.
        optional from: String = "From",
        /// The callee, in the same forms.
        optional to: String = "To",
        /// The API version (`2010-04-01`).
        optional api_version: String = "ApiVersion",
        /// The call's direction.
        optional direction: Direction = "Direction",
        /// The call that created this one (a `<Dial>` leg's parent).
        optional parent_call_sid: String = "ParentCallSid",
        /// The number that forwarded the call, where the carrier says.
        optional forwarded_from: String = "ForwardedFrom",
        /// The caller's name, when caller-name lookup is on.
        optional caller_name: String = "CallerName",
        /// A token for forwarding an incoming call with its caller ID
        /// (Twilio): a credential, `Debug` shows it redacted.
        optional call_token: crate::Redacted = "CallToken",
        /// The caller's city.
        optional from_city: String = "FromCity",
        /// The caller's state or province.
        optional from_state: String = "FromState",
        /// The caller's postal code.
        optional from_zip: String = "FromZip",
        /// The caller's country (ISO code).
        optional from_country: String = "FromCountry",
        /// The callee's city.
        optional to_city: String = "ToCity",
        /// The callee's state or province.
        optional to_state: String = "ToState",
        /// The callee's postal code.
        optional to_zip: String = "ToZip",
        /// The callee's country (ISO code).
        optional to_country: String = "ToCountry",
        /// The callee (older name of `To`).
        optional called: String = "Called",
        /// The callee's city (older name of `ToCity`).
        optional called_city: String = "CalledCity",
        /// The callee's state (older name of `ToState`).
        optional called_state: String = "CalledState",
        /// The callee's postal code (older name of `ToZip`).
        optional called_zip: String = "CalledZip",
        /// The callee's country (older name of `ToCountry`).
        optional called_country: String = "CalledCountry",
        /// The caller (older name of `From`).
        optional caller: String = "Caller",
        /// The caller's city (older name of `FromCity`).
        optional caller_city: String = "CallerCity",
        /// The caller's state (older name of `FromState`).
        optional caller_state: String = "CallerState",
        /// The caller's postal code (older name of `FromZip`).
        optional caller_zip: String = "CallerZip",
        /// The caller's country (older name of `FromCountry`).
        optional caller_country: String = "CallerCountry",
        /// The SHAKEN/STIR verification of the caller ID (incoming calls).
        optional stir_verstat: StirVerstat = "StirVerstat",
        /// Answering machine detection's answer, when it was asked for.
        optional answered_by: AnsweredBy = "AnsweredBy",
        /// How long detection took, in milliseconds.
        optional machine_detection_duration: u64 = "MachineDetectionDuration",
        /// The SIP `Call-ID` of the call.
        optional sip_call_id: String = "SipCallId",
    }
}

form_callback! {
    /// The request to a call's Voice URL, when a call comes in or an
    /// outgoing call is answered: the one the application answers with
    /// TwiML / cXML. The same pages as [`CallParams`], and Twilio's SIP
    /// domain and Voice SDK pages for the parameters of their own.
    ///
    /// ```
    /// use recording_webhooks::twilio::{CallStatus, VoiceRequest};
    ///
    /// let body = b"AccountSid=AC1&CallSid=CA1&CallStatus=ringing&Direction=inbound\
    ///     &From=%2B14155550100&FromCity=SAN+FRANCISCO&To=%2B18005550199&ApiVersion=2010-04-01";
    /// let request = VoiceRequest::from_form(body)?;
    /// assert_eq!(request.call_status, CallStatus::Ringing);
    /// assert_eq!(request.from_city.as_deref(), Some("SAN FRANCISCO"));
    /// assert!(request.other.is_empty());
    /// # Ok::<(), recording_webhooks::ParseError>(())
    /// ```
    pub struct VoiceRequest {
        /// The account (`AC...` on Twilio, a project id on SignalWire).
        required account_sid: String = "AccountSid",
        /// The call.
        required call_sid: String = "CallSid",
        /// The call's status (`ringing` for an incoming call,
        /// `in-progress` once answered).
        required call_status: CallStatus = "CallStatus",
        /// The parameters every call request carries.
        flatten call: CallParams,
        /// The TwiML App the call came through (Voice SDK calls).
        optional application_sid: String = "ApplicationSid",
        /// The SIP domain called (calls to a SIP domain).
        optional sip_domain: String = "SipDomain",
        /// The SIP domain's id.
        optional sip_domain_sid: String = "SipDomainSid",
        /// The SIP user who called, when the domain authenticated one.
        optional sip_username: String = "SipUsername",
        /// The IP address the SIP request came from.
        optional sip_source_ip: String = "SipSourceIp",
        /// The SIP request's custom `X-` headers, one `SipHeader_<name>`
        /// parameter each: names and values as sent, in order.
        prefixed sip_headers: Vec<(String, String)> = "SipHeader_",
    }
}

form_callback! {
    /// `RecordingStatusCallback`: a recording changed state.
    ///
    /// ```
    /// use recording_webhooks::twilio::{RecordingSource, RecordingStatus, RecordingStatusCallback};
    ///
    /// // Twilio's ids; SignalWire sends the same parameters, with UUIDs.
    /// let body = b"AccountSid=ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX&CallSid=CAXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\
    ///     &RecordingSid=REXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\
    ///     &RecordingUrl=https%3A%2F%2Fapi.twilio.com%2F2010-04-01%2FAccounts%2FAC1%2FRecordings%2FRE1\
    ///     &RecordingStatus=completed&RecordingDuration=94&RecordingChannels=1&RecordingSource=RecordVerb";
    /// let callback = RecordingStatusCallback::from_form(body)?;
    /// assert_eq!(callback.recording_status, RecordingStatus::Completed);
    /// assert_eq!(callback.recording_duration, Some(94));
    /// assert_eq!(callback.recording_source, Some(RecordingSource::RecordVerb));
    /// assert_eq!(
    ///     callback.recording_url.as_deref(),
    ///     Some("https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1")
    /// );
    /// # Ok::<(), recording_webhooks::ParseError>(())
    /// ```
    pub struct RecordingStatusCallback {
        /// The account (`AC...` on Twilio, a project id on SignalWire).
        required account_sid: String = "AccountSid",
        /// The call (absent for conference recordings).
        optional call_sid: String = "CallSid",
        /// The recording.
        required recording_sid: String = "RecordingSid",
        /// Where the audio is.
        optional recording_url: String = "RecordingUrl",
        /// Where the recording stands.
        required recording_status: RecordingStatus = "RecordingStatus",
        /// Its length in seconds.
        optional recording_duration: i64 = "RecordingDuration",
        /// Its number of channels.
        optional recording_channels: u64 = "RecordingChannels",
        /// What started it.
        optional recording_source: RecordingSource = "RecordingSource",
        /// When it started.
        optional recording_start_time: Timestamp = "RecordingStartTime",
        /// Which audio it holds.
        optional recording_track: RecordingTrack = "RecordingTrack",
        /// Why it is `absent` (16101: too short, 16102: silent).
        optional error_code: u64 = "ErrorCode",
        /// The conference, for conference recordings.
        optional conference_sid: String = "ConferenceSid",
        /// The API version (`2010-04-01`).
        optional api_version: String = "ApiVersion",
    }
}

form_callback! {
    /// The voice `StatusCallback`: a call's progress.
    ///
    /// Documented in Twilio's Call resource ("StatusCallback") and
    /// SignalWire's `VoiceStatusCallbackPayload`
    /// (`specs/compatibility-api/calls/models/webhooks.tsp`); the
    /// call-quality figures are typed as real SignalWire calls send them
    /// (`AudioInAveragePtime=20.01`).
    pub struct StatusCallback {
        /// The account (`AC...` on Twilio, a project id on SignalWire).
        required account_sid: String = "AccountSid",
        /// The call.
        required call_sid: String = "CallSid",
        /// Its status.
        required call_status: CallStatus = "CallStatus",
        /// The parameters every call request carries.
        flatten call: CallParams,
        /// Its length in seconds, on `completed`.
        optional call_duration: u64 = "CallDuration",
        /// Its billed length in minutes, rounded up, on `completed`
        /// (Twilio).
        optional duration: u64 = "Duration",
        /// Why this callback was sent.
        optional callback_source: CallbackSource = "CallbackSource",
        /// The order of this callback among the call's, from 0.
        optional sequence_number: u64 = "SequenceNumber",
        /// When it was sent (RFC 2822).
        optional timestamp: Timestamp = "Timestamp",
        /// Who hung up.
        optional hangup_by: String = "HangupBy",
        /// Which side hung up (`inbound`, `outbound`).
        optional hangup_direction: String = "HangupDirection",
        /// The final SIP response code (Twilio's name).
        optional sip_response_code: u64 = "SipResponseCode",
        /// The final SIP response code (SignalWire's name).
        optional sip_result_code: u64 = "SipResultCode",
        /// The SIP INVITE's result phrase.
        optional sip_invite_result_phrase: String = "SipInviteResultPhrase",
        /// A recording of the call.
        optional recording_sid: String = "RecordingSid",
        /// Where its audio is.
        optional recording_url: String = "RecordingUrl",
        /// Its length in seconds.
        optional recording_duration: i64 = "RecordingDuration",
        /// Mean opinion score of the received audio, 1 to 5.
        optional audio_in_mos: f64 = "AudioInMos",
        /// Average time between packets of the inbound stream, in
        /// milliseconds (`20.01`).
        optional audio_in_average_ptime: f64 = "AudioInAveragePtime",
        /// DTMF packets in the inbound stream.
        optional audio_in_dtmf_packet_count: i64 = "AudioInDtmfPacketCount",
        /// Inbound packets dropped by jitter buffer overflow or underflow.
        optional audio_in_flush_packet_count: i64 = "AudioInFlushPacketCount",
        /// Largest jitter variance of inbound RTP packets (`85.95`).
        optional audio_in_jitter_max_variance: f64 = "AudioInJitterMaxVariance",
        /// Smallest jitter variance of inbound RTP packets (`0.36`).
        optional audio_in_jitter_min_variance: f64 = "AudioInJitterMinVariance",
        /// Largest jitter buffer size of the inbound audio.
        optional audio_in_largest_jb_size: i64 = "AudioInLargestJbSize",
        /// Audio packets received.
        optional audio_in_media_packet_count: i64 = "AudioInMediaPacketCount",
        /// Inbound packets not received at their ptime (lost).
        optional audio_in_skip_packet_count: i64 = "AudioInSkipPacketCount",
        /// DTMF packets sent.
        optional audio_out_dtmf_packet_count: i64 = "AudioOutDtmfPacketCount",
        /// Audio packets sent.
        optional audio_out_media_packet_count: i64 = "AudioOutMediaPacketCount",
        /// Outbound packets lost.
        optional audio_out_lost: i64 = "AudioOutLost",
    }
}

form_callback! {
    /// `TranscribeCallback`: a recording's transcription is ready or failed.
    ///
    /// Documented in Twilio's `<Record>` page (`transcribeCallback`) and
    /// SignalWire's `TranscriptionStatusCallbackPayload`.
    pub struct TranscribeCallback {
        /// The account (`AC...` on Twilio, a project id on SignalWire).
        optional account_sid: String = "AccountSid",
        /// The call.
        optional call_sid: String = "CallSid",
        /// The call's status.
        optional call_status: CallStatus = "CallStatus",
        /// The parameters every call request carries (Twilio sends them
        /// with a transcription too).
        flatten call: CallParams,
        /// The transcription.
        required transcription_sid: String = "TranscriptionSid",
        /// The text.
        optional transcription_text: String = "TranscriptionText",
        /// Its status.
        required transcription_status: TranscriptionStatus = "TranscriptionStatus",
        /// Where it is.
        optional transcription_url: String = "TranscriptionUrl",
        /// The recording transcribed.
        optional recording_sid: String = "RecordingSid",
        /// Where its audio is.
        optional recording_url: String = "RecordingUrl",
    }
}

form_callback! {
    /// The `<Dial>` verb's `action` callback: how the dialled call ended.
    ///
    /// Documented in Twilio's `<Dial>` page (with `record`) and `<Sip>`
    /// page (`DialSip*`), SignalWire's `dial.mdx` and `sip-noun.mdx`.
    pub struct DialActionCallback {
        /// The account (`AC...` on Twilio, a project id on SignalWire).
        required account_sid: String = "AccountSid",
        /// The call that ran `<Dial>`.
        required call_sid: String = "CallSid",
        /// The calling call's status.
        optional call_status: CallStatus = "CallStatus",
        /// The parameters every call request carries, of the calling call.
        flatten call: CallParams,
        /// How the dialled call ended.
        required dial_call_status: DialCallStatus = "DialCallStatus",
        /// The dialled call.
        optional dial_call_sid: String = "DialCallSid",
        /// Its length in seconds.
        optional dial_call_duration: u64 = "DialCallDuration",
        /// Whether the two calls were connected (Twilio).
        optional dial_bridged: bool = "DialBridged",
        /// Its recording, when `<Dial record>` was set.
        optional recording_url: String = "RecordingUrl",
        /// The recording's id.
        optional recording_sid: String = "RecordingSid",
        /// The recording's length in seconds.
        optional recording_duration: i64 = "RecordingDuration",
        /// The SIP `Call-ID` of a `<Sip>` dial.
        optional dial_sip_call_id: String = "DialSipCallId",
        /// The SIP response code of a `<Sip>` dial's INVITE.
        optional dial_sip_response_code: u64 = "DialSipResponseCode",
        /// The `X-` headers of the `<Sip>` dial's answer, one
        /// `DialSipHeader_<name>` parameter each: names and values as sent,
        /// in order.
        prefixed dial_sip_headers: Vec<(String, String)> = "DialSipHeader_",
    }
}

form_callback! {
    /// The `<Record>` verb's `action` callback: a recording was made.
    ///
    /// Documented in Twilio's `<Record>` page and SignalWire's
    /// `record.mdx`.
    pub struct RecordActionCallback {
        /// The account (`AC...` on Twilio, a project id on SignalWire).
        required account_sid: String = "AccountSid",
        /// The call.
        required call_sid: String = "CallSid",
        /// The call's status.
        optional call_status: CallStatus = "CallStatus",
        /// The parameters every call request carries.
        flatten call: CallParams,
        /// Where the audio is.
        optional recording_url: String = "RecordingUrl",
        /// Its length in seconds.
        optional recording_duration: i64 = "RecordingDuration",
        /// The keys pressed to end the recording (`hangup` when the caller
        /// hung up).
        optional digits: String = "Digits",
        /// The recording.
        optional recording_sid: String = "RecordingSid",
    }
}

form_callback! {
    /// The `<Gather>` verb's `action` callback: what the caller pressed or
    /// said. The application answers it with TwiML / cXML, as it does the
    /// Voice URL request.
    ///
    /// Documented in Twilio's `<Gather>` page and SignalWire's
    /// `gather.mdx`.
    ///
    /// ```
    /// use recording_webhooks::twilio::GatherActionCallback;
    ///
    /// let body = b"AccountSid=AC1&CallSid=CA1&CallStatus=in-progress&Digits=42&FinishedOnKey=%23";
    /// let gather = GatherActionCallback::from_form(body)?;
    /// assert_eq!(gather.digits.as_deref(), Some("42"));
    /// assert_eq!(gather.finished_on_key.as_deref(), Some("#"));
    /// # Ok::<(), recording_webhooks::ParseError>(())
    /// ```
    pub struct GatherActionCallback {
        /// The account (`AC...` on Twilio, a project id on SignalWire).
        required account_sid: String = "AccountSid",
        /// The call.
        required call_sid: String = "CallSid",
        /// The call's status.
        optional call_status: CallStatus = "CallStatus",
        /// The parameters every call request carries.
        flatten call: CallParams,
        /// The keys pressed, without the one that finished the input.
        optional digits: String = "Digits",
        /// The key that finished the input (empty when it timed out).
        optional finished_on_key: String = "FinishedOnKey",
        /// What the caller said, transcribed.
        optional speech_result: String = "SpeechResult",
        /// How sure the transcription is, from 0.0 to 1.0.
        optional confidence: f64 = "Confidence",
    }
}

form_callback! {
    /// The `asyncAmdStatusCallback` of a call made with asynchronous
    /// answering machine detection: who answered, sent apart from the call's
    /// other requests (with synchronous detection, `AnsweredBy` comes in the
    /// Voice URL request and status callbacks instead).
    ///
    /// Documented in Twilio's "Answering Machine Detection" page.
    ///
    /// ```
    /// use recording_webhooks::twilio::{AmdStatusCallback, AnsweredBy};
    ///
    /// let body = b"AccountSid=AC1&CallSid=CA1&AnsweredBy=machine_end_beep&MachineDetectionDuration=3412";
    /// let amd = AmdStatusCallback::from_form(body)?;
    /// assert_eq!(amd.answered_by, AnsweredBy::MachineEndBeep);
    /// assert_eq!(amd.machine_detection_duration, Some(3412));
    /// # Ok::<(), recording_webhooks::ParseError>(())
    /// ```
    pub struct AmdStatusCallback {
        /// The account.
        required account_sid: String = "AccountSid",
        /// The call.
        required call_sid: String = "CallSid",
        /// Who answered.
        required answered_by: AnsweredBy = "AnsweredBy",
        /// How long detection took, in milliseconds.
        optional machine_detection_duration: u64 = "MachineDetectionDuration",
    }
}

form_callback! {
    /// The `<Conference>` noun's `statusCallback`: the conference or one of
    /// its participants changed.
    ///
    /// Documented in Twilio's `<Conference>` page (`statusCallback`) and
    /// SignalWire's `conference-noun.mdx`.
    pub struct ConferenceStatusCallback {
        /// The account (`AC...` on Twilio, a project id on SignalWire).
        required account_sid: String = "AccountSid",
        /// The conference.
        required conference_sid: String = "ConferenceSid",
        /// What happened.
        required status_callback_event: ConferenceEvent = "StatusCallbackEvent",
        /// The conference's name.
        optional friendly_name: String = "FriendlyName",
        /// The participant's call (absent on `conference-start` / `-end`).
        optional call_sid: String = "CallSid",
        /// The order of this callback among the conference's.
        optional sequence_number: u64 = "SequenceNumber",
        /// When it happened (RFC 2822).
        optional timestamp: Timestamp = "Timestamp",
        /// The event's name, where sent.
        optional event_name: String = "EventName",
        /// The conference's length in seconds.
        optional duration: i64 = "Duration",
        /// Whether the participant is muted.
        optional muted: bool = "Muted",
        /// Whether the participant is on hold.
        optional hold: bool = "Hold",
        /// Whether the participant is coaching another (Twilio).
        optional coaching: bool = "Coaching",
        /// The participant being coached.
        optional call_sid_to_coach: String = "CallSidToCoach",
        /// Whether the conference starts when this participant enters.
        optional start_conference_on_enter: bool = "StartConferenceOnEnter",
        /// Whether the conference ends when this participant leaves.
        optional end_conference_on_exit: bool = "EndConferenceOnExit",
        /// The participant's label.
        optional participant_label: String = "ParticipantLabel",
        /// The status of the participant's call.
        optional participant_call_status: CallStatus = "ParticipantCallStatus",
        /// The call whose leaving ended the conference.
        optional call_sid_ending_conference: String = "CallSidEndingConference",
        /// The label of the participant whose leaving ended it.
        optional participant_label_ending_conference: String = "ParticipantLabelEndingConference",
        /// Why the conference ended.
        optional reason_conference_ended: ReasonConferenceEnded = "ReasonConferenceEnded",
        /// Why it ended or why the participant changed, in words.
        optional reason: String = "Reason",
        /// Why the participant left.
        optional reason_participant_left: String = "ReasonParticipantLeft",
        /// The announcement played, on `announcement-end` / `-fail`.
        optional announce_url: String = "AnnounceUrl",
        /// Why the announcement failed.
        optional reason_announcement_failed: String = "ReasonAnnouncementFailed",
        /// The conference's recording.
        optional recording_url: String = "RecordingUrl",
        /// Its size in bytes.
        optional recording_file_size: u64 = "RecordingFileSize",
    }
}

/// Any of the callbacks, for one URL that receives several kinds: the kind
/// is told by its parameters, the first rule that matches winning.
///
/// | parameter present | callback |
/// |---|---|
/// | `RecordingStatus` | [`AnyCallback::Recording`] |
/// | `DialCallStatus` | [`AnyCallback::DialAction`] |
/// | `StatusCallbackEvent` with `ConferenceSid` | [`AnyCallback::ConferenceStatus`] |
/// | `TranscriptionStatus` | [`AnyCallback::Transcribe`] |
/// | `CallbackSource` | [`AnyCallback::Status`] |
/// | `RecordingUrl` | [`AnyCallback::RecordAction`] |
/// | `Digits` or `SpeechResult` | [`AnyCallback::GatherAction`] |
/// | `AnsweredBy` without `CallStatus` | [`AnyCallback::AmdStatus`] |
/// | `CallStatus` with `CallDuration`, `SequenceNumber` or `Timestamp` | [`AnyCallback::Status`] |
/// | `CallStatus` | [`AnyCallback::Voice`] |
/// | none of these | [`AnyCallback::Other`] |
///
/// ```
/// use recording_webhooks::signalwire::{AnyCallback, DialCallStatus};
///
/// let body = b"AccountSid=AC1&CallSid=CA1&DialCallStatus=no-answer&DialCallSid=CA2";
/// match AnyCallback::from_form(body)? {
///     AnyCallback::DialAction(dial) => assert_eq!(dial.dial_call_status, DialCallStatus::NoAnswer),
///     other => panic!("{other:?}"),
/// }
/// # Ok::<(), recording_webhooks::ParseError>(())
/// ```
///
/// Every callback is boxed, as every provider's `Event` boxes its payloads:
/// the enum stays the size of a `Vec`, whichever callback it holds.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum AnyCallback {
    /// A `RecordingStatusCallback`.
    Recording(Box<RecordingStatusCallback>),
    /// A call's `StatusCallback`.
    Status(Box<StatusCallback>),
    /// A `TranscribeCallback`.
    Transcribe(Box<TranscribeCallback>),
    /// The `<Dial>` verb's `action` callback.
    DialAction(Box<DialActionCallback>),
    /// The `<Record>` verb's `action` callback.
    RecordAction(Box<RecordActionCallback>),
    /// A conference's `statusCallback`.
    ConferenceStatus(Box<ConferenceStatusCallback>),
    /// The request to a call's Voice URL.
    Voice(Box<VoiceRequest>),
    /// The `<Gather>` verb's `action` callback.
    GatherAction(Box<GatherActionCallback>),
    /// The `asyncAmdStatusCallback`.
    AmdStatus(Box<AmdStatusCallback>),
    /// Parameters none of the rules recognises, in order.
    Other(Vec<(String, String)>),
}

impl AnyCallback {
    /// Reads whichever callback a form body is.
    ///
    /// # Errors
    ///
    /// As the chosen callback's `from_form`: a required parameter of that
    /// kind missing, or a name or value that is not UTF-8.
    pub fn from_form(body: &[u8]) -> Result<AnyCallback, ParseError> {
        // Decoded once: the rules look at the names, the chosen callback
        // takes the same parameters.
        let mut params = Params::parse(body)?;
        let has = |name: &str| params.has(name);
        Ok(if has("RecordingStatus") {
            AnyCallback::Recording(Box::new(RecordingStatusCallback::from_params(params)?))
        } else if has("DialCallStatus") {
            AnyCallback::DialAction(Box::new(DialActionCallback::from_params(params)?))
        } else if has("StatusCallbackEvent") && has("ConferenceSid") {
            AnyCallback::ConferenceStatus(Box::new(ConferenceStatusCallback::from_params(params)?))
        } else if has("TranscriptionStatus") {
            AnyCallback::Transcribe(Box::new(TranscribeCallback::from_params(params)?))
        } else if has("CallbackSource") {
            AnyCallback::Status(Box::new(StatusCallback::from_params(params)?))
        } else if has("RecordingUrl") {
            AnyCallback::RecordAction(Box::new(RecordActionCallback::from_params(params)?))
        } else if has("Digits") || has("SpeechResult") {
            AnyCallback::GatherAction(Box::new(GatherActionCallback::from_params(params)?))
        } else if has("AnsweredBy") && !has("CallStatus") {
            AnyCallback::AmdStatus(Box::new(AmdStatusCallback::from_params(params)?))
        } else if has("CallStatus")
            && (has("CallDuration") || has("SequenceNumber") || has("Timestamp"))
        {
            // A status callback from a sender that leaves out
            // `CallbackSource`: a Voice URL request carries none of these.
            AnyCallback::Status(Box::new(StatusCallback::from_params(params)?))
        } else if has("CallStatus") {
            AnyCallback::Voice(Box::new(VoiceRequest::from_params(params)?))
        } else {
            AnyCallback::Other(params.rest())
        })
    }

    /// Reads whichever callback a query string is (`GET` callbacks).
    ///
    /// # Errors
    ///
    /// As [`AnyCallback::from_form`].
    pub fn from_query(query: &str) -> Result<AnyCallback, ParseError> {
        <AnyCallback as Callback>::from_query(query)
    }

    /// Reads whichever callback a `POST` body is: a form, or a JSON object
    /// of the same parameters.
    ///
    /// # Errors
    ///
    /// As [`AnyCallback::from_form`]; [`ParseError::Json`] for a body that
    /// starts as JSON but is not an object of parameters.
    pub fn from_body(body: &[u8]) -> Result<AnyCallback, ParseError> {
        <AnyCallback as Callback>::from_body(body)
    }

    /// The callback's parameters as a form body.
    #[must_use]
    pub fn to_form(&self) -> String {
        match self {
            AnyCallback::Recording(callback) => callback.to_form(),
            AnyCallback::Status(callback) => callback.to_form(),
            AnyCallback::Transcribe(callback) => callback.to_form(),
            AnyCallback::DialAction(callback) => callback.to_form(),
            AnyCallback::RecordAction(callback) => callback.to_form(),
            AnyCallback::ConferenceStatus(callback) => callback.to_form(),
            AnyCallback::Voice(request) => request.to_form(),
            AnyCallback::GatherAction(callback) => callback.to_form(),
            AnyCallback::AmdStatus(callback) => callback.to_form(),
            AnyCallback::Other(pairs) => encode(
                &pairs
                    .iter()
                    .map(|(name, value)| (name.as_str(), value.clone()))
                    .collect::<Vec<_>>(),
            ),
        }
    }
}

impl Callback for AnyCallback {
    fn from_form(body: &[u8]) -> Result<AnyCallback, ParseError> {
        AnyCallback::from_form(body)
    }
}

impl Serialize for AnyCallback {
    /// The chosen callback's own flat object of parameters.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            AnyCallback::Recording(callback) => callback.serialize(serializer),
            AnyCallback::Status(callback) => callback.serialize(serializer),
            AnyCallback::Transcribe(callback) => callback.serialize(serializer),
            AnyCallback::DialAction(callback) => callback.serialize(serializer),
            AnyCallback::RecordAction(callback) => callback.serialize(serializer),
            AnyCallback::ConferenceStatus(callback) => callback.serialize(serializer),
            AnyCallback::Voice(request) => request.serialize(serializer),
            AnyCallback::GatherAction(callback) => callback.serialize(serializer),
            AnyCallback::AmdStatus(callback) => callback.serialize(serializer),
            AnyCallback::Other(pairs) => {
                let mut map = serializer.serialize_map(Some(pairs.len()))?;
                for (name, value) in pairs {
                    map.serialize_entry(name, value)?;
                }
                map.end()
            }
        }
    }
}
