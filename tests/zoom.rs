//! Zoom: signatures (vectors from Python's `hmac`), the URL validation and
//! its signing oracle, and every fixture parsed and written back.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.
#![cfg(feature = "zoom")]

mod common;

use recording_webhooks::zoom::{
    Event, EventType, FileExtension, FileType, MeetingType, RecordingStatus, RecordingType,
    RegistrantStatus, Verifier, Webhook,
};
use recording_webhooks::{Error, ParseError, SecretError, VerifyError};
use serde::Deserialize;
use serde_json::Value;
use time::{Duration, OffsetDateTime};

const SECRET: &str = "zoom-test-secret-token-0001";
const TS: i64 = 1739923528;
const VALIDATION: &[u8] = br#"{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}"#;
const VALIDATION_SIGNATURE: &str =
    "v0=c396580094fea489713722c0febf39c0609fcf2a398460b847ac073c59ce910c";
const VECTORS: &str = include_str!("../fixtures/zoom_signatures/vectors.json");

fn at(seconds: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(seconds).unwrap()
}

fn signed(signature: &str) -> Vec<(String, String)> {
    vec![
        ("x-zm-request-timestamp".to_owned(), TS.to_string()),
        ("x-zm-signature".to_owned(), signature.to_owned()),
    ]
}

#[derive(Deserialize)]
struct Case {
    name: String,
    secret: String,
    headers: Vec<(String, String)>,
    body: String,
    now: i64,
    expected: String,
}

#[derive(Deserialize)]
struct Validation {
    name: String,
    secret: String,
    headers: Vec<(String, String)>,
    body: String,
    now: i64,
    #[serde(rename = "plainToken")]
    plain_token: String,
    #[serde(rename = "encryptedToken")]
    encrypted_token: String,
}

#[derive(Deserialize)]
struct Oracle {
    secret: String,
    timestamp: i64,
    forged_body: String,
    signature: String,
}

#[derive(Deserialize)]
struct Vectors {
    cases: Vec<Case>,
    validations: Vec<Validation>,
    oracle: Oracle,
}

fn vectors() -> Vectors {
    serde_json::from_str(VECTORS).unwrap()
}

#[test]
fn generated_signature_vectors() {
    let cases = vectors().cases;
    assert!(cases.len() >= 150);
    for case in &cases {
        let verifier = Verifier::new(&case.secret).unwrap();
        let result = verifier.verify_at(&case.headers, case.body.as_bytes(), at(case.now));
        let outcome = match &result {
            Ok(_) => "ok",
            Err(VerifyError::MissingHeader { .. }) => "missing_header",
            Err(VerifyError::InvalidHeader { .. }) => "invalid_header",
            Err(VerifyError::InvalidTimestamp { .. }) => "invalid_timestamp",
            Err(VerifyError::TimestampTooOld { .. }) => "too_old",
            Err(VerifyError::TimestampTooNew { .. }) => "too_new",
            Err(VerifyError::NoMatchingSignature { .. }) => "no_match",
            Err(other) => panic!("{}: {other}", case.name),
        };
        assert_eq!(outcome, case.expected, "{}: {result:?}", case.name);
        if case.expected == "ok" {
            let timestamp: i64 = case.headers[0].1.parse().unwrap();
            assert_eq!(result.unwrap().timestamp, at(timestamp), "{}", case.name);
            assert_eq!(
                verifier.sign(timestamp, case.body.as_bytes()),
                case.headers[1].1,
                "{}",
                case.name
            );
        }
    }
    for expected in [
        "ok",
        "too_old",
        "too_new",
        "no_match",
        "missing_header",
        "invalid_header",
        "invalid_timestamp",
    ] {
        assert!(cases.iter().any(|c| c.expected == expected), "{expected}");
    }
}

