//! Compound words: Swedish writes `anslutningsfel`, `autentiseringsproblem`, `tokenfel`
//! where the guides have the parts (`anslutning`, `fel`), and the guides write
//! `uppdateringstoken`, `integrationsanvändaren` where a person types `token` or
//! `integrations användaren`. Both sides are split with the index's own vocabulary, never a
//! list of compounds.
//!
//! A part is known when the vocabulary has it as a word or as the stem of a word (so
//! `autentisering` is known from `autentiseringen`), it is at least [`MIN_PART`] letters
//! and not a stopword; a part before another may end in the linking `s`
//! (`anslutning·s·fel`). A word splits only when every part is known, so a compound with an
//! unknown part (`skrivarfel`, printer error) stays one unknown word and cannot make an
//! unrelated text match by its known half.
//!
//! - Query side ([`split_query_word`]): an unknown word with no other form in the guides is
//!   read as its parts; each part is then matched (and weighed) as a word of its own.
//! - Index side ([`Index::compounds`]): each vocabulary word that splits is listed under
//!   its parts, so a query word matches the compounds it is a part of, at
//!   [`PART_QUALITY`], below a word form: `token` finds `uppdateringstoken`, weighing as
//!   `token` does.
//!
//! Bounded: words longer than [`MAX_COMPOUND`] bytes are not split, at most
//! [`MAX_PARTS`] parts, and every check is a hash lookup.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::index::Index;
use super::normalize::{Class, Token};
use super::{is_stopword, stem};

/// Shortest part of a compound: its head (`fel`, `app`).
pub const MIN_PART: usize = 3;
/// Shortest part before the head (`mall`, `token`): three letters split too much
/// (`outlook` is not `out` + `look`).
pub const MIN_MODIFIER: usize = 4;
/// Most parts a word is split into.
pub const MAX_PARTS: usize = 3;
/// Longest word (in bytes) that is split.
pub const MAX_COMPOUND: usize = 40;
/// Quality of a match of a query word inside a compound of the guides.
pub const PART_QUALITY: f32 = 0.7;
/// Most compounds one word matches as a part.
const MAX_COMPOUND_MATCHES: usize = 32;

/// How a part is known: as a word (better) or as a stem only.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Known {
    Stem,
    Word,
}

/// Whether the vocabulary knows `part` (see the module docs).
fn known(index: &Index, part: &str) -> Option<Known> {
    if part.len() < MIN_PART || !part.chars().all(char::is_alphabetic) || is_stopword(part) {
        return None;
    }
    if index.lookup.contains_key(part) {
        Some(Known::Word)
    } else if part.len() > MIN_PART
        && (index.stems_sv.contains_key(part) || index.stems_en.contains_key(part))
    {
        // A three-letter stem is too often an ending: `sen` (of `senare`) in `instansen`.
        Some(Known::Stem)
    } else {
        None
    }
}

/// A known part that is followed by another: as written, or without a linking `s`.
fn known_modifier(index: &Index, part: &str) -> Option<(usize, Known)> {
    if part.len() < MIN_MODIFIER {
        return None;
    }
    if let Some(k) = known(index, part) {
        return Some((part.len(), k));
    }
    let bare = part.strip_suffix('s').filter(|b| b.len() >= MIN_MODIFIER)?;
    known(index, bare).map(|k| (bare.len(), k))
}

/// How good a reading is, larger is better: fewer parts, then more parts known as words
/// (not only as stems), then a longer shortest part.
type Rank = (std::cmp::Reverse<usize>, usize, usize);

