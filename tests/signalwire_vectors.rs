//! Replays `fixtures/signalwire_signatures/vectors.json`, generated with the
//! PyPI `twilio` and `signalwire` validators, and checks the same outcome.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.
#![cfg(feature = "signalwire")]

mod common;

use recording_webhooks::VerifyError;
use recording_webhooks::signalwire::Verifier;
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    key: String,
    url: String,
    headers: Vec<(String, String)>,
    body: String,
    expected: String,
}

#[test]
fn every_reference_case_has_the_same_outcome() {
    let cases: Vec<Case> = common::cases(include_str!(
        "../fixtures/signalwire_signatures/vectors.json"
    ));
    assert!(cases.len() >= 300);
    let mut failures = Vec::new();
    for case in &cases {
        let result = Verifier::new(&case.key).unwrap().verify(
            &case.url,
            &case.headers,
            case.body.as_bytes(),
        );
        let outcome = match &result {
            Ok(()) => "ok",
            Err(VerifyError::NoMatchingSignature { .. }) => "no_match",
            Err(VerifyError::BodyHashMismatch { .. }) => "body_hash_mismatch",
            Err(other) => panic!("{}: {other}", case.name),
        };
        if outcome != case.expected {
            failures.push(format!(
                "{}: expected {}, got {result:?}",
                case.name, case.expected
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    for kind in ["scheme-a/", "scheme-b/", "body-sha256/", "published/"] {
        assert!(
            cases
                .iter()
                .any(|c| c.name.starts_with(kind) && c.expected == "ok"),
            "{kind}"
        );
    }
}
