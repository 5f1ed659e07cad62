//! Hostile input, round two: errors of bounded size whatever the input,
//! form values never altered, secrets that cannot be pasted wrong, bounded
//! signature entries, duplicate keys refused, timestamps written back alike.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.
#![cfg(all(
    feature = "recall",
    feature = "signalwire",
    feature = "twilio",
    feature = "daily",
    feature = "zoom"
))]

use recording_webhooks::signalwire::{self, RecordingStatusCallback};
use recording_webhooks::{SecretError, Timestamp, daily, recall, svix, twilio, zoom};

/// The bound SECURITY.md promises for any error's `Display`.
const MAX_ERROR: usize = 512;

/// The errors of the readers that refuse `body` (a Recall.ai body is a
/// Zoom event the crate does not type, which Zoom's reader takes).
fn parse_errors(body: &[u8]) -> Vec<String> {
    [
        recall::Event::from_slice(body).err(),
        daily::Event::from_slice(body).err(),
        zoom::Event::from_slice(body).err(),
    ]
    .into_iter()
    .flatten()
    .map(|err| err.to_string())
    .collect()
}

#[test]
fn errors_are_bounded_whatever_the_input() {
    let key = "k".repeat(100_000);
    let nested = format!("{}{}", "[".repeat(1 << 20), "]".repeat(1 << 20));
    let deep_objects = format!(r#"{{"{}":"#, "k".repeat(1_000)).repeat(2_000);
    let bodies = [
        // A 100 KB key on the path to the error.
        format!(r#"{{"event":"bot.done","type":"x","data":{{"{key}":[1,"#),
        format!(r#"{{"{key}":{{"{key}":{{"{key}":[{{"{key}":tru"#),
        // 1 MiB of nested arrays, as `rwh parse` was given.
        nested,
        deep_objects,
        // A long value quoted by the parser.
        format!(
            r#"{{"event":"bot.done","data":{{"data":{{"code":"{}"}}}}}}"#,
            "é".repeat(50_000)
        ),
    ];
    for body in &bodies {
        for message in parse_errors(body.as_bytes()) {
            assert!(
                message.len() <= MAX_ERROR,
                "{} bytes: {}",
                message.len(),
                &message[..200]
            );
        }
    }

    // Form errors name the parameter, cut to a bounded length.
    let long_name = "N".repeat(100_000);
    for body in [
        format!("AccountSid=a&RecordingSid=r&RecordingStatus=completed&{long_name}=%FF"),
        format!("{long_name}=1"),
    ] {
        let message = RecordingStatusCallback::from_form(body.as_bytes())
            .unwrap_err()
            .to_string();
        assert!(message.len() <= MAX_ERROR, "{} bytes", message.len());
    }
}

const KEY: &str = "PSK_hostile";
const URL: &str = "https://example.com/cb";
const FORM_FF: &[u8] = b"AccountSid=a&RecordingSid=r&RecordingStatus=completed&Z=%FF";
const FORM_FE: &[u8] = b"AccountSid=a&RecordingSid=r&RecordingStatus=completed&Z=%FE";
/// Base64 HMAC-SHA1 of the URL and the parameters with `Z` the byte 0xFF,
/// from Python's `hmac`.
const SIGNED_FF: &str = "VvG3S+V/0moTv3HQobKA5ALXho8=";
/// The same with 0xFE.
const SIGNED_FE: &str = "NquPe7+CQAJQuA8L56Z9P7TNobc=";

#[test]
fn forms_that_are_not_utf8_are_never_stored_altered() {
    let verifier = signalwire::Verifier::new(KEY).unwrap();
    // Two different bytes sign differently: one signature does not cover both.
    let headers = [("X-SignalWire-Signature", SIGNED_FF)];
    assert!(verifier.verify(URL, &headers, FORM_FF).is_ok());
    assert!(verifier.verify(URL, &headers, FORM_FE).is_err());
    let headers_fe = [("X-SignalWire-Signature", SIGNED_FE)];
    assert!(verifier.verify(URL, &headers_fe, FORM_FE).is_ok());

    // Verified, then refused as unreadable (400), naming the parameter.
    let webhook = signalwire::Webhook::new(KEY).unwrap();
    let err = webhook
        .receive::<RecordingStatusCallback>(URL, &headers, FORM_FF)
        .unwrap_err();
    assert_eq!(err.status_code(), 400);
    assert_eq!(
        err.to_string(),
        "invalid form parameter `Z`: the value is not UTF-8 once percent-decoded"
    );
    // The other body under that signature: 401.
    let err = webhook
        .receive::<RecordingStatusCallback>(URL, &headers, FORM_FE)
        .unwrap_err();
    assert_eq!(err.status_code(), 401);
}

#[test]
fn secrets_with_surrounding_whitespace_are_refused_everywhere() {
    let refused = |result: Result<(), SecretError>, what: &str| {
        let err = result.unwrap_err();
        assert_eq!(err, SecretError::SurroundingWhitespace, "{what}");
        assert!(err.to_string().contains("whitespace"), "{what}: {err}");
    };
    for pasted in ["\n", " ", "\r\n", "\t"] {
        let recall_secret = format!("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw{pasted}");
        let daily_secret = format!("{pasted}ZXhhbXBsZS1kYWlseS13ZWJob29rLXNlY3JldC0zMmI=");
        let key = format!("PSK_V3bF8oyeRNpJWGoRWHNYQMUU{pasted}");
        let token = format!("zoom-test-secret-token-0001{pasted}");
        refused(svix::Verifier::new(&recall_secret).map(drop), "svix");
        refused(recall::Webhook::new(&recall_secret).map(drop), "recall");
        refused(daily::Verifier::new(&daily_secret).map(drop), "daily");
        refused(
            daily::Webhook::new(&daily_secret).map(drop),
            "daily webhook",
        );
        refused(signalwire::Verifier::new(&key).map(drop), "signalwire");
        refused(
            signalwire::Webhook::new(&key).map(drop),
            "signalwire webhook",
        );
        refused(twilio::Verifier::new(&key).map(drop), "twilio");
        refused(twilio::Webhook::new(&key).map(drop), "twilio webhook");
        refused(zoom::Verifier::new(&token).map(drop), "zoom");
        refused(zoom::Webhook::new(&token).map(drop), "zoom webhook");
        refused(
            zoom::Webhook::new("zoom-test-secret-token-0001")
                .unwrap()
                .with_secret_token(&token)
                .map(drop),
            "zoom second token",
        );
    }
    // Inside a secret, a space is the secret's own.
    assert!(zoom::Verifier::new("a token with spaces").is_ok());
}

#[test]
fn a_recall_secret_given_to_daily_says_so() {
    let err = daily::Webhook::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap_err();
    assert!(matches!(
        err,
        SecretError::WrongProvider {
            prefix: "whsec_",
            ..
        }
    ));
    let text = err.to_string();
    assert!(text.contains("Svix / Recall.ai"), "{text}");
    assert!(text.contains("`whsec_`"), "{text}");
    assert!(!text.contains("MfKQ"), "{text}");
}

#[test]
fn duplicate_keys_are_refused_in_hand_read_objects() {
    let media = |extra: &str| {
        format!(
            r#"{{"event":"transcript.done","data":{{"data":{{"code":"done","sub_code":null,"updated_at":"2024-03-10T19:16:16Z"}},"transcript":{{"id":"t1","metadata":{{}}}},"recording":{{"id":"r1","metadata":{{}}}}{extra}}}}}"#
        )
    };
    assert!(recall::Event::from_slice(media("").as_bytes()).is_ok());
    for extra in [
        r#","recording":{"id":"r2","metadata":{}}"#,
        r#","transcript":{"id":"t2","metadata":{}}"#,
        r#","video_mixed":{"id":"v","metadata":{}}"#,
        r#","data":{"code":"failed","sub_code":null,"updated_at":"2024-03-10T19:16:17Z"}"#,
    ] {
        let err = recall::Event::from_slice(media(extra).as_bytes()).unwrap_err();
        assert!(err.to_string().contains("data"), "{extra}: {err}");
    }
    let daily = r#"{"version":"1.0.0","type":"meeting.ended","id":"a","id":"b","payload":{"start_ts":1,"end_ts":2,"meeting_id":"m","room":"r"},"event_ts":1}"#;
    let err = daily::Event::from_slice(daily.as_bytes()).unwrap_err();
    assert!(err.to_string().contains("duplicate field `id`"), "{err}");
    let zoom = r#"{"event":"x","event_ts":1,"event_ts":2,"payload":{}}"#;
    assert!(zoom::Event::from_slice(zoom.as_bytes()).is_err());
}

#[test]
fn timestamps_display_as_they_serialize() {
    for json in [
        "1.0e9",
        "1000000000.0",
        "1708526104.671",
        "1e9",
        "1708526104",
        "\"1708526104.5\"",
        "\"2024-05-17T02:27:09.490720\"",
        "\"Fri, 17 May 2024 02:27:09 GMT\"",
    ] {
        let timestamp: Timestamp = serde_json::from_str(json).unwrap();
        let written = serde_json::to_string(&timestamp).unwrap();
        let displayed = timestamp.to_string();
        let expected = written.trim_matches('"');
        assert_eq!(displayed, expected, "{json}");
    }
}
