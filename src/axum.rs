//! axum 0.8 extractors (feature `axum`): a handler takes the verified,
//! typed delivery as an argument.
//!
//! Every provider's `Delivery` is an extractor: [`recall::Delivery`],
//! [`daily::Delivery`], [`zoom::Delivery`], and for the callbacks of
//! SignalWire and Twilio [`signalwire::Delivery<C>`] and
//! [`twilio::Delivery<C>`] (`C` the callback: `RecordingStatusCallback`,
//! `AnyCallback`...). Each finds its provider's `Webhook` in the router
//! state through [`FromRef`], reads the body up to the webhook's limit,
//! verifies, then parses. It answers 415 for a content type the provider
//! does not send, 413 for a body over the limit, 401 when verification
//! fails and 400 when the body does not parse, with a short text
//! ([`Rejection`]) and before the handler runs; take
//! `Result<Delivery, Rejection>` to see the rejection, and keep the body of
//! a request that verified but did not parse ([`Rejection::verified_body`]).
//! A [`zoom::UrlValidationResponse`] is a response: 200 with Zoom's JSON.
//!
//! The state needs one `impl FromRef<State> for <provider>::Webhook` per
//! provider a handler extracts. Without it, axum's error does not name
//! `FromRef`: it says the handler does not implement `Handler`, at the
//! route and at `.with_state(..)`; `#[axum::debug_handler]` on the handler
//! names the missing bound.
//!
//! ```no_run
//! use axum::extract::FromRef;
//! use axum::http::StatusCode;
//! use axum::response::{IntoResponse, Response};
//! use axum::routing::post;
//! use recording_webhooks::{Rejection, daily, recall, signalwire, twilio, zoom};
//!
//! #[derive(Clone)]
//! struct State {
//!     recall: recall::Webhook,
//!     signalwire: signalwire::Webhook,
//!     daily: daily::Webhook,
//!     twilio: twilio::Webhook,
//!     zoom: zoom::Webhook,
//! }
//!
//! // How each extractor finds its webhook in the state.
//! impl FromRef<State> for recall::Webhook {
//!     fn from_ref(state: &State) -> Self { state.recall.clone() }
//! }
//! impl FromRef<State> for signalwire::Webhook {
//!     fn from_ref(state: &State) -> Self { state.signalwire.clone() }
//! }
//! impl FromRef<State> for daily::Webhook {
//!     fn from_ref(state: &State) -> Self { state.daily.clone() }
//! }
//! impl FromRef<State> for twilio::Webhook {
//!     fn from_ref(state: &State) -> Self { state.twilio.clone() }
//! }
//! impl FromRef<State> for zoom::Webhook {
//!     fn from_ref(state: &State) -> Self { state.zoom.clone() }
//! }
//!
//! async fn on_recall(delivery: Result<recall::Delivery, Rejection>) -> StatusCode {
//!     match delivery {
//!         Ok(delivery) => {
//!             println!("{:?} {}", delivery.id(), delivery.event().event_type());
//!             StatusCode::NO_CONTENT
//!         }
//!         Err(rejection) => {
//!             // Verified but not parsed: the provider's data, kept.
//!             if let Some(body) = rejection.verified_body() {
//!                 println!("dead letter: {} bytes", body.len());
//!             }
//!             StatusCode::from_u16(rejection.status_code()).unwrap_or(StatusCode::BAD_REQUEST)
//!         }
//!     }
//! }
//!
//! async fn on_recording(
//!     delivery: signalwire::Delivery<signalwire::RecordingStatusCallback>,
//! ) -> StatusCode {
//!     let callback = delivery.event();
//!     println!("{} {}", callback.recording_sid, callback.recording_status);
//!     StatusCode::NO_CONTENT
//! }
//!
//! async fn on_daily(delivery: daily::Delivery) -> StatusCode {
//!     println!("{}", delivery.event().event_type()); // the ping included
//!     StatusCode::OK
//! }
//!
//! async fn on_twilio(delivery: twilio::Delivery<twilio::AnyCallback>) -> StatusCode {
//!     // The idempotency token, the same on every retry.
//!     println!("{:?} {:?}", delivery.id(), delivery.event());
//!     StatusCode::NO_CONTENT
//! }
//!
//! async fn on_zoom(delivery: zoom::Delivery) -> Response {
//!     // Zoom's URL validation, answered only because it verified.
//!     if let Some(answer) = delivery.url_validation_response() {
//!         return answer.into_response();
//!     }
//!     println!("{} {:?}", delivery.event().event_type(), delivery.event().meeting_uuid());
//!     StatusCode::NO_CONTENT.into_response()
//! }
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let state = State {
//!     recall: recall::Webhook::new(&std::env::var("RECALL_WEBHOOK_SECRET")?)?,
//!     signalwire: signalwire::Webhook::new(&std::env::var("SIGNALWIRE_SIGNING_KEY")?)?
//!         .with_public_url("https://hooks.example.com")?,
//!     daily: daily::Webhook::new(&std::env::var("DAILY_WEBHOOK_SECRET")?)?,
//!     twilio: twilio::Webhook::new(&std::env::var("TWILIO_AUTH_TOKEN")?)?
//!         .with_public_url("https://hooks.example.com")?,
//!     zoom: zoom::Webhook::new(&std::env::var("ZOOM_SECRET_TOKEN")?)?,
//! };
//! let app = axum::Router::new()
//!     .route("/recall", post(on_recall))
//!     .route("/signalwire/recording", post(on_recording))
//!     .route("/daily", post(on_daily))
//!     .route("/twilio", post(on_twilio))
//!     .route("/zoom", post(on_zoom))
//!     .with_state(state);
//! # let _: axum::Router = app;
//! # Ok(())
//! # }
//! ```
//!
//! [`recall::Delivery`]: crate::recall::Delivery
//! [`daily::Delivery`]: crate::daily::Delivery
//! [`zoom::Delivery`]: crate::zoom::Delivery
//! [`signalwire::Delivery<C>`]: crate::signalwire::Delivery
//! [`twilio::Delivery<C>`]: crate::twilio::Delivery
//! [`zoom::UrlValidationResponse`]: crate::zoom::UrlValidationResponse

use axum::body::Bytes;
use axum::extract::{FromRef, FromRequest, OriginalUri, Request};
use axum::http::{Method, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::rejection::Rejection;
use crate::webhook::{Delivery, Receive, Webhook};
#[cfg(feature = "zoom")]
use crate::zoom;

/// Checks the content type, then reads the whole body up to `limit` bytes.
async fn read_body(
    request: Request,
    limit: usize,
    accepted: &[&str],
) -> Result<(axum::http::request::Parts, Bytes), Rejection> {
    let (parts, body) = request.into_parts();
    Rejection::check_request(
        parts
            .headers
            .get(header::CONTENT_TYPE)
            .map(|v| v.as_bytes()),
        parts
            .headers
            .get(header::CONTENT_LENGTH)
            .map(|v| v.as_bytes()),
        accepted,
        limit,
    )?;
    // With a declared length checked, an error here is the limit reached by
    // a body without one (or a client gone mid-body, which reads no answer).
    let body = axum::body::to_bytes(body, limit)
        .await
        .map_err(|_| Rejection::too_large(limit))?;
    Ok((parts, body))
}

/// Every provider's delivery, of every event or callback it sends: the
/// provider's `Webhook` found in the state, the body read up to its
/// limit, then verified and read. A rejection names its provider.
impl<S, E, V> FromRequest<S> for Delivery<E, V>
where
    V: Receive<E> + Send + Sync + 'static,
    Webhook<V>: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Rejection> {
        let webhook = Webhook::<V>::from_ref(state);
        // Behind `Router::nest` the request's URI lost its prefix; the
        // original one is what the provider called.
        let uri = request
            .extensions()
            .get::<OriginalUri>()
            .map_or(request.uri(), |original| &original.0);
        let path_and_query = uri
            .path_and_query()
            .map_or("/", |pq| pq.as_str())
            .to_owned();
        let received = if !V::READS_BODY || (V::READS_QUERY && request.method() == Method::GET) {
            V::receive_request(&webhook, true, &path_and_query, request.headers(), b"")
        } else {
            match read_body(request, webhook.body_limit(), V::CONTENT_TYPES).await {
                Ok((parts, body)) => {
                    V::receive_request(&webhook, false, &path_and_query, &parts.headers, &body)
                }
                Err(rejection) => Err(rejection),
            }
        };
        received.map_err(|rejection| rejection.of_provider(V::PROVIDER, V::SIGNS_URL))
    }
}

#[cfg(feature = "zoom")]
impl IntoResponse for zoom::UrlValidationResponse {
    /// 200 with the JSON Zoom expects.
    fn into_response(self) -> Response {
        (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json")],
            self.to_json(),
        )
            .into_response()
    }
}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        let status =
            StatusCode::from_u16(self.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        (status, self.reason()).into_response()
    }
}

impl IntoResponse for crate::Error {
    /// 401 or 400 with a short text, as [`Rejection`].
    fn into_response(self) -> Response {
        Rejection::from(self).into_response()
    }
}
