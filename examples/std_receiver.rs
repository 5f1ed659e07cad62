//! A webhook receiver with nothing but the standard library, to show the
//! crate needs no framework: a blocking HTTP/1.1 server for `POST /recall`,
//! `POST /daily`, `POST /zoom`, and `POST /signalwire` / `POST /twilio`
//! (every kind of callback on one URL) on 127.0.0.1 (port from the first
//! argument, default 3001), one request per connection.
//!
//! ```sh
//! RECALL_WEBHOOK_SECRET=whsec_... DAILY_WEBHOOK_SECRET=... ZOOM_SECRET_TOKEN=... \
//! SIGNALWIRE_SIGNING_KEY=PSK_... TWILIO_AUTH_TOKEN=... PUBLIC_BASE_URL=https://hooks.example.com \
//!     cargo run --example std_receiver -- 3001
//! cargo run --example std_receiver -- 3001 --demo   # the README's demo secrets
//! ```
//!
//! Without its secrets it refuses to start, unless run with `--demo`: the
//! demo secrets are public, so anyone could sign with them.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};

use recording_webhooks::{daily, recall, signalwire, twilio, zoom};

const MAX_BODY: usize = 1024 * 1024;

struct Request {
    path: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

/// Reads the request line, the headers and a `Content-Length` body.
fn read_request(stream: &TcpStream) -> std::io::Result<Option<Request>> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let mut parts = line.split_whitespace();
    let (Some("POST"), Some(path)) = (parts.next(), parts.next()) else {
        return Ok(None);
    };
    let path = path.to_owned();
    let mut headers = Vec::new();
    loop {
        line.clear();
        reader.read_line(&mut line)?;
        let Some((name, value)) = line.trim_end().split_once(':') else {
            break;
        };
        headers.push((name.trim().to_owned(), value.trim().to_owned()));
    }
    let length: usize = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    if length > MAX_BODY {
        return Ok(None);
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    Ok(Some(Request {
        path,
        headers,
        body,
    }))
}

/// The webhooks, one per provider served.
struct Receivers {
    recall: recall::Webhook,
    daily: daily::Webhook,
    zoom: zoom::Webhook,
    signalwire: signalwire::Webhook,
    twilio: twilio::Webhook,
}

/// A callback signed over the public URL (`url`, `None` when it cannot be
/// known here), of any kind, received by `receive`.
fn url_signed(
    url: Option<String>,
    receive: impl FnOnce(&str) -> Result<signalwire::AnyCallback, recording_webhooks::Error>,
) -> (u16, String) {
    // Without PUBLIC_BASE_URL (or --demo trusting Host), the URL the
    // provider signed cannot be known here.
    let Some(url) = url else {
        return (
            500,
            "set PUBLIC_BASE_URL: the URL the provider calls".to_owned(),
        );
    };
    answer(receive(&url), |callback| {
        format!("{callback:?}").chars().take(60).collect()
    })
}

/// 200 with `describe` of what was received, or the error's status and
/// text. A body that verified but did not parse is kept before the 400:
/// it is the provider's data (here, only its size is printed).
fn answer<T>(
    received: Result<T, recording_webhooks::Error>,
    describe: impl FnOnce(T) -> String,
) -> (u16, String) {
    match received {
        Ok(value) => (200, describe(value)),
        Err(err) => {
            if let Some(body) = err.verified_body() {
                eprintln!("dead letter: {} verified bytes kept", body.len());
            }
            (err.status_code(), err.to_string())
        }
    }
}

/// The status, the content type and the text to answer.
fn handle(request: &Request, receivers: &Receivers) -> (u16, &'static str, String) {
    let Receivers {
        recall,
        daily,
        zoom,
        signalwire,
        twilio,
    } = receivers;
    let (headers, body) = (&request.headers, &request.body[..]);
    let (status, message) = match request.path.as_str() {
        "/recall" => answer(recall.receive(headers, body), |delivery| {
            let id = delivery.id().unwrap_or("-").to_owned();
            format!("recall {id} {}", delivery.event().event_type())
        }),
        // Daily pings before its generated secret can be known here: the
        // webhook answers the ping unverified; everything else must verify.
        "/daily" => answer(daily.receive(headers, body), |delivery| {
            format!("daily {}", delivery.event().event_type())
        }),
        // Zoom's URL validation is answered only once the request verified.
        "/zoom" => match zoom.receive(headers, body) {
            Ok(delivery) => match delivery.url_validation_response() {
                Some(answer) => return (200, "application/json", answer.to_json()),
                None => (200, format!("zoom {}", delivery.event().event_type())),
            },
            Err(err) => answer(Err::<(), _>(err), |()| String::new()),
        },
        path if path.starts_with("/signalwire") => {
            url_signed(signalwire.public_url(path, headers), |url| {
                let delivery = signalwire.receive(url, headers, body)?;
                Ok(delivery.into_event())
            })
        }
        path if path.starts_with("/twilio") => {
            url_signed(twilio.public_url(path, headers), |url| {
                let delivery = twilio.receive(url, headers, body)?;
                Ok(delivery.into_event())
            })
        }
        _ => (404, "not found".to_owned()),
    };
    (status, "text/plain", message)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let demo = args.iter().any(|arg| arg == "--demo");
    let port = args.iter().find(|arg| *arg != "--demo");
    let port: u16 = port.map_or(Ok(3001), |p| p.parse())?;
    let secret = |name: &str, demo_secret: &str| match std::env::var(name) {
        Ok(secret) => Ok(secret),
        Err(_) if demo => Ok(demo_secret.to_owned()),
        Err(_) => Err(format!(
            "set {name}, or run with --demo to use the demo secrets"
        )),
    };
    let recall = recall::Webhook::new(&secret(
        "RECALL_WEBHOOK_SECRET",
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    )?)?;
    let daily = daily::Webhook::new(&secret(
        "DAILY_WEBHOOK_SECRET",
        "ZXhhbXBsZS1kYWlseS13ZWJob29rLXNlY3JldC0zMmI=",
    )?)?;
    let zoom = zoom::Webhook::new(&secret("ZOOM_SECRET_TOKEN", "zoom-test-secret-token-0001")?)?;
    let signalwire = signalwire::Webhook::new(&secret(
        "SIGNALWIRE_SIGNING_KEY",
        "PSK_V3bF8oyeRNpJWGoRWHNYQMUU",
    )?)?;
    let twilio = twilio::Webhook::new(&secret("TWILIO_AUTH_TOKEN", "12345")?)?;
    let (signalwire, twilio) = match std::env::var("PUBLIC_BASE_URL") {
        Ok(base) => (
            signalwire.with_public_url(&base)?,
            twilio.with_public_url(&base)?,
        ),
        // Locally, for a demo, the request's own Host is the URL signed.
        Err(_) if demo => (
            signalwire.trust_forwarded_headers(),
            twilio.trust_forwarded_headers(),
        ),
        Err(_) => {
            eprintln!(
                "SignalWire and Twilio routes are off: set PUBLIC_BASE_URL, or run with --demo"
            );
            (signalwire, twilio)
        }
    };
    let receivers = Receivers {
        recall,
        daily,
        zoom,
        signalwire,
        twilio,
    };
    let listener = TcpListener::bind(("127.0.0.1", port))?;
    println!("listening on http://{}", listener.local_addr()?);
    for stream in listener.incoming() {
        let mut stream = stream?;
        let (status, content_type, message) = match read_request(&stream) {
            Ok(Some(request)) => handle(&request, &receivers),
            Ok(None) => (
                400,
                "text/plain",
                "expected a POST with a body under 1 MiB".to_owned(),
            ),
            Err(err) => (400, "text/plain", err.to_string()),
        };
        println!("{status} {message}");
        let reply = format!(
            "HTTP/1.1 {status} \r\ncontent-type: {content_type}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{message}",
            message.len()
        );
        stream.write_all(reply.as_bytes())?;
    }
    Ok(())
}
