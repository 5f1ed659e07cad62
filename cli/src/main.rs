//! `rwh`, the command-line companion of `recording-webhooks`: list the
//! bundled sample events, sign and send them to a local receiver as the
//! provider would, print the headers or a curl command, explain why a
//! captured delivery fails to verify, and parse a body.

mod diagnose;
mod sign;

mod samples {
    include!(concat!(env!("OUT_DIR"), "/samples.rs"));
}

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::{Args, Parser, Subcommand, ValueEnum};
use recording_webhooks::{daily, livekit, recall, signalwire, telnyx, zoom};

/// Send signed sample webhooks to a local receiver; explain failed verifications.
#[derive(Parser)]
#[command(name = "rwh", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Where the secret comes from: kept out of shell history and `ps` by
/// `--secret-env` or `--secret-file`.
#[derive(Args)]
#[group(required = false, multiple = false)]
struct Secret {
    /// The webhook secret (SignalWire: the Signing Key; Twilio: the Auth
    /// Token; Zoom: the Secret Token; LiveKit: the API secret; Telnyx: the
    /// public key to verify with, or the base64 32-byte private key to sign
    /// with, rwh's own when none is given).
    #[arg(long)]
    secret: Option<String>,
    /// The name of an environment variable holding the secret.
    #[arg(long)]
    secret_env: Option<String>,
    /// A file holding the secret (one trailing newline is dropped).
    #[arg(long)]
    secret_file: Option<PathBuf>,
}

/// A secret, and the option it came from: an error about it names the
/// option as the user gave it.
pub struct SecretArg {
    pub value: String,
    pub option: &'static str,
    /// LiveKit: the API key the secret belongs to (`--api-key`).
    pub api_key: Option<String>,
}

impl Secret {
    /// The secret, with the API key LiveKit's needs beside it.
    fn resolve_with(&self, api_key: Option<String>) -> Result<SecretArg, String> {
        self.resolve().map(|secret| SecretArg { api_key, ..secret })
    }

    /// The secret to sign with: Telnyx signs with a private key no user
    /// has, so without one rwh signs with its own (an empty value).
    fn resolve_for_signing(
        &self,
        provider: Provider,
        api_key: Option<String>,
    ) -> Result<SecretArg, String> {
        let none_given =
            self.secret.is_none() && self.secret_env.is_none() && self.secret_file.is_none();
        if provider == Provider::Telnyx && none_given {
            return Ok(SecretArg {
                value: String::new(),
                option: "rwh's own Telnyx key",
                api_key,
            });
        }
        self.resolve_with(api_key)
    }

    fn resolve(&self) -> Result<SecretArg, String> {
        if let Some(secret) = &self.secret {
            return Ok(SecretArg {
                value: secret.clone(),
                option: "--secret",
                api_key: None,
            });
        }
        if let Some(name) = &self.secret_env {
            let value =
                std::env::var(name).map_err(|_| format!("--secret-env: `{name}` is not set"))?;
            return Ok(SecretArg {
                value,
                option: "--secret-env",
                api_key: None,
            });
        }
        let Some(path) = self.secret_file.as_deref() else {
            return Err(
                "give the secret: --secret, --secret-env NAME or --secret-file PATH".into(),
            );
        };
        let text = std::fs::read_to_string(path)
            .map_err(|err| format!("--secret-file: cannot read {}: {err}", path.display()))?;
        let text = text.strip_suffix('\n').unwrap_or(&text);
        Ok(SecretArg {
            value: text.strip_suffix('\r').unwrap_or(text).to_owned(),
            option: "--secret-file",
            api_key: None,
        })
    }
}

