//! Prints every fixture of the JSON providers as the crate writes it back,
//! one line each, to compare two versions' output.

fn main() {
    for provider in ["recall", "daily", "zoom"] {
        let mut paths: Vec<_> = std::fs::read_dir(format!("fixtures/{provider}"))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .collect();
        paths.sort();
        for path in paths {
            let body = std::fs::read(&path).unwrap();
            let written = match provider {
                "recall" => recording_webhooks::recall::Event::from_slice(&body)
                    .map(|event| serde_json::to_string(&event).unwrap()),
                "daily" => recording_webhooks::daily::Event::from_slice(&body)
                    .map(|event| serde_json::to_string(&event).unwrap()),
                _ => recording_webhooks::zoom::Event::from_slice(&body)
                    .map(|event| serde_json::to_string(&event).unwrap()),
            };
            println!(
                "{} {}",
                path.display(),
                written.unwrap_or_else(|err| format!("error {err}"))
            );
        }
    }
}
