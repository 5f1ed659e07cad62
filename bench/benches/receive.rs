//! `recall::Webhook::receive` (verify, then parse) against its two halves
//! timed apart, on real-shaped Recall bodies with an `http::HeaderMap`.
//! The one call should cost their sum and nothing more.
//!
//! ```sh
//! cargo bench -p recording-webhooks-bench --bench receive
//! ```

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use http::{HeaderMap, HeaderValue};
use recording_webhooks::recall::{Event, Webhook};

const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const MSG_ID: &str = "msg_2rXoVnQ7JrIxm1o6gWvZRH7aMGK";

/// A fixture as Recall sends it: compact, keys in their order.
fn compact(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/../fixtures/recall/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let event = Event::from_slice(&std::fs::read(path).unwrap()).unwrap();
    serde_json::to_vec(&event).unwrap()
}

fn bench(c: &mut Criterion) {
    let webhook = Webhook::new(SECRET).unwrap();
    let mut group = c.benchmark_group("recall_receive");
    for name in ["bot.call_ended", "transcript.data"] {
        let body = compact(name);
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let mut headers = HeaderMap::new();
        headers.insert("webhook-id", HeaderValue::from_static(MSG_ID));
        headers.insert("webhook-timestamp", HeaderValue::from(now));
        let signature = webhook.verifier().sign(MSG_ID, now, &body);
        headers.insert(
            "webhook-signature",
            HeaderValue::from_str(&signature).unwrap(),
        );
        webhook.receive(&headers, &body).unwrap();

        group.throughput(Throughput::Bytes(body.len() as u64));
        group.bench_with_input(BenchmarkId::new("receive", name), &body, |b, body| {
            b.iter(|| {
                webhook
                    .receive(black_box(&headers), black_box(body))
                    .unwrap()
            })
        });
        group.bench_with_input(BenchmarkId::new("verify", name), &body, |b, body| {
            b.iter(|| {
                webhook
                    .verifier()
                    .verify(black_box(&headers), black_box(body))
                    .unwrap()
            })
        });
        group.bench_with_input(BenchmarkId::new("parse", name), &body, |b, body| {
            b.iter(|| Event::from_slice(black_box(body)).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
