//! Exact counts: a generated log with a known number of each known message (some split over
//! lines, some in Swedish) and near-misses mixed in gives exactly those counts, whatever the
//! block size, so that messages cut by block edges are neither lost nor counted twice.

#[path = "../benches/support/triage_log.rs"]
mod triage_log;

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::Arc;

use tshoot::guide::Catalog;
use tshoot::guide::catalog::Source;
use tshoot::triage::{self, Control, Input, Matcher, Options, Place, Tallies};

fn builtin() -> Catalog {
    Catalog::load(&Source::configured(true, None, None, &[]))
}

/// Triage of `path` with blocks of `block` bytes: `guide/error` → count, and lines read.
fn triage_counts(
    catalog: &Catalog,
    path: &std::path::Path,
    block: usize,
) -> (BTreeMap<String, u64>, u64) {
    let matcher = Arc::new(Matcher::new(catalog, None));
    let mut tallies = Tallies::default();
    let options = Options {
        block,
        ..Options::default()
    };
    let reports = triage::run(
        &matcher,
        &[Input::File(path.to_owned())],
        options,
        &Arc::new(Control::default()),
        |file, line, hit| tallies.add(Place { file, line }, hit),
    );
    let counts = tallies
        .list
        .iter()
        .map(|t| {
            let k = matcher.known[t.known as usize];
            let g = &catalog.guides[k.guide];
            (format!("{}/{}", g.id, g.errors[k.error].id), t.count)
        })
        .collect();
    (counts, reports[0].outcome.lines)
}

fn generated(bytes: u64, every: usize, seed: u64) -> (tempfile::NamedTempFile, triage_log::Truth) {
    let mut file = tempfile::NamedTempFile::new().expect("temp file");
    let truth = {
        let mut w = std::io::BufWriter::new(file.as_file_mut());
        let truth = triage_log::generate(bytes, every, seed, &mut w).expect("write log");
        w.flush().expect("flush");
        truth
    };
    (file, truth)
}

fn expected(truth: &triage_log::Truth) -> BTreeMap<String, u64> {
    truth
        .counts
        .iter()
        .map(|(k, v)| ((*k).to_owned(), *v))
        .collect()
}

#[test]
fn the_truth_names_errors_of_the_builtin_guides() {
    let catalog = builtin();
    let (_file, truth) = generated(200_000, 20, 7);
    for id in truth.counts.keys() {
        let (g, e) = id.split_once('/').expect("guide/error");
        assert!(catalog.guide(g).and_then(|g| g.error(e)).is_some(), "{id}");
    }
    // Every kind of known message and near-miss is in a log this size.
    assert_eq!(truth.counts.len(), 11, "{:?}", truth.counts);
    assert!(truth.near_misses > 30, "{}", truth.near_misses);
}

#[test]
fn counts_are_exact_with_large_blocks() {
    let catalog = builtin();
    let (file, truth) = generated(6_000_000, 200, 1);
    let (counts, lines) = triage_counts(&catalog, file.path(), 0);
    assert_eq!(counts, expected(&truth));
    assert_eq!(lines, truth.lines);
}

#[test]
fn counts_are_exact_when_blocks_cut_messages_apart() {
    let catalog = builtin();
    for (seed, block) in [(2, 4096), (3, 1000), (4, 333)] {
        let (file, truth) = generated(400_000, 15, seed);
        let (counts, lines) = triage_counts(&catalog, file.path(), block);
        assert_eq!(counts, expected(&truth), "block {block}");
        assert_eq!(lines, truth.lines, "block {block}");
    }
}

#[test]
fn counts_are_exact_through_a_pipe() {
    let (file, truth) = generated(3_000_000, 100, 5);
    let bytes = std::fs::read(file.path()).expect("read back");
    let out = assert_cmd::Command::cargo_bin("tshoot")
        .expect("binary")
        .args(["triage", "--json"])
        .write_stdin(bytes)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let counts: BTreeMap<String, u64> = list
        .as_array()
        .expect("a list")
        .iter()
        .map(|o| {
            (
                format!(
                    "{}/{}",
                    o["guide"].as_str().expect("guide"),
                    o["id"].as_str().expect("id")
                ),
                o["count"].as_u64().expect("count"),
            )
        })
        .collect();
    assert_eq!(counts, expected(&truth));
}
