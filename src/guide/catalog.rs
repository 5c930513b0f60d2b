//! The catalog: every guide from every source, later sources overriding earlier ones by id.
//!
//! Sources, in order: the guides compiled into the binary, the user data dir, each entry of
//! `TSHOOT_GUIDES`, each `--guides`. A broken file costs only itself: it is reported and
//! skipped, and every other guide still loads. This is the one place, besides the CLI, that
//! reads the filesystem.

use std::ffi::OsStr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

use rustc_hash::FxHashMap;

use super::diagnostic::{Diagnostic, Diagnostics};
use super::load;
use super::read::Reader;
use super::sources::{self, Item};
use super::{ErrorEntry, Guide};

/// The guides compiled into the binary: file name and contents.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "itsmc-dashboard-errors.yaml",
        include_str!("../../guides/itsmc-dashboard-errors.yaml"),
    ),
    (
        "itsmc-troubleshooting.yaml",
        include_str!("../../guides/itsmc-troubleshooting.yaml"),
    ),
];

/// Where guides come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// The guides compiled into the binary.
    Builtin,
    /// A guide file, or a folder searched for `*.yaml` and `*.yml` files.
    Path {
        path: PathBuf,
        /// A missing optional source (the user data dir) is not worth a message.
        optional: bool,
    },
}

impl Source {
    /// The configured sources, in order of precedence (last wins).
    #[must_use]
    pub fn configured(
        builtin: bool,
        data_dir: Option<PathBuf>,
        tshoot_guides: Option<&OsStr>,
        flags: &[PathBuf],
    ) -> Vec<Source> {
        let mut sources = Vec::new();
        if builtin {
            sources.push(Source::Builtin);
        }
        if let Some(dir) = data_dir {
            sources.push(Source::Path {
                path: dir.join("tshoot").join("guides"),
                optional: true,
            });
        }
        if let Some(list) = tshoot_guides {
            for path in std::env::split_paths(list).filter(|p| !p.as_os_str().is_empty()) {
                sources.push(Source::Path {
                    path,
                    optional: false,
                });
            }
        }
        for path in flags {
            sources.push(Source::Path {
                path: path.clone(),
                optional: false,
            });
        }
        sources
    }
}

/// A problem found while loading, and the index of the source it came from.
#[derive(Clone, Debug)]
pub struct Problem {
    pub source: usize,
    pub diagnostic: Diagnostic,
}

/// Every loaded guide, and what went wrong on the way.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    pub guides: Vec<Guide>,
    /// Errors (the file was skipped) and warnings, in load order.
    pub problems: Vec<Problem>,
    /// Guides overridden by a later source.
    pub notices: Vec<String>,
}

/// Why an error id did not name exactly one error.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup {
    NotFound,
    /// The id exists in several guides: these `guide-id/error-id` names.
    Ambiguous(Vec<String>),
}

impl Catalog {
    /// Loads every source. Never fails: problems are recorded and the rest goes on.
    #[must_use]
    pub fn load(sources: &[Source]) -> Catalog {
        Catalog::load_with(sources, &Reader::default(), &AtomicUsize::new(0))
    }

    /// Loads every source, reading files with `reader`; `done` counts the files read.
    #[must_use]
    pub fn load_with(sources: &[Source], reader: &Reader, done: &AtomicUsize) -> Catalog {
        let mut loader = Loader::default();
        for (index, source) in sources.iter().enumerate() {
            match source {
                Source::Builtin => {
                    let files = BUILTIN
                        .iter()
                        .map(|(name, text)| (format!("<builtin>/{name}"), text.as_bytes().to_vec()))
                        .collect();
                    for (file, checked) in check_all(files, index) {
                        loader.add(index, &file, Ok(checked));
                    }
                }
                Source::Path { path, optional } => {
                    if *optional && !path.exists() {
                        continue;
                    }
                    loader.add_scanned(index, sources::scan(path), reader, done);
                }
            }
        }
        loader.finish()
    }