#[test]
fn errors_name_the_header_at_fault() {
    let v = Verifier::new(SECRET).unwrap();
    let only_signature = [("X-Zm-Signature", VALIDATION_SIGNATURE)];
    assert!(matches!(
        v.verify_at(&only_signature, VALIDATION, at(TS)),
        Err(VerifyError::MissingHeader {
            name: "x-zm-request-timestamp",
            ..
        })
    ));
    let err = v
        .verify_at(
            &signed(&VALIDATION_SIGNATURE.replace("v0=", "V0=")),
            VALIDATION,
            at(TS),
        )
        .unwrap_err();
    assert!(err.to_string().contains("x-zm-signature"), "{err}");
    assert!(err.to_string().contains("v0="), "{err}");
    let err = v
        .verify_at(&signed(VALIDATION_SIGNATURE), b"{}", at(TS))
        .unwrap_err();
    assert!(matches!(
        err,
        VerifyError::NoMatchingSignature {
            name: "x-zm-signature",
            ..
        }
    ));
    let stale = v
        .verify_at(&signed(VALIDATION_SIGNATURE), VALIDATION, at(TS + 301))
        .unwrap_err();
    assert_eq!(
        stale.to_string(),
        "header `x-zm-request-timestamp` is 301 s in the past, beyond the tolerance of 300 s"
    );
    // A wider window, as a receiver relying on Zoom's retries might set.
    let wide = v.clone().with_tolerance(Duration::minutes(90));
    assert_eq!(wide.tolerance(), Duration::minutes(90));
    assert!(
        wide.verify_at(&signed(VALIDATION_SIGNATURE), VALIDATION, at(TS + 85 * 60))
            .is_ok()
    );
}

#[test]
fn the_secret_token_is_text_and_never_shown() {
    assert_eq!(Verifier::new("").unwrap_err(), SecretError::Empty);
    assert_eq!(Webhook::new("").unwrap_err(), SecretError::Empty);
    let token = "c2VjcmV0LXRva2VuLXRoYXQtbG9va3MtYmFzZTY0";
    let verifier = Verifier::new(token).unwrap();
    let webhook = Webhook::new(token).unwrap();
    for debug in [format!("{verifier:?}"), format!("{webhook:?}")] {
        assert!(!debug.contains(token), "{debug}");
        assert!(!debug.contains("secret-token"), "{debug}");
    }
}

#[test]
fn url_validation_is_answered_for_verified_requests() {
    let vectors = vectors();
    assert!(!vectors.validations.is_empty());
    for case in &vectors.validations {
        let webhook = Webhook::new(&case.secret).unwrap();
        let delivery = webhook
            .receive_at(&case.headers, case.body.as_bytes(), at(case.now))
            .unwrap_or_else(|err| panic!("{}: {err}", case.name));
        assert_eq!(
            delivery.event().event_type(),
            EventType::EndpointUrlValidation
        );
        let answer = delivery.url_validation_response().unwrap();
        assert_eq!(answer.plain_token, case.plain_token, "{}", case.name);
        assert_eq!(
            answer.encrypted_token, case.encrypted_token,
            "{}",
            case.name
        );
        let json: Value = serde_json::from_str(&answer.to_json()).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"plainToken": case.plain_token, "encryptedToken": case.encrypted_token})
        );
        assert_eq!(serde_json::to_value(answer).unwrap(), json);
    }
}

