//! Telnyx: signatures judged as Telnyx's own verifiers judge them
//! (`fixtures/telnyx_signatures/vectors.json`, every case judged by the
//! `telnyx` Python and Node SDKs), the spec's vectors
//! (`shared/spec/telnyx.md`, "Test vectors"), every Call Control fixture
//! typed and written back as it came, and the TeXML forms read by the
//! shared callbacks.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.
#![cfg(feature = "telnyx")]

mod common;

use std::collections::BTreeSet;

use recording_webhooks::telnyx::{
    AnyCallback, Channels, Event, EventType, RecordingErrorReason, RecordingFormat,
    RecordingSource, RecordingStatus, RecordingStatusCallback, TranscriptionStatus, Verifier,
    Webhook,
};
use recording_webhooks::{Error, SecretError, VerifyError};
use serde::Deserialize;
use time::{Duration, OffsetDateTime};

const PUBLIC_KEY: &str = "SBO4g1MoMXJfqu2e+asjEJLyK5xoox1cqi85p5oDPIs=";
const TS: i64 = 1_767_225_600;
const TX1_SIGNATURE: &str =
    "nR5tx9JWqLpPzJnjfcVXk0yayeTagrXxe/OqfG3nVJ4coWta661d8Y4HNiWNnqoHZZ5gCf/sl+jVrel9fc+FDA==";
const TX2_SIGNATURE: &str =
    "hiuTDwitueMpnK3jzVmEBMCNYWtL6k4E27xtaZu8u5vu+rDYXisDHeLdiDQ+4UPcvwKQwAtjQuIjTAy26pHqCA==";
const TX3_SIGNATURE: &str =
    "2U4/EjnuBWToFd2h6sjS4kGRbbl0yJbU646JOj+sNNszwi0wUEdAGHsoWYacbrSZ7Zd97Khktrw8WRerib+GBw==";

fn at(seconds: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(seconds).unwrap()
}

fn fixture(name: &str) -> Vec<u8> {
    let (stem, extension) = name.rsplit_once('.').unwrap();
    common::files("telnyx", extension)
        .into_iter()
        .find(|(file, _)| file == stem)
        .unwrap_or_else(|| panic!("no fixture {name}"))
        .1
}

fn signed(signature: &str) -> [(&'static str, String); 2] {
    [
        ("telnyx-timestamp", TS.to_string()),
        ("telnyx-signature-ed25519", signature.to_owned()),
    ]
}

/// The name the vector file gives the step a verification failed at.
fn step(result: &Result<recording_webhooks::telnyx::Verified, VerifyError>) -> &'static str {
    match result {
        Ok(_) => "ok",
        Err(VerifyError::MissingHeader { .. }) => "missing_header",
        Err(VerifyError::InvalidTimestamp { .. }) => "invalid_timestamp",
        Err(VerifyError::TimestampTooOld { .. }) => "too_old",
        Err(VerifyError::TimestampTooNew { .. }) => "too_new",
        Err(VerifyError::InvalidHeader { .. }) => "invalid_header",
        Err(VerifyError::NoMatchingSignature { .. }) => "no_match",
        Err(other) => panic!("unexpected error {other:?}"),
    }
}

#[derive(Deserialize)]
struct Case {
    name: String,
    public_key: String,
    fixture: String,
    headers: Vec<(String, String)>,
    body: Option<String>,
    now: i64,
    expected: String,
    node: String,
    python: String,
}

#[test]
fn every_case_is_judged_as_telnyxs_verifiers_judge_it() {
    let cases: Vec<Case> =
        common::cases(include_str!("../fixtures/telnyx_signatures/vectors.json"));
    assert!(cases.len() >= 800, "only {} cases", cases.len());
    let (mut accepted, mut refused) = (0, 0);
    for case in &cases {
        let verifier = Verifier::new(&case.public_key).unwrap();
        let body = case
            .body
            .clone()
            .map_or_else(|| fixture(&case.fixture), String::into_bytes);
        let result = verifier.verify_at(&case.headers, &body, at(case.now));
        assert_eq!(
            step(&result),
            case.expected,
            "{}: {result:?} (node: {}, python: {})",
            case.name,
            case.node,
            case.python
        );
        // Node's verifier (digits-only timestamps, as the crate) agrees on every case.
        assert_eq!(result.is_ok(), case.node == "ok", "{}", case.name);
        if result.is_ok() {
            accepted += 1;
        } else {
            refused += 1;
        }
    }
    assert!(
        accepted > 150 && refused > 600,
        "{accepted} accepted, {refused} refused"
    );
}

