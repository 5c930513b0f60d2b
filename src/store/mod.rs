//! Saved sessions: one small JSON file per session under `$XDG_STATE_HOME/tshoot/sessions/`.
//!
//! A session must survive `kill -9`, a lost SSH link and a second tshoot running at the same
//! time, so every save is atomic (a private temporary file in the same folder, synced, then
//! renamed over the old one) and made under an exclusive lock on the folder's `.lock` file.
//! Each file carries a revision: a save that finds a different revision on disk than the one
//! it started from was overtaken by another instance, and is written as a new session instead
//! of over the other one's work — no instance ever loses a save. Finished sessions are kept
//! 30 days as history, then removed. Files that fail the checks of [`record`] are reported and
//! skipped, never trusted, never deleted.
//!
//! Besides the catalog loader, this is the only module that touches the filesystem.

pub mod clock;
pub mod convert;
pub mod record;

use std::collections::hash_map::RandomState;
use std::fs;
use std::hash::{BuildHasher, Hasher};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use anyhow::Context as _;

pub use record::{Place, Saved, Status};

use crate::guide::sanitize::clean;
use crate::labels::Label;
use crate::lang::Lang;

/// Finished sessions older than this are removed.
pub const KEEP_FINISHED_SECS: i64 = 30 * 86_400;
/// At most this many files of the folder are looked at.
const MAX_FILES: usize = 2_000;

/// The folder of saved sessions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Store {
    dir: PathBuf,
}

/// A file that was skipped, and why; both safe to print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub file: String,
    pub reason: String,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} (skipped)", self.file, self.reason)
    }
}

/// The sessions of the folder, most recently changed first, and the files skipped.
#[derive(Clone, Debug, Default)]
pub struct Listing {
    pub sessions: Vec<Saved>,
    pub skipped: Vec<Skipped>,
}

impl Store {
    /// A store in `dir` (created on the first save).
    #[must_use]
    pub fn new(dir: PathBuf) -> Store {
        Store { dir }
    }

