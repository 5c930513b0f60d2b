//! Watching guide files for saves: what `tshoot validate --watch` re-checks on and what the
//! TUI reloads on.
//!
//! Folders are watched recursively; a file is watched through its folder, because many
//! editors save by writing a new file and renaming it over the old one, which a watch on
//! the old file would miss. Only changes to `.yaml` and `.yml` files count, and a burst of
//! events (one save is often several) counts once, [`SETTLE`] after its last event. A
//! folder that does not exist yet is waited for: its nearest existing parent is watched (not
//! recursively) until it appears, and then it is watched and counts as changed.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

/// How long after the last event of a burst to wait for more of it.
pub const SETTLE: Duration = Duration::from_millis(150);

/// The most events taken from the queue in one [`Watch::poll`], so a flood of them (a
/// checkout of thousands of files) cannot hold the caller; the rest wait for the next poll.
const MAX_EVENTS_A_POLL: usize = 4096;

/// What to watch, and how: a folder recursively, a file through its folder. Paths that do
/// not exist are left out.
#[must_use]
pub fn targets(paths: &[PathBuf]) -> Vec<(PathBuf, RecursiveMode)> {
    paths
        .iter()
        .filter(|p| p.exists())
        .map(|p| {
            if p.is_dir() {
                (p.clone(), RecursiveMode::Recursive)
            } else {
                let parent = p
                    .parent()
                    .filter(|d| !d.as_os_str().is_empty())
                    .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
                (parent, RecursiveMode::NonRecursive)
            }
        })
        .collect()
}

/// Whether an event may change what the guides say: a guide file created, written,
/// renamed or removed. Reads (our own, too) and metadata changes do not count.
#[must_use]
pub fn matters(event: &notify::Event) -> bool {
    let kind = matches!(
        event.kind,
        EventKind::Create(_)
            | EventKind::Remove(_)
            | EventKind::Modify(
                notify::event::ModifyKind::Data(_)
                    | notify::event::ModifyKind::Name(_)
                    | notify::event::ModifyKind::Any
            )
            | EventKind::Any
    );
    kind && event.paths.iter().any(|p| {
        p.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
    })
}

/// A watch over some paths that says, when asked, whether a burst of guide changes has
/// settled since it last said so.
#[derive(Debug)]
pub struct Watch {
    rx: mpsc::Receiver<notify::Result<notify::Event>>,
    // Kept alive: dropping it ends the watch.
    watcher: notify::RecommendedWatcher,
    /// When the current burst settles, if one is under way.
    due: Option<Instant>,
    /// The folders watched, for messages.
    pub watched: Vec<PathBuf>,
    /// Paths that did not exist yet, and the parents watched for them to appear.
    missing: Vec<PathBuf>,
    parents: Vec<PathBuf>,
}

impl Watch {
    /// Watches `paths`, and the nearest existing parent of each that does not exist yet;
    /// `None` when there is nothing to watch.
    pub fn new(paths: &[PathBuf]) -> anyhow::Result<Option<Watch>> {
        let targets = targets(paths);
        let missing: Vec<PathBuf> = paths.iter().filter(|p| !p.exists()).cloned().collect();
        if targets.is_empty() && missing.is_empty() {
            return Ok(None);
        }
        let (tx, rx) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(tx)?;
        for (path, mode) in &targets {
            watcher
                .watch(path, *mode)
                .map_err(|e| anyhow::anyhow!("cannot watch {}: {e}", path.display()))?;
        }
        let mut watch = Watch {
            rx,
            watcher,
            due: None,
            watched: targets.into_iter().map(|(p, _)| p).collect(),
            missing,
            parents: Vec::new(),
        };
        watch.arm();
        Ok(Some(watch))
    }

    /// Watches each missing path that has appeared (true if one has), and otherwise its
    /// nearest existing parent, once.
    fn arm(&mut self) -> bool {
        let mut appeared = false;
        for path in std::mem::take(&mut self.missing) {
            if path.exists() {
                for (target, mode) in targets(std::slice::from_ref(&path)) {
                    if !self.watched.contains(&target) && self.watcher.watch(&target, mode).is_ok()
                    {
                        self.watched.push(target);
                    }
                }
                appeared = true;
                continue;
            }
            let parent = path.ancestors().skip(1).find(|a| a.is_dir());
            if let Some(parent) = parent.map(Path::to_path_buf)
                && !self.parents.contains(&parent)
                && self
                    .watcher
                    .watch(&parent, RecursiveMode::NonRecursive)
                    .is_ok()
            {
                self.parents.push(parent);
            }
            self.missing.push(path);
        }
        appeared
    }

    /// Whether `event` may be a missing path (or a folder on the way to it) appearing.
    fn on_the_way(&self, event: &notify::Event) -> bool {
        event
            .paths
            .iter()
            .any(|p| self.missing.iter().any(|m| m.starts_with(p)))
    }

    /// Takes in one event: a guide change starts or extends a burst, and so does a
    /// missing folder appearing.
    fn take(&mut self, event: &notify::Event, now: Instant) {
        if (!self.missing.is_empty() && self.on_the_way(event) && self.arm()) || matters(event) {
            self.due = Some(now + SETTLE);
        }
    }

    /// Takes the events waiting (without blocking); true once a burst of guide changes has
    /// had no new event for [`SETTLE`]. Watcher errors are returned to be reported.
    pub fn poll(&mut self, now: Instant) -> (bool, Vec<notify::Error>) {
        let mut errors = Vec::new();
        for _ in 0..MAX_EVENTS_A_POLL {
            match self.rx.try_recv() {
                Ok(Ok(event)) => self.take(&event, now),
                Ok(Err(e)) => errors.push(e),
                Err(_) => break,
            }
        }
        let settled = self.due.is_some_and(|due| now >= due);
        if settled {
            self.due = None;
        }
        (settled, errors)
    }

    /// Blocks until a burst of guide changes has settled (or the watcher ends: `false`).
    pub fn wait(&mut self) -> bool {
        loop {
            let timeout = self.due.map_or(Duration::from_secs(3600), |due| {
                due.saturating_duration_since(Instant::now())
            });
            match self.rx.recv_timeout(timeout) {
                Ok(Ok(event)) => self.take(&event, Instant::now()),
                Ok(Err(e)) => crate::cli::report::warning(format_args!("while watching: {e}")),
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if self.due.take().is_some() {
                        return true;
                    }
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => return false,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Watch;
    use std::time::{Duration, Instant};

    #[test]
    fn a_folder_that_appears_later_is_watched_and_counts_as_a_change() {
        let tmp = tempfile::tempdir().expect("temp");
        let guides = tmp.path().join("data").join("tshoot").join("guides");
        let mut watch = Watch::new(std::slice::from_ref(&guides))
            .expect("a watch")
            .expect("the nearest parent is watched");
        std::fs::create_dir_all(&guides).expect("create");
        std::fs::write(guides.join("new.yaml"), "id: new\n").expect("write");
        let deadline = Instant::now() + Duration::from_secs(20);
        while !watch.poll(Instant::now()).0 {
            assert!(
                Instant::now() < deadline,
                "the new folder was never noticed"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(watch.watched.contains(&guides), "{:?}", watch.watched);
        // From now on a save inside it is seen like any other.
        std::fs::write(guides.join("new.yaml"), "id: new\ntitle: t\n").expect("write");
        let deadline = Instant::now() + Duration::from_secs(20);
        while !watch.poll(Instant::now()).0 {
            assert!(
                Instant::now() < deadline,
                "a save in the new folder was missed"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}
