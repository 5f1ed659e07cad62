//! LiveKit's signature: a JWT in `Authorization`, HS256 under the secret of
//! the API key it names, carrying the SHA-256 of the body.

use std::borrow::Cow;
use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use serde::Deserialize;
use serde_json::Number;
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};

use crate::error::{SecretError, VerifyError};
use crate::headers::Headers;
use crate::mac::{self, HmacSha256, KeyedMac};

/// The header carrying the token: the bare JWT, no `Bearer `.
pub const AUTHORIZATION_HEADER: &str = "authorization";

/// The clock leeway of LiveKit's own server-side verifier (Go), and of its
/// Python and Rust receivers.
pub const DEFAULT_LEEWAY: Duration = Duration::seconds(60);

/// How long the tokens [`Verifier::sign`] mints are valid, as LiveKit's
/// server mints them: five minutes.
const TOKEN_TTL: i64 = 300;

/// The longest token read: LiveKit's are some 300 bytes.
const MAX_TOKEN_LEN: usize = 4096;

/// The largest body hashed: far above any webhook.
const MAX_BODY_LEN: usize = 64 * 1024 * 1024;

/// The one algorithm LiveKit signs with.
const ALGORITHM: &str = "HS256";

/// The longest decoded claims read without allocating.
const CLAIMS_ON_STACK: usize = 255;

/// The claim holding the body's hash.
const BODY_HASH_CLAIM: &str = "sha256";

/// Verifies (and signs) LiveKit webhooks with the secrets of one or more
/// API keys.
///
/// The key is found by the token's `iss`: an egress that brings its own
/// webhook signs with its own key, so a receiver can hold several. `Debug`
/// shows the API keys (they are not secret), never a secret.
///
/// ```
/// use recording_webhooks::livekit::Verifier;
///
/// let verifier = Verifier::new("APIkey123", "secret-that-is-at-least-32-bytes-long!!")?;
/// let body = br#"{"event":"egress_started","id":"EV_9wPq2mZrLk3a","createdAt":"1767225600","egressInfo":{"egressId":"EG_hP5bmxZ2Ab7c","roomId":"RM_Tq2qQ1xWq7Zx","startedAt":"1767225000123456789","roomName":"standup","updatedAt":"1767225000123456789"}}"#;
/// // LiveKit's own token, minted by its Node SDK.
/// let token = "eyJhbGciOiJIUzI1NiJ9.eyJzaGEyNTYiOiJnZjZJNWsxNTJsdFI1NkhadHpGSSttL25pbVB2RDJTcnd4L0h2N0tqTm9VPSIsImlzcyI6IkFQSWtleTEyMyIsImV4cCI6MTc2NzIyNTkwMCwibmJmIjoxNzY3MjI1NjAwfQ.0gAFhjYRLCDiV05lpgu3wR8cmTGlQBihPu_VIWMM1s8";
/// let now = time::OffsetDateTime::from_unix_timestamp(1767225700).unwrap();
/// let verified = verifier.verify_at(&[("Authorization", token)], body, now)?;
/// assert_eq!(verified.api_key, "APIkey123");
/// assert_eq!(verified.expires_at.unix_timestamp(), 1767225900);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Verifier {
    /// API key and its keyed HMAC, in the order added.
    keys: Vec<(String, KeyedMac<HmacSha256>)>,
    leeway: Duration,
}

impl fmt::Debug for Verifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let keys: Vec<&str> = self.keys.iter().map(|(key, _)| key.as_str()).collect();
        f.debug_struct("Verifier")
            .field("api_keys", &keys)
            .field("secrets", &"<redacted>")
            .field("leeway", &self.leeway)
            .finish()
    }
}

/// What a successful verification vouches for.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Verified {
    /// The API key that signed the token (its `iss`).
    pub api_key: String,
    /// When the token expires (`exp`).
    pub expires_at: OffsetDateTime,
    /// When the token was minted (`iat`, else `nbf`), when it says.
    pub issued_at: Option<OffsetDateTime>,
}

/// The token's header, as far as it is read.
#[derive(Deserialize)]
struct Header {
    alg: Option<serde_json::Value>,
}

/// The token's claims, as far as they are read (strings borrowed from the
/// decoded JSON unless escaped).
#[derive(Deserialize)]
struct Claims<'a> {
    #[serde(borrow)]
    iss: Option<Cow<'a, str>>,
    exp: Option<Number>,
    nbf: Option<Number>,
    iat: Option<Number>,
    #[serde(borrow)]
    sha256: Option<Cow<'a, str>>,
}