#[derive(Subcommand)]
enum Command {
    /// List the bundled sample events of a provider.
    Events {
        /// recall, signalwire, twilio, daily, zoom or livekit.
        provider: Provider,
    },
    /// Sign a sample (or a file) as the provider does and POST it.
    Send {
        /// recall, signalwire, twilio, daily, zoom or livekit.
        provider: Provider,
        /// A bundled sample's name (see `rwh events`) or a file.
        #[arg(required_unless_present = "all")]
        sample: Option<String>,
        /// The receiver's URL.
        #[arg(long)]
        to: String,
        #[command(flatten)]
        secret: Secret,
        /// Send every bundled sample of the provider.
        #[arg(long, conflicts_with = "sample")]
        all: bool,
        /// With --all, only the samples whose name starts with this (one
        /// kind of callback, such as `recording-status`, for a route typed
        /// for it).
        #[arg(long, requires = "all")]
        only: Option<String>,
        /// The public URL to sign for (SignalWire, Twilio) when it differs
        /// from --to, as behind a proxy or a tunnel.
        #[arg(long)]
        url: Option<String>,
        /// Twilio: the secret is a SharedKey; sign with HMAC-SHA256 and send
        /// the settings header that says so.
        #[arg(long)]
        shared_key: bool,
        /// LiveKit: the API key the secret belongs to (the token's `iss`).
        #[arg(long)]
        api_key: Option<String>,
    },
    /// Print the headers the provider would send with a body, or a curl command.
    Sign {
        /// recall, signalwire, twilio, daily, zoom or livekit.
        provider: Provider,
        /// A bundled sample's name (see `rwh events`) or a file: the body to
        /// sign, as it will be sent.
        file: PathBuf,
        #[command(flatten)]
        secret: Secret,
        /// The URL it is sent to (SignalWire signs it; curl needs it).
        #[arg(long)]
        url: Option<String>,
        /// Print a ready curl command instead of the headers.
        #[arg(long)]
        curl: bool,
        /// Twilio: the secret is a SharedKey; sign with HMAC-SHA256 and send
        /// the settings header that says so.
        #[arg(long)]
        shared_key: bool,
        /// LiveKit: the API key the secret belongs to (the token's `iss`).
        #[arg(long)]
        api_key: Option<String>,
    },
    /// Check a captured request; on failure, say why.
    Verify {
        /// recall, signalwire, twilio, daily, zoom or livekit.
        provider: Provider,
        #[command(flatten)]
        secret: Secret,
        /// The request's headers, one `Name: value` per line, or `curl -v`
        /// output (`> Name: value`); `-` reads them from standard input.
        #[arg(long)]
        headers: PathBuf,
        /// The request's body, as raw bytes.
        #[arg(long)]
        body: PathBuf,
        /// The URL the provider called (SignalWire signs it).
        #[arg(long)]
        url: Option<String>,
        /// Check as if the time were this (Unix seconds).
        #[arg(long)]
        now: Option<i64>,
        /// LiveKit: the API key the secret belongs to; without it, the key
        /// the token names.
        #[arg(long)]
        api_key: Option<String>,
    },
    /// Parse a body into its typed event and print what a handler reads.
    Parse {
        /// recall, signalwire, twilio, daily, zoom or livekit.
        provider: Provider,
        /// A bundled sample's name (see `rwh events`) or a file with the body.
        file: PathBuf,
    },
}

/// The providers `rwh` speaks for.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Provider {
    /// Recall.ai (Svix / Standard Webhooks signatures).
    Recall,
    /// SignalWire (form callbacks, `X-SignalWire-Signature`).
    Signalwire,
    /// Twilio (the same callbacks, `X-Twilio-Signature` by Twilio's rules).
    Twilio,
    /// Daily (`X-Webhook-Signature`).
    Daily,
    /// Zoom (`x-zm-signature`; URL validation answered and checked).
    Zoom,
    /// LiveKit (a JWT in `Authorization`; `--api-key` names its key).
    Livekit,
    /// Telnyx (Ed25519 `telnyx-signature-ed25519`; Call Control JSON and
    /// TeXML forms).
    Telnyx,
}

