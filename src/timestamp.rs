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
/// Providers spell instants several ways: Recall.ai sends RFC 3339 with `Z`,
/// `+00:00` or no offset at all, with 0, 3 or 6 fraction digits; Daily sends
/// Unix seconds as a JSON integer, a float, or a numeric string. A
/// `Timestamp` keeps the form it was parsed from and writes it back
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
    form: Wire,
}

/// The form an instant arrived in.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Wire {
    Rfc3339(Form),
    /// Unix seconds as a JSON integer.
    UnixInteger,
    /// Unix seconds as a JSON float, kept to write back the same number.
    UnixFloat(f64),
    /// Unix seconds as a string of digits, with this many after the point.
    UnixText {
        fraction_digits: u8,
    },
    /// RFC 2822, as in `Thu, 09 Nov 2023 17:05:04 +0000`.
    Rfc2822 {
        weekday: bool,
        zero_padded_day: bool,
    },
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

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Text that is not a timestamp in any of the accepted forms.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a timestamp (RFC 3339, RFC 2822, or Unix seconds): {reason}")]
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
            form: Wire::Rfc3339(Form {
                separator,
                fraction_digits,
                offset: form,
            }),
        })
    }

    /// Parses Unix seconds written as text: digits with an optional `-` and
    /// an optional fraction of 1 to 9 digits (`"1693402871"`,
    /// `"1708526104.671"`).
    ///
    /// # Errors
    ///
    /// [`TimestampError`] for any other text, or an instant outside the
    /// years `time` represents.
    pub fn parse_unix_text(text: &str) -> Result<Timestamp, TimestampError> {
        let err = |reason| TimestampError { reason };
        let (whole, fraction) = match text.split_once('.') {
            Some((whole, fraction)) => (whole, Some(fraction)),
            None => (text, None),
        };
        let negative = whole.starts_with('-');
        let digits = whole.strip_prefix('-').unwrap_or(whole);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err("Unix seconds must be digits"));
        }
        let seconds: i64 = whole
            .parse()
            .map_err(|_| err("Unix seconds are out of range"))?;
        let (mut nanos, mut fraction_digits) = (0i64, 0u8);
        if let Some(fraction) = fraction {
            if fraction.is_empty()
                || fraction.len() > 9
                || !fraction.bytes().all(|b| b.is_ascii_digit())
            {
                return Err(err("the fraction must have 1 to 9 digits"));
            }
            let value: i64 = fraction
                .parse()
                .map_err(|_| err("the fraction must have 1 to 9 digits"))?;
            nanos = value * 10i64.pow(9 - fraction.len() as u32);
            fraction_digits = fraction.len() as u8;
        }
        if negative {
            nanos = -nanos;
        }
        let total = i128::from(seconds) * 1_000_000_000 + i128::from(nanos);
        let instant = OffsetDateTime::from_unix_timestamp_nanos(total)
            .map_err(|_| err("the instant is out of range"))?;
        Ok(Timestamp {
            instant,
            form: Wire::UnixText { fraction_digits },
        })
    }

    /// Parses an RFC 2822 date-time as Twilio-style callbacks send it:
    /// `Thu, 09 Nov 2023 17:05:04 +0000` (the weekday is optional; the
    /// offset is `±HHMM`, `GMT` or `UT`).
    ///
    /// # Errors
    ///
    /// [`TimestampError`] saying which part is wrong.
    pub fn parse_rfc2822(text: &str) -> Result<Timestamp, TimestampError> {
        let err = |reason| TimestampError { reason };
        let (weekday, rest) = match text.split_once(", ") {
            Some((day, rest)) if WEEKDAYS.contains(&day) => (true, rest),
            Some(_) => return Err(err("unknown weekday")),
            None => (false, text),
        };
        let mut parts = rest.split(' ');
        let mut next = |reason| parts.next().ok_or(err(reason));
        let day_text = next("the day is missing")?;
        let month_text = next("the month is missing")?;
        let year_text = next("the year is missing")?;
        let time_text = next("the time is missing")?;
        let offset_text = next("the offset is missing")?;
        if parts.next().is_some() {
            return Err(err("unexpected text after the offset"));
        }
        let number = |text: &str, reason| -> Result<u32, TimestampError> {
            if text.is_empty() || text.len() > 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err(reason));
            }
            text.parse().map_err(|_| err(reason))
        };
        let day = number(day_text, "the day must be digits")?;
        let month = MONTHS
            .iter()
            .position(|m| *m == month_text)
            .and_then(|i| Month::try_from(i as u8 + 1).ok())
            .ok_or(err("unknown month"))?;
        if year_text.len() != 4 {
            return Err(err("the year must have 4 digits"));
        }
        let year = number(year_text, "the year must be digits")?;
        let mut clock = time_text.split(':');
        let mut field = |reason| -> Result<u32, TimestampError> {
            let part = clock.next().ok_or(err(reason))?;
            if part.len() != 2 {
                return Err(err(reason));
            }
            number(part, reason)
        };
        let (hour, minute, second) = (
            field("the time must be HH:MM:SS")?,
            field("the time must be HH:MM:SS")?,
            field("the time must be HH:MM:SS")?,
        );
        let offset = match offset_text {
            "GMT" | "UT" | "Z" => {
                return Err(err("only numeric offsets are kept exactly; use ±HHMM"));
            }
            _ => {
                let (sign, digits) = match offset_text.as_bytes().first() {
                    Some(b'+') => (1i8, &offset_text[1..]),
                    Some(b'-') => (-1i8, &offset_text[1..]),
                    _ => return Err(err("the offset must be ±HHMM")),
                };
                if digits.len() != 4 {
                    return Err(err("the offset must be ±HHMM"));
                }
                let value = number(digits, "the offset must be ±HHMM")?;
                UtcOffset::from_hms(sign * (value / 100) as i8, sign * (value % 100) as i8, 0)
                    .map_err(|_| err("the offset is out of range"))?
            }
        };
        let date = Date::from_calendar_date(year as i32, month, u8::try_from(day).unwrap_or(0))
            .map_err(|_| err("the day is out of range for the month"))?;
        let time = Time::from_hms(hour as u8, minute as u8, second as u8)
            .map_err(|_| err("the time of day is out of range"))?;
        Ok(Timestamp {
            instant: PrimitiveDateTime::new(date, time).assume_offset(offset),
            form: Wire::Rfc2822 {
                weekday,
                zero_padded_day: day_text.len() == 2,
            },
        })
    }

    fn from_unix_integer(seconds: i64) -> Result<Timestamp, TimestampError> {
        OffsetDateTime::from_unix_timestamp(seconds)
            .map(|instant| Timestamp {
                instant,
                form: Wire::UnixInteger,
            })
            .map_err(|_| TimestampError {
                reason: "the instant is out of range",
            })
    }

    /// Unix seconds as a float, kept to the microsecond: a float of today's
    /// magnitude carries no more than that.
    fn from_unix_float(seconds: f64) -> Result<Timestamp, TimestampError> {
        let err = TimestampError {
            reason: "the instant is out of range",
        };
        // Beyond ±2^53 s a float has no fraction, and `time` stops long before.
        if !seconds.is_finite() || seconds.abs() > 9_007_199_254_740_992.0 {
            return Err(err);
        }
        let whole = seconds.floor();
        let micros = ((seconds - whole) * 1e6).round();
        let total = (whole as i128) * 1_000_000_000 + (micros as i128) * 1000;
        let instant = OffsetDateTime::from_unix_timestamp_nanos(total).map_err(|_| err)?;
        Ok(Timestamp {
            instant,
            form: Wire::UnixFloat(seconds),
        })
    }
}