#[test]
fn the_spec_vectors_verify_inside_the_window_and_not_a_second_beyond() {
    let verifier = Verifier::new(PUBLIC_KEY).unwrap();
    for (name, signature) in [
        ("call.recording.saved.json", TX1_SIGNATURE),
        ("recording-status.completed.form", TX2_SIGNATURE),
        ("call.recording.transcription.saved.json", TX3_SIGNATURE),
    ] {
        let body = fixture(name);
        let headers = signed(signature);
        for now in [TS + 30, TS + 300, TS - 300] {
            let verified = verifier.verify_at(&headers, &body, at(now)).unwrap();
            assert_eq!(verified.timestamp, at(TS), "{name}");
        }
        let late = verifier
            .verify_at(&headers, &body, at(TS + 301))
            .unwrap_err();
        assert!(
            matches!(late, VerifyError::TimestampTooOld { .. }),
            "{name}: {late}"
        );
        let early = verifier
            .verify_at(&headers, &body, at(TS - 301))
            .unwrap_err();
        assert!(
            matches!(early, VerifyError::TimestampTooNew { .. }),
            "{name}: {early}"
        );
    }
    // A wider window, for a receiver that wants one.
    let wide = Verifier::new(PUBLIC_KEY)
        .unwrap()
        .with_tolerance(Duration::minutes(10));
    assert_eq!(wide.tolerance(), Duration::minutes(10));
    let body = fixture("call.recording.saved.json");
    assert!(
        wide.verify_at(&signed(TX1_SIGNATURE), &body, at(TS + 599))
            .is_ok()
    );
}

#[test]
fn each_failing_step_names_its_header() {
    let verifier = Verifier::new(PUBLIC_KEY).unwrap();
    let body = fixture("call.recording.saved.json");
    let message = |headers: &[(&str, &str)], body: &[u8]| {
        verifier
            .verify_at(headers, body, at(TS))
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        message(&[("telnyx-timestamp", "1767225600")], &body),
        "missing header `telnyx-signature-ed25519`"
    );
    assert!(
        message(
            &[
                ("telnyx-timestamp", "+1767225600"),
                ("telnyx-signature-ed25519", TX1_SIGNATURE)
            ],
            &body
        )
        .contains("`telnyx-timestamp`")
    );
    // An HMAC's 32 bytes where the signature's 64 go.
    let hmac = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=";
    let text = message(
        &[
            ("telnyx-timestamp", "1767225600"),
            ("telnyx-signature-ed25519", hmac),
        ],
        &body,
    );
    assert!(
        text.contains("`telnyx-signature-ed25519`") && text.contains("64 bytes"),
        "{text}"
    );
    let text = message(
        &[
            ("telnyx-timestamp", "1767225600"),
            ("telnyx-signature-ed25519", TX1_SIGNATURE),
        ],
        b"{}",
    );
    assert_eq!(
        text,
        "no signature in header `telnyx-signature-ed25519` matches the request"
    );
}

#[test]
fn only_the_portals_public_key_is_taken() {
    let reason = |key: &str| match Verifier::new(key).unwrap_err() {
        SecretError::InvalidPublicKey { reason } => reason,
        other => panic!("{key}: {other:?}"),
    };
    assert!(
        reason("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----")
            .contains("PEM")
    );
    // One character lost or added in copying.
    assert!(
        reason("SBO4g1MoMXJfqu2e+asjEJLyK5xoox1cqi85p5oD").contains("short")
            || reason("SBO4g1MoMXJfqu2e+asjEJLyK5xoox1cqi85p5oD").contains("32")
    );
    assert!(reason("SBO4g1MoMXJfqu2e+asjEJLyK5xoox1cqi85p5oDPIsA").contains("33"));
    // An HMAC-sized secret, hex: 48 bytes once decoded.
    assert!(
        reason("3f1c6a8e2b7d4c5f9a0e1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60")
            .contains("32 bytes")
    );
    assert!(reason("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").contains("Standard Webhooks"));
    assert!(matches!(Verifier::new(""), Err(SecretError::Empty)));
    assert!(matches!(
        Verifier::new(&format!("{PUBLIC_KEY}\n")),
        Err(SecretError::SurroundingWhitespace)
    ));
    // The key is no secret: `Debug` shows it.
    let shown = format!("{:?}", Verifier::new(PUBLIC_KEY).unwrap());
    assert!(shown.contains(PUBLIC_KEY), "{shown}");
}

