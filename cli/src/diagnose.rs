//! `rwh verify`: check a captured request and, when it fails, find which of
//! the usual causes it is, by retrying with that cause undone.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use recording_webhooks::{VerifyError, daily, livekit, recall, signalwire, telnyx, twilio, zoom};
use time::OffsetDateTime;

use crate::sign::is_json;
use crate::{Provider, SecretArg};

type Headers = Vec<(String, String)>;

/// `Name: value` lines, also as `curl -v` prints the request's (`> Name:
/// value`); with the lines that are not headers, by number, to report.
/// Blank lines, a request line (`POST /x HTTP/1.1`), and the response
/// (`< ...`) and notes (`* ...`) of `curl -v` are skipped without a report.
pub fn parse_headers(text: &str) -> (Headers, Vec<(usize, String)>) {
    let mut headers = Vec::new();
    let mut skipped = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = raw.strip_prefix("> ").unwrap_or(raw).trim_end_matches('\r');
        let quiet = line.trim().is_empty()
            || line == ">"
            || line == "<"
            || line.starts_with("< ")
            || line.starts_with("* ")
            || line.starts_with('{')
            || line.starts_with('}')
            || line
                .split_whitespace()
                .last()
                .is_some_and(|w| w.starts_with("HTTP/"));
        match line.split_once(':') {
            Some((name, value)) if !name.trim().is_empty() && !name.contains(' ') => {
                headers.push((name.trim().to_owned(), value.trim().to_owned()));
            }
            _ if quiet => {}
            _ => skipped.push((index + 1, line.chars().take(80).collect())),
        }
    }
    (headers, skipped)
}

/// The request as captured, and what to check it with.
struct Capture<'a> {
    provider: Provider,
    secret: &'a str,
    /// The option the secret came from, as errors name it.
    secret_option: &'static str,
    headers: &'a Headers,
    body: &'a [u8],
    url: Option<&'a str>,
    /// LiveKit: the API key given, if any.
    api_key: Option<&'a str>,
}

impl Capture<'_> {
    /// The verdict with some part replaced.
    fn check(
        &self,
        secret: &str,
        headers: &Headers,
        body: &[u8],
        url: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<Result<(), VerifyError>, String> {
        let secret_error =
            |err: recording_webhooks::SecretError| format!("{}: {err}", self.secret_option);
        Ok(match self.provider {
            Provider::Recall => recall::Verifier::new(secret)
                .map_err(secret_error)?
                .verify_at(headers, body, now)
                .map(|_| ()),
            Provider::Daily => daily::Verifier::new(secret)
                .map_err(secret_error)?
                .verify_at(headers, body, now)
                .map(|_| ()),
            Provider::Zoom => zoom::Verifier::new(secret)
                .map_err(secret_error)?
                .verify_at(headers, body, now)
                .map(|_| ()),
            Provider::Livekit => {
                let key = self
                    .api_key
                    .map(str::to_owned)
                    .or_else(|| token_claim(headers, "iss"))
                    .ok_or("--api-key is required for livekit: the token names no key")?;
                livekit::Verifier::new(&key, secret)
                    .map_err(|err| format!("--api-key or {}", secret_error(err)))?
                    .verify_at(headers, body, now)
                    .map(|_| ())
            }
            Provider::Telnyx => telnyx::Verifier::new(secret)
                .map_err(secret_error)?
                .verify_at(headers, body, now)
                .map(|_| ()),
            Provider::Twilio => {
                let url = url.ok_or("--url is required for twilio: it signs the URL")?;
                twilio::Verifier::new(secret)
                    .map_err(secret_error)?
                    .verify(url, headers, body)
            }
            Provider::Signalwire => {
                let url = url.ok_or("--url is required for signalwire: it signs the URL")?;
                signalwire::Verifier::new(secret)
                    .map_err(secret_error)?
                    .verify(url, headers, body)
            }
        })
    }

    fn passes_with(
        &self,
        secret: &str,
        headers: &Headers,
        body: &[u8],
        url: Option<&str>,
        now: OffsetDateTime,
    ) -> bool {
        matches!(self.check(secret, headers, body, url, now), Ok(Ok(())))
    }
}

