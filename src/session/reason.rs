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

use super::refs::{self, ErrorRef, NodeRef, Target};
use super::{Answered, Place, Session};
use crate::guide::{Catalog, Guide, Next, Text};

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

/// What the session's answers leave possible and what comes next, asked of a [`Session`].
impl Session {
    /// The outcome the answers led to, or the error the session started at: the error
    /// whose `related` entries "not fixed" offers first.
    #[must_use]
    pub fn root(&self) -> Option<&ErrorRef> {
        self.tried.first().or(match &self.at {
            Place::Outcome(e) | Place::Solved(e) => Some(e),
            Place::Question(_) | Place::Escalation => None,
        })
    }

    /// The errors the answers given so far ruled out, in no particular order.
    #[must_use]
    pub fn ruled_out(&self, catalog: &Catalog) -> Vec<ErrorRef> {
        let mut ruled: Vec<ErrorRef> = ruled_out(catalog, &self.path).into_iter().collect();
        ruled.sort();
        ruled
    }

    /// What "not fixed" would offer from here, in order (empty: escalation): the `related`
    /// entries of [`Session::root`] in the author's order, less those tried and those the
    /// answers ruled out ([`Session::ruled_out`]).
    #[must_use]
    pub fn offers(&self, catalog: &Catalog) -> Vec<ErrorRef> {
        let Some(root) = self.root() else {
            return Vec::new();
        };
        let ruled = ruled_out(catalog, &self.path);
        let current = match &self.at {
            Place::Outcome(e) | Place::Solved(e) => Some(e),
            Place::Question(_) | Place::Escalation => None,
        };
        agenda(catalog, root, &ruled)
            .into_iter()
            .filter(|e| !self.tried.contains(e) && Some(e) != current)
            .collect()
    }

    /// The errors the current question can still lead to, in catalog order: through its
    /// questions and its answers' errors (in any guide), but not into the questions of
    /// another guide, which asks its own; at an outcome, that error.
    #[must_use]
    pub fn still_possible(&self, catalog: &Catalog) -> Vec<ErrorRef> {
        match &self.at {
            Place::Question(node) => {
                let found: HashSet<ErrorRef> =
                    reach(catalog, &Target::Question(node.clone()), false)
                        .into_iter()
                        .collect();
                let guides: HashSet<&str> = found.iter().map(|e| e.guide.as_str()).collect();
                // Only the guides the walk can reach are visited: drawn on every frame of a
                // question, this must not cost a pass over a large catalog's every error.
                catalog
                    .guides
                    .iter()
                    .filter(|g| guides.contains(g.id.as_str()))
                    .flat_map(|g| g.errors.iter().map(|e| ErrorRef::new(&g.id, &e.id)))
                    .filter(|e| found.contains(e))
                    .collect()
            }
            Place::Outcome(e) | Place::Solved(e) => vec![e.clone()],
            Place::Escalation => Vec::new(),
        }
    }

    /// The escalation texts that apply: the current guide's, then the starting guide's if
    /// it is another one (guides without one are left out).
    #[must_use]
    pub fn escalations<'c>(&self, catalog: &'c Catalog) -> Vec<(&'c Guide, &'c Text)> {
        let mut guides = vec![self.current_guide()];
        if self.first_guide() != self.current_guide() {
            guides.push(self.first_guide());
        }
        guides
            .into_iter()
            .filter_map(|id| {
                let guide = catalog.guide(id)?;
                Some((guide, guide.escalation.as_ref()?))
            })
            .collect()
    }

    /// Index of each answered question where the walk entered another guide than the one
    /// before it (the first question counts when it is not in the starting guide).
    #[must_use]
    pub fn crossings(&self) -> Vec<usize> {
        let mut previous = self.first_guide();
        let mut out = Vec::new();
        for (i, crumb) in self.path.iter().enumerate() {
            if crumb.node.guide != previous {
                out.push(i);
            }
            previous = &crumb.node.guide;
        }
        out
    }
}
