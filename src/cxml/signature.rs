//! The URL-signature scheme Twilio and SignalWire share: HMAC over the URL
//! called followed by the form parameters' names and values sorted by name
//! (base64), or over the URL and the raw body (hex), or over the URL alone
//! with the body's SHA-256 in its query (`bodySHA256`). The providers
//! differ in one rule, how a repeated parameter is signed ([`Repeated`]),
//! and in their MACs; each provider's `Verifier` picks both.
//!
//! Every URL is tried as given and with its port changed as the reference
//! validators change it: any explicit port removed, or the scheme's default
//! port added; Twilio's also with the URL re-encoded as twilio-node does
//! ([`Spellings`]).

use std::borrow::Cow;

use hmac::Mac;
use hmac::digest::KeyInit;
use sha2::{Digest, Sha256};

use super::params::decode_pairs;
#[cfg(feature = "twilio")]
use super::spellings;
use crate::error::VerifyError;
use crate::mac::{self, KeyedMac};

/// How a provider signs a parameter sent more than once: the one rule in
/// which the providers' form signatures differ. Each variant exists with
/// its provider's feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Repeated {
    /// Every value, in the order submitted (`To=b&To=a` signs `TobToa`):
    /// SignalWire.
    #[cfg(feature = "signalwire")]
    InSubmissionOrder,
    /// Each name's distinct values, sorted: Twilio.
    #[cfg(feature = "twilio")]
    SortedDistinct,
}

/// Which spellings of the URL called a provider's validators check a
/// signature against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Spellings {
    /// As given, and with its port changed: SignalWire.
    #[cfg(feature = "signalwire")]
    AsGiven,
    /// Those, then as twilio-node also writes it: WHATWG's `new URL()`,
    /// and that with its query re-encoded by Node's legacy `querystring`
    /// (see `spellings.rs`), each with its port changed too: Twilio.
    #[cfg(feature = "twilio")]
    AlsoReencoded,
}

/// Whether `matches` holds for a spelling of `url`, trying the cheap ones
/// first: a request signed over the URL as given costs no re-encoding.
fn any_spelling(url: &str, spellings: Spellings, mut matches: impl FnMut(&str) -> bool) -> bool {
    if url_variants(url).iter().flatten().any(|u| matches(u)) {
        return true;
    }
    match spellings {
        #[cfg(feature = "signalwire")]
        Spellings::AsGiven => false,
        #[cfg(feature = "twilio")]
        Spellings::AlsoReencoded => {
            // Each is `None` when it spells the URL as already tried.
            let whatwg = spellings::whatwg(url);
            let legacy = spellings::legacy_query(whatwg.as_deref().unwrap_or(url));
            [whatwg, legacy]
                .iter()
                .flatten()
                .any(|spelling| url_variants(spelling).iter().flatten().any(|u| matches(u)))
        }
    }
}

/// The parameters in the order they are signed: by name, and a repeated
/// name's values as `rule` says. A body that is not a form yields whatever
/// pairs it decodes to, which then match no signature.
fn signed_order<N: Ord, V: Ord>(mut params: Vec<(N, V)>, rule: Repeated) -> Vec<(N, V)> {
    match rule {
        // The sort is stable: a repeated name keeps its values' order.
        #[cfg(feature = "signalwire")]
        Repeated::InSubmissionOrder => params.sort_by(|a, b| a.0.cmp(&b.0)),
        #[cfg(feature = "twilio")]
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
    if mac::hex(&Sha256::digest(body)) == expected_hash {
        Ok(true)
    } else {
        Err(VerifyError::BodyHashMismatch {
            parameter: "bodySHA256",
        })
    }
}

/// Whether `signature` is the base64 MAC of the URL alone (a body covered
/// by `bodySHA256`, or a `GET`), in any of its spellings.
pub(crate) fn matches_url_alone<M: Mac + KeyInit + Clone>(
    mac: &KeyedMac<M>,
    url: &str,
    signature: &str,
    spellings: Spellings,
) -> bool {
    any_spelling(url, spellings, |u| {
        mac::matches_base64(&mac.compute(&[u.as_bytes()]), signature)
    })
}

/// Whether `signature` is the base64 MAC of the URL (in any of its
/// spellings) followed by the form parameters of `body` in signed order.
pub(crate) fn matches_params<M: Mac + KeyInit + Clone>(
    mac: &KeyedMac<M>,
    url: &str,
    body: &[u8],
    signature: &str,
    rule: Repeated,
    spellings: Spellings,
) -> bool {
    // The decoded bytes, not a lossy UTF-8 reading of them: `A=%FF` and
    // `A=%FE` sign differently.
    let params = signed_order(decode_pairs(body), rule);
    // The URL changes with the spelling; what follows it does not.
    let parts = parameter_parts(&params);
    any_spelling(url, spellings, |u| {
        mac::matches_base64(&mac.compute_after(u.as_bytes(), &parts), signature)
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
    mac::to_base64(mac.compute_after(url.as_bytes(), &parameter_parts(&params)))
}

/// What the MAC covers after the URL, in pieces: each name and value.
fn parameter_parts<N: AsRef<[u8]>, V: AsRef<[u8]>>(params: &[(N, V)]) -> Vec<&[u8]> {
    let mut parts = Vec::with_capacity(params.len().saturating_mul(2));
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
/// validators change it (the `remove_port` / `add_port` of the Python
/// validators): an explicit port removed, whatever it is, or, without one,
/// the scheme's default added (`:443` for https,
/// `:80` for http). Signers disagree on the port; the path, query and body
/// stay signed either way.
pub(crate) fn url_variants(url: &str) -> [Option<Cow<'_, str>>; 2] {
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
