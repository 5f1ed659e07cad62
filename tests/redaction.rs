//! No credential a payload carries (a download token, a recording's
//! password or play passcode, a share token, a call token, a room's TURN
//! password, an ingress's stream key) appears in the
//! `Debug` of any parsed event or callback of any provider, while
//! serializing writes it back unchanged.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.
#![cfg(all(
    feature = "recall",
    feature = "signalwire",
    feature = "twilio",
    feature = "daily",
    feature = "zoom",
    feature = "livekit"
))]

mod common;

use recording_webhooks::signalwire::AnyCallback;
use recording_webhooks::{daily, livekit, recall, zoom};
use serde_json::Value;

/// The keys whose values are credentials, in every provider's payloads.
const SECRET_KEYS: &[&str] = &[
    "download_token",
    "password",
    "recording_play_passcode",
    "share_token",
    "CallToken",
    "turnPassword",
    "streamKey",
];

/// Every value under a secret key anywhere in `value`.
fn secrets_in(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                match child {
                    Value::String(text) if SECRET_KEYS.contains(&key.as_str()) => {
                        found.push(text.clone());
                    }
                    _ => secrets_in(child, found),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| secrets_in(item, found)),
        _ => {}
    }
}

/// Checks one parsed value: its `Debug` holds none of `secrets`, its JSON
/// all of them. Returns how many secrets were checked.
fn check(name: &str, debug: &str, json: &str, secrets: &[String]) -> usize {
    let mut checked = 0;
    for secret in secrets.iter().filter(|secret| secret.len() >= 4) {
        // As `Debug` would write it: a JSON call token's quotes escaped.
        let escaped = format!("{secret:?}");
        let escaped = escaped.trim_matches('"');
        assert!(
            !debug.contains(secret.as_str()) && !debug.contains(escaped),
            "{name}: `{secret}` in Debug"
        );
        let written = serde_json::to_string(secret).unwrap();
        assert!(
            json.contains(written.trim_matches('"')),
            "{name}: not written back"
        );
        checked += 1;
    }
    checked
}

#[test]
fn no_fixture_shows_a_credential_in_debug() {
    let mut checked = 0;
    for (dir, parse) in [
        (
            "zoom",
            (|body: &[u8]| {
                let event = zoom::Event::from_slice(body).unwrap();
                (format!("{event:?}"), serde_json::to_string(&event).unwrap())
            }) as fn(&[u8]) -> (String, String),
        ),
        ("daily", |body| {
            let event = daily::Event::from_slice(body).unwrap();
            (format!("{event:?}"), serde_json::to_string(&event).unwrap())
        }),
        ("recall", |body| {
            let event = recall::Event::from_slice(body).unwrap();
            (format!("{event:?}"), serde_json::to_string(&event).unwrap())
        }),
        ("livekit", |body| {
            let event = livekit::Event::from_slice(body).unwrap();
            (format!("{event:?}"), serde_json::to_string(&event).unwrap())
        }),
    ] {
        for (name, body) in common::fixtures(dir) {
            let mut secrets = Vec::new();
            secrets_in(&serde_json::from_slice(&body).unwrap(), &mut secrets);
            let (debug, json) = parse(&body);
            checked += check(&name, &debug, &json, &secrets);
        }
    }
    for dir in ["signalwire", "twilio"] {
        for (name, body) in common::files(dir, "form") {
            let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&body).unwrap();
            let secrets: Vec<String> = pairs
                .into_iter()
                .filter(|(key, _)| SECRET_KEYS.contains(&key.as_str()))
                .map(|(_, value)| value)
                .collect();
            let callback = AnyCallback::from_form(&body).unwrap();
            let (debug, json) = (
                format!("{callback:?}"),
                serde_json::to_string(&callback).unwrap(),
            );
            checked += check(&name, &debug, &json, &secrets);
        }
    }
    // Zoom's download tokens, passwords and passcodes, Daily's share token,
    // Twilio's call token, LiveKit's TURN passwords and stream key.
    assert!(checked >= 20, "{checked}");
}

#[test]
fn credentials_added_anywhere_they_are_documented_stay_out_of_debug() {
    let body = br#"{"version":"1.0.0","type":"recording.ready-to-download","id":"r","payload":{"recording_id":"r","room_name":"n","start_ts":1,"status":"finished","duration":9,"share_token":"SHARE-SECRET-1"},"event_ts":2}"#;
    let event = daily::Event::from_slice(body).unwrap();
    assert!(!format!("{event:?}").contains("SHARE-SECRET-1"));

    let body = br#"{"event":"recording.trashed","event_ts":1,"download_token":"DL-SECRET-2","payload":{"account_id":"a","object":{"uuid":"u","id":1,"host_id":"h","topic":"t","type":2,"start_time":"2026-03-02T09:00:00Z","duration":0,"total_size":1,"recording_count":0,"share_url":"https://example.zoom.us/rec/share/x","password":"PW-SECRET-3","recording_play_passcode":"PASS-SECRET-4"}}}"#;
    let event = zoom::Event::from_slice(body).unwrap();
    let debug = format!("{event:?}");
    for secret in ["DL-SECRET-2", "PW-SECRET-3", "PASS-SECRET-4"] {
        assert!(!debug.contains(secret), "{secret}: {debug}");
    }
    assert!(
        serde_json::to_string(&event)
            .unwrap()
            .contains("PASS-SECRET-4")
    );
}

/// Telnyx's recording links are presigned: a credential while they live.
#[cfg(feature = "telnyx")]
#[test]
fn telnyx_recording_links_stay_out_of_debug() {
    use recording_webhooks::telnyx;
    let mut checked = 0;
    for (name, body) in common::fixtures("telnyx") {
        let value: Value = serde_json::from_slice(&body).unwrap();
        let event = telnyx::Event::from_slice(&body).unwrap();
        let (debug, json) = (format!("{event:?}"), serde_json::to_string(&event).unwrap());
        for urls in ["recording_urls", "public_recording_urls"] {
            let Some(Value::Object(links)) = value["data"]["payload"].get(urls) else {
                continue;
            };
            let links: Vec<String> = links
                .values()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect();
            checked += check(&name, &debug, &json, &links);
        }
    }
    assert!(checked >= 4, "{checked}");
}
