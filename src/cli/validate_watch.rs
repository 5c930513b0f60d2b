//! `tshoot validate --watch [PATH...]`: check, then check again on every save, until
//! interrupted — the authoring loop of edit, save, read the diagnostics. What counts as a
//! save, and how folders and files are watched, is [`crate::watch`]'s, shared with the
//! TUI's live reload.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;

use super::Context;
use super::validate::{self, Format};
use crate::watch::Watch;

pub fn run(context: &Context, paths: &[PathBuf], format: Format) -> anyhow::Result<ExitCode> {
    let named: Vec<PathBuf> = if paths.is_empty() {
        context
            .sources
            .iter()
            .filter_map(|s| match s {
                crate::guide::catalog::Source::Path { path, .. } => Some(path.clone()),
                crate::guide::catalog::Source::Builtin => None,
            })
            .collect()
    } else {
        for p in paths {
            anyhow::ensure!(
                p.exists(),
                "cannot watch {}: it does not exist",
                p.display()
            );
        }
        paths.to_vec()
    };
    let watch = Watch::new(&named).context("cannot watch for changes")?;
    let Some(mut watch) = watch else {
        anyhow::bail!(
            "nothing to watch: name a guide file or folder (`tshoot validate --watch PATH`)"
        );
    };
    // Watching starts before the first check, so no save between the two is missed.
    validate::print(&validate::check(context, paths), format)?;
    let shown: Vec<String> = watch
        .watched
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    std::io::Write::write_fmt(
        &mut anstream::stderr(),
        format_args!("Watching {} for changes; Ctrl-C stops.\n", shown.join(", ")),
    )?;
    loop {
        anyhow::ensure!(watch.wait(), "the file watcher stopped");
        validate::print(&validate::check(context, paths), format)?;
    }
}
