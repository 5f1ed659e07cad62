//! Every parameter Twilio and SignalWire document for a callback the crate
//! types is a typed field: for every fixture, the names left in `other` are
//! listed and none of them is documented.
//!
//! The lists below are written from the providers' pages, not from the
//! crate's tables, so that a parameter the tables miss fails here.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.
#![cfg(feature = "twilio")]

mod common;

use recording_webhooks::twilio::{
    AnsweredBy, AnyCallback, CallStatus, CallbackSource, ConferenceEvent, ConferenceStatusCallback,
    Direction, GatherActionCallback, ReasonConferenceEnded, StatusCallback, StirVerstat,
    VoiceRequest,
};

/// The parameters of every request about a call. Twilio: "TwiML Voice:
/// Twilio's request to your application" (request parameters and the
/// geographic ones), the 2008-08-01 version of that page (`Called*`,
/// `Caller*`), "Trusted calling with SHAKEN/STIR" (`StirVerstat`),
/// "Answering Machine Detection" (`AnsweredBy`,
/// `MachineDetectionDuration`). SignalWire: `cxml/voice/overview.mdx`
/// ("Request parameters").
const STANDARD: &[&str] = &[
    "AccountSid",
    "ApiVersion",
    "CallSid",
    "CallStatus",
    "Direction",
    "From",
    "To",
    "ForwardedFrom",
    "CallerName",
    "ParentCallSid",
    "CallToken",
    "FromCity",
    "FromState",
    "FromZip",
    "FromCountry",
    "ToCity",
    "ToState",
    "ToZip",
    "ToCountry",
    "Called",
    "CalledCity",
    "CalledState",
    "CalledZip",
    "CalledCountry",
    "Caller",
    "CallerCity",
    "CallerState",
    "CallerZip",
    "CallerCountry",
    "StirVerstat",
    "AnsweredBy",
    "MachineDetectionDuration",
    "SipCallId",
];

/// The Voice URL request beside the standard parameters: Twilio's Voice
/// SDK (`ApplicationSid`) and SIP domain calls ("SIP Interface: receiving
/// calls").
const VOICE: &[&str] = &[
    "ApplicationSid",
    "SipDomain",
    "SipDomainSid",
    "SipUsername",
    "SipSourceIp",
];

/// Status callbacks. Twilio: Call resource, "StatusCallback" parameters;
/// SignalWire: `specs/compatibility-api/calls/models/webhooks.tsp`
/// (`VoiceStatusCallbackPayload`) and `cxml/voice/overview.mdx`.
const STATUS: &[&str] = &[
    "CallDuration",
    "Duration",
    "CallbackSource",
    "SequenceNumber",
    "Timestamp",
    "RecordingUrl",
    "RecordingSid",
    "RecordingDuration",
    "SipResponseCode",
    "SipResultCode",
    "SipInviteResultPhrase",
    "HangupBy",
    "HangupDirection",
    "AudioInMos",
    "AudioInAveragePtime",
    "AudioInDtmfPacketCount",
    "AudioInFlushPacketCount",
    "AudioInJitterMaxVariance",
    "AudioInJitterMinVariance",
    "AudioInLargestJbSize",
    "AudioInMediaPacketCount",
    "AudioInSkipPacketCount",
    "AudioOutDtmfPacketCount",
    "AudioOutMediaPacketCount",
    "AudioOutLost",
];

/// `<Dial action>`: Twilio's `<Dial>` page (with `record`, and `<Sip>`'s
/// `DialSip*`), SignalWire's `dial.mdx` and `sip-noun.mdx`.
const DIAL: &[&str] = &[
    "DialCallStatus",
    "DialCallSid",
    "DialCallDuration",
    "DialBridged",
    "RecordingUrl",
    "RecordingSid",
    "RecordingDuration",
    "DialSipCallId",
    "DialSipResponseCode",
];

/// `<Record action>`: Twilio's `<Record>` page, SignalWire's `record.mdx`.
const RECORD: &[&str] = &[
    "RecordingUrl",
    "RecordingDuration",
    "RecordingSid",
    "Digits",
];

/// `asyncAmdStatusCallback`: Twilio's "Answering Machine Detection".
const AMD: &[&str] = &[
    "AccountSid",
    "CallSid",
    "AnsweredBy",
    "MachineDetectionDuration",
];

/// `<Gather action>`: Twilio's `<Gather>` page, SignalWire's `gather.mdx`.
const GATHER: &[&str] = &["Digits", "FinishedOnKey", "SpeechResult", "Confidence"];

