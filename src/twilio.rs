//! Twilio webhooks: its own signature rules, and the same typed callbacks
//! as SignalWire's (whose Compatibility API is Twilio's).
//!
//! Twilio signs `X-Twilio-Signature` as base64 HMAC over the URL it called
//! followed by every form parameter's name and value, sorted by name. Two
//! rules differ from SignalWire's, whatever the header is called:
//!
//! - a parameter sent more than once signs each of its distinct values
//!   once, sorted (`Digits=5678&Digits=1234` signs `Digits1234Digits5678`),
//!   where SignalWire signs every value in the order sent;
//! - with `X-Twilio-Webhooks-Signature-Settings: key=...,algorithm=HMAC_SHA256`
//!   the HMAC is SHA-256 under the SharedKey secret; without that header, or
//!   with no `algorithm`, it is SHA-1 under the Auth Token.
//!
//! As in twilio-python, the URL is also tried with any explicit port
//! removed or the scheme's default added, and a URL carrying `bodySHA256`
//! (JSON bodies) signs the URL alone while the body's SHA-256 must match.
//! As in twilio-node, it is also tried as Node re-encodes it (`'` in the
//! query as `%27`, and back).
//!
//! Twilio sends no message id; [`Delivery`] carries the
//! `I-Twilio-Idempotency-Token` header that is the same on every retry.
//!
//! ```
//! use recording_webhooks::twilio::{RecordingStatus, RecordingStatusCallback, Verifier};
//!
//! let verifier = Verifier::new("12345")?;
//! let url = "https://mycompany.com/myapp.php?foo=1&bar=2";
//! let body = b"AccountSid=AC123&RecordingSid=RE123&RecordingStatus=completed";
//! # let signature = verifier.sign_params(url, &[("AccountSid", "AC123"), ("RecordingSid", "RE123"), ("RecordingStatus", "completed")]);
//! let headers = [("X-Twilio-Signature", signature.as_str())];
//! verifier.verify(url, &headers, body)?;
//! let callback = RecordingStatusCallback::from_form(body)?;
//! assert_eq!(callback.recording_status, RecordingStatus::Completed);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use hmac::Hmac;
use hmac::Mac;
use hmac::digest::KeyInit;
use sha1::Sha1;

use crate::cxml::signature::{
    Repeated, Spellings, body_hash_checked, matches_params, matches_url_alone, sign_params,
};
use crate::cxml::webhook::UrlVerifier;
use crate::error::{SecretError, VerifyError};
use crate::headers::{self, Headers};
use crate::mac::{HmacSha256, KeyedMac};

pub use crate::cxml::callbacks::{
    AmdStatusCallback, AnsweredBy, AnyCallback, CallParams, CallStatus, Callback, CallbackSource,
    ConferenceEvent, ConferenceStatusCallback, DialActionCallback, DialCallStatus, Direction,
    GatherActionCallback, ReasonConferenceEnded, RecordActionCallback, RecordingSource,
    RecordingStatus, RecordingStatusCallback, RecordingTrack, StatusCallback, StirVerstat,
    TranscribeCallback, TranscriptionStatus, VoiceRequest,
};

/// Receives Twilio callbacks in one call: verifies with Twilio's rules over
/// the URL Twilio called, then reads the callback.
///
/// Twilio signs the full public URL it requested. A server behind a proxy
/// sees another one, so the server extractors (features `axum`,
/// `actix-web`) build it from the base given to `with_public_url` and the
/// request's path and query; they trust the `Host` / `X-Forwarded-*`
/// headers instead only after `trust_forwarded_headers`: anyone can send
/// those.
///
/// ```
/// use recording_webhooks::twilio::{RecordingStatusCallback, Webhook};
///
/// let webhook = Webhook::new("12345")?;
/// let url = "https://example.com/twilio/recording";
/// let body = b"AccountSid=AC1&RecordingSid=RE1&RecordingStatus=completed";
/// # let signature = webhook.verifier().sign_params(url, &[("AccountSid", "AC1"), ("RecordingSid", "RE1"), ("RecordingStatus", "completed")]);
/// let headers = [("X-Twilio-Signature", signature.as_str())];
/// let delivery = webhook.receive::<RecordingStatusCallback>(url, &headers, body)?;
/// assert_eq!(delivery.event().recording_sid, "RE1");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// The builders every provider's `Webhook` shares are documented on
/// [`webhook::Webhook`](crate::webhook::Webhook):
/// [`with_body_limit`](crate::webhook::Webhook::with_body_limit) /
/// [`body_limit`](crate::webhook::Webhook::body_limit) (what the server
/// extractors read), and [`verifier`](crate::webhook::Webhook::verifier).
pub type Webhook = crate::webhook::Webhook<Verifier>;

