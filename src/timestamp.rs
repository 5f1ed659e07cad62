//! An instant as a provider sent it: a `time::OffsetDateTime` that remembers
//! its wire form, so that serializing an event gives back the same text.
//!
//! Parsing is `time`'s own (`Rfc3339`, `Iso8601`, `Rfc2822`); the only
//! hand-written reader is for Unix seconds in a string, which `time` has no
//! format for.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

use time::OffsetDateTime;
use time::format_description::well_known::{Iso8601, Rfc2822, Rfc3339};

/// An instant received in a webhook, usable as the [`OffsetDateTime`] it
/// dereferences to.
///
/// Providers spell instants several ways, and every spelling is accepted,
/// whichever field it arrives in:
///
/// - RFC 3339 / ISO 8601, as Recall.ai sends: `Z`, `+00:00` or no offset at
///   all (UTC), any number of fraction digits, and `T` or a space between
///   date and time (`2025-12-15 00:00:00`);
/// - RFC 2822, as SignalWire and Twilio send: with or without the weekday,
///   a one- or two-digit day, a numeric offset or a zone name (`UT`, `GMT`,
///   `Z`, `EST` ... `PDT`);
/// - Unix seconds, as Daily sends: a JSON integer, a JSON float, or a string
///   of digits with an optional fraction.
///
/// A `Timestamp` writes itself back exactly as it came (text is kept as
/// sent; a number as the same JSON number), so a parsed event serializes to
/// the JSON that came in. Equality, ordering and hashing compare the
/// instant only. [`FromStr`](std::str::FromStr) accepts exactly the strings
/// that deserializing accepts.
///
/// ```
/// use recording_webhooks::Timestamp;
///
/// let t: Timestamp = "2024-05-17T02:27:09.490720".parse()?;
/// assert_eq!(t.unix_timestamp(), 1715912829); // no offset means UTC
/// assert_eq!(t.to_string(), "2024-05-17T02:27:09.490720");
/// let same: Timestamp = "Fri, 17 May 2024 02:27:09 GMT".parse()?;
/// assert_eq!(t.unix_timestamp(), same.unix_timestamp());
/// assert_eq!(same.to_string(), "Fri, 17 May 2024 02:27:09 GMT");
/// # Ok::<(), recording_webhooks::TimestampError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Timestamp {
    instant: OffsetDateTime,
    wire: Wire,
}

/// The form an instant arrived in.
#[derive(Debug, Clone, PartialEq)]
enum Wire {
    /// A string, kept as sent.
    Text(Box<str>),
    /// Unix seconds as a JSON integer.
    Integer,
    /// Unix seconds as a JSON float, kept to write back the same number.
    Float(f64),
}

/// Text that is not a timestamp in any accepted form.
///
/// It says which form the text was read as (by its shape) and what `time`
/// found wrong; it never quotes the text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a timestamp: read as {form}, {reason}")]
pub struct TimestampError {
    form: &'static str,
    reason: String,
}

impl TimestampError {
    fn new(form: &'static str, reason: impl fmt::Display) -> TimestampError {
        TimestampError {
            form,
            reason: reason.to_string(),
        }
    }
}

const UNIX: &str = "Unix seconds";
const RFC3339: &str = "RFC 3339";
const RFC2822: &str = "RFC 2822";

impl Timestamp {
    /// The instant.
    #[must_use]
    pub fn get(&self) -> OffsetDateTime {
        self.instant
    }