#[test]
fn the_signing_oracle_is_closed() {
    let Oracle {
        secret,
        timestamp,
        forged_body,
        signature,
    } = vectors().oracle;
    let webhook = Webhook::new(&secret).unwrap();
    let token = format!("v0:{timestamp}:{forged_body}");
    let challenge = serde_json::to_vec(&serde_json::json!({
        "event": "endpoint.url_validation",
        "event_ts": timestamp * 1000,
        "payload": {"plainToken": token},
    }))
    .unwrap();
    let now = at(timestamp);

    // Unsigned, wrongly signed, or stale: 401, and no answer to be had.
    let unsigned: [(&str, &str); 1] = [("x-zm-request-timestamp", "1739923528")];
    let wrong = Verifier::new("not-the-secret")
        .unwrap()
        .sign(timestamp, &challenge);
    let right = webhook.verifier().sign(timestamp, &challenge);
    for (headers, when) in [
        (vec![("x-zm-request-timestamp", "1739923528")], now),
        (
            vec![
                ("x-zm-request-timestamp", "1739923528"),
                ("x-zm-signature", wrong.as_str()),
            ],
            now,
        ),
        (
            vec![
                ("x-zm-request-timestamp", "1739923528"),
                ("x-zm-signature", right.as_str()),
            ],
            now + Duration::minutes(6),
        ),
    ] {
        let err = webhook.receive_at(&headers, &challenge, when).unwrap_err();
        assert_eq!(err.status_code(), 401, "{err}");
    }
    assert_eq!(
        webhook
            .receive_at(&unsigned, &challenge, now)
            .unwrap_err()
            .status_code(),
        401
    );

    // Even signed, a body-shaped token is not a Zoom challenge: 400.
    let headers = [
        ("x-zm-request-timestamp", "1739923528"),
        ("x-zm-signature", right.as_str()),
    ];
    let err = webhook.receive_at(&headers, &challenge, now).unwrap_err();
    assert!(matches!(err, Error::Parse(_)), "{err}");
    assert_eq!(err.status_code(), 400);
    assert!(err.to_string().contains("plainToken"), "{err}");

    // The forged event the oracle would have signed does not verify unsigned.
    let forged_headers = [
        ("x-zm-request-timestamp", "1739923528"),
        ("x-zm-signature", signature.as_str()),
    ];
    // (It does verify with that signature: which is why the oracle matters.)
    assert!(
        webhook
            .verifier()
            .verify_at(&forged_headers, forged_body.as_bytes(), now)
            .is_ok()
    );
    assert_eq!(
        webhook
            .receive_at(&unsigned, forged_body.as_bytes(), now)
            .unwrap_err()
            .status_code(),
        401
    );
}

#[test]
fn plain_token_rule() {
    let webhook = Webhook::new(SECRET).unwrap();
    let long = "A".repeat(129);
    let just_fits = "A".repeat(128);
    for (token, accepted) in [
        (Value::from("qgg8vlvZRS6UYooatFL8Aw"), true),
        (Value::from("a-b_c+d/e="), true),
        (Value::from(just_fits.as_str()), true),
        (Value::from(""), false),
        (Value::from(long.as_str()), false),
        (Value::from("has space"), false),
        (Value::from("v0:1739923528:{}"), false),
        (Value::from("ünïcode"), false),
        (Value::from(42), false),
        (Value::Null, false),
    ] {
        let body = serde_json::to_vec(&serde_json::json!({
            "event": "endpoint.url_validation", "event_ts": 1654503849680_i64,
            "payload": {"plainToken": token},
        }))
        .unwrap();
        let headers = signed(&webhook.verifier().sign(TS, &body));
        let result = webhook.receive_at(&headers, &body, at(TS));
        assert_eq!(result.is_ok(), accepted, "{token}: {result:?}");
        if let Err(err) = result {
            assert_eq!(err.status_code(), 400, "{token}");
        }
    }
    let missing = br#"{"event":"endpoint.url_validation","event_ts":1,"payload":{}}"#;
    let headers = signed(&webhook.verifier().sign(TS, missing));
    let err = webhook.receive_at(&headers, missing, at(TS)).unwrap_err();
    assert!(err.to_string().contains("plainToken"), "{err}");
}

#[test]
fn other_events_have_no_answer_even_with_a_plain_token() {
    let webhook = Webhook::new(SECRET).unwrap();
    let body = br#"{"event":"recording.batch_trashed","event_ts":1,"payload":{"account_id":"a","plainToken":"qgg8vlvZRS6UYooatFL8Aw"}}"#;
    let headers = signed(&webhook.verifier().sign(TS, body));
    let delivery = webhook.receive_at(&headers, body, at(TS)).unwrap();
    assert_eq!(
        delivery.event().event_type(),
        EventType::RecordingBatchTrashed
    );
    assert_eq!(delivery.url_validation_response(), None);
    assert_eq!(delivery.signed_at(), Some(at(TS)));
}

