//! The other spellings of a URL that twilio-node checks a signature
//! against, since Twilio does not always sign the URL as it was configured:
//!
//! - as WHATWG `new URL()` writes it: a `'`, a space, `"`, `<`, `>` or a
//!   non-ASCII character of the query percent-encoded (`'` as `%27`), and
//!   the same in the path (with `` ` ``, `{`, `}`), the host in lower case;
//! - that URL with its query as Node's legacy `querystring` writes it back:
//!   each name and value decoded (`+` a space), then encoded again leaving
//!   only `A-Z a-z 0-9 - _ . ! ~ * ' ( )` as they are (`%27` back to `'`,
//!   a space as `%20`), a repeated name's values side by side, names that
//!   are array indices (`1`, `2`) first, in numeric order.
//!
//! Each is also tried with its port changed, as the URL as given is.

use super::params::percent_decode;

/// The URL as `new URL(url).toString()` writes it, or `None` when it is
/// not `scheme://...` or is written that way already.
pub(crate) fn whatwg(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at_checked(authority_end)?;
    let (before_fragment, fragment) = match tail.split_once('#') {
        Some((before, fragment)) => (before, Some(fragment)),
        None => (tail, None),
    };
    let (path, query) = match before_fragment.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (before_fragment, None),
    };
    let mut out = String::with_capacity(url.len().saturating_add(16));
    out.push_str(&scheme.to_ascii_lowercase());
    out.push_str("://");
    // The host in lower case, not the user information before it.
    let host_start = authority.rfind('@').map_or(0, |at| at.saturating_add(1));
    let (userinfo, host) = authority.split_at_checked(host_start)?;
    out.push_str(userinfo);
    out.push_str(&host.to_ascii_lowercase());
    if path.is_empty() {
        out.push('/');
    }
    encode_into(&mut out, path, |b| b"\"<>`{}".contains(&b));
    if let Some(query) = query {
        out.push('?');
        encode_into(&mut out, query, |b| b"\"<>'".contains(&b));
    }
    if let Some(fragment) = fragment {
        out.push('#');
        encode_into(&mut out, fragment, |b| b"\"<>`".contains(&b));
    }
    (out != url).then_some(out)
}

/// `url` with its query written back by Node's legacy `querystring`
/// (`stringify(parse(query))`), or `None` without a query, with a
/// fragment, or when the query is written that way already.
pub(crate) fn legacy_query(url: &str) -> Option<String> {
    if url.contains('#') {
        return None;
    }
    let (base, query) = url.split_once('?')?;
    if query.is_empty() {
        return None;
    }
    // A JavaScript object: one entry per name, in the order names first
    // came, but array indices first in numeric order.
    let mut names: Vec<(String, Vec<String>)> = Vec::new();
    // `querystring.parse` reads at most 1000 pairs.
    for piece in query.split('&').take(1000) {
        if piece.is_empty() {
            continue;
        }
        let (name, value) = piece.split_once('=').unwrap_or((piece, ""));
        let name = decoded(name);
        let value = decoded(value);
        match names.iter_mut().find(|(n, _)| *n == name) {
            Some((_, values)) => values.push(value),
            None => names.push((name, vec![value])),
        }
    }
    // The sort is stable: other names keep their order.
    names.sort_by_key(|(name, _)| array_index(name).map_or((1, 0), |index| (0, index)));
    let mut out = String::with_capacity(url.len().saturating_add(16));
    out.push_str(base);
    out.push('?');
    let mut first = true;
    for (name, values) in &names {
        for value in values {
            if !first {
                out.push('&');
            }
            first = false;
            escape_into(&mut out, name);
            out.push('=');
            escape_into(&mut out, value);
        }
    }
    (out != url).then_some(out)
}

/// A query component decoded as `querystring.unescape` does: `+` a space,
/// `%XX` a byte (a malformed one kept), bytes that are not UTF-8 as U+FFFD.
fn decoded(raw: &str) -> String {
    String::from_utf8_lossy(&percent_decode(raw.as_bytes())).into_owned()
}

/// The name as a JavaScript array index (`0` to 2³² − 2, no leading zero).
fn array_index(name: &str) -> Option<u32> {
    if (name.len() > 1 && name.starts_with('0')) || !name.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    name.parse().ok().filter(|index| *index != u32::MAX)
}

/// Appends `text`, percent-encoding control characters, DEL, non-ASCII
/// bytes, a space and the bytes `also` names (WHATWG's percent-encode
/// sets); an existing `%XX` stays as it is.
fn encode_into(out: &mut String, text: &str, also: impl Fn(u8) -> bool) {
    for byte in text.bytes() {
        if byte <= b' ' || byte >= 0x7F || also(byte) {
            push_escaped(out, byte);
        } else {
            out.push(char::from(byte));
        }
    }
}

/// Appends `text` as `querystring.escape` writes it.
fn escape_into(out: &mut String, text: &str) {
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            out.push(char::from(byte));
        } else {
            push_escaped(out, byte);
        }
    }
}

fn push_escaped(out: &mut String, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push('%');
    for nibble in [byte >> 4, byte & 0x0F] {
        out.push(char::from(
            HEX.get(usize::from(nibble)).copied().unwrap_or(b'0'),
        ));
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn writes_urls_as_node_does() {
        // Node 20: `new URL(..).toString()` and
        // `querystring.stringify(querystring.parse(..))`.
        assert_eq!(
            whatwg("https://Example.com/a b^`{}|\u{7f}/é?x=a b'\"<>^`{}|~!*()%27&y=é&z=%zz")
                .unwrap(),
            "https://example.com/a%20b^%60%7B%7D|%7F/%C3%A9?x=a%20b%27%22%3C%3E^`{}|~!*()%27&y=%C3%A9&z=%zz"
        );
        assert_eq!(
            whatwg("https://example.com?a=1").unwrap(),
            "https://example.com/?a=1"
        );
        assert_eq!(whatwg("https://example.com/p?a=1"), None);
        assert_eq!(
            legacy_query(
                "https://e.com/?x=a+b%27c&2=two&1=one&x=again&k&=v&%zz=1&e=%E2%82%AC&s=%F0%9F"
            )
            .unwrap(),
            "https://e.com/?1=one&2=two&x=a%20b'c&x=again&k=&=v&%25zz=1&e=%E2%82%AC&s=%EF%BF%BD"
        );
        assert_eq!(legacy_query("https://e.com/?a=1&b=2"), None);
        assert_eq!(legacy_query("https://e.com/"), None);
        assert_eq!(legacy_query("https://e.com/?a=%27#f"), None);
        assert_eq!(array_index("01"), None);
        assert_eq!(array_index("4294967295"), None);
        assert_eq!(array_index("4294967294"), Some(4_294_967_294));
    }
}
