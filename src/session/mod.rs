//! A guided session as a pure state machine over the whole catalog: how it started, the
//! answers given, where it stands, the errors tried, the checklist ticks, and what the person
//! pasted.
//!
//! A session is a walk over the **catalog**, not one guide: a position names its guide, so an
//! answer (`error: guide-id/error-id`, `guide: guide-id`) or a `related` entry may carry it
//! into another guide and a jump back returns across. It may start at a guide's first
//! question, or at an error's outcome from a search hit or a reference entry, carrying the
//! query and the values captured from it, or from a log triage, carrying what the log said
//! of the error ([`log`]). What "not fixed" offers next is decided in
//! `reason.rs` (its module docs state the rules); `{placeholder}` filling in `fill.rs`.
//!
//! It is plain data (serde, ids as strings) so it can be saved and resumed; it never reads a
//! clock (the caller passes the time in) and knows only the guide model.

mod fill;
pub mod log;
mod reason;
mod refs;
mod start;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::guide::Catalog;

pub use fill::{Capture, MAX_CAPTURE_CHARS, MAX_CAPTURES, Piece, clean_captures, fill, filled};
pub use log::{LogFinding, LogPlace, LogValues};
pub use refs::{ErrorRef, NodeRef, Target};
pub use start::Start;

/// Longest query or pasted message a session keeps, in characters.
pub const MAX_MESSAGE_CHARS: usize = 4096;

/// Where a session stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "at", rename_all = "snake_case")]
pub enum Place {
    /// A question.
    Question(NodeRef),
    /// An error's causes and checklist.
    Outcome(ErrorRef),
    /// The error's fix worked.
    Solved(ErrorRef),
    /// Nothing helped: escalation.
    Escalation,
}

/// One answered question: the question, and the answer chosen (0-based).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answered {
    pub node: NodeRef,
    pub answer: usize,
}

/// What a person can do in a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Choose answer n (0-based) of the current question.
    Answer(usize),
    /// Undo the last answer.
    Back,
    /// Go back to answered question n of the path, to answer it differently.
    Jump(usize),
    /// Back to where the session started; ticks are kept.
    Restart,
    /// Tick or untick checklist step n of the current outcome.
    Tick(usize),
    /// The outcome's fix worked.
    Fixed,
    /// It did not: on to the next likely cause, or escalation.
    NotFixed,
}

/// A guided session. Fields are private so every change goes through the actions, which
/// keep it consistent; read it through the accessors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    start: Start,
    /// Values captured from the query, in the order found.
    captures: Vec<Capture>,
    /// When the session started: seconds since the Unix epoch, UTC.
    started: u64,
    path: Vec<Answered>,
    at: Place,
    /// Errors shown as outcomes that did not fix it, in order; the first is the outcome the
    /// answers led to.
    tried: Vec<ErrorRef>,
    /// Ticked checklist steps per error; kept when going back and forth.
    ticks: BTreeMap<ErrorRef, BTreeSet<usize>>,
}

impl Session {
    #[must_use]
    pub fn start(&self) -> &Start {
        &self.start
    }

    #[must_use]
    pub fn captures(&self) -> &[Capture] {
        &self.captures
    }