    /// A catalog of guide files already in memory (name and contents), as one source.
    #[must_use]
    pub fn from_files(files: Vec<(String, Vec<u8>)>) -> Catalog {
        let mut loader = Loader::default();
        for (file, checked) in check_all(files, 0) {
            loader.add(0, &file, Ok(checked));
        }
        loader.finish()
    }

    /// Keeps the diagnostics of a file of source `source`.
    fn record(&mut self, source: usize, diagnostics: Vec<Diagnostic>) {
        self.problems.extend(
            diagnostics
                .into_iter()
                .map(|diagnostic| Problem { source, diagnostic }),
        );
    }

    fn problem(&mut self, source: usize, file: &str, message: String) {
        let mut diags = Diagnostics::new(file);
        diags.error(None, message);
        self.record(source, diags.list);
    }

    /// Checks references into other guides now that every guide is known, and drops those
    /// that lead nowhere, so no screen meets one.
    fn resolve_related(&mut self) {
        for (source, diagnostics) in super::cross::resolve(&mut self.guides) {
            self.record(source, diagnostics);
        }
    }

    /// The guide with this id.
    #[must_use]
    pub fn guide(&self, id: &str) -> Option<&Guide> {
        self.guides.iter().find(|g| g.id == id)
    }

    /// The error named `error-id` or `guide-id/error-id`.
    pub fn find_error(&self, name: &str) -> Result<(&Guide, &ErrorEntry), Lookup> {
        if let Some((guide, error)) = name.split_once('/') {
            return self
                .guide(guide)
                .and_then(|g| Some((g, g.error(error)?)))
                .ok_or(Lookup::NotFound);
        }
        let found: Vec<(&Guide, &ErrorEntry)> = self
            .guides
            .iter()
            .filter_map(|g| Some((g, g.error(name)?)))
            .collect();
        match found.as_slice() {
            [] => Err(Lookup::NotFound),
            [one] => Ok(*one),
            many => Err(Lookup::Ambiguous(
                many.iter()
                    .map(|(g, e)| format!("{}/{}", g.id, e.id))
                    .collect(),
            )),
        }
    }
}

/// Builds a catalog file by file: guide ids are looked up in a hash map, so loading is
/// linear in the number of guides.
#[derive(Debug, Default)]
struct Loader {
    catalog: Catalog,
    /// Index into `catalog.guides` of each guide id.
    ids: FxHashMap<String, usize>,
    /// Where the guides of the source being added start in `catalog.guides`.
    first_of_source: usize,
    source: Option<usize>,
}

impl Loader {
    /// Adds the result of reading and checking one file of source `source`.
    fn add(&mut self, source: usize, file: &str, checked: Result<load::Checked, String>) {
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

    /// Reads and checks the files a walk of source `source` found, keeping walk order.
    fn add_scanned(
        &mut self,
        source: usize,
        items: Vec<Item>,
        reader: &Reader,
        done: &AtomicUsize,
    ) {
        let (paths, names): (Vec<PathBuf>, Vec<String>) = items
            .iter()
            .filter_map(|item| match item {
                Item::File(found) => Some((found.path.clone(), found.shown.clone())),
                Item::Problem(_) => None,
            })
            .unzip();
        let names = Arc::new(names);
        let shown = Arc::clone(&names);
        let mut results = reader
            .read_all(
                paths,
                move |i, bytes| load::check(&shown[i], &bytes, source),
                done,
            )
            .into_iter()
            .zip(names.iter());
        for item in items {
            match item {
                Item::Problem(diagnostic) => self.catalog.record(source, vec![diagnostic]),
                Item::File(_) => {
                    if let Some((checked, name)) = results.next() {
                        self.add(source, name, checked);
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

    fn finish(mut self) -> Catalog {
        self.catalog.resolve_related();
        self.catalog
    }
}

/// Parses and checks files, on every core when there are many; results keep file order.
fn check_all(files: Vec<(String, Vec<u8>)>, source: usize) -> Vec<(String, load::Checked)> {
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
