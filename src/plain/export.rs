//! A session as JSON for a script or a ticket: the answers with their words, every outcome
//! shown with its checklist and ticks, and how it ended. Masking for a public ticket is done
//! on the finished document, string by string, so no mask can break the JSON.

use serde::Serialize;

use crate::guide::Catalog;
use crate::lang::Lang;
use crate::markup;
use crate::redact::Redactor;
use crate::session::{ErrorRef, Place, Session, filled};
use crate::store::Status;
use crate::store::clock;

#[derive(Serialize)]
struct Doc {
    /// The saved session's id, when it was saved.
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    guide: String,
    lang: &'static str,
    started: String,
    status: Status,
    at: At,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<String>,
    captures: Vec<(String, String)>,
    answers: Vec<AnswerDoc>,
    outcomes: Vec<OutcomeDoc>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    escalation: Vec<String>,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum At {
    Question { id: String, question: String },
    Outcome { id: String, title: String },
    Solved { id: String, title: String },
    Escalation,
}

#[derive(Serialize)]
struct AnswerDoc {
    question: String,
    id: String,
    /// 1-based, as typed.
    answer: usize,
    label: String,
}

#[derive(Serialize)]
struct OutcomeDoc {
    id: String,
    title: String,
    /// `false`: tried, did not help; `true`: fixed it; absent: still open.
    #[serde(skip_serializing_if = "Option::is_none")]
    fixed: Option<bool>,
    checklist: Vec<StepDoc>,
}

#[derive(Serialize)]
struct StepDoc {
    step: String,
    ticked: bool,
}

/// How the session ended, if it did.
#[must_use]
pub fn status(session: &Session) -> Status {
    match session.at() {
        Place::Solved(_) => Status::Fixed,
        Place::Escalation => Status::Escalated,
        Place::Question(_) | Place::Outcome(_) => Status::Open,
    }
}

/// The session as a JSON document; masked when `redactor` is given.
#[must_use]
pub fn json(
    catalog: &Catalog,
    session: &Session,
    id: Option<&str>,
    lang: Lang,
    redactor: Option<&mut Redactor>,
) -> serde_json::Value {
    let words =
        |text: &crate::guide::Text| markup::plain(&filled(text.show(lang), session.captures()));
    let outcome = |e: &ErrorRef, fixed: Option<bool>| {
        let (title, checklist) = e.find(catalog).map_or_else(
            || (e.to_string(), Vec::new()),
            |(_, entry)| {
                let steps = entry
                    .checklist
                    .iter()
                    .enumerate()
                    .map(|(i, s)| StepDoc {
                        step: words(&s.text),
                        ticked: session.is_ticked(e, i),
                    })
                    .collect();
                (words(&entry.title), steps)
            },
        );
        OutcomeDoc {
            id: e.to_string(),
            title,
            fixed,
            checklist,
        }
    };
    let mut outcomes: Vec<OutcomeDoc> = session
        .tried()
        .iter()
        .map(|e| outcome(e, Some(false)))
        .collect();
    let at = match session.at() {
        Place::Question(node) => At::Question {
            id: node.to_string(),
            question: node
                .find(catalog)
                .map(|(_, n)| words(&n.question))
                .unwrap_or_default(),
        },
        Place::Outcome(e) => {
            outcomes.push(outcome(e, None));
            At::Outcome {
                id: e.to_string(),
                title: outcomes.last().map(|o| o.title.clone()).unwrap_or_default(),
            }
        }
        Place::Solved(e) => {
            outcomes.push(outcome(e, Some(true)));
            At::Solved {
                id: e.to_string(),
                title: outcomes.last().map(|o| o.title.clone()).unwrap_or_default(),
            }
        }
        Place::Escalation => At::Escalation,
    };
    let answers = session
        .path()
        .iter()
        .filter_map(|crumb| {
            let (_, node) = crumb.node.find(catalog)?;
            Some(AnswerDoc {
                question: words(&node.question),
                id: crumb.node.to_string(),
                answer: crumb.answer + 1,
                label: words(&node.answers.get(crumb.answer)?.label),
            })
        })
        .collect();
    let escalation = if *session.at() == Place::Escalation {
        session
            .escalations(catalog)
            .into_iter()
            .map(|(_, text)| words(text))
            .collect()
    } else {
        Vec::new()
    };
    let doc = Doc {
        id: id.map(str::to_owned),
        guide: session.first_guide().to_owned(),
        lang: lang.code(),
        started: clock::format(i64::try_from(session.started()).unwrap_or(0)),
        status: status(session),
        at,
        message: session.message().map(str::to_owned),
        captures: session
            .captures()
            .iter()
            .map(|c| (c.name.clone(), c.value.clone()))
            .collect(),
        answers,
        outcomes,
        escalation,
    };
    let mut value = serde_json::to_value(doc).unwrap_or(serde_json::Value::Null);
    if let Some(redactor) = redactor {
        mask_strings(&mut value, redactor);
    }
    value
}

/// Masks every string of a JSON value in place (object keys are tshoot's own).
pub fn mask_strings(value: &mut serde_json::Value, redactor: &mut Redactor) {
    match value {
        serde_json::Value::String(s) => *s = redactor.redact(s),
        serde_json::Value::Array(items) => {
            for item in items {
                mask_strings(item, redactor);
            }
        }
        serde_json::Value::Object(map) => {
            for (_, item) in map.iter_mut() {
                mask_strings(item, redactor);
            }
        }
        _ => {}
    }
}

/// A redactor for this session: its captured values, and the guides' own documentation
/// hosts let through — every link field of the catalog, and every web address written in
/// the text of the guides this session went through (an inline `[docs](https://…)`).
#[must_use]
pub fn redactor(catalog: &Catalog, session: &Session) -> Redactor {
    let captures: Vec<(String, String)> = session
        .captures()
        .iter()
        .map(|c| (c.name.clone(), c.value.clone()))
        .collect();
    let mut urls: Vec<&str> = Vec::new();
    for guide in &catalog.guides {
        urls.extend(guide.sources.iter().map(|l| l.url.as_str()));
        for error in &guide.errors {
            urls.extend(error.links.iter().map(|l| l.url.as_str()));
            urls.extend(error.checklist.iter().filter_map(|s| s.link.as_deref()));
        }
    }
    let mut written = Vec::new();
    for guide in visited(session) {
        if let Some(guide) = catalog.guide(guide) {
            web_addresses(
                &serde_json::to_value(guide).unwrap_or_default(),
                &mut written,
            );
        }
    }
    urls.extend(written.iter().map(String::as_str));
    Redactor::new(&captures).allowing_hosts_of(urls)
}

/// The guides a session showed text of.
fn visited(session: &Session) -> Vec<&str> {
    let mut guides = vec![session.first_guide(), session.current_guide()];
    guides.extend(session.path().iter().map(|a| a.node.guide.as_str()));
    guides.extend(session.tried().iter().map(|e| e.guide.as_str()));
    if let Place::Outcome(e) | Place::Solved(e) = session.at() {
        guides.push(&e.guide);
    }
    guides.sort_unstable();
    guides.dedup();
    guides
}

/// Collects the `http://` and `https://` addresses written in any string of `value`.
fn web_addresses(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => {
            for (at, _) in s.match_indices("http") {
                let rest = &s[at..];
                if rest.starts_with("https://") || rest.starts_with("http://") {
                    let end = rest
                        .find(|c: char| c.is_whitespace() || "()<>[]\"'`".contains(c))
                        .unwrap_or(rest.len());
                    out.push(rest[..end].to_owned());
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| web_addresses(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| web_addresses(v, out)),
        _ => {}
    }
}
