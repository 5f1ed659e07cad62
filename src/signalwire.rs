//! SignalWire (Compatibility API / cXML) callbacks and their signatures.
//!
//! SignalWire's callbacks are Twilio's; the types are shared with
//! [`crate::twilio`], and the verifier applies SignalWire's own rules.
//!
//! Callbacks are form-encoded (`POST`) or in the query string (`GET`):
//! [`Webhook::receive`] verifies and reads one in one call; or verify the
//! request with [`Verifier::verify`], then read it with
//! [`RecordingStatusCallback::from_form`] (or `from_query`), or the
//! neighbouring [`VoiceRequest`], [`StatusCallback`],
//! [`TranscribeCallback`], [`DialActionCallback`],
//! [`RecordActionCallback`] and [`ConferenceStatusCallback`]
//! ([`AnyCallback`] for a URL that receives several). Documented
//! parameters are typed; every other parameter is kept, in order, in
//! `other`, and an optional value that is odd (a number that is not one)
//! stays there too instead of failing the callback.
//! SignalWire ids are UUIDs and are never checked for shape.
//!
//! ```
//! use recording_webhooks::signalwire::{RecordingStatus, RecordingStatusCallback, Verifier};
//!
//! let verifier = Verifier::new("PSK_V3bF8oyeRNpJWGoRWHNYQMUU")?;
//! let url = "https://example.com/signalwire/recording";
//! let body = b"AccountSid=b3877c40-da60-4998-90ad-b792e98472af&RecordingSid=b3877c40-da60-4998-90ad-b792e984re01&RecordingStatus=completed";
//! # let params = [("AccountSid", "b3877c40-da60-4998-90ad-b792e98472af"), ("RecordingSid", "b3877c40-da60-4998-90ad-b792e984re01"), ("RecordingStatus", "completed")];
//! # let signature = verifier.sign_params(url, &params);
//! let headers = [("X-SignalWire-Signature", signature.as_str())];
//! verifier.verify(url, &headers, body)?;
//! let callback = RecordingStatusCallback::from_form(body)?;
//! assert_eq!(callback.recording_status, RecordingStatus::Completed);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! How SignalWire signs, with its Signing Key, in two schemes (HMAC-SHA1):
//!
//! - Scheme A (JSON bodies: RELAY, SWML, newer callbacks): lowercase hex
//!   over the URL followed by the raw body.
//! - Scheme B (form callbacks, Twilio compatible): base64 over the URL
//!   followed by every form parameter's name and value, sorted by name, a
//!   repeated name's values in the order submitted. With `bodySHA256=<hex>`
//!   in the URL's query, the body's SHA-256 must equal it and the HMAC
//!   covers the URL alone.
//!
//! Refused on purpose, where some SignalWire validator accepts:
//! - a scheme B signature over the URL alone (no parameters) for a request
//!   with a body and no `bodySHA256`: SignalWire's newer validators try an
//!   empty parameter list for every body, which leaves the body
//!   unauthenticated;
//! - a JSON body checked as if its members were form parameters (the
//!   fallback of PyPI `signalwire`'s validator): the body that was signed
//!   is the one to check.

use std::fmt;

use hmac::Hmac;
use sha1::Sha1;

use crate::cxml::signature::{self, Repeated, Spellings};
use crate::cxml::webhook::UrlVerifier;
use crate::error::{SecretError, VerifyError};
use crate::headers::{self, Headers};
use crate::mac::{self, KeyedMac};

pub use crate::cxml::callbacks::{
    AmdStatusCallback, AnsweredBy, AnyCallback, CallParams, CallStatus, Callback, CallbackSource,
    ConferenceEvent, ConferenceStatusCallback, DialActionCallback, DialCallStatus, Direction,
    GatherActionCallback, ReasonConferenceEnded, RecordActionCallback, RecordingSource,
    RecordingStatus, RecordingStatusCallback, RecordingTrack, StatusCallback, StirVerstat,
    TranscribeCallback, TranscriptionStatus, VoiceRequest,
};

type HmacSha1 = Hmac<Sha1>;

/// The length of a scheme A signature: SHA-1's 20 bytes in hex.
const HEX_SIGNATURE_LEN: usize = 40;

