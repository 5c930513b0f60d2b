//! Building a catalog file by file, in source order: each file's checked result is added,
//! guide ids are looked up in a hash map (so loading is linear in the number of guides),
//! a duplicate id within a source is an error and a later source overrides an earlier one.
//!
//! [`Catalog::load_with`] reads every file; the cache (`crate::cache`) feeds the same
//! [`Loader`] with results it remembered and reads only the files that changed.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

use rustc_hash::FxHashMap;

use super::Guide;
use super::catalog::{BUILTIN, Catalog};
use super::diagnostic::Diagnostics;
use super::load::{self, Checked};
use super::read::Reader;
use super::sources::{Found, Item};

/// A catalog under construction; see the module docs.
#[derive(Debug, Default)]
pub struct Loader {
    catalog: Catalog,
    /// Index into `catalog.guides` of each guide id.
    ids: FxHashMap<String, usize>,
    /// Where the guides of the source being added start in `catalog.guides`.
    first_of_source: usize,
    source: Option<usize>,
}

impl Loader {
    /// Adds the result of reading and checking one file of source `source`.
    pub fn add(&mut self, source: usize, file: &str, checked: Result<Checked, String>) {
        if self.source != Some(source) {
            self.source = Some(source);
            self.first_of_source = self.catalog.guides.len();
        }
        match checked {
            Ok(checked) => {
                self.catalog.record(source, checked.diagnostics);
                if let Some(guide) = checked.guide {
                    self.insert(guide);
                }
            }
            Err(message) => self.catalog.problem(source, file, message),
        }
    }

    /// Adds the guides compiled into the binary as source `source`.
    pub fn add_builtin(&mut self, source: usize) {
        let files = BUILTIN
            .iter()
            .map(|(name, text)| (format!("<builtin>/{name}"), text.as_bytes().to_vec()))
            .collect();
        self.add_files(source, files);
    }

    /// Adds files already in memory (name and contents) as source `source`.
    pub fn add_files(&mut self, source: usize, files: Vec<(String, Vec<u8>)>) {
        for (file, checked) in check_all(files, source) {
            self.add(source, &file, Ok(checked));
        }
    }

    /// Adds what a walk of source `source` found, in walk order: its problems, and for
    /// each file (in order) its entry of `results`.
    pub fn add_scanned(
        &mut self,
        source: usize,
        items: Vec<Item>,
        results: Vec<Result<Checked, String>>,
    ) {
        let mut results = results.into_iter();
        for item in items {
            match item {
                Item::Problem(diagnostic) => self.catalog.record(source, vec![diagnostic]),
                Item::File(found) => {
                    if let Some(checked) = results.next() {
                        self.add(source, &found.shown, checked);
                    }
                }
            }
        }
    }

    /// Adds a guide: a duplicate within one source is an error, a guide of an earlier
    /// source with the same id is overridden.
    fn insert(&mut self, guide: Guide) {
        let Some(&i) = self.ids.get(&guide.id) else {
            self.ids.insert(guide.id.clone(), self.catalog.guides.len());
            self.catalog.guides.push(guide);
            return;
        };
        let old = &self.catalog.guides[i].origin;
        if i >= self.first_of_source {
            let mut diags = Diagnostics::new(&guide.origin.file);
            diags.error(
                guide.origin.id_pos,
                format!("duplicate guide id `{}` (also in {})", guide.id, old.file),
            );
            self.catalog.record(guide.origin.source, diags.list);
        } else {
            self.catalog.notices.push(format!(
                "guide `{}` from {} overrides the one from {}",
                guide.id, guide.origin.file, old.file
            ));
            self.catalog.guides[i] = guide;
        }
    }

    /// The catalog, once references between guides are checked.
    #[must_use]
    pub fn finish(mut self) -> Catalog {
        self.catalog.resolve_related(&self.ids);
        self.catalog
    }
}

/// Reads and checks files of source `source` on `reader`'s threads; results keep order.
#[must_use]
pub fn read_and_check(
    source: usize,
    files: &[&Found],
    reader: &Reader,
    done: &AtomicUsize,
) -> Vec<Result<Checked, String>> {
    let (paths, names): (Vec<PathBuf>, Vec<String>) = files
        .iter()
        .map(|f| (f.path.clone(), f.shown.clone()))
        .unzip();
    let names = Arc::new(names);
    reader.read_all(
        paths,
        move |i, bytes| load::check(&names[i], &bytes, source),
        done,
    )
}

/// Parses and checks files, on every core when there are many; results keep file order.
fn check_all(files: Vec<(String, Vec<u8>)>, source: usize) -> Vec<(String, Checked)> {
    let check = |(file, bytes): (String, Vec<u8>)| {
        let checked = load::check(&file, &bytes, source);
        (file, checked)
    };
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    if threads < 2 || files.len() < 8 {
        return files.into_iter().map(check).collect();
    }
    let per_thread = files.len().div_ceil(threads);
    let mut chunks: Vec<Vec<_>> = Vec::new();
    let mut files = files.into_iter().peekable();
    while files.peek().is_some() {
        chunks.push(files.by_ref().take(per_thread).collect());
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| scope.spawn(move || chunk.into_iter().map(check).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            // A panic while checking is a bug; it surfaces here rather than being lost.
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}
