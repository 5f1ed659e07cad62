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

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, KeyInit, Mac};
use serde::Deserialize;
use sha2::Sha256;

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

/// `bot.call_ended` as a plain derived struct, the floor a typed parse is
/// set against.
#[derive(Deserialize)]
#[allow(dead_code)]
struct Plain {
    event: String,
    data: PlainData,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct PlainData {
    data: PlainStatus,
    bot: PlainResource,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct PlainStatus {
    code: String,
    sub_code: Option<String>,
    updated_at: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct PlainResource {
    id: String,
    metadata: Option<serde_json::Map<String, serde_json::Value>>,
}

/// A 932-byte `bot.call_ended`: the fixture with the metadata a real bot
/// carries, padded to size.
fn call_ended_932() -> Vec<u8> {
    let head = r#"{"event":"bot.call_ended","data":{"data":{"code":"call_ended","sub_code":"call_ended_by_host","updated_at":"2025-03-04T10:21:17.930451+00:00"},"bot":{"id":"92e24581-f82b-401a-8f75-88e64b04c24e","metadata":{"customer":"acme-industries","workspace_id":"ws_8f2c61a0","meeting_url":"https://us06web.zoom.us/j/87565330005?pwd=Zm9vYmFy","requested_by":"ada@example.com","notes":""#;
    let tail = r#""}}}}"#;
    let mut body = head.to_owned();
    while body.len() + tail.len() < 932 {
        body.push('x');
    }
    body.push_str(tail);
    assert_eq!(body.len(), 932);
    body.into_bytes()
}

fn floor(c: &mut Criterion) {
    let webhook = Webhook::new(SECRET).unwrap();
    let key = STANDARD
        .decode(SECRET.trim_start_matches("whsec_"))
        .unwrap();
    let body = call_ended_932();
    let now = time::OffsetDateTime::now_utc();
    let timestamp = now.unix_timestamp().to_string();
    let mut headers = HeaderMap::new();
    headers.insert("webhook-id", HeaderValue::from_static(MSG_ID));
    headers.insert(
        "webhook-timestamp",
        HeaderValue::from_str(&timestamp).unwrap(),
    );
    let signature = webhook.verifier().sign(MSG_ID, now.unix_timestamp(), &body);
    headers.insert(
        "webhook-signature",
        HeaderValue::from_str(&signature).unwrap(),
    );
    let expected = STANDARD.decode(&signature[3..]).unwrap();
    webhook.receive_at(&headers, &body, now).unwrap();
    serde_json::from_slice::<Plain>(&body).unwrap();

    let mut group = c.benchmark_group("recall_receive_floor");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("receive_at/bot.call_ended-932B", |b| {
        b.iter(|| {
            webhook
                .receive_at(black_box(&headers), black_box(&body), now)
                .unwrap()
        })
    });
    group.bench_function("verify_at/bot.call_ended-932B", |b| {
        b.iter(|| {
            webhook
                .verifier()
                .verify_at(black_box(&headers), black_box(&body), now)
                .unwrap()
        })
    });
    group.bench_function("parse/bot.call_ended-932B", |b| {
        b.iter(|| Event::from_slice(black_box(&body)).unwrap())
    });
    group.bench_function("plain-struct/bot.call_ended-932B", |b| {
        b.iter(|| serde_json::from_slice::<Plain>(black_box(&body)).unwrap())
    });
    group.bench_function("bare-hmac+plain-struct/bot.call_ended-932B", |b| {
        b.iter(|| {
            let mut mac = Hmac::<Sha256>::new_from_slice(black_box(&key)).unwrap();
            mac.update(MSG_ID.as_bytes());
            mac.update(b".");
            mac.update(timestamp.as_bytes());
            mac.update(b".");
            mac.update(black_box(&body));
            mac.verify_slice(black_box(&expected)).unwrap();
            serde_json::from_slice::<Plain>(black_box(&body)).unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, bench, floor);
criterion_main!(benches);
