//! Any bytes as a search query against the built-in guides: never a panic, and hits are
//! sorted and scored within 0–100.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tshoot::guide::catalog::{Catalog, Source};
use tshoot::search::{self, Index};

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| Index::new(&Catalog::load(&[Source::Builtin])))
}

fuzz_target!(|bytes: &[u8]| {
    let query = String::from_utf8_lossy(bytes);
    let hits = search::search(index(), &query);
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(hits.iter().all(|h| h.score <= 100));
});
