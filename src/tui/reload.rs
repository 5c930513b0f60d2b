//! Loading the guides while the TUI runs: the library at start, and again live when guide
//! files are edited on disk (the user's guide folders, `--guides`, `TSHOOT_GUIDES`), so an
//! author sees a saved edit at once.
//!
//! Every load runs on a thread of its own through the same loader as `tshoot search` (the
//! cached catalog and cached search index, [`crate::cache::load_indexed`]), so a big
//! library never freezes the screen and never builds its index on the UI thread. One load
//! at a time: a save during a load (the first one too) asks for one more after it, so the
//! newest result is always the last applied and no save is lost. At start the built-in
//! guides come first (they load in milliseconds) so they can be read and searched while
//! the library loads; the home screen shows the progress ([`Ctx::loading`]).
//!
//! The watch ([`crate::watch::Watch`]) says when a burst of saves has settled. A finished
//! load is applied between two frames ([`apply_loaded`]):
//!
//! - a file that no longer loads keeps the last good guide it held, and its problem is
//!   shown (the load-problems overlay opens);
//! - each open screen keeps its place by ids, not indices: a guide page or the reference
//!   finds its guide again, a search runs again, a session is replayed on the new guides
//!   and goes on where it stood, or from the last point that still exists, saying so;
//!   what vanished is closed, and the status line says what. The library arriving at
//!   start is carried over the same way, silently.

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
use crate::cache::Progress;
use crate::guide::Catalog;
use crate::guide::catalog::Source;
use crate::labels::Label;
use crate::search::{Index, Searcher};
use crate::store::convert;
use crate::watch::Watch;

/// What loads the catalog and its search index (the same sources and cache the TUI
/// started with), counting its progress.
pub type Loader = Arc<dyn Fn(&Progress) -> (Catalog, Index) + Send + Sync>;

/// What a loading thread sends.
enum Loaded {
    /// The built-in guides alone, ahead of the library at start.
    Builtin(Catalog, Index),
    /// Everything: the load is over.
    Done(Catalog, Index),
}

/// Which load a result comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The library at start (or the built-in guides ahead of it): nothing was on screen
    /// from it before, so nothing is said.
    Start,
    /// A load after saves on disk.
    Reload,
}

/// The guide loads of a running TUI: the first one, and a watch over the guide sources
/// for the next ones.
pub struct Reload {
    watch: Option<Watch>,
    load: Loader,
    /// The load under way, and whether it is the one at start.
    loading: Option<(mpsc::Receiver<Loaded>, Kind)>,
    /// A save came in while loading: load once more after.
    again: bool,
    /// The load at start waits for the first frame: `Some(builtin first)` until then.
    first: Option<bool>,
    /// The load at start ended without a result (a bug: it panicked), not yet said.
    failed: bool,
}

impl std::fmt::Debug for Reload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reload")
            .field("watch", &self.watch)
            .field("loading", &self.loading.as_ref().map(|(_, kind)| kind))
            .field("again", &self.again)
            .field("first", &self.first)
            .finish_non_exhaustive()
    }
}

impl Reload {
    /// Watches `paths` (those that exist) and reloads with `load`; `None` when there is
    /// nothing to watch or the system will not watch it (the TUI then runs without).
    #[must_use]
    pub fn new(paths: &[PathBuf], load: Loader) -> Option<Reload> {
        let watch = Watch::new(paths).ok()??;
        Some(Reload::unwatched(Some(watch), load))
    }

    /// The loads of a TUI that starts before its guides are loaded: `load` runs once the
    /// first frame is drawn (the built-in guides first when `sources` starts with them),
    /// and again on saves under `paths` when they can be watched.
    #[must_use]
    pub fn at_start(sources: &[Source], paths: &[PathBuf], load: Loader) -> Reload {
        let watch = Watch::new(paths).ok().flatten();
        let mut reload = Reload::unwatched(watch, load);
        reload.first = Some(sources.len() > 1 && sources.first() == Some(&Source::Builtin));
        reload
    }

    fn unwatched(watch: Option<Watch>, load: Loader) -> Reload {
        Reload {
            watch,
            load,
            loading: None,
            again: false,
            first: None,
            failed: false,
        }
    }

    /// Whether the load at start has not ended yet.
    #[must_use]
    pub fn starting(&self) -> bool {
        self.first.is_some() || matches!(self.loading, Some((_, Kind::Start)))
    }

