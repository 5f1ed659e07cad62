//! SignalWire callbacks (fixtures, types, errors) and verifier behaviour.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.
#![cfg(feature = "signalwire")]

use std::path::Path;

use recording_webhooks::signalwire::{
    CallStatus, RecordingSource, RecordingStatus, RecordingStatusCallback, StatusCallback,
    TranscribeCallback, TranscriptionStatus, Verifier,
};
use recording_webhooks::{ParseError, VerifyError};

fn forms(prefix: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/signalwire");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_str().unwrap().starts_with(prefix))
        .map(|p| {
            (
                p.file_stem().unwrap().to_str().unwrap().to_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no {prefix} fixtures");
    files
}

/// The decoded pairs of a form, for comparing parameters regardless of order.
fn sorted_pairs(form: &[u8]) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(form).unwrap();
    pairs.sort();
    pairs
}

/// A callback written as JSON (as a user storing it would) reads back equal
/// through `from_body`, timestamps included.
fn assert_json_round_trip<C>(name: &str, callback: &C)
where
    C: serde::Serialize + recording_webhooks::signalwire::Callback + PartialEq + std::fmt::Debug,
{
    let json = serde_json::to_string(callback).unwrap();
    let again = C::from_body(json.as_bytes()).unwrap_or_else(|err| panic!("{name}: {err}"));
    assert_eq!(&again, callback, "{name}");
    assert_eq!(serde_json::to_string(&again).unwrap(), json, "{name}");
}

#[test]
fn recording_status_fixtures_parse_and_round_trip() {
    let mut statuses = std::collections::BTreeSet::new();
    let mut sources = std::collections::BTreeSet::new();
    for (name, body) in forms("recording-status.") {
        let callback =
            RecordingStatusCallback::from_form(&body).unwrap_or_else(|e| panic!("{name}: {e}"));
        let (status, source) = name
            .trim_start_matches("recording-status.")
            .split_once('+')
            .unwrap();
        assert_eq!(callback.recording_status.as_str(), status, "{name}");
        assert!(!callback.recording_status.is_unknown(), "{name}");
        let parsed_source = callback.recording_source.clone().unwrap();
        assert_eq!(parsed_source.as_str(), source);
        assert!(!parsed_source.is_unknown(), "{name}");
        statuses.insert(status.to_owned());
        sources.insert(source.to_owned());
        assert_json_round_trip(&name, &callback);
        assert_eq!(
            sorted_pairs(callback.to_form().as_bytes()),
            sorted_pairs(&body),
            "{name}"
        );
    }
    assert_eq!(statuses.len(), RecordingStatus::KNOWN.len());
    assert_eq!(sources.len(), RecordingSource::KNOWN.len());
}

#[test]
fn call_status_and_transcription_fixtures() {
    let mut seen = Vec::new();
    for (name, body) in forms("call-status.") {
        let callback = StatusCallback::from_form(&body).unwrap_or_else(|e| panic!("{name}: {e}"));
        // `call-status.<status>` or `call-status.<status>+<what else>`.
        let status = name.trim_start_matches("call-status.");
        assert_eq!(
            callback.call_status.as_str(),
            status.split('+').next().unwrap(),
            "{name}"
        );
        assert!(callback.timestamp.is_some());
        assert_json_round_trip(&name, &callback);
        assert_eq!(
            sorted_pairs(callback.to_form().as_bytes()),
            sorted_pairs(&body),
            "{name}"
        );
        if !seen.contains(&callback.call_status) {
            seen.push(callback.call_status);
        }
    }
    assert_eq!(seen.len(), CallStatus::KNOWN.len());
    for (name, body) in forms("transcription.") {
        let callback = TranscribeCallback::from_form(&body).unwrap();
        assert_json_round_trip(&name, &callback);
        assert_eq!(
            callback.transcription_status.as_str(),
            name.trim_start_matches("transcription.")
        );
        assert_eq!(
            sorted_pairs(callback.to_form().as_bytes()),
            sorted_pairs(&body),
            "{name}"
        );
    }
}

#[test]
fn typed_values_extras_and_unknown_parameters() {
    let body = "AccountSid=acc&CallSid=call&RecordingSid=rec&RecordingStatus=absent&RecordingDuration=0\
        &RecordingSource=OutBoundApi&RecordingStartTime=Thu%2C+09+Nov+2023+17%3A05%3A04+%2B0000\
        &RecordingTrack=both&ErrorCode=16102&Zeta=z%C3%BC+1&Alpha=a%26b&Zeta=second";
    let callback = RecordingStatusCallback::from_form(body.as_bytes()).unwrap();
    assert_eq!(callback.recording_status, RecordingStatus::Absent);
    assert_eq!(
        callback.recording_source.as_ref().unwrap().normalized(),
        RecordingSource::OutboundApi
    );
    assert_eq!(callback.error_code, Some(16102));
    let start = callback.recording_start_time.clone().unwrap();
    assert_eq!(start.unix_timestamp(), 1699549504);
    assert_eq!(start.to_string(), "Thu, 09 Nov 2023 17:05:04 +0000");
    assert_eq!(
        callback.other,
        vec![
            ("Zeta".into(), "zü 1".into()),
            ("Alpha".into(), "a&b".into()),
            ("Zeta".into(), "second".into())
        ]
    );
    // GET callbacks carry the same parameters in the query string.
    let from_query = RecordingStatusCallback::from_query(&format!("?{body}")).unwrap();
    assert_eq!(from_query, callback);
    assert_eq!(
        RecordingStatus::from("paused"),
        RecordingStatus::Unknown("paused".into())
    );
}

#[test]
fn missing_required_parameters_are_named() {
    let cases = [
        ("AccountSid=a&RecordingSid=r", "RecordingStatus"),
        ("RecordingSid=r&RecordingStatus=completed", "AccountSid"),
        ("AccountSid=a&RecordingStatus=completed", "RecordingSid"),
    ];
    for (body, parameter) in cases {
        match RecordingStatusCallback::from_form(body.as_bytes()) {
            Err(ParseError::Form {
                parameter: p,
                message,
                ..
            }) => {
                assert_eq!(p, parameter, "{body}");
                assert_eq!(message, "missing");
            }
            other => panic!("{body}: {other:?}"),
        }
    }
    let ok =
        TranscribeCallback::from_form(b"TranscriptionSid=t&TranscriptionStatus=failed").unwrap();
    assert_eq!(ok.transcription_status, TranscriptionStatus::Failed);
}

#[test]
fn odd_optional_values_are_kept_verbatim_not_fatal() {
    let base = "AccountSid=a&RecordingSid=r&RecordingStatus=completed";
    let odd = [
        ("RecordingDuration", ""),
        ("RecordingDuration", "abc"),
        ("RecordingDuration", "9.5"),
        ("RecordingChannels", "two"),
        ("RecordingChannels", "-1"),
        ("RecordingStartTime", "yesterday"),
        ("RecordingStartTime", ""),
        ("ErrorCode", ""),
        ("RecordingSource", ""),
    ];
    for (name, value) in odd {
        let body = format!("{base}&{name}={value}");
        let callback = RecordingStatusCallback::from_form(body.as_bytes())
            .unwrap_or_else(|err| panic!("{body}: {err}"));
        assert_eq!(
            callback.other,
            [(name.to_owned(), value.to_owned())],
            "{body}"
        );
        assert_eq!(callback.to_form(), body, "written back as it came");
        assert_eq!(callback.recording_status, RecordingStatus::Completed);
    }
    let callback =
        RecordingStatusCallback::from_form(format!("{base}&RecordingDuration=").as_bytes())
            .unwrap();
    assert_eq!(callback.recording_duration, None);
    // An empty text is a value: sent, and empty.
    let body = format!("{base}&RecordingUrl=");
    let callback = RecordingStatusCallback::from_form(body.as_bytes()).unwrap();
    assert_eq!(callback.recording_url.as_deref(), Some(""));
    assert!(callback.other.is_empty());
    assert_eq!(
        RecordingStatusCallback::from_form(callback.to_form().as_bytes()).unwrap(),
        callback
    );

    // SignalWire's API spec types these two as strings.
    let body = "AccountSid=a&CallSid=c&CallStatus=completed&SipResultCode=unknown&AudioInMos=NaN";
    let callback = StatusCallback::from_form(body.as_bytes()).unwrap();
    assert_eq!(
        (callback.sip_result_code, callback.audio_in_mos),
        (None, None)
    );
    assert_eq!(callback.to_form(), body);
    let callback = StatusCallback::from_form(
        b"AccountSid=a&CallSid=c&CallStatus=completed&SipResultCode=487&AudioInMos=4.3",
    )
    .unwrap();
    assert_eq!(callback.sip_result_code, Some(487));
    assert_eq!(callback.audio_in_mos, Some(4.3));
}

#[test]
fn verifier_headers_alias_and_errors() {
    let v = Verifier::new("12345").unwrap();
    let url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    let body = b"CallSid=CA1234567890ABCDE&Caller=%2B14158675309&Digits=1234&From=%2B14158675309&To=%2B18005551212";
    for header in [
        "X-SignalWire-Signature",
        "X-Twilio-Signature",
        "x-twilio-signature",
    ] {
        assert_eq!(
            v.verify(url, &[(header, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")], body),
            Ok(()),
            "{header}"
        );
    }
    let none: [(&str, &str); 0] = [];
    assert!(matches!(
        v.verify(url, &none, body),
        Err(VerifyError::MissingHeader {
            name: "x-signalwire-signature",
            ..
        })
    ));
    assert!(matches!(
        v.verify(
            url,
            &[("X-SignalWire-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")],
            b"CallSid=other"
        ),
        Err(VerifyError::NoMatchingSignature {
            name: "x-signalwire-signature",
            ..
        })
    ));
    // The default port added or removed.
    let with_port = "https://mycompany.com:443/myapp.php?foo=1&bar=2";
    assert!(
        v.verify(
            with_port,
            &[("X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")],
            body
        )
        .is_ok()
    );
    assert!(
        v.verify(
            url,
            &[("X-Twilio-Signature", "kvajT1Ptam85bY51eRf/AJRuM3w=")],
            body
        )
        .is_ok()
    );
    // Any explicit port removed, as twilio-python's `remove_port` does
    // (its suite's `test_validation_removes_port_on_https`): the signature
    // was made over the URL without the port. Values from twilio-python 6.54.
    let tw = |url: &str, signature: &str| v.verify(url, &[("X-Twilio-Signature", signature)], body);
    assert_eq!(
        tw(
            "https://mycompany.com:1234/myapp.php?foo=1&bar=2",
            "RSOYDt4T1cUTdK1PDd93/VVr8B8="
        ),
        Ok(())
    );
    assert_eq!(
        tw(
            "http://mycompany.com:1234/myapp.php?foo=1&bar=2",
            "Zmvh+3yNM1Phv2jhDCwEM3q5ebU="
        ),
        Ok(())
    );
    assert_eq!(
        tw(
            "http://mycompany.com/myapp.php?foo=1&bar=2",
            "OyGYPqTF6ztdbRNCvuQO/oPvqQ4="
        ),
        Ok(())
    );
    assert_eq!(
        tw(
            "http://mycompany.com/myapp.php?foo=1&bar=2",
            "0ZXoZLH/DfblKGATFgpif+LLRf4="
        ),
        Ok(())
    );
    // Only the port changes: not the scheme, and not one port for another.
    assert!(
        tw(
            "http://mycompany.com/myapp.php?foo=1&bar=2",
            "RSOYDt4T1cUTdK1PDd93/VVr8B8="
        )
        .is_err()
    );
    assert!(
        tw(
            "https://mycompany.com:8443/myapp.php?foo=1&bar=2",
            "kvajT1Ptam85bY51eRf/AJRuM3w="
        )
        .is_err()
    );
    let params = [("A", "1")];
    let odd = "https://mycompany.com:8443/x";
    let signed_with_port = v.sign_params(odd, &params);
    let signed_without = v.sign_params("https://mycompany.com/x", &params);
    for signature in [&signed_with_port, &signed_without] {
        assert_eq!(
            v.verify(odd, &[("X-Twilio-Signature", signature.as_str())], b"A=1"),
            Ok(())
        );
    }
    let debug = format!("{v:?}");
    assert!(debug.contains("<redacted>") && !debug.contains("12345"));
}

#[test]
fn repeated_names_keep_body_order_and_get_callbacks_sign_the_url() {
    let v = Verifier::new("PSK_key").unwrap();
    let url = "https://example.com/cb";
    let signature = v.sign_params(url, &[("Digits", "1"), ("A", "x"), ("Digits", "2")]);
    assert!(
        v.verify(
            url,
            &[("X-SignalWire-Signature", signature.as_str())],
            b"Digits=1&A=x&Digits=2"
        )
        .is_ok()
    );
    assert!(
        v.verify(
            url,
            &[("X-SignalWire-Signature", signature.as_str())],
            b"Digits=2&A=x&Digits=1"
        )
        .is_err()
    );

    let get_url = "https://example.com/cb?RecordingStatus=completed&RecordingSid=r";
    let signature = v.sign_params(get_url, &[]);
    assert!(
        v.verify(
            get_url,
            &[("X-SignalWire-Signature", signature.as_str())],
            b""
        )
        .is_ok()
    );

    let json = br#"{"event":"call.state"}"#;
    let hex = v.sign_body(url, json);
    assert_eq!(hex.len(), 40);
    assert!(
        v.verify(url, &[("X-SignalWire-Signature", hex.as_str())], json)
            .is_ok()
    );
    assert!(
        v.verify(
            url,
            &[("X-SignalWire-Signature", hex.to_uppercase().as_str())],
            json
        )
        .is_err()
    );
}

#[test]
fn body_hash_mismatch_is_its_own_error() {
    let v = Verifier::new("PSKtest1234567890abcdef").unwrap();
    let url = "https://example.ngrok.io/webhook?bodySHA256=69f3cbfc18e386ef8236cb7008cd5a54b7fed637a8cb3373b5a1591d7f0fd5f4";
    let headers = [("X-SignalWire-Signature", "dfO9ek8mxyFtn2nMz24plPmPfIY=")];
    assert!(
        v.verify(url, &headers, br#"{"event":"call.state"}"#)
            .is_ok()
    );
    assert!(matches!(
        v.verify(url, &headers, br#"{"event":"call.other"}"#),
        Err(VerifyError::BodyHashMismatch {
            parameter: "bodySHA256",
            ..
        })
    ));
}

#[test]
fn refused_on_purpose_where_a_reference_accepts() {
    let v = Verifier::new("PSK_key").unwrap();
    let url = "https://example.com/cb";
    let header = |signature: &'static str| [("X-SignalWire-Signature", signature)];
    // PyPI `signalwire` 2.1.1 re-reads a JSON body as form parameters and
    // accepts this scheme B signature of `{"CallStatus": "completed"}`; the
    // body that was signed is the one checked here, so it does not match.
    let as_params = "9GG4xECoxpq2GB/5K7Rsysbuess=";
    assert_eq!(
        v.sign_params(url, &[("CallStatus", "completed")]),
        as_params
    );
    assert!(matches!(
        v.verify(url, &header(as_params), br#"{"CallStatus":"completed"}"#),
        Err(VerifyError::NoMatchingSignature {
            name: "x-signalwire-signature",
            ..
        })
    ));
    // A signature over the URL alone (twilio-python's value for no
    // parameters) covers a GET callback, never a body without `bodySHA256`.
    let url_only = "6oa90JAzp3XN/KxhnSl0sOAHvt0=";
    assert_eq!(v.verify(url, &header(url_only), b""), Ok(()));
    assert!(
        v.verify(url, &header(url_only), b"CallStatus=completed")
            .is_err()
    );
    assert!(
        v.verify(url, &header(url_only), br#"{"CallStatus":"completed"}"#)
            .is_err()
    );
}

#[test]
fn dial_record_and_conference_callbacks_from_their_fixtures() {
    use recording_webhooks::signalwire::{
        ConferenceEvent, ConferenceStatusCallback, DialActionCallback, DialCallStatus,
        RecordActionCallback,
    };
    let mut dial_statuses = Vec::new();
    for (name, body) in forms("dial-action.") {
        let callback =
            DialActionCallback::from_form(&body).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            callback.dial_call_status.as_str(),
            name.trim_start_matches("dial-action.")
        );
        assert!(!callback.dial_call_status.is_unknown(), "{name}");
        assert!(callback.other.is_empty(), "{name}: {:?}", callback.other);
        assert_eq!(
            sorted_pairs(callback.to_form().as_bytes()),
            sorted_pairs(&body),
            "{name}"
        );
        assert_json_round_trip(&name, &callback);
        dial_statuses.push(callback.dial_call_status);
    }
    assert_eq!(dial_statuses.len(), DialCallStatus::KNOWN.len());

    let mut events = Vec::new();
    for (name, body) in forms("conference-status.") {
        let callback =
            ConferenceStatusCallback::from_form(&body).unwrap_or_else(|e| panic!("{name}: {e}"));
        let event = &callback.status_callback_event;
        assert_eq!(
            event.as_str(),
            name.trim_start_matches("conference-status.")
        );
        assert!(!event.is_unknown(), "{name}");
        assert!(callback.other.is_empty(), "{name}: {:?}", callback.other);
        assert!(callback.timestamp.is_some());
        if *event == ConferenceEvent::ParticipantMute {
            assert_eq!(callback.muted, Some(true));
        }
        if *event == ConferenceEvent::ConferenceEnd {
            assert_eq!(callback.recording_file_size, Some(1_456_320));
            assert_eq!(callback.duration, Some(1820));
        }
        assert_eq!(
            sorted_pairs(callback.to_form().as_bytes()),
            sorted_pairs(&body),
            "{name}"
        );
        assert_json_round_trip(&name, &callback);
        events.push(callback.status_callback_event);
    }
    // The ten events SignalWire documents (conference-noun.mdx); Twilio's
    // three more have fixtures in fixtures/twilio.
    assert_eq!(events.len(), 10);

    let (name, body) = forms("record-action").remove(0);
    let callback = RecordActionCallback::from_form(&body).unwrap();
    assert_eq!(callback.recording_duration, Some(42));
    assert_eq!(callback.digits.as_deref(), Some("#"));
    assert!(callback.other.is_empty());
    assert_eq!(
        sorted_pairs(callback.to_form().as_bytes()),
        sorted_pairs(&body)
    );
    assert_json_round_trip(&name, &callback);

    // An odd boolean stays in `other`, as any odd optional value does.
    let odd = ConferenceStatusCallback::from_form(
        b"AccountSid=a&ConferenceSid=c&StatusCallbackEvent=participant-mute&Muted=maybe",
    )
    .unwrap();
    assert_eq!(odd.muted, None);
    assert_eq!(odd.other, [("Muted".to_owned(), "maybe".to_owned())]);
}

#[test]
fn call_quality_parameters_are_typed() {
    let (_, body) = forms("call-status.completed").remove(0);
    let callback = StatusCallback::from_form(&body).unwrap();
    assert_eq!(callback.audio_in_mos, Some(4.38));
    assert_eq!(callback.audio_in_average_ptime, Some(20.0));
    assert_eq!(callback.audio_in_media_packet_count, Some(4512));
    assert_eq!(callback.audio_out_media_packet_count, Some(4498));
    assert_eq!(callback.audio_in_skip_packet_count, Some(3));
    // Not in SignalWire's API spec: kept as an extra parameter.
    assert_eq!(
        callback.other,
        [("AudioOutMos".to_owned(), "4.41".to_owned())]
    );
}
