//! Hostile input: every case of the review gives a precise error (or a clean
//! answer) in bounded time and memory, never a panic.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.
#![cfg(all(feature = "recall", feature = "signalwire", feature = "daily"))]

use recording_webhooks::signalwire::{RecordingStatusCallback, Verifier as SignalWireVerifier};
use recording_webhooks::{ParseError, VerifyError, daily, recall, svix};
use time::OffsetDateTime;

fn now() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap()
}

#[test]
fn deeply_nested_json_is_an_error() {
    for depth in [200, 100_000] {
        let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let recall_body = format!(r#"{{"event":"bot.done","data":{nested}}}"#);
        assert!(recall::Event::from_slice(recall_body.as_bytes()).is_err());
        let daily_body =
            format!(r#"{{"version":"1","type":"x.y","id":"i","payload":{nested},"event_ts":1}}"#);
        assert!(daily::Event::from_slice(daily_body.as_bytes()).is_err());
        let metadata = format!(
            r#"{{"event":"bot.done","data":{{"data":{{"code":"done","updated_at":"2024-03-10T19:16:16Z"}},"bot":{{"id":"b","metadata":{{"k":{nested}}}}}}}}}"#
        );
        assert!(recall::Event::from_slice(metadata.as_bytes()).is_err());
    }
}

#[test]
fn huge_negative_fractional_and_exponent_numbers() {
    // Each either reads as the instant it says, or is an error naming the
    // field: `None` marks the ones outside the years `time` represents.
    let cases: [(&str, Option<i128>); 13] = [
        ("1e400", None),
        ("-1e400", None),
        ("1e20", None),
        ("-1e20", None),
        ("18446744073709551616", None),
        ("-9223372036854775809", None),
        ("NaN", None),
        ("1.7976931348623157e308", None),
        ("-0.5", Some(-500_000_000)),
        ("253402300799", Some(253_402_300_799_000_000_000)),
        ("253402300800", None),
        ("-377705116800", Some(-377_705_116_800_000_000_000)),
        ("-377705116801", None),
    ];
    for (ts, expected) in cases {
        let body = format!(
            r#"{{"version":"1.0.0","type":"meeting.started","id":"m","payload":{{"start_ts":{ts},"meeting_id":"m","room":"r"}},"event_ts":1}}"#
        );
        match (daily::Event::from_slice(body.as_bytes()), expected) {
            (Ok(event), Some(nanos)) => {
                let daily::Event::MeetingStarted(started) = event else {
                    panic!("{ts}")
                };
                assert_eq!(
                    started.payload.start_ts.unix_timestamp_nanos(),
                    nanos,
                    "{ts}"
                );
            }
            (Err(ParseError::Json { path, .. }), None) => {
                assert!(path == "payload.start_ts" || path == ".", "{ts}: {path}")
            }
            (other, _) => panic!("{ts}: {other:?}"),
        }
    }
    let body = br#"{"event":"participant_events.join","data":{"data":{"participant":{"id":1e30,"name":null,"is_host":false,"platform":null,"extra_data":{}},"timestamp":{"absolute":"2024-03-10T19:16:16Z","relative":1e400},"data":null}}}"#;
    assert!(recall::Event::from_slice(body).is_err());
    for bad in [
        "9999999999999999999999",
        "-99999999999999999999",
        "1e3",
        "0x10",
        "+5",
        "5 ",
        "١٢٣",
    ] {
        let headers = [("X-Webhook-Timestamp", bad), ("X-Webhook-Signature", "x")];
        assert!(
            matches!(
                daily::Verifier::new("c2VjcmV0")
                    .unwrap()
                    .verify_at(&headers, b"{}", now()),
                Err(VerifyError::InvalidTimestamp {
                    name: "x-webhook-timestamp",
                    ..
                })
            ),
            "{bad}"
        );
    }
}

#[test]
fn control_and_non_ascii_header_values() {
    let verifier = svix::Verifier::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
    for value in [
        "\0",
        "\u{7f}\u{1b}[2J",
        "v1,\r\nX-Injected: 1",
        "ü",
        "\u{202e}1700000000",
    ] {
        let headers = [
            ("webhook-id", value),
            ("webhook-timestamp", "1700000000"),
            ("webhook-signature", value),
        ];
        assert!(
            verifier.verify_at(&headers, b"{}", now()).is_err(),
            "{value:?}"
        );
        let headers = [
            ("webhook-id", "m"),
            ("webhook-timestamp", value),
            ("webhook-signature", "v1,x"),
        ];
        assert!(matches!(
            verifier.verify_at(&headers, b"{}", now()),
            Err(VerifyError::InvalidTimestamp { .. })
        ));
        let headers = [("X-SignalWire-Signature", value)];
        assert!(
            SignalWireVerifier::new("k")
                .unwrap()
                .verify(value, &headers, value.as_bytes())
                .is_err()
        );
    }
}

#[test]
fn thousands_of_signature_entries_and_parameters() {
    let verifier = svix::Verifier::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
    let entries = vec!["v1a,AAAA v2,x garbage ,,, v1,AAAA"; 5_000].join(" ");
    let headers = [
        ("webhook-id", "m"),
        ("webhook-timestamp", "1700000000"),
        ("webhook-signature", entries.as_str()),
    ];
    assert!(matches!(
        verifier.verify_at(&headers, b"{}", now()),
        Err(VerifyError::NoMatchingSignature { .. })
    ));

    let form = vec!["RecordingStatus=x&Z=%C3%A9+"; 100_000].join("&");
    let callback = RecordingStatusCallback::from_form(
        format!("AccountSid=a&RecordingSid=r&{form}").as_bytes(),
    )
    .unwrap();
    assert_eq!(callback.other.len(), 2 * 100_000 - 1);
    // Bytes that are not UTF-8 are refused, never replaced.
    let err = RecordingStatusCallback::from_form(
        format!("AccountSid=a&RecordingSid=r&{form}&Z=%FF%FE+").as_bytes(),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid form parameter `Z`: the value is not UTF-8 once percent-decoded"
    );
    let headers = [("X-SignalWire-Signature", "x")];
    assert!(
        SignalWireVerifier::new("k")
            .unwrap()
            .verify("https://h/x", &headers, form.as_bytes())
            .is_err()
    );
}

#[test]
fn very_long_bodies() {
    let body = vec![b'x'; 16 * 1024 * 1024];
    let verifier = svix::Verifier::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
    let signature = verifier.sign("m", 1_700_000_000, &body);
    let headers = [
        ("webhook-id", "m"),
        ("webhook-timestamp", "1700000000"),
        ("webhook-signature", signature.as_str()),
    ];
    assert!(verifier.verify_at(&headers, &body, now()).is_ok());
    assert!(recall::Event::from_slice(&body).is_err());
    assert!(daily::Event::from_slice(&body).is_err());
    let long_string = format!(
        r#"{{"event":"{}","data":{{}}}}"#,
        "e".repeat(16 * 1024 * 1024)
    );
    let event = recall::Event::from_slice(long_string.as_bytes()).unwrap();
    assert!(event.event_type().is_unknown());
}
