//! Autosave of the guided session on screen, and reopening a saved one in the TUI.
//!
//! After every update the loop asks [`Autosave::after_update`] to look at the session screens
//! in the stack: when one's walk changed since its last save, it is written to the store
//! (atomic, private, never losing another instance's save). Each session screen is its own
//! saved session, from its first change on: opening a guide or a search hit and leaving
//! again leaves nothing to continue, and a session opened from inside another (a search
//! from a session) never writes over the one below. A session screen that leaves the stack
//! ends its tracking, and the home screen's "Continue" list is read again.
//!
//! The session screen walks the catalog-wide [`Session`] itself, so what is saved is the
//! screen's session as it is.

use crate::session::Session;
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
    if resumed.changed {
        app.status = Some(crate::labels::Label::ResumedAt.text(app.cx.lang).to_owned());
    }
    let screen = crate::tui::screens::session::Session::resumed(resumed.session.clone());
    app.stack.push(screen.into());
    app.autosave
        .track_resumed(app.stack.len() - 1, resumed.session, saved);
    Ok(())
}

/// One session screen of the stack and its saves.
#[derive(Debug)]
struct Tracked {
    /// Its position in the stack: a screen keeps its place while it is open.
    depth: usize,
    /// The session as it was opened; not saved while it is still so.
    opened: Session,
    /// The session as last saved (or as opened).
    last: Session,
    /// Its file, once saved.
    saved: Option<Saved>,
}

/// The session screens in the stack and their last saves. Each session screen is its own
/// saved session: one opened above another (a search from inside a session) does not
/// take over the one below, which keeps its id when it is back on top.
#[derive(Debug, Default)]
pub struct Autosave {
    tracked: Vec<Tracked>,
    warned: bool,
    /// A saved session screen was closed: the home screen's list is out of date.
    pub stale: bool,
}

impl Autosave {
    /// Tracks a resumed session, pushed at `depth`: it keeps its id and revision.
    pub fn track_resumed(&mut self, depth: usize, session: Session, saved: Saved) {
        self.tracked.retain(|t| t.depth < depth);
        self.tracked.push(Tracked {
            depth,
            opened: session.clone(),
            last: session,
            saved: Some(saved),
        });
    }

    /// Saves each session screen whose session changed. A session is saved from its first
    /// change (an answer, a tick, "not fixed", "fixed"), not when it is merely opened.
    /// Returns a message for the footer the first time a save fails.
    pub fn after_update(
        &mut self,
        stack: &[Screen],
        cx: &Ctx,
        store: Option<&Store>,
    ) -> Option<String> {
        let screens: Vec<(usize, &Session)> = stack
            .iter()
            .enumerate()
            .filter_map(|(i, s)| match s {
                Screen::Session(s) => Some((i, &*s.session)),
                _ => None,
            })
            .collect();
        // Closed session screens end their tracking.
        let mut closed_saved = false;
        self.tracked.retain(|t| {
            let open = screens.iter().any(|(d, _)| *d == t.depth);
            closed_saved |= !open && t.saved.is_some();
            open
        });
        self.stale |= closed_saved;
        let mut problem = None;
        for (depth, session) in screens {
            let Some(i) = self.tracked.iter().position(|t| t.depth == depth) else {
                self.tracked.push(Tracked {
                    depth,
                    opened: session.clone(),
                    last: session.clone(),
                    saved: None,
                });
                continue;
            };
            let tracked = &mut self.tracked[i];
            if tracked.last == *session || (tracked.saved.is_none() && tracked.opened == *session) {
                continue;
            }
            let Some(store) = store else { continue };
            let mut next = convert::saved(
                &cx.catalog,
                session,
                cx.lang,
                clock::now(),
                tracked.saved.as_ref(),
            );
            tracked.last = session.clone();
            match store.save(&mut next) {
                Ok(_) => tracked.saved = Some(next),
                Err(e) if !self.warned => {
                    self.warned = true;
                    problem = Some(format!(
                        "{}: {e:#}",
                        crate::labels::Label::NotSaved.text(cx.lang)
                    ));
                }
                Err(_) => {}
            }
        }
        problem
    }
}
