//! The search index, built once from the catalog: every error's searchable texts, a
//! vocabulary of their words with postings, and the message templates.

use rustc_hash::FxHashMap;

use super::normalize::{self, Class};
use super::template::Template;
use super::{compound, stem};
use crate::guide::{Catalog, Text};

/// Catalogs with fewer errors are indexed on one thread: threads would cost more than
/// they save.
const PARALLEL_FROM_ERRORS: usize = 4_000;

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Which part of an error a text is; the weights rank messages and titles above symptoms
/// above causes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    Message,
    Title,
    Symptom,
    Cause,
    Tag,
}

impl FieldKind {
    #[must_use]
    pub fn weight(self) -> f32 {
        match self {
            FieldKind::Message | FieldKind::Title => 1.0,
            FieldKind::Symptom => 0.8,
            FieldKind::Cause => 0.6,
            FieldKind::Tag => 0.4,
        }
    }
}

/// One searchable text of an error.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Field {
    pub entry: u32,
    pub kind: FieldKind,
    pub text: String,
}

/// One error of the catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    /// Index into `Catalog::guides`.
    pub guide: usize,
    /// Index into that guide's `errors`.
    pub error: usize,
}

/// Where a word occurs: the entry, and its best field there.
#[derive(Clone, Copy, Debug, serde::Serialize, serde::Deserialize)]
pub struct Posting {
    pub entry: u32,
    pub field: u32,
}

/// A word of the vocabulary.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Term {
    pub text: String,
    pub postings: Vec<Posting>,
    /// Templates that hold this word as a literal.
    pub templates: Vec<u32>,
}

/// A message (or title) template and the field it came from.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct TemplateRef {
    pub field: u32,
    pub template: Template,
    /// Number of distinct literal words that are not stopwords.
    pub distinct: usize,
    /// The vocabulary term of each literal, in order.
    pub terms: Vec<u32>,
}

/// The index over a catalog; see the module docs.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Index {
    pub entries: Vec<Entry>,
    pub fields: Vec<Field>,
    pub terms: Vec<Term>,
    pub lookup: FxHashMap<String, u32>,
    /// Term ids sorted by text, for prefix ranges.
    pub sorted: Vec<u32>,
    /// Term ids by (first character, length), for fuzzy candidates.
    pub buckets: FxHashMap<(char, usize), Vec<u32>>,
    pub templates: Vec<TemplateRef>,
    /// The weight of each field's kind, by field.
    pub field_weights: Vec<f32>,
    /// Where each entry's fields start in `fields` (they are contiguous), plus the end.
    pub field_starts: Vec<u32>,
    /// Inverse document frequency of each term over entries: `ln(1 + entries / df)`.
    pub idf: Vec<f32>,
    /// Terms by English stem, and by Swedish stem (see [`super::stem`]).
    pub stems_en: FxHashMap<String, Vec<u32>>,
    pub stems_sv: FxHashMap<String, Vec<u32>>,
    /// The compound words of the vocabulary, listed under the terms of their parts (see
    /// [`super::compound`]).
    pub compounds: FxHashMap<u32, Vec<u32>>,
}

impl Index {
    /// Builds the index over every error of every guide, on every core for a large
    /// catalog: each thread indexes a run of guides, then the parts are merged in order.
    #[must_use]
    pub fn new(catalog: &Catalog) -> Index {
        let errors: usize = catalog.guides.iter().map(|g| g.errors.len()).sum();
        let threads = if errors < PARALLEL_FROM_ERRORS {
            1
        } else {
            std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
        };
        Index::with_threads(catalog, threads)
    }

