//! A real webhook receiver for all three providers, on axum.
//!
//! ```sh
//! RECALL_WEBHOOK_SECRET=whsec_... SIGNALWIRE_SIGNING_KEY=PSK_... DAILY_WEBHOOK_SECRET=... \
//!     cargo run --example axum_receiver --features http -- 3000
//! cargo run --example axum_receiver --features http -- 3000 --demo
//! ```
//!
//! Routes: `POST /recall`, `POST /signalwire/recording`, `POST /daily`.
//! Answers 2xx for verified events, 401 when verification fails, 400 for a
//! body that does not parse, 415 for the wrong content type and 413 for a
//! body over 1 MiB. Recall retries reuse the message id, so a repeated id is
//! acknowledged without being processed twice. It refuses to start without
//! its three secrets, unless run with `--demo`, which uses the demo secrets
//! of `examples/quickstart.rs` (printed in the README, so anyone can sign
//! with them: never for a public endpoint).
//!
//! SignalWire signs the full URL it called. Behind a proxy, set
//! `PUBLIC_BASE_URL` (e.g. `https://hooks.example.com`) so the verifier sees
//! that URL rather than the one the proxy forwarded to.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.

use std::collections::{HashSet, VecDeque};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::routing::post;
use recording_webhooks::{daily, recall, signalwire};

/// The largest body accepted; webhook bodies are far smaller.
pub const MAX_BODY: usize = 1024 * 1024;
/// How many Recall message ids are remembered for de-duplication.
const REMEMBERED_IDS: usize = 10_000;

type Reply = (StatusCode, &'static str);

/// What the handlers share: the verifiers and the ids already processed.
pub struct Receiver {
    pub recall: recall::Verifier,
    pub signalwire: signalwire::Verifier,
    pub daily: daily::Verifier,
    /// The scheme and host SignalWire calls, when behind a proxy.
    pub public_base_url: Option<String>,
    seen: Mutex<SeenIds>,
}

/// Message ids in arrival order, forgetting the oldest past a bound.
#[derive(Default)]
struct SeenIds {
    order: VecDeque<String>,
    set: HashSet<String>,
}

impl SeenIds {
    /// Records `id`; false when it was already there.
    fn insert(&mut self, id: &str) -> bool {
        if !self.set.insert(id.to_owned()) {
            return false;
        }
        self.order.push_back(id.to_owned());
        if self.order.len() > REMEMBERED_IDS
            && let Some(oldest) = self.order.pop_front()
        {
            self.set.remove(&oldest);
        }
        true
    }
}

impl Receiver {
    pub fn new(
        recall: recall::Verifier,
        signalwire: signalwire::Verifier,
        daily: daily::Verifier,
        public_base_url: Option<String>,
    ) -> Receiver {
        Receiver {
            recall,
            signalwire,
            daily,
            public_base_url,
            seen: Mutex::new(SeenIds::default()),
        }
    }

    /// Secrets from `RECALL_WEBHOOK_SECRET`, `SIGNALWIRE_SIGNING_KEY` and
    /// `DAILY_WEBHOOK_SECRET`; the demo ones only when `demo` is set.
    pub fn from_env(demo: bool) -> Result<Receiver, Box<dyn std::error::Error>> {
        Receiver::from_lookup(|name| std::env::var(name).ok(), demo)
    }

    /// As [`Receiver::from_env`], with the variables read by `lookup`.
    pub fn from_lookup(
        lookup: impl Fn(&str) -> Option<String>,
        demo: bool,
    ) -> Result<Receiver, Box<dyn std::error::Error>> {
        let var = |name: &str, demo_secret: &str| match lookup(name) {
            Some(secret) => Ok(secret),
            None if demo => Ok(demo_secret.to_owned()),
            None => Err(format!(
                "set {name}, or run with --demo to use the demo secrets"
            )),
        };
        Ok(Receiver::new(
            recall::Verifier::new(&var(
                "RECALL_WEBHOOK_SECRET",
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            )?)?,
            signalwire::Verifier::new(&var(
                "SIGNALWIRE_SIGNING_KEY",
                "PSK_V3bF8oyeRNpJWGoRWHNYQMUU",
            )?)?,
            daily::Verifier::new(&var(
                "DAILY_WEBHOOK_SECRET",
                "ZXhhbXBsZS1kYWlseS13ZWJob29rLXNlY3JldC0zMmI=",
            )?)?,
            std::env::var("PUBLIC_BASE_URL").ok(),
        ))
    }
}

pub fn router(receiver: Arc<Receiver>) -> Router {
    Router::new()
        .route("/recall", post(recall_webhook))
        .route("/signalwire/recording", post(signalwire_recording))
        .route("/daily", post(daily_webhook))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(receiver)
}

fn content_type_is(headers: &HeaderMap, expected: &str) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case(expected))
}

