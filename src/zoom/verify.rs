//! Zoom's webhook signature: `v0=` and the hex HMAC-SHA256 of
//! `v0:{x-zm-request-timestamp}:{body}`, keyed with the app's Secret Token.

use time::{Duration, OffsetDateTime};

use crate::error::{SecretError, VerifyError};
use crate::headers::{self, Headers};
use crate::mac::{self, HmacSha256, KeyedMac};
use crate::replay::Window;

/// The header holding the signature, `v0=<64 lowercase hex digits>`.
pub const SIGNATURE_HEADER: &str = "x-zm-signature";
/// The header holding the send time, in Unix **seconds**.
pub const TIMESTAMP_HEADER: &str = "x-zm-request-timestamp";

/// The version prefix of the signature and of the signed message.
const VERSION: &str = "v0";

/// What a request that verified was signed with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Verified {
    /// When Zoom signed the request (`x-zm-request-timestamp`).
    pub timestamp: OffsetDateTime,
    /// Which Secret Token signed it, in the order added.
    key: usize,
}

/// Verifies (and signs) Zoom webhook requests.
///
/// The key is the Secret Token from the app's event subscription page (not
/// the OAuth client secret), used as its own UTF-8 bytes: never decoded,
/// even when it looks like base64 or hex. The signature is checked over the
/// raw body as received, never a re-serialization of it. Build one verifier
/// at start-up and share it. `Debug` never shows the token.
///
/// ```
/// use recording_webhooks::zoom::Verifier;
/// use time::OffsetDateTime;
///
/// let verifier = Verifier::new("zoom-test-secret-token-0001")?;
/// let body = br#"{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}"#;
/// let headers = [
///     ("x-zm-request-timestamp", "1739923528"),
///     ("x-zm-signature", "v0=c396580094fea489713722c0febf39c0609fcf2a398460b847ac073c59ce910c"),
/// ];
/// let now = OffsetDateTime::from_unix_timestamp(1739923528)?;
/// let verified = verifier.verify_at(&headers, body, now)?;
/// assert_eq!(verified.timestamp, now);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Verifier {
    /// The first Secret Token's keyed state, then the ones added with
    /// `with_secret_token`, tried in that order.
    macs: Vec<KeyedMac<HmacSha256>>,
    window: Window,
}

impl Verifier {
    /// A verifier for the app's Secret Token.
    ///
    /// # Errors
    ///
    /// [`SecretError::Empty`] when the token is empty,
    /// [`SecretError::SurroundingWhitespace`] when it starts or ends with
    /// whitespace.
    pub fn new(secret_token: &str) -> Result<Verifier, SecretError> {
        let secret_token = SecretError::check(secret_token)?;
        Ok(Verifier {
            macs: vec![KeyedMac::new(secret_token.as_bytes())?],
            window: Window::default(),
        })
    }

    /// The same verifier, also accepting requests signed with
    /// `secret_token`, tried after the tokens before it: a token being
    /// rotated, or several Zoom apps behind one URL.
    ///
    /// # Errors
    ///
    /// As [`Verifier::new`].
    pub fn with_secret_token(mut self, secret_token: &str) -> Result<Verifier, SecretError> {
        let secret_token = SecretError::check(secret_token)?;
        self.macs.push(KeyedMac::new(secret_token.as_bytes())?);
        Ok(self)
    }

    /// The same verifier with another replay window: requests whose
    /// timestamp is further than `tolerance` from "now", in either
    /// direction, are rejected. A negative tolerance counts as zero.
    ///
    /// Zoom publishes no window; the default is five minutes, the crate's
    /// default for every timestamped scheme. Zoom retries a delivery that
    /// got a 5xx or no answer 5, 25 and 85 minutes after the first attempt,
    /// and does not say whether a retry carries a fresh timestamp: if it
    /// does not, the retries fall outside five minutes and are answered
    /// 401 (which Zoom does not retry). A receiver that depends on Zoom's
    /// retries can widen the window (90 minutes covers all three), at the
    /// price of a longer window in which a captured request can be
    /// replayed.
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
    /// See [`Verifier::verify_at`].
    pub fn verify(
        &self,
        headers: &(impl Headers + ?Sized),
        body: &[u8],
    ) -> Result<Verified, VerifyError> {
        self.verify_at(headers, body, OffsetDateTime::now_utc())
    }

