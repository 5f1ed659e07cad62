//! `daily::Verifier::verify_at` with fuzzed headers and body.
#![no_main]

use libfuzzer_sys::fuzz_target;
use recording_webhooks::daily::Verifier;

#[path = "split.rs"]
mod split;

fuzz_target!(|data: &[u8]| {
    let verifier = Verifier::new("ZXhhbXBsZS1kYWlseS13ZWJob29rLXNlY3JldC0zMmI=").unwrap();
    let (headers, body) = split::request(data);
    let now = time::OffsetDateTime::from_unix_timestamp(1_692_124_192).unwrap();
    let _ = verifier.verify_at(&headers, body, now);
});
