//! SignalWire's request signatures: HMAC-SHA1 keyed with the project's
//! Signing Key, in two schemes.
//!
//! - Scheme A (JSON bodies: RELAY, SWML, newer callbacks): lowercase hex of
//!   HMAC-SHA1 over the URL followed by the raw body.
//! - Scheme B (form callbacks, Twilio compatible): base64 of HMAC-SHA1 over
//!   the URL followed by every form parameter's name and value, sorted by
//!   name (repeated names in body order). With `bodySHA256=<hex>` in the
//!   URL's query, the body's SHA-256 must equal it and the HMAC covers the
//!   URL alone.
//!
//! Both try the URL as given and with its port changed as the reference
//! validators change it: any explicit port removed, or the scheme's default
//! port added.
//!
//! Refused on purpose, where some reference validator accepts:
//! - a scheme B signature over the URL alone (no parameters) for a request
//!   with a body and no `bodySHA256`: SignalWire's newer validators try an
//!   empty parameter list for every body, which leaves the body
//!   unauthenticated;
//! - a JSON body checked as if its members were form parameters (the
//!   fallback of PyPI `signalwire`'s validator): the body that was signed
//!   is the one to check.

use std::borrow::Cow;
use std::fmt;

use hmac::Hmac;
use sha1::Sha1;
use sha2::{Digest, Sha256};

use crate::error::{SecretError, VerifyError};
use crate::headers::{self, Headers};
use crate::mac::{self, KeyedMac};
use hmac::Mac;
use hmac::digest::KeyInit;

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
            mac: KeyedMac::new(signing_key.as_bytes()),
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

        if body_hash_checked(url, body)? && matches_url_alone(&self.mac, url, signature) {
            return Ok(());
        }
        // Scheme A sends 40 hex digits, scheme B 28 base64 characters: the
        // signature's length says which one to compute, so the body is not
        // hashed for a scheme that cannot match.
        let matched = if signature.len() == HEX_SIGNATURE_LEN {
            url_variants(url)
                .iter()
                .flatten()
                .any(|u| mac::matches_hex(&self.mac.compute(&[u.as_bytes(), body]), signature))
        } else {
            matches_params(&self.mac, url, body, signature, Repeated::InSubmissionOrder)
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
        hex(&self.mac.compute(&[url.as_bytes(), body]).into_bytes())
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
        sign_params(&self.mac, url, params, Repeated::InSubmissionOrder)
    }
}

/// Lowercase hex.
fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(bytes.len().saturating_mul(2));
    for byte in bytes {
        // Writing to a `String` cannot fail.
        let _ = write!(out, "{byte:02x}");
    }
    out
}

/// How a provider signs a parameter sent more than once: the one rule in
/// which SignalWire's and Twilio's form signatures differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Repeated {
    /// SignalWire: every value, in the order submitted (`To=b&To=a` signs
    /// `TobToa`).
    InSubmissionOrder,
    /// Twilio: each name's distinct values, sorted.
    SortedDistinct,
}

/// The parameters in the order they are signed: by name, and a repeated
/// name's values as `rule` says. A body that is not a form yields whatever
/// pairs it decodes to, which then match no signature.
fn signed_order<N: Ord, V: Ord>(mut params: Vec<(N, V)>, rule: Repeated) -> Vec<(N, V)> {
    match rule {
        // The sort is stable: a repeated name keeps its values' order.
        Repeated::InSubmissionOrder => params.sort_by(|a, b| a.0.cmp(&b.0)),
        Repeated::SortedDistinct => {
            params.sort();
            params.dedup();
        }
    }
    params
}

/// Whether the URL's `bodySHA256` (when it has one) is the body's SHA-256:
/// `Ok(true)` when it is, `Ok(false)` when the URL has none.
///
/// # Errors
///
/// [`VerifyError::BodyHashMismatch`] when the hash does not match.
pub(crate) fn body_hash_checked(url: &str, body: &[u8]) -> Result<bool, VerifyError> {
    let Some(expected_hash) = query_value(url, "bodySHA256") else {
        return Ok(false);
    };
    // The body and its hash are not secret: plain comparison.
    if hex(&Sha256::digest(body)) == expected_hash {
        Ok(true)
    } else {
        Err(VerifyError::BodyHashMismatch {
            parameter: "bodySHA256",
        })
    }
}