    /// `$XDG_STATE_HOME/tshoot/sessions`, or `~/.local/state/tshoot/sessions`.
    #[must_use]
    pub fn default_dir() -> Option<PathBuf> {
        let xdg = etcetera::base_strategy::Xdg::new().ok()?;
        let state = etcetera::BaseStrategy::state_dir(&xdg)?;
        Some(state.join("tshoot").join("sessions"))
    }

    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// Every readable session, newest change first; unreadable files are listed as skipped.
    /// Finished sessions past their 30 days are removed on the way.
    #[must_use]
    pub fn list(&self, now: i64) -> Listing {
        let mut listing = Listing::default();
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return listing;
        };
        let mut expired = Vec::new();
        for entry in entries.filter_map(Result::ok).take(MAX_FILES) {
            let name = entry.file_name();
            let shown = clean(&name.to_string_lossy());
            let Some(id) = name.to_str().and_then(|n| n.strip_suffix(".json")) else {
                continue;
            };
            if id.starts_with('.') {
                continue;
            }
            match read_checked(&entry.path()) {
                Ok(saved) if saved.id != id => listing.skipped.push(Skipped {
                    file: shown,
                    reason: "its id does not match its file name".to_owned(),
                }),
                Ok(saved)
                    if saved.status.finished()
                        && now.saturating_sub(saved.updated) > KEEP_FINISHED_SECS =>
                {
                    expired.push(saved.id);
                }
                Ok(saved) => listing.sessions.push(saved),
                Err(reason) => listing.skipped.push(Skipped {
                    file: shown,
                    reason,
                }),
            }
        }
        if !expired.is_empty() {
            let _ = self.locked(|| {
                for id in &expired {
                    // Only if it is still finished and old: another instance may have
                    // resumed it since.
                    let path = self.path_of(id);
                    if read_checked(&path).is_ok_and(|s| {
                        s.status.finished() && now.saturating_sub(s.updated) > KEEP_FINISHED_SECS
                    }) {
                        let _ = fs::remove_file(&path);
                    }
                }
                Ok(())
            });
        }
        listing.sessions.sort_by(|a, b| {
            b.updated
                .cmp(&a.updated)
                .then_with(|| b.started.cmp(&a.started))
                .then_with(|| b.id.cmp(&a.id))
        });
        listing.skipped.sort_by(|a, b| a.file.cmp(&b.file));
        listing
    }

    /// The session with this id.
    pub fn load(&self, id: &str) -> anyhow::Result<Saved> {
        anyhow::ensure!(
            record::valid_id(id),
            "`{}` is not a session id (see `tshoot sessions`)",
            clean(id)
        );
        let path = self.path_of(id);
        anyhow::ensure!(
            path.exists(),
            "no saved session `{id}` (see `tshoot sessions`)"
        );
        read_checked(&path).map_err(|reason| anyhow::anyhow!("{}: {reason}", path.display()))
    }

    /// Saves `saved`, giving it an id if it has none and raising its revision. If another
    /// instance saved the same session since this one loaded it, this one becomes a new
    /// session (a new id) so that neither save is lost.
    pub fn save(&self, saved: &mut Saved) -> anyhow::Result<PathBuf> {
        create_private_dir(&self.dir)
            .with_context(|| format!("creating {}", self.dir.display()))?;
        self.locked(|| {
            let path = self.path_of(&saved.id);
            // Overtaken by another instance, or a file we did not write sits under our
            // name: become a new session rather than overwrite it.
            let fresh = saved.id.is_empty()
                || (path.exists() && read_checked(&path).map(|s| s.revision) != Ok(saved.revision));
            if fresh {
                saved.id = self.new_id(saved.started);
                saved.revision = 0;
            }
            saved.revision += 1;
            let json = serde_json::to_vec_pretty(&saved.to_file())?;
            let mut tmp = tempfile::Builder::new()
                .prefix(".tmp-")
                .suffix(".json.part")
                .tempfile_in(&self.dir)
                .with_context(|| format!("writing in {}", self.dir.display()))?;
            tmp.write_all(&json)?;
            tmp.write_all(b"\n")?;
            tmp.as_file().sync_all()?;
            let path = self.path_of(&saved.id);
            tmp.persist(&path)
                .with_context(|| format!("saving {}", path.display()))?;
            if let Ok(dir) = fs::File::open(&self.dir) {
                let _ = dir.sync_all();
            }
            Ok(path)
        })
    }

    /// A new id, `YYYYMMDD-HHMMSS-xxxx`, free in the folder.
    fn new_id(&self, started: i64) -> String {
        let stamp: String = clock::format(started)
            .chars()
            .filter(char::is_ascii_digit)
            .take(14)
            .collect();
        loop {
            let mut hasher = RandomState::new().build_hasher();
            hasher.write_u32(std::process::id());
            let id = format!(
                "{}-{}-{:04x}",
                &stamp[..8.min(stamp.len())],
                &stamp[8.min(stamp.len())..],
                hasher.finish() & 0xffff
            );
            if !self.path_of(&id).exists() {
                return id;
            }
        }
    }

    /// Runs `f` holding the folder's exclusive lock.
    fn locked<T>(&self, f: impl FnOnce() -> anyhow::Result<T>) -> anyhow::Result<T> {
        let mut options = fs::OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let lock_path = self.dir.join(".lock");
        let lock = options
            .open(&lock_path)
            .with_context(|| format!("opening {}", lock_path.display()))?;
        lock.lock()
            .with_context(|| format!("locking {}", lock_path.display()))?;
        let result = f();
        let _ = lock.unlock();
        result
    }
}

/// Creates the folder, readable by its owner only when tshoot makes it.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Reads and checks one file: a regular file (not a link), not too large, a valid session.
fn read_checked(path: &Path) -> Result<Saved, String> {
    let meta = fs::symlink_metadata(path).map_err(|e| e.to_string())?;
    if !meta.file_type().is_file() {
        return Err("not a regular file".to_owned());
    }
    if meta.len() > record::MAX_FILE_BYTES {
        return Err(format!("larger than {} bytes", record::MAX_FILE_BYTES));
    }
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|f| f.take(record::MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| e.to_string())?;
    Saved::parse(&bytes).map_err(|reason| clean(&reason))
}

impl Saved {
    /// Where the session stands, in words: "question 3", "step 2 of 4", "fixed", "escalated".
    #[must_use]
    pub fn stands(&self, lang: Lang) -> String {
        match (self.status, self.place.steps) {
            (Status::Fixed, _) => Label::Solved.text(lang).to_lowercase(),
            (Status::Escalated, _) => Label::StatusEscalated.text(lang).to_owned(),
            (Status::Open, Some((done, total))) => Label::StepOf
                .text(lang)
                .replace("{n}", &(done + 1).min(total.max(1)).to_string())
                .replace("{total}", &total.to_string()),
            (Status::Open, None) => Label::QuestionN
                .text(lang)
                .replace("{n}", &(self.place.answered + 1).to_string()),
        }
    }
}
