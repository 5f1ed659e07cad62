//! `Webhook::receive` for each provider: verification always first, then
//! parsing, with the crate-level `Error` and its status code.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.
#![cfg(all(feature = "recall", feature = "signalwire", feature = "daily"))]

use recording_webhooks::signalwire::{RecordingStatus, RecordingStatusCallback, StatusCallback};
use recording_webhooks::{Error, ParseError, VerifyError, daily, recall, signalwire, twilio};
use time::OffsetDateTime;

const RECALL_SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const DAILY_SECRET: &str = "ZXhhbXBsZS1kYWlseS13ZWJob29rLXNlY3JldC0zMmI=";
const NOW: i64 = 1_700_000_000;

fn now() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(NOW).unwrap()
}

fn recall_headers(webhook: &recall::Webhook, id: &str, body: &[u8]) -> Vec<(String, String)> {
    vec![
        ("webhook-id".into(), id.into()),
        ("webhook-timestamp".into(), NOW.to_string()),
        (
            "webhook-signature".into(),
            webhook.verifier().sign(id, NOW, body),
        ),
    ]
}

#[test]
fn recall_verifies_then_parses() {
    let webhook = recall::Webhook::new(RECALL_SECRET).unwrap();
    let body = include_bytes!("../fixtures/recall/bot.call_ended.json");
    let headers = recall_headers(&webhook, "msg_1", body);
    let delivery = webhook.receive_at(&headers, body, now()).unwrap();
    assert_eq!(delivery.id(), Some("msg_1"));
    assert_eq!(delivery.signed_at(), Some(now()));
    assert_eq!(delivery.event(), &recall::Event::from_slice(body).unwrap());

    // Tampered: 401, whatever the body.
    let err = webhook
        .receive_at(&headers, b"not json", now())
        .unwrap_err();
    assert!(matches!(
        err,
        Error::Verify(VerifyError::NoMatchingSignature { .. })
    ));
    assert_eq!(err.status_code(), 401);
    // Signed but not an event: 400, naming the path.
    let garbage = br#"{"event":"bot.done","data":{"bot":{"id":1}}}"#;
    let headers = recall_headers(&webhook, "msg_2", garbage);
    let err = webhook.receive_at(&headers, garbage, now()).unwrap_err();
    assert_eq!(err.status_code(), 400);
    assert!(
        matches!(err, Error::Parse(ParseError::Json { ref path, .. }) if path == "data.bot.id")
    );
    // Too old: the window of `with_tolerance`.
    let strict = webhook.with_tolerance(time::Duration::seconds(10));
    let later = now() + time::Duration::seconds(11);
    assert!(matches!(
        strict.receive_at(&headers, garbage, later),
        Err(Error::Verify(VerifyError::TimestampTooOld { .. }))
    ));
}

