//! Telnyx's signature: Ed25519 over `{telnyx-timestamp}|{raw body}`, under
//! the account's public key.

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use ed25519_dalek::{Signature, VerifyingKey};
use time::{Duration, OffsetDateTime};

use crate::error::{SecretError, VerifyError};
use crate::headers::{self, Headers};
use crate::replay::Window;

/// The header carrying the signature: standard base64 of 64 bytes.
pub const SIGNATURE_HEADER: &str = "telnyx-signature-ed25519";

/// The header carrying when the webhook was sent, in Unix seconds.
pub const TIMESTAMP_HEADER: &str = "telnyx-timestamp";

/// Verifies Telnyx webhooks against the account's public key.
///
/// Telnyx signs every webhook (Call Control JSON and TeXML forms alike)
/// with its private key; the receiver holds only the public key, which is
/// no secret: `Debug` shows it.
///
/// ```
/// use recording_webhooks::telnyx::Verifier;
///
/// // The key as Telnyx's portal shows it (Account Settings, Keys & Credentials).
/// let verifier = Verifier::new("SBO4g1MoMXJfqu2e+asjEJLyK5xoox1cqi85p5oDPIs=")?;
/// let body = br#"{"data":{"event_type":"call.recording.saved","id":"0ccc7b54-4df3-4bca-a65a-3da1ecc777f0","occurred_at":"2026-01-01T00:00:00.123456Z","payload":{"call_control_id":"v3:2EC-70CTEjlUq3tDM0CxKXIt5-5N4iP4wo7_-PfH-qub97Sk4EqO5w","call_leg_id":"b0e6224c-c81c-11f0-afbb-02420aef93a0","call_session_id":"b0e6141e-c81c-11f0-abac-02420aef93a0","channels":"dual","client_state":"aGF2ZSBhIG5pY2UgZGF5ID1d","connection_id":"2811212257810187875","recording_id":"f3a5e2c1-2a5b-4d3e-9c1b-6f7e8d9a0b1c","recording_started_at":"2025-12-31T23:50:00.000000Z","recording_ended_at":"2025-12-31T23:59:58.000000Z","recording_urls":{"mp3":"https://s3.amazonaws.com/telephony-recorder-prod/abc.mp3?X-Amz-Expires=600"},"public_recording_urls":{}},"record_type":"event"},"meta":{"attempt":1,"delivered_to":"https://example.com/telnyx"}}"#;
/// let headers = [
///     ("telnyx-timestamp", "1767225600"),
///     ("telnyx-signature-ed25519", "nR5tx9JWqLpPzJnjfcVXk0yayeTagrXxe/OqfG3nVJ4coWta661d8Y4HNiWNnqoHZZ5gCf/sl+jVrel9fc+FDA=="),
/// ];
/// let now = time::OffsetDateTime::from_unix_timestamp(1767225630).unwrap();
/// let verified = verifier.verify_at(&headers, body, now)?;
/// assert_eq!(verified.timestamp.unix_timestamp(), 1767225600);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Verifier {
    key: VerifyingKey,
    window: Window,
}

impl fmt::Debug for Verifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Verifier")
            .field("public_key", &STANDARD.encode(self.key.as_bytes()))
            .field("tolerance", &self.window.tolerance())
            .finish()
    }
}

/// What a successful verification vouches for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Verified {
    /// When Telnyx sent the webhook (`telnyx-timestamp`).
    pub timestamp: OffsetDateTime,
}

/// Why a public key is refused, for [`SecretError::InvalidPublicKey`].
fn refused(reason: &'static str) -> SecretError {
    SecretError::InvalidPublicKey { reason }
}

