//! Search as you type: each keystroke reuses what the last one found.
//!
//! Word matches are cached per word, so growing the query by a character matches only the
//! last word again. When the new query extends the old one, an error can match enough of
//! its words only if it did before, or if the grown word now reaches a vocabulary word it
//! did not reach before (fuzzy matching is not monotone: `uppdate` reaches `update`,
//! `uppdat` did not). The word reading rescores just those errors; the template reading,
//! which works from the message words a paste holds, looks at every message.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use fuzzy_matcher::skim::SkimMatcherV2;

use super::vocab::WordMatches;
use super::{Hit, Index, Query, QueryWord, needed_words};

/// An incremental searcher over one index.
pub struct Searcher {
    matcher: SkimMatcherV2,
    cache: HashMap<(String, bool), Rc<WordMatches>>,
    last: Option<Last>,
}

/// What the previous query left for the next one.
struct Last {
    text: String,
    words: Vec<QueryWord>,
    /// Entries that matched enough words, sorted; `None` when they cannot bound the next
    /// query (a prefix expansion was cut short).
    qualified: Option<Vec<u32>>,
    /// How many significant words the query could miss.
    slack: usize,
}

impl std::fmt::Debug for Searcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Searcher")
            .field("cached_words", &self.cache.len())
            .finish_non_exhaustive()
    }
}

impl Default for Searcher {
    fn default() -> Self {
        Searcher::new()
    }
}

impl Searcher {
    /// A searcher with nothing typed yet. Use it with one index only.
    #[must_use]
    pub fn new() -> Searcher {
        Searcher {
            matcher: SkimMatcherV2::default(),
            cache: HashMap::new(),
            last: None,
        }
    }

    /// The hits for `text`, best first.
    pub fn search(&mut self, index: &Index, text: &str) -> Vec<Hit> {
        // A cache for one typing session; a very long one starts over.
        if self.cache.len() > 4096 {
            self.cache.clear();
        }
        let query = Query::parse(text, index);
        let words: Vec<QueryWord> = query
            .words
            .iter()
            .map(|w| {
                let typing = query.is_typing(w);
                let matches = self
                    .cache
                    .entry((w.clone(), typing))
                    .or_insert_with(|| Rc::new(index.match_word(w, typing, &self.matcher)))
                    .clone();
                QueryWord {
                    text: w.clone(),
                    matches,
                }
            })
            .collect();
        let slack = words.len() - needed_words(words.len());
        let candidates = self
            .last
            .as_ref()
            .and_then(|last| candidates(index, last, text, &words, slack));
        let outcome = super::run(index, &query, &words, candidates.as_deref());
        let bounded = words.iter().all(|w| !w.matches.truncated);
        self.last = Some(Last {
            text: text.to_owned(),
            words,
            qualified: bounded.then_some(outcome.qualified),
            slack,
        });
        outcome.hits
    }
}

/// The only entries the word reading of `words` can find, when the last query bounds them;
/// `None` means every entry.
fn candidates(
    index: &Index,
    last: &Last,
    text: &str,
    words: &[QueryWord],
    slack: usize,
) -> Option<Vec<u32>> {
    let qualified = last.qualified.as_ref()?;
    let k = last.words.len();
    // Only a query that extends the last one, keeps its words and may miss no more of
    // them can be bounded by it.
    let keeps_words = k > 0
        && words.len() >= k
        && words[..k - 1]
            .iter()
            .zip(&last.words)
            .all(|(a, b)| a.text == b.text);
    if !text.starts_with(last.text.as_str()) || slack > last.slack || !keeps_words {
        return None;
    }
    let before: HashSet<u32> = last.words[k - 1]
        .matches
        .terms
        .iter()
        .map(|m| m.term)
        .collect();
    let mut entries = qualified.clone();
    for m in &words[k - 1].matches.terms {
        if !before.contains(&m.term) {
            entries.extend(
                index.terms[m.term as usize]
                    .postings
                    .iter()
                    .map(|p| p.entry),
            );
        }
    }
    entries.sort_unstable();
    entries.dedup();
    Some(entries)
}
