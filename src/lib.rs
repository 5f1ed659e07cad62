#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]
// With no provider on, the shared floors (JSON paths, open enums, the
// delivery shape) are built but nothing uses them.
#![cfg_attr(
    not(any(
        feature = "recall",
        feature = "signalwire",
        feature = "twilio",
        feature = "daily",
        feature = "zoom",
        feature = "livekit",
        feature = "telnyx"
    )),
    allow(dead_code, unused_imports, unused_macros)
)]

#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub mod actix;
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub mod axum;
#[cfg(any(feature = "signalwire", feature = "twilio", feature = "telnyx"))]
mod cxml;
#[cfg(feature = "daily")]
#[cfg_attr(docsrs, doc(cfg(feature = "daily")))]
pub mod daily;
mod error;
mod headers;
mod json_path;
#[cfg(feature = "livekit")]
#[cfg_attr(docsrs, doc(cfg(feature = "livekit")))]
pub mod livekit;
mod mac;
mod number_or_string;
#[cfg(any(
    feature = "recall",
    feature = "daily",
    feature = "zoom",
    feature = "livekit",
    feature = "telnyx"
))]
mod object;
mod open_enum;
#[cfg(feature = "recall")]
#[cfg_attr(docsrs, doc(cfg(feature = "recall")))]
pub mod recall;
mod redacted;
#[cfg(any(feature = "axum", feature = "actix-web"))]
mod rejection;
mod replay;
#[cfg(feature = "signalwire")]
#[cfg_attr(docsrs, doc(cfg(feature = "signalwire")))]
pub mod signalwire;
pub mod svix;
#[cfg(any(
    feature = "recall",
    feature = "daily",
    feature = "zoom",
    feature = "telnyx"
))]
mod tagged;
#[cfg(feature = "telnyx")]
#[cfg_attr(docsrs, doc(cfg(feature = "telnyx")))]
pub mod telnyx;
mod timestamp;
#[cfg(feature = "twilio")]
#[cfg_attr(docsrs, doc(cfg(feature = "twilio")))]
pub mod twilio;
pub mod webhook;
#[cfg(feature = "zoom")]
#[cfg_attr(docsrs, doc(cfg(feature = "zoom")))]
pub mod zoom;

pub use error::{Error, ParseError, PublicUrlError, SecretError, VerifyError};
pub use headers::Headers;
pub use number_or_string::NumberOrString;
pub use redacted::Redacted;
#[cfg(any(feature = "axum", feature = "actix-web"))]
#[cfg_attr(docsrs, doc(cfg(any(feature = "axum", feature = "actix-web"))))]
pub use rejection::Rejection;
pub use timestamp::{Timestamp, TimestampError};

/// The largest body the server extractors (features `axum`, `actix-web`)
/// read unless a `Webhook` says otherwise: 1 MiB, far above any webhook.
pub const DEFAULT_BODY_LIMIT: usize = 1024 * 1024;