/// Verifies; on failure prints the error and every cause found.
pub fn verify(
    provider: Provider,
    secret: &SecretArg,
    headers: &Headers,
    body: &[u8],
    url: Option<&str>,
    now: OffsetDateTime,
) -> Result<bool, String> {
    let capture = Capture {
        provider,
        secret: &secret.value,
        secret_option: secret.option,
        headers,
        body,
        url,
        api_key: secret.api_key.as_deref(),
    };
    if matches!(provider, Provider::Signalwire | Provider::Twilio) && url.is_none() {
        return Err(format!(
            "--url is required for {}: it signs the URL",
            provider.name()
        ));
    }
    // Daily's ping is never signed: it is answered before verifying.
    if provider == Provider::Daily && daily::Event::is_ping(body) {
        println!(
            "this is Daily's verification ping, sent unsigned before the secret exists: answer it 200 before verifying anything"
        );
        return Ok(true);
    }
    let error = match capture.check(capture.secret, headers, body, url, now) {
        Ok(Ok(())) => {
            println!("verified: this is a genuine {} request", provider.name());
            return Ok(true);
        }
        Ok(Err(error)) => error.to_string(),
        // The secret itself is the cause: say so once, and whether the
        // request verifies once it is mended, and nothing else.
        Err(unusable_secret) => {
            println!("does not verify: {unusable_secret}");
            let signed_at = signed_at(&capture).unwrap_or(now);
            let trimmed = capture.secret.trim();
            if trimmed != capture.secret
                && capture.passes_with(trimmed, headers, body, url, signed_at)
            {
                println!(
                    "why: it verifies with the secret's surrounding whitespace removed: remove it where the secret is read"
                );
            }
            for cause in secret_causes(&capture, signed_at) {
                println!("why: {cause}");
            }
            return Ok(false);
        }
    };
    println!("does not verify: {error}");
    let mut causes = header_causes(&capture);
    // From here on, the signature is checked at its own time, so that a
    // stale timestamp does not hide another cause.
    let signed_at = signed_at(&capture).unwrap_or(now);
    causes.extend(timestamp_cause(&capture, now, signed_at));
    causes.extend(body_causes(&capture, signed_at));
    causes.extend(secret_causes(&capture, signed_at));
    causes.extend(url_causes(&capture));
    if is_json(body) && keys_sorted(body) && causes.iter().all(|c| !c.contains("re-serialized")) {
        causes.push("the JSON's keys are in sorted order, as `serde_json::Value` or `json.dumps(sort_keys=True)` write them: it was likely re-serialized before it reached you; verify the raw bytes as received".to_owned());
    }
    if causes.is_empty() {
        println!(
            "why: none of the usual causes matches: the secret is likely not the one that signed it"
        );
    }
    for cause in causes {
        println!("why: {cause}");
    }
    Ok(false)
}

/// The headers each provider signs with, and their provider.
const SIGNATURE_HEADERS: [(&str, Provider); 7] = [
    ("webhook-signature", Provider::Recall),
    ("svix-signature", Provider::Recall),
    ("x-webhook-signature", Provider::Daily),
    ("x-signalwire-signature", Provider::Signalwire),
    ("x-twilio-signature", Provider::Twilio),
    ("x-zm-signature", Provider::Zoom),
    ("telnyx-signature-ed25519", Provider::Telnyx),
];

