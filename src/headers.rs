//! Case-insensitive header lookup over whatever the user's server hands over.

use std::borrow::Borrow;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, Hash};

use crate::error::VerifyError;

/// Read access to the headers of a request, by name, ignoring ASCII case.
///
/// The verifiers take `&impl Headers`, so the headers can come from any HTTP
/// stack without copying: `http::HeaderMap` (axum's, hyper's: **with the
/// crate's `http` feature**, which `axum` turns on), actix-web's
/// `HeaderMap` (feature `actix-web`), a slice, an array or a `Vec` of
/// `(name, value)` pairs, or a `HashMap` / `BTreeMap` from name to value. When a name appears more than once, the first value
/// counts.
///
/// ```
/// use recording_webhooks::Headers;
///
/// let headers = [("Webhook-Id", "msg_1"), ("webhook-timestamp", "1614265330")];
/// assert_eq!(headers.header("webhook-id"), Some("msg_1"));
/// assert_eq!(headers.header("WEBHOOK-TIMESTAMP"), Some("1614265330"));
/// assert_eq!(headers.header("webhook-signature"), None);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a set of headers the crate can read",
    note = "`http::HeaderMap` (axum, hyper, reqwest) is one with the crate's `http` feature, actix-web's `HeaderMap` with `actix-web`",
    note = "or pass `&[(name, value)]` pairs, a `Vec` of them, or a `HashMap` / `BTreeMap` of `String`s"
)]
pub trait Headers {
    /// The value of header `name` as text, or `None` when it is absent or
    /// not valid UTF-8.
    fn header(&self, name: &str) -> Option<&str>;

    /// The raw bytes of header `name`, or `None` when it is absent.
    ///
    /// The verifiers use this to tell a header that is missing from one
    /// that is present but not text. The provided implementation returns the
    /// bytes of [`Headers::header`]; types whose values may hold arbitrary
    /// bytes (such as `http::HeaderMap`) override it.
    fn header_bytes(&self, name: &str) -> Option<&[u8]> {
        self.header(name).map(str::as_bytes)
    }

    /// The raw bytes of several headers at once: element `i` of the result
    /// is [`Headers::header_bytes`] of `names[i]`.
    ///
    /// The verifiers read all their headers through this, so a type that can
    /// find several names in one pass should override it: `http::HeaderMap`
    /// and the pair lists do, since a walk over a request's dozen headers
    /// costs less than hashing each name.
    fn header_bytes_many<const N: usize>(&self, names: [&str; N]) -> [Option<&[u8]>; N] {
        names.map(|name| self.header_bytes(name))
    }
}

/// One pass over `(name, value)` entries, keeping the first value of each
/// wanted name.
pub(crate) fn first_of_each<'a, const N: usize>(
    entries: impl Iterator<Item = (&'a str, &'a [u8])>,
    names: [&str; N],
) -> [Option<&'a [u8]>; N] {
    let mut found = [None; N];
    for (name, value) in entries {
        for (slot, wanted) in found.iter_mut().zip(names) {
            // Servers keep names lowercase, as the verifiers ask for them:
            // an exact match is the common case, and cheaper to find.
            if slot.is_none() && (name == wanted || name.eq_ignore_ascii_case(wanted)) {
                *slot = Some(value);
            }
        }
    }
    found
}

impl<H: Headers + ?Sized> Headers for &H {
    fn header(&self, name: &str) -> Option<&str> {
        (**self).header(name)
    }

    fn header_bytes(&self, name: &str) -> Option<&[u8]> {
        (**self).header_bytes(name)
    }

    // Forwarded, so that a reference keeps the one-pass lookup.
    fn header_bytes_many<const N: usize>(&self, names: [&str; N]) -> [Option<&[u8]>; N] {
        (**self).header_bytes_many(names)
    }
}

impl<N: AsRef<str>, V: AsRef<str>> Headers for [(N, V)] {
    fn header(&self, name: &str) -> Option<&str> {
        self.iter()
            .find(|(n, _)| n.as_ref().eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_ref())
    }

