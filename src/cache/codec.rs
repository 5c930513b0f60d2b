//! The stored form of the search index: flat arrays and two text blobs, written and read
//! by hand so that a warm `tshoot search` spends its time searching, not decoding.
//!
//! With postcard (serde) a 50,000-error index was an 81 MB file read in about 0.8 s, 80 %
//! of it in the templates (1.9 million words, each its own `String`), the rest in the
//! field texts and the postings. Here nothing that can be worked out from the rest is
//! stored (the word lookup, the fuzzy buckets, the field weights, the inverse document
//! frequencies, each template's literal positions and terms), a template's literal words
//! are the ids of their terms and share the term's text (`Arc<str>`, no copy), postings are
//! delta-coded varints, and all field texts (and all term texts) are one blob each,
//! checked for UTF-8 and for clean text in one pass.
//!
//! ```text
//! index    = counts: entries E · fields F · terms T · templates P (u32 each)
//!            · E × (guide, error) · (E+1) × field start · F × kind (u8) · F × text length
//!            · field texts · T × text length · term texts · T × sorted id (all u32 LE)
//!            · T × (postings: n, then per posting entry delta, field − entry's first field;
//!                   templates: n, ids) · P × template · stems (English, Swedish) · compounds
//! template = field · distinct · n items · per item: term id × 2 (a word) or length × 2 + 1
//!            and the bytes (a placeholder)
//! map      = n · per key: key (length, bytes, or a term id) · n ids · ids
//! ```
//! Numbers after the text blobs are LEB128 varints. Never trusted: every count is checked
//! against the bytes that remain before anything is allocated, every id against what it
//! points into, every text for UTF-8 and cleanliness; anything wrong is `None`.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::guide::sanitize::is_clean;
use crate::search::index::{Field, FieldKind, Posting, TemplateRef, Term};
use crate::search::template::{Item, Template};
use crate::search::{Entry, Index};

const KINDS: [FieldKind; 5] = [
    FieldKind::Message,
    FieldKind::Title,
    FieldKind::Symptom,
    FieldKind::Cause,
    FieldKind::Tag,
];

fn kind_byte(kind: FieldKind) -> u8 {
    match kind {
        FieldKind::Message => 0,
        FieldKind::Title => 1,
        FieldKind::Symptom => 2,
        FieldKind::Cause => 3,
        FieldKind::Tag => 4,
    }
}

struct Out(Vec<u8>);

impl Out {
    fn u32(&mut self, n: usize) -> Option<()> {
        self.0
            .extend_from_slice(&u32::try_from(n).ok()?.to_le_bytes());
        Some(())
    }

    fn var(&mut self, n: usize) -> Option<()> {
        let mut n = u32::try_from(n).ok()?;
        while n >= 0x80 {
            self.0.push(n.to_le_bytes()[0] | 0x80);
            n >>= 7;
        }
        self.0.push(n.to_le_bytes()[0]);
        Some(())
    }

    fn ids(&mut self, ids: &[u32]) -> Option<()> {
        self.var(ids.len())?;
        ids.iter().try_for_each(|&i| self.var(i as usize))
    }

    fn blob<'a>(&mut self, texts: impl Iterator<Item = &'a str> + Clone) -> Option<()> {
        for t in texts.clone() {
            self.u32(t.len())?;
        }
        for t in texts {
            self.0.extend_from_slice(t.as_bytes());
        }
        Some(())
    }
}

