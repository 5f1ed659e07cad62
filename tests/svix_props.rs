//! Property tests: no input panics the Svix verifier, and what it signs it
//! verifies.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.

use proptest::prelude::*;
use recording_webhooks::svix::Verifier;
use time::{Duration, OffsetDateTime};

const NAMES: &[&str] = &[
    "webhook-id",
    "webhook-timestamp",
    "webhook-signature",
    "svix-id",
    "svix-timestamp",
    "svix-signature",
    "Webhook-Signature",
    "content-type",
];

/// Header values biased towards what the parser looks at: numbers, `v1,`
/// entries, commas and spaces, plus arbitrary text.
fn header_value() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        any::<i64>().prop_map(|n| n.to_string()),
        "[0-9+\\- ]{0,25}",
        "(v1a?,[A-Za-z0-9+/=]{0,50} ?){0,5}",
        "[ ,v1]{0,20}",
    ]
}

fn headers() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::vec(
        (
            prop_oneof![
                prop::sample::select(NAMES).prop_map(str::to_owned),
                any::<String>()
            ],
            header_value(),
        ),
        0..10,
    )
}

fn instant() -> impl Strategy<Value = OffsetDateTime> {
    // Every instant `time` can represent, down to the nanosecond.
    let min = OffsetDateTime::new_utc(time::Date::MIN, time::Time::MIDNIGHT).unix_timestamp_nanos();
    let max = OffsetDateTime::new_utc(time::Date::MAX, time::Time::MAX).unix_timestamp_nanos();
    (min..=max).prop_map(|nanos| OffsetDateTime::from_unix_timestamp_nanos(nanos).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_requests_never_panic(
        key in prop::collection::vec(any::<u8>(), 1..80),
        headers in headers(),
        body in prop::collection::vec(any::<u8>(), 0..512),
        now in instant(),
        tolerance_secs in any::<i64>(),
    ) {
        let verifier = Verifier::from_key(&key).unwrap().with_tolerance(Duration::seconds(tolerance_secs));
        let _ = verifier.verify_at(&headers, &body, now);
    }

    #[test]
    fn arbitrary_secrets_never_panic(secret in any::<String>()) {
        let _ = Verifier::new(&secret);
        let _ = Verifier::new(&format!("whsec_{secret}"));
    }

    #[test]
    fn sign_then_verify_succeeds(
        key in prop::collection::vec(any::<u8>(), 1..100),
        id in any::<String>().prop_filter("headers are non-empty", |id| !id.is_empty()),
        timestamp in -62_135_596_800i64..=253_402_300_799,
        skew in -300i64..=300,
        body in prop::collection::vec(any::<u8>(), 0..2048),
        svix_family in any::<bool>(),
    ) {
        let verifier = Verifier::from_key(&key).unwrap();
        let signature = verifier.sign(&id, timestamp, &body);
        let prefix = if svix_family { "svix" } else { "webhook" };
        let headers = vec![
            (format!("{prefix}-id"), id.clone()),
            (format!("{prefix}-timestamp"), timestamp.to_string()),
            (format!("{prefix}-signature"), signature),
        ];
        let now = OffsetDateTime::from_unix_timestamp(timestamp).unwrap()
            .checked_add(Duration::seconds(skew))
            .unwrap_or(OffsetDateTime::from_unix_timestamp(timestamp).unwrap());
        let verified = verifier.verify_at(&headers, &body, now).unwrap();
        prop_assert_eq!(verified.id, id);
        prop_assert_eq!(verified.timestamp.unix_timestamp(), timestamp);
    }

    #[test]
    fn any_change_to_the_body_is_rejected(
        key in prop::collection::vec(any::<u8>(), 1..64),
        body in prop::collection::vec(any::<u8>(), 1..512),
        index in any::<prop::sample::Index>(),
        flip in 1u8..=255,
    ) {
        let verifier = Verifier::from_key(&key).unwrap();
        let headers = [
            ("webhook-id", "msg_1".to_owned()),
            ("webhook-timestamp", "1700000000".to_owned()),
            ("webhook-signature", verifier.sign("msg_1", 1_700_000_000, &body)),
        ];
        let mut tampered = body.clone();
        let i = index.index(tampered.len());
        tampered[i] ^= flip;
        let now = OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap();
        prop_assert!(verifier.verify_at(&headers, &body, now).is_ok());
        prop_assert!(verifier.verify_at(&headers, &tampered, now).is_err());
    }
}
