//! `telnyx::Webhook::receive_at` and `receive_callback_at` with fuzzed
//! headers and body: never a panic, and a verified body kept exactly when
//! it verified.
#![no_main]

use libfuzzer_sys::fuzz_target;
use recording_webhooks::telnyx::{AnyCallback, Webhook};

#[path = "split.rs"]
mod split;

fuzz_target!(|data: &[u8]| {
    let webhook = Webhook::new("SBO4g1MoMXJfqu2e+asjEJLyK5xoox1cqi85p5oDPIs=").unwrap();
    let (headers, body) = split::request(data);
    let now = time::OffsetDateTime::from_unix_timestamp(1_767_225_630).unwrap();
    let verified = webhook.verifier().verify_at(&headers, body, now).is_ok();
    let kept = |err: recording_webhooks::Error| match err.verified_body() {
        Some(kept) => {
            assert_eq!(kept, body);
            assert!(verified);
        }
        None => assert!(!verified),
    };
    match webhook.receive_at(&headers, body, now) {
        Ok(delivery) => {
            assert!(verified);
            assert_eq!(delivery.id(), Some(delivery.event().id()));
        }
        Err(err) => kept(err),
    }
    match webhook.receive_callback_at::<AnyCallback>(&headers, body, now) {
        Ok(_) => assert!(verified),
        Err(err) => kept(err),
    }
});
