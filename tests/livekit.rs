//! LiveKit: the `Authorization` token judged as LiveKit's own receivers
//! judge it (`fixtures/livekit_signatures/vectors.json`, every case judged
//! by `livekit-server-sdk` and `livekit-api`), the spec's vectors
//! (`shared/spec/livekit.md`, "Test vectors"), and every event fixture
//! typed and written back as it came.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)] // The no-panic lints are for library code; tests and examples may panic.
#![cfg(feature = "livekit")]

mod common;

use std::collections::BTreeSet;

use recording_webhooks::livekit::{
    DisconnectReason, EgressRequestKind, EgressStatus, Event, EventType, IngressStatus, JobStatus,
    ParticipantKind, ProtoEnum, RoomEndReason, StreamStatus, TrackSource, Verifier, Webhook,
};
use recording_webhooks::{Error, VerifyError};
use serde::Deserialize;
use time::{Duration, OffsetDateTime};

const KEY: &str = "APIkey123";
const SECRET: &str = "secret-that-is-at-least-32-bytes-long!!";
/// 2026-01-01T00:00:00Z, when the spec's tokens were minted.
const MINTED: i64 = 1_767_225_600;

fn at(seconds: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(seconds).unwrap()
}

fn fixture(name: &str) -> Vec<u8> {
    common::fixtures("livekit")
        .into_iter()
        .find(|(stem, _)| format!("{stem}.json") == name)
        .unwrap_or_else(|| panic!("no fixture {name}"))
        .1
}

/// The spec's tokens (Node shape unless named).
const LV1_NODE: &str = "eyJhbGciOiJIUzI1NiJ9.eyJzaGEyNTYiOiJOYTRRTDdLR3hjM3lIeTE1MFJNY2QwdUtpOFBaSXJRU2JFWVlCb0tYOHJJPSIsImlzcyI6IkFQSWtleTEyMyIsImV4cCI6MTc2NzIyNTkwMCwibmJmIjoxNzY3MjI1NjAwfQ.RZwL2KuMAVzorK30uieqhGmDsWKye9lJh4SoHEph4aE";
const LV1_GO: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJBUElrZXkxMjMiLCJleHAiOjE3NjcyMjU5MDAsIm5iZiI6MTc2NzIyNTYwMCwiaWF0IjoxNzY3MjI1NjAwLCJzaGEyNTYiOiJOYTRRTDdLR3hjM3lIeTE1MFJNY2QwdUtpOFBaSXJRU2JFWVlCb0tYOHJJPSJ9.PA4KKyp3Cq8cEDUQZqlNMaVM_hIDn6fI3GFHVUHobZo";
const LV3_NODE: &str = "eyJhbGciOiJIUzI1NiJ9.eyJzaGEyNTYiOiIxMlB3aXMwSzFFNnZkUUtWVnE5TGxsN1pTWldMNFFGcm8vNXBFRUlZREtFPSIsImlzcyI6IkFQSWtleTEyMyIsImV4cCI6MTc2NzIyNTkwMCwibmJmIjoxNzY3MjI1NjAwfQ.zNGl0YowCkyaLvkdl1wlROMViTbbNYMnuVvx86hSs6w";

fn spec_verifier() -> Verifier {
    Verifier::new(KEY, SECRET).unwrap()
}

/// The name the vector file gives the step a verification failed at.
fn step(result: &Result<recording_webhooks::livekit::Verified, VerifyError>) -> &'static str {
    match result {
        Ok(_) => "ok",
        Err(VerifyError::MissingHeader { .. }) => "missing_header",
        Err(VerifyError::InvalidHeader { .. }) => "malformed",
        Err(VerifyError::UnsupportedAlgorithm { .. }) => "unsupported_algorithm",
        Err(VerifyError::MissingClaim { .. }) => "missing_claim",
        Err(VerifyError::UnknownKey { .. }) => "unknown_key",
        Err(VerifyError::NoMatchingSignature { .. }) => "no_match",
        Err(VerifyError::TokenExpired { .. }) => "expired",
        Err(VerifyError::TokenNotYetValid { .. }) => "not_yet_valid",
        Err(VerifyError::BodyAltered { .. }) => "body_altered",
        Err(VerifyError::TooLarge { .. }) => "too_large",
        Err(other) => panic!("unexpected error {other:?}"),
    }
}

