//! Case-insensitive header lookup over whatever the user's server hands over.

use std::borrow::Borrow;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, Hash};

use crate::error::VerifyError;

/// Read access to the headers of a request, by name, ignoring ASCII case.
///
/// The verifiers take `&impl Headers`, so the headers can come from any HTTP
/// stack without copying: `http::HeaderMap` (feature `http`), a slice, an
/// array or a `Vec` of `(name, value)` pairs, or a `HashMap` / `BTreeMap`
/// from name to value. When a name appears more than once, the first value
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
}

impl<H: Headers + ?Sized> Headers for &H {
    fn header(&self, name: &str) -> Option<&str> {
        (**self).header(name)
    }

    fn header_bytes(&self, name: &str) -> Option<&[u8]> {
        (**self).header_bytes(name)
    }
}

impl<N: AsRef<str>, V: AsRef<str>> Headers for [(N, V)] {
    fn header(&self, name: &str) -> Option<&str> {
        self.iter()
            .find(|(n, _)| n.as_ref().eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_ref())
    }
}

impl<N: AsRef<str>, V: AsRef<str>, const LEN: usize> Headers for [(N, V); LEN] {
    fn header(&self, name: &str) -> Option<&str> {
        self.as_slice().header(name)
    }
}

impl<N: AsRef<str>, V: AsRef<str>> Headers for Vec<(N, V)> {
    fn header(&self, name: &str) -> Option<&str> {
        self.as_slice().header(name)
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
}

/// The text of a header the caller cannot do without.
///
/// Absent is [`VerifyError::MissingHeader`]; present but not UTF-8 is
/// [`VerifyError::InvalidHeader`], so that a garbled header is never
/// reported as a forgotten one.
pub(crate) fn required<'a, H: Headers + ?Sized>(
    headers: &'a H,
    name: &'static str,
) -> Result<&'a str, VerifyError> {
    let bytes = headers
        .header_bytes(name)
        .ok_or(VerifyError::MissingHeader { name })?;
    std::str::from_utf8(bytes).map_err(|_| VerifyError::InvalidHeader {
        name,
        reason: "it is not valid UTF-8",
    })
}
