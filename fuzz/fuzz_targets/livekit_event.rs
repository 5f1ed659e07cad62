//! `livekit::Event::from_slice` on arbitrary bytes; what parses must
//! serialize, and what it serializes to must parse again to an equal event.
#![no_main]

use libfuzzer_sys::fuzz_target;
use recording_webhooks::livekit::Event;

fuzz_target!(|data: &[u8]| {
    if let Ok(event) = Event::from_slice(data) {
        let _ = (event.event_type(), event.id(), event.event_time(), event.room());
        if let Some(egress) = event.egress() {
            let _ = (egress.status(), egress.is_terminal(), egress.request_kind());
            let _ = (egress.started_at(), egress.ended_at(), egress.updated_at());
            for file in egress.files() {
                let _ = (file.duration(), file.size_bytes(), file.started_at());
            }
        }
        let written = serde_json::to_vec(&event).expect("a parsed event serializes");
        let again = Event::from_slice(&written).expect("a serialized event parses");
        assert_eq!(again, event, "an event serialized and parsed again is equal");
    }
});