#[test]
fn daily_answers_the_ping_before_verifying_and_verifies_the_rest() {
    let webhook = daily::Webhook::new(DAILY_SECRET).unwrap();
    let none: [(&str, &str); 0] = [];
    for headers in [
        vec![],
        vec![
            ("X-Webhook-Signature", "forged"),
            ("X-Webhook-Timestamp", "1"),
        ],
    ] {
        let delivery = webhook
            .receive_at(&headers, br#"{"test":"test"}"#, now())
            .unwrap();
        assert_eq!(delivery.event(), &daily::Event::Ping);
        assert_eq!(delivery.signed_at(), None);
    }
    let body = include_bytes!("../fixtures/daily/recording.ready-to-download.json");
    let signature = webhook.verifier().sign(NOW, body);
    let stamp = NOW.to_string();
    let headers = [
        ("X-Webhook-Timestamp", stamp.as_str()),
        ("X-Webhook-Signature", signature.as_str()),
    ];
    let delivery = webhook.receive_at(&headers, body, now()).unwrap();
    assert_eq!(delivery.signed_at(), Some(now()));
    assert_eq!(
        delivery.event().event_type(),
        daily::EventType::RecordingReadyToDownload
    );
    assert_eq!(
        webhook
            .receive_at(&none, body, now())
            .unwrap_err()
            .status_code(),
        401
    );
    // `"type":"test"` is no ping: it must verify.
    let not_ping = br#"{"version":"1.0.0","type":"test","id":"t","payload":{},"event_ts":1}"#;
    assert_eq!(
        webhook
            .receive_at(&none, not_ping, now())
            .unwrap_err()
            .status_code(),
        401
    );
    let garbage = b"[1,2,3]";
    let signature = webhook.verifier().sign(NOW, garbage);
    let headers = [
        ("X-Webhook-Timestamp", stamp.as_str()),
        ("X-Webhook-Signature", signature.as_str()),
    ];
    assert_eq!(
        webhook
            .receive_at(&headers, garbage, now())
            .unwrap_err()
            .status_code(),
        400
    );
}

#[test]
fn signalwire_receives_forms_json_and_get_callbacks() {
    let webhook = signalwire::Webhook::new("PSK_V3bF8oyeRNpJWGoRWHNYQMUU").unwrap();
    let url = "https://example.com/signalwire/recording";
    let params = [
        ("AccountSid", "b3877c40-da60-4998-90ad-b792e98472af"),
        ("RecordingSid", "b3877c40-da60-4998-90ad-b792e984re01"),
        ("RecordingStatus", "completed"),
        ("RecordingDuration", "94"),
    ];
    let body = serde_urlencoded::to_string(params).unwrap();
    let signature = webhook.verifier().sign_params(url, &params);
    let headers = [("X-SignalWire-Signature", signature.as_str())];
    let callback: RecordingStatusCallback = webhook
        .receive(url, &headers, body.as_bytes())
        .unwrap()
        .into_event();
    assert_eq!(callback.recording_status, RecordingStatus::Completed);
    assert_eq!(callback.recording_duration, Some(94));
    // The wrong callback type for the body: verified, then a 400 naming the
    // missing parameter.
    let err = webhook
        .receive::<StatusCallback>(url, &headers, body.as_bytes())
        .unwrap_err();
    assert!(
        matches!(err, Error::Parse(ParseError::Form { ref parameter, .. }) if parameter == "CallSid")
    );
    // Another URL does not verify.
    let err = webhook
        .receive::<RecordingStatusCallback>("https://example.com/other", &headers, body.as_bytes())
        .unwrap_err();
    assert_eq!(err.status_code(), 401);

    // A JSON body (scheme A), numbers read as their text.
    let json = br#"{"AccountSid":"a","RecordingSid":"r","RecordingStatus":"in-progress","RecordingDuration":12,"Extra":true}"#;
    let signature = webhook.verifier().sign_body(url, json);
    let headers = [("X-SignalWire-Signature", signature.as_str())];
    let callback: RecordingStatusCallback =
        webhook.receive(url, &headers, json).unwrap().into_event();
    assert_eq!(callback.recording_status, RecordingStatus::InProgress);
    assert_eq!(callback.recording_duration, Some(12));
    assert_eq!(callback.other, [("Extra".to_owned(), "true".to_owned())]);

    // GET: the parameters are in the signed URL.
    let get_url = format!("{url}?{body}");
    let signature = webhook.verifier().sign_params(&get_url, &[]);
    let headers = [("X-SignalWire-Signature", signature.as_str())];
    let callback: RecordingStatusCallback = webhook
        .receive_query(&get_url, &headers)
        .unwrap()
        .into_event();
    assert_eq!(callback.recording_duration, Some(94));
    let err = webhook
        .receive_query::<RecordingStatusCallback>(&format!("{get_url}&x=1"), &headers)
        .unwrap_err();
    assert_eq!(err.status_code(), 401);
}

#[test]
fn signalwire_public_url_from_configuration_or_trusted_headers_only() {
    let webhook = signalwire::Webhook::new("PSK_key").unwrap();
    let headers = [
        ("Host", "internal:8080"),
        // A proxy that appends: the client's own values first, the
        // proxy's last.
        ("X-Forwarded-Proto", "http, https"),
        ("X-Forwarded-Host", "attacker.example, hooks.example.com"),
    ];
    assert_eq!(webhook.public_url("/cb?x=1", &headers), None, "not trusted");
    let trusting = webhook.clone().trust_forwarded_headers();
    assert_eq!(
        trusting.public_url("/cb?x=1", &headers).as_deref(),
        Some("https://hooks.example.com/cb?x=1")
    );
    assert_eq!(
        trusting.public_url("/cb", &[("Host", "h:81")]).as_deref(),
        Some("http://h:81/cb")
    );
    let configured = trusting
        .with_public_url("https://public.example.com/prefix/")
        .unwrap();
    assert_eq!(
        configured.public_url("/cb", &headers).as_deref(),
        Some("https://public.example.com/prefix/cb"),
        "the configured base wins"
    );
}

#[test]
fn a_client_sent_first_forwarded_value_is_never_picked() {
    let webhook = signalwire::Webhook::new("PSK_forwarded")
        .unwrap()
        .trust_forwarded_headers();
    for (host, proto, expected) in [
        (
            "attacker.example, hooks.example.com",
            "http, https",
            "https://hooks.example.com/cb",
        ),
        (
            "attacker.example,hooks.example.com",
            "https,http",
            "http://hooks.example.com/cb",
        ),
        ("hooks.example.com", "https", "https://hooks.example.com/cb"),
        // An empty last value: the host header instead, never the client's.
        ("attacker.example, ", "https", "https://internal:8080/cb"),
    ] {
        let headers = [
            ("Host", "internal:8080"),
            ("X-Forwarded-Host", host),
            ("X-Forwarded-Proto", proto),
        ];
        assert_eq!(
            webhook.public_url("/cb", &headers).as_deref(),
            Some(expected),
            "{host} / {proto}"
        );
    }
    // A configured base wins over every header.
    let configured = webhook
        .with_public_url("https://public.example.com")
        .unwrap();
    let headers = [("Host", "a"), ("X-Forwarded-Host", "b, c")];
    assert_eq!(
        configured.public_url("/cb", &headers).as_deref(),
        Some("https://public.example.com/cb")
    );
}

#[test]
fn a_public_url_that_is_not_one_is_refused() {
    for (base, reason) in [
        ("hooks.example.com", "start with https://"),
        ("ftp://hooks.example.com", "start with https://"),
        ("https://", "no host"),
        ("https:///path", "no host"),
        ("https://user:pass@hooks.example.com", "user or password"),
        ("https://hooks.example.com/cb?x=1", "query or fragment"),
        ("https://hooks.example.com/#x", "query or fragment"),
        ("https://hooks.example.com\n", "whitespace"),
        ("", "start with https://"),
    ] {
        let err = twilio::Webhook::new("t")
            .unwrap()
            .with_public_url(base)
            .unwrap_err();
        assert!(err.to_string().contains(reason), "{base:?}: {err}");
        assert!(!err.to_string().contains("pass@"), "never quoted: {err}");
    }
    for base in [
        "https://hooks.example.com",
        "HTTP://10.0.0.1:8080/prefix/",
        "https://h",
    ] {
        assert!(
            twilio::Webhook::new("t")
                .unwrap()
                .with_public_url(base)
                .is_ok(),
            "{base}"
        );
    }
}

#[test]
fn a_secret_error_printed_by_main_says_what_and_what_to_do() {
    let secret = "PSK_with_a_newline\n";
    let err = signalwire::Webhook::new(secret).unwrap_err();
    // `fn main() -> Result<(), Box<dyn Error>>` prints `Debug`.
    let printed = format!("{:?}", Box::<dyn std::error::Error>::from(err.clone()));
    assert!(printed.contains("SurroundingWhitespace"), "{printed}");
    assert!(
        printed.contains("starts or ends with whitespace"),
        "{printed}"
    );
    assert!(
        printed.contains("trim the value where it is read"),
        "{printed}"
    );
    assert!(!printed.contains("PSK_with"), "never the secret: {printed}");
    let printed = format!("{:?}", daily::Webhook::new("").unwrap_err());
    assert!(printed.contains("unset environment variable"), "{printed}");
}
