//! Which text of a hit to show, and which characters of it to highlight. Computed on
//! demand, for the rows on screen only.
//!
//! [`show_field`] and [`marks`] work from the terms a [`Hit`] carries: no query is matched
//! again. [`Highlighter`] is the older form that matches the query's words itself.

use std::collections::HashSet;
use std::ops::Range;

use fuzzy_matcher::skim::SkimMatcherV2;

use super::normalize;
use super::{Hit, Index, Query};

/// Whether a token of a field's text is one of `terms` (sorted term ids), whole or by a
/// `camelCase` part.
fn holds(index: &Index, terms: &[u32], text: &str, token: &normalize::Token) -> bool {
    let has = |w: &str| {
        index
            .lookup
            .get(w)
            .is_some_and(|t| terms.binary_search(t).is_ok())
    };
    has(&token.text)
        || normalize::camel_parts(&text[token.span.clone()])
            .iter()
            .any(|p| has(p))
}

/// Byte ranges of a field's text that hold one of the hit's matched terms.
#[must_use]
pub fn marks(index: &Index, hit: &Hit, field: u32) -> Vec<Range<usize>> {
    let Some(f) = index.fields.get(field as usize) else {
        return Vec::new();
    };
    normalize::tokens(&f.text)
        .into_iter()
        .filter(|t| holds(index, &hit.terms, &f.text, t))
        .map(|t| t.span)
        .collect()
}

/// The field of a hit to show: a message found in a paste, else the field of the error
/// that holds the most of its matched terms (the scoring field on a tie).
#[must_use]
pub fn show_field(index: &Index, hit: &Hit) -> u32 {
    if hit.at.is_some() || !hit.captures.is_empty() {
        return hit.field;
    }
    let Some(field) = index.fields.get(hit.field as usize) else {
        return hit.field;
    };
    let count = |f: u32| {
        let text = &index.fields[f as usize].text;
        let mut found: Vec<u32> = Vec::new();
        for t in normalize::tokens(text) {
            for w in std::iter::once(t.text.clone()).chain(normalize::camel_parts(&text[t.span])) {
                if let Some(&id) = index.lookup.get(&w)
                    && hit.terms.binary_search(&id).is_ok()
                    && !found.contains(&id)
                {
                    found.push(id);
                }
            }
        }
        found.len()
    };
    let best = count(hit.field);
    index
        .fields_of(field.entry)
        .map(|f| (count(f), f))
        .filter(|&(n, _)| n > best)
        .max_by_key(|&(n, f)| (n, std::cmp::Reverse(f)))
        .map_or(hit.field, |(_, f)| f)
}

/// The words of a query and every vocabulary word they match, folded.
#[derive(Debug)]
pub struct Highlighter<'i> {
    index: &'i Index,
    /// Every folded word worth highlighting.
    wanted: HashSet<String>,
    /// Per significant query word, the folded words it matches.
    per_word: Vec<HashSet<String>>,
}

impl<'i> Highlighter<'i> {
    #[must_use]
    pub fn new(index: &'i Index, query: &str) -> Highlighter<'i> {
        let parsed = Query::parse(query, index);
        let matcher = SkimMatcherV2::default();
        let mut wanted: HashSet<String> = parsed.tokens.iter().map(|t| t.text.clone()).collect();
        let mut per_word = Vec::new();
        for word in &parsed.words {
            let terms: HashSet<String> = index
                .match_word(word, parsed.is_typing(word), &matcher)
                .terms
                .iter()
                .map(|m| index.terms[m.term as usize].text.clone())
                .collect();
            wanted.extend(terms.iter().cloned());
            per_word.push(terms);
        }
        Highlighter {
            index,
            wanted,
            per_word,
        }
    }

    /// Byte ranges of a field's text that match the query.
    #[must_use]
    pub fn ranges(&self, field: u32) -> Vec<Range<usize>> {
        let Some(field) = self.index.fields.get(field as usize) else {
            return Vec::new();
        };
        let text = &field.text;
        normalize::tokens(text)
            .into_iter()
            .filter(|t| {
                self.wanted.contains(&t.text)
                    || normalize::camel_parts(&text[t.span.clone()])
                        .iter()
                        .any(|p| self.wanted.contains(p))
            })
            .map(|t| t.span)
            .collect()
    }

    /// The field of a hit that shows most of the query: the one with the most matched
    /// words, the scoring field on a tie. A template hit shows its message.
    #[must_use]
    pub fn best_field(&self, hit: &Hit) -> u32 {
        if !hit.captures.is_empty() {
            return hit.field;
        }
        let entry = self.index.fields[hit.field as usize].entry;
        // How many of the query's words a field holds.
        let count = |f: u32| {
            let text = &self.index.fields[f as usize].text;
            let mut folded: HashSet<String> = HashSet::new();
            for t in normalize::tokens(text) {
                folded.extend(normalize::camel_parts(&text[t.span.clone()]));
                folded.insert(t.text);
            }
            self.per_word
                .iter()
                .filter(|terms| terms.iter().any(|t| folded.contains(t)))
                .count()
        };
        let best = count(hit.field);
        self.index
            .fields_of(entry)
            .map(|f| (count(f), f))
            .filter(|&(n, _)| n > best)
            .max_by_key(|&(n, f)| (n, std::cmp::Reverse(f)))
            .map_or(hit.field, |(_, f)| f)
    }
}