/// The best way to read `word[start..]` as at most `parts` known parts: their byte ranges
/// in `word`, in reverse order (the head first), and the reading's rank.
fn best_split(
    index: &Index,
    word: &str,
    start: usize,
    parts: usize,
) -> Option<(Vec<Range<usize>>, Rank)> {
    let rest = &word[start..];
    if parts == 1 {
        let k = known(index, rest)?;
        let mut head = Vec::with_capacity(MAX_PARTS);
        head.push(start..word.len());
        let rank = (
            std::cmp::Reverse(1),
            usize::from(k == Known::Word),
            rest.len(),
        );
        return Some((head, rank));
    }
    let mut best: Option<(Vec<Range<usize>>, Rank)> = None;
    for (i, _) in rest
        .char_indices()
        .filter(|&(i, _)| i >= MIN_MODIFIER && rest.len() - i >= MIN_PART)
    {
        let Some((len, k)) = known_modifier(index, &rest[..i]) else {
            continue;
        };
        // The rest in as few parts as it can be read.
        let Some((mut ranges, (count, exact, shortest))) =
            (1..parts).find_map(|n| best_split(index, word, start + i, n))
        else {
            continue;
        };
        ranges.push(start..start + len);
        let rank = (
            std::cmp::Reverse(count.0 + 1),
            exact + usize::from(k == Known::Word),
            shortest.min(len),
        );
        if best.as_ref().is_none_or(|b| rank > b.1) {
            best = Some((ranges, rank));
        }
    }
    best
}

/// The known parts `word` is written together from, if it is a compound of at least two.
#[must_use]
pub fn split<'w>(index: &Index, word: &'w str) -> Option<Vec<&'w str>> {
    if word.len() < MIN_MODIFIER + MIN_PART || word.len() > MAX_COMPOUND {
        return None;
    }
    let (ranges, _) = best_split(index, word, 0, MAX_PARTS)?;
    Some(ranges.into_iter().rev().map(|r| &word[r]).collect())
}

/// The parts a query word stands for, when the guides do not know the word itself nor
/// another form of it: `anslutningsfel` → `anslutning`, `fel`. An inflected compound is
/// split by its stem (`autentiseringsproblemen` → `autentisering`, `problem`).
#[must_use]
pub fn split_query_word(index: &Index, word: &str, forms: &mut Vec<u32>) -> Option<Vec<String>> {
    if index.lookup.contains_key(word) {
        return None;
    }
    index.stem_terms(word, forms);
    if !forms.is_empty() {
        return None;
    }
    let owned = |parts: Vec<&str>| parts.into_iter().map(str::to_owned).collect();
    if let Some(parts) = split(index, word) {
        return Some(owned(parts));
    }
    if !stem::stems(word) {
        return None;
    }
    let sv = stem::swedish(word);
    if sv != word
        && let Some(parts) = split(index, &sv)
    {
        return Some(owned(parts));
    }
    let en = stem::english(word);
    (en != word).then(|| split(index, &en).map(owned)).flatten()
}

/// Two words of the query that the guides write as one (`integrations användaren`,
/// `kort beskrivningen`: Swedish compounds are often written apart): the joined word, when
/// the guides know it (as written or in another form) and do not know both halves as they
/// are. Only words next to each other with nothing but spaces or a hyphen between them.
#[must_use]
pub fn written_apart(
    index: &Index,
    text: &str,
    first: &Token,
    second: &Token,
    forms: &mut Vec<u32>,
) -> Option<String> {
    let known = |w: &str| index.lookup.contains_key(w);
    if first.class != Class::Word
        || second.class != Class::Word
        || first.text.len() < MIN_MODIFIER
        || second.text.len() < MIN_PART
        || first.text.len() + second.text.len() > MAX_COMPOUND
        || is_stopword(&first.text)
        || is_stopword(&second.text)
        || (known(&first.text) && known(&second.text))
        || !text
            .get(first.span.end..second.span.start)
            .is_some_and(|between| between.chars().all(|c| c == ' ' || c == '-'))
    {
        return None;
    }
    let joined = format!("{}{}", first.text, second.text);
    if known(&joined) {
        return Some(joined);
    }
    index.stem_terms(&joined, forms);
    (!forms.is_empty()).then_some(joined)
}

/// Whether an unknown word is a kind of something the guides know, named by a part they
/// do not know: `databasanslutningen` (the database connection) ends in `anslutningen`, but
/// no guide is about databases. Such a word says the text is about something else, so it
/// weighs as a rare word, not as a stray one.
#[must_use]
pub fn unknown_kind(index: &Index, word: &str) -> bool {
    if word.len() > MAX_COMPOUND {
        return false;
    }
    word.char_indices().any(|(i, _)| {
        i >= MIN_MODIFIER && word.len() - i > MIN_PART && known(index, &word[i..]).is_some()
    })
}

