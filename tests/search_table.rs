//! Search against the built-in guides: the right error first for pastes (English and
//! Swedish, with invented values), fragments, typos and symptoms; nothing for unrelated text.

mod search_support;

use search_support::{expected, name};
use tshoot::guide::catalog::{Catalog, Source};
use tshoot::search::{self, Index, Searcher};

/// (query, expected first hit as guide/error, or "" for no hit at all)
const CASES: &[(&str, &str)] = &[
    // Pasted English messages, with the person's own values and surrounding noise.
    (
        "Could not create/update work item for alert CPU-High. ITSM Connector 0c9e41d2-1f3a-4b5c-8d7e-0123456789ab does not exist or was deleted.",
        "D/missing-connector",
    ),
    (
        "2024-11-03T08:15:22.114Z [Error] Could not create/update work item for alert Disk space low on web-07. ITSM Connector 7f1e2d3c-0000-4abc-9def-112233445566 does not exist or was deleted.",
        "D/missing-connector",
    ),
    (
        r#"Unexpected response from ServiceNow along with success status code. Response: { "import_set": "ISET0012345", "staging_table": "x_mioms_microsoft_oms_incident", "result": [ { "transform_map": "OMS Incident", "table": "incident", "status": "error", "error_message": "Target record not found" } ] }"#,
        "D/unexpected-response",
    ),
    (
        r#"{"error":{"message":"Operation Failed","detail":"ACL Exception Update Failed due to security constraints"}}"#,
        "D/exception-update-failure",
    ),
    (
        "System.Net.Http.HttpRequestException: An error occurred while sending the request.",
        "D/problem-sending-a-request",
    ),
    (
        "ServiceDeskHttpBadRequestException: StatusCode=429 at 10:41:07",
        "D/servicenow-rate-problem",
    ),
    (
        "AccessToken and RefreshToken invalid. User needs to authenticate again.",
        "D/invalid-refresh-token",
    ),
    (
        "Could not sync templates configuration for Event,Alert,Incident. See Exception Message for more details.",
        "D/invalid-refresh-token",
    ),
    (
        "Something went wrong. Could not get connection details.",
        "D/lack-of-connection-details",
    ),
    (
        r#"Failed to add ITSM Connection named "prod-snow" due to Bad Request. Error: Bad request. Invalid parameters provided for connection. Http Exception: Status Code Forbidden."#,
        "D/ip-restrictions",
    ),
    (
        "Failed to update ITSM Connection credentials",
        "D/ip-restrictions",
    ),
    (
        "Status: User Not Authenticated (connection snow-eu)",
        "D/authentication",
    ),
    (
        "No values found for the following fields: Assignment group, Category.",
        "T/sync-problems",
    ),
    (
        "Can't retrieve the template configuration, see the connector logs for more information.",
        "T/sync-problems",
    ),
    ("Error in saving connection", "T/error-saving-connection"),
    // Pasted Swedish renderings, with invented values.
    (
        "Det gick inte att skapa/uppdatera arbets objekt för aviseringen Disk-Full. ITSM-anslutningsprogram 1f2e3d4c-aaaa-bbbb-cccc-0123456789ab finns inte eller har tagits bort.",
        "D/missing-connector",
    ),
    (
        "AccessToken och RefreshToken är ogiltiga. Användaren måste autentisera igen.",
        "D/invalid-refresh-token",
    ),
    (
        "något gick fel. Det gick inte att hämta anslutnings information.",
        "D/lack-of-connection-details",
    ),
    (
        "ett fel uppstod när begäran skickades.",
        "D/problem-sending-a-request",
    ),
    (
        "Det gick inte att synkronisera mallars konfigurationen för händelse, avisering, incident.",
        "D/invalid-refresh-token",
    ),
    (
        "uppdatering av ACL-undantag misslyckades på grund av säkerhets begränsningar",
        "D/exception-update-failure",
    ),
    // Fragments: punctuation and spacing do not matter.
    ("StatusCode=429", "D/servicenow-rate-problem"),
    ("StatusCode = 429", "D/servicenow-rate-problem"),
    ("status code 429", "D/servicenow-rate-problem"),
    ("ACL Exception", "D/exception-update-failure"),
    ("does not exist or was deleted", "D/missing-connector"),
    ("x_mioms_microsoft_oms_incident", "D/unexpected-response"),
    ("Status Code Forbidden", "D/ip-restrictions"),
    // Typos: letters missing, doubled, added, swapped.
    ("AccesToken", "D/invalid-refresh-token"),
    ("conection details", "D/lack-of-connection-details"),
    ("does not exsist", "D/missing-connector"),
    ("Unexpeted respone from ServiceNow", "D/unexpected-response"),
    ("User Not Autenticated", "D/authentication"),
    ("duplicatte work items", "T/duplicate-work-items"),
    // Symptoms in people's words, English and Swedish (with and without å ä ö).
    ("token expired", "D/invalid-refresh-token"),
    ("too many requests", "D/servicenow-rate-problem"),
    ("two incidents for one alert", "T/duplicate-work-items"),
    ("CI field is empty", "T/blank-configuration-item"),
    ("firewall blocks azure", "D/ip-restrictions"),
    ("templates missing from the drop-down", "T/sync-problems"),
    ("servicenow instance down", "D/problem-sending-a-request"),
    (
        "cannot create ITSM connector in the portal",
        "T/itsm-action-retirement",
    ),
    ("för många begäranden", "D/servicenow-rate-problem"),
    ("for manga begaranden", "D/servicenow-rate-problem"),
    ("atgarden misslyckades", "D/exception-update-failure"),
    ("anslutningen togs bort", "D/missing-connector"),
    // Unrelated text finds nothing.
    (
        "kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)",
        "",
    ),
    ("kernel panic", ""),
    (
        "at com.example.orders.OrderService.place(OrderService.java:42)",
        "",
    ),
    ("Segmentation fault (core dumped)", ""),
    ("npm ERR! code ENOENT npm ERR! syscall open", ""),
    ("The quick brown fox jumps over the lazy dog", ""),
    (
        "Traceback (most recent call last): File \"app.py\", line 3, in <module> ZeroDivisionError: division by zero",
        "",
    ),
    (
        "docker: Error response from daemon: pull access denied for myimage, repository does not exist",
        "",
    ),
];

