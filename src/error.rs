//! The crate's errors: a bad secret, a request that fails verification, and
//! a body that does not parse.
//!
//! Messages name the header, parameter or JSON path that was wrong. They
//! never contain a secret, a signature, or a whole body.

use std::fmt;

use time::Duration;

/// A webhook secret or key that cannot be used.
///
/// Each message says what is wrong, never quoting the secret. `Debug`
/// shows the message too, and what to do, so a `main` that returns the
/// error prints both; name the setting it came from when you report it:
///
/// ```
/// use recording_webhooks::zoom::Webhook;
///
/// let secret = "zoom-test-secret-token-0001\n"; // read from a file, newline and all
/// let err = Webhook::new(secret).map_err(|err| format!("ZOOM_SECRET_TOKEN: {err}")).unwrap_err();
/// assert_eq!(
///     err,
///     "ZOOM_SECRET_TOKEN: the webhook secret starts or ends with whitespace (a newline pasted with it?): remove it"
/// );
/// ```
#[derive(Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SecretError {
    /// The secret (or the key it decodes to) is empty.
    #[error("the webhook secret is empty")]
    Empty,
    /// The secret is not valid base64.
    #[error("the webhook secret is not valid base64: {reason}")]
    InvalidBase64 {
        /// What is wrong with it, without quoting any of it.
        reason: String,
    },
    /// A public key (Standard Webhooks' `whpk_`, Telnyx's base64) that is
    /// not an Ed25519 public key.
    #[error("the public key is not usable: {reason}")]
    InvalidPublicKey {
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The key has a length the MAC does not take. (HMAC takes any
    /// length: kept so that keying can never fall back to a default key.)
    #[error("the key's length is not one the MAC takes")]
    InvalidLength,
    /// The secret starts or ends with whitespace, most often a newline
    /// pasted or read from a file with it. It is refused rather than
    /// trimmed: a key that differs from the provider's by one character
    /// would fail every request with nothing to say why.
    #[error(
        "the webhook secret starts or ends with whitespace (a newline pasted with it?): remove it"
    )]
    SurroundingWhitespace,
    /// The secret has the prefix of another provider's secrets.
    #[error(
        "the secret starts with `{prefix}`, like a {looks_like} secret: this verifier takes {expected}"
    )]
    WrongProvider {
        /// The prefix found.
        prefix: &'static str,
        /// Whose secrets carry it.
        looks_like: &'static str,
        /// What this verifier takes instead.
        expected: &'static str,
    },
    /// A Standard Webhooks asymmetric key (`whpk_` or `whsk_`) was given where
    /// a symmetric `whsec_` secret is expected.
    #[error(
        "the webhook secret starts with `{prefix}`, an ed25519 key, not a `whsec_` HMAC secret"
    )]
    AsymmetricKey {
        /// The prefix found.
        prefix: &'static str,
    },
}

/// The variant, its message and what to do: what a `main` returning the
/// error prints.
impl fmt::Debug for SecretError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (variant, advice) = match self {
            SecretError::Empty => (
                "Empty",
                "give the secret the provider's dashboard shows (an unset environment variable reads as empty)",
            ),
            SecretError::InvalidBase64 { .. } => (
                "InvalidBase64",
                "copy the secret again, whole, from the provider's dashboard",
            ),
            SecretError::InvalidPublicKey { .. } => (
                "InvalidPublicKey",
                "give the public key the sender publishes (Standard Webhooks: `whpk_...`; Telnyx: the portal's base64 key)",
            ),
            SecretError::InvalidLength => ("InvalidLength", "give the key the provider shows"),
            SecretError::SurroundingWhitespace => (
                "SurroundingWhitespace",
                "trim the value where it is read (a file or variable ending in a newline)",
            ),
            SecretError::WrongProvider { .. } => (
                "WrongProvider",
                "give this provider's own secret: another provider's secret never verifies here",
            ),
            SecretError::AsymmetricKey { .. } => (
                "AsymmetricKey",
                "give the `whsec_` secret, or check `v1a` signatures with a public key (`svix::PublicKeyVerifier`)",
            ),
        };
        write!(f, "SecretError::{variant}: {self}; {advice}")
    }
}

