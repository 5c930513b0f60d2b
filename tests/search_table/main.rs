//! Search against the built-in guides: the right error first for pastes (English and
//! Swedish, with invented values), fragments, typos and symptoms; nothing for unrelated text.

#[path = "../search_support/mod.rs"]
mod search_support;
mod v1_cases;
mod v2_cases;

use search_support::{expected, name};
use tshoot::guide::catalog::{Catalog, Source};
use tshoot::search::{self, Index, Searcher};
use v1_cases::CASES;
use v2_cases::V2_CASES;

/// Words that appear all over the guides: alone they may find errors, never confidently.
const LONE_GENERIC_WORDS: &[&str] = &[
    "ServiceNow",
    "failed",
    "connection",
    "ITSM",
    "error",
    "alert",
    "incident",
    "misslyckades",
    "anslutning",
    "avisering",
];

#[test]
fn every_case_finds_its_error_first_or_nothing() {
    assert!(CASES.len() >= 40);
    let cases: Vec<(&str, &str, &str)> = CASES.iter().map(|&(q, want)| ("v1", q, want)).collect();
    search_support::assert_cases(&cases);
}

#[test]
fn every_v2_case_finds_its_error_first_or_nothing() {
    assert!(V2_CASES.len() >= 40);
    search_support::assert_cases(V2_CASES);
}

#[test]
fn a_lone_generic_word_is_never_confident() {
    let catalog = Catalog::load(&[Source::Builtin]);
    let index = Index::new(&catalog);
    for word in LONE_GENERIC_WORDS {
        let hits = search::search(&index, word);
        assert!(
            hits.iter().all(|h| h.score < search::CONFIDENT),
            "{word}: {:?}",
            hits.iter()
                .take(3)
                .map(|h| (name(&catalog, h), h.score))
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn every_message_of_a_paste_is_found_in_the_order_of_the_paste() {
    let catalog = Catalog::load(&[Source::Builtin]);
    let index = Index::new(&catalog);
    let paste = "2024-11-03 08:15 ERROR Something went wrong. Could not get connection details.\n\
                 2024-11-03 08:16 ERROR ServiceDeskHttpBadRequestException: StatusCode=429\n\
                 2024-11-03 08:17 ERROR AccessToken and RefreshToken invalid. User needs to authenticate again.\n";
    let hits = search::search(&index, paste);
    let top: Vec<String> = hits.iter().take(3).map(|h| name(&catalog, h)).collect();
    assert_eq!(
        top,
        [
            expected("D/lack-of-connection-details"),
            expected("D/servicenow-rate-problem"),
            expected("D/invalid-refresh-token"),
        ]
    );
    assert!(hits[..3].windows(2).all(|w| w[0].at < w[1].at));
}

#[test]
fn a_whole_message_or_title_scores_100_and_a_part_less() {
    let catalog = Catalog::load(&[Source::Builtin]);
    let index = Index::new(&catalog);
    let score = |q: &str| {
        search::search(&index, q)
            .first()
            .map(|h| (name(&catalog, h), h.score))
    };
    assert_eq!(
        score("Missing connector"),
        Some((expected("D/missing-connector"), 100))
    );
    assert_eq!(
        score("An error occurred while sending the request."),
        Some((expected("D/problem-sending-a-request"), 100))
    );
    let part = score("ror occurred while sending the request.").expect("found");
    assert_eq!(part.0, expected("D/problem-sending-a-request"));
    assert!(part.1 < 100 && part.1 >= search::CONFIDENT, "{part:?}");
}

#[test]
fn captured_values_come_back_by_placeholder_name() {
    let catalog = Catalog::load(&[Source::Builtin]);
    let index = Index::new(&catalog);
    let hits = search::search(&index, CASES[1].0);
    assert_eq!(
        hits[0].captures,
        [
            (
                "alertName".to_owned(),
                "Disk space low on web-07".to_owned()
            ),
            (
                "connectionIdentifier".to_owned(),
                "7f1e2d3c-0000-4abc-9def-112233445566".to_owned()
            ),
        ]
    );
}

#[test]
fn typing_a_query_one_character_at_a_time_gives_the_same_hits_as_searching_it_whole() {
    let catalog = Catalog::load(&[Source::Builtin]);
    let index = Index::new(&catalog);
    for &(query, _) in CASES {
        let mut searcher = Searcher::new();
        let mut typed = String::new();
        for c in query.chars() {
            typed.push(c);
            let incremental = searcher.search(&index, &typed);
            let whole = search::search(&index, &typed);
            assert_eq!(incremental, whole, "after typing {typed:?}");
        }
    }
}