fn expected_headers(provider: Provider) -> &'static [&'static str] {
    match provider {
        Provider::Recall => &["webhook-id", "webhook-timestamp", "webhook-signature"],
        Provider::Daily => &["x-webhook-timestamp", "x-webhook-signature"],
        Provider::Signalwire => &["x-signalwire-signature"],
        Provider::Twilio => &["x-twilio-signature"],
        Provider::Zoom => &["x-zm-request-timestamp", "x-zm-signature"],
        Provider::Livekit => &["authorization"],
        Provider::Telnyx => &[telnyx::TIMESTAMP_HEADER, telnyx::SIGNATURE_HEADER],
    }
}

/// A header name without case, `-` and `_`.
fn normalized(name: &str) -> String {
    name.chars()
        .filter(|c| *c != '-' && *c != '_')
        .flat_map(char::to_lowercase)
        .collect()
}

/// How many single-character edits turn `a` into `b`.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
}

fn header_causes(capture: &Capture) -> Vec<String> {
    let present = |name: &str| {
        capture
            .headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case(name))
    };
    let mut causes = Vec::new();
    for (name, provider) in SIGNATURE_HEADERS {
        // SignalWire's compatibility callbacks may carry Twilio's header.
        let alias = capture.provider == Provider::Signalwire && provider == Provider::Twilio;
        if provider != capture.provider && !alias && present(name) {
            causes.push(format!(
                "the request carries `{name}`, {}'s signature header: is it a {} request?",
                provider.name(),
                provider.name()
            ));
        }
    }
    if capture.provider == Provider::Livekit {
        causes.extend(livekit_header_causes(capture));
    }
    if capture.provider == Provider::Recall {
        let recall_headers = [
            "webhook-id",
            "webhook-timestamp",
            "webhook-signature",
            "svix-id",
            "svix-timestamp",
            "svix-signature",
        ];
        if recall_headers.iter().all(|name| !present(name)) {
            causes.push(unsigned_recall_cause(capture.url));
            return causes;
        }
    }
    let alias_present = capture.provider == Provider::Signalwire && present("x-twilio-signature")
        || capture.provider == Provider::Recall && present("svix-signature");
    for expected in expected_headers(capture.provider) {
        if present(expected) || alias_present {
            continue;
        }
        let lookalike = capture.headers.iter().find(|(name, _)| {
            normalized(name) == normalized(expected)
                || distance(&normalized(name), &normalized(expected)) <= 2
        });
        causes.push(match lookalike {
            Some((name, _)) => {
                format!("header `{expected}` is missing, but `{name}` is there: misspelt?")
            }
            None => format!("header `{expected}` is missing"),
        });
    }
    causes
}

/// Why a Recall.ai request carries no signature at all, and what to do:
/// the URL's own token, when it has one, is how such an endpoint is
/// authenticated.
fn unsigned_recall_cause(url: Option<&str>) -> String {
    let token = url
        .and_then(|url| url.split_once('?'))
        .is_some_and(|(_, query)| {
            query
                .split('&')
                .any(|pair| pair == "token" || pair.starts_with("token="))
        });
    if token {
        "the request carries no signature headers, and its URL a `token` parameter: this endpoint is authenticated by its URL's token (Recall's other method, the only one for the Desktop SDK's real-time endpoints), not by a signature: check it with `recall::QueryToken` / `recall::TokenWebhook`, which compare the token in constant time".to_owned()
    } else {
        "the request carries none of the `webhook-*` (or `svix-*`) headers: it is unsigned. Recall.ai sends real-time webhooks, websockets and callbacks unsigned while the workspace has no verification secret: create one in Recall's dashboard, or put a token in the endpoint's URL (`?token=...`) and check it with `recall::QueryToken`".to_owned()
    }
}

