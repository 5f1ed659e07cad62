//! `rwh` run as a process: against a loopback receiver built on the
//! library's own `Webhook`s, and on captured requests it must explain.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Command, Output};

use recording_webhooks::{daily, livekit, recall, signalwire, telnyx, twilio, zoom};

const RECALL_SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const DAILY_SECRET: &str = "ZXhhbXBsZS1kYWlseS13ZWJob29rLXNlY3JldC0zMmI=";
const SIGNALWIRE_KEY: &str = "PSK_V3bF8oyeRNpJWGoRWHNYQMUU";
const ZOOM_TOKEN: &str = "zoom-test-secret-token-0001";
const TWILIO_TOKEN: &str = "rwh_twilio_auth_token";
const TELNYX_PUBLIC_KEY: &str = "SBO4g1MoMXJfqu2e+asjEJLyK5xoox1cqi85p5oDPIs=";
const LIVEKIT_KEY: &str = "APIkey123";
const LIVEKIT_SECRET: &str = "secret-that-is-at-least-32-bytes-long!!";
/// LiveKit's own token for LV-1 (shared/spec/livekit.md), minted at
/// 1767225600 in the shape its Go server writes.
const LIVEKIT_LV1_TOKEN: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJBUElrZXkxMjMiLCJleHAiOjE3NjcyMjU5MDAsIm5iZiI6MTc2NzIyNTYwMCwiaWF0IjoxNzY3MjI1NjAwLCJzaGEyNTYiOiJOYTRRTDdLR3hjM3lIeTE1MFJNY2QwdUtpOFBaSXJRU2JFWVlCb0tYOHJJPSJ9.PA4KKyp3Cq8cEDUQZqlNMaVM_hIDn6fI3GFHVUHobZo";

