//! The catalog: every guide from every source, later sources overriding earlier ones by id.
//!
//! Sources, in order: the guides compiled into the binary, the user data dir, each entry of
//! `TSHOOT_GUIDES`, each `--guides`. A broken file costs only itself: it is reported and
//! skipped, and every other guide still loads. This is the one place, besides the CLI, that
//! reads the filesystem.

use std::ffi::OsStr;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::diagnostic::{Diagnostic, Diagnostics};
use super::load::{self, MAX_GUIDE_BYTES};
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

/// Directories deeper than this below a source are not searched for guides.
const MAX_DIR_DEPTH: usize = 8;

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
        let mut catalog = Catalog::default();
        for (index, source) in sources.iter().enumerate() {
            let mut files = Vec::new();
            match source {
                Source::Builtin => {
                    for (name, text) in BUILTIN {
                        files.push((format!("<builtin>/{name}"), Ok(text.as_bytes().to_vec())));
                    }
                }
                Source::Path { path, optional } => {
                    if *optional && !path.exists() {
                        continue;
                    }
                    collect_files(path, 0, &mut files);
                }
            }
            catalog.add_source(index, files);
        }
        catalog.resolve_related();
        catalog
    }

    /// A catalog of guide files already in memory (name and contents), as one source.
    #[must_use]
    pub fn from_files(files: Vec<(String, Vec<u8>)>) -> Catalog {
        let mut catalog = Catalog::default();
        catalog.add_source(0, files.into_iter().map(|(n, b)| (n, Ok(b))).collect());
        catalog.resolve_related();
        catalog
    }

    fn add_source(&mut self, source: usize, files: Vec<(String, Result<Vec<u8>, String>)>) {
        let first_of_source = self.guides.len();
        for (file, checked) in check_all(files, source) {
            let checked = match checked {
                Ok(checked) => checked,
                Err(message) => {
                    self.problem(source, &file, message);
                    continue;
                }
            };
            self.record(source, checked.diagnostics);
            if let Some(guide) = checked.guide {
                self.insert(guide, first_of_source);
            }
        }
    }

    /// Adds a guide: a duplicate within one source is an error, a guide of an earlier
    /// source with the same id is overridden.
    fn insert(&mut self, guide: Guide, first_of_source: usize) {
        let Some(i) = self.guides.iter().position(|g| g.id == guide.id) else {
            self.guides.push(guide);
            return;
        };
        let old = &self.guides[i].origin;
        if i >= first_of_source {
            let mut diags = Diagnostics::new(&guide.origin.file);
            diags.error(
                guide.origin.id_pos,
                format!("duplicate guide id `{}` (also in {})", guide.id, old.file),
            );
            let source = guide.origin.source;
            self.record(source, diags.list);
        } else {
            self.notices.push(format!(
                "guide `{}` from {} overrides the one from {}",
                guide.id, guide.origin.file, old.file
            ));
            self.guides[i] = guide;
        }
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

/// Parses and checks files, on every core when there are many; results keep file order.
fn check_all(
    files: Vec<(String, Result<Vec<u8>, String>)>,
    source: usize,
) -> Vec<(String, Result<load::Checked, String>)> {
    let check = |(file, bytes): (String, Result<Vec<u8>, String>)| {
        let checked = bytes.map(|b| load::check(&file, &b, source));
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

/// Reads a guide file, or every guide file below a folder, in name order.
fn collect_files(path: &Path, depth: usize, files: &mut Vec<(String, Result<Vec<u8>, String>)>) {
    // A file name is as untrusted as the file: it is shown only sanitised.
    let shown = super::sanitize::clean(&path.display().to_string());
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) => {
            files.push((shown, Err(format!("cannot read: {e}"))));
            return;
        }
    };
    if meta.is_file() {
        files.push((shown, read_bounded(path, meta.len())));
        return;
    }
    if depth > MAX_DIR_DEPTH {
        return;
    }
    let mut entries: Vec<PathBuf> = match fs::read_dir(path) {
        Ok(entries) => entries.filter_map(|e| Some(e.ok()?.path())).collect(),
        Err(e) => {
            files.push((shown, Err(format!("cannot read folder: {e}"))));
            return;
        }
    };
    entries.sort();
    for entry in entries {
        let name = entry
            .file_name()
            .and_then(OsStr::to_str)
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        let is_guide = Path::new(name)
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("yaml") || ext.eq_ignore_ascii_case("yml"));
        if is_guide || entry.is_dir() {
            collect_files(&entry, depth + 1, files);
        }
    }
}

/// Reads at most [`MAX_GUIDE_BYTES`] (plus one, to notice more) of a file.
fn read_bounded(path: &Path, len: u64) -> Result<Vec<u8>, String> {
    if len > MAX_GUIDE_BYTES {
        return Err(load::too_big(len));
    }
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|f| f.take(MAX_GUIDE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| format!("cannot read: {e}"))?;
    Ok(bytes)
}
