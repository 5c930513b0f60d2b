//! Search as you type: each keystroke reuses what the last one found.
//!
//! Word matches are cached per word, so growing the query by a character matches only the
//! last word again, and the per-entry accumulators and alignment buffers are kept between
//! keystrokes instead of being allocated for each.

use std::rc::Rc;

use fuzzy_matcher::skim::SkimMatcherV2;
use rustc_hash::FxHashMap;

use super::vocab::WordMatches;
use super::{Hit, Index, Query, QueryWord, Results, Scratch};

/// Most cached word matches; a very long typing session starts over.
const MAX_CACHED_WORDS: usize = 4096;

/// An incremental searcher over one index.
pub struct Searcher {
    matcher: SkimMatcherV2,
    cache: FxHashMap<(String, bool, bool), Rc<WordMatches>>,
    scratch: Scratch,
    clipped: Option<std::ops::Range<usize>>,
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
            cache: FxHashMap::default(),
            scratch: Scratch::default(),
            clipped: None,
        }
    }

    /// The hits for `text`, best first.
    pub fn search(&mut self, index: &Index, text: &str) -> Vec<Hit> {
        self.search_all(index, text).hits
    }

    /// The hits for `text`, and whether the text was clipped to its informative part.
    pub fn search_all(&mut self, index: &Index, text: &str) -> Results {
        if self.cache.len() > MAX_CACHED_WORDS {
            self.cache.clear();
        }
        let query = Query::parse(text, index);
        let loose = super::loose(&query);
        let words: Vec<QueryWord> = query
            .words
            .iter()
            .zip(&query.groups)
            .map(|(w, &group)| {
                let typing = query.is_typing(w);
                let matches = self
                    .cache
                    .entry((w.clone(), typing, loose))
                    .or_insert_with(|| {
                        Rc::new(index.match_word_as(w, typing, loose, &self.matcher))
                    })
                    .clone();
                QueryWord {
                    text: w.clone(),
                    group,
                    matches,
                }
            })
            .collect();
        let hits = super::run(index, &query, &words, &mut self.scratch);
        self.clipped.clone_from(&query.clipped);
        Results {
            hits,
            clipped: query.clipped,
        }
    }

    /// Whether the last text searched was clipped: the byte range of its decoded form
    /// that was searched.
    #[must_use]
    pub fn clipped(&self) -> Option<std::ops::Range<usize>> {
        self.clipped.clone()
    }
}
