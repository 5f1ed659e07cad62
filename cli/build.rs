//! Builds the crate's fixtures into the binary as the bundled samples.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures");
    let mut out = String::new();
    for (constant, dir, extensions) in [
        ("RECALL", "recall", &["json"][..]),
        ("SIGNALWIRE", "signalwire", &["form"]),
        ("TWILIO", "twilio", &["form"]),
        ("DAILY", "daily", &["json"]),
        ("ZOOM", "zoom", &["json"]),
        ("LIVEKIT", "livekit", &["json"]),
        // Call Control events and TeXML callbacks.
        ("TELNYX", "telnyx", &["json", "form"]),
    ] {
        let dir = fixtures.join(dir);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("fixtures directory")
            .map(|entry| entry.expect("fixture").path())
            .filter(|path| {
                path.extension()
                    .is_some_and(|e| extensions.iter().any(|x| e == *x))
            })
            .collect();
        files.sort();
        writeln!(out, "pub const {constant}: &[(&str, &[u8])] = &[").unwrap();
        for path in files {
            let name = path
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("UTF-8 name");
            let path = path.canonicalize().expect("fixture path");
            writeln!(
                out,
                "    ({name:?}, include_bytes!({:?})),",
                path.display().to_string()
            )
            .unwrap();
        }
        writeln!(out, "];").unwrap();
    }
    let target = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("samples.rs");
    std::fs::write(target, out).expect("write samples.rs");
}
