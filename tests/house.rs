//! The same shapes in every provider: callbacks that read and write alike
//! (no derived `Deserialize`, `from_body` of their own JSON), `AnyCallback`
//! for one URL, the shared `Webhook` builders, and header lookups that keep
//! their one pass through references.

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

mod common;

use std::cell::Cell;

use recording_webhooks::signalwire::{AnyCallback, RecordingStatusCallback, StatusCallback};
use recording_webhooks::{Headers, daily, recall, signalwire, twilio, zoom};
use serde_json::json;
use time::Duration;

/// The callback kind each fixture family is, by the rules of `AnyCallback`.
fn kind(callback: &AnyCallback) -> &'static str {
    match callback {
        AnyCallback::Recording(_) => "recording-status",
        AnyCallback::Status(_) => "call-status",
        AnyCallback::Transcribe(_) => "transcription",
        AnyCallback::DialAction(_) => "dial-action",
        AnyCallback::RecordAction(_) => "record-action",
        AnyCallback::ConferenceStatus(_) => "conference-status",
        AnyCallback::Voice(_) => "voice",
        AnyCallback::GatherAction(_) => "gather-action",
        AnyCallback::AmdStatus(_) => "amd-status",
        AnyCallback::Other(_) => "other",
        _ => "unknown",
    }
}

#[test]
fn any_callback_tells_every_fixture_apart() {
    let fixtures = common::files("signalwire", "form");
    assert!(fixtures.len() >= 40);
    for (name, body) in &fixtures {
        let family = name.split('.').next().unwrap();
        let callback = AnyCallback::from_form(body).unwrap_or_else(|err| panic!("{name}: {err}"));
        assert_eq!(kind(&callback), family, "{name}");
        // Its form and its JSON read back to the same callback.
        assert_eq!(
            AnyCallback::from_form(callback.to_form().as_bytes()).unwrap(),
            callback,
            "{name}"
        );
        let json = serde_json::to_vec(&callback).unwrap();
        assert_eq!(AnyCallback::from_body(&json).unwrap(), callback, "{name}");
    }
    // The rules, in order, on minimal bodies.
    for (body, expected) in [
        (
            "AccountSid=a&RecordingSid=r&RecordingStatus=completed&DialCallStatus=busy&CallSid=c",
            "recording-status",
        ),
        (
            "AccountSid=a&CallSid=c&DialCallStatus=busy&StatusCallbackEvent=conference-end&ConferenceSid=f",
            "dial-action",
        ),
        (
            "AccountSid=a&ConferenceSid=f&StatusCallbackEvent=conference-end&TranscriptionStatus=failed",
            "conference-status",
        ),
        (
            "StatusCallbackEvent=participant-join&TranscriptionSid=t&TranscriptionStatus=failed",
            "transcription",
        ),
        (
            "AccountSid=a&CallSid=c&CallStatus=completed&CallbackSource=call-progress-events&RecordingUrl=u",
            "call-status",
        ),
        (
            "AccountSid=a&CallSid=c&CallStatus=completed&RecordingUrl=u",
            "record-action",
        ),
        (
            "AccountSid=a&CallSid=c&CallStatus=completed&CallDuration=4",
            "call-status",
        ),
        (
            "AccountSid=a&CallSid=c&CallStatus=completed&SequenceNumber=3",
            "call-status",
        ),
        (
            "AccountSid=a&CallSid=c&CallStatus=completed&Timestamp=Thu%2C+09+Nov+2023+17%3A07%3A04+%2B0000",
            "call-status",
        ),
        (
            "AccountSid=a&CallSid=c&CallStatus=in-progress&SpeechResult=yes",
            "gather-action",
        ),
        ("AccountSid=a&CallSid=c&Digits=1", "gather-action"),
        ("AccountSid=a&CallSid=c&AnsweredBy=fax", "amd-status"),
        (
            "AccountSid=a&CallSid=c&CallStatus=in-progress&AnsweredBy=human",
            "voice",
        ),
        ("AccountSid=a&CallSid=c&CallStatus=ringing", "voice"),
        ("Foo=1&Foo=2&Bar=", "other"),
    ] {
        let callback =
            AnyCallback::from_form(body.as_bytes()).unwrap_or_else(|err| panic!("{body}: {err}"));
        assert_eq!(kind(&callback), expected, "{body}");
    }
    let AnyCallback::Other(pairs) = AnyCallback::from_query("?Foo=1&Foo=2&Bar=").unwrap() else {
        panic!()
    };
    assert_eq!(
        pairs,
        [
            ("Foo".into(), "1".into()),
            ("Foo".into(), "2".into()),
            ("Bar".into(), String::new())
        ]
    );
    // The rule picks the kind; that kind's required parameters still count.
    assert!(AnyCallback::from_form(b"RecordingStatus=completed").is_err());
}

