//! JSON objects read by one shared reader instead of a derived
//! `Deserialize` per struct.
//!
//! A derived `Deserialize` compiles a visitor for every struct and inlines
//! the parser into every field of it; across the payload structs of the JSON
//! providers that was most of the crate's build time. Here a struct only says
//! where the value of each of its keys goes ([`Fields::slot`]); one reader,
//! compiled once per parser, reads every object. The values themselves are
//! read by their own `Deserialize`, so errors read exactly as a derived
//! struct's: `missing field`, `duplicate field`, `invalid type ..., expected
//! ...`, at the same place in the body.
//!
//! The table also writes the struct back (`Serialize`), so its wire names
//! live in one place.
//!
//! A struct opts in with [`json_object!`], which lists its keys in
//! declaration order (the first missing key is the one reported, and keys
//! are written in that order) and names the field that keeps unknown keys,
//! if any.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use crate::open_enum::OpenEnum;
use crate::timestamp::Timestamp;

// The traits are `pub` in this private module: the generic payloads' public
// `Deserialize` impls name them as bounds, and they stay unnameable outside
// the crate.

/// Where the value of one key goes.
pub enum Slot<'a> {
    Text(&'a mut String),
    Unsigned(&'a mut u64),
    Integer(&'a mut i64),
    Float(&'a mut f64),
    Flag(&'a mut bool),
    Number(&'a mut Number),
    Time(&'a mut Timestamp),
    #[cfg(any(
        feature = "recall",
        feature = "daily",
        feature = "zoom",
        feature = "livekit"
    ))]
    NumberOrString(&'a mut crate::number_or_string::NumberOrString),
    Map(&'a mut Map<String, Value>),
    Value(&'a mut Value),
    /// A string read as an open enum.
    Word(&'a mut dyn Word),
    /// A protojson enum: its value's name, or its number.
    #[cfg(feature = "livekit")]
    NameOrNumber(&'a mut dyn NameOrNumber),
    /// A value read through `serde_json::Value`: for the rare field type
    /// with a reader of its own (an untagged enum, a numeric code).
    #[cfg(any(feature = "recall", feature = "zoom"))]
    Parsed(&'a mut dyn Parsed),
    /// A nested object.
    Object(&'a mut dyn Fields),
    /// `null` or the value.
    Nullable(&'a mut dyn Nullable),
    /// An array of values.
    List(&'a mut dyn List),
}

/// A field's type, as the reader fills it (and as the table writes it back,
/// through its own `Serialize`).
pub trait Field: serde::Serialize {
    /// Whether an object without the key is an error, unless the table
    /// marks the field `#[default]`.
    const REQUIRED: bool;

    /// The value the field holds until its key is read (never seen by a
    /// user: a required key that never comes is an error).
    fn empty() -> Self;

    /// Where the key's value goes.
    fn slot(&mut self) -> Slot<'_>;

    /// Whether writing leaves the key out: an absent `Option` (the wire's
    /// `null` and a missing key read alike).
    fn absent(&self) -> bool {
        false
    }
}

/// The keys of one object, as [`json_object!`] lists them.
pub trait Fields {
    /// What the object is, for errors: `struct Recording`.
    fn expecting(&self) -> &'static str;

    /// The index, wire name and slot of `key`, or `None` for a key the
    /// struct does not name.
    fn slot(&mut self, key: &str) -> Option<(u32, &'static str, Slot<'_>)>;

    /// The map that keeps unknown keys, for the structs that keep them.
    fn other(&mut self) -> Option<&mut Map<String, Value>>;

    /// The first required key (in declaration order) whose index is not in
    /// `seen`.
    fn missing(&self, seen: u64) -> Option<&'static str>;
}

/// Key `index`'s bit in the reader's record of keys seen (`json_object!`
/// checks at compile time that every index is below 64).
pub(crate) fn seen_bit(index: u32) -> u64 {
    1u64.checked_shl(index).unwrap_or(0)
}

/// An open enum field, set from the string sent.
pub trait Word {
    fn set(&mut self, word: &str);
}

/// A field read through `serde_json::Value`.
#[cfg(any(feature = "recall", feature = "zoom"))]
pub trait Parsed {
    fn set(&mut self, value: Value) -> Result<(), serde_json::Error>;
}

/// An `Option` field: `null` leaves it `None`.
pub trait Nullable {
    fn clear(&mut self);
    fn fill(&mut self) -> Slot<'_>;
}

/// A protojson enum field: set from a value's name or number.
#[cfg(feature = "livekit")]
pub trait NameOrNumber {
    fn set_name(&mut self, name: &str);
    fn set_number(&mut self, number: i64);
}

/// Reads a protojson enum into `slot`.
#[cfg(feature = "livekit")]
pub(crate) fn read_name_or_number<'de, D: Deserializer<'de>>(
    deserializer: D,
    slot: &mut dyn NameOrNumber,
) -> Result<(), D::Error> {
    deserializer.deserialize_any(NameOrNumberVisitor(slot))
}

#[cfg(feature = "livekit")]
struct NameOrNumberVisitor<'a>(&'a mut dyn NameOrNumber);

#[cfg(feature = "livekit")]
impl Visitor<'_> for NameOrNumberVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an enum value's name or number")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<(), E> {
        self.0.set_name(name);
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, number: i64) -> Result<(), E> {
        self.0.set_number(number);
        Ok(())
    }

    fn visit_u64<E: de::Error>(self, number: u64) -> Result<(), E> {
        let number = i64::try_from(number)
            .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(number), &self))?;
        self.visit_i64(number)
    }
}

/// A `Vec` field: each element is read into the slot `push` returns.
pub trait List {
    fn push(&mut self) -> Option<Slot<'_>>;
    /// Removes the last element pushed, once the array turns out to have
    /// ended.
    fn pop(&mut self);
}

/// Reads an object into `T`: the body of each [`json_object!`] struct's
/// `Deserialize`.
pub(crate) fn deserialize<'de, T: Field + Fields, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    let mut value = T::empty();
    deserializer.deserialize_map(ObjectVisitor(&mut value))?;
    Ok(value)
}

/// Fills one slot from a value.
struct SlotSeed<'a>(Slot<'a>);

impl<'de> DeserializeSeed<'de> for SlotSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        match self.0 {
            Slot::Text(slot) => *slot = String::deserialize(deserializer)?,
            Slot::Unsigned(slot) => *slot = u64::deserialize(deserializer)?,
            Slot::Integer(slot) => *slot = i64::deserialize(deserializer)?,
            Slot::Float(slot) => *slot = f64::deserialize(deserializer)?,
            Slot::Flag(slot) => *slot = bool::deserialize(deserializer)?,
            Slot::Number(slot) => *slot = Number::deserialize(deserializer)?,
            Slot::Time(slot) => *slot = Timestamp::deserialize(deserializer)?,
            #[cfg(any(
                feature = "recall",
                feature = "daily",
                feature = "zoom",
                feature = "livekit"
            ))]
            Slot::NumberOrString(slot) => {
                *slot = crate::number_or_string::NumberOrString::deserialize(deserializer)?;
            }
            Slot::Map(slot) => *slot = Map::deserialize(deserializer)?,
            Slot::Value(slot) => *slot = Value::deserialize(deserializer)?,
            Slot::Word(slot) => slot.set(&Key::deserialize(deserializer)?),
            #[cfg(feature = "livekit")]
            Slot::NameOrNumber(slot) => read_name_or_number(deserializer, slot)?,
            #[cfg(any(feature = "recall", feature = "zoom"))]
            Slot::Parsed(slot) => slot
                .set(Value::deserialize(deserializer)?)
                .map_err(de::Error::custom)?,
            Slot::Object(fields) => deserializer.deserialize_map(ObjectVisitor(fields))?,
            Slot::Nullable(slot) => deserializer.deserialize_option(NullableVisitor(slot))?,
            Slot::List(list) => deserializer.deserialize_seq(ListVisitor(list))?,
        }
        Ok(())
    }
}

