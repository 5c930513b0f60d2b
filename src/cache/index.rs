//! The search index, cached beside the guides, so that a warm `tshoot search` neither
//! parses YAML nor rebuilds the index.
//!
//! The index depends on the whole catalog, so it is keyed by a [`Fingerprint`] of
//! everything the catalog was made from: the build, the sources in order, and every guide
//! file's path, size, modification time, inode, device and whether it could be read. The
//! fingerprint is stored whole in the file's header and compared byte for byte (no hash
//! that could collide). One index file per list of sources, named by a checksum of that
//! list. Like the guide entries, the file is checksummed, decoded with postcard, and then
//! checked against the catalog (every id inside the index must point at something that
//! exists) before it is used; anything wrong means the index is built again.

use crate::guide::Catalog;
use crate::guide::sanitize::is_clean;
use crate::guide::sources::{Found, Item};
use crate::search::{Entry, Index};

use super::{Cache, codec, format, store};

/// The first bytes of a cached index.
const MAGIC: &[u8; 8] = b"tshoot\xc1\x02";

/// What a catalog was made from; see the module docs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    /// The sources in order: names the index file.
    config: Vec<u8>,
    /// The build, the sources and every file's key: must match exactly.
    full: Vec<u8>,
}

impl Fingerprint {
    /// The fingerprint of no sources at all for build `build` (for tests and fuzzing).
    #[must_use]
    pub fn of_build(build: &str) -> Fingerprint {
        Fingerprint::new(build)
    }

    pub(super) fn new(build: &str) -> Fingerprint {
        let mut full = Vec::new();
        push(&mut full, build.as_bytes());
        Fingerprint {
            config: Vec::new(),
            full,
        }
    }

    pub(super) fn builtin(&mut self) {
        self.config.push(b'B');
        self.full.push(b'B');
    }

    pub(super) fn source(&mut self, key: &[u8]) {
        for out in [&mut self.config, &mut self.full] {
            out.push(b'P');
            push(out, key);
        }
    }

    fn file(&mut self, found: &Found, read: bool) {
        let out = &mut self.full;
        out.push(if read { b'F' } else { b'X' });
        push(out, found.path.as_os_str().as_encoded_bytes());
        out.extend_from_slice(&found.key.size.to_le_bytes());
        out.extend_from_slice(&found.key.mtime_ns.to_le_bytes());
        out.extend_from_slice(&found.key.inode.to_le_bytes());
        out.extend_from_slice(&found.key.device.to_le_bytes());
    }
}

impl Fingerprint {
    /// What the walk of a source found, in walk order; `read` says, file after file,
    /// whether the file could be read.
    pub(super) fn items(&mut self, items: &[Item], mut read: impl FnMut() -> bool) {
        for item in items {
            match item {
                Item::File(found) => self.file(found, read()),
                Item::Problem(diagnostic) => self.problem(diagnostic),
            }
        }
    }

    /// A problem the walk of a source reported (a file that is not regular, a folder too
    /// deep): it is part of what the load reports, so part of what a summary depends on.
    fn problem(&mut self, diagnostic: &crate::guide::Diagnostic) {
        let out = &mut self.full;
        out.push(b'D');
        push(out, diagnostic.file.as_bytes());
        push(out, diagnostic.message.as_bytes());
        let pos = diagnostic.pos.map_or((0, 0), |p| (p.line, p.col));
        out.extend_from_slice(&(pos.0 as u64).to_le_bytes());
        out.extend_from_slice(&(pos.1 as u64).to_le_bytes());
        out.push(u8::from(diagnostic.is_error()));
    }