impl Provider {
    fn samples(self) -> &'static [(&'static str, &'static [u8])] {
        match self {
            Provider::Recall => samples::RECALL,
            Provider::Signalwire => samples::SIGNALWIRE,
            Provider::Twilio => samples::TWILIO,
            Provider::Daily => samples::DAILY,
            Provider::Zoom => samples::ZOOM,
            Provider::Livekit => samples::LIVEKIT,
            Provider::Telnyx => samples::TELNYX,
        }
    }

    /// The provider's own name, for messages.
    pub fn display_name(self) -> &'static str {
        match self {
            Provider::Recall => "Recall.ai",
            Provider::Signalwire => "SignalWire",
            Provider::Twilio => "Twilio",
            Provider::Daily => "Daily",
            Provider::Zoom => "Zoom",
            Provider::Livekit => "LiveKit",
            Provider::Telnyx => "Telnyx",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Provider::Recall => "recall",
            Provider::Signalwire => "signalwire",
            Provider::Twilio => "twilio",
            Provider::Daily => "daily",
            Provider::Zoom => "zoom",
            Provider::Livekit => "livekit",
            Provider::Telnyx => "telnyx",
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Events { provider } => {
            for (name, _) in provider.samples() {
                println!("{name}");
            }
            Ok(true)
        }
        Command::Send {
            provider,
            sample,
            to,
            secret,
            all,
            only,
            url,
            shared_key,
            api_key,
        } => secret
            .resolve_for_signing(provider, api_key)
            .and_then(|secret| {
                let bodies = if all {
                    all_samples(provider, only.as_deref())?
                } else {
                    vec![sample_or_file(
                        provider,
                        sample.as_deref().unwrap_or_default(),
                    )?]
                };
                send(
                    provider,
                    &bodies,
                    &to,
                    url.as_deref(),
                    &secret,
                    all,
                    shared_key,
                )
            }),
        Command::Sign {
            provider,
            file,
            secret,
            url,
            curl,
            shared_key,
            api_key,
        } => secret
            .resolve_for_signing(provider, api_key)
            .and_then(|secret| {
                sign_file(provider, &file, &secret, url.as_deref(), curl, shared_key)
            }),
        Command::Verify {
            provider,
            secret,
            headers,
            body,
            url,
            now,
            api_key,
        } => read_headers(&headers).and_then(|headers| {
            let secret = secret.resolve_with(api_key)?;
            let body = read(&body)?;
            let now = match now {
                Some(seconds) => time::OffsetDateTime::from_unix_timestamp(seconds)
                    .map_err(|err| format!("--now: {err}"))?,
                None => time::OffsetDateTime::now_utc(),
            };
            diagnose::verify(provider, &secret, &headers, &body, url.as_deref(), now)
        }),
        Command::Parse { provider, file } => sample_or_file(provider, &file.to_string_lossy())
            .map(|(_, body)| parse(provider, &body)),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("rwh: {message}");
            ExitCode::FAILURE
        }
    }
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|err| format!("cannot read {}: {err}", path.display()))
}

/// A bundled sample by name, or a file.
fn sample_or_file(provider: Provider, sample: &str) -> Result<(String, Vec<u8>), String> {
    match provider.samples().iter().find(|(name, _)| *name == sample) {
        Some((name, body)) => Ok(((*name).to_owned(), body.to_vec())),
        None if !Path::new(sample).exists() => Err(format!(
            "no sample or file named `{sample}`: `rwh events {}` lists the samples",
            provider.name()
        )),
        None => read(Path::new(sample)).map(|body| (sample.to_owned(), body)),
    }
}

/// The headers of a captured request, from a file or `-` (standard
/// input); lines that are not headers are reported, not silently dropped.
fn read_headers(path: &Path) -> Result<Vec<(String, String)>, String> {
    let bytes = if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
            .map_err(|err| format!("cannot read the headers from standard input: {err}"))?;
        bytes
    } else {
        read(path)?
    };
    let (headers, skipped) = diagnose::parse_headers(&String::from_utf8_lossy(&bytes));
    for (number, line) in skipped {
        eprintln!("rwh: --headers line {number} is not a `Name: value` header, ignored: {line}");
    }
    Ok(headers)
}

