//! Swedish compound words against the built-in guides: a person writes the compound where
//! the guides have its parts (`anslutningsfel` for "Fel när anslutningen sparas"), or the
//! parts where the guides have the compound (`integrations användaren` for
//! `integrationsanvändaren`). Written from what each guide says an error is. A compound
//! with a part the guides do not know (printer, network, database) finds nothing.

mod search_support;

const CASES: &[(&str, &str, &str)] = &[
    // The query has the compound, the guides the parts (with the linking s or without).
    (
        "compound",
        "anslutningsfel när jag sparar",
        "T/error-saving-connection",
    ),
    (
        "compound",
        "inloggningsfel för integrationen",
        "D/authentication",
    ),
    (
        "compound",
        "incidentdubbletter för en avisering",
        "T/duplicate-work-items",
    ),
    (
        "compound",
        "synkroniseringsproblem med mallar",
        "T/sync-problems",
    ),
    (
        "compound",
        "mallsynkroniseringen misslyckades",
        "T/sync-problems",
    ),
    (
        "compound",
        "CI-fältet är tomt i incidentposterna",
        "T/blank-configuration-item",
    ),
    (
        "compound",
        "lösenordsproblem för integrationsanvändaren",
        "T/integration-user-problems",
    ),
    (
        "compound",
        "instansen är nere, anropsfel",
        "D/problem-sending-a-request",
    ),
    (
        "compound",
        "anropsgränsen per timme är nådd",
        "D/servicenow-rate-problem",
    ),
    // Typed without å ä ö.
    (
        "compound-ascii",
        "losenordsproblem for integrationsanvandaren",
        "T/integration-user-problems",
    ),
    (
        "compound-ascii",
        "inloggningsfel for integrationen",
        "D/authentication",
    ),
    // The guides have the compound, the query its parts.
    (
        "parts",
        "uppdaterings token har gått ut",
        "D/invalid-refresh-token",
    ),
    (
        "parts",
        "integrations användaren är utelåst",
        "T/integration-user-problems",
    ),
    (
        "parts",
        "konfigurations objektet är tomt",
        "T/blank-configuration-item",
    ),
    (
        "parts",
        "kort beskrivningen är trunkerad",
        "T/work-item-fields",
    ),
    (
        "parts",
        "åtgärds gruppen kördes inte",
        "T/action-group-not-run",
    ),
    (
        "parts",
        "hastighets gränsen i ServiceNow",
        "D/servicenow-rate-problem",
    ),
    // A compound with a part the guides do not know, about something else: nothing.
    ("compound-near-miss", "skrivarfel på tredje våningen", ""),
    ("compound-near-miss", "nätverksanslutningen bröts igen", ""),
    ("compound-near-miss", "certifikatfel i webbläsaren", ""),
    ("compound-near-miss", "inloggningsfel i Teams", ""),
    (
        "compound-near-miss",
        "diskutrymmet är fullt på filservern",
        "",
    ),
    ("compound-near-miss", "tokenfel i GitHub Actions", ""),
    (
        "compound-near-miss",
        "lösenordsbyte i Outlook fungerar inte",
        "",
    ),
];

#[test]
fn every_compound_case_finds_its_error_first_or_nothing() {
    search_support::assert_cases(CASES);
}

#[test]
fn typing_a_compound_query_gives_the_same_hits_as_searching_it_whole() {
    let (_, index) = search_support::builtin();
    for &(_, query, _) in CASES {
        let mut searcher = tshoot::search::Searcher::new();
        let mut typed = String::new();
        for c in query.chars() {
            typed.push(c);
            assert_eq!(
                searcher.search(&index, &typed),
                tshoot::search::search(&index, &typed),
                "after typing {typed:?}"
            );
        }
    }
}
