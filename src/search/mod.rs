//! Search: from a pasted message, a phrase or a typo to the right error, and to nothing when
//! nothing fits.
//!
//! Pure: an [`Index`] built once from the catalog answers queries; no terminal, no I/O.
//! A query is read two ways and the better reading wins for each error:
//! - **words**: every significant word must match a word of the error (exactly, as a prefix,
//!   or fuzzily), in any of its texts; long queries need most of them;
//! - **template**: the query is aligned against each literal message, `{placeholders}`
//!   absorbing the person's own values; the share of the message explained is the score.
//!
//! Either way a hit must clear a threshold, which is what lets unrelated text find nothing.

pub mod highlight;
pub mod index;
pub mod normalize;
pub mod searcher;
pub mod template;
pub mod vocab;

use std::collections::HashMap;

use fuzzy_matcher::skim::SkimMatcherV2;

pub use index::{Entry, FieldKind, Index};
pub use searcher::Searcher;

use normalize::{Class, Token};
use vocab::WordMatches;

/// One error found, best first in a result list.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub entry: Entry,
    /// 0 to 100: how well the query matches.
    pub score: u32,
    /// The field that matched best (index into `Index::fields`).
    pub field: u32,
    /// Values a pasted message held where the template has placeholders.
    pub captures: Vec<(String, String)>,
}

/// Words that carry no meaning on their own, in English and Swedish: they may be typed and
/// pasted, but never need to match.
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "i", "in", "is",
    "it", "my", "of", "on", "or", "so", "the", "this", "to", "was", "with", "det", "en", "ett",
    "har", "i", "jag", "och", "om", "pa", "som", "till", "av", "for", "med", "att", "ar", "den",
];

/// Whether a folded word is a stopword.
#[must_use]
pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(&word)
}

/// Queries of up to this many significant words must match all of them.
const EXACT_QUERY_WORDS: usize = 3;
/// Queries of up to this many may miss one word; longer ones are read as pastes, of which
/// most words must match.
const SHORT_QUERY_WORDS: usize = 6;
/// Share of a long query's words that must match.
const LONG_QUERY_SHARE: f32 = 0.7;
/// Lowest template score (0 to 1) that counts as a match, by template length.
const TEMPLATE_THRESHOLD: f32 = 0.6;
/// Lowest word-reading score (0 to 100) that counts.
const MIN_WORD_SCORE: f32 = 25.0;

/// A query word and the vocabulary words it matches.
#[derive(Clone, Debug)]
pub struct QueryWord {
    pub text: String,
    pub matches: std::rc::Rc<WordMatches>,
}

/// A parsed query: its tokens and its significant words.
#[derive(Debug)]
pub struct Query<'q> {
    pub text: &'q str,
    pub tokens: Vec<Token>,
    /// Significant words in order of first appearance, deduplicated.
    pub words: Vec<String>,
    /// Whether the last word is still being typed (no space after it).
    pub typing_last: bool,
}

