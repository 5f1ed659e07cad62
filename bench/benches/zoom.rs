//! Zoom: verifying one signed request against a bare HMAC-SHA256 over the
//! same message (keyed afresh per request, hex-compared, as a hand-written
//! verifier would), and receiving `recording.completed` against its halves
//! and against parsing the body into `serde_json::Value`.
//!
//! ```sh
//! cargo bench -p recording-webhooks-bench --bench zoom
//! ```

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use hmac::{Hmac, KeyInit, Mac};
use http::{HeaderMap, HeaderValue};
use recording_webhooks::zoom::{Event, Verifier, Webhook};
use sha2::Sha256;

const TOKEN: &str = "zoom-test-secret-token-0001";
const COMPLETED: &[u8] = include_bytes!("../../fixtures/zoom/recording.completed.json");

/// A Zoom-shaped JSON body padded to `size` bytes.
fn body(size: usize) -> Vec<u8> {
    let head = br#"{"event":"recording.started","event_ts":1772442005123,"payload":{"account_id":"a","padding":""#;
    let mut body = head.to_vec();
    body.resize(size.saturating_sub(3), b'x');
    body.extend_from_slice(b"\"}}");
    body
}

fn headers(verifier: &Verifier, at: i64, body: &[u8]) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(
        "x-zm-request-timestamp",
        HeaderValue::from_str(&at.to_string()).unwrap(),
    );
    headers.insert(
        "x-zm-signature",
        HeaderValue::from_str(&verifier.sign(at, body)).unwrap(),
    );
    headers
}

fn bare_hex(timestamp: &str, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(TOKEN.as_bytes()).unwrap();
    mac.update(b"v0:");
    mac.update(timestamp.as_bytes());
    mac.update(b":");
    mac.update(body);
    let bytes = mac.finalize().into_bytes();
    let mut hex = String::with_capacity(67);
    hex.push_str("v0=");
    for byte in bytes {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}

fn verify(c: &mut Criterion) {
    let verifier = Verifier::new(TOKEN).unwrap();
    let mut group = c.benchmark_group("zoom_verify");
    for (label, size) in [("1KiB", 1 << 10), ("64KiB", 64 << 10)] {
        let body = body(size);
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let headers = headers(&verifier, now, &body);
        let timestamp = now.to_string();
        let signature = verifier.sign(now, &body);
        verifier.verify(&headers, &body).unwrap();
        assert_eq!(bare_hex(&timestamp, &body), signature);

        group.throughput(Throughput::Bytes(size as u64));
        group.bench_with_input(
            BenchmarkId::new("recording-webhooks", label),
            &body,
            |b, body| {
                b.iter(|| {
                    verifier
                        .verify(black_box(&headers), black_box(body))
                        .unwrap()
                })
            },
        );
        group.bench_with_input(
            BenchmarkId::new("bare-hmac-sha256-hex", label),
            &body,
            |b, body| {
                b.iter(|| {
                    assert!(bare_hex(black_box(&timestamp), black_box(body)) == signature);
                })
            },
        );
    }
    group.finish();
}

fn receive(c: &mut Criterion) {
    let webhook = Webhook::new(TOKEN).unwrap();
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let headers = headers(webhook.verifier(), now, COMPLETED);
    webhook.receive(&headers, COMPLETED).unwrap();

    let mut group = c.benchmark_group("zoom_receive");
    group.throughput(Throughput::Bytes(COMPLETED.len() as u64));
    group.bench_function("receive/recording.completed", |b| {
        b.iter(|| {
            webhook
                .receive(black_box(&headers), black_box(COMPLETED))
                .unwrap()
        })
    });
    group.bench_function("verify/recording.completed", |b| {
        b.iter(|| {
            webhook
                .verifier()
                .verify(black_box(&headers), black_box(COMPLETED))
                .unwrap()
        })
    });
    group.bench_function("parse/recording.completed", |b| {
        b.iter(|| Event::from_slice(black_box(COMPLETED)).unwrap())
    });
    group.bench_function("serde_json_value/recording.completed", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(COMPLETED)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, verify, receive);
criterion_main!(benches);