impl SecretError {
    /// The secret as given, refused when empty or padded with whitespace.
    pub(crate) fn check(secret: &str) -> Result<&str, SecretError> {
        if secret.is_empty() {
            return Err(SecretError::Empty);
        }
        if secret.trim() != secret {
            return Err(SecretError::SurroundingWhitespace);
        }
        Ok(secret)
    }

    /// Describes a base64 failure by position only: the offending byte is
    /// part of the secret and must not reach a log.
    pub(crate) fn from_base64(err: base64::DecodeError) -> SecretError {
        use base64::DecodeError;
        let reason = match err {
            DecodeError::InvalidByte(position, _) => {
                format!("unexpected character at position {position}")
            }
            DecodeError::InvalidLastSymbol(position, _) => {
                format!("unexpected last character at position {position}")
            }
            DecodeError::InvalidLength(length) => {
                format!("{length} characters is not a valid base64 length")
            }
            DecodeError::InvalidPadding => "wrong padding".to_owned(),
        };
        SecretError::InvalidBase64 { reason }
    }
}

/// A base given to `with_public_url` that cannot be the URL a provider
/// calls: it must be an absolute `https://` (or `http://`) URL, a host
/// and an optional path prefix, nothing more.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the public URL is not an absolute http(s) URL: {reason}")]
#[non_exhaustive]
pub struct PublicUrlError {
    /// What is wrong with it (the URL itself is not quoted: it may carry
    /// credentials).
    pub reason: &'static str,
}

impl PublicUrlError {
    /// `base` as a public base URL, without its trailing `/`, or why not.
    #[cfg(any(feature = "signalwire", feature = "twilio"))]
    pub(crate) fn check(base: &str) -> Result<&str, PublicUrlError> {
        let refuse = |reason| Err(PublicUrlError { reason });
        let lower = base.get(..8).unwrap_or(base).to_ascii_lowercase();
        let rest = if lower.starts_with("https://") {
            base.get(8..)
        } else if lower.starts_with("http://") {
            base.get(7..)
        } else {
            return refuse("it must start with https:// (or http://)");
        };
        let rest = rest.unwrap_or_default();
        let host = rest.split('/').next().unwrap_or_default();
        if host.is_empty() {
            return refuse("it has no host");
        }
        if host.contains('@') {
            return refuse("it must not carry a user or password");
        }
        if base.contains(['?', '#']) {
            return refuse(
                "it must not carry a query or fragment: the request's own path and query are appended to it",
            );
        }
        if base.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return refuse("it contains whitespace or control characters");
        }
        Ok(base.trim_end_matches('/'))
    }
}

