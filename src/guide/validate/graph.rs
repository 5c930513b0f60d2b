//! The shape of a guide's tree: every question reachable from `start`, an outcome (or
//! another guide) reachable from every question, and errors no answer leads to.
//!
//! Kept apart from the id rules because it works on the resolved graph, after every id has
//! been checked and indexed.

use super::Ids;
use crate::guide::Next;
use crate::guide::diagnostic::{Diagnostics, Pos};
use crate::guide::raw::RawGuide;

/// Reachability from `start`, outcomes reachable from every question, errors reached.
///
/// Questions and errors whose id repeats an earlier one are left out: the duplicate is
/// reported already, and nothing can point at it.
pub(super) fn check_graph(raw: &RawGuide, ids: &Ids, start: usize, diags: &mut Diagnostics) {
    // Every place an answer names and that exists, even when an answer wrongly names two;
    // an answer into another guide counts as an outcome here (that guide concludes itself).
    let edges: Vec<Vec<Next>> = raw
        .nodes
        .iter()
        .map(|n| {
            n.value
                .answers
                .value
                .iter()
                .flat_map(|a| ids.edges(&a.value).chain(ids.away(&a.value)))
                .collect()
        })
        .collect();

    let mut reached = vec![false; raw.nodes.len()];
    let mut error_reached = vec![false; raw.errors.len()];
    let mut stack = vec![start];
    while let Some(i) = stack.pop() {
        if std::mem::replace(&mut reached[i], true) {
            continue;
        }
        for edge in &edges[i] {
            match *edge {
                Next::Node(j) => stack.push(j),
                Next::Error(e) => error_reached[e] = true,
                Next::OtherError { .. } | Next::OtherGuide { .. } => {}
            }
        }
    }

    // A question concludes if one of its answers is an outcome or leads to a question that
    // concludes; iterate to the fixed point.
    let mut concludes = vec![false; raw.nodes.len()];
    let mut changed = true;
    while changed {
        changed = false;
        for (i, out) in edges.iter().enumerate() {
            let now = out.iter().any(|edge| match *edge {
                Next::Node(j) => concludes[j],
                Next::Error(_) | Next::OtherError { .. } | Next::OtherGuide { .. } => true,
            });
            if now && !concludes[i] {
                concludes[i] = true;
                changed = true;
            }
        }
    }

    for (i, node) in raw.nodes.iter().enumerate() {
        let id = &node.value.id;
        let answers = &node.value.answers.value;
        if ids.nodes.get(id.value.as_str()) != Some(&i) {
            continue;
        }
        // Answers that lead nowhere are reported already; judge only complete questions.
        let complete = !answers.is_empty()
            && answers
                .iter()
                .all(|a| ids.edges(&a.value).count() > 0 || ids.away(&a.value).is_some());
        if !reached[i] {
            diags.error(
                Pos::of(id),
                format!("question `{}` cannot be reached from `start`", id.value),
            );
        } else if !concludes[i] && complete {
            diags.error(
                Pos::of(id),
                format!(
                    "no outcome can be reached from question `{}`: its answers only lead around a cycle",
                    id.value
                ),
            );
        }
    }
    for (e, error) in raw.errors.iter().enumerate() {
        let id = &error.value.id;
        if !error_reached[e] && ids.errors.get(id.value.as_str()) == Some(&e) {
            diags.warning(
                Pos::of(id),
                format!(
                    "no answer leads to error `{}`; only search and the reference will show it",
                    id.value
                ),
            );
        }
    }
}
