//! Verifying one Svix-signed request: this crate against the `svix` and
//! `standardwebhooks` crates, and against a bare HMAC-SHA256 over the same
//! signed content (keyed afresh per request, as a hand-written verifier
//! would), at 1 KiB, 64 KiB and 1 MiB bodies.
//!
//! ```sh
//! cargo bench -p recording-webhooks-bench --bench svix_verify
//! ```

use std::hint::black_box;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use hmac::{Hmac, KeyInit, Mac};
use http::{HeaderMap, HeaderValue};
use sha2::Sha256;

const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const MSG_ID: &str = "msg_2rXoVnQ7JrIxm1o6gWvZRH7aMGK";

/// A Recall-shaped JSON body padded to `size` bytes.
fn body(size: usize) -> Vec<u8> {
    let head = br#"{"event":"transcript.data","data":{"data":{"words":[],"participant":{"id":1,"name":"Ada"}},"padding":""#;
    let mut body = head.to_vec();
    body.resize(size.saturating_sub(3), b'x');
    body.extend_from_slice(b"\"}}");
    body
}

fn bench(c: &mut Criterion) {
    let ours = recording_webhooks::svix::Verifier::new(SECRET).unwrap();
    let svix = svix::webhooks::Webhook::new(SECRET).unwrap();
    let standard = standardwebhooks::Webhook::new(SECRET).unwrap();
    let key = STANDARD
        .decode(SECRET.trim_start_matches("whsec_"))
        .unwrap();

    let mut group = c.benchmark_group("svix_verify");
    for (label, size) in [("1KiB", 1 << 10), ("64KiB", 64 << 10), ("1MiB", 1 << 20)] {
        let body = body(size);
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let timestamp = now.to_string();
        let signature = ours.sign(MSG_ID, now, &body);
        let mut headers = HeaderMap::new();
        headers.insert("webhook-id", HeaderValue::from_static(MSG_ID));
        headers.insert(
            "webhook-timestamp",
            HeaderValue::from_str(&timestamp).unwrap(),
        );
        headers.insert(
            "webhook-signature",
            HeaderValue::from_str(&signature).unwrap(),
        );
        let expected = STANDARD.decode(&signature[3..]).unwrap();

        // Every contender must accept the request before it is timed.
        ours.verify(&headers, &body).unwrap();
        svix.verify(&body, &headers).unwrap();
        standard.verify(&body, &headers).unwrap();

        group.throughput(Throughput::Bytes(size as u64));
        group.bench_with_input(
            BenchmarkId::new("recording-webhooks", label),
            &body,
            |b, body| b.iter(|| ours.verify(black_box(&headers), black_box(body)).unwrap()),
        );
        group.bench_with_input(
            BenchmarkId::new("bare-hmac-sha256", label),
            &body,
            |b, body| {
                b.iter(|| {
                    let mut mac = Hmac::<Sha256>::new_from_slice(black_box(&key)).unwrap();
                    mac.update(MSG_ID.as_bytes());
                    mac.update(b".");
                    mac.update(timestamp.as_bytes());
                    mac.update(b".");
                    mac.update(black_box(body));
                    mac.verify_slice(black_box(&expected)).unwrap()
                })
            },
        );
        group.bench_with_input(BenchmarkId::new("svix", label), &body, |b, body| {
            b.iter(|| svix.verify(black_box(body), black_box(&headers)).unwrap())
        });
        group.bench_with_input(
            BenchmarkId::new("standardwebhooks", label),
            &body,
            |b, body| {
                b.iter(|| {
                    standard
                        .verify(black_box(body), black_box(&headers))
                        .unwrap()
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