#[derive(Deserialize)]
struct Case {
    name: String,
    keys: Vec<(String, String)>,
    authorization: Option<String>,
    fixture: String,
    body: Option<String>,
    now: i64,
    expected: String,
    node: String,
    python: String,
}

#[test]
fn every_case_is_judged_as_livekits_receivers_judge_it() {
    let cases: Vec<Case> =
        common::cases(include_str!("../fixtures/livekit_signatures/vectors.json"));
    assert!(cases.len() >= 600, "only {} cases", cases.len());
    let (mut accepted, mut refused) = (0, 0);
    for case in &cases {
        let mut keys = case.keys.iter();
        let (key, secret) = keys.next().unwrap();
        let mut verifier = Verifier::new(key, secret).unwrap();
        for (key, secret) in keys {
            verifier = verifier.with_key(key, secret).unwrap();
        }
        let body = case
            .body
            .clone()
            .map_or_else(|| fixture(&case.fixture), String::into_bytes);
        let headers: Vec<(&str, &str)> = case
            .authorization
            .iter()
            .map(|token| ("Authorization", token.as_str()))
            .collect();
        let result = verifier.verify_at(&headers, &body, at(case.now));
        assert_eq!(
            step(&result),
            case.expected,
            "{}: {result:?} (node: {}, python: {})",
            case.name,
            case.node,
            case.python
        );
        // Python (the Go server's leeway and algorithm) agrees on every case.
        assert_eq!(result.is_ok(), case.python == "ok", "{}", case.name);
        if result.is_ok() {
            accepted += 1;
        } else {
            refused += 1;
        }
    }
    assert!(
        accepted > 100 && refused > 400,
        "{accepted} accepted, {refused} refused"
    );
}

#[test]
fn sign_mints_the_token_livekits_server_mints() {
    // The spec's Go-shaped token for LV-1, byte for byte.
    let token = spec_verifier().sign(&fixture("egress_ended.json"), MINTED);
    assert_eq!(token, LV1_GO);
}

#[test]
fn the_spec_tokens_verify_and_report_their_key_and_times() {
    let verifier = spec_verifier();
    for token in [LV1_NODE, LV1_GO] {
        let verified = verifier
            .verify_at(
                &[("Authorization", token)],
                &fixture("egress_ended.json"),
                at(MINTED + 100),
            )
            .unwrap();
        assert_eq!(verified.api_key, KEY);
        assert_eq!(verified.expires_at, at(MINTED + 300));
    }
    // The Go shape has `iat`, the Node shape only `nbf`: both the minting time.
    let webhook = Webhook::new(KEY, SECRET).unwrap();
    let delivery = webhook
        .receive_at(
            &[("authorization", LV3_NODE)],
            &fixture("room_finished.json"),
            at(MINTED + 100),
        )
        .unwrap();
    assert_eq!(delivery.signed_at(), Some(at(MINTED)));
    assert_eq!(delivery.id(), Some("EV_Zx81bLm2QpRt"));
    let Event::RoomFinished(body) = delivery.event() else {
        panic!("{:?}", delivery.event())
    };
    assert_eq!(
        body.room.as_ref().unwrap().name.as_deref(),
        Some("réunion-équipe")
    );
}

