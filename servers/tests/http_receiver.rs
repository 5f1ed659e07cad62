//! The receivers of `examples/axum_receiver.rs` and
//! `examples/actix_receiver.rs`, each served on a loopback port and called
//! with a real HTTP client: every provider's signed fixtures, and the
//! requests they must turn away, with the same answers from both.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
// The no-panic lints are for library code; tests and examples may panic.

// Each example includes `examples/shared` itself, as a standalone program.
#![allow(clippy::duplicate_mod)]

#[allow(dead_code)]
#[path = "../examples/axum_receiver.rs"]
mod axum_receiver;

#[allow(dead_code)]
#[path = "../examples/actix_receiver.rs"]
mod actix_receiver;

#[path = "../../tests/common/mod.rs"]
mod common;

use axum_receiver::shared::Webhooks;
use recording_webhooks::{daily, livekit, recall, signalwire, twilio, zoom};
use reqwest::{Client, StatusCode};

const RECALL_SECRET: &str = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
const SIGNALWIRE_KEY: &str = "PSK_test_receiver_key";
const TWILIO_TOKEN: &str = "twilio_test_auth_token";
const DAILY_SECRET: &str = "ZXhhbXBsZS1kYWlseS13ZWJob29rLXNlY3JldC0zMmI=";
/// Zoom's: a token being rotated out, then the current one (the spec's).
const ZOOM_TOKENS: &str = "zoom-old-token-being-rotated,zoom-test-secret-token-0001";
const ZOOM_TOKEN: &str = "zoom-test-secret-token-0001";
/// The crate's Telnyx test key pair (shared/spec/telnyx.md, "Test vectors").
const TELNYX_PUBLIC_KEY: &str = "SBO4g1MoMXJfqu2e+asjEJLyK5xoox1cqi85p5oDPIs=";
const LIVEKIT_KEY: &str = "APIreceiverTest";
const LIVEKIT_SECRET: &str = "livekit-receiver-test-secret-of-32-bytes";

fn secrets(name: &str) -> Option<String> {
    match name {
        "RECALL_WEBHOOK_SECRET" => Some(RECALL_SECRET.into()),
        "SIGNALWIRE_SIGNING_KEY" => Some(SIGNALWIRE_KEY.into()),
        "DAILY_WEBHOOK_SECRET" => Some(DAILY_SECRET.into()),
        "TWILIO_AUTH_TOKEN" => Some(TWILIO_TOKEN.into()),
        "ZOOM_SECRET_TOKEN" => Some(ZOOM_TOKENS.into()),
        "LIVEKIT_API_KEY" => Some(LIVEKIT_KEY.into()),
        "LIVEKIT_API_SECRET" => Some(LIVEKIT_SECRET.into()),
        "TELNYX_PUBLIC_KEY" => Some(TELNYX_PUBLIC_KEY.into()),
        _ => None,
    }
}

/// The secrets, and the receiver's own address as its public URL.
fn secrets_at(base: &str, name: &str) -> Option<String> {
    match name {
        "PUBLIC_BASE_URL" => Some(base.to_owned()),
        _ => secrets(name),
    }
}

/// A client for a receiver at `base`, signing as each provider does.
struct Sender {
    base: String,
    client: Client,
    recall: recall::Verifier,
    signalwire: signalwire::Verifier,
    twilio: twilio::Verifier,
    daily: daily::Verifier,
    zoom: zoom::Verifier,
    livekit: livekit::Verifier,
    /// The receiver's dead letters: provider and body.
    dead_letters: Box<dyn Fn() -> Vec<axum_receiver::shared::DeadLetter>>,
}

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

impl Sender {
    fn new(
        base: String,
        dead_letters: Box<dyn Fn() -> Vec<axum_receiver::shared::DeadLetter>>,
    ) -> Sender {
        Sender {
            dead_letters,
            base,
            client: Client::new(),
            recall: recall::Verifier::new(RECALL_SECRET).unwrap(),
            signalwire: signalwire::Verifier::new(SIGNALWIRE_KEY).unwrap(),
            twilio: twilio::Verifier::new(TWILIO_TOKEN).unwrap(),
            daily: daily::Verifier::new(DAILY_SECRET).unwrap(),
            zoom: zoom::Verifier::new(ZOOM_TOKEN).unwrap(),
            livekit: livekit::Verifier::new(LIVEKIT_KEY, LIVEKIT_SECRET).unwrap(),
        }
    }

