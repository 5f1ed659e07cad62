//! Twilio's and SignalWire's form callbacks: reading the Voice URL request
//! Twilio sends for an incoming call (its full parameter set, 1 KB) and a
//! SignalWire status callback with its call-quality figures, beside
//! decoding the same form into bare string pairs; and verifying the Twilio
//! request beside a bare HMAC-SHA1 over the same signed text.
//!
//! ```sh
//! cargo bench -p recording-webhooks-bench --bench callbacks
//! ```

use std::hint::black_box;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use hmac::{Hmac, KeyInit, Mac};
use recording_webhooks::twilio::{AnyCallback, StatusCallback, Verifier, VoiceRequest};
use sha1::Sha1;

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(format!("{}/../fixtures/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn bench(c: &mut Criterion) {
    let voice = fixture("twilio/voice.inbound.form");
    let status = fixture("signalwire/call-status.completed+quality.form");

    let mut group = c.benchmark_group("callbacks");
    group.throughput(Throughput::Bytes(voice.len() as u64));
    group.bench_function("VoiceRequest::from_form/twilio-voice.inbound", |b| {
        b.iter(|| VoiceRequest::from_form(black_box(&voice)).unwrap())
    });
    group.bench_function("AnyCallback::from_form/twilio-voice.inbound", |b| {
        b.iter(|| AnyCallback::from_form(black_box(&voice)).unwrap())
    });
    group.bench_function("string-pairs/twilio-voice.inbound", |b| {
        b.iter(|| serde_urlencoded::from_bytes::<Vec<(String, String)>>(black_box(&voice)).unwrap())
    });
    group.throughput(Throughput::Bytes(status.len() as u64));
    group.bench_function("StatusCallback::from_form/signalwire-quality", |b| {
        b.iter(|| StatusCallback::from_form(black_box(&status)).unwrap())
    });
    group.bench_function("string-pairs/signalwire-quality", |b| {
        b.iter(|| {
            serde_urlencoded::from_bytes::<Vec<(String, String)>>(black_box(&status)).unwrap()
        })
    });
    group.finish();

    // Verification: the crate's verifier against a bare HMAC-SHA1 over the
    // URL and the sorted parameters (what Twilio signs), both from the
    // token, both checking the same signature.
    let url = "https://example.com/twilio/voice";
    let token = "12345";
    let verifier = Verifier::new(token).unwrap();
    let mut pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&voice).unwrap();
    let borrowed: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let signature = verifier.sign_params(url, &borrowed);
    let headers = [("X-Twilio-Signature", signature.as_str())];
    let mut group = c.benchmark_group("twilio_verify");
    group.throughput(Throughput::Bytes(voice.len() as u64));
    group.bench_function("Verifier::verify/twilio-voice.inbound", |b| {
        b.iter(|| {
            verifier
                .verify(url, black_box(&headers), black_box(&voice))
                .unwrap()
        })
    });
    pairs.sort();
    group.bench_function("bare-hmac-sha1/twilio-voice.inbound", |b| {
        b.iter(|| {
            let pairs: Vec<(String, String)> =
                serde_urlencoded::from_bytes(black_box(&voice)).unwrap();
            let mut pairs = pairs;
            pairs.sort();
            let mut mac = <Hmac<Sha1> as KeyInit>::new_from_slice(token.as_bytes()).unwrap();
            mac.update(url.as_bytes());
            for (name, value) in &pairs {
                mac.update(name.as_bytes());
                mac.update(value.as_bytes());
            }
            let expected = STANDARD.encode(mac.finalize().into_bytes());
            assert_eq!(expected, signature);
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
