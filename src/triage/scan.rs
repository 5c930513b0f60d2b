//! One block of a log, scanned: the prefilter runs over the whole block at once, and only
//! the lines around each of its hits are read word by word.
//!
//! A message may be split over up to [`MAX_SPAN`] lines (a stack trace, a wrapped cell).
//! Which windows of lines count is fixed by a greedy reading from the top: at each line not
//! yet taken, the line alone, then it with the next, then with the next two; the first
//! window holding a known message is taken, reported at its first line, and its lines are
//! not read again. Only windows that hold a prefilter hit can match, so the scan looks only
//! at the two lines before each hit and the hit's own line as starting points, which gives
//! the same answer as reading every line.
//!
//! A block is its own lines plus a look-ahead of the next block's first lines, so that a
//! message that starts at a block's end is still seen whole; windows start only in the
//! block's own lines, so nothing is found twice.
//!
//! A line of a window that repeats the first line's log prefix (a logger that writes each
//! part of a long message with its own timestamp and level) is read without it
//! ([`prefix`]).
//!
//! A line longer than [`LONG_LINE`] is read in windows of ±[`LONG_WINDOW`] bytes around each
//! prefilter hit, so a 100 MB line costs bounded memory and is still checked.

use memchr::{memchr, memrchr};

use crate::guide::sanitize;

use super::matcher::{Matcher, Verdict};
use super::prefilter::{self, Prefilter};
use super::prefix;
use super::words::Words;

/// Most lines one message may be split over.
pub const MAX_SPAN: usize = 3;
/// Lines longer than this are read in windows around each prefilter hit.
pub const LONG_LINE: usize = 64 * 1024;
/// Half the width of such a window.
pub const LONG_WINDOW: usize = 8 * 1024;
/// Longest text kept of a matching line, in characters.
pub const MAX_TEXT: usize = 1000;

/// One known error found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Newlines between the block's start and the line the message starts on.
    pub line: u64,
    /// Index into [`Matcher::known`].
    pub known: u32,
    /// Each placeholder's name and value (sanitised).
    pub captures: Vec<(String, String)>,
    /// The matching line(s), sanitised, on one line.
    pub text: String,
}

/// Buffers reused from block to block.
#[derive(Debug, Default)]
pub struct Scratch {
    /// The block in ASCII lowercase, for the prefilter.
    lower: Vec<u8>,
    words: Words,
    verdicts: Vec<Verdict>,
}

/// Counts newlines in `bytes`. Chunks of 128 bytes keep the count in a byte, which lets
/// the compiler compare 16 bytes at a time.
#[must_use]
pub fn count_newlines(bytes: &[u8]) -> u64 {
    bytes
        .chunks(128)
        .map(|chunk| {
            let mut n = 0u8;
            for &b in chunk {
                n += u8::from(b == b'\n');
            }
            u64::from(n)
        })
        .sum()
}

/// Newline counting from the last offset asked.
struct Lines<'b> {
    buf: &'b [u8],
    at: usize,
    count: u64,
}

impl Lines<'_> {
    /// Newlines before `offset`; counts only the bytes since the last offset asked.
    fn before(&mut self, offset: usize) -> u64 {
        if offset >= self.at {
            self.count += count_newlines(&self.buf[self.at..offset]);
        } else {
            self.count -= count_newlines(&self.buf[offset..self.at]);
        }
        self.at = offset;
        self.count
    }
}

/// The start of the line before the one starting at `start`.
fn previous_line(buf: &[u8], start: usize) -> Option<usize> {
    let nl = start.checked_sub(1)?;
    Some(memrchr(b'\n', &buf[..nl]).map_or(0, |i| i + 1))
}

/// The end (the newline, or the buffer's end) of the line holding `from`.
fn line_end(buf: &[u8], from: usize) -> usize {
    memchr(b'\n', &buf[from..]).map_or(buf.len(), |i| from + i)
}