    /// The query or pasted message the session started from, or the log line, if any.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        match &self.start {
            Start::Search { query, .. } => Some(query),
            Start::Triage { log, .. } => Some(&log.sample),
            Start::Guide { .. } | Start::Reference { .. } => None,
        }
    }

    /// What the log said, for a session opened from a triage.
    #[must_use]
    pub fn log(&self) -> Option<&LogFinding> {
        match &self.start {
            Start::Triage { log, .. } => Some(log),
            Start::Guide { .. } | Start::Search { .. } | Start::Reference { .. } => None,
        }
    }

    /// Seconds since the Unix epoch (UTC) when the session started.
    #[must_use]
    pub fn started(&self) -> u64 {
        self.started
    }

    /// The answers given, in order: the breadcrumb.
    #[must_use]
    pub fn path(&self) -> &[Answered] {
        &self.path
    }

    #[must_use]
    pub fn at(&self) -> &Place {
        &self.at
    }

    /// Errors that did not fix it, in the order tried.
    #[must_use]
    pub fn tried(&self) -> &[ErrorRef] {
        &self.tried
    }

    /// The guide the session started in.
    #[must_use]
    pub fn first_guide(&self) -> &str {
        match &self.start {
            Start::Guide { guide } => guide,
            Start::Search { error, .. }
            | Start::Reference { error }
            | Start::Triage { error, .. } => &error.guide,
        }
    }

    /// The guide of what is on screen (at escalation: of the last error tried).
    #[must_use]
    pub fn current_guide(&self) -> &str {
        match &self.at {
            Place::Question(n) => &n.guide,
            Place::Outcome(e) | Place::Solved(e) => &e.guide,
            Place::Escalation => self
                .tried
                .last()
                .map_or_else(|| self.first_guide(), |e| &e.guide),
        }
    }

    /// Whether step `step` of `error` is ticked.
    #[must_use]
    pub fn is_ticked(&self, error: &ErrorRef, step: usize) -> bool {
        self.ticks.get(error).is_some_and(|t| t.contains(&step))
    }

    /// Ticked steps of `error`, and all its steps.
    #[must_use]
    pub fn progress(&self, catalog: &Catalog, error: &ErrorRef) -> (usize, usize) {
        let total = error.find(catalog).map_or(0, |(_, e)| e.checklist.len());
        let done = self
            .ticks
            .get(error)
            .map_or(0, |t| t.range(..total).count());
        (done, total)
    }

    /// Does `action`; returns whether anything changed (an action that does not apply where
    /// the session stands, or names something that does not exist, does nothing).
    pub fn apply(&mut self, catalog: &Catalog, action: Action) -> bool {
        match action {
            Action::Answer(n) => self.choose(catalog, n),
            Action::Back => self.back(),
            Action::Jump(n) => self.jump(n),
            Action::Restart => self.restart(catalog),
            Action::Tick(n) => self.tick(catalog, n),
            Action::Fixed => self.fixed(),
            Action::NotFixed => self.not_fixed(catalog),
        }
    }

    /// Chooses answer `answer` (0-based) of the current question.
    pub fn choose(&mut self, catalog: &Catalog, answer: usize) -> bool {
        let Place::Question(node) = &self.at else {
            return false;
        };
        let Some((guide, n)) = node.find(catalog) else {
            return false;
        };
        let Some(target) = n
            .answers
            .get(answer)
            .and_then(|a| Target::of(catalog, guide, &a.next))
        else {
            return false;
        };
        let at = match target {
            Target::Question(q) => Place::Question(q),
            Target::Error(e) if e.find(catalog).is_some() => Place::Outcome(e),
            Target::Error(_) => return false,
        };
        self.path.push(Answered {
            node: node.clone(),
            answer,
        });
        self.at = at;
        self.tried.clear();
        true
    }

    /// Undoes the last answer.
    pub fn back(&mut self) -> bool {
        let Some(crumb) = self.path.pop() else {
            return false;
        };
        self.at = Place::Question(crumb.node);
        self.tried.clear();
        true
    }

    /// Goes back to answered question `index` of the path, to answer it differently; the
    /// answers after it are undone.
    pub fn jump(&mut self, index: usize) -> bool {
        if index >= self.path.len() {
            return false;
        }
        let node = self.path[index].node.clone();
        self.path.truncate(index);
        self.at = Place::Question(node);
        self.tried.clear();
        true
    }

    /// Back to where the session started (the first question, or the error it started at);
    /// the ticks and the captured values are kept.
    pub fn restart(&mut self, catalog: &Catalog) -> bool {
        let at = match &self.start {
            Start::Guide { guide } => match NodeRef::start_of(catalog, guide) {
                Some(first) => Place::Question(first),
                None => return false,
            },
            Start::Search { error, .. }
            | Start::Reference { error }
            | Start::Triage { error, .. } => Place::Outcome(error.clone()),
        };
        let changed = self.at != at || !self.path.is_empty() || !self.tried.is_empty();
        self.path.clear();
        self.tried.clear();
        self.at = at;
        changed
    }

    /// Takes over `old`'s ticks of errors that are still loaded (steps still in the
    /// checklist), wherever they are: a session read back keeps the steps ticked on a branch
    /// it has left, for when it comes back to it.
    pub fn keep_ticks(&mut self, catalog: &Catalog, old: &Session) {
        for (error, steps) in &old.ticks {
            let Some((_, entry)) = error.find(catalog) else {
                continue;
            };
            let kept: BTreeSet<usize> = steps
                .iter()
                .copied()
                .filter(|&s| s < entry.checklist.len())
                .collect();
            if !kept.is_empty() {
                self.ticks.entry(error.clone()).or_default().extend(kept);
            }
        }
    }

    /// Ticks or unticks checklist step `step` of the current outcome.
    pub fn tick(&mut self, catalog: &Catalog, step: usize) -> bool {
        let Place::Outcome(error) = &self.at else {
            return false;
        };
        let Some((_, entry)) = error.find(catalog) else {
            return false;
        };
        if step >= entry.checklist.len() {
            return false;
        }
        let ticks = self.ticks.entry(error.clone()).or_default();
        if !ticks.remove(&step) {
            ticks.insert(step);
        }
        if ticks.is_empty() {
            self.ticks.remove(error);
        }
        true
    }

    /// The current outcome's fix worked.
    pub fn fixed(&mut self) -> bool {
        let Place::Outcome(error) = &self.at else {
            return false;
        };
        self.at = Place::Solved(error.clone());
        true
    }

    /// The current outcome's fix did not work: on to the next error [`Session::offers`]
    /// names, or to escalation when there is none.
    pub fn not_fixed(&mut self, catalog: &Catalog) -> bool {
        let Place::Outcome(error) = &self.at else {
            return false;
        };
        let next = self.offers(catalog).into_iter().next();
        self.tried.push(error.clone());
        self.at = next.map_or(Place::Escalation, Place::Outcome);
        true
    }

    /// Checks that every id the session names is still loaded, for a session read back
    /// from disk; the message names the first one missing.
    pub fn check(&self, catalog: &Catalog) -> Result<(), String> {
        let missing_error = |e: &ErrorRef| {
            e.find(catalog)
                .map(|_| ())
                .ok_or_else(|| format!("error `{e}` is not loaded"))
        };
        let missing_node = |n: &NodeRef| {
            n.find(catalog)
                .map(|_| ())
                .ok_or_else(|| format!("question `{n}` is not loaded"))
        };
        match &self.start {
            Start::Guide { guide } => {
                catalog
                    .guide(guide)
                    .ok_or_else(|| format!("guide `{guide}` is not loaded"))?;
            }
            Start::Search { error, .. }
            | Start::Reference { error }
            | Start::Triage { error, .. } => missing_error(error)?,
        }
        for crumb in &self.path {
            let Some((_, node)) = crumb.node.find(catalog) else {
                return Err(format!("question `{}` is not loaded", crumb.node));
            };
            if crumb.answer >= node.answers.len() {
                return Err(format!(
                    "question `{}` has no answer {}",
                    crumb.node,
                    crumb.answer + 1
                ));
            }
        }
        match &self.at {
            Place::Question(n) => missing_node(n)?,
            Place::Outcome(e) | Place::Solved(e) => missing_error(e)?,
            Place::Escalation => {}
        }
        self.tried.iter().try_for_each(missing_error)?;
        self.ticks.keys().try_for_each(missing_error)
    }
}
