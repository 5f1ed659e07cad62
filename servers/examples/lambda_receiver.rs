//! A webhook receiver as an AWS Lambda function behind API Gateway (HTTP
//! API) or a function URL, with `lambda_http`: the crate needs only the
//! headers and the raw body the runtime hands over.
//!
//! ```sh
//! cargo lambda build --release --example lambda_receiver   # with cargo-lambda
//! ```
//!
//! Routes on the request path: `/recall`, `/daily`, `/zoom`. Secrets come
//! from the function's environment (`RECALL_WEBHOOK_SECRET`,
//! `DAILY_WEBHOOK_SECRET`, `ZOOM_SECRET_TOKEN`); the function refuses to
//! start without them.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.

use lambda_http::{Body, Error, Request, Response, run, service_fn};
use recording_webhooks::{daily, recall, zoom};

/// The webhooks, built once per cold start.
pub struct Webhooks {
    pub recall: recall::Webhook,
    pub daily: daily::Webhook,
    pub zoom: zoom::Webhook,
}

impl Webhooks {
    pub fn from_env() -> Result<Webhooks, Error> {
        let secret = |name: &str| std::env::var(name).map_err(|_| format!("set {name}"));
        Ok(Webhooks {
            recall: recall::Webhook::new(&secret("RECALL_WEBHOOK_SECRET")?)?,
            daily: daily::Webhook::new(&secret("DAILY_WEBHOOK_SECRET")?)?,
            zoom: zoom::Webhook::new(&secret("ZOOM_SECRET_TOKEN")?)?,
        })
    }
}

/// The status and text to answer one request with.
pub fn handle(webhooks: &Webhooks, request: &Request) -> (u16, String) {
    // The raw bytes, as signed: API Gateway may base64 the body on the way
    // in, and `lambda_http` decodes it back to these bytes.
    let body: &[u8] = request.body().as_ref();
    let headers = request.headers();
    let outcome = match request.uri().path() {
        "/recall" => webhooks
            .recall
            .receive(headers, body)
            .map(|delivery| format!("recall {}", delivery.event().event_type())),
        "/daily" => webhooks
            .daily
            .receive(headers, body)
            .map(|delivery| format!("daily {}", delivery.event().event_type())),
        "/zoom" => webhooks.zoom.receive(headers, body).map(|delivery| {
            // Answered only because it verified.
            match delivery.url_validation_response() {
                Some(answer) => answer.to_json(),
                None => format!("zoom {}", delivery.event().event_type()),
            }
        }),
        _ => return (404, "not found".to_owned()),
    };
    match outcome {
        Ok(text) => (200, text),
        // A short text: never the body or a secret.
        Err(err) => (err.status_code(), err.to_string()),
    }
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    let webhooks = Webhooks::from_env()?;
    run(service_fn(|request: Request| {
        let (status, text) = handle(&webhooks, &request);
        let content_type = if text.starts_with('{') {
            "application/json"
        } else {
            "text/plain"
        };
        async move {
            Response::builder()
                .status(status)
                .header("content-type", content_type)
                .body(Body::from(text))
                .map_err(Error::from)
        }
    }))
    .await
}
