//! The first guided walk, through one guide only: kept while the TUI still drives it, and
//! removed when the TUI moves to [`super::Session`], which walks the whole catalog.
//!
//! Answers into another guide do nothing here.

use std::collections::HashMap;

use crate::guide::{Guide, Next, Related};

/// Where the session stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum At {
    /// A question: index into `Guide::nodes`.
    Question(usize),
    /// An error's causes and checklist: index into `Guide::errors`.
    Outcome(usize),
    /// The error was fixed.
    Solved(usize),
    /// Nothing helped: the guide's escalation text.
    Escalation,
}

/// One answered question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Crumb {
    pub node: usize,
    pub answer: usize,
}

/// A guided walk through one guide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Walk {
    /// The answers given, in order; the breadcrumb.
    pub path: Vec<Crumb>,
    pub at: At,
    /// Ticked checklist steps per error; kept when going back and forth.
    pub ticks: HashMap<usize, Vec<bool>>,
    /// Errors shown as outcomes, in order, that did not fix the problem.
    pub tried: Vec<usize>,
    /// Errors still to offer after "not fixed", best first.
    pub queue: Vec<usize>,
}

impl Walk {
    /// A walk at the guide's first question.
    #[must_use]
    pub fn new(guide: &Guide) -> Walk {
        Walk {
            path: Vec::new(),
            at: At::Question(guide.start),
            ticks: HashMap::new(),
            tried: Vec::new(),
            queue: Vec::new(),
        }
    }

    /// Chooses answer `answer` (0-based) of the current question. Returns whether anything
    /// happened (a number beyond the answers does nothing).
    pub fn choose(&mut self, guide: &Guide, answer: usize) -> bool {
        let At::Question(node) = self.at else {
            return false;
        };
        let Some(chosen) = guide.nodes.get(node).and_then(|n| n.answers.get(answer)) else {
            return false;
        };
        self.path.push(Crumb { node, answer });
        match chosen.next {
            Next::Node(n) => self.at = At::Question(n),
            Next::Error(e) => self.reach_outcome(guide, e, node),
            Next::OtherError { .. } | Next::OtherGuide { .. } => {
                self.path.pop();
                return false;
            }
        }
        true
    }

    fn reach_outcome(&mut self, guide: &Guide, error: usize, from: usize) {
        self.at = At::Outcome(error);
        self.tried.clear();
        // After "not fixed": the error's related errors, then whatever else the last
        // question could still lead to.
        let mut queue: Vec<usize> = guide.errors[error]
            .related
            .iter()
            .filter_map(|r| match r {
                Related::Local(i) => Some(*i),
                Related::Other { .. } => None,
            })
            .collect();
        queue.extend(reachable_errors(guide, from));
        let mut seen = vec![error];
        queue.retain(|e| {
            let new = !seen.contains(e);
            seen.push(*e);
            new
        });
        self.queue = queue;
    }

    /// One question back: undoes the last answer. Returns whether there was one.
    pub fn back(&mut self) -> bool {
        match self.path.pop() {
            Some(crumb) => {
                self.at = At::Question(crumb.node);
                self.queue.clear();
                self.tried.clear();
                true
            }
            None => false,
        }
    }

    /// Goes back to the question of crumb `index`, to answer it differently.
    pub fn jump(&mut self, index: usize) -> bool {
        let Some(crumb) = self.path.get(index).copied() else {
            return false;
        };
        self.path.truncate(index);
        self.at = At::Question(crumb.node);
        self.queue.clear();
        self.tried.clear();
        true
    }

    /// Back to the first question; ticks are kept.
    pub fn restart(&mut self, guide: &Guide) {
        self.path.clear();
        self.at = At::Question(guide.start);
        self.queue.clear();
        self.tried.clear();
    }

    /// Ticks or unticks checklist step `step` of the current outcome.
    pub fn tick(&mut self, guide: &Guide, step: usize) -> bool {
        let At::Outcome(error) = self.at else {
            return false;
        };
        let len = guide.errors[error].checklist.len();
        if step >= len {
            return false;
        }
        let ticks = self.ticks.entry(error).or_insert_with(|| vec![false; len]);
        ticks[step] = !ticks[step];
        true
    }

    /// Whether step `step` of `error` is ticked.
    #[must_use]
    pub fn ticked(&self, error: usize, step: usize) -> bool {
        self.ticks
            .get(&error)
            .and_then(|t| t.get(step))
            .copied()
            .unwrap_or(false)
    }

    /// Ticked steps of `error`, and all steps.
    #[must_use]
    pub fn progress(&self, guide: &Guide, error: usize) -> (usize, usize) {
        let total = guide.errors.get(error).map_or(0, |e| e.checklist.len());
        let done = (0..total).filter(|&s| self.ticked(error, s)).count();
        (done, total)
    }

    /// The fix worked.
    pub fn fixed(&mut self) -> bool {
        let At::Outcome(error) = self.at else {
            return false;
        };
        self.at = At::Solved(error);
        true
    }

    /// The fix did not work: on to the next likely error, or to escalation.
    pub fn not_fixed(&mut self) -> bool {
        let At::Outcome(error) = self.at else {
            return false;
        };
        self.tried.push(error);
        self.at = if self.queue.is_empty() {
            At::Escalation
        } else {
            At::Outcome(self.queue.remove(0))
        };
        true
    }

    /// The errors the current question can still lead to.
    #[must_use]
    pub fn still_possible(&self, guide: &Guide) -> Vec<usize> {
        match self.at {
            At::Question(node) => reachable_errors(guide, node),
            At::Outcome(e) | At::Solved(e) => vec![e],
            At::Escalation => Vec::new(),
        }
    }
}

/// Every error reachable from question `node`, in guide order.
#[must_use]
pub fn reachable_errors(guide: &Guide, node: usize) -> Vec<usize> {
    let mut seen_nodes = vec![false; guide.nodes.len()];
    let mut errors = vec![false; guide.errors.len()];
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        if n >= seen_nodes.len() || std::mem::replace(&mut seen_nodes[n], true) {
            continue;
        }
        for answer in &guide.nodes[n].answers {
            match answer.next {
                Next::Node(m) => stack.push(m),
                Next::Error(e) => {
                    if let Some(slot) = errors.get_mut(e) {
                        *slot = true;
                    }
                }
                Next::OtherError { .. } | Next::OtherGuide { .. } => {}
            }
        }
    }
    (0..errors.len()).filter(|&e| errors[e]).collect()
}
