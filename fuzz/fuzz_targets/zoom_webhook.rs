//! `zoom::Webhook::receive_at` with fuzzed headers and body: never a panic,
//! and a URL validation answer only for a request that verified.
#![no_main]

use libfuzzer_sys::fuzz_target;
use recording_webhooks::zoom::{Event, Webhook};

#[path = "split.rs"]
mod split;

fuzz_target!(|data: &[u8]| {
    let webhook = Webhook::new("zoom-test-secret-token-0001").unwrap();
    let (headers, body) = split::request(data);
    let now = time::OffsetDateTime::from_unix_timestamp(1_739_923_528).unwrap();
    match webhook.receive_at(&headers, body, now) {
        Ok(delivery) => {
            assert!(webhook.verifier().verify_at(&headers, body, now).is_ok());
            if let Some(answer) = delivery.url_validation_response() {
                assert!(matches!(delivery.event(), Event::EndpointUrlValidation(_)));
                assert!(answer.plain_token.len() <= 128);
            }
        }
        // The body is kept exactly when it verified, and it is the body.
        Err(err) => match err.verified_body() {
            Some(kept) => {
                assert_eq!(kept, body);
                assert!(webhook.verifier().verify_at(&headers, body, now).is_ok());
            }
            None => assert!(webhook.verifier().verify_at(&headers, body, now).is_err()),
        },
    }
});
