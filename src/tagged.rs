//! Envelopes whose payload's type is named by a tag beside it: Recall's
//! `{"event": ..., "data": {...}}` and Daily's `{"type": ..., "payload":
//! {...}}`.
//!
//! Providers send the tag first, so the payload is parsed in place as its
//! type, with no copy and with errors at their exact position. A body whose
//! payload comes before its tag is read twice by [`from_slice`]: the first
//! pass skips the payload and learns the tag, the second reads the payload
//! in place, so its errors too name the full path (`data.bot.id`) at their
//! position in the body. Other deserializers (a `serde_json::Value`, whose
//! keys are sorted) keep such a payload as a `Value` until the tag is read.

// Telnyx reads its tagged `data` inside a body of its own: built with it
// alone, the whole-body reader (`from_slice` and its passes) goes unused.
#![cfg_attr(
    not(any(feature = "recall", feature = "daily", feature = "zoom")),
    allow(dead_code)
)]

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::Value;

use crate::error::ParseError;
use crate::object::{self, Field, Fields, Key};

/// A value read from a tagged envelope: an event table's `Event`.
///
/// The envelope's keys other than the tag and the payload (Daily's
/// `version`, `id` and `event_ts`; Zoom's `event_ts` and
/// `download_token`) are one [`json_object!`](crate::object) struct, its
/// [`Tagged::Head`], read by the same reader as every payload object; the
/// one envelope reader ([`read_envelope`]) serves every provider.
pub(crate) trait Tagged: Sized {
    /// What the tag is read as.
    type Tag: DeserializeOwned + Clone;
    /// The envelope's other keys.
    type Head: Field + Fields;
    /// The tag's key.
    const TAG: &'static str;
    /// The payload's key.
    const PAYLOAD: &'static str;
    /// What the envelope is, for errors: `a Zoom event: {"event", ...}`.
    const EXPECTING: &'static str;
    /// Whether a key sent twice in an object of the payload is read as the
    /// provider's own (JavaScript) readers read it, the last value winning,
    /// rather than refused. Zoom's own examples repeat keys.
    const LAST_DUPLICATE_WINS: bool = false;

    /// Reads the payload of an envelope tagged `tag`.
    fn from_payload<'de, D: Deserializer<'de>>(
        tag: Self::Tag,
        payload: D,
    ) -> Result<Self, D::Error>;

    /// Puts the envelope's other keys into the event, once every key of
    /// the body has been read (they may come after the payload). A typed
    /// event may require some; an unknown one never fails for a missing
    /// one.
    fn set_head<E: de::Error>(&mut self, head: Self::Head) -> Result<(), E>;

    /// The value of an envelope with neither tag nor payload, when the
    /// provider sends one (Daily's verification ping): `keys` is how many
    /// keys the envelope had, all of them in `head`.
    fn untagged(_head: &Self::Head, _keys: usize) -> Option<Self> {
        None
    }
}

/// The head of an envelope with no keys beside its tag and payload
/// (Recall.ai's): any other key is skipped.
#[cfg(feature = "recall")]
#[derive(serde::Serialize)]
pub(crate) struct NoHead;

#[cfg(feature = "recall")]
impl Fields for NoHead {
    fn expecting(&self) -> &'static str {
        "an envelope"
    }

    fn slot(&mut self, _key: &str) -> Option<(u32, &'static str, object::Slot<'_>)> {
        None
    }

    fn other(&mut self) -> Option<&mut serde_json::Map<String, Value>> {
        None
    }

    fn missing(&self, _seen: u64) -> Option<&'static str> {
        None
    }
}

#[cfg(feature = "recall")]
impl Field for NoHead {
    const REQUIRED: bool = false;

    fn empty() -> NoHead {
        NoHead
    }

    fn slot(&mut self) -> object::Slot<'_> {
        object::Slot::Object(self)
    }
}

/// What becomes of a payload that comes before its tag.
pub(crate) trait Early<T: Tagged> {
    /// Reads or skips the payload, whose type is not known yet.
    fn keep<'de, A: MapAccess<'de>>(&mut self, map: &mut A) -> Result<(), A::Error>;

    /// Whether a payload was met.
    fn met(&self) -> bool;

    /// The payload met, as its type now that every key has been read.
    fn finish<E: de::Error>(self, tag: T::Tag) -> Result<T, E>;
}

