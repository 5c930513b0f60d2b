//! The built-in content: the ITSMC guides hold what the product promises.

mod common;

use std::collections::VecDeque;

use tshoot::guide::catalog::{Catalog, Source};
use tshoot::guide::{Guide, Next, Related, Text};

fn builtin() -> Catalog {
    Catalog::load(&[Source::Builtin])
}

fn dashboard(catalog: &Catalog) -> &Guide {
    catalog.guide("itsmc-dashboard-errors").expect("built in")
}

#[test]
fn dashboard_guide_has_exactly_the_nine_connector_status_errors() {
    let catalog = builtin();
    let ids: Vec<&str> = dashboard(&catalog)
        .errors
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(ids, common::DASHBOARD_ERRORS);
}

#[test]
fn the_documented_messages_are_quoted_exactly() {
    let catalog = builtin();
    let guide = dashboard(&catalog);
    let literals = [
        (
            "exception-update-failure",
            r#"{"error":{"message":"Operation Failed","detail":"ACL Exception Update Failed due to security constraints"}"#,
        ),
        (
            "problem-sending-a-request",
            "An error occurred while sending the request.",
        ),
        (
            "servicenow-rate-problem",
            "ServiceDeskHttpBadRequestException: StatusCode=429",
        ),
        (
            "invalid-refresh-token",
            "AccessToken and RefreshToken invalid. User needs to authenticate again.",
        ),
        (
            "invalid-refresh-token",
            "Could not sync templates configuration for Event,Alert,Incident. See Exception Message for more details.",
        ),
        (
            "missing-connector",
            "Could not create/update work item for alert {alertName}. ITSM Connector {connectionIdentifier} does not exist or was deleted.",
        ),
        (
            "lack-of-connection-details",
            "Something went wrong. Could not get connection details.",
        ),
        (
            "ip-restrictions",
            "Failed to update ITSM Connection credentials",
        ),
        ("authentication", "User Not Authenticated"),
        (
            "missing-connector",
            "Det gick inte att skapa/uppdatera arbets objekt för aviseringen {alertName}. ITSM-anslutningsprogram {connectionIdentifier} finns inte eller har tagits bort.",
        ),
        (
            "problem-sending-a-request",
            "ett fel uppstod när begäran skickades.",
        ),
    ];
    for (id, literal) in literals {
        let error = guide.error(id).expect("error exists");
        assert!(
            error
                .messages
                .iter()
                .flat_map(Text::all)
                .any(|m| m == literal),
            "{id} lacks the literal {literal:?}"
        );
    }
    let unexpected = guide.error("unexpected-response").expect("exists");
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
            assert!(error.symptoms.len() >= 2, "{what}: symptoms");
            assert!(!error.causes.is_empty(), "{what}: causes");
            assert!(error.checklist.len() >= 3, "{what}: checklist");
            assert!(!error.links.is_empty(), "{what}: links");
            assert!(!error.related.is_empty(), "{what}: related");
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
fn the_decision_trees_reach_every_error_within_four_answers() {
    let catalog = builtin();
    for guide in &catalog.guides {
        for (error, depth) in guide.errors.iter().zip(depth_of_errors(guide)) {
            let depth = depth.unwrap_or_else(|| panic!("{}/{} is unreachable", guide.id, error.id));
            assert!(
                depth <= 4,
                "{}/{} needs {depth} answers",
                guide.id,
                error.id
            );
        }
    }
}

#[test]
fn troubleshooting_guide_links_into_the_dashboard_guide() {
    let catalog = builtin();
    let guide = catalog.guide("itsmc-troubleshooting").expect("built in");
    let cross: Vec<&str> = guide
        .errors
        .iter()
        .flat_map(|e| &e.related)
        .filter_map(|r| match r {
            Related::Other { guide, error, .. } => {
                assert_eq!(guide, "itsmc-dashboard-errors");
                Some(error.as_str())
            }
            Related::Local(_) => None,
        })
        .collect();
    for id in [
        "missing-connector",
        "invalid-refresh-token",
        "lack-of-connection-details",
        "ip-restrictions",
    ] {
        assert!(cross.contains(&id), "no related link to {id}");
    }
}