    /// The Unix epoch as the integer `0`, without allocating: a stand-in
    /// for a field not read yet.
    #[cfg(any(
        feature = "recall",
        feature = "daily",
        feature = "zoom",
        feature = "livekit",
        feature = "telnyx"
    ))]
    pub(crate) fn unix_epoch() -> Timestamp {
        Timestamp {
            instant: OffsetDateTime::UNIX_EPOCH,
            wire: Wire::Integer,
        }
    }

    fn from_text(text: &str) -> Result<OffsetDateTime, TimestampError> {
        let bytes = text.as_bytes();
        let digits = |range: std::ops::Range<usize>| {
            bytes
                .get(range)
                .is_some_and(|part| part.iter().all(u8::is_ascii_digit))
        };
        // The date's shape first: it is the common case, and telling it
        // costs five bytes where Unix seconds need a scan of the whole text.
        if digits(0..4) && bytes.get(4) == Some(&b'-') {
            rfc3339(text)
        } else if looks_like_unix_seconds(bytes) {
            unix_text(text)
        } else {
            OffsetDateTime::parse(text, &Rfc2822).map_err(|err| TimestampError::new(RFC2822, err))
        }
    }

    fn from_unix_integer(seconds: i64) -> Result<Timestamp, TimestampError> {
        OffsetDateTime::from_unix_timestamp(seconds)
            .map(|instant| Timestamp {
                instant,
                wire: Wire::Integer,
            })
            .map_err(|err| TimestampError::new(UNIX, err))
    }

    /// Unix seconds as a float, kept to the microsecond: a float of today's
    /// magnitude carries no more than that.
    fn from_unix_float(seconds: f64) -> Result<Timestamp, TimestampError> {
        // Far beyond the years `time` represents, and never NaN or infinite.
        if !seconds.is_finite() || seconds.abs() > 1e15 {
            return Err(TimestampError::new(UNIX, "the number is out of range"));
        }
        let whole = seconds.floor();
        let micros = ((seconds - whole) * 1e6).round();
        // Both fit an i128 by the check above, so the casts are exact.
        let nanos = (whole as i128)
            .checked_mul(1_000_000_000)
            .and_then(|n| n.checked_add((micros as i128).checked_mul(1000)?));
        nanos
            .ok_or_else(|| TimestampError::new(UNIX, "the number is out of range"))
            .and_then(|n| {
                OffsetDateTime::from_unix_timestamp_nanos(n)
                    .map_err(|err| TimestampError::new(UNIX, err))
            })
            .map(|instant| Timestamp {
                instant,
                wire: Wire::Float(seconds),
            })
    }
}

/// `-`, digits, and an optional `.` with more digits.
fn looks_like_unix_seconds(bytes: &[u8]) -> bool {
    let unsigned = bytes.strip_prefix(b"-").unwrap_or(bytes);
    let (whole, fraction) = match unsigned.iter().position(|b| *b == b'.') {
        Some(dot) => (unsigned.get(..dot), unsigned.get(dot.saturating_add(1)..)),
        None => (Some(unsigned), None),
    };
    let all_digits = |part: &[u8]| !part.is_empty() && part.iter().all(u8::is_ascii_digit);
    whole.is_some_and(all_digits) && fraction.is_none_or(all_digits)
}

/// Unix seconds in a string; fraction digits past the nanosecond are
/// dropped.
fn unix_text(text: &str) -> Result<OffsetDateTime, TimestampError> {
    let out_of_range = || TimestampError::new(UNIX, "the number is out of range");
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let whole: i128 = whole.parse().map_err(|_| out_of_range())?;
    // Right-padded to nanoseconds: `.671` is 671_000_000 ns.
    let fraction = format!("{:0<9}", fraction.get(..9).unwrap_or(fraction));
    let nanos: i128 = fraction.parse().map_err(|_| out_of_range())?;
    let total = whole
        .checked_mul(1_000_000_000)
        .and_then(|n| n.checked_add(nanos))
        .ok_or_else(out_of_range)?;
    let total = if negative {
        total.saturating_neg()
    } else {
        total
    };
    OffsetDateTime::from_unix_timestamp_nanos(total).map_err(|err| TimestampError::new(UNIX, err))
}

/// RFC 3339; ISO 8601 forms such as a `+0000` offset; or either without an
/// offset, which means UTC (with `T` or a space before the time).
fn rfc3339(text: &str) -> Result<OffsetDateTime, TimestampError> {
    OffsetDateTime::parse(text, &Rfc3339).or_else(|err| {
        OffsetDateTime::parse(&format!("{text}Z"), &Rfc3339)
            .or_else(|_| OffsetDateTime::parse(text, &Iso8601::PARSING))
            .or_else(|_| {
                time::PrimitiveDateTime::parse(text, &Iso8601::PARSING).map(|t| t.assume_utc())
            })
            .map_err(|_| TimestampError::new(RFC3339, err))
    })
}

impl fmt::Display for Timestamp {
    /// Writes the instant back in the form it was parsed from.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.wire {
            Wire::Text(text) => f.write_str(text),
            Wire::Integer => write!(f, "{}", self.instant.unix_timestamp()),
            // As serde_json writes it (`1000000000.0`, not `1000000000`),
            // so `Display` and `Serialize` agree.
            Wire::Float(seconds) => match serde_json::Number::from_f64(*seconds) {
                Some(number) => write!(f, "{number}"),
                None => write!(f, "{seconds}"),
            },
        }
    }
}

impl std::str::FromStr for Timestamp {
    type Err = TimestampError;