#[test]
fn several_secret_tokens_answer_with_the_one_that_verified() {
    let vectors = vectors();
    let first = &vectors.validations[1];
    let second = &vectors.validations[2];
    assert_ne!(first.secret, second.secret);
    let webhook = Webhook::new("an-old-token-being-rotated")
        .unwrap()
        .with_secret_token(&first.secret)
        .unwrap()
        .with_secret_token(&second.secret)
        .unwrap()
        .with_tolerance(Duration::minutes(10));
    assert_eq!(webhook.verifier().tolerance(), Duration::minutes(10));
    assert_eq!(webhook.tolerance(), Duration::minutes(10));
    for case in [first, second] {
        let delivery = webhook
            .receive_at(&case.headers, case.body.as_bytes(), at(case.now))
            .unwrap();
        assert_eq!(
            delivery.url_validation_response().unwrap().encrypted_token,
            case.encrypted_token
        );
    }
    // None verifies.
    let err = webhook
        .receive_at(&first.headers, b"{}", at(first.now))
        .unwrap_err();
    assert!(matches!(
        err,
        Error::Verify(VerifyError::NoMatchingSignature {
            name: "x-zm-signature",
            ..
        })
    ));
    assert!(Webhook::new(SECRET).unwrap().with_secret_token("").is_err());
}

#[test]
fn verification_comes_before_parsing() {
    let webhook = Webhook::new(SECRET).unwrap().with_body_limit(4096);
    assert_eq!(webhook.body_limit(), 4096);
    let no_headers: [(&str, &str); 0] = [];
    let err = webhook
        .receive_at(&no_headers, b"not json", at(TS))
        .unwrap_err();
    assert_eq!(err.status_code(), 401);
    let headers = signed(&webhook.verifier().sign(TS, b"not json"));
    let err = webhook
        .receive_at(&headers, b"not json", at(TS))
        .unwrap_err();
    assert_eq!(err.status_code(), 400);
}

/// The event a fixture's file name announces: `recording.completed+x` is
/// `recording.completed`.
fn announced(name: &str) -> &str {
    name.split('+').next().unwrap()
}

#[test]
fn every_fixture_parses_to_its_event_and_round_trips() {
    let fixtures = common::fixtures("zoom");
    assert!(fixtures.len() >= 20);
    for (name, body) in &fixtures {
        let event = common::assert_round_trips(name, body, Event::from_slice);
        let event_type = event.event_type();
        assert_eq!(event_type.as_str(), announced(name), "{name}");
        assert_eq!(
            matches!(event, Event::Unknown(_)),
            event_type.is_unknown(),
            "{name}"
        );
    }
    // Every documented event has a fixture that parses to its typed variant.
    for known in EventType::KNOWN {
        assert!(
            fixtures
                .iter()
                .any(|(name, _)| announced(name) == known.as_str()),
            "no fixture for {known}"
        );
    }
}

