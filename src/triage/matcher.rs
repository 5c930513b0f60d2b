//! The known messages of a catalog, ready to be told in log text: every message of every
//! error, in every language it is written in, as a strict [`Pattern`], and one
//! [`Prefilter`] over a literal of each.

use crate::guide::{Catalog, Text};

use super::pattern::{Found, Pattern};
use super::prefilter::{self, Prefilter};
use super::words::Words;

/// A known error triage can report: indices into the catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Known {
    pub guide: usize,
    pub error: usize,
}

/// The matcher for a catalog (or one guide of it).
#[derive(Clone, Debug)]
pub struct Matcher {
    pub known: Vec<Known>,
    /// Each message's pattern and the index in `known` of its error.
    patterns: Vec<(Pattern, u32)>,
    /// For each pattern, the words that may stand for it in the prefilter.
    candidates: Vec<Vec<String>>,
}

/// One error found in a piece of text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// Index into [`Matcher::known`].
    pub known: u32,
    pub found: Found,
}

impl Matcher {
    /// Every message of every error of `catalog`, or of the guide `only`.
    #[must_use]
    pub fn new(catalog: &Catalog, only: Option<&str>) -> Matcher {
        let mut known = Vec::new();
        let mut patterns = Vec::new();
        let mut candidates = Vec::new();
        for (g, guide) in catalog.guides.iter().enumerate() {
            if only.is_some_and(|id| id != guide.id) {
                continue;
            }
            for (e, error) in guide.errors.iter().enumerate() {
                let k = u32::try_from(known.len()).unwrap_or(u32::MAX);
                let mut any = false;
                for message in error.messages.iter().flat_map(Text::all) {
                    let Some(pattern) = Pattern::parse(message) else {
                        continue;
                    };
                    if patterns.iter().any(|(p, j)| *j == k && *p == pattern) {
                        continue;
                    }
                    candidates.push(prefilter::candidates(message, &pattern));
                    patterns.push((pattern, k));
                    any = true;
                }
                if any {
                    known.push(Known { guide: g, error: e });
                }
            }
        }
        Matcher {
            known,
            patterns,
            candidates,
        }
    }

    /// The prefilter for a log that begins with `sample` (or for any log without one).
    #[must_use]
    pub fn prefilter(&self, sample: Option<&[u8]>) -> Prefilter {
        Prefilter::new(&self.candidates, sample)
    }

    /// Whether there is nothing to look for.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// The errors whose messages `text` holds (read into `words`), one verdict per error.
    /// With `spanning`, a match must begin on the first line of `text` and end on its last:
    /// a message split over these lines, not one that a single line already holds.
    /// `lower` is the same text in ASCII lowercase, for the prefilter.
    pub fn judge(
        &self,
        filter: &Prefilter,
        lower: &[u8],
        text: &str,
        words: &mut Words,
        spanning: bool,
        out: &mut Vec<Verdict>,
    ) {
        out.clear();
        let candidates = filter.patterns_in(lower);
        if candidates.is_empty() {
            return;
        }
        words.read(text);
        let first_line_end = text.find('\n').unwrap_or(text.len());
        let last_line_start = text.rfind('\n').map_or(0, |n| n + 1);
        for p in candidates {
            let (pattern, known) = &self.patterns[p as usize];
            if out.iter().any(|v| v.known == *known) {
                continue;
            }
            let Some(found) = pattern.find(words, text) else {
                continue;
            };
            if spanning
                && (words.list[found.first].span.start >= first_line_end
                    || words.list[found.last].span.end <= last_line_start)
            {
                continue;
            }
            out.push(Verdict {
                known: *known,
                found,
            });
        }
        out.sort_by_key(|v| v.known);
    }
}
