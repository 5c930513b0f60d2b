//! A known message as triage reads it: literal words that must all appear, in order and
//! side by side, with `{placeholders}` between them that absorb the person's own values.
//!
//! This is search's template reading made strict. Search ranks, so a message that explains
//! 60% of a paste may still be the best hit; triage answers yes or no for every line of a
//! log, and a near-miss must be a no: `StatusCode=500` is not the rate-limit error, a
//! success message that shares most words with an error is not that error, and the same
//! sentence about another product is not the ITSMC one. So every literal word must be found,
//! with nothing between words the message has side by side; only a placeholder absorbs
//! text, and anything may stand before and after the message (timestamps, logger names,
//! JSON around it).
//!
//! Guides sometimes list the possible values of a part as `{a|b|c}`; that is read as "one
//! of these", not as literal text.

use std::ops::Range;

use super::words::{Words, fold};

/// One element of a literal run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Element {
    /// A folded word.
    Word(String),
    /// One of several word sequences (`{Invalid table|Target record not found}`).
    OneOf(Vec<Vec<String>>),
}

/// Words that must stand side by side, and the placeholder before them, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub hole_before: Option<String>,
    pub elements: Vec<Element>,
}

/// A parsed message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    pub runs: Vec<Run>,
    /// A placeholder after the last run, and the literal text that follows it in the message
    /// (`.` in `fields: {fields}.`), which ends its value.
    pub trailing: Option<(String, String)>,
}

/// Where a pattern matched a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Index of the first and of the last word matched (inclusive).
    pub first: usize,
    pub last: usize,
    /// Each placeholder's name (index into the pattern's holes) and the byte range of the
    /// value it absorbed.
    pub captures: Vec<(String, Range<usize>)>,
}

/// Longest captured value kept, in bytes.
pub const MAX_VALUE: usize = 200;

/// The folded words of a piece of literal text.
fn words_of(text: &str) -> Vec<String> {
    let w = Words::of(text);
    w.texts().map(str::to_owned).collect()
}

/// A piece of a message while parsing.
enum Piece {
    Element(Element),
    Hole(String),
}

fn pieces(message: &str) -> (Vec<Piece>, String) {
    let mut out = Vec::new();
    let mut rest = message;
    let mut literal = String::new();
    // The literal text seen since the last placeholder (for a trailing one).
    let mut since_hole = String::new();
    while let Some(open) = rest.find('{') {
        literal.push_str(&rest[..open]);
        since_hole.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}');
        let inner = close.map(|c| &after[..c]);
        match inner {
            Some(name) if crate::guide::is_placeholder_name(name) => {
                flush(&mut literal, &mut out);
                out.push(Piece::Hole(name.to_owned()));
                since_hole.clear();
                rest = &after[name.len() + 1..];
            }
            Some(inner) if inner.contains('|') && !inner.contains('{') => {
                flush(&mut literal, &mut out);
                let alternatives: Vec<Vec<String>> = inner
                    .split('|')
                    .map(words_of)
                    .filter(|w| !w.is_empty())
                    .collect();
                if !alternatives.is_empty() {
                    out.push(Piece::Element(Element::OneOf(alternatives)));
                }
                since_hole.push_str(inner);
                rest = &after[inner.len() + 1..];
            }
            // Any other brace is literal punctuation (JSON in a message).
            _ => {
                literal.push('{');
                since_hole.push('{');
                rest = after;
            }
        }
    }
    literal.push_str(rest);
    since_hole.push_str(rest);
    flush(&mut literal, &mut out);
    (out, since_hole)
}

fn flush(literal: &mut String, out: &mut Vec<Piece>) {
    out.extend(
        words_of(literal)
            .into_iter()
            .map(|w| Piece::Element(Element::Word(w))),
    );
    literal.clear();
}

impl Pattern {
    /// Parses a message. `None` when it has fewer than two literal words: too little to
    /// tell a log line by.
    #[must_use]
    pub fn parse(message: &str) -> Option<Pattern> {
        let (pieces, tail) = pieces(message);
        let mut runs: Vec<Run> = Vec::new();
        let mut hole: Option<String> = None;
        let mut words = 0usize;
        for piece in pieces {
            match piece {
                // `{a}{b}` share one gap: the first name keeps it.
                Piece::Hole(name) => {
                    hole.get_or_insert(name);
                }
                Piece::Element(element) => {
                    words += match &element {
                        Element::Word(_) => 1,
                        Element::OneOf(alts) => alts.iter().map(Vec::len).min().unwrap_or(0),
                    };
                    match (hole.take(), runs.last_mut()) {
                        (None, Some(run)) => run.elements.push(element),
                        (hole_before, _) => runs.push(Run {
                            hole_before,
                            elements: vec![element],
                        }),
                    }
                }
            }
        }
        if words < 2 {
            return None;
        }
        let trailing = hole.map(|name| (name, tail.trim().to_owned()));
        Some(Pattern { runs, trailing })
    }