/// [`from_slice`]'s first pass: the payload is skipped, and its tag is
/// handed back for a second pass that reads it in place.
pub(crate) struct Skip<'a, T: Tagged> {
    tag: &'a Cell<Option<T::Tag>>,
    met: bool,
}

impl<T: Tagged> Early<T> for Skip<'_, T> {
    fn keep<'de, A: MapAccess<'de>>(&mut self, map: &mut A) -> Result<(), A::Error> {
        map.next_value::<de::IgnoredAny>()?;
        self.met = true;
        Ok(())
    }

    fn met(&self) -> bool {
        self.met
    }

    fn finish<E: de::Error>(self, tag: T::Tag) -> Result<T, E> {
        self.tag.set(Some(tag));
        Err(E::custom("the payload comes before its tag"))
    }
}

/// Any other deserializer: the payload is kept as JSON until its tag is
/// read. Only `Deserialize` uses it, so the crate's own reader does not
/// compile every payload's reader a second time, for `Value`.
#[derive(Default)]
pub(crate) struct Buffer(Option<Value>);

impl<T: Tagged> Early<T> for Buffer {
    fn keep<'de, A: MapAccess<'de>>(&mut self, map: &mut A) -> Result<(), A::Error> {
        self.0 = Some(map.next_value()?);
        Ok(())
    }

    fn met(&self) -> bool {
        self.0.is_some()
    }

    fn finish<E: de::Error>(self, tag: T::Tag) -> Result<T, E> {
        let payload = self.0.unwrap_or_default();
        T::from_payload(tag, payload)
            .map_err(|err| E::custom(format_args!("in `{}`: {err}", T::PAYLOAD)))
    }
}

/// How one envelope is to be read: its tag, when a first pass over the body
/// has read it already, and what becomes of a payload that comes before
/// the tag. Small, as it travels through serde to the visitor, which starts
/// a [`Dispatch`] from it (a `Dispatch` holds the payload, and moving it
/// would copy an event's worth of bytes at every step).
pub(crate) struct Reading<T: Tagged, E> {
    tag: Option<T::Tag>,
    early: E,
}

impl<T: Tagged, E> Reading<T, E> {
    fn new(early: E) -> Reading<T, E> {
        Reading { tag: None, early }
    }

    /// For a second pass over a body whose tag the first one read.
    fn knowing(tag: T::Tag, early: E) -> Reading<T, E> {
        Reading {
            tag: Some(tag),
            early,
        }
    }
}

/// The tag and payload of one envelope, as its keys are read.
pub(crate) struct Dispatch<T: Tagged, E> {
    tag: Option<T::Tag>,
    /// The tag was known before reading (a second pass): its key is skipped.
    known: bool,
    value: Option<T>,
    early: E,
}

impl<T: Tagged, E: Early<T>> Dispatch<T, E> {
    pub(crate) fn new(reading: Reading<T, E>) -> Dispatch<T, E> {
        Dispatch {
            known: reading.tag.is_some(),
            tag: reading.tag,
            value: None,
            early: reading.early,
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
            if self.known {
                // Read, and checked once, by the first pass.
                map.next_value::<de::IgnoredAny>()?;
            } else if self.tag.is_some() {
                return Err(de::Error::duplicate_field(T::TAG));
            } else {
                self.tag = Some(map.next_value()?);
            }
        } else if key == T::PAYLOAD {
            if self.value.is_some() || self.early.met() {
                return Err(de::Error::duplicate_field(T::PAYLOAD));
            }
            match &self.tag {
                Some(tag) => self.value = Some(map.next_value_seed(Seed::<T>(tag.clone()))?),
                None => self.early.keep(map)?,
            }
        } else {
            return Ok(false);
        }
        Ok(true)
    }

    /// The payload as its type, once every key has been read.
    pub(crate) fn finish<Error: de::Error>(self) -> Result<T, Error> {
        let tag = self.tag.ok_or_else(|| Error::missing_field(T::TAG))?;
        if let Some(value) = self.value {
            return Ok(value);
        }
        if self.early.met() {
            return self.early.finish(tag);
        }
        // No payload: an event the crate does not type keeps `null` (it
        // never fails for a missing envelope key); a typed one needs its
        // payload.
        T::from_payload(tag, Value::Null).map_err(|_| Error::missing_field(T::PAYLOAD))
    }
}

/// The `Deserialize` of a tagged type: any deserializer, any key order.
pub(crate) fn deserialize<'de, T: Tagged, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    read_envelope(deserializer, Reading::new(Buffer::default()))
}

