//! The word reading: how much of what the query says an error holds, in any of its texts.
//!
//! Each meaningful query word weighs as much as it tells apart: the inverse document
//! frequency of the vocabulary word it matches (a word the guides do not know weighs like
//! a common one, so a synonym or a stray word costs a little, not everything). An error's
//! share is the weight of the words it holds — times how well each matched (exact, a word
//! form, a prefix, a typo) and in which field (message and title above symptom above
//! cause above tag) — over the weight of all of them. The score is that share, lowered
//! when the matched words are few and common: one generic word is never a confident match.

use super::index::Index;
use super::vocab::WordMatches;

/// Least share of the query's weight an error must hold.
const MIN_SHARE: f32 = 0.5;
/// Least share when the error holds just one of several meaningful words: the others must
/// be next to weightless (`kernel panic - not syncing` is not about sync templates).
const MIN_SHARE_ONE_WORD: f32 = 0.75;
/// Lowest word-reading score (0 to 100) that counts.
const MIN_SCORE: f32 = 25.0;
/// Highest word-reading score: 100 is kept for a whole message or title (the template
/// reading).
const MAX_SCORE: f32 = 95.0;
/// Weight of a word the guides do not know, as a share of the weight of the rarest word:
/// enough that another product's names in a log line (`psql`, `HikariPool`, `localhost`)
/// keep its few generic words (`connection`, `server`, `failed`) under half the query, and
/// little enough that a synonym in a question costs part of the share, not all of it.
const UNKNOWN_WEIGHT: f32 = 0.6;
/// Weight of the last part of a compound, its head, as a share of its own: the head names
/// the kind of thing (`fel`, `problem`, `dubbletter`), the parts before it say which, and
/// only an entry that holds those gets anything for the head.
const HEAD_WEIGHT: f32 = 0.5;
/// Evidence (summed weight of matched words) for full confidence, in rarest-word units.
const FULL_EVIDENCE: f32 = 1.5;

/// A query word and the vocabulary words it matches.
#[derive(Clone, Debug)]
pub struct QueryWord {
    pub text: String,
    /// The word of the query this one came from: the parts of a compound share it (see
    /// [`super::compound`]).
    pub group: u32,
    pub matches: std::rc::Rc<WordMatches>,
}

/// Per-entry accumulators, reused between queries.
#[derive(Debug, Default)]
pub struct Scratch {
    share: Vec<f32>,
    evidence: Vec<f32>,
    /// Words of the query (a compound's parts together) an entry holds whole.
    matched: Vec<u16>,
    /// Parts of the current compound an entry holds (a bit each).
    parts: Vec<u16>,
    in_group: Vec<usize>,
    best: Vec<(f32, u32)>,
    this_word: Vec<(f32, u32, f32)>,
    touched: Vec<usize>,
    seen: Vec<usize>,
    /// Every (entry, field, weight) a word contributed, to measure how much of an entry's
    /// match stands in one field.
    trail: Vec<(u32, u32, f32)>,
    local: Vec<f32>,
}

/// The weight of a word: the rarity of its best match (of the most common of its equally
/// good matches: a word is as generic as its most common form), or the unknown weight.
fn weight(index: &Index, word: &QueryWord, rarest: f32) -> f32 {
    word.matches
        .terms
        .iter()
        .max_by(|a, b| {
            a.quality
                .total_cmp(&b.quality)
                .then(index.idf(b.term).total_cmp(&index.idf(a.term)))
        })
        .map_or_else(
            || {
                if super::compound::unknown_kind(index, &word.text) {
                    rarest
                } else {
                    UNKNOWN_WEIGHT * rarest
                }
            },
            |m| index.idf(m.term),
        )
}

