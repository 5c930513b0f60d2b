//! Autosave of the guided session on screen, and reopening a saved one in the TUI.
//!
//! After every update the loop asks [`Autosave::after_update`] to look at the session screen
//! in the stack: when its walk changed since the last save, the session is written to the
//! store (atomic, private, never losing another instance's save). A session screen that
//! leaves the stack ends the tracking; the next one is a new saved session.
//!
//! The TUI's session screen still walks one guide with the first [`Walk`]; saved sessions
//! are the catalog-wide [`Session`]. [`to_session`] and [`to_walk`] translate between the
//! two by ids until the screen moves to [`Session`] itself, when they shrink to nothing.

use crate::guide::{Catalog, Guide};
use crate::session::{At, Crumb, ErrorRef, Place, Session, Walk};
use crate::store::{Saved, Store, clock, convert};
use crate::tui::screens::{Ctx, Screen};

/// An unfinished session offered on the home screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Continue {
    pub id: String,
    /// What the session is about, where it stands and how long ago it changed.
    pub text: String,
}

/// Home shows at most this many sessions to continue.
const MAX_CONTINUE: usize = 3;

/// The newest unfinished sessions, for the home screen.
#[must_use]
pub fn continues(store: &Store, lang: crate::lang::Lang) -> Vec<Continue> {
    let now = clock::now();
    store
        .list(now)
        .sessions
        .into_iter()
        .filter(|s| !s.status.finished())
        .take(MAX_CONTINUE)
        .map(|s| Continue {
            text: format!(
                "{} — {}, {}",
                s.title,
                s.stands(lang),
                clock::ago(s.updated, now, lang)
            ),
            id: s.id,
        })
        .collect()
}

/// Opens saved session `id` in a session screen on top of the app, saved as it changes.
pub fn open(app: &mut crate::tui::App, store: &Store, id: &str) -> Result<(), String> {
    let saved = store.load(id).map_err(|e| format!("{e:#}"))?;
    let resumed = convert::replay(&app.cx.catalog, &saved)?;
    push(app, resumed, saved)
}

/// Puts a replayed session on screen; says so when its guide changed since.
pub fn push(
    app: &mut crate::tui::App,
    resumed: convert::Resumed,
    saved: Saved,
) -> Result<(), String> {
    let (guide, walk) = to_walk(&app.cx.catalog, &resumed.session).ok_or_else(|| {
        "this session crosses guides; continue it with `tshoot resume` on a plain terminal"
            .to_owned()
    })?;
    if resumed.changed {
        app.status = Some(crate::labels::Label::ResumedAt.text(app.cx.lang).to_owned());
    }
    let mut screen = crate::tui::screens::session::Session::new(guide, &app.cx);
    screen.walk = walk;
    app.stack.push(screen.into());
    app.autosave = Autosave::resumed(app.stack.len() - 1, resumed.session, saved);
    Ok(())
}

/// Which session screen is being saved, and its last save.
#[derive(Debug, Default)]
pub struct Autosave {
    /// Position in the stack of the session screen being tracked.
    depth: Option<usize>,
    /// When it started (stays the same across saves).
    started: u64,
    last: Option<Session>,
    saved: Option<Saved>,
    warned: bool,
    /// A saved session screen was closed: the home screen's list is out of date.
    pub stale: bool,
}

impl Autosave {
    /// Tracking a resumed session, pushed at `depth`.
    #[must_use]
    pub fn resumed(depth: usize, session: Session, saved: Saved) -> Autosave {
        Autosave {
            depth: Some(depth),
            started: session.started(),
            last: Some(session),
            saved: Some(saved),
            warned: false,
            stale: false,
        }
    }

    /// Saves the session on screen if it changed. Returns a message for the footer the
    /// first time a save fails.
    pub fn after_update(
        &mut self,
        stack: &[Screen],
        cx: &Ctx,
        store: Option<&Store>,
    ) -> Option<String> {
        let found = stack.iter().enumerate().rev().find_map(|(i, s)| match s {
            Screen::Session(s) => Some((i, s)),
            _ => None,
        });
        let Some((depth, screen)) = found else {
            *self = Autosave {
                warned: self.warned,
                stale: self.stale || self.saved.is_some(),
                ..Autosave::default()
            };
            return None;
        };
        if self.depth != Some(depth) {
            *self = Autosave {
                depth: Some(depth),
                started: clock::now().unsigned_abs(),
                warned: self.warned,
                ..Autosave::default()
            };
        }
        let guide = cx.catalog.guides.get(screen.guide)?;
        let session = to_session(&cx.catalog, guide, &screen.walk, self.started)?;
        if self.last.as_ref() == Some(&session) {
            return None;
        }
        let store = store?;
        let mut next = convert::saved(
            &cx.catalog,
            &session,
            cx.lang,
            clock::now(),
            self.saved.as_ref(),
        );
        self.last = Some(session);
        match store.save(&mut next) {
            Ok(_) => {
                self.saved = Some(next);
                None
            }
            Err(e) if !self.warned => {
                self.warned = true;
                Some(format!(
                    "{}: {e:#}",
                    crate::labels::Label::NotSaved.text(cx.lang)
                ))
            }
            Err(_) => None,
        }
    }
}