    /// Sends `body` to `path` as Telnyx does, signed over `signed` at `at`.
    async fn telnyx(
        &self,
        method: reqwest::Method,
        path: &str,
        body: &[u8],
        signed: &[u8],
        at: i64,
    ) -> (StatusCode, String) {
        use base64::Engine as _;
        use ed25519_dalek::Signer as _;
        use sha2::Digest as _;
        let seed: [u8; 32] = sha2::Sha256::digest(b"recording-webhooks telnyx test seed").into();
        let key = ed25519_dalek::SigningKey::from_bytes(&seed);
        let timestamp = at.to_string();
        let signature = key.sign(&[timestamp.as_bytes(), b"|", signed].concat());
        let content_type = if body.first() == Some(&b'{') {
            "application/json"
        } else {
            "application/x-www-form-urlencoded"
        };
        let response = self
            .client
            .request(method, format!("{}{path}", self.base))
            .header("content-type", content_type)
            .header("telnyx-timestamp", timestamp)
            .header(
                "telnyx-signature-ed25519",
                base64::engine::general_purpose::STANDARD.encode(signature.to_bytes()),
            )
            .body(body.to_vec())
            .send()
            .await
            .unwrap();
        (response.status(), response.text().await.unwrap())
    }

    /// Posts `body` to `/livekit` as LiveKit does, its token minted over
    /// `signed` at `at`.
    async fn livekit(
        &self,
        body: &[u8],
        signed: &[u8],
        at: i64,
        content_type: &str,
    ) -> (StatusCode, String) {
        let response = self
            .client
            .post(format!("{}/livekit", self.base))
            .header("content-type", content_type)
            .header("authorization", self.livekit.sign(signed, at))
            .body(body.to_vec())
            .send()
            .await
            .unwrap();
        (response.status(), response.text().await.unwrap())
    }

    /// Posts `body` to `/recall`, signed over `signed` at `at`.
    async fn recall(
        &self,
        id: &str,
        at: i64,
        body: &[u8],
        signed: &[u8],
        content_type: &str,
    ) -> (StatusCode, String) {
        let response = self
            .client
            .post(format!("{}/recall", self.base))
            .header("content-type", content_type)
            .header("webhook-id", id)
            .header("webhook-timestamp", at.to_string())
            .header("webhook-signature", self.recall.sign(id, at, signed))
            .body(body.to_vec())
            .send()
            .await
            .unwrap();
        (response.status(), response.text().await.unwrap())
    }

    /// Posts to `/daily`, signed (when `sign`) with the timestamp the
    /// request carries.
    async fn daily(&self, body: &[u8], signed: Option<&[u8]>) -> (StatusCode, String) {
        let at = now();
        let mut request = self
            .client
            .post(format!("{}/daily", self.base))
            .header("content-type", "application/json")
            .header("x-webhook-timestamp", at.to_string());
        if let Some(signed) = signed {
            request = request.header("x-webhook-signature", self.daily.sign(at, signed));
        }
        let response = request.body(body.to_vec()).send().await.unwrap();
        (response.status(), response.text().await.unwrap())
    }

    /// Posts a form to `/signalwire/recording`, signed over `signed`'s
    /// parameters and the URL called (the receiver trusts `Host`).
    async fn signalwire(&self, body: &[u8], signed: &[u8]) -> StatusCode {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(signed).unwrap();
        let pairs: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let url = format!("{}/signalwire/recording", self.base);
        let signature = self.signalwire.sign_params(&url, &pairs);
        self.client
            .post(url)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("x-signalwire-signature", signature)
            .body(body.to_vec())
            .send()
            .await
            .unwrap()
            .status()
    }
}