struct ObjectVisitor<'a>(&'a mut dyn Fields);

impl<'de> Visitor<'de> for ObjectVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.expecting())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = 0u64;
        while let Some(key) = map.next_key::<Key<'de>>()? {
            read_entry(self.0, key, &mut seen, &mut map)?;
        }
        check_missing(self.0, seen)
    }
}

/// Reads the value of `key` into `fields`: into its slot, recorded in
/// `seen` (a key met twice is an error), else into the map of unknown
/// keys, else skipped.
pub(crate) fn read_entry<'de, A: MapAccess<'de>>(
    fields: &mut dyn Fields,
    key: Key<'de>,
    seen: &mut u64,
    map: &mut A,
) -> Result<(), A::Error> {
    if let Some((index, name, slot)) = fields.slot(&key) {
        let bit = seen_bit(index);
        if *seen & bit != 0 {
            return Err(de::Error::duplicate_field(name));
        }
        *seen |= bit;
        map.next_value_seed(SlotSeed(slot))
    } else if let Some(other) = fields.other() {
        let value = map.next_value()?;
        // A repeated unknown key is as much an error as a repeated known
        // one: two readers of the body would see different values.
        match other.entry(key.into_owned()) {
            serde_json::map::Entry::Occupied(_) => {
                Err(de::Error::custom("duplicate field among the unknown keys"))
            }
            serde_json::map::Entry::Vacant(slot) => {
                slot.insert(value);
                Ok(())
            }
        }
    } else {
        map.next_value::<IgnoredAny>().map(|_| ())
    }
}

