//! Property tests: no body, however malformed, panics the Recall.ai parser,
//! and timestamps written by the crate read back as the same instant.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.
#![cfg(feature = "recall")]

use proptest::prelude::*;
use recording_webhooks::Timestamp;
use recording_webhooks::recall::Event;

mod common;

fn fixture_bodies() -> Vec<Vec<u8>> {
    common::fixtures("recall")
        .into_iter()
        .map(|(_, body)| body)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(body in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = Event::from_slice(&body);
    }

    #[test]
    fn mutated_fixtures_never_panic(
        pick in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<prop::sample::Index>(),
    ) {
        let bodies = fixture_bodies();
        let mut body = bodies[pick.index(bodies.len())].clone();
        for (at, byte) in edits {
            let i = at.index(body.len());
            body[i] = byte;
        }
        let _ = Event::from_slice(&body);
        let _ = Event::from_slice(&body[..cut.index(body.len())]);
    }

    #[test]
    fn timestamps_read_back_as_written(
        seconds in -377_705_116_800i64..=253_402_300_799,
        nanos in 0u32..1_000_000_000,
        offset_minutes in -(23 * 60 + 59)..=(23 * 60 + 59i32),
    ) {
        let offset = time::UtcOffset::from_whole_seconds(offset_minutes * 60).unwrap();
        let instant = time::OffsetDateTime::from_unix_timestamp(seconds).unwrap()
            .replace_nanosecond(nanos).unwrap()
            .to_offset(offset);
        // Years before 0000 have no RFC 3339 spelling: Unix seconds then.
        let written = Timestamp::from(instant).to_string();
        let read: Timestamp = written.parse().unwrap();
        prop_assert_eq!(read.get(), instant);
        prop_assert_eq!(read.to_string(), written);
    }

    #[test]
    fn arbitrary_timestamp_text_never_panics(text in "[0-9T:.+\\-Zz ]{0,40}") {
        let _ = text.parse::<Timestamp>();
    }
}
