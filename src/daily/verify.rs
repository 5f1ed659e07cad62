//! Daily's webhook signature: base64 HMAC-SHA256 of `{timestamp}.{body}`.

use time::{Duration, OffsetDateTime};

use crate::error::{SecretError, VerifyError};
use crate::headers::{self, Headers};
use crate::mac::{self, HmacSha256, KeyedMac};
use crate::replay::Window;

/// The header holding the signature.
pub const SIGNATURE_HEADER: &str = "x-webhook-signature";
/// The header holding the send time, in Unix seconds.
pub const TIMESTAMP_HEADER: &str = "x-webhook-timestamp";

/// What a request that verified was signed with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Verified {
    /// When Daily signed the request (`X-Webhook-Timestamp`).
    pub timestamp: OffsetDateTime,
}

/// Verifies (and signs) Daily webhook requests.
///
/// The key is the webhook's `hmac` secret, base64-decoded. The signature in
/// `X-Webhook-Signature` is the base64 HMAC-SHA256 of the
/// `X-Webhook-Timestamp` header's text, a `.`, and the raw body. Build one
/// verifier at start-up and share it. `Debug` never shows the key.
///
/// ```
/// use recording_webhooks::daily::Verifier;
/// use time::OffsetDateTime;
///
/// let verifier = Verifier::new("ZXhhbXBsZS1kYWlseS13ZWJob29rLXNlY3JldC0zMmI=")?;
/// let headers = [
///     ("X-Webhook-Timestamp", "1692124192"),
///     ("X-Webhook-Signature", "BnV+rAxZdNWJBPNdbP6qouFoAs7Q4cyFtKyh7npy404="),
/// ];
/// let now = OffsetDateTime::from_unix_timestamp(1692124192)?;
/// let verified = verifier.verify_at(&headers, br#"{"test":"test"}"#, now)?;
/// assert_eq!(verified.timestamp, now);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Verifier {
    mac: KeyedMac<HmacSha256>,
    window: Window,
}

impl Verifier {
    /// A verifier for the webhook's `hmac` secret (base64, padded or not).
    ///
    /// # Errors
    ///
    /// [`SecretError`] when the secret is not base64 or decodes to nothing,
    /// starts or ends with whitespace, or is a Svix / Recall.ai secret
    /// (`whsec_...`).
    ///
    /// ```
    /// use recording_webhooks::{SecretError, daily::Verifier};
    ///
    /// let err = Verifier::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap_err();
    /// assert!(matches!(err, SecretError::WrongProvider { .. }));
    /// assert!(err.to_string().contains("Svix / Recall.ai"));
    /// ```
    pub fn new(secret: &str) -> Result<Verifier, SecretError> {
        let secret = SecretError::check(secret)?;
        if secret.starts_with(crate::svix::SECRET_PREFIX) {
            return Err(SecretError::WrongProvider {
                prefix: crate::svix::SECRET_PREFIX,
                looks_like: "Svix / Recall.ai",
                expected: "the `hmac` secret of a Daily webhook (plain base64)",
            });
        }
        Ok(Verifier {
            mac: KeyedMac::new(&mac::decode_secret(secret)?)?,
            window: Window::default(),
        })
    }

    /// The same verifier with another replay window: requests whose
    /// timestamp is further than `tolerance` from "now", in either direction,
    /// are rejected. A negative tolerance counts as zero. Daily publishes no
    /// window; the default is five minutes.
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
    /// and readable, the timestamp within the tolerance, then the signature.
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
        let [signature, timestamp] =
            headers.header_bytes_many([SIGNATURE_HEADER, TIMESTAMP_HEADER]);
        let signature = headers::required(SIGNATURE_HEADER, signature)?;
        let timestamp_text = headers::required(TIMESTAMP_HEADER, timestamp)?;
        let timestamp = self.window.check(TIMESTAMP_HEADER, timestamp_text, now)?;

        let expected = self.mac.compute(&[timestamp_text.as_bytes(), b".", body]);
        if mac::matches_base64(&expected, signature) {
            Ok(Verified { timestamp })
        } else {
            Err(VerifyError::NoMatchingSignature {
                name: SIGNATURE_HEADER,
            })
        }
    }

    /// The `X-Webhook-Signature` Daily would send for `body` at `timestamp`,
    /// for signing requests in tests.
    ///
    /// ```
    /// use recording_webhooks::daily::Verifier;
    ///
    /// let verifier = Verifier::new("ZXhhbXBsZS1kYWlseS13ZWJob29rLXNlY3JldC0zMmI=")?;
    /// assert_eq!(
    ///     verifier.sign(1692124192, br#"{"test":"test"}"#),
    ///     "BnV+rAxZdNWJBPNdbP6qouFoAs7Q4cyFtKyh7npy404="
    /// );
    /// # Ok::<(), recording_webhooks::SecretError>(())
    /// ```
    #[must_use]
    pub fn sign(&self, timestamp: i64, body: &[u8]) -> String {
        let timestamp = timestamp.to_string();
        mac::to_base64(self.mac.compute(&[timestamp.as_bytes(), b".", body]))
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