impl Webhook {
    /// A webhook for the account's Auth Token (HMAC-SHA1).
    ///
    /// # Errors
    ///
    /// As [`Verifier::new`].
    pub fn new(auth_token: &str) -> Result<Webhook, SecretError> {
        Verifier::new(auth_token).map(Webhook::from)
    }

    /// The same webhook, also verifying requests Twilio signs with
    /// HMAC-SHA256 under this SharedKey secret (see
    /// [`Verifier::with_shared_key`]).
    ///
    /// # Errors
    ///
    /// As [`Verifier::with_shared_key`].
    pub fn with_shared_key(self, shared_key: &str) -> Result<Webhook, SecretError> {
        self.try_map_verifier(|verifier| verifier.with_shared_key(shared_key))
    }
}

crate::cxml::webhook::url_webhook!(twilio, "X-Twilio-Signature");

impl crate::webhook::Sealed for Verifier {}

impl UrlVerifier for Verifier {
    const PROVIDER: &'static str = "twilio";
    const ID_HEADER: Option<&'static str> = Some(IDEMPOTENCY_TOKEN_HEADER);

    fn verify_request(
        &self,
        url: &str,
        headers: &(impl Headers + ?Sized),
        body: &[u8],
    ) -> Result<(), VerifyError> {
        self.verify(url, headers, body)
    }
}

/// The header Twilio sends with the same value on every retry of one
/// request (and a new one on the next request): the id to de-duplicate by,
/// as Twilio sends no message id in the parameters.
pub const IDEMPOTENCY_TOKEN_HEADER: &str = "i-twilio-idempotency-token";

/// A verified Twilio callback: [`Delivery::id`] is the request's
/// `I-Twilio-Idempotency-Token`, when it carried one.
///
/// Twilio retries a request that failed (when the URL's `#rc=` / `#rp=`
/// fragment asks it to, or for its own connection errors) with the same
/// token, so a handler that acts once per callback keeps the tokens it has
/// seen. Twilio signs no timestamp: [`Delivery::signed_at`] is `None`.
///
/// ```
/// use recording_webhooks::twilio::{Delivery, RecordingStatusCallback, Webhook};
///
/// let webhook = Webhook::new("12345")?;
/// let url = "https://example.com/twilio/recording";
/// let body = b"AccountSid=AC1&RecordingSid=RE1&RecordingStatus=completed";
/// # let signature = webhook.verifier().sign_params(url, &[("AccountSid", "AC1"), ("RecordingSid", "RE1"), ("RecordingStatus", "completed")]);
/// let headers = [
///     ("X-Twilio-Signature", signature.as_str()),
///     ("I-Twilio-Idempotency-Token", "3b5c9e5a-2f7e-4c1d-9a51-6d2b8f0e4a17"),
/// ];
/// let delivery: Delivery<RecordingStatusCallback> = webhook.receive(url, &headers, body)?;
/// assert_eq!(delivery.id(), Some("3b5c9e5a-2f7e-4c1d-9a51-6d2b8f0e4a17"));
/// assert_eq!(delivery.event().recording_sid, "RE1");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// [`Delivery::id`]: crate::webhook::Delivery::id
/// [`Delivery::signed_at`]: crate::webhook::Delivery::signed_at
pub type Delivery<C> = crate::webhook::Delivery<C, Verifier>;

/// The signature header.
pub const SIGNATURE_HEADER: &str = "x-twilio-signature";
/// The header naming the SharedKey and algorithm a request is signed with.
pub const SIGNATURE_SETTINGS_HEADER: &str = "x-twilio-webhooks-signature-settings";

