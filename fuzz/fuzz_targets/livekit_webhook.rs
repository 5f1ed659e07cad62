//! `livekit::Webhook::receive_at` with fuzzed headers and body: never a
//! panic, and a verified body kept exactly when it verified.
#![no_main]

use libfuzzer_sys::fuzz_target;
use recording_webhooks::livekit::Webhook;

#[path = "split.rs"]
mod split;

fuzz_target!(|data: &[u8]| {
    let webhook = Webhook::new("APIkey123", "secret-that-is-at-least-32-bytes-long!!").unwrap();
    let (headers, body) = split::request(data);
    let now = time::OffsetDateTime::from_unix_timestamp(1_767_225_700).unwrap();
    let verified = webhook.verifier().verify_at(&headers, body, now).is_ok();
    match webhook.receive_at(&headers, body, now) {
        Ok(delivery) => {
            assert!(verified);
            assert_eq!(delivery.id(), delivery.event().id());
        }
        Err(err) => match err.verified_body() {
            Some(kept) => {
                assert_eq!(kept, body);
                assert!(verified);
            }
            None => assert!(!verified),
        },
    }
});
