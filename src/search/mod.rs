//! Search: from a pasted message, a question, a phrase or a typo to the right error, and to
//! nothing when nothing fits.
//!
//! Pure: an [`Index`] built once from the catalog answers queries; no terminal, no I/O.
//! A query is decoded (percent, HTML, JSON escapes, typographic punctuation), cut to its
//! most informative 64 KB when huge, and read two ways; the better reading wins for each
//! error:
//! - **words** ([`words`]): the weighted share of the query's meaningful words an error
//!   holds, each matched exactly, by word form (English and Swedish stems), as a prefix or
//!   fuzzily, in any of its texts;
//! - **template** ([`messages`]): the query is aligned against each literal message and
//!   title, `{placeholders}` absorbing the person's own values; the share of the message
//!   (of the part the paste can hold, when it is cut) explained is the score.
//!
//! Either way a hit must clear a threshold, which is what lets unrelated text find nothing.
//! What a score means is in the README: 100 is a whole message or title; 70 and above is
//! confident; below that, possible.

pub mod align;
pub mod clip;
pub mod compound;
pub mod decode;
pub mod highlight;
pub mod index;
pub mod messages;
pub mod normalize;
pub mod query;
pub mod searcher;
pub mod stem;
pub mod stopwords;
pub mod template;
pub mod vocab;
pub mod words;

use std::ops::Range;

use fuzzy_matcher::skim::SkimMatcherV2;

pub use index::{Entry, FieldKind, Index};
pub use query::Query;
pub use searcher::Searcher;
pub use stopwords::is_stopword;
pub use words::QueryWord;

/// Scores at or above this are confident: the query says enough, and says it of this
/// error. A single generic word never gets there.
pub const CONFIDENT: u32 = 70;
/// Most hits a search returns.
pub const MAX_HITS: usize = 100;
/// Queries with more meaningful words than this are read as pastes: their words match
/// exactly or by word form only, not by prefix or typo.
const LONG_QUERY_WORDS: usize = 24;

/// One error found, best first in a result list.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub entry: Entry,
    /// 0 to 100: how well the query matches (see [`CONFIDENT`]).
    pub score: u32,
    /// The field that matched best (index into `Index::fields`).
    pub field: u32,
    /// Values a pasted message held where the template has placeholders.
    pub captures: Vec<(String, String)>,
    /// The vocabulary terms (ids, sorted) the query matched in this error, so a view can
    /// highlight them without matching again (see [`highlight::marks`]).
    pub terms: Vec<u32>,
    /// For a message found in a paste: the byte offset in the searched text where it starts.
    pub at: Option<usize>,
}

/// The hits of a search, and what the search did to the text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    pub hits: Vec<Hit>,
    /// When the paste was longer than [`clip::MAX_PASTE_BYTES`]: the byte range of the
    /// decoded text that was searched (the part richest in known words).
    pub clipped: Option<Range<usize>>,
}

/// Buffers reused between searches.
#[derive(Debug, Default)]
pub struct Scratch {
    words: words::Scratch,
    messages: messages::Scratch,
}

/// Whether a query's words are matched loosely (prefixes, typos).
fn loose(query: &Query) -> bool {
    query.words.len() <= LONG_QUERY_WORDS
}

/// Searches the whole index.
#[must_use]
pub fn search(index: &Index, text: &str) -> Vec<Hit> {
    search_all(index, text).hits
}

/// Searches the whole index, and says whether the text was clipped.
#[must_use]
pub fn search_all(index: &Index, text: &str) -> Results {
    let matcher = SkimMatcherV2::default();
    let query = Query::parse(text, index);
    let loose = loose(&query);
    let words: Vec<QueryWord> = query
        .words
        .iter()
        .zip(&query.groups)
        .map(|(w, &group)| QueryWord {
            text: w.clone(),
            group,
            matches: std::rc::Rc::new(index.match_word_as(w, query.is_typing(w), loose, &matcher)),
        })
        .collect();
    Results {
        hits: run(index, &query, &words, &mut Scratch::default()),
        clipped: query.clipped,
    }
}

