//! The built-in content: the ITSMC guides hold what the product promises.
//!
//! These tests read the guides the way a support engineer uses them: every documented message
//! quoted exactly, every error reachable in a few answers, a way out of every question, symptoms
//! in both languages, and `related` lists that never offer what the answers ruled out.

mod common;

use std::collections::VecDeque;

use tshoot::guide::catalog::{Catalog, Source};
use tshoot::guide::{Guide, Next, Related, Text};

const DASHBOARD: &str = "itsmc-dashboard-errors";
const TROUBLESHOOTING: &str = "itsmc-troubleshooting";

fn builtin() -> Catalog {
    Catalog::load(&[Source::Builtin])
}

fn guide<'a>(catalog: &'a Catalog, id: &str) -> &'a Guide {
    catalog.guide(id).expect("built in")
}

/// The string of `text` in language `code`, if it has one.
fn lang<'a>(text: &'a Text, code: &str) -> Option<&'a str> {
    match text {
        Text::Plain(_) => None,
        Text::Localized(pairs) => pairs
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, s)| s.as_str()),
    }
}

#[test]
fn dashboard_guide_lists_the_nine_documented_errors_then_a_catch_all() {
    let catalog = builtin();
    let ids: Vec<&str> = guide(&catalog, DASHBOARD)
        .errors
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(ids[..9], common::DASHBOARD_ERRORS);
    assert_eq!(ids[9..], ["unlisted-message"]);
}

#[test]
fn troubleshooting_guide_covers_the_problems_support_engineers_meet() {
    let catalog = builtin();
    let guide = guide(&catalog, TROUBLESHOOTING);
    for id in [
        // The seven of the troubleshooting article.
        "work-items-not-created",
        "duplicate-work-items",
        "error-saving-connection",
        "no-itsm-action",
        "sync-problems",
        "blank-configuration-item",
        "itsm-action-retirement",
        // The eight the content review asked for.
        "action-group-not-run",
        "api-created-itsm-action",
        "one-work-item-per-alert-rule",
        "integration-user-problems",
        "secure-webhook-problems",
        "unsupported-region",
        "work-item-fields",
        "servicenow-data-missing",
    ] {
        assert!(guide.error(id).is_some(), "{id} missing");
    }
}

#[test]
fn the_documented_messages_are_quoted_exactly() {
    let catalog = builtin();
    let literals = [
        (
            DASHBOARD,
            "exception-update-failure",
            r#"{"error":{"message":"Operation Failed","detail":"ACL Exception Update Failed due to security constraints"}"#,
        ),
        (
            DASHBOARD,
            "problem-sending-a-request",
            "An error occurred while sending the request.",
        ),
        (
            DASHBOARD,
            "servicenow-rate-problem",
            "ServiceDeskHttpBadRequestException: StatusCode=429",
        ),
        (
            DASHBOARD,
            "invalid-refresh-token",
            "AccessToken and RefreshToken invalid. User needs to authenticate again.",
        ),
        (
            DASHBOARD,
            "invalid-refresh-token",
            "Could not sync templates configuration for Event,Alert,Incident. See Exception Message for more details.",
        ),
        (
            DASHBOARD,
            "missing-connector",
            "Could not create/update work item for alert {alertName}. ITSM Connector {connectionIdentifier} does not exist or was deleted.",
        ),
        (
            DASHBOARD,
            "lack-of-connection-details",
            "Something went wrong. Could not get connection details.",
        ),
        (
            DASHBOARD,
            "ip-restrictions",
            r#"Failed to add ITSM Connection named "{connectionName}" due to Bad Request. Error: Bad request. Invalid parameters provided for connection. Http Exception: Status Code Forbidden."#,
        ),
        (
            DASHBOARD,
            "ip-restrictions",
            "Failed to update ITSM Connection credentials",
        ),
        (DASHBOARD, "authentication", "User Not Authenticated"),
        (
            DASHBOARD,
            "missing-connector",
            "Det gick inte att skapa/uppdatera arbets objekt för aviseringen {alertName}. ITSM-anslutningsprogram {connectionIdentifier} finns inte eller har tagits bort.",
        ),
        (
            DASHBOARD,
            "problem-sending-a-request",
            "ett fel uppstod när begäran skickades.",
        ),
        (
            TROUBLESHOOTING,
            "error-saving-connection",
            "Error in saving connection",
        ),
        (
            TROUBLESHOOTING,
            "sync-problems",
            "Can't retrieve the template configuration, see the connector logs for more information.",
        ),
        (
            TROUBLESHOOTING,
            "sync-problems",
            "No values found for the following fields: {fields}.",
        ),
        (
            TROUBLESHOOTING,
            "secure-webhook-problems",
            "AadWebhookResourceNotOwnedByCaller",
        ),
        (
            TROUBLESHOOTING,
            "secure-webhook-problems",
            "AadWebhookApplicationUriNotFound",
        ),
        (
            TROUBLESHOOTING,
            "api-created-itsm-action",
            "The ITSM action {connectionName}  points to an ITSM connection that has been deleted or moved. Please delete or modify this ITSM action.",
        ),
    ];
    for (guide_id, id, literal) in literals {
        let error = guide(&catalog, guide_id).error(id).expect("error exists");
        assert!(
            error
                .messages
                .iter()
                .flat_map(Text::all)
                .any(|m| m == literal),
            "{guide_id}/{id} lacks the literal {literal:?}"
        );
    }
    let unexpected = guide(&catalog, DASHBOARD)
        .error("unexpected-response")
        .expect("exists");
    assert!(unexpected.messages[0].all().any(|m| m.starts_with(
        "Unexpected response from ServiceNow along with success status code. Response: { \"import_set\": \"{import_set_id}\", \"staging_table\": \"x_mioms_microsoft_oms_incident\""
    )));
}