    fn from_str(text: &str) -> Result<Timestamp, TimestampError> {
        Ok(Timestamp {
            instant: Timestamp::from_text(text)?,
            wire: Wire::Text(text.into()),
        })
    }
}

impl From<OffsetDateTime> for Timestamp {
    /// Written as RFC 3339 (`Z` for UTC), or as Unix seconds for the rare
    /// instant RFC 3339 cannot spell (a year before 0000, an offset with
    /// seconds).
    fn from(instant: OffsetDateTime) -> Timestamp {
        let text = instant.format(&Rfc3339).unwrap_or_else(|_| {
            let nanos = instant.unix_timestamp_nanos();
            let sign = if nanos < 0 { "-" } else { "" };
            let (whole, fraction) = (
                nanos.unsigned_abs() / 1_000_000_000,
                nanos.unsigned_abs() % 1_000_000_000,
            );
            format!("{sign}{whole}.{fraction:09}")
        });
        Timestamp {
            instant,
            wire: Wire::Text(text.into()),
        }
    }
}

impl From<Timestamp> for OffsetDateTime {
    fn from(timestamp: Timestamp) -> OffsetDateTime {
        timestamp.instant
    }
}

impl Deref for Timestamp {
    type Target = OffsetDateTime;

    fn deref(&self) -> &OffsetDateTime {
        &self.instant
    }
}

impl PartialEq for Timestamp {
    fn eq(&self, other: &Timestamp) -> bool {
        self.instant == other.instant
    }
}

impl Eq for Timestamp {}

impl PartialEq<OffsetDateTime> for Timestamp {
    fn eq(&self, other: &OffsetDateTime) -> bool {
        self.instant == *other
    }
}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Timestamp) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Timestamp) -> Ordering {
        self.instant.cmp(&other.instant)
    }
}

impl Hash for Timestamp {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.instant.hash(state);
    }
}

impl serde::Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.wire {
            Wire::Text(text) => serializer.serialize_str(text),
            Wire::Integer => serializer.serialize_i64(self.instant.unix_timestamp()),
            Wire::Float(seconds) => serializer.serialize_f64(*seconds),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Timestamp {
    /// Reads any string [`FromStr`](std::str::FromStr) reads, or Unix
    /// seconds as a JSON number.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
        struct Visitor;

        impl serde::de::Visitor<'_> for Visitor {
            type Value = Timestamp;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date-time (RFC 3339 or RFC 2822), or Unix seconds")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Timestamp, E> {
                text.parse().map_err(E::custom)
            }

            fn visit_string<E: serde::de::Error>(self, text: String) -> Result<Timestamp, E> {
                let instant = Timestamp::from_text(&text).map_err(E::custom)?;
                Ok(Timestamp {
                    instant,
                    wire: Wire::Text(text.into_boxed_str()),
                })
            }

            fn visit_i64<E: serde::de::Error>(self, seconds: i64) -> Result<Timestamp, E> {
                Timestamp::from_unix_integer(seconds).map_err(E::custom)
            }

            fn visit_u64<E: serde::de::Error>(self, seconds: u64) -> Result<Timestamp, E> {
                let seconds = i64::try_from(seconds)
                    .map_err(|_| E::custom("Unix seconds are out of range"))?;
                Timestamp::from_unix_integer(seconds).map_err(E::custom)
            }

            fn visit_f64<E: serde::de::Error>(self, seconds: f64) -> Result<Timestamp, E> {
                Timestamp::from_unix_float(seconds).map_err(E::custom)
            }
        }

        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
mod tests {
    use super::*;

    fn unix(text: &str) -> i128 {
        text.parse::<Timestamp>().unwrap().unix_timestamp_nanos()
    }

    #[test]
    fn unix_text_keeps_sign_and_fraction() {
        assert_eq!(unix("1708526104.671"), 1_708_526_104_671_000_000);
        assert_eq!(unix("-0.5"), -500_000_000);
        assert_eq!(unix("-1.25"), -1_250_000_000);
        assert_eq!(unix("7"), 7_000_000_000);
        // Digits past the nanosecond are read and dropped.
        assert_eq!(unix("1.1234567891"), 1_123_456_789);
    }

    #[test]
    fn shapes_that_are_not_unix_seconds() {
        for text in ["", "-", ".5", "5.", "1.2.3", "+5", "1e9", " 5"] {
            assert!(!looks_like_unix_seconds(text.as_bytes()), "{text:?}");
        }
    }
}
