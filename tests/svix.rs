//! Behaviour of `svix::Verifier` beyond the reference vectors: malformed and
//! long signature lists, the replay window, secrets, errors and header maps.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.

use std::collections::{BTreeMap, HashMap};

use recording_webhooks::svix::Verifier;
use recording_webhooks::{SecretError, VerifyError};
use time::{Duration, OffsetDateTime};

const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const ID: &str = "msg_p5jXN8AQM9LWM0D4loKWxJek";
const TIMESTAMP: i64 = 1614265330;
const BODY: &[u8] = br#"{"test": 2432232314}"#;
const SIGNATURE: &str = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

fn verifier() -> Verifier {
    Verifier::new(SECRET).unwrap()
}

fn at(seconds: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(seconds).unwrap()
}

fn headers(signature: &str) -> Vec<(&'static str, String)> {
    vec![
        ("webhook-id", ID.to_owned()),
        ("webhook-timestamp", TIMESTAMP.to_string()),
        ("webhook-signature", signature.to_owned()),
    ]
}

#[test]
fn published_vectors_verify_under_both_header_families() {
    let second = Verifier::new("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD").unwrap();
    let body = br#"{"email":"test@example.com","username":"test_user"}"#;
    let signature = "v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw=";
    for family in ["webhook", "svix", "Svix", "WEBHOOK"] {
        let headers = [
            (
                format!("{family}-id"),
                "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk".to_owned(),
            ),
            (format!("{family}-timestamp"), "1649367553".to_owned()),
            (format!("{family}-signature"), signature.to_owned()),
        ];
        let verified = second.verify_at(&headers, body, at(1649367553)).unwrap();
        assert_eq!(verified.id, "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk");
        assert_eq!(verified.timestamp, at(1649367553));
    }
    let verified = verifier()
        .verify_at(&headers(SIGNATURE), BODY, at(TIMESTAMP))
        .unwrap();
    assert_eq!(verified.id, ID);
}

#[test]
fn malformed_entries_are_skipped_not_fatal() {
    let noisy = format!(
        "v1 garbage , v1, v1,!!!! v1,{}x   v2 {SIGNATURE}",
        &SIGNATURE[3..]
    );
    let result = verifier().verify_at(&headers(&noisy), BODY, at(TIMESTAMP));
    assert!(result.is_ok(), "{result:?}");

    for only_noise in [
        "v1",
        ",",
        "v1,",
        "v1,,,",
        "   ",
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE",
        "🎙️,🎙️",
    ] {
        let err = verifier()
            .verify_at(&headers(only_noise), BODY, at(TIMESTAMP))
            .unwrap_err();
        assert!(
            matches!(
                err,
                VerifyError::NoMatchingSignature {
                    name: "webhook-signature",
                    ..
                }
            ),
            "{only_noise:?}"
        );
    }
}

#[test]
fn signature_must_be_canonical_base64_of_the_mac() {
    // Unpadded, over-padded, and trailing-bits-set spellings decode (in a
    // lenient decoder) to the right bytes, but no signer sends them.
    let non_canonical = format!("{}F=", &SIGNATURE[..SIGNATURE.len() - 2]);
    for variant in [
        &SIGNATURE[..SIGNATURE.len() - 1],
        &format!("{SIGNATURE}="),
        &non_canonical,
    ] {
        let err = verifier()
            .verify_at(&headers(variant), BODY, at(TIMESTAMP))
            .unwrap_err();
        assert!(
            matches!(err, VerifyError::NoMatchingSignature { .. }),
            "{variant}"
        );
    }
}

#[test]
fn thousands_of_entries_are_handled() {
    let bogus = vec!["v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="; 20_000].join(" ");
    let err = verifier()
        .verify_at(&headers(&bogus), BODY, at(TIMESTAMP))
        .unwrap_err();
    assert!(matches!(err, VerifyError::NoMatchingSignature { .. }));
    // Entries past the bound are not read, a match among them included.
    let with_match = format!("{bogus} {SIGNATURE}");
    assert!(matches!(
        verifier().verify_at(&headers(&with_match), BODY, at(TIMESTAMP)),
        Err(VerifyError::NoMatchingSignature { .. })
    ));
    // A match within the bound verifies; doubled spaces do not count.
    let bound = recording_webhooks::svix::MAX_SIGNATURE_ENTRIES;
    let first = vec!["v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="; bound - 1].join("  ");
    let last_read = format!("{first}   {SIGNATURE}");
    assert!(
        verifier()
            .verify_at(&headers(&last_read), BODY, at(TIMESTAMP))
            .is_ok()
    );
    let one_too_far = format!("v2,x {last_read}");
    assert!(
        verifier()
            .verify_at(&headers(&one_too_far), BODY, at(TIMESTAMP))
            .is_err()
    );
}

