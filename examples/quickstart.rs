//! The main job, end to end: signs every bundled Recall.ai, SignalWire,
//! Twilio, Daily, Zoom and LiveKit fixture as the provider would (with
//! `--features telnyx`, receives Telnyx's signed examples too), then verifies and parses each request as a
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
use recording_webhooks::{daily, livekit, signalwire, twilio, zoom};
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
    // The deliveries, not a folder's README.
    paths.retain(|path| path.extension().is_some_and(|e| e == "json" || e == "form"));
    paths.sort();
    Ok(paths)
}

const SIGNALWIRE_DEMO_KEY: &str = "PSK_V3bF8oyeRNpJWGoRWHNYQMUU";

/// What a SignalWire handler on one URL for every callback does: verify,
/// then read whichever callback it is.
fn receive_signalwire(
    webhook: &signalwire::Webhook,
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
    let delivery = webhook.receive::<signalwire::AnyCallback>(url, &headers, body)?;
    println!("signalwire {}", describe(delivery.event()));
    Ok(())
}

/// One line for a callback of either provider, by its kind.
fn describe(callback: &signalwire::AnyCallback) -> String {
    use signalwire::AnyCallback;
    let or_dash = |value: Option<String>| value.unwrap_or_else(|| "-".to_owned());
    match callback {
        AnyCallback::Recording(cb) => format!(
            "RecordingStatusCallback  status={} source={} duration={}",
            cb.recording_status,
            cb.recording_source.as_ref().map_or("-", |s| s.as_str()),
            or_dash(cb.recording_duration.map(|d| d.to_string())),
        ),
        AnyCallback::Status(cb) => format!(
            "StatusCallback           status={} call={}",
            cb.call_status, cb.call_sid
        ),
        AnyCallback::Transcribe(cb) => format!(
            "TranscribeCallback       status={}",
            cb.transcription_status
        ),
        AnyCallback::DialAction(cb) => format!(
            "DialActionCallback       status={} duration={}",
            cb.dial_call_status,
            or_dash(cb.dial_call_duration.map(|d| d.to_string())),
        ),
        AnyCallback::RecordAction(cb) => format!(
            "RecordActionCallback     duration={} digits={}",
            or_dash(cb.recording_duration.map(|d| d.to_string())),
            or_dash(cb.digits.clone()),
        ),
        AnyCallback::ConferenceStatus(cb) => format!(
            "ConferenceStatusCallback event={} conference={}",
            cb.status_callback_event, cb.conference_sid
        ),
        AnyCallback::Voice(cb) => format!(
            "VoiceRequest             status={} from={} city={}",
            cb.call_status,
            or_dash(cb.from.clone()),
            or_dash(cb.from_city.clone()),
        ),
        AnyCallback::GatherAction(cb) => format!(
            "GatherActionCallback     digits={} speech={}",
            or_dash(cb.digits.clone()),
            or_dash(cb.speech_result.clone()),
        ),
        AnyCallback::AmdStatus(cb) => format!(
            "AmdStatusCallback        answered_by={} call={}",
            cb.answered_by, cb.call_sid
        ),
        other => format!("other parameters: {}", other.to_form()),
    }
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
    let event = webhook.receive(&headers, body)?.into_event();
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
    let delivery = webhook.receive::<twilio::AnyCallback>(url, &headers, body)?;
    println!("twilio     {}", describe(delivery.event()));
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
    let event = delivery.event();
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

const LIVEKIT_DEMO_KEY: &str = "APIkey123";
const LIVEKIT_DEMO_SECRET: &str = "secret-that-is-at-least-32-bytes-long!!";

/// What a LiveKit handler does: verify the `Authorization` token and the
/// body's hash, parse, and read an egress's files.
fn receive_livekit(
    webhook: &livekit::Webhook,
    now: i64,
    body: &[u8],
) -> Result<(), Box<dyn std::error::Error>> {
    let token = webhook.verifier().sign(body, now);
    let delivery = webhook.receive(&[("Authorization", token.as_str())], body)?;
    let event = delivery.event();
    let detail = match event.egress() {
        Some(egress) => format!(
            "egress={} status={}{} files={}",
            egress.egress_id.as_deref().unwrap_or("-"),
            egress.status(),
            if egress.is_terminal() {
                " (terminal)"
            } else {
                ""
            },
            egress.files().len(),
        ),
        None => format!(
            "room={} participant={}",
            event
                .room()
                .and_then(|room| room.name.as_deref())
                .unwrap_or("-"),
            event
                .participant()
                .and_then(|participant| participant.identity.as_deref())
                .unwrap_or("-"),
        ),
    };
    println!(
        "livekit {:<34} id={} {detail}",
        event.event_type(),
        delivery.id().unwrap_or("-")
    );
    Ok(())
}

/// What a Telnyx handler does, on the spec's three signed requests (Telnyx
/// signs with its private key: the example cannot sign new ones), at the
/// time they were signed.
#[cfg(feature = "telnyx")]
fn receive_telnyx() -> Result<(), Box<dyn std::error::Error>> {
    use recording_webhooks::telnyx;
    let webhook = telnyx::Webhook::new("SBO4g1MoMXJfqu2e+asjEJLyK5xoox1cqi85p5oDPIs=")?;
    let signed_at = OffsetDateTime::from_unix_timestamp(1_767_225_600)?;
    let signed = |signature: &'static str| {
        [
            (telnyx::TIMESTAMP_HEADER, "1767225600"),
            (telnyx::SIGNATURE_HEADER, signature),
        ]
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/telnyx");
    for (file, signature) in [
        (
            "call.recording.saved.json",
            "nR5tx9JWqLpPzJnjfcVXk0yayeTagrXxe/OqfG3nVJ4coWta661d8Y4HNiWNnqoHZZ5gCf/sl+jVrel9fc+FDA==",
        ),
        (
            "call.recording.transcription.saved.json",
            "2U4/EjnuBWToFd2h6sjS4kGRbbl0yJbU646JOj+sNNszwi0wUEdAGHsoWYacbrSZ7Zd97Khktrw8WRerib+GBw==",
        ),
    ] {
        let body = std::fs::read(dir.join(file))?;
        let delivery = webhook.receive_at(&signed(signature), &body, signed_at)?;
        let event = delivery.event();
        println!(
            "telnyx  {:<34} id={} call={}",
            event.event_type(),
            event.id(),
            event.call_control_id().unwrap_or("-")
        );
    }
    let body = std::fs::read(dir.join("recording-status.completed.form"))?;
    let signature =
        "hiuTDwitueMpnK3jzVmEBMCNYWtL6k4E27xtaZu8u5vu+rDYXisDHeLdiDQ+4UPcvwKQwAtjQuIjTAy26pHqCA==";
    let delivery = webhook.receive_callback_at::<telnyx::RecordingStatusCallback>(
        &signed(signature),
        &body,
        signed_at,
    )?;
    println!(
        "telnyx  texml {:<28} recording={} status={}",
        "recordingStatusCallback",
        delivery.event().recording_sid,
        delivery.event().recording_status
    );
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
    let field = |value: Option<&str>| value.unwrap_or("-").to_owned();
    let msg = field(delivery.id());
    let event = delivery.into_event();
    println!(
        "recall  {:<34} msg={} bot={} recording={} code={} sub_code={}",
        event.event_type(),
        msg,
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
        receive_signalwire(&signalwire_webhook, &std::fs::read(&path)?)?;
    }

    // Twilio sends the same callbacks, signed by its own rules: one URL
    // takes every kind.
    let twilio_webhook = twilio::Webhook::new(TWILIO_DEMO_TOKEN)?;
    for path in fixtures("twilio")? {
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

    let livekit_webhook = livekit::Webhook::new(LIVEKIT_DEMO_KEY, LIVEKIT_DEMO_SECRET)?;
    for path in fixtures("livekit")? {
        receive_livekit(&livekit_webhook, now, &std::fs::read(path)?)?;
    }

    #[cfg(feature = "telnyx")]
    receive_telnyx()?;

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