/// What LiveKit's own receivers would say of the `Authorization` header.
fn livekit_header_causes(capture: &Capture) -> Vec<String> {
    let value = |name: &str| {
        capture
            .headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    };
    let mut causes = Vec::new();
    if value("authorization").is_some_and(|v| {
        v.get(..7)
            .is_some_and(|p| p.eq_ignore_ascii_case("bearer "))
    }) {
        causes.push("the token has a `Bearer ` prefix: LiveKit sends the bare JWT, so something between LiveKit and you added it; verify the header LiveKit sent".to_owned());
    }
    if value("authorization").is_none() && value("authorize").is_some() {
        causes.push("the token is in `Authorize` (the name LiveKit's Node SDK exports), but LiveKit sends it in `Authorization`".to_owned());
    }
    if let (Some(given), Some(named)) = (capture.api_key, token_claim(capture.headers, "iss"))
        && given != named
    {
        causes.push(format!("the token was signed with the API key `{named}`, not `{given}`: an egress with its own webhook signs with its own key; give that key's secret"));
    }
    causes
}

/// A claim of the (unverified) token in `Authorization`, as text.
fn token_claim(headers: &Headers, claim: &str) -> Option<String> {
    let (_, token) = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("authorization"))?;
    let claims = URL_SAFE_NO_PAD.decode(token.split('.').nth(1)?).ok()?;
    let claims: serde_json::Value = serde_json::from_slice(&claims).ok()?;
    match &claims[claim] {
        serde_json::Value::String(text) => Some(text.clone()),
        serde_json::Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

/// When a LiveKit token was minted: its `iat`, else its `nbf`.
fn livekit_minted_at(headers: &Headers) -> Option<OffsetDateTime> {
    let seconds = token_claim(headers, "iat").or_else(|| token_claim(headers, "nbf"))?;
    OffsetDateTime::from_unix_timestamp(seconds.parse().ok()?).ok()
}

/// The instant in the timestamp header, for the timestamped schemes (for
/// LiveKit, when its token was minted).
fn signed_at(capture: &Capture) -> Option<OffsetDateTime> {
    let name = match capture.provider {
        Provider::Recall => "webhook-timestamp",
        Provider::Daily => "x-webhook-timestamp",
        Provider::Zoom => "x-zm-request-timestamp",
        Provider::Livekit => return livekit_minted_at(capture.headers),
        Provider::Telnyx => telnyx::TIMESTAMP_HEADER,
        Provider::Signalwire | Provider::Twilio => return None,
    };
    let value = capture.headers.iter().find(|(n, _)| {
        n.eq_ignore_ascii_case(name)
            || (capture.provider == Provider::Recall && n.eq_ignore_ascii_case("svix-timestamp"))
    })?;
    value
        .1
        .parse()
        .ok()
        .and_then(|seconds| OffsetDateTime::from_unix_timestamp(seconds).ok())
}

fn timestamp_cause(
    capture: &Capture,
    now: OffsetDateTime,
    signed_at: OffsetDateTime,
) -> Option<String> {
    if let Some(cause) = zoom_timestamp_cause(capture) {
        return Some(cause);
    }
    let seconds = (now - signed_at).whole_seconds();
    // A LiveKit token says itself when it expires: its error says by how
    // much; what is left to tell is whether the rest is good.
    let stale = match capture.provider {
        Provider::Livekit => matches!(
            capture.check(
                capture.secret,
                capture.headers,
                capture.body,
                capture.url,
                now
            ),
            Ok(Err(
                VerifyError::TokenExpired { .. } | VerifyError::TokenNotYetValid { .. }
            ))
        ),
        _ => seconds.abs() > 300,
    };
    if !stale {
        return None;
    }
    let when = if seconds > 0 {
        format!("{seconds} s before now")
    } else {
        format!("{} s after now", -seconds)
    };
    let good = capture.passes_with(
        capture.secret,
        capture.headers,
        capture.body,
        capture.url,
        signed_at,
    );
    let window = match capture.provider {
        Provider::Livekit => "its token's validity (five minutes, and a 60 s leeway)",
        _ => "the 300 s window",
    };
    Some(format!(
        "it was signed {when}, beyond {window}{}",
        if good {
            "; the signature itself is good: a replayed or delayed request, or a clock that is off"
        } else {
            ""
        }
    ))
}

/// Zoom's timestamp is whole seconds; milliseconds (as in `event_ts`) or a
/// reformatted number never verify.
fn zoom_timestamp_cause(capture: &Capture) -> Option<String> {
    if capture.provider != Provider::Zoom {
        return None;
    }
    let (_, value) = capture
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(zoom::TIMESTAMP_HEADER))?;
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return (value.len() >= 13).then(|| {
            format!("`{}` looks like milliseconds: Zoom signs whole Unix seconds (the body's `event_ts` is the one in milliseconds)", zoom::TIMESTAMP_HEADER)
        });
    }
    Some(format!(
        "`{}` is `{value}`, not whole Unix seconds in digits only",
        zoom::TIMESTAMP_HEADER
    ))
}

