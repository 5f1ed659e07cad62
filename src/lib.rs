#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod daily;
mod error;
mod headers;
mod json_path;
mod mac;
mod open_enum;
pub mod recall;
mod replay;
pub mod signalwire;
pub mod svix;
mod tagged;
mod timestamp;

pub use error::{ParseError, SecretError, VerifyError};
pub use headers::Headers;
pub use timestamp::{Timestamp, TimestampError};
