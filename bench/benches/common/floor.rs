// The floor `recall::Webhook::receive_at` is set against, shared by the
// `receive` bench and the `receive_floor` example (counted under
// callgrind): a 932-byte `bot.call_ended`, signed, and the least a
// hand-written handler does with it.

use std::hint::black_box;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, KeyInit, Mac};
use http::{HeaderMap, HeaderValue};
use recording_webhooks::recall::Webhook;
use serde::Deserialize;
use sha2::Sha256;

pub const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
pub const MSG_ID: &str = "msg_2rXoVnQ7JrIxm1o6gWvZRH7aMGK";

/// `bot.call_ended` as a plain derived struct: strings for the codes and
/// the time, no checks.
#[derive(Deserialize)]
#[allow(dead_code)]
pub struct Plain {
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

/// The signed request both sides receive.
///
/// Each half is `#[inline(never)]`, so that every mode that runs it runs the
/// same machine code: inlined, `plain` compiled differently beside `verify`
/// than alone, and the modes were not comparable.
pub struct Request {
    pub webhook: Webhook,
    pub body: Vec<u8>,
    pub headers: HeaderMap,
    pub now: time::OffsetDateTime,
    key: Vec<u8>,
    timestamp: String,
    expected: Vec<u8>,
}

impl Request {
    /// A 932-byte `bot.call_ended` with the metadata a real bot carries,
    /// padded to size, signed now.
    pub fn call_ended_932() -> Request {
        let head = r#"{"event":"bot.call_ended","data":{"data":{"code":"call_ended","sub_code":"call_ended_by_host","updated_at":"2025-03-04T10:21:17.930451+00:00"},"bot":{"id":"92e24581-f82b-401a-8f75-88e64b04c24e","metadata":{"customer":"acme-industries","workspace_id":"ws_8f2c61a0","meeting_url":"https://us06web.zoom.us/j/87565330005?pwd=Zm9vYmFy","requested_by":"ada@example.com","notes":""#;
        let tail = r#""}}}}"#;
        let mut body = head.to_owned();
        while body.len() + tail.len() < 932 {
            body.push('x');
        }
        body.push_str(tail);
        assert_eq!(body.len(), 932);
        let body = body.into_bytes();

        let webhook = Webhook::new(SECRET).unwrap();
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
        let request = Request {
            key: STANDARD
                .decode(SECRET.trim_start_matches("whsec_"))
                .unwrap(),
            expected: STANDARD.decode(&signature[3..]).unwrap(),
            webhook,
            body,
            headers,
            now,
            timestamp,
        };
        // Both sides must accept it before they are compared.
        request.receive_at();
        request.floor();
        request
    }

    /// The crate's one call.
    #[inline(never)]
    pub fn receive_at(&self) -> recording_webhooks::recall::Delivery {
        self.webhook
            .receive_at(black_box(&self.headers), black_box(&self.body), self.now)
            .unwrap()
    }

    /// The crate's parse alone.
    #[allow(dead_code)]
    #[inline(never)]
    pub fn parse(&self) -> recording_webhooks::recall::Event {
        recording_webhooks::recall::Event::from_slice(black_box(&self.body)).unwrap()
    }

    /// The crate's verification alone.
    #[allow(dead_code)]
    #[inline(never)]
    pub fn verify(&self) -> recording_webhooks::svix::Verified {
        self.webhook
            .verifier()
            .verify_at(black_box(&self.headers), black_box(&self.body), self.now)
            .unwrap()
    }

    /// The bare HMAC alone.
    #[inline(never)]
    pub fn hmac(&self) {
        let mut mac = Hmac::<Sha256>::new_from_slice(black_box(&self.key)).unwrap();
        mac.update(MSG_ID.as_bytes());
        mac.update(b".");
        mac.update(self.timestamp.as_bytes());
        mac.update(b".");
        mac.update(black_box(&self.body));
        mac.verify_slice(black_box(&self.expected)).unwrap();
    }

    /// The plain struct alone.
    #[inline(never)]
    pub fn plain(&self) -> Plain {
        serde_json::from_slice::<Plain>(black_box(&self.body)).unwrap()
    }

    /// A freshly keyed HMAC-SHA256 over the signed content, then
    /// `serde_json::from_slice` into the plain struct.
    #[inline(never)]
    pub fn floor(&self) -> Plain {
        self.hmac();
        self.plain()
    }
}
