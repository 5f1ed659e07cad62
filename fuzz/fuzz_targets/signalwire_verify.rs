//! `signalwire::Verifier::verify` with a fuzzed URL (the first header
//! line's value when named `url`), headers and body.
#![no_main]

use libfuzzer_sys::fuzz_target;
use recording_webhooks::signalwire::Verifier;

#[path = "split.rs"]
mod split;

fuzz_target!(|data: &[u8]| {
    let verifier = Verifier::new("PSK_V3bF8oyeRNpJWGoRWHNYQMUU").unwrap();
    let (headers, body) = split::request(data);
    let url = headers
        .iter()
        .find(|(n, _)| n == "url")
        .map_or("https://example.com/cb?x=1", |(_, v)| v.as_str())
        .to_owned();
    let _ = verifier.verify(&url, &headers, body);
});
