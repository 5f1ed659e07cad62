//! An instant as a provider sent it: a `time::OffsetDateTime` that remembers
//! its wire form, so that serializing an event gives back the same text.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// An instant received in a webhook, usable as the [`OffsetDateTime`] it
/// dereferences to.
///
/// Providers spell instants several ways (Recall.ai alone sends `Z`,
/// `+00:00` and no offset at all, with 0, 3 or 6 fraction digits). A
/// `Timestamp` keeps the spelling it was parsed from and writes it back
/// unchanged, so a parsed event serializes to the JSON that came in.
/// Equality, ordering and hashing compare the instant only.
///
/// ```
/// use recording_webhooks::Timestamp;
///
/// let t: Timestamp = "2024-05-17T02:27:09.490720".parse()?;
/// assert_eq!(t.unix_timestamp(), 1715912829); // no offset means UTC
/// assert_eq!(t.to_string(), "2024-05-17T02:27:09.490720");
/// let same: Timestamp = "2024-05-17T02:27:09.49072Z".parse()?;
/// assert_eq!(t, same);
/// # Ok::<(), recording_webhooks::TimestampError>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Timestamp {
    instant: OffsetDateTime,
    form: Form,
}

/// How an RFC 3339 instant was spelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Form {
    /// `T`, `t` or a space between date and time.
    separator: u8,
    /// Digits after the decimal point, 0 to 9.
    fraction_digits: u8,
    offset: OffsetForm,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OffsetForm {
    /// No offset: the instant is UTC.
    Absent,
    /// `Z` or `z`.
    Zulu(u8),
    /// `+HH:MM` / `-HH:MM`.
    Numeric,
}

/// Text that is not an RFC 3339 date-time.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not an RFC 3339 date-time (YYYY-MM-DDTHH:MM:SS[.fraction][Z|±HH:MM]): {reason}")]
pub struct TimestampError {
    reason: &'static str,
}

