//! The warm start: when nothing changed since the last load, `tshoot list` and `tshoot
//! search` answer from the cached summary (and index) without decoding a single guide.
//!
//! Every source is still walked (only `stat`s) to fingerprint what is on disk now, the
//! same way a full load does ([`super::load_all`]); only a summary (and index) made from
//! exactly those inputs is used. A file that could not be read last time is fingerprinted
//! as unread there, so while one stays unreadable these return `None` and the caller loads
//! the guides, which reports it.

use crate::guide::catalog::Source;
use crate::guide::sources;
use crate::search::Index;

use super::index::Fingerprint;
use super::summary::Summary;
use super::{Cache, source_key};

/// The fingerprint of the sources as they are on disk now, as a full load through `cache`
/// computes it when every file can be read.
#[must_use]
pub fn fingerprint(sources: &[Source], cache: &Cache) -> Fingerprint {
    let mut fingerprint = Fingerprint::new(&cache.build);
    for source in sources {
        match source {
            Source::Builtin => fingerprint.builtin(),
            Source::Path { path, optional } => {
                fingerprint.source(&source_key(path));
                if *optional && !path.exists() {
                    continue;
                }
                fingerprint.items(&sources::scan(path), || true);
            }
        }
    }
    fingerprint
}

/// The summary of the catalog the sources make now, if the cache has it.
#[must_use]
pub fn summary(sources: &[Source], cache: &Cache) -> Option<Summary> {
    cache.summary(&fingerprint(sources, cache))
}

/// The summary and the search index of the catalog the sources make now, if the cache has
/// both (the index checked against the summary).
#[must_use]
pub fn summary_indexed(sources: &[Source], cache: &Cache) -> Option<(Summary, Index)> {
    let fingerprint = fingerprint(sources, cache);
    let summary = cache.summary(&fingerprint)?;
    let index = cache.cached_index_with(&fingerprint, |guide| summary.errors_of(guide))?;
    Some((summary, index))
}