/// The headers LiveKit's minters write (Go's `{"alg":"HS256","typ":"JWT"}`
/// and Node's `{"alg":"HS256"}`), base64url-encoded: known to say HS256
/// without being decoded.
const MINTED_HEADERS: [&[u8]; 2] = [
    b"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9",
    b"eyJhbGciOiJIUzI1NiJ9",
];

/// A NumericDate (seconds, maybe with a fraction) as whole Unix seconds
/// (the second a fraction falls in); `None` outside the years `time`
/// represents.
fn numeric_date(number: &Number) -> Option<i64> {
    let seconds = match number.as_i64() {
        Some(seconds) => seconds,
        None => {
            let float = number.as_f64()?.floor();
            if !float.is_finite() || float.abs() > 1e15 {
                return None;
            }
            // Within i64 by the check above.
            float as i64
        }
    };
    // The years -9999 to 9999, as `time` represents them.
    (-377_705_116_800..=253_402_300_799)
        .contains(&seconds)
        .then_some(seconds)
}

/// Whole Unix seconds as an instant, once [`numeric_date`] has bounded them.
fn instant(seconds: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(seconds).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// Checks a decoded header names HS256.
fn check_header(header: &[u8]) -> Result<(), VerifyError> {
    let header: Header =
        serde_json::from_slice(header).map_err(|_| malformed("its header is not a JSON object"))?;
    if header.alg.as_ref().and_then(serde_json::Value::as_str) == Some(ALGORITHM) {
        return Ok(());
    }
    let mut algorithm = match header.alg {
        Some(serde_json::Value::String(alg)) => alg,
        Some(other) => other.to_string(),
        None => String::new(),
    };
    crate::json_path::shorten(&mut algorithm, 16);
    Err(VerifyError::UnsupportedAlgorithm {
        algorithm,
        expected: ALGORITHM,
    })
}

fn malformed(reason: &'static str) -> VerifyError {
    VerifyError::InvalidHeader {
        name: AUTHORIZATION_HEADER,
        reason,
    }
}

impl Verifier {
    /// A verifier for one API key and its secret (the secret's own UTF-8
    /// bytes are the HMAC key, never decoded).
    ///
    /// # Errors
    ///
    /// [`SecretError::Empty`] for an empty key or secret,
    /// [`SecretError::SurroundingWhitespace`] for one padded with
    /// whitespace.
    pub fn new(api_key: &str, api_secret: &str) -> Result<Verifier, SecretError> {
        Verifier {
            keys: Vec::new(),
            leeway: DEFAULT_LEEWAY,
        }
        .with_key(api_key, api_secret)
    }

    /// The same verifier, also accepting tokens of another API key (an
    /// egress's own signing key, a key being rotated). A key added again
    /// replaces its secret.
    ///
    /// # Errors
    ///
    /// As [`Verifier::new`].
    pub fn with_key(mut self, api_key: &str, api_secret: &str) -> Result<Verifier, SecretError> {
        let api_key = SecretError::check(api_key)?;
        let secret = SecretError::check(api_secret)?;
        let mac = KeyedMac::new(secret.as_bytes())?;
        self.keys.retain(|(key, _)| key != api_key);
        self.keys.push((api_key.to_owned(), mac));
        Ok(self)
    }

    /// The same verifier with another clock leeway for `exp` and `nbf`
    /// (default 60 s, as LiveKit's own server verifies). A negative leeway
    /// counts as zero.
    #[must_use]
    pub fn with_leeway(self, leeway: Duration) -> Verifier {
        Verifier {
            leeway: leeway.max(Duration::ZERO),
            ..self
        }
    }

    /// The clock leeway in force.
    #[must_use]
    pub fn leeway(&self) -> Duration {
        self.leeway
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

    /// Verifies a request as if the time were `now`: the token's shape,
    /// its algorithm (HS256 only, checked before any key is touched), the
    /// key its `iss` names, its signature, `exp` (required) and `nbf`
    /// within the leeway, then the body against its `sha256` claim.
    ///
    /// # Errors
    ///
    /// [`VerifyError::MissingHeader`] without `Authorization`;
    /// [`VerifyError::TooLarge`] for a token over 4 KiB or a body over
    /// 64 MiB; [`VerifyError::InvalidHeader`] for a token that is not three
    /// base64url segments of JSON objects;
    /// [`VerifyError::UnsupportedAlgorithm`] for one whose `alg` is not
    /// HS256 (`none` included); [`VerifyError::MissingClaim`] without `iss`, `exp` or
    /// `sha256`; [`VerifyError::UnknownKey`] for a key not configured;
    /// [`VerifyError::NoMatchingSignature`] for a signature that does not
    /// match; [`VerifyError::TokenExpired`]; [`VerifyError::TokenNotYetValid`]
    /// (`nbf`, or an `iat` in the future);
    /// [`VerifyError::BodyAltered`] when the body is not the one signed.
    pub fn verify_at(
        &self,
        headers: &(impl Headers + ?Sized),
        body: &[u8],
        now: OffsetDateTime,
    ) -> Result<Verified, VerifyError> {
        // Read as bytes: a token is base64url and dots, which decoding
        // checks.
        let [token] = headers.header_bytes_many([AUTHORIZATION_HEADER]);
        let token = token.unwrap_or_default();
        if token.is_empty() {
            return Err(VerifyError::MissingHeader {
                name: AUTHORIZATION_HEADER,
            });
        }
        if token.len() > MAX_TOKEN_LEN {
            return Err(VerifyError::TooLarge {
                name: AUTHORIZATION_HEADER,
                limit: MAX_TOKEN_LEN,
            });
        }
        if body.len() > MAX_BODY_LEN {
            return Err(VerifyError::TooLarge {
                name: "body",
                limit: MAX_BODY_LEN,
            });
        }
        // LiveKit sends the bare token; a prefix means something else
        // built the request (LiveKit's receivers refuse it too).
        if token
            .get(..7)
            .is_some_and(|prefix| prefix.eq_ignore_ascii_case(b"bearer "))
        {
            return Err(malformed("a bare JWT is expected, not `Bearer <token>`"));
        }
        // Header, claims, signature: a dot inside the claims fails their
        // decoding.
        let (Some(first_dot), Some(last_dot)) = (
            token.iter().position(|b| *b == b'.'),
            token.iter().rposition(|b| *b == b'.'),
        ) else {
            return Err(malformed("not a JWT: three `.`-separated segments"));
        };
        let (Some(header), Some(claims), Some(signature), Some(signing_input)) = (
            token.get(..first_dot),
            token.get(first_dot.saturating_add(1)..last_dot),
            token.get(last_dot.saturating_add(1)..),
            token.get(..last_dot),
        ) else {
            return Err(malformed("not a JWT: three `.`-separated segments"));
        };
        let decode = |segment: &[u8]| {
            URL_SAFE_NO_PAD
                .decode(segment)
                .map_err(|_| malformed("a segment is not unpadded base64url"))
        };
        if !MINTED_HEADERS.contains(&header) {
            check_header(&decode(header)?)?;
        }
        // LiveKit's claims (under 200 bytes) decode on the stack; longer
        // ones, which it does not mint, on the heap.
        let mut on_stack = [0u8; CLAIMS_ON_STACK];
        let on_heap;
        let claims_json = if claims.len() <= CLAIMS_ON_STACK / 3 * 4 {
            let len = URL_SAFE_NO_PAD
                .decode_slice(claims, &mut on_stack)
                .map_err(|_| malformed("a segment is not unpadded base64url"))?;
            on_stack.get(..len).unwrap_or_default()
        } else {
            on_heap = decode(claims)?;
            &on_heap
        };
        let claims: Claims = serde_json::from_slice(claims_json)
            .map_err(|_| malformed("its claims are not a JSON object of the expected types"))?;

        let issuer = claims
            .iss
            .ok_or(VerifyError::MissingClaim { name: "iss" })?;
        let Some((api_key, mac)) = self.keys.iter().find(|(key, _)| *key == issuer) else {
            let mut key = issuer.into_owned();
            crate::json_path::shorten(&mut key, 64);
            return Err(VerifyError::UnknownKey { key });
        };
        let expected = mac.compute(&[signing_input]);
        // The signature decoded, compared as bytes: anything that is not
        // the base64url of 32 bytes matches nothing.
        let mut claimed_signature = [0u8; 32];
        let matched = matches!(
            URL_SAFE_NO_PAD.decode_slice(signature, &mut claimed_signature),
            Ok(32)
        ) && mac::equal_in_constant_time(expected.as_bytes(), &claimed_signature);
        if !matched {
            return Err(VerifyError::NoMatchingSignature {
                name: AUTHORIZATION_HEADER,
            });
        }

        // Times compared in whole seconds, `now`'s fraction dropped.
        let now = now.unix_timestamp();
        let leeway = self.leeway.whole_seconds();
        let expires_at = claims
            .exp
            .as_ref()
            .ok_or(VerifyError::MissingClaim { name: "exp" })
            .and_then(|exp| numeric_date(exp).ok_or(malformed("its `exp` is not a date")))?;
        // The boundary itself is refused, as LiveKit's receivers refuse it.
        let late = now.saturating_sub(expires_at);
        if late >= leeway {
            return Err(VerifyError::TokenExpired {
                by: Duration::seconds(late),
                leeway: self.leeway,
            });
        }
        // `iat` later than now is refused as LiveKit's Go and Python
        // receivers refuse it; `nbf` is the one LiveKit's minters set.
        for (claim, value) in [("nbf", &claims.nbf), ("iat", &claims.iat)] {
            let Some(value) = value else { continue };
            let date = numeric_date(value).ok_or(malformed(if claim == "nbf" {
                "its `nbf` is not a date"
            } else {
                "its `iat` is not a date"
            }))?;
            let early = date.saturating_sub(now);
            if early > leeway {
                return Err(VerifyError::TokenNotYetValid {
                    claim,
                    by: Duration::seconds(early),
                    leeway: self.leeway,
                });
            }
        }

        let claimed = claims.sha256.ok_or(VerifyError::MissingClaim {
            name: BODY_HASH_CLAIM,
        })?;
        let mut claimed_hash = [0u8; 32];
        match STANDARD.decode_slice(claimed.as_bytes(), &mut claimed_hash) {
            Ok(32) => {}
            _ => {
                return Err(malformed(
                    "its `sha256` claim is not the base64 of 32 bytes",
                ));
            }
        }
        let actual = Sha256::digest(body);
        if !mac::equal_in_constant_time(&actual, &claimed_hash) {
            return Err(VerifyError::BodyAltered {
                claim: BODY_HASH_CLAIM,
            });
        }

        let issued_at = claims
            .iat
            .as_ref()
            .or(claims.nbf.as_ref())
            .and_then(numeric_date)
            .map(instant);
        Ok(Verified {
            api_key: api_key.clone(),
            expires_at: instant(expires_at),
            issued_at,
        })
    }

    /// A token for `body` as LiveKit's server mints one, under the first
    /// key, minted at `now` (Unix seconds) and valid five minutes: header
    /// `{"alg":"HS256","typ":"JWT"}`, claims `iss`, `exp`, `nbf`, `iat`,
    /// `sha256`. For tests and `rwh`.
    ///
    /// ```
    /// use recording_webhooks::livekit::Verifier;
    ///
    /// let verifier = Verifier::new("APIkey123", "secret-that-is-at-least-32-bytes-long!!")?;
    /// let token = verifier.sign(b"{}", 1767225600);
    /// let now = time::OffsetDateTime::from_unix_timestamp(1767225600).unwrap();
    /// assert!(verifier.verify_at(&[("Authorization", token.as_str())], b"{}", now).is_ok());
    /// # Ok::<(), recording_webhooks::SecretError>(())
    /// ```
    #[must_use]
    pub fn sign(&self, body: &[u8], now: i64) -> String {
        let Some((api_key, mac)) = self.keys.first() else {
            return String::new();
        };
        let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
        // A string's JSON cannot fail to write.
        let issuer = serde_json::to_string(api_key).unwrap_or_default();
        let hash = STANDARD.encode(Sha256::digest(body));
        let expires = now.saturating_add(TOKEN_TTL);
        // The claims in the order LiveKit's server writes them.
        let claims = format!(
            r#"{{"iss":{issuer},"exp":{expires},"nbf":{now},"iat":{now},"sha256":"{hash}"}}"#
        );
        let signing_input = format!("{header}.{}", URL_SAFE_NO_PAD.encode(claims));
        let signature =
            URL_SAFE_NO_PAD.encode(mac.compute(&[signing_input.as_bytes()]).into_bytes());
        format!("{signing_input}.{signature}")
    }
}

impl crate::webhook::Sealed for Verifier {}
