//! Triage and search read the same messages; triage reads them strictly. A differential
//! test of `triage` against `search::known_messages` (search's template reading, which
//! triage deliberately does not call: see the `triage` module docs):
//!
//! - every known message the generator writes (one line or split over two or three, with a
//!   log prefix), triage finds once, as the generator's error; search, given the same text,
//!   names the same error first with a whole-message score (100), and every value it
//!   captures triage captured alike;
//! - every near-miss (another status code, another product, a success sentence, symptom
//!   words, half a split message) triage rejects, and search never reads as a whole
//!   message either (it may name an error below 100: a person's paste is read leniently);
//! - over a generated log, every line search reads as a whole message is a line where
//!   triage counted that error.

#[path = "../benches/support/triage_log.rs"]
mod triage_log;

use std::collections::BTreeSet;
use std::sync::Arc;

use tshoot::guide::catalog::{Catalog, Source};
use tshoot::search::{Hit as SearchHit, Index, Scratch, known_messages};
use tshoot::triage::{self, Control, Input, Matcher, Options};

/// A triage hit: its line (0-based in the text), `guide/error`, and its captures.
type Found = (u64, String, Vec<(String, String)>);

struct Both {
    catalog: Catalog,
    index: Index,
    matcher: Matcher,
}

impl Both {
    fn new() -> Both {
        let catalog = Catalog::load(&[Source::Builtin]);
        let index = Index::new(&catalog);
        let matcher = Matcher::new(&catalog, None);
        Both {
            catalog,
            index,
            matcher,
        }
    }

    fn id(&self, guide: usize, error: usize) -> String {
        let g = &self.catalog.guides[guide];
        format!("{}/{}", g.id, g.errors[error].id)
    }

    /// Triage of `text`: (line, `guide/error`, captures) of each hit.
    fn triage(&self, text: &str) -> Vec<Found> {
        let bytes = format!("{text}\n").into_bytes();
        let filter = self.matcher.prefilter(None);
        let mut hits = Vec::new();
        triage::scan::scan(
            &self.matcher,
            &filter,
            &bytes,
            bytes.len(),
            &mut triage::scan::Scratch::default(),
            &mut hits,
        );
        hits.into_iter()
            .map(|h| {
                let k = self.matcher.known[h.known as usize];
                (h.line, self.id(k.guide, k.error), h.captures)
            })
            .collect()
    }

    fn search(&self, text: &str) -> Vec<SearchHit> {
        known_messages(&self.index, text, &mut Scratch::default())
    }
}

#[test]
fn what_triage_finds_search_reads_as_the_same_whole_message() {
    let both = Both::new();
    let (known, _) = triage_log::samples(200, 7);
    for (error, lines) in &known {
        let text = lines.join("\n");
        let found = both.triage(&text);
        assert_eq!(found.len(), 1, "found once: {text}\n{found:?}");
        let (line, id, captures) = &found[0];
        assert_eq!((*line, id.as_str()), (0, *error), "{text}");
        let hits = both.search(&text);
        let top = hits
            .first()
            .unwrap_or_else(|| panic!("search finds {text}"));
        assert_eq!(both.id(top.entry.guide, top.entry.error), *error, "{text}");
        assert_eq!(top.score, 100, "a whole message: {text}");
        // Every value search captured, triage captured alike. (Triage also captures a
        // placeholder that ends a message, `fields` in "…the following fields: {fields}.",
        // which search's reading leaves out.)
        for c in &top.captures {
            assert!(
                captures.contains(c),
                "triage captured {c:?} too: {text}\n{captures:?}"
            );
        }
    }
}

#[test]
fn near_misses_are_neither_a_triage_hit_nor_a_whole_message_to_search() {
    let both = Both::new();
    let (_, near) = triage_log::samples(200, 11);
    let fixture =
        std::fs::read_to_string("tests/fixtures/triage/near-misses.log").expect("fixture");
    let lines = near
        .iter()
        .map(String::as_str)
        .chain(fixture.lines().filter(|l| !l.starts_with('#')));
    for line in lines {
        assert_eq!(both.triage(line), [], "{line}");
        for hit in both.search(line) {
            assert!(
                hit.score < 100,
                "search reads a near-miss as {}: {line}",
                both.id(hit.entry.guide, hit.entry.error)
            );
        }
    }
}

#[test]
fn every_whole_message_search_reads_in_a_log_is_counted_by_triage() {
    let both = Both::new();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("app.log");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
    triage_log::generate(1_500_000, 25, 5, &mut file).expect("write");
    drop(file);
    let mut counted: BTreeSet<(u64, String)> = BTreeSet::new();
    triage::run(
        &Arc::new(both.matcher.clone()),
        &[Input::File(path.clone())],
        Options::default(),
        &Arc::new(Control::default()),
        |_, line, hit| {
            let k = both.matcher.known[hit.known as usize];
            counted.insert((line, both.id(k.guide, k.error)));
        },
    );
    let text = std::fs::read_to_string(&path).expect("read");
    let mut whole = 0;
    for (n, line) in text.lines().enumerate() {
        for hit in both.search(line).iter().filter(|h| h.score == 100) {
            whole += 1;
            let id = both.id(hit.entry.guide, hit.entry.error);
            assert!(
                counted.contains(&(n as u64 + 1, id.clone())),
                "line {}: search reads {id}, triage did not count it: {line}",
                n + 1
            );
        }
    }
    // The log holds about one known message in 25 lines; most are one line long.
    assert!(whole > 300, "{whole}");
    assert!(counted.len() >= whole, "{} < {whole}", counted.len());
}
