//! The one path every form-encoded callback is read through: decode the
//! pairs, take the documented parameters by name with their types, and keep
//! every other parameter in order.

use crate::error::ParseError;
use crate::timestamp::Timestamp;

/// The decoded `name=value` pairs of a form body or query string.
pub(crate) struct Params {
    pairs: Vec<(String, String)>,
}

/// A parameter value's type.
pub(crate) trait FromParam: Sized {
    /// Whether an empty value is a value of the type (text is; a number,
    /// a flag, a time or a documented name is not).
    const EMPTY_IS_A_VALUE: bool = false;

    /// The value, or what is wrong with it (the message never quotes it).
    fn from_param(value: &str) -> Result<Self, String>;
}

impl FromParam for String {
    // Twilio sends `FromCity=`, or `To=` for a Voice SDK call: sent, and
    // empty, which `Some("")` says and `None` would not.
    const EMPTY_IS_A_VALUE: bool = true;

    fn from_param(value: &str) -> Result<String, String> {
        Ok(value.to_owned())
    }
}

impl FromParam for crate::Redacted {
    const EMPTY_IS_A_VALUE: bool = true;

    fn from_param(value: &str) -> Result<crate::Redacted, String> {
        Ok(crate::Redacted::from(value))
    }
}

impl FromParam for u64 {
    fn from_param(value: &str) -> Result<u64, String> {
        value
            .parse()
            .map_err(|_| "expected a whole number".to_owned())
    }
}

impl FromParam for i64 {
    fn from_param(value: &str) -> Result<i64, String> {
        value
            .parse()
            .map_err(|_| "expected a whole number".to_owned())
    }
}

impl FromParam for bool {
    fn from_param(value: &str) -> Result<bool, String> {
        match value {
            "true" | "True" | "TRUE" => Ok(true),
            "false" | "False" | "FALSE" => Ok(false),
            _ => Err("expected true or false".to_owned()),
        }
    }
}

impl FromParam for f64 {
    fn from_param(value: &str) -> Result<f64, String> {
        value
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
            .ok_or_else(|| "expected a number".to_owned())
    }
}

impl FromParam for Timestamp {
    fn from_param(value: &str) -> Result<Timestamp, String> {
        value
            .parse()
            .map_err(|err: crate::TimestampError| err.to_string())
    }
}

/// Every open enum reads any text.
impl<T: crate::open_enum::OpenEnum> FromParam for T {
    fn from_param(value: &str) -> Result<T, String> {
        Ok(T::from(value.to_owned()))
    }
}

/// The `name=value` pairs of a form body or query string, as bytes: split
/// on `&` (empty pieces skipped) and the first `=`, `+` read as a space and
/// `%XX` as the byte it encodes (a `%` not followed by two hex digits stays
/// as it is). The same reading as `application/x-www-form-urlencoded`
/// parsers, without their lossy UTF-8 step: what was signed is exactly what
/// is checked.
pub(crate) fn decode_pairs(body: &[u8]) -> Vec<(Vec<u8>, Vec<u8>)> {
    body.split(|b| *b == b'&')
        .filter(|piece| !piece.is_empty())
        .map(|piece| {
            let (name, value) = match piece.iter().position(|b| *b == b'=') {
                Some(at) => (
                    piece.get(..at).unwrap_or_default(),
                    piece.get(at.saturating_add(1)..).unwrap_or_default(),
                ),
                None => (piece, &b""[..]),
            };
            (percent_decode(name), percent_decode(value))
        })
        .collect()
}

pub(crate) fn percent_decode(raw: &[u8]) -> Vec<u8> {
    let hex = |b: Option<&u8>| b.and_then(|b| char::from(*b).to_digit(16));
    let mut out = Vec::with_capacity(raw.len());
    let mut rest = raw;
    while let Some((&byte, tail)) = rest.split_first() {
        rest = tail;
        match byte {
            b'+' => out.push(b' '),
            b'%' => match (hex(tail.first()), hex(tail.get(1))) {
                (Some(high), Some(low)) => {
                    // Two hex digits: below 256.
                    out.push(
                        u8::try_from(high.saturating_mul(16).saturating_add(low)).unwrap_or(0),
                    );
                    rest = tail.get(2..).unwrap_or_default();
                }
                _ => out.push(b'%'),
            },
            other => out.push(other),
        }
    }
    out
}

