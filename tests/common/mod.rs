//! Helpers shared by the fixture tests.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.
#![allow(dead_code)] // each test crate uses its own subset

use std::path::Path;

use serde::Serialize;
use serde_json::Value;

/// Drops `null` members, since `null` and an absent key are equivalent.
pub fn without_nulls(value: Value) -> Value {
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

/// The `*.json` files of `fixtures/<dir>`, as (file stem, bytes), sorted.
pub fn fixtures(dir: &str) -> Vec<(String, Vec<u8>)> {
    files(dir, "json")
}

/// The `*.<extension>` files of `fixtures/<dir>`, as (file stem, bytes),
/// sorted.
pub fn files(dir: &str, extension: &str) -> Vec<(String, Vec<u8>)> {
    // The library's own tests, or a workspace member's beside it.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixtures = if root.join("fixtures").is_dir() {
        root.join("fixtures")
    } else {
        root.join("../fixtures")
    };
    let dir = fixtures.join(dir);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == extension))
        .map(|path| {
            let name = path.file_stem().unwrap().to_str().unwrap().to_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// Parses `body` with `parse`, and checks that serializing the event gives
/// back the same JSON (nulls aside) and that the result parses to an equal
/// event.
pub fn assert_round_trips<E, F, Err>(name: &str, body: &[u8], parse: F) -> E
where
    E: Serialize + PartialEq + std::fmt::Debug,
    F: Fn(&[u8]) -> Result<E, Err>,
    Err: std::fmt::Display,
{
    let event = parse(body).unwrap_or_else(|err| panic!("{name}: {err}"));
    let original: Value = serde_json::from_slice(body).unwrap();
    let written = serde_json::to_value(&event).unwrap();
    assert_eq!(
        without_nulls(written),
        without_nulls(original),
        "{name} does not round-trip"
    );
    let again =
        parse(&serde_json::to_vec(&event).unwrap()).unwrap_or_else(|err| panic!("{name}: {err}"));
    assert_eq!(again, event, "{name}");
    event
}

/// The `cases` of a generated vector file (`{"generated_by": ..., "cases": [...]}`).
pub fn cases<C: serde::de::DeserializeOwned>(json: &str) -> Vec<C> {
    #[derive(serde::Deserialize)]
    struct Vectors<C> {
        cases: Vec<C>,
    }
    serde_json::from_str::<Vectors<C>>(json)
        .expect("vector file parses")
        .cases
}