/// Search v2 classes: (class, query, expected first hit or "" for none). Written from what
/// each guide says an error is, not from what search returns.
const V2_CASES: &[(&str, &str, &str)] = &[
    // Questions in English: question and filler words weigh nothing.
    (
        "question-en",
        "how can I stop the connector from hitting the ServiceNow rate limit",
        "D/servicenow-rate-problem",
    ),
    (
        "question-en",
        "why do I get two incidents for every alert?",
        "T/duplicate-work-items",
    ),
    (
        "question-en",
        "what does it mean when the refresh token has expired?",
        "D/invalid-refresh-token",
    ),
    (
        "question-en",
        "how do I fix duplicate incidents in ServiceNow please",
        "T/duplicate-work-items",
    ),
    (
        "question-en",
        "why is the configuration item still empty on my ServiceNow incidents?",
        "T/blank-configuration-item",
    ),
    (
        "question-en",
        "how do I send alerts to ServiceNow now that the ITSM action is deprecated",
        "T/itsm-action-retirement",
    ),
    (
        "question-en",
        "why is my integration user locked out all the time?",
        "T/integration-user-problems",
    ),
    (
        "question-en",
        "how do I stop servicenow throttling the connector",
        "D/servicenow-rate-problem",
    ),
    (
        "question-en",
        "I need to prevent duplicate incidents for the same alert",
        "T/duplicate-work-items",
    ),
    // Questions in Swedish.
    (
        "question-sv",
        "hur stoppar jag att ServiceNow stryper anropen?",
        "D/servicenow-rate-problem",
    ),
    (
        "question-sv",
        "hur förhindrar jag att ServiceNow stryper anslutningen",
        "D/servicenow-rate-problem",
    ),
    (
        "question-sv",
        "varför får jag två incidenter för en avisering?",
        "T/duplicate-work-items",
    ),
    (
        "question-sv",
        "varför är CI-fältet tomt i incidenterna?",
        "T/blank-configuration-item",
    ),
    (
        "question-sv",
        "vad betyder det att token har gått ut?",
        "D/invalid-refresh-token",
    ),
    (
        "question-sv",
        "hur kan jag se om integrationsanvändaren är utelåst?",
        "T/integration-user-problems",
    ),
    // Inflected Swedish, with å ä ö.
    (
        "inflected-sv",
        "åtgärderna misslyckades på grund av säkerhetsbegränsningarna",
        "D/exception-update-failure",
    ),
    (
        "inflected-sv",
        "anslutningarna togs bort men aviseringarna använder dem",
        "D/missing-connector",
    ),
    (
        "inflected-sv",
        "dubbletterna av incidenterna i ServiceNow",
        "T/duplicate-work-items",
    ),
    (
        "inflected-sv",
        "integrationsanvändarens lösenord har gått ut",
        "T/integration-user-problems",
    ),
    (
        "inflected-sv",
        "kortbeskrivningarna är trunkerade",
        "T/work-item-fields",
    ),
    // Inflected Swedish, typed without å ä ö.
    (
        "inflected-sv-ascii",
        "atgarderna misslyckades pa grund av sakerhetsbegransningar",
        "D/exception-update-failure",
    ),
    (
        "inflected-sv-ascii",
        "anslutningarna raderades men aviseringarna anvander dem fortfarande",
        "D/missing-connector",
    ),
    (
        "inflected-sv-ascii",
        "losenordet har gatt ut for integrationsanvandaren",
        "T/integration-user-problems",
    ),
    (
        "inflected-sv-ascii",
        "standardfalten har tomma listrutor",
        "T/sync-problems",
    ),
    // Truncated at the start, at the end, or both.
    (
        "truncated",
        "ould not create/update work item for alert Disk-Full. ITSM Connector 4e2f1a3b-0000-4abc-9def-0a1b2c3d4e5f does not exist or was del",
        "D/missing-connector",
    ),
    (
        "truncated",
        "nd RefreshToken invalid. User needs to authenticate again.",
        "D/invalid-refresh-token",
    ),
    (
        "truncated",
        "Unexpected response from ServiceNow along with success status code. Response: { \"import_set\": \"ISET00991\", \"staging_ta",
        "D/unexpected-response",
    ),
    (
        "truncated",
        "to add ITSM Connection named \"snow-prod\" due to Bad Request. Error: Bad request. Invalid parameters provi",
        "D/ip-restrictions",
    ),
    (
        "truncated",
        "Could not sync templates configuration for Event,Alert,Inci",
        "D/invalid-refresh-token",
    ),
    (
        "truncated",
        "ror occurred while sending the request.",
        "D/problem-sending-a-request",
    ),
    (
        "truncated",
        "Det gick inte att skapa/uppdatera arbets objekt för aviseringen Disk-Full. ITSM-anslutningsprogram 1f2e3d4c-aaaa-bbbb-cccc-0123456789ab finns inte elle",
        "D/missing-connector",
    ),
    // Encoded as other tools leave it.
    (
        "encoded",
        "Could%20not%20create%2Fupdate%20work%20item%20for%20alert%20CPU-High.%20ITSM%20Connector%200c9e41d2-1f3a-4b5c-8d7e-0123456789ab%20does%20not%20exist%20or%20was%20deleted.",
        "D/missing-connector",
    ),
    (
        "encoded",
        "Failed to add ITSM Connection named &quot;prod-snow&quot; due to Bad Request. Error: Bad request. Invalid parameters provided for connection. Http Exception: Status Code Forbidden.",
        "D/ip-restrictions",
    ),
    (
        "encoded",
        r#"{"log":"AccessToken och RefreshToken \u00e4r ogiltiga. Anv\u00e4ndaren m\u00e5ste autentisera igen.\n"}"#,
        "D/invalid-refresh-token",
    ),
    (
        "encoded",
        "Could not sync templates configu\nration for Event,Alert,Incident. See Exception Message for more de-\ntails.",
        "D/invalid-refresh-token",
    ),
    (
        "encoded",
        "Failed to add ITSM Connection named “snow–prod” due to Bad Request. Error: Bad request. Invalid parameters provided for connection. Http Exception: Status Code Forbidden.",
        "D/ip-restrictions",
    ),
    (
        "encoded",
        "Can&#39;t retrieve the template configuration, see the connector logs for more information.",
        "T/sync-problems",
    ),
    // Log lines with prefixes (timestamps, levels, loggers, fields).
    (
        "log-line",
        "2024-11-03 08:15:22,114 ERROR [ItsmConnector.Sync] worker-7 - Could not sync templates configuration for Event,Alert,Incident. See Exception Message for more details.",
        "D/invalid-refresh-token",
    ),
    (
        "log-line",
        "Nov 03 08:15:22 host01 itsm-agent[2231]: ServiceDeskHttpBadRequestException: StatusCode=429 (retry 3 of 5 at 08:15:29, next 429 backoff)",
        "D/servicenow-rate-problem",
    ),
    (
        "log-line",
        "[2024-11-03T08:15:22Z] level=error logger=itsmc.connection msg=\"Error in saving connection\" connection=snow-eu",
        "T/error-saving-connection",
    ),
    (
        "log-line",
        "time=2024-11-03T08:15:22Z level=warn msg=\"User Not Authenticated\" user=svc_itsm",
        "D/authentication",
    ),
    // Rows of a table, tab-separated.
    (
        "table",
        "2024-11-03 08:15\tsnow-prod\tConnector status\tAn error occurred while sending the request.\tFailed",
        "D/problem-sending-a-request",
    ),
    (
        "table",
        "Status\tMessage\tTime\nError\tSomething went wrong. Could not get connection details.\t08:15",
        "D/lack-of-connection-details",
    ),
    // Two messages in one paste: the first in the paste comes first.
    (
        "two-messages",
        "ServiceDeskHttpBadRequestException: StatusCode=429\nCould not create/update work item for alert CPU-High. ITSM Connector 0c9e41d2-1f3a-4b5c-8d7e-0123456789ab does not exist or was deleted.",
        "D/servicenow-rate-problem",
    ),
    (
        "two-messages",
        "08:15 Something went wrong. Could not get connection details.\n08:16 AccessToken and RefreshToken invalid. User needs to authenticate again.",
        "D/lack-of-connection-details",
    ),
    // Typos in a few words.
    ("typo", "rate limt servicenow", "D/servicenow-rate-problem"),
    ("typo", "secure webhok fails", "T/secure-webhook-problems"),
    // Near misses: a few of the guides' words, about something else. Nothing.
    (
        "near-miss",
        "Azure DevOps pipeline failed: could not connect to the artifact feed",
        "",
    ),
    ("near-miss", "printer queue stuck, too many print jobs", ""),
    (
        "near-miss",
        "The SSL certificate of the VPN gateway has expired",
        "",
    ),
    (
        "near-miss",
        "git push rejected: permission denied (publickey)",
        "",
    ),
    (
        "near-miss",
        "docker: Error response from daemon: Get https://registry-1.docker.io/v2/: net/http: request canceled while waiting for connection",
        "",
    ),
    (
        "near-miss",
        "Windows Update failed to install KB5031356",
        "",
    ),
    ("near-miss", "Outlook keeps asking me for my password", ""),
    ("near-miss", "skrivaren i tredje våningen fungerar inte", ""),
];

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
    let catalog = Catalog::load(&[Source::Builtin]);
    let index = Index::new(&catalog);
    let mut failures = Vec::new();
    for &(query, want) in CASES {
        let hits = search::search(&index, query);
        let got: Vec<String> = hits
            .iter()
            .take(3)
            .map(|h| format!("{} ({})", name(&catalog, h), h.score))
            .collect();
        let ok = if want.is_empty() {
            hits.is_empty()
        } else {
            hits.first()
                .is_some_and(|h| name(&catalog, h) == expected(want))
        };
        if !ok {
            failures.push(format!("{query:?}: want {want:?}, got {got:?}"));
        }
    }
    assert!(CASES.len() >= 40);
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
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
