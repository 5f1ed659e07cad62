//! Replays the cases in `fixtures/svix/vectors.json`, generated with the
//! Python reference libraries (`svix`, `standardwebhooks`), and checks this
//! crate reaches the same outcome for every one.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.

mod common;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use recording_webhooks::VerifyError;
use recording_webhooks::svix::Verifier;
use serde::Deserialize;
use time::OffsetDateTime;

#[derive(Deserialize)]
struct Case {
    name: String,
    secret: String,
    headers: Vec<(String, String)>,
    body: Option<String>,
    body_base64: Option<String>,
    now_ms: i64,
    expected: String,
    id: Option<String>,
}

impl Case {
    fn body(&self) -> Vec<u8> {
        match (&self.body, &self.body_base64) {
            (Some(text), None) => text.as_bytes().to_vec(),
            (None, Some(encoded)) => STANDARD.decode(encoded).expect("fixture base64"),
            _ => panic!("{}: exactly one of body and body_base64", self.name),
        }
    }

    fn now(&self) -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp_nanos(i128::from(self.now_ms) * 1_000_000)
            .expect("fixture time in range")
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

fn outcome(result: &Result<recording_webhooks::svix::Verified, VerifyError>) -> &'static str {
    match result {
        Ok(_) => "ok",
        Err(VerifyError::MissingHeader { .. }) => "missing_header",
        Err(VerifyError::InvalidTimestamp { .. }) => "invalid_timestamp",
        Err(VerifyError::TimestampTooOld { .. }) => "too_old",
        Err(VerifyError::TimestampTooNew { .. }) => "too_new",
        Err(VerifyError::NoMatchingSignature { .. }) => "no_match",
        Err(other) => panic!("unexpected error kind: {other:?}"),
    }
}

fn load() -> Vec<Case> {
    common::cases(include_str!("../fixtures/svix/vectors.json"))
}

#[test]
fn every_reference_case_has_the_same_outcome() {
    let cases = load();
    assert!(cases.len() >= 300, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let verifier = Verifier::new(&case.secret).expect("fixture secrets are valid");
        let result = verifier.verify_at(&case.headers, &case.body(), case.now());
        if outcome(&result) != case.expected {
            failures.push(format!(
                "{}: expected {}, got {:?}",
                case.name, case.expected, result
            ));
            continue;
        }
        if let Ok(verified) = result {
            assert_eq!(Some(&verified.id), case.id.as_ref(), "{}", case.name);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn every_outcome_is_represented() {
    let cases = load();
    for expected in [
        "ok",
        "missing_header",
        "invalid_timestamp",
        "too_old",
        "too_new",
        "no_match",
    ] {
        assert!(
            cases.iter().any(|c| c.expected == expected),
            "no case expects {expected}"
        );
    }
    assert!(
        cases.iter().any(|c| c.body.as_deref() == Some("")),
        "no empty body"
    );
    assert!(
        cases
            .iter()
            .any(|c| c.body.as_deref().is_some_and(|b| !b.is_ascii())),
        "no non-ASCII body"
    );
    assert!(
        cases.iter().any(|c| c.body_base64.is_some()),
        "no non-UTF-8 body"
    );
    assert!(
        cases.iter().any(|c| c.header("svix-id").is_some()),
        "no svix-* family"
    );
    assert!(
        cases.iter().any(|c| c.header("webhook-id").is_some()),
        "no webhook-* family"
    );
}

#[test]
fn sign_reproduces_every_single_reference_signature() {
    let mut checked = 0;
    for case in load().iter().filter(|c| c.expected == "ok") {
        let signature = case
            .header("svix-signature")
            .or_else(|| case.header("webhook-signature"))
            .expect("ok cases are signed");
        if signature.contains(' ') {
            continue; // rotation lists: which entry matched is not recorded
        }
        let timestamp = case
            .header("svix-timestamp")
            .or_else(|| case.header("webhook-timestamp"))
            .and_then(|t| t.parse().ok())
            .expect("ok cases have a timestamp");
        let id = case.id.as_deref().expect("ok cases have an id");
        let verifier = Verifier::new(&case.secret).expect("valid secret");
        assert_eq!(
            verifier.sign(id, timestamp, &case.body()),
            signature,
            "{}",
            case.name
        );
        checked += 1;
    }
    assert!(checked >= 100, "only {checked} signatures checked");
}