#[test]
fn every_fixture_parses_as_its_typed_event_and_round_trips() {
    let files = common::fixtures("telnyx");
    assert!(files.len() >= 17, "only {} fixtures", files.len());
    for (name, body) in &files {
        let event_name = name.split('+').next().unwrap();
        let event = common::assert_round_trips(name, body, Event::from_slice);
        assert_eq!(event.event_type().as_str(), event_name, "{name}");
        assert!(!matches!(event, Event::Unknown(_)), "{name}");
        assert_eq!(event.id().len(), 36, "{name}: a UUID");
    }
}

#[test]
fn every_documented_event_type_has_a_fixture() {
    let names: BTreeSet<String> = common::fixtures("telnyx")
        .into_iter()
        .map(|(name, _)| name.split('+').next().unwrap().to_owned())
        .collect();
    let missing: Vec<&str> = EventType::KNOWN
        .iter()
        .map(EventType::as_str)
        .filter(|n| !names.contains(*n))
        .collect();
    assert!(missing.is_empty(), "no fixture for {missing:?}");
}

#[test]
fn a_saved_recording_reads_as_tx1_says() {
    let webhook = Webhook::new(PUBLIC_KEY).unwrap();
    let delivery = webhook
        .receive_at(
            &signed(TX1_SIGNATURE),
            &fixture("call.recording.saved.json"),
            at(TS + 30),
        )
        .unwrap();
    assert_eq!(delivery.id(), Some("0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"));
    assert_eq!(delivery.signed_at(), Some(at(TS)));
    let event = delivery.event();
    assert_eq!(
        event.event_time().unwrap().unix_timestamp_nanos(),
        1_767_225_600_123_456_000
    );
    assert_eq!(event.meta().unwrap().attempt, Some(1));
    assert_eq!(
        event.call_control_id(),
        Some("v3:2EC-70CTEjlUq3tDM0CxKXIt5-5N4iP4wo7_-PfH-qub97Sk4EqO5w")
    );
    assert_eq!(
        event.client_state().unwrap().decode_utf8().as_deref(),
        Some("have a nice day =]")
    );
    let Event::CallRecordingSaved(saved) = event else {
        panic!("{event:?}")
    };
    let payload = &saved.payload;
    assert_eq!(payload.channels, Some(Channels::Dual));
    assert_eq!(
        payload.recording_id.as_deref(),
        Some("f3a5e2c1-2a5b-4d3e-9c1b-6f7e8d9a0b1c")
    );
    assert_eq!(
        payload.recording_ended_at.as_ref().unwrap().get(),
        time::macros::datetime!(2025-12-31 23:59:58 UTC)
    );
    let urls = event.recording_urls().unwrap();
    assert!(
        urls.mp3
            .as_ref()
            .unwrap()
            .as_str()
            .ends_with("X-Amz-Expires=600")
    );
    assert_eq!(urls.wav, None);
    // A presigned link is a credential while it lives.
    assert!(!format!("{event:?}").contains("X-Amz-Expires"));
}

#[test]
fn the_other_recording_events_are_typed() {
    let event = Event::from_slice(&fixture("call.recording.error.json")).unwrap();
    let Event::CallRecordingError(error) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(
        error.payload.reason,
        Some(RecordingErrorReason::StorageAuthorizationFailed)
    );
    // `client_state: ""` is none.
    assert!(event.client_state().is_none());

    let event = Event::from_slice(&fixture("call.recording.transcription.saved.json")).unwrap();
    let Event::CallRecordingTranscriptionSaved(saved) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(saved.payload.status, Some(TranscriptionStatus::Completed));
    assert_eq!(
        saved.payload.transcription_text.as_deref(),
        Some("Ça va? Réunion à 10h — ok 👍")
    );
    assert_eq!(event.meta().unwrap().attempt, Some(2));

    let event = Event::from_slice(&fixture("conference.recording.saved.json")).unwrap();
    assert_eq!(event.event_time(), None);
    let saved = event.recording_saved().unwrap();
    assert_eq!(saved.format, Some(RecordingFormat::Mp3));
    assert!(saved.conference_id.is_some());

    let event =
        Event::from_slice(&fixture("call.recording.saved+alphabetical-no-meta.json")).unwrap();
    assert_eq!(event.meta(), None);
    assert!(event.recording_urls().unwrap().wav.is_some());
}

