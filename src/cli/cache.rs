//! `tshoot cache clear`: remove the guide cache (it is rebuilt on the next start); and
//! loading the catalog with its search index through the cache, for `tshoot search`.

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::Subcommand;

use crate::cache::{Cache, store};
use crate::guide::Catalog;
use crate::guide::read::Reader;
use crate::search::Index;

use super::{Context, report};

/// The configured guides and their search index, both from the cache when they are in it.
pub fn load_indexed(context: &Context) -> (Catalog, Index) {
    let done = std::sync::atomic::AtomicUsize::new(0);
    let (catalog, index) = if let Some(cache) = &context.cache {
        let (catalog, fingerprint) =
            crate::cache::load_cached(&context.sources, cache, &Reader::default(), &done);
        let index = cache.index(&catalog, &fingerprint);
        (catalog, index)
    } else {
        let catalog = Catalog::load_with(&context.sources, &Reader::default(), &done);
        let index = Index::new(&catalog);
        (catalog, index)
    };
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
