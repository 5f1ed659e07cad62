//! Every SignalWire callback parser, from a form body and from a query
//! string; what parses must write back a form that parses again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use recording_webhooks::signalwire::{RecordingStatusCallback, StatusCallback, TranscribeCallback};

fuzz_target!(|data: &[u8]| {
    if let Ok(callback) = RecordingStatusCallback::from_form(data) {
        RecordingStatusCallback::from_form(callback.to_form().as_bytes()).expect("round trip");
    }
    if let Ok(callback) = StatusCallback::from_form(data) {
        StatusCallback::from_form(callback.to_form().as_bytes()).expect("round trip");
    }
    if let Ok(callback) = TranscribeCallback::from_form(data) {
        TranscribeCallback::from_form(callback.to_form().as_bytes()).expect("round trip");
    }
    let _ = RecordingStatusCallback::from_query(&String::from_utf8_lossy(data));
});
