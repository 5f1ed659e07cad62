//! Every fixture of Recall.ai, Daily, Zoom and LiveKit, varied the ways the providers'
//! own pages say a delivery may vary (and real deliveries do): an optional
//! key dropped, a nullable value nulled, a number sent as a numeric string
//! or as a float, a key the crate does not know added at every object
//! level, the keys in other orders. Every variant parses, as the same typed
//! event, and serializes back to the JSON it came from (`null` versus an
//! absent key aside).
//!
//! Each rule names the spec line that allows it (`shared/spec/<provider>.md`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.
#![cfg(all(
    feature = "recall",
    feature = "daily",
    feature = "zoom",
    feature = "livekit"
))]

mod common;

use std::fmt::Debug;

use serde::Serialize;
use serde_json::{Map, Value, json};

/// How one key's value may vary.
#[derive(Clone, Copy)]
enum Change {
    /// The key left out.
    Drop,
    /// The value `null`.
    Null,
    /// The value replaced by this JSON.
    Set(&'static str),
    /// A number sent as the string of its digits.
    NumberAsString,
    /// An integer sent as a float with a fraction.
    Fraction,
    /// A string of digits sent as the number it spells.
    StringAsNumber,
}

/// One way a provider's deliveries vary: `change` applied to the value of
/// every key `key` whose parent object is at a path ending with `parent`
/// (object keys only; array positions are skipped), in the events whose
/// name starts with `events`.
struct Rule {
    events: &'static str,
    parent: &'static [&'static str],
    key: &'static str,
    change: Change,
    /// The spec line that allows it.
    because: &'static str,
}

const fn rule(
    events: &'static str,
    parent: &'static [&'static str],
    key: &'static str,
    change: Change,
    because: &'static str,
) -> Rule {
    Rule {
        events,
        parent,
        key,
        change,
        because,
    }
}

use Change::{Drop, Fraction, Null, NumberAsString, Set, StringAsNumber};