/// Scans `buf`, of which the first `own` bytes are this block's lines and the rest a
/// look-ahead; pushes what it finds to `hits`, in order, and returns the number of newlines
/// in the block's own lines.
pub fn scan(
    matcher: &Matcher,
    filter: &Prefilter,
    buf: &[u8],
    own: usize,
    scratch: &mut Scratch,
    hits: &mut Vec<Hit>,
) -> u64 {
    let mut lower = std::mem::take(&mut scratch.lower);
    if lower.len() < buf.len() {
        lower.resize(buf.len(), 0);
    }
    let newlines = prefilter::lower_into(&buf[..own], &mut lower[..own]);
    prefilter::lower_into(&buf[own..], &mut lower[own..buf.len()]);
    let mut lines = Lines {
        buf,
        at: 0,
        count: 0,
    };
    let mut pos = 0;
    // Lines starting before this offset belong to a message already found.
    let mut taken = 0;
    // The long line being read in windows, and the errors already found in it.
    let mut long: (usize, Vec<u32>) = (usize::MAX, Vec::new());
    while pos < buf.len() {
        let Some(rel) = filter.find(&lower[pos..buf.len()]) else {
            break;
        };
        let at = pos + rel;
        let start = memrchr(b'\n', &buf[..at]).map_or(0, |i| i + 1);
        let end = line_end(buf, at);
        if end - start > LONG_LINE {
            if start >= own {
                break;
            }
            let from = at.saturating_sub(LONG_WINDOW).max(start);
            let to = (at + LONG_WINDOW).min(end);
            if long.0 != start {
                long = (start, Vec::new());
            }
            let text = String::from_utf8_lossy(&buf[from..to]);
            matcher.judge(
                filter,
                &lower[from..to],
                &text,
                &mut scratch.words,
                false,
                &mut scratch.verdicts,
            );
            let line = lines.before(start);
            for v in scratch.verdicts.drain(..) {
                if !long.1.contains(&v.known) {
                    long.1.push(v.known);
                    hits.push(hit(line, &v, &text));
                }
            }
            pos = at + LONG_WINDOW / 2;
            continue;
        }
        pos = end + 1;
        let p1 = previous_line(buf, start);
        let p2 = p1.and_then(|p| previous_line(buf, p));
        'starts: for s in [p2, p1, Some(start)].into_iter().flatten() {
            if s < taken || s >= own {
                continue;
            }
            let mut line_start = s;
            for k in 1..=MAX_SPAN {
                let e = line_end(buf, line_start);
                if e - s > 2 * LONG_LINE {
                    break;
                }
                if e >= end {
                    // Later lines that repeat the first one's log prefix are read without
                    // it, so the message's words stand side by side.
                    let joined = if k > 1 {
                        prefix::strip_repeated(&buf[s..e])
                    } else {
                        None
                    };
                    let (raw, low) = joined
                        .as_ref()
                        .map_or((&buf[s..e], &lower[s..e]), |(t, l)| (&t[..], &l[..]));
                    let text = String::from_utf8_lossy(raw);
                    matcher.judge(
                        filter,
                        low,
                        &text,
                        &mut scratch.words,
                        k > 1,
                        &mut scratch.verdicts,
                    );
                    if !scratch.verdicts.is_empty() {
                        let line = lines.before(s);
                        for v in scratch.verdicts.drain(..) {
                            hits.push(hit(line, &v, &text));
                        }
                        taken = e + 1;
                        pos = pos.max(taken);
                        break 'starts;
                    }
                }
                if e >= buf.len() {
                    break;
                }
                line_start = e + 1;
            }
        }
    }
    scratch.lower = lower;
    newlines
}

/// A hit from a verdict over `text`.
fn hit(line: u64, verdict: &Verdict, text: &str) -> Hit {
    let captures = verdict
        .found
        .captures
        .iter()
        .map(|(name, range)| (name.clone(), one_line(&text[range.clone()])))
        .collect();
    Hit {
        line,
        known: verdict.known,
        captures,
        text: one_line(text),
    }
}

/// Sanitised text on one line, at most [`MAX_TEXT`] characters.
fn one_line(text: &str) -> String {
    let clean = sanitize::clean(text.trim_end_matches(['\r', '\n']));
    let mut out: String = clean
        .split('\n')
        .map(|l| l.trim_end_matches('\r'))
        .collect::<Vec<_>>()
        .join(" ");
    if let Some((i, _)) = out.char_indices().nth(MAX_TEXT) {
        out.truncate(i);
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_newlines_across_chunk_edges() {
        let mut bytes = vec![b'x'; 20_000];
        for i in (0..20_000).step_by(7) {
            bytes[i] = b'\n';
        }
        // The obvious count, to compare the fast one with.
        #[allow(
            clippy::naive_bytecount,
            reason = "the reference the fast count is checked against"
        )]
        let naive = bytes.iter().filter(|&&b| b == b'\n').count() as u64;
        assert_eq!(count_newlines(&bytes), naive);
        assert_eq!(count_newlines(b""), 0);
    }
}
