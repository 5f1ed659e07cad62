//! A webhook receiver for every provider on actix-web, with the
//! crate's extractors: each handler takes the verified, typed delivery.
//!
//! ```sh
//! RECALL_WEBHOOK_SECRET=whsec_... SIGNALWIRE_SIGNING_KEY=PSK_... TWILIO_AUTH_TOKEN=... \
//! DAILY_WEBHOOK_SECRET=... ZOOM_SECRET_TOKEN=... PUBLIC_BASE_URL=https://hooks.example.com \
//!     cargo run -p recording-webhooks-servers --example actix_receiver -- 3002
//! cargo run -p recording-webhooks-servers --example actix_receiver -- 3002 --demo   # public demo secrets
//! ```
//!
//! Routes and answers as in `examples/axum_receiver.rs`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.

#[path = "shared/mod.rs"]
pub mod shared;

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, Responder, web};
use recording_webhooks::{Rejection, daily, livekit, recall, signalwire, telnyx, twilio, zoom};
use shared::Webhooks;

/// The routes, and the webhooks the extractors find in the app data.
pub fn configure(webhooks: Webhooks) -> impl FnOnce(&mut web::ServiceConfig) {
    move |config| {
        config
            .app_data(web::Data::new(webhooks.recall.clone()))
            .app_data(web::Data::new(webhooks.signalwire.clone()))
            .app_data(web::Data::new(webhooks.twilio.clone()))
            .app_data(web::Data::new(webhooks.daily.clone()))
            .app_data(web::Data::new(webhooks.zoom.clone()))
            .app_data(web::Data::new(webhooks.livekit.clone()))
            .app_data(web::Data::new(webhooks.telnyx.clone()))
            .app_data(web::Data::new(webhooks))
            .route("/recall", web::post().to(on_recall))
            .route("/signalwire/recording", web::post().to(on_recording))
            .route("/twilio/recording", web::post().to(on_twilio_recording))
            .route("/twilio/events", web::post().to(on_twilio_any))
            .route("/daily", web::post().to(on_daily))
            .route("/zoom", web::post().to(on_zoom))
            .route("/livekit", web::post().to(on_livekit))
            .route("/telnyx", web::post().to(on_telnyx))
            .route("/telnyx/texml", web::post().to(on_telnyx_texml))
            .route("/telnyx/texml", web::get().to(on_telnyx_texml));
    }
}

/// Every handler takes `Result<Delivery, Rejection>` and passes it through
/// `Webhooks::accept`, which keeps a body that verified but did not parse
/// before the rejection is answered.
async fn on_recall(
    webhooks: web::Data<Webhooks>,
    delivery: Result<recall::Delivery, Rejection>,
) -> Result<HttpResponse, Rejection> {
    let delivery = webhooks.accept(delivery)?;
    if let Some(id) = delivery.id()
        && !webhooks.first_time(id)
    {
        return Ok(HttpResponse::Ok().body("duplicate"));
    }
    let event = delivery.event();
    println!(
        "recall      {} {}",
        event.event_type(),
        event.bot_id().unwrap_or("-")
    );
    Ok(HttpResponse::Ok().body("ok"))
}

async fn on_recording(
    webhooks: web::Data<Webhooks>,
    delivery: Result<signalwire::Delivery<signalwire::RecordingStatusCallback>, Rejection>,
) -> Result<HttpResponse, Rejection> {
    let delivery = webhooks.accept(delivery)?;
    let callback = delivery.event();
    println!(
        "signalwire  {} {}",
        callback.recording_sid, callback.recording_status
    );
    Ok(HttpResponse::NoContent().finish())
}

async fn on_twilio_recording(
    webhooks: web::Data<Webhooks>,
    delivery: Result<twilio::Delivery<twilio::RecordingStatusCallback>, Rejection>,
) -> Result<HttpResponse, Rejection> {
    let delivery = webhooks.accept(delivery)?;
    let callback = delivery.event();
    println!(
        "twilio      {} {}",
        callback.recording_sid, callback.recording_status
    );
    Ok(HttpResponse::NoContent().finish())
}