#[test]
fn replay_window_is_inclusive_and_configurable() {
    let v = verifier();
    assert!(
        v.verify_at(&headers(SIGNATURE), BODY, at(TIMESTAMP + 300))
            .is_ok()
    );
    assert!(
        v.verify_at(&headers(SIGNATURE), BODY, at(TIMESTAMP - 300))
            .is_ok()
    );

    let err = v
        .verify_at(&headers(SIGNATURE), BODY, at(TIMESTAMP + 301))
        .unwrap_err();
    assert!(matches!(
        err,
        VerifyError::TimestampTooOld {
            name: "webhook-timestamp",
            age,
            tolerance,
            ..
        } if age == Duration::seconds(301) && tolerance == Duration::minutes(5)
    ));
    assert_eq!(
        err.to_string(),
        "header `webhook-timestamp` is 301 s in the past, beyond the tolerance of 300 s"
    );
    let err = v
        .verify_at(&headers(SIGNATURE), BODY, at(TIMESTAMP - 301))
        .unwrap_err();
    assert!(
        matches!(err, VerifyError::TimestampTooNew { ahead, .. } if ahead == Duration::seconds(301))
    );

    let lenient = verifier().with_tolerance(Duration::hours(1));
    assert_eq!(lenient.tolerance(), Duration::hours(1));
    assert!(
        lenient
            .verify_at(&headers(SIGNATURE), BODY, at(TIMESTAMP + 3600))
            .is_ok()
    );
    assert!(
        lenient
            .verify_at(&headers(SIGNATURE), BODY, at(TIMESTAMP + 3601))
            .is_err()
    );

    let strict = verifier().with_tolerance(Duration::seconds(-10));
    assert_eq!(strict.tolerance(), Duration::ZERO);
    assert!(
        strict
            .verify_at(&headers(SIGNATURE), BODY, at(TIMESTAMP))
            .is_ok()
    );
    assert!(
        strict
            .verify_at(&headers(SIGNATURE), BODY, at(TIMESTAMP + 1))
            .is_err()
    );

    // A huge tolerance or a far-off "now" must not overflow.
    let endless = verifier().with_tolerance(Duration::MAX);
    assert!(
        endless
            .verify_at(&headers(SIGNATURE), BODY, OffsetDateTime::UNIX_EPOCH)
            .is_ok()
    );
    let far = OffsetDateTime::from_unix_timestamp(253_402_300_799).unwrap();
    assert!(matches!(
        v.verify_at(&headers(SIGNATURE), BODY, far),
        Err(VerifyError::TimestampTooOld { .. })
    ));
}

#[test]
fn verify_uses_the_system_clock() {
    let now = OffsetDateTime::now_utc().unix_timestamp();
    let signature = verifier().sign(ID, now, BODY);
    let headers = [
        ("webhook-id", ID.to_owned()),
        ("webhook-timestamp", now.to_string()),
        ("webhook-signature", signature),
    ];
    assert!(verifier().verify(&headers, BODY).is_ok());
    assert!(matches!(
        verifier().verify(&self::headers(SIGNATURE), BODY),
        Err(VerifyError::TimestampTooOld { .. })
    ));
}

#[test]
fn timestamps_must_be_whole_seconds_in_range() {
    for bad in [
        "+1614265330",
        " 1614265330",
        "1614265330.0",
        "1e9",
        "-",
        "99999999999999999999",
        "253402300800",
    ] {
        let mut h = headers(SIGNATURE);
        h[1].1 = bad.to_owned();
        let err = verifier().verify_at(&h, BODY, at(TIMESTAMP)).unwrap_err();
        assert!(
            matches!(
                err,
                VerifyError::InvalidTimestamp {
                    name: "webhook-timestamp",
                    ..
                }
            ),
            "{bad:?}"
        );
    }
    // Leading zeros denote the same instant, and the signed content uses its
    // canonical form, as the reference libraries do.
    let mut h = headers(SIGNATURE);
    h[1].1 = format!("000{TIMESTAMP}");
    assert!(verifier().verify_at(&h, BODY, at(TIMESTAMP)).is_ok());
}

#[test]
fn missing_and_empty_headers_are_named() {
    for (index, name) in [
        (0, "webhook-id"),
        (1, "webhook-timestamp"),
        (2, "webhook-signature"),
    ] {
        let mut h = headers(SIGNATURE);
        h.remove(index);
        let err = verifier().verify_at(&h, BODY, at(TIMESTAMP)).unwrap_err();
        assert!(matches!(err, VerifyError::MissingHeader { name: n, .. } if n == name));
        assert_eq!(err.to_string(), format!("missing header `{name}`"));

        let mut h = headers(SIGNATURE);
        h[index].1.clear();
        assert!(matches!(
            verifier().verify_at(&h, BODY, at(TIMESTAMP)).unwrap_err(),
            VerifyError::MissingHeader { name: n, .. } if n == name
        ));
    }
    // A request in the svix-* spelling is told which svix-* header it lacks.
    let h = [("svix-id", ID), ("svix-signature", SIGNATURE)];
    assert!(matches!(
        verifier().verify_at(&h, BODY, at(TIMESTAMP)).unwrap_err(),
        VerifyError::MissingHeader {
            name: "svix-timestamp",
            ..
        }
    ));
    let none: [(&str, &str); 0] = [];
    assert!(matches!(
        verifier()
            .verify_at(&none, BODY, at(TIMESTAMP))
            .unwrap_err(),
        VerifyError::MissingHeader {
            name: "webhook-id",
            ..
        }
    ));
}

