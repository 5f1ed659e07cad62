//! Envelopes whose payload's type is named by a tag beside it: Recall's
//! `{"event": ..., "data": {...}}` and Daily's `{"type": ..., "payload":
//! {...}}`.
//!
//! Providers send the tag first, so the payload is parsed in place as its
//! type, with no copy and with errors at their exact position. A payload
//! that comes before its tag is kept as raw JSON text
//! ([`RawValue`]) until the tag is read; if it then fails, [`from_slice`]
//! finds where in the body, so the error still names the full path
//! (`data.bot.id`).

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use crate::error::ParseError;

/// A value read from a tagged envelope.
pub(crate) trait Tagged: Sized {
    /// What the tag is read as.
    type Tag: DeserializeOwned + Clone;
    /// The tag's key.
    const TAG: &'static str;
    /// The payload's key.
    const PAYLOAD: &'static str;

    /// Reads the payload of an envelope tagged `tag`.
    fn from_payload<'de, D: Deserializer<'de>>(
        tag: Self::Tag,
        payload: D,
    ) -> Result<Self, D::Error>;
}

/// The tag and payload of one envelope, as its keys are read.
pub(crate) struct Dispatch<T: Tagged> {
    tag: Option<T::Tag>,
    value: Option<T>,
    /// The payload's text, when it came before the tag.
    early: Option<Box<RawValue>>,
}

impl<T: Tagged> Dispatch<T> {
    pub(crate) fn new() -> Dispatch<T> {
        Dispatch {
            tag: None,
            value: None,
            early: None,
        }
    }

    /// Reads the value of `key` when it is the tag or the payload, and
    /// says whether it was. A second tag or payload is an error.
    pub(crate) fn read<'de, A: MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<bool, A::Error> {
        if key == T::TAG {
            if self.tag.is_some() {
                return Err(de::Error::duplicate_field(T::TAG));
            }
            self.tag = Some(map.next_value()?);
        } else if key == T::PAYLOAD {
            if self.value.is_some() || self.early.is_some() {
                return Err(de::Error::duplicate_field(T::PAYLOAD));
            }
            match &self.tag {
                Some(tag) => self.value = Some(map.next_value_seed(Seed::<T>(tag.clone()))?),
                None => self.early = Some(map.next_value()?),
            }
        } else {
            return Ok(false);
        }
        Ok(true)
    }

    /// The payload as its type, once every key has been read.
    pub(crate) fn finish<E: de::Error>(self) -> Result<T, E> {
        let tag = self.tag.ok_or_else(|| E::missing_field(T::TAG))?;
        match (self.value, self.early) {
            (Some(value), _) => Ok(value),
            (None, Some(early)) => {
                // `from_slice`, as every other parse: a `from_str` reader would
                // compile every payload's deserializer a second time.
                T::from_payload(
                    tag,
                    &mut serde_json::Deserializer::from_slice(early.get().as_bytes()),
                )
                .map_err(|err| E::custom(format_args!("in `{}`: {err}", T::PAYLOAD)))
            }
            (None, None) => Err(E::missing_field(T::PAYLOAD)),
        }
    }
}

/// Reads the value of `key` into `slot`, which must still be empty: a key
/// sent twice is an error in every object the crate reads by hand, as it
/// is for derived structs (the last value silently winning would let two
/// readers of one body see different events).
pub(crate) fn read_once<'de, A: MapAccess<'de>, T: de::Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    key: &'static str,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(key));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

/// Reads the payload once the tag is known.
struct Seed<T: Tagged>(T::Tag);

impl<'de, T: Tagged> DeserializeSeed<'de> for Seed<T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        T::from_payload(self.0, deserializer)
    }
}

/// A string borrowed from the body when it has no escapes: an object key,
/// or an open enum's value (whence "a string" in errors, as its own reader
/// says).
pub(crate) struct Key<'de>(Cow<'de, str>);

impl Key<'_> {
    pub(crate) fn into_owned(self) -> String {
        self.0.into_owned()
    }
}

impl std::ops::Deref for Key<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key<'de>, D::Error> {
        struct KeyVisitor<'de>(PhantomData<&'de ()>);

        impl<'de> Visitor<'de> for KeyVisitor<'de> {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(key)))
            }

            fn visit_str<E: de::Error>(self, key: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(key.to_owned())))
            }
        }

        deserializer.deserialize_str(KeyVisitor(PhantomData))
    }
}

/// Parses a body, naming the JSON path of any error.
pub(crate) fn from_slice<T: Tagged + DeserializeOwned>(body: &[u8]) -> Result<T, ParseError> {
    serde_json::from_slice(body).map_err(|err| {
        early_payload_error::<T>(body).unwrap_or_else(|| ParseError::from_json(body, &err))
    })
}

/// The error inside a payload that came before its tag, located in the whole
/// body; `None` when the payload came after its tag (the parser's own
/// position is then exact) or parses.
fn early_payload_error<T: Tagged>(body: &[u8]) -> Option<ParseError> {
    let parts: std::collections::HashMap<Cow<'_, str>, &RawValue> =
        serde_json::from_slice(body).ok()?;
    let (tag, payload) = (parts.get(T::TAG)?, parts.get(T::PAYLOAD)?);
    let offset = |raw: &RawValue| (raw.get().as_ptr() as usize).checked_sub(body.as_ptr() as usize);
    let payload_at = offset(payload)?;
    if payload_at > offset(tag)? {
        return None;
    }
    let tag: T::Tag = serde_json::from_slice(tag.get().as_bytes()).ok()?;
    let text = payload.get();
    let err = T::from_payload(
        tag,
        &mut serde_json::Deserializer::from_slice(text.as_bytes()),
    )
    .err()?;
    Some(ParseError::from_json_within(
        body,
        payload_at,
        text.as_bytes(),
        &err,
    ))
}