/// The body as a receiving framework may have changed it, each with what
/// changed; undoing the change is the body that was signed.
fn body_variants(provider: Provider, body: &[u8]) -> Vec<(&'static str, Vec<u8>)> {
    let mut variants = Vec::new();
    if let Some(stripped) = body.strip_suffix(b"\n") {
        variants.push(("a trailing newline was added to it", stripped.to_vec()));
    } else {
        variants.push(("its trailing newline was removed", [body, b"\n"].concat()));
    }
    let text = String::from_utf8_lossy(body);
    if text.contains("\r\n") {
        variants.push((
            "its line endings were changed to CRLF",
            text.replace("\r\n", "\n").into_bytes(),
        ));
    } else if text.contains('\n') {
        variants.push((
            "its line endings were changed from CRLF",
            text.replace('\n', "\r\n").into_bytes(),
        ));
    }
    if is_json(body) {
        variants.push((
            "the JSON was re-serialized with whitespace added (pretty-printed or spaced out)",
            minified(body),
        ));
        // Re-indented by a serializer that sorts keys, as serde_json's
        // `Value` does.
        if let Ok(pretty) = serde_json::from_slice::<serde_json::Value>(body)
            .and_then(|value| serde_json::to_vec_pretty(&value))
        {
            variants.push(("the JSON was re-serialized (compacted)", pretty));
        }
        // The same values with the keys in the provider's own order (a
        // serializer that sorts keys, or any other order), compact.
        if let Some(reordered) = in_provider_order(provider, body) {
            variants.push((
                "the JSON was re-serialized with its keys in another order",
                reordered,
            ));
        }
        let unescaped = unescape_unicode(&text);
        if unescaped != text {
            variants.push((
                "its non-ASCII characters were written as `\\u` escapes",
                unescaped.into_bytes(),
            ));
        }
        if !text.is_ascii() {
            variants.push((
                "its `\\u` escapes were written out as UTF-8",
                escape_non_ascii(&text).into_bytes(),
            ));
        }
    } else if let Some(form) = serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .ok()
        .and_then(|pairs| serde_urlencoded::to_string(&pairs).ok())
    {
        variants.push(("the form was re-encoded", form.clone().into_bytes()));
        variants.push((
            "the form was re-encoded",
            form.replace('+', "%20").into_bytes(),
        ));
    }
    variants.retain(|(_, variant)| variant != body);
    variants
}

/// The body parsed as the provider's event and written back: its keys in
/// the order the crate's types (the provider's documented order) write them.
fn in_provider_order(provider: Provider, body: &[u8]) -> Option<Vec<u8>> {
    match provider {
        Provider::Recall => serde_json::to_vec(&recall::Event::from_slice(body).ok()?).ok(),
        Provider::Daily => serde_json::to_vec(&daily::Event::from_slice(body).ok()?).ok(),
        Provider::Zoom => serde_json::to_vec(&zoom::Event::from_slice(body).ok()?).ok(),
        Provider::Livekit => serde_json::to_vec(&livekit::Event::from_slice(body).ok()?).ok(),
        Provider::Telnyx => serde_json::to_vec(&telnyx::Event::from_slice(body).ok()?).ok(),
        Provider::Signalwire | Provider::Twilio => None,
    }
}