/// Why a request failed signature verification.
///
/// Answer every one of these with 401 (or 400): none of them means the
/// sender may retry with the same bytes and succeed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VerifyError {
    /// A header the scheme needs is absent.
    ///
    /// For Recall.ai, a request with none of the `webhook-*` (or `svix-*`)
    /// headers comes from a workspace without a verification secret: Recall
    /// then sends its real-time webhooks, websockets and callbacks unsigned.
    /// Create the workspace secret in Recall's dashboard, or authenticate
    /// those endpoints with a token in their URL
    /// (`recall::QueryToken`).
    #[error("missing header `{name}`")]
    #[non_exhaustive]
    MissingHeader {
        /// The header's name, as the scheme spells it.
        name: &'static str,
    },
    /// A header is present but unusable.
    #[error("invalid header `{name}`: {reason}")]
    #[non_exhaustive]
    InvalidHeader {
        /// The header's name, as the scheme spells it.
        name: &'static str,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The timestamp header is not a whole number of Unix seconds within the
    /// years `time` can represent.
    #[error("invalid header `{name}`: not a Unix timestamp in whole seconds")]
    #[non_exhaustive]
    InvalidTimestamp {
        /// The header's name.
        name: &'static str,
    },
    /// The request was signed longer ago than the tolerance allows: a replay,
    /// or a clock far behind.
    #[error(
        "header `{name}` is {} s in the past, beyond the tolerance of {} s",
        age.whole_seconds(),
        tolerance.whole_seconds()
    )]
    #[non_exhaustive]
    TimestampTooOld {
        /// The header's name.
        name: &'static str,
        /// How long before "now" the request was signed.
        age: Duration,
        /// The verifier's tolerance.
        tolerance: Duration,
    },
    /// The request claims to be signed further in the future than the
    /// tolerance allows.
    #[error(
        "header `{name}` is {} s in the future, beyond the tolerance of {} s",
        ahead.whole_seconds(),
        tolerance.whole_seconds()
    )]
    #[non_exhaustive]
    TimestampTooNew {
        /// The header's name.
        name: &'static str,
        /// How far after "now" the request claims to be signed.
        ahead: Duration,
        /// The verifier's tolerance.
        tolerance: Duration,
    },
    /// The request's URL carries a hash of the body (`bodySHA256`) that
    /// does not match the body received.
    #[error("the body does not match the `{parameter}` hash in the URL")]
    #[non_exhaustive]
    BodyHashMismatch {
        /// The query parameter holding the hash.
        parameter: &'static str,
    },
    /// A query parameter the scheme needs is absent from the URL.
    #[error("missing query parameter `{name}`")]
    #[non_exhaustive]
    MissingParameter {
        /// The parameter's name.
        name: &'static str,
    },
    /// The URL's token does not match the configured one.
    #[error("the query parameter `{name}` does not match the configured token")]
    #[non_exhaustive]
    WrongToken {
        /// The parameter's name.
        name: &'static str,
    },
    /// A header or body larger than the scheme allows, refused before any
    /// hashing.
    #[error("`{name}` is over {limit} bytes")]
    #[non_exhaustive]
    TooLarge {
        /// What was too large (a header's name, or `body`).
        name: &'static str,
        /// The most the scheme allows.
        limit: usize,
    },
    /// A token names a key this verifier does not hold (LiveKit's `iss`,
    /// its API key: not a secret, so named).
    #[error("no secret is configured for the API key `{key}` the token names")]
    #[non_exhaustive]
    UnknownKey {
        /// The key the token names, cut short.
        key: String,
    },
    /// A token signed with an algorithm the scheme does not use (LiveKit's
    /// are HS256; `none` and every other are refused before any key is
    /// touched).
    #[error("the token's algorithm is `{algorithm}`, not {expected}")]
    #[non_exhaustive]
    UnsupportedAlgorithm {
        /// The token's `alg`, cut short (empty when it has none).
        algorithm: String,
        /// The one algorithm accepted.
        expected: &'static str,
    },
    /// The request carries its parameters in the URL's query, which the
    /// provider does not sign (Telnyx signs only the body: a `GET`
    /// callback's signature covers its timestamp alone).
    #[error(
        "the parameters are in the URL's query, which {provider} does not sign: set the callback's method to POST"
    )]
    #[non_exhaustive]
    QueryNotSigned {
        /// The provider.
        provider: &'static str,
    },
    /// A token lacks a claim the scheme requires.
    #[error("the token has no `{name}` claim")]
    #[non_exhaustive]
    MissingClaim {
        /// The claim's name.
        name: &'static str,
    },
    /// The token expired (`exp`) longer ago than the leeway allows.
    #[error(
        "the token expired {} s ago, beyond the leeway of {} s",
        by.whole_seconds(),
        leeway.whole_seconds()
    )]
    #[non_exhaustive]
    TokenExpired {
        /// How long ago it expired.
        by: Duration,
        /// The verifier's leeway.
        leeway: Duration,
    },
    /// The token is not valid yet (`nbf`), or says it was issued in the
    /// future (`iat`), by more than the leeway.
    #[error(
        "the token's `{claim}` is {} s in the future, beyond the leeway of {} s",
        by.whole_seconds(),
        leeway.whole_seconds()
    )]
    #[non_exhaustive]
    TokenNotYetValid {
        /// The claim: `nbf` or `iat`.
        claim: &'static str,
        /// How far in the future it is.
        by: Duration,
        /// The verifier's leeway.
        leeway: Duration,
    },
    /// The body does not match the hash the signed token carries: it was
    /// altered (or re-serialized) after it was signed.
    #[error("the body does not match the token's `{claim}` claim: it was altered after signing")]
    #[non_exhaustive]
    BodyAltered {
        /// The claim holding the body's hash.
        claim: &'static str,
    },
    /// No signature in the header matches the request: wrong secret,
    /// altered body, or a forged request.
    #[error("no signature in header `{name}` matches the request")]
    #[non_exhaustive]
    NoMatchingSignature {
        /// The signature header's name.
        name: &'static str,
    },
}

