//! Parses one fixture N times, for counting instructions under callgrind:
//! `parse_count <recall|daily|zoom> FILE N`.

fn main() {
    let mut args = std::env::args().skip(1);
    let provider = args.next().unwrap_or_default();
    let body = std::fs::read(args.next().unwrap_or_default()).unwrap();
    let n: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    for _ in 0..n {
        match provider.as_str() {
            "recall" => {
                std::hint::black_box(recording_webhooks::recall::Event::from_slice(&body).unwrap());
            }
            "daily" => {
                std::hint::black_box(recording_webhooks::daily::Event::from_slice(&body).unwrap());
            }
            "zoom" => {
                std::hint::black_box(recording_webhooks::zoom::Event::from_slice(&body).unwrap());
            }
            _ => {}
        }
    }
}