/// Whether every object in the JSON has its keys in sorted order (with at
/// least two keys somewhere), as `serde_json::Value` writes them.
fn keys_sorted(body: &[u8]) -> bool {
    fn pairs(value: &serde_json::Value) -> usize {
        match value {
            serde_json::Value::Object(map) => {
                map.len().saturating_sub(1) + map.values().map(pairs).sum::<usize>()
            }
            serde_json::Value::Array(items) => items.iter().map(pairs).sum(),
            _ => 0,
        }
    }
    // The order as written: re-read keeping it.
    let Ok(text) = std::str::from_utf8(body) else {
        return false;
    };
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
        return false;
    };
    // `Value` sorts its keys: the text is sorted when writing the value
    // back compact gives the text's own order.
    pairs(&value) > 0 && minified(body) == serde_json::to_vec(&value).unwrap_or_default()
}

/// `\uXXXX` escapes (surrogate pairs included) as the characters they stand
/// for, except those JSON must keep escaped.
fn unescape_unicode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let hex4 = |chars: &mut std::iter::Peekable<std::str::Chars<'_>>| -> Option<u32> {
        let digits: String = (0..4).filter_map(|_| chars.next()).collect();
        (digits.len() == 4)
            .then(|| u32::from_str_radix(&digits, 16).ok())
            .flatten()
    };
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('u') => {
                let mut lookahead = chars.clone();
                let Some(unit) = hex4(&mut lookahead) else {
                    out.push_str("\\u");
                    continue;
                };
                let mut code = unit;
                if (0xD800..0xDC00).contains(&unit) {
                    let mut after = lookahead.clone();
                    if after.next() == Some('\\')
                        && after.next() == Some('u')
                        && let Some(low) = hex4(&mut after).filter(|l| (0xDC00..0xE000).contains(l))
                    {
                        code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                        lookahead = after;
                    }
                }
                match char::from_u32(code).filter(|c| !c.is_control() && *c != '"' && *c != '\\') {
                    Some(decoded) => {
                        out.push(decoded);
                        chars = lookahead;
                    }
                    None => out.push_str("\\u"),
                }
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Non-ASCII characters as `\uXXXX` escapes (UTF-16 units), as
/// `JSON.stringify` with ASCII output or Python's `json.dumps` write them.
fn escape_non_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    out
}

/// JSON without the whitespace outside strings, keys in their order.
fn minified(body: &[u8]) -> Vec<u8> {
    let (mut out, mut in_string, mut escaped) = (Vec::with_capacity(body.len()), false, false);
    for &byte in body {
        if in_string {
            out.push(byte);
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
        } else if !byte.is_ascii_whitespace() {
            in_string = byte == b'"';
            out.push(byte);
        }
    }
    out
}

/// The first change to the body that explains the failure, alone: the
/// variants go from the narrowest change (a trailing newline) to the
/// broadest (all whitespace), and a broader one that also verifies says
/// nothing more.
fn body_causes(capture: &Capture, signed_at: OffsetDateTime) -> Vec<String> {
    body_variants(capture.provider, capture.body)
        .into_iter()
        .find(|(_, variant)| {
            capture.passes_with(
                capture.secret,
                capture.headers,
                variant,
                capture.url,
                signed_at,
            )
        })
        .map(|(change, _)| {
            format!(
                "the body was changed after it was signed: {change}; verify the raw bytes as received"
            )
        })
        .into_iter()
        .collect()
}