/// A body that is not the event or callback it should be.
///
/// When [`Webhook::receive`](crate::webhook::Webhook) verified the request
/// before its body failed to parse, the error keeps that body
/// ([`ParseError::verified_body`]): it is the provider's data, signed, and
/// a handler can store it before answering 400.
#[derive(Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// The JSON body is malformed, or a value in it has the wrong type or is
    /// missing.
    #[error("invalid JSON at `{path}` (line {line}, column {column}): {message}")]
    #[non_exhaustive]
    Json {
        /// Where in the document: dotted keys and `[index]` from the root,
        /// `.` for the root itself.
        path: String,
        /// What was wrong, as the JSON parser put it.
        message: String,
        /// The line of the body where the parser stopped (1-based).
        line: usize,
        /// The column of that line where the parser stopped (1-based; 0
        /// when the body ended first).
        column: usize,
        /// The body, when it was verified before it failed to parse.
        verified_body: Option<Vec<u8>>,
    },
    /// A form or query-string parameter is missing or has the wrong type.
    #[error("invalid form parameter `{parameter}`: {message}")]
    #[non_exhaustive]
    Form {
        /// The parameter's name.
        parameter: String,
        /// What was wrong.
        message: String,
        /// The body (or, for a `GET`, the query string), when it was
        /// verified before it failed to parse.
        verified_body: Option<Vec<u8>>,
    },
}

impl ParseError {
    /// The body that failed to parse, when it was verified first: `Some`
    /// only for an error of a `Webhook`'s `receive`, whose signature
    /// checked. Store it (a dead letter) before answering 400: the provider
    /// retries a while, then drops it.
    #[must_use]
    pub fn verified_body(&self) -> Option<&[u8]> {
        match self {
            ParseError::Json { verified_body, .. } | ParseError::Form { verified_body, .. } => {
                verified_body.as_deref()
            }
        }
    }

    /// The same error, keeping `body`, which verified.
    pub(crate) fn with_verified_body(mut self, body: &[u8]) -> ParseError {
        match &mut self {
            ParseError::Json { verified_body, .. } | ParseError::Form { verified_body, .. } => {
                *verified_body = Some(body.to_vec());
            }
        }
        self
    }

    /// A form error, its parameter name and message cut to a bounded
    /// length: both can come from the request.
    #[cfg(any(feature = "signalwire", feature = "twilio", feature = "telnyx"))]
    pub(crate) fn form(parameter: &str, message: impl Into<String>) -> ParseError {
        let mut parameter = parameter.to_owned();
        crate::json_path::shorten(&mut parameter, 64);
        let mut message = message.into();
        crate::json_path::shorten(&mut message, 200);
        ParseError::Form {
            parameter,
            message,
            verified_body: None,
        }
    }
}

