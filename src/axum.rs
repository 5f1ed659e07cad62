//! axum 0.8 extractors (feature `axum`): a handler takes the verified,
//! typed delivery as an argument.
//!
//! [`recall::Delivery`], [`daily::Delivery`], [`zoom::Delivery`],
//! [`signalwire::Form`], [`twilio::Form`] and [`twilio::Delivery`] find
//! their `Webhook` in the router state through [`FromRef`], read the body
//! up to the webhook's limit, verify, then parse. They answer 415 for the
//! wrong content type, 413 for a body over the limit, 401 when
//! verification fails and 400 when the body does not parse, with a short
//! text ([`Rejection`]). A [`zoom::UrlValidationResponse`] is a response:
//! 200 with Zoom's JSON.
//!
//! ```no_run
//! use axum::extract::FromRef;
//! use axum::http::StatusCode;
//! use axum::response::{IntoResponse, Response};
//! use axum::routing::post;
//! use recording_webhooks::{daily, recall, signalwire, twilio, zoom};
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
//! async fn on_recall(delivery: recall::Delivery) -> StatusCode {
//!     println!("{} {}", delivery.id, delivery.event.event_type());
//!     StatusCode::NO_CONTENT
//! }
//!
//! async fn on_recording(
//!     signalwire::Form(callback): signalwire::Form<signalwire::RecordingStatusCallback>,
//! ) -> StatusCode {
//!     println!("{} {}", callback.recording_sid, callback.recording_status);
//!     StatusCode::NO_CONTENT
//! }
//!
//! async fn on_daily(delivery: daily::Delivery) -> StatusCode {
//!     println!("{}", delivery.event.event_type()); // the ping included
//!     StatusCode::OK
//! }
//!
//! async fn on_twilio(
//!     twilio::Form(callback): twilio::Form<twilio::RecordingStatusCallback>,
//! ) -> StatusCode {
//!     println!("{} {}", callback.recording_sid, callback.recording_status);
//!     StatusCode::NO_CONTENT
//! }
//!
//! async fn on_zoom(delivery: zoom::Delivery) -> Response {
//!     // Zoom's URL validation, answered only because it verified.
//!     if let Some(answer) = delivery.url_validation_response() {
//!         return answer.into_response();
//!     }
//!     println!("{} {:?}", delivery.event.event_type(), delivery.event.meeting_uuid());
//!     StatusCode::NO_CONTENT.into_response()
//! }
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let state = State {
//!     recall: recall::Webhook::new(&std::env::var("RECALL_WEBHOOK_SECRET")?)?,
//!     signalwire: signalwire::Webhook::new(&std::env::var("SIGNALWIRE_SIGNING_KEY")?)?
//!         .with_public_url("https://hooks.example.com"),
//!     daily: daily::Webhook::new(&std::env::var("DAILY_WEBHOOK_SECRET")?)?,
//!     twilio: twilio::Webhook::new(&std::env::var("TWILIO_AUTH_TOKEN")?)?
//!         .with_public_url("https://hooks.example.com"),
//!     zoom: zoom::Webhook::new(&std::env::var("ZOOM_SECRET_TOKEN")?)?,
//! };
//! let app = axum::Router::new()
//!     .route("/recall", post(on_recall))
//!     .route("/signalwire/recording", post(on_recording))
//!     .route("/daily", post(on_daily))
//!     .route("/twilio/recording", post(on_twilio))
//!     .route("/zoom", post(on_zoom))
//!     .with_state(state);
//! # let _: axum::Router = app;
//! # Ok(())
//! # }
//! ```

use axum::body::Bytes;
#[cfg(any(feature = "signalwire", feature = "twilio"))]
use axum::extract::OriginalUri;
use axum::extract::{FromRef, FromRequest, Request};
#[cfg(any(feature = "recall", feature = "daily", feature = "zoom"))]
use axum::http::HeaderMap;
#[cfg(any(feature = "signalwire", feature = "twilio"))]
use axum::http::Method;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

#[cfg(any(feature = "signalwire", feature = "twilio"))]
use crate::cxml::callbacks::Callback;
#[cfg(any(feature = "signalwire", feature = "twilio"))]
use crate::cxml::webhook::{FromCallback, UrlVerifier};
#[cfg(feature = "daily")]
use crate::daily;
#[cfg(feature = "recall")]
use crate::recall;
#[cfg(any(feature = "signalwire", feature = "twilio"))]
use crate::rejection::FORM_OR_JSON;
#[cfg(any(feature = "recall", feature = "daily", feature = "zoom"))]
use crate::rejection::JSON;
use crate::rejection::Rejection;
#[cfg(feature = "signalwire")]
use crate::signalwire;
#[cfg(feature = "twilio")]
use crate::twilio;
use crate::webhook::Webhook;
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
        .map_err(|_| Rejection::too_large())?;
    Ok((parts, body))
}

