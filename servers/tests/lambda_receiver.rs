//! The Lambda receiver's handler, given the requests `lambda_http` builds
//! (no AWS needed): signed deliveries accepted, unsigned ones refused.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.

#[allow(dead_code)]
#[path = "../examples/lambda_receiver.rs"]
mod lambda_receiver;

use lambda_http::{Body, Request};
use lambda_receiver::{Webhooks, handle};
use recording_webhooks::{daily, recall, zoom};

fn webhooks() -> Webhooks {
    Webhooks {
        recall: recall::Webhook::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap(),
        daily: daily::Webhook::new("ZXhhbXBsZS1kYWlseS13ZWJob29rLXNlY3JldC0zMmI=").unwrap(),
        zoom: zoom::Webhook::new("zoom-test-secret-token-0001").unwrap(),
    }
}

fn request(path: &str, headers: &[(&str, String)], body: &[u8]) -> Request {
    let mut builder = lambda_http::http::Request::builder()
        .method("POST")
        .uri(format!("https://abc.lambda-url.us-east-1.on.aws{path}"));
    for (name, value) in headers {
        builder = builder.header(*name, value);
    }
    builder.body(Body::from(body.to_vec())).unwrap()
}

#[test]
fn signed_deliveries_are_accepted_and_the_rest_refused() {
    let webhooks = webhooks();
    let now = time::OffsetDateTime::now_utc().unix_timestamp();

    let body = br#"{"event":"bot.done","data":{"data":{"code":"done","sub_code":null,"updated_at":"2025-01-29T23:49:58.570998+00:00"},"bot":{"id":"b1","metadata":{}}}}"#;
    let signature = webhooks.recall.verifier().sign("msg_1", now, body);
    let headers = [
        ("webhook-id", "msg_1".to_owned()),
        ("webhook-timestamp", now.to_string()),
        ("webhook-signature", signature),
    ];
    assert_eq!(
        handle(&webhooks, &request("/recall", &headers, body)),
        (200, "recall bot.done".to_owned())
    );
    assert_eq!(
        handle(&webhooks, &request("/recall", &headers, b"{}")).0,
        401
    );

    // Zoom's challenge: answered with its JSON only when signed.
    let challenge = br#"{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}"#;
    let signed = [
        ("x-zm-request-timestamp", now.to_string()),
        (
            "x-zm-signature",
            webhooks.zoom.verifier().sign(now, challenge),
        ),
    ];
    let (status, text) = handle(&webhooks, &request("/zoom", &signed, challenge));
    assert_eq!(status, 200);
    assert!(
        text.contains("4daf718ef353f4bd053bf49d951f277c373c181ea1ddc73f1bdf0b4803ad537e"),
        "{text}"
    );
    let (status, text) = handle(&webhooks, &request("/zoom", &signed[..1], challenge));
    assert_eq!(status, 401);
    assert!(!text.contains("encryptedToken"));

    // Daily's ping, unsigned.
    assert_eq!(
        handle(&webhooks, &request("/daily", &[], br#"{"test":"test"}"#)).0,
        200
    );
    assert_eq!(handle(&webhooks, &request("/other", &[], b"")).0, 404);
}
