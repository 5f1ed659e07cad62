//! Property tests: no body, query, URL or header panics SignalWire's parsers
//! or verifier, and what the verifier signs it verifies.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.
#![cfg(feature = "signalwire")]

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
            Err(err) => prop_assert!(key.is_empty() || key.trim() != key, "{err}"),
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

/// Every optional parameter the callbacks type, with the value shapes that
/// arrive in real traffic, and any text at all.
fn optional_value() -> impl Strategy<Value = (&'static str, String)> {
    let name = prop::sample::select(vec![
        "CallSid",
        "RecordingUrl",
        "RecordingDuration",
        "RecordingChannels",
        "RecordingSource",
        "RecordingStartTime",
        "RecordingTrack",
        "ErrorCode",
        "ConferenceSid",
        "ApiVersion",
    ]);
    let value = prop_oneof![
        Just(String::new()),
        "-?[0-9]{1,25}(\\.[0-9]{0,5})?",
        "(Mon|Tue|Thu|Sat), [0-9]{1,2} (Jan|Nov) 20[0-9]{2} [0-2][0-9]:[0-5][0-9]:[0-5][0-9] ([+-][0-9]{4}|GMT|UT|Z|EST|PDT)",
        any::<String>(),
    ];
    (name, value)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    /// A callback whose required parameters are there never fails, whatever
    /// its optional values; it writes back the same parameters as a form and
    /// reads back equal from JSON.
    #[test]
    fn any_optional_value_parses_and_round_trips(values in prop::collection::vec(optional_value(), 0..6)) {
        let mut pairs = vec![("AccountSid", "a".to_owned()), ("RecordingSid", "r".to_owned()), ("RecordingStatus", "completed".to_owned())];
        pairs.extend(values.iter().map(|(name, value)| (*name, value.clone())));
        let body = serde_urlencoded::to_string(&pairs).unwrap();
        let callback = RecordingStatusCallback::from_form(body.as_bytes())
            .unwrap_or_else(|err| panic!("{body}: {err}"));
        let mut sent: Vec<(String, String)> = serde_urlencoded::from_str(&body).unwrap();
        let mut written: Vec<(String, String)> = serde_urlencoded::from_str(&callback.to_form()).unwrap();
        // Canonical numbers write back canonically; compare typed values as
        // they read back instead of as text.
        let again = RecordingStatusCallback::from_form(callback.to_form().as_bytes()).unwrap();
        prop_assert_eq!(&again, &callback);
        sent.sort();
        written.sort();
        prop_assert_eq!(sent.len(), written.len());
        let json = serde_json::to_string(&callback).unwrap();
        let from_json = RecordingStatusCallback::from_body(json.as_bytes()).unwrap();
        prop_assert_eq!(from_json, callback);
    }
}