#[test]
fn the_leeway_is_sixty_seconds_each_side_and_can_change() {
    let verifier = spec_verifier();
    let body = fixture("egress_ended.json");
    let verify =
        |verifier: &Verifier, now| verifier.verify_at(&[("Authorization", LV1_GO)], &body, at(now));
    let exp = MINTED + 300;
    assert!(verify(&verifier, exp + 59).is_ok());
    let err = verify(&verifier, exp + 61).unwrap_err();
    assert!(matches!(err, VerifyError::TokenExpired { by, leeway, .. }
        if by == Duration::seconds(61) && leeway == Duration::seconds(60)));
    assert_eq!(
        err.to_string(),
        "the token expired 61 s ago, beyond the leeway of 60 s"
    );
    assert!(verify(&verifier, MINTED - 60).is_ok());
    let err = verify(&verifier, MINTED - 61).unwrap_err();
    assert!(matches!(
        err,
        VerifyError::TokenNotYetValid { claim: "nbf", .. }
    ));

    // Node's default of 10 s, for a receiver that wants it.
    let strict = spec_verifier().with_leeway(Duration::seconds(10));
    assert_eq!(strict.leeway(), Duration::seconds(10));
    assert!(verify(&strict, exp + 9).is_ok());
    assert!(verify(&strict, exp + 11).is_err());
    assert!(verify(&strict, MINTED - 11).is_err());
    // A negative leeway is none.
    let none = spec_verifier().with_leeway(Duration::seconds(-5));
    assert_eq!(none.leeway(), Duration::ZERO);
    assert!(verify(&none, exp - 1).is_ok());
    assert!(verify(&none, exp).is_err());
}

#[test]
fn each_failing_step_says_which_it_is() {
    let verifier = spec_verifier();
    let body = fixture("egress_ended.json");
    let now = at(MINTED + 10);
    let message = |token: &str, body: &[u8]| {
        verifier
            .verify_at(&[("Authorization", token)], body, now)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        verifier
            .verify_at(&[("X-Other", "1")], &body, now)
            .unwrap_err()
            .to_string(),
        "missing header `authorization`"
    );
    assert!(message(&format!("Bearer {LV1_GO}"), &body).contains("not `Bearer <token>`"));
    let rest = LV1_GO.split_once('.').unwrap().1;
    // {"alg":"none","typ":"JWT"}
    let none = format!(
        "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.{}.",
        rest.rsplit_once('.').unwrap().0
    );
    assert_eq!(
        message(&none, &body),
        "the token's algorithm is `none`, not HS256"
    );
    assert!(message(LV1_GO, b"{}").contains("altered"));
    let other = Verifier::new("APIother", SECRET).unwrap();
    assert_eq!(
        other
            .verify_at(&[("Authorization", LV1_GO)], &body, now)
            .unwrap_err()
            .to_string(),
        "no secret is configured for the API key `APIkey123` the token names"
    );
    let wrong = Verifier::new(KEY, "another-secret-that-is-32-bytes-long!!").unwrap();
    assert_eq!(
        wrong
            .verify_at(&[("Authorization", LV1_GO)], &body, now)
            .unwrap_err()
            .to_string(),
        "no signature in header `authorization` matches the request"
    );
}

#[test]
fn several_keys_are_told_apart_by_the_tokens_issuer() {
    let body = fixture("egress_started.json");
    let egress_key = Verifier::new("APIegress", "egress-secret-that-is-long-enough-too").unwrap();
    let token = egress_key.sign(&body, MINTED);
    let both = spec_verifier()
        .with_key("APIegress", "egress-secret-that-is-long-enough-too")
        .unwrap();
    let verified = both
        .verify_at(&[("Authorization", token.as_str())], &body, at(MINTED))
        .unwrap();
    assert_eq!(verified.api_key, "APIegress");
    // A key added again replaces its secret.
    let replaced = both
        .with_key("APIegress", "a-new-secret-for-the-egress-key!!")
        .unwrap();
    assert!(matches!(
        replaced.verify_at(&[("Authorization", token.as_str())], &body, at(MINTED)),
        Err(VerifyError::NoMatchingSignature { .. })
    ));
}

#[test]
fn oversized_tokens_and_bodies_are_refused_before_hashing() {
    let verifier = spec_verifier();
    let long = "a".repeat(5000);
    assert!(matches!(
        verifier.verify_at(&[("Authorization", long.as_str())], b"{}", at(MINTED)),
        Err(VerifyError::TooLarge {
            name: "authorization",
            limit: 4096,
            ..
        })
    ));
}

