//! Svix / Standard Webhooks signatures, as Recall.ai signs every request.
//!
//! A signed request carries three headers: a message id, a send time in Unix
//! seconds, and a space-separated list of `version,signature` entries. The
//! `v1` signature is the base64 HMAC-SHA256 of `{id}.{timestamp}.{body}` keyed
//! with the base64-decoded secret. Two spellings of the headers exist:
//!
//! | meaning | Standard Webhooks | Svix-branded |
//! |---|---|---|
//! | message id | `webhook-id` | `svix-id` |
//! | send time | `webhook-timestamp` | `svix-timestamp` |
//! | signatures | `webhook-signature` | `svix-signature` |
//!
//! Each header is read under its `svix-*` name when that is present and
//! under its `webhook-*` name otherwise, as the Svix libraries do. An empty
//! header counts as missing.
//!
//! ```
//! use recording_webhooks::svix::Verifier;
//! use time::OffsetDateTime;
//!
//! let verifier = Verifier::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")?;
//! let body = br#"{"test": 2432232314}"#;
//! let headers = [
//!     ("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek"),
//!     ("webhook-timestamp", "1614265330"),
//!     ("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="),
//! ];
//! let now = OffsetDateTime::from_unix_timestamp(1614265330)?;
//! let verified = verifier.verify_at(&headers, body, now)?;
//! assert_eq!(verified.id, "msg_p5jXN8AQM9LWM0D4loKWxJek");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use time::{Duration, OffsetDateTime};

use crate::error::{SecretError, VerifyError};
use crate::headers::{self, Headers};
use crate::mac::{self, HmacSha256};
use crate::replay::TimedKey;
use hmac::digest::CtOutput;

/// The prefix of a Standard Webhooks symmetric secret.
pub const SECRET_PREFIX: &str = "whsec_";

pub use crate::replay::DEFAULT_TOLERANCE;

/// The header names, each Svix-branded one before its Standard Webhooks
/// twin, as they are looked up together.
const NAMES: [&str; 6] = [
    "svix-id",
    "webhook-id",
    "svix-timestamp",
    "webhook-timestamp",
    "svix-signature",
    "webhook-signature",
];

/// The name and text of one of the three headers, given what was found
/// under its two names: the `svix-*` one when present, as in the Svix
/// libraries, else the `webhook-*` one. An empty value counts as missing,
/// as in the reference libraries. When neither is present, the error names
/// the spelling the rest of the request uses.
fn pick<'a>(
    [svix, webhook]: [&'static str; 2],
    [svix_value, webhook_value]: [Option<&'a [u8]>; 2],
    svix_spelling: bool,
) -> Result<(&'static str, &'a str), VerifyError> {
    let (name, bytes) = match (svix_value, webhook_value) {
        (Some(bytes), _) => (svix, bytes),
        (None, Some(bytes)) => (webhook, bytes),
        (None, None) => {
            let name = if svix_spelling { svix } else { webhook };
            return Err(VerifyError::MissingHeader { name });
        }
    };
    match headers::text(name, bytes)? {
        "" => Err(VerifyError::MissingHeader { name }),
        value => Ok((name, value)),
    }
}

/// Verifies (and signs) Svix / Standard Webhooks `v1` signatures.
///
/// Build one per secret at start-up and share it: verification only reads
/// it. `Debug` never shows the key.
#[derive(Clone, Debug)]
pub struct Verifier {
    key: TimedKey,
}

/// What a successful verification vouches for.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Verified {
    /// The message id (`webhook-id` / `svix-id`). Retries of one message
    /// reuse it: it is the key to de-duplicate deliveries by.
    pub id: String,
    /// When the sender signed the request (`webhook-timestamp` /
    /// `svix-timestamp`).
    pub timestamp: OffsetDateTime,
}

impl Verifier {
    /// A verifier for a secret as the dashboard shows it: `whsec_` followed
    /// by base64, or the bare base64 alone.
    ///
    /// # Errors
    ///
    /// [`SecretError`] if the base64 does not decode, decodes to nothing, or
    /// the text is an ed25519 key (`whpk_` / `whsk_`) instead.
    ///
    /// ```
    /// use recording_webhooks::svix::Verifier;
    ///
    /// assert!(Verifier::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").is_ok());
    /// assert!(Verifier::new("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").is_ok());
    /// assert!(Verifier::new("whsec_").is_err());
    /// assert!(Verifier::new("whsec_not base64!").is_err());
    /// ```
    pub fn new(secret: &str) -> Result<Verifier, SecretError> {
        for prefix in ["whpk_", "whsk_"] {
            if secret.starts_with(prefix) {
                return Err(SecretError::AsymmetricKey { prefix });
            }
        }
        let encoded = secret.strip_prefix(SECRET_PREFIX).unwrap_or(secret);
        Verifier::from_key(&mac::decode_secret(encoded)?)
    }

    /// A verifier for the raw HMAC key bytes (the secret already decoded).
    ///
    /// # Errors
    ///
    /// [`SecretError::Empty`] for an empty key.
    pub fn from_key(key: &[u8]) -> Result<Verifier, SecretError> {
        if key.is_empty() {
            return Err(SecretError::Empty);
        }
        Ok(Verifier {
            key: TimedKey::new(key),
        })
    }

