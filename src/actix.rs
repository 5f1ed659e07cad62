//! actix-web 4 extractors (feature `actix-web`): a handler takes the
//! verified, typed delivery as an argument.
//!
//! [`recall::Delivery`], [`daily::Delivery`], [`zoom::Delivery`],
//! [`signalwire::Form`], [`twilio::Form`] and [`twilio::Delivery`] find
//! their `Webhook` in the
//! application data (`web::Data<recall::Webhook>`,
//! ...), read the body up to the webhook's limit, verify, then parse. They
//! answer 415 for the wrong content type, 413 for a body over the limit,
//! 401 when verification fails and 400 when the body does not parse, with a
//! short text ([`Rejection`]). [`crate::Headers`] is implemented for
//! actix-web's own `HeaderMap`, [`crate::Error`] is a `ResponseError`, and
//! a [`zoom::UrlValidationResponse`] is a `Responder` (200, Zoom's JSON).
//!
//! ```no_run
//! use actix_web::{App, HttpResponse, Responder, web};
//! use recording_webhooks::{daily, recall, signalwire, twilio, zoom};
//!
//! async fn on_recall(delivery: recall::Delivery) -> HttpResponse {
//!     println!("{} {}", delivery.id, delivery.event.event_type());
//!     HttpResponse::NoContent().finish()
//! }
//!
//! async fn on_recording(
//!     signalwire::Form(callback): signalwire::Form<signalwire::RecordingStatusCallback>,
//! ) -> HttpResponse {
//!     println!("{} {}", callback.recording_sid, callback.recording_status);
//!     HttpResponse::NoContent().finish()
//! }
//!
//! async fn on_daily(delivery: daily::Delivery) -> HttpResponse {
//!     println!("{}", delivery.event.event_type()); // the ping included
//!     HttpResponse::Ok().finish()
//! }
//!
//! async fn on_twilio(
//!     twilio::Form(callback): twilio::Form<twilio::RecordingStatusCallback>,
//! ) -> HttpResponse {
//!     println!("{} {}", callback.recording_sid, callback.recording_status);
//!     HttpResponse::NoContent().finish()
//! }
//!
//! async fn on_zoom(request: actix_web::HttpRequest, delivery: zoom::Delivery) -> HttpResponse {
//!     // Zoom's URL validation, answered only because it verified.
//!     if let Some(answer) = delivery.url_validation_response() {
//!         return answer.respond_to(&request);
//!     }
//!     println!("{} {:?}", delivery.event.event_type(), delivery.event.meeting_uuid());
//!     HttpResponse::NoContent().finish()
//! }
//!
//! # fn app() -> Result<(), Box<dyn std::error::Error>> {
//! let recall = recall::Webhook::new(&std::env::var("RECALL_WEBHOOK_SECRET")?)?;
//! let signalwire = signalwire::Webhook::new(&std::env::var("SIGNALWIRE_SIGNING_KEY")?)?
//!     .with_public_url("https://hooks.example.com");
//! let daily = daily::Webhook::new(&std::env::var("DAILY_WEBHOOK_SECRET")?)?;
//! let twilio = twilio::Webhook::new(&std::env::var("TWILIO_AUTH_TOKEN")?)?
//!     .with_public_url("https://hooks.example.com");
//! let zoom = zoom::Webhook::new(&std::env::var("ZOOM_SECRET_TOKEN")?)?;
//! let app = App::new()
//!     .app_data(web::Data::new(recall))
//!     .app_data(web::Data::new(signalwire))
//!     .app_data(web::Data::new(daily))
//!     .app_data(web::Data::new(twilio))
//!     .app_data(web::Data::new(zoom))
//!     .route("/recall", web::post().to(on_recall))
//!     .route("/signalwire/recording", web::post().to(on_recording))
//!     .route("/daily", web::post().to(on_daily))
//!     .route("/twilio/recording", web::post().to(on_twilio))
//!     .route("/zoom", web::post().to(on_zoom));
//! # let _ = app;
//! # Ok(())
//! # }
//! ```

