//! The `Headers` lookup: case-insensitive, first value wins, one-pass
//! lookups agree with single ones for every container.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.

use std::collections::{BTreeMap, HashMap};

use recording_webhooks::Headers;

const NAMES: [&str; 4] = [
    "webhook-id",
    "X-Webhook-Signature",
    "absent",
    "content-type",
];

fn pairs() -> Vec<(String, String)> {
    vec![
        ("Webhook-Id".to_owned(), "msg_1".to_owned()),
        ("x-webhook-signature".to_owned(), "sig".to_owned()),
        ("content-type".to_owned(), "application/json".to_owned()),
        ("WEBHOOK-ID".to_owned(), "second value".to_owned()),
    ]
}

/// `header_bytes_many` must answer exactly what `header_bytes` answers
/// name by name.
fn assert_consistent(headers: &(impl Headers + ?Sized)) {
    let many = headers.header_bytes_many(NAMES);
    for (name, found) in NAMES.into_iter().zip(many) {
        assert_eq!(found, headers.header_bytes(name), "{name}");
        assert_eq!(
            found.and_then(|b| std::str::from_utf8(b).ok()),
            headers.header(name),
            "{name}"
        );
    }
}

#[test]
fn pair_lists_find_the_first_value_ignoring_case() {
    let pairs = pairs();
    assert_eq!(pairs.header("webhook-id"), Some("msg_1"));
    assert_eq!(pairs.header("X-WEBHOOK-SIGNATURE"), Some("sig"));
    assert_eq!(pairs.header("webhook-i"), None);
    assert_eq!(
        pairs.header_bytes_many(NAMES),
        [
            Some(&b"msg_1"[..]),
            Some(&b"sig"[..]),
            None,
            Some(&b"application/json"[..])
        ]
    );
    assert_consistent(&pairs);
    assert_consistent(pairs.as_slice());
    let array = [("Webhook-Id", "msg_1"), ("webhook-id", "later")];
    assert_eq!(array.header("WEBHOOK-ID"), Some("msg_1"));
    assert_consistent(&array);
    let borrowed: &[(&str, &str)] = &array;
    assert_consistent(&borrowed);
}

#[test]
fn maps_prefer_an_exact_key_and_fall_back_to_any_case() {
    let hash: HashMap<String, String> = pairs().into_iter().take(3).collect();
    assert_eq!(hash.header("Webhook-Id"), Some("msg_1"));
    assert_eq!(hash.header("webhook-id"), Some("msg_1"));
    assert_consistent(&hash);

    let tree: BTreeMap<&str, &str> =
        [("Webhook-Id", "msg_1"), ("content-type", "text/plain")].into();
    assert_eq!(tree.header("WEBHOOK-ID"), Some("msg_1"));
    assert_eq!(tree.header("missing"), None);
    assert_consistent(&tree);
}

#[test]
fn empty_containers_find_nothing() {
    let empty: Vec<(String, String)> = Vec::new();
    assert_eq!(empty.header_bytes_many(NAMES), [None; 4]);
    assert_eq!(HashMap::<String, String>::new().header("webhook-id"), None);
}

#[cfg(feature = "http")]
#[test]
fn header_maps_answer_raw_bytes_and_text() {
    let mut map = http::HeaderMap::new();
    map.insert("webhook-id", http::HeaderValue::from_static("msg_1"));
    map.append("webhook-id", http::HeaderValue::from_static("second value"));
    map.insert(
        "x-webhook-signature",
        http::HeaderValue::from_bytes(b"\xffbinary").unwrap(),
    );
    map.insert(
        "content-type",
        http::HeaderValue::from_static("application/json"),
    );
    assert_eq!(map.header("WEBHOOK-ID"), Some("msg_1"));
    assert_eq!(
        map.header("x-webhook-signature"),
        None,
        "not UTF-8, so not text"
    );
    assert_eq!(
        map.header_bytes("x-webhook-signature"),
        Some(&b"\xffbinary"[..])
    );
    assert_eq!(map.header("not a valid header name"), None);
    assert_consistent(&map);
}
