//! Between a live [`Session`] and a saved one: the summary written beside it for lists, and
//! the replay that turns a saved session back into a live one.
//!
//! A saved session is never trusted as it is. Replay starts a new session the way the saved
//! one started and applies its answers, "not fixed"s, ticks and "fixed" one by one through
//! the session's own actions, checking at each step that the catalog of the day still leads
//! where it led then. Where it does not (a guide changed, an id is gone), replay stops at the
//! last point that still exists and says so.

use crate::guide::Catalog;
use crate::labels::Label;
use crate::lang::Lang;
use crate::markup;
use crate::plain::export::status;
use crate::session::{Action, ErrorRef, Place as At, Session, Start};

use super::{Place, Saved};

/// The saved form of `session`: `previous` keeps its id and revision (empty for a new one).
#[must_use]
pub fn saved(
    catalog: &Catalog,
    session: &Session,
    lang: Lang,
    now: i64,
    previous: Option<&Saved>,
) -> Saved {
    let title_of = |e: &ErrorRef| {
        e.find(catalog)
            .map_or_else(|| e.to_string(), |(_, x)| markup::plain(x.title.show(lang)))
    };
    let guide_title = catalog.guide(session.first_guide()).map_or_else(
        || session.first_guide().to_owned(),
        |g| g.title.show(lang).to_owned(),
    );
    // Named after the outcome the answers led to, which stays while "not fixed" moves on.
    let title = session.root().map_or(guide_title, &title_of);
    let (place_title, steps) = match session.at() {
        At::Question(node) => (
            node.find(catalog)
                .map(|(_, n)| markup::plain(n.question.show(lang)))
                .unwrap_or_default(),
            None,
        ),
        At::Outcome(e) => (title_of(e), Some(session.progress(catalog, e))),
        At::Solved(e) => (title_of(e), None),
        At::Escalation => (Label::Escalate.text(lang).to_owned(), None),
    };
    Saved {
        id: previous.map(|p| p.id.clone()).unwrap_or_default(),
        revision: previous.map_or(0, |p| p.revision),
        started: i64::try_from(session.started()).unwrap_or(now),
        updated: now,
        lang: lang.code().to_owned(),
        title,
        status: status(session),
        place: Place {
            title: place_title,
            answered: session.path().len(),
            steps,
        },
        guide: session.first_guide().to_owned(),
        session: serde_json::to_value(session).unwrap_or(serde_json::Value::Null),
    }
}

/// A session read back, and whether it had to stop short of where it was saved.
#[derive(Debug)]
pub struct Resumed {
    pub session: Session,
    /// Replay stopped early: the guide changed since.
    pub changed: bool,
}

/// Replays a saved session over `catalog`. Fails only when even its start is gone.
pub fn replay(catalog: &Catalog, saved: &Saved) -> Result<Resumed, String> {
    let old: Session = serde_json::from_value(saved.session.clone())
        .map_err(|e| format!("the saved session is malformed: {e}"))?;
    let started = old.started();
    let mut session = match old.start() {
        Start::Guide { guide } => Session::from_guide(catalog, guide, started),
        Start::Search { query, error } => {
            let captures = old
                .captures()
                .iter()
                .map(|c| (c.name.clone(), c.value.clone()))
                .collect();
            Session::from_search(catalog, error.clone(), query, captures, started)
        }
        Start::Reference { error } => Session::from_reference(catalog, error.clone(), started),
        Start::Triage { error, log } => {
            Session::from_triage(catalog, error.clone(), log.clone(), started)
        }
    }
    .ok_or_else(|| format!("`{}` is no longer loaded", old.first_guide()))?;
    let complete = replay_steps(catalog, &old, &mut session);
    session.keep_ticks(catalog, &old);
    Ok(Resumed {
        session,
        changed: !complete,
    })
}

/// Applies `old`'s steps to `session`; false as soon as one no longer applies.
fn replay_steps(catalog: &Catalog, old: &Session, session: &mut Session) -> bool {
    for crumb in old.path() {
        let here = matches!(session.at(), At::Question(n) if *n == crumb.node);
        if !here || !session.apply(catalog, Action::Answer(crumb.answer)) {
            return false;
        }
    }
    for tried in old.tried() {
        if !matches!(session.at(), At::Outcome(e) if e == tried) {
            return false;
        }
        restore_ticks(catalog, old, session, tried);
        session.apply(catalog, Action::NotFixed);
    }
    match (old.at(), session.at().clone()) {
        (At::Question(a), At::Question(b)) => *a == b,
        (At::Outcome(a), At::Outcome(b)) if *a == b => {
            restore_ticks(catalog, old, session, &b);
            true
        }
        (At::Solved(a), At::Outcome(b)) if *a == b => {
            restore_ticks(catalog, old, session, &b);
            session.apply(catalog, Action::Fixed)
        }
        (At::Escalation, At::Escalation) => true,
        _ => false,
    }
}

/// Ticks again the steps of `error` that were ticked in `old` (the session is at its
/// outcome).
fn restore_ticks(catalog: &Catalog, old: &Session, session: &mut Session, error: &ErrorRef) {
    let steps = error.find(catalog).map_or(0, |(_, e)| e.checklist.len());
    for step in 0..steps {
        if old.is_ticked(error, step) && !session.is_ticked(error, step) {
            session.apply(catalog, Action::Tick(step));
        }
    }
}
