//! How the guides are walked: every error within three answers, a way out of every question,
//! `related` lists that never offer what the answers ruled out, and the way from the
//! troubleshooting guide into the dashboard guide.

use std::collections::VecDeque;

use tshoot::guide::{Next, Related};

use super::*;

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
