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
use crate::mac::{self, HmacSha256, KeyedMac};
use crate::replay::Window;

/// The prefix of a Standard Webhooks symmetric secret.
pub const SECRET_PREFIX: &str = "whsec_";

/// The most signature entries checked per request (`v1` and `v1a` alike):
/// a key rotation sends two or three, and each entry costs a MAC
/// comparison or an ed25519 verification, so a header of thousands is not
/// read past this many. Empty entries (doubled spaces) do not count.
pub const MAX_SIGNATURE_ENTRIES: usize = 16;

pub use crate::replay::DEFAULT_TOLERANCE;

/// The message id header (Standard Webhooks spelling).
pub const ID_HEADER: &str = "webhook-id";
/// The send time header, Unix seconds (Standard Webhooks spelling).
pub const TIMESTAMP_HEADER: &str = "webhook-timestamp";
/// The signature list header (Standard Webhooks spelling).
pub const SIGNATURE_HEADER: &str = "webhook-signature";
/// The Svix-branded spelling of [`ID_HEADER`], read first when present.
pub const SVIX_ID_HEADER: &str = "svix-id";
/// The Svix-branded spelling of [`TIMESTAMP_HEADER`].
pub const SVIX_TIMESTAMP_HEADER: &str = "svix-timestamp";
/// The Svix-branded spelling of [`SIGNATURE_HEADER`].
pub const SVIX_SIGNATURE_HEADER: &str = "svix-signature";

/// The header names, each Svix-branded one before its Standard Webhooks
/// twin, as they are looked up together.
const NAMES: [&str; 6] = [
    SVIX_ID_HEADER,
    ID_HEADER,
    SVIX_TIMESTAMP_HEADER,
    TIMESTAMP_HEADER,
    SVIX_SIGNATURE_HEADER,
    SIGNATURE_HEADER,
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
    /// The symmetric secret, for `v1` entries.
    mac: KeyedMac<HmacSha256>,
    /// The public key, for `v1a` (ed25519) entries.
    #[cfg(feature = "ed25519")]
    public_key: Option<ed25519_dalek::VerifyingKey>,
    window: Window,
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
        let secret = SecretError::check(secret)?;
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
            mac: KeyedMac::new(key)?,
            #[cfg(feature = "ed25519")]
            public_key: None,
            window: Window::default(),
        })
    }

    /// The same verifier with another replay window: requests whose
    /// timestamp is further than `tolerance` from "now", in either direction,
    /// are rejected. A negative tolerance counts as zero.
    #[must_use]
    pub fn with_tolerance(self, tolerance: Duration) -> Verifier {
        Verifier {
            window: Window::new(tolerance),
            ..self
        }
    }

    /// The replay window in force.
    #[must_use]
    pub fn tolerance(&self) -> Duration {
        self.window.tolerance()
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
    /// matches (entries of other versions, and malformed ones, are skipped;
    /// no more than [`MAX_SIGNATURE_ENTRIES`] are read).
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
        Keys {
            mac: Some(&self.mac),
            #[cfg(feature = "ed25519")]
            public_key: self.public_key.as_ref(),
        }
        .verify_at(&self.window, headers, body, now)
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
        let mut digits = [0u8; 20];
        let timestamp = decimal(timestamp, &mut digits);
        let signature = self
            .mac
            .compute(&[msg_id.as_bytes(), b".", timestamp, b".", body]);
        format!("v1,{}", mac::to_base64(signature))
    }

    /// The same verifier, also accepting `v1a` entries signed by the
    /// private half of `public_key` (see [`PublicKeyVerifier::new`]).
    /// A request then verifies when any entry matches either key.
    ///
    /// # Errors
    ///
    /// As [`PublicKeyVerifier::new`].
    #[cfg(feature = "ed25519")]
    #[cfg_attr(docsrs, doc(cfg(feature = "ed25519")))]
    pub fn with_public_key(self, public_key: &str) -> Result<Verifier, SecretError> {
        Ok(Verifier {
            public_key: Some(parse_public_key(public_key)?),
            ..self
        })
    }
}