impl Sender {
    /// Posts to `/zoom`, signed over `signed` (when given) at `at`; the
    /// status, the `Content-Type` and the text of the answer.
    async fn zoom(
        &self,
        body: &[u8],
        signed: Option<&[u8]>,
        at: i64,
    ) -> (StatusCode, String, String) {
        let mut request = self
            .client
            .post(format!("{}/zoom", self.base))
            .header("content-type", "application/json; charset=utf-8")
            .header("x-zm-request-timestamp", at.to_string());
        if let Some(signed) = signed {
            request = request.header("x-zm-signature", self.zoom.sign(at, signed));
        }
        let response = request.body(body.to_vec()).send().await.unwrap();
        let content_type = response
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        (
            response.status(),
            content_type,
            response.text().await.unwrap(),
        )
    }

    /// Posts a form to `/twilio/recording`, signed by Twilio's rules over
    /// `signed`'s parameters.
    async fn twilio(&self, body: &[u8], signed: &[(&str, &str)]) -> StatusCode {
        let url = format!("{}/twilio/recording", self.base);
        let signature = self.twilio.sign_params(&url, signed);
        self.client
            .post(url)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("x-twilio-signature", signature)
            .body(body.to_vec())
            .send()
            .await
            .unwrap()
            .status()
    }
}

/// Every callback fixture, of every kind, SignalWire's and Twilio's, to
/// the one `twilio::Delivery<AnyCallback>` route: a Voice URL request and a
/// `<Gather>` action are answered with TwiML, the others with 204, and a retry (the same
/// idempotency token) is recognised.
async fn every_callback_kind_on_one_route(sender: &Sender) {
    let url = format!("{}/twilio/events", sender.base);
    let post = |body: Vec<u8>, token: String| {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&body).unwrap();
        let pairs: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let signature = sender.twilio.sign_params(&url, &pairs);
        sender
            .client
            .post(&url)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("x-twilio-signature", signature)
            .header("i-twilio-idempotency-token", token)
            .body(body)
            .send()
    };
    let fixtures = common::files("signalwire", "form")
        .into_iter()
        .map(|(name, body)| (format!("signalwire/{name}"), body))
        .chain(
            common::files("twilio", "form")
                .into_iter()
                .map(|(name, body)| (format!("twilio/{name}"), body)),
        );
    for (name, body) in fixtures {
        let response = post(body.clone(), format!("token-{name}")).await.unwrap();
        let status = response.status();
        let text = response.text().await.unwrap();
        if name.contains("/voice.") || name.contains("/gather-action") {
            assert_eq!(
                (status, text.as_str()),
                (StatusCode::OK, "<Response/>"),
                "{name}"
            );
        } else {
            assert_eq!(status, StatusCode::NO_CONTENT, "{name}: {text}");
        }
        // Twilio's retry of the same request.
        let retry = post(body, format!("token-{name}")).await.unwrap();
        assert_eq!(retry.text().await.unwrap(), "duplicate", "{name}");
    }
}

async fn every_twilio_rule_and_the_rejections(sender: &Sender) {
    let params = [
        ("AccountSid", "AC1"),
        ("RecordingSid", "RE1"),
        ("RecordingStatus", "completed"),
    ];
    let body = serde_urlencoded::to_string(params).unwrap();
    assert_eq!(
        sender.twilio(body.as_bytes(), &params).await,
        StatusCode::NO_CONTENT
    );
    // A repeated name: Twilio signs its distinct values sorted, whatever
    // order they were sent in.
    let repeated = b"AccountSid=AC1&RecordingSid=RE1&RecordingStatus=completed&Tag=b&Tag=a";
    let signed = [
        ("AccountSid", "AC1"),
        ("RecordingSid", "RE1"),
        ("RecordingStatus", "completed"),
        ("Tag", "a"),
        ("Tag", "b"),
    ];
    assert_eq!(
        sender.twilio(repeated, &signed).await,
        StatusCode::NO_CONTENT
    );
    // SignalWire's signature of the same request is not Twilio's.
    let url = format!("{}/twilio/recording", sender.base);
    let signalwire_signature = sender.signalwire.sign_params(&url, &signed);
    let status = sender
        .client
        .post(&url)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("x-twilio-signature", signalwire_signature)
        .body(repeated.to_vec())
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let missing = [("AccountSid", "AC1"), ("RecordingSid", "RE1")];
    let body = serde_urlencoded::to_string(missing).unwrap();
    assert_eq!(
        sender.twilio(body.as_bytes(), &missing).await,
        StatusCode::BAD_REQUEST
    );
}

