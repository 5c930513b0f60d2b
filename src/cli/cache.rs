//! `tshoot cache clear`: remove the guide cache (it is rebuilt on the next start); and
//! loading the catalog with its search index through the cache, for `tshoot search`.

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::Subcommand;

use crate::cache::{Cache, Progress, store};
use crate::guide::Catalog;
use crate::guide::read::Reader;
use crate::search::Index;

use super::{Context, report};

/// The configured guides and their search index, both from the cache when they are in it.
pub fn load_indexed(context: &Context) -> (Catalog, Index) {
    let (catalog, index) = crate::cache::load_indexed(
        &context.sources,
        context.cache.as_ref(),
        &Reader::default(),
        &Progress::default(),
    );
    report::load_problems(&catalog);
    (catalog, index)
}

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