/// The error for the first required key of `fields` not in `seen`.
pub(crate) fn check_missing<E: de::Error>(fields: &dyn Fields, seen: u64) -> Result<(), E> {
    match fields.missing(seen) {
        Some(name) => Err(E::missing_field(name)),
        None => Ok(()),
    }
}

struct NullableVisitor<'a>(&'a mut dyn Nullable);

impl<'de> Visitor<'de> for NullableVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("option")
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.0.clear();
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.0.clear();
        Ok(())
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        SlotSeed(self.0.fill()).deserialize(deserializer)
    }
}

struct ListVisitor<'a>(&'a mut dyn List);

impl<'de> Visitor<'de> for ListVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        loop {
            let Some(slot) = self.0.push() else {
                return Err(de::Error::custom("a list element could not be made"));
            };
            if seq.next_element_seed(SlotSeed(slot))?.is_none() {
                // The element pushed for a value that did not come.
                self.0.pop();
                return Ok(());
            }
        }
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

/// The field types read as themselves.
macro_rules! leaf_fields {
    ($($type:ty => $slot:ident($empty:expr),)*) => {
        $(
            impl Field for $type {
                const REQUIRED: bool = true;

                fn empty() -> Self {
                    $empty
                }

                fn slot(&mut self) -> Slot<'_> {
                    Slot::$slot(self)
                }
            }
        )*
    };
}

leaf_fields! {
    String => Text(String::new()),
    u64 => Unsigned(0),
    i64 => Integer(0),
    f64 => Float(0.0),
    bool => Flag(false),
    Number => Number(Number::from(0u8)),
    Timestamp => Time(Timestamp::unix_epoch()),
    Map<String, Value> => Map(Map::new()),
    Value => Value(Value::Null),
}

impl<E: OpenEnum + for<'a> From<&'a str>> Word for E {
    fn set(&mut self, word: &str) {
        *self = E::from(word);
    }
}

impl<E: OpenEnum + for<'a> From<&'a str> + serde::Serialize> Field for E {
    const REQUIRED: bool = true;

    fn empty() -> Self {
        E::from("")
    }

    fn slot(&mut self) -> Slot<'_> {
        Slot::Word(self)
    }
}

impl<T: Field> Nullable for Option<T> {
    fn clear(&mut self) {
        *self = None;
    }

    fn fill(&mut self) -> Slot<'_> {
        self.insert(T::empty()).slot()
    }
}

impl<T: Field> Field for Option<T> {
    const REQUIRED: bool = false;

    fn empty() -> Self {
        None
    }

    fn slot(&mut self) -> Slot<'_> {
        Slot::Nullable(self)
    }

    fn absent(&self) -> bool {
        self.is_none()
    }
}

impl<T: Field> List for Vec<T> {
    fn push(&mut self) -> Option<Slot<'_>> {
        self.push(T::empty());
        self.last_mut().map(Field::slot)
    }

    fn pop(&mut self) {
        Vec::pop(self);
    }
}

impl<T: Field> Field for Vec<T> {
    const REQUIRED: bool = true;

    fn empty() -> Self {
        Vec::new()
    }

    fn slot(&mut self) -> Slot<'_> {
        Slot::List(self)
    }
}

/// Whether the field `_field` must be sent: [`Field::REQUIRED`], read off a
/// field whose type the table does not spell.
pub(crate) fn required<T: Field>(_field: &T) -> bool {
    T::REQUIRED
}

