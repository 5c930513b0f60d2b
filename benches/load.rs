//! Loading benchmarks: many small guide files read from disk (the 60,000-guide goal), and
//! the 50k-error corpus in guides of 100 errors.
//!
//! `cargo bench --bench load` runs them. `cargo bench --bench load -- corpus DIR ERRORS
//! [PER_GUIDE]` instead writes the synthetic corpus as files into DIR (for `hyperfine`
//! runs of the binary against `fzf`), and `-- text DIR ERRORS` writes the same errors as
//! one line of text each, for `fzf --filter`; `-- first-frame DIR [RUNS]` times the TUI's
//! first frame and its home list over the guides in DIR in a pseudo-terminal.

use std::path::Path;
use std::sync::atomic::AtomicUsize;

use tshoot::guide::catalog::{Catalog, Source};
use tshoot::guide::read::Reader;

#[path = "support/synth.rs"]
mod synth;

#[path = "support/first_frame.rs"]
mod first_frame;

/// Writes `errors` errors as guides of `per_guide` errors each into `dir`, in subfolders
/// of 1,000 files.
fn write_corpus(dir: &Path, errors: usize, per_guide: usize) {
    let guides = errors.div_ceil(per_guide);
    for n in 0..guides {
        let sub = dir.join(format!("part-{:03}", n / 1000));
        std::fs::create_dir_all(&sub).expect("create the corpus folder");
        let yaml = synth::guide_yaml(n, (errors - n * per_guide).min(per_guide));
        std::fs::write(sub.join(format!("synth-{n}.yaml")), yaml).expect("write a guide");
    }
}

/// The corpus's searchable text, one error a line: title, messages, symptoms, causes.
fn write_text(file: &Path, errors: usize) {
    let catalog = Catalog::from_files(
        synth::guides(errors)
            .into_iter()
            .enumerate()
            .map(|(i, y)| (format!("synth-{i}.yaml"), y.into_bytes()))
            .collect(),
    );
    let lang = tshoot::lang::Lang::En;
    let mut text = String::new();
    for guide in &catalog.guides {
        for error in &guide.errors {
            text.push_str(error.title.show(lang));
            for t in error
                .messages
                .iter()
                .chain(&error.symptoms)
                .chain(&error.causes)
            {
                text.push(' ');
                text.push_str(t.show(lang));
            }
            text.push('\n');
        }
    }
    std::fs::write(file, text).expect("write the text");
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number =
        |i: usize, default: usize| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    match args.first().map(String::as_str) {
        Some("corpus") => {
            write_corpus(Path::new(&args[1]), number(2, 50_000), number(3, 100));
        }
        Some("text") => write_text(Path::new(&args[1]), number(2, 50_000)),
        Some("first-frame") => first_frame::measure(Path::new(&args[1]), number(2, 10)),
        _ => divan::main(),
    }
}

fn load(dir: &Path) -> Catalog {
    Catalog::load_with(
        &[Source::Path {
            path: dir.to_owned(),
            optional: false,
        }],
        &Reader::default(),
        &AtomicUsize::new(0),
    )
}

/// 60,000 guides of one error each, read from disk (files in the page cache).
#[divan::bench(sample_count = 3)]
fn small_guides_60k(bencher: divan::Bencher) {
    let tmp = tempfile::tempdir().expect("temp dir");
    write_corpus(tmp.path(), 60_000, 1);
    bencher.bench(|| {
        let catalog = load(tmp.path());
        assert_eq!(catalog.guides.len(), 60_000);
        catalog
    });
}

/// The 50k-error corpus, 500 guides of 100 errors, read from disk.
#[divan::bench(sample_count = 5)]
fn corpus_50k(bencher: divan::Bencher) {
    let tmp = tempfile::tempdir().expect("temp dir");
    write_corpus(tmp.path(), 50_000, 100);
    bencher.bench(|| load(tmp.path()));
}
