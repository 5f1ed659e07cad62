//! Turns a `serde_json` error into a [`ParseError`] that names the JSON path.
//!
//! `serde_json` reports where an error happened as a line and column, not as
//! a path. Rather than tracking the path during every parse, the path is
//! recovered only when parsing fails, by scanning the body up to that point.

use crate::error::ParseError;

/// Longest parser message kept: `serde_json` quotes offending values, and
/// an error must not carry a large part of the body.
const MAX_MESSAGE: usize = 200;

/// Longest key kept in a path; a longer one is cut and ends with `…`.
const MAX_KEY: usize = 24;

/// Longest path kept, whatever its keys and depth.
const MAX_PATH: usize = 260;

/// How many levels a path shows at each end; deeper paths show how many
/// levels were left out between them.
const SHOWN_LEVELS: usize = 4;

/// Cuts `text` to at most `max` bytes on a character boundary, marking the
/// cut with `…`.
pub(crate) fn shorten(text: &mut String, max: usize) {
    if text.len() > max {
        let mut cut = max;
        while !text.is_char_boundary(cut) {
            cut = cut.saturating_sub(1);
        }
        text.truncate(cut);
        text.push('…');
    }
}

impl ParseError {
    pub(crate) fn from_json(body: &[u8], err: &serde_json::Error) -> ParseError {
        let offset = byte_offset(body, err.line(), err.column()).min(body.len());
        let mut message = err.to_string();
        shorten(&mut message, MAX_MESSAGE);
        ParseError::Json {
            path: path_at(body, offset),
            message,
            line: err.line(),
            column: err.column(),
            verified_body: None,
        }
    }
}

/// The byte offset just past the 1-based `line` and `column`.
fn byte_offset(body: &[u8], line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        body.iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(line.saturating_sub(2))
            .map_or(body.len(), |(i, _)| i.saturating_add(1))
    };
    line_start.saturating_add(column).min(body.len())
}

enum Frame {
    Object { key: Option<String> },
    Array { index: usize },
}

/// The path of the value being read at `offset`: keys joined by `.`, array
/// positions as `[i]`, `.` for the root.
fn path_at(body: &[u8], offset: usize) -> String {
    let text = body.get(..offset).unwrap_or(body);
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while let Some(&byte) = text.get(i) {
        i = i.saturating_add(1);
        match byte {
            b'{' => stack.push(Frame::Object { key: None }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index = index.saturating_add(1),
                Some(Frame::Object { key }) => *key = None,
                None => {}
            },
            b'"' => {
                let start = i;
                while let Some(&b) = text.get(i) {
                    i = i.saturating_add(1);
                    match b {
                        b'\\' => i = i.saturating_add(1),
                        b'"' => break,
                        _ => {}
                    }
                }
                if let Some(Frame::Object { key: key @ None }) = stack.last_mut() {
                    let raw = text.get(start..i.saturating_sub(1)).unwrap_or_default();
                    // Only the start of a long key is kept.
                    let head = raw.get(..MAX_KEY.saturating_add(4)).unwrap_or(raw);
                    let mut name = String::from_utf8_lossy(head).into_owned();
                    if head.len() < raw.len() {
                        name.push_str("……");
                    }
                    shorten(&mut name, MAX_KEY);
                    *key = Some(name);
                }
            }
            _ => {}
        }
    }
    // A deep path shows its first and last levels and counts the rest.
    let levels = stack.len();
    let skipped = levels.saturating_sub(SHOWN_LEVELS.saturating_mul(2));
    let mut path = String::new();
    for (level, frame) in stack.iter().enumerate() {
        if skipped > 0 && level >= SHOWN_LEVELS && level < SHOWN_LEVELS.saturating_add(skipped) {
            if level == SHOWN_LEVELS {
                path.push_str(&format!(".…({skipped} levels)…"));
            }
            continue;
        }
        match frame {
            Frame::Object { key: Some(key) } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { key: None } => {}
            Frame::Array { index } => {
                path.push_str(&format!("[{index}]"));
            }
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    shorten(&mut path, MAX_PATH);
    path
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
mod tests {
    use super::*;

    fn error_path<T: serde::de::DeserializeOwned + std::fmt::Debug>(body: &str) -> String {
        let err = serde_json::from_str::<T>(body).unwrap_err();
        match ParseError::from_json(body.as_bytes(), &err) {
            ParseError::Json { path, .. } => path,
            other => panic!("{other:?}"),
        }
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Inner {
        code: String,
        count: u32,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Outer {
        data: Inner,
        list: Vec<Inner>,
    }

    #[test]
    fn names_the_field_with_the_wrong_type() {
        let body = r#"{"data":{"code":"a","count":"x"},"list":[]}"#;
        assert_eq!(error_path::<Outer>(body), "data.count");
    }

    #[test]
    fn names_the_object_missing_a_field() {
        let body = r#"{"data":{"code":"a"},"list":[]}"#;
        assert_eq!(error_path::<Outer>(body), "data");
    }

    #[test]
    fn counts_array_positions_and_lines() {
        let body = "{\"data\":{\"code\":\"a\",\"count\":1},\n\"list\":[{\"code\":\"a\",\"count\":1},\n{\"code\":\"b,]}\\\"\",\"count\":-1}]}";
        assert_eq!(error_path::<Outer>(body), "list[1].count");
    }

    #[test]
    fn root_and_syntax_errors() {
        assert_eq!(error_path::<Outer>("42"), ".");
        // serde reads a struct from an array too: the first element is wrong.
        assert_eq!(error_path::<Outer>("[1,2]"), "[0]");
        assert_eq!(error_path::<Outer>(r#"{"data":{"code":"#), "data.code");
        assert_eq!(error_path::<Outer>(""), ".");
    }

    #[test]
    fn long_keys_and_deep_paths_are_bounded() {
        let key = "k".repeat(100_000);
        let body = format!(r#"{{"data":{{"{key}":1,"code":"a","count":"x"}},"list":[]}}"#);
        let path = error_path::<Outer>(&body);
        assert_eq!(path, "data.count");
        let body = format!(r#"{{"{key}":[1,2"#);
        let path = error_path::<serde_json::Value>(&body);
        assert!(path.len() <= 48 && path.contains("kkk…"), "{path}");

        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let err = serde_json::from_str::<serde_json::Value>(&deep).unwrap_err();
        let parsed = ParseError::from_json(deep.as_bytes(), &err);
        let text = parsed.to_string();
        assert!(text.len() <= 512, "{}", text.len());
        assert!(text.contains("levels)"), "{text}");

        let mixed = format!("{}1", format!(r#"{{"{}":["#, "é".repeat(50)).repeat(500));
        let err = serde_json::from_str::<serde_json::Value>(&mixed).unwrap_err();
        let text = ParseError::from_json(mixed.as_bytes(), &err).to_string();
        assert!(text.len() <= 512, "{} {text}", text.len());
    }

    #[test]
    fn long_messages_are_cut() {
        let body = format!(
            r#"{{"data":{{"code":"a","count":"{}"}}}}"#,
            "é".repeat(10_000)
        );
        let err = serde_json::from_str::<Outer>(&body).unwrap_err();
        let parsed = ParseError::from_json(body.as_bytes(), &err);
        assert!(parsed.to_string().len() < 400, "{parsed}");
    }
}