    /// Asks for a load, as a settled burst of saves does: now, or after the one under way.
    pub fn request(&mut self) {
        if self.loading.is_some() || self.first.is_some() {
            self.again = true;
        } else {
            self.start(Kind::Reload, false, Arc::new(Progress::default()));
        }
    }

    fn start(&mut self, kind: Kind, builtin_first: bool, progress: Arc<Progress>) {
        let (tx, rx) = mpsc::channel();
        let load = Arc::clone(&self.load);
        std::thread::spawn(move || {
            if builtin_first {
                let catalog = Catalog::load(&[Source::Builtin]);
                let index = Index::new(&catalog);
                let _ = tx.send(Loaded::Builtin(catalog, index));
            }
            let (catalog, index) = load(&progress);
            let _ = tx.send(Loaded::Done(catalog, index));
        });
        self.loading = Some((rx, kind));
    }

    /// Takes what the watch and the loads have to say; returns a finished result. `cx`
    /// gets the progress of the load at start once it begins.
    fn poll(&mut self, now: Instant, cx: &mut Ctx) -> Option<(Catalog, Index, Kind)> {
        // The first poll (before the first frame) shows the progress; the next one, once
        // that frame is drawn, starts the load, so the frame does not share the processor.
        if let Some(builtin_first) = self.first {
            match &cx.loading {
                Some(progress) => {
                    let progress = Arc::clone(progress);
                    self.first = None;
                    self.start(Kind::Start, builtin_first, progress);
                }
                None => cx.loading = Some(Arc::new(Progress::default())),
            }
        }
        let settled = self.watch.as_mut().is_some_and(|watch| watch.poll(now).0);
        if settled {
            self.request();
        }
        let (rx, kind) = self.loading.as_ref()?;
        let kind = *kind;
        match rx.try_recv() {
            Ok(Loaded::Builtin(catalog, index)) => Some((catalog, index, kind)),
            Ok(Loaded::Done(catalog, index)) => {
                self.loading = None;
                if kind == Kind::Start {
                    cx.loading = None;
                }
                if std::mem::take(&mut self.again) {
                    self.start(Kind::Reload, false, Arc::new(Progress::default()));
                }
                Some((catalog, index, kind))
            }
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => {
                // The load panicked: keep what is on screen; the next save tries again.
                self.loading = None;
                if kind == Kind::Start {
                    cx.loading = None;
                    self.failed = true;
                }
                None
            }
        }
    }
}

/// For the loop, between frames: starts the load at start once the first frame is drawn,
/// and applies a finished load; true when the app changed (or shows progress).
pub fn tick(app: &mut App, now: Instant) -> bool {
    let Some(reload) = app.reload.as_mut() else {
        return false;
    };
    let loaded = reload.poll(now, &mut app.cx);
    if std::mem::take(&mut reload.failed) {
        app.status = Some(Label::LoadingFailed.text(app.cx.lang).to_owned());
        return true;
    }
    match loaded {
        Some((catalog, index, kind)) => {
            apply_loaded(app, catalog, index, kind);
            true
        }
        None => app.cx.loading.is_some(),
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

/// Puts `new` in place of the app's catalog and carries every open screen over to it, as
/// after saves on disk; builds its search index here (for tests and tools).
pub fn apply(app: &mut App, new: Catalog) {
    let index = Index::new(&new);
    apply_loaded(app, new, index, Kind::Reload);
}

/// Puts `new` and its `index` in place of the app's and carries every open screen over to
/// them. After a reload, a guide whose file broke is kept and what changed is said; the
/// library arriving at start only fills in.
pub fn apply_loaded(app: &mut App, mut new: Catalog, index: Index, kind: Kind) {
    let old = std::mem::take(&mut app.cx.catalog);
    let lang = app.cx.lang;
    let reload = kind == Kind::Reload;
    let kept = if reload {
        keep_last_good(&old, &mut new)
    } else {
        Vec::new()
    };
    let fresh_problem = {
        let before = broken(&old);
        broken(&new).iter().any(|f| !before.contains(f))
    };
    app.cx.index = index;
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
    } else if reload && fresh_problem && !matches!(app.stack.last(), Some(Screen::Problems(_))) {
        app.stack.push(Problems::default().into());
    }
    if reload {
        app.status = Some(if notes.is_empty() {
            Label::Reloaded.text(lang).to_owned()
        } else {
            notes.join(" · ")
        });
    } else if !notes.is_empty() {
        app.status = Some(notes.join(" · "));
    }
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
