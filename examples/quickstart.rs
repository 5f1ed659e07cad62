//! The main job, end to end: signs every bundled Recall.ai, SignalWire,
//! Twilio, Daily and Zoom fixture as the provider would, then verifies and parses each request as a
//! receiving service does, printing one line per typed event. Finally it
//! shows a tampered and a replayed request being rejected.
//!
//! ```sh
//! cargo run --example quickstart
//! ```

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.

use std::path::Path;

use recording_webhooks::recall::{Event, Verifier, Webhook};
use recording_webhooks::{daily, signalwire, twilio, zoom};
use time::OffsetDateTime;

const DEMO_SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const DAILY_DEMO_SECRET: &str = "ZXhhbXBsZS1kYWlseS13ZWJob29rLXNlY3JldC0zMmI=";

/// The bundled fixtures of one provider, sorted by name.
fn fixtures(provider: &str) -> std::io::Result<Vec<std::path::PathBuf>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(provider);
    let mut paths = std::fs::read_dir(dir)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<Vec<_>, _>>()?;
    paths.sort();
    Ok(paths)
}

const SIGNALWIRE_DEMO_KEY: &str = "PSK_V3bF8oyeRNpJWGoRWHNYQMUU";

/// What a SignalWire handler does: verify against the URL it was called
/// at, then read the form, in one call.
fn receive_signalwire(
    webhook: &signalwire::Webhook,
    name: &str,
    body: &[u8],
) -> Result<(), Box<dyn std::error::Error>> {
    let url = "https://example.com/signalwire/callback";
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(body)?;
    let pairs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let signature = webhook.verifier().sign_params(url, &pairs);
    let headers = [("X-SignalWire-Signature", signature)];
    let line = if name.starts_with("recording-status") {
        let cb: signalwire::RecordingStatusCallback = webhook.receive(url, &headers, body)?;
        format!(
            "RecordingStatusCallback status={} source={} duration={}",
            cb.recording_status,
            cb.recording_source.as_ref().map_or("-", |s| s.as_str()),
            cb.recording_duration
                .map_or("-".to_owned(), |d| d.to_string()),
        )
    } else if name.starts_with("dial-action") {
        let cb: signalwire::DialActionCallback = webhook.receive(url, &headers, body)?;
        format!(
            "DialActionCallback       status={} duration={}",
            cb.dial_call_status,
            cb.dial_call_duration
                .map_or("-".to_owned(), |d| d.to_string()),
        )
    } else if name.starts_with("record-action") {
        let cb: signalwire::RecordActionCallback = webhook.receive(url, &headers, body)?;
        format!(
            "RecordActionCallback     duration={} digits={}",
            cb.recording_duration
                .map_or("-".to_owned(), |d| d.to_string()),
            cb.digits.as_deref().unwrap_or("-"),
        )
    } else if name.starts_with("conference-status") {
        let cb: signalwire::ConferenceStatusCallback = webhook.receive(url, &headers, body)?;
        format!(
            "ConferenceStatusCallback event={} conference={}",
            cb.status_callback_event, cb.conference_sid
        )
    } else if name.starts_with("call-status") {
        let cb: signalwire::StatusCallback = webhook.receive(url, &headers, body)?;
        format!(
            "StatusCallback           status={} call={}",
            cb.call_status, cb.call_sid
        )
    } else {
        let cb: signalwire::TranscribeCallback = webhook.receive(url, &headers, body)?;
        format!(
            "TranscribeCallback       status={}",
            cb.transcription_status
        )
    };
    println!("signalwire {line}");
    Ok(())
}

/// What a Daily handler does: answer the ping, verify the rest, parse.
fn receive_daily(
    webhook: &daily::Webhook,
    now: i64,
    body: &[u8],
) -> Result<(), Box<dyn std::error::Error>> {
    let headers = [
        ("X-Webhook-Timestamp", now.to_string()),
        ("X-Webhook-Signature", webhook.verifier().sign(now, body)),
    ];
    let event = webhook.receive(&headers, body)?.event;
    let detail = match &event {
        daily::Event::Ping => "verification ping: answer 200".to_owned(),
        daily::Event::RecordingReadyToDownload(ready) => format!(
            "recording={} type={} tracks={} duration={}s",
            ready.payload.recording_id,
            ready
                .payload
                .recording_type
                .as_ref()
                .map_or("-", |t| t.as_str()),
            ready.payload.tracks.as_ref().map_or(0, Vec::len),
            ready.payload.duration,
        ),
        other => format!("id={}", other.id().unwrap_or("-")),
    };
    println!("daily   {:<34} {detail}", event.event_type());
    Ok(())
}

const TWILIO_DEMO_TOKEN: &str = "12345";

/// What a Twilio handler on one URL for every callback does: verify by
/// Twilio's rules, then read whichever callback it is.
fn receive_twilio(
    webhook: &twilio::Webhook,
    body: &[u8],
) -> Result<(), Box<dyn std::error::Error>> {
    let url = "https://example.com/twilio/events";
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(body)?;
    let pairs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let signature = webhook.verifier().sign_params(url, &pairs);
    let headers = [("X-Twilio-Signature", signature)];
    let line = match webhook.receive::<twilio::AnyCallback>(url, &headers, body)? {
        twilio::AnyCallback::Recording(cb) => format!(
            "Recording       {} {}",
            cb.recording_sid, cb.recording_status
        ),
        twilio::AnyCallback::Status(cb) => {
            format!("Status          {} {}", cb.call_sid, cb.call_status)
        }
        twilio::AnyCallback::Transcribe(cb) => {
            format!("Transcribe      {}", cb.transcription_status)
        }
        twilio::AnyCallback::DialAction(cb) => format!("DialAction      {}", cb.dial_call_status),
        twilio::AnyCallback::RecordAction(cb) => format!("RecordAction    {}", cb.call_sid),
        twilio::AnyCallback::ConferenceStatus(cb) => {
            format!("ConferenceStatus {}", cb.status_callback_event)
        }
        other => format!("{other:?}"),
    };
    println!("twilio  {line}");
    Ok(())
}

