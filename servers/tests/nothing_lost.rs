//! Through both server adapters: a request that verifies but does not
//! parse keeps its body (`Rejection::verified_body`), one that does not
//! verify never does; and Recall.ai's other ways in, a URL token and a
//! signed request without a body, each with its extractor.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.

use axum::extract::FromRef;
use recording_webhooks::{Rejection, recall, signalwire};
use reqwest::StatusCode;

const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const SIGNING_KEY: &str = "PSK_nothing_lost";
const TOKEN: &str = "a7c1f0e2b9d84c3e";
/// Valid JSON, verified, but not a Recall.ai event: `bot` is no object.
const UNPARSEABLE: &[u8] = br#"{"event":"bot.done","data":{"data":{"code":"done","sub_code":null,"updated_at":"2025-01-29T23:49:58Z"},"bot":"b1"}}"#;
const EVENT: &[u8] = br#"{"event":"bot.done","data":{"data":{"code":"done","sub_code":null,"updated_at":"2025-01-29T23:49:58Z"},"bot":{"id":"b1","metadata":{}}}}"#;

/// What a handler answers: `kept N` for a rejection that kept a verified
/// body of N bytes, `none S` for one that kept none (S its status), `ok`.
fn answer<T>(received: Result<T, Rejection>) -> (u16, String) {
    match received {
        Ok(_) => (200, "ok".to_owned()),
        Err(rejection) => {
            let text = match rejection.verified_body() {
                Some(body) => format!("kept {}", body.len()),
                None => format!("none {}", rejection.status_code()),
            };
            (rejection.status_code(), text)
        }
    }
}

#[derive(Clone)]
struct State {
    recall: recall::Webhook,
    token: recall::TokenWebhook,
    signalwire: signalwire::Webhook,
}

impl FromRef<State> for recall::Webhook {
    fn from_ref(state: &State) -> Self {
        state.recall.clone()
    }
}
impl FromRef<State> for recall::TokenWebhook {
    fn from_ref(state: &State) -> Self {
        state.token.clone()
    }
}
impl FromRef<State> for signalwire::Webhook {
    fn from_ref(state: &State) -> Self {
        state.signalwire.clone()
    }
}

fn state(base: &str) -> State {
    State {
        recall: recall::Webhook::new(SECRET).unwrap(),
        token: recall::TokenWebhook::new(TOKEN).unwrap(),
        signalwire: signalwire::Webhook::new(SIGNING_KEY)
            .unwrap()
            .with_public_url(base)
            .unwrap(),
    }
}

mod on_axum {
    use axum::http::StatusCode;

    use super::*;

    fn status((code, text): (u16, String)) -> (StatusCode, String) {
        (StatusCode::from_u16(code).unwrap(), text)
    }

    pub async fn recall(d: Result<recall::Delivery, Rejection>) -> (StatusCode, String) {
        status(answer(d))
    }
    pub async fn token(d: Result<recall::TokenDelivery, Rejection>) -> (StatusCode, String) {
        status(answer(d))
    }
    pub async fn signed(d: Result<recall::SignedRequest, Rejection>) -> (StatusCode, String) {
        status(answer(d))
    }
    pub async fn recording(
        d: Result<signalwire::Delivery<signalwire::RecordingStatusCallback>, Rejection>,
    ) -> (StatusCode, String) {
        status(answer(d))
    }
}

mod on_actix {
    use actix_web::HttpResponse;
    use actix_web::http::StatusCode;

    use super::*;

    fn respond((code, text): (u16, String)) -> HttpResponse {
        HttpResponse::build(StatusCode::from_u16(code).unwrap()).body(text)
    }

    pub async fn recall(d: Result<recall::Delivery, Rejection>) -> HttpResponse {
        respond(answer(d))
    }
    pub async fn token(d: Result<recall::TokenDelivery, Rejection>) -> HttpResponse {
        respond(answer(d))
    }
    pub async fn signed(d: Result<recall::SignedRequest, Rejection>) -> HttpResponse {
        respond(answer(d))
    }
    pub async fn recording(
        d: Result<signalwire::Delivery<signalwire::RecordingStatusCallback>, Rejection>,
    ) -> HttpResponse {
        respond(answer(d))
    }
}

async fn start_axum() -> String {
    use axum::routing::{get, post};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let app = axum::Router::new()
        .route("/recall", post(on_axum::recall))
        .route("/realtime", post(on_axum::token))
        .route("/zak", get(on_axum::signed))
        .route("/recording", post(on_axum::recording))
        .with_state(state(&base));
    tokio::spawn(async move { axum::serve(listener, app).await });
    base
}

