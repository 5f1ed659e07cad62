//! actix-web 4 extractors (feature `actix-web`): a handler takes the
//! verified, typed delivery as an argument.
//!
//! Every provider's `Delivery` is an extractor: [`recall::Delivery`],
//! [`daily::Delivery`], [`zoom::Delivery`], and for the callbacks of
//! SignalWire and Twilio [`signalwire::Delivery<C>`] and
//! [`twilio::Delivery<C>`]. Each finds its provider's `Webhook` in the
//! application data (`web::Data<recall::Webhook>`, ...), reads the body up
//! to the webhook's limit, verifies, then parses. It answers 415 for a
//! content type the provider does not send, 413 for a body over the limit,
//! 401 when verification fails and 400 when the body does not parse, with
//! a short text ([`Rejection`]); take `Result<Delivery, Rejection>` to see
//! the rejection, and keep the body of a request that verified but did not
//! parse ([`Rejection::verified_body`]). [`crate::Headers`] is implemented
//! for actix-web's own `HeaderMap`, [`crate::Error`] and [`Rejection`] are
//! `ResponseError`s, and a [`zoom::UrlValidationResponse`] is a
//! `Responder` (200, Zoom's JSON). A missing `web::Data<...::Webhook>` is
//! answered 500, saying so.
//!
//! ```no_run
//! use actix_web::{App, HttpResponse, Responder, web};
//! use recording_webhooks::{Rejection, daily, recall, signalwire, twilio, zoom};
//!
//! async fn on_recall(delivery: Result<recall::Delivery, Rejection>) -> HttpResponse {
//!     match delivery {
//!         Ok(delivery) => {
//!             println!("{:?} {}", delivery.id(), delivery.event().event_type());
//!             HttpResponse::NoContent().finish()
//!         }
//!         Err(rejection) => {
//!             // Verified but not parsed: the provider's data, kept.
//!             if let Some(body) = rejection.verified_body() {
//!                 println!("dead letter: {} bytes", body.len());
//!             }
//!             actix_web::ResponseError::error_response(&rejection)
//!         }
//!     }
//! }
//!
//! async fn on_recording(
//!     delivery: signalwire::Delivery<signalwire::RecordingStatusCallback>,
//! ) -> HttpResponse {
//!     let callback = delivery.event();
//!     println!("{} {}", callback.recording_sid, callback.recording_status);
//!     HttpResponse::NoContent().finish()
//! }
//!
//! async fn on_daily(delivery: daily::Delivery) -> HttpResponse {
//!     println!("{}", delivery.event().event_type()); // the ping included
//!     HttpResponse::Ok().finish()
//! }
//!
//! async fn on_twilio(delivery: twilio::Delivery<twilio::AnyCallback>) -> HttpResponse {
//!     println!("{:?} {:?}", delivery.id(), delivery.event());
//!     HttpResponse::NoContent().finish()
//! }
//!
//! async fn on_zoom(request: actix_web::HttpRequest, delivery: zoom::Delivery) -> HttpResponse {
//!     // Zoom's URL validation, answered only because it verified.
//!     if let Some(answer) = delivery.url_validation_response() {
//!         return answer.respond_to(&request);
//!     }
//!     println!("{} {:?}", delivery.event().event_type(), delivery.event().meeting_uuid());
//!     HttpResponse::NoContent().finish()
//! }
//!
//! # fn app() -> Result<(), Box<dyn std::error::Error>> {
//! let recall = recall::Webhook::new(&std::env::var("RECALL_WEBHOOK_SECRET")?)?;
//! let signalwire = signalwire::Webhook::new(&std::env::var("SIGNALWIRE_SIGNING_KEY")?)?
//!     .with_public_url("https://hooks.example.com")?;
//! let daily = daily::Webhook::new(&std::env::var("DAILY_WEBHOOK_SECRET")?)?;
//! let twilio = twilio::Webhook::new(&std::env::var("TWILIO_AUTH_TOKEN")?)?
//!     .with_public_url("https://hooks.example.com")?;
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
//!     .route("/twilio", web::post().to(on_twilio))
//!     .route("/zoom", web::post().to(on_zoom));
//! # let _ = app;
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

use std::future::Future;
use std::pin::Pin;

#[cfg(feature = "zoom")]
use actix_web::Responder;
use actix_web::body::BoxBody;
use actix_web::dev::Payload;
use actix_web::http::header::{self, HeaderMap};
use actix_web::http::{Method, StatusCode};
use actix_web::web::{self, Bytes};
use actix_web::{FromRequest, HttpRequest, HttpResponse, ResponseError};

use crate::headers::Headers;
use crate::rejection::Rejection;
use crate::webhook::{Delivery, Receive, Webhook};
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
        Err(_) => Err(Rejection::too_large(limit)),
    }
}

/// Every provider's delivery, of every event or callback it sends: the
/// provider's `Webhook` found in the app data (`web::Data<Webhook>`, a
/// reference-counted handle, not a copy of its keys), the body read up to
/// its limit, then verified and read. The request's `uri()` keeps a
/// scope's prefix, as the provider called it. A rejection names its
/// provider.
impl<E: 'static, V: Receive<E> + 'static> FromRequest for Delivery<E, V> {
    type Error = Rejection;
    type Future = Extracted<Self>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let request = request.clone();
        let payload = web::Payload::from_request(&request, payload);
        Box::pin(async move {
            let received = async {
                let webhook = request.app_data::<web::Data<Webhook<V>>>().cloned().ok_or(
                    Rejection::not_configured("no web::Data<Webhook> of this provider in the app"),
                )?;
                let path_and_query = request.uri().path_and_query().map_or("/", |pq| pq.as_str());
                if !V::READS_BODY || (V::READS_QUERY && request.method() == Method::GET) {
                    return V::receive_request(
                        &webhook,
                        true,
                        path_and_query,
                        request.headers(),
                        b"",
                    );
                }
                let payload = payload.await.map_err(|_| Rejection::unreadable())?;
                let body =
                    read_body(&request, payload, webhook.body_limit(), V::CONTENT_TYPES).await?;
                V::receive_request(&webhook, false, path_and_query, request.headers(), &body)
            };
            received
                .await
                .map_err(|rejection| rejection.of_provider(V::PROVIDER, V::SIGNS_URL))
        })
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
