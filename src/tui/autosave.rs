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

/// Which session screen is being saved, and its last save.
#[derive(Debug, Default)]
pub struct Autosave {
    /// Position in the stack of the session screen being tracked.
    depth: Option<usize>,
    last: Option<Session>,
    saved: Option<Saved>,
    warned: bool,
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