/// The signature header.
pub const SIGNATURE_HEADER: &str = "x-signalwire-signature";
/// The alias SignalWire's compatibility callbacks may use instead.
pub const TWILIO_SIGNATURE_HEADER: &str = "x-twilio-signature";

/// Verifies (and signs) SignalWire requests with a project's Signing Key.
///
/// ```
/// use recording_webhooks::signalwire::Verifier;
///
/// let verifier = Verifier::new("PSKtest1234567890abcdef")?;
/// let body = br#"{"event":"call.state","params":{"call_id":"abc-123","state":"answered"}}"#;
/// let headers = [("X-SignalWire-Signature", "c3c08c1fefaf9ee198a100d5906765a6f394bf0f")];
/// verifier.verify("https://example.ngrok.io/webhook", &headers, body)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Verifier {
    mac: KeyedMac<HmacSha1>,
}

impl fmt::Debug for Verifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Verifier")
            .field("key", &"<redacted>")
            .finish()
    }
}

impl Verifier {
    /// A verifier for the project's Signing Key (`PSK_...`), used as its
    /// UTF-8 bytes.
    ///
    /// # Errors
    ///
    /// [`SecretError::Empty`] for an empty key: an unset environment
    /// variable must not become a key anyone can sign with.
    /// [`SecretError::SurroundingWhitespace`] for a key that starts or ends
    /// with whitespace (a pasted newline).
    ///
    /// ```
    /// use recording_webhooks::{SecretError, signalwire::Verifier};
    ///
    /// assert!(Verifier::new("PSK_V3bF8oyeRNpJWGoRWHNYQMUU").is_ok());
    /// assert_eq!(Verifier::new("").unwrap_err(), SecretError::Empty);
    /// ```
    pub fn new(signing_key: &str) -> Result<Verifier, SecretError> {
        let signing_key = SecretError::check(signing_key)?;
        Ok(Verifier {
            mac: KeyedMac::new(signing_key.as_bytes())?,
        })
    }

    /// Verifies a request. `url` is the full URL SignalWire requested
    /// (scheme, host, path and query: behind a proxy, rebuild it from the
    /// forwarded headers); `body` is the raw body (form or JSON; empty for
    /// `GET`). Either scheme matching is enough.
    ///
    /// # Errors
    ///
    /// [`VerifyError::MissingHeader`] without `X-SignalWire-Signature` or
    /// `X-Twilio-Signature`, [`VerifyError::InvalidHeader`] when it is not
    /// text, [`VerifyError::BodyHashMismatch`] when the URL's `bodySHA256`
    /// does not match the body, and [`VerifyError::NoMatchingSignature`]
    /// otherwise.
    pub fn verify(
        &self,
        url: &str,
        headers: &(impl Headers + ?Sized),
        body: &[u8],
    ) -> Result<(), VerifyError> {
        let [signalwire, twilio] =
            headers.header_bytes_many([SIGNATURE_HEADER, TWILIO_SIGNATURE_HEADER]);
        let (name, signature) = match (signalwire, twilio) {
            (Some(bytes), _) => (SIGNATURE_HEADER, bytes),
            (None, Some(bytes)) => (TWILIO_SIGNATURE_HEADER, bytes),
            (None, None) => {
                return Err(VerifyError::MissingHeader {
                    name: SIGNATURE_HEADER,
                });
            }
        };
        let signature = headers::text(name, signature)?;

        if signature::body_hash_checked(url, body)?
            && signature::matches_url_alone(&self.mac, url, signature, Spellings::AsGiven)
        {
            return Ok(());
        }
        // Scheme A sends 40 hex digits, scheme B 28 base64 characters: the
        // signature's length says which one to compute, so the body is not
        // hashed for a scheme that cannot match.
        let matched = if signature.len() == HEX_SIGNATURE_LEN {
            signature::url_variants(url)
                .iter()
                .flatten()
                .any(|u| mac::matches_hex(&self.mac.compute(&[u.as_bytes(), body]), signature))
        } else {
            signature::matches_params(
                &self.mac,
                url,
                body,
                signature,
                Repeated::InSubmissionOrder,
                Spellings::AsGiven,
            )
        };
        if matched {
            Ok(())
        } else {
            Err(VerifyError::NoMatchingSignature { name })
        }
    }