/// Every human-facing text of a guide except literal messages, which are quoted as they are.
fn prose(guide: &Guide) -> Vec<&Text> {
    let literal: Vec<*const Text> = guide
        .errors
        .iter()
        .flat_map(|e| &e.messages)
        .map(std::ptr::from_ref)
        .collect();
    guide
        .texts()
        .into_iter()
        .filter(|t| !literal.contains(&std::ptr::from_ref(*t)))
        .collect()
}

#[test]
fn every_text_is_written_in_english_and_swedish() {
    let catalog = builtin();
    for guide in &catalog.guides {
        for text in prose(guide) {
            let langs: Vec<&str> = text.languages().collect();
            assert_eq!(langs, ["en", "sv"], "{}: {text:?}", guide.id);
        }
    }
}

#[test]
fn every_error_is_complete() {
    let catalog = builtin();
    for guide in &catalog.guides {
        assert!(guide.escalation.is_some(), "{} has no escalation", guide.id);
        for error in &guide.errors {
            let what = format!("{}/{}", guide.id, error.id);
            assert!(!error.causes.is_empty(), "{what}: causes");
            assert!(error.checklist.len() >= 3, "{what}: checklist");
            assert!(!error.links.is_empty(), "{what}: links");
            assert!(!error.related.is_empty(), "{what}: related");
        }
    }
}

/// Symptoms are what a person types who does not know the message: at least two per language,
/// and none of them just the title or a piece of a literal message.
#[test]
fn every_error_has_two_symptoms_per_language_in_peoples_own_words() {
    let catalog = builtin();
    for guide in &catalog.guides {
        for error in &guide.errors {
            let what = format!("{}/{}", guide.id, error.id);
            for code in ["en", "sv"] {
                let symptoms: Vec<&str> = error
                    .symptoms
                    .iter()
                    .filter_map(|s| lang(s, code))
                    .collect();
                assert!(symptoms.len() >= 2, "{what}: {code} symptoms {symptoms:?}");
                let title = lang(&error.title, code).expect("titled in both languages");
                for symptom in symptoms {
                    let folded = symptom.to_lowercase();
                    assert_ne!(
                        folded,
                        title.to_lowercase(),
                        "{what}: {symptom:?} is the title"
                    );
                    assert!(
                        !error
                            .messages
                            .iter()
                            .flat_map(Text::all)
                            .any(|m| m.to_lowercase().contains(&folded)),
                        "{what}: {symptom:?} only repeats a message"
                    );
                }
            }
        }
    }
}

