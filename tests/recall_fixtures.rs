//! Every file in `fixtures/recall/` parses as the event it is named after,
//! as a typed variant, and serializes back to the same JSON.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.
#![cfg(feature = "recall")]

mod common;

use std::collections::BTreeSet;

use recording_webhooks::recall::{Event, EventType};

fn fixtures() -> Vec<(String, Vec<u8>)> {
    common::fixtures("recall")
}

#[test]
fn every_fixture_parses_as_its_typed_event_and_round_trips() {
    let files = fixtures();
    assert!(files.len() >= 70, "only {} fixtures", files.len());
    for (name, body) in &files {
        let event = common::assert_round_trips(name, body, Event::from_slice);
        // `name+variant`: another shape of the same event.
        let event_name = name.split('+').next().unwrap();
        assert_eq!(event.event_type().as_str(), event_name);
        assert!(!event.event_type().is_unknown(), "{name}");
        assert!(!matches!(event, Event::Unknown(_)), "{name}");
    }
}

#[test]
fn every_documented_event_type_has_a_fixture() {
    let names: BTreeSet<String> = fixtures()
        .into_iter()
        .map(|(name, _)| name.split('+').next().unwrap().to_owned())
        .collect();
    let missing: Vec<&str> = EventType::KNOWN
        .iter()
        .map(EventType::as_str)
        .filter(|name| !names.contains(*name))
        .collect();
    assert!(missing.is_empty(), "no fixture for {missing:?}");
    assert_eq!(EventType::KNOWN.len(), 85);
}
