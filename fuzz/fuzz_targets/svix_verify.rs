//! `svix::Verifier::verify_at` with fuzzed headers and body, as pairs and
//! as an `http::HeaderMap` with raw bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use recording_webhooks::svix::Verifier;

#[path = "split.rs"]
mod split;

fuzz_target!(|data: &[u8]| {
    let verifier = Verifier::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
    let now = time::OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap();
    let (headers, body) = split::request(data);
    let _ = verifier.verify_at(&headers, body, now);
    let mut map = http::HeaderMap::new();
    for (name, value) in &headers {
        if let (Ok(name), Ok(value)) = (http::HeaderName::try_from(name.as_str()), http::HeaderValue::from_bytes(value.as_bytes())) {
            map.append(name, value);
        }
    }
    let _ = verifier.verify_at(&map, body, now);
});
