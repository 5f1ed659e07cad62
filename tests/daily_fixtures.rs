//! Every file in `fixtures/daily/` parses as the event it is named after
//! (the part before any `+`), and serializes back to the same JSON.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.
#![cfg(feature = "daily")]

mod common;

use std::collections::BTreeSet;

use recording_webhooks::daily::{Event, EventType};

#[test]
fn every_fixture_parses_as_its_typed_event_and_round_trips() {
    let files = common::fixtures("daily");
    assert!(files.len() >= 30, "only {} fixtures", files.len());
    for (name, body) in &files {
        let event_name = name.split('+').next().unwrap();
        let event = common::assert_round_trips(name, body, Event::from_slice);
        assert_eq!(event.event_type().as_str(), event_name, "{name}");
        assert!(!matches!(event, Event::Unknown(_)), "{name}");
    }
}

#[test]
fn every_documented_event_type_has_a_fixture() {
    let names: BTreeSet<String> = common::fixtures("daily")
        .into_iter()
        .map(|(name, _)| name.split('+').next().unwrap().to_owned())
        .collect();
    let missing: Vec<&str> = EventType::KNOWN
        .iter()
        .map(EventType::as_str)
        .filter(|n| !names.contains(*n))
        .collect();
    assert!(missing.is_empty(), "no fixture for {missing:?}");
}