/// Reads a whole envelope, in any key order: the tag and the payload
/// through a [`Dispatch`] started from `reading`, every other key into the
/// event's [`Tagged::Head`].
fn read_envelope<'de, T: Tagged, D: Deserializer<'de>, E: Early<T>>(
    deserializer: D,
    reading: Reading<T, E>,
) -> Result<T, D::Error> {
    struct EnvelopeVisitor<T: Tagged, E>(Reading<T, E>);

    impl<'de, T: Tagged, E: Early<T>> Visitor<'de> for EnvelopeVisitor<T, E> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(T::EXPECTING)
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
            let mut dispatch = Dispatch::new(self.0);
            let mut head = T::Head::empty();
            let (mut seen, mut keys, mut others) = (0u64, 0usize, 0usize);
            while let Some(key) = map.next_key::<Key<'de>>()? {
                keys = keys.saturating_add(1);
                if dispatch.read(&key, &mut map)? {
                    continue;
                }
                others = others.saturating_add(1);
                object::read_entry(&mut head, key, &mut seen, &mut map)?;
            }
            if others == keys
                && let Some(value) = T::untagged(&head, keys)
            {
                return Ok(value);
            }
            let mut value = dispatch.finish()?;
            value.set_head(head)?;
            Ok(value)
        }
    }

    deserializer.deserialize_map(EnvelopeVisitor(reading))
}

/// Reads the value of `key` into `slot`, which must still be empty: a key
/// sent twice is an error in every object the crate reads by hand, as it
/// is for derived structs (the last value silently winning would let two
/// readers of one body see different events).
#[cfg(feature = "recall")]
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

/// Parses a body, naming the JSON path of any error.
pub(crate) fn from_slice<T: Tagged>(body: &[u8]) -> Result<T, ParseError> {
    match from_slice_once(body) {
        Ok(value) => Ok(value),
        Err(err) if T::LAST_DUPLICATE_WINS && is_duplicate(&err) => {
            from_slice_last_duplicate_wins(body, &err)
        }
        Err(err) => Err(ParseError::from_json(body, &err)),
    }
}

/// Whether a reader refused a key sent twice (`duplicate field ...`, as
/// serde's own message says).
fn is_duplicate(err: &serde_json::Error) -> bool {
    err.is_data() && err.to_string().starts_with("duplicate field")
}

/// A body with a key sent twice inside its payload, read as a JavaScript
/// reader reads it: the last value of each key, through
/// `serde_json::Value` (whose maps keep the last). A key of the envelope
/// itself sent twice (two `event`s, two tokens) stays an error. Only on
/// this rare path is the body read twice; an error then is reported at the
/// first duplicate's place in the body received.
fn from_slice_last_duplicate_wins<T: Tagged>(
    body: &[u8],
    duplicate: &serde_json::Error,
) -> Result<T, ParseError> {
    let refused = ParseError::from_json(body, duplicate);
    // The envelope's own: the root (`.`) or one of its keys (`event_ts`).
    let in_envelope = matches!(&refused, ParseError::Json { path, .. }
        if path == "." || !path.contains(['.', '[']));
    if in_envelope {
        return Err(refused);
    }
    let deduplicated = serde_json::from_slice::<Value>(body)
        .and_then(|value| serde_json::to_vec(&value))
        .map_err(|err| ParseError::from_json(body, &err))?;
    from_slice_once::<T>(&deduplicated).map_err(|_| refused)
}

/// Reads a body: twice at most, a second pass only when the first met the
/// payload before its tag, and the second knows the tag from the start.
fn from_slice_once<T: Tagged>(body: &[u8]) -> Result<T, serde_json::Error> {
    let early = Cell::new(None);
    let skip = || Skip {
        tag: &early,
        met: false,
    };
    let mut reading = Reading::new(skip());
    loop {
        let mut deserializer = serde_json::Deserializer::from_slice(body);
        let err = match read_envelope(&mut deserializer, reading) {
            // Trailing characters are an error, as in `serde_json::from_slice`.
            Ok(value) => match deserializer.end() {
                Ok(()) => return Ok(value),
                Err(err) => err,
            },
            Err(err) => err,
        };
        match early.take() {
            Some(tag) => reading = Reading::knowing(tag, skip()),
            None => return Err(err),
        }
    }
}
