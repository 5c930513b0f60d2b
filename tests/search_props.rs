//! Any query at all — random Unicode, control characters, a 10 KB paste — never panics and
//! gives a well-formed result.

use std::sync::OnceLock;

use proptest::prelude::*;
use tshoot::guide::catalog::{Catalog, Source};
use tshoot::search::highlight::Highlighter;
use tshoot::search::{self, Hit, Index, Searcher};

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
        for (_, value) in &hit.captures {
            assert!(
                query.contains(value.as_str()),
                "{value:?} is not from the query"
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
