//! The rules a guide must follow beyond its shape, and the build of a [`Guide`] from a
//! [`RawGuide`] that follows them.
//!
//! Each rule reports at the exact position of the key or value at fault, like a compiler.
//! Rules: id syntax; duplicate node and error ids; `start`, `next`, `error`, `guide` and
//! `related` naming something that exists (in another guide: checked by the catalog once
//! every guide is known); an answer leading to exactly one place; 1–9 answers per question;
//! every question reachable from `start`; an outcome (or another guide) reachable from every
//! question; non-empty checklists; http(s) links; every localized text in every language the
//! guide uses (warning); errors no answer leads to (warning).
//!
//! This file holds the id rules and the build; the tree's shape is checked in `graph.rs`,
//! an error's content and every text in `texts.rs`.

mod graph;
mod texts;

use rustc_hash::FxHashMap as HashMap;
use serde_saphyr::Spanned;

use crate::guide::diagnostic::{Diagnostics, Pos};
use crate::guide::raw::{RawAnswer, RawGuide, SString};
use crate::guide::suggest::hint;
use crate::guide::{Guide, Next, Origin};
use graph::check_graph;
use texts::{check_errors, check_languages, check_links};

/// Most answers a question may have: one per number key `1`–`9`.
pub const MAX_ANSWERS: usize = 9;

/// Whether `id` is a valid id: lowercase ASCII letters, digits and `-`, not empty.
#[must_use]
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Checks `raw`, reporting into `diags`; returns the built guide (which the caller must
/// discard when `diags` holds errors).
pub fn validate(raw: &RawGuide, diags: &mut Diagnostics, origin: Origin) -> Option<Guide> {
    check_id(&raw.id, "guide", diags);
    let nodes = index_ids(raw.nodes.iter().map(|n| &n.value.id), "node", diags);
    let errors = index_ids(raw.errors.iter().map(|e| &e.value.id), "error", diags);
    let ids = Ids {
        guide: &raw.id.value,
        nodes,
        errors,
    };

    let start = ids.node(&raw.start, "`start`", diags);
    check_answers(raw, &ids, diags);
    if let Some(start) = start {
        check_graph(raw, &ids, start, diags);
    }
    check_errors(raw, &ids, diags);
    let languages = check_languages(raw, diags);
    check_links(raw, diags);

    super::build::build(raw, &ids, start?, languages, origin)
}

/// Each node and error id of a guide, with its index.
pub(super) struct Ids<'a> {
    /// The guide's own id: `error: own-id/x` is a local reference.
    pub guide: &'a str,
    pub nodes: HashMap<&'a str, usize>,
    pub errors: HashMap<&'a str, usize>,
}

impl Ids<'_> {
    fn node(&self, name: &SString, what: &str, diags: &mut Diagnostics) -> Option<usize> {
        lookup(&self.nodes, name, what, "question", diags)
    }

    fn error(&self, name: &SString, what: &str, diags: &mut Diagnostics) -> Option<usize> {
        lookup(&self.errors, name, what, "error", diags)
    }

    /// Every existing place in this guide an answer names (more than one only in an
    /// invalid answer).
    fn edges<'b>(&'b self, answer: &'b RawAnswer) -> impl Iterator<Item = Next> + 'b {
        let next = answer
            .next
            .iter()
            .filter_map(|n| self.nodes.get(n.value.as_str()));
        let error = answer
            .error
            .iter()
            .filter_map(|e| self.errors.get(self.local(&e.value)?));
        next.map(|&i| Next::Node(i))
            .chain(error.map(|&i| Next::Error(i)))
    }

    /// `id` for `id` and `own-guide/id`; `None` for a reference into another guide.
    fn local<'s>(&self, name: &'s str) -> Option<&'s str> {
        match name.split_once('/') {
            Some((guide, rest)) if guide == self.guide => Some(rest),
            Some(_) => None,
            None => Some(name),
        }
    }

    /// Where an answer leads when that is another guide (the catalog checks that it exists).
    fn away(&self, answer: &RawAnswer) -> Option<Next> {
        match (&answer.next, &answer.error, &answer.guide) {
            (None, Some(e), None) => {
                let (guide, error) = e.value.split_once('/')?;
                (guide != self.guide && is_id(guide) && is_id(error)).then(|| Next::OtherError {
                    guide: guide.to_owned(),
                    error: error.to_owned(),
                    pos: Pos::of(e),
                })
            }
            (None, None, Some(g)) => {
                (g.value != self.guide && is_id(&g.value)).then(|| Next::OtherGuide {
                    guide: g.value.clone(),
                    pos: Pos::of(g),
                })
            }
            _ => None,
        }
    }

    /// Where a valid answer leads, without reporting anything.
    pub fn target(&self, answer: &RawAnswer) -> Option<Next> {
        match (&answer.next, &answer.error, &answer.guide) {
            (Some(n), None, None) => self.nodes.get(n.value.as_str()).map(|&i| Next::Node(i)),
            (None, Some(e), None) if self.local(&e.value).is_some() => self
                .errors
                .get(self.local(&e.value)?)
                .map(|&i| Next::Error(i)),
            _ => self.away(answer),
        }
    }
}

