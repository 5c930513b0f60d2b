//! `tshoot validate --watch [PATH...]`: check, then check again on every save, until
//! interrupted — the authoring loop of edit, save, read the diagnostics.
//!
//! Folders are watched recursively; a file is watched through its folder, because many
//! editors save by writing a new file and renaming it over the old one, which a watch on
//! the old file would miss. Only changes to `.yaml` and `.yml` files count, and a burst of
//! events (one save is often several) gives one check.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use notify::{EventKind, RecursiveMode, Watcher};

use super::Context;
use super::validate::{self, Format};

/// How long after the first event of a burst to wait for the rest of it.
const SETTLE: Duration = Duration::from_millis(150);

/// What to watch, and how: a folder recursively, a file through its folder.
fn targets(context: &Context, paths: &[PathBuf]) -> Vec<(PathBuf, RecursiveMode)> {
    let named: Vec<PathBuf> = if paths.is_empty() {
        context
            .sources
            .iter()
            .filter_map(|s| match s {
                crate::guide::catalog::Source::Path { path, .. } if path.exists() => {
                    Some(path.clone())
                }
                _ => None,
            })
            .collect()
    } else {
        paths.to_vec()
    };
    named
        .into_iter()
        .map(|p| {
            if p.is_dir() {
                (p, RecursiveMode::Recursive)
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

/// Whether an event may change a check's result: a guide file created, written, renamed
/// or removed. Reads (our own, too) and metadata changes do not count.
fn matters(event: &notify::Event) -> bool {
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

pub fn run(context: &Context, paths: &[PathBuf], format: Format) -> anyhow::Result<ExitCode> {
    let targets = targets(context, paths);
    anyhow::ensure!(
        !targets.is_empty(),
        "nothing to watch: name a guide file or folder (`tshoot validate --watch PATH`)"
    );
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(tx).context("cannot watch for changes")?;
    for (path, mode) in &targets {
        watcher
            .watch(path, *mode)
            .with_context(|| format!("cannot watch {}", path.display()))?;
    }
    // Watching starts before the first check, so no save between the two is missed.
    validate::print(&validate::check(context, paths), format)?;
    let names: Vec<String> = targets
        .iter()
        .map(|(p, _)| p.display().to_string())
        .collect();
    std::io::Write::write_fmt(
        &mut anstream::stderr(),
        format_args!("Watching {} for changes; Ctrl-C stops.\n", names.join(", ")),
    )?;
    loop {
        let Ok(first) = rx.recv() else {
            anyhow::bail!("the file watcher stopped");
        };
        let mut changed = first.as_ref().is_ok_and(matters);
        let deadline = Instant::now() + SETTLE;
        while let Ok(event) = rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            changed |= event.as_ref().is_ok_and(matters);
        }
        if let Err(e) = first {
            super::report::warning(format_args!("while watching: {e}"));
        }
        if changed {
            validate::print(&validate::check(context, paths), format)?;
        }
    }
}