/// The terms a known part stands for: the word itself, or the words of which it is the stem.
fn part_terms(index: &Index, part: &str, out: &mut Vec<u32>) {
    out.extend(index.lookup.get(part).copied());
    for map in [&index.stems_sv, &index.stems_en] {
        if let Some(list) = map.get(part) {
            out.extend_from_slice(list);
        }
    }
}

/// Every vocabulary word that is a compound, listed under the terms of its parts.
pub(crate) fn compounds(index: &Index) -> FxHashMap<u32, Vec<u32>> {
    let mut out: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    let mut terms = Vec::new();
    for (id, term) in index.terms.iter().enumerate() {
        let Some(parts) = split(index, &term.text) else {
            continue;
        };
        let id = u32::try_from(id).unwrap_or(u32::MAX);
        terms.clear();
        for part in parts {
            part_terms(index, part, &mut terms);
        }
        terms.sort_unstable();
        terms.dedup();
        for &part in &terms {
            if part != id {
                out.entry(part).or_default().push(id);
            }
        }
    }
    out
}

impl Index {
    /// Adds the compounds of the guides that the terms in `matched` are parts of, at
    /// [`PART_QUALITY`], to `out` (terms already in `out` are left alone).
    pub(crate) fn compound_matches(&self, matched: &[u32], out: &mut Vec<super::vocab::TermMatch>) {
        let mut added = 0;
        for term in matched {
            let Some(list) = self.compounds.get(term) else {
                continue;
            };
            for &c in list {
                if added >= MAX_COMPOUND_MATCHES {
                    return;
                }
                if out.iter().all(|m| m.term != c) {
                    out.push(super::vocab::TermMatch {
                        term: c,
                        quality: PART_QUALITY,
                    });
                    added += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::catalog::{Catalog, Source};

    fn index() -> Index {
        Index::new(&Catalog::load(&[Source::Builtin]))
    }

    #[test]
    fn a_compound_of_known_words_splits_with_or_without_a_linking_s() {
        let index = index();
        let parts = |w: &str| split_query_word(&index, w, &mut Vec::new());
        assert_eq!(parts("tokenfel"), Some(vec!["token".into(), "fel".into()]));
        let ans = parts("anslutningsfel").expect("splits");
        assert_eq!(ans.last().map(String::as_str), Some("fel"));
        assert!(ans[0].starts_with("anslutning"), "{ans:?}");
        let auth = parts("autentiseringsproblemen").expect("splits by its stem");
        assert_eq!(auth, ["autentisering", "problem"]);
    }

    #[test]
    fn a_word_with_an_unknown_part_or_a_known_form_stays_whole() {
        let index = index();
        let parts = |w: &str| split_query_word(&index, w, &mut Vec::new());
        // Printer error: "skrivar" is not a word of the guides.
        assert_eq!(parts("skrivarfel"), None);
        // Known words and their forms are not compounds to the query.
        assert_eq!(parts("arbetsobjekt"), None);
        assert_eq!(parts("anslutningarna"), None);
        // Stopwords are no parts: "till" + "stand".
        assert_eq!(parts("tillstandfel"), None);
    }

    #[test]
    fn words_written_apart_are_joined_only_into_a_word_of_the_guides() {
        let index = index();
        let join = |text: &str| {
            let tokens = crate::search::normalize::tokens(text);
            written_apart(&index, text, &tokens[0], &tokens[1], &mut Vec::new())
        };
        assert_eq!(
            join("kort beskrivningen").as_deref(),
            Some("kortbeskrivningen")
        );
        assert_eq!(join("åtgärds-gruppen").as_deref(), Some("atgardsgruppen"));
        // Both halves are words of the guides: they stay apart.
        assert_eq!(join("status code"), None);
        // Not next to each other.
        assert_eq!(join("kort, beskrivningen"), None);
        assert_eq!(join("skrivar felet"), None);
    }

    #[test]
    fn a_part_finds_the_compounds_of_the_guides() {
        let index = index();
        let token = index.lookup["token"];
        let compound = index.lookup["uppdateringstoken"];
        assert!(index.compounds[&token].contains(&compound));
        // The parts of a compound are not listed under the compound itself.
        assert!(
            index
                .compounds
                .get(&compound)
                .is_none_or(|l| !l.contains(&compound))
        );
    }
}
