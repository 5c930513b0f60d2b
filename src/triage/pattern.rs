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
mod tests {
    use super::*;

    const MISSING: &str = "Could not create/update work item for alert {alertName}. ITSM Connector {connectionIdentifier} does not exist or was deleted.";

    fn found<'t>(message: &str, text: &'t str) -> Option<Vec<(String, &'t str)>> {
        let p = Pattern::parse(message).expect("a pattern");
        let w = Words::of(text);
        p.find(&w, text)
            .map(|f| f.captures.into_iter().map(|(n, r)| (n, &text[r])).collect())
    }

    #[test]
    fn values_in_placeholders_and_prefixes_around_the_message() {
        let line = "2024-05-01T10:22:03Z ERROR [itsm.worker] Could not create/update work item for alert CPU-High. ITSM Connector 0c9e41d2-1f3a-4b5c-8d7e-0123456789ab does not exist or was deleted. (retry 3)";
        assert_eq!(
            found(MISSING, line),
            Some(vec![
                ("alertName".into(), "CPU-High"),
                (
                    "connectionIdentifier".into(),
                    "0c9e41d2-1f3a-4b5c-8d7e-0123456789ab"
                ),
            ])
        );
    }

    #[test]
    fn near_misses_do_not_match() {
        let rate = "ServiceDeskHttpBadRequestException: StatusCode=429";
        assert!(
            found(
                rate,
                "x ServiceDeskHttpBadRequestException: StatusCode = 429"
            )
            .is_some()
        );
        assert!(found(rate, "ServiceDeskHttpBadRequestException: StatusCode=500").is_none());
        assert!(found(rate, "ServiceDeskHttpBadRequestException: StatusCode=4290").is_none());
        // Another product.
        let jira = "Could not create/update work item for alert A. Jira Connector B does not exist or was deleted.";
        assert!(found(MISSING, jira).is_none());
        // A success message sharing most words.
        let token = "AccessToken and RefreshToken invalid. User needs to authenticate again.";
        assert!(
            found(
                token,
                "AccessToken and RefreshToken valid. User needs to authenticate again."
            )
            .is_none()
        );
        // Words of the message scattered.
        assert!(
            found(
                token,
                "AccessToken and other RefreshToken invalid. User needs to authenticate again."
            )
            .is_none()
        );
    }

    #[test]
    fn case_and_diacritics_fold() {
        let sv = "något gick fel. Det gick inte att hämta anslutnings information.";
        assert!(
            found(
                sv,
                "NÅGOT GICK FEL. Det gick inte att hamta anslutnings information."
            )
            .is_some()
        );
    }

    #[test]
    fn a_placeholder_value_does_not_run_over_a_line_break() {
        let text = "Could not create/update work item for alert A. Jira Connector B does not exist or was deleted.\nCould not create/update work item for alert C. ITSM Connector D does not exist or was deleted.";
        let p = Pattern::parse(MISSING).expect("a pattern");
        let w = Words::of(text);
        let f = p.find(&w, text).expect("the second line matches");
        assert!(w.list[f.first].span.start > text.find('\n').expect("two lines"));
    }

    #[test]
    fn a_message_wrapped_right_after_a_value_goes_on_at_the_next_lines_first_word() {
        let text = "Could not create/update work item for alert CPU-High.\nITSM Connector 42 does not exist or was deleted.";
        assert_eq!(
            found(MISSING, text),
            Some(vec![
                ("alertName".into(), "CPU-High"),
                ("connectionIdentifier".into(), "42")
            ])
        );
        // Not at a later word of the next line, nor past an empty line: the value would
        // take in another line's words.
        for text in [
            "Could not create/update work item for alert CPU-High.\nsee ITSM Connector 42 does not exist or was deleted.",
            "Could not create/update work item for alert CPU-High.\n\nITSM Connector 42 does not exist or was deleted.",
        ] {
            assert_eq!(found(MISSING, text), None, "{text}");
        }
    }

    #[test]
    fn one_of_reads_alternatives_and_needs_one() {
        let m = r#""status": "error", "error_message": "{Target record not found|Invalid table|Invalid staging table" }"#;
        let p = Pattern::parse(m).expect("a pattern");
        let yes = r#"{"status":"error","error_message":"Invalid table"}"#;
        let no = r#"{"status":"error","error_message":"Something else"}"#;
        assert!(p.find(&Words::of(yes), yes).is_some());
        assert!(p.find(&Words::of(no), no).is_none());
        assert_eq!(
            p.required_words().collect::<Vec<_>>(),
            ["status", "error", "error", "message"]
        );
    }

    #[test]
    fn a_trailing_placeholder_ends_at_the_text_after_it() {
        let m = "No values found for the following fields: {fields}.";
        let got = found(
            m,
            "WARN No values found for the following fields: urgency, impact.\nnext",
        );
        assert_eq!(got, Some(vec![("fields".into(), "urgency, impact")]));
    }

    #[test]
    fn too_short_messages_are_not_patterns() {
        assert!(Pattern::parse("{x}").is_none());
        assert!(Pattern::parse("Failed {x}").is_none());
        assert!(Pattern::parse("User Not Authenticated").is_some());
    }
}