/// The known messages a line (or any text) holds, best first: only the template reading,
/// for tools that scan logs. Each hit says where the message starts (`at`) and the values
/// it captured.
#[must_use]
pub fn known_messages(index: &Index, line: &str, scratch: &mut Scratch) -> Vec<Hit> {
    let query = Query::parse(line, index);
    let mut hits: Vec<Hit> = best_per_entry(
        messages::reading(index, &query, &mut scratch.messages)
            .into_iter()
            .map(|(_, h)| h),
    );
    sort(index, &mut hits);
    hits
}

/// Scores a parsed query and its word matches.
pub(crate) fn run(
    index: &Index,
    query: &Query,
    words: &[QueryWord],
    scratch: &mut Scratch,
) -> Vec<Hit> {
    let mut scored = words::reading(index, words, &mut scratch.words);
    // Only the best word hits can be shown; a template hit only raises an error's score,
    // so cutting here (in the same order as `sort`) loses nothing.
    if scored.len() > MAX_HITS {
        let key = |&(entry, score, field): &(u32, u32, u32)| {
            let e = index.entries[entry as usize];
            (
                std::cmp::Reverse(score),
                index.fields[field as usize].text.len(),
                e.guide,
                e.error,
            )
        };
        scored.select_nth_unstable_by_key(MAX_HITS, key);
        scored.truncate(MAX_HITS);
    }
    let word_hits = scored.into_iter().map(|(entry, score, field)| Hit {
        entry: index.entries[entry as usize],
        score,
        field,
        captures: Vec::new(),
        terms: Vec::new(),
        at: None,
    });
    let template_hits = messages::reading(index, query, &mut scratch.messages)
        .into_iter()
        .map(|(_, h)| h);
    let mut hits = best_per_entry(word_hits.chain(template_hits));
    sort(index, &mut hits);
    for hit in &mut hits {
        if hit.terms.is_empty() {
            hit.terms = matched_terms(index, hit, words);
        }
    }
    hits
}

/// One hit per entry: the better score; on a tie, the one that found a message. Word
/// hits are one per entry already and template hits are few: only those are looked up.
fn best_per_entry(hits: impl Iterator<Item = Hit>) -> Vec<Hit> {
    let mut out: Vec<Hit> = Vec::new();
    let mut at: rustc_hash::FxHashMap<Entry, usize> = rustc_hash::FxHashMap::default();
    for hit in hits {
        let Some(&i) = at.get(&hit.entry) else {
            at.insert(hit.entry, out.len());
            out.push(hit);
            continue;
        };
        let old = &mut out[i];
        let better = hit.score > old.score
            || (hit.score == old.score && old.at.is_none() && hit.at.is_some());
        if better {
            *old = hit;
        } else if old.captures.is_empty() && !hit.captures.is_empty() {
            // The words scored higher, but the message still tells the values.
            old.captures = hit.captures;
            old.field = hit.field;
            old.terms = hit.terms;
            old.at = hit.at;
        }
    }
    out
}

/// Best first; on a tie, the message that comes first in the paste, then the shorter
/// field, then guide order. Only the best [`MAX_HITS`] are sorted; the rest are dropped.
fn sort(index: &Index, hits: &mut Vec<Hit>) {
    let order = |a: &Hit, b: &Hit| {
        b.score
            .cmp(&a.score)
            .then_with(|| a.at.unwrap_or(usize::MAX).cmp(&b.at.unwrap_or(usize::MAX)))
            .then_with(|| {
                index.fields[a.field as usize]
                    .text
                    .len()
                    .cmp(&index.fields[b.field as usize].text.len())
            })
            .then_with(|| (a.entry.guide, a.entry.error).cmp(&(b.entry.guide, b.entry.error)))
    };
    if hits.len() > MAX_HITS {
        hits.select_nth_unstable_by(MAX_HITS, order);
        hits.truncate(MAX_HITS);
    }
    hits.sort_by(order);
}

/// The terms of the query's word matches that occur in the hit's error.
fn matched_terms(index: &Index, hit: &Hit, words: &[QueryWord]) -> Vec<u32> {
    let entry = index.fields[hit.field as usize].entry;
    let mut out: Vec<u32> = words
        .iter()
        .flat_map(|w| w.matches.terms.iter())
        .map(|m| m.term)
        .filter(|&t| {
            index.terms[t as usize]
                .postings
                .binary_search_by_key(&entry, |p| p.entry)
                .is_ok()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}