    fn header_bytes_many<const M: usize>(&self, names: [&str; M]) -> [Option<&[u8]>; M] {
        first_of_each(
            self.iter()
                .map(|(n, v)| (n.as_ref(), v.as_ref().as_bytes())),
            names,
        )
    }
}

impl<N: AsRef<str>, V: AsRef<str>, const LEN: usize> Headers for [(N, V); LEN] {
    fn header(&self, name: &str) -> Option<&str> {
        self.as_slice().header(name)
    }

    fn header_bytes_many<const M: usize>(&self, names: [&str; M]) -> [Option<&[u8]>; M] {
        self.as_slice().header_bytes_many(names)
    }
}

impl<N: AsRef<str>, V: AsRef<str>> Headers for Vec<(N, V)> {
    fn header(&self, name: &str) -> Option<&str> {
        self.as_slice().header(name)
    }

    fn header_bytes_many<const M: usize>(&self, names: [&str; M]) -> [Option<&[u8]>; M] {
        self.as_slice().header_bytes_many(names)
    }
}

impl<K, V, S> Headers for HashMap<K, V, S>
where
    K: Borrow<str> + Eq + Hash,
    V: AsRef<str>,
    S: BuildHasher,
{
    fn header(&self, name: &str) -> Option<&str> {
        // An exact hit is the common case (frameworks store lowercase names);
        // only a miss pays for the case-insensitive scan.
        self.get(name)
            .or_else(|| find_ignoring_case(self, name))
            .map(AsRef::as_ref)
    }
}

impl<K, V> Headers for BTreeMap<K, V>
where
    K: Borrow<str> + Ord,
    V: AsRef<str>,
{
    fn header(&self, name: &str) -> Option<&str> {
        self.get(name)
            .or_else(|| find_ignoring_case(self, name))
            .map(AsRef::as_ref)
    }
}

/// The first entry of a map whose key equals `name` ignoring ASCII case.
fn find_ignoring_case<'a, K: Borrow<str> + 'a, V: 'a>(
    entries: impl IntoIterator<Item = (&'a K, &'a V)>,
    name: &str,
) -> Option<&'a V> {
    entries
        .into_iter()
        .find(|(key, _)| Borrow::<str>::borrow(*key).eq_ignore_ascii_case(name))
        .map(|(_, value)| value)
}

#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
impl Headers for http::HeaderMap {
    fn header(&self, name: &str) -> Option<&str> {
        self.header_bytes(name)
            .and_then(|bytes| std::str::from_utf8(bytes).ok())
    }

    fn header_bytes(&self, name: &str) -> Option<&[u8]> {
        // `HeaderMap::get` lowercases `name` itself; a name that is not a
        // valid header name cannot be present.
        self.get(name).map(http::HeaderValue::as_bytes)
    }

    fn header_bytes_many<const N: usize>(&self, names: [&str; N]) -> [Option<&[u8]>; N] {
        first_of_each(self.iter().map(|(n, v)| (n.as_str(), v.as_bytes())), names)
    }
}

/// The bytes of header `name` as text, or [`VerifyError::InvalidHeader`].
pub(crate) fn text<'a>(name: &'static str, bytes: &'a [u8]) -> Result<&'a str, VerifyError> {
    std::str::from_utf8(bytes).map_err(|_| VerifyError::InvalidHeader {
        name,
        reason: "it is not valid UTF-8",
    })
}

/// The text of header `name`, which must be present:
/// [`VerifyError::MissingHeader`] when it is not, as [`text`] otherwise.
#[cfg(any(
    feature = "twilio",
    feature = "daily",
    feature = "zoom",
    feature = "telnyx"
))]
pub(crate) fn required<'a>(
    name: &'static str,
    bytes: Option<&'a [u8]>,
) -> Result<&'a str, VerifyError> {
    text(name, bytes.ok_or(VerifyError::MissingHeader { name })?)
}