/// Shows a kept body by its length only: it is the provider's data, and
/// may hold what a log must not.
impl fmt::Debug for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let body = |body: &Option<Vec<u8>>| body.as_ref().map(|body| BodyLength(body.len()));
        match self {
            ParseError::Json {
                path,
                message,
                line,
                column,
                verified_body,
            } => f
                .debug_struct("Json")
                .field("path", path)
                .field("message", message)
                .field("line", line)
                .field("column", column)
                .field("verified_body", &body(verified_body))
                .finish(),
            ParseError::Form {
                parameter,
                message,
                verified_body,
            } => f
                .debug_struct("Form")
                .field("parameter", parameter)
                .field("message", message)
                .field("verified_body", &body(verified_body))
                .finish(),
        }
    }
}

/// A body in `Debug`: `<932 bytes>`.
struct BodyLength(usize);

impl fmt::Debug for BodyLength {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{} bytes>", self.0)
    }
}

/// Why a webhook request was not accepted: it failed verification, or it
/// verified but its body is not the event or callback it should be.
///
/// Returned by the providers' `Webhook::receive`, which always verifies
/// before it parses. [`Error::status_code`] is the HTTP status to answer.
///
/// ```
/// use recording_webhooks::{Error, VerifyError, recall};
///
/// let webhook = recall::Webhook::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")?;
/// let err = webhook.receive(&[("webhook-timestamp", "1700000000")], b"{}").unwrap_err();
/// assert!(matches!(err, Error::Verify(VerifyError::MissingHeader { name: "webhook-id", .. })));
/// assert_eq!(err.status_code(), 401);
/// assert_eq!(err.to_string(), "missing header `webhook-id`");
/// # Ok::<(), recording_webhooks::SecretError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request is not signed by the provider (or no longer fresh).
    #[error(transparent)]
    Verify(#[from] VerifyError),
    /// The request is signed, but its body does not parse.
    #[error(transparent)]
    Parse(#[from] ParseError),
}

impl Error {
    /// The HTTP status to answer with: 401 for [`Error::Verify`], 400 for
    /// [`Error::Parse`].
    #[must_use]
    pub fn status_code(&self) -> u16 {
        match self {
            Error::Verify(_) => 401,
            Error::Parse(_) => 400,
        }
    }

    /// The body of a request that verified but did not parse: `Some` only
    /// for [`Error::Parse`] out of a `Webhook`'s `receive`, after the
    /// signature checked. It is the provider's data: store it (a dead
    /// letter) before answering 400, or it is lost once the provider stops
    /// retrying.
    ///
    /// ```
    /// use recording_webhooks::recall::Webhook;
    ///
    /// let webhook = Webhook::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")?;
    /// let body = br#"{"event":"bot.done","data":{"bot":"not an object"}}"#;
    /// # let now = time::OffsetDateTime::now_utc().unix_timestamp();
    /// # let signature = webhook.verifier().sign("msg_1", now, body);
    /// # let timestamp = now.to_string();
    /// let headers = [
    ///     ("webhook-id", "msg_1"),
    ///     ("webhook-timestamp", timestamp.as_str()),
    ///     ("webhook-signature", signature.as_str()),
    /// ];
    /// let err = webhook.receive(&headers, body).unwrap_err();
    /// assert_eq!(err.status_code(), 400);
    /// assert_eq!(err.verified_body(), Some(&body[..]));
    ///
    /// // Unsigned: nothing is kept.
    /// let err = webhook.receive(&[("webhook-id", "msg_1")], body).unwrap_err();
    /// assert_eq!(err.verified_body(), None);
    /// # Ok::<(), recording_webhooks::SecretError>(())
    /// ```
    #[must_use]
    pub fn verified_body(&self) -> Option<&[u8]> {
        match self {
            Error::Verify(_) => None,
            Error::Parse(err) => err.verified_body(),
        }
    }

    /// A parse failure of a body that verified: the body is kept.
    pub(crate) fn unparsed(err: ParseError, body: &[u8]) -> Error {
        Error::Parse(err.with_verified_body(body))
    }
}