/// Every bundled sample, or those whose name starts with `only`.
fn all_samples(provider: Provider, only: Option<&str>) -> Result<Vec<(String, Vec<u8>)>, String> {
    let bodies: Vec<(String, Vec<u8>)> = provider
        .samples()
        .iter()
        .filter(|(name, _)| only.is_none_or(|prefix| name.starts_with(prefix)))
        .map(|(name, body)| ((*name).to_owned(), body.to_vec()))
        .collect();
    if bodies.is_empty() {
        return Err(format!(
            "no sample starts with `{}`: `rwh events {}` lists them",
            only.unwrap_or_default(),
            provider.name()
        ));
    }
    Ok(bodies)
}

fn send(
    provider: Provider,
    bodies: &[(String, Vec<u8>)],
    to: &str,
    url: Option<&str>,
    secret: &SecretArg,
    all: bool,
    shared_key: bool,
) -> Result<bool, String> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into();
    if provider == Provider::Telnyx {
        eprintln!(
            "rwh signs as Telnyx with {}: configure the receiver with the public key {}",
            secret.option,
            sign::telnyx_public_key(&secret.value)?
        );
    }
    let (mut accepted, mut rejected) = (0usize, 0usize);
    for (name, body) in bodies {
        // Signed for the public URL when it is not the one posted to.
        let request = sign::request(provider, secret, url.unwrap_or(to), body, shared_key)?;
        let mut post = agent.post(to);
        for (header, value) in &request.headers {
            post = post.header(header.as_str(), value.as_str());
        }
        let started = Instant::now();
        let mut response = post
            .send(body.as_slice())
            .map_err(|err| format!("cannot reach {to}: {err}"))?;
        let elapsed = started.elapsed();
        let status = response.status();
        let answer = response.body_mut().read_to_string().unwrap_or_default();
        let first_line = answer.lines().next().unwrap_or_default();
        println!(
            "{name}: {} in {} ms{}{first_line}",
            status.as_u16(),
            elapsed.as_millis(),
            if first_line.is_empty() { "" } else { ": " }
        );
        // Zoom's URL validation is only passed by the right answer.
        let validation = match provider {
            Provider::Zoom if status.is_success() => {
                sign::check_zoom_validation(&secret.value, body, &answer)
            }
            _ => Ok(()),
        };
        if let Err(problem) = &validation {
            println!("{name}: the URL validation answer is wrong: {problem}");
        }
        if status.is_success() && validation.is_ok() {
            accepted += 1;
        } else {
            rejected += 1;
        }
    }
    if all {
        println!(
            "{} sent, {accepted} accepted, {rejected} rejected",
            bodies.len()
        );
    }
    Ok(rejected == 0)
}

fn sign_file(
    provider: Provider,
    file: &Path,
    secret: &SecretArg,
    url: Option<&str>,
    curl: bool,
    shared_key: bool,
) -> Result<bool, String> {
    let (_, body) = sample_or_file(provider, &file.to_string_lossy())?;
    let default_url = format!("http://127.0.0.1:3000/{}", provider.name());
    let url = url.unwrap_or(&default_url);
    let request = sign::request(provider, secret, url, &body, shared_key)?;
    if provider == Provider::Telnyx {
        eprintln!(
            "rwh signs as Telnyx with {}: configure the receiver with the public key {}",
            secret.option,
            sign::telnyx_public_key(&secret.value)?
        );
    }
    if curl {
        let mut command = format!("curl -X POST '{url}'");
        for (name, value) in &request.headers {
            command.push_str(&format!(" \\\n  -H '{name}: {value}'"));
        }
        if file.exists() {
            command.push_str(&format!(" \\\n  --data-binary @'{}'", file.display()));
        } else {
            // A bundled sample: its body inline, single-quoted for the shell.
            let body = String::from_utf8_lossy(&body).replace('\'', "'\\''");
            command.push_str(&format!(" \\\n  --data-binary '{body}'"));
        }
        println!("{command}");
    } else {
        for (name, value) in &request.headers {
            println!("{name}: {value}");
        }
    }
    Ok(true)
}