#[test]
fn secrets_are_decoded_like_the_reference_libraries() {
    let padded = Verifier::new("whsec_dGhpcyBpcyBhIGtleQ==").unwrap();
    let unpadded = Verifier::new("whsec_dGhpcyBpcyBhIGtleQ").unwrap();
    let bare = Verifier::new("dGhpcyBpcyBhIGtleQ==").unwrap();
    let raw = Verifier::from_key(b"this is a key").unwrap();
    let expected = raw.sign(ID, TIMESTAMP, BODY);
    for verifier in [padded, unpadded, bare] {
        assert_eq!(verifier.sign(ID, TIMESTAMP, BODY), expected);
    }
}

#[test]
fn unusable_secrets_are_errors_that_do_not_quote_them() {
    assert_eq!(Verifier::new("").unwrap_err(), SecretError::Empty);
    assert_eq!(Verifier::new("whsec_").unwrap_err(), SecretError::Empty);
    assert_eq!(Verifier::from_key(&[]).unwrap_err(), SecretError::Empty);
    assert_eq!(
        Verifier::new("whpk_MCowBQYDK2VwAyEA").unwrap_err(),
        SecretError::AsymmetricKey { prefix: "whpk_" }
    );
    let secret = "whsec_s3cr3t$Value";
    let err = Verifier::new(secret).unwrap_err();
    let message = err.to_string();
    assert_eq!(
        message,
        "the webhook secret is not valid base64: unexpected character at position 6"
    );
    assert!(!message.contains("s3cr3t") && !format!("{err:?}").contains("s3cr3t"));
}

#[test]
fn debug_never_shows_the_key() {
    let key = b"a very recognisable key";
    let verifier = Verifier::from_key(key).unwrap();
    let debug = format!("{verifier:?}");
    assert!(debug.contains("<redacted>"), "{debug}");
    assert!(!debug.contains("recognisable"), "{debug}");
    assert!(!debug.contains(&format!("{:?}", &key[..4])), "{debug}");
}

#[test]
fn every_header_container_works_case_insensitively() {
    let now = at(TIMESTAMP);
    let pairs = [
        ("Webhook-Id", ID),
        ("WEBHOOK-TIMESTAMP", "1614265330"),
        ("webhook-Signature", SIGNATURE),
    ];
    assert!(verifier().verify_at(&pairs, BODY, now).is_ok());
    assert!(verifier().verify_at(&pairs[..], BODY, now).is_ok());
    assert!(verifier().verify_at(&pairs.to_vec(), BODY, now).is_ok());

    let hash: HashMap<String, String> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    assert!(verifier().verify_at(&hash, BODY, now).is_ok());
    let tree: BTreeMap<&str, &str> = pairs.into_iter().collect();
    assert!(verifier().verify_at(&tree, BODY, now).is_ok());
}

#[cfg(feature = "http")]
#[test]
fn header_map_works_case_insensitively() {
    let mut map = http::HeaderMap::new();
    for (name, value) in [
        ("Webhook-Id", ID),
        ("WEBHOOK-TIMESTAMP", "1614265330"),
        ("webhook-Signature", SIGNATURE),
    ] {
        map.insert(
            http::HeaderName::try_from(name).unwrap(),
            value.parse().unwrap(),
        );
    }
    assert!(verifier().verify_at(&map, BODY, at(TIMESTAMP)).is_ok());
}

#[cfg(feature = "http")]
#[test]
fn header_map_bytes_that_are_not_text_are_invalid_not_missing() {
    use recording_webhooks::Headers;
    let mut map = http::HeaderMap::new();
    map.insert(
        "webhook-id",
        http::HeaderValue::from_bytes(b"msg_\xff\xfe").unwrap(),
    );
    map.insert(
        "webhook-timestamp",
        http::HeaderValue::from_static("1614265330"),
    );
    map.insert(
        "webhook-signature",
        http::HeaderValue::from_static(SIGNATURE),
    );
    assert_eq!(map.header("webhook-id"), None);
    assert_eq!(map.header_bytes("webhook-id"), Some(&b"msg_\xff\xfe"[..]));
    assert!(matches!(
        verifier().verify_at(&map, BODY, at(TIMESTAMP)).unwrap_err(),
        VerifyError::InvalidHeader {
            name: "webhook-id",
            reason: "it is not valid UTF-8",
            ..
        }
    ));
}

#[test]
fn non_ascii_header_text_is_read_and_fails_to_match() {
    let pairs = [
        ("webhook-id", "msg_ünïcode"),
        ("webhook-timestamp", "1614265330"),
        ("webhook-signature", SIGNATURE),
    ];
    assert!(matches!(
        verifier().verify_at(&pairs, BODY, at(TIMESTAMP)),
        Err(VerifyError::NoMatchingSignature { .. })
    ));
}
