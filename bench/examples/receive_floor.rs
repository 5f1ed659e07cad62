//! `receive_at` and its floor (a fresh HMAC-SHA256 plus a plain derived
//! struct) run N times each, for counting instructions under callgrind,
//! which this machine's timings are too noisy to compare:
//!
//! ```sh
//! cargo build --release -p recording-webhooks-bench --example receive_floor
//! valgrind --tool=callgrind target/release/examples/receive_floor ours 20000
//! valgrind --tool=callgrind target/release/examples/receive_floor floor 20000
//! ```

use std::hint::black_box;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, KeyInit, Mac};
use http::{HeaderMap, HeaderValue};
use recording_webhooks::recall::Webhook;
use serde::Deserialize;
use sha2::Sha256;

const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const MSG_ID: &str = "msg_2rXoVnQ7JrIxm1o6gWvZRH7aMGK";

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

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_default();
    let n: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let head = r#"{"event":"bot.call_ended","data":{"data":{"code":"call_ended","sub_code":"call_ended_by_host","updated_at":"2025-03-04T10:21:17.930451+00:00"},"bot":{"id":"92e24581-f82b-401a-8f75-88e64b04c24e","metadata":{"customer":"acme-industries","workspace_id":"ws_8f2c61a0","meeting_url":"https://us06web.zoom.us/j/87565330005?pwd=Zm9vYmFy","requested_by":"ada@example.com","notes":""#;
    let mut body = head.to_owned();
    while body.len() + 5 < 932 {
        body.push('x');
    }
    body.push_str(r#""}}}}"#);
    let body = body.into_bytes();
    let webhook = Webhook::new(SECRET).unwrap();
    let key = STANDARD
        .decode(SECRET.trim_start_matches("whsec_"))
        .unwrap();
    let now = time::OffsetDateTime::now_utc();
    let timestamp = now.unix_timestamp().to_string();
    let signature = webhook.verifier().sign(MSG_ID, now.unix_timestamp(), &body);
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
    for _ in 0..n {
        match which.as_str() {
            "ours" => {
                black_box(
                    webhook
                        .receive_at(black_box(&headers), black_box(&body), now)
                        .unwrap(),
                );
            }
            "floor" => {
                let mut mac = Hmac::<Sha256>::new_from_slice(black_box(&key)).unwrap();
                mac.update(MSG_ID.as_bytes());
                mac.update(b".");
                mac.update(timestamp.as_bytes());
                mac.update(b".");
                mac.update(black_box(&body));
                mac.verify_slice(black_box(&expected)).unwrap();
                black_box(serde_json::from_slice::<Plain>(black_box(&body)).unwrap());
            }
            _ => {}
        }
    }
}
