//! The one macro behind every open string enum of the crate.
//!
//! Providers add event names, codes and sub codes without notice, so each of
//! these enums has a variant per documented value plus `Unknown(String)`,
//! which keeps any other value exactly as received. The macro gives all of
//! them the same contract:
//!
//! - `as_str()` returns the wire string, for known and unknown values alike;
//! - `From<&str>`, `From<String>` and `FromStr` never fail: a documented
//!   string becomes its variant, anything else `Unknown`;
//! - `Display` prints the wire string;
//! - serde reads and writes the plain string, so an unknown value is written
//!   back exactly as it came in.
//!
//! Build values with `From`/`FromStr` rather than writing
//! `Unknown("done".into())` by hand: the derived `PartialEq` compares
//! variants, and a documented string belongs in its own variant.

use std::fmt;
use std::marker::PhantomData;

/// Marks the types `open_enum!` makes, so generic code (such as reading a
/// form parameter) can accept any of them.
pub(crate) trait OpenEnum: From<String> {}

/// Deserializes any open enum from a string, borrowing where serde allows it
/// and reusing an owned string for an unknown value.
pub(crate) struct OpenEnumVisitor<T>(pub(crate) PhantomData<T>);

impl<T> serde::de::Visitor<'_> for OpenEnumVisitor<T>
where
    T: for<'a> From<&'a str> + From<String>,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<T, E> {
        Ok(T::from(value))
    }

    fn visit_string<E: serde::de::Error>(self, value: String) -> Result<T, E> {
        Ok(T::from(value))
    }
}

/// Defines an open string enum: one unit variant per documented wire value,
/// plus `Unknown(String)`.
///
/// ```text
/// open_enum! {
///     /// What a bot is doing.
///     pub enum BotStatusCode {
///         /// The bot is joining.
///         JoiningCall = "joining_call",
///     }
/// }
/// ```
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$variant_meta:meta])*
                $variant:ident = $wire:literal,
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        $vis enum $name {
            $(
                #[doc = concat!("`", $wire, "`\n")]
                $(#[$variant_meta])*
                $variant,
            )*
            /// A value this version of the crate does not know, kept exactly
            /// as it was received.
            Unknown(::std::string::String),
        }

        impl $name {
            /// Every documented value, in the order the provider lists them.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),*];

            /// The value as it appears on the wire.
            #[must_use]
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $wire,)*
                    $name::Unknown(value) => value,
                }
            }

            /// Whether the value is one this version of the crate does not
            /// know.
            #[must_use]
            pub fn is_unknown(&self) -> bool {
                matches!(self, $name::Unknown(_))
            }

            fn documented(value: &str) -> ::std::option::Option<$name> {
                match value {
                    $($wire => ::std::option::Option::Some($name::$variant),)*
                    _ => ::std::option::Option::None,
                }
            }
        }

        impl $crate::open_enum::OpenEnum for $name {}

        impl ::std::convert::From<&str> for $name {
            fn from(value: &str) -> $name {
                $name::documented(value).unwrap_or_else(|| $name::Unknown(value.to_owned()))
            }
        }

        impl ::std::convert::From<::std::string::String> for $name {
            fn from(value: ::std::string::String) -> $name {
                $name::documented(&value).unwrap_or($name::Unknown(value))
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;

            fn from_str(value: &str) -> ::std::result::Result<$name, Self::Err> {
                ::std::result::Result::Ok($name::from(value))
            }
        }

        impl ::std::convert::AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                // `pad`, not `write_str`, so width and alignment apply as
                // they do for `str`.
                f.pad(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<$name, D::Error> {
                deserializer.deserialize_str($crate::open_enum::OpenEnumVisitor(
                    ::std::marker::PhantomData,
                ))
            }
        }
    };
}

pub(crate) use open_enum;

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
mod tests {
    use std::str::FromStr;

    open_enum! {
        /// A sample enum for the contract tests.
        pub enum Sample {
            /// First.
            JoiningCall = "joining_call",
            /// Second, with a dot and a dash like real wire values.
            ReadyToDownload = "recording.ready-to-download",
            /// Empty string as a documented value.
            Empty = "",
        }
    }

    #[test]
    fn known_values_map_to_their_variant_and_back() {
        for value in Sample::KNOWN {
            let wire = value.as_str();
            assert_eq!(&Sample::from(wire), value);
            assert_eq!(&Sample::from(wire.to_owned()), value);
            assert!(!value.is_unknown());
            assert_eq!(value.to_string(), wire);
        }
        assert_eq!(format!("[{:<14}]", Sample::JoiningCall), "[joining_call  ]");
        assert_eq!(Sample::KNOWN.len(), 3);
        assert_eq!(Sample::from("joining_call"), Sample::JoiningCall);
        assert_eq!(
            Sample::ReadyToDownload.as_str(),
            "recording.ready-to-download"
        );
    }

    #[test]
    fn unknown_keeps_the_exact_value() {
        for raw in [
            "Joining_Call",
            "joining_call ",
            "bot.new_thing",
            "ünïcode",
            "\0",
        ] {
            let value = Sample::from(raw);
            assert_eq!(value, Sample::Unknown(raw.to_owned()));
            assert!(value.is_unknown());
            assert_eq!(value.as_str(), raw);
            assert_eq!(value.to_string(), raw);
        }
    }

    #[test]
    fn from_str_never_fails() {
        let parsed: Result<Sample, std::convert::Infallible> = Sample::from_str("anything at all");
        assert_eq!(parsed, Ok(Sample::Unknown("anything at all".to_owned())));
        assert_eq!("".parse::<Sample>(), Ok(Sample::Empty));
    }

    #[test]
    fn serde_round_trips_known_and_unknown() {
        for raw in [
            "joining_call",
            "recording.ready-to-download",
            "",
            "new \"quoted\" value",
        ] {
            let json = serde_json::to_string(raw).unwrap();
            let value: Sample = serde_json::from_str(&json).unwrap();
            assert_eq!(value.as_str(), raw);
            assert_eq!(serde_json::to_string(&value).unwrap(), json);
        }
        // Escaped input cannot be borrowed; the owned path must agree.
        let escaped: Sample = serde_json::from_str(r#""joining\u005fcall""#).unwrap();
        assert_eq!(escaped, Sample::JoiningCall);
    }

    #[test]
    fn serde_rejects_non_strings() {
        let err = serde_json::from_str::<Sample>("42").unwrap_err();
        assert!(err.to_string().contains("expected a string"), "{err}");
    }
}