/// (entry, score 0–100, best field) of every entry that holds enough of the query.
pub fn reading(index: &Index, words: &[QueryWord], scratch: &mut Scratch) -> Vec<(u32, u32, u32)> {
    if words.is_empty() || index.entries.is_empty() {
        return Vec::new();
    }
    let n = index.entries.len();
    #[allow(clippy::cast_precision_loss)]
    let rarest = (1.0 + n as f32).ln();
    let s = scratch;
    for v in [&mut s.share, &mut s.evidence] {
        v.clear();
        v.resize(n, 0.0);
    }
    s.best.clear();
    s.best.resize(n, (0.0, 0));
    for v in [&mut s.matched, &mut s.parts] {
        v.clear();
        v.resize(n, 0);
    }
    s.in_group.clear();
    s.this_word.clear();
    s.this_word.resize(n, (0.0, 0, 0.0));
    s.seen.clear();
    s.trail.clear();
    // Where each word's compound starts (a plain word is a compound of one part).
    let starts: Vec<usize> = (0..words.len())
        .scan(0, |start, i| {
            if i > 0 && words[i - 1].group != words[i].group {
                *start = i;
            }
            Some(*start)
        })
        .collect();
    let is_head =
        |i: usize| i > starts[i] && words.get(i + 1).is_none_or(|n| n.group != words[i].group);
    let weights: Vec<f32> = words
        .iter()
        .enumerate()
        .map(|(i, w)| weight(index, w, rarest) * if is_head(i) { HEAD_WEIGHT } else { 1.0 })
        .collect();
    let total: f32 = weights.iter().sum();
    let mut groups = 0;
    for (i, (word, &w)) in words.iter().zip(&weights).enumerate() {
        let part = i - starts[i];
        for m in &word.matches.terms {
            for p in &index.terms[m.term as usize].postings {
                let e = p.entry as usize;
                let contribution = m.quality * index.field_weights[p.field as usize];
                let slot = &mut s.this_word[e];
                if slot.0 == 0.0 {
                    s.touched.push(e);
                }
                if contribution > slot.0 {
                    *slot = (contribution, p.field, m.quality);
                }
            }
        }
        // The parts before a compound's head, which an entry must hold for the compound
        // to count there.
        let modifiers = (1u16 << part.min(15)) - 1;
        for e in s.touched.drain(..) {
            let (contribution, field, quality) = std::mem::take(&mut s.this_word[e]);
            if is_head(i) && s.parts[e] & modifiers != modifiers {
                // `fel` of `tokenfel` alone is not about tokens.
                continue;
            }
            if s.share[e] == 0.0 {
                s.seen.push(e);
            }
            s.share[e] += w * contribution;
            s.evidence[e] += w * quality;
            if s.parts[e] == 0 {
                s.in_group.push(e);
            }
            s.parts[e] |= 1 << part.min(15);
            s.trail
                .push((u32::try_from(e).unwrap_or(u32::MAX), field, w * quality));
            if contribution > s.best[e].0 {
                s.best[e] = (contribution, field);
            }
        }
        // The end of a word of the query: a compound counts for an entry that holds the
        // parts before its head.
        if words.get(i + 1).is_none_or(|next| next.group != word.group) {
            let modifiers = if part == 0 { 1 } else { modifiers };
            for e in s.in_group.drain(..) {
                if std::mem::take(&mut s.parts[e]) & modifiers == modifiers {
                    s.matched[e] = s.matched[e].saturating_add(1);
                }
            }
            groups += 1;
        }
    }
    // The weight matched in the entry's best field: words found together in one text say
    // more than the same words spread over several.
    s.local.clear();
    s.local.resize(n, 0.0);
    for &(e, field, w) in &s.trail {
        if s.best[e as usize].1 == field {
            s.local[e as usize] += w;
        }
    }
    let mut scored = Vec::new();
    for &e in &s.seen {
        let share = s.share[e] / total;
        let least = if s.matched[e] <= 1 && groups > 1 {
            MIN_SHARE_ONE_WORD
        } else {
            MIN_SHARE
        };
        if share < least {
            continue;
        }
        let confidence = (s.evidence[e] / (FULL_EVIDENCE * rarest)).min(1.0);
        let matched: f32 = s.evidence[e].max(f32::MIN_POSITIVE);
        let together = (s.local[e] / matched).min(1.0);
        let score =
            (100.0 * share * (0.3 + 0.7 * confidence) * (0.8 + 0.2 * together)).min(MAX_SCORE);
        if score >= MIN_SCORE {
            let entry = u32::try_from(e).unwrap_or(u32::MAX);
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            scored.push((entry, score.round() as u32, s.best[e].1));
        }
    }
    scored
}
