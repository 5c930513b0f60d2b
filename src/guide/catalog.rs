//! The catalog: every guide from every source, later sources overriding earlier ones by id.
//!
//! Sources, in order: the guides compiled into the binary, the user data dir, each entry of
//! `TSHOOT_GUIDES`, each `--guides`. A broken file costs only itself: it is reported and
//! skipped, and every other guide still loads. This is the one place, besides the CLI, that
//! reads the filesystem.

use std::ffi::OsStr;
use std::path::PathBuf;
use std::sync::atomic::AtomicUsize;

use super::diagnostic::{Diagnostic, Diagnostics};
use super::loader::{Loader, read_and_check};
use super::read::Reader;
use super::sources::{self, Found};
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
                Source::Builtin => loader.add_builtin(index),
                Source::Path { path, optional } => {
                    if *optional && !path.exists() {
                        continue;
                    }
                    let items = sources::scan(path);
                    let files: Vec<&Found> = sources::files(&items).collect();
                    let results = read_and_check(index, &files, reader, done);
                    loader.add_scanned(index, items, results);
                }
            }
        }
        loader.finish()
    }

    /// A catalog of guide files already in memory (name and contents), as one source.
    #[must_use]
    pub fn from_files(files: Vec<(String, Vec<u8>)>) -> Catalog {
        let mut loader = Loader::default();
        loader.add_files(0, files);
        loader.finish()
    }

    /// Keeps the diagnostics of a file of source `source`.
    pub(super) fn record(&mut self, source: usize, diagnostics: Vec<Diagnostic>) {
        self.problems.extend(
            diagnostics
                .into_iter()
                .map(|diagnostic| Problem { source, diagnostic }),
        );
    }

    pub(super) fn problem(&mut self, source: usize, file: &str, message: String) {
        let mut diags = Diagnostics::new(file);
        diags.error(None, message);
        self.record(source, diags.list);
    }

    /// Checks references into other guides now that every guide is known, and drops those
    /// that lead nowhere, so no screen meets one.
    /// `ids` maps each guide id to its index in `guides`.
    pub(super) fn resolve_related(&mut self, ids: &rustc_hash::FxHashMap<String, usize>) {
        for (source, diagnostics) in super::cross::resolve(&mut self.guides, ids) {
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
