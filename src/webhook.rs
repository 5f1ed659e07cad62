//! What every provider's `Webhook` shares, written once: its verifier, the
//! body limit the server extractors enforce, the replay window of the
//! timestamped schemes, and, for the providers that sign the URL they call,
//! how that URL is known.
//!
//! Each provider names its own `Webhook` (`recall::Webhook` is
//! `Webhook<svix::Verifier>`) and adds its `new` and `receive` in its own
//! module: use those names; this module is where the methods they share
//! are documented.

use time::Duration;

pub use crate::cxml::webhook::UrlVerifier;

mod sealed {
    /// Implemented by the crate's verifiers only.
    pub trait Sealed {}
}

pub(crate) use sealed::Sealed;

/// A provider's verifier and the settings of the one-call path around it.
///
/// Use it through a provider's alias: [`recall::Webhook`](crate::recall::Webhook),
/// [`daily::Webhook`](crate::daily::Webhook), [`zoom::Webhook`](crate::zoom::Webhook),
/// [`signalwire::Webhook`](crate::signalwire::Webhook) or
/// [`twilio::Webhook`](crate::twilio::Webhook).
#[derive(Debug, Clone)]
pub struct Webhook<V> {
    pub(crate) verifier: V,
    pub(crate) body_limit: usize,
    /// The public base URL (URL-signed providers only).
    pub(crate) public_url: Option<String>,
    /// Whether `Host` / `X-Forwarded-*` may stand in for it.
    pub(crate) trust_forwarded: bool,
}

/// A verifier whose scheme signs a timestamp, checked within a window:
/// Svix / Standard Webhooks (Recall.ai), Daily and Zoom. Implemented by the
/// crate's verifiers only.
pub trait Timestamped: Sealed + Sized {
    /// The replay window in force.
    fn tolerance(&self) -> Duration;
    /// The same verifier with another replay window.
    #[must_use]
    fn with_tolerance(self, tolerance: Duration) -> Self;
}

impl<V> Webhook<V> {
    /// The same webhook with another body limit for the server extractors
    /// (default [`crate::DEFAULT_BODY_LIMIT`]); a larger body is answered 413.
    #[must_use]
    pub fn with_body_limit(self, bytes: usize) -> Webhook<V> {
        Webhook {
            body_limit: bytes,
            ..self
        }
    }

    /// The body limit the server extractors enforce.
    #[must_use]
    pub fn body_limit(&self) -> usize {
        self.body_limit
    }

    /// The verifier inside, to sign test requests with.
    #[must_use]
    pub fn verifier(&self) -> &V {
        &self.verifier
    }

    /// The same webhook with its verifier changed by `change` (another key
    /// added), the other settings kept.
    pub(crate) fn try_map_verifier<E>(
        self,
        change: impl FnOnce(V) -> Result<V, E>,
    ) -> Result<Webhook<V>, E> {
        Ok(Webhook {
            verifier: change(self.verifier)?,
            ..self
        })
    }
}

impl<V: Timestamped> Webhook<V> {
    /// The same webhook with another replay window (default 5 minutes): a
    /// request signed further than `tolerance` from "now", either way, does
    /// not verify. A negative tolerance counts as zero.
    #[must_use]
    pub fn with_tolerance(self, tolerance: Duration) -> Webhook<V> {
        Webhook {
            verifier: self.verifier.with_tolerance(tolerance),
            ..self
        }
    }

    /// The replay window in force.
    #[must_use]
    pub fn tolerance(&self) -> Duration {
        self.verifier.tolerance()
    }
}

impl<V> From<V> for Webhook<V> {
    fn from(verifier: V) -> Webhook<V> {
        Webhook {
            verifier,
            body_limit: crate::DEFAULT_BODY_LIMIT,
            public_url: None,
            trust_forwarded: false,
        }
    }
}