fn parse(provider: Provider, body: &[u8]) -> bool {
    let described = match provider {
        Provider::Recall => recall::Event::from_slice(body).map(|event| {
            let field = |value: Option<&str>| value.unwrap_or("-").to_owned();
            format!(
                "{}\nbot_id: {}\nrecording_id: {}\ncode: {}\nsub_code: {}\nupdated_at: {}",
                event.event_type(),
                field(event.bot_id()),
                field(event.recording_id()),
                field(event.code()),
                field(event.sub_code()),
                event
                    .updated_at()
                    .map_or("-".to_owned(), ToString::to_string),
            )
        }),
        Provider::Daily => daily::Event::from_slice(body).map(|event| {
            format!(
                "{}\nid: {}\nevent_time: {}",
                event.event_type(),
                event.id().unwrap_or("-"),
                event_time(event.event_time()),
            )
        }),
        Provider::Signalwire | Provider::Twilio => signalwire_summary(body),
        Provider::Zoom => zoom::Event::from_slice(body).map(|event| {
            let plain_token = match &event {
                zoom::Event::EndpointUrlValidation(validation) => validation.plain_token.as_str(),
                _ => "-",
            };
            format!(
                "{}\nevent_time: {}\naccount_id: {}\nmeeting_uuid: {}\nmeeting_id: {}\nsession_id: {}\nrecording_files: {}\ncall_recordings: {}\ndownload: {}\nplain_token: {plain_token}",
                event.event_type(),
                event_time(event.event_time()),
                event.account_id().unwrap_or("-"),
                event.meeting_uuid().unwrap_or("-"),
                event.meeting_id().map_or("-".to_owned(), |id| id.to_string()),
                event.session_id().map_or("-".to_owned(), ToString::to_string),
                event.recording_files().len(),
                event.call_recordings().len(),
                // A bearer credential: say whether it is there, never what.
                match event.download_auth() {
                    zoom::DownloadAuth::Token(_) => "with the event's download_token (present)",
                    zoom::DownloadAuth::OAuth => "with the app's OAuth access token (Zoom Phone)",
                    _ => "-",
                },
            )
        }),
        Provider::Livekit => livekit::Event::from_slice(body).map(|event| livekit_summary(&event)),
        // TeXML callbacks are forms, Call Control events JSON.
        Provider::Telnyx if !sign::is_json(body) => signalwire_summary(body),
        Provider::Telnyx => telnyx::Event::from_slice(body).map(|event| {
            let or_dash = |value: Option<&str>| value.unwrap_or("-").to_owned();
            let mut text = format!(
                "{}\nid: {}\nevent_time: {}\ncall_control_id: {}\ncall_session_id: {}\nclient_state: {}",
                event.event_type(),
                event.id(),
                event_time(event.event_time()),
                or_dash(event.call_control_id()),
                or_dash(event.call_session_id()),
                event
                    .client_state()
                    .map_or("-".to_owned(), |state| state
                        .decode_utf8()
                        .unwrap_or_else(|| state.as_str().to_owned())),
            );
            if let Some(saved) = event.recording_saved() {
                // Presigned links: say which formats, never the links.
                let formats: Vec<&str> = saved
                    .recording_urls
                    .iter()
                    .flat_map(|urls| [("mp3", urls.mp3.is_some()), ("wav", urls.wav.is_some())])
                    .filter_map(|(format, present)| present.then_some(format))
                    .collect();
                text.push_str(&format!(
                    "\nrecording_id: {}\nrecording_urls: {} (valid ten minutes: download now)",
                    or_dash(saved.recording_id.as_deref()),
                    if formats.is_empty() { "-".to_owned() } else { formats.join(", ") },
                ));
            }
            text
        }),
    };
    match described {
        Ok(text) => {
            println!("{text}");
            true
        }
        Err(err) => {
            println!("does not parse: {err}");
            false
        }
    }
}