#[test]
fn debug_shows_keys_never_secrets() {
    let verifier = spec_verifier().with_key("APIegress", "egress-secret-that-is-long-enough-too");
    let shown = format!("{:?}", verifier.unwrap());
    assert!(
        shown.contains("APIkey123") && shown.contains("APIegress"),
        "{shown}"
    );
    assert!(
        !shown.contains(SECRET) && !shown.contains("egress-secret"),
        "{shown}"
    );
}

#[test]
fn every_fixture_parses_as_its_typed_event_and_round_trips() {
    let files = common::fixtures("livekit");
    assert!(files.len() >= 20, "only {} fixtures", files.len());
    for (name, body) in &files {
        let event_name = name.split('+').next().unwrap();
        let event = common::assert_round_trips(name, body, Event::from_slice);
        assert_eq!(event.event_type().as_str(), event_name, "{name}");
        assert!(!matches!(event, Event::Unknown(_)), "{name}");
        // Every key LiveKit's schema has at the top is typed.
        assert!(
            event.body().other.is_empty(),
            "{name}: {:?}",
            event.body().other
        );
        assert!(event.id().is_some_and(|id| id.starts_with("EV_")), "{name}");
        assert_eq!(event.event_time(), Some(at(MINTED)), "{name}");
    }
}

#[test]
fn every_documented_event_type_has_a_fixture() {
    let names: BTreeSet<String> = common::fixtures("livekit")
        .into_iter()
        .map(|(name, _)| name.split('+').next().unwrap().to_owned())
        .collect();
    let missing: Vec<&str> = EventType::KNOWN
        .iter()
        .map(EventType::as_str)
        .filter(|n| !names.contains(*n))
        .collect();
    assert!(missing.is_empty(), "no fixture for {missing:?}");
}

#[test]
fn egress_ended_reads_as_the_spec_describes_lv1() {
    let event = Event::from_slice(&fixture("egress_ended.json")).unwrap();
    let egress = event.egress().unwrap();
    assert_eq!(egress.egress_id.as_deref(), Some("EG_hP5bmxZ2Ab7c"));
    assert_eq!(egress.status(), EgressStatus::Complete);
    assert!(egress.is_terminal());
    assert_eq!(
        egress.started_at().unwrap().unix_timestamp_nanos(),
        1_767_225_000_123_456_789
    );
    assert_eq!(
        egress.ended_at().unwrap().unix_timestamp_nanos(),
        1_767_225_590_987_654_321
    );
    assert_eq!(
        egress.details.as_deref(),
        Some("end reason: StopEgress API")
    );
    let files = egress.files();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].size_bytes(), Some(48_213_379));
    assert_eq!(files[0].duration(), Some(Duration::milliseconds(590_400)));
    assert_eq!(
        files[0].location.as_deref(),
        Some("https://bucket.s3.amazonaws.com/standup-2026-01-01T000000.mp4")
    );
}

#[test]
fn an_omitted_status_is_starting_and_stays_omitted() {
    let body = fixture("egress_started.json");
    let event = Event::from_slice(&body).unwrap();
    let egress = event.egress().unwrap();
    assert_eq!(egress.status, None);
    assert_eq!(egress.status(), EgressStatus::Starting);
    assert!(!egress.is_terminal());
    assert!(egress.files().is_empty());
    let written = serde_json::to_string(&event).unwrap();
    assert!(!written.contains("status"), "{written}");
}