    /// The header of a file of kind `magic` made from these inputs: the magic, the format
    /// version and the whole fingerprint.
    pub(super) fn header(&self, magic: [u8; 8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(32 + self.full.len());
        out.extend_from_slice(&magic);
        out.extend_from_slice(&format::FORMAT_VERSION.to_le_bytes());
        push(&mut out, &self.full);
        out
    }

    /// The name of the file of kind `prefix` for this list of sources.
    pub(super) fn file_name(&self, prefix: &str) -> String {
        format!(
            "{prefix}{:08x}-{}{}",
            crc32fast::hash(&self.config),
            self.config.len(),
            store::SUFFIX
        )
    }
}

fn push(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
    out.extend_from_slice(bytes);
}

fn header(fingerprint: &Fingerprint) -> Vec<u8> {
    fingerprint.header(*MAGIC)
}

impl Cache {
    /// The search index of `catalog` (loaded with [`super::load_cached`], which gave
    /// `fingerprint`): from the cache when it was built from exactly the same inputs,
    /// otherwise built and remembered.
    #[must_use]
    pub fn index(&self, catalog: &Catalog, fingerprint: &Fingerprint) -> Index {
        if let Some(index) = self.cached_index(catalog, fingerprint) {
            return index;
        }
        let index = Index::new(catalog);
        if let Some(body) = codec::encode(&index) {
            let mut out = header(fingerprint);
            out.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
            out.extend_from_slice(&body);
            // A folder we cannot write just means no cache.
            let _ = store::write(&self.dir, &Cache::index_name(fingerprint), &out);
        }
        index
    }

    /// The cached index for these inputs, if there is a sound one.
    #[must_use]
    pub fn cached_index(&self, catalog: &Catalog, fingerprint: &Fingerprint) -> Option<Index> {
        self.cached_index_with(fingerprint, |guide| {
            catalog.guides.get(guide).map(|g| g.errors.len())
        })
    }

    /// The cached index for these inputs, if there is one consistent with a catalog whose
    /// guide `g` has `errors(g)` errors (`None`: no such guide).
    #[must_use]
    pub fn cached_index_with(
        &self,
        fingerprint: &Fingerprint,
        errors: impl Fn(usize) -> Option<usize>,
    ) -> Option<Index> {
        let data = store::read(&self.dir.join(Cache::index_name(fingerprint)))?;
        let rest = data.strip_prefix(header(fingerprint).as_slice())?;
        let (crc, body) = rest.split_first_chunk::<4>()?;
        if crc32fast::hash(body) != u32::from_le_bytes(*crc) {
            return None;
        }
        codec::decode(body, errors)
    }

    fn index_name(fingerprint: &Fingerprint) -> String {
        fingerprint.file_name(store::INDEX_PREFIX)
    }
}

/// Whether every id inside `index` points at something that exists, in it or in the
/// catalog (whose guide `g` has `errors(g)` errors); an index that breaks this would make a search panic, so it is refused.
#[must_use]
pub fn consistent(index: &Index, errors: impl Fn(usize) -> Option<usize>) -> bool {
    let (entries, fields, terms) = (index.entries.len(), index.fields.len(), index.terms.len());
    let below = |n: usize| move |i: &u32| (*i as usize) < n;
    let entry_ok = |e: &Entry| errors(e.guide).is_some_and(|n| e.error < n);
    let starts_ok = index.field_starts.len() == entries + 1
        && index.field_starts.windows(2).all(|w| w[0] <= w[1])
        && index
            .field_starts
            .last()
            .is_some_and(|&last| last as usize <= fields);
    let terms_ok = index.terms.iter().all(|t| {
        t.postings
            .iter()
            .all(|p| (p.entry as usize) < entries && (p.field as usize) < fields)
            && t.templates.iter().all(below(index.templates.len()))
    });
    let templates_ok = index.templates.iter().all(|t| {
        (t.field as usize) < fields
            && t.terms.iter().all(below(terms))
            && t.template
                .literal_items
                .iter()
                .all(|&i| i < t.template.items.len())
    });
    // Field texts are shown (search hits): they must be as clean as the catalog's.
    let texts_ok = index
        .fields
        .iter()
        .map(|f| f.text.as_str())
        .chain(index.terms.iter().map(|t| t.text.as_str()))
        .all(is_clean);
    texts_ok
        && index.entries.iter().all(entry_ok)
        && index.fields.iter().all(|f| (f.entry as usize) < entries)
        && starts_ok
        && terms_ok
        && templates_ok
        && index.sorted.len() == terms
        && index.sorted.iter().all(below(terms))
        && index.lookup.values().all(below(terms))
        && index.buckets.values().flatten().all(below(terms))
        && index.stems_en.values().flatten().all(below(terms))
        && index.stems_sv.values().flatten().all(below(terms))
        && index.field_weights.len() == fields
        && index.idf.len() == terms
}