/// The fewest answers from the start to each error.
fn depth_of_errors(guide: &Guide) -> Vec<Option<usize>> {
    let mut depth = vec![None; guide.errors.len()];
    let mut seen = vec![false; guide.nodes.len()];
    let mut queue = VecDeque::from([(guide.start, 0)]);
    while let Some((node, d)) = queue.pop_front() {
        if std::mem::replace(&mut seen[node], true) {
            continue;
        }
        for answer in &guide.nodes[node].answers {
            match answer.next {
                Next::Node(n) => queue.push_back((n, d + 1)),
                Next::Error(e) => {
                    depth[e].get_or_insert(d + 1);
                }
                Next::OtherError { .. } | Next::OtherGuide { .. } => {}
            }
        }
    }
    depth
}

#[test]
fn the_decision_trees_reach_every_error_within_three_answers() {
    let catalog = builtin();
    for guide in &catalog.guides {
        for (error, depth) in guide.errors.iter().zip(depth_of_errors(guide)) {
            let depth = depth.unwrap_or_else(|| panic!("{}/{} is unreachable", guide.id, error.id));
            assert!(
                depth <= 3,
                "{}/{} needs {depth} answers",
                guide.id,
                error.id
            );
        }
    }
}

/// The questions from which `target` can be reached (itself included).
fn leads_to(guide: &Guide, target: usize) -> Vec<bool> {
    let mut reaches = vec![false; guide.nodes.len()];
    reaches[target] = true;
    loop {
        let mut changed = false;
        for (i, node) in guide.nodes.iter().enumerate() {
            if !reaches[i]
                && node
                    .answers
                    .iter()
                    .any(|a| matches!(a.next, Next::Node(n) if reaches[n]))
            {
                reaches[i] = true;
                changed = true;
            }
        }
        if !changed {
            return reaches;
        }
    }
}

/// The guides' convention (stated at the top of each file): the last answer of every question is
/// "None of these …" / "Inget av detta …", and it moves the person on, never back.
#[test]
fn every_question_ends_with_a_none_of_these_answer_that_moves_on() {
    let catalog = builtin();
    for guide in &catalog.guides {
        for (q, node) in guide.nodes.iter().enumerate() {
            let what = format!("{}/{}", guide.id, node.id);
            let (last, others) = node.answers.split_last().expect("answers");
            let en = lang(&last.label, "en").unwrap_or_default();
            let sv = lang(&last.label, "sv").unwrap_or_default();
            assert!(
                en.starts_with("None of these"),
                "{what}: last answer {en:?}"
            );
            assert!(
                sv.starts_with("Inget av detta"),
                "{what}: last answer {sv:?}"
            );
            for other in others {
                let label = lang(&other.label, "en").unwrap_or_default();
                assert!(
                    !label.starts_with("None of these"),
                    "{what}: {label:?} is not last"
                );
            }
            match &last.next {
                Next::Node(n) => assert!(
                    !leads_to(guide, q)[*n],
                    "{what}: 'none of these' leads back to {}",
                    guide.nodes[*n].id
                ),
                // Into another guide: its first question's way out must not send the person
                // straight back here.
                Next::OtherGuide { guide: other, .. } => {
                    let other = catalog.guide(other).expect("loaded");
                    let back = other.nodes[other.start].answers.last().expect("answers");
                    assert!(
                        !matches!(&back.next, Next::OtherGuide { guide: g, .. } if *g == guide.id),
                        "{what}: 'none of these' ping-pongs with {}",
                        other.id
                    );
                }
                Next::Error(_) | Next::OtherError { .. } => {}
            }
        }
    }
}

/// Where an answer leads, as `guide/error`, when it leads to an error with a literal message.
fn message_outcome(catalog: &Catalog, guide: &Guide, next: &Next) -> Option<String> {
    let (g, e) = match next {
        Next::Error(e) => (guide, &guide.errors[*e]),
        Next::OtherError { guide, error, .. } => {
            let g = catalog.guide(guide)?;
            (g, g.error(error)?)
        }
        Next::Node(_) | Next::OtherGuide { .. } => return None,
    };
    (!e.messages.is_empty()).then(|| format!("{}/{}", g.id, e.id))
}