use std::future::Future;
use std::pin::Pin;

#[cfg(feature = "zoom")]
use actix_web::Responder;
use actix_web::body::BoxBody;
use actix_web::dev::Payload;
#[cfg(any(feature = "signalwire", feature = "twilio"))]
use actix_web::http::Method;
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderMap};
use actix_web::web::{self, Bytes};
use actix_web::{FromRequest, HttpRequest, HttpResponse, ResponseError};

#[cfg(any(feature = "signalwire", feature = "twilio"))]
use crate::cxml::callbacks::Callback;
#[cfg(any(feature = "signalwire", feature = "twilio"))]
use crate::cxml::webhook::{FromCallback, UrlVerifier};
#[cfg(feature = "daily")]
use crate::daily;
use crate::headers::Headers;
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

type Extracted<T> = Pin<Box<dyn Future<Output = Result<T, Rejection>>>>;

impl Headers for HeaderMap {
    fn header(&self, name: &str) -> Option<&str> {
        self.get(name).and_then(|value| value.to_str().ok())
    }

    fn header_bytes(&self, name: &str) -> Option<&[u8]> {
        self.get(name).map(|value| value.as_bytes())
    }

    fn header_bytes_many<const N: usize>(&self, names: [&str; N]) -> [Option<&[u8]>; N] {
        crate::headers::first_of_each(self.iter().map(|(n, v)| (n.as_str(), v.as_bytes())), names)
    }
}

/// The webhook in the application data: a reference-counted handle to it,
/// not a copy of its keys.
fn webhook<W: 'static>(
    request: &HttpRequest,
    name: &'static str,
) -> Result<web::Data<W>, Rejection> {
    request
        .app_data::<web::Data<W>>()
        .cloned()
        .ok_or(Rejection::not_configured(name))
}

/// Checks the content type, then reads the whole body up to `limit` bytes.
async fn read_body(
    request: &HttpRequest,
    payload: web::Payload,
    limit: usize,
    accepted: &[&str],
) -> Result<Bytes, Rejection> {
    let headers = request.headers();
    Rejection::check_request(
        headers.get(header::CONTENT_TYPE).map(|v| v.as_bytes()),
        headers.get(header::CONTENT_LENGTH).map(|v| v.as_bytes()),
        accepted,
        limit,
    )?;
    match payload.to_bytes_limited(limit).await {
        Ok(Ok(body)) => Ok(body),
        Ok(Err(_)) => Err(Rejection::unreadable()),
        Err(_) => Err(Rejection::too_large()),
    }
}

/// A JSON delivery (Recall.ai, Daily, Zoom), with the webhook found in the
/// app data: the body read up to its limit, then its own `receive`; a
/// rejection names its provider.
#[cfg(any(feature = "recall", feature = "daily", feature = "zoom"))]
fn json_delivery<V: 'static, D: 'static>(
    request: &HttpRequest,
    payload: &mut Payload,
    missing: &'static str,
    provider: &'static str,
    receive: impl FnOnce(&Webhook<V>, &HeaderMap, &[u8]) -> Result<D, crate::Error> + 'static,
) -> Extracted<D> {
    let request = request.clone();
    let payload = web::Payload::from_request(&request, payload);
    Box::pin(async move {
        let received: Result<D, Rejection> = async {
            let webhook = webhook::<Webhook<V>>(&request, missing)?;
            let payload = payload.await.map_err(|_| Rejection::unreadable())?;
            let body = read_body(&request, payload, webhook.body_limit(), JSON).await?;
            Ok(receive(&webhook, request.headers(), &body)?)
        }
        .await;
        received.map_err(|rejection| rejection.of_provider(provider))
    })
}

#[cfg(feature = "recall")]
impl FromRequest for recall::Delivery {
    type Error = Rejection;
    type Future = Extracted<Self>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        json_delivery(
            request,
            payload,
            "no web::Data<recall::Webhook> in the app",
            "recall",
            |webhook: &recall::Webhook, headers, body| webhook.receive(headers, body),
        )
    }
}

