//! Autosave of the guided session on screen, and reopening a saved one in the TUI.
//!
//! After every update the loop asks [`Autosave::after_update`] to look at the session screen
//! in the stack: when its walk changed since the last save, the session is written to the
//! store (atomic, private, never losing another instance's save). A session screen that
//! leaves the stack ends the tracking; the next one is a new saved session.
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
    app.autosave = Autosave::resumed(app.stack.len() - 1, resumed.session, saved);
    Ok(())
}

/// Which session screen is being saved, and its last save.
#[derive(Debug, Default)]
pub struct Autosave {
    /// Position in the stack of the session screen being tracked.
    depth: Option<usize>,
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
                warned: self.warned,
                ..Autosave::default()
            };
        }
        let session = (*screen.session).clone();
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
