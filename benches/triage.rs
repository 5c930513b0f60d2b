//! Triage throughput: the built-in guides over a generated 50 MB application log in which
//! one line in 1,000 holds a known message (as many again are near-misses), read from a
//! file through the whole pipeline (blocks, prefilter, both cores, line numbers); and the
//! cost of telling one candidate line.
//!
//! `cargo bench --bench triage`. Bytes per second are printed by divan (`throughput`).
//! The side-by-side measurement against grep and ripgrep on 200 MB uses hyperfine and
//! `examples/triage_log.rs` (see the README).

use std::io::Write;
use std::sync::Arc;

use tshoot::guide::Catalog;
use tshoot::guide::catalog::Source;
use tshoot::triage::{self, Control, Input, Matcher, Options, Place, Tallies};

#[path = "support/triage_log.rs"]
mod triage_log;

fn main() {
    divan::main();
}

fn matcher() -> Arc<Matcher> {
    let catalog = Catalog::load(&Source::configured(true, None, None, &[]));
    Arc::new(Matcher::new(&catalog, None))
}

#[divan::bench(sample_count = 10)]
fn log_50mb(bencher: divan::Bencher) {
    let mut file = tempfile::NamedTempFile::new().expect("temp file");
    let truth = {
        let mut w = std::io::BufWriter::new(file.as_file_mut());
        let truth = triage_log::generate(50_000_000, 1000, 9, &mut w).expect("write");
        w.flush().expect("flush");
        truth
    };
    let matcher = matcher();
    let inputs = [Input::File(file.path().to_owned())];
    bencher
        .counter(divan::counter::BytesCount::new(truth.bytes))
        .bench(|| {
            let mut tallies = Tallies::default();
            triage::run(
                &matcher,
                &inputs,
                Options::default(),
                &Arc::new(Control::default()),
                |file, line, hit| tallies.add(Place { file, line }, hit),
            );
            assert_eq!(tallies.total(), truth.counts.values().sum::<u64>());
        });
}

#[divan::bench]
fn one_candidate_line(bencher: divan::Bencher) {
    let matcher = matcher();
    let line = b"2024-05-01T10:22:03Z ERROR [itsm.worker] Could not create/update work item for alert CPU-High. ITSM Connector 0c9e41d2-1f3a-4b5c-8d7e-0123456789ab does not exist or was deleted.\n";
    let filter = matcher.prefilter(None);
    let mut scratch = triage::scan::Scratch::default();
    bencher.bench_local(|| {
        let mut hits = Vec::new();
        triage::scan::scan(&matcher, &filter, line, line.len(), &mut scratch, &mut hits);
        assert_eq!(hits.len(), 1);
    });
}

/// The same line through search's template reading, for comparison: triage does not call
/// it (see the `triage` module docs), and this is what each candidate line would cost if
/// it did.
#[divan::bench]
fn one_line_through_search(bencher: divan::Bencher) {
    let catalog = Catalog::load(&Source::configured(true, None, None, &[]));
    let index = tshoot::search::Index::new(&catalog);
    let line = "2024-05-01T10:22:03Z ERROR [itsm.worker] Could not create/update work item for alert CPU-High. ITSM Connector 0c9e41d2-1f3a-4b5c-8d7e-0123456789ab does not exist or was deleted.";
    let mut scratch = tshoot::search::Scratch::default();
    bencher.bench_local(|| {
        let hits = tshoot::search::known_messages(&index, line, &mut scratch);
        assert_eq!(hits.first().map(|h| h.score), Some(100));
    });
}
