//! Huge pastes: a whole log file pasted into the search field. Search reads at most
//! [`MAX_PASTE_BYTES`] of it, the part richest in words the guides know (each weighted by
//! how rare it is among the errors), and says so, so the view can show that it did.
//!
//! One pass over the text splits it into lines (long lines into blocks) and scores each;
//! a second finds the best run of whole lines that fits the bound. Linear in the length.

use std::ops::Range;

use super::Index;
use super::normalize;

/// Longest paste searched whole.
pub const MAX_PASTE_BYTES: usize = 64 * 1024;
/// Longest piece a line is scored in.
const BLOCK: usize = 4096;

/// The byte range of `text` to search, when `text` is longer than the bound.
#[must_use]
pub fn informative_part(text: &str, index: &Index) -> Option<Range<usize>> {
    if text.len() <= MAX_PASTE_BYTES {
        return None;
    }
    let mut pieces: Vec<(Range<usize>, f32)> = Vec::new();
    let mut buf = String::new();
    let mut start = 0;
    while start < text.len() {
        // Look for the line's end no further than a block: a text without newlines must
        // not be scanned to its end once per block.
        let limit = (start + BLOCK).min(text.len());
        let line_end = text.as_bytes()[start..limit]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(limit, |n| start + n + 1);
        let mut end = line_end;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        if end <= start {
            // A block that ends inside a character: take the character whole.
            end = start + text[start..].chars().next().map_or(1, char::len_utf8);
        }
        pieces.push((start..end, score(&text[start..end], index, &mut buf)));
        start = end;
    }
    // The best run of consecutive pieces within the bound (two pointers).
    let (mut best, mut best_score) = (0..0, -1.0f32);
    let (mut lo, mut sum) = (0usize, 0.0f32);
    for hi in 0..pieces.len() {
        sum += pieces[hi].1;
        while pieces[hi].0.end - pieces[lo].0.start > MAX_PASTE_BYTES {
            sum -= pieces[lo].1;
            lo += 1;
        }
        if sum > best_score {
            best_score = sum;
            best = pieces[lo].0.start..pieces[hi].0.end;
        }
    }
    Some(best)
}

/// How much a piece of text says: the rarity of the guide words it holds.
fn score(piece: &str, index: &Index, buf: &mut String) -> f32 {
    let mut total = 0.0;
    for word in piece.split(|c: char| !c.is_alphanumeric()) {
        if word.len() < 3 || word.len() > 32 {
            continue;
        }
        normalize::fold_into(word, buf);
        if let Some(&term) = index.lookup.get(buf.as_str())
            && !super::is_stopword(buf)
        {
            total += index.idf(term);
        }
    }
    total
}
