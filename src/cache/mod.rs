//! The guide cache: what reading and checking each guide file gave, remembered between
//! runs so that a large library opens without parsing YAML again.
//!
//! One cache file per source folder (or file) in `$XDG_CACHE_HOME/tshoot/`, holding one entry
//! per guide file keyed by its path, size, modification time, inode and device; the file's
//! header names tshoot's version, the format version and the running executable (its size
//! and modification time), so a rebuilt or upgraded tshoot never reads another build's
//! types. On load every file is still `stat`ed (the walk in `guide::sources` does that
//! anyway): an unchanged file is taken from the cache, a changed or new one is read and
//! checked, and the cache file is rewritten when anything differed. The built-in guides are
//! compiled in and need no cache. What is cached is each file's own result; everything that
//! depends on several files (overrides, duplicate ids, references between guides) is
//! worked out again on every load, so the catalog is the same with or without the cache.
//!
//! The cache is never trusted (see [`format`]): anything wrong with it costs a re-read.

pub mod codec;
pub mod format;
pub mod index;
pub mod store;
pub mod summary;
mod warm;

pub use warm::{fingerprint, summary, summary_indexed};

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rustc_hash::FxHashMap;

use crate::guide::catalog::{Catalog, Source};
use crate::guide::load::Checked;
use crate::guide::loader::{Loader, read_and_check};
use crate::guide::read::Reader;
use crate::guide::sources::{self, Found};
use crate::search::Index;

/// A cache folder, and the identity of this build that every cache file must carry.
#[derive(Clone, Debug)]
pub struct Cache {
    dir: PathBuf,
    build: String,
}

impl Cache {
    /// A cache in `dir`; `None` when this build cannot be identified (no executable path).
    #[must_use]
    pub fn new(dir: PathBuf) -> Option<Cache> {
        let exe = std::env::current_exe().ok()?;
        let key = sources::FileKey::of(&std::fs::metadata(exe).ok()?);
        Some(Cache::with_build(
            dir,
            format!(
                "tshoot {} exe {} {}",
                env!("CARGO_PKG_VERSION"),
                key.size,
                key.mtime_ns
            ),
        ))
    }

    /// A cache in `dir` for a build named `build` (tests use this to play another build).
    #[must_use]
    pub fn with_build(dir: PathBuf, build: String) -> Cache {
        Cache { dir, build }
    }

