//! What every provider's `Webhook` shares, written once: its verifier, the
//! body limit the server extractors enforce, the replay window of the
//! timestamped schemes, and, for the providers that sign the URL they call,
//! how that URL is known.
//!
//! Each provider names its own `Webhook` (`recall::Webhook` is
//! `Webhook<svix::Verifier>`) and adds its `new` and `receive` in its own
//! module: use those names; this module is where the methods they share
//! are documented.

use std::sync::Arc;

use time::Duration;

#[cfg(any(feature = "signalwire", feature = "twilio"))]
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
/// [`twilio::Webhook`](crate::twilio::Webhook). Cloning one is cheap (a
/// reference count): a server extractor that takes it out of the
/// application state per request copies no keys.
#[derive(Debug)]
pub struct Webhook<V> {
    settings: Arc<Settings<V>>,
}

/// What a `Webhook` holds, shared by its clones.
#[derive(Debug, Clone)]
pub(crate) struct Settings<V> {
    pub(crate) verifier: V,
    pub(crate) body_limit: usize,
    /// The public base URL (URL-signed providers only).
    pub(crate) public_url: Option<String>,
    /// Whether `Host` / `X-Forwarded-*` may stand in for it.
    pub(crate) trust_forwarded: bool,
}

impl<V> Clone for Webhook<V> {
    fn clone(&self) -> Webhook<V> {
        Webhook {
            settings: Arc::clone(&self.settings),
        }
    }
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
    /// The body limit the server extractors enforce.
    #[must_use]
    pub fn body_limit(&self) -> usize {
        self.settings.body_limit
    }

    /// The verifier inside, to sign test requests with.
    #[must_use]
    pub fn verifier(&self) -> &V {
        &self.settings.verifier
    }

    #[cfg(any(feature = "signalwire", feature = "twilio"))]
    pub(crate) fn settings(&self) -> &Settings<V> {
        &self.settings
    }
}

impl<V: Clone> Webhook<V> {
    /// The same webhook with another body limit for the server extractors
    /// (default [`crate::DEFAULT_BODY_LIMIT`]); a larger body is answered 413.
    #[must_use]
    pub fn with_body_limit(self, bytes: usize) -> Webhook<V> {
        self.with(|settings| settings.body_limit = bytes)
    }

    /// The same webhook with its settings changed by `change`.
    pub(crate) fn with(self, change: impl FnOnce(&mut Settings<V>)) -> Webhook<V> {
        let mut settings = Arc::unwrap_or_clone(self.settings);
        change(&mut settings);
        Webhook {
            settings: Arc::new(settings),
        }
    }

    /// The same webhook with its verifier changed by `change` (another key
    /// added), the other settings kept.
    pub(crate) fn try_map_verifier<E>(
        self,
        change: impl FnOnce(V) -> Result<V, E>,
    ) -> Result<Webhook<V>, E> {
        let Settings {
            verifier,
            body_limit,
            public_url,
            trust_forwarded,
        } = Arc::unwrap_or_clone(self.settings);
        Ok(Webhook {
            settings: Arc::new(Settings {
                verifier: change(verifier)?,
                body_limit,
                public_url,
                trust_forwarded,
            }),
        })
    }
}

impl<V: Timestamped + Clone> Webhook<V> {
    /// The same webhook with another replay window (default 5 minutes): a
    /// request signed further than `tolerance` from "now", either way, does
    /// not verify. A negative tolerance counts as zero.
    #[must_use]
    pub fn with_tolerance(self, tolerance: Duration) -> Webhook<V> {
        // Changing the window cannot fail.
        let Ok(webhook) = self.try_map_verifier(|verifier| {
            Ok::<V, std::convert::Infallible>(verifier.with_tolerance(tolerance))
        });
        webhook
    }

    /// The replay window in force.
    #[must_use]
    pub fn tolerance(&self) -> Duration {
        self.settings.verifier.tolerance()
    }
}

impl<V> From<V> for Webhook<V> {
    fn from(verifier: V) -> Webhook<V> {
        Webhook {
            settings: Arc::new(Settings {
                verifier,
                body_limit: crate::DEFAULT_BODY_LIMIT,
                public_url: None,
                trust_forwarded: false,
            }),
        }
    }
}