#[test]
fn egress_results_of_every_kind_are_typed() {
    let event = Event::from_slice(&fixture("egress_ended+segments.json")).unwrap();
    let egress = event.egress().unwrap();
    assert_eq!(
        egress.request_kind(),
        Some(EgressRequestKind::RoomComposite)
    );
    let segments = &egress.segment_results.as_ref().unwrap()[0];
    assert_eq!(segments.segment_count.as_ref().unwrap().as_i64(), Some(99));
    assert_eq!(segments.duration(), Some(Duration::milliseconds(590_400)));
    // The deprecated field holds the same segments.
    assert_eq!(egress.segments.as_ref(), Some(segments));
    assert!(egress.files().is_empty());

    // Only the deprecated `file` (livekit/node-sdks#625).
    let event = Event::from_slice(&fixture("egress_ended+file-only.json")).unwrap();
    let egress = event.egress().unwrap();
    assert_eq!(egress.file_results, None);
    assert_eq!(egress.request_kind(), Some(EgressRequestKind::Track));
    let files = egress.files();
    assert_eq!(files.len(), 1);
    assert_eq!(
        files[0].filename.as_deref(),
        Some("tracks/TR_AMkf3xY7tQwE.ogg")
    );

    let event = Event::from_slice(&fixture("egress_ended+stream.json")).unwrap();
    let egress = event.egress().unwrap();
    assert_eq!(egress.status(), EgressStatus::Aborted);
    let stream = &egress.stream_results.as_ref().unwrap()[0];
    assert_eq!(
        stream.status.as_ref().and_then(ProtoEnum::name),
        Some(&StreamStatus::Failed)
    );
    assert_eq!(stream.retries, Some(3));
    assert_eq!(stream.duration(), Some(Duration::seconds(117)));

    let event = Event::from_slice(&fixture("egress_ended+images.json")).unwrap();
    let egress = event.egress().unwrap();
    assert_eq!(egress.status(), EgressStatus::LimitReached);
    assert_eq!(egress.request_kind(), Some(EgressRequestKind::Web));
    let images = &egress.image_results.as_ref().unwrap()[0];
    assert_eq!(images.image_count.as_ref().unwrap().as_i64(), Some(360));
    assert_eq!(egress.backup_storage_used, Some(true));

    // A room's auto egress that failed to start has no id.
    let event = Event::from_slice(&fixture("egress_ended+failed-auto-egress.json")).unwrap();
    let egress = event.egress().unwrap();
    assert_eq!(egress.egress_id, None);
    assert_eq!(egress.status(), EgressStatus::Failed);
    assert_eq!(egress.error_code, Some(503));
    assert!(
        egress
            .error
            .as_deref()
            .unwrap()
            .contains("could not start egress")
    );

    let event = Event::from_slice(&fixture("egress_updated.json")).unwrap();
    assert_eq!(event.egress().unwrap().status(), EgressStatus::Active);
    assert!(!event.egress().unwrap().is_terminal());
}

#[test]
fn nonsense_durations_are_none_and_kept_as_sent() {
    // The shape of livekit/egress#809: complete, a negative duration, no end.
    let body = br#"{"event":"egress_ended","id":"EV_1","egressInfo":{"egressId":"EG_1","status":"EGRESS_COMPLETE","fileResults":[{"filename":"a.mp4","startedAt":"1731660518186023947","duration":"-1731660518186023947","size":"0"}]}}"#;
    let event = common::assert_round_trips("809", body, Event::from_slice);
    let file = event.egress().unwrap().files()[0];
    assert_eq!(file.duration(), None);
    assert_eq!(file.ended_at(), None);
    assert_eq!(
        file.duration.as_ref().unwrap().as_i64(),
        Some(-1_731_660_518_186_023_947)
    );
    // A negative duration with an end is nonsense too.
    let body = br#"{"event":"egress_ended","egressInfo":{"fileResults":[{"endedAt":"1","duration":"-5"}]}}"#;
    let event = Event::from_slice(body).unwrap();
    assert_eq!(event.egress().unwrap().files()[0].duration(), None);
}

