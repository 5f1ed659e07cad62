// Shared by the verifier targets: the input is header lines, a blank line,
// then the body.

/// Header lines (`name: value`, one per line) until an empty line; the rest
/// is the body.
pub fn request(data: &[u8]) -> (Vec<(String, String)>, &[u8]) {
    let split = data.windows(2).position(|w| w == b"\n\n");
    let (head, body) = match split {
        Some(i) => (&data[..i], &data[i + 2..]),
        None => (data, &data[data.len()..]),
    };
    let headers = String::from_utf8_lossy(head)
        .lines()
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    (headers, body)
}
