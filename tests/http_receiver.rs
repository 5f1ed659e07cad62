//! The axum receiver of `examples/axum_receiver.rs`, served on a loopback
//! port and called with a real HTTP client: every provider's signed
//! fixtures, and the requests it must turn away.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.

#[allow(dead_code)]
#[path = "../examples/axum_receiver.rs"]
mod receiver;

mod common;

use std::sync::Arc;

use recording_webhooks::{daily, recall, signalwire};
use reqwest::{Client, StatusCode};

const RECALL_SECRET: &str = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
const SIGNALWIRE_KEY: &str = "PSK_test_receiver_key";
const DAILY_SECRET: &str = "ZXhhbXBsZS1kYWlseS13ZWJob29rLXNlY3JldC0zMmI=";

struct Server {
    base: String,
    client: Client,
    recall: recall::Verifier,
    signalwire: signalwire::Verifier,
    daily: daily::Verifier,
}

async fn start() -> Server {
    let state = receiver::Receiver::new(
        recall::Verifier::new(RECALL_SECRET).unwrap(),
        signalwire::Verifier::new(SIGNALWIRE_KEY).unwrap(),
        daily::Verifier::new(DAILY_SECRET).unwrap(),
        None,
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, receiver::router(Arc::new(state))).await });
    Server {
        base,
        client: Client::new(),
        recall: recall::Verifier::new(RECALL_SECRET).unwrap(),
        signalwire: signalwire::Verifier::new(SIGNALWIRE_KEY).unwrap(),
        daily: daily::Verifier::new(DAILY_SECRET).unwrap(),
    }
}

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

impl Server {
    async fn recall(
        &self,
        id: &str,
        at: i64,
        body: &[u8],
        sign_body: &[u8],
        content_type: &str,
    ) -> StatusCode {
        self.client
            .post(format!("{}/recall", self.base))
            .header("content-type", content_type)
            .header("webhook-id", id)
            .header("webhook-timestamp", at.to_string())
            .header("webhook-signature", self.recall.sign(id, at, sign_body))
            .body(body.to_vec())
            .send()
            .await
            .unwrap()
            .status()
    }

    /// Posts to `/daily`; `signature` signs with the same timestamp the
    /// request carries, so a second boundary between the two cannot matter.
    async fn daily(&self, body: &[u8], signature: Option<&dyn Fn(i64) -> String>) -> StatusCode {
        let at = now();
        let mut request = self
            .client
            .post(format!("{}/daily", self.base))
            .header("content-type", "application/json")
            .header("x-webhook-timestamp", at.to_string());
        let signature = signature.map(|sign| sign(at));
        if let Some(signature) = signature {
            request = request.header("x-webhook-signature", signature);
        }
        request.body(body.to_vec()).send().await.unwrap().status()
    }