#[test]
fn unknown_types_values_and_keys_are_kept() {
    let body = br#"{"data":{"event_type":"call.recording.paused","id":"11111111-2222-3333-4444-555555555555","occurred_at":"2026-01-01T00:00:00.000000Z","payload":{"call_control_id":"v3:x","channels":"stereo"},"record_type":"event","new":1},"meta":{"attempt":3,"delivered_to":"https://failover.example.com","region":"eu"},"extra":true}"#;
    let event = common::assert_round_trips("unknown", body, Event::from_slice);
    let Event::Unknown(unknown) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(unknown.event_type, "call.recording.paused");
    assert_eq!(event.id(), "11111111-2222-3333-4444-555555555555");
    assert_eq!(event.call_control_id(), Some("v3:x"));
    assert!(unknown.envelope.other.contains_key("new"));
    assert!(unknown.envelope.top_level.contains_key("extra"));
    assert!(event.meta().unwrap().other.contains_key("region"));

    let body = br#"{"data":{"event_type":"call.recording.saved","id":"11111111-2222-3333-4444-555555555555","payload":{"channels":"stereo","recording_urls":{"mp3":null,"ogg":"https://x"},"start_time":"x"}}}"#;
    let event = common::assert_round_trips("unknown values", body, Event::from_slice);
    let saved = event.recording_saved().unwrap();
    assert_eq!(saved.channels, Some(Channels::Unknown("stereo".into())));
    assert!(saved.other.contains_key("start_time"));
}

#[test]
fn a_body_without_its_id_or_data_is_an_error_naming_it() {
    let err =
        Event::from_slice(br#"{"data":{"event_type":"call.hangup","payload":{}}}"#).unwrap_err();
    assert!(err.to_string().contains("`id`"), "{err}");
    let err = Event::from_slice(br#"{"meta":{"attempt":1}}"#).unwrap_err();
    assert!(err.to_string().contains("`data`"), "{err}");
    let err = Event::from_slice(
        br#"{"data":{"event_type":"call.recording.saved","id":"1","payload":{"channels":7}}}"#,
    )
    .unwrap_err();
    assert!(err.to_string().contains("data.payload.channels"), "{err}");
}

#[test]
fn texml_callbacks_are_the_shared_callbacks_over_the_same_signature() {
    let webhook = Webhook::new(PUBLIC_KEY).unwrap();
    let body = fixture("recording-status.completed.form");
    let delivery = webhook
        .receive_callback_at::<RecordingStatusCallback>(&signed(TX2_SIGNATURE), &body, at(TS))
        .unwrap();
    let callback = delivery.event();
    assert_eq!(callback.recording_status, RecordingStatus::Completed);
    assert_eq!(
        callback.call_sid.as_deref(),
        Some("v3:qiaymU9Ij90xJRRkYGWHOIx_41EVJPrzlny2zC67hwL1wVIUnnMrqQ")
    );
    assert_eq!(callback.recording_channels, Some(2));
    assert_eq!(
        callback.recording_source,
        Some(RecordingSource::StartCallRecordingApi)
    );
    assert_eq!(delivery.id(), None);
    assert_eq!(delivery.signed_at(), Some(at(TS)));

    // Telnyx's own parameters are kept, in order, never an error.
    for (name, body) in common::files("telnyx", "form") {
        let callback = AnyCallback::from_form(&body).unwrap_or_else(|err| panic!("{name}: {err}"));
        assert!(matches!(callback, AnyCallback::Recording(_)), "{name}");
        assert!(
            callback.to_form().contains("ConnectionId=1234567890"),
            "{name}"
        );
    }

    // The same form, altered: the signature covers the raw body.
    let altered = String::from_utf8(body).unwrap().replace("598", "599");
    let err = webhook
        .receive_callback_at::<RecordingStatusCallback>(
            &signed(TX2_SIGNATURE),
            altered.as_bytes(),
            at(TS),
        )
        .unwrap_err();
    assert!(matches!(
        err,
        Error::Verify(VerifyError::NoMatchingSignature { .. })
    ));
}

#[test]
fn a_verified_body_that_does_not_parse_is_kept() {
    let webhook = Webhook::new(PUBLIC_KEY).unwrap();
    let body = fixture("call.recording.saved.json");
    // TX-1's signature over a JSON event read as a TeXML callback: verified,
    // then not the callback it should be.
    let err = webhook
        .receive_callback_at::<RecordingStatusCallback>(&signed(TX1_SIGNATURE), &body, at(TS))
        .unwrap_err();
    assert!(matches!(err, Error::Parse(_)), "{err:?}");
    assert_eq!(err.verified_body(), Some(&body[..]));
}
