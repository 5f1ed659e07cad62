//! Parsing Recall.ai bodies into the typed `Event` against parsing the same
//! bytes into an untyped `serde_json::Value`.
//!
//! ```sh
//! cargo bench -p recording-webhooks-bench --bench recall_parse
//! ```

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use recording_webhooks::recall::Event;

/// A fixture without the whitespace outside strings, keys in their order,
/// as Recall sends it.
fn minified(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/../fixtures/recall/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let pretty = std::fs::read(path).unwrap();
    let (mut out, mut in_string, mut escaped) = (Vec::new(), false, false);
    for byte in pretty {
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

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("recall_parse");
    for name in ["bot.call_ended", "transcript.data"] {
        let body = minified(name);
        assert!(!matches!(
            Event::from_slice(&body).unwrap(),
            Event::Unknown(_)
        ));
        group.throughput(Throughput::Bytes(body.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("Event::from_slice", name),
            &body,
            |b, body| b.iter(|| Event::from_slice(black_box(body)).unwrap()),
        );
        group.bench_with_input(
            BenchmarkId::new("serde_json::Value", name),
            &body,
            |b, body| {
                b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(body)).unwrap())
            },
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