impl Params {
    /// Decodes a form body or query string: `+` is a space, `%XX` a byte,
    /// and the bytes of each name and value must be UTF-8.
    ///
    /// # Errors
    ///
    /// [`ParseError::Form`] naming the parameter whose name or value is not
    /// UTF-8 (by position when the name itself is not), never quoting it:
    /// replacing the bytes would store a value that was not sent.
    pub(crate) fn parse(body: &[u8]) -> Result<Params, ParseError> {
        let pairs = decode_pairs(body)
            .into_iter()
            .enumerate()
            .map(|(position, (name, value))| {
                let name = String::from_utf8(name).map_err(|_| {
                    ParseError::form(
                        &format!("#{}", position.saturating_add(1)),
                        "the name is not UTF-8 once percent-decoded",
                    )
                })?;
                let value = String::from_utf8(value).map_err(|_| {
                    ParseError::form(&name, "the value is not UTF-8 once percent-decoded")
                })?;
                Ok((name, value))
            })
            .collect::<Result<_, ParseError>>()?;
        Ok(Params { pairs })
    }

    /// Removes and converts the first `name`. A value that is not of the
    /// type (an empty one, unless the type is text) reads as `None` and
    /// stays among the other parameters, verbatim: an odd optional value
    /// never costs the whole callback.
    pub(crate) fn optional<T: FromParam>(&mut self, name: &str) -> Option<T> {
        let (index, value) = self.find(name)?;
        if value.is_empty() && !T::EMPTY_IS_A_VALUE {
            return None;
        }
        let typed = T::from_param(value).ok()?;
        self.pairs.remove(index);
        Some(typed)
    }

    /// The index and value of the first `name`: apart from the generic
    /// readers, so that it is compiled once rather than per type.
    fn find(&self, name: &str) -> Option<(usize, &str)> {
        self.pairs
            .iter()
            .enumerate()
            .find(|(_, (n, _))| n == name)
            .map(|(index, (_, value))| (index, value.as_str()))
    }

    /// Removes and converts the first `name`, which must be present and of
    /// the type.
    pub(crate) fn required<T: FromParam>(&mut self, name: &str) -> Result<T, ParseError> {
        let (index, _) = self
            .find(name)
            .ok_or_else(|| ParseError::form(name, "missing".to_owned()))?;
        let (_, value) = self.pairs.remove(index);
        T::from_param(&value).map_err(|message| ParseError::form(name, message))
    }

    /// Removes every parameter whose name is `prefix` followed by more,
    /// in order, names and values as sent.
    pub(crate) fn prefixed(&mut self, prefix: &str) -> Vec<(String, String)> {
        let (family, rest) = std::mem::take(&mut self.pairs)
            .into_iter()
            .partition(|(name, _)| name.len() > prefix.len() && name.starts_with(prefix));
        self.pairs = rest;
        family
    }

    /// Whether a parameter named `name` is there.
    pub(crate) fn has(&self, name: &str) -> bool {
        self.pairs.iter().any(|(n, _)| n == name)
    }

    /// Takes the parameters not taken yet, in their order in the body.
    pub(crate) fn rest(&mut self) -> Vec<(String, String)> {
        std::mem::take(&mut self.pairs)
    }
}

/// Writes pairs back as `application/x-www-form-urlencoded`.
pub(crate) fn encode(pairs: &[(&str, String)]) -> String {
    // Cannot fail for string pairs; an empty string is the fail-safe.
    serde_urlencoded::to_string(pairs).unwrap_or_default()
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
    use super::*;

    #[test]
    fn decodes_as_form_urlencoded_parsers_do() {
        for body in [
            &b"a=1&b=x+y&c=%41%2b&&d&e=&=f&g=%zz%4&h=%e2%82%ac&a=2"[..],
            b"",
            b"&&&",
            b"x==y",
            b"%",
            b"k=%F0%9F%9A%92",
        ] {
            let ours: Vec<(String, String)> = decode_pairs(body)
                .into_iter()
                .map(|(n, v)| (String::from_utf8(n).unwrap(), String::from_utf8(v).unwrap()))
                .collect();
            let reference: Vec<(String, String)> = serde_urlencoded::from_bytes(body).unwrap();
            assert_eq!(ours, reference, "{}", String::from_utf8_lossy(body));
        }
    }

    #[test]
    fn invalid_utf8_is_an_error_naming_the_parameter() {
        let err = Params::parse(b"A=1&Name=%FF").err().unwrap();
        assert_eq!(
            err,
            ParseError::Form {
                parameter: "Name".into(),
                message: "the value is not UTF-8 once percent-decoded".into(),
                verified_body: None,
            }
        );
        let err = Params::parse(b"A=1&%FE=x").err().unwrap();
        assert!(err.to_string().contains("`#2`"), "{err}");
        assert!(!err.to_string().contains('\u{fffd}'), "{err}");
        // Two different bytes stay different.
        assert_ne!(decode_pairs(b"A=%FF"), decode_pairs(b"A=%FE"));
    }
}
