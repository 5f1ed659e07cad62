//! Property tests: nothing panics Daily's verifier or parser, and what the
//! verifier signs it verifies.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.
#![cfg(feature = "daily")]

mod common;

use proptest::prelude::*;
use recording_webhooks::daily::{Event, Verifier};
use time::OffsetDateTime;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_requests_never_panic(
        secret in "[A-Za-z0-9+/=]{0,60}",
        headers in prop::collection::vec(
            (prop_oneof![Just("X-Webhook-Signature".to_owned()), Just("x-webhook-timestamp".to_owned()), any::<String>()],
             prop_oneof![any::<String>(), any::<i64>().prop_map(|n| n.to_string()), "[A-Za-z0-9+/=]{40,48}"]),
            0..6),
        body in prop::collection::vec(any::<u8>(), 0..256),
        now in -62_135_596_800i64..=253_402_300_799,
    ) {
        if let Ok(verifier) = Verifier::new(&secret) {
            let _ = verifier.verify_at(&headers, &body, OffsetDateTime::from_unix_timestamp(now).unwrap());
        }
    }

    #[test]
    fn sign_then_verify(secret in prop::collection::vec(any::<u8>(), 1..64), timestamp in 0i64..4_000_000_000, body in prop::collection::vec(any::<u8>(), 0..1024)) {
        use base64::Engine as _;
        let verifier = Verifier::new(&base64::engine::general_purpose::STANDARD.encode(&secret)).unwrap();
        let headers = [("X-Webhook-Timestamp", timestamp.to_string()), ("X-Webhook-Signature", verifier.sign(timestamp, &body))];
        prop_assert!(verifier.verify_at(&headers, &body, OffsetDateTime::from_unix_timestamp(timestamp).unwrap()).is_ok());
    }

    #[test]
    fn arbitrary_and_mutated_bodies_never_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..256),
        pick in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
    ) {
        let _ = Event::from_slice(&bytes);
        let fixtures = common::fixtures("daily");
        let mut body = fixtures[pick.index(fixtures.len())].1.clone();
        for (at, byte) in edits {
            let i = at.index(body.len());
            body[i] = byte;
        }
        let _ = Event::from_slice(&body);
    }
}

/// A JSON number as Daily may write it: an integer or a float.
fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<u32>().prop_map(|n| n.to_string()),
        (0u32..100_000, 1u32..1000).prop_map(|(whole, fraction)| format!("{whole}.{fraction}")),
        (0.0f64..1e7).prop_map(|f| serde_json::to_string(&f).unwrap()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Whatever number form its counts, sizes, durations and times take, a
    /// recording event parses and serializes back to the same JSON.
    #[test]
    fn numbers_in_any_form_parse_and_write_back(
        duration in number(), participants in number(), size in number(), start in number(), sent in number(),
    ) {
        let body = format!(
            r#"{{"version":"1.0.0","type":"recording.ready-to-download","id":"r1","payload":{{"type":"raw-tracks","recording_id":"r","room_name":"n","start_ts":{start},"status":"finished","max_participants":{participants},"duration":{duration},"tracks":[{{"type":"video","s3Key":"k","size":{size}}}]}},"event_ts":{sent}}}"#
        );
        let event = Event::from_slice(body.as_bytes()).unwrap_or_else(|err| panic!("{body}: {err}"));
        prop_assert_eq!(event.event_type(), recording_webhooks::daily::EventType::RecordingReadyToDownload);
        let written = serde_json::to_value(&event).unwrap();
        prop_assert_eq!(written, serde_json::from_str::<serde_json::Value>(&body).unwrap());
    }
}