#[test]
fn integers_and_enums_are_read_as_numbers_too_and_written_back_as_they_came() {
    let body = br#"{"event":"egress_ended","id":"EV_1","createdAt":1767225600,"egressInfo":{"status":3,"startedAt":1767225000000000000,"fileResults":[{"size":"12","endedAt":"1767225001000000000","duration":1000000000}]},"room":{"name":"r","creationTime":1767225000}}"#;
    let event = common::assert_round_trips("numbers", body, Event::from_slice);
    assert_eq!(event.event_time(), Some(at(MINTED)));
    let egress = event.egress().unwrap();
    assert_eq!(egress.status, Some(ProtoEnum::Number(3)));
    assert_eq!(egress.status(), EgressStatus::Complete);
    assert_eq!(egress.files()[0].duration(), Some(Duration::seconds(1)));
    assert_eq!(event.room().unwrap().created_at(), Some(at(1_767_225_000)));
    let written = serde_json::to_string(&event).unwrap();
    assert!(written.contains(r#""createdAt":1767225600"#), "{written}");
    assert!(written.contains(r#""size":"12""#), "{written}");
}

#[test]
fn unknown_names_keys_and_events_are_kept_whole() {
    let body = br#"{"event":"egress_paused","id":"EV_2","createdAt":"1767225600","egressInfo":{"egressId":"EG_1","status":"EGRESS_PAUSED","newResults":[{"a":1}]},"future":{"x":true},"egress_info":{"snake":"case"}}"#;
    let event = common::assert_round_trips("unknown", body, Event::from_slice);
    let Event::Unknown(whole) = &event else {
        panic!("{event:?}")
    };
    assert_eq!(whole.event.as_str(), "egress_paused");
    let egress = event.egress().unwrap();
    assert_eq!(
        egress.status(),
        EgressStatus::Unknown("EGRESS_PAUSED".into())
    );
    assert!(!egress.is_terminal());
    assert!(egress.other.contains_key("newResults"));
    assert!(whole.other.contains_key("future"));
    // A protobuf-style snake_case key is not LiveKit's wire name: kept as unknown.
    assert!(whole.other.contains_key("egress_info"));
}

#[test]
fn rooms_participants_tracks_ingresses_and_jobs_are_typed() {
    let event = Event::from_slice(&fixture("participant_left.json")).unwrap();
    let participant = event.participant().unwrap();
    assert_eq!(participant.identity.as_deref(), Some("ana@example.com"));
    assert_eq!(
        participant
            .disconnect_reason
            .as_ref()
            .and_then(ProtoEnum::name),
        Some(&DisconnectReason::ClientInitiated)
    );
    assert_eq!(participant.joined(), Some(at(1_767_225_060)));

    let event = Event::from_slice(&fixture("participant_connection_aborted.json")).unwrap();
    let participant = event.participant().unwrap();
    assert_eq!(
        participant.kind.as_ref().and_then(ProtoEnum::name),
        Some(&ParticipantKind::Agent)
    );

    let event = Event::from_slice(&fixture("track_published.json")).unwrap();
    let track = event.track().unwrap();
    assert_eq!(
        track.source.as_ref().and_then(ProtoEnum::name),
        Some(&TrackSource::Camera)
    );
    assert_eq!((track.width, track.height), (Some(1280), Some(720)));

    let event = Event::from_slice(&fixture("room_finished+room-end-reason.json")).unwrap();
    assert_eq!(
        event
            .body()
            .room_end_reason
            .as_ref()
            .and_then(ProtoEnum::name),
        Some(&RoomEndReason::IdleTimeout)
    );

    let event = Event::from_slice(&fixture("ingress_ended.json")).unwrap();
    let state = event.ingress().unwrap().state.as_ref().unwrap();
    assert_eq!(
        state.status.as_ref().and_then(ProtoEnum::name),
        Some(&IngressStatus::Error)
    );

    let event = Event::from_slice(&fixture("agent_job_ended.json")).unwrap();
    let job = event.job().unwrap();
    let state = job.state.as_ref().unwrap();
    assert_eq!(
        state.status.as_ref().and_then(ProtoEnum::name),
        Some(&JobStatus::Failed)
    );
}

#[test]
fn a_verified_body_that_does_not_parse_is_kept() {
    let webhook = Webhook::new(KEY, SECRET).unwrap();
    let body = br#"{"event":"egress_ended","egressInfo":{"status":true}}"#;
    let token = webhook.verifier().sign(body, MINTED);
    let err = webhook
        .receive_at(&[("Authorization", token.as_str())], body, at(MINTED))
        .unwrap_err();
    assert!(matches!(err, Error::Parse(_)), "{err:?}");
    assert_eq!(err.status_code(), 400);
    assert_eq!(err.verified_body(), Some(&body[..]));
    assert!(err.to_string().contains("egressInfo.status"), "{err}");
}