/// Verifies Standard Webhooks asymmetric signatures only: `v1a` entries,
/// checked against an ed25519 public key. It holds no secret, so it cannot
/// sign; a sender that signs both ways is checked by a [`Verifier`] with
/// [`Verifier::with_public_key`].
///
/// ```
/// use recording_webhooks::svix::PublicKeyVerifier;
///
/// let verifier = PublicKeyVerifier::new("whpk_1Onkxg+Als3+u8olQX69IlypKgrfaSMLcd8vT8UeJ6c=")?;
/// let body = br#"{"event": "bot.done", "i": 0, "note": ""}"#;
/// let headers = [
///     ("webhook-id", "msg_xazph9np7xdrerm989iqtwuk"),
///     ("webhook-timestamp", "1778280439"),
///     ("webhook-signature", "v1a,zUE07/0KqDTwFQlAtM8hR50gIomYI4E8XGsGUcss5JtzJY+bIHvjR16nfYFIOqM7CRi+2ce2DlEoIc3FNInpDQ=="),
/// ];
/// let now = time::OffsetDateTime::from_unix_timestamp(1778280439)?;
/// assert_eq!(verifier.verify_at(&headers, body, now)?.id, "msg_xazph9np7xdrerm989iqtwuk");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg(feature = "ed25519")]
#[cfg_attr(docsrs, doc(cfg(feature = "ed25519")))]
#[derive(Clone, Debug)]
pub struct PublicKeyVerifier {
    public_key: ed25519_dalek::VerifyingKey,
    window: Window,
}

#[cfg(feature = "ed25519")]
impl PublicKeyVerifier {
    /// A verifier for an ed25519 public key given as `whpk_` followed by the
    /// base64 of its 32 bytes (or the bare base64).
    ///
    /// # Errors
    ///
    /// [`SecretError::InvalidBase64`] or [`SecretError::InvalidPublicKey`].
    pub fn new(public_key: &str) -> Result<PublicKeyVerifier, SecretError> {
        Ok(PublicKeyVerifier {
            public_key: parse_public_key(public_key)?,
            window: Window::default(),
        })
    }

    /// The same verifier with another replay window, as
    /// [`Verifier::with_tolerance`].
    #[must_use]
    pub fn with_tolerance(self, tolerance: Duration) -> PublicKeyVerifier {
        PublicKeyVerifier {
            window: Window::new(tolerance),
            ..self
        }
    }

    /// The replay window in force.
    #[must_use]
    pub fn tolerance(&self) -> Duration {
        self.window.tolerance()
    }

    /// Verifies a request against the system clock.
    ///
    /// # Errors
    ///
    /// As [`Verifier::verify_at`].
    pub fn verify(
        &self,
        headers: &(impl Headers + ?Sized),
        body: &[u8],
    ) -> Result<Verified, VerifyError> {
        self.verify_at(headers, body, OffsetDateTime::now_utc())
    }

    /// Verifies a request as if the time were `now`, in the order
    /// [`Verifier::verify_at`] checks; only `v1a` entries can match.
    ///
    /// # Errors
    ///
    /// As [`Verifier::verify_at`].
    pub fn verify_at(
        &self,
        headers: &(impl Headers + ?Sized),
        body: &[u8],
        now: OffsetDateTime,
    ) -> Result<Verified, VerifyError> {
        Keys {
            mac: None,
            public_key: Some(&self.public_key),
        }
        .verify_at(&self.window, headers, body, now)
    }
}

/// The prefix of a Standard Webhooks public key.
#[cfg(feature = "ed25519")]
pub const PUBLIC_KEY_PREFIX: &str = "whpk_";

#[cfg(feature = "ed25519")]
fn parse_public_key(text: &str) -> Result<ed25519_dalek::VerifyingKey, SecretError> {
    let text = SecretError::check(text)?;
    let encoded = text.strip_prefix(PUBLIC_KEY_PREFIX).unwrap_or(text);
    let bytes = mac::decode_secret(encoded)?;
    let bytes: [u8; 32] =
        bytes
            .as_slice()
            .try_into()
            .map_err(|_| SecretError::InvalidPublicKey {
                reason: "an ed25519 public key is 32 bytes",
            })?;
    ed25519_dalek::VerifyingKey::from_bytes(&bytes).map_err(|_| SecretError::InvalidPublicKey {
        reason: "not a point on the ed25519 curve",
    })
}