async fn start_actix() -> String {
    use actix_web::{App, HttpServer, web};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let shared = state(&base);
    let server = HttpServer::new(move || {
        App::new()
            .app_data(web::Data::new(shared.recall.clone()))
            .app_data(web::Data::new(shared.token.clone()))
            .app_data(web::Data::new(shared.signalwire.clone()))
            .route("/recall", web::post().to(on_actix::recall))
            .route("/realtime", web::post().to(on_actix::token))
            .route("/zak", web::get().to(on_actix::signed))
            .route("/recording", web::post().to(on_actix::recording))
    })
    .workers(1)
    .listen(listener)
    .unwrap()
    .run();
    tokio::spawn(server);
    base
}

async fn every_case(base: &str) {
    let client = reqwest::Client::new();
    let recall = recall::Verifier::new(SECRET).unwrap();
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let signed_post = |body: &'static [u8], signature: String| {
        client
            .post(format!("{base}/recall"))
            .header("content-type", "application/json")
            .header("webhook-id", "msg_1")
            .header("webhook-timestamp", now.to_string())
            .header("webhook-signature", signature)
            .body(body)
            .send()
    };
    let answer = |response: reqwest::Response| async move {
        (response.status(), response.text().await.unwrap())
    };

    // Verified, then not parsed: the body is kept, whole.
    let response = signed_post(UNPARSEABLE, recall.sign("msg_1", now, UNPARSEABLE))
        .await
        .unwrap();
    let expected = format!("kept {}", UNPARSEABLE.len());
    assert_eq!(
        answer(response).await,
        (StatusCode::BAD_REQUEST, expected),
        "{base}"
    );
    // The same body under a wrong signature: 401, nothing kept.
    let response = signed_post(UNPARSEABLE, recall.sign("msg_1", now, EVENT))
        .await
        .unwrap();
    assert_eq!(
        answer(response).await,
        (StatusCode::UNAUTHORIZED, "none 401".to_owned())
    );
    // Verified and parsed.
    let response = signed_post(EVENT, recall.sign("msg_1", now, EVENT))
        .await
        .unwrap();
    assert_eq!(answer(response).await, (StatusCode::OK, "ok".to_owned()));
    // Unsigned (a workspace without a verification secret): 401, nothing.
    let response = client
        .post(format!("{base}/recall"))
        .header("content-type", "application/json")
        .body(EVENT)
        .send()
        .await
        .unwrap();
    assert_eq!(
        answer(response).await,
        (StatusCode::UNAUTHORIZED, "none 401".to_owned())
    );

    // A form callback that verifies but lacks what its type needs.
    let url = format!("{base}/recording");
    let params = [("AccountSid", "a"), ("RecordingSid", "r")];
    let form = serde_urlencoded::to_string(params).unwrap();
    let signature = signalwire::Verifier::new(SIGNING_KEY)
        .unwrap()
        .sign_params(&url, &params);
    let response = client
        .post(&url)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("x-signalwire-signature", signature)
        .body(form.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(
        answer(response).await,
        (StatusCode::BAD_REQUEST, format!("kept {}", form.len()))
    );

    // A real-time endpoint authenticated by its URL's token.
    let realtime = |query: &str, body: &'static [u8]| {
        client
            .post(format!("{base}/realtime{query}"))
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    let response = realtime(&format!("?token={TOKEN}"), EVENT).await.unwrap();
    assert_eq!(answer(response).await, (StatusCode::OK, "ok".to_owned()));
    let response = realtime(&format!("?token={TOKEN}"), UNPARSEABLE)
        .await
        .unwrap();
    assert_eq!(
        answer(response).await,
        (
            StatusCode::BAD_REQUEST,
            format!("kept {}", UNPARSEABLE.len())
        )
    );
    for query in ["", "?token=a7c1f0e2b9d84c3f", "?token="] {
        let response = realtime(query, EVENT).await.unwrap();
        assert_eq!(
            answer(response).await,
            (StatusCode::UNAUTHORIZED, "none 401".to_owned()),
            "{query}"
        );
    }

    // A signed GET callback: the headers over the empty body.
    let zak = |signature: String| {
        client
            .get(format!("{base}/zak?bot_id=b1"))
            .header("webhook-id", "msg_zak")
            .header("webhook-timestamp", now.to_string())
            .header("webhook-signature", signature)
            .send()
    };
    let response = zak(recall.sign("msg_zak", now, b"")).await.unwrap();
    assert_eq!(answer(response).await, (StatusCode::OK, "ok".to_owned()));
    let response = zak(recall.sign("msg_zak", now, b"x")).await.unwrap();
    assert_eq!(
        answer(response).await,
        (StatusCode::UNAUTHORIZED, "none 401".to_owned())
    );
}

#[tokio::test]
async fn axum_keeps_what_verified() {
    every_case(&start_axum().await).await;
}

#[actix_web::test]
async fn actix_keeps_what_verified() {
    every_case(&start_actix().await).await;
}
