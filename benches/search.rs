//! Search benchmarks over synthetic guides of 1k, 5k and 50k errors: load + index, each
//! keystroke of typing a 12-character query (p50 and p99), and one pasted message.
//!
//! `cargo bench --bench search`. The keystroke percentiles are printed first, then divan
//! measures the rest.

#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss,
    clippy::cast_sign_loss
)]

use std::time::{Duration, Instant};

use tshoot::guide::{Catalog, load};
use tshoot::search::{self, Index, Searcher};

#[path = "support/synth.rs"]
mod synth;

const SIZES: [usize; 3] = [1_000, 5_000, 50_000];

/// Twelve-character queries, typed one character at a time: words, a typo, a prefix.
const QUERIES: [&str; 4] = [
    "connection t",
    "deadlock tim",
    "certifcate e",
    "token expird",
];

fn catalog(errors: usize) -> Catalog {
    let guides = synth::guides(errors)
        .iter()
        .enumerate()
        .filter_map(|(i, yaml)| load::check(&format!("synth-{i}.yaml"), yaml.as_bytes(), 0).guide)
        .collect();
    Catalog {
        guides,
        ..Catalog::default()
    }
}

/// A 150-character message as a person would paste it: a template of the corpus with the
/// placeholders filled and a log prefix.
fn paste(catalog: &Catalog) -> String {
    let message = catalog.guides[catalog.guides.len() / 2].errors[37].messages[0]
        .show(tshoot::lang::Lang::En);
    let filled = message
        .replace("{resourceName}", "vm-prod-eu-17")
        .replace("{timestamp}", "2024-11-03T08:15:22Z");
    let mut p = format!("2024-11-03T08:15:23Z ERROR [worker-3] {filled}");
    p.truncate(p.char_indices().nth(150).map_or(p.len(), |(i, _)| i));
    p
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i]
}

fn keystrokes() {
    println!("per-keystroke latency, typing a 12-character query (4 queries x 25 runs):");
    println!(
        "{:>8}  {:>10}  {:>10}  {:>10}  {:>10}",
        "errors", "p50", "p99", "max", "hits"
    );
    for size in SIZES {
        let catalog = catalog(size);
        let index = Index::new(&catalog);
        let mut samples = Vec::new();
        let mut hits = 0;
        for _ in 0..25 {
            for query in QUERIES {
                let mut searcher = Searcher::new();
                let mut typed = String::new();
                for c in query.chars() {
                    typed.push(c);
                    let start = Instant::now();
                    let found = searcher.search(&index, &typed);
                    samples.push(start.elapsed());
                    hits = found.len();
                }
            }
        }
        samples.sort();
        println!(
            "{size:>8}  {:>10.3?}  {:>10.3?}  {:>10.3?}  {hits:>10}",
            percentile(&samples, 0.5),
            percentile(&samples, 0.99),
            samples[samples.len() - 1]
        );
        let p = paste(&catalog);
        let found = search::search(&index, &p);
        println!(
            "          paste ({} chars) → {} hits, first score {:?}",
            p.chars().count(),
            found.len(),
            found.first().map(|h| h.score)
        );
    }
}

fn main() {
    keystrokes();
    divan::main();
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn load_and_index(bencher: divan::Bencher, size: usize) {
    let yaml = synth::guides(size);
    let files: Vec<(String, Vec<u8>)> = yaml
        .iter()
        .enumerate()
        .map(|(i, y)| (format!("synth-{i}.yaml"), y.clone().into_bytes()))
        .collect();
    bencher.bench(|| Index::new(&Catalog::from_files(files.clone())));
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn index_only(bencher: divan::Bencher, size: usize) {
    let catalog = catalog(size);
    bencher.bench(|| Index::new(&catalog));
}

#[divan::bench(args = SIZES)]
fn pasted_message(bencher: divan::Bencher, size: usize) {
    let catalog = catalog(size);
    let index = Index::new(&catalog);
    let p = paste(&catalog);
    bencher.bench(|| search::search(&index, &p));
}
