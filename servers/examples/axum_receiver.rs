//! A webhook receiver for every provider on axum, with the crate's
//! extractors: each handler takes the verified, typed delivery.
//!
//! ```sh
//! RECALL_WEBHOOK_SECRET=whsec_... SIGNALWIRE_SIGNING_KEY=PSK_... TWILIO_AUTH_TOKEN=... \
//! DAILY_WEBHOOK_SECRET=... ZOOM_SECRET_TOKEN=... LIVEKIT_API_KEY=API... LIVEKIT_API_SECRET=... \
//! TELNYX_PUBLIC_KEY=... \
//! PUBLIC_BASE_URL=https://hooks.example.com \
//!     cargo run -p recording-webhooks-servers --example axum_receiver -- 3000
//! cargo run -p recording-webhooks-servers --example axum_receiver -- 3000 --demo   # public demo secrets
//! ```
//!
//! Routes: `POST /recall`, `POST /signalwire/recording`,
//! `POST /twilio/recording`, `POST /twilio/events` (every kind of callback,
//! as `AnyCallback`), `POST /daily`, `POST /zoom`, `POST /livekit`,
//! `POST /telnyx` (Call Control events), `POST /telnyx/texml` (TeXML
//! callbacks; a `GET` one is refused: Telnyx does not sign its query). The
//! extractors answer 415 (content type), 413 (over 1 MiB), 401
//! (verification) and 400 (parse) before a handler runs. Retries are
//! acknowledged once: Recall's by message id, Daily's and LiveKit's by
//! event id, Zoom's by event name and meeting instance. Zoom's URL validation is answered
//! (200, JSON) only for a request that verified.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.

#[path = "shared/mod.rs"]
pub mod shared;

use axum::Router;
use axum::extract::{FromRef, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use recording_webhooks::{Rejection, daily, livekit, recall, signalwire, telnyx, twilio, zoom};
use shared::Webhooks;

impl FromRef<Webhooks> for recall::Webhook {
    fn from_ref(webhooks: &Webhooks) -> Self {
        webhooks.recall.clone()
    }
}

impl FromRef<Webhooks> for signalwire::Webhook {
    fn from_ref(webhooks: &Webhooks) -> Self {
        webhooks.signalwire.clone()
    }
}

impl FromRef<Webhooks> for twilio::Webhook {
    fn from_ref(webhooks: &Webhooks) -> Self {
        webhooks.twilio.clone()
    }
}

impl FromRef<Webhooks> for daily::Webhook {
    fn from_ref(webhooks: &Webhooks) -> Self {
        webhooks.daily.clone()
    }
}

impl FromRef<Webhooks> for zoom::Webhook {
    fn from_ref(webhooks: &Webhooks) -> Self {
        webhooks.zoom.clone()
    }
}

impl FromRef<Webhooks> for telnyx::Webhook {
    fn from_ref(webhooks: &Webhooks) -> Self {
        webhooks.telnyx.clone()
    }
}

impl FromRef<Webhooks> for livekit::Webhook {
    fn from_ref(webhooks: &Webhooks) -> Self {
        webhooks.livekit.clone()
    }
}

pub fn router(webhooks: Webhooks) -> Router {
    Router::new()
        .route("/recall", post(on_recall))
        .route("/signalwire/recording", post(on_recording))
        .route("/twilio/recording", post(on_twilio_recording))
        .route("/twilio/events", post(on_twilio_any))
        .route("/daily", post(on_daily))
        .route("/zoom", post(on_zoom))
        .route("/livekit", post(on_livekit))
        .route("/telnyx", post(on_telnyx))
        .route("/telnyx/texml", post(on_telnyx_texml).get(on_telnyx_texml))
        .with_state(webhooks)
}

/// Every handler takes `Result<Delivery, Rejection>` and passes it through
/// `Webhooks::accept`, which keeps a body that verified but did not parse
/// before the rejection is answered.
async fn on_recall(
    State(webhooks): State<Webhooks>,
    delivery: Result<recall::Delivery, Rejection>,
) -> Result<&'static str, Rejection> {
    let delivery = webhooks.accept(delivery)?;
    if let Some(id) = delivery.id()
        && !webhooks.first_time(id)
    {
        return Ok("duplicate");
    }
    let event = delivery.event();
    println!(
        "recall      {} {}",
        event.event_type(),
        event.bot_id().unwrap_or("-")
    );
    Ok("ok")
}

async fn on_recording(
    State(webhooks): State<Webhooks>,
    delivery: Result<signalwire::Delivery<signalwire::RecordingStatusCallback>, Rejection>,
) -> Result<StatusCode, Rejection> {
    let delivery = webhooks.accept(delivery)?;
    let callback = delivery.event();
    println!(
        "signalwire  {} {}",
        callback.recording_sid, callback.recording_status
    );
    Ok(StatusCode::NO_CONTENT)
}

