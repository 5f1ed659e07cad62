//! Why a server extractor (features `axum`, `actix-web`) refused a request.

use std::fmt;

use crate::error::Error;

/// A request the server extractors refused: the HTTP status to answer and a
/// short reason, which never echoes the body or a secret.
///
/// Take `Result<Delivery, Rejection>` in a handler to log it before
/// answering: [`Rejection::error`] says exactly what failed,
/// [`Rejection::url`] which URL a SignalWire or Twilio request was verified
/// against (the one fact needed behind a proxy). With feature `tracing`,
/// every rejection is also logged once, at `warn`, with the provider.
///
/// ```
/// # #[cfg(feature = "axum")]
/// # mod app {
/// use axum::http::StatusCode;
/// use recording_webhooks::{Rejection, recall};
///
/// async fn on_recall(delivery: Result<recall::Delivery, Rejection>) -> StatusCode {
///     match delivery {
///         Ok(delivery) => {
///             println!("{}", delivery.event().event_type());
///             StatusCode::NO_CONTENT
///         }
///         Err(rejection) => {
///             // What failed, for the log: never the body or a secret.
///             eprintln!("{rejection}: {:?}", rejection.error());
///             // Verified, then not parsed: the provider's data, kept.
///             if let Some(body) = rejection.verified_body() {
///                 eprintln!("dead letter: {} bytes", body.len());
///             }
///             StatusCode::from_u16(rejection.status_code()).unwrap_or(StatusCode::BAD_REQUEST)
///         }
///     }
/// }
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    status: u16,
    reason: &'static str,
    // Boxed: a rejection travels in `Result`s, kept small.
    error: Option<Box<Error>>,
    provider: Option<&'static str>,
    url: Option<Box<str>>,
    /// What a rejection with no error (413, 415, 500) was about.
    detail: Option<Box<str>>,
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
    /// The other rejections have no error: [`Rejection::explanation`] says
    /// what each was about.
    #[must_use]
    pub fn error(&self) -> Option<&Error> {
        self.error.as_deref()
    }

    /// What went wrong, in a sentence for logs, whatever the status: the
    /// error of a 401 or 400, the limit of a 413, the content type received
    /// and those accepted of a 415, the set-up missing of a 500. Never the
    /// body or a secret.
    #[must_use]
    pub fn explanation(&self) -> String {
        match (&self.error, &self.detail) {
            (Some(error), _) => error.to_string(),
            (None, Some(detail)) => detail.to_string(),
            (None, None) => self.reason.to_owned(),
        }
    }

    /// The body of a request that verified but did not parse (400), as
    /// [`Error::verified_body`]: store it before answering, or it is lost
    /// once the provider stops retrying. `None` for every other rejection.
    #[must_use]
    pub fn verified_body(&self) -> Option<&[u8]> {
        self.error().and_then(Error::verified_body)
    }

    /// The provider whose extractor refused the request (`recall`,
    /// `signalwire`, `twilio`, `daily`, `zoom`).
    #[must_use]
    pub fn provider(&self) -> Option<&'static str> {
        self.provider
    }

    /// For SignalWire and Twilio, the public URL the request was verified
    /// against: when a signature does not match behind a proxy, compare it
    /// with the URL the provider called.
    #[must_use]
    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }

    /// The same rejection, with the URL the request was verified against.
    #[cfg(any(feature = "signalwire", feature = "twilio"))]
    pub(crate) fn with_url(self, url: String) -> Rejection {
        Rejection {
            url: Some(url.into_boxed_str()),
            ..self
        }
    }

    /// The rejection of `provider`'s extractor, logged once (feature
    /// `tracing`): provider, status, reason, URL and explanation, never the
    /// body or a secret. A signature that does not match is explained by
    /// what the provider signs: the URL too, when `signs_url`.
    pub(crate) fn of_provider(self, provider: &'static str, signs_url: bool) -> Rejection {
        let reason = match self.error.as_deref() {
            Some(Error::Verify(crate::VerifyError::NoMatchingSignature { .. })) if signs_url => {
                "no signature matches (wrong secret, altered body, or another URL)"
            }
            Some(Error::Verify(crate::VerifyError::NoMatchingSignature { .. })) => {
                "no signature matches (wrong secret or altered body)"
            }
            _ => self.reason,
        };
        let rejection = Rejection {
            provider: Some(provider),
            reason,
            ..self
        };
        #[cfg(feature = "tracing")]
        tracing::warn!(
            provider,
            status = rejection.status,
            reason = rejection.reason,
            url = rejection.url.as_deref(),
            explanation = rejection.explanation(),
            "webhook request rejected"
        );
        rejection
    }

    /// A content type the provider does not send: the answer names those
    /// it does, the explanation also the one received (cut short, printable
    /// ASCII only).
    pub(crate) fn unsupported_media_type(received: &str, accepted: &[&str]) -> Rejection {
        let reason = if accepted.contains(&"application/x-www-form-urlencoded") {
            "unsupported content type: send application/x-www-form-urlencoded or application/json"
        } else if accepted.contains(&"application/webhook+json") {
            "unsupported content type: send application/webhook+json or application/json"
        } else {
            "unsupported content type: send application/json"
        };
        let received: String = received
            .chars()
            .filter(|c| c.is_ascii_graphic() || *c == ' ')
            .take(64)
            .collect();
        let received = if received.is_empty() {
            "none".to_owned()
        } else {
            format!("`{received}`")
        };
        Rejection {
            detail: Some(
                format!(
                    "the content type {received} is not one this provider sends ({})",
                    accepted.join(", ")
                )
                .into_boxed_str(),
            ),
            ..Rejection::new(415, reason)
        }
    }

    /// A body over the webhook's limit.
    pub(crate) fn too_large(limit: usize) -> Rejection {
        Rejection {
            detail: Some(
                format!(
                    "the body is over this webhook's limit of {limit} bytes (`with_body_limit` raises it)"
                )
                .into_boxed_str(),
            ),
            ..Rejection::new(413, "body too large")
        }
    }

    /// The body could not be read (the client went away mid-request).
    #[cfg_attr(not(feature = "actix-web"), allow(dead_code))]
    pub(crate) fn unreadable() -> Rejection {
        Rejection::new(400, "body could not be read")
    }

    /// The application state holds no webhook, or SignalWire's public URL
    /// cannot be known: a server set-up mistake, not the sender's.
    #[cfg(any(feature = "signalwire", feature = "twilio", feature = "actix-web"))]
    pub(crate) fn not_configured(reason: &'static str) -> Rejection {
        Rejection::new(500, reason)
    }

    fn new(status: u16, reason: &'static str) -> Rejection {
        Rejection {
            status,
            reason,
            error: None,
            provider: None,
            url: None,
            detail: None,
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
            return Err(Rejection::too_large(limit));
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
            Err(Rejection::unsupported_media_type(media_type, accepted))
        }
    }
}