/// A JSON delivery (Recall.ai, Daily, Zoom): the body read up to the
/// webhook's limit, then the webhook's own `receive`; a rejection names
/// its provider.
#[cfg(any(feature = "recall", feature = "daily", feature = "zoom"))]
async fn json_delivery<V, D>(
    webhook: Webhook<V>,
    request: Request,
    provider: &'static str,
    receive: impl FnOnce(&Webhook<V>, &HeaderMap, &[u8]) -> Result<D, crate::Error>,
) -> Result<D, Rejection> {
    async {
        let (parts, body) = read_body(request, webhook.body_limit(), JSON).await?;
        Ok(receive(&webhook, &parts.headers, &body)?)
    }
    .await
    .map_err(|rejection: Rejection| rejection.of_provider(provider))
}

#[cfg(feature = "recall")]
impl<S> FromRequest<S> for recall::Delivery
where
    recall::Webhook: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Rejection> {
        let webhook = recall::Webhook::from_ref(state);
        json_delivery(webhook, request, "recall", |w, h, b| w.receive(h, b)).await
    }
}

#[cfg(feature = "daily")]
impl<S> FromRequest<S> for daily::Delivery
where
    daily::Webhook: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Rejection> {
        let webhook = daily::Webhook::from_ref(state);
        json_delivery(webhook, request, "daily", |w, h, b| w.receive(h, b)).await
    }
}

#[cfg(feature = "zoom")]
impl<S> FromRequest<S> for zoom::Delivery
where
    zoom::Webhook: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Rejection> {
        let webhook = zoom::Webhook::from_ref(state);
        json_delivery(webhook, request, "zoom", |w, h, b| w.receive(h, b)).await
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

/// A callback signed over the URL called (SignalWire, Twilio): the flow is
/// the webhook's own; this reads the parts axum holds. A rejection names
/// its provider.
#[cfg(any(feature = "signalwire", feature = "twilio"))]
async fn url_callback<V, O>(
    webhook: Webhook<V>,
    request: Request,
    provider: &'static str,
) -> Result<O, Rejection>
where
    V: UrlVerifier + Send + Sync,
    O: FromCallback,
{
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
    let received = if request.method() == Method::GET {
        webhook.receive_request(true, &path_and_query, request.headers(), b"")
    } else {
        let (parts, body) = read_body(request, webhook.body_limit(), FORM_OR_JSON).await?;
        webhook.receive_request(false, &path_and_query, &parts.headers, &body)
    };
    received.map_err(|rejection| rejection.of_provider(provider))
}

#[cfg(feature = "signalwire")]
impl<S, C> FromRequest<S> for signalwire::Form<C>
where
    signalwire::Webhook: FromRef<S>,
    S: Send + Sync,
    C: Callback,
{
    type Rejection = Rejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Rejection> {
        url_callback(signalwire::Webhook::from_ref(state), request, "signalwire").await
    }
}

#[cfg(feature = "twilio")]
impl<S, C> FromRequest<S> for twilio::Form<C>
where
    twilio::Webhook: FromRef<S>,
    S: Send + Sync,
    C: Callback,
{
    type Rejection = Rejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Rejection> {
        url_callback(twilio::Webhook::from_ref(state), request, "twilio").await
    }
}

#[cfg(feature = "twilio")]
impl<S, C> FromRequest<S> for twilio::Delivery<C>
where
    twilio::Webhook: FromRef<S>,
    S: Send + Sync,
    C: Callback,
{
    type Rejection = Rejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Rejection> {
        url_callback(twilio::Webhook::from_ref(state), request, "twilio").await
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
