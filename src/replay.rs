//! The replay window shared by the timestamped schemes (Svix / Standard
//! Webhooks and Daily): a signed send time must lie within a tolerance of
//! "now".

use std::fmt;

use time::{Duration, OffsetDateTime};

use crate::error::VerifyError;
use crate::mac::{HmacSha256, KeyedMac};

/// How far a request's timestamp may be from "now", either way, by default.
pub const DEFAULT_TOLERANCE: Duration = Duration::minutes(5);

/// What both timestamped verifiers hold: an HMAC-SHA256 key, keyed once,
/// and the replay window. `Debug` never shows the key.
#[derive(Clone)]
pub(crate) struct TimedKey {
    pub(crate) mac: KeyedMac<HmacSha256>,
    tolerance: Duration,
}

impl TimedKey {
    pub(crate) fn new(key: &[u8]) -> TimedKey {
        TimedKey {
            mac: KeyedMac::new(key),
            tolerance: DEFAULT_TOLERANCE,
        }
    }

    /// A negative tolerance counts as zero.
    pub(crate) fn with_tolerance(mut self, tolerance: Duration) -> TimedKey {
        self.tolerance = tolerance.max(Duration::ZERO);
        self
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
        let timestamp = parse_timestamp(text).ok_or(VerifyError::InvalidTimestamp { name })?;
        check_window(name, timestamp, now, self.tolerance)?;
        Ok(timestamp)
    }
}

impl fmt::Debug for TimedKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TimedKey")
            .field("key", &"<redacted>")
            .field("tolerance", &self.tolerance)
            .finish()
    }
}

/// Whole Unix seconds: ASCII digits with an optional leading `-`, within the
/// years `time` represents.
fn parse_timestamp(text: &str) -> Option<OffsetDateTime> {
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
    if !negative {
        seconds = seconds.checked_neg()?;
    }
    OffsetDateTime::from_unix_timestamp(seconds).ok()
}

/// Rejects a timestamp further than `tolerance` from `now`; exactly
/// `tolerance` away is still accepted, as in the reference libraries.
fn check_window(
    name: &'static str,
    timestamp: OffsetDateTime,
    now: OffsetDateTime,
    tolerance: Duration,
) -> Result<(), VerifyError> {
    // Both instants lie within ±10,000 years, so the difference fits a
    // `Duration` and its negation cannot overflow.
    let age = now - timestamp;
    if age > tolerance {
        return Err(VerifyError::TimestampTooOld {
            name,
            age,
            tolerance,
        });
    }
    let ahead = -age;
    if ahead > tolerance {
        return Err(VerifyError::TimestampTooNew {
            name,
            ahead,
            tolerance,
        });
    }
    Ok(())
}
