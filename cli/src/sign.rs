//! Signing a body exactly as each provider does.

use std::time::{SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use recording_webhooks::{daily, livekit, recall, signalwire, telnyx, twilio, zoom};

use crate::{Provider, SecretArg};

/// The headers a provider sends with a body, content type included.
pub struct Request {
    pub headers: Vec<(String, String)>,
}

/// Whether a body is JSON rather than a form.
pub fn is_json(body: &[u8]) -> bool {
    body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// Signs `body` for `url` with the provider's scheme, at the current time
/// and, for Recall, with a fresh message id.
pub fn request(
    provider: Provider,
    secret: &SecretArg,
    url: &str,
    body: &[u8],
    shared_key: bool,
) -> Result<Request, String> {
    let secret_error = |err: recording_webhooks::SecretError| format!("{}: {err}", secret.option);
    let api_key = secret.api_key.as_deref();
    let secret = secret.value.as_str();
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_err(|err| err.to_string())?;
    let seconds = i64::try_from(now.as_secs()).map_err(|err| err.to_string())?;
    let json = || ("content-type".to_owned(), "application/json".to_owned());
    let headers = match provider {
        Provider::Recall => {
            let verifier = recall::Verifier::new(secret).map_err(secret_error)?;
            let id = format!("msg_rwh{:x}", now.as_nanos());
            let signature = verifier.sign(&id, seconds, body);
            vec![
                json(),
                ("webhook-id".to_owned(), id),
                ("webhook-timestamp".to_owned(), seconds.to_string()),
                ("webhook-signature".to_owned(), signature),
            ]
        }
        // Daily sends its verification ping unsigned (before the secret it
        // generates can be known): so does rwh.
        Provider::Daily if daily::Event::is_ping(body) => vec![json()],
        Provider::Daily => {
            let verifier = daily::Verifier::new(secret).map_err(secret_error)?;
            vec![
                json(),
                ("X-Webhook-Timestamp".to_owned(), seconds.to_string()),
                (
                    "X-Webhook-Signature".to_owned(),
                    verifier.sign(seconds, body),
                ),
            ]
        }
        Provider::Zoom => {
            let verifier = zoom::Verifier::new(secret).map_err(secret_error)?;
            vec![
                (
                    "content-type".to_owned(),
                    "application/json; charset=utf-8".to_owned(),
                ),
                (zoom::TIMESTAMP_HEADER.to_owned(), seconds.to_string()),
                (
                    zoom::SIGNATURE_HEADER.to_owned(),
                    verifier.sign(seconds, body),
                ),
            ]
        }
        Provider::Livekit => {
            let api_key = api_key.ok_or(
                "LiveKit signs with an API key and its secret: give --api-key (the key, `API...`)",
            )?;
            let verifier = livekit::Verifier::new(api_key, secret)
                .map_err(|err| format!("--api-key or {}", secret_error(err)))?;
            vec![
                (
                    "content-type".to_owned(),
                    "application/webhook+json".to_owned(),
                ),
                ("Authorization".to_owned(), verifier.sign(body, seconds)),
            ]
        }
        Provider::Telnyx => {
            use ed25519_dalek::Signer as _;
            let key = telnyx_key(secret)?;
            let timestamp = seconds.to_string();
            let message = [timestamp.as_bytes(), b"|", body].concat();
            let signature =
                base64::engine::general_purpose::STANDARD.encode(key.sign(&message).to_bytes());
            let content_type = if is_json(body) {
                "application/json"
            } else {
                "application/x-www-form-urlencoded"
            };
            vec![
                ("content-type".to_owned(), content_type.to_owned()),
                (telnyx::TIMESTAMP_HEADER.to_owned(), timestamp),
                (telnyx::SIGNATURE_HEADER.to_owned(), signature),
            ]
        }
        Provider::Twilio => {
            let verifier = twilio::Verifier::new(secret).map_err(secret_error)?;
            if is_json(body) {
                return Err(
                    "Twilio signs a JSON body through `bodySHA256` in the URL; rwh sends forms"
                        .into(),
                );
            }
            let pairs = form_pairs(body)?;
            let pairs: Vec<(&str, &str)> = pairs
                .iter()
                .map(|(n, v)| (n.as_str(), v.as_str()))
                .collect();
            let form = (
                "content-type".to_owned(),
                "application/x-www-form-urlencoded".to_owned(),
            );
            if shared_key {
                // A SharedKey signs HMAC-SHA256, announced by the settings
                // header; the Auth Token is not involved.
                let signature = verifier
                    .with_shared_key(secret)
                    .map_err(secret_error)?
                    .sign_params_sha256(url, &pairs)
                    .unwrap_or_default();
                vec![
                    form,
                    ("X-Twilio-Signature".to_owned(), signature),
                    (
                        "X-Twilio-Webhooks-Signature-Settings".to_owned(),
                        "key=rwh,algorithm=HMAC_SHA256".to_owned(),
                    ),
                ]
            } else {
                vec![
                    form,
                    (
                        "X-Twilio-Signature".to_owned(),
                        verifier.sign_params(url, &pairs),
                    ),
                ]
            }
        }
        Provider::Signalwire => {
            let verifier = signalwire::Verifier::new(secret).map_err(secret_error)?;
            if is_json(body) {
                vec![
                    json(),
                    (
                        "X-SignalWire-Signature".to_owned(),
                        verifier.sign_body(url, body),
                    ),
                ]
            } else {
                let pairs = form_pairs(body)?;
                let pairs: Vec<(&str, &str)> = pairs
                    .iter()
                    .map(|(n, v)| (n.as_str(), v.as_str()))
                    .collect();
                vec![
                    (
                        "content-type".to_owned(),
                        "application/x-www-form-urlencoded".to_owned(),
                    ),
                    (
                        "X-SignalWire-Signature".to_owned(),
                        verifier.sign_params(url, &pairs),
                    ),
                ]
            }
        }
    };
    Ok(Request { headers })
}

/// The key rwh signs Telnyx requests with: the private key given (base64
/// of its 32 bytes), or rwh's own, whose public key is
/// `SBO4g1MoMXJfqu2e+asjEJLyK5xoox1cqi85p5oDPIs=` (the crate's test key).
fn telnyx_key(secret: &str) -> Result<ed25519_dalek::SigningKey, String> {
    use sha2::Digest as _;
    let seed: [u8; 32] = if secret.is_empty() {
        sha2::Sha256::digest(b"recording-webhooks telnyx test seed").into()
    } else {
        base64::engine::general_purpose::STANDARD
            .decode(secret)
            .ok()
            .and_then(|bytes| bytes.try_into().ok())
            .ok_or("the Telnyx signing key is not base64 of a 32-byte Ed25519 private key")?
    };
    Ok(ed25519_dalek::SigningKey::from_bytes(&seed))
}

/// The public key a receiver must hold to verify what rwh signs for
/// Telnyx, base64 as Telnyx's portal shows one.
pub fn telnyx_public_key(secret: &str) -> Result<String, String> {
    let key = telnyx_key(secret)?;
    Ok(base64::engine::general_purpose::STANDARD.encode(key.verifying_key().as_bytes()))
}

/// The decoded parameters of a form body.
fn form_pairs(body: &[u8]) -> Result<Vec<(String, String)>, String> {
    serde_urlencoded::from_bytes(body).map_err(|err| format!("the body is not a form: {err}"))
}

/// For a Zoom `endpoint.url_validation` body, checks the receiver's answer
/// as Zoom does: JSON with the same `plainToken` and, as `encryptedToken`,
/// the hex HMAC-SHA256 of it under the Secret Token. Any other body passes.
pub fn check_zoom_validation(secret: &str, body: &[u8], answer: &str) -> Result<(), String> {
    let Ok(zoom::Event::EndpointUrlValidation(validation)) = zoom::Event::from_slice(body) else {
        return Ok(());
    };
    let plain_token = &validation.plain_token;
    let mut mac = <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(secret.as_bytes())
        .map_err(|err| err.to_string())?;
    mac.update(plain_token.as_bytes());
    let expected: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    let answer: serde_json::Value =
        serde_json::from_str(answer).map_err(|err| format!("not JSON ({err})"))?;
    if answer["plainToken"] != plain_token.as_str() {
        return Err(format!("`plainToken` is not `{plain_token}`"));
    }
    if answer["encryptedToken"] != expected.as_str() {
        return Err(
            "`encryptedToken` is not the HMAC of `plainToken` under this secret".to_owned(),
        );
    }
    Ok(())
}
