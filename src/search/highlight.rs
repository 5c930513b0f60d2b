//! Which characters of a matched text to highlight. Computed on demand, for the rows on
//! screen only.

use std::collections::HashSet;
use std::ops::Range;

use fuzzy_matcher::skim::SkimMatcherV2;

use super::normalize;
use super::{Index, Query};

/// Byte ranges of `field`'s text that match words of `query`.
#[must_use]
pub fn highlight(index: &Index, field: u32, query: &str) -> Vec<Range<usize>> {
    let Some(field) = index.fields.get(field as usize) else {
        return Vec::new();
    };
    let parsed = Query::parse(query, index);
    let matcher = SkimMatcherV2::default();
    let mut wanted: HashSet<&str> = parsed.tokens.iter().map(|t| t.text.as_str()).collect();
    for word in &parsed.words {
        for m in index
            .match_word(word, parsed.is_typing(word), &matcher)
            .terms
        {
            wanted.insert(index.terms[m.term as usize].text.as_str());
        }
    }
    let text = &field.text;
    normalize::tokens(text)
        .into_iter()
        .filter(|t| {
            wanted.contains(t.text.as_str())
                || normalize::camel_parts(&text[t.span.clone()])
                    .iter()
                    .any(|p| wanted.contains(p.as_str()))
        })
        .map(|t| t.span)
        .collect()
}
