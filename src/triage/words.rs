//! The words of a log line, folded the way search folds them (lowercase, diacritics
//! dropped), each with the byte range it came from so that captured values and samples can
//! be cut from the original text.
//!
//! Triage has its own small tokenizer rather than search's: a word here is simply a run of
//! letters and digits. Search also reads GUIDs, timestamps and paths as single tokens, which
//! helps ranking but not a yes-or-no match, where a `{placeholder}` absorbs any number of
//! words anyway.

use std::ops::Range;

pub use crate::search::normalize::fold;
use crate::search::normalize::fold_char;

/// One word of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Byte range in the text it was read from.
    pub span: Range<usize>,
    /// Byte range of its folded form in [`Words::folded`].
    folded: Range<usize>,
}

/// The words of one text, folded into one buffer (no allocation per word).
#[derive(Clone, Debug, Default)]
pub struct Words {
    folded: String,
    pub list: Vec<Word>,
}

impl Words {
    /// Reads the words of `text`, replacing what this buffer held.
    pub fn read(&mut self, text: &str) {
        self.folded.clear();
        self.list.clear();
        let mut start = None;
        for (i, c) in text.char_indices() {
            if c.is_alphanumeric() {
                if start.is_none() {
                    start = Some((i, self.folded.len()));
                }
                fold_char(c, &mut self.folded);
            } else if let Some((s, f)) = start.take() {
                self.list.push(Word {
                    span: s..i,
                    folded: f..self.folded.len(),
                });
            }
        }
        if let Some((s, f)) = start {
            self.list.push(Word {
                span: s..text.len(),
                folded: f..self.folded.len(),
            });
        }
    }

    /// The words of `text`.
    #[must_use]
    pub fn of(text: &str) -> Words {
        let mut words = Words::default();
        words.read(text);
        words
    }

    /// The folded form of word `i`.
    #[must_use]
    pub fn text(&self, i: usize) -> &str {
        &self.folded[self.list[i].folded.clone()]
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.list.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The folded words, in order.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.text(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_folded_runs_of_letters_and_digits_with_their_spans() {
        let text = "Åtgärden: StatusCode=429, import_set \"x\"";
        let w = Words::of(text);
        let texts: Vec<&str> = w.texts().collect();
        assert_eq!(
            texts,
            ["atgarden", "statuscode", "429", "import", "set", "x"]
        );
        assert_eq!(&text[w.list[0].span.clone()], "Åtgärden");
        assert_eq!(&text[w.list[5].span.clone()], "x");
    }

    #[test]
    fn punctuation_only_has_no_words() {
        assert!(Words::of(" -- {} \t\"").is_empty());
    }
}
