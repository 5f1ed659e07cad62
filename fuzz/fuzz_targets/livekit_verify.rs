//! `livekit::Verifier::verify_at` on tokens whose header and claims are
//! fuzzed but correctly signed, so that every check after the signature
//! (algorithm, times, body hash) is reached: never a panic, and a token
//! passes only when its claims say it should.
//!
//! Input: the header's JSON, a newline, the claims' JSON, a newline, the
//! body.
#![no_main]

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use hmac::{Hmac, KeyInit, Mac};
use libfuzzer_sys::fuzz_target;
use recording_webhooks::livekit::Verifier;
use sha2::{Digest, Sha256};

const KEY: &str = "APIkey123";
const SECRET: &str = "secret-that-is-at-least-32-bytes-long!!";
const NOW: i64 = 1_767_225_600;

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(3, |b| *b == b'\n');
    let (Some(header), Some(claims)) = (parts.next(), parts.next()) else {
        return;
    };
    let body = parts.next().unwrap_or_default();
    let input = format!("{}.{}", URL_SAFE_NO_PAD.encode(header), URL_SAFE_NO_PAD.encode(claims));
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(SECRET.as_bytes()).unwrap();
    mac.update(input.as_bytes());
    let token = format!("{input}.{}", URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes()));

    let verifier = Verifier::new(KEY, SECRET).unwrap();
    let now = time::OffsetDateTime::from_unix_timestamp(NOW).unwrap();
    if let Ok(verified) = verifier.verify_at(&[("Authorization", token.as_str())], body, now) {
        // What passed says so in its claims, read as the verifier reads
        // them: the keys that matter, the others skipped unchecked (a
        // string that is not UTF-8 in one of those is no error; LiveKit's
        // Go and Node receivers read it too).
        #[derive(serde::Deserialize)]
        struct Header {
            alg: serde_json::Value,
        }
        #[derive(serde::Deserialize)]
        struct Claims {
            iss: serde_json::Value,
            sha256: serde_json::Value,
        }
        let header: Header = serde_json::from_slice(header).unwrap();
        assert_eq!(header.alg, "HS256");
        let claims: Claims = serde_json::from_slice(claims).unwrap();
        assert_eq!(claims.iss, KEY);
        assert_eq!(verified.api_key, KEY);
        assert_eq!(claims.sha256, STANDARD.encode(Sha256::digest(body)).as_str());
        assert!(verified.expires_at.unix_timestamp() + 60 > NOW);
    }
});