/// `transcribeCallback`: Twilio's `<Record>` page, SignalWire's
/// `TranscriptionStatusCallbackPayload`.
const TRANSCRIBE: &[&str] = &[
    "TranscriptionSid",
    "TranscriptionText",
    "TranscriptionStatus",
    "TranscriptionUrl",
    "RecordingSid",
    "RecordingUrl",
];

/// `recordingStatusCallback`: Twilio's Recording pages, SignalWire's
/// `RecordingStatusCallbackPayload`.
const RECORDING: &[&str] = &[
    "AccountSid",
    "CallSid",
    "RecordingSid",
    "RecordingUrl",
    "RecordingStatus",
    "RecordingDuration",
    "RecordingChannels",
    "RecordingSource",
    "RecordingStartTime",
    "RecordingTrack",
    "ErrorCode",
    "ConferenceSid",
    "ApiVersion",
];

/// The `<Conference>` `statusCallback`: Twilio's `<Conference>` page,
/// SignalWire's `conference-noun.mdx`.
const CONFERENCE: &[&str] = &[
    "AccountSid",
    "ConferenceSid",
    "FriendlyName",
    "StatusCallbackEvent",
    "CallSid",
    "SequenceNumber",
    "Timestamp",
    "EventName",
    "Duration",
    "Muted",
    "Hold",
    "Coaching",
    "CallSidToCoach",
    "StartConferenceOnEnter",
    "EndConferenceOnExit",
    "ParticipantLabel",
    "ParticipantCallStatus",
    "CallSidEndingConference",
    "ParticipantLabelEndingConference",
    "ReasonConferenceEnded",
    "Reason",
    "ReasonParticipantLeft",
    "AnnounceUrl",
    "ReasonAnnouncementFailed",
    "RecordingUrl",
    "RecordingFileSize",
];

