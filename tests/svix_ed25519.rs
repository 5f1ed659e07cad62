//! Standard Webhooks `v1a` (ed25519) signatures, against vectors made with
//! the Python `cryptography` package (`fixtures/svix/ed25519_vectors.json`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.
#![cfg(feature = "ed25519")]

mod common;

use recording_webhooks::svix::{PublicKeyVerifier, Verified, Verifier};
use recording_webhooks::{SecretError, VerifyError};
use serde::Deserialize;
use time::OffsetDateTime;

#[derive(Deserialize)]
struct Case {
    name: String,
    secret: Option<String>,
    public_key: Option<String>,
    headers: Vec<(String, String)>,
    body: String,
    now: i64,
    expected: String,
}

fn verify(case: &Case, now: OffsetDateTime) -> Result<Verified, VerifyError> {
    let (headers, body) = (&case.headers, case.body.as_bytes());
    match (&case.secret, &case.public_key) {
        (Some(secret), Some(key)) => Verifier::new(secret)
            .unwrap()
            .with_public_key(key)
            .unwrap()
            .verify_at(headers, body, now),
        (Some(secret), None) => Verifier::new(secret).unwrap().verify_at(headers, body, now),
        (None, Some(key)) => PublicKeyVerifier::new(key)
            .unwrap()
            .verify_at(headers, body, now),
        (None, None) => panic!("{}: no key", case.name),
    }
}

#[test]
fn every_generated_case_has_the_expected_outcome() {
    let cases: Vec<Case> = common::cases(include_str!("../fixtures/svix/ed25519_vectors.json"));
    assert!(cases.len() >= 40);
    for case in &cases {
        let now = OffsetDateTime::from_unix_timestamp(case.now).unwrap();
        let result = verify(case, now);
        match case.expected.as_str() {
            "ok" => assert!(result.is_ok(), "{}: {result:?}", case.name),
            _ => assert!(
                matches!(result, Err(VerifyError::NoMatchingSignature { .. })),
                "{}: {result:?}",
                case.name
            ),
        }
    }
}

#[test]
fn public_keys_are_checked() {
    assert!(matches!(
        PublicKeyVerifier::new("whpk_AAAA"),
        Err(SecretError::InvalidPublicKey { .. })
    ));
    assert!(matches!(
        PublicKeyVerifier::new("whpk_not base64"),
        Err(SecretError::InvalidBase64 { .. })
    ));
    assert!(matches!(
        PublicKeyVerifier::new(""),
        Err(SecretError::Empty)
    ));
    // 32 bytes that are not a curve point.
    let not_a_point = "whpk_AgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    assert!(PublicKeyVerifier::new(not_a_point).is_err());
    assert!(matches!(
        Verifier::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            .unwrap()
            .with_public_key("whpk_AAAA"),
        Err(SecretError::InvalidPublicKey { .. })
    ));
}

#[test]
fn a_public_key_verifier_keeps_the_replay_window() {
    let cases: Vec<Case> = common::cases(include_str!("../fixtures/svix/ed25519_vectors.json"));
    let case = cases
        .iter()
        .find(|case| case.secret.is_none() && case.expected == "ok")
        .unwrap();
    let key = case.public_key.as_deref().unwrap();
    let verifier = PublicKeyVerifier::new(key).unwrap();
    assert_eq!(verifier.tolerance(), time::Duration::minutes(5));
    let later = OffsetDateTime::from_unix_timestamp(case.now + 6 * 60).unwrap();
    let (headers, body) = (&case.headers, case.body.as_bytes());
    assert!(matches!(
        verifier.verify_at(headers, body, later),
        Err(VerifyError::TimestampTooOld { .. })
    ));
    let wider = verifier.with_tolerance(time::Duration::minutes(10));
    assert_eq!(wider.tolerance(), time::Duration::minutes(10));
    assert!(wider.verify_at(headers, body, later).is_ok());
}
