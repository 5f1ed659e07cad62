//! The URL-signed `Webhook`s (SignalWire's and Twilio's rules) with fuzzed
//! URLs, headers and forms: the first line is the URL, then header lines, a
//! blank line, and the body. Never a panic; whatever is accepted verified
//! and reads back from its own form.
#![no_main]

use libfuzzer_sys::fuzz_target;
use recording_webhooks::signalwire::{RecordingStatusCallback, StatusCallback};
use recording_webhooks::{signalwire, twilio};

#[path = "split.rs"]
mod split;

fuzz_target!(|data: &[u8]| {
    let (url, rest) = match data.iter().position(|b| *b == b'\n') {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &data[data.len()..]),
    };
    let url = String::from_utf8_lossy(url);
    let (headers, body) = split::request(rest);
    let signalwire = signalwire::Webhook::new("PSK_fuzz").unwrap();
    let twilio = twilio::Webhook::new("fuzz_auth_token").unwrap();

    match signalwire.receive::<RecordingStatusCallback>(&url, &headers, body) {
        Ok(delivery) => {
            assert!(signalwire.verifier().verify(&url, &headers, body).is_ok());
            let callback = delivery.event();
            let again = RecordingStatusCallback::from_form(callback.to_form().as_bytes())
                .expect("a callback's own form reads back");
            assert_eq!(again.recording_sid, callback.recording_sid);
        }
        // The body is kept exactly when it verified.
        Err(err) => assert_eq!(
            err.verified_body().is_some(),
            signalwire.verifier().verify(&url, &headers, body).is_ok()
        ),
    }
    let _ = twilio.receive::<StatusCallback>(&url, &headers, body);
    let _ = signalwire.receive_query::<StatusCallback>(&url, &headers);
    let _ = twilio.receive_query::<RecordingStatusCallback>(&url, &headers);
    let _ = signalwire.public_url(&url, &headers);
});
