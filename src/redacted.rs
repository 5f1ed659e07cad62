//! A credential a payload carries, kept out of `Debug`.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A credential that arrives inside a webhook payload: a download token, a
/// meeting password or passcode, a share token. Every provider's events
/// hold such values in this one type.
///
/// `Debug` shows `<redacted>`, so an event can be logged with `{:?}`
/// without writing the credential next to the URL it opens. Serializing
/// writes the value back unchanged (the event's JSON is the provider's
/// data), and [`Redacted::expose`] hands it over where it is used.
///
/// ```
/// use recording_webhooks::Redacted;
///
/// let token = Redacted::from("eyJhbGciOiJIUzI1NiJ9.e30.sig");
/// assert_eq!(format!("{token:?}"), "<redacted>");
/// assert_eq!(token.expose(), "eyJhbGciOiJIUzI1NiJ9.e30.sig");
/// assert_eq!(serde_json::to_string(&token)?, r#""eyJhbGciOiJIUzI1NiJ9.e30.sig""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Redacted(String);

impl Redacted {
    /// The credential itself, to put where it is used (an `Authorization`
    /// header, a download URL). Never log it.
    #[must_use]
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The credential itself, as [`Redacted::expose`].
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the provider sent an empty value.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<String> for Redacted {
    fn from(value: String) -> Redacted {
        Redacted(value)
    }
}

impl From<&str> for Redacted {
    fn from(value: &str) -> Redacted {
        Redacted(value.to_owned())
    }
}

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

#[cfg(any(
    feature = "recall",
    feature = "daily",
    feature = "zoom",
    feature = "livekit",
    feature = "telnyx"
))]
impl crate::object::Field for Redacted {
    const REQUIRED: bool = true;

    fn empty() -> Redacted {
        Redacted(String::new())
    }

    fn slot(&mut self) -> crate::object::Slot<'_> {
        crate::object::Slot::Text(&mut self.0)
    }
}