impl fmt::Display for Timestamp {
    /// Writes the instant back in the form it was parsed from.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = self.instant;
        let form = match self.form {
            Wire::Rfc3339(form) => form,
            Wire::Rfc2822 {
                weekday,
                zero_padded_day,
            } => {
                if weekday {
                    let index = t.weekday().number_days_from_monday() as usize;
                    write!(f, "{}, ", WEEKDAYS.get(index).unwrap_or(&"Mon"))?;
                }
                let width = if zero_padded_day { 2 } else { 1 };
                let month = MONTHS
                    .get(usize::from(u8::from(t.month())) - 1)
                    .unwrap_or(&"Jan");
                let offset = t.offset();
                let sign = if offset.is_negative() { '-' } else { '+' };
                return write!(
                    f,
                    "{:0width$} {month} {:04} {:02}:{:02}:{:02} {sign}{:02}{:02}",
                    t.day(),
                    t.year(),
                    t.hour(),
                    t.minute(),
                    t.second(),
                    offset.whole_hours().unsigned_abs(),
                    offset.minutes_past_hour().unsigned_abs(),
                );
            }
            Wire::UnixInteger => return write!(f, "{}", t.unix_timestamp()),
            Wire::UnixFloat(seconds) => return write!(f, "{seconds}"),
            Wire::UnixText { fraction_digits } => {
                let nanos = t.unix_timestamp_nanos();
                let sign = if nanos < 0 { "-" } else { "" };
                let (whole, fraction) = (
                    nanos.unsigned_abs() / 1_000_000_000,
                    nanos.unsigned_abs() % 1_000_000_000,
                );
                write!(f, "{sign}{whole}")?;
                let digits = u32::from(fraction_digits);
                if digits > 0 {
                    let fraction = fraction / 10u128.pow(9 - digits);
                    write!(f, ".{fraction:0width$}", width = digits as usize)?;
                }
                return Ok(());
            }
        };
        write!(
            f,
            "{:04}-{:02}-{:02}{}{:02}:{:02}:{:02}",
            t.year(),
            u8::from(t.month()),
            t.day(),
            char::from(form.separator),
            t.hour(),
            t.minute(),
            t.second()
        )?;
        let digits = u32::from(form.fraction_digits);
        if digits > 0 {
            let fraction = t.nanosecond() / 10u32.pow(9 - digits);
            write!(f, ".{fraction:0width$}", width = digits as usize)?;
        }
        match form.offset {
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
            form: Wire::Rfc3339(Form {
                separator: b'T',
                fraction_digits: if instant.nanosecond() == 0 { 0 } else { 9 },
                offset,
            }),
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
        match self.form {
            Wire::UnixInteger => serializer.serialize_i64(self.instant.unix_timestamp()),
            Wire::UnixFloat(seconds) => serializer.serialize_f64(seconds),
            Wire::Rfc3339(_) | Wire::UnixText { .. } | Wire::Rfc2822 { .. } => {
                serializer.collect_str(self)
            }
        }
    }
}

impl<'de> serde::Deserialize<'de> for Timestamp {
    /// Reads an RFC 3339 string, Unix seconds as a number, or Unix seconds
    /// as a numeric string.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
        struct Visitor;

        impl serde::de::Visitor<'_> for Visitor {
            type Value = Timestamp;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an RFC 3339 date-time, or Unix seconds as a number or numeric string")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Timestamp, E> {
                // RFC 3339 has a `-` after the year; Unix seconds never do;
                // RFC 2822 has spaces.
                if text.contains(' ') && !text.contains('T') {
                    Timestamp::parse_rfc2822(text).map_err(E::custom)
                } else if text.as_bytes().get(4) == Some(&b'-') {
                    Timestamp::parse_rfc3339(text).map_err(E::custom)
                } else {
                    Timestamp::parse_unix_text(text).map_err(E::custom)
                }
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