/// The callback's kind (its fixture family), what the providers document
/// for it, and what it left in `other`.
fn documented_and_other(
    callback: &AnyCallback,
) -> (&'static str, Vec<&'static [&'static str]>, Vec<String>) {
    let names = |other: &[(String, String)]| other.iter().map(|(name, _)| name.clone()).collect();
    match callback {
        AnyCallback::Voice(c) => ("voice", vec![STANDARD, VOICE], names(&c.other)),
        AnyCallback::Status(c) => ("call-status", vec![STANDARD, STATUS], names(&c.other)),
        AnyCallback::DialAction(c) => ("dial-action", vec![STANDARD, DIAL], names(&c.other)),
        AnyCallback::RecordAction(c) => ("record-action", vec![STANDARD, RECORD], names(&c.other)),
        AnyCallback::GatherAction(c) => ("gather-action", vec![STANDARD, GATHER], names(&c.other)),
        AnyCallback::AmdStatus(c) => ("amd-status", vec![AMD], names(&c.other)),
        AnyCallback::Transcribe(c) => {
            ("transcription", vec![STANDARD, TRANSCRIBE], names(&c.other))
        }
        AnyCallback::Recording(c) => ("recording-status", vec![RECORDING], names(&c.other)),
        AnyCallback::ConferenceStatus(c) => {
            ("conference-status", vec![CONFERENCE], names(&c.other))
        }
        other => panic!("no callback: {other:?}"),
    }
}

#[test]
fn no_documented_parameter_is_left_in_other() {
    let mut fixtures = common::files("signalwire", "form");
    let signalwire = fixtures.len();
    fixtures.extend(common::files("twilio", "form"));
    assert!(fixtures.len() > signalwire + 20, "{}", fixtures.len());
    for (name, body) in &fixtures {
        let callback = AnyCallback::from_form(body).unwrap_or_else(|err| panic!("{name}: {err}"));
        let (kind, documented, other) = documented_and_other(&callback);
        assert_eq!(kind, name.split('.').next().unwrap(), "{name}");
        // `SipHeader_<name>` and `DialSipHeader_<name>` are documented
        // families.
        let left: Vec<&String> = other
            .iter()
            .filter(|name| {
                documented.iter().any(|list| list.contains(&name.as_str()))
                    || name.starts_with("SipHeader_")
                    || name.starts_with("DialSipHeader_")
            })
            .collect();
        assert!(left.is_empty(), "{name}: documented but untyped: {left:?}");
        // Every fixture still reads back from its own form and JSON.
        assert_eq!(
            AnyCallback::from_form(callback.to_form().as_bytes()).unwrap(),
            callback,
            "{name}"
        );
        let json = serde_json::to_vec(&callback).unwrap();
        assert_eq!(AnyCallback::from_body(&json).unwrap(), callback, "{name}");
    }
}

#[test]
fn extras_that_no_page_documents_stay_in_other() {
    // SignalWire's API spec has no `AudioOutMos`; a custom parameter of a
    // Voice SDK call is the application's own.
    let body = common::files("signalwire", "form")
        .into_iter()
        .find(|(name, _)| name == "call-status.completed")
        .unwrap()
        .1;
    let callback = StatusCallback::from_form(&body).unwrap();
    assert_eq!(
        callback.other,
        [("AudioOutMos".to_owned(), "4.41".to_owned())]
    );

    let body = std::fs::read(fixture("twilio/voice.client.form")).unwrap();
    let request = VoiceRequest::from_form(&body).unwrap();
    assert_eq!(request.other, [("Ticket".to_owned(), "42".to_owned())]);
    assert_eq!(request.from.as_deref(), Some("client:ada"));
    // Sent, and empty.
    assert_eq!(request.to.as_deref(), Some(""));
    assert_eq!(request.called.as_deref(), Some(""));
    assert!(
        request
            .application_sid
            .as_deref()
            .unwrap()
            .starts_with("AP")
    );
}

fn fixture(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(path)
}

fn form(path: &str) -> Vec<u8> {
    std::fs::read(fixture(path)).unwrap()
}

#[test]
fn the_voice_request_with_twilio_geography_and_verification() {
    let request = VoiceRequest::from_form(&form("twilio/voice.inbound.form")).unwrap();
    assert_eq!(request.call_status, CallStatus::Ringing);
    assert_eq!(request.direction, Some(Direction::Inbound));
    assert_eq!(request.from.as_deref(), Some("+14155550142"));
    assert_eq!(request.from_city.as_deref(), Some("SAN FRANCISCO"));
    assert_eq!(request.from_state.as_deref(), Some("CA"));
    assert_eq!(request.from_zip.as_deref(), Some("94105"));
    assert_eq!(request.from_country.as_deref(), Some("US"));
    assert_eq!(request.to_city.as_deref(), Some("OAKLAND"));
    assert_eq!(request.called_zip.as_deref(), Some("94612"));
    assert_eq!(request.caller.as_deref(), Some("+14155550142"));
    assert_eq!(request.stir_verstat, Some(StirVerstat::TnValidationPassedA));
    // The token is JSON, kept as text, and out of `Debug`.
    let token = request.call_token.as_ref().unwrap().expose();
    assert!(token.starts_with("{\"parentCallInfoToken\""));
    assert!(!format!("{request:?}").contains("parentCallInfoToken"));
    assert!(request.other.is_empty(), "{:?}", request.other);
    // The shared part is a value of its own too.
    assert_eq!(request.call.from_city, request.from_city);

    let amd = VoiceRequest::from_form(&form("twilio/voice.outbound-api+amd.form")).unwrap();
    assert_eq!(amd.answered_by, Some(AnsweredBy::MachineEndBeep));
    assert_eq!(amd.machine_detection_duration, Some(4212));
    assert_eq!(AnsweredBy::from("unknown"), AnsweredBy::Undetermined);
    assert_eq!(AnsweredBy::from("machine"), AnsweredBy::Machine);

    let sip = VoiceRequest::from_form(&form("twilio/voice.sip-domain.form")).unwrap();
    assert_eq!(sip.sip_domain.as_deref(), Some("example.sip.twilio.com"));
    assert_eq!(sip.sip_source_ip.as_deref(), Some("203.0.113.7"));
    assert_eq!(
        sip.sip_call_id.as_deref(),
        Some("6d1e4a2f7c9b0a3e@203.0.113.7")
    );
    // The `SipHeader_<name>` family, as sent.
    assert_eq!(
        sip.sip_headers,
        [
            (
                "SipHeader_X-Customer-Ref".to_owned(),
                "acme-4211".to_owned()
            ),
            ("SipHeader_X-Queue".to_owned(), "recordings".to_owned())
        ]
    );
    // A bare prefix is no member of the family.
    let bare =
        VoiceRequest::from_form(b"AccountSid=a&CallSid=c&CallStatus=ringing&SipHeader_=x").unwrap();
    assert!(bare.sip_headers.is_empty());
    assert_eq!(bare.other, [("SipHeader_".to_owned(), "x".to_owned())]);
}

#[test]
fn status_callbacks_as_twilio_and_signalwire_send_them() {
    let completed = StatusCallback::from_form(&form("twilio/call-status.completed.form")).unwrap();
    assert_eq!(completed.sip_response_code, Some(200));
    assert_eq!(completed.call_duration, Some(187));
    assert_eq!(completed.duration, Some(4));
    assert_eq!(
        completed.callback_source,
        Some(CallbackSource::CallProgressEvents)
    );
    assert_eq!(completed.sequence_number, Some(3));
    assert_eq!(completed.answered_by, Some(AnsweredBy::Human));
    assert_eq!(completed.to_zip.as_deref(), Some("94612"));
    let busy = StatusCallback::from_form(&form("twilio/call-status.busy.form")).unwrap();
    assert_eq!(busy.sip_response_code, Some(486));

    // SignalWire's call-quality figures, decimals where real calls have
    // them.
    let quality =
        StatusCallback::from_form(&form("signalwire/call-status.completed+quality.form")).unwrap();
    assert_eq!(quality.audio_in_average_ptime, Some(20.01));
    assert_eq!(quality.audio_in_jitter_max_variance, Some(85.95));
    assert_eq!(quality.audio_in_jitter_min_variance, Some(0.36));
    assert_eq!(quality.audio_in_mos, Some(4.5));
    assert_eq!(quality.audio_out_lost, Some(0));
    assert_eq!(quality.audio_in_skip_packet_count, Some(1));
    assert_eq!(
        quality.sip_call_id.as_deref(),
        Some("8f2c1d7e-3b4a-4c5d-9e6f-7a8b9c0d1e2f")
    );
    assert!(quality.other.is_empty(), "{:?}", quality.other);
}

#[test]
fn dial_and_conference_parameters() {
    let AnyCallback::DialAction(dial) =
        AnyCallback::from_form(&form("twilio/dial-action.completed+record.form")).unwrap()
    else {
        panic!()
    };
    assert_eq!(dial.dial_bridged, Some(true));
    assert_eq!(dial.recording_duration, Some(309));
    assert!(dial.recording_sid.as_deref().unwrap().starts_with("RE"));
    let AnyCallback::DialAction(sip) =
        AnyCallback::from_form(&form("twilio/dial-action.completed+sip.form")).unwrap()
    else {
        panic!()
    };
    assert_eq!(sip.dial_sip_response_code, Some(200));
    assert_eq!(
        sip.dial_sip_call_id.as_deref(),
        Some("a84b4c76e66710@198.51.100.20")
    );
    assert_eq!(
        sip.dial_sip_headers,
        [("DialSipHeader_X-Pbx-Trunk".to_owned(), "trunk-7".to_owned())]
    );

    let end =
        ConferenceStatusCallback::from_form(&form("twilio/conference-status.conference-end.form"))
            .unwrap();
    assert_eq!(
        end.reason_conference_ended,
        Some(ReasonConferenceEnded::ParticipantWithEndConferenceOnExitLeft)
    );
    assert_eq!(
        end.participant_label_ending_conference.as_deref(),
        Some("customer")
    );
    let leave = ConferenceStatusCallback::from_form(&form(
        "twilio/conference-status.participant-leave.form",
    ))
    .unwrap();
    assert_eq!(leave.participant_call_status, Some(CallStatus::Completed));
    assert_eq!(leave.coaching, Some(false));

    // Every conference event has a fixture, SignalWire's or Twilio's.
    let mut events: Vec<ConferenceEvent> = common::files("signalwire", "form")
        .into_iter()
        .chain(common::files("twilio", "form"))
        .filter(|(name, _)| name.starts_with("conference-status."))
        .map(|(_, body)| {
            ConferenceStatusCallback::from_form(&body)
                .unwrap()
                .status_callback_event
        })
        .collect();
    events.dedup();
    for known in ConferenceEvent::KNOWN {
        assert!(events.contains(known), "{known:?}");
    }
}

#[test]
fn gather_actions_with_digits_or_speech() {
    let digits =
        GatherActionCallback::from_form(&form("twilio/gather-action.digits.form")).unwrap();
    assert_eq!(digits.digits.as_deref(), Some("4"));
    assert_eq!(digits.finished_on_key.as_deref(), Some("#"));
    assert_eq!(digits.from_city.as_deref(), Some("SAN FRANCISCO"));
    // Twilio's own marker, on no page.
    assert_eq!(digits.other, [("msg".to_owned(), "Gather End".to_owned())]);
    let speech =
        GatherActionCallback::from_form(&form("twilio/gather-action.speech.form")).unwrap();
    assert_eq!(speech.confidence, Some(0.912_838_6));
    assert!(
        speech
            .speech_result
            .as_deref()
            .unwrap()
            .starts_with("I'd like")
    );
    // A `<Record>` action carries `Digits` too, with its recording.
    let record =
        AnyCallback::from_form(b"AccountSid=a&CallSid=c&RecordingUrl=u&Digits=hangup").unwrap();
    assert!(matches!(record, AnyCallback::RecordAction(_)));
}