/// The media types of JSON webhooks (Recall.ai, Daily, Zoom).
#[cfg(any(feature = "recall", feature = "daily", feature = "zoom"))]
pub(crate) const JSON: &[&str] = &["application/json"];
/// The media types of SignalWire callbacks.
#[cfg(any(feature = "signalwire", feature = "twilio"))]
pub(crate) const FORM_OR_JSON: &[&str] = &["application/x-www-form-urlencoded", "application/json"];

impl From<Error> for Rejection {
    /// A reason per cause, fixed text that quotes nothing from the request:
    /// a stale request reads differently from a wrong signature.
    fn from(error: Error) -> Rejection {
        use crate::error::VerifyError;
        let reason = match &error {
            Error::Verify(VerifyError::MissingHeader { .. }) => "a signature header is missing",
            Error::Verify(VerifyError::MissingParameter { .. }) => "the URL has no token",
            Error::Verify(VerifyError::TooLarge { .. }) => "a header or the body is too large",
            Error::Verify(VerifyError::UnknownKey { .. }) => "the token names an unknown key",
            Error::Verify(VerifyError::QueryNotSigned { .. }) => {
                "the query is not signed: send the callback with POST"
            }
            Error::Verify(VerifyError::UnsupportedAlgorithm { .. }) => {
                "the token's algorithm is not the provider's"
            }
            Error::Verify(VerifyError::MissingClaim { .. }) => "the token lacks a required claim",
            Error::Verify(VerifyError::TokenExpired { .. }) => {
                "the token has expired (a replay, or a clock that is off)"
            }
            Error::Verify(VerifyError::TokenNotYetValid { .. }) => {
                "the token is not valid yet (a clock that is off)"
            }
            Error::Verify(VerifyError::BodyAltered { .. }) => {
                "the body was altered after it was signed"
            }
            Error::Verify(VerifyError::WrongToken { .. }) => "the URL's token does not match",
            Error::Verify(VerifyError::InvalidHeader { .. }) => "a signature header is malformed",
            Error::Verify(VerifyError::InvalidTimestamp { .. }) => {
                "the signed timestamp is malformed"
            }
            Error::Verify(VerifyError::TimestampTooOld { .. }) => {
                "the signed timestamp is too old (a replay, or a clock that is off)"
            }
            Error::Verify(VerifyError::TimestampTooNew { .. }) => {
                "the signed timestamp is in the future (a clock that is off)"
            }
            Error::Verify(VerifyError::BodyHashMismatch { .. }) => {
                "the body does not match the hash in the URL"
            }
            Error::Verify(VerifyError::NoMatchingSignature { .. }) => "no signature matches",
            Error::Parse(_) => "the body is not a valid event",
        };
        Rejection {
            status: error.status_code(),
            reason,
            error: Some(Box::new(error)),
            provider: None,
            url: None,
            detail: None,
        }
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.status, self.reason)
    }
}

impl std::error::Error for Rejection {}

const _: () = crate::webhook::assert_thread_safe::<Rejection>();