/// The stored form of `index`; `None` if it is too large for its lengths or does not hold
/// together (a template word that is not its term's text).
#[must_use]
pub fn encode(index: &Index) -> Option<Vec<u8>> {
    let mut o = Out(Vec::new());
    for n in [
        index.entries.len(),
        index.fields.len(),
        index.terms.len(),
        index.templates.len(),
    ] {
        o.u32(n)?;
    }
    for e in &index.entries {
        o.u32(e.guide)?;
        o.u32(e.error)?;
    }
    if index.field_starts.len() != index.entries.len() + 1 {
        return None;
    }
    for &s in &index.field_starts {
        o.u32(s as usize)?;
    }
    o.0.extend(index.fields.iter().map(|f| kind_byte(f.kind)));
    o.blob(index.fields.iter().map(|f| f.text.as_str()))?;
    o.blob(index.terms.iter().map(|t| t.text.as_str()))?;
    for &s in &index.sorted {
        o.u32(s as usize)?;
    }
    for term in &index.terms {
        o.var(term.postings.len())?;
        let mut last = 0;
        for p in &term.postings {
            let first = *index.field_starts.get(p.entry as usize)?;
            o.var(p.entry.checked_sub(last)? as usize)?;
            o.var(p.field.checked_sub(first)? as usize)?;
            last = p.entry;
        }
        o.ids(&term.templates)?;
    }
    for t in &index.templates {
        o.var(t.field as usize)?;
        o.var(t.distinct)?;
        o.var(t.template.items.len())?;
        let mut words = t.terms.iter();
        for item in &t.template.items {
            match item {
                Item::Literal(w) => {
                    let id = *words.next()?;
                    if index.terms.get(id as usize)?.text.as_str() != &**w {
                        return None;
                    }
                    o.var(id as usize * 2)?;
                }
                Item::Hole(name) => {
                    o.var(name.len() * 2 + 1)?;
                    o.0.extend_from_slice(name.as_bytes());
                }
            }
        }
        if words.next().is_some() {
            return None;
        }
    }
    for stems in [&index.stems_en, &index.stems_sv] {
        o.var(stems.len())?;
        for (key, ids) in stems {
            o.var(key.len())?;
            o.0.extend_from_slice(key.as_bytes());
            o.ids(ids)?;
        }
    }
    o.var(index.compounds.len())?;
    for (&key, ids) in &index.compounds {
        o.var(key as usize)?;
        o.ids(ids)?;
    }
    Some(o.0)
}

/// A cursor over untrusted bytes.
struct In<'a>(&'a [u8]);

impl<'a> In<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.0.len() {
            return None;
        }
        let (head, tail) = self.0.split_at(n);
        self.0 = tail;
        Some(head)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    /// `n` little-endian u32s, each below `below`.
    fn u32s(&mut self, n: usize, below: usize) -> Option<Vec<u32>> {
        let bytes = self.take(n.checked_mul(4)?)?;
        let out: Vec<u32> = bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        out.iter().all(|&v| (v as usize) < below).then_some(out)
    }

    fn var(&mut self) -> Option<usize> {
        let mut n: u32 = 0;
        for shift in [0, 7, 14, 21, 28] {
            let (&b, rest) = self.0.split_first()?;
            self.0 = rest;
            if shift == 28 && b > 0x0f {
                return None;
            }
            n |= u32::from(b & 0x7f) << shift;
            if b < 0x80 {
                return usize::try_from(n).ok();
            }
        }
        None
    }

    /// A count of things that take at least one byte each: never more than remain.
    fn count(&mut self) -> Option<usize> {
        self.var().filter(|&n| n <= self.0.len())
    }

    fn ids(&mut self, below: usize) -> Option<Vec<u32>> {
        let n = self.count()?;
        // Exactly as long as it must be: the index is most of a warm search's memory.
        let mut ids = Vec::with_capacity(n);
        for _ in 0..n {
            ids.push(u32::try_from(self.var().filter(|&i| i < below)?).ok()?);
        }
        Some(ids)
    }

    /// `n` texts stored as lengths then one blob: each checked to be whole UTF-8 and clean.
    fn blob(&mut self, n: usize) -> Option<Vec<&'a str>> {
        let lens = self.u32s(n, usize::MAX)?;
        let total = lens
            .iter()
            .try_fold(0usize, |sum, &l| sum.checked_add(l as usize))?;
        let all = std::str::from_utf8(self.take(total)?).ok()?;
        // Cleanliness is a property of each character, so the blob is checked at once.
        if !is_clean(all) {
            return None;
        }
        let mut at = 0;
        lens.iter()
            .map(|&l| {
                let end = at + l as usize;
                let s = all.get(at..end)?;
                at = end;
                Some(s)
            })
            .collect()
    }

    fn text(&mut self, n: usize) -> Option<&'a str> {
        let s = std::str::from_utf8(self.take(n)?).ok()?;
        is_clean(s).then_some(s)
    }
}

