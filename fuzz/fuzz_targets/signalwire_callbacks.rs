//! Every SignalWire callback parser, from a form body and from a query
//! string; what parses must write back a form that parses again, and must
//! survive a serde JSON round trip unchanged (as a user storing callbacks
//! as JSON would read them back).
#![no_main]

use libfuzzer_sys::fuzz_target;
use recording_webhooks::signalwire::{
    AnyCallback, Callback, ConferenceStatusCallback, DialActionCallback, RecordActionCallback,
    RecordingStatusCallback, StatusCallback, TranscribeCallback,
};

fn json_round_trip<C>(callback: &C)
where
    C: serde::Serialize + Callback + PartialEq + std::fmt::Debug,
{
    let json = serde_json::to_string(callback).expect("a callback serializes");
    let again = C::from_body(json.as_bytes()).expect("its JSON reads back");
    assert_eq!(&again, callback);
}

fuzz_target!(|data: &[u8]| {
    if let Ok(callback) = RecordingStatusCallback::from_form(data) {
        let again = RecordingStatusCallback::from_form(callback.to_form().as_bytes()).expect("round trip");
        assert_eq!(again.recording_status, callback.recording_status);
        json_round_trip(&callback);
    }
    if let Ok(callback) = StatusCallback::from_form(data) {
        let again = StatusCallback::from_form(callback.to_form().as_bytes()).expect("round trip");
        assert_eq!(again.call_status, callback.call_status);
        json_round_trip(&callback);
    }
    if let Ok(callback) = TranscribeCallback::from_form(data) {
        let again = TranscribeCallback::from_form(callback.to_form().as_bytes()).expect("round trip");
        assert_eq!(again.transcription_status, callback.transcription_status);
        json_round_trip(&callback);
    }
    if let Ok(callback) = DialActionCallback::from_form(data) {
        let again = DialActionCallback::from_form(callback.to_form().as_bytes()).expect("round trip");
        assert_eq!(again.dial_call_status, callback.dial_call_status);
        json_round_trip(&callback);
    }
    if let Ok(callback) = RecordActionCallback::from_form(data) {
        RecordActionCallback::from_form(callback.to_form().as_bytes()).expect("round trip");
        json_round_trip(&callback);
    }
    if let Ok(callback) = ConferenceStatusCallback::from_form(data) {
        let again = ConferenceStatusCallback::from_form(callback.to_form().as_bytes()).expect("round trip");
        assert_eq!(again.status_callback_event, callback.status_callback_event);
        json_round_trip(&callback);
    }
    if let Ok(callback) = AnyCallback::from_form(data) {
        json_round_trip(&callback);
    }
    let _ = RecordingStatusCallback::from_query(&String::from_utf8_lossy(data));
});