/// One URL for every kind of callback: the parameters tell which it is.
/// Twilio sends no message id, but the same idempotency token on every
/// retry of a request.
async fn on_twilio_any(
    webhooks: web::Data<Webhooks>,
    delivery: Result<twilio::Delivery<twilio::AnyCallback>, Rejection>,
) -> Result<HttpResponse, Rejection> {
    let delivery = webhooks.accept(delivery)?;
    if let Some(token) = delivery.id()
        && !webhooks.first_time(token)
    {
        return Ok(HttpResponse::Ok().body("duplicate"));
    }
    let Some(kind) = shared::twilio_kind(delivery.event()) else {
        println!("twilio      instructions asked");
        return Ok(HttpResponse::Ok()
            .content_type("text/xml")
            .body("<Response/>"));
    };
    println!("twilio      {kind}");
    Ok(HttpResponse::NoContent().finish())
}

async fn on_daily(
    webhooks: web::Data<Webhooks>,
    delivery: Result<daily::Delivery, Rejection>,
) -> Result<HttpResponse, Rejection> {
    let delivery = webhooks.accept(delivery)?;
    // The ping arrives unsigned, before the secret can be known: the
    // extractor answers it without verifying. It has no id.
    let Some(id) = delivery.id() else {
        return Ok(HttpResponse::Ok().body("ping"));
    };
    if !webhooks.first_time(id) {
        return Ok(HttpResponse::Ok().body("duplicate"));
    }
    println!("daily       {} {id}", delivery.event().event_type());
    Ok(HttpResponse::Ok().body("ok"))
}

async fn on_zoom(
    request: HttpRequest,
    webhooks: web::Data<Webhooks>,
    delivery: Result<zoom::Delivery, Rejection>,
) -> Result<HttpResponse, Rejection> {
    let delivery = webhooks.accept(delivery)?;
    // Verified before it got here: answering cannot sign anything forged.
    if let Some(answer) = delivery.url_validation_response() {
        return Ok(answer.respond_to(&request));
    }
    let event = delivery.event();
    // Zoom sends no delivery id: a meeting instance's event is unique, and
    // an event about no meeting is told apart by when it occurred.
    let key = match event.meeting_uuid() {
        Some(uuid) => format!("{}/{uuid}", event.event_type()),
        None => format!("{}@{:?}", event.event_type(), event.event_time()),
    };
    if !webhooks.first_time(&key) {
        return Ok(HttpResponse::Ok().body("duplicate"));
    }
    println!("zoom        {key} files={}", event.recording_files().len());
    Ok(HttpResponse::Ok().body("ok"))
}

async fn on_livekit(
    webhooks: web::Data<Webhooks>,
    delivery: Result<livekit::Delivery, Rejection>,
) -> Result<HttpResponse, Rejection> {
    let delivery = webhooks.accept(delivery)?;
    // Every retry of a send carries the same event id.
    if let Some(id) = delivery.id()
        && !webhooks.first_time(id)
    {
        return Ok(HttpResponse::Ok().body("duplicate"));
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
    Ok(HttpResponse::Ok().body("ok"))
}

async fn on_telnyx(
    webhooks: web::Data<Webhooks>,
    delivery: Result<telnyx::Delivery, Rejection>,
) -> Result<HttpResponse, Rejection> {
    let delivery = webhooks.accept(delivery)?;
    // Telnyx documents duplicate deliveries: `data.id` tells them apart.
    if !webhooks.first_time(delivery.event().id()) {
        return Ok(HttpResponse::Ok().body("duplicate"));
    }
    let event = delivery.event();
    // Presigned links live ten minutes: a real handler downloads now.
    let formats = event.recording_urls().map_or(0, |urls| {
        usize::from(urls.mp3.is_some()) + usize::from(urls.wav.is_some())
    });
    println!("telnyx      {} links={formats}", event.event_type());
    Ok(HttpResponse::Ok().body("ok"))
}

async fn on_telnyx_texml(
    webhooks: web::Data<Webhooks>,
    delivery: Result<telnyx::Delivery<telnyx::AnyCallback>, Rejection>,
) -> Result<HttpResponse, Rejection> {
    let delivery = webhooks.accept(delivery)?;
    let kind = shared::twilio_kind(delivery.event()).unwrap_or("instructions asked");
    println!("telnyx      texml {kind}");
    Ok(HttpResponse::NoContent().finish())
}

#[actix_web::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (port, demo) = shared::arguments(3002)?;
    let webhooks = Webhooks::from_lookup(|name| std::env::var(name).ok(), demo)?;
    let server = HttpServer::new(move || App::new().configure(configure(webhooks.clone())))
        .bind(("127.0.0.1", port))?;
    println!("listening on http://127.0.0.1:{port}");
    server.run().await?;
    Ok(())
}