    /// Scheme A: the lowercase hex signature of `url` and a raw (JSON)
    /// body, for signing requests in tests.
    #[must_use]
    pub fn sign_body(&self, url: &str, body: &[u8]) -> String {
        mac::to_hex(self.mac.compute(&[url.as_bytes(), body]))
    }

    /// Scheme B: the base64 signature of `url` and form parameters (in any
    /// order: they are sorted by name), for signing requests in tests.
    ///
    /// ```
    /// use recording_webhooks::signalwire::Verifier;
    ///
    /// let verifier = Verifier::new("12345").unwrap();
    /// let params = [("CallSid", "CA1234567890ABCDE"), ("Caller", "+14158675309"), ("Digits", "1234"),
    ///               ("From", "+14158675309"), ("To", "+18005551212")];
    /// assert_eq!(
    ///     verifier.sign_params("https://mycompany.com/myapp.php?foo=1&bar=2", &params),
    ///     "RSOYDt4T1cUTdK1PDd93/VVr8B8="
    /// );
    /// ```
    #[must_use]
    pub fn sign_params(&self, url: &str, params: &[(&str, &str)]) -> String {
        signature::sign_params(&self.mac, url, params, Repeated::InSubmissionOrder)
    }
}

/// Receives SignalWire callbacks in one call: verifies the signature over
/// the URL SignalWire called, then reads the callback.
///
/// SignalWire signs the full public URL it requested. A server behind a
/// proxy sees another one, so the server extractors (features `axum`,
/// `actix-web`) build it from the base given to `with_public_url` and the
/// request's path and query; they trust the `Host` / `X-Forwarded-*`
/// headers instead only after `trust_forwarded_headers`: anyone can send
/// those.
///
/// ```
/// use recording_webhooks::signalwire::{RecordingStatus, RecordingStatusCallback, Webhook};
///
/// let webhook = Webhook::new("PSK_V3bF8oyeRNpJWGoRWHNYQMUU")?;
/// let url = "https://example.com/signalwire/recording";
/// let body = b"AccountSid=b3877c40-da60-4998-90ad-b792e98472af&RecordingSid=b3877c40-da60-4998-90ad-b792e984re01&RecordingStatus=completed";
/// # let params = [("AccountSid", "b3877c40-da60-4998-90ad-b792e98472af"), ("RecordingSid", "b3877c40-da60-4998-90ad-b792e984re01"), ("RecordingStatus", "completed")];
/// # let signature = webhook.verifier().sign_params(url, &params);
/// let headers = [("X-SignalWire-Signature", signature.as_str())];
/// let delivery = webhook.receive::<RecordingStatusCallback>(url, &headers, body)?;
/// assert_eq!(delivery.event().recording_status, RecordingStatus::Completed);
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
    /// A webhook for the project's Signing Key.
    ///
    /// # Errors
    ///
    /// As [`Verifier::new`].
    pub fn new(signing_key: &str) -> Result<Webhook, SecretError> {
        Verifier::new(signing_key).map(Webhook::from)
    }
}

crate::cxml::webhook::url_webhook!(signalwire, "X-SignalWire-Signature");

impl crate::webhook::Sealed for Verifier {}

impl UrlVerifier for Verifier {
    const PROVIDER: &'static str = "signalwire";
    const ID_HEADER: Option<&'static str> = None;

    fn verify_request(
        &self,
        url: &str,
        headers: &(impl Headers + ?Sized),
        body: &[u8],
    ) -> Result<(), VerifyError> {
        self.verify(url, headers, body)
    }
}

/// A verified SignalWire callback. SignalWire sends no delivery id and
/// signs no timestamp: [`Delivery::id`] and [`Delivery::signed_at`] are
/// `None`.
///
/// [`Delivery::id`]: crate::webhook::Delivery::id
/// [`Delivery::signed_at`]: crate::webhook::Delivery::signed_at
pub type Delivery<C> = crate::webhook::Delivery<C, Verifier>;

const _: () =
    crate::webhook::assert_thread_safe::<(Verifier, Webhook, Delivery<AnyCallback>, AnyCallback)>();
