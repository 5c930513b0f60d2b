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
use crate::guide::sources::Found;
use crate::search::{Entry, Index};

use super::{Cache, format, store};

/// The first bytes of a cached index.
const MAGIC: &[u8; 8] = b"tshoot\xc1\x01";

/// What a catalog was made from; see the module docs.
#[derive(Clone, Debug)]
pub struct Fingerprint {
    /// The sources in order: names the index file.
    config: Vec<u8>,
    /// The build, the sources and every file's key: must match exactly.
    full: Vec<u8>,
}

impl Fingerprint {
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

    pub(super) fn file(&mut self, found: &Found, read: bool) {
        let out = &mut self.full;
        out.push(if read { b'F' } else { b'X' });
        push(out, found.path.as_os_str().as_encoded_bytes());
        out.extend_from_slice(&found.key.size.to_le_bytes());
        out.extend_from_slice(&found.key.mtime_ns.to_le_bytes());
        out.extend_from_slice(&found.key.inode.to_le_bytes());
        out.extend_from_slice(&found.key.device.to_le_bytes());
    }
}

fn push(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
    out.extend_from_slice(bytes);
}

fn header(fingerprint: &Fingerprint) -> Vec<u8> {
    let mut out = Vec::with_capacity(32 + fingerprint.full.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&format::FORMAT_VERSION.to_le_bytes());
    push(&mut out, &fingerprint.full);
    out
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
        if let Ok(body) = postcard::to_stdvec(&index) {
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
        let data = store::read(&self.dir.join(Cache::index_name(fingerprint)))?;
        let rest = data.strip_prefix(header(fingerprint).as_slice())?;
        let (crc, body) = rest.split_first_chunk::<4>()?;
        if crc32fast::hash(body) != u32::from_le_bytes(*crc) {
            return None;
        }
        let index: Index = postcard::from_bytes(body).ok()?;
        consistent(&index, catalog).then_some(index)
    }

    fn index_name(fingerprint: &Fingerprint) -> String {
        format!(
            "{}{:08x}-{}{}",
            store::INDEX_PREFIX,
            crc32fast::hash(&fingerprint.config),
            fingerprint.config.len(),
            store::SUFFIX
        )
    }
}

/// Whether every id inside `index` points at something that exists, in it or in the
/// catalog; an index that breaks this would make a search panic, so it is refused.
fn consistent(index: &Index, catalog: &Catalog) -> bool {
    let (entries, fields, terms) = (index.entries.len(), index.fields.len(), index.terms.len());
    let below = |n: usize| move |i: &u32| (*i as usize) < n;
    let entry_ok = |e: &Entry| {
        catalog
            .guides
            .get(e.guide)
            .is_some_and(|g| e.error < g.errors.len())
    };
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