#[test]
fn one_url_for_every_callback_through_either_webhook() {
    let url = "https://example.com/voice/events";
    let params = [
        ("AccountSid", "AC1"),
        ("CallSid", "CA1"),
        ("DialCallStatus", "no-answer"),
    ];
    let body = serde_urlencoded::to_string(params).unwrap();

    let signalwire = signalwire::Webhook::new("PSK_house").unwrap();
    let signature = signalwire.verifier().sign_params(url, &params);
    let headers = [("X-SignalWire-Signature", signature.as_str())];
    let callback: AnyCallback = signalwire
        .receive(url, &headers, body.as_bytes())
        .unwrap()
        .into_event();
    assert_eq!(kind(&callback), "dial-action");

    let twilio = twilio::Webhook::new("house_auth_token").unwrap();
    let signature = twilio.verifier().sign_params(url, &params);
    let headers = [("X-Twilio-Signature", signature.as_str())];
    let callback: AnyCallback = twilio
        .receive(url, &headers, body.as_bytes())
        .unwrap()
        .into_event();
    assert_eq!(kind(&callback), "dial-action");
    let query_url = format!("{url}?{body}");
    let signature = twilio.verifier().sign_params(&query_url, &[]);
    let headers = [("X-Twilio-Signature", signature.as_str())];
    let callback: AnyCallback = twilio
        .receive_query(&query_url, &headers)
        .unwrap()
        .into_event();
    assert_eq!(kind(&callback), "dial-action");
}