/// Whether `signature` is the base64 MAC of the URL alone (a body covered
/// by `bodySHA256`, or a `GET`), with either port variant.
pub(crate) fn matches_url_alone<M: Mac + KeyInit + Clone>(
    mac: &KeyedMac<M>,
    url: &str,
    signature: &str,
) -> bool {
    url_variants(url)
        .iter()
        .flatten()
        .any(|u| mac::matches_base64(&mac.compute(&[u.as_bytes()]), signature))
}

/// Whether `signature` is the base64 MAC of the URL (either port variant)
/// followed by the form parameters of `body` in signed order.
pub(crate) fn matches_params<M: Mac + KeyInit + Clone>(
    mac: &KeyedMac<M>,
    url: &str,
    body: &[u8],
    signature: &str,
    rule: Repeated,
) -> bool {
    // The decoded bytes, not a lossy UTF-8 reading of them: `A=%FF` and
    // `A=%FE` sign differently.
    let params = signed_order(super::params::decode_pairs(body), rule);
    let mut parts = signed_parts(b"", &params);
    url_variants(url).iter().flatten().any(|u| {
        if let Some(first) = parts.first_mut() {
            *first = u.as_bytes();
        }
        mac::matches_base64(&mac.compute(&parts), signature)
    })
}

/// The base64 MAC of `url` and `params` in signed order.
pub(crate) fn sign_params<M: Mac + KeyInit + Clone>(
    mac: &KeyedMac<M>,
    url: &str,
    params: &[(&str, &str)],
    rule: Repeated,
) -> String {
    let params = signed_order(params.to_vec(), rule);
    mac::to_base64(mac.compute(&signed_parts(url.as_bytes(), &params)))
}

/// What the MAC covers, in pieces: the URL, then each name and value.
fn signed_parts<'a, N: AsRef<[u8]>, V: AsRef<[u8]>>(
    url: &'a [u8],
    params: &'a [(N, V)],
) -> Vec<&'a [u8]> {
    let mut parts = Vec::with_capacity(params.len().saturating_mul(2).saturating_add(1));
    parts.push(url);
    for (name, value) in params {
        parts.push(name.as_ref());
        parts.push(value.as_ref());
    }
    parts
}

/// The first value of query parameter `name` in `url`, decoded.
fn query_value(url: &str, name: &str) -> Option<String> {
    let (_, query) = url.split_once('?')?;
    let query = query.split('#').next().unwrap_or_default();
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).ok()?;
    pairs.into_iter().find(|(n, _)| n == name).map(|(_, v)| v)
}

/// The URL as given, and its twin with the port changed as the reference
/// validators change it (twilio-python's `remove_port` / `add_port`, which
/// SignalWire's own validators call): an explicit port removed, whatever it
/// is, or, without one, the scheme's default added (`:443` for https,
/// `:80` for http). Signers disagree on the port; the path, query and body
/// stay signed either way.
fn url_variants(url: &str) -> [Option<Cow<'_, str>>; 2] {
    let twin = (|| {
        let (scheme, rest) = url.split_once("://")?;
        let default_port = if scheme.eq_ignore_ascii_case("https") {
            "443"
        } else if scheme.eq_ignore_ascii_case("http") {
            "80"
        } else {
            return None;
        };
        let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at_checked(authority_end)?;
        let host_start = authority.rfind('@').map_or(0, |at| at.saturating_add(1));
        let (userinfo, host_and_port) = authority.split_at_checked(host_start)?;
        // A `:` after an IPv6 literal's `]` starts the port.
        let port_at = host_and_port
            .rfind(':')
            .filter(|colon| !host_and_port.get(*colon..).is_some_and(|p| p.contains(']')));
        Some(match port_at {
            None => format!("{scheme}://{userinfo}{host_and_port}:{default_port}{tail}"),
            Some(colon) => format!("{scheme}://{userinfo}{}{tail}", host_and_port.get(..colon)?),
        })
    })();
    [Some(Cow::Borrowed(url)), twin.map(Cow::Owned)]
}
