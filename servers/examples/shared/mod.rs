//! What both receiver examples share: the webhooks built from the
//! environment, and the ids of deliveries already processed.

use std::collections::{HashSet, VecDeque};
use std::sync::{Arc, Mutex};

use recording_webhooks::{Rejection, daily, livekit, recall, signalwire, telnyx, twilio, zoom};

/// The kind of a Twilio callback, for the log; `None` for the requests
/// that wait for the call's next instructions (TwiML): the Voice URL
/// request and the `<Gather>` action.
pub fn twilio_kind(callback: &twilio::AnyCallback) -> Option<&'static str> {
    Some(match callback {
        twilio::AnyCallback::Voice(_) | twilio::AnyCallback::GatherAction(_) => return None,
        twilio::AnyCallback::Recording(_) => "recording",
        twilio::AnyCallback::Status(_) => "status",
        twilio::AnyCallback::Transcribe(_) => "transcription",
        twilio::AnyCallback::DialAction(_) => "dial action",
        twilio::AnyCallback::RecordAction(_) => "record action",
        twilio::AnyCallback::ConferenceStatus(_) => "conference",
        twilio::AnyCallback::AmdStatus(_) => "answering machine detection",
        _ => "other",
    })
}

/// The webhooks of every provider, and the delivery ids seen (shared by
/// every clone).
#[derive(Clone)]
pub struct Webhooks {
    pub recall: recall::Webhook,
    pub signalwire: signalwire::Webhook,
    pub twilio: twilio::Webhook,
    pub daily: daily::Webhook,
    pub zoom: zoom::Webhook,
    pub livekit: livekit::Webhook,
    pub telnyx: telnyx::Webhook,
    seen: Arc<Mutex<SeenIds>>,
    dead_letters: Arc<Mutex<VecDeque<DeadLetter>>>,
}

impl Webhooks {
    /// Secrets from `RECALL_WEBHOOK_SECRET`, `SIGNALWIRE_SIGNING_KEY`,
    /// `TWILIO_AUTH_TOKEN`, `DAILY_WEBHOOK_SECRET`, `ZOOM_SECRET_TOKEN`
    /// (several Zoom tokens separated by commas), `LIVEKIT_API_KEY`,
    /// `LIVEKIT_API_SECRET` and `TELNYX_PUBLIC_KEY`, read by `lookup`;
    /// public demo secrets only when `demo` is set. SignalWire's and
    /// Twilio's public URL is `PUBLIC_BASE_URL`; without it their routes
    /// answer 500, unless `demo` trusts the request's own `Host` (fine
    /// locally, never in production).
    pub fn from_lookup(
        lookup: impl Fn(&str) -> Option<String>,
        demo: bool,
    ) -> Result<Webhooks, Box<dyn std::error::Error>> {
        let secret = |name: &str, demo_secret: &str| match lookup(name) {
            Some(secret) => Ok(secret),
            None if demo => Ok(demo_secret.to_owned()),
            None => Err(format!(
                "set {name}, or run with --demo to use the demo secrets"
            )),
        };
        let recall = recall::Webhook::new(&secret(
            "RECALL_WEBHOOK_SECRET",
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        )?)?;
        let signalwire = signalwire::Webhook::new(&secret(
            "SIGNALWIRE_SIGNING_KEY",
            "PSK_V3bF8oyeRNpJWGoRWHNYQMUU",
        )?)?;
        let twilio = twilio::Webhook::new(&secret("TWILIO_AUTH_TOKEN", "12345")?)?;
        let (signalwire, twilio) = match lookup("PUBLIC_BASE_URL") {
            Some(base) => (
                signalwire.with_public_url(&base)?,
                twilio.with_public_url(&base)?,
            ),
            // A local demo: the request's own `Host` is the URL signed.
            None if demo => (
                signalwire.trust_forwarded_headers(),
                twilio.trust_forwarded_headers(),
            ),
            // Trusting `Host` / `X-Forwarded-*` here would let a request
            // signed for one endpoint be replayed against another: without
            // the public URL, those routes answer 500 and say why.
            None => {
                eprintln!(
                    "SignalWire and Twilio routes are off: set PUBLIC_BASE_URL to the URL \
                     the providers call (https://hooks.example.com), or run with --demo \
                     to trust the Host header locally"
                );
                (signalwire, twilio)
            }
        };
        let daily = daily::Webhook::new(&secret(
            "DAILY_WEBHOOK_SECRET",
            "ZXhhbXBsZS1kYWlseS13ZWJob29rLXNlY3JldC0zMmI=",
        )?)?;
        // Several Zoom apps (or a token being rotated) behind one URL.
        let zoom_tokens = secret("ZOOM_SECRET_TOKEN", "zoom-test-secret-token-0001")?;
        let mut tokens = zoom_tokens.split(',');
        let mut zoom = zoom::Webhook::new(tokens.next().unwrap_or_default())?;
        for token in tokens {
            zoom = zoom.with_secret_token(token)?;
        }
        let livekit = livekit::Webhook::new(
            &secret("LIVEKIT_API_KEY", "APIkey123")?,
            &secret(
                "LIVEKIT_API_SECRET",
                "secret-that-is-at-least-32-bytes-long!!",
            )?,
        )?;
        // Telnyx's demo key is the crate's test key pair's, which `rwh`
        // signs with.
        let telnyx = telnyx::Webhook::new(&secret(
            "TELNYX_PUBLIC_KEY",
            "SBO4g1MoMXJfqu2e+asjEJLyK5xoox1cqi85p5oDPIs=",
        )?)?;
        Ok(Webhooks {
            telnyx,
            recall,
            signalwire,
            twilio,
            daily,
            zoom,
            livekit,
            seen: Arc::default(),
            dead_letters: Arc::default(),
        })
    }