/// `related` entries as `guide/error`.
fn related_keys(guide: &Guide, error: &tshoot::guide::ErrorEntry) -> Vec<String> {
    error
        .related
        .iter()
        .map(|r| match r {
            Related::Local(i) => format!("{}/{}", guide.id, guide.errors[*i].id),
            Related::Other { guide, error, .. } => format!("{guide}/{error}"),
        })
        .collect()
}

/// A question that asks which message the person sees (its answers quote messages) rules out
/// the errors of the messages not chosen: the person does not see them. The `related` list of the
/// chosen error (offered after "not fixed") must not offer them.
#[test]
fn related_never_offers_an_error_whose_message_the_same_question_ruled_out() {
    let catalog = builtin();
    let mut wrong = Vec::new();
    for guide in &catalog.guides {
        for node in &guide.nodes {
            let about_messages = node
                .answers
                .iter()
                .any(|a| lang(&a.label, "en").is_some_and(|l| l.contains('"')));
            if !about_messages {
                continue;
            }
            let siblings: Vec<String> = node
                .answers
                .iter()
                .filter_map(|a| message_outcome(&catalog, guide, &a.next))
                .collect();
            for answer in &node.answers {
                let Next::Error(e) = answer.next else {
                    continue;
                };
                let own = format!("{}/{}", guide.id, guide.errors[e].id);
                for key in related_keys(guide, &guide.errors[e]) {
                    if key != own && siblings.contains(&key) {
                        wrong.push(format!("{own} offers {key}, ruled out by {}", node.id));
                    }
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    for guide in &catalog.guides {
        for error in &guide.errors {
            let own = format!("{}/{}", guide.id, error.id);
            let keys = related_keys(guide, error);
            for (i, key) in keys.iter().enumerate() {
                assert_ne!(key, &own, "{own} names itself");
                assert!(!keys[..i].contains(key), "{own}: {key} twice");
            }
        }
    }
}

/// The article lists "User Not Authenticated" and "An error occurred while sending the request."
/// only under Connector status: the saving question must not offer them.
#[test]
fn the_saving_question_offers_only_messages_seen_while_saving() {
    let catalog = builtin();
    let guide = guide(&catalog, DASHBOARD);
    let saving = guide
        .nodes
        .iter()
        .find(|n| n.id == "saving-message")
        .expect("exists");
    for answer in &saving.answers {
        if let Next::Error(e) = answer.next {
            let id = guide.errors[e].id.as_str();
            assert!(
                !["authentication", "problem-sending-a-request"].contains(&id),
                "saving offers the connector status error {id}"
            );
        }
    }
    // The most common save error lives in the other guide: the answer leads there, no dead end.
    let saving_error = saving
        .answers
        .iter()
        .find(|a| {
            lang(&a.label, "en").is_some_and(|l| l.contains("\"Error in saving connection\""))
        })
        .expect("the saving question offers \"Error in saving connection\"");
    assert!(
        matches!(&saving_error.next, Next::OtherError { guide, error, .. }
            if guide == TROUBLESHOOTING && error == "error-saving-connection"),
        "{:?}",
        saving_error.next
    );
}

#[test]
fn every_guide_names_its_sources_with_a_date() {
    let catalog = builtin();
    for guide in &catalog.guides {
        assert!(guide.sources.len() >= 3, "{}: sources", guide.id);
        for source in &guide.sources {
            for title in source.title.all() {
                let dated = title
                    .as_bytes()
                    .windows(4)
                    .any(|w| w.starts_with(b"20") && w.iter().all(u8::is_ascii_digit));
                let release = title.contains("release") || title.contains("version");
                assert!(dated || release, "{}: {title:?} has no date", guide.id);
            }
        }
    }
}

/// The renderings the content review found wrong or poor (and the seed's headings) are gone.
#[test]
fn the_swedish_text_avoids_the_reviewed_renderings() {
    let catalog = builtin();
    let poor = [
        "Fel vid uppdatering av undantag",
        "sparar sina räkningar",
        "lyft den för integrationsanvändaren",
        "Importmängden",
        "Om det andra objektet är lösningen",
        "överträdelser av integrationsanvändaren",
        "innan varje livslängd",
        "Mallistan",
        "ta in din ServiceNow",
        "ITSM-anslutningen (ITSMC)",
        "Problem med ServiceNow-frekvens",
        "Undantags uppdaterings fel",
        "Koppling saknas",
        "Avsaknad av anslutnings information",
    ];
    for guide in &catalog.guides {
        for text in prose(guide) {
            let sv = lang(text, "sv").unwrap_or_default();
            for phrase in poor {
                assert!(!sv.contains(phrase), "{}: {sv:?} has {phrase:?}", guide.id);
            }
        }
    }
}

#[test]
fn troubleshooting_guide_leads_into_the_dashboard_guide() {
    let catalog = builtin();
    let guide = guide(&catalog, TROUBLESHOOTING);
    let by_related = guide
        .errors
        .iter()
        .flat_map(|e| &e.related)
        .filter_map(|r| match r {
            Related::Other { guide, error, .. } => Some((guide, error)),
            Related::Local(_) => None,
        });
    let by_answer = guide
        .nodes
        .iter()
        .flat_map(|n| &n.answers)
        .filter_map(|a| match &a.next {
            Next::OtherError { guide, error, .. } => Some((guide, error)),
            _ => None,
        });
    let cross: Vec<&str> = by_related
        .chain(by_answer)
        .map(|(guide, error)| {
            assert_eq!(guide, DASHBOARD);
            error.as_str()
        })
        .collect();
    for id in [
        "missing-connector",
        "invalid-refresh-token",
        "lack-of-connection-details",
        "ip-restrictions",
        "servicenow-rate-problem",
        "authentication",
        "unlisted-message",
    ] {
        assert!(cross.contains(&id), "nothing leads to {id}");
    }
    // "Connector status shows a message" continues with the dashboard guide's questions.
    assert!(
        guide
            .nodes
            .iter()
            .flat_map(|n| &n.answers)
            .any(|a| matches!(&a.next, Next::OtherGuide { guide, .. } if guide == DASHBOARD))
    );
}

#[test]
fn the_builtin_guides_load_without_a_single_diagnostic() {
    let catalog = builtin();
    let problems: Vec<String> = catalog
        .problems
        .iter()
        .map(|p| format!("{:?}", p.diagnostic))
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("guides");
    let out = common::tshoot()
        .args(["--no-builtin", "validate"])
        .arg(&dir)
        .output()
        .expect("runs");
    let all = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{all}");
    assert!(
        !all.lines()
            .any(|l| l.contains(": warning") || l.contains(": error")),
        "{all}"
    );
}

/// The `**bold**` spans of a text, in order.
fn bold(text: &str) -> Vec<&str> {
    text.split("**").skip(1).step_by(2).collect()
}

/// One convention for names on screen: the English names the screens show, in bold, in both
/// languages (Swedish adds a gloss in brackets, never a translated bold name).
#[test]
fn swedish_text_names_screen_elements_as_the_english_text_does() {
    let catalog = builtin();
    for guide in &catalog.guides {
        for text in prose(guide) {
            let (Some(en), Some(sv)) = (lang(text, "en"), lang(text, "sv")) else {
                continue;
            };
            let en_bold = bold(en);
            for name in bold(sv) {
                assert!(
                    en_bold.contains(&name),
                    "{}: **{name}** is not an English screen name of {en:?}",
                    guide.id
                );
            }
        }
    }
}

/// Bold must open and close on one line: a `**` left open at a line break shows as stars.
#[test]
fn bold_spans_close_on_the_line_they_open() {
    let catalog = builtin();
    for guide in &catalog.guides {
        for text in prose(guide) {
            for line in text.all().flat_map(str::lines) {
                assert!(
                    line.matches("**").count() % 2 == 0,
                    "{}: {line:?}",
                    guide.id
                );
            }
        }
    }
}