/// Makes a struct a JSON object read and written by the shared reader and
/// writer: `Deserialize`, `Serialize`, and [`Field`] so that other objects
/// can hold it.
///
/// Keys are listed in declaration order, each as its field's name or as
/// `"wire" => field` when the wire name differs; `#[default]` before one
/// makes a missing key its empty value rather than an error (`false`, an
/// empty list), as `#[serde(default)]` does, and `#[null]` writes an absent
/// `Option` as `null` rather than leaving the key out (for keys a provider
/// sends as `null`). `..other` last names the map that keeps unknown keys
/// (a `#[serde(flatten)]` field); without it, unknown keys are skipped.
///
/// ```ignore
/// json_object! {
///     impl Track {
///         "type" => track_type, "s3Key" => s3_key, size,
///     }
/// }
/// json_object! {
///     impl[O: Field] Payload<O> {
///         account_id, operator, operator_id, object,
///         ..other
///     }
/// }
/// ```
///
/// Written back, an absent `Option` leaves its key out unless marked
/// `#[null]`, and the unknown keys come after the known ones.
macro_rules! json_object {
    (
        impl[$($generics:tt)*] $name:ident $(<$($param:ident),*>)? {
            $($(#[$flag:ident])? $($wire:literal =>)? $field:ident,)*
            $(..$other:ident)?
        }
    ) => {
        // The keys' indices, for telling a repeated key and a missing one.
        const _: () = {
            #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
            enum Key { $($field,)* }
            // One bit per key in the reader's record of keys seen.
            assert!([$(Key::$field as u32),*].len() <= 64);

            impl<$($generics)*> $crate::object::Fields for $name $(<$($param),*>)? {
                fn expecting(&self) -> &'static str {
                    concat!("struct ", stringify!($name))
                }

                fn slot(
                    &mut self,
                    key: &str,
                ) -> ::std::option::Option<(u32, &'static str, $crate::object::Slot<'_>)> {
                    let (index, name, slot) = match key {
                        $(
                            $crate::object::json_object!(@wire $($wire)? $field) => (
                                Key::$field as u32,
                                $crate::object::json_object!(@wire $($wire)? $field),
                                $crate::object::Field::slot(&mut self.$field),
                            ),
                        )*
                        _ => return ::std::option::Option::None,
                    };
                    ::std::option::Option::Some((index, name, slot))
                }

                fn other(
                    &mut self,
                ) -> ::std::option::Option<
                    &mut ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                > {
                    $crate::object::json_object!(@other self $($other)?)
                }

                fn missing(&self, seen: u64) -> ::std::option::Option<&'static str> {
                    $(
                        if $crate::object::json_object!(@required self $field $($flag)?)
                            && seen & $crate::object::seen_bit(Key::$field as u32) == 0
                        {
                            return ::std::option::Option::Some(
                                $crate::object::json_object!(@wire $($wire)? $field),
                            );
                        }
                    )*
                    ::std::option::Option::None
                }
            }

            impl<$($generics)*> $crate::object::Field for $name $(<$($param),*>)? {
                const REQUIRED: bool = true;

                fn empty() -> Self {
                    Self {
                        $($field: $crate::object::Field::empty(),)*
                        $($other: ::serde_json::Map::new(),)?
                    }
                }

                fn slot(&mut self) -> $crate::object::Slot<'_> {
                    $crate::object::Slot::Object(self)
                }
            }

            impl<$($generics)*> ::serde::Serialize for $name $(<$($param),*>)? {
                fn serialize<Ser: ::serde::Serializer>(
                    &self,
                    serializer: Ser,
                ) -> ::std::result::Result<Ser::Ok, Ser::Error> {
                    use ::serde::ser::SerializeMap as _;
                    let mut map = serializer.serialize_map(::std::option::Option::None)?;
                    $(
                        if $crate::object::json_object!(@written self $field $($flag)?) {
                            map.serialize_entry(
                                $crate::object::json_object!(@wire $($wire)? $field),
                                &self.$field,
                            )?;
                        }
                    )*
                    $(
                        for (key, value) in &self.$other {
                            map.serialize_entry(key, value)?;
                        }
                    )?
                    map.end()
                }
            }

            impl<'de, $($generics)*> ::serde::Deserialize<'de> for $name $(<$($param),*>)? {
                fn deserialize<D: ::serde::Deserializer<'de>>(
                    deserializer: D,
                ) -> ::std::result::Result<Self, D::Error> {
                    $crate::object::deserialize(deserializer)
                }
            }
        };
    };
    (impl $name:ident { $($body:tt)* }) => {
        $crate::object::json_object! { impl[] $name { $($body)* } }
    };
    (@wire $wire:literal $field:ident) => { $wire };
    (@wire $field:ident) => { stringify!($field) };
    (@required $self:ident $field:ident default) => { false };
    (@required $self:ident $field:ident null) => { $crate::object::required(&$self.$field) };
    (@required $self:ident $field:ident) => { $crate::object::required(&$self.$field) };
    (@written $self:ident $field:ident null) => { true };
    (@written $self:ident $field:ident $(default)?) => {
        !$crate::object::Field::absent(&$self.$field)
    };
    (@other $self:ident $other:ident) => { ::std::option::Option::Some(&mut $self.$other) };
    (@other $self:ident) => { ::std::option::Option::None };
}

