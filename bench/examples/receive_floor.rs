//! `receive_at` and its floor (a fresh HMAC-SHA256 plus a plain derived
//! struct) run N times each, for counting instructions under callgrind,
//! which this machine's timings are too noisy to compare:
//!
//! ```sh
//! cargo build --release -p recording-webhooks-bench --example receive_floor
//! valgrind --tool=callgrind target/release/examples/receive_floor ours 20000
//! valgrind --tool=callgrind target/release/examples/receive_floor floor 20000
//! ```

#[path = "../benches/common/floor.rs"]
mod floor;

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_default();
    let n: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let request = floor::Request::call_ended_932();
    for _ in 0..n {
        match which.as_str() {
            "ours" => {
                std::hint::black_box(request.receive_at());
            }
            "floor" => {
                std::hint::black_box(request.floor());
            }
            // The halves, to see which one costs.
            "parse" => {
                std::hint::black_box(request.parse());
            }
            "verify" => {
                std::hint::black_box(request.verify());
            }
            "hmac" => {
                request.hmac();
            }
            "plain" => {
                std::hint::black_box(request.plain());
            }
            _ => {}
        }
    }
}
