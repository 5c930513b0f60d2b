//! What the answers leave possible, and what to offer when a fix did not help.
//!
//! The rules, in one place because they are the promise of a guided session:
//! - An answered question **rules out** every error its other answers could lead to and the
//!   chosen one cannot. "Could lead to" follows `next` and `error` (in any guide), but not
//!   `guide:` answers: another guide asks its own questions, so sending a symptom there rules
//!   nothing of that guide out. The chosen answer's reach follows everything, so what the
//!   person went on to reach is never ruled out by an earlier answer.
//! - **Not fixed** offers the `related` entries of the outcome the answers led to (or the
//!   error the session started at), in the author's order, skipping errors already tried and
//!   errors the answers ruled out. Only that outcome's list: the author wrote it as "what to
//!   try next when this fix did not help", and a related error's own list answers another
//!   question (what to try when *that* error's fix did not help), so following it would drift
//!   away from what the person described.
//! - When nothing is left, the session escalates.

use std::collections::HashSet;

use super::Answered;
use super::refs::{self, ErrorRef, NodeRef, Target};
use crate::guide::{Catalog, Next};

/// Every error reachable from the place `next` (an answer of guide `guide`) names, in the
/// order found. `broad` also follows answers into another guide's questions.
fn reach_answer(catalog: &Catalog, guide: &str, next: &Next, broad: bool) -> Vec<ErrorRef> {
    if !broad && matches!(next, Next::OtherGuide { .. }) {
        return Vec::new();
    }
    let Some(g) = catalog.guide(guide) else {
        return Vec::new();
    };
    match Target::of(catalog, g, next) {
        Some(target) => reach(catalog, &target, broad),
        None => Vec::new(),
    }
}

/// Every error reachable from `from`, in the order found (an error reaches only itself).
#[must_use]
pub(super) fn reach(catalog: &Catalog, from: &Target, broad: bool) -> Vec<ErrorRef> {
    let mut found: Vec<ErrorRef> = Vec::new();
    let mut seen_errors: HashSet<ErrorRef> = HashSet::new();
    let mut seen_nodes: HashSet<NodeRef> = HashSet::new();
    let mut stack: Vec<NodeRef> = Vec::new();
    match from {
        Target::Error(e) => return vec![e.clone()],
        Target::Question(n) => stack.push(n.clone()),
    }
    while let Some(node) = stack.pop() {
        if !seen_nodes.insert(node.clone()) {
            continue;
        }
        let Some((guide, n)) = node.find(catalog) else {
            continue;
        };
        // Reversed so that the first answer is explored first.
        for answer in n.answers.iter().rev() {
            if !broad && matches!(answer.next, Next::OtherGuide { .. }) {
                continue;
            }
            match Target::of(catalog, guide, &answer.next) {
                Some(Target::Question(q)) => stack.push(q),
                Some(Target::Error(e)) if seen_errors.insert(e.clone()) => found.push(e),
                Some(Target::Error(_)) | None => {}
            }
        }
    }
    found
}

/// The errors the answers in `path` ruled out.
#[must_use]
pub(super) fn ruled_out(catalog: &Catalog, path: &[Answered]) -> HashSet<ErrorRef> {
    let mut ruled = HashSet::new();
    for crumb in path {
        let Some((_, node)) = crumb.node.find(catalog) else {
            continue;
        };
        let Some(chosen) = node.answers.get(crumb.answer) else {
            continue;
        };
        let kept: HashSet<ErrorRef> = reach_answer(catalog, &crumb.node.guide, &chosen.next, true)
            .into_iter()
            .collect();
        for (i, other) in node.answers.iter().enumerate() {
            if i == crumb.answer {
                continue;
            }
            ruled.extend(
                reach_answer(catalog, &crumb.node.guide, &other.next, false)
                    .into_iter()
                    .filter(|e| !kept.contains(e)),
            );
        }
    }
    ruled
}

/// What "not fixed" may offer after `root`: its `related` entries in order, without
/// `root` itself, duplicates, ruled-out errors and errors that are not loaded.
#[must_use]
pub(super) fn agenda(
    catalog: &Catalog,
    root: &ErrorRef,
    ruled: &HashSet<ErrorRef>,
) -> Vec<ErrorRef> {
    let Some((guide, entry)) = root.find(catalog) else {
        return Vec::new();
    };
    let mut seen: HashSet<ErrorRef> = HashSet::from([root.clone()]);
    entry
        .related
        .iter()
        .filter_map(|r| refs::related(guide, r))
        .filter(|r| !ruled.contains(r) && r.find(catalog).is_some() && seen.insert(r.clone()))
        .collect()
}