pub(crate) use json_object;

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    dead_code // The test enum's generated helpers.
)]
mod tests {
    //! The reader against serde's own derive, the behaviour it replaces: the
    //! same struct both ways must give the same value or the same error,
    //! message and position included.

    use serde_json::{Map, Number, Value};

    use crate::open_enum::open_enum;
    use crate::timestamp::Timestamp;

    open_enum! {
        /// A test enum.
        pub enum Kind {
            /// `a`
            A = "a",
        }
    }

    mod ours {
        use super::*;

        #[derive(Debug, PartialEq)]
        pub struct Inner {
            pub id: String,
            pub size: Option<u64>,
        }

        json_object! {
            impl Inner { id, size, }
        }

        #[derive(Debug, PartialEq)]
        pub struct Sample {
            pub name: String,
            pub count: Option<u64>,
            pub delta: i64,
            pub ratio: Option<f64>,
            pub on: Option<bool>,
            pub flag: bool,
            pub total: Number,
            pub at: Timestamp,
            pub kind: Kind,
            pub maybe_kind: Option<Kind>,
            pub meta: Option<Map<String, Value>>,
            pub raw: Value,
            pub tags: Vec<String>,
            pub inner: Inner,
            pub inners: Option<Vec<Inner>>,
            pub rest: Map<String, Value>,
        }

        json_object! {
            impl Sample {
                name, count, delta, ratio, #[null] on, #[default] flag, total, at, "type" => kind,
                maybe_kind, meta, raw, tags, inner, inners,
                ..rest
            }
        }
    }

    mod derived {
        use serde::{Deserialize, Serialize};

        use super::*;

        #[derive(Debug, PartialEq, Deserialize, Serialize)]
        pub struct Inner {
            pub id: String,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub size: Option<u64>,
        }

        #[derive(Debug, PartialEq, Deserialize, Serialize)]
        pub struct Sample {
            pub name: String,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub count: Option<u64>,
            pub delta: i64,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub ratio: Option<f64>,
            pub on: Option<bool>,
            #[serde(default)]
            pub flag: bool,
            pub total: Number,
            pub at: Timestamp,
            #[serde(rename = "type")]
            pub kind: Kind,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub maybe_kind: Option<Kind>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub meta: Option<Map<String, Value>>,
            pub raw: Value,
            pub tags: Vec<String>,
            pub inner: Inner,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub inners: Option<Vec<Inner>>,
            #[serde(flatten)]
            pub rest: Map<String, Value>,
        }
    }

    /// Both readers' outcome for `body`, as comparable text.
    fn both(body: &str) -> (String, String) {
        let ours = serde_json::from_str::<ours::Sample>(body).map(|s| format!("{s:?}"));
        let derived = serde_json::from_str::<derived::Sample>(body).map(|s| format!("{s:?}"));
        let show = |r: Result<String, serde_json::Error>| match r {
            Ok(value) => format!("ok {value}"),
            Err(err) => format!("error {err}"),
        };
        (show(ours), show(derived))
    }

