//! Live reload: guide files edited on disk (the user's guide folders, `--guides`,
//! `TSHOOT_GUIDES`) are read again while the TUI runs, so an author sees a saved edit at
//! once.
//!
//! The watch ([`crate::watch::Watch`]) says when a burst of saves has settled; the catalog
//! is then loaded on a thread of its own (a big catalog must not freeze the screen; one
//! load at a time, and a save during a load asks for one more after it), and applied
//! between two frames ([`apply`]):
//!
//! - a file that no longer loads keeps the last good guide it held, and its problem is
//!   shown (the load-problems overlay opens);
//! - each open screen keeps its place by ids, not indices: a guide page or the reference
//!   finds its guide again, a search runs again, a session is replayed on the new guides
//!   and goes on where it stood, or from the last point that still exists, saying so;
//!   what vanished is closed, and the status line says what.

use std::path::PathBuf;
use std::sync::{Arc, mpsc};
use std::time::Instant;

use super::app::App;
use super::screens::guide::GuidePage;
use super::screens::home::Home;
use super::screens::map::Map;
use super::screens::problems::Problems;
use super::screens::reference::Reference;
use super::screens::search::Search;
use super::screens::session::Session;
use super::screens::{Ctx, Screen};
use crate::guide::Catalog;
use crate::labels::Label;
use crate::search::{Index, Searcher};
use crate::store::convert;
use crate::watch::Watch;

/// What loads the catalog again (the same sources and cache the TUI started with).
pub type Loader = Arc<dyn Fn() -> Catalog + Send + Sync>;

/// A watch over the guide sources, and the load under way.
pub struct Reload {
    watch: Watch,
    load: Loader,
    loading: Option<mpsc::Receiver<Catalog>>,
    /// A save came in while loading: load once more after.
    again: bool,
}

impl std::fmt::Debug for Reload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reload")
            .field("watch", &self.watch)
            .field("loading", &self.loading.is_some())
            .field("again", &self.again)
            .finish_non_exhaustive()
    }
}

impl Reload {
    /// Watches `paths` (those that exist) and reloads with `load`; `None` when there is
    /// nothing to watch or the system will not watch it (the TUI then runs without).
    #[must_use]
    pub fn new(paths: &[PathBuf], load: Loader) -> Option<Reload> {
        let watch = Watch::new(paths).ok()??;
        Some(Reload {
            watch,
            load,
            loading: None,
            again: false,
        })
    }

    fn start(&mut self) {
        let (tx, rx) = mpsc::channel();
        let load = Arc::clone(&self.load);
        std::thread::spawn(move || {
            let _ = tx.send(load());
        });
        self.loading = Some(rx);
    }

    /// Takes what the watch and the load have to say; returns the new catalog when a load
    /// has finished.
    pub fn poll(&mut self, now: Instant) -> Option<Catalog> {
        let (settled, _errors) = self.watch.poll(now);
        if settled {
            if self.loading.is_some() {
                self.again = true;
            } else {
                self.start();
            }
        }
        let rx = self.loading.as_ref()?;
        match rx.try_recv() {
            Ok(catalog) => {
                self.loading = None;
                if std::mem::take(&mut self.again) {
                    self.start();
                }
                Some(catalog)
            }
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => {
                // The load panicked: keep what is on screen; the next save tries again.
                self.loading = None;
                None
            }
        }
    }
}

/// For the loop, between frames: applies a finished reload; true when the app changed.
pub fn tick(app: &mut App, now: Instant) -> bool {
    let Some(reload) = app.reload.as_mut() else {
        return false;
    };
    match reload.poll(now) {
        Some(catalog) => {
            apply(app, catalog);
            true
        }
        None => false,
    }
}

/// Files with a load error in `catalog`, as shown to the user.
fn broken(catalog: &Catalog) -> Vec<&str> {
    catalog
        .problems
        .iter()
        .filter(|p| p.diagnostic.is_error())
        .map(|p| p.diagnostic.file.as_str())
        .collect()
}

/// A guide of `old` whose file no longer loads is kept in `new` as it was; returns the
/// files whose guide was kept.
fn keep_last_good(old: &Catalog, new: &mut Catalog) -> Vec<String> {
    let mut kept = Vec::new();
    for (i, guide) in old.guides.iter().enumerate() {
        if new.guide(&guide.id).is_none() && broken(new).contains(&guide.origin.file.as_str()) {
            new.guides.insert(i.min(new.guides.len()), guide.clone());
            kept.push(guide.origin.file.clone());
        }
    }
    kept
}