/// Reads an index written by [`encode`], for a catalog whose guide `g` has `errors(g)`
/// errors; `None` when anything in it is out of place.
#[must_use]
pub fn decode(bytes: &[u8], errors: impl Fn(usize) -> Option<usize>) -> Option<Index> {
    let mut r = In(bytes);
    let (n_entries, n_fields, n_terms, n_templates) = (
        r.u32()? as usize,
        r.u32()? as usize,
        r.u32()? as usize,
        r.u32()? as usize,
    );
    let pairs = r.u32s(n_entries.checked_mul(2)?, usize::MAX)?;
    let entries: Vec<Entry> = pairs
        .chunks_exact(2)
        .map(|p| {
            let (guide, error) = (p[0] as usize, p[1] as usize);
            (error < errors(guide)?).then_some(Entry { guide, error })
        })
        .collect::<Option<_>>()?;
    let field_starts = r.u32s(n_entries.checked_add(1)?, n_fields.checked_add(1)?)?;
    // From the first field to the last, in order.
    let ordered = field_starts.windows(2).all(|w| w[0] <= w[1]);
    let whole = field_starts.first() == Some(&0)
        && field_starts.last().map(|&l| l as usize) == Some(n_fields);
    if !ordered || !whole {
        return None;
    }
    let kinds = r.take(n_fields)?;
    let texts = r.blob(n_fields)?;
    let mut fields = Vec::with_capacity(n_fields);
    for (e, w) in field_starts.windows(2).enumerate() {
        for f in w[0] as usize..w[1] as usize {
            fields.push(Field {
                entry: u32::try_from(e).ok()?,
                kind: *KINDS.get(usize::from(kinds[f]))?,
                text: texts[f].to_owned(),
            });
        }
    }
    let term_texts = r.blob(n_terms)?;
    let sorted = r.u32s(n_terms, n_terms)?;
    let mut terms = Vec::with_capacity(n_terms);
    for text in &term_texts {
        let n = r.count()?;
        let mut postings = Vec::with_capacity(n);
        let mut entry = 0usize;
        for _ in 0..n {
            entry = entry.checked_add(r.var()?)?;
            let field = (*field_starts.get(entry)? as usize).checked_add(r.var()?)?;
            // A posting is a field of its own entry.
            if entry >= n_entries || field >= *field_starts.get(entry + 1)? as usize {
                return None;
            }
            postings.push(Posting {
                entry: u32::try_from(entry).ok()?,
                field: u32::try_from(field).ok()?,
            });
        }
        terms.push(Term {
            text: (*text).to_owned(),
            postings,
            templates: r.ids(n_templates)?,
        });
    }
    let shared: Vec<Arc<str>> = term_texts.iter().map(|&t| Arc::from(t)).collect();
    let mut templates = Vec::with_capacity(n_templates.min(r.0.len()));
    for _ in 0..n_templates {
        let field = r.var().filter(|&f| f < n_fields)?;
        let distinct = r.var()?;
        let n = r.count()?;
        let mut items = Vec::with_capacity(n);
        let mut words = Vec::with_capacity(n);
        let mut literal_items = Vec::with_capacity(n);
        for k in 0..n {
            let v = r.var()?;
            if v % 2 == 0 {
                let id = v / 2;
                items.push(Item::Literal(Arc::clone(shared.get(id)?)));
                words.push(u32::try_from(id).ok()?);
                literal_items.push(k);
            } else {
                items.push(Item::Hole(r.text(v / 2)?.to_owned()));
            }
        }
        // Placeholders are few: their slack is not worth a copy.
        if words.len() < n {
            words.shrink_to_fit();
            literal_items.shrink_to_fit();
        }
        templates.push(TemplateRef {
            field: u32::try_from(field).ok()?,
            template: Template {
                literals: literal_items.len(),
                items,
                literal_items,
            },
            distinct,
            terms: words,
        });
    }
    let mut stems = [FxHashMap::default(), FxHashMap::default()];
    for map in &mut stems {
        let n = r.count()?;
        for _ in 0..n {
            let len = r.var()?;
            let key = r.text(len)?.to_owned();
            map.insert(key, r.ids(n_terms)?);
        }
    }
    let mut compounds = FxHashMap::default();
    let n = r.count()?;
    for _ in 0..n {
        let key = u32::try_from(r.var().filter(|&k| k < n_terms)?).ok()?;
        compounds.insert(key, r.ids(n_terms)?);
    }
    if !r.0.is_empty() {
        return None;
    }
    let [stems_en, stems_sv] = stems;
    let mut index = Index {
        entries,
        fields,
        terms,
        sorted,
        templates,
        field_starts,
        stems_en,
        stems_sv,
        compounds,
        ..Index::default()
    };
    index.derive();
    Some(index)
}
