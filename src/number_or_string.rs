//! A value providers send as a JSON number or as a string, as it came.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Number;

/// An id or integer that arrives as a JSON number or as a string: Zoom's
/// meeting ids (a number in recording events, a string in `meeting.*`
/// ones), Recall.ai's participant ids (numbers, once long numeric
/// strings), LiveKit's 64-bit integers (strings, as protobuf's JSON writes
/// them).
///
/// Either form reads, and the value is written back in the form it came
/// in, so a parsed event serializes to the JSON received. Equality compares
/// that form too (`"42"` is not `42`); compare values with
/// [`NumberOrString::as_i64`] / [`NumberOrString::as_u64`], or with an
/// integer directly.
///
/// ```
/// use recording_webhooks::NumberOrString;
///
/// let number: NumberOrString = serde_json::from_str("87565330005")?;
/// let text: NumberOrString = serde_json::from_str(r#""87565330005""#)?;
/// assert_eq!(number.as_u64(), Some(87565330005));
/// assert_eq!(text.as_u64(), Some(87565330005));
/// assert_eq!(text, 87565330005);
/// assert_eq!(serde_json::to_string(&text)?, r#""87565330005""#);
/// assert_eq!(number.to_string(), "87565330005");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct NumberOrString(Wire);

#[derive(Clone, PartialEq, Eq, Hash)]
enum Wire {
    Number(Number),
    Text(Box<str>),
}

impl NumberOrString {
    /// The value as an `i64`: the number, or the string's digits (an
    /// optional `-` and ASCII digits); `None` for anything else, or out of
    /// range.
    #[must_use]
    pub fn as_i64(&self) -> Option<i64> {
        match &self.0 {
            Wire::Number(number) => number.as_i64(),
            Wire::Text(text) => text.parse().ok(),
        }
    }

    /// The value as a `u64`, as [`NumberOrString::as_i64`] without a sign.
    #[must_use]
    pub fn as_u64(&self) -> Option<u64> {
        match &self.0 {
            Wire::Number(number) => number.as_u64(),
            Wire::Text(text) => text.parse().ok(),
        }
    }

    /// The string, when it came as one.
    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match &self.0 {
            Wire::Number(_) => None,
            Wire::Text(text) => Some(text),
        }
    }

    /// Whether it came as a JSON string.
    #[must_use]
    pub fn is_string(&self) -> bool {
        matches!(self.0, Wire::Text(_))
    }
}

impl Default for NumberOrString {
    /// The number `0`.
    fn default() -> NumberOrString {
        NumberOrString(Wire::Number(Number::from(0u8)))
    }
}

impl From<i64> for NumberOrString {
    fn from(value: i64) -> NumberOrString {
        NumberOrString(Wire::Number(Number::from(value)))
    }
}

impl From<u64> for NumberOrString {
    fn from(value: u64) -> NumberOrString {
        NumberOrString(Wire::Number(Number::from(value)))
    }
}

impl From<&str> for NumberOrString {
    fn from(value: &str) -> NumberOrString {
        NumberOrString(Wire::Text(value.into()))
    }
}

impl From<String> for NumberOrString {
    fn from(value: String) -> NumberOrString {
        NumberOrString(Wire::Text(value.into_boxed_str()))
    }
}

impl FromStr for NumberOrString {
    type Err = std::convert::Infallible;

    /// A string, kept as one.
    fn from_str(text: &str) -> Result<NumberOrString, Self::Err> {
        Ok(NumberOrString::from(text))
    }
}

/// An integer literal compares with the value, whichever form it came in.
impl PartialEq<i64> for NumberOrString {
    fn eq(&self, other: &i64) -> bool {
        self.as_i64() == Some(*other)
    }
}

impl fmt::Display for NumberOrString {
    /// The number's digits, or the string.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Wire::Number(number) => fmt::Display::fmt(number, f),
            Wire::Text(text) => f.write_str(text),
        }
    }
}

impl fmt::Debug for NumberOrString {
    /// As its JSON: `42` or `"42"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Wire::Number(number) => fmt::Display::fmt(number, f),
            Wire::Text(text) => fmt::Debug::fmt(text, f),
        }
    }
}

impl Serialize for NumberOrString {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Wire::Number(number) => number.serialize(serializer),
            Wire::Text(text) => serializer.serialize_str(text),
        }
    }
}

impl<'de> Deserialize<'de> for NumberOrString {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<NumberOrString, D::Error> {
        struct NumberOrStringVisitor;

        impl Visitor<'_> for NumberOrStringVisitor {
            type Value = NumberOrString;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number or a string")
            }

            fn visit_i64<E: de::Error>(self, value: i64) -> Result<NumberOrString, E> {
                Ok(NumberOrString::from(value))
            }

            fn visit_u64<E: de::Error>(self, value: u64) -> Result<NumberOrString, E> {
                Ok(NumberOrString::from(value))
            }

            fn visit_f64<E: de::Error>(self, value: f64) -> Result<NumberOrString, E> {
                Number::from_f64(value)
                    .map(|number| NumberOrString(Wire::Number(number)))
                    .ok_or_else(|| E::custom("not a finite number"))
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<NumberOrString, E> {
                Ok(NumberOrString::from(value))
            }

            fn visit_string<E: de::Error>(self, value: String) -> Result<NumberOrString, E> {
                Ok(NumberOrString::from(value))
            }
        }

        deserializer.deserialize_any(NumberOrStringVisitor)
    }
}

#[cfg(any(
    feature = "recall",
    feature = "daily",
    feature = "zoom",
    feature = "livekit"
))]
impl crate::object::Field for NumberOrString {
    const REQUIRED: bool = true;

    fn empty() -> NumberOrString {
        NumberOrString::default()
    }

    fn slot(&mut self) -> crate::object::Slot<'_> {
        crate::object::Slot::NumberOrString(self)
    }
}
