//! What a triage found, error by error: how often, where first and last, which values its
//! placeholders held, and a sample line. Bounded whatever the log: at most
//! [`MAX_DISTINCT`] distinct values are counted per placeholder.

use rustc_hash::FxHashMap;

use super::scan::Hit;
use crate::session::{LogFinding, LogPlace, LogValues};

/// Distinct values counted per placeholder; later new values are only counted as others.
pub const MAX_DISTINCT: usize = 1000;
/// Values shown per placeholder.
pub const SHOWN_VALUES: usize = 10;

/// A place in the input: index of the file and 1-based line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub file: usize,
    pub line: u64,
}

/// The values one placeholder held.
#[derive(Clone, Debug, Default)]
pub struct Values {
    pub name: String,
    /// Each value and how often, in first-seen order.
    pub counts: Vec<(String, u64)>,
    /// Values beyond the first [`MAX_DISTINCT`].
    pub others: u64,
    /// Where each value is in `counts`.
    index: FxHashMap<String, usize>,
}

impl Values {
    /// The most frequent values, at most [`SHOWN_VALUES`], most frequent first (first seen
    /// first on a tie).
    #[must_use]
    pub fn top(&self) -> Vec<(&str, u64)> {
        let mut all: Vec<(&str, u64)> = self.counts.iter().map(|(v, n)| (v.as_str(), *n)).collect();
        all.sort_by_key(|v| std::cmp::Reverse(v.1));
        all.truncate(SHOWN_VALUES);
        all
    }
}

/// One known error's findings.
#[derive(Clone, Debug)]
pub struct Tally {
    /// Index into the matcher's known errors.
    pub known: u32,
    pub count: u64,
    pub first: Place,
    pub last: Place,
    pub values: Vec<Values>,
    /// The first matching line, sanitised.
    pub sample: String,
}

impl Tally {
    /// What the log said of this error, for a session opened from it; `names` are the
    /// inputs' names, indexed as [`Place::file`].
    #[must_use]
    pub fn finding(&self, names: &[String]) -> LogFinding {
        let place = |p: Place| LogPlace {
            file: names.get(p.file).cloned().unwrap_or_default(),
            line: p.line,
        };
        LogFinding {
            files: names.to_vec(),
            count: self.count,
            first: place(self.first),
            last: place(self.last),
            values: self
                .values
                .iter()
                .map(|v| LogValues {
                    name: v.name.clone(),
                    values: v
                        .top()
                        .into_iter()
                        .map(|(s, n)| (s.to_owned(), n))
                        .collect(),
                })
                .collect(),
            sample: self.sample.clone(),
        }
    }
}

/// Every error found so far.
#[derive(Clone, Debug, Default)]
pub struct Tallies {
    /// Indexed by position of first finding; see [`Tallies::ranked`].
    pub list: Vec<Tally>,
}

impl Tallies {
    /// Counts one hit at `place`.
    pub fn add(&mut self, place: Place, hit: &Hit) {
        let tally = if let Some(i) = self.list.iter().position(|t| t.known == hit.known) {
            &mut self.list[i]
        } else {
            self.list.push(Tally {
                known: hit.known,
                count: 0,
                first: place,
                last: place,
                values: Vec::new(),
                sample: hit.text.clone(),
            });
            let n = self.list.len();
            &mut self.list[n - 1]
        };
        tally.count += 1;
        tally.last = place;
        for (name, value) in &hit.captures {
            let values = if let Some(i) = tally.values.iter().position(|v| v.name == *name) {
                &mut tally.values[i]
            } else {
                tally.values.push(Values {
                    name: name.clone(),
                    ..Values::default()
                });
                let n = tally.values.len();
                &mut tally.values[n - 1]
            };
            if let Some(&i) = values.index.get(value) {
                values.counts[i].1 += 1;
            } else if values.counts.len() < MAX_DISTINCT {
                values.index.insert(value.clone(), values.counts.len());
                values.counts.push((value.clone(), 1));
            } else {
                values.others += 1;
            }
        }
    }

    /// Most frequent first; on a tie, the one found first.
    #[must_use]
    pub fn ranked(&self) -> Vec<&Tally> {
        let mut all: Vec<&Tally> = self.list.iter().collect();
        all.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| (a.first.file, a.first.line).cmp(&(b.first.file, b.first.line)))
        });
        all
    }

    /// Total hits.
    #[must_use]
    pub fn total(&self) -> u64 {
        self.list.iter().map(|t| t.count).sum()
    }
}