fn rwh(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rwh"))
        .args(args)
        .output()
        .expect("rwh runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A blocking receiver on a loopback port: each request verified and
/// parsed by the library's `Webhook`s; 2xx when both succeed.
fn receiver() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let recall = recall::Webhook::new(RECALL_SECRET).unwrap();
    let daily = daily::Webhook::new(DAILY_SECRET).unwrap();
    let zoom = zoom::Webhook::new(ZOOM_TOKEN).unwrap();
    let livekit = livekit::Webhook::new(LIVEKIT_KEY, LIVEKIT_SECRET).unwrap();
    // rwh's own key pair's public key: rwh prints it to configure.
    let telnyx = telnyx::Webhook::new(TELNYX_PUBLIC_KEY).unwrap();
    let twilio = twilio::Webhook::new(TWILIO_TOKEN)
        .unwrap()
        .with_public_url(&base)
        .unwrap();
    let signalwire = signalwire::Webhook::new(SIGNALWIRE_KEY)
        .unwrap()
        .with_public_url(&base)
        .unwrap();
    let own_base = base.clone();
    std::thread::spawn(move || {
        let base = own_base;
        for stream in listener.incoming() {
            let mut stream = stream.unwrap();
            let mut reader = BufReader::new(&stream);
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            let path = line.split_whitespace().nth(1).unwrap_or("/").to_owned();
            let mut headers = Vec::new();
            loop {
                line.clear();
                reader.read_line(&mut line).unwrap();
                match line.trim_end().split_once(':') {
                    Some((name, value)) => {
                        headers.push((name.trim().to_owned(), value.trim().to_owned()))
                    }
                    None => break,
                }
            }
            let length: usize = headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
                .map_or(0, |(_, v)| v.parse().unwrap());
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            let result = match path.as_str() {
                "/recall" => recall
                    .receive(&headers, &body)
                    .map(|d| d.event().event_type().to_string()),
                "/daily" => daily
                    .receive(&headers, &body)
                    .map(|d| d.event().event_type().to_string()),
                "/signalwire" => signalwire
                    .verifier()
                    .verify(
                        &format!("{}{path}", signalwire.public_url("", &headers).unwrap()),
                        &headers,
                        &body,
                    )
                    .map(|()| "callback".to_owned())
                    .map_err(recording_webhooks::Error::from),
                // Every callback kind on one route, by Twilio's rules.
                "/twilio" => twilio
                    .receive::<twilio::AnyCallback>(&format!("{base}{path}"), &headers, &body)
                    .map(|callback| format!("{callback:?}").chars().take(40).collect()),
                // Zoom's URL validation answered with its JSON.
                "/zoom" => zoom.receive(&headers, &body).map(|d| {
                    d.url_validation_response()
                        .map_or_else(|| d.event().event_type().to_string(), |a| a.to_json())
                }),
                "/telnyx" if body.first() == Some(&b'{') => telnyx
                    .receive(&headers, &body)
                    .map(|d| d.event().event_type().to_string()),
                "/telnyx" => telnyx
                    .receive_callback::<telnyx::AnyCallback>(&headers, &body)
                    .map(|_| "callback".to_owned()),
                "/livekit" => livekit
                    .receive(&headers, &body)
                    .map(|d| d.event().event_type().to_string()),
                // A receiver that forgets the URL validation's answer.
                "/zoom-forgetful" => zoom
                    .receive(&headers, &body)
                    .map(|d| d.event().event_type().to_string()),
                _ => Ok("not found".to_owned()),
            };
            let (status, text) = match result {
                Ok(text) => (200, text),
                Err(err) => (err.status_code(), err.to_string()),
            };
            let reply = format!(
                "HTTP/1.1 {status} X\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{text}",
                text.len()
            );
            stream.write_all(reply.as_bytes()).unwrap();
        }
    });
    base
}

#[test]
fn events_lists_the_bundled_samples() {
    let output = rwh(&["events", "recall"]);
    assert!(output.status.success());
    let names = stdout(&output);
    assert!(names.lines().count() >= 79, "{names}");
    assert!(names.lines().any(|name| name == "bot.call_ended"));
    assert!(
        stdout(&rwh(&["events", "signalwire"])).contains("recording-status.completed+Conference")
    );
    assert!(stdout(&rwh(&["events", "daily"])).contains("recording.ready-to-download"));
    let zoom = stdout(&rwh(&["events", "zoom"]));
    assert!(
        zoom.lines().any(|name| name == "endpoint.url_validation"),
        "{zoom}"
    );
    assert!(
        zoom.lines().any(|name| name == "recording.completed"),
        "{zoom}"
    );
}

#[test]
fn send_all_is_accepted_by_a_receiver_on_the_library() {
    let base = receiver();
    for (provider, secret) in [
        ("recall", RECALL_SECRET),
        ("daily", DAILY_SECRET),
        ("signalwire", SIGNALWIRE_KEY),
        ("zoom", ZOOM_TOKEN),
        ("twilio", TWILIO_TOKEN),
        ("livekit", LIVEKIT_SECRET),
        ("telnyx", ""),
    ] {
        let to = format!("{base}/{provider}");
        let mut args = vec!["send", provider, "--all", "--to", &to];
        // Telnyx signs with a private key: rwh uses its own.
        if provider != "telnyx" {
            args.extend(["--secret", secret]);
        }
        if provider == "livekit" {
            args.extend(["--api-key", LIVEKIT_KEY]);
        }
        let output = rwh(&args);
        let text = stdout(&output);
        assert!(output.status.success(), "{provider}: {text}");
        let samples = stdout(&rwh(&["events", provider])).lines().count();
        let summary = text.lines().last().unwrap();
        assert_eq!(
            summary,
            format!("{samples} sent, {samples} accepted, 0 rejected"),
            "{provider}"
        );
        assert!(text.contains(": 200 in "), "{text}");
    }
    // One sample, with the wrong secret: the receiver's 401, exit status 1.
    let to = format!("{base}/daily");
    let output = rwh(&[
        "send",
        "daily",
        "meeting.started",
        "--to",
        &to,
        "--secret",
        "b3RoZXI=",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).starts_with("meeting.started: 401 in "),
        "{}",
        stdout(&output)
    );
}

#[test]
fn send_zoom_checks_the_url_validation_answer() {
    let base = receiver();
    let right = format!("{base}/zoom");
    let output = rwh(&[
        "send",
        "zoom",
        "endpoint.url_validation",
        "--to",
        &right,
        "--secret",
        ZOOM_TOKEN,
    ]);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}");
    // The answer, as the spec computes it for this token.
    assert!(
        text.contains("4daf718ef353f4bd053bf49d951f277c373c181ea1ddc73f1bdf0b4803ad537e"),
        "{text}"
    );
    // A 200 without the answer fails the validation, as it does with Zoom.
    let forgetful = format!("{base}/zoom-forgetful");
    let output = rwh(&[
        "send",
        "zoom",
        "endpoint.url_validation",
        "--to",
        &forgetful,
        "--secret",
        ZOOM_TOKEN,
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("the URL validation answer is wrong: not JSON"),
        "{}",
        stdout(&output)
    );
    // Other events need no answer there.
    let output = rwh(&[
        "send",
        "zoom",
        "recording.completed",
        "--to",
        &forgetful,
        "--secret",
        ZOOM_TOKEN,
    ]);
    assert!(output.status.success(), "{}", stdout(&output));
}

#[test]
fn an_unreachable_receiver_is_one_line_and_exit_1() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let to = format!("http://127.0.0.1:{port}/recall");
    let output = rwh(&[
        "send",
        "recall",
        "bot.done",
        "--to",
        &to,
        "--secret",
        RECALL_SECRET,
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("rwh: cannot reach") && stderr.lines().count() == 1,
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"));
}

#[test]
fn bad_arguments_are_usage_errors() {
    for args in [
        &["send", "recall", "--to", "http://x"][..],
        &["events", "teams"],
        &["verify", "recall"],
        &["frobnicate"],
    ] {
        assert_eq!(rwh(args).status.code(), Some(2), "{args:?}");
    }
}

/// A scratch directory for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rwh-test-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes a captured request and runs `rwh verify` on it.
fn verify(
    provider: &str,
    secret: &str,
    headers: &[(String, String)],
    body: &[u8],
    extra: &[&str],
) -> (bool, String) {
    let dir = scratch(&format!("{provider}-{}", body.len()));
    let header_file = dir.join("headers.txt");
    let body_file = dir.join("body");
    let lines: String = headers
        .iter()
        .map(|(n, v)| format!("{n}: {v}\r\n"))
        .collect();
    std::fs::write(&header_file, lines).unwrap();
    std::fs::write(&body_file, body).unwrap();
    // `--secret=...`: a PEM key starts with dashes.
    let secret = format!("--secret={secret}");
    let mut args = vec![
        "verify",
        provider,
        &secret,
        "--headers",
        header_file.to_str().unwrap(),
        "--body",
        body_file.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let output = rwh(&args);
    (output.status.success(), stdout(&output))
}

fn recall_capture(body: &[u8], at: i64) -> Vec<(String, String)> {
    let verifier = recall::Verifier::new(RECALL_SECRET).unwrap();
    vec![
        ("webhook-id".into(), "msg_1".into()),
        ("webhook-timestamp".into(), at.to_string()),
        ("webhook-signature".into(), verifier.sign("msg_1", at, body)),
    ]
}

const AT: i64 = 1_700_000_000;
const AT_TEXT: &str = "1700000000";

#[test]
fn verify_explains_each_usual_cause() {
    let pretty = b"{\n  \"event\": \"bot.done\",\n  \"data\": {\"bot\": {\"id\": \"b1\"}}\n}";
    let headers = recall_capture(pretty, AT);

    let (ok, text) = verify(
        "recall",
        RECALL_SECRET,
        &headers,
        pretty,
        &["--now", AT_TEXT],
    );
    assert!(ok && text.starts_with("verified"), "{text}");

    let cases: [(&[u8], &str); 3] = [
        (
            &[&pretty[..], b"\n"].concat(),
            "a trailing newline was added",
        ),
        (
            &String::from_utf8_lossy(pretty)
                .replace('\n', "\r\n")
                .into_bytes(),
            "line endings were changed to CRLF",
        ),
        (
            &pretty[..pretty.len() - 1],
            "its trailing newline was removed",
        ),
    ];
    for (body, expected) in cases {
        let (ok, text) = verify("recall", RECALL_SECRET, &headers, body, &["--now", AT_TEXT]);
        // The last one: no such change, so no such claim.
        if expected.contains("removed") {
            assert!(!ok && !text.contains(expected), "{text}");
        } else {
            assert!(!ok && text.contains(expected), "{expected}: {text}");
        }
    }

    // Signed compact, as providers send; received pretty-printed.
    let compact = br#"{"event":"bot.done","data":{"bot":{"id":"b1","note":"a \" b"}}}"#;
    let received = b"{\n  \"event\": \"bot.done\",\n  \"data\": {\"bot\": {\"id\": \"b1\", \"note\": \"a \\\" b\"}}\n}";
    let (ok, text) = verify(
        "recall",
        RECALL_SECRET,
        &recall_capture(compact, AT),
        received,
        &["--now", AT_TEXT],
    );
    assert!(
        !ok && text.contains("the JSON was re-serialized with whitespace added"),
        "{text}"
    );

    // An hour late: the distance, and that the signature itself is good.
    let (ok, text) = verify(
        "recall",
        RECALL_SECRET,
        &headers,
        pretty,
        &["--now", "1700003600"],
    );
    assert!(
        !ok && text.contains("signed 3600 s before now")
            && text.contains("the signature itself is good"),
        "{text}"
    );

    // A misspelt header.
    let mut misspelt = headers.clone();
    misspelt[2].0 = "webhook_signature".into();
    let (_, text) = verify(
        "recall",
        RECALL_SECRET,
        &misspelt,
        pretty,
        &["--now", AT_TEXT],
    );
    assert!(
        text.contains("`webhook-signature` is missing, but `webhook_signature` is there"),
        "{text}"
    );

    // Daily's headers checked as Recall's.
    let daily_headers = vec![
        ("X-Webhook-Timestamp".to_owned(), AT_TEXT.to_owned()),
        (
            "X-Webhook-Signature".to_owned(),
            daily::Verifier::new(DAILY_SECRET).unwrap().sign(AT, pretty),
        ),
    ];
    let (_, text) = verify(
        "recall",
        RECALL_SECRET,
        &daily_headers,
        pretty,
        &["--now", AT_TEXT],
    );
    assert!(text.contains("daily's signature header"), "{text}");

    // A Daily secret given with Recall's prefix.
    let prefixed = format!("whsec_{DAILY_SECRET}");
    let (ok, text) = verify(
        "daily",
        &prefixed,
        &daily_headers,
        pretty,
        &["--now", AT_TEXT],
    );
    assert!(
        !ok && text.contains("it verifies with the `whsec_` prefix removed"),
        "{text}"
    );

    // No secret is ever printed.
    for secret in [RECALL_SECRET, DAILY_SECRET] {
        assert!(!text.contains(secret));
    }
}

#[test]
fn verify_finds_the_url_signalwire_signed() {
    let public = "https://hooks.example.com/signalwire/recording?tenant=acme";
    let body = b"AccountSid=a&RecordingSid=r&RecordingStatus=completed";
    let signature = signalwire::Verifier::new(SIGNALWIRE_KEY)
        .unwrap()
        .sign_params(
            public,
            &[
                ("AccountSid", "a"),
                ("RecordingSid", "r"),
                ("RecordingStatus", "completed"),
            ],
        );
    let headers = vec![
        ("Host".to_owned(), "internal:8080".to_owned()),
        (
            "X-Forwarded-Host".to_owned(),
            "hooks.example.com".to_owned(),
        ),
        ("X-Forwarded-Proto".to_owned(), "https".to_owned()),
        ("X-SignalWire-Signature".to_owned(), signature),
    ];
    let (ok, text) = verify(
        "signalwire",
        SIGNALWIRE_KEY,
        &headers,
        body,
        &["--url", public],
    );
    assert!(ok, "{text}");
    for (given, hint) in [
        (
            "http://internal:8080/signalwire/recording?tenant=acme",
            "the proxy's internal host and scheme",
        ),
        (
            "https://hooks.example.com/signalwire/recording/?tenant=acme",
            "a trailing slash",
        ),
    ] {
        let (ok, text) = verify(
            "signalwire",
            SIGNALWIRE_KEY,
            &headers,
            body,
            &["--url", given],
        );
        assert!(
            !ok && text.contains(&format!("it verifies with the URL `{public}`")),
            "{hint}: {text}"
        );
    }
    let without_query = "https://hooks.example.com/signalwire/recording";
    let signature = signalwire::Verifier::new(SIGNALWIRE_KEY)
        .unwrap()
        .sign_params(
            without_query,
            &[
                ("AccountSid", "a"),
                ("RecordingSid", "r"),
                ("RecordingStatus", "completed"),
            ],
        );
    let mut headers = headers;
    headers[3].1 = signature;
    let (_, text) = verify(
        "signalwire",
        SIGNALWIRE_KEY,
        &headers,
        body,
        &["--url", public],
    );
    assert!(
        text.contains(&format!("it verifies with the URL `{without_query}`")),
        "{text}"
    );
}

#[test]
fn sign_prints_headers_or_a_curl_command_and_parse_the_typed_event() {
    let dir = scratch("sign");
    let file = dir.join("bot.done.json");
    std::fs::write(&file, br#"{"event":"bot.done","data":{"data":{"code":"done","sub_code":null,"updated_at":"2025-01-29T23:49:58.570998+00:00"},"bot":{"id":"b1","metadata":{}}}}"#).unwrap();
    let file = file.to_str().unwrap();
    let output = rwh(&["sign", "recall", file, "--secret", RECALL_SECRET]);
    let text = stdout(&output);
    assert!(output.status.success());
    for name in [
        "webhook-id: msg_",
        "webhook-timestamp: ",
        "webhook-signature: v1,",
    ] {
        assert!(text.contains(name), "{text}");
    }
    let curl = stdout(&rwh(&[
        "sign",
        "recall",
        file,
        "--secret",
        RECALL_SECRET,
        "--curl",
        "--url",
        "http://127.0.0.1:9/recall",
    ]));
    assert!(
        curl.starts_with("curl -X POST 'http://127.0.0.1:9/recall'")
            && curl.contains("--data-binary"),
        "{curl}"
    );
    assert!(!text.contains(RECALL_SECRET) && !curl.contains(RECALL_SECRET));

    let output = rwh(&["parse", "recall", file]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(
        text.starts_with("bot.done\nbot_id: b1\n") && text.contains("code: done"),
        "{text}"
    );
    let bad = dir.join("bad.json");
    std::fs::write(&bad, br#"{"event":"bot.done","data":{"bot":{"id":7}}}"#).unwrap();
    let output = rwh(&["parse", "recall", bad.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("`data.bot.id`"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn verify_and_parse_zoom() {
    let body = br#"{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}"#;
    // The spec's vector, from Python's `hmac`.
    let signed = vec![
        ("x-zm-request-timestamp".to_owned(), "1739923528".to_owned()),
        (
            "x-zm-signature".to_owned(),
            "v0=c396580094fea489713722c0febf39c0609fcf2a398460b847ac073c59ce910c".to_owned(),
        ),
    ];
    let (ok, text) = verify("zoom", ZOOM_TOKEN, &signed, body, &["--now", "1739923528"]);
    assert!(ok && text.starts_with("verified"), "{text}");

    // Stale, but the signature itself is good.
    let (ok, text) = verify("zoom", ZOOM_TOKEN, &signed, body, &["--now", "1739930000"]);
    assert!(!ok);
    assert!(text.contains("the signature itself is good"), "{text}");

    // The timestamp in milliseconds, as `event_ts` is.
    let millis = vec![
        (
            "x-zm-request-timestamp".to_owned(),
            "1739923528000".to_owned(),
        ),
        signed[1].clone(),
    ];
    let (ok, text) = verify("zoom", ZOOM_TOKEN, &millis, body, &["--now", "1739923528"]);
    assert!(!ok);
    assert!(text.contains("looks like milliseconds"), "{text}");

    // A Recall secret given for Zoom.
    let (ok, text) = verify(
        "zoom",
        RECALL_SECRET,
        &signed,
        body,
        &["--now", "1739923528"],
    );
    assert!(!ok);
    assert!(text.contains("Zoom's Secret Token has no prefix"), "{text}");

    let dir = scratch("zoom-parse");
    let file = dir.join("validation.json");
    std::fs::write(&file, body).unwrap();
    let output = rwh(&["parse", "zoom", file.to_str().unwrap()]);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}");
    assert!(text.starts_with("endpoint.url_validation\n"), "{text}");
    assert!(
        text.contains("plain_token: qgg8vlvZRS6UYooatFL8Aw"),
        "{text}"
    );
}

#[test]
fn verify_and_parse_livekit() {
    let body = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../fixtures/livekit/egress_ended.json"
    ))
    .unwrap();
    let signed = vec![("Authorization".to_owned(), LIVEKIT_LV1_TOKEN.to_owned())];
    let inside = ["--now", "1767225700"];
    // The key is the one the token names, unless given.
    let (ok, text) = verify("livekit", LIVEKIT_SECRET, &signed, &body, &inside);
    assert!(ok && text.starts_with("verified"), "{text}");

    // Expired, but good when it was minted.
    let (ok, text) = verify(
        "livekit",
        LIVEKIT_SECRET,
        &signed,
        &body,
        &["--now", "1767226000"],
    );
    assert!(!ok);
    assert!(
        text.contains("the token expired 100 s ago, beyond the leeway of 60 s"),
        "{text}"
    );
    assert!(text.contains("the signature itself is good"), "{text}");

    // A valid token over a changed body: altered, and how.
    let mut pretty =
        serde_json::to_vec_pretty(&serde_json::from_slice::<serde_json::Value>(&body).unwrap())
            .unwrap();
    pretty.push(b'\n');
    let (ok, text) = verify("livekit", LIVEKIT_SECRET, &signed, &pretty, &inside);
    assert!(!ok);
    assert!(
        text.contains("body altered") || text.contains("altered after signing"),
        "{text}"
    );
    let (ok, text) = verify(
        "livekit",
        LIVEKIT_SECRET,
        &signed,
        &[&body[..], b"\n"].concat(),
        &inside,
    );
    assert!(!ok);
    assert!(
        text.contains("a trailing newline was added to it"),
        "{text}"
    );

    // Another key named, a prefix added, a Recall secret given.
    let mut args = inside.to_vec();
    args.extend(["--api-key", "APIother"]);
    let (ok, text) = verify("livekit", LIVEKIT_SECRET, &signed, &body, &args);
    assert!(!ok);
    assert!(
        text.contains("signed with the API key `APIkey123`, not `APIother`"),
        "{text}"
    );
    let bearer = vec![(
        "Authorization".to_owned(),
        format!("Bearer {LIVEKIT_LV1_TOKEN}"),
    )];
    let (ok, text) = verify("livekit", LIVEKIT_SECRET, &bearer, &body, &inside);
    assert!(!ok);
    assert!(text.contains("`Bearer ` prefix"), "{text}");
    let (ok, text) = verify("livekit", RECALL_SECRET, &signed, &body, &inside);
    assert!(!ok);
    assert!(
        text.contains("LiveKit's API secrets have no prefix"),
        "{text}"
    );

    // rwh signs as LiveKit's server does, and needs the key to.
    let output = rwh(&[
        "sign",
        "livekit",
        "egress_ended",
        "--secret",
        LIVEKIT_SECRET,
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--api-key"));
    let output = rwh(&[
        "sign",
        "livekit",
        "egress_ended",
        "--secret",
        LIVEKIT_SECRET,
        "--api-key",
        LIVEKIT_KEY,
    ]);
    let text = stdout(&output);
    assert!(
        text.contains("content-type: application/webhook+json"),
        "{text}"
    );
    let token = text
        .lines()
        .find_map(|line| line.strip_prefix("Authorization: "))
        .unwrap();
    livekit::Verifier::new(LIVEKIT_KEY, LIVEKIT_SECRET)
        .unwrap()
        .verify(&[("Authorization", token)], &body)
        .unwrap();

    let output = rwh(&["parse", "livekit", "egress_ended"]);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}");
    assert!(
        text.starts_with("egress_ended\nid: EV_3kTqV9uYbHxX\n"),
        "{text}"
    );
    assert!(
        text.contains("status: EGRESS_COMPLETE (terminal)"),
        "{text}"
    );
    assert!(text.contains("(48213379 bytes, 590.4 s)"), "{text}");
}

#[test]
fn verify_sign_and_parse_telnyx() {
    let body = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../fixtures/telnyx/call.recording.saved.json"
    ))
    .unwrap();
    // The spec's TX-1, signed by PyNaCl.
    let signed = vec![
        ("telnyx-timestamp".to_owned(), "1767225600".to_owned()),
        (
            "telnyx-signature-ed25519".to_owned(),
            "nR5tx9JWqLpPzJnjfcVXk0yayeTagrXxe/OqfG3nVJ4coWta661d8Y4HNiWNnqoHZZ5gCf/sl+jVrel9fc+FDA==".to_owned(),
        ),
    ];
    let inside = ["--now", "1767225630"];
    let (ok, text) = verify("telnyx", TELNYX_PUBLIC_KEY, &signed, &body, &inside);
    assert!(ok && text.starts_with("verified"), "{text}");
    let (ok, text) = verify(
        "telnyx",
        TELNYX_PUBLIC_KEY,
        &signed,
        &body,
        &["--now", "1767226000"],
    );
    assert!(
        !ok && text.contains("the signature itself is good"),
        "{text}"
    );
    let newline = [&body[..], b"\n"].concat();
    let (ok, text) = verify("telnyx", TELNYX_PUBLIC_KEY, &signed, &newline, &inside);
    assert!(
        !ok && text.contains("a trailing newline was added"),
        "{text}"
    );
    let (ok, text) = verify(
        "telnyx",
        "-----BEGIN PUBLIC KEY-----",
        &signed,
        &body,
        &inside,
    );
    assert!(!ok && text.contains("PEM"), "{text}");

    // Signed with rwh's own key, whose public key it prints.
    let output = rwh(&["sign", "telnyx", "recording-status.completed"]);
    assert!(output.status.success());
    let told = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(told.contains(TELNYX_PUBLIC_KEY), "{told}");
    let text = stdout(&output);
    assert!(
        text.contains("content-type: application/x-www-form-urlencoded"),
        "{text}"
    );
    let headers: Vec<(String, String)> = text
        .lines()
        .filter_map(|line| line.split_once(": "))
        .map(|(n, v)| (n.to_owned(), v.to_owned()))
        .collect();
    let form = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../fixtures/telnyx/recording-status.completed.form"
    ))
    .unwrap();
    telnyx::Verifier::new(TELNYX_PUBLIC_KEY)
        .unwrap()
        .verify(&headers, &form)
        .unwrap();

    let output = rwh(&["parse", "telnyx", "call.recording.saved"]);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}");
    assert!(text.contains("client_state: have a nice day =]"), "{text}");
    assert!(
        text.contains("recording_urls: mp3 (valid ten minutes"),
        "{text}"
    );
    assert!(!text.contains("X-Amz"), "a presigned link printed: {text}");
}

#[test]
fn twilio_is_signed_by_its_own_rules_and_its_proxy_url_found() {
    // Signed by rwh for the public URL, checked against the local one.
    let dir = scratch("twilio");
    let body_file = dir.join("form");
    let body = b"AccountSid=AC1&CallSid=CA1&RecordingSid=RE1&RecordingStatus=completed&To=b&To=a";
    std::fs::write(&body_file, body).unwrap();
    let public = "https://hooks.example.com/twilio/recording";
    let output = rwh(&[
        "sign",
        "twilio",
        body_file.to_str().unwrap(),
        "--secret",
        TWILIO_TOKEN,
        "--url",
        public,
    ]);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}");
    let signature = text
        .lines()
        .find_map(|line| line.strip_prefix("X-Twilio-Signature: "))
        .unwrap()
        .to_owned();
    // Twilio's rule: the repeated `To` signs its values sorted; SignalWire's
    // rule would not verify this signature.
    let headers = [("X-Twilio-Signature", signature.as_str())];
    assert!(
        twilio::Verifier::new(TWILIO_TOKEN)
            .unwrap()
            .verify(public, &headers, body)
            .is_ok()
    );
    assert!(
        signalwire::Verifier::new(TWILIO_TOKEN)
            .unwrap()
            .verify(public, &headers, body)
            .is_err()
    );

    let captured = vec![
        ("Host".to_owned(), "hooks.example.com".to_owned()),
        ("X-Forwarded-Proto".to_owned(), "https".to_owned()),
        ("X-Twilio-Signature".to_owned(), signature.clone()),
    ];
    let local = "http://127.0.0.1:3000/twilio/recording";
    let (ok, text) = verify("twilio", TWILIO_TOKEN, &captured, body, &["--url", local]);
    assert!(!ok);
    assert!(
        text.contains(&format!("it verifies with the URL `{public}`")),
        "{text}"
    );
    assert!(text.contains("the URL Twilio called"), "{text}");
    assert!(!text.contains("signalwire's signature header"), "{text}");
    let (ok, text) = verify("twilio", TWILIO_TOKEN, &captured, body, &["--url", public]);
    assert!(ok, "{text}");
}

#[test]
fn the_daily_ping_is_sent_and_recognised_unsigned() {
    let dir = scratch("daily-ping");
    let body_file = dir.join("ping.json");
    std::fs::write(&body_file, br#"{"test":"test"}"#).unwrap();
    let output = rwh(&[
        "sign",
        "daily",
        body_file.to_str().unwrap(),
        "--secret",
        DAILY_SECRET,
    ]);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}");
    assert!(
        !text.to_ascii_lowercase().contains("x-webhook-signature"),
        "{text}"
    );
    let (ok, text) = verify("daily", DAILY_SECRET, &[], br#"{"test":"test"}"#, &[]);
    assert!(ok, "{text}");
    assert!(text.contains("verification ping"), "{text}");
    // The receiver on the library answers it 200 unsigned.
    let base = receiver();
    let to = format!("{base}/daily");
    let output = rwh(&[
        "send",
        "daily",
        "test+verification-ping",
        "--to",
        &to,
        "--secret",
        DAILY_SECRET,
    ]);
    assert!(output.status.success(), "{}", stdout(&output));
}

#[test]
fn samples_by_name_and_a_pointer_for_unknown_ones() {
    let output = rwh(&["parse", "zoom", "recording.completed"]);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}");
    assert!(text.starts_with("recording.completed\n"), "{text}");
    let output = rwh(&["parse", "recall", "bot.no_such_event"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("`rwh events recall` lists the samples"),
        "{stderr}"
    );
}

#[test]
fn verify_tells_reordered_keys_and_changed_escapes_from_a_wrong_secret() {
    // Recall's own order, compact, as the crate's types write it.
    let original = serde_json::to_vec(
        &recall::Event::from_slice(
            &std::fs::read(format!(
                "{}/../fixtures/recall/bot.call_ended.json",
                env!("CARGO_MANIFEST_DIR")
            ))
            .unwrap(),
        )
        .unwrap(),
    )
    .unwrap();
    let headers = recall_capture(&original, AT);
    // What a handler that parsed into `serde_json::Value` and wrote it back
    // hands over: the same values, keys sorted.
    let sorted =
        serde_json::to_vec(&serde_json::from_slice::<serde_json::Value>(&original).unwrap())
            .unwrap();
    assert_ne!(sorted, original);
    let (ok, text) = verify(
        "recall",
        RECALL_SECRET,
        &headers,
        &sorted,
        &["--now", AT_TEXT],
    );
    assert!(!ok);
    assert!(text.contains("keys in another order"), "{text}");
    assert!(!text.contains("secret is likely"), "{text}");

    // Zoom: a topic with non-ASCII text, escaped on the way.
    let body = r#"{"event":"meeting.ended","payload":{"object":{"topic":"Café ’ 🚒"}},"event_ts":1720547519023}"#;
    let escaped = r#"{"event":"meeting.ended","payload":{"object":{"topic":"Caf\u00e9 \u2019 \ud83d\ude92"}},"event_ts":1720547519023}"#;
    let signed = vec![
        ("x-zm-request-timestamp".to_owned(), "1739923528".to_owned()),
        (
            "x-zm-signature".to_owned(),
            "v0=7915ed87b064f5738c45915468428e50bb3a9f6eb96acdf857eb46c5874870ed".to_owned(),
        ),
    ];
    let (ok, text) = verify(
        "zoom",
        ZOOM_TOKEN,
        &signed,
        escaped.as_bytes(),
        &["--now", "1739923528"],
    );
    assert!(!ok);
    assert!(text.contains("written as `\\u` escapes"), "{text}");
    // And the reverse: signed with escapes, handed over as UTF-8.
    let signed_escaped = vec![
        signed[0].clone(),
        (
            "x-zm-signature".to_owned(),
            "v0=3ae384cc4dc0cbb651e2460bc88aca0f2915835a8d41966bd89202f9b355cbfa".to_owned(),
        ),
    ];
    let (ok, text) = verify(
        "zoom",
        ZOOM_TOKEN,
        &signed_escaped,
        body.as_bytes(),
        &["--now", "1739923528"],
    );
    assert!(!ok);
    assert!(text.contains("escapes were written out as UTF-8"), "{text}");
}

#[test]
fn verify_names_the_url_and_a_local_one_behind_a_proxy() {
    let public = "https://hooks.example.com/signalwire/recording";
    let body = b"AccountSid=a&RecordingSid=r&RecordingStatus=completed";
    let signature = signalwire::Verifier::new(SIGNALWIRE_KEY)
        .unwrap()
        .sign_params(
            public,
            &[
                ("AccountSid", "a"),
                ("RecordingSid", "r"),
                ("RecordingStatus", "completed"),
            ],
        );
    // Captured without Host / X-Forwarded-*: nothing tells the public URL.
    let captured = vec![("X-SignalWire-Signature".to_owned(), signature)];
    let local = "http://127.0.0.1:3000/signalwire/recording";
    let (ok, text) = verify(
        "signalwire",
        SIGNALWIRE_KEY,
        &captured,
        body,
        &["--url", local],
    );
    assert!(!ok);
    assert!(
        text.contains(&format!("checked against the URL `{local}`")),
        "{text}"
    );
    assert!(
        text.contains("is a local URL: SignalWire signed the public URL"),
        "{text}"
    );
    assert!(!text.contains("secret is likely"), "{text}");
}

#[test]
fn secrets_from_the_environment_or_a_file_and_headers_from_stdin() {
    let dir = scratch("secret-sources");
    let secret_file = dir.join("secret");
    std::fs::write(&secret_file, format!("{ZOOM_TOKEN}\n")).unwrap();
    let body_file = dir.join("body.json");
    let body = br#"{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}"#;
    std::fs::write(&body_file, body).unwrap();
    let from_file = rwh(&[
        "sign",
        "zoom",
        body_file.to_str().unwrap(),
        "--secret-file",
        secret_file.to_str().unwrap(),
    ]);
    assert!(
        from_file.status.success(),
        "{}",
        String::from_utf8_lossy(&from_file.stderr)
    );
    let from_env = Command::new(env!("CARGO_BIN_EXE_rwh"))
        .args([
            "sign",
            "zoom",
            body_file.to_str().unwrap(),
            "--secret-env",
            "RWH_TEST_ZOOM_TOKEN",
        ])
        .env("RWH_TEST_ZOOM_TOKEN", ZOOM_TOKEN)
        .output()
        .unwrap();
    assert!(from_env.status.success());
    let unset = rwh(&[
        "sign",
        "zoom",
        body_file.to_str().unwrap(),
        "--secret-env",
        "RWH_TEST_UNSET_VARIABLE",
    ]);
    assert_eq!(unset.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&unset.stderr).contains("is not set"));
    let none = rwh(&["sign", "zoom", body_file.to_str().unwrap()]);
    assert_eq!(none.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&none.stderr).contains("give the secret"));

    // `curl -v` output on standard input, with a line that is no header.
    let curl = "* Connected\n> POST /zoom HTTP/1.1\n> Host: 127.0.0.1\n> x-zm-request-timestamp: 1739923528\n> x-zm-signature: v0=c396580094fea489713722c0febf39c0609fcf2a398460b847ac073c59ce910c\n>\nstray text\n< HTTP/1.1 200 OK\n";
    let mut child = Command::new(env!("CARGO_BIN_EXE_rwh"))
        .args([
            "verify",
            "zoom",
            "--secret-file",
            secret_file.to_str().unwrap(),
            "--headers",
            "-",
            "--body",
            body_file.to_str().unwrap(),
            "--now",
            "1739923528",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(curl.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", stdout(&output));
    assert!(stdout(&output).starts_with("verified"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("line 7 is not a `Name: value` header, ignored: stray text"),
        "{stderr}"
    );
}

#[test]
fn send_signs_for_the_public_url_and_only_one_kind() {
    let base = receiver();
    // The receiver verifies against its own address as the public URL.
    let to = format!("{base}/twilio");
    let output = rwh(&[
        "send",
        "twilio",
        "--all",
        "--only",
        "recording-status",
        "--to",
        &to,
        "--secret",
        TWILIO_TOKEN,
    ]);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}");
    assert!(
        text.lines()
            .all(|line| line.starts_with("recording-status") || line.contains(" sent, ")),
        "{text}"
    );
    // Signed for another public URL than the one posted to: refused by a
    // receiver that knows its URL, as a proxy's would be.
    let output = rwh(&[
        "send",
        "twilio",
        "call-status.completed",
        "--to",
        &to,
        "--url",
        "https://elsewhere.example/twilio",
        "--secret",
        TWILIO_TOKEN,
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let output = rwh(&[
        "send",
        "twilio",
        "--all",
        "--only",
        "no-such-kind",
        "--to",
        &to,
        "--secret",
        TWILIO_TOKEN,
    ]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("no sample starts with"));
}

#[test]
fn twilio_shared_key_signing() {
    let dir = scratch("twilio-shared-key");
    let body_file = dir.join("form");
    let body = b"AccountSid=AC1&CallSid=CA1&CallStatus=completed";
    std::fs::write(&body_file, body).unwrap();
    let url = "https://hooks.example.com/twilio/status";
    let output = rwh(&[
        "sign",
        "twilio",
        body_file.to_str().unwrap(),
        "--secret",
        "shared-key-secret",
        "--url",
        url,
        "--shared-key",
    ]);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}");
    let header = |name: &str| {
        text.lines()
            .find_map(|line| line.strip_prefix(&format!("{name}: ")))
            .unwrap()
            .to_owned()
    };
    let headers = [
        ("X-Twilio-Signature", header("X-Twilio-Signature")),
        (
            "X-Twilio-Webhooks-Signature-Settings",
            header("X-Twilio-Webhooks-Signature-Settings"),
        ),
    ];
    assert!(headers[1].1.contains("algorithm=HMAC_SHA256"));
    // Verified by the SharedKey, never by an Auth Token alone.
    let with_shared_key = twilio::Verifier::new("auth-token")
        .unwrap()
        .with_shared_key("shared-key-secret")
        .unwrap();
    assert!(with_shared_key.verify(url, &headers, body).is_ok());
    assert!(
        twilio::Verifier::new("shared-key-secret")
            .unwrap()
            .verify(url, &headers, body)
            .is_err()
    );
}

#[test]
fn verify_explains_an_unsigned_recall_delivery_and_a_url_token() {
    let body = br#"{"event":"bot.done","data":{"bot":{"id":"b1"}}}"#;
    let headers = vec![("Content-Type".to_owned(), "application/json".to_owned())];
    let (ok, text) = verify("recall", RECALL_SECRET, &headers, body, &[]);
    assert!(!ok);
    assert!(text.contains("it is unsigned"), "{text}");
    assert!(text.contains("no verification secret"), "{text}");
    // One cause, not one line per missing header.
    assert_eq!(text.matches("why:").count(), 1, "{text}");

    let (ok, text) = verify(
        "recall",
        RECALL_SECRET,
        &headers,
        body,
        &[
            "--url",
            "https://hooks.example.com/recall/realtime?bot=1&token=t0k3n",
        ],
    );
    assert!(!ok);
    assert!(text.contains("authenticated by its URL's token"), "{text}");
    assert_eq!(text.matches("why:").count(), 1, "{text}");
}

#[test]
fn verify_gives_one_cause_a_line_and_never_contradicts_it() {
    let body = br#"{"event":"bot.done","data":{"bot":{"id":"b1"}}}"#;
    let headers = recall_capture(body, AT);

    // A body that gained a trailing newline: one cause, not two.
    let (ok, text) = verify(
        "recall",
        RECALL_SECRET,
        &headers,
        &[&body[..], b"\n"].concat(),
        &["--now", AT_TEXT],
    );
    assert!(!ok);
    assert_eq!(text.matches("why:").count(), 1, "{text}");
    assert!(text.contains("a trailing newline was added"), "{text}");

    // A secret read with its newline: named by the option it came from,
    // mended, and never "likely not the one".
    let dir = scratch("secret-newline");
    let (header_file, body_file) = (dir.join("headers.txt"), dir.join("body"));
    let lines: String = headers.iter().map(|(n, v)| format!("{n}: {v}\n")).collect();
    std::fs::write(&header_file, lines).unwrap();
    std::fs::write(&body_file, body).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_rwh"))
        .args([
            "verify",
            "recall",
            "--secret-env",
            "RWH_TEST_SECRET",
            "--now",
            AT_TEXT,
        ])
        .arg("--headers")
        .arg(&header_file)
        .arg("--body")
        .arg(&body_file)
        .env("RWH_TEST_SECRET", format!("{RECALL_SECRET}\n"))
        .output()
        .unwrap();
    let text = stdout(&output);
    assert!(!output.status.success());
    assert!(
        text.contains("--secret-env: the webhook secret starts or ends with whitespace"),
        "{text}"
    );
    assert!(
        text.contains("verifies with the secret's surrounding whitespace removed"),
        "{text}"
    );
    assert!(!text.contains("likely not the one"), "{text}");
    assert!(!text.contains(RECALL_SECRET), "{text}");
}

#[test]
fn sign_takes_the_sample_names_send_takes() {
    let output = rwh(&[
        "sign",
        "zoom",
        "recording.completed",
        "--secret",
        ZOOM_TOKEN,
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout(&output).contains("x-zm-signature: v0="),
        "{}",
        stdout(&output)
    );
}

#[test]
fn verify_says_a_local_or_private_url_is_not_the_one_the_provider_signed() {
    let body = b"AccountSid=AC1&CallSid=CA1&CallStatus=ringing";
    let public = "https://hooks.example.com/twilio";
    let verifier = recording_webhooks::twilio::Verifier::new(TWILIO_TOKEN).unwrap();
    let signature = verifier.sign_params(
        public,
        &[
            ("AccountSid", "AC1"),
            ("CallSid", "CA1"),
            ("CallStatus", "ringing"),
        ],
    );
    // As a server behind a proxy captured it: its own Host, no
    // X-Forwarded-* headers.
    let headers = vec![
        ("Host".to_owned(), "10.0.3.7:8080".to_owned()),
        ("X-Twilio-Signature".to_owned(), signature),
    ];
    for local in ["http://10.0.3.7:8080/twilio", "http://backend:8080/twilio"] {
        let (ok, text) = verify("twilio", TWILIO_TOKEN, &headers, body, &["--url", local]);
        assert!(!ok);
        assert!(text.contains("is a local URL"), "{local}: {text}");
        assert!(text.contains("signed the public URL"), "{local}: {text}");
        assert!(!text.contains("likely not the one"), "{local}: {text}");
    }
}