    /// The literal words that every match must contain (not those inside `{a|b}`).
    pub fn required_words(&self) -> impl Iterator<Item = &str> {
        self.runs
            .iter()
            .flat_map(|r| &r.elements)
            .filter_map(|e| match e {
                Element::Word(w) => Some(w.as_str()),
                Element::OneOf(_) => None,
            })
    }

    /// The leftmost match of this pattern in `text` (read into `words`), if any.
    #[must_use]
    pub fn find(&self, words: &Words, text: &str) -> Option<Found> {
        let first_run = self.runs.first()?;
        // Each place the first run fits, left to right; the rest placed leftmost after it
        // (leftmost is enough once the first is fixed, but a line break may stop a value).
        (0..words.len())
            .filter_map(|s| run_at(first_run, words, s).map(|e| (s, e)))
            .find_map(|(start, end)| self.rest(words, text, start, end))
    }

    /// The rest of a match whose first run is at words `start..end`.
    fn rest(&self, words: &Words, text: &str, start: usize, end: usize) -> Option<Found> {
        let mut captures = Vec::new();
        let mut prev_end = end;
        for run in &self.runs[1..] {
            // A placeholder's value stays on one line: past the next line break, the words
            // belong to another line, not to this message. The message may go on at the
            // first word of the next line, though (a message wrapped right after a value).
            let from = words.list[prev_end - 1].span.end;
            let line_end = text[from..].find('\n').map_or(text.len(), |n| from + n);
            let limit =
                words.list[prev_end..].partition_point(|w| w.span.start < line_end) + prev_end;
            let next_line_starts = limit < words.len()
                && !text[line_end + 1..words.list[limit].span.start].contains('\n');
            let last = if next_line_starts { limit + 1 } else { limit };
            let (s, e) = (prev_end..last).find_map(|s| run_at(run, words, s).map(|e| (s, e)))?;
            if let Some(name) = &run.hole_before {
                let range = words.list[prev_end - 1].span.end..words.list[s].span.start;
                push_capture(&mut captures, name, text, range);
            }
            prev_end = e;
        }
        let last = prev_end.checked_sub(1)?;
        if let Some((name, tail)) = &self.trailing {
            let from = words.list[last].span.end;
            let line_end = text[from..].find('\n').map_or(text.len(), |n| from + n);
            let mut to = line_end;
            let ends = tail.trim();
            if !ends.is_empty()
                && let Some(n) = text[from..line_end].rfind(ends)
            {
                to = from + n;
            }
            push_capture(&mut captures, name, text, from..to);
        }
        Some(Found {
            first: start,
            last,
            captures,
        })
    }
}

/// Matches a run's elements side by side from word `at`; the index after them.
fn run_at(run: &Run, words: &Words, at: usize) -> Option<usize> {
    let mut i = at;
    for element in &run.elements {
        i = match element {
            Element::Word(w) => (i < words.len() && words.text(i) == w).then_some(i + 1)?,
            Element::OneOf(alternatives) => alternatives.iter().find_map(|alt| {
                let end = i + alt.len();
                (end <= words.len() && alt.iter().enumerate().all(|(j, w)| words.text(i + j) == w))
                    .then_some(end)
            })?,
        };
    }
    Some(i)
}

fn push_capture(
    out: &mut Vec<(String, Range<usize>)>,
    name: &str,
    text: &str,
    range: Range<usize>,
) {
    let range = trim(text, range);
    if !range.is_empty() {
        out.push((name.to_owned(), range));
    }
}

/// Shrinks a range of `text` past surrounding spaces and punctuation, and to at most
/// [`MAX_VALUE`] bytes.
fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let is_edge = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '.' | ',' | ';' | ':' | '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | '=' | '\\'
            )
    };
    let start = range.start + (s.len() - s.trim_start_matches(is_edge).len());
    let end = range.start + s.trim_end_matches(is_edge).len();
    let mut end = end.max(start).min(start + MAX_VALUE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    start..end
}

/// Whether the folded form of `word` is plain ASCII and equal to it but for case: such a
/// word can be looked for in raw bytes, ignoring ASCII case.
#[must_use]
pub fn is_plain(word: &str) -> bool {
    word.is_ascii() && fold(word) == word.to_ascii_lowercase()
}

#[cfg(test)]
mod tests;