impl<'q> Query<'q> {
    #[must_use]
    pub fn parse(text: &'q str, index: &Index) -> Query<'q> {
        let tokens = normalize::tokens(text);
        let mut words: Vec<String> = Vec::new();
        let mut push = |word: &str| {
            if !words.iter().any(|w| w == word) {
                words.push(word.to_owned());
            }
        };
        for token in &tokens {
            match token.class {
                Class::Word if token.text.chars().count() < 2 || is_stopword(&token.text) => {}
                Class::Word => match split_joined(&token.text, index) {
                    // `statuscode` for a text that says `status code`.
                    Some((a, b)) => {
                        push(a);
                        push(b);
                    }
                    None => push(&token.text),
                },
                // A value counts only when the guides know it (`429`).
                Class::Value if index.lookup.contains_key(&token.text) => push(&token.text),
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
            typing_last,
        }
    }

    /// Whether `word` is the last one and still being typed.
    #[must_use]
    pub fn is_typing(&self, word: &str) -> bool {
        self.typing_last && self.tokens.last().is_some_and(|t| t.text == word)
    }
}

/// Two vocabulary words that an unknown word is written together from, if any.
fn split_joined<'w>(word: &'w str, index: &Index) -> Option<(&'w str, &'w str)> {
    if word.len() < 6 || index.lookup.contains_key(word) {
        return None;
    }
    word.char_indices()
        .map(|(i, _)| i)
        .filter(|&i| i >= 3 && word.len() - i >= 3)
        .map(|i| word.split_at(i))
        .find(|(a, b)| index.lookup.contains_key(*a) && index.lookup.contains_key(*b))
}

/// Searches the whole index.
#[must_use]
pub fn search(index: &Index, text: &str) -> Vec<Hit> {
    let matcher = SkimMatcherV2::default();
    let query = Query::parse(text, index);
    let words: Vec<QueryWord> = query
        .words
        .iter()
        .map(|w| QueryWord {
            text: w.clone(),
            matches: std::rc::Rc::new(index.match_word(w, query.is_typing(w), &matcher)),
        })
        .collect();
    run(index, &query, &words, None).hits
}

/// The hits of a query, and the entries that matched enough of its words (whether or not
/// their score was high enough): the only ones a longer query can find by its words.
pub(crate) struct Outcome {
    pub hits: Vec<Hit>,
    pub qualified: Vec<u32>,
}

/// Scores a parsed query and its word matches. The word reading looks only at `candidates`
/// (sorted entry ids) when given; the template reading always looks at every message.
pub(crate) fn run(
    index: &Index,
    query: &Query,
    words: &[QueryWord],
    candidates: Option<&[u32]>,
) -> Outcome {
    let mut best: HashMap<u32, Hit> = HashMap::new();
    let (scored, mut qualified) = word_reading(index, words, candidates);
    qualified.sort_unstable();
    for (entry, score, field) in scored {
        best.insert(
            entry,
            Hit {
                entry: index.entries[entry as usize],
                score,
                field,
                captures: Vec::new(),
            },
        );
    }
    for (entry, hit) in template_reading(index, query) {
        // The better score wins; on a tie, the reading that captured values.
        let better = best.get(&entry).is_none_or(|old| {
            hit.score > old.score
                || (hit.score == old.score && old.captures.is_empty() && !hit.captures.is_empty())
        });
        match best.get_mut(&entry) {
            Some(old) if !better => {
                // The words scored higher, but the message still tells the values.
                if old.captures.is_empty() && !hit.captures.is_empty() {
                    old.captures = hit.captures;
                    old.field = hit.field;
                }
            }
            _ => {
                best.insert(entry, hit);
            }
        }
    }
    let mut hits: Vec<Hit> = best.into_values().collect();
    hits.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| {
                index.fields[a.field as usize]
                    .text
                    .len()
                    .cmp(&index.fields[b.field as usize].text.len())
            })
            .then_with(|| (a.entry.guide, a.entry.error).cmp(&(b.entry.guide, b.entry.error)))
    });
    Outcome { hits, qualified }
}

/// How many of `n` significant words an error must match.
#[must_use]
pub fn needed_words(n: usize) -> usize {
    if n <= EXACT_QUERY_WORDS {
        n
    } else if n <= SHORT_QUERY_WORDS {
        n - 1
    } else {
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss
        )]
        let share = (n as f32 * LONG_QUERY_SHARE).ceil() as usize;
        share
    }
}

