//! LiveKit: verifying a 1 KiB delivery against its floor (one HMAC-SHA256
//! over the token's signing input, keyed afresh, plus one SHA-256 over the
//! body, each compared with what the token carries), and parsing
//! `egress_ended` into its typed event against parsing it into
//! `serde_json::Value`.
//!
//! ```sh
//! cargo bench -p recording-webhooks-bench --bench livekit
//! ```

use std::hint::black_box;

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use hmac::{Hmac, KeyInit, Mac};
use recording_webhooks::livekit::{Event, Verifier};
use sha2::{Digest, Sha256};

const KEY: &str = "APIkey123";
const SECRET: &str = "secret-that-is-at-least-32-bytes-long!!";
const EGRESS_ENDED: &[u8] = include_bytes!("../../fixtures/livekit/egress_ended.json");

/// A LiveKit-shaped body padded to `size` bytes.
fn body(size: usize) -> Vec<u8> {
    let head = br#"{"event":"egress_updated","id":"EV_3kTqV9uYbHxX","createdAt":"1767225600","egressInfo":{"egressId":"EG_hP5bmxZ2Ab7c","status":"EGRESS_ACTIVE","details":""#;
    let mut body = head.to_vec();
    body.resize(size.saturating_sub(3), b'x');
    body.extend_from_slice(b"\"}}");
    body
}

fn verify(c: &mut Criterion) {
    let verifier = Verifier::new(KEY, SECRET).unwrap();
    let body = body(1 << 10);
    let now = time::OffsetDateTime::now_utc();
    let token = verifier.sign(&body, now.unix_timestamp());
    let headers = [("authorization", token.as_str())];
    verifier.verify_at(&headers, &body, now).unwrap();

    // What the floor compares against: the token's signature and hash.
    let (signing_input, signature) = token.rsplit_once('.').unwrap();
    let signature = URL_SAFE_NO_PAD.decode(signature).unwrap();
    let claims = URL_SAFE_NO_PAD
        .decode(signing_input.split('.').nth(1).unwrap())
        .unwrap();
    let claims: serde_json::Value = serde_json::from_slice(&claims).unwrap();
    let hash = STANDARD.decode(claims["sha256"].as_str().unwrap()).unwrap();

    let mut group = c.benchmark_group("livekit_verify");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("recording-webhooks/1KiB", |b| {
        b.iter(|| {
            verifier
                .verify_at(black_box(&headers), black_box(&body), now)
                .unwrap()
        })
    });
    group.bench_function("floor-hmac-plus-sha256/1KiB", |b| {
        b.iter(|| {
            let mut mac = Hmac::<Sha256>::new_from_slice(SECRET.as_bytes()).unwrap();
            mac.update(black_box(signing_input).as_bytes());
            assert!(mac.finalize().into_bytes().as_slice() == signature.as_slice());
            assert!(Sha256::digest(black_box(&body)).as_slice() == hash.as_slice());
        })
    });
    group.finish();
}

fn parse(c: &mut Criterion) {
    Event::from_slice(EGRESS_ENDED).unwrap();
    let mut group = c.benchmark_group("livekit_parse");
    group.throughput(Throughput::Bytes(EGRESS_ENDED.len() as u64));
    group.bench_function("typed/egress_ended", |b| {
        b.iter(|| Event::from_slice(black_box(EGRESS_ENDED)).unwrap())
    });
    group.bench_function("serde_json_value/egress_ended", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(EGRESS_ENDED)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, verify, parse);
criterion_main!(benches);