/// The HMAC a Twilio request is signed with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Algorithm {
    /// `HMAC_SHA1`, under the Auth Token: the default.
    HmacSha1,
    /// `HMAC_SHA256`, under a SharedKey secret.
    HmacSha256,
}

impl Algorithm {
    /// The algorithm `X-Twilio-Webhooks-Signature-Settings` names, as
    /// twilio-python reads it: the first `algorithm=` entry of its
    /// comma-separated list, in any case; `HMAC_SHA1` when the header is
    /// absent or names none. `None` for an algorithm Twilio does not define.
    ///
    /// ```
    /// use recording_webhooks::twilio::Algorithm;
    ///
    /// assert_eq!(Algorithm::from_settings(None), Some(Algorithm::HmacSha1));
    /// assert_eq!(
    ///     Algorithm::from_settings(Some("key=webhooks_sharedkey_1,algorithm=HMAC_SHA256")),
    ///     Some(Algorithm::HmacSha256)
    /// );
    /// assert_eq!(Algorithm::from_settings(Some("key=k,algorithm=HMAC_MD5")), None);
    /// ```
    #[must_use]
    pub fn from_settings(settings: Option<&str>) -> Option<Algorithm> {
        let named = settings
            .unwrap_or_default()
            .split(',')
            .filter_map(|part| part.split_once('='))
            .find(|(name, value)| name.trim() == "algorithm" && !value.trim().is_empty())
            .map(|(_, value)| value.trim());
        match named {
            None => Some(Algorithm::HmacSha1),
            Some(name) if name.eq_ignore_ascii_case("HMAC_SHA1") => Some(Algorithm::HmacSha1),
            Some(name) if name.eq_ignore_ascii_case("HMAC_SHA256") => Some(Algorithm::HmacSha256),
            Some(_) => None,
        }
    }
}

/// Verifies (and signs) Twilio requests: HMAC-SHA1 under the account's
/// Auth Token, and, once a SharedKey is configured, HMAC-SHA256 under it.
///
/// The two credentials are kept apart: a request whose settings header
/// asks for HMAC-SHA256 is checked against the SharedKey only, and is
/// refused when none is configured, never checked against the Auth Token.
/// `Debug` never shows a key.
#[derive(Clone)]
pub struct Verifier {
    sha1: KeyedMac<Hmac<Sha1>>,
    sha256: Option<KeyedMac<HmacSha256>>,
}

impl fmt::Debug for Verifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Verifier")
            .field("key", &"<redacted>")
            .finish()
    }
}

impl Verifier {
    /// A verifier for the account's Auth Token, used as its UTF-8 bytes: it
    /// checks requests signed with HMAC-SHA1, Twilio's default.
    ///
    /// # Errors
    ///
    /// [`SecretError::Empty`] for an empty token,
    /// [`SecretError::SurroundingWhitespace`] for one that starts or ends
    /// with whitespace (a pasted newline).
    pub fn new(auth_token: &str) -> Result<Verifier, SecretError> {
        let auth_token = SecretError::check(auth_token)?;
        Ok(Verifier {
            sha1: KeyedMac::new(auth_token.as_bytes())?,
            sha256: None,
        })
    }

    /// The same verifier, also checking requests signed with HMAC-SHA256
    /// (`X-Twilio-Webhooks-Signature-Settings: ...,algorithm=HMAC_SHA256`)
    /// under `shared_key`, the SharedKey secret. The Auth Token still
    /// checks HMAC-SHA1 requests, so both can be configured during a
    /// migration.
    ///
    /// # Errors
    ///
    /// As [`Verifier::new`].
    pub fn with_shared_key(self, shared_key: &str) -> Result<Verifier, SecretError> {
        let shared_key = SecretError::check(shared_key)?;
        Ok(Verifier {
            sha256: Some(KeyedMac::new(shared_key.as_bytes())?),
            ..self
        })
    }

