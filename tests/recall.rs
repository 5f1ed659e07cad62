//! Recall.ai parsing beyond the fixtures: unknown values, every timestamp
//! form, optional objects, accessors, and bad input.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.
#![cfg(feature = "recall")]

use recording_webhooks::ParseError;
use recording_webhooks::recall::{
    BotStatusCode, CallEndedSubCode, Event, EventType, FatalSubCode, MediaObjectKey, Platform,
    SubCode, TranscriptFailedSubCode,
};
use serde_json::{Value, json};
use time::macros::datetime;

/// The body as Recall writes it: `event` first, then `data` (`json!`
/// sorts keys, which would put `data` first).
fn body(value: &Value) -> Vec<u8> {
    format!(r#"{{"event":{},"data":{}}}"#, value["event"], value["data"]).into_bytes()
}

fn parse(value: Value) -> Event {
    Event::from_slice(&body(&value)).unwrap()
}

fn bot_event(event: &str, code: &str, sub_code: Value, updated_at: &str) -> Value {
    json!({"event": event, "data": {
        "data": {"code": code, "sub_code": sub_code, "updated_at": updated_at},
        "bot": {"id": "92e24581-f82b-401a-8f75-88e64b04c24e", "metadata": {"customer": "acme"}}}})
}

fn json_error(body: &[u8]) -> (String, String) {
    match Event::from_slice(body) {
        Err(ParseError::Json { path, message, .. }) => (path, message),
        other => panic!("expected a JSON error, got {other:?}"),
    }
}

#[test]
fn unknown_event_names_keep_name_and_data() {
    let data = json!({"data": {"code": "teleported"}, "thing": [1, 2, {"x": null}]});
    let event = parse(json!({"event": "bot.teleported", "data": data}));
    let Event::Unknown(unknown) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(unknown.event_type, "bot.teleported");
    assert_eq!(unknown.data, data);
    assert_eq!(
        event.event_type(),
        EventType::Unknown("bot.teleported".into())
    );
    assert_eq!(
        serde_json::to_value(&event).unwrap(),
        json!({"event": "bot.teleported", "data": data})
    );
}

#[test]
fn unknown_codes_and_sub_codes_round_trip() {
    let event = parse(bot_event(
        "bot.call_ended",
        "call_ended_v2",
        json!("call_ended_by_aliens"),
        "2024-03-10T19:16:16+00:00",
    ));
    let Event::BotCallEnded(ended) = &event else {
        panic!()
    };
    assert_eq!(
        ended.data.code,
        BotStatusCode::Unknown("call_ended_v2".into())
    );
    assert_eq!(
        ended.data.sub_code,
        Some(CallEndedSubCode::Unknown("call_ended_by_aliens".into()))
    );
    assert_eq!(event.code(), Some("call_ended_v2"));
    assert_eq!(event.sub_code(), Some("call_ended_by_aliens"));
    let written = serde_json::to_value(&event).unwrap();
    assert_eq!(written["data"]["data"]["sub_code"], "call_ended_by_aliens");

    // The empty sub code seen in Recall's catalog is kept as sent.
    let event = parse(bot_event(
        "bot.fatal",
        "fatal",
        json!(""),
        "2024-03-10T19:16:16+00:00",
    ));
    assert_eq!(event.sub_code(), Some(""));
    assert_eq!(
        serde_json::to_value(&event).unwrap()["data"]["data"]["sub_code"],
        ""
    );
}

#[test]
fn documented_sub_codes_are_typed_per_category() {
    let event = parse(bot_event(
        "bot.fatal",
        "fatal",
        json!("microsoft_teams_2fa_required"),
        "2024-03-10T19:16:16+00:00",
    ));
    let Event::BotFatal(fatal) = &event else {
        panic!()
    };
    let sub_code = fatal.data.sub_code.as_ref().unwrap();
    assert_eq!(*sub_code, FatalSubCode::MicrosoftTeams2faRequired);
    assert_eq!(sub_code.platform(), Some(Platform::MicrosoftTeams));
    assert!(fatal.data.code.is_terminal());

    let event = parse(json!({"event": "transcript.failed", "data": {
        "data": {"code": "failed", "sub_code": "zoom_captions_failure", "updated_at": "2024-11-27T20:10:19.719Z"},
        "transcript": {"id": "t1", "metadata": {}}, "recording": {"id": "r1", "metadata": {}}}}));
    let Event::TranscriptFailed(failed) = &event else {
        panic!()
    };
    assert_eq!(
        failed.data.sub_code,
        Some(TranscriptFailedSubCode::ZoomCaptionsFailure)
    );
    assert_eq!(failed.key, MediaObjectKey::Transcript);
    assert_eq!(event.bot_id(), None);
    assert_eq!(event.recording_id(), Some("r1"));

    // Every documented sub code parses as its own variant.
    for code in FatalSubCode::KNOWN {
        assert_eq!(FatalSubCode::from(code.as_str()), *code);
        assert!(!code.is_unknown());
    }
    assert_eq!(FatalSubCode::KNOWN.len(), 12 + 15 + 19 + 10 + 1);
    assert_eq!(CallEndedSubCode::KNOWN.len(), 18);
}

#[test]
fn platform_of_any_sub_code_by_prefix() {
    assert_eq!(
        Platform::of_sub_code("zoom_brand_new"),
        Some(Platform::Zoom)
    );
    assert_eq!(
        Platform::of_sub_code("webex_join_meeting_error"),
        Some(Platform::Webex)
    );
    assert_eq!(
        Platform::of_sub_code("google_meet_x"),
        Some(Platform::GoogleMeet)
    );
    assert_eq!(Platform::of_sub_code("zoomed_out"), None);
    assert_eq!(Platform::of_sub_code("call_ended_by_host"), None);
    assert_eq!("zoom_x".to_owned().platform(), Some(Platform::Zoom));
}

#[test]
fn every_timestamp_form_parses_and_is_written_back_as_sent() {
    let forms = [
        (
            "2023-04-28T08:51:37.741790Z",
            datetime!(2023-04-28 08:51:37.741790 UTC),
        ),
        (
            "2024-02-17T16:44:00.505440+00:00",
            datetime!(2024-02-17 16:44:00.505440 UTC),
        ),
        (
            "2024-03-10T19:16:16+00:00",
            datetime!(2024-03-10 19:16:16 UTC),
        ),
        (
            "2024-11-27T20:10:19.719Z",
            datetime!(2024-11-27 20:10:19.719 UTC),
        ),
        (
            "2024-05-17T02:27:09.490720",
            datetime!(2024-05-17 02:27:09.490720 UTC),
        ),
        (
            "2025-05-10T15:48:24.034072Z",
            datetime!(2025-05-10 15:48:24.034072 UTC),
        ),
        (
            "2025-05-10T17:48:24.5+02:00",
            datetime!(2025-05-10 15:48:24.5 UTC),
        ),
        (
            "2025-05-10T10:48:24.123456789-05:00",
            datetime!(2025-05-10 15:48:24.123456789 UTC),
        ),
        // Recall's sample apps: a space for `T`, no offset (UTC).
        ("2025-12-15 00:00:00", datetime!(2025-12-15 00:00:00 UTC)),
        (
            "2025-12-15 10:30:00.25+01:00",
            datetime!(2025-12-15 09:30:00.25 UTC),
        ),
        // ISO 8601 offsets without a colon.
        (
            "2024-03-10T19:16:16+0000",
            datetime!(2024-03-10 19:16:16 UTC),
        ),
    ];
    for (text, instant) in forms {
        let event = parse(bot_event("bot.done", "done", Value::Null, text));
        let updated_at = event.updated_at().unwrap();
        assert_eq!(*updated_at, instant, "{text}");
        assert_eq!(updated_at.to_string(), text);
        assert_eq!(
            serde_json::to_value(&event).unwrap()["data"]["data"]["updated_at"],
            text
        );
    }
}

#[test]
fn bad_timestamps_are_errors_naming_the_field() {
    for bad in [
        "2024-13-01T00:00:00Z",
        "2024-02-30T00:00:00Z",
        "2024-03-10T25:00:00Z",
        "2024-03-10T19:16:16.Z",
    ] {
        let (path, message) = json_error(&body(&bot_event("bot.done", "done", Value::Null, bad)));
        assert_eq!(path, "data.data.updated_at", "{bad}: {message}");
        assert!(message.contains("read as RFC 3339"), "{message}");
    }
    for bad in ["yesterday", "", "Thu, 31 Nov 2023 17:05:04 +0000"] {
        let (path, message) = json_error(&body(&bot_event("bot.done", "done", Value::Null, bad)));
        assert_eq!(path, "data.data.updated_at", "{bad}: {message}");
        assert!(message.contains("read as RFC 2822"), "{message}");
    }
}

#[test]
fn bot_and_recording_may_be_null_or_absent() {
    let status =
        json!({"code": "done", "sub_code": null, "updated_at": "2024-03-10T19:16:16+00:00"});
    for bot in [None, Some(Value::Null)] {
        let mut data = json!({"data": status, "recording": {"id": "r1", "metadata": {}}});
        if let Some(bot) = bot {
            data["bot"] = bot;
        }
        let event = parse(json!({"event": "recording.done", "data": data}));
        assert_eq!(event.bot(), None);
        assert_eq!(event.recording_id(), Some("r1"));
    }
    let event = parse(json!({"event": "sdk_upload.failed", "data": {
        "data": {"code": "failed", "sub_code": null, "updated_at": "2025-05-10T15:48:24.034072Z"},
        "recording": null, "sdk_upload": {"id": "u1", "metadata": {}}}}));
    assert_eq!(event.recording(), None);
    assert_eq!(event.code(), Some("failed"));
}

#[test]
fn media_objects_are_accepted_under_both_keys() {
    for key in ["video_mixed", "transcript"] {
        let event = parse(json!({"event": "video_mixed.done", "data": {
            "data": {"code": "done", "sub_code": null, "updated_at": "2024-12-04T23:25:56.339940Z"},
            key: {"id": "m1", "metadata": {"k": "v"}}, "recording": {"id": "r1", "metadata": {}}}}));
        let Event::VideoMixedDone(done) = &event else {
            panic!()
        };
        assert_eq!(done.key.as_str(), key);
        assert_eq!(done.object.id, "m1");
        assert!(
            serde_json::to_value(&event).unwrap()["data"]
                .get(key)
                .is_some()
        );
    }
    let body = br#"{"event":"video_mixed.done","data":{"data":{"code":"done","updated_at":"2024-12-04T23:25:56Z"}}}"#;
    let (path, message) = json_error(body);
    assert_eq!(path, "data");
    assert!(message.contains("media object"), "{message}");
}

#[test]
fn data_before_event_and_unknown_top_level_keys() {
    let event = Event::from_slice(
        br#"{"extra":{"a":[1]},"data":{"calendar_id":"c1"},"event":"calendar.update"}"#,
    )
    .unwrap();
    assert_eq!(event.event_type(), EventType::CalendarUpdate);
    // Out of order, the data is read after the fact; errors still name the
    // full path, in either order.
    let (path, message) = json_error(br#"{"data":{"calendar":"c1"},"event":"calendar.update"}"#);
    assert_eq!(path, "data");
    assert!(message.contains("missing field `calendar_id`"), "{message}");
    let data = r#"{"data":{"code":"done","updated_at":"2024-12-04T23:25:56Z"},"bot":{"id":7}}"#;
    for body in [
        format!(r#"{{"event":"bot.done","data":{data}}}"#),
        format!(r#"{{"data":{data},"event":"bot.done"}}"#),
        format!("{{\n  \"data\": {data},\n  \"extra\": [1],\n  \"event\": \"bot.done\"\n}}"),
    ] {
        let (path, message) = json_error(body.as_bytes());
        assert_eq!(path, "data.bot.id", "{body}");
        assert!(message.contains("invalid type: integer `7`"), "{message}");
    }
    // Lines and columns count in the whole body, as serde_json counts them
    // when the payload is read in place (the same second line).
    let early = format!("{{\n  \"data\": {data},\n  \"event\": \"bot.done\"\n}}");
    let in_place = format!("{{\"event\": \"bot.done\",\n  \"data\": {data}\n}}");
    assert_eq!(
        json_error(early.as_bytes()),
        json_error(in_place.as_bytes())
    );
}

#[test]
fn a_second_event_or_data_is_rejected() {
    for body in [
        r#"{"event":"calendar.update","event":"bot.done","data":{"calendar_id":"c1"}}"#,
        r#"{"event":"calendar.update","data":{"calendar_id":"c1"},"data":{"calendar_id":"c2"}}"#,
        r#"{"data":{"calendar_id":"c1"},"data":{"calendar_id":"c2"},"event":"calendar.update"}"#,
    ] {
        let (_, message) = json_error(body.as_bytes());
        assert!(message.contains("duplicate field"), "{message}");
    }
}

#[test]
fn metadata_reads_as_the_users_type() {
    #[derive(serde::Deserialize, Debug)]
    struct Meta {
        customer: String,
    }
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Wrong {
        customer: u32,
    }
    let event = parse(bot_event(
        "bot.done",
        "done",
        Value::Null,
        "2024-03-10T19:16:16+00:00",
    ));
    let bot = event.bot().unwrap();
    assert_eq!(bot.metadata_as::<Meta>().unwrap().customer, "acme");
    match bot.metadata_as::<Wrong>() {
        Err(ParseError::Json { path, .. }) => assert_eq!(path, "metadata.customer"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn legacy_and_log_events_expose_ids() {
    let event = parse(
        json!({"event": "bot.status_change", "data": {"bot_id": "b1", "status": {
        "code": "media_expired", "created_at": "2024-05-17T02:27:09.490720", "sub_code": null, "message": null, "recording_id": "r9"}}}),
    );
    assert_eq!(event.bot_id(), Some("b1"));
    assert_eq!(event.recording_id(), Some("r9"));
    assert_eq!(event.updated_at(), None);
}

#[test]
fn bad_input_is_an_error_never_a_panic() {
    let cases: Vec<(&[u8], &str)> = vec![
        (b"", "."),
        (b"not json", "."),
        (b"[]", "."),
        (br#"{"data":{}}"#, "."),
        (br#"{"event":"bot.done"}"#, "."),
        (br#"{"event":42,"data":{}}"#, "event"),
        (br#"{"event":"bot.done","data":{"data":{"code":"done","updated_at":"2024-03-10T19:16:16Z"}}}"#, "data"),
        (br#"{"event":"bot.done","data":{"data":{"code":7,"updated_at":"2024-03-10T19:16:16Z"},"bot":{"id":"b"}}}"#, "data.data.code"),
        (br#"{"event":"transcript.data","data":{"data":{"words":[{"text":"a","start_timestamp":{"relative":1}},{"text":2}],"participant":{"id":1}}}}"#, "data.data.words[1].text"),
        (br#"{"event":"bot.done","data":{"data":{"code":"done""#, "data.data.code"),
    ];
    for (body, expected_path) in cases {
        let (path, message) = json_error(body);
        assert_eq!(
            path,
            expected_path,
            "{}: {message}",
            String::from_utf8_lossy(body)
        );
    }
}

#[test]
fn huge_strings_are_not_echoed() {
    let huge = "x".repeat(10 * 1024 * 1024);
    let body = format!(
        r#"{{"event":"bot.done","data":{{"data":{{"code":"done","updated_at":"{huge}"}},"bot":{{"id":"b"}}}}}}"#
    );
    let err = Event::from_slice(body.as_bytes()).unwrap_err();
    assert!(err.to_string().len() < 400);
    let body = format!(r#"{{"event":"bot.done","data":{{"data":{{"code":{{"x":"{huge}"}}}}}}}}"#);
    assert!(
        Event::from_slice(body.as_bytes())
            .unwrap_err()
            .to_string()
            .len()
            < 400
    );
}

#[test]
fn deep_nesting_is_an_error() {
    let depth = 100_000;
    let body = format!(
        r#"{{"event":"x.y","data":{}{}}}"#,
        "[".repeat(depth),
        "]".repeat(depth)
    );
    assert!(Event::from_slice(body.as_bytes()).is_err());
}

/// Serializing gives back the JSON that came in, numbers in their own form.
fn assert_same_json(body: &[u8]) -> Event {
    let event = Event::from_slice(body).unwrap_or_else(|err| panic!("{err}"));
    let written = serde_json::to_value(&event).unwrap();
    assert_eq!(written, serde_json::from_slice::<Value>(body).unwrap());
    assert_eq!(
        Event::from_slice(&serde_json::to_vec(&event).unwrap()).unwrap(),
        event
    );
    event
}

#[test]
fn participant_event_data_and_relative_times_in_any_legitimate_form() {
    let participant =
        r#"{"id":100,"name":"Ada","is_host":true,"platform":"desktop","extra_data":{}}"#;
    let event = |data: &str, relative: &str| {
        format!(
            r#"{{"event":"participant_events.update","data":{{"data":{{"participant":{participant},"timestamp":{{"absolute":"2025-12-15 00:00:00","relative":{relative}}},"data":{data}}}}}}}"#
        )
    };
    // An integer relative time (the very start) writes back as an integer.
    let parsed = assert_same_json(event("null", "0").as_bytes());
    let Event::ParticipantEventsUpdate(update) = &parsed else {
        panic!("{parsed:?}")
    };
    assert_eq!(update.data.timestamp.seconds(), 0.0);
    assert_eq!(update.data.data, None);
    let parsed = assert_same_json(event("null", "12.25").as_bytes());
    let Event::ParticipantEventsUpdate(update) = &parsed else {
        panic!("{parsed:?}")
    };
    assert_eq!(update.data.timestamp.seconds(), 12.25);
    // An object that is not a chat message is kept, not an error.
    for other in [
        r#"{"reason":"kicked"}"#,
        r#"{"text":1,"to":"everyone"}"#,
        "[1,2]",
        r#""x""#,
    ] {
        let parsed = assert_same_json(event(other, "1.5").as_bytes());
        let Event::ParticipantEventsUpdate(update) = &parsed else {
            panic!("{parsed:?}")
        };
        assert!(
            matches!(
                update.data.data,
                Some(recording_webhooks::recall::ParticipantData::Other(_))
            ),
            "{other}"
        );
        assert_eq!(update.data.chat_message(), None);
    }
    let chat = assert_same_json(
        event(r#"{"text":"hello","to":"only_bot"}"#, "3.0")
            .replace(
                "participant_events.update",
                "participant_events.chat_message",
            )
            .as_bytes(),
    );
    let Event::ParticipantEventsChatMessage(chat) = &chat else {
        panic!("{chat:?}")
    };
    let message = chat.data.chat_message().unwrap();
    assert_eq!(message.to, recording_webhooks::recall::ChatTo::OnlyBot);
    assert_eq!(message.text, "hello");
}

#[test]
fn raw_media_events_carry_their_media_object_and_video_type() {
    use recording_webhooks::recall::VideoType;
    let fixture = |name: &str| {
        let path = format!("{}/fixtures/recall/{name}.json", env!("CARGO_MANIFEST_DIR"));
        Event::from_slice(&std::fs::read(path).unwrap()).unwrap()
    };
    let Event::AudioMixedRawData(audio) = fixture("audio_mixed_raw.data") else {
        panic!()
    };
    assert!(audio.audio_mixed.is_some() && audio.video_separate.is_none());
    let Event::AudioSeparateRawData(audio) = fixture("audio_separate_raw.data") else {
        panic!()
    };
    assert!(audio.audio_separate.is_some());
    for (name, video_type) in [
        ("video_separate_png.data", VideoType::Webcam),
        ("video_separate_h264.data", VideoType::Screenshare),
    ] {
        let (Event::VideoSeparatePngData(video) | Event::VideoSeparateH264Data(video)) =
            fixture(name)
        else {
            panic!("{name}")
        };
        assert!(video.video_separate.is_some(), "{name}");
        assert_eq!(video.data.video_type, Some(video_type), "{name}");
    }
    assert!(VideoType::from("mirror").is_unknown());
}

#[test]
fn sub_codes_only_third_party_code_names_stay_unknown() {
    // Seen in third-party consumers citing Recall's docs, on no Recall page
    // (../shared/spec/recall.md, "Added 2026-11-23"): open, not typed.
    for value in [
        "meeting_not_accessible",
        "google_meet_organisation_restricted",
        "webex_service_app_unauthorized",
        "zoom_bot_blocked",
        "zoom_authorized_participants_only",
        "zoom_token_expired",
        "microsoft_teams_townhall_meeting_not_supported",
        "webex_pin_required",
        "webex_password_required",
    ] {
        assert!(FatalSubCode::from(value).is_unknown(), "{value}");
        assert!(CallEndedSubCode::from(value).is_unknown(), "{value}");
    }
}
