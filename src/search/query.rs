//! A query as search reads it: decoded, cut to its most informative part when it is
//! huge, tokenised, words wrapped across a line break joined again, and its meaningful
//! words listed once each (question and filler words in English and Swedish carry none).
//!
//! Linear in the length of the text: every step is one pass, duplicates are removed with
//! a hash set, and a word is looked up whole or at a bounded number of split points.

use std::borrow::Cow;
use std::ops::Range;

use rustc_hash::FxHashSet;

use super::Index;
use super::normalize::{self, Class, Token};
use super::stopwords::is_stopword;
use super::{clip, compound, decode};

/// Most meaningful words a query keeps (the first ones); the template reading still sees
/// every token of the paste.
pub const MAX_QUERY_WORDS: usize = 256;

/// A parsed query: its tokens and its significant words.
#[derive(Debug)]
pub struct Query<'q> {
    /// The text searched: decoded, and cut to its most informative part when huge.
    pub text: Cow<'q, str>,
    pub tokens: Vec<Token>,
    /// Significant words in order of first appearance, deduplicated.
    pub words: Vec<String>,
    /// For each of `words`, the word of the text it came from: the parts of one compound
    /// (see [`compound`]) share a number, and must all be held for the compound to count.
    pub groups: Vec<u32>,
    /// Whether the last word is still being typed (no space after it).
    pub typing_last: bool,
    /// When the paste was too long: the byte range of the decoded text that was searched.
    pub clipped: Option<Range<usize>>,
}

impl<'q> Query<'q> {
    #[must_use]
    pub fn parse(text: &'q str, index: &Index) -> Query<'q> {
        let decoded = decode::decode(text);
        let (text, clipped) = match clip::informative_part(&decoded, index) {
            Some(range) => (Cow::Owned(decoded[range.clone()].to_owned()), Some(range)),
            None => (decoded, None),
        };
        let mut tokens = normalize::tokens(&text);
        join_wrapped(&text, &mut tokens, index);
        let mut words: Vec<String> = Vec::new();
        let mut groups: Vec<u32> = Vec::new();
        let mut seen: FxHashSet<String> = FxHashSet::default();
        let mut push = |word: &str, group: usize| {
            if words.len() < MAX_QUERY_WORDS && !seen.contains(word) {
                seen.insert(word.to_owned());
                words.push(word.to_owned());
                groups.push(u32::try_from(group).unwrap_or(u32::MAX));
            }
        };
        let mut forms = Vec::new();
        let mut joined_next = false;
        for (group, token) in tokens.iter().enumerate() {
            if std::mem::take(&mut joined_next) {
                continue;
            }
            match token.class {
                Class::Word if token.text.chars().count() < 2 || is_stopword(&token.text) => {}
                Class::Word => {
                    // `integrations användaren` for the guides' `integrationsanvändaren`.
                    if let Some(next) = tokens.get(group + 1)
                        && let Some(word) =
                            compound::written_apart(index, &text, token, next, &mut forms)
                    {
                        push(&word, group);
                        joined_next = true;
                        continue;
                    }
                    match compound::split_query_word(index, &token.text, &mut forms) {
                        // `statuscode` for a text that says `status code`, `tokenfel` for
                        // `token` and `fel`.
                        Some(parts) => parts.iter().for_each(|p| push(p, group)),
                        None => push(&token.text, group),
                    }
                }
                // A value counts only when the guides know it (`429`).
                Class::Value if index.lookup.contains_key(&token.text) => {
                    push(&token.text, group);
                }
                Class::Value => {}
            }
        }
        let typing_last = !text.ends_with(|c: char| c.is_whitespace())
            && tokens
                .last()
                .is_some_and(|t| t.span.end == text.len() && t.class == Class::Word);
        Query {
            text,
            tokens,
            words,
            groups,
            typing_last,
            clipped,
        }
    }

    /// Whether `word` is the last one and still being typed.
    #[must_use]
    pub fn is_typing(&self, word: &str) -> bool {
        self.typing_last && self.tokens.last().is_some_and(|t| t.text == word)
    }
}

/// Joins two words that a line break (with a hyphen or indentation) split, when together
/// they are a word of the guides and apart they are not both: `configu\nration`.
fn join_wrapped(text: &str, tokens: &mut Vec<Token>, index: &Index) {
    let known = |w: &str| index.lookup.contains_key(w);
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    for token in tokens.drain(..) {
        if let Some(prev) = out.last_mut()
            && prev.class == Class::Word
            && token.class == Class::Word
            && is_soft_break(&text[prev.span.end..token.span.start])
            && prev.text.len() + token.text.len() <= normalize::MAX_WORD_LEN
        {
            let joined = format!("{}{}", prev.text, token.text);
            if known(&joined) && !(known(&prev.text) && known(&token.text)) {
                prev.text = joined;
                prev.span.end = token.span.end;
                continue;
            }
        }
        out.push(token);
    }
    *tokens = out;
}

/// Whether the text between two words is a line break inside a word: one newline, maybe
/// a hyphen before it, maybe indentation or a quote marker after it.
fn is_soft_break(between: &str) -> bool {
    let rest = between.strip_prefix('-').unwrap_or(between);
    let rest = rest.strip_prefix('\r').unwrap_or(rest);
    let Some(rest) = rest.strip_prefix('\n') else {
        return false;
    };
    rest.len() <= 16 && rest.chars().all(|c| c == ' ' || c == '\t' || c == '>')
}
