//! Which text of a hit to show, and which characters of it to highlight. Computed on
//! demand, for the rows on screen only.

use std::collections::HashSet;
use std::ops::Range;

use fuzzy_matcher::skim::SkimMatcherV2;

use super::normalize;
use super::{Hit, Index, Query};

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
