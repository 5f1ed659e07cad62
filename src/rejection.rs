//! Why a server extractor (features `axum`, `actix-web`) refused a request.

use std::fmt;

use crate::error::Error;

/// A request the server extractors refused: the HTTP status to answer and a
/// short reason, which never echoes the body or a secret.
///
/// Take `Result<Delivery, Rejection>` in a handler to log
/// [`Rejection::error`] before answering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    status: u16,
    reason: &'static str,
    error: Option<Error>,
}

impl Rejection {
    /// The HTTP status to answer with (the same name as
    /// [`Error::status_code`]).
    #[must_use]
    pub fn status_code(&self) -> u16 {
        self.status
    }

    /// The text answered: short, fixed per cause.
    #[must_use]
    pub fn reason(&self) -> &'static str {
        self.reason
    }

    /// What failed in verification or parsing (401 and 400), for logs.
    #[must_use]
    pub fn error(&self) -> Option<&Error> {
        self.error.as_ref()
    }

    pub(crate) fn unsupported_media_type() -> Rejection {
        Rejection::new(415, "unsupported content type")
    }

    pub(crate) fn too_large() -> Rejection {
        Rejection::new(413, "body too large")
    }

    /// The body could not be read (the client went away mid-request).
    #[cfg_attr(not(feature = "actix-web"), allow(dead_code))]
    pub(crate) fn unreadable() -> Rejection {
        Rejection::new(400, "body could not be read")
    }

    /// The application state holds no webhook, or SignalWire's public URL
    /// cannot be known: a server set-up mistake, not the sender's.
    pub(crate) fn not_configured(reason: &'static str) -> Rejection {
        Rejection::new(500, reason)
    }

    fn new(status: u16, reason: &'static str) -> Rejection {
        Rejection {
            status,
            reason,
            error: None,
        }
    }

    /// Checks a request before its body is read: the `Content-Type` (its
    /// media type, parameters aside) is one the provider sends, and any
    /// declared `Content-Length` is within `limit`.
    pub(crate) fn check_request(
        content_type: Option<&[u8]>,
        content_length: Option<&[u8]>,
        accepted: &[&str],
        limit: usize,
    ) -> Result<(), Rejection> {
        let declared = content_length
            .and_then(|value| std::str::from_utf8(value).ok())
            .and_then(|value| value.parse::<u64>().ok());
        if declared.is_some_and(|length| length > limit as u64) {
            return Err(Rejection::too_large());
        }
        let media_type = content_type
            .and_then(|value| std::str::from_utf8(value).ok())
            .and_then(|value| value.split(';').next())
            .map(str::trim)
            .unwrap_or_default();
        if accepted
            .iter()
            .any(|wanted| media_type.eq_ignore_ascii_case(wanted))
        {
            Ok(())
        } else {
            Err(Rejection::unsupported_media_type())
        }
    }
}

/// The media types of JSON webhooks (Recall.ai, Daily).
pub(crate) const JSON: &[&str] = &["application/json"];
/// The media types of SignalWire callbacks.
pub(crate) const FORM_OR_JSON: &[&str] = &["application/x-www-form-urlencoded", "application/json"];

impl From<Error> for Rejection {
    fn from(error: Error) -> Rejection {
        let reason = match error {
            Error::Verify(_) => "signature verification failed",
            Error::Parse(_) => "the body is not a valid event",
        };
        Rejection {
            status: error.status_code(),
            reason,
            error: Some(error),
        }
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.status, self.reason)
    }
}

impl std::error::Error for Rejection {}