async fn start_axum() -> Sender {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let webhooks = Webhooks::from_lookup(|name| secrets_at(&base, name), false).unwrap();
    let app = axum_receiver::router(webhooks.clone());
    tokio::spawn(async move { axum::serve(listener, app).await });
    Sender::new(base, Box::new(move || webhooks.dead_letters()))
}

async fn start_actix() -> Sender {
    // The example includes its own copy of the shared module.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let webhooks =
        actix_receiver::shared::Webhooks::from_lookup(|name| secrets_at(&base, name), false)
            .unwrap();
    let served = webhooks.clone();
    let server = actix_web::HttpServer::new(move || {
        actix_web::App::new().configure(actix_receiver::configure(served.clone()))
    })
    .workers(1)
    .listen(listener)
    .unwrap()
    .run();
    tokio::spawn(server);
    Sender::new(base, Box::new(move || webhooks.dead_letters()))
}

async fn every_recall_fixture_once_and_the_rejections(sender: &Sender) {
    for (n, (name, body)) in common::fixtures("recall").into_iter().enumerate() {
        let id = format!("msg_http_{n}");
        let answer = sender
            .recall(&id, now(), &body, &body, "application/json")
            .await;
        assert_eq!(answer, (StatusCode::OK, "ok".to_owned()), "{name}");
    }
    // A retry reuses the message id: acknowledged, not processed again.
    let body = br#"{"event":"bot.done","data":{"data":{"code":"done","sub_code":null,"updated_at":"2025-01-29T23:49:58.570998+00:00"},"bot":{"id":"b1","metadata":{}}}}"#;
    let first = sender
        .recall("msg_dup", now(), body, body, "application/json")
        .await;
    let retry = sender
        .recall("msg_dup", now(), body, body, "application/json")
        .await;
    assert_eq!(first, (StatusCode::OK, "ok".to_owned()));
    assert_eq!(retry, (StatusCode::OK, "duplicate".to_owned()));

    let tampered = br#"{"event":"bot.done","data":{"data":{"code":"done","updated_at":"2025-01-29T23:49:58Z"},"bot":{"id":"b2"}}}"#;
    /// Message id, timestamp, body sent, body signed, content type, answer.
    type Case<'a> = (&'a str, i64, &'a [u8], &'a [u8], &'a str, StatusCode);
    let cases: [Case; 6] = [
        (
            "m1",
            now(),
            tampered,
            body,
            "application/json",
            StatusCode::UNAUTHORIZED,
        ),
        (
            "m2",
            now() - 3600,
            body,
            body,
            "application/json",
            StatusCode::UNAUTHORIZED,
        ),
        (
            "m3",
            now() + 3600,
            body,
            body,
            "application/json",
            StatusCode::UNAUTHORIZED,
        ),
        (
            "m4",
            now(),
            body,
            body,
            "text/plain",
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (
            "m5",
            now(),
            b"{\"event\":42}",
            b"{\"event\":42}",
            "application/json; charset=utf-8",
            StatusCode::BAD_REQUEST,
        ),
        (
            "m6",
            now(),
            &[b' '; recording_webhooks::DEFAULT_BODY_LIMIT + 1],
            b"x",
            "application/json",
            StatusCode::PAYLOAD_TOO_LARGE,
        ),
    ];
    for (id, at, sent, signed, content_type, status) in cases {
        let (answer, text) = sender.recall(id, at, sent, signed, content_type).await;
        assert_eq!(answer, status, "{id}: {text}");
        assert!(
            text.len() < 100 && !text.contains("bot.done"),
            "short, no echo: {text}"
        );
    }
    // Of all these, the one body that verified but did not parse was kept.
    let recall_letters: Vec<Vec<u8>> = (sender.dead_letters)()
        .into_iter()
        .filter(|(provider, _)| *provider == "recall")
        .map(|(_, body)| body)
        .collect();
    assert_eq!(recall_letters, [b"{\"event\":42}".to_vec()]);
}

async fn every_daily_fixture_the_ping_and_the_rejections(sender: &Sender) {
    for (name, body) in common::fixtures("daily") {
        let expected = if name.starts_with("test") {
            "ping"
        } else {
            "ok"
        };
        let answer = sender.daily(&body, Some(&body)).await;
        assert_eq!(answer, (StatusCode::OK, expected.to_owned()), "{name}");
    }
    let ping = sender.daily(br#"{"test":"test"}"#, None).await;
    assert_eq!(
        ping,
        (StatusCode::OK, "ping".to_owned()),
        "the unsigned ping"
    );
    let body = br#"{"version":"1.0.0","type":"meeting.started","id":"m-retry","payload":{"start_ts":1,"meeting_id":"m","room":"r"},"event_ts":1}"#;
    assert_eq!(sender.daily(body, None).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(
        sender.daily(body, Some(b"other")).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        sender.daily(body, Some(body)).await,
        (StatusCode::OK, "ok".to_owned())
    );
    assert_eq!(
        sender.daily(body, Some(body)).await,
        (StatusCode::OK, "duplicate".to_owned())
    );
    let bad = br#"{"version":"1.0.0","type":"meeting.started"}"#;
    assert_eq!(
        sender.daily(bad, Some(bad)).await.0,
        StatusCode::BAD_REQUEST
    );
}

async fn every_signalwire_recording_fixture_and_the_rejections(sender: &Sender) {
    let mut checked = 0;
    for (name, body) in common::files("signalwire", "form") {
        if name.starts_with("recording-status.") {
            assert_eq!(
                sender.signalwire(&body, &body).await,
                StatusCode::NO_CONTENT,
                "{name}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 10);
    let body = b"AccountSid=a&RecordingSid=r&RecordingStatus=completed";
    let other = b"AccountSid=a&RecordingSid=x&RecordingStatus=completed";
    assert_eq!(
        sender.signalwire(other, body).await,
        StatusCode::UNAUTHORIZED
    );
    let missing = b"AccountSid=a&RecordingSid=r";
    assert_eq!(
        sender.signalwire(missing, missing).await,
        StatusCode::BAD_REQUEST
    );
}

async fn every_zoom_fixture_the_validation_and_the_oracle(sender: &Sender) {
    for (name, body) in common::fixtures("zoom") {
        let (status, _, text) = sender.zoom(&body, Some(&body), now()).await;
        assert_eq!(status, StatusCode::OK, "{name}: {text}");
    }
    // The docs' challenge, answered with the HMAC of the token that verified
    // it (the second configured), computed by Python's `hmac`.
    let challenge = br#"{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}"#;
    let (status, content_type, text) = sender.zoom(challenge, Some(challenge), now()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "application/json");
    let answer: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        answer,
        serde_json::json!({
            "plainToken": "qgg8vlvZRS6UYooatFL8Aw",
            "encryptedToken": "4daf718ef353f4bd053bf49d951f277c373c181ea1ddc73f1bdf0b4803ad537e",
        })
    );

    // The signing oracle: a body-shaped token, unsigned, wrongly signed or
    // stale, gets a 401 and no HMAC; signed, a 400 and no HMAC.
    let forged = r#"{"event":"recording.completed","payload":{"account_id":"attacker","object":{"uuid":"x","id":1,"recording_files":[{"download_url":"https://evil.example/x"}]}},"event_ts":1739923528000}"#;
    let oracle = serde_json::to_vec(&serde_json::json!({
        "event": "endpoint.url_validation",
        "event_ts": 1739923528000_i64,
        "payload": {"plainToken": format!("v0:1739923528:{forged}")},
    }))
    .unwrap();
    for (signed, at, expected) in [
        (None, now(), StatusCode::UNAUTHORIZED),
        (Some(&b"another body"[..]), now(), StatusCode::UNAUTHORIZED),
        (Some(&oracle[..]), now() - 3600, StatusCode::UNAUTHORIZED),
        (Some(&oracle[..]), now(), StatusCode::BAD_REQUEST),
    ] {
        let (status, _, text) = sender.zoom(&oracle, signed, at).await;
        assert_eq!(status, expected, "{text}");
        assert!(
            !text.contains("encryptedToken") && text.len() < 100,
            "{text}"
        );
    }
    let (status, _, _) = sender.zoom(b"{}", Some(b"{}"), now()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let response = sender
        .client
        .post(format!("{}/zoom", sender.base))
        .header("content-type", "text/plain")
        .body(challenge.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

async fn every_livekit_fixture_once_and_the_rejections(sender: &Sender) {
    const WEBHOOK_JSON: &str = "application/webhook+json";
    for (name, body) in common::fixtures("livekit") {
        let answer = sender.livekit(&body, &body, now(), WEBHOOK_JSON).await;
        assert_eq!(answer, (StatusCode::OK, "ok".to_owned()), "{name}");
    }
    // A retry of the same send: the same id, acknowledged once.
    let body = br#"{"event":"room_started","id":"EV_retry","createdAt":"1767225600","room":{"sid":"RM_1","name":"r"}}"#;
    let first = sender.livekit(body, body, now(), "application/json").await;
    assert_eq!(first, (StatusCode::OK, "ok".to_owned()));
    let again = sender.livekit(body, body, now(), WEBHOOK_JSON).await;
    assert_eq!(again, (StatusCode::OK, "duplicate".to_owned()));
    // Altered after signing, expired, or of another type: refused.
    let altered = br#"{"event":"room_started","id":"EV_retry2","createdAt":"1767225600","room":{"sid":"RM_1","name":"r"}}"#;
    let (status, text) = sender.livekit(altered, body, now(), WEBHOOK_JSON).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{text}");
    assert!(text.contains("altered"), "{text}");
    let stale = sender
        .livekit(altered, altered, now() - 3600, WEBHOOK_JSON)
        .await;
    assert_eq!(stale.0, StatusCode::UNAUTHORIZED, "{}", stale.1);
    let plain = sender.livekit(altered, altered, now(), "text/plain").await;
    assert_eq!(plain.0, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{}", plain.1);
    // Verified, but not an event: 400, and kept as a dead letter.
    let bad = br#"{"event":"egress_ended","egressInfo":[]}"#;
    let (status, text) = sender.livekit(bad, bad, now(), WEBHOOK_JSON).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{text}");
    assert!(
        (sender.dead_letters)().contains(&("livekit", bad.to_vec())),
        "not kept"
    );
}

async fn every_telnyx_fixture_once_and_the_rejections(sender: &Sender) {
    use reqwest::Method;
    for (name, body) in common::fixtures("telnyx") {
        let answer = sender
            .telnyx(Method::POST, "/telnyx", &body, &body, now())
            .await;
        assert_eq!(answer, (StatusCode::OK, "ok".to_owned()), "{name}");
    }
    // Telnyx delivers some events twice: acknowledged once.
    let (name, body) = common::fixtures("telnyx").swap_remove(0);
    let again = sender
        .telnyx(Method::POST, "/telnyx", &body, &body, now())
        .await;
    assert_eq!(again, (StatusCode::OK, "duplicate".to_owned()), "{name}");
    for (name, form) in common::files("telnyx", "form") {
        let answer = sender
            .telnyx(Method::POST, "/telnyx/texml", &form, &form, now())
            .await;
        assert_eq!(answer.0, StatusCode::NO_CONTENT, "{name}: {}", answer.1);
    }
    // Altered, stale, or a GET whose query no signature covers: refused.
    let form = b"AccountSid=a&RecordingSid=r&RecordingStatus=completed";
    let altered = sender
        .telnyx(
            Method::POST,
            "/telnyx/texml",
            b"AccountSid=a&RecordingSid=x&RecordingStatus=completed",
            form,
            now(),
        )
        .await;
    assert_eq!(altered.0, StatusCode::UNAUTHORIZED, "{}", altered.1);
    let stale = sender
        .telnyx(Method::POST, "/telnyx/texml", form, form, now() - 3600)
        .await;
    assert_eq!(stale.0, StatusCode::UNAUTHORIZED, "{}", stale.1);
    let path = format!("/telnyx/texml?{}", String::from_utf8_lossy(form));
    let (status, text) = sender.telnyx(Method::GET, &path, b"", b"", now()).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{text}");
    assert!(text.contains("query is not signed"), "{text}");
    // Verified, but not an event: 400, and kept as a dead letter.
    let bad = br#"{"data":{"event_type":"call.hangup","payload":{}}}"#;
    let (status, text) = sender
        .telnyx(Method::POST, "/telnyx", bad, bad, now())
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{text}");
    assert!(
        (sender.dead_letters)().contains(&("telnyx", bad.to_vec())),
        "not kept"
    );
}

#[tokio::test]
async fn axum_receiver_answers_every_provider() {
    let sender = start_axum().await;
    every_recall_fixture_once_and_the_rejections(&sender).await;
    every_daily_fixture_the_ping_and_the_rejections(&sender).await;
    every_signalwire_recording_fixture_and_the_rejections(&sender).await;
    every_twilio_rule_and_the_rejections(&sender).await;
    every_callback_kind_on_one_route(&sender).await;
    every_zoom_fixture_the_validation_and_the_oracle(&sender).await;
    every_livekit_fixture_once_and_the_rejections(&sender).await;
    every_telnyx_fixture_once_and_the_rejections(&sender).await;
}

#[tokio::test]
async fn actix_receiver_answers_every_provider() {
    let sender = start_actix().await;
    every_recall_fixture_once_and_the_rejections(&sender).await;
    every_daily_fixture_the_ping_and_the_rejections(&sender).await;
    every_signalwire_recording_fixture_and_the_rejections(&sender).await;
    every_twilio_rule_and_the_rejections(&sender).await;
    every_callback_kind_on_one_route(&sender).await;
    every_zoom_fixture_the_validation_and_the_oracle(&sender).await;
    every_livekit_fixture_once_and_the_rejections(&sender).await;
    every_telnyx_fixture_once_and_the_rejections(&sender).await;
}

#[test]
fn the_receivers_refuse_to_start_without_their_secrets() {
    let err = Webhooks::from_lookup(|_| None, false).err().unwrap();
    assert!(err.to_string().contains("RECALL_WEBHOOK_SECRET"), "{err}");
    assert!(err.to_string().contains("--demo"), "{err}");
    assert!(Webhooks::from_lookup(|_| None, true).is_ok());
    let only_recall =
        |name: &str| (name == "RECALL_WEBHOOK_SECRET").then(|| RECALL_SECRET.to_owned());
    let err = Webhooks::from_lookup(only_recall, false).err().unwrap();
    assert!(err.to_string().contains("SIGNALWIRE_SIGNING_KEY"), "{err}");
    // An empty key is refused, demo or not.
    let empty = |name: &str| (name == "SIGNALWIRE_SIGNING_KEY").then(String::new);
    let err = Webhooks::from_lookup(empty, true).err().unwrap();
    assert!(err.to_string().contains("empty"), "{err}");
}

#[test]
fn without_a_public_url_the_url_signed_routes_trust_no_host() {
    let host = [("Host", "attacker.example")];
    // Not a demo: no public URL to verify against, whatever `Host` says.
    let webhooks = Webhooks::from_lookup(secrets, false).unwrap();
    assert_eq!(
        webhooks
            .signalwire
            .public_url("/signalwire/recording", &host),
        None
    );
    assert_eq!(webhooks.twilio.public_url("/twilio/recording", &host), None);
    // A demo trusts the request's own `Host`.
    let demo = Webhooks::from_lookup(secrets, true).unwrap();
    assert_eq!(
        demo.signalwire.public_url("/x", &host).as_deref(),
        Some("http://attacker.example/x")
    );
    // With PUBLIC_BASE_URL, that base and nothing else.
    let configured =
        Webhooks::from_lookup(|name| secrets_at("https://hooks.example.com", name), false).unwrap();
    assert_eq!(
        configured
            .twilio
            .public_url("/twilio/recording", &host)
            .as_deref(),
        Some("https://hooks.example.com/twilio/recording")
    );
}

#[tokio::test]
async fn without_a_public_url_signed_callbacks_are_refused_with_the_reason() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let app = axum_receiver::router(Webhooks::from_lookup(secrets, false).unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    let sender = Sender::new(base, Box::new(Vec::new));
    let body = b"AccountSid=a&RecordingSid=r&RecordingStatus=completed";
    let response = sender
        .client
        .post(format!("{}/signalwire/recording", sender.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("x-signalwire-signature", "anything")
        .body(body.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert!(response.text().await.unwrap().contains("public URL"));
}
