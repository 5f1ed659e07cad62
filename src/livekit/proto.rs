//! What protojson makes of a protobuf enum: its value's name, or from some
//! writers its number.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::object::{Field, NameOrNumber, Slot, read_name_or_number};
use crate::open_enum::OpenEnum;

/// A protobuf enum as it came: the value's name (`"EGRESS_COMPLETE"`), as
/// LiveKit's server writes it, or its number (`3`), which protojson readers
/// must also take. Written back in the form it came in.
///
/// A field at its default value (the enum's value `0`) is not sent at all:
/// the struct holding it says what an absent one means (an absent
/// `EgressInfo::status` is `EGRESS_STARTING`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ProtoEnum<E> {
    /// The value's name, an open enum (an unknown name is kept).
    Name(E),
    /// The value's number.
    Number(i64),
}

impl<E> ProtoEnum<E> {
    /// The name, when the value came as one.
    #[must_use]
    pub fn name(&self) -> Option<&E> {
        match self {
            ProtoEnum::Name(name) => Some(name),
            ProtoEnum::Number(_) => None,
        }
    }
}

impl<E: Clone> ProtoEnum<E> {
    /// The value as its name: a name as it came, a number looked up in
    /// `by_number` (the names in the order of their numbers, from `0`);
    /// `None` for a number past the table.
    /// The value, a number looked up in `by_number`: the enum's values in
    /// number order, from 0 without gaps.
    pub(crate) fn resolve(&self, by_number: &[E]) -> Option<E> {
        match self {
            ProtoEnum::Name(name) => Some(name.clone()),
            ProtoEnum::Number(number) => usize::try_from(*number)
                .ok()
                .and_then(|index| by_number.get(index))
                .cloned(),
        }
    }
}

impl<E: fmt::Display> fmt::Display for ProtoEnum<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProtoEnum::Name(name) => name.fmt(f),
            ProtoEnum::Number(number) => number.fmt(f),
        }
    }
}

impl<E: Serialize> Serialize for ProtoEnum<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ProtoEnum::Name(name) => name.serialize(serializer),
            ProtoEnum::Number(number) => serializer.serialize_i64(*number),
        }
    }
}

impl<E: OpenEnum + for<'a> From<&'a str>> NameOrNumber for ProtoEnum<E> {
    fn set_name(&mut self, name: &str) {
        *self = ProtoEnum::Name(E::from(name));
    }

    fn set_number(&mut self, number: i64) {
        *self = ProtoEnum::Number(number);
    }
}

impl<'de, E: OpenEnum + for<'a> From<&'a str>> Deserialize<'de> for ProtoEnum<E> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut value = ProtoEnum::Number(0);
        read_name_or_number(deserializer, &mut value)?;
        Ok(value)
    }
}

impl<E: OpenEnum + for<'a> From<&'a str> + Serialize> Field for ProtoEnum<E> {
    const REQUIRED: bool = true;

    fn empty() -> Self {
        ProtoEnum::Number(0)
    }

    fn slot(&mut self) -> Slot<'_> {
        Slot::NameOrNumber(self)
    }
}
