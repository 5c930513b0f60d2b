//! The terminal UI over a large library, in a real pseudo-terminal: the first frame does
//! not wait for the guides (the home screen shows the progress while they load), the list
//! follows once they are loaded, `q` quits while loading with the terminal given back, and
//! a second start takes the guides and the search index from the cache.
#![cfg(unix)]

mod common;

use std::path::Path;

use common::pty::Session;

#[path = "../benches/support/synth.rs"]
mod synth;

/// Guides of five errors each, `synth-N.yaml`; returns the title of `synth-0`.
fn library(dir: &Path, guides: usize) -> String {
    let mut first_title = String::new();
    for n in 0..guides {
        let yaml = synth::guide_yaml(n, 5);
        if n == 0 {
            let line = yaml
                .lines()
                .find_map(|l| l.strip_prefix("title: "))
                .expect("a title line");
            first_title = line.trim_matches('\'').replace("''", "'");
        }
        std::fs::write(dir.join(format!("synth-{n}.yaml")), yaml).expect("write a guide");
    }
    first_title
}

/// Every screen the output passed through, looked at every `step` bytes: what a person
/// watching would have seen, however fast the frames came.
fn screens(output: &[u8], step: usize) -> Vec<String> {
    let size = |n| std::num::NonZero::new(n).expect("not zero");
    let mut parser = vt100::Parser::new(size(24), size(80), 0);
    output
        .chunks(step)
        .map(|chunk| {
            parser.process(chunk);
            parser.screen().contents()
        })
        .collect()
}

fn start(dir: &Path, cache: &Path, search: Option<&str>) -> Session {
    let guides = dir.to_str().expect("UTF-8 path");
    let mut args = vec!["--no-builtin", "--guides", guides];
    if let Some(text) = search {
        args.extend(["--search", text]);
    }
    Session::start_with(
        &args,
        &[("XDG_CACHE_HOME", cache.to_str().expect("UTF-8 path"))],
    )
}

#[test]
fn a_large_library_shows_loading_progress_then_the_guides() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (dir, cache) = (tmp.path().join("guides"), tmp.path().join("cache"));
    std::fs::create_dir(&dir).expect("guides folder");
    let title = library(&dir, 2_000);

    let mut tui = start(&dir, &cache, None);
    tui.wait_for(&title);
    let screen = tui.screen();
    assert!(screen.contains("Guides"), "{screen}");
    assert!(!screen.contains("Loading guides"), "{screen}");
    tui.send(b"q");
    let output = tui.finish();
    // Before the list: the progress screen, counting the files found.
    let seen = screens(&output, 512);
    let loading = seen
        .iter()
        .position(|s| s.contains("Loading guides…") && s.contains("/ 2000 guide files"))
        .unwrap_or_else(|| {
            panic!(
                "no progress screen; the last screen was:\n{}",
                seen[seen.len() - 1]
            )
        });
    let home = seen
        .iter()
        .position(|s| s.contains(&title))
        .expect("the home list");
    assert!(loading < home, "progress came after the list");
    // The load wrote the cache: the guides and the search index.
    let names: Vec<String> = std::fs::read_dir(cache.join("tshoot"))
        .expect("the cache folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().any(|n| n.starts_with("guides-")), "{names:?}");
    assert!(names.iter().any(|n| n.starts_with("index-")), "{names:?}");
}

#[test]
fn q_quits_while_the_guides_are_still_loading() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (dir, cache) = (tmp.path().join("guides"), tmp.path().join("cache"));
    std::fs::create_dir(&dir).expect("guides folder");
    library(&dir, 4_000);

    let mut tui = start(&dir, &cache, None);
    tui.wait_for("guide files");
    // Help opens over the progress and closes again; q then quits.
    tui.send(b"?");
    tui.wait_for("Esc, ? or q closes this.");
    tui.send(b"\x1b");
    // The home screen's footer (the progress line shows above the overlay too).
    tui.wait_for("? help");
    tui.send(b"q");
    // Exits (within the harness's bound) with the terminal cooked again.
    tui.finish();
}

#[test]
fn a_search_given_at_start_runs_once_the_guides_are_loaded_from_the_cache() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (dir, cache) = (tmp.path().join("guides"), tmp.path().join("cache"));
    std::fs::create_dir(&dir).expect("guides folder");
    library(&dir, 300);
    // A marker guide whose message the search must find.
    std::fs::write(
        dir.join("marker.yaml"),
        "id: marker\ntitle: Marker\nstart: q\nnodes:\n  - id: q\n    question: Which?\n    answers:\n      - label: It\n        error: e\nerrors:\n  - id: e\n    title: Quokka ledger overflow\n    messages:\n      - 'Quokka ledger overflow in {table}'\n    symptoms:\n      - The ledger stops\n    causes:\n      - Too many quokkas\n    checklist:\n      - Empty the ledger\n",
    )
    .expect("write the marker guide");

    // The first start fills the cache, the second reads it.
    for _ in 0..2 {
        let mut tui = start(&dir, &cache, Some("quokka ledger overflow"));
        tui.wait_for("Quokka ledger overflow");
        assert!(tui.screen().contains("Search"), "{}", tui.screen());
        // Ctrl-C quits from the search field.
        tui.send(b"\x03");
        tui.finish();
    }
}