/// The screen's one-guide walk as a catalog session, built by ids and checked against the
/// catalog; `None` if it names something not loaded.
#[must_use]
pub fn to_session(catalog: &Catalog, guide: &Guide, walk: &Walk, started: u64) -> Option<Session> {
    let node = |i: usize| Some(format!("{}/{}", guide.id, guide.nodes.get(i)?.id));
    let error = |i: usize| Some(format!("{}/{}", guide.id, guide.errors.get(i)?.id));
    let path: Option<Vec<serde_json::Value>> = walk
        .path
        .iter()
        .map(|c| Some(serde_json::json!({"node": node(c.node)?, "answer": c.answer})))
        .collect();
    let at = match walk.at {
        At::Question(n) => serde_json::json!({"kind": "question", "at": node(n)?}),
        At::Outcome(e) => serde_json::json!({"kind": "outcome", "at": error(e)?}),
        At::Solved(e) => serde_json::json!({"kind": "solved", "at": error(e)?}),
        At::Escalation => serde_json::json!({"kind": "escalation"}),
    };
    let tried: Option<Vec<String>> = walk.tried.iter().map(|&e| error(e)).collect();
    let mut ticks = serde_json::Map::new();
    let mut ticked: Vec<(&usize, &Vec<bool>)> = walk.ticks.iter().collect();
    ticked.sort_by_key(|(e, _)| **e);
    for (&e, steps) in ticked {
        let on: Vec<usize> = (0..steps.len()).filter(|&s| steps[s]).collect();
        if !on.is_empty() {
            ticks.insert(error(e)?, on.into());
        }
    }
    let value = serde_json::json!({
        "start": {"from": "guide", "guide": guide.id},
        "captures": [],
        "started": started,
        "path": path?,
        "at": at,
        "tried": tried?,
        "ticks": ticks,
    });
    let session: Session = serde_json::from_value(value).ok()?;
    session.check(catalog).ok()?;
    Some(session)
}

/// A catalog session as the screen's walk, when it stays inside one guide and began at its
/// first question: the guide's index and the walk. "Not fixed" then offers what the session
/// would offer.
#[must_use]
pub fn to_walk(catalog: &Catalog, session: &Session) -> Option<(usize, Walk)> {
    let index = catalog
        .guides
        .iter()
        .position(|g| g.id == session.first_guide())?;
    let guide = &catalog.guides[index];
    let node = |r: &crate::session::NodeRef| {
        (r.guide == guide.id).then(|| guide.nodes.iter().position(|n| n.id == r.node))?
    };
    let error = |r: &ErrorRef| {
        (r.guide == guide.id).then(|| guide.errors.iter().position(|e| e.id == r.error))?
    };
    let mut walk = Walk::new(guide);
    walk.path = session
        .path()
        .iter()
        .map(|a| {
            Some(Crumb {
                node: node(&a.node)?,
                answer: a.answer,
            })
        })
        .collect::<Option<_>>()?;
    walk.at = match session.at() {
        Place::Question(n) => At::Question(node(n)?),
        Place::Outcome(e) => At::Outcome(error(e)?),
        Place::Solved(e) => At::Solved(error(e)?),
        Place::Escalation => At::Escalation,
    };
    walk.tried = session.tried().iter().map(error).collect::<Option<_>>()?;
    walk.queue = session.offers(catalog).iter().filter_map(error).collect();
    for (e, entry) in guide.errors.iter().enumerate() {
        let r = ErrorRef::new(&guide.id, &entry.id);
        let steps: Vec<bool> = (0..entry.checklist.len())
            .map(|s| session.is_ticked(&r, s))
            .collect();
        if steps.contains(&true) {
            walk.ticks.insert(e, steps);
        }
    }
    Some((index, walk))
}