    /// The same verifier with another replay window: requests whose
    /// timestamp is further than `tolerance` from "now", in either direction,
    /// are rejected. A negative tolerance counts as zero.
    #[must_use]
    pub fn with_tolerance(self, tolerance: Duration) -> Verifier {
        Verifier {
            key: self.key.with_tolerance(tolerance),
        }
    }

    /// The replay window in force.
    #[must_use]
    pub fn tolerance(&self) -> Duration {
        self.key.tolerance()
    }

    /// Verifies a request against the system clock.
    ///
    /// `headers` are the request's headers and `body` its raw bytes, exactly
    /// as received: re-serialized JSON does not verify.
    ///
    /// # Errors
    ///
    /// See [`Verifier::verify_at`].
    pub fn verify(
        &self,
        headers: &(impl Headers + ?Sized),
        body: &[u8],
    ) -> Result<Verified, VerifyError> {
        self.verify_at(headers, body, OffsetDateTime::now_utc())
    }

    /// Verifies a request as if the time were `now`.
    ///
    /// The checks run in the order the reference libraries run them: the
    /// headers are present and readable, the timestamp is within the
    /// tolerance of `now`, and then some `v1` entry of the signature header
    /// matches (entries of other versions, and malformed ones, are skipped).
    ///
    /// # Errors
    ///
    /// [`VerifyError::MissingHeader`], [`VerifyError::InvalidHeader`],
    /// [`VerifyError::InvalidTimestamp`], [`VerifyError::TimestampTooOld`],
    /// [`VerifyError::TimestampTooNew`] or
    /// [`VerifyError::NoMatchingSignature`], naming the header at fault.
    pub fn verify_at(
        &self,
        headers: &(impl Headers + ?Sized),
        body: &[u8],
        now: OffsetDateTime,
    ) -> Result<Verified, VerifyError> {
        // One pass for all six names: per-name lookups in an
        // `http::HeaderMap` cost more than the HMAC of a small body.
        let [
            svix_id,
            webhook_id,
            svix_ts,
            webhook_ts,
            svix_sig,
            webhook_sig,
        ] = headers.header_bytes_many(NAMES);
        let svix_spelling = svix_id.is_some() || svix_ts.is_some() || svix_sig.is_some();
        let (_, id) = pick([NAMES[0], NAMES[1]], [svix_id, webhook_id], svix_spelling)?;
        let (timestamp_name, timestamp_text) =
            pick([NAMES[2], NAMES[3]], [svix_ts, webhook_ts], svix_spelling)?;
        let (signature_name, signatures) =
            pick([NAMES[4], NAMES[5]], [svix_sig, webhook_sig], svix_spelling)?;

        let timestamp = self.key.check(timestamp_name, timestamp_text, now)?;

        // The reference libraries sign the canonical decimal of the instant
        // they parsed; the header's own text is that unless it has leading
        // zeros, and using it saves formatting the number again.
        let canonical = !(timestamp_text.starts_with('0') || timestamp_text.starts_with("-0"))
            || timestamp_text == "0";
        let expected = if canonical {
            self.key
                .mac
                .compute(&[id.as_bytes(), b".", timestamp_text.as_bytes(), b".", body])
        } else {
            self.signed_content_mac(id, timestamp.unix_timestamp(), body)
        };
        let matched = signatures
            .split(' ')
            .filter_map(|entry| entry.split_once(','))
            .filter(|(version, _)| *version == "v1")
            .any(|(_, signature)| mac::matches_base64(&expected, signature));
        if !matched {
            return Err(VerifyError::NoMatchingSignature {
                name: signature_name,
            });
        }
        Ok(Verified {
            id: id.to_owned(),
            timestamp,
        })
    }

    /// The `v1` signature Svix would send for this message: `v1,<base64>`,
    /// the value of `webhook-signature`. For signing requests in tests.
    ///
    /// ```
    /// use recording_webhooks::svix::Verifier;
    ///
    /// let verifier = Verifier::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")?;
    /// let signature = verifier.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, br#"{"test": 2432232314}"#);
    /// assert_eq!(signature, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    /// # Ok::<(), recording_webhooks::SecretError>(())
    /// ```
    #[must_use]
    pub fn sign(&self, msg_id: &str, timestamp: i64, body: &[u8]) -> String {
        format!(
            "v1,{}",
            mac::to_base64(self.signed_content_mac(msg_id, timestamp, body))
        )
    }

    /// The MAC of `{id}.{timestamp}.{body}`, fed in pieces.
    ///
    /// The timestamp is rendered in canonical decimal, as the reference
    /// libraries render the instant they parsed: for the canonical header
    /// Svix sends this is the header's own text.
    fn signed_content_mac(&self, id: &str, timestamp: i64, body: &[u8]) -> CtOutput<HmacSha256> {
        let mut digits = [0u8; 20];
        let timestamp = decimal(timestamp, &mut digits);
        self.key
            .mac
            .compute(&[id.as_bytes(), b".", timestamp, b".", body])
    }
}

/// `value` in decimal, written into `buf` without allocating. Twenty bytes
/// hold every `i64`, sign included.
fn decimal(value: i64, buf: &mut [u8; 20]) -> &[u8] {
    use std::io::Write as _;
    let mut rest = &mut buf[..];
    // Cannot fail: twenty bytes are enough; an empty result would only make
    // the signature not match.
    let written = match write!(rest, "{value}") {
        Ok(()) => 20 - rest.len(),
        Err(_) => 0,
    };
    buf.get(..written).unwrap_or_default()
}
