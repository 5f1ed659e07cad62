//! Rejections a server can see: a reason per cause, the provider and the URL
//! a request was verified against, a handler that takes
//! `Result<Delivery, Rejection>`, and (feature `tracing`) one log event per
//! rejection that never carries the body or a secret.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::FromRef;
use axum::routing::post;
use recording_webhooks::{Rejection, recall, signalwire};
use reqwest::StatusCode;

const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const BODY: &[u8] = br#"{"event":"bot.done","data":{"data":{"code":"done","sub_code":null,"updated_at":"2025-01-29T23:49:58.570998+00:00"},"bot":{"id":"b1","metadata":{}}}}"#;

#[derive(Clone)]
struct State {
    recall: recall::Webhook,
    signalwire: signalwire::Webhook,
}

impl FromRef<State> for recall::Webhook {
    fn from_ref(state: &State) -> Self {
        state.recall.clone()
    }
}

impl FromRef<State> for signalwire::Webhook {
    fn from_ref(state: &State) -> Self {
        state.signalwire.clone()
    }
}

/// A handler that logs rejections itself: it sees every one.
async fn on_recall(delivery: Result<recall::Delivery, Rejection>) -> (StatusCode, String) {
    match delivery {
        Ok(delivery) => (StatusCode::OK, delivery.id().unwrap_or_default().to_owned()),
        Err(rejection) => (
            StatusCode::from_u16(rejection.status_code()).unwrap(),
            format!("{} | {:?}", rejection.reason(), rejection.provider()),
        ),
    }
}

async fn on_callback(
    callback: Result<signalwire::Delivery<signalwire::AnyCallback>, Rejection>,
) -> (StatusCode, String) {
    match callback {
        Ok(_) => (StatusCode::OK, String::new()),
        Err(rejection) => (
            StatusCode::from_u16(rejection.status_code()).unwrap(),
            rejection.url().unwrap_or("-").to_owned(),
        ),
    }
}

/// Every event the crate logs, as text.
#[derive(Clone, Default)]
struct Recorded(Arc<Mutex<Vec<String>>>);

struct Fields<'a>(&'a mut String);

impl tracing::field::Visit for Fields<'_> {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        self.0.push_str(&format!("{}={value:?} ", field.name()));
    }
}

impl tracing::Subscriber for Recorded {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        tracing::span::Id::from_u64(1)
    }
    fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        let mut text = format!("{} ", event.metadata().level());
        event.record(&mut Fields(&mut text));
        self.0.lock().unwrap().push(text);
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

#[tokio::test]
async fn rejections_say_which_cause_and_where() {
    let recorded = Recorded::default();
    let _guard = tracing::subscriber::set_default(recorded.clone());

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let state = State {
        recall: recall::Webhook::new(SECRET).unwrap(),
        // The public URL differs from the one the client calls: a proxy.
        signalwire: signalwire::Webhook::new("PSK_rejections")
            .unwrap()
            .with_public_url("https://hooks.example.com")
            .unwrap(),
    };
    let app = Router::new()
        .route("/recall", post(on_recall))
        .route("/cb", post(on_callback))
        .with_state(state.clone());
    tokio::spawn(async move { axum::serve(listener, app).await });
    let client = reqwest::Client::new();
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let send = |at: i64, signed: &'static [u8]| {
        let signature = state.recall.verifier().sign("msg_1", at, signed);
        client
            .post(format!("{base}/recall"))
            .header("content-type", "application/json")
            .header("webhook-id", "msg_1")
            .header("webhook-timestamp", at.to_string())
            .header("webhook-signature", signature)
            .body(BODY.to_vec())
            .send()
    };

    let stale = send(now - 3600, BODY).await.unwrap();
    assert_eq!(stale.status(), StatusCode::UNAUTHORIZED);
    let stale = stale.text().await.unwrap();
    let forged = send(now, b"another body")
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(stale.contains("too old"), "{stale}");
    assert!(forged.contains("no signature matches"), "{forged}");
    assert_ne!(stale, forged);
    assert!(stale.ends_with("| Some(\"recall\")"), "{stale}");
    assert_eq!(
        send(now, BODY).await.unwrap().text().await.unwrap(),
        "msg_1"
    );

    // A URL-signed request names the URL it was verified against.
    let response = client
        .post(format!("{base}/cb?tenant=acme"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("x-signalwire-signature", "c2lnbmVkIGZvciB0aGUgbG9jYWwgVVJM")
        .body("AccountSid=a&CallSid=c&CallStatus=ringing")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        response.text().await.unwrap(),
        "https://hooks.example.com/cb?tenant=acme"
    );

    // One log event per rejection, with its provider and cause, never the
    // body or the secret.
    let events = recorded.0.lock().unwrap().clone();
    let rejected: Vec<&String> = events
        .iter()
        .filter(|e| e.contains("webhook request rejected"))
        .collect();
    assert_eq!(rejected.len(), 3, "{events:#?}");
    assert!(
        rejected.iter().all(|e| e.starts_with("WARN")),
        "{rejected:#?}"
    );
    assert!(
        rejected[0].contains("provider=\"recall\"") && rejected[0].contains("too old"),
        "{}",
        rejected[0]
    );
    assert!(
        rejected[2].contains("url=\"https://hooks.example.com/cb?tenant=acme\""),
        "{}",
        rejected[2]
    );
    for event in &rejected {
        assert!(
            !event.contains("bot.done")
                && !event.contains("MfKQ9r8")
                && !event.contains("PSK_rejections"),
            "{event}"
        );
    }

    every_rejection_explains_itself_and_speaks_of_what_its_provider_signs().await;
}

