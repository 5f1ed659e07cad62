//! Twilio's signature rules: vectors from twilio-python 9, and the request
//! validation cases of twilio-python's own test suite.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.
#![cfg(feature = "twilio")]

mod common;

#[cfg(feature = "signalwire")]
use recording_webhooks::signalwire;
use recording_webhooks::twilio::{Algorithm, RecordingStatusCallback, Verifier};
use recording_webhooks::{SecretError, VerifyError};

#[derive(serde::Deserialize)]
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
    let cases: Vec<Case> =
        common::cases(include_str!("../fixtures/twilio_signatures/vectors.json"));
    assert!(cases.len() >= 150);
    let mut failures = Vec::new();
    for case in &cases {
        // twilio-python keys both algorithms with the one secret it is
        // given: configured here as Auth Token and SharedKey alike.
        let result = Verifier::new(&case.key)
            .unwrap()
            .with_shared_key(&case.key)
            .unwrap()
            .verify(&case.url, &case.headers, case.body.as_bytes());
        let outcome = match &result {
            Ok(()) => "ok",
            Err(VerifyError::NoMatchingSignature { .. }) => "no_match",
            Err(VerifyError::BodyHashMismatch { .. }) => "body_hash_mismatch",
            Err(VerifyError::InvalidHeader {
                name: "x-twilio-webhooks-signature-settings",
                ..
            }) => "unsupported_algorithm",
            Err(other) => panic!("{}: {other}", case.name),
        };
        if outcome != case.expected {
            failures.push(format!(
                "{}: {outcome}, expected {}",
                case.name, case.expected
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    for expected in [
        "ok",
        "no_match",
        "body_hash_mismatch",
        "unsupported_algorithm",
    ] {
        assert!(cases.iter().any(|c| c.expected == expected), "{expected}");
    }
}

/// twilio-python's `tests/unit/test_request_validator.py`, case by case.
mod twilio_python_suite {
    use super::*;

    const URI: &str = "https://mycompany.com/myapp.php?foo=1&bar=2";
    const PARAMS: [(&str, &str); 5] = [
        ("CallSid", "CA1234567890ABCDE"),
        ("Digits", "1234"),
        ("From", "+14158675309"),
        ("To", "+18005551212"),
        ("Caller", "+14158675309"),
    ];
    const EXPECTED: &str = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    fn validator() -> Verifier {
        Verifier::new("12345").unwrap()
    }

    fn form(params: &[(&str, &str)]) -> String {
        serde_urlencoded::to_string(params).unwrap()
    }

    fn validate(uri: &str, body: &str, signature: &str) -> Result<(), VerifyError> {
        validator().verify(uri, &[("X-Twilio-Signature", signature)], body.as_bytes())
    }

    #[test]
    fn compute_signature() {
        assert_eq!(validator().sign_params(URI, &PARAMS), EXPECTED);
    }

    #[test]
    fn compute_signature_duplicate_multi_dict_and_query_dict() {
        let params = [
            ("Sid", "CA123"),
            ("SidAccount", "AC123"),
            ("Digits", "5678"),
            ("Digits", "1234"),
        ];
        assert_eq!(
            validator().sign_params(URI, &params),
            "IK+Dwps556ElfBT0I3Rgjkr1wJU="
        );
        let body = "Sid=CA123&SidAccount=AC123&Digits=5678&Digits=1234";
        assert_eq!(validate(URI, body, "IK+Dwps556ElfBT0I3Rgjkr1wJU="), Ok(()));
    }

    #[test]
    fn validation() {
        assert_eq!(validate(URI, &form(&PARAMS), EXPECTED), Ok(()));
    }

    #[test]
    fn validation_removes_port_on_https() {
        let uri = URI.replace(".com", ".com:1234");
        assert_eq!(validate(&uri, &form(&PARAMS), EXPECTED), Ok(()));
    }

    #[test]
    fn validation_removes_port_on_http() {
        let uri = URI.replace(".com", ".com:1234").replace("https", "http");
        assert_eq!(
            validate(&uri, &form(&PARAMS), "Zmvh+3yNM1Phv2jhDCwEM3q5ebU="),
            Ok(())
        );
    }

    #[test]
    fn validation_adds_port_on_https() {
        assert_eq!(
            validate(URI, &form(&PARAMS), "kvajT1Ptam85bY51eRf/AJRuM3w="),
            Ok(())
        );
    }

    #[test]
    fn validation_adds_port_on_http() {
        let uri = URI.replace("https", "http");
        assert_eq!(
            validate(&uri, &form(&PARAMS), "0ZXoZLH/DfblKGATFgpif+LLRf4="),
            Ok(())
        );
    }

    #[test]
    fn validation_of_body_succeeds() {
        let body = "{\"property\": \"value\", \"boolean\": true}";
        let uri = format!(
            "{URI}&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620"
        );
        assert_eq!(validate(&uri, body, "a9nBmqA0ju/hNViExpshrM61xv4="), Ok(()));
        assert!(matches!(
            validate(
                &uri,
                "{\"property\": \"other\"}",
                "a9nBmqA0ju/hNViExpshrM61xv4="
            ),
            Err(VerifyError::BodyHashMismatch {
                parameter: "bodySHA256",
                ..
            })
        ));
    }
}

#[cfg(feature = "signalwire")] // compares the two providers
#[test]
fn repeated_names_follow_each_providers_rule() {
    let url = "https://example.com/cb";
    let twilio = Verifier::new("key").unwrap();
    let signalwire = signalwire::Verifier::new("key").unwrap();
    // Twilio: sorted, distinct values, so the order sent does not matter.
    let twilio_signature = twilio.sign_params(url, &[("To", "b"), ("To", "a"), ("To", "a")]);
    for body in ["To=a&To=b", "To=b&To=a", "To=b&To=a&To=a"] {
        let headers = [("X-Twilio-Signature", twilio_signature.as_str())];
        assert_eq!(
            twilio.verify(url, &headers, body.as_bytes()),
            Ok(()),
            "{body}"
        );
    }
    // SignalWire: every value in the order sent; a swapped order fails.
    let signalwire_signature = signalwire.sign_params(url, &[("To", "a"), ("To", "b")]);
    let headers = [("X-Twilio-Signature", signalwire_signature.as_str())];
    assert_eq!(signalwire.verify(url, &headers, b"To=a&To=b"), Ok(()));
    assert!(signalwire.verify(url, &headers, b"To=b&To=a").is_err());
}

#[test]
fn shared_key_signatures_are_hmac_sha256_when_the_settings_header_says_so() {
    let verifier = Verifier::new("auth-token")
        .unwrap()
        .with_shared_key("shared-key-secret")
        .unwrap();
    let url = "https://example.com/twilio/recording";
    let params = [
        ("AccountSid", "AC1"),
        ("RecordingSid", "RE1"),
        ("RecordingStatus", "completed"),
    ];
    let body = serde_urlencoded::to_string(params).unwrap();
    let sha256 = verifier.sign_params_sha256(url, &params).unwrap();
    let sha1 = verifier.sign_params(url, &params);
    assert_ne!(sha256, sha1);
    let settings = "key=webhooks_sharedkey_1,algorithm=HMAC_SHA256";
    let headers = |signature: &str, settings: Option<&str>| {
        let mut headers = vec![("X-Twilio-Signature".to_owned(), signature.to_owned())];
        if let Some(settings) = settings {
            headers.push((
                "X-Twilio-Webhooks-Signature-Settings".to_owned(),
                settings.to_owned(),
            ));
        }
        headers
    };
    let signed = |signature: &str, settings: Option<&str>| {
        verifier.verify(url, &headers(signature, settings), body.as_bytes())
    };
    assert_eq!(signed(&sha256, Some(settings)), Ok(()));
    assert!(signed(&sha256, None).is_err(), "SHA-1 without the header");
    assert!(signed(&sha1, Some(settings)).is_err());
    assert_eq!(signed(&sha1, Some("key=webhooks_sharedkey_1")), Ok(()));
    assert!(matches!(
        signed(&sha256, Some("key=k,algorithm=HMAC_MD5")),
        Err(VerifyError::InvalidHeader {
            name: "x-twilio-webhooks-signature-settings",
            reason: "it names an algorithm other than HMAC_SHA1 or HMAC_SHA256",
            ..
        })
    ));
    assert_eq!(
        Algorithm::from_settings(Some(" algorithm = hmac_sha256 ")),
        Some(Algorithm::HmacSha256)
    );
    let callback = RecordingStatusCallback::from_form(body.as_bytes()).unwrap();
    assert_eq!(callback.recording_sid, "RE1");

    // The credentials are kept apart: the Auth Token never checks an
    // HMAC-SHA256 request, even one signed with it.
    let auth_token_only = Verifier::new("auth-token").unwrap();
    assert_eq!(auth_token_only.sign_params_sha256(url, &params), None);
    let with_token_as_shared_key = Verifier::new("x")
        .unwrap()
        .with_shared_key("auth-token")
        .unwrap()
        .sign_params_sha256(url, &params)
        .unwrap();
    let err = auth_token_only
        .verify(
            url,
            &headers(&with_token_as_shared_key, Some(settings)),
            body.as_bytes(),
        )
        .unwrap_err();
    assert!(
        matches!(
            err,
            VerifyError::InvalidHeader {
                name: "x-twilio-webhooks-signature-settings",
                ..
            }
        ),
        "{err}"
    );
    assert!(
        err.to_string().contains("no SharedKey is configured"),
        "{err}"
    );
    // The SharedKey does not sign HMAC-SHA1 requests.
    let shared_key_as_token = Verifier::new("shared-key-secret")
        .unwrap()
        .sign_params(url, &params);
    assert!(signed(&shared_key_as_token, None).is_err());
    // And the Webhook takes both.
    let webhook = recording_webhooks::twilio::Webhook::new("auth-token")
        .unwrap()
        .with_shared_key("shared-key-secret")
        .unwrap();
    let received: RecordingStatusCallback = webhook
        .receive(url, &headers(&sha256, Some(settings)), body.as_bytes())
        .unwrap()
        .into_event();
    assert_eq!(received, callback);
}

#[test]
fn secrets_headers_and_debug() {
    assert_eq!(Verifier::new("").unwrap_err(), SecretError::Empty);
    let verifier = Verifier::new("super-secret-token").unwrap();
    assert!(!format!("{verifier:?}").contains("super-secret-token"));
    let none: [(&str, &str); 0] = [];
    assert!(matches!(
        verifier.verify("https://e.com", &none, b""),
        Err(VerifyError::MissingHeader {
            name: "x-twilio-signature",
            ..
        })
    ));
    // SignalWire's header is not Twilio's.
    let signature = verifier.sign_params("https://e.com", &[]);
    let headers = [("X-SignalWire-Signature", signature.as_str())];
    assert!(verifier.verify("https://e.com", &headers, b"").is_err());
    let headers = [("X-Twilio-Signature", signature.as_str())];
    assert_eq!(verifier.verify("https://e.com", &headers, b""), Ok(()));
}

/// twilio-node's `spec/unit/webhooks/webhooks.spec.js`: a signature over
/// `server_url` (no parameters) checked against `target_url`.
#[test]
fn twilio_node_suite_ports_and_urls() {
    let verifier = Verifier::new("s3cr3t").unwrap();
    let check = |server_url: &str, target_url: &str| {
        let signature = verifier.sign_params(server_url, &[]);
        verifier
            .verify(
                target_url,
                &[("X-Twilio-Signature", signature.as_str())],
                b"",
            )
            .is_ok()
    };
    let cases = [
        // The signature URL does not match the target URL.
        (
            "https://example.com/path?test=param",
            "https://example.com/path?test=param2",
            false,
        ),
        // Derived from a URL with the port: target with and without it.
        (
            "https://example.com:443/path?test=param",
            "https://example.com:443/path?test=param",
            true,
        ),
        (
            "https://example.com:443/path?test=param",
            "https://example.com/path?test=param",
            true,
        ),
        // Derived from a URL without the port: target without and with it.
        (
            "https://example.com/path?test=param",
            "https://example.com/path?test=param",
            true,
        ),
        (
            "https://example.com/path?test=param",
            "https://example.com:443/path?test=param",
            true,
        ),
        // A single quote in the query, the same spelling on both sides.
        (
            "https://example.com/path?test=param'WithQuote",
            "https://example.com/path?test=param'WithQuote",
            true,
        ),
        (
            "https://example.com/path?test=param%27WithQuote",
            "https://example.com/path?test=param%27WithQuote",
            true,
        ),
        // And across spellings: twilio-node tries the URL as WHATWG
        // `new URL()` writes it (`'` as `%27`) and with its query
        // re-encoded by the legacy `querystring` (`%27` as `'`).
        (
            "https://example.com/path?test=param'WithQuote",
            "https://example.com/path?test=param%27WithQuote",
            true,
        ),
        (
            "https://example.com/path?test=param%27WithQuote",
            "https://example.com/path?test=param'WithQuote",
            true,
        ),
    ];
    for (server_url, target_url, expected) in cases {
        assert_eq!(
            check(server_url, target_url),
            expected,
            "{server_url} -> {target_url}"
        );
    }
}

/// twilio-node's `spec/validation.spec.js`, "should validate urls with
/// special characters": its signature, over the URL with `'` written
/// `%27`, for the request to the URL with `'`.
#[test]
fn twilio_node_special_characters() {
    let verifier = Verifier::new("12345").unwrap();
    let url = "https://mycompany.com/myapp.php?foo=1&bar=2&Body=It's+amazing";
    let body = b"CallSid=CA1234567890ABCDE&Caller=%2B14158675309&Digits=1234&From=%2B14158675309&To=%2B18005551212";
    let headers = [("X-Twilio-Signature", "TfZzewPq8wqrGlMfyAud8+/IvJ0=")];
    assert_eq!(verifier.verify(url, &headers, body), Ok(()));
    // SignalWire's validators try no other spelling.
    #[cfg(feature = "signalwire")]
    {
        let signalwire = signalwire::Verifier::new("12345").unwrap();
        assert!(signalwire.verify(url, &headers, body).is_err());
    }
}

#[derive(serde::Deserialize)]
struct SpellingCase {
    signed_url: String,
    url: String,
    params: Vec<(String, String)>,
    signature: String,
    node_valid: bool,
    python_valid: bool,
}

/// `fixtures/twilio_signatures/url_spellings.json`: signatures over one
/// spelling of a URL checked at another, with what twilio-node 5 and
/// twilio-python 9 answered. Twilio's verifier accepts what either
/// accepts, and nothing else; SignalWire's, what twilio-python accepts
/// (as given, or with the port changed).
#[test]
fn url_spellings_agree_with_twilio_node_and_twilio_python() {
    #[derive(serde::Deserialize)]
    struct File {
        token: String,
        cases: Vec<SpellingCase>,
    }
    let file: File = serde_json::from_str(include_str!(
        "../fixtures/twilio_signatures/url_spellings.json"
    ))
    .unwrap();
    let twilio = Verifier::new(&file.token).unwrap();
    #[cfg(feature = "signalwire")]
    let signalwire = signalwire::Verifier::new(&file.token).unwrap();
    let (mut node_only, mut rejected) = (0, 0);
    for case in &file.cases {
        let body = serde_urlencoded::to_string(&case.params).unwrap();
        let headers = [("X-Twilio-Signature", case.signature.as_str())];
        let expected = case.node_valid || case.python_valid;
        assert_eq!(
            twilio.verify(&case.url, &headers, body.as_bytes()).is_ok(),
            expected,
            "twilio: signed {} checked at {}",
            case.signed_url,
            case.url
        );
        #[cfg(feature = "signalwire")]
        assert_eq!(
            signalwire
                .verify(&case.url, &headers, body.as_bytes())
                .is_ok(),
            case.python_valid,
            "signalwire: signed {} checked at {}",
            case.signed_url,
            case.url
        );
        node_only += usize::from(case.node_valid && !case.python_valid);
        rejected += usize::from(!expected);
    }
    // The file holds both kinds of case.
    assert!(node_only >= 20 && rejected >= 8, "{node_only} {rejected}");
}

/// The idempotency token through the one-call path: the same on a retry,
/// absent when Twilio sends none, and never in place of verification.
#[test]
fn the_idempotency_token_beside_the_callback() {
    use recording_webhooks::twilio::{AnyCallback, IDEMPOTENCY_TOKEN_HEADER, Webhook};

    let webhook = Webhook::new("12345").unwrap();
    let url = "https://example.com/twilio/events";
    let params = [
        ("AccountSid", "AC1"),
        ("CallSid", "CA1"),
        ("CallStatus", "ringing"),
    ];
    let body = serde_urlencoded::to_string(params).unwrap();
    let signature = webhook.verifier().sign_params(url, &params);
    let headers = [
        ("X-Twilio-Signature", signature.as_str()),
        (
            "I-Twilio-Idempotency-Token",
            "f3c2a1b0-1111-4a2b-8c3d-4e5f6a7b8c9d",
        ),
    ];
    let delivery = webhook
        .receive::<AnyCallback>(url, &headers, body.as_bytes())
        .unwrap();
    assert_eq!(delivery.id(), Some("f3c2a1b0-1111-4a2b-8c3d-4e5f6a7b8c9d"));
    assert!(matches!(delivery.event(), AnyCallback::Voice(_)));
    assert_eq!(IDEMPOTENCY_TOKEN_HEADER, "i-twilio-idempotency-token");

    let without = webhook
        .receive::<AnyCallback>(url, &headers[..1], body.as_bytes())
        .unwrap();
    assert_eq!(without.id(), None);
    assert_eq!(*without.event(), *delivery.event());

    let unsigned = [("I-Twilio-Idempotency-Token", "f3c2a1b0")];
    let err = webhook
        .receive::<AnyCallback>(url, &unsigned, body.as_bytes())
        .unwrap_err();
    assert_eq!(err.status_code(), 401);
}
