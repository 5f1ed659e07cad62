//! `receive_at` and its floor (a fresh HMAC-SHA256 plus a plain derived
//! struct) run N times each, for counting instructions under callgrind,
//! which this machine's timings are too noisy to compare:
//!
//! ```sh
//! cargo build --release -p recording-webhooks-bench --example receive_floor
//! valgrind --tool=callgrind target/release/examples/receive_floor ours 20000
//! valgrind --tool=callgrind target/release/examples/receive_floor floor 20000
//! ```
//!
//! `gate ROUNDS` times every mode in one process instead, alternating
//! small batches and keeping each mode's fastest batch: on a shared
//! machine the slow batches are the neighbours' doing, and alternating
//! exposes every mode to the same quiet moments.
//!
//! ```sh
//! target/release/examples/receive_floor gate 400
//! ```

#[path = "../benches/common/floor.rs"]
mod floor;

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_default();
    let n: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let request = floor::Request::call_ended_932();
    if which == "gate" {
        gate(&request, n);
        return;
    }
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

/// Each mode's fastest batch of `BATCH` calls over `rounds` rounds, in
/// nanoseconds per call, and the ratio the gate is about.
fn gate(request: &floor::Request, rounds: usize) {
    const BATCH: u32 = 2_000;
    let modes: [(&str, &dyn Fn()); 7] = [
        ("receive_at", &|| {
            std::hint::black_box(request.receive_at());
        }),
        ("verify", &|| {
            std::hint::black_box(request.verify());
        }),
        ("parse", &|| {
            std::hint::black_box(request.parse());
        }),
        ("verify;parse", &|| {
            std::hint::black_box(request.verify());
            std::hint::black_box(request.parse());
        }),
        ("hmac", &|| request.hmac()),
        ("plain", &|| {
            std::hint::black_box(request.plain());
        }),
        ("hmac+plain", &|| {
            std::hint::black_box(request.floor());
        }),
    ];
    let mut best = [f64::INFINITY; 7];
    for _ in 0..rounds {
        for (slot, (_, run)) in best.iter_mut().zip(&modes) {
            let start = std::time::Instant::now();
            for _ in 0..BATCH {
                run();
            }
            let per_call = start.elapsed().as_nanos() as f64 / f64::from(BATCH);
            *slot = slot.min(per_call);
        }
    }
    for ((name, _), ns) in modes.iter().zip(best) {
        println!("{name:>12} {ns:7.0} ns");
    }
    println!(
        "receive_at / (hmac + plain) = {:.3}",
        best[0] / (best[4] + best[5])
    );
    println!("receive_at / hmac+plain = {:.3}", best[0] / best[6]);
}