/// A handler that answers what the rejection explains.
async fn explained(delivery: Result<recall::Delivery, Rejection>) -> (StatusCode, String) {
    match delivery {
        Ok(_) => (StatusCode::OK, String::new()),
        Err(rejection) => (
            StatusCode::from_u16(rejection.status_code()).unwrap(),
            format!("{} | {}", rejection.reason(), rejection.explanation()),
        ),
    }
}

async fn explained_callback(
    callback: Result<signalwire::Delivery<signalwire::AnyCallback>, Rejection>,
) -> (StatusCode, String) {
    match callback {
        Ok(_) => (StatusCode::OK, String::new()),
        Err(rejection) => (
            StatusCode::from_u16(rejection.status_code()).unwrap(),
            format!("{} | {}", rejection.reason(), rejection.explanation()),
        ),
    }
}

/// Run from the test above, not beside it: `tracing` caches which
/// call sites are enabled across threads, and a test without the recording
/// subscriber running beside it could turn the logging off for it.
async fn every_rejection_explains_itself_and_speaks_of_what_its_provider_signs() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let state = State {
        recall: recall::Webhook::new(SECRET).unwrap().with_body_limit(64),
        signalwire: signalwire::Webhook::new("PSK_rejections")
            .unwrap()
            .with_public_url("https://hooks.example.com")
            .unwrap(),
    };
    let app = Router::new()
        .route("/recall", post(explained))
        .route("/cb", post(explained_callback))
        .with_state(state);
    tokio::spawn(async move { axum::serve(listener, app).await });
    let client = reqwest::Client::new();
    let post = |path: &str, content_type: &str, body: &'static [u8]| {
        client
            .post(format!("{base}{path}"))
            .header("content-type", content_type)
            .header("x-signalwire-signature", "c2lnbmVkIGZvciB0aGUgbG9jYWwgVVJM")
            .header("webhook-id", "msg_1")
            .header("webhook-timestamp", "1")
            .header("webhook-signature", "v1,c2ln")
            .body(body)
            .send()
    };
    let read = |response: reqwest::Response| async move {
        (response.status(), response.text().await.unwrap())
    };

    // 415: the answer names what is accepted, the explanation what came.
    let (status, text) = read(post("/recall", "text/plain", b"{}").await.unwrap()).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(
        text.starts_with("unsupported content type: send application/json |"),
        "{text}"
    );
    assert!(text.contains("`text/plain`"), "{text}");
    let (status, text) = read(post("/cb", "text/xml", b"<x/>").await.unwrap()).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(
        text.contains("application/x-www-form-urlencoded or application/json |"),
        "{text}"
    );
    // 413: the explanation names the limit.
    let (status, text) = read(
        post("/recall", "application/json", &[b' '; 65])
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(text.contains("limit of 64 bytes"), "{text}");
    // 401: Recall.ai signs no URL; SignalWire does.
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let response = client
        .post(format!("{base}/recall"))
        .header("content-type", "application/json")
        .header("webhook-id", "msg_1")
        .header("webhook-timestamp", now.to_string())
        .header("webhook-signature", "v1,c2lnbmVkIGVsc2V3aGVyZQ==")
        .body("{}")
        .send()
        .await
        .unwrap();
    let (status, text) = read(response).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(
        text.starts_with("no signature matches (wrong secret or altered body) |"),
        "{text}"
    );
    let (status, text) = read(
        post("/cb", "application/x-www-form-urlencoded", b"AccountSid=a")
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(text.contains("or another URL"), "{text}");
}