impl Timestamp {
    /// The instant.
    #[must_use]
    pub fn get(&self) -> OffsetDateTime {
        self.instant
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS`, with an optional fraction of 1 to 9
    /// digits and an optional offset (`Z`, `z` or `±HH:MM`; none means UTC).
    /// `t` or a space may stand for `T`.
    ///
    /// # Errors
    ///
    /// [`TimestampError`] saying which part is wrong.
    pub fn parse_rfc3339(text: &str) -> Result<Timestamp, TimestampError> {
        let err = |reason| TimestampError { reason };
        let bytes = text.as_bytes();
        let digits = |range: std::ops::Range<usize>| -> Result<u32, TimestampError> {
            let part = bytes.get(range).ok_or(err("it is too short"))?;
            part.iter().try_fold(0u32, |n, b| match b {
                b'0'..=b'9' => Ok(n * 10 + u32::from(b - b'0')),
                _ => Err(err("a digit is expected")),
            })
        };
        let expect = |index: usize, wanted: u8, reason| match bytes.get(index) {
            Some(b) if *b == wanted => Ok(()),
            _ => Err(err(reason)),
        };
        let year = digits(0..4)?;
        expect(4, b'-', "`-` is expected after the year")?;
        let month = digits(5..7)?;
        expect(7, b'-', "`-` is expected after the month")?;
        let day = digits(8..10)?;
        let separator = match bytes.get(10) {
            Some(b @ (b'T' | b't' | b' ')) => *b,
            _ => return Err(err("`T` is expected after the date")),
        };
        let hour = digits(11..13)?;
        expect(13, b':', "`:` is expected after the hour")?;
        let minute = digits(14..16)?;
        expect(16, b':', "`:` is expected after the minutes")?;
        let second = digits(17..19)?;

        let mut rest = bytes.get(19..).unwrap_or_default();
        let mut nanosecond = 0u32;
        let mut fraction_digits = 0u8;
        if let Some((b'.', after)) = rest.split_first() {
            let count = after.iter().take_while(|b| b.is_ascii_digit()).count();
            if count == 0 || count > 9 {
                return Err(err("the fraction must have 1 to 9 digits"));
            }
            let (fraction, after) = after.split_at(count);
            for b in fraction {
                nanosecond = nanosecond * 10 + u32::from(b - b'0');
            }
            nanosecond *= 10u32.pow(9 - count as u32);
            fraction_digits = count as u8;
            rest = after;
        }

        let (offset, form) = match rest {
            [] => (UtcOffset::UTC, OffsetForm::Absent),
            [z @ (b'Z' | b'z')] => (UtcOffset::UTC, OffsetForm::Zulu(*z)),
            [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
                let two = |a: &u8, b: &u8| match (a, b) {
                    (b'0'..=b'9', b'0'..=b'9') => Ok(((a - b'0') * 10 + (b - b'0')) as i8),
                    _ => Err(err("the offset must be ±HH:MM")),
                };
                let (hours, minutes) = (two(h1, h2)?, two(m1, m2)?);
                let (hours, minutes) = if *sign == b'-' {
                    (-hours, -minutes)
                } else {
                    (hours, minutes)
                };
                let offset = UtcOffset::from_hms(hours, minutes, 0)
                    .map_err(|_| err("the offset is out of range"))?;
                (offset, OffsetForm::Numeric)
            }
            _ => return Err(err("the offset must be `Z` or ±HH:MM")),
        };

        let month = u8::try_from(month)
            .ok()
            .and_then(|m| Month::try_from(m).ok())
            .ok_or(err("the month is out of range"))?;
        let date = Date::from_calendar_date(year as i32, month, day as u8)
            .map_err(|_| err("the day is out of range for the month"))?;
        let time = Time::from_hms_nano(hour as u8, minute as u8, second as u8, nanosecond)
            .map_err(|_| err("the time of day is out of range"))?;
        Ok(Timestamp {
            instant: PrimitiveDateTime::new(date, time).assume_offset(offset),
            form: Form {
                separator,
                fraction_digits,
                offset: form,
            },
        })
    }
}

impl fmt::Display for Timestamp {
    /// Writes the instant back in the form it was parsed from.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = self.instant;
        write!(
            f,
            "{:04}-{:02}-{:02}{}{:02}:{:02}:{:02}",
            t.year(),
            u8::from(t.month()),
            t.day(),
            char::from(self.form.separator),
            t.hour(),
            t.minute(),
            t.second()
        )?;
        let digits = u32::from(self.form.fraction_digits);
        if digits > 0 {
            let fraction = t.nanosecond() / 10u32.pow(9 - digits);
            write!(f, ".{fraction:0width$}", width = digits as usize)?;
        }
        match self.form.offset {
            OffsetForm::Absent => Ok(()),
            OffsetForm::Zulu(z) => write!(f, "{}", char::from(z)),
            OffsetForm::Numeric => {
                let offset = t.offset();
                let sign = if offset.is_negative() { '-' } else { '+' };
                write!(
                    f,
                    "{sign}{:02}:{:02}",
                    offset.whole_hours().unsigned_abs(),
                    offset.minutes_past_hour().unsigned_abs()
                )
            }
        }
    }
}

impl std::str::FromStr for Timestamp {
    type Err = TimestampError;

    fn from_str(text: &str) -> Result<Timestamp, TimestampError> {
        Timestamp::parse_rfc3339(text)
    }
}

impl From<OffsetDateTime> for Timestamp {
    /// Written as RFC 3339 with nanoseconds and a numeric offset, or `Z` for
    /// UTC.
    fn from(instant: OffsetDateTime) -> Timestamp {
        let offset = if instant.offset().is_utc() {
            OffsetForm::Zulu(b'Z')
        } else {
            OffsetForm::Numeric
        };
        Timestamp {
            instant,
            form: Form {
                separator: b'T',
                fraction_digits: if instant.nanosecond() == 0 { 0 } else { 9 },
                offset,
            },
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
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
        struct Visitor;

        impl serde::de::Visitor<'_> for Visitor {
            type Value = Timestamp;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an RFC 3339 date-time string")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Timestamp, E> {
                Timestamp::parse_rfc3339(text).map_err(E::custom)
            }
        }

        deserializer.deserialize_str(Visitor)
    }
}
