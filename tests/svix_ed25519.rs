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

use recording_webhooks::svix::Verifier;
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

fn verifier(case: &Case) -> Verifier {
    match (&case.secret, &case.public_key) {
        (Some(secret), Some(key)) => Verifier::new(secret).unwrap().with_public_key(key).unwrap(),
        (Some(secret), None) => Verifier::new(secret).unwrap(),
        (None, Some(key)) => Verifier::from_public_key(key).unwrap(),
        (None, None) => panic!("{}: no key", case.name),
    }
}

#[test]
fn every_generated_case_has_the_expected_outcome() {
    let cases: Vec<Case> = common::cases(include_str!("../fixtures/svix/ed25519_vectors.json"));
    assert!(cases.len() >= 40);
    for case in &cases {
        let now = OffsetDateTime::from_unix_timestamp(case.now).unwrap();
        let result = verifier(case).verify_at(&case.headers, case.body.as_bytes(), now);
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
        Verifier::from_public_key("whpk_AAAA"),
        Err(SecretError::InvalidPublicKey { .. })
    ));
    assert!(matches!(
        Verifier::from_public_key("whpk_not base64"),
        Err(SecretError::InvalidBase64 { .. })
    ));
    // 32 bytes that are not a curve point.
    let not_a_point = "whpk_AgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    assert!(Verifier::from_public_key(not_a_point).is_err());
    let key_only =
        Verifier::from_public_key("whpk_11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=").unwrap();
    assert_eq!(key_only.sign("msg", 1, b"{}"), "", "no secret to sign with");
}
