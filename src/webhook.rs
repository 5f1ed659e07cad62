//! What every provider's `Webhook` and `Delivery` share, written once: the
//! verifier, the body limit the server extractors enforce, the replay
//! window of the timestamped schemes, how the URL is known for the
//! providers that sign the URL they call, and the one shape of a verified
//! delivery.
//!
//! Each provider names its own `Webhook` (`recall::Webhook` is
//! `Webhook<svix::Verifier>`) and `Delivery` (`recall::Delivery` is
//! `Delivery<recall::Event, svix::Verifier>`), and adds its `new` and
//! `receive` in its own module: use those names; this module is where the
//! methods they share are documented.

use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;

use time::{Duration, OffsetDateTime};

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

/// A verified delivery: the provider's event or callback, with what the
/// request said about it. Every provider's `Webhook::receive` returns one
/// (`recall::Delivery`, `signalwire::Delivery<C>`, ...), and the server
/// extractors (features `axum`, `actix-web`) hand one to a handler.
///
/// `V` is the provider's verifier: it tells the deliveries of providers
/// that share an event type apart (SignalWire's and Twilio's callbacks),
/// so that each extractor finds its own `Webhook`.
///
/// ```
/// use recording_webhooks::recall::{Event, Webhook};
///
/// let webhook = Webhook::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")?;
/// let body = br#"{"event":"bot.done","data":{"data":{"code":"done","sub_code":null,"updated_at":"2025-01-29T23:49:58.570998+00:00"},"bot":{"id":"a31e78b3-b67e-4dcf-af63-631e7548c40f","metadata":{}}}}"#;
/// # let now = time::OffsetDateTime::now_utc().unix_timestamp();
/// # let signature = webhook.verifier().sign("msg_2rXoVnQ7JrIxm1o6gWvZRH7aMGK", now, body);
/// # let timestamp = now.to_string();
/// let headers = [
///     ("webhook-id", "msg_2rXoVnQ7JrIxm1o6gWvZRH7aMGK"),
///     ("webhook-timestamp", timestamp.as_str()),
///     ("webhook-signature", signature.as_str()),
/// ];
/// let delivery = webhook.receive(&headers, body).unwrap();
/// // The same on every retry: de-duplicate by it.
/// assert_eq!(delivery.id(), Some("msg_2rXoVnQ7JrIxm1o6gWvZRH7aMGK"));
/// assert_eq!(delivery.signed_at().map(|t| t.unix_timestamp()), Some(now));
/// assert!(matches!(delivery.event(), Event::BotDone(_)));
/// let event: Event = delivery.into_event();
/// # let _ = event;
/// # Ok::<(), recording_webhooks::SecretError>(())
/// ```
pub struct Delivery<E, V> {
    id: Option<String>,
    signed_at: Option<OffsetDateTime>,
    event: E,
    /// What a provider's endpoint challenge is answered with (Zoom's URL
    /// validation), computed only for a request that verified.
    challenge_response: Option<String>,
    verifier: PhantomData<fn() -> V>,
}

impl<E, V> Delivery<E, V> {
    /// A delivery of `event`, with the provider's id for it and the time it
    /// was signed at, where the provider sends them.
    pub(crate) fn new(
        id: Option<String>,
        signed_at: Option<OffsetDateTime>,
        event: E,
    ) -> Delivery<E, V> {
        Delivery {
            id,
            signed_at,
            event,
            challenge_response: None,
            verifier: PhantomData,
        }
    }

    /// The same delivery, answering a challenge with `response`.
    #[cfg(feature = "zoom")]
    pub(crate) fn with_challenge_response(self, response: Option<String>) -> Delivery<E, V> {
        Delivery {
            challenge_response: response,
            ..self
        }
    }

    #[cfg(feature = "zoom")]
    pub(crate) fn challenge_response(&self) -> Option<&str> {
        self.challenge_response.as_deref()
    }

    /// The provider's id of this delivery, the same on every retry of it:
    /// de-duplicate by it. Recall.ai's `webhook-id`, Daily's event `id`,
    /// Twilio's `I-Twilio-Idempotency-Token`; `None` where the provider
    /// sends none (Zoom, SignalWire, Daily's verification ping).
    #[must_use]
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// When the provider signed the request, for the schemes that sign a
    /// timestamp (Recall.ai, Daily, Zoom); `None` for the others
    /// (SignalWire, Twilio) and for Daily's unsigned verification ping.
    #[must_use]
    pub fn signed_at(&self) -> Option<OffsetDateTime> {
        self.signed_at
    }

    /// The event or callback.
    #[must_use]
    pub fn event(&self) -> &E {
        &self.event
    }

