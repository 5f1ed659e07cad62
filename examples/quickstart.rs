//! Signs Recall.ai-shaped requests with a demo secret, verifies them as a
//! receiving service would, and shows tampered and replayed requests being
//! rejected.
//!
//! ```sh
//! cargo run --example quickstart
//! ```

use recording_webhooks::svix::Verifier;
use time::OffsetDateTime;

const DEMO_SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let verifier = Verifier::new(DEMO_SECRET)?;
    let now = OffsetDateTime::now_utc().unix_timestamp();

    let deliveries: [(&str, &[u8]); 2] = [
        (
            "msg_2rXoVnQ7JrIxm1o6gWvZRH7aMGK",
            br#"{"event":"bot.call_ended","data":{"data":{"code":"call_ended","sub_code":"call_ended_by_host","updated_at":"2023-04-28T08:51:37.741790Z"},"bot":{"id":"92e24581-f82b-401a-8f75-88e64b04c24e","metadata":{"customer":"acme"}}}}"#,
        ),
        (
            "msg_2rXoW1Xo1bXzPZ7fHZzAvfrzTf4",
            br#"{"event":"bot.done","data":{"data":{"code":"done","sub_code":null,"updated_at":"2025-01-29T23:49:58.570998+00:00"},"bot":{"id":"a31e78b3-b67e-4dcf-af63-631e7548c40f","metadata":{}}}}"#,
        ),
    ];

    for (id, body) in deliveries {
        // What Recall.ai (through Svix) would send...
        let timestamp = now.to_string();
        let signature = verifier.sign(id, now, body);
        let headers = [
            ("webhook-id", id),
            ("webhook-timestamp", timestamp.as_str()),
            ("webhook-signature", signature.as_str()),
        ];
        // ...and what the receiving handler does with it.
        let verified = verifier.verify(&headers, body)?;
        println!(
            "recall  verified  id={} signed_at={}",
            verified.id, verified.timestamp
        );
    }

    let (id, body) = deliveries[0];
    let timestamp = now.to_string();
    let signature = verifier.sign(id, now, body);
    let mut tampered = body.to_vec();
    tampered.extend_from_slice(b" ");
    let headers = [
        ("webhook-id", id),
        ("webhook-timestamp", timestamp.as_str()),
        ("webhook-signature", signature.as_str()),
    ];
    match verifier.verify(&headers, &tampered) {
        Ok(_) => return Err("a tampered body was accepted".into()),
        Err(err) => println!("recall  rejected  tampered body: {err}"),
    }

    let stale = (now - 3600).to_string();
    let stale_signature = verifier.sign(id, now - 3600, body);
    let headers = [
        ("webhook-id", id),
        ("webhook-timestamp", stale.as_str()),
        ("webhook-signature", stale_signature.as_str()),
    ];
    match verifier.verify(&headers, body) {
        Ok(_) => return Err("a replayed request was accepted".into()),
        Err(err) => println!("recall  rejected  replayed request: {err}"),
    }
    Ok(())
}