fn secret_causes(capture: &Capture, signed_at: OffsetDateTime) -> Vec<String> {
    let secret = capture.secret;
    let mut causes = Vec::new();
    let prefixed = secret.starts_with("whsec_");
    match capture.provider {
        Provider::Recall if !prefixed && secret.starts_with("PSK") => {
            causes.push("the secret looks like a SignalWire signing key (`PSK...`), not Recall's `whsec_...`".to_owned());
        }
        Provider::Recall if !prefixed => causes.push(
            "the secret has no `whsec_` prefix, which every Recall.ai secret has: is it another provider's?".to_owned(),
        ),
        Provider::Daily if prefixed => {
            let bare = &secret["whsec_".len()..];
            if capture.passes_with(bare, capture.headers, capture.body, capture.url, signed_at) {
                causes.push("it verifies with the `whsec_` prefix removed: Daily's secrets have none".to_owned());
            } else {
                causes.push("the secret starts with `whsec_`, as Recall.ai's do; Daily's never do: is it Recall's?".to_owned());
            }
        }
        Provider::Zoom if prefixed => causes.push(
            "the secret starts with `whsec_`, as Recall.ai's do; Zoom's Secret Token has no prefix".to_owned(),
        ),
        Provider::Twilio if prefixed => causes.push(
            "the secret starts with `whsec_`, as Recall.ai's do; Twilio signs with the account's Auth Token".to_owned(),
        ),
        Provider::Telnyx if prefixed => causes.push(
            "the secret starts with `whsec_`, as Recall.ai's do; Telnyx verifies with the account's public key, base64 of 32 bytes".to_owned(),
        ),
        Provider::Livekit if prefixed => causes.push(
            "the secret starts with `whsec_`, as Recall.ai's do; LiveKit's API secrets have no prefix".to_owned(),
        ),
        Provider::Signalwire if prefixed => causes.push(
            "the secret starts with `whsec_`, as Recall.ai's do; SignalWire's signing keys start with `PSK`".to_owned(),
        ),
        _ => {}
    }
    causes
}

/// The URL's parts, to rebuild variants of it.
struct Url<'a> {
    scheme: &'a str,
    host: &'a str,
    path: &'a str,
    query: Option<&'a str>,
}

fn split_url(url: &str) -> Option<Url<'_>> {
    let (scheme, rest) = url.split_once("://")?;
    let host_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (host, rest) = rest.split_at(host_end);
    let (path, query) = match rest.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (rest, None),
    };
    Some(Url {
        scheme,
        host,
        path,
        query,
    })
}

fn url_causes(capture: &Capture) -> Vec<String> {
    let (Provider::Signalwire | Provider::Twilio, Some(given)) = (capture.provider, capture.url)
    else {
        return Vec::new();
    };
    println!("checked against the URL `{given}`");
    let Some(url) = split_url(given) else {
        return vec![format!("`{given}` is not a URL with a scheme and host")];
    };
    let header = |name: &str| {
        capture
            .headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.split(',').next().unwrap_or_default().trim().to_owned())
    };
    let mut hosts = vec![url.host.to_owned()];
    hosts.extend(header("x-forwarded-host"));
    hosts.extend(header("host"));
    let other_scheme = if url.scheme == "https" {
        "http"
    } else {
        "https"
    };
    let mut schemes = vec![url.scheme.to_owned(), other_scheme.to_owned()];
    schemes.extend(header("x-forwarded-proto"));
    let toggled_path = match url.path.strip_suffix('/') {
        Some(path) => path.to_owned(),
        None => format!("{}/", url.path),
    };
    let mut found = Vec::new();
    for scheme in &schemes {
        for host in &hosts {
            for path in [url.path.to_owned(), toggled_path.clone()] {
                for query in [url.query, None] {
                    let candidate = match query {
                        Some(query) => format!("{scheme}://{host}{path}?{query}"),
                        None => format!("{scheme}://{host}{path}"),
                    };
                    if candidate != given
                        && !found.contains(&candidate)
                        && capture.passes_with(
                            capture.secret,
                            capture.headers,
                            capture.body,
                            Some(&candidate),
                            OffsetDateTime::now_utc(),
                        )
                    {
                        found.push(candidate);
                    }
                }
            }
        }
    }
    if found.is_empty() && is_local_host(url.host) {
        return vec![format!(
            "`{given}` is a local URL: {} signed the public URL it called (your proxy's or tunnel's, path and query included); give that with --url",
            capture.provider.display_name()
        )];
    }
    found
        .into_iter()
        .map(|candidate| {
            format!("it verifies with the URL `{candidate}`: give the verifier the URL {} called (scheme, host, port, path and query as the provider has them)", capture.provider.display_name())
        })
        .collect()
}

