//! `Timestamp` in every form providers send: read, written back as sent, and
//! through serde JSON.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.

use proptest::prelude::*;
use recording_webhooks::Timestamp;
use serde_json::Value;
use time::OffsetDateTime;
use time::macros::datetime;

/// Reads `text` both ways (FromStr and serde), checks both agree, and that
/// it writes back exactly, as text and through serde JSON.
fn read(text: &str) -> Timestamp {
    let parsed: Timestamp = text.parse().unwrap_or_else(|err| panic!("{text:?}: {err}"));
    let deserialized: Timestamp = serde_json::from_value(Value::String(text.into())).unwrap();
    assert_eq!(parsed, deserialized, "{text}");
    assert_eq!(parsed.to_string(), text);
    let json = serde_json::to_string(&parsed).unwrap();
    assert_eq!(json, serde_json::to_string(text).unwrap());
    let again: Timestamp = serde_json::from_str(&json).unwrap();
    assert_eq!(again.to_string(), text);
    parsed
}

#[test]
fn rfc_2822_in_every_form_providers_send() {
    // Expected instants worked out by hand from each offset.
    let utc = datetime!(2023-11-09 17:05:04 UTC);
    let forms: &[(&str, OffsetDateTime)] = &[
        ("Thu, 09 Nov 2023 17:05:04 +0000", utc),
        ("Thu, 9 Nov 2023 17:05:04 +0000", utc),
        ("09 Nov 2023 17:05:04 +0000", utc),
        ("9 Nov 2023 17:05:04 -0000", utc),
        ("Thu, 09 Nov 2023 17:05:04 GMT", utc),
        ("Thu, 09 Nov 2023 17:05:04 UT", utc),
        ("Thu, 09 Nov 2023 17:05:04 Z", utc),
        ("Thu, 09 Nov 2023 12:05:04 EST", utc),
        ("Thu, 09 Nov 2023 13:05:04 EDT", utc),
        ("Thu, 09 Nov 2023 11:05:04 CST", utc),
        ("Thu, 09 Nov 2023 12:05:04 CDT", utc),
        ("Thu, 09 Nov 2023 10:05:04 MST", utc),
        ("Thu, 09 Nov 2023 11:05:04 MDT", utc),
        ("Thu, 09 Nov 2023 09:05:04 PST", utc),
        ("Thu, 09 Nov 2023 10:05:04 PDT", utc),
        ("Thu, 09 Nov 2023 22:35:04 +0530", utc),
        ("Thu, 09 Nov 2023 13:35:04 -0330", utc),
        // Tuesdays and Thursdays hold a `T`: the form is not told by it.
        (
            "Tue, 07 Nov 2023 17:05:04 +0000",
            datetime!(2023-11-07 17:05:04 UTC),
        ),
        (
            "Sat, 1 Jun 2024 00:00:00 +0000",
            datetime!(2024-06-01 00:00:00 UTC),
        ),
    ];
    for (text, instant) in forms {
        assert_eq!(read(text), *instant, "{text}");
    }
}

#[test]
fn rfc_3339_and_unix_forms() {
    let forms: &[(&str, OffsetDateTime)] = &[
        (
            "2023-04-28T08:51:37.741790Z",
            datetime!(2023-04-28 08:51:37.741790 UTC),
        ),
        (
            "2024-02-17T16:44:00.505440+00:00",
            datetime!(2024-02-17 16:44:00.505440 UTC),
        ),
        (
            "2024-05-17T02:27:09.490720",
            datetime!(2024-05-17 02:27:09.490720 UTC),
        ),
        ("2025-12-15 00:00:00", datetime!(2025-12-15 00:00:00 UTC)),
        ("2025-12-15t00:00:00z", datetime!(2025-12-15 00:00:00 UTC)),
        (
            "2024-03-10T21:16:16+0200",
            datetime!(2024-03-10 19:16:16 UTC),
        ),
        ("1693402871", datetime!(2023-08-30 13:41:11 UTC)),
        ("1708526104.671", datetime!(2024-02-21 14:35:04.671 UTC)),
        ("1708526104.6710", datetime!(2024-02-21 14:35:04.671 UTC)),
    ];
    for (text, instant) in forms {
        assert_eq!(read(text), *instant, "{text}");
    }
}

#[test]
fn numbers_write_back_as_the_same_json_number() {
    for json in ["1692124192", "1708526125.197", "1692124192.0", "-5"] {
        let t: Timestamp = serde_json::from_str(json).unwrap();
        assert_eq!(serde_json::to_string(&t).unwrap(), json);
    }
    let t: Timestamp = serde_json::from_str("1708526125.197").unwrap();
    assert_eq!(t.get(), datetime!(2024-02-21 14:35:25.197 UTC));
}

#[test]
fn errors_say_which_form_and_never_quote_the_text() {
    for (text, form) in [
        ("Thu, 31 Nov 2023 17:05:04 +0000", "RFC 2822"),
        ("Thu, 09 Nov 2023 17:05:04 XYZ", "RFC 2822"),
        ("2024-13-01T00:00:00Z", "RFC 3339"),
        ("99999999999999999999", "Unix seconds"),
    ] {
        let err = text.parse::<Timestamp>().unwrap_err().to_string();
        assert!(err.contains(form), "{text}: {err}");
        assert!(!err.contains(text), "{err}");
    }
}

#[test]
fn from_offset_date_time_writes_rfc_3339() {
    let instant = datetime!(2024-05-17 02:27:09.49 +02:00);
    let t = Timestamp::from(instant);
    assert_eq!(t.to_string(), "2024-05-17T02:27:09.49+02:00");
    assert_eq!(read(&t.to_string()), instant);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    /// `FromStr` accepts exactly what serde accepts, and whatever is accepted
    /// writes back unchanged.
    #[test]
    fn from_str_and_serde_agree(text in "[0-9A-Za-z:.,+\\- ]{0,36}") {
        let parsed = text.parse::<Timestamp>();
        let deserialized = serde_json::from_value::<Timestamp>(Value::String(text.clone()));
        prop_assert_eq!(parsed.is_ok(), deserialized.is_ok());
        if let Ok(t) = parsed {
            prop_assert_eq!(t.to_string(), text);
        }
    }

    /// Every RFC 2822 date `time` writes (so every weekday) reads back.
    #[test]
    fn every_day_of_the_week_reads(seconds in 0i64..4_102_444_800) {
        let instant = OffsetDateTime::from_unix_timestamp(seconds).unwrap();
        let text = instant.format(&time::format_description::well_known::Rfc2822).unwrap();
        let t: Timestamp = serde_json::from_value(Value::String(text.clone())).unwrap();
        prop_assert_eq!(t.get(), instant);
        let json = serde_json::to_string(&t).unwrap();
        let again: Timestamp = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(again.to_string(), text);
    }
}