const ZOOM_DEMO_TOKEN: &str = "zoom-test-secret-token-0001";

/// What a Zoom handler does: verify, parse, and answer a verified URL
/// validation with its JSON.
fn receive_zoom(
    webhook: &zoom::Webhook,
    now: i64,
    body: &[u8],
) -> Result<(), Box<dyn std::error::Error>> {
    let headers = [
        (zoom::TIMESTAMP_HEADER, now.to_string()),
        (zoom::SIGNATURE_HEADER, webhook.verifier().sign(now, body)),
    ];
    let delivery = webhook.receive(&headers, body)?;
    let event = &delivery.event;
    let detail = match delivery.url_validation_response() {
        Some(answer) => format!("answer 200 {}", answer.to_json()),
        None => format!(
            "meeting={} uuid={} files={} download_token={}",
            event
                .meeting_id()
                .map_or("-".to_owned(), |id| id.to_string()),
            event.meeting_uuid().unwrap_or("-"),
            event.recording_files().len(),
            if event.download_token().is_some() {
                "yes"
            } else {
                "no"
            },
        ),
    };
    println!("zoom    {:<34} {detail}", event.event_type());
    Ok(())
}

/// The headers Svix would send with `body`.
fn signed(verifier: &Verifier, id: &str, at: i64, body: &[u8]) -> Vec<(&'static str, String)> {
    vec![
        ("webhook-id", id.to_owned()),
        ("webhook-timestamp", at.to_string()),
        ("webhook-signature", verifier.sign(id, at, body)),
    ]
}

/// What a handler does with a request: verify, then parse, in one call.
fn receive(
    webhook: &Webhook,
    headers: &[(&str, String)],
    body: &[u8],
) -> Result<Event, Box<dyn std::error::Error>> {
    let delivery = webhook.receive(headers, body)?;
    let event = delivery.event;
    let field = |value: Option<&str>| value.unwrap_or("-").to_owned();
    println!(
        "recall  {:<34} msg={} bot={} recording={} code={} sub_code={}",
        event.event_type(),
        delivery.id,
        field(event.bot_id()),
        field(event.recording_id()),
        field(event.code()),
        field(event.sub_code()),
    );
    Ok(event)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let webhook = Webhook::new(DEMO_SECRET)?;
    let verifier = webhook.verifier();
    let now = OffsetDateTime::now_utc().unix_timestamp();

    let paths = fixtures("recall")?;
    for (n, path) in paths.iter().enumerate() {
        let body = std::fs::read(path)?;
        let id = format!("msg_quickstart_{n:03}");
        receive(&webhook, &signed(verifier, &id, now, &body), &body)?;
    }

    let signalwire_webhook = signalwire::Webhook::new(SIGNALWIRE_DEMO_KEY)?;
    for path in fixtures("signalwire")? {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        receive_signalwire(&signalwire_webhook, &name, &std::fs::read(&path)?)?;
    }

    // Twilio sends the same callbacks, signed by its own rules: one URL
    // takes every kind.
    let twilio_webhook = twilio::Webhook::new(TWILIO_DEMO_TOKEN)?;
    for path in fixtures("signalwire")? {
        receive_twilio(&twilio_webhook, &std::fs::read(&path)?)?;
    }

    let daily_webhook = daily::Webhook::new(DAILY_DEMO_SECRET)?;
    for path in fixtures("daily")? {
        receive_daily(&daily_webhook, now, &std::fs::read(path)?)?;
    }

    let zoom_webhook = zoom::Webhook::new(ZOOM_DEMO_TOKEN)?;
    for path in fixtures("zoom")? {
        receive_zoom(&zoom_webhook, now, &std::fs::read(path)?)?;
    }
    // An unsigned URL validation is never answered: its HMAC would sign
    // whatever the sender put in `plainToken`.
    let challenge = std::fs::read(fixtures("zoom")?[0].as_path())?;
    let unsigned = [(zoom::TIMESTAMP_HEADER, now.to_string())];
    match zoom_webhook.receive(&unsigned, &challenge) {
        Ok(_) => return Err("an unsigned URL validation was answered".into()),
        Err(err) => println!("zoom    rejected unsigned URL validation: {err}"),
    }

    let body = std::fs::read(&paths[0])?;
    let headers = signed(verifier, "msg_tampered", now, &body);
    let mut tampered = body.clone();
    tampered.extend_from_slice(b" ");
    match receive(&webhook, &headers, &tampered) {
        Ok(_) => return Err("a tampered body was accepted".into()),
        Err(err) => println!("recall  rejected tampered body: {err}"),
    }
    let headers = signed(verifier, "msg_replayed", now - 3600, &body);
    match receive(&webhook, &headers, &body) {
        Ok(_) => return Err("a replayed request was accepted".into()),
        Err(err) => println!("recall  rejected replayed request: {err}"),
    }
    Ok(())
}
