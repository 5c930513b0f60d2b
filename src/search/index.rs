//! The search index, built once from the catalog: every error's searchable texts, a
//! vocabulary of their words with postings, and the message templates.

use std::collections::HashMap;

use super::normalize::{self, Class};
use super::template::Template;
use crate::guide::{Catalog, Text};

/// Which part of an error a text is; the weights rank messages and titles above symptoms
/// above causes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
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
#[derive(Clone, Debug)]
pub struct Field {
    pub entry: u32,
    pub kind: FieldKind,
    pub text: String,
}

/// One error of the catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Index into `Catalog::guides`.
    pub guide: usize,
    /// Index into that guide's `errors`.
    pub error: usize,
}

/// Where a word occurs: the entry, and its best field there.
#[derive(Clone, Copy, Debug)]
pub struct Posting {
    pub entry: u32,
    pub field: u32,
}

/// A word of the vocabulary.
#[derive(Debug)]
pub struct Term {
    pub text: String,
    pub postings: Vec<Posting>,
    /// Templates that hold this word as a literal.
    pub templates: Vec<u32>,
}

/// A message template and the field it came from.
#[derive(Debug)]
pub struct TemplateRef {
    pub field: u32,
    pub template: Template,
    /// Number of distinct literal words.
    pub distinct: usize,
}

/// The index over a catalog; see the module docs.
#[derive(Debug, Default)]
pub struct Index {
    pub entries: Vec<Entry>,
    pub fields: Vec<Field>,
    pub terms: Vec<Term>,
    pub lookup: HashMap<String, u32>,
    /// Term ids sorted by text, for prefix ranges.
    pub sorted: Vec<u32>,
    /// Term ids by (first character, length), for fuzzy candidates.
    pub buckets: HashMap<(char, usize), Vec<u32>>,
    pub templates: Vec<TemplateRef>,
    /// Where each entry's fields start in `fields` (they are contiguous), plus the end.
    pub field_starts: Vec<u32>,
}

impl Index {
    /// Builds the index over every error of every guide.
    #[must_use]
    pub fn new(catalog: &Catalog) -> Index {
        let mut index = Index::default();
        for (g, guide) in catalog.guides.iter().enumerate() {
            for (e, error) in guide.errors.iter().enumerate() {
                let entry = u32::try_from(index.entries.len()).unwrap_or(u32::MAX);
                index.entries.push(Entry { guide: g, error: e });
                index.field_starts.push(u32::try_from(index.fields.len()).unwrap_or(u32::MAX));
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
        index.field_starts.push(u32::try_from(index.fields.len()).unwrap_or(u32::MAX));
        index.finish();
        index
    }

    /// The fields of an entry.
    #[must_use]
    pub fn fields_of(&self, entry: u32) -> std::ops::Range<u32> {
        let at = |i: usize| self.field_starts.get(i).copied().unwrap_or(0);
        at(entry as usize)..at(entry as usize + 1)
    }

    fn add_field(&mut self, entry: u32, kind: FieldKind, text: String) {
        let field = u32::try_from(self.fields.len()).unwrap_or(u32::MAX);
        let tokens = normalize::tokens(&text);
        let mut words: Vec<String> = Vec::with_capacity(tokens.len() * 2);
        for (i, token) in tokens.iter().enumerate() {
            words.push(token.text.clone());
            if token.class == Class::Word {
                words.extend(normalize::camel_parts(&text[token.span.clone()]));
                // `status code` is also found as `statuscode`.
                if let Some(next) = tokens.get(i + 1).filter(|n| n.class == Class::Word) {
                    words.push(format!("{}{}", token.text, next.text));
                }
            }
        }
        let template = (kind == FieldKind::Message).then(|| Template::parse(&text));
        self.fields.push(Field { entry, kind, text });
        for word in words {
            let id = self.term_id(word);
            let postings = &mut self.terms[id as usize].postings;
            match postings.last_mut() {
                // Postings arrive entry by entry; keep the best field of each entry.
                Some(last) if last.entry == entry => {
                    if kind.weight() > self.fields[last.field as usize].kind.weight() {
                        last.field = field;
                    }
                }
                _ => postings.push(Posting { entry, field }),
            }
        }
        if let Some(template) = template {
            let t = u32::try_from(self.templates.len()).unwrap_or(u32::MAX);
            let mut seen: Vec<String> = template.words().map(str::to_owned).collect();
            seen.sort_unstable();
            seen.dedup();
            let distinct = seen.len();
            for word in seen {
                let id = self.term_id(word);
                self.terms[id as usize].templates.push(t);
            }
            self.templates.push(TemplateRef {
                field,
                template,
                distinct,
            });
        }
    }

    fn term_id(&mut self, word: String) -> u32 {
        if let Some(&id) = self.lookup.get(&word) {
            return id;
        }
        let id = u32::try_from(self.terms.len()).unwrap_or(u32::MAX);
        self.lookup.insert(word.clone(), id);
        self.terms.push(Term {
            text: word,
            postings: Vec::new(),
            templates: Vec::new(),
        });
        id
    }

    fn finish(&mut self) {
        let mut sorted: Vec<u32> =
            (0..u32::try_from(self.terms.len()).unwrap_or(u32::MAX)).collect();
        sorted.sort_unstable_by(|&a, &b| {
            self.terms[a as usize]
                .text
                .cmp(&self.terms[b as usize].text)
        });
        self.sorted = sorted;
        for (id, term) in self.terms.iter().enumerate() {
            if let Some(first) = term.text.chars().next() {
                let key = (first, term.text.chars().count());
                self.buckets
                    .entry(key)
                    .or_default()
                    .push(u32::try_from(id).unwrap_or(u32::MAX));
            }
        }
    }

    /// The entry of a field.
    #[must_use]
    pub fn entry_of(&self, field: u32) -> Entry {
        self.entries[self.fields[field as usize].entry as usize]
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
