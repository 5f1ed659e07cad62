//! `receive_at`, its halves and its floor (a fresh HMAC-SHA256 plus a
//! plain derived struct), each a mode run N times, for counting
//! instructions under callgrind; any other mode name (`none`) runs nothing,
//! the baseline to subtract:
//!
//! ```sh
//! cargo build --release -p recording-webhooks-bench --example receive_floor
//! valgrind --tool=callgrind target/release/examples/receive_floor receive_at 20000
//! valgrind --tool=callgrind target/release/examples/receive_floor hmac+plain 20000
//! ```
//!
//! `gate ROUNDS` times every mode in one process instead, alternating
//! small batches and keeping each mode's fastest batch: on a shared
//! machine the slow batches are the neighbours' doing, and alternating
//! exposes every mode to the same quiet moments. It also prints what
//! running two halves back to back costs over running each alone: caches
//! and branch predictors make it differ from zero, by 0 to 100 ns here.
//!
//! ```sh
//! target/release/examples/receive_floor gate 400
//! ```

use std::hint::black_box;

#[path = "../benches/common/floor.rs"]
mod floor;

/// A mode: its name, and one call of what it times.
type Mode<'a> = (&'static str, Box<dyn Fn() + 'a>);

/// Every mode: the crate's one call, its halves (alone, back to back, and
/// each beside the other half of the floor), and the floor's halves and
/// whole.
fn modes(request: &floor::Request) -> [Mode<'_>; 10] {
    let receive_at = || drop(black_box(request.receive_at()));
    let verify = || drop(black_box(request.verify()));
    let parse = || drop(black_box(request.parse()));
    let hmac = || request.hmac();
    let plain = || drop(black_box(request.plain()));
    [
        ("receive_at", Box::new(receive_at)),
        ("verify", Box::new(verify)),
        ("parse", Box::new(parse)),
        ("verify;parse", one_then_other(verify, parse)),
        // Each half of the crate's call beside the other half of the floor's:
        // which of the two is slower for running after (or before) the other.
        ("hmac;parse", one_then_other(hmac, parse)),
        ("verify;plain", one_then_other(verify, plain)),
        ("parse;verify", one_then_other(parse, verify)),
        ("hmac", Box::new(hmac)),
        ("plain", Box::new(plain)),
        ("hmac+plain", Box::new(|| drop(black_box(request.floor())))),
    ]
}

/// A mode that runs `first`, then `second`.
fn one_then_other<'a>(first: impl Fn() + 'a, second: impl Fn() + 'a) -> Box<dyn Fn() + 'a> {
    Box::new(move || {
        first();
        second();
    })
}

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_default();
    let n: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let request = floor::Request::call_ended_932();
    let modes = modes(&request);
    if which == "gate" {
        gate(&modes, n);
    } else if let Some((_, run)) = modes.iter().find(|(name, _)| *name == which) {
        for _ in 0..n {
            run();
        }
    }
}

/// Each mode's fastest batch of `BATCH` calls over `rounds` rounds, in
/// nanoseconds per call, and the ratio the gate is about.
fn gate(modes: &[Mode<'_>; 10], rounds: usize) {
    const BATCH: u32 = 2_000;
    let mut best = [f64::INFINITY; 10];
    for _ in 0..rounds {
        for (slot, (_, run)) in best.iter_mut().zip(modes) {
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
    let [
        receive_at,
        verify,
        parse,
        verify_parse,
        hmac_parse,
        verify_plain,
        _,
        hmac,
        plain,
        floor,
    ] = best;
    // What running two halves back to back costs over running each alone.
    for (pair, together, alone) in [
        ("verify;parse", verify_parse, verify + parse),
        ("verify;plain", verify_plain, verify + plain),
        ("hmac;parse", hmac_parse, hmac + parse),
        ("hmac+plain", floor, hmac + plain),
    ] {
        println!("{pair:>12} {:+5.0} ns over its halves", together - alone);
    }
    println!(
        "receive_at / (hmac + plain) = {:.3}",
        receive_at / (hmac + plain)
    );
    println!("receive_at / hmac+plain = {:.3}", receive_at / floor);
}