async fn recall_webhook(
    State(receiver): State<Arc<Receiver>>,
    headers: HeaderMap,
    body: Bytes,
) -> Reply {
    if !content_type_is(&headers, "application/json") {
        return (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "expected application/json",
        );
    }
    let verified = match receiver.recall.verify(&headers, &body) {
        Ok(verified) => verified,
        Err(err) => {
            println!("recall      rejected: {err}");
            return (StatusCode::UNAUTHORIZED, "signature verification failed");
        }
    };
    let event = match recall::Event::from_slice(&body) {
        Ok(event) => event,
        Err(err) => {
            println!("recall      unparseable {}: {err}", verified.id);
            return (StatusCode::BAD_REQUEST, "unparseable body");
        }
    };
    let first_time = receiver
        .seen
        .lock()
        .map(|mut seen| seen.insert(&verified.id))
        .unwrap_or(true);
    if !first_time {
        println!(
            "recall      duplicate {} ({})",
            verified.id,
            event.event_type()
        );
        return (StatusCode::OK, "duplicate");
    }
    // Answer now; real work belongs on a queue (Recall waits 15 s at most).
    println!(
        "recall      {} {} bot={} sub_code={}",
        verified.id,
        event.event_type(),
        event.bot_id().unwrap_or("-"),
        event.sub_code().unwrap_or("-"),
    );
    (StatusCode::OK, "ok")
}

async fn signalwire_recording(
    State(receiver): State<Arc<Receiver>>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Reply {
    if !content_type_is(&headers, "application/x-www-form-urlencoded") {
        return (StatusCode::UNSUPPORTED_MEDIA_TYPE, "expected a form");
    }
    // The URL SignalWire called: the configured public base, or what the
    // request says about itself.
    let path = uri.path_and_query().map_or("/", |p| p.as_str());
    let url = match &receiver.public_base_url {
        Some(base) => format!("{}{path}", base.trim_end_matches('/')),
        None => {
            let host = headers
                .get(header::HOST)
                .and_then(|h| h.to_str().ok())
                .unwrap_or("localhost");
            let scheme = headers
                .get("x-forwarded-proto")
                .and_then(|h| h.to_str().ok())
                .unwrap_or("http");
            format!("{scheme}://{host}{path}")
        }
    };
    if let Err(err) = receiver.signalwire.verify(&url, &headers, &body) {
        println!("signalwire  rejected: {err}");
        return (StatusCode::UNAUTHORIZED, "signature verification failed");
    }
    match signalwire::RecordingStatusCallback::from_form(&body) {
        Ok(callback) => {
            println!(
                "signalwire  recording {} {} duration={}",
                callback.recording_sid,
                callback.recording_status,
                callback
                    .recording_duration
                    .map_or("-".to_owned(), |d| d.to_string()),
            );
            (StatusCode::NO_CONTENT, "")
        }
        Err(err) => {
            println!("signalwire  unparseable: {err}");
            (StatusCode::BAD_REQUEST, "unparseable body")
        }
    }
}

async fn daily_webhook(
    State(receiver): State<Arc<Receiver>>,
    headers: HeaderMap,
    body: Bytes,
) -> Reply {
    if !content_type_is(&headers, "application/json") {
        return (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "expected application/json",
        );
    }
    // Daily pings when the webhook is created, before its generated secret
    // can be known here: answer the ping before verifying. It carries
    // nothing to act on; every other body must verify.
    if daily::Event::is_ping(&body) {
        println!("daily       verification ping");
        return (StatusCode::OK, "ok");
    }
    if let Err(err) = receiver.daily.verify(&headers, &body) {
        println!("daily       rejected: {err}");
        return (StatusCode::UNAUTHORIZED, "signature verification failed");
    }
    match daily::Event::from_slice(&body) {
        Ok(event) => {
            println!(
                "daily       {} {}",
                event.event_type(),
                event.id().unwrap_or("-")
            );
            (StatusCode::OK, "ok")
        }
        Err(err) => {
            println!("daily       unparseable: {err}");
            (StatusCode::BAD_REQUEST, "unparseable body")
        }
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let demo = args.iter().any(|arg| arg == "--demo");
    let port = args.iter().find(|arg| *arg != "--demo");
    let port: u16 = port.map_or(Ok(3000), |p| p.parse())?;
    let receiver = Arc::new(Receiver::from_env(demo)?);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, router(receiver)).await?;
    Ok(())
}
