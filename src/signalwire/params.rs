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
    /// The value, or what is wrong with it (the message never quotes it).
    fn from_param(value: &str) -> Result<Self, String>;
}

impl FromParam for String {
    fn from_param(value: &str) -> Result<String, String> {
        Ok(value.to_owned())
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

impl Params {
    /// Decodes a form body or query string: `+` is a space, `%XX` a byte,
    /// and the bytes are read as UTF-8.
    pub(crate) fn parse(body: &[u8]) -> Result<Params, ParseError> {
        let pairs = serde_urlencoded::from_bytes(body).map_err(|err| ParseError::Form {
            parameter: String::new(),
            message: err.to_string(),
        })?;
        Ok(Params { pairs })
    }

    /// Removes and converts the first `name`. A value that is empty or not
    /// of the type reads as `None` and stays among the other parameters,
    /// verbatim: an odd optional value never costs the whole callback.
    pub(crate) fn optional<T: FromParam>(&mut self, name: &str) -> Option<T> {
        let index = self.pairs.iter().position(|(n, _)| n == name)?;
        let value = self.pairs.get(index).map(|(_, value)| value.as_str())?;
        if value.is_empty() {
            return None;
        }
        let typed = T::from_param(value).ok()?;
        self.pairs.remove(index);
        Some(typed)
    }

    /// Removes and converts the first `name`, which must be present and of
    /// the type.
    pub(crate) fn required<T: FromParam>(&mut self, name: &str) -> Result<T, ParseError> {
        let error = |message: String| ParseError::Form {
            parameter: name.to_owned(),
            message,
        };
        let index = self
            .pairs
            .iter()
            .position(|(n, _)| n == name)
            .ok_or_else(|| error("missing".to_owned()))?;
        let (_, value) = self.pairs.remove(index);
        T::from_param(&value).map_err(error)
    }

    /// The parameters not taken, in their order in the body.
    pub(crate) fn rest(self) -> Vec<(String, String)> {
        self.pairs
    }
}

/// Writes pairs back as `application/x-www-form-urlencoded`.
pub(crate) fn encode(pairs: &[(&str, String)]) -> String {
    // Cannot fail for string pairs; an empty string is the fail-safe.
    serde_urlencoded::to_string(pairs).unwrap_or_default()
}