/// Whether `signature`, standard base64 of 64 bytes, is a valid ed25519
/// signature of `message` (strict: no malleable or small-order forms).
#[cfg(feature = "ed25519")]
fn ed25519_matches(key: &ed25519_dalek::VerifyingKey, message: &[u8], signature: &[u8]) -> bool {
    use base64::Engine as _;
    let mut buf = [0u8; 66];
    if signature.len() != 88 {
        return false;
    }
    match base64::engine::general_purpose::STANDARD.decode_slice(signature, &mut buf) {
        Ok(64) => {
            let mut bytes = [0u8; 64];
            bytes.copy_from_slice(buf.get(..64).unwrap_or(&[0; 64]));
            key.verify_strict(message, &ed25519_dalek::Signature::from_bytes(&bytes))
                .is_ok()
        }
        _ => false,
    }
}

/// The keys one request is checked against: the secret for `v1` entries,
/// the public key for `v1a` ones. [`Verifier`] always has the first,
/// [`PublicKeyVerifier`] only the second.
#[derive(Clone, Copy)]
struct Keys<'a> {
    mac: Option<&'a KeyedMac<HmacSha256>>,
    #[cfg(feature = "ed25519")]
    public_key: Option<&'a ed25519_dalek::VerifyingKey>,
}

impl Keys<'_> {
    fn verify_at(
        self,
        window: &Window,
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
        let (_, id) = pick(
            [SVIX_ID_HEADER, ID_HEADER],
            [svix_id, webhook_id],
            svix_spelling,
        )?;
        let (timestamp_name, timestamp_text) = pick(
            [SVIX_TIMESTAMP_HEADER, TIMESTAMP_HEADER],
            [svix_ts, webhook_ts],
            svix_spelling,
        )?;
        let (signature_name, signatures) = pick(
            [SVIX_SIGNATURE_HEADER, SIGNATURE_HEADER],
            [svix_sig, webhook_sig],
            svix_spelling,
        )?;

        let timestamp = window.check(timestamp_name, timestamp_text, now)?;

        // The reference libraries sign the canonical decimal of the instant
        // they parsed; the header's own text is that unless it has leading
        // zeros, and using it saves formatting the number again.
        let canonical = !(timestamp_text.starts_with('0') || timestamp_text.starts_with("-0"))
            || timestamp_text == "0";
        let mut digits = [0u8; 20];
        let signed_timestamp = if canonical {
            timestamp_text.as_bytes()
        } else {
            decimal(timestamp.unix_timestamp(), &mut digits)
        };
        let content = [id.as_bytes(), b".", signed_timestamp, b".", body];
        let expected = self.mac.map(|mac| mac.compute(&content));
        #[cfg(feature = "ed25519")]
        let mut message: Option<Vec<u8>> = None;
        // Entries are `version,signature`, space-separated. `str::split`
        // finds the spaces a word at a time.
        let matched = signatures
            .split(' ')
            .map(str::as_bytes)
            .filter(|entry| !entry.is_empty())
            .take(MAX_SIGNATURE_ENTRIES)
            .any(|entry| {
                if let Some(signature) = entry.strip_prefix(b"v1,") {
                    return expected
                        .as_ref()
                        .is_some_and(|expected| mac::matches_base64(expected, signature));
                }
                #[cfg(feature = "ed25519")]
                if let Some(signature) = entry.strip_prefix(b"v1a,") {
                    return self.public_key.is_some_and(|key| {
                        // ed25519 needs the message whole: built once, only when
                        // a `v1a` entry is there to check.
                        let message = message.get_or_insert_with(|| content.concat());
                        ed25519_matches(key, message, signature)
                    });
                }
                false
            });
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
}

/// `value` in decimal, written into `buf` without allocating. Twenty bytes
/// hold every `i64`, sign included.
fn decimal(value: i64, buf: &mut [u8; 20]) -> &[u8] {
    use std::io::Write as _;
    let mut rest = &mut buf[..];
    // Cannot fail: twenty bytes are enough; an empty result would only make
    // the signature not match.
    let written = match write!(rest, "{value}") {
        Ok(()) => 20usize.saturating_sub(rest.len()),
        Err(_) => 0,
    };
    buf.get(..written).unwrap_or_default()
}

impl crate::webhook::Sealed for Verifier {}

impl crate::webhook::Timestamped for Verifier {
    fn tolerance(&self) -> Duration {
        Verifier::tolerance(self)
    }

    fn with_tolerance(self, tolerance: Duration) -> Verifier {
        Verifier::with_tolerance(self, tolerance)
    }
}