/// Whether `host` (with its port, if any) names this machine or a private
/// network, never a URL a provider can call: loopback, `0.0.0.0`, the
/// private IPv4 ranges, IPv6 loopback, unique-local and link-local
/// addresses, and names without a dot (`app`, `backend:8080`) or under
/// `.local`, `.internal`, `.lan`, `.localhost`.
fn is_local_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        // `[::1]:8080`
        Some(bracketed) => bracketed.split(']').next().unwrap_or_default(),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    let name = name.to_ascii_lowercase();
    if let Ok(ip) = name.parse::<std::net::IpAddr>() {
        return match ip {
            std::net::IpAddr::V4(ip) => {
                ip.is_loopback() || ip.is_private() || ip.is_unspecified() || ip.is_link_local()
            }
            std::net::IpAddr::V6(ip) => {
                let first = ip.segments()[0];
                ip.is_loopback()
                    || ip.is_unspecified()
                    || (first & 0xfe00) == 0xfc00
                    || (first & 0xffc0) == 0xfe80
            }
        };
    }
    !name.contains('.')
        || [".local", ".internal", ".lan", ".localhost"]
            .iter()
            .any(|suffix| name.ends_with(suffix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_and_private_hosts() {
        for host in [
            "127.0.0.1:3000",
            "localhost",
            "localhost:8080",
            "0.0.0.0",
            "10.1.2.3:8080",
            "192.168.0.10",
            "172.20.0.5:80",
            "[::1]:3000",
            "[fd00::1]",
            "app:8080",
            "web.internal",
            "box.local:3000",
        ] {
            assert!(is_local_host(host), "{host}");
        }
        for host in [
            "hooks.example.com",
            "203.0.113.7:443",
            "8.8.8.8",
            "[2001:db8::1]:443",
        ] {
            assert!(!is_local_host(host), "{host}");
        }
    }

    #[test]
    fn edit_distance() {
        assert_eq!(distance("webhooksignature", "webhooksignatur"), 1);
        assert_eq!(distance("abc", "abc"), 0);
        assert_eq!(distance("", "ab"), 2);
    }

    #[test]
    fn headers_from_lines() {
        let (headers, skipped) = parse_headers(
            "POST /recall HTTP/1.1\r\nHost: 127.0.0.1:3000\r\nwebhook-id: msg_1\r\n\r\n",
        );
        assert_eq!(
            headers,
            [
                ("Host".to_owned(), "127.0.0.1:3000".to_owned()),
                ("webhook-id".to_owned(), "msg_1".to_owned())
            ]
        );
        assert!(skipped.is_empty());
        // `curl -v` output: the request's headers are the `> ` lines.
        let (headers, skipped) = parse_headers(
            "* Connected to 127.0.0.1\n> POST /zoom HTTP/1.1\n> Host: 127.0.0.1:3000\n> x-zm-signature: v0=ab\n>\n< HTTP/1.1 401 Unauthorized\n< content-length: 3\nnot a header line\n",
        );
        assert_eq!(
            headers,
            [
                ("Host".to_owned(), "127.0.0.1:3000".to_owned()),
                ("x-zm-signature".to_owned(), "v0=ab".to_owned())
            ]
        );
        assert_eq!(skipped, [(8, "not a header line".to_owned())]);
    }
}
