//! Any query at all — random Unicode, control characters, encoded text, a 10 KB or a 5 MB
//! paste — never panics and gives a well-formed result; decoding never panics; the
//! alignment matches as many words as a textbook longest common subsequence.

use std::fmt::Write as _;
use std::sync::OnceLock;

use proptest::prelude::*;
use tshoot::guide::catalog::{Catalog, Source};
use tshoot::search::align::{Aligner, NoHoles, reference_lcs};
use tshoot::search::decode::decode;
use tshoot::search::highlight::Highlighter;
use tshoot::search::{self, Hit, Index, Searcher, highlight};

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| Index::new(&Catalog::load(&[Source::Builtin])))
}

/// Hits are sorted best first, scores are at most 100, every capture is text of the query,
/// every highlight lies on character boundaries of its field.
fn check(query: &str, hits: &[Hit]) {
    let index = index();
    assert!(
        hits.windows(2).all(|w| w[0].score >= w[1].score),
        "not sorted: {hits:?}"
    );
    let highlighter = Highlighter::new(index, query);
    for hit in hits {
        assert!(hit.score <= 100);
        assert!((hit.field as usize) < index.fields.len());
        let decoded = decode(query);
        for (_, value) in &hit.captures {
            assert!(
                decoded.contains(value.as_str()),
                "{value:?} is not from the query"
            );
        }
        for &t in &hit.terms {
            assert!((t as usize) < index.terms.len());
        }
        let shown = highlight::show_field(index, hit);
        let text = &index.fields[shown as usize].text;
        for r in highlight::marks(index, hit, shown) {
            assert!(
                text.is_char_boundary(r.start) && text.is_char_boundary(r.end) && r.start < r.end
            );
        }
        let field = highlighter.best_field(hit);
        let text = &index.fields[field as usize].text;
        for r in highlighter.ranges(field) {
            assert!(
                text.is_char_boundary(r.start) && text.is_char_boundary(r.end) && r.start < r.end
            );
        }
    }
}

proptest! {
    #[test]
    fn any_unicode_query_is_safe(query in "\\PC{0,80}") {
        check(&query, &search::search(index(), &query));
    }

    #[test]
    fn control_characters_and_escapes_are_safe(query in "[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}a-z {}=:/-]{0,60}") {
        check(&query, &search::search(index(), &query));
    }

    #[test]
    fn encoded_text_is_safe(query in "([%&;#x\\\\u\"0-9a-fA-F]|&quot;|&#[0-9]{1,7};|%[0-9A-F]{2}|\\\\u[0-9a-fD][0-9a-f]{3}|[a-z ]){0,60}") {
        check(&query, &search::search(index(), &query));
    }

    #[test]
    fn decoding_never_panics(text in "\\PC{0,200}") {
        let _ = decode(&text);
    }

    #[test]
    fn decoding_escape_soup_never_panics(text in "[%\\\\&#;u0-9a-fA-FxXnrt\"/ \u{d7ff}\u{e000}]{0,120}") {
        let _ = decode(&text);
    }

    #[test]
    fn alignment_matches_the_longest_common_subsequence(
        template in proptest::collection::vec(0u8..4, 0..12),
        paste in proptest::collection::vec(0u8..4, 0..16),
    ) {
        let positions: Vec<usize> = (0..paste.len()).collect();
        let (pairs, weight) = Aligner::default().align(&NoHoles(template.len()), &positions, |i, k| {
            u32::from(template[i] == paste[k])
        });
        prop_assert_eq!(pairs.len(), reference_lcs(&template, &paste));
        prop_assert_eq!(weight as usize, pairs.len());
        prop_assert!(pairs.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1));
        prop_assert!(pairs.iter().all(|&(i, k)| template[i] == paste[k]));
    }

    #[test]
    fn typing_any_text_matches_searching_it_whole(query in "[a-zA-Zåäö0-9 =:/.-]{0,24}") {
        let mut searcher = Searcher::new();
        let mut typed = String::new();
        for c in query.chars() {
            typed.push(c);
            prop_assert_eq!(searcher.search(index(), &typed), search::search(index(), &typed));
        }
    }
}

#[test]
fn a_ten_kilobyte_paste_is_searched_and_still_finds_its_message() {
    let noise =
        "2024-11-03T08:15:22Z INFO worker-3 heartbeat ok queue=17 latency_ms=12\n".repeat(140);
    let paste = format!(
        "{noise}2024-11-03T08:15:23Z ERROR Could not create/update work item for alert High CPU. ITSM Connector 3f1e2d3c-0000-4abc-9def-112233445566 does not exist or was deleted.\n{noise}"
    );
    assert!(paste.len() > 10_000);
    let hits = search::search(index(), &paste);
    check(&paste, &hits);
    let catalog = Catalog::load(&[Source::Builtin]);
    let first = hits.first().expect("found");
    assert_eq!(
        catalog.guides[first.entry.guide].errors[first.entry.error].id,
        "missing-connector"
    );
}

#[test]
fn a_huge_paste_without_words_finds_nothing_quickly() {
    let paste = "{}[]()=:;,.\n\t".repeat(5000);
    assert!(search::search(index(), &paste).is_empty());
}

/// Five megabytes of the worst shapes: one word, distinct words, one long punctuated run,
/// and a log with a message in the middle. Each answers (the time is measured by the
/// benchmark, not here), and the log still finds its message.
#[test]
fn five_megabyte_pastes_answer() {
    const SIZE: usize = 5 * 1024 * 1024;
    let one_word = "a".repeat(SIZE);
    let mut distinct = String::with_capacity(SIZE);
    for i in 0..SIZE / 8 {
        let _ = write!(distinct, "w{i:06} ");
    }
    let punctuated = "a-".repeat(SIZE / 2);
    let line = "2024-11-03T08:15:22Z INFO worker-3 heartbeat ok queue=17\n";
    let noise = line.repeat(SIZE / line.len() / 2);
    let log = format!(
        "{noise}2024-11-03T08:15:23Z ERROR AccessToken and RefreshToken invalid. User needs to authenticate again.\n{noise}"
    );
    for paste in [&one_word, &distinct, &punctuated] {
        let results = search::search_all(index(), paste);
        assert!(results.clipped.is_some());
        assert!(results.hits.windows(2).all(|w| w[0].score >= w[1].score));
    }
    let results = search::search_all(index(), &log);
    assert!(results.clipped.is_some());
    let catalog = Catalog::load(&[Source::Builtin]);
    let first = results.hits.first().expect("found");
    assert_eq!(
        catalog.guides[first.entry.guide].errors[first.entry.error].id,
        "invalid-refresh-token"
    );
}

/// A message of a million words (capped at load) against a paste of thousands.
#[test]
fn a_hostile_template_answers() {
    let words = "connector ".repeat(1_000_000);
    let template = tshoot::search::template::Template::parse(&words);
    assert_eq!(
        template.literals,
        tshoot::search::template::MAX_TEMPLATE_WORDS
    );
    let paste = "connector failed ".repeat(4096);
    let tokens = tshoot::search::normalize::tokens(&paste);
    let a = tshoot::search::template::align(&template, &tokens, &paste);
    assert!(a.matched.len() <= tshoot::search::template::MAX_TEMPLATE_WORDS);
}