    /// What a handler does with its extractor's answer: a delivery goes on;
    /// a rejection is answered as it is, but a body that verified and did
    /// not parse is the provider's data, and is kept first (a dead letter:
    /// in memory here; in a real service, storage that outlives it).
    pub fn accept<T>(&self, received: Result<T, Rejection>) -> Result<T, Rejection> {
        if let Err(rejection) = &received
            && let Some(body) = rejection.verified_body()
        {
            let provider = rejection.provider().unwrap_or("-");
            eprintln!(
                "{provider:<11} dead letter: {} verified bytes kept ({:?})",
                body.len(),
                rejection.error().map(ToString::to_string)
            );
            let mut letters = self
                .dead_letters
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            letters.push_back((provider, body.to_vec()));
            if letters.len() > REMEMBERED_IDS {
                letters.pop_front();
            }
        }
        received
    }

    /// The dead letters kept so far: provider and body.
    pub fn dead_letters(&self) -> Vec<DeadLetter> {
        let letters = self
            .dead_letters
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        letters.iter().cloned().collect()
    }

    /// Records a delivery id; false when it was seen before (a retry).
    pub fn first_time(&self, id: &str) -> bool {
        let mut seen = self
            .seen
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        seen.insert(id)
    }
}

/// `(port, demo)` from the command line: `[PORT] [--demo]`.
pub fn arguments(default_port: u16) -> Result<(u16, bool), std::num::ParseIntError> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let demo = args.iter().any(|arg| arg == "--demo");
    let port = args.iter().find(|arg| *arg != "--demo");
    Ok((port.map_or(Ok(default_port), |p| p.parse())?, demo))
}

/// A body that verified but did not parse, and its provider.
pub type DeadLetter = (&'static str, Vec<u8>);

/// How many ids are remembered: enough to cover the providers' retries.
const REMEMBERED_IDS: usize = 10_000;

/// Ids in arrival order, forgetting the oldest past the bound.
#[derive(Default)]
struct SeenIds {
    order: VecDeque<String>,
    set: HashSet<String>,
}

impl SeenIds {
    fn insert(&mut self, id: &str) -> bool {
        if !self.set.insert(id.to_owned()) {
            return false;
        }
        self.order.push_back(id.to_owned());
        if self.order.len() > REMEMBERED_IDS
            && let Some(oldest) = self.order.pop_front()
        {
            self.set.remove(&oldest);
        }
        true
    }
}