    async fn signalwire(&self, body: &[u8], signature: &str) -> StatusCode {
        self.client
            .post(format!("{}/signalwire/recording", self.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("x-signalwire-signature", signature)
            .body(body.to_vec())
            .send()
            .await
            .unwrap()
            .status()
    }

    fn signalwire_signature(&self, body: &[u8]) -> String {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(body).unwrap();
        let pairs: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        // The receiver rebuilds the URL from the Host header it was sent.
        self.signalwire
            .sign_params(&format!("{}/signalwire/recording", self.base), &pairs)
    }
}

#[tokio::test]
async fn every_recall_fixture_is_accepted_once_and_deduplicated() {
    let server = start().await;
    for (n, (name, body)) in common::fixtures("recall").into_iter().enumerate() {
        let id = format!("msg_http_{n}");
        let status = server
            .recall(&id, now(), &body, &body, "application/json")
            .await;
        assert_eq!(status, StatusCode::OK, "{name}");
    }
    let body = br#"{"event":"bot.done","data":{"data":{"code":"done","sub_code":null,"updated_at":"2025-01-29T23:49:58.570998+00:00"},"bot":{"id":"b1","metadata":{}}}}"#;
    assert_eq!(
        server
            .recall("msg_dup", now(), body, body, "application/json")
            .await,
        StatusCode::OK
    );
    let response = server
        .client
        .post(format!("{}/recall", server.base))
        .header("content-type", "application/json")
        .header("webhook-id", "msg_dup")
        .header("webhook-timestamp", now().to_string())
        .header(
            "webhook-signature",
            server.recall.sign("msg_dup", now(), body),
        )
        .body(body.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.text().await.unwrap(), "duplicate");
}

#[tokio::test]
async fn recall_rejections() {
    let server = start().await;
    let body = br#"{"event":"bot.done","data":{"data":{"code":"done","updated_at":"2025-01-29T23:49:58Z"},"bot":{"id":"b1"}}}"#;
    let tampered = br#"{"event":"bot.done","data":{"data":{"code":"done","updated_at":"2025-01-29T23:49:58Z"},"bot":{"id":"b2"}}}"#;
    assert_eq!(
        server
            .recall("m1", now(), tampered, body, "application/json")
            .await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        server
            .recall("m2", now() - 3600, body, body, "application/json")
            .await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        server
            .recall("m3", now() + 3600, body, body, "application/json")
            .await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        server.recall("m4", now(), body, body, "text/plain").await,
        StatusCode::UNSUPPORTED_MEDIA_TYPE
    );
    let garbage = b"{\"event\":42}";
    assert_eq!(
        server
            .recall("m5", now(), garbage, garbage, "application/json")
            .await,
        StatusCode::BAD_REQUEST
    );
    let huge = vec![b' '; receiver::MAX_BODY + 1];
    assert_eq!(
        server
            .recall("m6", now(), &huge, &huge, "application/json")
            .await,
        StatusCode::PAYLOAD_TOO_LARGE
    );
    let unsigned = server
        .client
        .post(format!("{}/recall", server.base))
        .header("content-type", "application/json")
        .body(body.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(unsigned.status(), StatusCode::UNAUTHORIZED);
}

#[test]
fn the_receiver_refuses_to_start_without_its_secrets() {
    let err = receiver::Receiver::from_lookup(|_| None, false)
        .err()
        .unwrap();
    assert!(err.to_string().contains("RECALL_WEBHOOK_SECRET"), "{err}");
    assert!(err.to_string().contains("--demo"), "{err}");
    assert!(receiver::Receiver::from_lookup(|_| None, true).is_ok());
    let only_recall =
        |name: &str| (name == "RECALL_WEBHOOK_SECRET").then(|| RECALL_SECRET.to_owned());
    let err = receiver::Receiver::from_lookup(only_recall, false)
        .err()
        .unwrap();
    assert!(err.to_string().contains("SIGNALWIRE_SIGNING_KEY"), "{err}");
    // An empty key is refused, demo or not.
    let empty = |name: &str| {
        Some(if name == "SIGNALWIRE_SIGNING_KEY" {
            String::new()
        } else {
            "ZXhhbXBsZQ==".to_owned()
        })
    };
    let err = receiver::Receiver::from_lookup(empty, true).err().unwrap();
    assert!(err.to_string().contains("empty"), "{err}");
}

#[tokio::test]
async fn every_daily_fixture_and_the_ping() {
    let server = start().await;
    for (name, body) in common::fixtures("daily") {
        assert_eq!(
            server
                .daily(&body, Some(&|at| server.daily.sign(at, &body)))
                .await,
            StatusCode::OK,
            "{name}"
        );
    }
    assert_eq!(
        server.daily(br#"{"test":"test"}"#, None).await,
        StatusCode::OK,
        "unsigned ping"
    );
    let body = br#"{"version":"1.0.0","type":"meeting.started","id":"m","payload":{"start_ts":1,"meeting_id":"m","room":"r"},"event_ts":1}"#;
    assert_eq!(
        server.daily(body, None).await,
        StatusCode::UNAUTHORIZED,
        "unsigned event"
    );
    assert_eq!(
        server.daily(body, Some(&|_| "AAAA".into())).await,
        StatusCode::UNAUTHORIZED
    );
    let bad = br#"{"version":"1.0.0","type":"meeting.started"}"#;
    assert_eq!(
        server
            .daily(bad, Some(&|at| server.daily.sign(at, bad)))
            .await,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn every_signalwire_recording_fixture() {
    let server = start().await;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/signalwire");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if !path
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("recording-status.")
        {
            continue;
        }
        let body = std::fs::read(&path).unwrap();
        let signature = server.signalwire_signature(&body);
        assert_eq!(
            server.signalwire(&body, &signature).await,
            StatusCode::NO_CONTENT,
            "{path:?}"
        );
        checked += 1;
    }
    assert!(checked >= 10);
    let body = b"AccountSid=a&RecordingSid=r&RecordingStatus=completed";
    let signature = server.signalwire_signature(body);
    assert_eq!(
        server
            .signalwire(
                b"AccountSid=a&RecordingSid=x&RecordingStatus=completed",
                &signature
            )
            .await,
        StatusCode::UNAUTHORIZED
    );
    let missing = b"AccountSid=a&RecordingSid=r";
    assert_eq!(
        server
            .signalwire(missing, &server.signalwire_signature(missing))
            .await,
        StatusCode::BAD_REQUEST
    );
}