/// The word reading: (entry, score 0–100, best field) for entries that match enough words
/// well enough, and every entry that matched enough words.
fn word_reading(
    index: &Index,
    words: &[QueryWord],
    candidates: Option<&[u32]>,
) -> (Vec<(u32, u32, u32)>, Vec<u32>) {
    if words.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let n = index.entries.len();
    let needed = needed_words(words.len());
    let allowed = candidates.map(|c| {
        let mut mask = vec![false; n];
        for &e in c {
            if let Some(slot) = mask.get_mut(e as usize) {
                *slot = true;
            }
        }
        mask
    });
    // Dense per-entry accumulators: the sum of each word's best contribution, how many
    // words matched, and the field of the single best contribution.
    let mut sum = vec![0f32; n];
    let mut matched = vec![0u16; n];
    let mut best = vec![(0f32, 0u32); n];
    let mut this_word = vec![(0f32, 0u32); n];
    let (mut touched, mut seen): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    for word in words {
        for m in &word.matches.terms {
            for p in &index.terms[m.term as usize].postings {
                let e = p.entry as usize;
                if allowed.as_ref().is_some_and(|a| !a[e]) {
                    continue;
                }
                let contribution = m.quality * index.field_weights[p.field as usize];
                let slot = &mut this_word[e];
                if slot.0 == 0.0 {
                    touched.push(e);
                }
                if contribution > slot.0 {
                    *slot = (contribution, p.field);
                }
            }
        }
        for e in touched.drain(..) {
            let (contribution, field) = std::mem::take(&mut this_word[e]);
            if matched[e] == 0 {
                seen.push(e);
            }
            sum[e] += contribution;
            matched[e] += 1;
            if contribution > best[e].0 {
                best[e] = (contribution, field);
            }
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let words_n = words.len() as f32;
    let mut qualified = Vec::new();
    let mut scored = Vec::new();
    for e in seen {
        if usize::from(matched[e]) < needed {
            continue;
        }
        let entry = u32::try_from(e).unwrap_or(u32::MAX);
        qualified.push(entry);
        let score = 100.0 * sum[e] / words_n;
        if score >= MIN_WORD_SCORE {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            scored.push((entry, score.round() as u32, best[e].1));
        }
    }
    (scored, qualified)
}

/// The template reading: messages that the query explains well enough.
fn template_reading(index: &Index, query: &Query) -> Vec<(u32, Hit)> {
    let word_tokens = query
        .tokens
        .iter()
        .filter(|t| t.class == Class::Word)
        .count();
    if word_tokens < 2 {
        return Vec::new();
    }
    // Count, per template, how many of its distinct (non-stop) words the query holds. A
    // template can reach the threshold only if it has at most `limit` distinct words, and
    // each word's templates are sorted by that number: stop there.
    let mut seen: Vec<&str> = query
        .tokens
        .iter()
        .map(|t| t.text.as_str())
        .filter(|w| !is_stopword(w))
        .collect();
    seen.sort_unstable();
    seen.dedup();
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let limit = (seen.len() as f32 / TEMPLATE_THRESHOLD).floor() as usize;
    let mut counts = vec![0u16; index.templates.len()];
    let mut touched: Vec<u32> = Vec::new();
    for word in seen {
        if let Some(&term) = index.lookup.get(word) {
            for &t in &index.terms[term as usize].templates {
                if index.templates[t as usize].distinct > limit {
                    break;
                }
                if counts[t as usize] == 0 {
                    touched.push(t);
                }
                counts[t as usize] += 1;
            }
        }
    }
    touched.sort_unstable();
    let mut out = Vec::new();
    for t in touched {
        let count = usize::from(counts[t as usize]);
        let tref = &index.templates[t as usize];
        let entry = index.fields[tref.field as usize].entry;
        #[allow(clippy::cast_precision_loss)]
        if (count as f32) < tref.distinct as f32 * TEMPLATE_THRESHOLD {
            continue;
        }
        let alignment = template::align(&tref.template, &query.tokens, query.text);
        // A short template must be matched whole: three common words prove little.
        let threshold = if tref.template.literals < 4 {
            1.0
        } else {
            TEMPLATE_THRESHOLD
        };
        if alignment.score + f32::EPSILON < threshold {
            continue;
        }
        let captures = alignment
            .captures
            .into_iter()
            .map(|(name, range)| (name, query.text[range].to_owned()))
            .collect();
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let score = (100.0 * alignment.score).round() as u32;
        out.push((
            entry,
            Hit {
                entry: index.entries[entry as usize],
                score,
                field: tref.field,
                captures,
            },
        ));
    }
    out
}
