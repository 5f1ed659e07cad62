//! The replay window shared by the timestamped schemes (Svix / Standard
//! Webhooks and Daily): a signed send time must lie within a tolerance of
//! "now".

use time::{Duration, OffsetDateTime};

use crate::error::VerifyError;

/// How far a request's timestamp may be from "now", either way, by default.
pub const DEFAULT_TOLERANCE: Duration = Duration::minutes(5);

/// A replay window: how far a signed send time may be from "now".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Window {
    tolerance: Duration,
}

impl Default for Window {
    fn default() -> Window {
        Window {
            tolerance: DEFAULT_TOLERANCE,
        }
    }
}

impl Window {
    /// A negative tolerance counts as zero.
    pub(crate) fn new(tolerance: Duration) -> Window {
        Window {
            tolerance: tolerance.max(Duration::ZERO),
        }
    }

    pub(crate) fn tolerance(&self) -> Duration {
        self.tolerance
    }

    /// The instant in timestamp header `name`, if it is whole Unix seconds
    /// within the window around `now`.
    pub(crate) fn check(
        &self,
        name: &'static str,
        text: &str,
        now: OffsetDateTime,
    ) -> Result<OffsetDateTime, VerifyError> {
        let seconds = parse_seconds(text).ok_or(VerifyError::InvalidTimestamp { name })?;
        let timestamp = OffsetDateTime::from_unix_timestamp(seconds)
            .map_err(|_| VerifyError::InvalidTimestamp { name })?;
        // The age from whole seconds and now's fraction: no 128-bit
        // arithmetic, which costs more than the rest of the check. Both
        // instants lie within ±10,000 years, so nothing here overflows.
        let age = Duration::seconds(now.unix_timestamp().saturating_sub(seconds))
            .saturating_add(Duration::nanoseconds(i64::from(now.nanosecond())));
        check_window(name, age, self.tolerance)?;
        Ok(timestamp)
    }
}

/// Whole Unix seconds: ASCII digits with an optional leading `-`.
fn parse_seconds(text: &str) -> Option<i64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(digits) => (true, digits),
        None => (false, text),
    };
    if digits.is_empty() {
        return None;
    }
    // Accumulate negatively so that `i64::MIN` parses too.
    let mut seconds: i64 = 0;
    for byte in digits.bytes() {
        let digit = byte.checked_sub(b'0').filter(|d| *d <= 9)?;
        seconds = seconds.checked_mul(10)?.checked_sub(i64::from(digit))?;
    }
    if negative {
        Some(seconds)
    } else {
        seconds.checked_neg()
    }
}

/// Rejects an `age` (how long before "now" the timestamp lies, negative
/// when ahead) further than `tolerance` either way; exactly `tolerance` is
/// still accepted, as in the reference libraries. Both instants lie within
/// ±10,000 years, so the age fits a `Duration` and its negation cannot
/// overflow.
fn check_window(name: &'static str, age: Duration, tolerance: Duration) -> Result<(), VerifyError> {
    if age > tolerance {
        return Err(VerifyError::TimestampTooOld {
            name,
            age,
            tolerance,
        });
    }
    let ahead = age.checked_neg().unwrap_or(Duration::MAX);
    if ahead > tolerance {
        return Err(VerifyError::TimestampTooNew {
            name,
            ahead,
            tolerance,
        });
    }
    Ok(())
}