fn lookup(
    map: &HashMap<&str, usize>,
    name: &SString,
    what: &str,
    kind: &str,
    diags: &mut Diagnostics,
) -> Option<usize> {
    let found = map.get(name.value.as_str()).copied();
    if found.is_none() {
        let hint = hint(&name.value, map.keys().copied());
        diags.error(
            Pos::of(name),
            format!("{what} names unknown {kind} `{}`{hint}", name.value),
        );
    }
    found
}

fn check_id(id: &SString, kind: &str, diags: &mut Diagnostics) -> bool {
    let ok = is_id(&id.value);
    if !ok {
        diags.error(
            Pos::of(id),
            format!(
                "{kind} id `{}` may hold only lowercase letters, digits and `-`",
                id.value
            ),
        );
    }
    ok
}

/// Maps each id to its index, reporting bad and duplicate ids.
fn index_ids<'a>(
    ids: impl Iterator<Item = &'a SString>,
    kind: &str,
    diags: &mut Diagnostics,
) -> HashMap<&'a str, usize> {
    let mut map: HashMap<&str, usize> = HashMap::default();
    let mut first_at: HashMap<&str, Option<Pos>> = HashMap::default();
    for (i, id) in ids.enumerate() {
        check_id(id, kind, diags);
        if let Some(first) = first_at.get(id.value.as_str()) {
            let line = first.map_or_else(String::new, |p| {
                format!(" (first defined on line {})", p.line)
            });
            diags.error(
                Pos::of(id),
                format!("duplicate {kind} id `{}`{line}", id.value),
            );
        } else {
            first_at.insert(&id.value, Pos::of(id));
            map.insert(&id.value, i);
        }
    }
    map
}

fn check_answers(raw: &RawGuide, ids: &Ids, diags: &mut Diagnostics) {
    for node in &raw.nodes {
        let answers = &node.value.answers;
        if answers.value.is_empty() {
            diags.error(Pos::of(answers), "a question needs at least one answer");
        } else if answers.value.len() > MAX_ANSWERS {
            diags.error(
                Pos::of(answers),
                format!(
                    "a question may have at most {MAX_ANSWERS} answers (keys 1–9); this one has {}",
                    answers.value.len()
                ),
            );
        }
        for answer in &answers.value {
            check_answer(raw, &answer.value, Pos::of(answer), ids, diags);
        }
    }
}

/// An answer leads to exactly one place, and that place exists (in this guide; the
/// catalog checks places in other guides once every guide is known).
fn check_answer(
    raw: &RawGuide,
    answer: &RawAnswer,
    at: Option<Pos>,
    ids: &Ids,
    diags: &mut Diagnostics,
) {
    let given: Vec<(&str, &SString)> = [
        ("next", &answer.next),
        ("error", &answer.error),
        ("guide", &answer.guide),
    ]
    .into_iter()
    .filter_map(|(name, value)| Some((name, value.as_ref()?)))
    .collect();
    match given.as_slice() {
        [] => diags.error(
            at,
            "an answer needs `next` (another question), `error` (an outcome) or `guide` (another guide's first question)",
        ),
        [("next", next)] => {
            ids.node(next, "`next`", diags);
        }
        [("error", error)] => match ids.local(&error.value) {
            Some(local) => {
                let local = Spanned {
                    value: local.to_owned(),
                    ..**error
                };
                ids.error(&local, "`error`", diags);
            }
            None => {
                if ids.away(answer).is_none() {
                    diags.error(
                        Pos::of(*error),
                        format!(
                            "`error` value `{}` is not `error-id` or `guide-id/error-id`",
                            error.value
                        ),
                    );
                }
            }
        },
        [(_, guide)] if guide.value == raw.id.value => diags.error(
            Pos::of(*guide),
            format!(
                "`guide` names this guide itself; to go back to its first question use `next: {}`",
                raw.start.value
            ),
        ),
        [(_, guide)] => {
            if !is_id(&guide.value) {
                diags.error(
                    Pos::of(*guide),
                    format!("`guide` value `{}` is not a guide id", guide.value),
                );
            }
        }
        [(first, _), rest @ ..] => {
            for (name, value) in rest {
                diags.error(
                    Pos::of(*value),
                    format!("an answer has both `{first}` and `{name}`; keep one"),
                );
            }
        }
    }
}
