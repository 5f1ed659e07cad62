//! HMAC keyed once per verifier, and constant-time matching of signatures.

use base64::Engine as _;
use base64::engine::DecodePaddingMode;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, STANDARD};

use ctutils::CtEq;
use zeroize::Zeroizing;

use crate::error::SecretError;
use hmac::digest::{CtOutput, KeyInit};
use hmac::{Hmac, Mac};

/// HMAC-SHA256, as Svix / Standard Webhooks, Daily and Zoom sign.
pub(crate) type HmacSha256 = Hmac<sha2::Sha256>;

/// An HMAC state that has already absorbed its key.
///
/// Keying costs two compression-function calls; cloning the keyed state per
/// request skips them. The state is key material: the hash cores wipe
/// themselves on drop (the `zeroize` features of `sha1` / `sha2`), and
/// `Debug` never shows it.
#[derive(Clone)]
pub(crate) struct KeyedMac<M>(M);

impl<M> std::fmt::Debug for KeyedMac<M> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

impl<M: Mac + KeyInit + Clone> KeyedMac<M> {
    /// The MAC keyed with `key`. HMAC takes keys of any length; a MAC that
    /// refused one would be an error here, never a default key.
    pub(crate) fn new(key: &[u8]) -> Result<KeyedMac<M>, SecretError> {
        <M as KeyInit>::new_from_slice(key)
            .map(KeyedMac)
            .map_err(|_| SecretError::InvalidLength)
    }

    /// The MAC of the concatenation of `parts`, fed in order without copying
    /// them together.
    pub(crate) fn compute(&self, parts: &[&[u8]]) -> CtOutput<M> {
        self.compute_after(&[], parts)
    }

    /// The MAC of `first` followed by `parts`.
    pub(crate) fn compute_after(&self, first: &[u8], parts: &[&[u8]]) -> CtOutput<M> {
        let mut mac = self.0.clone();
        mac.update(first);
        for part in parts {
            mac.update(part);
        }
        mac.finalize()
    }
}

/// Whether `candidate`, standard padded base64, encodes the MAC `expected`.
///
/// The providers' own libraries accept exactly the canonical encoding of the
/// MAC (strict padding, no stray trailing bits), so the MAC is encoded once
/// and compared as text: cheaper than decoding every candidate.
pub(crate) fn matches_base64<M: Mac>(expected: &CtOutput<M>, candidate: impl AsRef<[u8]>) -> bool {
    // Longest MAC here is SHA-256's 32 bytes: 44 characters.
    let mut buf = [0u8; 44];
    match STANDARD.encode_slice(expected.as_bytes(), &mut buf) {
        Ok(len) => buf
            .get(..len)
            .is_some_and(|encoded| equal_in_constant_time(encoded, candidate.as_ref())),
        Err(_) => false,
    }
}

/// Whether `a` equals `b`, in a time that depends on their lengths only
/// (which are no secret: every signature of a scheme has the same), by
/// `ctutils`, the constant-time crate the MACs themselves compare with:
/// eight bytes at a time, each word compared by its `cmov` primitives (a
/// byte at a time costs more, for the same guarantee).
pub(crate) fn equal_in_constant_time(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let word = |bytes: &[u8]| u64::from_le_bytes(bytes.try_into().unwrap_or_default());
    let (mut a_words, mut b_words) = (a.chunks_exact(8), b.chunks_exact(8));
    let mut equal = a_words.remainder().ct_eq(b_words.remainder());
    for (x, y) in a_words.by_ref().zip(b_words.by_ref()) {
        equal &= word(x).ct_eq(&word(y));
    }
    bool::from(equal)
}

/// Whether `candidate`, lowercase hex, encodes the MAC `expected`: the MAC
/// is encoded once and compared as text, as [`matches_base64`] does.
#[cfg(any(feature = "signalwire", feature = "zoom"))]
pub(crate) fn matches_hex<M: Mac>(expected: &CtOutput<M>, candidate: &str) -> bool {
    // Longest MAC here is SHA-256's 32 bytes: 64 characters. A longer one
    // matches nothing, as in `matches_base64`.
    let mac = expected.as_bytes();
    let mut buf = [0u8; 64];
    let Some(encoded) = buf.get_mut(..mac.len().saturating_mul(2)) else {
        return false;
    };
    for (slot, digit) in encoded.iter_mut().zip(hex_digits(mac)) {
        *slot = digit;
    }
    equal_in_constant_time(encoded, candidate.as_bytes())
}

/// The lowercase hex digits of `bytes`, two a byte.
#[cfg(any(feature = "signalwire", feature = "twilio", feature = "zoom"))]
fn hex_digits(bytes: &[u8]) -> impl Iterator<Item = u8> + '_ {
    bytes
        .iter()
        .flat_map(|byte| [byte / 16, byte % 16])
        .filter_map(|nibble| char::from_digit(u32::from(nibble), 16))
        .filter_map(|digit| u8::try_from(digit).ok())
}

/// Standard padded base64 of a MAC, as signatures are sent.
pub(crate) fn to_base64<M: Mac>(mac: CtOutput<M>) -> String {
    STANDARD.encode(mac.into_bytes())
}

/// Lowercase hex of a MAC, as Zoom and SignalWire (JSON bodies) send
/// signatures.
#[cfg(any(feature = "signalwire", feature = "zoom"))]
pub(crate) fn to_hex<M: Mac>(mac: CtOutput<M>) -> String {
    hex(&mac.into_bytes())
}

/// Lowercase hex of any bytes (a MAC, a body hash).
#[cfg(any(feature = "signalwire", feature = "twilio", feature = "zoom"))]
pub(crate) fn hex(bytes: &[u8]) -> String {
    hex_digits(bytes).map(char::from).collect()
}

/// Secrets are accepted with or without `=` padding, and with non-zero
/// trailing bits in the last character, as the providers' reference
/// libraries (Python's `b64decode`) accept them. Signatures stay strict.
const SECRET_BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

/// The key bytes of a base64 secret, wiped when dropped; an empty key is an
/// error.
pub(crate) fn decode_secret(encoded: &str) -> Result<Zeroizing<Vec<u8>>, SecretError> {
    let key = Zeroizing::new(
        SECRET_BASE64
            .decode(encoded)
            .map_err(SecretError::from_base64)?,
    );
    if key.is_empty() {
        return Err(SecretError::Empty);
    }
    Ok(key)
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
mod tests {
    use hmac::digest::zeroize::ZeroizeOnDrop;

    /// The keyed states hold key-derived hash cores; these wipe themselves.
    fn wiped_on_drop<T: ZeroizeOnDrop>() {}

    #[test]
    fn keyed_states_are_wiped_on_drop() {
        wiped_on_drop::<sha2::Sha256>();
        wiped_on_drop::<sha1::Sha1>();
        wiped_on_drop::<hmac::digest::CtOutput<super::HmacSha256>>();
    }
}
