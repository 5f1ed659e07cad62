//! What Twilio and SignalWire share: the callbacks of the voice API
//! (TwiML / cXML), read from forms by one table; the signature over the
//! URL called, with each provider's rule a parameter; and the one-call
//! path for URL-signed requests. Named after neither provider: each
//! provider module re-exports what its users need and implements the
//! verifier trait for its own `Verifier`.

pub(crate) mod callbacks;
mod params;
#[cfg(any(feature = "signalwire", feature = "twilio"))]
pub(crate) mod signature;
// Only Twilio's validators re-encode the URL.
#[cfg(feature = "twilio")]
mod spellings;
#[cfg(any(feature = "signalwire", feature = "twilio"))]
pub(crate) mod webhook;
