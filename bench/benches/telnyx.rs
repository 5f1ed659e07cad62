//! Telnyx: verifying a 1 KiB delivery against its floor (a bare
//! `ed25519-dalek` strict verification of the same signed message, built
//! beforehand), and parsing `call.recording.saved` into its typed event
//! against parsing it into `serde_json::Value`.
//!
//! ```sh
//! cargo bench -p recording-webhooks-bench --bench telnyx
//! ```

use std::hint::black_box;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ed25519_dalek::{Signer as _, SigningKey};
use recording_webhooks::telnyx::{Event, Verifier};
use sha2::Digest as _;

const SAVED: &[u8] = include_bytes!("../../fixtures/telnyx/call.recording.saved.json");

/// A Telnyx-shaped body padded to `size` bytes.
fn body(size: usize) -> Vec<u8> {
    let head = br#"{"data":{"event_type":"call.hangup","id":"0ccc7b54-4df3-4bca-a65a-3da1ecc777f0","payload":{"call_control_id":"v3:x","padding":""#;
    let mut body = head.to_vec();
    body.resize(size.saturating_sub(4), b'x');
    body.extend_from_slice(b"\"}}}");
    body
}

fn verify(c: &mut Criterion) {
    let seed: [u8; 32] = sha2::Sha256::digest(b"recording-webhooks telnyx test seed").into();
    let key = SigningKey::from_bytes(&seed);
    let public = key.verifying_key();
    let verifier = Verifier::new(&STANDARD.encode(public.as_bytes())).unwrap();
    let body = body(1 << 10);
    let now = time::OffsetDateTime::now_utc();
    let timestamp = now.unix_timestamp().to_string();
    let message = [timestamp.as_bytes(), b"|", &body].concat();
    let signature = key.sign(&message);
    let encoded = STANDARD.encode(signature.to_bytes());
    let headers = [
        ("telnyx-timestamp", timestamp.as_str()),
        ("telnyx-signature-ed25519", encoded.as_str()),
    ];
    verifier.verify_at(&headers, &body, now).unwrap();

    let mut group = c.benchmark_group("telnyx_verify");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("recording-webhooks/1KiB", |b| {
        b.iter(|| {
            verifier
                .verify_at(black_box(&headers), black_box(&body), now)
                .unwrap()
        })
    });
    group.bench_function("bare-ed25519-dalek/1KiB", |b| {
        b.iter(|| {
            public
                .verify_strict(black_box(&message), black_box(&signature))
                .unwrap()
        })
    });
    group.finish();
}

fn parse(c: &mut Criterion) {
    Event::from_slice(SAVED).unwrap();
    let mut group = c.benchmark_group("telnyx_parse");
    group.throughput(Throughput::Bytes(SAVED.len() as u64));
    group.bench_function("typed/call.recording.saved", |b| {
        b.iter(|| Event::from_slice(black_box(SAVED)).unwrap())
    });
    group.bench_function("serde_json_value/call.recording.saved", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(SAVED)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, verify, parse);
criterion_main!(benches);
