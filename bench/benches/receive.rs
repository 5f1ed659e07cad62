//! `recall::Webhook::receive` (verify, then parse) against its two halves
//! timed apart, on real-shaped Recall bodies with an `http::HeaderMap`.
//! The one call should cost their sum and nothing more.
//!
//! `recall_receive_floor` sets `receive_at` on a 932-byte `bot.call_ended`
//! beside the least a hand-written handler could do with the same bytes: a
//! freshly keyed HMAC-SHA256 over the signed content, then
//! `serde_json::from_slice` into a plain derived struct with the same
//! fields (strings for the codes and the time, no checks).
//!
//! ```sh
//! cargo bench -p recording-webhooks-bench --bench receive
//! ```

use std::hint::black_box;

#[path = "common/floor.rs"]
mod floor;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use http::{HeaderMap, HeaderValue};
use recording_webhooks::recall::{Event, Webhook};

use floor::{MSG_ID, SECRET};

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

fn floor(c: &mut Criterion) {
    let request = floor::Request::call_ended_932();
    let (webhook, body, headers, now) = (
        &request.webhook,
        &request.body,
        &request.headers,
        request.now,
    );

    let mut group = c.benchmark_group("recall_receive_floor");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("receive_at/bot.call_ended-932B", |b| {
        b.iter(|| request.receive_at())
    });
    group.bench_function("verify_at/bot.call_ended-932B", |b| {
        b.iter(|| {
            webhook
                .verifier()
                .verify_at(black_box(headers), black_box(body), now)
                .unwrap()
        })
    });
    group.bench_function("parse/bot.call_ended-932B", |b| {
        b.iter(|| Event::from_slice(black_box(body)).unwrap())
    });
    group.bench_function("plain-struct/bot.call_ended-932B", |b| {
        b.iter(|| serde_json::from_slice::<floor::Plain>(black_box(body)).unwrap())
    });
    group.bench_function("bare-hmac+plain-struct/bot.call_ended-932B", |b| {
        b.iter(|| request.floor())
    });
    group.finish();
}

criterion_group!(benches, bench, floor);
criterion_main!(benches);