/// The callback a form is, told by `AnyCallback`'s rules.
fn signalwire_summary(body: &[u8]) -> Result<String, recording_webhooks::ParseError> {
    use signalwire::AnyCallback;
    let or_dash = |value: Option<&str>| value.unwrap_or("-").to_owned();
    Ok(match AnyCallback::from_form(body)? {
        AnyCallback::Recording(cb) => format!(
            "RecordingStatusCallback\nrecording_sid: {}\nrecording_status: {}\nrecording_duration: {}",
            cb.recording_sid,
            cb.recording_status,
            cb.recording_duration
                .map_or("-".to_owned(), |d| d.to_string())
        ),
        AnyCallback::DialAction(cb) => format!(
            "DialActionCallback\ncall_sid: {}\ndial_call_status: {}",
            cb.call_sid, cb.dial_call_status
        ),
        AnyCallback::ConferenceStatus(cb) => format!(
            "ConferenceStatusCallback\nconference_sid: {}\nstatus_callback_event: {}",
            cb.conference_sid, cb.status_callback_event
        ),
        AnyCallback::Transcribe(cb) => format!(
            "TranscribeCallback\ntranscription_sid: {}\ntranscription_status: {}",
            cb.transcription_sid, cb.transcription_status
        ),
        AnyCallback::Status(cb) => format!(
            "StatusCallback\ncall_sid: {}\ncall_status: {}",
            cb.call_sid, cb.call_status
        ),
        AnyCallback::RecordAction(cb) => format!(
            "RecordActionCallback\ncall_sid: {}\nrecording_url: {}",
            cb.call_sid,
            or_dash(cb.recording_url.as_deref())
        ),
        AnyCallback::Voice(cb) => format!(
            "VoiceRequest\ncall_sid: {}\ncall_status: {}\nfrom: {}\nto: {}",
            cb.call_sid,
            cb.call_status,
            or_dash(cb.from.as_deref()),
            or_dash(cb.to.as_deref())
        ),
        AnyCallback::GatherAction(cb) => format!(
            "GatherActionCallback\ncall_sid: {}\ndigits: {}\nspeech_result: {}",
            cb.call_sid,
            or_dash(cb.digits.as_deref()),
            or_dash(cb.speech_result.as_deref())
        ),
        AnyCallback::AmdStatus(cb) => format!(
            "AmdStatusCallback\ncall_sid: {}\nanswered_by: {}",
            cb.call_sid, cb.answered_by
        ),
        other => format!("unrecognised callback\n{}", other.to_form()),
    })
}

/// What a LiveKit handler reads: the event, its room, and an egress's
/// status and files.
fn livekit_summary(event: &livekit::Event) -> String {
    let or_dash = |value: Option<&str>| value.unwrap_or("-").to_owned();
    let mut text = format!(
        "{}
id: {}
event_time: {}
room: {}",
        event.event_type(),
        or_dash(event.id()),
        event_time(event.event_time()),
        // Egress events may carry only the egress's own `roomName`.
        or_dash(
            event
                .room()
                .and_then(|room| room.name.as_deref())
                .or_else(|| event
                    .egress()
                    .and_then(|egress| egress.room_name.as_deref()))
        ),
    );
    if let Some(egress) = event.egress() {
        text.push_str(&format!(
            "
egress_id: {}
status: {}{}",
            or_dash(egress.egress_id.as_deref()),
            egress.status(),
            if egress.is_terminal() {
                " (terminal)"
            } else {
                ""
            },
        ));
        if let Some(error) = &egress.error {
            text.push_str(&format!(
                "
error: {error}"
            ));
        }
        for file in egress.files() {
            text.push_str(&format!(
                "
file: {} ({} bytes, {})",
                or_dash(file.location.as_deref().or(file.filename.as_deref())),
                file.size_bytes()
                    .map_or("-".to_owned(), |size| size.to_string()),
                file.duration()
                    .map_or("no valid duration".to_owned(), |d| format!(
                        "{:.1} s",
                        d.as_seconds_f64()
                    )),
            ));
        }
    }
    if let Some(participant) = event.participant() {
        text.push_str(&format!(
            "
participant: {}",
            or_dash(participant.identity.as_deref())
        ));
    }
    text
}

/// An event's time in RFC 3339, or `-`.
fn event_time(time: Option<time::OffsetDateTime>) -> String {
    time.and_then(|time| {
        time.format(&time::format_description::well_known::Rfc3339)
            .ok()
    })
    .unwrap_or_else(|| "-".to_owned())
}