fn fixture(name: &str) -> Event {
    let body = std::fs::read(format!(
        "{}/fixtures/zoom/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    Event::from_slice(&body).unwrap()
}

#[test]
fn recording_completed_as_handlers_read_it() {
    let event = fixture("recording.completed");
    assert_eq!(event.meeting_id(), Some(87_565_330_005)); // above 2^32
    assert_eq!(event.meeting_uuid(), Some("Tq3kXcE9Rb2mYw7LfHs1Zg=="));
    assert_eq!(event.account_id(), Some("lAAAAAAAAAAAAAAAAAAAAA"));
    assert_eq!(
        event
            .event_time()
            .map(|t| t.unix_timestamp_nanos() / 1_000_000),
        Some(1_772_444_405_321)
    );
    let token = event.download_token().unwrap();
    assert!(token.as_str().starts_with("eyJ"));
    assert!(!format!("{event:?}").contains(token.as_str()));
    let Event::RecordingCompleted(completed) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(
        completed.event_time().unwrap().unix_timestamp_nanos(),
        1_772_444_405_321_000_000
    );
    // The envelope reads as its payload.
    assert_eq!(completed.object.topic, "Weekly product sync 🚀");
    assert_eq!(
        completed.payload.object.meeting_type,
        MeetingType::RecurringFixedTime
    );
    assert_eq!(completed.object.total_size, 4_349_001_728);
    let files = event.recording_files();
    assert_eq!(files.len(), 7);
    assert_eq!(
        files[0].recording_type,
        Some(RecordingType::SharedScreenWithSpeakerViewCc)
    );
    assert_eq!(files[0].status, Some(RecordingStatus::Completed));
    assert_eq!(files[0].file_size, Some(48_151_623));
    assert_eq!(
        files[0].recording_start.as_ref().unwrap().unix_timestamp(),
        1_772_442_005
    );
    let timeline = files
        .iter()
        .find(|f| f.file_type == Some(FileType::Timeline))
        .unwrap();
    assert_eq!(timeline.file_extension, Some(FileExtension::Json));
    assert_eq!(
        (
            &timeline.id,
            &timeline.status,
            timeline.file_size,
            &timeline.recording_type,
            &timeline.play_url
        ),
        (&None, &None, None, &None, &None)
    );
    assert!(
        files
            .iter()
            .any(|f| f.file_type == Some(FileType::Cc) && f.id.is_none())
    );
    let audio = event.participant_audio_files();
    assert_eq!(audio[0].file_name.as_deref(), Some("Zoë Müller"));
}

#[test]
fn the_surprises_of_real_deliveries() {
    let instant = fixture("recording.completed+instant-meeting");
    let recording = instant.recording().unwrap();
    assert_eq!(recording.timezone.as_deref(), Some(""));
    assert_eq!(recording.duration, 0);
    assert_eq!(recording.meeting_type, MeetingType::Instant);
    assert_eq!(recording.id, 4_812_345_678_901);
    assert_eq!(recording.password.as_ref().map(|p| p.expose()), Some(""));

    let on_prem = fixture("recording.completed+on-prem-payload-first");
    let file = &on_prem.recording_files()[0];
    assert_eq!(file.download_url, None);
    assert!(file.file_path.as_deref().unwrap().ends_with(".mp4"));
    assert_eq!(on_prem.recording().unwrap().on_prem, Some(true));

    let unknown = fixture("recording.completed+unknown-values");
    let recording = unknown.recording().unwrap();
    assert_eq!(recording.meeting_type, MeetingType::Unknown(9));
    assert_eq!(recording.other["meeting_summary_id"], "ms_7f3c");
    let file = &recording.recording_files.as_ref().unwrap()[0];
    assert_eq!(file.file_type, Some(FileType::Unknown("SUMMARY".into())));
    assert_eq!(file.file_extension.as_ref().unwrap().as_str(), "MD");
    assert_eq!(
        file.recording_type.as_ref().unwrap().as_str(),
        "shared_screen_with_speaker_view(AI)"
    );
    assert!(file.recording_type.as_ref().unwrap().is_unknown());
    assert_eq!(
        file.status,
        Some(RecordingStatus::Unknown("processing".into()))
    );
    assert_eq!(file.other["is_ai_generated"], true);
    let Event::RecordingCompleted(envelope) = &unknown else {
        panic!()
    };
    assert_eq!(envelope.other["delivery_attempt"], 1);
    assert_eq!(envelope.payload.other["region"], "US");

    let transcript = fixture("recording.transcript_completed+no-download-token");
    assert_eq!(transcript.download_token(), None);
    assert_eq!(
        transcript.recording_files()[0].file_type,
        Some(FileType::Transcript)
    );

    let started = fixture("recording.started");
    let Event::RecordingStarted(started) = &started else {
        panic!()
    };
    let span = &started.object.recording_file;
    assert_eq!(span.recording_end.as_deref(), Some(""));
    assert_eq!(span.end(), None);
    assert_eq!(span.start().unwrap().unix_timestamp(), 1_772_442_005);
}

#[test]
fn operator_events_and_registrations() {
    let trashed = fixture("recording.trashed");
    let Event::RecordingTrashed(e) = &trashed else {
        panic!()
    };
    assert_eq!(e.operator.as_deref(), Some("admin@example.com"));
    assert!(trashed.recording_files().is_empty());
    assert_eq!(trashed.download_token(), None);

    let renamed = fixture("recording.renamed");
    let Event::RecordingRenamed(e) = &renamed else {
        panic!()
    };
    assert_eq!(e.old_object.topic, "Weekly product sync 🚀");
    assert_eq!(e.object.topic, "Weekly product sync (Q1 planning)");
    assert_eq!(renamed.meeting_id(), Some(87_565_330_005));

    let batch = fixture("recording.batch_deleted");
    let Event::RecordingBatchDeleted(e) = &batch else {
        panic!()
    };
    let meetings = &e.object.as_ref().unwrap().meetings;
    assert_eq!(meetings[0].recording_file_ids.as_ref().unwrap().len(), 2);

    let created = fixture("recording.registration_created");
    let Event::RecordingRegistrationCreated(e) = &created else {
        panic!()
    };
    assert_eq!(e.object.registrant.status, Some(RegistrantStatus::Pending));
    assert_eq!(
        e.object.registrant.custom_questions.as_ref().unwrap()[0]
            .value
            .as_deref(),
        Some("Knife skills")
    );

    let archive = fixture("recording.archive_files_completed");
    let Event::RecordingArchiveFilesCompleted(e) = &archive else {
        panic!()
    };
    let files = e.object.as_ref().unwrap().archive_files.as_ref().unwrap();
    assert_eq!(files[1].number_of_messages, Some(12));
    assert!(archive.download_token().is_some());
}

#[test]
fn unknown_events_keep_their_whole_body() {
    let body = br#"{"event":"phone.voicemail_received","event_ts":1720547519023,"payload":{"account_id":"acc","object":{"recordings":[{"id":"r1","duration":0}]}},"download_token":"tok","extra":{"k":[1,2.5,"x"]}}"#;
    let event = common::assert_round_trips("phone", body, Event::from_slice);
    assert_eq!(
        event.event_type(),
        EventType::Unknown("phone.voicemail_received".into())
    );
    assert_eq!(event.account_id(), Some("acc"));
    assert_eq!(event.download_token().unwrap().as_str(), "tok");
    let Event::Unknown(unknown) = &event else {
        panic!()
    };
    assert_eq!(unknown.event_type, "phone.voicemail_received");
    assert_eq!(
        unknown.envelope.payload["object"]["recordings"][0]["id"],
        "r1"
    );
    assert_eq!(unknown.envelope.other["extra"]["k"][1], 2.5);
}

#[test]
fn envelope_errors_name_what_is_wrong() {
    // Real deliveries come without `event_ts`: no error, typed or not.
    for body in [
        &br#"{"event":"some.event","payload":{}}"#[..],
        br#"{"event":"meeting.started"}"#,
        br#"{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event":"endpoint.url_validation"}"#,
    ] {
        let event = Event::from_slice(body).unwrap();
        assert_eq!(event.event_time(), None);
        let written = serde_json::to_value(&event).unwrap();
        assert_eq!(written.get("event_ts"), None, "absent stays absent");
    }
    let cases: [(&[u8], &str); 5] = [
        (br#"{"event_ts":1,"payload":{}}"#, "event"),
        (br#"{"event":"recording.trashed","event_ts":1}"#, "payload"),
        (br#"{"event":"x","event_ts":1,"event_ts":2,"payload":{}}"#, "event_ts"),
        (br#"{"event":"x","event":"y","event_ts":1,"payload":{}}"#, "event"),
        (br#"{"event":"recording.renamed","event_ts":1,"payload":{"account_id":"a","object":{"uuid":"u","id":"not a number","topic":"t","type":2,"host_id":"h"},"old_object":{}}}"#, "id"),
    ];
    for (body, named) in cases {
        let err = Event::from_slice(body).unwrap_err();
        let ParseError::Json { path, message, .. } = &err else {
            panic!("{err}")
        };
        assert!(
            message.contains(named) || path.contains(named),
            "{}: {err}",
            String::from_utf8_lossy(body)
        );
    }
    let dup = br#"{"event":"x","event_ts":1,"payload":{},"k":1,"k":2}"#;
    assert!(Event::from_slice(dup).is_err());
}

#[test]
fn video_sdk_recordings_as_handlers_read_them() {
    use recording_webhooks::zoom::DownloadAuth;
    // Zoom's own example: `session_id` a number, `recording_type` twice.
    let completed = fixture("session.recording_completed");
    assert_eq!(completed.event_type(), EventType::SessionRecordingCompleted);
    let session = completed.session().unwrap();
    assert_eq!(session.session_id, 1_234_567_890);
    assert_eq!(session.session_key.as_deref(), Some("ABC36jaBI145"));
    assert_eq!(completed.recording_files().len(), 1);
    assert_eq!(
        completed.recording_files()[0].recording_type,
        Some(RecordingType::AudioOnly)
    );
    let audio = &completed.participant_audio_files()[0];
    assert_eq!(audio.user_key.as_deref(), Some("key1"));
    let video = &completed.participant_video_files()[0];
    assert_eq!(
        video.recording_type,
        Some(RecordingType::from("individual_shared_screen"))
    );
    assert!(matches!(completed.download_auth(), DownloadAuth::Token(_)));
    assert_eq!(completed.meeting_uuid(), None);
    assert_eq!(completed.account_id(), Some("AAAAAABBBB"));

    // Zoom's example repeats a key with two values: the last one counts,
    // as Zoom's JavaScript reads it.
    let transcript = fixture("session.recording_transcript_completed");
    assert_eq!(
        transcript.recording_files()[0].recording_type,
        Some(RecordingType::AudioTranscript)
    );
    // A key of the envelope itself sent twice is still refused.
    let twice = br#"{"event":"session.recording_paused","event":"session.recording_resumed","payload":{"account_id":"a","object":{"session_id":"s"}}}"#;
    assert!(Event::from_slice(twice).is_err());

    // As real deliveries come: empty session key and clip, no event_ts.
    let real = fixture("session.recording_completed+empty-key-no-event-ts");
    let session = real.session().unwrap();
    assert_eq!(session.session_key.as_deref(), Some(""));
    assert_eq!(session.clip_id.as_deref(), Some(""));
    assert_eq!(real.event_time(), None);
    assert_eq!(
        real.session_id().unwrap().as_str(),
        Some("xZwHG4spQSenzGYXmzvzbQ==")
    );
    assert_eq!(
        real.recording_files()[1].file_type,
        Some(FileType::Timeline)
    );
    assert_eq!(real.recording_files()[1].id, None);

    let started = fixture("session.recording_started");
    let span = started.session().unwrap().recording_file.as_ref().unwrap();
    assert_eq!(span.start().unwrap().unix_timestamp(), 1_616_537_697);
    assert!(started.recording_files().is_empty());
    assert_eq!(started.download_auth(), DownloadAuth::None);

    let trashed = fixture("session.recording_trashed");
    let Event::SessionRecordingTrashed(trashed) = trashed else {
        panic!()
    };
    assert_eq!(
        trashed.payload.operator.as_deref(),
        Some("user@example.com")
    );
}

#[test]
fn phone_recordings_as_handlers_read_them() {
    use recording_webhooks::zoom::{CallDirection, DownloadAuth};
    let completed = fixture("phone.recording_completed");
    let recording = &completed.call_recordings()[0];
    assert_eq!(recording.id, "c4d0f3f0e8a94d52b2f1d1a0e9c8b7a6");
    assert_eq!(recording.direction, Some(CallDirection::Inbound));
    assert_eq!(
        recording.duration.as_ref().and_then(|d| d.as_u64()),
        Some(187)
    );
    assert!(
        recording
            .download_url
            .as_deref()
            .unwrap()
            .contains("/phone/recording/download/")
    );
    let owner = recording.owner.as_ref().unwrap();
    assert_eq!(
        owner.extension_number.as_ref().unwrap().as_i64(),
        Some(1001)
    );
    assert!(!owner.extension_number.as_ref().unwrap().is_string());
    let accepted = recording.accepted_by.as_ref().unwrap();
    assert!(accepted.extension_number.as_ref().unwrap().is_string());
    // No download token: Phone's files take the app's OAuth token.
    assert_eq!(completed.download_token(), None);
    assert_eq!(completed.download_auth(), DownloadAuth::OAuth);
    assert!(completed.recording_files().is_empty());

    let transcript = fixture("phone.recording_transcript_completed");
    assert!(
        transcript.call_recordings()[0]
            .transcript_download_url
            .is_some()
    );
    assert_eq!(transcript.download_auth(), DownloadAuth::OAuth);

    let started = fixture("phone.recording_started");
    let call = started.phone_call().unwrap();
    assert_eq!(call.call_id.as_deref(), Some("7225617290547019921"));
    assert!(call.channel_id.is_some());
    let paused = fixture("phone.recording_paused");
    assert_eq!(paused.phone_call().unwrap().channel_id, None);

    let deleted = fixture("phone.recording_permanently_deleted");
    assert_eq!(
        deleted.call_recordings()[0].call_id.as_deref(),
        Some("7225617290547019921")
    );
}
