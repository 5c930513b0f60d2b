//! Search benchmarks over synthetic guides of 1k, 5k and 50k errors: load + index, each
//! keystroke of typing a 12-character query with the highlights of the first screen of
//! hits (p50 and p99), one pasted message, a 5 MB paste, and a hostile message of a million
//! words against a paste of 4,096.
//!
//! `cargo bench --bench search`. The keystroke percentiles are printed first, then divan
//! measures the rest.

#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss,
    clippy::cast_sign_loss
)]

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use tshoot::guide::{Catalog, load};
use tshoot::search::{self, Index, Searcher, highlight};

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
    println!(
        "per-keystroke latency with highlights of 10 hits, typing a 12-character query (4 queries x 25 runs):"
    );
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
                    // What the view draws: the shown field of each hit on screen, marked.
                    for hit in found.iter().take(10) {
                        let field = highlight::show_field(&index, hit);
                        std::hint::black_box(highlight::marks(&index, hit, field));
                    }
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

/// fuzzy-matcher against nucleo-matcher at the one job fuzzy scores do here: ranking the
/// vocabulary words a typo with a letter missing is a subsequence of. Every word of six or
/// more letters of the built-in guides loses its middle letter; the candidates are the
/// vocabulary words of the same first letter, one or two letters longer (as the index
/// picks them); a matcher is right when no candidate scores above the intended word.
fn fuzzy_ranking() {
    use fuzzy_matcher::FuzzyMatcher;
    use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};

    let catalog = Catalog::load(&[tshoot::guide::catalog::Source::Builtin]);
    let index = Index::new(&catalog);
    let vocab: Vec<&str> = index
        .terms
        .iter()
        .map(|t| t.text.as_str())
        .filter(|w| w.chars().all(|c| c.is_ascii_lowercase()))
        .collect();
    let skim = fuzzy_matcher::skim::SkimMatcherV2::default();
    let mut nucleo = nucleo_matcher::Matcher::new(nucleo_matcher::Config::DEFAULT);
    let mut buf = Vec::new();
    let (mut words, mut skim_right, mut nucleo_right, mut skim_ties, mut nucleo_ties) =
        (0, 0, 0, 0, 0);
    let (mut skim_time, mut nucleo_time) = (Duration::ZERO, Duration::ZERO);
    for word in vocab.iter().filter(|w| w.len() >= 6) {
        let mid = word.len() / 2;
        let typo = format!("{}{}", &word[..mid], &word[mid + 1..]);
        let candidates: Vec<&str> = vocab
            .iter()
            .copied()
            .filter(|c| c.as_bytes()[0] == word.as_bytes()[0])
            .filter(|c| (typo.len() + 1..=typo.len() + 2).contains(&c.len()))
            .collect();
        words += 1;
        let start = Instant::now();
        let scores: Vec<Option<i64>> = candidates
            .iter()
            .map(|c| skim.fuzzy_match(c, &typo))
            .collect();
        skim_time += start.elapsed();
        let start = Instant::now();
        let pattern = Pattern::new(
            &typo,
            CaseMatching::Ignore,
            Normalization::Smart,
            AtomKind::Fuzzy,
        );
        let nucleo_scores: Vec<Option<i64>> = candidates
            .iter()
            .map(|c| {
                pattern
                    .score(nucleo_matcher::Utf32Str::new(c, &mut buf), &mut nucleo)
                    .map(i64::from)
            })
            .collect();
        nucleo_time += start.elapsed();
        let judge = |scores: &[Option<i64>]| {
            let at = candidates
                .iter()
                .position(|c| c == word)
                .expect("the word is a candidate");
            let own = scores[at];
            let above = scores.iter().filter(|s| **s > own).count();
            let equal = scores.iter().filter(|s| **s == own).count() - 1;
            (above == 0 && own.is_some(), above == 0 && equal > 0)
        };
        let (right, tie) = judge(&scores);
        skim_right += usize::from(right);
        skim_ties += usize::from(tie);
        let (right, tie) = judge(&nucleo_scores);
        nucleo_right += usize::from(right);
        nucleo_ties += usize::from(tie);
    }
    println!("fuzzy ranking of {words} one-letter-missing typos of built-in vocabulary words:");
    println!(
        "  fuzzy-matcher (skim v2): intended word ranked first {skim_right} ({skim_ties} of them tied), {:.1} µs a word",
        skim_time.as_secs_f64() * 1e6 / f64::from(words)
    );
    println!(
        "  nucleo-matcher:          intended word ranked first {nucleo_right} ({nucleo_ties} of them tied), {:.1} µs a word",
        nucleo_time.as_secs_f64() * 1e6 / f64::from(words)
    );
}

fn main() {
    // `cargo bench --bench search -- index_only` measures only what it names.
    let filtered = std::env::args().skip(1).any(|a| !a.starts_with('-'));
    if !filtered {
        fuzzy_ranking();
        keystrokes();
    }
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

/// Five megabytes of log lines with one known message in the middle.
fn five_megabytes(catalog: &Catalog) -> String {
    let line = "2024-11-03T08:15:22Z INFO worker-3 heartbeat ok queue=17 latency_ms=12\n";
    let noise = line.repeat(5 * 1024 * 1024 / line.len() / 2);
    format!("{noise}{}\n{noise}", paste(catalog))
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn paste_of_5_mb(bencher: divan::Bencher, size: usize) {
    let catalog = catalog(size);
    let index = Index::new(&catalog);
    let p = five_megabytes(&catalog);
    bencher.bench(|| search::search_all(&index, &p));
}

/// Five megabytes of distinct words: the worst case of the old query parsing.
#[divan::bench(sample_count = 10)]
fn paste_of_5_mb_distinct_words(bencher: divan::Bencher) {
    let catalog = catalog(1_000);
    let index = Index::new(&catalog);
    let mut p = String::with_capacity(5 * 1024 * 1024);
    let mut i = 0u64;
    while p.len() < 5 * 1024 * 1024 {
        let _ = write!(p, "w{i:07} ");
        i += 1;
    }
    bencher.bench(|| search::search_all(&index, &p));
}

/// A guide message of a million repeated words against a 4,096-word paste of them.
#[divan::bench(sample_count = 10)]
fn hostile_million_word_template(bencher: divan::Bencher) {
    // Three bytes a word keeps the file under the loader's 8 MB bound.
    let message = "x1 ".repeat(1_000_000);
    let yaml = format!(
        "id: hostile\ntitle: Hostile\nstart: q\nnodes:\n  - id: q\n    question: Q?\n    answers:\n      - label: A\n        error: e\nerrors:\n  - id: e\n    title: E\n    messages: [\"{message}\"]\n    symptoms: []\n    causes: []\n    checklist: [Fix.]\n"
    );
    let guide = load::check("hostile.yaml", yaml.as_bytes(), 0)
        .guide
        .expect("the hostile guide loads");
    let catalog = Catalog {
        guides: vec![guide],
        ..Catalog::default()
    };
    let index = Index::new(&catalog);
    let p = "x1 ".repeat(4096);
    bencher.bench(|| search::search(&index, &p));
}

#[divan::bench(args = SIZES)]
fn pasted_message(bencher: divan::Bencher, size: usize) {
    let catalog = catalog(size);
    let index = Index::new(&catalog);
    let p = paste(&catalog);
    bencher.bench(|| search::search(&index, &p));
}
