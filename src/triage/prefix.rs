//! The log prefix a continued line repeats. Many loggers write a long message as several
//! physical lines, each with its own prefix: the timestamp, the level, the logger, then the
//! next part of the message. Read as they are, the prefix stands between the message's
//! words and the message is not found (a message must be whole, its words side by side).
//!
//! So when [`super::scan`] reads a window of lines, each later line that repeats the first
//! line's prefix has that prefix taken out first. The prefix a line repeats is the longest
//! run it shares with the first line, counting any digit as equal to any digit (timestamps
//! move on between lines), cut back to a space; it must hold the timestamp, so both lines
//! must start with one (`YYYY-MM-DD[T ]HH:MM`, see [`super::time`]). A line with another
//! level or logger keeps that part, so it does not join a message it only follows.

use super::prefilter;
use super::time;

/// Shortest prefix taken out: a timestamp's `YYYY-MM-DDTHH:MM`.
const MIN_PREFIX: usize = 16;

/// `window` (lines separated by `\n`) with the prefix each later line repeats of the first
/// one taken out, and the same in ASCII lowercase; `None` when no line repeats one.
#[must_use]
pub fn strip_repeated(window: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    let mut lines = window.split(|&b| b == b'\n');
    let first = lines.next()?;
    if !time::starts_with_timestamp(first) {
        return None;
    }
    let mut out = Vec::with_capacity(window.len());
    out.extend_from_slice(first);
    let mut stripped = false;
    for line in lines {
        out.push(b'\n');
        let cut = repeated(first, line);
        stripped |= cut > 0;
        out.extend_from_slice(&line[cut..]);
    }
    if !stripped {
        return None;
    }
    let mut lower = vec![0; out.len()];
    prefilter::lower_into(&out, &mut lower);
    Some((out, lower))
}

/// How many bytes of `line` are a prefix it repeats of `first` (0 for none).
fn repeated(first: &[u8], line: &[u8]) -> usize {
    if !time::starts_with_timestamp(line) {
        return 0;
    }
    let same = first
        .iter()
        .zip(line)
        .take_while(|(a, b)| a == b || (a.is_ascii_digit() && b.is_ascii_digit()))
        .count();
    // Back to just after a space, so no word is cut in two.
    let cut = line[..same]
        .iter()
        .rposition(u8::is_ascii_whitespace)
        .map_or(0, |i| i + 1);
    if cut >= MIN_PREFIX { cut } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(window: &str) -> Option<String> {
        strip_repeated(window.as_bytes()).map(|(t, l)| {
            assert_eq!(l, t.to_ascii_lowercase());
            String::from_utf8(t).expect("UTF-8")
        })
    }

    #[test]
    fn the_prefix_a_continued_line_repeats_is_taken_out() {
        assert_eq!(
            strip(
                "2024-05-03T09:00:00.101Z ERROR [http] ServiceDeskHttpBadRequestException:\n\
                 2024-05-03T09:00:00.102Z ERROR [http]     StatusCode = 429"
            )
            .as_deref(),
            Some(
                "2024-05-03T09:00:00.101Z ERROR [http] ServiceDeskHttpBadRequestException:\n    \
                 StatusCode = 429"
            )
        );
        // Three lines, another log format.
        assert_eq!(
            strip("2024-05-03 09:00:02,500 ERROR w - a b\n2024-05-03 09:00:02,517 ERROR w - c\n2024-05-03 09:00:02,999 ERROR w - d")
                .as_deref(),
            Some("2024-05-03 09:00:02,500 ERROR w - a b\nc\nd")
        );
    }

    #[test]
    fn another_level_or_logger_is_kept_and_lines_without_a_timestamp_are_left_alone() {
        // Only the timestamp is shared: the level and logger stay between the words.
        assert_eq!(
            strip(
                "2024-05-03T09:00:04.000Z ERROR [http] A:\n2024-05-03T09:00:04.001Z WARN [other] B"
            )
            .as_deref(),
            Some("2024-05-03T09:00:04.000Z ERROR [http] A:\nWARN [other] B")
        );
        // A stack trace line or a wrapped cell has no prefix: nothing to take out.
        assert_eq!(
            strip("2024-05-03T09:00:04.000Z ERROR [http] A:\n    StatusCode = 429"),
            None
        );
        assert_eq!(strip("ERROR A:\nERROR B"), None);
        // Sharing less than a timestamp is not a prefix (another format of time).
        assert_eq!(
            strip("2024-05-03T09:00:00Z A\n2024-05-03 09:00:00Z B"),
            None
        );
        assert_eq!(strip("2024-05-03T09:00:00Z A\n2024-06-03"), None);
    }

    #[test]
    fn a_shared_word_is_never_cut_in_two() {
        assert_eq!(
            strip(
                "2024-05-03T09:00:00Z ERROR Connection lost\n2024-05-03T09:00:00Z ERROR Connector x"
            )
            .as_deref(),
            Some("2024-05-03T09:00:00Z ERROR Connection lost\nConnector x")
        );
    }
}