    /// Verifies a request. `url` is the full URL Twilio requested (behind
    /// a proxy, the public one); `body` is the raw body (a form, or JSON
    /// with `bodySHA256` in the URL; empty for `GET`).
    ///
    /// # Errors
    ///
    /// [`VerifyError::MissingHeader`] without `X-Twilio-Signature`,
    /// [`VerifyError::InvalidHeader`] when a header is not text, the
    /// settings header names an algorithm Twilio does not define, or asks
    /// for HMAC-SHA256 and no SharedKey is configured,
    /// [`VerifyError::BodyHashMismatch`] when `bodySHA256` does not match
    /// the body, and [`VerifyError::NoMatchingSignature`] otherwise.
    pub fn verify(
        &self,
        url: &str,
        headers: &(impl Headers + ?Sized),
        body: &[u8],
    ) -> Result<(), VerifyError> {
        let [signature, settings] =
            headers.header_bytes_many([SIGNATURE_HEADER, SIGNATURE_SETTINGS_HEADER]);
        let signature = headers::required(SIGNATURE_HEADER, signature)?;
        let settings = settings
            .map(|bytes| headers::text(SIGNATURE_SETTINGS_HEADER, bytes))
            .transpose()?;
        let algorithm = Algorithm::from_settings(settings).ok_or(VerifyError::InvalidHeader {
            name: SIGNATURE_SETTINGS_HEADER,
            reason: "it names an algorithm other than HMAC_SHA1 or HMAC_SHA256",
        })?;
        let matched = match (algorithm, &self.sha256) {
            (Algorithm::HmacSha1, _) => matches(&self.sha1, url, body, signature)?,
            (Algorithm::HmacSha256, Some(shared_key)) => matches(shared_key, url, body, signature)?,
            (Algorithm::HmacSha256, None) => {
                return Err(VerifyError::InvalidHeader {
                    name: SIGNATURE_SETTINGS_HEADER,
                    reason: "it asks for HMAC_SHA256, and no SharedKey is configured (Verifier::with_shared_key)",
                });
            }
        };
        if matched {
            Ok(())
        } else {
            Err(VerifyError::NoMatchingSignature {
                name: SIGNATURE_HEADER,
            })
        }
    }

    /// The HMAC-SHA1 `X-Twilio-Signature` of `url` and form parameters (in
    /// any order), for signing requests in tests.
    ///
    /// ```
    /// use recording_webhooks::twilio::Verifier;
    ///
    /// // twilio-python's own test values.
    /// let verifier = Verifier::new("12345")?;
    /// let params = [("Sid", "CA123"), ("SidAccount", "AC123"), ("Digits", "5678"), ("Digits", "1234")];
    /// assert_eq!(
    ///     verifier.sign_params("https://mycompany.com/myapp.php?foo=1&bar=2", &params),
    ///     "IK+Dwps556ElfBT0I3Rgjkr1wJU="
    /// );
    /// # Ok::<(), recording_webhooks::SecretError>(())
    /// ```
    #[must_use]
    pub fn sign_params(&self, url: &str, params: &[(&str, &str)]) -> String {
        sign_params(&self.sha1, url, params, Repeated::SortedDistinct)
    }

    /// As [`Verifier::sign_params`], with HMAC-SHA256 under the SharedKey;
    /// `None` when no SharedKey is configured.
    #[must_use]
    pub fn sign_params_sha256(&self, url: &str, params: &[(&str, &str)]) -> Option<String> {
        self.sha256
            .as_ref()
            .map(|shared_key| sign_params(shared_key, url, params, Repeated::SortedDistinct))
    }
}

/// Twilio's rule: with `bodySHA256` the URL alone is signed (and the body
/// hash must match); otherwise the URL and the sorted, distinct parameters.
fn matches<M: Mac + KeyInit + Clone>(
    mac: &KeyedMac<M>,
    url: &str,
    body: &[u8],
    signature: &str,
) -> Result<bool, VerifyError> {
    Ok(if body_hash_checked(url, body)? {
        matches_url_alone(mac, url, signature, Spellings::AlsoReencoded)
    } else {
        matches_params(
            mac,
            url,
            body,
            signature,
            Repeated::SortedDistinct,
            Spellings::AlsoReencoded,
        )
    })
}

const _: () =
    crate::webhook::assert_thread_safe::<(Verifier, Webhook, Delivery<AnyCallback>, AnyCallback)>();