/// Whether every guide sits at the same index with the same errors in the same order, so
/// what holds catalog indices (a triage) still points at the same errors.
fn same_shape(old: &Catalog, new: &Catalog) -> bool {
    old.guides.len() == new.guides.len()
        && old.guides.iter().zip(&new.guides).all(|(a, b)| {
            a.id == b.id
                && a.errors.len() == b.errors.len()
                && a.errors.iter().zip(&b.errors).all(|(x, y)| x.id == y.id)
        })
}

/// Puts `new` in place of the app's catalog and carries every open screen over to it.
pub fn apply(app: &mut App, mut new: Catalog) {
    let old = std::mem::take(&mut app.cx.catalog);
    let lang = app.cx.lang;
    let kept = keep_last_good(&old, &mut new);
    let fresh_problem = {
        let before = broken(&old);
        broken(&new).iter().any(|f| !before.contains(f))
    };
    app.cx.index = Index::new(&new);
    app.cx.searcher = Searcher::new();
    app.cx.catalog = new;
    let mut notes: Vec<String> = kept
        .iter()
        .map(|file| Label::ReloadKept.text(lang).replace("{file}", file))
        .collect();
    for screen in std::mem::take(&mut app.stack) {
        let (screen, note) = carry(screen, &old, &app.stack, &mut app.cx);
        app.stack.extend(screen);
        notes.extend(note);
    }
    if !matches!(app.stack.first(), Some(Screen::Home(_))) {
        app.stack.insert(0, Home::default().into());
    }
    if broken(&app.cx.catalog).is_empty() {
        // Fixed: an open list of problems would be empty.
        app.stack.retain(|s| !matches!(s, Screen::Problems(_)));
    } else if fresh_problem && !matches!(app.stack.last(), Some(Screen::Problems(_))) {
        app.stack.push(Problems::default().into());
    }
    app.status = Some(if notes.is_empty() {
        Label::Reloaded.text(lang).to_owned()
    } else {
        notes.join(" · ")
    });
}

/// `screen` carried over to the new catalog in `cx` (`old` is the one it was made for,
/// `below` the screens already carried), or `None` when what it showed is gone; and what
/// to say about it.
fn carry(
    screen: Screen,
    old: &Catalog,
    below: &[Screen],
    cx: &mut Ctx,
) -> (Option<Screen>, Option<String>) {
    let lang = cx.lang;
    let gone = |what: &str| Some(Label::ReloadGone.text(lang).replace("{what}", what));
    let index_of = |id: &str| cx.catalog.guides.iter().position(|g| g.id == id);
    match screen {
        Screen::Guide(page) => {
            let id = &old.guides[page.guide].id;
            match index_of(id) {
                Some(g) => (Some(GuidePage::new(g).into()), None),
                None => (None, gone(id)),
            }
        }
        Screen::Reference(r) => {
            let guide = &old.guides[r.guide];
            let Some(g) = index_of(&guide.id) else {
                return (None, gone(&guide.id));
            };
            let error = guide.errors.get(r.selected()).and_then(|e| {
                cx.catalog.guides[g]
                    .errors
                    .iter()
                    .position(|x| x.id == e.id)
            });
            (Some(Reference::new(g, error.unwrap_or(0)).into()), None)
        }
        Screen::Search(s) => (Some(Search::new(s.query(), cx).into()), None),
        Screen::Session(s) => {
            let now = i64::try_from(cx.now).unwrap_or(i64::MAX);
            let saved = convert::saved(old, &s.session, lang, now, None);
            match convert::replay(&cx.catalog, &saved) {
                Ok(r) if !r.changed => (Some(Screen::Session(s)), None),
                Ok(r) => (
                    Some(Session::resumed(r.session).into()),
                    Some(Label::ReloadReplayed.text(lang).to_owned()),
                ),
                Err(problem) => (None, Some(problem)),
            }
        }
        Screen::Triage(_) if !same_shape(old, &cx.catalog) => {
            (None, Some(Label::ReloadTriageClosed.text(lang).to_owned()))
        }
        Screen::Map(_) => (
            below
                .last()
                .and_then(|s| Map::over(s, cx))
                .map(Screen::from),
            None,
        ),
        other => (Some(other), None),
    }
}
