//! Property tests: no body, query, URL or header panics SignalWire's parsers
//! or verifier, and what the verifier signs it verifies.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.

use proptest::prelude::*;
use recording_webhooks::signalwire::{
    RecordingStatusCallback, StatusCallback, TranscribeCallback, Verifier,
};

fn url() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "(https?|ftp)://[a-z0-9.\\[\\]:@]{0,30}(:[0-9]{0,6})?(/[a-z%0-9]{0,10}){0,3}(\\?[a-zA-Z0-9=&%]{0,40})?",
        "https://h/x\\?bodySHA256=[0-9a-f]{0,64}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_input_never_panics(
        key in any::<String>(),
        url in url(),
        signature in prop_oneof![any::<String>(), "[A-Za-z0-9+/=]{0,40}", "[0-9a-f]{40}"],
        header in prop_oneof![Just("X-SignalWire-Signature".to_owned()), Just("X-Twilio-Signature".to_owned()), any::<String>()],
        body in prop_oneof![prop::collection::vec(any::<u8>(), 0..256), "([A-Za-z%+0-9]{0,8}=[A-Za-z%+0-9&=]{0,12}&?){0,8}".prop_map(String::into_bytes)],
    ) {
        match Verifier::new(&key) {
            Ok(verifier) => { let _ = verifier.verify(&url, &[(header, signature)], &body); }
            Err(err) => prop_assert!(key.is_empty(), "{err}"),
        }
        let _ = RecordingStatusCallback::from_form(&body);
        let _ = StatusCallback::from_form(&body);
        let _ = TranscribeCallback::from_form(&body);
        let _ = RecordingStatusCallback::from_query(&String::from_utf8_lossy(&body));
    }

    #[test]
    fn signed_forms_verify(
        key in "[A-Za-z0-9_]{1,30}",
        params in prop::collection::vec(("[A-Za-z]{1,8}", any::<String>()), 0..8),
        default_port in any::<bool>(),
    ) {
        let verifier = Verifier::new(&key).unwrap();
        let pairs: Vec<(&str, &str)> = params.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        let body = serde_urlencoded::to_string(&pairs).unwrap();
        let signed_url = if default_port { "https://example.com:443/cb" } else { "https://example.com/cb" };
        let signature = verifier.sign_params(signed_url, &pairs);
        prop_assert!(verifier.verify("https://example.com/cb", &[("X-SignalWire-Signature", signature)], body.as_bytes()).is_ok());
    }
}