    /// Verifies a request as if the time were `now`: both headers present
    /// and text, the timestamp whole Unix seconds within the tolerance,
    /// then `x-zm-signature` equal to `v0=` and the lowercase hex HMAC,
    /// compared in constant time.
    ///
    /// # Errors
    ///
    /// [`VerifyError::MissingHeader`], [`VerifyError::InvalidHeader`] (not
    /// text, or a signature without the `v0=` prefix),
    /// [`VerifyError::InvalidTimestamp`], [`VerifyError::TimestampTooOld`],
    /// [`VerifyError::TimestampTooNew`] or
    /// [`VerifyError::NoMatchingSignature`], naming the header at fault.
    pub fn verify_at(
        &self,
        headers: &(impl Headers + ?Sized),
        body: &[u8],
        now: OffsetDateTime,
    ) -> Result<Verified, VerifyError> {
        let [signature, timestamp] =
            headers.header_bytes_many([SIGNATURE_HEADER, TIMESTAMP_HEADER]);
        let signature = headers::required(SIGNATURE_HEADER, signature)?;
        let timestamp_text = headers::required(TIMESTAMP_HEADER, timestamp)?;
        // Digits only: the text is signed as received, so a sign, fraction
        // or exponent would make one instant sign several ways.
        if timestamp_text.is_empty() || !timestamp_text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(VerifyError::InvalidTimestamp {
                name: TIMESTAMP_HEADER,
            });
        }
        let timestamp = self.window.check(TIMESTAMP_HEADER, timestamp_text, now)?;
        let hex = signature
            .strip_prefix(VERSION)
            .and_then(|rest| rest.strip_prefix('='))
            .ok_or(VerifyError::InvalidHeader {
                name: SIGNATURE_HEADER,
                reason: "it does not start with `v0=`",
            })?;
        let parts = [
            VERSION.as_bytes(),
            b":",
            timestamp_text.as_bytes(),
            b":",
            body,
        ];
        self.macs
            .iter()
            .position(|mac| mac::matches_hex(&mac.compute(&parts), hex))
            .map(|key| Verified { timestamp, key })
            .ok_or(VerifyError::NoMatchingSignature {
                name: SIGNATURE_HEADER,
            })
    }

    /// The `x-zm-signature` Zoom would send for `body` at `timestamp`
    /// (Unix seconds), signed with the first Secret Token, for signing
    /// requests in tests.
    ///
    /// ```
    /// use recording_webhooks::zoom::Verifier;
    ///
    /// let verifier = Verifier::new("zoom-test-secret-token-0001")?;
    /// let body = br#"{"event":"session.started","payload":{"account_id":"{ACCOUNT_ID}","object":{"start_time":"2022-07-27T16:56:34Z","id":"{SESSION_ID}"}},"event_ts":1658940994914}"#;
    /// assert_eq!(
    ///     verifier.sign(1739923528, body),
    ///     "v0=a08ef98b95b5fa5aa87bd4efe49284ac0909526ec7ce23b8bb82dc02012da04b"
    /// );
    /// # Ok::<(), recording_webhooks::SecretError>(())
    /// ```
    #[must_use]
    pub fn sign(&self, timestamp: i64, body: &[u8]) -> String {
        let timestamp = timestamp.to_string();
        let parts = [VERSION.as_bytes(), b":", timestamp.as_bytes(), b":", body];
        // `macs` always holds the first token.
        let hex = self
            .macs
            .first()
            .map(|mac| mac::to_hex(mac.compute(&parts)))
            .unwrap_or_default();
        format!("{VERSION}={hex}")
    }

    /// The lowercase hex HMAC of a URL validation's `plainToken` under the
    /// token that verified the request: Zoom's `encryptedToken`. It takes
    /// a [`Verified`], which only a verification makes: over an unverified
    /// request it would sign anything for anyone.
    pub(super) fn encrypt_token(&self, verified: &Verified, plain_token: &str) -> String {
        self.macs
            .get(verified.key)
            .map(|mac| mac::to_hex(mac.compute(&[plain_token.as_bytes()])))
            .unwrap_or_default()
    }
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
