//! `tshoot cache clear`: remove the guide cache (it is rebuilt on the next start).

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::Subcommand;

use crate::cache::{Cache, store};

#[derive(Debug, Subcommand)]
pub enum Action {
    /// Remove every cache file; the next start reads all guides again.
    Clear,
}

pub fn run(action: &Action) -> anyhow::Result<ExitCode> {
    match action {
        Action::Clear => {
            let Some(dir) = Cache::default_dir() else {
                anyhow::bail!("no cache folder: neither XDG_CACHE_HOME nor HOME is set");
            };
            let removed = store::clear(&dir)
                .with_context(|| format!("cannot clear the cache in {}", dir.display()))?;
            writeln!(
                std::io::stdout(),
                "removed {removed} cache {} from {}",
                if removed == 1 { "file" } else { "files" },
                crate::guide::sources::display_name(&dir)
            )?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
