//! Daily: signatures (generated vectors and behaviour) and event parsing
//! beyond the fixtures.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.
#![cfg(feature = "daily")]

mod common;

use recording_webhooks::daily::{Event, EventType, RecordingType, TrackType, Verifier};
use recording_webhooks::{ParseError, SecretError, VerifyError};
use serde::Deserialize;
use time::{Duration, OffsetDateTime};

const SECRET: &str = "ZXhhbXBsZS1kYWlseS13ZWJob29rLXNlY3JldC0zMmI=";
const PING: &[u8] = br#"{"test":"test"}"#;
const PING_SIGNATURE: &str = "BnV+rAxZdNWJBPNdbP6qouFoAs7Q4cyFtKyh7npy404=";

fn at(seconds: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(seconds).unwrap()
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

#[test]
fn generated_signature_vectors() {
    let cases: Vec<Case> = common::cases(include_str!("../fixtures/daily_signatures/vectors.json"));
    assert!(cases.len() >= 100);
    for case in &cases {
        let verifier = Verifier::new(&case.secret).unwrap();
        let result = verifier.verify_at(&case.headers, case.body.as_bytes(), at(case.now));
        let outcome = match &result {
            Ok(verified) => {
                assert_eq!(verified.timestamp, at(case.headers[0].1.parse().unwrap()));
                "ok"
            }
            Err(VerifyError::TimestampTooOld { .. }) => "too_old",
            Err(VerifyError::TimestampTooNew { .. }) => "too_new",
            Err(VerifyError::NoMatchingSignature { .. }) => "no_match",
            Err(other) => panic!("{}: {other}", case.name),
        };
        assert_eq!(outcome, case.expected, "{}: {result:?}", case.name);
        if case.expected == "ok" {
            let timestamp: i64 = case.headers[0].1.parse().unwrap();
            assert_eq!(
                verifier.sign(timestamp, case.body.as_bytes()),
                case.headers[1].1,
                "{}",
                case.name
            );
        }
    }
    for expected in ["ok", "too_old", "too_new", "no_match"] {
        assert!(cases.iter().any(|c| c.expected == expected), "{expected}");
    }
}

#[test]
fn published_vector_and_errors_naming_headers() {
    let v = Verifier::new(SECRET).unwrap();
    let headers = [
        ("x-webhook-timestamp", "1692124192"),
        ("x-webhook-signature", PING_SIGNATURE),
    ];
    assert_eq!(
        v.verify_at(&headers, PING, at(1692124192))
            .unwrap()
            .timestamp,
        at(1692124192)
    );

    let only_signature = [("X-Webhook-Signature", PING_SIGNATURE)];
    assert!(matches!(
        v.verify_at(&only_signature, PING, at(1692124192)),
        Err(VerifyError::MissingHeader {
            name: "x-webhook-timestamp",
            ..
        })
    ));
    let only_timestamp = [("X-Webhook-Timestamp", "1692124192")];
    assert!(matches!(
        v.verify_at(&only_timestamp, PING, at(1692124192)),
        Err(VerifyError::MissingHeader {
            name: "x-webhook-signature",
            ..
        })
    ));
    for garbage in [
        "",
        "abc",
        "1692124192.5",
        "-",
        "99999999999999999999",
        "\u{1F399}",
    ] {
        let headers = [
            ("X-Webhook-Timestamp", garbage),
            ("X-Webhook-Signature", PING_SIGNATURE),
        ];
        assert!(
            matches!(
                v.verify_at(&headers, PING, at(1692124192)),
                Err(VerifyError::InvalidTimestamp {
                    name: "x-webhook-timestamp",
                    ..
                })
            ),
            "{garbage:?}"
        );
    }
    for garbage in [
        "",
        "not base64",
        "BnV+rAxZdNWJBPNdbP6qouFoAs7Q4cyFtKyh7npy404",
        "\u{1F399}",
    ] {
        let headers = [
            ("X-Webhook-Timestamp", "1692124192"),
            ("X-Webhook-Signature", garbage),
        ];
        assert!(matches!(
            v.verify_at(&headers, PING, at(1692124192)),
            Err(VerifyError::NoMatchingSignature {
                name: "x-webhook-signature",
                ..
            })
        ));
    }
}

#[test]
fn replay_window_and_clock() {
    let v = Verifier::new(SECRET).unwrap();
    let headers = [
        ("X-Webhook-Timestamp", "1692124192"),
        ("X-Webhook-Signature", PING_SIGNATURE),
    ];
    assert!(v.verify_at(&headers, PING, at(1692124192 + 300)).is_ok());
    assert!(matches!(
        v.verify_at(&headers, PING, at(1692124192 + 301)),
        Err(VerifyError::TimestampTooOld { .. })
    ));
    assert!(matches!(
        v.verify_at(&headers, PING, at(1692124192 - 301)),
        Err(VerifyError::TimestampTooNew { .. })
    ));
    let lenient = Verifier::new(SECRET)
        .unwrap()
        .with_tolerance(Duration::days(1));
    assert_eq!(lenient.tolerance(), Duration::days(1));
    assert!(
        lenient
            .verify_at(&headers, PING, at(1692124192 + 86_400))
            .is_ok()
    );
    // `verify` reads the system clock: a 2023 request is stale today.
    assert!(matches!(
        v.verify(&headers, PING),
        Err(VerifyError::TimestampTooOld { .. })
    ));
    let now = OffsetDateTime::now_utc().unix_timestamp();
    let fresh = [
        ("X-Webhook-Timestamp", now.to_string()),
        ("X-Webhook-Signature", v.sign(now, PING)),
    ];
    assert!(v.verify(&fresh, PING).is_ok());
}

#[test]
fn secrets() {
    assert!(
        Verifier::new("ZXhhbXBsZS1kYWlseS13ZWJob29rLXNlY3JldC0zMmI").is_ok(),
        "unpadded"
    );
    assert_eq!(Verifier::new("").unwrap_err(), SecretError::Empty);
    assert!(matches!(
        Verifier::new("not base64!"),
        Err(SecretError::InvalidBase64 { .. })
    ));
    let debug = format!("{:?}", Verifier::new(SECRET).unwrap());
    assert!(
        debug.contains("<redacted>") && !debug.contains("ZXhh"),
        "{debug}"
    );
}

#[test]
fn the_verification_ping_is_its_own_event() {
    let event = Event::from_slice(PING).unwrap();
    assert_eq!(event, Event::Ping);
    // The ping is not an event type: `"test"` is no documented `type`.
    assert_eq!(event.event_type(), EventType::Unknown("test".into()));
    assert_eq!(EventType::from("test"), EventType::Unknown("test".into()));
    assert!(
        EventType::KNOWN
            .iter()
            .all(|known| known.as_str() != "test")
    );
    assert_eq!(event.id(), None);
    assert_eq!(serde_json::to_vec(&event).unwrap(), PING);
    assert!(Event::is_ping(PING));
    assert!(Event::is_ping(b" {\n \"test\" : \"test\"\n}\n"));
}

#[test]
fn only_the_pings_own_shape_is_the_ping() {
    // `"type": "test"` is an event of an unknown type, not the ping.
    let body = br#"{"version":"1.0.0","type":"test","id":"t1","payload":{"a":1},"event_ts":1}"#;
    let event = Event::from_slice(body).unwrap();
    assert!(matches!(event, Event::Unknown(_)), "{event:?}");
    assert_ne!(event, Event::Ping);
    assert_eq!(event.event_type(), EventType::Unknown("test".into()));
    let again = Event::from_slice(&serde_json::to_vec(&event).unwrap()).unwrap();
    assert_eq!(again, event);
    assert!(!Event::is_ping(body));
    for not_ping in [
        &br#"{"test":"test","extra":1}"#[..],
        br#"{"test":"other"}"#,
        br#"{"test":["test"]}"#,
        br#"{"test":"test","type":"meeting.started"}"#,
        br#"{}"#,
        br#""test""#,
        b"",
    ] {
        assert!(
            !Event::is_ping(not_ping),
            "{}",
            String::from_utf8_lossy(not_ping)
        );
        assert!(!matches!(Event::from_slice(not_ping), Ok(Event::Ping)));
    }
    let long = format!("{{\"test\":\"test\"{}}}", " ".repeat(300));
    assert!(!Event::is_ping(long.as_bytes()), "a long body is not read");
}

#[test]
fn payload_in_any_key_order_with_full_error_paths() {
    let payload =
        r#"{"recording_id":"r","room_name":"n","start_ts":1,"status":"finished","duration":"9"}"#;
    for body in [
        format!(
            r#"{{"version":"1","type":"recording.ready-to-download","id":"i","payload":{payload},"event_ts":2}}"#
        ),
        format!(
            r#"{{"payload":{payload},"version":"1","type":"recording.ready-to-download","id":"i","event_ts":2}}"#
        ),
    ] {
        match Event::from_slice(body.as_bytes()) {
            Err(ParseError::Json { path, message, .. }) => {
                assert_eq!(path, "payload.duration", "{body}");
                assert!(message.contains("invalid type: string"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }
    let good = br#"{"payload":{"start_ts":1,"meeting_id":"m","room":"r"},"event_ts":3,"id":"m1","type":"meeting.started","version":"1.0.0"}"#;
    let event = Event::from_slice(good).unwrap();
    assert_eq!(event.event_type(), EventType::MeetingStarted);
    assert_eq!((event.id(), event.version()), (Some("m1"), Some("1.0.0")));
    assert_eq!(event.event_time().unwrap().unix_timestamp(), 3);
}

#[test]
fn a_second_type_or_payload_is_rejected() {
    for body in [
        &br#"{"version":"1","type":"meeting.started","type":"meeting.ended","id":"m","payload":{"start_ts":1,"meeting_id":"m","room":"r"},"event_ts":1}"#[..],
        br#"{"version":"1","type":"meeting.started","id":"m","payload":{"start_ts":1,"meeting_id":"m","room":"r"},"payload":{},"event_ts":1}"#,
    ] {
        let err = Event::from_slice(body).unwrap_err();
        assert!(err.to_string().contains("duplicate field"), "{err}");
    }
}

#[test]
fn times_as_integers_floats_and_strings() {
    let body = br#"{"version":"1.0.0","type":"recording.error","id":"e1","payload":{"error_msg":"boom","timestamp":"1693402871.25"},"event_ts":1693402871.203}"#;
    let event = Event::from_slice(body).unwrap();
    let Event::RecordingError(error) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(
        error.payload.timestamp.unix_timestamp_nanos(),
        1_693_402_871_250_000_000
    );
    assert_eq!(
        error.event_ts.unix_timestamp_nanos(),
        1_693_402_871_203_000_000
    );
    assert_eq!(serde_json::to_vec(&event).unwrap(), body.to_vec());
    assert_eq!(event.id(), Some("e1"));
    assert_eq!(event.version(), Some("1.0.0"));

    for bad in [r#""soon""#, "true", r#""1e9""#, "1e300", r#""--1""#] {
        let body = format!(
            r#"{{"version":"1.0.0","type":"meeting.started","id":"m","payload":{{"start_ts":{bad},"meeting_id":"m","room":"r"}},"event_ts":1}}"#
        );
        match Event::from_slice(body.as_bytes()) {
            Err(ParseError::Json { path, .. }) => assert_eq!(path, "payload.start_ts", "{bad}"),
            other => panic!("{bad}: {other:?}"),
        }
    }
}

#[test]
fn tracks_absent_null_or_present_and_optional_fields() {
    let base =
        r#""recording_id":"r","room_name":"room","start_ts":1,"status":"finished","duration":9"#;
    for (tracks, expected) in [
        ("", None),
        (r#","tracks":null"#, None),
        (
            r#","tracks":[{"type":"video","s3Key":"k","size":7}]"#,
            Some(1),
        ),
    ] {
        let body = format!(
            r#"{{"version":"1.0.0","type":"recording.ready-to-download","id":"i","payload":{{{base}{tracks}}},"event_ts":2}}"#
        );
        let Event::RecordingReadyToDownload(ready) = Event::from_slice(body.as_bytes()).unwrap()
        else {
            panic!()
        };
        assert_eq!(ready.payload.tracks.as_ref().map(Vec::len), expected);
        assert_eq!(ready.payload.recording_type, None);
        assert_eq!(ready.payload.max_participants, None);
        if let Some(tracks) = &ready.payload.tracks {
            assert_eq!(tracks[0].track_type, TrackType::Video);
        }
    }
    assert_eq!(RecordingType::from("raw-tracks"), RecordingType::RawTracks);
}

#[test]
fn unknown_types_keep_the_payload() {
    let body = br#"{"version":"2.0.0","type":"room.exploded","id":"x","payload":{"how":["loudly"]},"event_ts":5}"#;
    let event = Event::from_slice(body).unwrap();
    let Event::Unknown(unknown) = &event else {
        panic!()
    };
    assert_eq!(unknown.event_type, "room.exploded");
    assert_eq!(unknown.payload["how"][0], "loudly");
    assert_eq!(serde_json::to_vec(&event).unwrap(), body.to_vec());
}

#[test]
fn bad_input_is_a_precise_error() {
    let cases: &[(&[u8], &str, &str)] = &[
        (b"", ".", "EOF"),
        (b"nope", ".", "expected"),
        (br#"{"type":"meeting.started","id":"m","payload":{"start_ts":1,"meeting_id":"m","room":"r"},"event_ts":1}"#, ".", "missing field `version`"),
        (br#"{"version":"1","id":"m","payload":{},"event_ts":1}"#, ".", "missing field `type`"),
        (br#"{"version":"1","type":"meeting.started","id":"m","event_ts":1}"#, ".", "missing field `payload`"),
        (br#"{"version":"1","type":"meeting.started","id":"m","payload":{"start_ts":1,"room":"r"},"event_ts":1}"#, "payload", "missing field `meeting_id`"),
        (br#"{"version":"1","type":"recording.ready-to-download","id":"i","payload":{"recording_id":"r","room_name":"n","start_ts":1,"status":"finished","duration":"9"},"event_ts":2}"#, "payload.duration", "invalid type"),
        (br#"{"version":"1","type":"recording.ready-to-download","id":"i","payload":{"recording_id":"r","room_name":"n","start_ts":1,"status":"finished","duration":9,"tracks":[{"type":"audio","s3Key":"k","size":"big"}]},"event_ts":2}"#, "payload.tracks[0].size", "invalid type"),
    ];
    for (body, path, message) in cases {
        match Event::from_slice(body) {
            Err(ParseError::Json {
                path: p,
                message: m,
                ..
            }) => {
                assert_eq!(&p, path, "{}: {m}", String::from_utf8_lossy(body));
                assert!(m.contains(message), "{m}");
            }
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn numbers_may_be_floats_and_write_back_as_sent() {
    let body = br#"{"version":"1.0.0","type":"recording.ready-to-download","id":"rec-rtd-1","payload":{"type":"raw-tracks","recording_id":"r","room_name":"n","start_ts":1692124183.5,"status":"finished","max_participants":2.0,"duration":61.5,"tracks":[{"type":"audio","s3Key":"k","size":1024.0}]},"event_ts":1692124192.25}"#;
    let event = Event::from_slice(body).unwrap();
    let Event::RecordingReadyToDownload(ready) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(ready.payload.duration.as_f64(), Some(61.5));
    let written = serde_json::to_value(&event).unwrap();
    assert_eq!(
        written,
        serde_json::from_slice::<serde_json::Value>(body).unwrap()
    );
    let text = serde_json::to_string(&event).unwrap();
    assert!(
        text.contains(r#""duration":61.5"#) && text.contains(r#""size":1024.0"#),
        "{text}"
    );
    let integers = br#"{"version":"1.0.0","type":"recording.ready-to-download","id":"rec-rtd-2","payload":{"recording_id":"r","room_name":"n","start_ts":1692124183,"status":"finished","duration":9},"event_ts":1692124192}"#;
    let text = serde_json::to_string(&Event::from_slice(integers).unwrap()).unwrap();
    assert_eq!(text.as_bytes(), integers);
}

#[test]
fn long_numbers_read_back_as_the_same_value() {
    // Found by the `daily_event` fuzz target: a number whose nearest float
    // the fast parser missed by one unit read back as another value.
    let long =
        "133333333333333333333333333333333333333333333333333333333333333333333333333333333333301";
    for body in [
        format!(
            r#"{{"version":"1.0.0","type":"recording.unknown","id":"r","payload":{{"type":{long}}},"event_ts":1}}"#
        ),
        format!(
            r#"{{"version":"1.0.0","type":"recording.ready-to-download","id":"r","payload":{{"recording_id":"r","room_name":"n","start_ts":1,"status":"finished","duration":{long}}},"event_ts":1}}"#
        ),
    ] {
        let event = Event::from_slice(body.as_bytes()).unwrap();
        let written = serde_json::to_vec(&event).unwrap();
        let again = Event::from_slice(&written).unwrap();
        assert_eq!(again, event);
        assert_eq!(serde_json::to_vec(&again).unwrap(), written);
    }
}

#[test]
fn values_the_current_event_pages_document_are_typed() {
    use recording_webhooks::daily::{NetworkQualityState, TranscriptStatus};
    let fixture = |name: &str| {
        let path = format!("{}/fixtures/daily/{name}.json", env!("CARGO_MANIFEST_DIR"));
        Event::from_slice(&std::fs::read(path).unwrap()).unwrap()
    };
    for (name, status) in [
        (
            "transcript.ready-to-download+t_finished",
            TranscriptStatus::Finished,
        ),
        ("transcript.error+t_error", TranscriptStatus::Error),
    ] {
        let (Event::TranscriptReadyToDownload(t) | Event::TranscriptError(t)) = fixture(name)
        else {
            panic!("{name}")
        };
        assert_eq!(t.payload.status, Some(status));
        assert!(t.payload.room_id.is_some() && t.payload.room_name.is_none());
    }
    for (suffix, state) in [
        ("network-unknown", NetworkQualityState::NotMeasured),
        ("network-warning", NetworkQualityState::Warning),
        ("network-bad", NetworkQualityState::Bad),
    ] {
        let Event::ParticipantJoined(joined) = fixture(&format!("participant.joined+{suffix}"))
        else {
            panic!("{suffix}")
        };
        assert_eq!(joined.payload.network_quality_state, Some(state));
    }
    assert_eq!(
        NetworkQualityState::from("unknown"),
        NetworkQualityState::NotMeasured
    );
    let Event::StreamingError(error) = fixture("streaming.error") else {
        panic!()
    };
    assert_eq!(
        error.payload.error_message.as_deref(),
        Some("Streaming endpoint rejected the connection")
    );
    let Event::StreamingError(error) = fixture("streaming.error+error_msg") else {
        panic!()
    };
    assert_eq!(
        error.payload.error_msg.as_deref(),
        Some("Streaming endpoint rejected the connection")
    );
    let Event::StreamingWarning(warning) = fixture("streaming.warning") else {
        panic!()
    };
    assert_eq!(warning.payload.details.unwrap().endpoints.len(), 1);
}