const RECALL: &[Rule] = &[
    rule(
        "",
        &["data", "data"],
        "sub_code",
        Null,
        "recall.md: `sub_code`: string, `null`, absent, or the empty string",
    ),
    rule(
        "",
        &["data", "data"],
        "sub_code",
        Drop,
        "recall.md: `sub_code`: string, `null`, absent, or the empty string",
    ),
    rule(
        "",
        &["data", "data"],
        "sub_code",
        Set(r#""""#),
        "recall.md: `sub_code`: string, `null`, absent, or the empty string",
    ),
    rule(
        "recording.",
        &["data"],
        "bot",
        Null,
        "recall.md: `bot` ... on recording, media object and real-time events it may be absent or `null`",
    ),
    rule(
        "recording.",
        &["data"],
        "bot",
        Drop,
        "recall.md: `bot` ... may be absent or `null`",
    ),
    rule(
        "transcript.",
        &["data"],
        "bot",
        Null,
        "recall.md: `bot` ... may be absent or `null`",
    ),
    rule(
        "video_mixed.",
        &["data"],
        "bot",
        Drop,
        "recall.md: `bot` ... may be absent or `null`",
    ),
    rule(
        "participant_events.",
        &["data"],
        "bot",
        Null,
        "recall.md: `bot` ... may be absent or `null`",
    ),
    rule(
        "sdk_upload.",
        &["data"],
        "recording",
        Null,
        "recall.md: `recording` may be `null` (catalog example of `sdk_upload.failed`)",
    ),
    rule(
        "",
        &["bot"],
        "metadata",
        Set(r#"{"customer":"acme","seats":12,"tags":["a",null]}"#),
        "recall.md: treat `metadata` as any JSON object",
    ),
    rule(
        "",
        &["recording"],
        "metadata",
        Null,
        "recall.md: `metadata` is a JSON object (a null one read as none)",
    ),
    rule(
        "",
        &["participant"],
        "is_host",
        Null,
        "recall.md (2026-12-07): `is_host: boolean | null`",
    ),
    rule(
        "",
        &["participant"],
        "extra_data",
        Null,
        "recall.md (2026-12-07): `extra_data: json | null`",
    ),
    rule(
        "",
        &["participant"],
        "extra_data",
        Set(r#"{"zoom":{"conf_user_id":"16779264"}}"#),
        "recall.md: `extra_data`: object",
    ),
    rule(
        "",
        &["participant"],
        "name",
        Null,
        "recall.md (2026-12-07): `name: string | null`",
    ),
    rule(
        "",
        &["participant"],
        "platform",
        Null,
        "recall.md (2026-12-07): `platform: string | null`",
    ),
    rule(
        "",
        &["participant"],
        "email",
        Null,
        "recall.md (2026-12-07): `email: string | null`",
    ),
    rule(
        "",
        &["participant"],
        "email",
        Drop,
        "recall.md (2026-12-07): `email` is not filled on `participant_events.join`",
    ),
    rule(
        "",
        &["participant"],
        "id",
        NumberAsString,
        "recall.md (2026-12-07): Zoom participant ids were long numeric strings",
    ),
    rule(
        "",
        &["participant"],
        "id",
        Set("16831488"),
        "recall.md (2026-12-07): `16831488` or `16779264`",
    ),
    rule(
        "bot.",
        &["data"],
        "participant_id",
        NumberAsString,
        "recall.md: v1.10 call events' `participant_id` (a reader accepts a numeric string as for participants)",
    ),
    rule(
        "",
        &["data", "data"],
        "updated_at",
        Set(r#""2025-12-15 00:00:00""#),
        "recall.md (2026-11-23): ISO 8601 \"e.g. 2025-12-15 00:00:00\"",
    ),
    rule(
        "",
        &["data", "data"],
        "updated_at",
        Set(r#""2024-03-10T19:16:16+00:00""#),
        "recall.md: timestamps seen in official material",
    ),
    rule(
        "",
        &["timestamp"],
        "absolute",
        Drop,
        "recall.md: `absolute`: string (optional)",
    ),
    rule(
        "",
        &["words"],
        "end_timestamp",
        Null,
        "recall.md: `end_timestamp`: { ... } | null",
    ),
    rule(
        "participant_events.",
        &["data", "data"],
        "data",
        Null,
        "recall.md: the inner `data` is `null`",
    ),
    rule(
        "participant_events.",
        &["data", "data"],
        "data",
        Set(r#"{"reaction":"thumbs_up"}"#),
        "recall.md (2026-11-23): any other object is opaque JSON",
    ),
    rule(
        "",
        &["status"],
        "sub_code",
        Null,
        "recall.md: `bot.status_change`: `sub_code`: string|null",
    ),
    rule(
        "",
        &["status"],
        "message",
        Null,
        "recall.md: `message`: string|null",
    ),
    rule(
        "",
        &["status"],
        "recording_id",
        Drop,
        "recall.md: `recording_id`: string (optional)",
    ),
    rule(
        "",
        &["log"],
        "output_id",
        Null,
        "recall.md: `output_id`: string|null (optional)",
    ),
    rule(
        "bot.output_log",
        &["data"],
        "job_id",
        Drop,
        "recall.md: `job_id`: string (optional)",
    ),
];

const DAILY: &[Rule] = &[
    rule(
        "recording.ready-to-download",
        &["payload"],
        "type",
        Drop,
        "daily.md: `type` ... may be absent",
    ),
    rule(
        "recording.ready-to-download",
        &["payload"],
        "max_participants",
        Drop,
        "daily.md: `max_participants` (int; sometimes absent)",
    ),
    rule(
        "recording.ready-to-download",
        &["payload"],
        "tracks",
        Null,
        "daily.md: `tracks` (raw-tracks only; may be absent or `null`)",
    ),
    rule(
        "recording.ready-to-download",
        &["payload"],
        "tracks",
        Drop,
        "daily.md: `tracks` ... may be absent",
    ),
    rule(
        "recording.ready-to-download",
        &["payload"],
        "share_token",
        Set(r#""ntDCL5k98Ulq""#),
        "daily.md: `share_token` (undocumented, seen)",
    ),
    rule(
        "",
        &["payload"],
        "duration",
        Fraction,
        "daily.md (2026-11-23): numbers the docs call \"number\" may arrive as floats",
    ),
    rule(
        "",
        &["payload"],
        "start_ts",
        Fraction,
        "daily.md: numbers that are times arrive as integers, floats, or numeric strings",
    ),
    rule(
        "",
        &["payload"],
        "start_ts",
        NumberAsString,
        "daily.md: numbers that are times arrive as integers, floats, or numeric strings",
    ),
    rule(
        "",
        &["payload"],
        "end_ts",
        NumberAsString,
        "daily.md: numbers that are times arrive as integers, floats, or numeric strings",
    ),
    rule(
        "",
        &[],
        "event_ts",
        Fraction,
        "daily.md: `event_ts`: number (seconds, often fractional)",
    ),
    rule(
        "",
        &["payload"],
        "timestamp",
        NumberAsString,
        "daily.md: `\"timestamp\":\"1693402871\"`",
    ),
    rule(
        "participant.",
        &["payload"],
        "will_eject_at",
        Null,
        "daily.md: `will_eject_at` (may be null)",
    ),
    rule(
        "",
        &["payload"],
        "share_token",
        Drop,
        "daily.md: `share_token` (undocumented)",
    ),
];

const ZOOM: &[Rule] = &[
    rule(
        "",
        &[],
        "event_ts",
        Drop,
        "zoom.md: envelope facts 1, `event_ts` may be absent",
    ),
    rule(
        "recording.transcript_completed",
        &[],
        "download_token",
        Drop,
        "zoom.md: `download_token` **optional** on `recording.transcript_completed`",
    ),
    rule(
        "",
        &["payload", "object"],
        "timezone",
        Set(r#""""#),
        "zoom.md: instant meetings send the **empty string** `\"\"`",
    ),
    rule(
        "",
        &["payload", "object"],
        "timezone",
        Drop,
        "zoom.md: `timezone` may be absent",
    ),
    rule(
        "",
        &["payload", "object"],
        "duration",
        Set("0"),
        "zoom.md: `duration` may be `0`",
    ),
    rule(
        "recording.",
        &["payload", "object"],
        "id",
        NumberAsString,
        "zoom.md: envelope facts 3, `object.id` a string in `meeting.*` events: one meeting-id type reads both",
    ),
    rule(
        "recording.",
        &["payload", "object"],
        "id",
        Set("87565330005123"),
        "zoom.md: meeting numbers exceed 2^32 (14 digits)",
    ),
    rule(
        "",
        &["recording_files"],
        "id",
        Drop,
        "zoom.md: `CC` and `TIMELINE` files lack `id`",
    ),
    rule(
        "",
        &["recording_files"],
        "status",
        Drop,
        "zoom.md: `CC` and `TIMELINE` files lack `status`",
    ),
    rule(
        "",
        &["recording_files"],
        "file_size",
        Drop,
        "zoom.md: `CC` and `TIMELINE` files lack `file_size`",
    ),
    rule(
        "",
        &["recording_files"],
        "recording_type",
        Drop,
        "zoom.md: `CC` and `TIMELINE` files lack `recording_type`",
    ),
    rule(
        "",
        &["recording_files"],
        "play_url",
        Drop,
        "zoom.md: `play_url` is optional on every file",
    ),
    rule(
        "",
        &["recording_files"],
        "download_url",
        Drop,
        "zoom.md: on-premise files lack `download_url`",
    ),
    rule(
        "",
        &["recording_files"],
        "encryption_fingerprint",
        Set(r#""""#),
        "zoom.md: envelope facts 4, `encryption_fingerprint` `\"\"` on MP4 and M4A files",
    ),
    rule(
        "",
        &["recording_files"],
        "recording_type",
        Set(r#""shared_screen_with_speaker_view(CC)""#),
        "zoom.md: literal parentheses",
    ),
    rule(
        "",
        &["recording_files"],
        "file_size",
        Set("5368709120"),
        "zoom.md: `file_size` may exceed 2^32",
    ),
    rule(
        "recording.trashed",
        &["payload", "object"],
        "recording_files",
        Drop,
        "zoom.md: `recording_files`? (optional) on `recording.trashed`",
    ),
    rule(
        "recording.completed",
        &["payload", "object"],
        "participant_audio_files",
        Drop,
        "zoom.md: `participant_audio_files`: no",
    ),
    rule(
        "recording.completed",
        &["payload", "object"],
        "recording_play_passcode",
        Drop,
        "zoom.md: `recording_play_passcode`: no",
    ),
    rule(
        "recording.completed",
        &["payload", "object"],
        "on_prem",
        Set("false"),
        "zoom.md: envelope facts 7, `on_prem: false`",
    ),
    rule(
        "recording.completed",
        &["payload", "object"],
        "account_id",
        Set(r#""lAAAAAAAAAAAAAAAAAAAAA""#),
        "zoom.md: envelope facts 7, `account_id` repeated inside `object`",
    ),
    rule(
        "session.",
        &["payload", "object"],
        "session_id",
        NumberAsString,
        "zoom.md: `session_id` (string); Zoom's example sends a number",
    ),
    rule(
        "session.",
        &["payload", "object"],
        "session_id",
        Set("1234567890"),
        "zoom.md: Zoom's example of `session.recording_completed` sends `\"session_id\": 1234567890`",
    ),
    rule(
        "session.",
        &["payload", "object"],
        "session_key",
        Set(r#""""#),
        "zoom.md (issue 34): real deliveries send `session_key` empty",
    ),
    rule(
        "session.",
        &["payload", "object"],
        "clip_id",
        Set(r#""""#),
        "zoom.md (issue 34): real deliveries send `clip_id` empty",
    ),
    rule(
        "session.",
        &["payload", "object"],
        "timezone",
        Drop,
        "zoom.md: the session's `timezone`",
    ),
    rule(
        "session.recording_completed",
        &["payload", "object"],
        "participant_audio_files",
        Drop,
        "zoom.md: `object.participant_audio_files[]`? (optional)",
    ),
    rule(
        "session.recording_completed",
        &["payload", "object"],
        "participant_video_files",
        Drop,
        "zoom.md: `object.participant_video_files[]`? (optional)",
    ),
    rule(
        "session.",
        &["recording_files"],
        "file_type",
        Drop,
        "zoom.md: Video SDK files: every field is optional",
    ),
    rule(
        "session.",
        &["recording_files"],
        "file_extension",
        Drop,
        "zoom.md: Video SDK files: every field is optional",
    ),
    rule(
        "session.",
        &["recording_files"],
        "recording_start",
        Drop,
        "zoom.md: Video SDK files: every field is optional",
    ),
    rule(
        "session.",
        &["participant_audio_files"],
        "user_key",
        Drop,
        "zoom.md: Video SDK files: every field is optional",
    ),
    rule(
        "phone.recording_completed",
        &["recordings"],
        "caller_name",
        Drop,
        "zoom.md: `caller_name`?",
    ),
    rule(
        "phone.recording_completed",
        &["recordings"],
        "owner",
        Drop,
        "zoom.md: `owner`?",
    ),
    rule(
        "phone.recording_completed",
        &["recordings"],
        "site",
        Drop,
        "zoom.md: `site`?",
    ),
    rule(
        "phone.recording_completed",
        &["recordings"],
        "accepted_by",
        Drop,
        "zoom.md: `accepted_by`?",
    ),
    rule(
        "phone.recording_transcript_completed",
        &["recordings"],
        "duration",
        Drop,
        "zoom.md: `duration` optional on `phone.recording_transcript_completed`",
    ),
    rule(
        "phone.",
        &["owner"],
        "extension_number",
        Drop,
        "zoom.md: `extension_number`? (number)",
    ),
    rule(
        "phone.",
        &["accepted_by"],
        "extension_number",
        Set("1001"),
        "zoom.md: `extension_number` a number under `owner`, a string under `accepted_by`: each kept as sent",
    ),
];

const LIVEKIT: &[Rule] = &[
    rule(
        "",
        &[],
        "createdAt",
        StringAsNumber,
        "livekit.md: `int64` are JSON strings ... Accept a string or a number",
    ),
    rule(
        "egress_",
        &["egressInfo"],
        "startedAt",
        StringAsNumber,
        "livekit.md: `int64` are JSON strings ... Accept a string or a number",
    ),
    rule(
        "egress_",
        &["fileResults"],
        "size",
        StringAsNumber,
        "livekit.md: `int64` are JSON strings ... Accept a string or a number",
    ),
    rule(
        "egress_ended",
        &["egressInfo"],
        "status",
        Set("3"),
        "livekit.md: Enums are their names ... Accept the integer too",
    ),
    rule(
        "egress_",
        &["egressInfo"],
        "status",
        Set(r#""EGRESS_PAUSED""#),
        "livekit.md: Enums ... keep unknown names",
    ),
    rule(
        "egress_",
        &["egressInfo"],
        "status",
        Drop,
        "livekit.md: `status` absent = `EGRESS_STARTING`",
    ),
    rule(
        "egress_ended",
        &["egressInfo"],
        "egressId",
        Drop,
        "livekit.md: `egressId` absent on the failed-auto-egress `egress_ended`",
    ),
    rule(
        "egress_ended",
        &["egressInfo"],
        "fileResults",
        Drop,
        "livekit.md: `fileResults` empty, deprecated `file` filled",
    ),
    rule(
        "egress_ended",
        &["fileResults"],
        "endedAt",
        Drop,
        "livekit.md: Negative `duration`, missing `endedAt` in `egress_ended`",
    ),
    rule(
        "egress_ended",
        &["fileResults"],
        "duration",
        Set(r#""-1731660518186023947""#),
        "livekit.md: a real `egress_ended` had `\"duration\":\"-1731660518186023947\"`",
    ),
    rule(
        "",
        &[],
        "room",
        Drop,
        "livekit.md: Fields at their default ... are omitted: every field is optional",
    ),
    rule(
        "",
        &[],
        "numDropped",
        Set("3"),
        "livekit.md: the older `URLNotifier` counts drops in the next event's `numDropped`",
    ),
    rule(
        "room_finished",
        &[],
        "roomEndReason",
        Set(r#""ROOM_END_API_DELETE""#),
        "livekit.md: `roomEndReason` in `livekit-protocol` 1.1.29",
    ),
    rule(
        "participant_",
        &["participant"],
        "kind",
        Set(r#""BRIDGE""#),
        "livekit.md: `kind` (... `CONNECTOR` 7, `BRIDGE` 8)",
    ),
    rule(
        "participant_",
        &["participant"],
        "state",
        Drop,
        "livekit.md: an absent enum means its value-0 name",
    ),
    rule(
        "ingress_",
        &["state"],
        "status",
        Drop,
        "livekit.md: `ENDPOINT_INACTIVE` 0 (absent)",
    ),
];

#[cfg(feature = "telnyx")]
const TELNYX: &[Rule] = &[
    rule(
        "",
        &[],
        "meta",
        Drop,
        "telnyx.md: `meta` is absent from the call event types of the generated SDKs ... Accept it absent",
    ),
    rule(
        "",
        &["data"],
        "occurred_at",
        Drop,
        "telnyx.md: the generated type of `conference.recording.saved` declares no `occurred_at`",
    ),
    rule(
        "",
        &["data", "payload"],
        "client_state",
        Null,
        "telnyx.md: `client_state` ... may be `null` or `\"\"`",
    ),
    rule(
        "",
        &["data", "payload"],
        "client_state",
        Set(r#""""#),
        "telnyx.md: `client_state` ... may be `null` or `\"\"`",
    ),
    rule(
        "",
        &["data", "payload"],
        "call_control_id",
        Set(r#""b0e6224c-c81c-11f0-afbb-02420aef93a0""#),
        "telnyx.md: `call_control_id` (opaque; `v2:…`, `v3:…` or a UUID)",
    ),
    rule(
        "call.recording.saved",
        &["data", "payload"],
        "public_recording_urls",
        Set("{}"),
        "telnyx.md: `public_recording_urls` ... may be `{}`",
    ),
    rule(
        "call.recording.saved",
        &["data", "payload"],
        "recording_urls",
        Set(
            r#"{"wav":"https://s3.amazonaws.com/telephony-recorder-prod/abc.wav?X-Amz-Expires=600"}"#,
        ),
        "telnyx.md: `recording_urls` {`mp3`?, `wav`?}",
    ),
    rule(
        "call.recording.saved",
        &["data", "payload"],
        "channels",
        Set(r#""single""#),
        "telnyx.md: `channels` (`single` / `dual`)",
    ),
    rule(
        "call.recording.saved",
        &["data", "payload"],
        "format",
        Set(r#""wav""#),
        "telnyx.md: the example in [storing] carries `call_control_id`, `recording_id`, `format`",
    ),
    rule(
        "call.recording.saved",
        &["data", "payload"],
        "recording_id",
        Drop,
        "telnyx.md: the docs' `call.recording.saved` example carries none of `call_control_id`, `recording_id`, `format`",
    ),
    rule(
        "call.recording.error",
        &["data", "payload"],
        "reason",
        Set(r#""Invalid credentials json""#),
        "telnyx.md: `reason`: one of ... (open set)",
    ),
];

/// Applies `change` to every matching key of `value`, calling `each` with
/// the changed document once per place changed (one place at a time).
fn variants_of(value: &Value, rule: &Rule, each: &mut dyn FnMut(Value)) {
    let mut places = Vec::new();
    find(value, &mut Vec::new(), rule, &mut places);
    for place in places {
        let mut changed = value.clone();
        if apply(&mut changed, &place, rule) {
            each(changed);
        }
    }
}

/// A path to an object holding the rule's key, as the steps to it.
#[derive(Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn find(value: &Value, path: &mut Vec<Step>, rule: &Rule, places: &mut Vec<Vec<Step>>) {
    match value {
        Value::Object(map) => {
            let keys: Vec<&str> = path
                .iter()
                .filter_map(|step| match step {
                    Step::Key(key) => Some(key.as_str()),
                    Step::Index(_) => None,
                })
                .collect();
            let here = if rule.parent.is_empty() {
                path.is_empty()
            } else {
                keys.ends_with(rule.parent)
            };
            let wanted = match rule.change {
                // An absent key can be set; the rest change what is there.
                Set(_) => true,
                _ => map.contains_key(rule.key),
            };
            if here && wanted {
                places.push(path.clone());
            }
            for (key, child) in map {
                path.push(Step::Key(key.clone()));
                find(child, path, rule, places);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                path.push(Step::Index(index));
                find(child, path, rule, places);
                path.pop();
            }
        }
        _ => {}
    }
}

/// Changes the key at `place`; `false` when the change does not apply to
/// the value found (a string asked to become a numeric string).
fn apply(value: &mut Value, place: &[Step], rule: &Rule) -> bool {
    let mut here = value;
    for step in place {
        here = match (step, here) {
            (Step::Key(key), Value::Object(map)) => map.get_mut(key).unwrap(),
            (Step::Index(index), Value::Array(items)) => &mut items[*index],
            _ => unreachable!(),
        };
    }
    let map = here.as_object_mut().unwrap();
    match rule.change {
        Drop => map.remove(rule.key).is_some(),
        Null => {
            map.insert(rule.key.to_owned(), Value::Null);
            true
        }
        Set(json) => {
            map.insert(rule.key.to_owned(), serde_json::from_str(json).unwrap());
            true
        }
        NumberAsString => match map.get(rule.key) {
            Some(Value::Number(number)) => {
                let text = number.to_string();
                map.insert(rule.key.to_owned(), Value::String(text));
                true
            }
            _ => false,
        },
        StringAsNumber => match map.get(rule.key).and_then(Value::as_str) {
            Some(text) => match text.parse::<i64>() {
                Ok(number) => {
                    map.insert(rule.key.to_owned(), json!(number));
                    true
                }
                Err(_) => false,
            },
            None => false,
        },
        Fraction => match map.get(rule.key).and_then(Value::as_i64) {
            Some(whole) => {
                map.insert(rule.key.to_owned(), json!(whole as f64 + 0.25));
                true
            }
            None => false,
        },
    }
}

/// Every object of `value`, one at a time, given a key no provider sends.
fn with_unknown_keys(value: &Value, skip_root: bool, each: &mut dyn FnMut(Value)) {
    let mut places = Vec::new();
    objects(value, &mut Vec::new(), &mut places);
    for place in places {
        if skip_root && place.is_empty() {
            continue;
        }
        let mut changed = value.clone();
        let mut here = &mut changed;
        for step in &place {
            here = match (step, here) {
                (Step::Key(key), Value::Object(map)) => map.get_mut(key).unwrap(),
                (Step::Index(index), Value::Array(items)) => &mut items[*index],
                _ => unreachable!(),
            };
        }
        here.as_object_mut().unwrap().insert(
            "x_added_by_the_provider".to_owned(),
            json!({"kind": "new", "values": [1, 2.5, null, "three"]}),
        );
        each(changed);
    }
}

fn objects(value: &Value, path: &mut Vec<Step>, places: &mut Vec<Vec<Step>>) {
    match value {
        Value::Object(map) => {
            places.push(path.clone());
            for (key, child) in map {
                path.push(Step::Key(key.clone()));
                objects(child, path, places);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                path.push(Step::Index(index));
                objects(child, path, places);
                path.pop();
            }
        }
        _ => {}
    }
}

/// The JSON text of `value` with every object's keys in `order`: sorted,
/// or reversed.
fn write_in_order(value: &Value, reversed: bool, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            if reversed {
                keys.reverse();
            }
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&serde_json::to_string(key).unwrap());
                out.push(':');
                write_in_order(&map[key], reversed, out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_in_order(item, reversed, out);
            }
            out.push(']');
        }
        other => out.push_str(&serde_json::to_string(other).unwrap()),
    }
}

/// A provider's reader, for the checks below.
struct Provider<E> {
    dir: &'static str,
    parse: fn(&[u8]) -> Result<E, recording_webhooks::ParseError>,
    event_type: fn(&E) -> String,
    rules: &'static [Rule],
    /// Whether a key added at the top level is kept (Recall.ai's Svix
    /// envelope is `{"event", "data"}` alone: it is skipped there).
    keeps_top_level_keys: bool,
}

/// The variant parses as the fixture's own event type and writes back the
/// JSON it came from.
fn check<E: Serialize + PartialEq + Debug>(
    provider: &Provider<E>,
    name: &str,
    expected_type: &str,
    variant: &Value,
    what: &str,
) -> usize {
    let body = serde_json::to_vec(variant).unwrap();
    let label = format!("{}/{name}, {what}", provider.dir);
    let event = common::assert_round_trips(&label, &body, provider.parse);
    assert_eq!((provider.event_type)(&event), expected_type, "{label}");
    1
}

fn run<E: Serialize + PartialEq + Debug>(provider: &Provider<E>) -> usize {
    let mut checked = 0;
    for (name, body) in common::fixtures(provider.dir) {
        let original: Value = serde_json::from_slice(&body).unwrap();
        let event = (provider.parse)(&body).unwrap();
        let event_type = (provider.event_type)(&event);
        let ping = name.starts_with("test");

        for rule in provider.rules {
            if !event_type.starts_with(rule.events) {
                continue;
            }
            variants_of(&original, rule, &mut |variant| {
                checked += check(provider, &name, &event_type, &variant, rule.because);
            });
        }
        if !ping {
            let skip_root = !provider.keeps_top_level_keys;
            with_unknown_keys(&original, skip_root, &mut |variant| {
                checked += check(
                    provider,
                    &name,
                    &event_type,
                    &variant,
                    "an unknown key added",
                );
            });
        }
        for reversed in [false, true] {
            let mut text = String::new();
            write_in_order(&original, reversed, &mut text);
            let event = (provider.parse)(text.as_bytes())
                .unwrap_or_else(|err| panic!("{name} with keys reordered: {err}"));
            assert_eq!(
                (provider.parse)(&body).unwrap(),
                event,
                "{name}: key order changed the event"
            );
            checked += 1;
        }
    }
    checked
}

#[test]
fn recall_variants_parse_and_round_trip() {
    use recording_webhooks::recall::Event;
    let checked = run(&Provider {
        dir: "recall",
        parse: Event::from_slice,
        event_type: |event: &Event| event.event_type().to_string(),
        rules: RECALL,
        keeps_top_level_keys: false,
    });
    assert!(checked > 1_000, "{checked}");
}

#[test]
fn daily_variants_parse_and_round_trip() {
    use recording_webhooks::daily::Event;
    let checked = run(&Provider {
        dir: "daily",
        parse: Event::from_slice,
        event_type: |event: &Event| event.event_type().to_string(),
        rules: DAILY,
        keeps_top_level_keys: true,
    });
    assert!(checked > 200, "{checked}");
}

#[test]
fn zoom_variants_parse_and_round_trip() {
    use recording_webhooks::zoom::Event;
    let checked = run(&Provider {
        dir: "zoom",
        parse: Event::from_slice,
        event_type: |event: &Event| event.event_type().to_string(),
        rules: ZOOM,
        keeps_top_level_keys: true,
    });
    assert!(checked > 400, "{checked}");
}

#[test]
fn livekit_variants_parse_and_round_trip() {
    use recording_webhooks::livekit::Event;
    let checked = run(&Provider {
        dir: "livekit",
        parse: Event::from_slice,
        event_type: |event: &Event| event.event_type().to_string(),
        rules: LIVEKIT,
        keeps_top_level_keys: true,
    });
    assert!(checked > 250, "{checked}");
}

#[cfg(feature = "telnyx")]
#[test]
fn telnyx_variants_parse_and_round_trip() {
    use recording_webhooks::telnyx::Event;
    let checked = run(&Provider {
        dir: "telnyx",
        parse: Event::from_slice,
        event_type: |event: &Event| event.event_type().to_string(),
        rules: TELNYX,
        keeps_top_level_keys: true,
    });
    assert!(checked > 180, "{checked}");
}

/// Each rule applies to at least one fixture: a rule that changes nothing
/// proves nothing.
#[test]
fn every_rule_varies_some_fixture() {
    for (dir, rules) in [
        ("recall", RECALL),
        ("daily", DAILY),
        ("zoom", ZOOM),
        ("livekit", LIVEKIT),
        #[cfg(feature = "telnyx")]
        ("telnyx", TELNYX),
    ] {
        let fixtures: Vec<(String, Value)> = common::fixtures(dir)
            .into_iter()
            .map(|(name, body)| (name, serde_json::from_slice(&body).unwrap()))
            .collect();
        for rule in rules {
            let mut applied = 0;
            for (name, value) in &fixtures {
                let event = value
                    .get("event")
                    .or_else(|| value.get("type"))
                    .and_then(Value::as_str)
                    .unwrap_or(name);
                if event.starts_with(rule.events) {
                    variants_of(value, rule, &mut |_| applied += 1);
                }
            }
            assert!(
                applied > 0,
                "{dir}: no fixture for `{}` ({})",
                rule.key,
                rule.because
            );
        }
    }
}

/// The unknown keys are kept in the event itself, not only somewhere on
/// the way: the `other` of a Recall.ai participant holds one.
#[test]
fn an_unknown_key_is_kept_where_it_came() {
    use recording_webhooks::recall::Event;
    let (_, body) = common::fixtures("recall")
        .into_iter()
        .find(|(name, _)| name == "participant_events.join")
        .unwrap();
    let mut value: Value = serde_json::from_slice(&body).unwrap();
    let participant = value
        .pointer_mut("/data/data/participant")
        .and_then(Value::as_object_mut)
        .unwrap();
    participant.insert("zoom_user_uuid".to_owned(), json!("u-1"));
    let event = Event::from_slice(&serde_json::to_vec(&value).unwrap()).unwrap();
    let Event::ParticipantEventsJoin(join) = event else {
        panic!()
    };
    let expected: Map<String, Value> = [("zoom_user_uuid".to_owned(), json!("u-1"))]
        .into_iter()
        .collect();
    assert_eq!(join.data.participant.other, expected);
}