    /// `$XDG_CACHE_HOME/tshoot` (or `~/.cache/tshoot`).
    #[must_use]
    pub fn default_dir() -> Option<PathBuf> {
        let xdg = etcetera::base_strategy::Xdg::new().ok()?;
        Some(etcetera::BaseStrategy::cache_dir(&xdg).join("tshoot"))
    }

    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The cache file of the source at `path` (relative paths are taken from the current
    /// folder, so `--guides g` in two folders are two sources).
    #[must_use]
    pub fn file_for(&self, path: &Path) -> PathBuf {
        self.dir.join(file_name(&source_key(path)))
    }

    /// Reads and checks the files a walk of source `index` found, taking unchanged ones
    /// from the cache; rewrites the cache file when anything differed.
    fn source(
        &self,
        index: usize,
        path: &Path,
        files: &[&Found],
        reader: &Reader,
        done: &AtomicUsize,
    ) -> Vec<Result<Checked, String>> {
        let key = source_key(path);
        let data = store::read(&self.dir.join(file_name(&key)));
        let entries = data
            .as_deref()
            .and_then(|d| format::parse(d, &self.build, &key))
            .unwrap_or_default();
        let by_path: FxHashMap<&[u8], &format::RawEntry> =
            entries.iter().map(|e| (e.path, e)).collect();

        let mut results: Vec<Option<Result<Checked, String>>> = Vec::with_capacity(files.len());
        let mut reused: Vec<Option<&[u8]>> = Vec::with_capacity(files.len());
        let mut misses = Vec::new();
        for (i, found) in files.iter().enumerate() {
            let hit = by_path
                .get(found.path.as_os_str().as_encoded_bytes())
                .filter(|e| e.key == found.key)
                .and_then(|e| Some((format::decode(e.body)?, e.bytes)));
            if let Some((mut checked, bytes)) = hit {
                adopt(&mut checked, index, &found.shown);
                results.push(Some(Ok(checked)));
                reused.push(Some(bytes));
                done.fetch_add(1, Ordering::Relaxed);
            } else {
                results.push(None);
                reused.push(None);
                misses.push(i);
            }
        }
        let to_read: Vec<&Found> = misses.iter().map(|&i| files[i]).collect();
        for (i, result) in misses
            .iter()
            .zip(read_and_check(index, &to_read, reader, done))
        {
            results[*i] = Some(result);
        }

        if !misses.is_empty() || entries.len() != files.len() {
            let mut out = format::header(&self.build, &key);
            for ((found, result), reuse) in files.iter().zip(&results).zip(&reused) {
                match (reuse, result) {
                    (Some(bytes), _) => out.extend_from_slice(bytes),
                    // Read errors are not remembered: the next run tries again.
                    (None, Some(Ok(checked))) => {
                        let path = found.path.as_os_str().as_encoded_bytes();
                        format::push_entry(&mut out, path, found.key, checked);
                    }
                    (None, _) => {}
                }
            }
            // A folder we cannot write just means no cache.
            let _ = store::write(&self.dir, &file_name(&key), &out);
        }
        results
            .into_iter()
            .map(|r| r.unwrap_or_else(|| Err("not read".to_owned())))
            .collect()
    }
}

/// How far a load has come, for a progress bar: shared with the thread that loads.
#[derive(Debug, Default)]
pub struct Progress {
    /// Guide files found so far (it grows as each source is walked).
    pub found: AtomicUsize,
    /// Guide files read and checked, or taken from the cache.
    pub done: AtomicUsize,
    /// Set once the guides are loaded and the search index is read or built.
    pub indexing: AtomicBool,
}

/// Loads every source like [`Catalog::load_with`], through `cache` when there is one.
#[must_use]
pub fn load(
    sources: &[Source],
    cache: Option<&Cache>,
    reader: &Reader,
    progress: &Progress,
) -> Catalog {
    load_all(sources, cache, reader, progress).0
}

/// Loads every source through `cache`; also what identifies the catalog's inputs, for
/// the search index cache ([`index::Fingerprint`]).
#[must_use]
pub fn load_cached(
    sources: &[Source],
    cache: &Cache,
    reader: &Reader,
    progress: &Progress,
) -> (Catalog, index::Fingerprint) {
    let (catalog, fingerprint) = load_all(sources, Some(cache), reader, progress);
    (
        catalog,
        fingerprint.unwrap_or_else(|| unreachable!("a cache gives a fingerprint")),
    )
}

/// The catalog and its search index: both from `cache` when they are in it (what
/// `tshoot search` and the terminal UI start from), otherwise read and built.
#[must_use]
pub fn load_indexed(
    sources: &[Source],
    cache: Option<&Cache>,
    reader: &Reader,
    progress: &Progress,
) -> (Catalog, Index) {
    let (catalog, fingerprint) = load_all(sources, cache, reader, progress);
    progress.indexing.store(true, Ordering::Relaxed);
    let index = match (cache, &fingerprint) {
        (Some(cache), Some(fingerprint)) => cache.index(&catalog, fingerprint),
        _ => Index::new(&catalog),
    };
    (catalog, index)
}

/// Loads every source in order, each file through `cache` when there is one (and then
/// with the fingerprint of what was loaded).
fn load_all(
    sources: &[Source],
    cache: Option<&Cache>,
    reader: &Reader,
    progress: &Progress,
) -> (Catalog, Option<index::Fingerprint>) {
    let mut loader = Loader::default();
    let mut fingerprint = cache.map(|c| index::Fingerprint::new(&c.build));
    for (index, source) in sources.iter().enumerate() {
        match source {
            Source::Builtin => {
                if let Some(f) = &mut fingerprint {
                    f.builtin();
                }
                loader.add_builtin(index);
            }
            Source::Path { path, optional } => {
                if let Some(f) = &mut fingerprint {
                    f.source(&source_key(path));
                }
                if *optional && !path.exists() {
                    continue;
                }
                let items = sources::scan(path);
                let files: Vec<&Found> = sources::files(&items).collect();
                progress.found.fetch_add(files.len(), Ordering::Relaxed);
                let results = match cache {
                    Some(cache) => cache.source(index, path, &files, reader, &progress.done),
                    None => read_and_check(index, &files, reader, &progress.done),
                };
                if let Some(f) = &mut fingerprint {
                    let mut read = results.iter().map(Result::is_ok);
                    f.items(&items, || read.next().unwrap_or(false));
                }
                loader.add_scanned(index, items, results);
            }
        }
    }
    let catalog = loader.finish();
    if let (Some(cache), Some(f)) = (cache, &fingerprint) {
        cache.remember_summary(&catalog, f);
    }
    (catalog, fingerprint)
}

/// A remembered result made this run's: its source index and the name shown for its
/// file (the same path always shows the same, but nothing read from the cache is taken on
/// trust).
fn adopt(checked: &mut Checked, source: usize, shown: &str) {
    if let Some(guide) = &mut checked.guide {
        guide.origin.source = source;
        shown.clone_into(&mut guide.origin.file);
    }
    for d in &mut checked.diagnostics {
        shown.clone_into(&mut d.file);
    }
}

/// The bytes that name a source in its cache file's header.
fn source_key(path: &Path) -> Vec<u8> {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .into_os_string()
        .into_encoded_bytes()
}

/// The cache file name of a source: a checksum of its name (the header holds the name
/// itself, so two sources that share a checksum only evict each other).
fn file_name(source: &[u8]) -> String {
    format!(
        "{}{:08x}-{}{}",
        store::PREFIX,
        crc32fast::hash(source),
        source.len(),
        store::SUFFIX
    )
}
