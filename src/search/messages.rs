//! The template reading: which known messages (and titles) a paste holds, where, and with
//! which values in their `{placeholders}`.
//!
//! Every token of the paste is looked up once, as written and by its word forms. A
//! template is aligned only when the paste holds enough of its distinct words, only
//! against the paste tokens that can match one of them, and only the most promising
//! [`MAX_ALIGNED`] templates are aligned at all: the cost is bounded whatever the paste.

use rustc_hash::FxHashMap;

use super::align::Aligner;
use super::normalize::Class;
use super::query::Query;
use super::template::{self, EXACT, FORM, Item, MAX_PASTE_TOKENS};
use super::{Hit, Index};

/// Share of a template's distinct words a paste must hold before it is aligned.
const MIN_HELD: f32 = 0.3;
/// Most templates aligned for one query.
pub const MAX_ALIGNED: usize = 48;
/// Lowest template score (0 to 1) that counts as a match.
const THRESHOLD: f32 = 0.6;
/// Templates with fewer literal words must be matched whole and as written.
const SHORT_TEMPLATE: usize = 4;

/// Buffers reused between queries.
#[derive(Debug, Default)]
pub struct Scratch {
    counts: Vec<u16>,
    touched: Vec<u32>,
    aligner: Aligner,
    forms: Vec<u32>,
}

/// What one paste token can match: its exact term and the terms of its other forms.
struct TokenTerms {
    exact: Vec<u32>,
    forms: Vec<std::ops::Range<usize>>,
    flat: Vec<u32>,
}

impl TokenTerms {
    fn forms(&self, k: usize) -> &[u32] {
        &self.flat[self.forms[k].clone()]
    }
}

/// (entry, hit) for every template the paste matches well enough.
pub fn reading(index: &Index, query: &Query, scratch: &mut Scratch) -> Vec<(u32, Hit)> {
    let tokens = &query.tokens;
    let word_tokens: Vec<usize> = (0..tokens.len())
        .filter(|&k| tokens[k].class == Class::Word)
        .collect();
    if word_tokens.len() < 2 || index.templates.is_empty() {
        return Vec::new();
    }
    // Each distinct token once: its terms, and where each term occurs.
    let mut by_text: FxHashMap<&str, (u32, std::ops::Range<usize>)> = FxHashMap::default();
    let mut terms = TokenTerms {
        exact: Vec::with_capacity(tokens.len()),
        forms: Vec::with_capacity(tokens.len()),
        flat: Vec::new(),
    };
    let mut occurs: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for (k, token) in tokens.iter().enumerate() {
        let (exact, forms) = by_text
            .entry(token.text.as_str())
            .or_insert_with(|| {
                let exact = index.lookup.get(&token.text).copied().unwrap_or(u32::MAX);
                let start = terms.flat.len();
                if token.class == Class::Word {
                    index.stem_terms(&token.text, &mut scratch.forms);
                    terms.flat.extend_from_slice(&scratch.forms);
                }
                (exact, start..terms.flat.len())
            })
            .clone();
        terms.exact.push(exact);
        terms.forms.push(forms.clone());
        // Stopwords are found too (templates hold them), but count for no template.
        if exact != u32::MAX {
            occurs.entry(exact).or_default().push(k);
        }
        for &f in &terms.flat[forms] {
            occurs.entry(f).or_default().push(k);
        }
    }
    // How many distinct words of each template the paste holds.
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let limit = (occurs.len() as f32 / MIN_HELD).ceil() as usize;
    scratch.counts.resize(index.templates.len(), 0);
    for &term in occurs.keys() {
        for &t in &index.terms[term as usize].templates {
            if index.templates[t as usize].distinct > limit {
                break;
            }
            let c = &mut scratch.counts[t as usize];
            if *c == 0 {
                scratch.touched.push(t);
            }
            *c = c.saturating_add(1);
        }
    }
    let mut candidates: Vec<(f32, u32)> = Vec::new();
    for t in scratch.touched.drain(..) {
        let count = std::mem::take(&mut scratch.counts[t as usize]);
        let distinct = index.templates[t as usize].distinct.max(1);
        #[allow(clippy::cast_precision_loss)]
        let held = f32::from(count) / distinct as f32;
        if held >= MIN_HELD && (count >= 2 || distinct == 1) {
            candidates.push((held, t));
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    candidates.truncate(MAX_ALIGNED);

    let (first_word, last_word) = (word_tokens[0], word_tokens[word_tokens.len() - 1]);
    let mut out = Vec::new();
    let mut positions: Vec<usize> = Vec::new();
    for (_, t) in candidates {
        let tref = &index.templates[t as usize];
        let literal = |i: usize| match &tref.template.items[tref.template.literal_items[i]] {
            Item::Literal(w) => &**w,
            Item::Hole(_) => "",
        };
        // A word cut by the edge of the paste: the first may end a literal, the last
        // begin one.
        let cut_matches = |i: usize, k: usize| {
            let (lit, tok) = (literal(i), tokens[k].text.as_str());
            tok.len() >= 2
                && tok.len() < lit.len()
                && ((k == first_word && lit.ends_with(tok))
                    || (k == last_word && lit.starts_with(tok)))
        };
        positions.clear();
        for &term in &tref.terms {
            if let Some(list) = occurs.get(&term) {
                positions.extend_from_slice(list);
            }
        }
        for edge in [first_word, last_word] {
            if (0..tref.terms.len()).any(|i| cut_matches(i, edge)) {
                positions.push(edge);
            }
        }
        positions.sort_unstable();
        positions.dedup();
        positions.truncate(MAX_PASTE_TOKENS);
        let weight = |i: usize, k: usize| {
            let term = tref.terms[i];
            if terms.exact[k] == term && term != u32::MAX {
                EXACT
            } else if terms.forms(k).contains(&term) || cut_matches(i, k) {
                FORM
            } else {
                0
            }
        };
        let alignment = template::align_with(
            &mut scratch.aligner,
            &tref.template,
            tokens,
            &query.text,
            &positions,
            weight,
        );
        let short = tref.template.literals < SHORT_TEMPLATE;
        let threshold = if short { 1.0 } else { THRESHOLD };
        if alignment.score + f32::EPSILON < threshold {
            continue;
        }
        let entry = index.fields[tref.field as usize].entry;
        let mut hit_terms: Vec<u32> = alignment
            .literals
            .iter()
            .map(|&i| tref.terms[i])
            .filter(|&t| t != u32::MAX)
            .collect();
        hit_terms.sort_unstable();
        hit_terms.dedup();
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let score = (100.0 * alignment.score).round() as u32;
        out.push((
            entry,
            Hit {
                entry: index.entries[entry as usize],
                score: score.min(100),
                field: tref.field,
                captures: alignment
                    .captures
                    .into_iter()
                    .map(|(name, range)| (name, query.text[range].to_owned()))
                    .collect(),
                terms: hit_terms,
                at: alignment.matched.first().map(|&k| tokens[k].span.start),
            },
        ));
    }
    out
}