async fn on_twilio_recording(
    State(webhooks): State<Webhooks>,
    delivery: Result<twilio::Delivery<twilio::RecordingStatusCallback>, Rejection>,
) -> Result<StatusCode, Rejection> {
    let delivery = webhooks.accept(delivery)?;
    let callback = delivery.event();
    println!(
        "twilio      {} {}",
        callback.recording_sid, callback.recording_status
    );
    Ok(StatusCode::NO_CONTENT)
}

/// One URL for every kind of callback: the parameters tell which it is.
/// Twilio sends no message id, but the same idempotency token on every
/// retry of a request.
async fn on_twilio_any(
    State(webhooks): State<Webhooks>,
    delivery: Result<twilio::Delivery<twilio::AnyCallback>, Rejection>,
) -> Result<Response, Rejection> {
    let delivery = webhooks.accept(delivery)?;
    if let Some(token) = delivery.id()
        && !webhooks.first_time(token)
    {
        return Ok("duplicate".into_response());
    }
    let Some(kind) = shared::twilio_kind(delivery.event()) else {
        println!("twilio      instructions asked");
        return Ok(([(header::CONTENT_TYPE, "text/xml")], "<Response/>").into_response());
    };
    println!("twilio      {kind}");
    Ok(StatusCode::NO_CONTENT.into_response())
}

async fn on_daily(
    State(webhooks): State<Webhooks>,
    delivery: Result<daily::Delivery, Rejection>,
) -> Result<&'static str, Rejection> {
    let delivery = webhooks.accept(delivery)?;
    // The ping arrives unsigned, before the secret can be known: the
    // extractor answers it without verifying. It has no id.
    let Some(id) = delivery.id() else {
        return Ok("ping");
    };
    if !webhooks.first_time(id) {
        return Ok("duplicate");
    }
    println!("daily       {} {id}", delivery.event().event_type());
    Ok("ok")
}

async fn on_zoom(
    State(webhooks): State<Webhooks>,
    delivery: Result<zoom::Delivery, Rejection>,
) -> Result<Response, Rejection> {
    let delivery = webhooks.accept(delivery)?;
    // Verified before it got here: answering cannot sign anything forged.
    if let Some(answer) = delivery.url_validation_response() {
        return Ok(answer.into_response());
    }
    let event = delivery.event();
    // Zoom sends no delivery id: a meeting instance's event is unique, and
    // an event about no meeting is told apart by when it occurred.
    let key = match event.meeting_uuid() {
        Some(uuid) => format!("{}/{uuid}", event.event_type()),
        None => format!("{}@{:?}", event.event_type(), event.event_time()),
    };
    if !webhooks.first_time(&key) {
        return Ok("duplicate".into_response());
    }
    println!("zoom        {key} files={}", event.recording_files().len());
    Ok("ok".into_response())
}

async fn on_livekit(
    State(webhooks): State<Webhooks>,
    delivery: Result<livekit::Delivery, Rejection>,
) -> Result<&'static str, Rejection> {
    let delivery = webhooks.accept(delivery)?;
    // Every retry of a send carries the same event id.
    if let Some(id) = delivery.id()
        && !webhooks.first_time(id)
    {
        return Ok("duplicate");
    }
    let event = delivery.event();
    match event.egress() {
        Some(egress) => println!(
            "livekit     {} {} files={}",
            event.event_type(),
            egress.status(),
            egress.files().len()
        ),
        None => println!("livekit     {}", event.event_type()),
    }
    Ok("ok")
}

async fn on_telnyx(
    State(webhooks): State<Webhooks>,
    delivery: Result<telnyx::Delivery, Rejection>,
) -> Result<&'static str, Rejection> {
    let delivery = webhooks.accept(delivery)?;
    // Telnyx documents duplicate deliveries: `data.id` tells them apart.
    if !webhooks.first_time(delivery.event().id()) {
        return Ok("duplicate");
    }
    let event = delivery.event();
    // Presigned links live ten minutes: a real handler downloads now.
    let formats = event.recording_urls().map_or(0, |urls| {
        usize::from(urls.mp3.is_some()) + usize::from(urls.wav.is_some())
    });
    println!("telnyx      {} links={formats}", event.event_type());
    Ok("ok")
}

async fn on_telnyx_texml(
    State(webhooks): State<Webhooks>,
    delivery: Result<telnyx::Delivery<telnyx::AnyCallback>, Rejection>,
) -> Result<StatusCode, Rejection> {
    let delivery = webhooks.accept(delivery)?;
    let kind = shared::twilio_kind(delivery.event()).unwrap_or("instructions asked");
    println!("telnyx      texml {kind}");
    Ok(StatusCode::NO_CONTENT)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (port, demo) = shared::arguments(3000)?;
    let webhooks = Webhooks::from_lookup(|name| std::env::var(name).ok(), demo)?;
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, router(webhooks)).await?;
    Ok(())
}