    const FULL: &str = r#"{"name":"n","count":3,"delta":-4,"ratio":0.5,"on":true,"flag":true,
        "total":1.5,"at":"2025-01-29T23:49:58.570998+00:00","type":"a","maybe_kind":"zz",
        "meta":{"k":1},"raw":[1,{"x":null}],"tags":["t","u"],"inner":{"id":"i","size":9},
        "inners":[{"id":"j"},{"id":"k","size":null}],"extra":{"kept":true},"more":2}"#;

    #[test]
    fn every_outcome_is_the_derived_one() {
        let cases: Vec<String> = vec![
            FULL.to_owned(),
            // Optional keys absent or null; the #[default] key absent.
            r#"{"name":"n","delta":0,"total":1,"at":1700000000,"type":"b","raw":null,
                "tags":[],"inner":{"id":"i"},"count":null,"ratio":null,"on":null,
                "maybe_kind":null,"meta":null,"inners":null}"#
                .to_owned(),
            // Each required key missing in turn: the first missing is named.
            r#"{}"#.to_owned(),
            FULL.replace(r#""name":"n","#, ""),
            FULL.replace(r#""tags":["t","u"],"#, ""),
            FULL.replace(r#""inner":{"id":"i","size":9},"#, ""),
            FULL.replace(r#""type":"a","#, ""),
            // Missing inside a nested object and inside a list element.
            FULL.replace(r#"{"id":"i","size":9}"#, r#"{"size":9}"#),
            FULL.replace(r#"[{"id":"j"},"#, r#"[{},"#),
            // Duplicates, of a plain key, a nullable one and a renamed one.
            FULL.replace(r#""name":"n","#, r#""name":"n","name":"m","#),
            FULL.replace(r#""count":3,"#, r#""count":null,"count":3,"#),
            FULL.replace(r#""type":"a","#, r#""type":"a","type":"a","#),
            // Wrong types everywhere.
            FULL.replace(r#""name":"n""#, r#""name":1"#),
            FULL.replace(r#""name":"n""#, r#""name":null"#),
            FULL.replace(r#""count":3"#, r#""count":-3"#),
            FULL.replace(r#""count":3"#, r#""count":"3""#),
            FULL.replace(r#""delta":-4"#, r#""delta":1.5"#),
            FULL.replace(r#""flag":true"#, r#""flag":"yes""#),
            FULL.replace(r#""total":1.5"#, r#""total":"1""#),
            FULL.replace(
                r#""at":"2025-01-29T23:49:58.570998+00:00""#,
                r#""at":"soon""#,
            ),
            FULL.replace(r#""type":"a""#, r#""type":7"#),
            FULL.replace(r#""meta":{"k":1}"#, r#""meta":[1]"#),
            FULL.replace(r#""tags":["t","u"]"#, r#""tags":"t""#),
            FULL.replace(r#""tags":["t","u"]"#, r#""tags":["t",2]"#),
            FULL.replace(r#""tags":["t","u"]"#, r#""tags":null"#),
            FULL.replace(r#""inner":{"id":"i","size":9}"#, r#""inner":"i""#),
            FULL.replace(r#""inner":{"id":"i","size":9}"#, r#""inner":null"#),
            FULL.replace(r#""inners":[{"id":"j"},"#, r#""inners":[7,"#),
            FULL.replace(r#""size":9"#, r#""size":"9""#),
            // Not an object at all; broken JSON.
            r#""text""#.to_owned(),
            r#"null"#.to_owned(),
            FULL.replace(r#""more":2}"#, r#""more":2"#),
            FULL.replace(r#""delta":-4"#, r#""delta":-4 "delta""#),
        ];
        for case in &cases {
            let (ours, derived) = both(case);
            assert_eq!(ours, derived, "for {case}");
        }
    }

    #[test]
    fn writing_is_the_derived_writing() {
        let sparse = r#"{"name":"n","delta":0,"total":1,"at":1700000000,"type":"b","raw":null,
            "tags":[],"inner":{"id":"i"},"count":null,"inners":[{"id":"j","size":null}]}"#;
        for body in [FULL, sparse] {
            let ours: ours::Sample = serde_json::from_str(body).unwrap();
            let derived: derived::Sample = serde_json::from_str(body).unwrap();
            assert_eq!(
                serde_json::to_string(&ours).unwrap(),
                serde_json::to_string(&derived).unwrap(),
                "for {body}"
            );
        }
    }

    #[test]
    fn a_full_object_reads_every_key() {
        let sample: ours::Sample = serde_json::from_str(FULL).unwrap();
        assert_eq!(sample.kind, Kind::A);
        assert_eq!(sample.maybe_kind, Some(Kind::from("zz")));
        assert_eq!(sample.inners.as_ref().map(Vec::len), Some(2));
        assert!(sample.flag);
        assert_eq!(
            sample.rest.keys().collect::<Vec<_>>(),
            ["extra", "more"],
            "unknown keys kept"
        );
    }

    #[test]
    fn an_array_is_not_an_object() {
        // serde's derive also reads a struct from an array of its fields in
        // order; no provider sends that, and the reader does not take it.
        let err = serde_json::from_str::<ours::Inner>(r#"["i", 9]"#).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("invalid type: sequence, expected struct Inner")
        );
    }
}