#[test]
fn callbacks_serialize_as_their_wire_parameters() {
    // No `Callback` import: `from_body` is an inherent method.
    let body = b"AccountSid=AC1&RecordingSid=RE1&RecordingStatus=completed&RecordingDuration=94\
        &RecordingStartTime=Fri%2C+17+May+2024+02%3A27%3A09+%2B0000&Extra=1&RecordingChannels=two&Extra=2";
    let callback = RecordingStatusCallback::from_form(body).unwrap();
    let value = serde_json::to_value(&callback).unwrap();
    assert_eq!(
        value,
        json!({
            "AccountSid": "AC1",
            "RecordingSid": "RE1",
            "RecordingStatus": "completed",
            "RecordingDuration": 94,
            "RecordingStartTime": "Fri, 17 May 2024 02:27:09 +0000",
            "Extra": "2",
            "RecordingChannels": "two",
        })
    );
    // The text keeps every extra, repeated names and their order included.
    let text = serde_json::to_string(&callback).unwrap();
    assert!(
        text.ends_with(r#""Extra":"1","RecordingChannels":"two","Extra":"2"}"#),
        "{text}"
    );
    assert!(!text.contains("null") && !text.contains("other"), "{text}");
    assert_eq!(
        RecordingStatusCallback::from_body(text.as_bytes()).unwrap(),
        callback
    );

    // Numbers, decimals and booleans read back from their JSON forms.
    let status = StatusCallback::from_form(
        b"AccountSid=a&CallSid=c&CallStatus=completed&AudioInMos=4.5&CallDuration=7",
    )
    .unwrap();
    let json = serde_json::to_string(&status).unwrap();
    assert!(
        json.contains(r#""AudioInMos":4.5"#) && json.contains(r#""CallDuration":7"#),
        "{json}"
    );
    assert_eq!(StatusCallback::from_body(json.as_bytes()).unwrap(), status);
    assert_eq!(
        StatusCallback::from_query("?AccountSid=a&CallSid=c&CallStatus=completed")
            .unwrap()
            .call_sid,
        "c"
    );
}

#[test]
fn every_timestamped_webhook_has_the_same_builders() {
    let ten = Duration::minutes(10);
    let recall = recall::Webhook::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
    assert_eq!(recall.tolerance(), Duration::minutes(5));
    let recall = recall.with_tolerance(ten).with_body_limit(10);
    assert_eq!((recall.tolerance(), recall.body_limit()), (ten, 10));
    assert_eq!(recall.verifier().tolerance(), ten);
    let daily = daily::Webhook::new("ZXhhbXBsZS1kYWlseS13ZWJob29rLXNlY3JldC0zMmI=").unwrap();
    let daily = daily.with_tolerance(ten).with_body_limit(11);
    assert_eq!((daily.tolerance(), daily.body_limit()), (ten, 11));
    let zoom = zoom::Webhook::new("zoom-test-secret-token-0001")
        .unwrap()
        .with_tolerance(ten);
    assert_eq!(zoom.tolerance(), ten);
    // A builder after another keeps what the first set.
    let twilio = twilio::Webhook::new("t")
        .unwrap()
        .with_public_url("https://hooks.example.com/")
        .unwrap()
        .with_body_limit(12)
        .with_shared_key("k")
        .unwrap();
    assert_eq!(twilio.body_limit(), 12);
    let no_headers: [(&str, &str); 0] = [];
    assert_eq!(
        twilio.public_url("/t", &no_headers).as_deref(),
        Some("https://hooks.example.com/t")
    );
}

#[test]
fn a_daily_delivery_has_its_id() {
    let webhook = daily::Webhook::new("ZXhhbXBsZS1kYWlseS13ZWJob29rLXNlY3JldC0zMmI=").unwrap();
    let body = br#"{"version":"1.0.0","type":"meeting.ended","id":"met-end-1","payload":{"start_ts":1708526032,"end_ts":1708526104.671,"meeting_id":"m","room":"r"},"event_ts":1708526125.197}"#;
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let signature = webhook.verifier().sign(now, body);
    let headers = [
        ("X-Webhook-Timestamp", now.to_string()),
        ("X-Webhook-Signature", signature),
    ];
    let delivery = webhook.receive(&headers, body).unwrap();
    assert_eq!(delivery.id(), Some("met-end-1"));
    let no_headers: [(&str, &str); 0] = [];
    assert_eq!(
        webhook
            .receive(&no_headers, br#"{"test":"test"}"#)
            .unwrap()
            .id(),
        None
    );
}

/// Headers that count how they are asked.
struct Counting {
    pairs: Vec<(String, String)>,
    one_by_one: Cell<usize>,
    all_at_once: Cell<usize>,
}

impl Headers for Counting {
    fn header(&self, name: &str) -> Option<&str> {
        self.one_by_one.set(self.one_by_one.get() + 1);
        self.pairs.header(name)
    }

    fn header_bytes_many<const N: usize>(&self, names: [&str; N]) -> [Option<&[u8]>; N] {
        self.all_at_once.set(self.all_at_once.get() + 1);
        self.pairs.header_bytes_many(names)
    }
}

#[test]
fn a_reference_keeps_the_one_pass_lookup() {
    let verifier = zoom::Verifier::new("zoom-test-secret-token-0001").unwrap();
    let body = br#"{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}"#;
    let headers = Counting {
        pairs: vec![
            ("x-zm-request-timestamp".into(), "1739923528".into()),
            (
                "x-zm-signature".into(),
                "v0=c396580094fea489713722c0febf39c0609fcf2a398460b847ac073c59ce910c".into(),
            ),
        ],
        one_by_one: Cell::new(0),
        all_at_once: Cell::new(0),
    };
    let now = time::OffsetDateTime::from_unix_timestamp(1739923528).unwrap();
    // Through a reference of a reference: the `&H` impl must forward.
    let by_reference: &&Counting = &&headers;
    verifier.verify_at(by_reference, body, now).unwrap();
    assert_eq!(
        (headers.all_at_once.get(), headers.one_by_one.get()),
        (1, 0)
    );
}

#[cfg(feature = "actix-web")]
#[test]
fn actix_header_maps_are_read_in_one_pass_first_value_first() {
    use actix_web::http::header::{HeaderMap, HeaderName, HeaderValue};
    let mut map = HeaderMap::new();
    map.append(
        HeaderName::from_static("x-zm-signature"),
        HeaderValue::from_static("first"),
    );
    map.append(
        HeaderName::from_static("x-zm-signature"),
        HeaderValue::from_static("second"),
    );
    map.insert(
        HeaderName::from_static("x-zm-request-timestamp"),
        HeaderValue::from_static("1"),
    );
    let [signature, timestamp, absent] =
        map.header_bytes_many(["X-Zm-Signature", "x-zm-request-timestamp", "x-other"]);
    assert_eq!(signature, Some(&b"first"[..]));
    assert_eq!(timestamp, Some(&b"1"[..]));
    assert_eq!(absent, None);
    assert_eq!(map.header_bytes("x-zm-signature"), Some(&b"first"[..]));
}

#[test]
fn a_clone_shares_its_webhook_and_a_builder_changes_only_its_own() {
    let original = signalwire::Webhook::new("PSK_house")
        .unwrap()
        .with_body_limit(100);
    let copy = original.clone();
    // Same verifier, not a copy of its keys: its address is the same.
    assert!(std::ptr::eq(original.verifier(), copy.verifier()));
    let changed = copy
        .with_body_limit(5)
        .with_public_url("https://a.example")
        .unwrap();
    assert_eq!((original.body_limit(), changed.body_limit()), (100, 5));
    let no_headers: [(&str, &str); 0] = [];
    assert_eq!(original.public_url("/x", &no_headers), None);
    assert!(changed.public_url("/x", &no_headers).is_some());
}

/// An event read through serde from a `serde_json::Value` (whose keys are
/// sorted, so Recall's `data` and Daily's `payload` come before their tag)
/// equals the event read from the body.
#[test]
fn events_read_from_a_value_as_from_the_body() {
    fn check<E: PartialEq + std::fmt::Debug + serde::de::DeserializeOwned>(
        dir: &str,
        from_slice: fn(&[u8]) -> Result<E, recording_webhooks::ParseError>,
    ) {
        let fixtures = common::fixtures(dir);
        assert!(fixtures.len() > 5, "{dir}");
        for (name, body) in fixtures {
            let value: serde_json::Value = serde_json::from_slice(&body).unwrap();
            let through_value = serde_json::from_value::<E>(value);
            match from_slice(&body) {
                Ok(event) => assert_eq!(through_value.unwrap(), event, "{dir}/{name}"),
                Err(err) => assert!(through_value.is_err(), "{dir}/{name}: {err}"),
            }
        }
    }
    check("recall", recall::Event::from_slice);
    check("daily", daily::Event::from_slice);
    check("zoom", zoom::Event::from_slice);

    // A payload kept until its tag still fails with what is wrong in it.
    let value = json!({"data": {"data": {"code": "done"}, "bot": {"id": 7}}, "event": "bot.done"});
    let err = serde_json::from_value::<recall::Event>(value).unwrap_err();
    assert!(err.to_string().starts_with("in `data`: "), "{err}");
}