    /// Builds the index on `threads` threads (at least one); the result is the same for
    /// any number.
    #[must_use]
    pub fn with_threads(catalog: &Catalog, threads: usize) -> Index {
        let guides = catalog.guides.len();
        let mut index = if threads < 2 || guides < 2 {
            Index::part(catalog, 0..guides)
        } else {
            let per_thread = guides.div_ceil(threads.min(guides));
            let parts: Vec<Index> = std::thread::scope(|scope| {
                let handles: Vec<_> = (0..guides)
                    .step_by(per_thread)
                    .map(|start| {
                        let end = (start + per_thread).min(guides);
                        scope.spawn(move || Index::part(catalog, start..end))
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                    .collect()
            });
            Index::merge(parts)
        };
        index.field_starts.push(to_u32(index.fields.len()));
        index.field_weights = index.fields.iter().map(|f| f.kind.weight()).collect();
        index.finish();
        index
    }

    /// The index of a run of guides, unfinished.
    fn part(catalog: &Catalog, guides: std::ops::Range<usize>) -> Index {
        let mut index = Index::default();
        for g in guides {
            let guide = &catalog.guides[g];
            for (e, error) in guide.errors.iter().enumerate() {
                let entry = to_u32(index.entries.len());
                index.entries.push(Entry { guide: g, error: e });
                index.field_starts.push(to_u32(index.fields.len()));
                let mut fields: Vec<(FieldKind, String)> = Vec::new();
                push_texts(&mut fields, &error.messages, FieldKind::Message);
                push_texts(
                    &mut fields,
                    std::slice::from_ref(&error.title),
                    FieldKind::Title,
                );
                push_texts(&mut fields, &error.symptoms, FieldKind::Symptom);
                push_texts(&mut fields, &error.causes, FieldKind::Cause);
                fields.extend(guide.tags.iter().map(|t| (FieldKind::Tag, t.clone())));
                for (kind, text) in fields {
                    index.add_field(entry, kind, text);
                }
            }
        }
        index
    }

    /// Joins parts built over consecutive runs of guides, renumbering their entries,
    /// fields, templates and terms.
    fn merge(parts: Vec<Index>) -> Index {
        let mut parts = parts.into_iter();
        let mut out = parts.next().unwrap_or_default();
        for part in parts {
            let (entries, fields, templates) = (
                to_u32(out.entries.len()),
                to_u32(out.fields.len()),
                to_u32(out.templates.len()),
            );
            out.entries.extend(part.entries);
            out.field_starts
                .extend(part.field_starts.iter().map(|f| f + fields));
            out.fields.extend(part.fields.into_iter().map(|mut f| {
                f.entry += entries;
                f
            }));
            // The part's term ids in the whole index.
            let mut remap: Vec<u32> = Vec::with_capacity(part.terms.len());
            for term in part.terms {
                let id = out.term_id(&term.text);
                remap.push(id);
                let target = &mut out.terms[id as usize];
                target
                    .postings
                    .extend(term.postings.iter().map(|p| Posting {
                        entry: p.entry + entries,
                        field: p.field + fields,
                    }));
                target
                    .templates
                    .extend(term.templates.iter().map(|t| t + templates));
            }
            out.templates
                .extend(part.templates.into_iter().map(|mut t| {
                    t.field += fields;
                    for term in &mut t.terms {
                        *term = remap[*term as usize];
                    }
                    t
                }));
        }
        out
    }

    /// The other terms that are a form of `word` (same English or Swedish stem), without
    /// `word` itself.
    pub fn stem_terms(&self, word: &str, out: &mut Vec<u32>) {
        out.clear();
        if !stem::stems(word) {
            return;
        }
        let exact = self.lookup.get(word).copied();
        for list in [
            self.stems_en.get(stem::english(word).as_ref()),
            self.stems_sv.get(&stem::swedish(word)),
        ]
        .into_iter()
        .flatten()
        {
            out.extend(list.iter().copied().filter(|&t| Some(t) != exact));
        }
        out.sort_unstable();
        out.dedup();
    }

    /// Inverse document frequency of a term (0 for an unknown id).
    #[must_use]
    pub fn idf(&self, term: u32) -> f32 {
        self.idf.get(term as usize).copied().unwrap_or(0.0)
    }

    /// The fields of an entry.
    #[must_use]
    pub fn fields_of(&self, entry: u32) -> std::ops::Range<u32> {
        let at = |i: usize| self.field_starts.get(i).copied().unwrap_or(0);
        at(entry as usize)..at(entry as usize + 1)
    }

    pub(super) fn add_field(&mut self, entry: u32, kind: FieldKind, text: String) {
        let field = u32::try_from(self.fields.len()).unwrap_or(u32::MAX);
        let templated = matches!(kind, FieldKind::Message | FieldKind::Title);
        // Where each word starts and its term, for the template.
        let mut words: Vec<(usize, u32)> = Vec::new();
        let mut folded = String::new();
        normalize::scan(&text, |span, class| {
            normalize::fold_into(&text[span.clone()], &mut folded);
            let term = self.add_word(&folded, entry, field, kind);
            if templated {
                words.push((span.start, term));
            }
            if class == Class::Word {
                // `StatusCode` is also found as `status code`.
                for part in normalize::camel_parts(&text[span]) {
                    self.add_word(&part, entry, field, kind);
                }
            }
        });
        if templated {
            let t = u32::try_from(self.templates.len()).unwrap_or(u32::MAX);
            let (template, terms) =
                Template::from_scan(&text, &words, |term| self.terms[term as usize].text.clone());
            // Each distinct meaningful literal once.
            let mut seen: Vec<u32> = template
                .words()
                .zip(&terms)
                .filter(|(w, _)| !super::is_stopword(w))
                .map(|(_, &id)| id)
                .collect();
            seen.sort_unstable();
            seen.dedup();
            for &id in &seen {
                self.terms[id as usize].templates.push(t);
            }
            self.templates.push(TemplateRef {
                field,
                template,
                distinct: seen.len(),
                terms,
            });
        }
        self.fields.push(Field { entry, kind, text });
    }

    /// Records that `word` occurs in `field` of `entry`.
    /// Returns the word's term.
    fn add_word(&mut self, word: &str, entry: u32, field: u32, kind: FieldKind) -> u32 {
        let term = self.term_id(word);
        let id = term as usize;
        // Postings arrive entry by entry; keep the best field of each entry. The field
        // being added is not in `fields` yet, so compare by kind.
        let last = self.terms[id].postings.last().copied();
        match last {
            Some(last) if last.entry == entry => {
                if last.field != field
                    && kind.weight() > self.field_kind(last.field).weight()
                    && let Some(p) = self.terms[id].postings.last_mut()
                {
                    p.field = field;
                }
            }
            _ => self.terms[id].postings.push(Posting { entry, field }),
        }
        term
    }

    fn field_kind(&self, field: u32) -> FieldKind {
        self.fields
            .get(field as usize)
            .map_or(FieldKind::Tag, |f| f.kind)
    }

    fn term_id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.lookup.get(word) {
            return id;
        }
        let id = u32::try_from(self.terms.len()).unwrap_or(u32::MAX);
        self.lookup.insert(word.to_owned(), id);
        self.terms.push(Term {
            text: word.to_owned(),
            postings: Vec::new(),
            templates: Vec::new(),
        });
        id
    }

    fn finish(&mut self) {
        // Templates with few words first, so a query can stop early (see the template
        // reading).
        let distinct: Vec<usize> = self.templates.iter().map(|t| t.distinct).collect();
        for term in &mut self.terms {
            term.templates.sort_by_key(|&t| (distinct[t as usize], t));
        }
        let mut sorted: Vec<u32> =
            (0..u32::try_from(self.terms.len()).unwrap_or(u32::MAX)).collect();
        sorted.sort_unstable_by(|&a, &b| {
            self.terms[a as usize]
                .text
                .cmp(&self.terms[b as usize].text)
        });
        self.sorted = sorted;
        self.idf = self.idf_of_terms();
        for (id, term) in self.terms.iter().enumerate() {
            if stem::stems(&term.text) {
                let id = to_u32(id);
                self.stems_en
                    .entry(stem::english(&term.text).into_owned())
                    .or_default()
                    .push(id);
                self.stems_sv
                    .entry(stem::swedish(&term.text))
                    .or_default()
                    .push(id);
            }
        }
        self.compounds = compound::compounds(self);
        self.buckets = self.buckets();
    }

    /// Term ids by (first character, length in characters).
    fn buckets(&self) -> FxHashMap<(char, usize), Vec<u32>> {
        let mut buckets: FxHashMap<(char, usize), Vec<u32>> = FxHashMap::default();
        for (id, term) in self.terms.iter().enumerate() {
            if let Some(first) = term.text.chars().next() {
                let key = (first, term.text.chars().count());
                buckets.entry(key).or_default().push(to_u32(id));
            }
        }
        buckets
    }

    /// Fills in what follows from the rest (the word lookup, the fuzzy buckets, the field
    /// weights, the inverse document frequencies), as the build does: for an index read
    /// from a cache that does not store them.
    pub fn derive(&mut self) {
        self.lookup = self
            .terms
            .iter()
            .enumerate()
            .map(|(id, t)| (t.text.clone(), to_u32(id)))
            .collect();
        self.field_weights = self.fields.iter().map(|f| f.kind.weight()).collect();
        self.idf = self.idf_of_terms();
        self.buckets = self.buckets();
    }

    /// Inverse document frequency of every term: `ln(1 + entries / df)`.
    fn idf_of_terms(&self) -> Vec<f32> {
        #[allow(clippy::cast_precision_loss)] // counts far below 2^24 in practice; a ratio
        let n = self.entries.len().max(1) as f32;
        #[allow(clippy::cast_precision_loss)] // as above
        let idf = |df: usize| (1.0 + n / df.max(1) as f32).ln();
        self.terms.iter().map(|t| idf(t.postings.len())).collect()
    }
}

/// Every string of every text in `list`, in every language.
fn push_texts(fields: &mut Vec<(FieldKind, String)>, list: &[Text], kind: FieldKind) {
    fields.extend(
        list.iter()
            .flat_map(Text::all)
            .map(|s| (kind, s.to_owned())),
    );
}