impl Verifier {
    /// A verifier for the account's public key, as Telnyx's portal shows
    /// it: standard base64 of the 32-byte Ed25519 key.
    ///
    /// # Errors
    ///
    /// [`SecretError::Empty`], [`SecretError::SurroundingWhitespace`];
    /// [`SecretError::InvalidPublicKey`] for a PEM key, a value that is
    /// not base64, decodes to another length than 32 bytes (a character
    /// lost or added in copying; an HMAC secret), or is not a key on the
    /// curve.
    pub fn new(public_key: &str) -> Result<Verifier, SecretError> {
        let text = SecretError::check(public_key)?;
        if text.starts_with("-----BEGIN") {
            return Err(refused(
                "it is PEM: give the base64 key Telnyx's portal shows (32 bytes), not a PEM file",
            ));
        }
        if text.starts_with("whsec_") || text.starts_with("whpk_") {
            return Err(refused(
                "it is a Standard Webhooks key: Telnyx's public key is plain base64 of 32 bytes",
            ));
        }
        let mut bytes = [0u8; 33];
        let len = STANDARD
            .decode_slice(text, &mut bytes)
            .map_err(|_| refused("it is not standard base64 of 32 bytes"))?;
        let key: [u8; 32] = match len {
            32 => bytes
                .get(..32)
                .and_then(|b| b.try_into().ok())
                .unwrap_or([0; 32]),
            31 => {
                return Err(refused(
                    "it decodes to 31 bytes, one short of an Ed25519 key's 32",
                ));
            }
            33 => {
                return Err(refused(
                    "it decodes to 33 bytes, one more than an Ed25519 key's 32",
                ));
            }
            _ => return Err(refused("an Ed25519 public key is 32 bytes")),
        };
        let key = VerifyingKey::from_bytes(&key)
            .map_err(|_| refused("it is not a point on the Ed25519 curve"))?;
        Ok(Verifier {
            key,
            window: Window::default(),
        })
    }

    /// The same verifier with another replay window (default five
    /// minutes, either way, as Telnyx's SDKs check). A negative tolerance
    /// counts as zero.
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

    /// Verifies a request as if the time were `now`: the timestamp within
    /// the window (300 s itself accepted), the signature strict Ed25519
    /// over the timestamp header's text, `|` and the raw body, whatever
    /// its format (JSON, a TeXML form, or empty).
    ///
    /// # Errors
    ///
    /// [`VerifyError::MissingHeader`] without either header (or with an
    /// empty one); [`VerifyError::InvalidTimestamp`] for a timestamp that
    /// is not ASCII digits; [`VerifyError::TimestampTooOld`] /
    /// [`VerifyError::TimestampTooNew`] outside the window;
    /// [`VerifyError::InvalidHeader`] for a signature that is not base64
    /// of 64 bytes (an HMAC's 32 land here);
    /// [`VerifyError::NoMatchingSignature`] when it does not verify.
    pub fn verify_at(
        &self,
        headers: &(impl Headers + ?Sized),
        body: &[u8],
        now: OffsetDateTime,
    ) -> Result<Verified, VerifyError> {
        let [timestamp, signature] =
            headers.header_bytes_many([TIMESTAMP_HEADER, SIGNATURE_HEADER]);
        let timestamp = non_empty(TIMESTAMP_HEADER, timestamp)?;
        let signature = non_empty(SIGNATURE_HEADER, signature)?;
        // Digits only, as Telnyx's Node SDK reads it: no sign, no spaces.
        if !timestamp.bytes().all(|b| b.is_ascii_digit()) {
            return Err(VerifyError::InvalidTimestamp {
                name: TIMESTAMP_HEADER,
            });
        }
        let timestamp_at = self.window.check(TIMESTAMP_HEADER, timestamp, now)?;
        let mut bytes = [0u8; 66];
        let signature = match STANDARD.decode_slice(signature, &mut bytes) {
            Ok(64) => {
                let mut exact = [0u8; 64];
                exact.copy_from_slice(bytes.get(..64).unwrap_or(&[0; 64]));
                Signature::from_bytes(&exact)
            }
            Ok(_) => {
                return Err(VerifyError::InvalidHeader {
                    name: SIGNATURE_HEADER,
                    reason: "not an Ed25519 signature: it decodes to another length than 64 bytes",
                });
            }
            Err(_) => {
                return Err(VerifyError::InvalidHeader {
                    name: SIGNATURE_HEADER,
                    reason: "not standard base64",
                });
            }
        };
        let mut message =
            Vec::with_capacity(timestamp.len().saturating_add(1).saturating_add(body.len()));
        message.extend_from_slice(timestamp.as_bytes());
        message.push(b'|');
        message.extend_from_slice(body);
        self.key.verify_strict(&message, &signature).map_err(|_| {
            VerifyError::NoMatchingSignature {
                name: SIGNATURE_HEADER,
            }
        })?;
        Ok(Verified {
            timestamp: timestamp_at,
        })
    }
}

/// A header's text, present and not empty.
fn non_empty<'a>(name: &'static str, bytes: Option<&'a [u8]>) -> Result<&'a str, VerifyError> {
    let text = headers::required(name, bytes)?;
    if text.is_empty() {
        return Err(VerifyError::MissingHeader { name });
    }
    Ok(text)
}

impl crate::webhook::Sealed for Verifier {}
