#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod error;
mod headers;
mod mac;
mod open_enum;
pub mod svix;

pub use error::{ParseError, SecretError, VerifyError};
pub use headers::Headers;