    /// The event or callback, taken out of the delivery.
    #[must_use]
    pub fn into_event(self) -> E {
        self.event
    }
}

// By hand rather than derived: a derive would ask the verifier `V`, which
// the delivery does not hold, to be `Debug`, `Clone` and `PartialEq` too.

impl<E: fmt::Debug, V> fmt::Debug for Delivery<E, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Delivery")
            .field("id", &self.id)
            .field("signed_at", &self.signed_at)
            .field("event", &self.event)
            .finish_non_exhaustive()
    }
}

impl<E: Clone, V> Clone for Delivery<E, V> {
    fn clone(&self) -> Delivery<E, V> {
        Delivery {
            id: self.id.clone(),
            signed_at: self.signed_at,
            event: self.event.clone(),
            challenge_response: self.challenge_response.clone(),
            verifier: PhantomData,
        }
    }
}

impl<E: PartialEq, V> PartialEq for Delivery<E, V> {
    fn eq(&self, other: &Delivery<E, V>) -> bool {
        self.id == other.id
            && self.signed_at == other.signed_at
            && self.event == other.event
            && self.challenge_response == other.challenge_response
    }
}

impl<E: Eq, V> Eq for Delivery<E, V> {}

/// What the server extractors (features `axum`, `actix-web`) ask of a
/// provider's verifier to turn a request into its [`Delivery`]: one
/// extractor serves every provider. Implemented by the crate's verifiers
/// only, for the events or callbacks they deliver.
#[cfg(any(feature = "axum", feature = "actix-web"))]
#[cfg_attr(docsrs, doc(cfg(any(feature = "axum", feature = "actix-web"))))]
pub trait Receive<E>: Sealed + Sized {
    /// The provider's name in rejections and logs (`recall`, `twilio`...).
    const PROVIDER: &'static str;
    /// The media types the provider's requests carry.
    const CONTENT_TYPES: &'static [&'static str];
    /// Whether a `GET` is a delivery, its parameters in the query string
    /// (the callbacks signed over the URL).
    const READS_QUERY: bool;
    /// Whether the request has a body to read (not a signed `GET` callback
    /// or websocket upgrade, whose headers alone are checked).
    const READS_BODY: bool = true;
    /// Whether the provider signs the URL it calls (a signature that does
    /// not match may then be one for another URL).
    const SIGNS_URL: bool = false;

    /// Verifies and reads one request: `get` for a `GET` read from its
    /// query, `path_and_query` as the request line had it, `body` empty
    /// for a `GET`.
    #[doc(hidden)]
    fn receive_request(
        webhook: &Webhook<Self>,
        get: bool,
        path_and_query: &str,
        headers: &(impl crate::Headers + ?Sized),
        body: &[u8],
    ) -> Result<Delivery<E, Self>, crate::Rejection>;
}

/// The server extractors' [`Receive`] of a provider whose requests are JSON
/// bodies verified from their headers alone, named `$provider`, sent with
/// `$content_types`: its `Webhook::receive` (for `Event` and `Verifier` in
/// the calling module).
/// The one piece of glue such a provider adds for the extractors.
#[cfg(any(
    feature = "recall",
    feature = "daily",
    feature = "zoom",
    feature = "livekit"
))]
macro_rules! json_receive {
    ($provider:literal, $content_types:expr) => {
        #[cfg(any(feature = "axum", feature = "actix-web"))]
        impl $crate::webhook::Receive<Event> for Verifier {
            const PROVIDER: &'static str = $provider;
            const CONTENT_TYPES: &'static [&'static str] = $content_types;
            const READS_QUERY: bool = false;

            fn receive_request(
                webhook: &Webhook,
                _get: bool,
                _path_and_query: &str,
                headers: &(impl $crate::Headers + ?Sized),
                body: &[u8],
            ) -> Result<Delivery, $crate::Rejection> {
                Ok(webhook.receive(headers, body)?)
            }
        }
    };
}

#[cfg(any(
    feature = "recall",
    feature = "daily",
    feature = "zoom",
    feature = "livekit"
))]
pub(crate) use json_receive;

/// Compiles only when `T` can be sent to and shared between threads and
/// owns what it holds: what a server asks of a verifier, a webhook kept in
/// its state, a delivery handed to a task, and an error.
pub(crate) const fn assert_thread_safe<T: Send + Sync + 'static>() {}

const _: () = {
    assert_thread_safe::<crate::Error>();
    assert_thread_safe::<crate::VerifyError>();
    assert_thread_safe::<crate::ParseError>();
    assert_thread_safe::<crate::SecretError>();
    assert_thread_safe::<crate::svix::Verifier>();
};
