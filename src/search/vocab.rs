//! Matching one query word against the vocabulary: exact, then other forms of the word
//! (English and Swedish stems), then prefix (for the word being typed, or a long
//! abbreviation), then fuzzy: words the query word is a subsequence of (letters missing),
//! ranked by fuzzy-matcher's score, and words within an edit distance (letters added,
//! doubled or swapped). Exact ranks above a form, a form above prefix and fuzzy.
//!
//! Fuzzy candidates come from buckets of the same first letter and a close length, so the
//! cost grows with the vocabulary's spread, not with the number of errors.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::index::Index;

/// A vocabulary word that a query word matches, and how well (0 to 1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TermMatch {
    pub term: u32,
    pub quality: f32,
}

/// The terms a word matches.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WordMatches {
    pub terms: Vec<TermMatch>,
    /// The prefix expansion was cut at its limit: a longer word may match terms this did not.
    pub truncated: bool,
}

/// Most terms one prefix may expand to; a longer prefix narrows it.
const MAX_PREFIX_TERMS: usize = 64;
/// Most fuzzy candidates kept for one word, the best by fuzzy-matcher's score.
const MAX_FUZZY_TERMS: usize = 8;
/// Quality of a match by another form of the word (a stem shared).
pub const FORM_QUALITY: f32 = 0.9;

/// Whether prefixes of a word are matched: `typing` is the word at the cursor. A finished
/// word of five letters or more may stand for a longer one (`config`, `authent`); four
/// are too often a word of their own (`port` is not `portal`).
#[must_use]
pub fn allows_prefix(word_len: usize, typing: bool) -> bool {
    if typing { word_len >= 2 } else { word_len >= 5 }
}

impl Index {
    /// Every term `word` matches, best quality per term.
    #[must_use]
    pub fn match_word(&self, word: &str, typing: bool, matcher: &SkimMatcherV2) -> WordMatches {
        self.match_word_as(word, typing, true, matcher)
    }

    /// Like [`Index::match_word`]; `loose` off matches only exact words and forms (for
    /// the words of a long paste, where prefixes and typos would only add noise).
    #[must_use]
    pub fn match_word_as(
        &self,
        word: &str,
        typing: bool,
        loose: bool,
        matcher: &SkimMatcherV2,
    ) -> WordMatches {
        let mut out: Vec<TermMatch> = Vec::new();
        let mut truncated = false;
        let exact = self.lookup.get(word).copied();
        if let Some(term) = exact {
            out.push(TermMatch { term, quality: 1.0 });
        }
        let mut forms = Vec::new();
        self.stem_terms(word, &mut forms);
        out.extend(forms.iter().map(|&term| TermMatch {
            term,
            quality: FORM_QUALITY,
        }));
        if loose {
            // `token` also finds `uppdateringstoken`.
            let mut parts = forms;
            parts.extend(exact);
            self.compound_matches(&parts, &mut out);
        } else {
            return WordMatches {
                terms: out,
                truncated,
            };
        }
        let len = word.chars().count();
        if allows_prefix(len, typing) {
            truncated = self.prefix_matches(word, len, exact, &mut out);
        }
        if exact.is_none() && !out.iter().any(|m| m.quality >= FORM_QUALITY) && len >= 4 {
            self.fuzzy_matches(word, len, matcher, &mut out);
        }
        WordMatches {
            terms: out,
            truncated,
        }
    }

    /// Adds the terms `word` is a prefix of; returns whether there were more than allowed.
    fn prefix_matches(
        &self,
        word: &str,
        len: usize,
        exact: Option<u32>,
        out: &mut Vec<TermMatch>,
    ) -> bool {
        let start = self
            .sorted
            .partition_point(|&t| self.terms[t as usize].text.as_str() < word);
        let mut range = self.sorted[start..]
            .iter()
            .take_while(|&&t| self.terms[t as usize].text.starts_with(word))
            .filter(|&&t| Some(t) != exact);
        for &term in range.by_ref().take(MAX_PREFIX_TERMS) {
            if out.iter().any(|m| m.term == term) {
                continue;
            }
            let tlen = self.terms[term as usize].text.chars().count();
            #[allow(clippy::cast_precision_loss)]
            let quality = 0.6 + 0.3 * len as f32 / tlen as f32;
            out.push(TermMatch { term, quality });
        }
        range.next().is_some()
    }

    fn fuzzy_matches(
        &self,
        word: &str,
        len: usize,
        matcher: &SkimMatcherV2,
        out: &mut Vec<TermMatch>,
    ) {
        let Some(first) = word.chars().next() else {
            return;
        };
        let max_missing = (len / 4).max(1);
        let max_edits = if len >= 8 { 2 } else { 1 };
        // (term, quality, fuzzy-matcher's score): the score ranks candidates of the same
        // kind, so the closest subsequences survive the cut.
        let mut found: Vec<(u32, f32, i64)> = Vec::new();
        for tlen in len.saturating_sub(max_edits)..=len + max_missing {
            let Some(bucket) = self.buckets.get(&(first, tlen)) else {
                continue;
            };
            for &term in bucket {
                if out.iter().any(|m| m.term == term) {
                    continue;
                }
                let text = &self.terms[term as usize].text;
                // Letters missing from the query: the word is a subsequence of the term.
                let skim = if tlen > len {
                    matcher.fuzzy_match(text, word)
                } else {
                    None
                };
                #[allow(clippy::cast_precision_loss)]
                let (quality, rank) = if let Some(score) = skim {
                    (0.75 * len as f32 / tlen as f32, score)
                } else {
                    let d = strsim::osa_distance(word, text);
                    if d == 0 || d > max_edits {
                        continue;
                    }
                    (0.75 - 0.1 * d as f32, 0)
                };
                found.push((term, quality, rank));
            }
        }
        found.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
        out.extend(
            found
                .into_iter()
                .take(MAX_FUZZY_TERMS)
                .map(|(term, quality, _)| TermMatch { term, quality }),
        );
    }
}
