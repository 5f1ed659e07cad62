//! Every file in `fixtures/recall/` parses as the event it is named after,
//! as a typed variant, and serializes back to the same JSON.

use std::collections::BTreeSet;
use std::path::Path;

use recording_webhooks::recall::{Event, EventType};
use serde_json::Value;

/// Drops `null` members, since `null` and an absent key are equivalent.
fn without_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, without_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(without_nulls).collect()),
        other => other,
    }
}

fn fixtures() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/recall");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| {
            let name = path.file_stem().unwrap().to_str().unwrap().to_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_fixture_parses_as_its_typed_event_and_round_trips() {
    let files = fixtures();
    assert!(files.len() >= 70, "only {} fixtures", files.len());
    for (name, body) in &files {
        let event = Event::from_slice(body).unwrap_or_else(|err| panic!("{name}: {err}"));
        assert_eq!(event.event_type().as_str(), name);
        assert!(!event.event_type().is_unknown(), "{name}");
        assert!(!matches!(event, Event::Unknown(_)), "{name}");

        let original: Value = serde_json::from_slice(body).unwrap();
        let written = serde_json::to_value(&event).unwrap();
        assert_eq!(
            without_nulls(written),
            without_nulls(original),
            "{name} does not round-trip"
        );
        let again = Event::from_slice(&serde_json::to_vec(&event).unwrap()).unwrap();
        assert_eq!(again, event, "{name}");
    }
}

#[test]
fn every_documented_event_type_has_a_fixture() {
    let names: BTreeSet<String> = fixtures().into_iter().map(|(name, _)| name).collect();
    let missing: Vec<&str> = EventType::KNOWN
        .iter()
        .map(EventType::as_str)
        .filter(|name| !names.contains(*name))
        .collect();
    assert!(missing.is_empty(), "no fixture for {missing:?}");
    assert_eq!(EventType::KNOWN.len(), 79);
}
