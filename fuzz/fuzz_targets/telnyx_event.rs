//! `telnyx::Event::from_slice` on arbitrary bytes; what parses must
//! serialize, and what it serializes to must parse again to an equal event.
#![no_main]

use libfuzzer_sys::fuzz_target;
use recording_webhooks::telnyx::Event;

fuzz_target!(|data: &[u8]| {
    if let Ok(event) = Event::from_slice(data) {
        let _ = (event.event_type(), event.id(), event.event_time(), event.meta());
        let _ = (event.call_control_id(), event.call_session_id(), event.recording_urls());
        if let Some(state) = event.client_state() {
            let _ = state.decode_utf8();
        }
        let written = serde_json::to_vec(&event).expect("a parsed event serializes");
        let again = Event::from_slice(&written).expect("a serialized event parses");
        assert_eq!(again, event, "an event serialized and parsed again is equal");
    }
});