#[cfg(feature = "daily")]
impl FromRequest for daily::Delivery {
    type Error = Rejection;
    type Future = Extracted<Self>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        json_delivery(
            request,
            payload,
            "no web::Data<daily::Webhook> in the app",
            "daily",
            |webhook: &daily::Webhook, headers, body| webhook.receive(headers, body),
        )
    }
}

#[cfg(feature = "zoom")]
impl FromRequest for zoom::Delivery {
    type Error = Rejection;
    type Future = Extracted<Self>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        json_delivery(
            request,
            payload,
            "no web::Data<zoom::Webhook> in the app",
            "zoom",
            |webhook: &zoom::Webhook, headers, body| webhook.receive(headers, body),
        )
    }
}

#[cfg(feature = "zoom")]
impl Responder for zoom::UrlValidationResponse {
    type Body = BoxBody;

    /// 200 with the JSON Zoom expects.
    fn respond_to(self, _request: &HttpRequest) -> HttpResponse<BoxBody> {
        HttpResponse::Ok()
            .content_type("application/json")
            .body(self.to_json())
    }
}

/// A callback signed over the URL called (SignalWire, Twilio), with the
/// webhook found in the app data: the flow is the webhook's own; this reads
/// the parts actix-web holds (its `uri()` keeps a scope's prefix). A
/// rejection names its provider.
#[cfg(any(feature = "signalwire", feature = "twilio"))]
fn url_callback<V, O>(
    request: &HttpRequest,
    payload: &mut Payload,
    provider: &'static str,
    missing: &'static str,
) -> Extracted<O>
where
    V: UrlVerifier + 'static,
    O: FromCallback + 'static,
{
    let request = request.clone();
    let payload = web::Payload::from_request(&request, payload);
    Box::pin(async move {
        let received = async {
            let webhook = webhook::<Webhook<V>>(&request, missing)?;
            let path_and_query = request.uri().path_and_query().map_or("/", |pq| pq.as_str());
            if request.method() == Method::GET {
                return webhook.receive_request(true, path_and_query, request.headers(), b"");
            }
            let payload = payload.await.map_err(|_| Rejection::unreadable())?;
            let body = read_body(&request, payload, webhook.body_limit(), FORM_OR_JSON).await?;
            webhook.receive_request(false, path_and_query, request.headers(), &body)
        };
        received
            .await
            .map_err(|rejection| rejection.of_provider(provider))
    })
}

#[cfg(feature = "signalwire")]
impl<C: Callback + 'static> FromRequest for signalwire::Form<C> {
    type Error = Rejection;
    type Future = Extracted<Self>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        url_callback::<signalwire::Verifier, Self>(
            request,
            payload,
            "signalwire",
            "no web::Data<signalwire::Webhook> in the app",
        )
    }
}

#[cfg(feature = "twilio")]
impl<C: Callback + 'static> FromRequest for twilio::Form<C> {
    type Error = Rejection;
    type Future = Extracted<Self>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        url_callback::<twilio::Verifier, Self>(
            request,
            payload,
            "twilio",
            "no web::Data<twilio::Webhook> in the app",
        )
    }
}

#[cfg(feature = "twilio")]
impl<C: Callback + 'static> FromRequest for twilio::Delivery<C> {
    type Error = Rejection;
    type Future = Extracted<Self>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        url_callback::<twilio::Verifier, Self>(
            request,
            payload,
            "twilio",
            "no web::Data<twilio::Webhook> in the app",
        )
    }
}

impl ResponseError for Rejection {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn error_response(&self) -> HttpResponse<BoxBody> {
        HttpResponse::build(ResponseError::status_code(self)).body(self.reason())
    }
}

impl ResponseError for crate::Error {
    /// 401 or 400.
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(crate::Error::status_code(self)).unwrap_or(StatusCode::BAD_REQUEST)
    }

    /// A short text, as [`Rejection`]: never the body.
    fn error_response(&self) -> HttpResponse<BoxBody> {
        Rejection::from(self.clone()).error_response()
    }
}
