//! The loading screen: what the terminal UI shows while the guides and their search index
//! are loaded on another thread, so the first frame never waits for the library, however
//! large. It shows the guide files done of those found so far as a bar, then that search
//! is being prepared (the index read from the cache or built). `?`, `q` and Ctrl-Z work;
//! nothing else does, since no screen can show a guide yet.
//!
//! The load is the one `tshoot search` does ([`crate::cache::load_indexed`]): the same
//! cached catalog and cached index. When it ends, [`View::tick`] puts both into the shared
//! state and the screen gives way to home (or to search, when the UI was started with a
//! query). Nothing else holds an index into the catalog while this screen is up, so
//! replacing the catalog cannot leave another screen pointing at the wrong guide.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Gauge, Paragraph, Widget, Wrap};

use super::search::Search;
use super::{Ctx, Nav, View};
use crate::cache::{Cache, Progress};
use crate::guide::Catalog;
use crate::guide::catalog::Source;
use crate::guide::read::Reader;
use crate::labels::Label;
use crate::search::Index;
use crate::tui::keys::Scope;
use crate::tui::layout::text::truncate;
use crate::tui::msg::Msg;

/// The guides being loaded in the background.
#[derive(Debug)]
pub struct Loading {
    /// What to load, until the loading thread starts: after the first frame, so that frame
    /// does not share the processor with the load.
    pending: Option<(Vec<Source>, Option<Cache>)>,
    /// Whether the screen has been drawn once.
    drawn: bool,
    progress: Arc<Progress>,
    /// The loaded catalog and index, sent once by the loading thread.
    result: Receiver<(Catalog, Index)>,
    /// What to search for once loaded (`tshoot --search TEXT`).
    then: Option<String>,
    /// Set when the loading thread ended without a result (a bug: it panicked).
    failed: bool,
}

impl Loading {
    /// Loads `sources` (through `cache` when there is one) on a thread of its own, started
    /// once the screen has been drawn.
    #[must_use]
    pub fn start(sources: Vec<Source>, cache: Option<Cache>, then: Option<String>) -> Loading {
        let (_, result) = mpsc::channel();
        Loading {
            pending: Some((sources, cache)),
            drawn: false,
            progress: Arc::new(Progress::default()),
            result,
            then,
            failed: false,
        }
    }

    /// Starts the loading thread.
    fn spawn(&mut self, sources: Vec<Source>, cache: Option<Cache>) {
        let (send, result) = mpsc::channel();
        self.result = result;
        let shared = Arc::clone(&self.progress);
        // If no thread can be started, `send` is dropped with the closure and the screen
        // says loading failed.
        let _ = std::thread::Builder::new()
            .name("load guides".to_owned())
            .spawn(move || {
                let loaded = crate::cache::load_indexed(
                    &sources,
                    cache.as_ref(),
                    &Reader::default(),
                    &shared,
                );
                let _ = send.send(loaded);
            });
    }

    /// Waits up to `timeout` for the load to end, then takes it in as [`View::tick`]
    /// does (for tests and snapshots); `Nav::Stay` when it has not ended.
    pub fn wait(&mut self, cx: &mut Ctx, timeout: Duration) -> Nav {
        if let Some((sources, cache)) = self.pending.take() {
            self.spawn(sources, cache);
        }
        match self.result.recv_timeout(timeout) {
            Ok(loaded) => self.take(loaded, cx),
            Err(mpsc::RecvTimeoutError::Timeout) => Nav::Stay,
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                self.failed = true;
                Nav::Stay
            }
        }
    }

    fn take(&mut self, (catalog, index): (Catalog, Index), cx: &mut Ctx) -> Nav {
        cx.catalog = catalog;
        cx.index = index;
        match self.then.take() {
            Some(query) => Nav::Replace(Box::new(Search::new(&query, cx).into())),
            None => Nav::Pop,
        }
    }
}

impl View for Loading {
    fn scope(&self, _: &Ctx) -> Scope {
        Scope::Loading
    }

    fn place(&self, cx: &Ctx) -> String {
        Label::LoadingGuides.text(cx.lang).to_owned()
    }

    fn update(&mut self, _msg: Msg, _cx: &mut Ctx) -> Nav {
        // Quit, help and suspend are the router's; nothing else applies until loaded
        // (and Esc must not uncover the empty home screen below).
        Nav::Stay
    }

    fn busy(&self) -> bool {
        !self.failed
    }

    fn tick(&mut self, cx: &mut Ctx) -> Nav {
        if self.drawn
            && let Some((sources, cache)) = self.pending.take()
        {
            self.spawn(sources, cache);
        }
        if self.pending.is_some() {
            return Nav::Stay;
        }
        match self.result.try_recv() {
            Ok(loaded) => self.take(loaded, cx),
            Err(TryRecvError::Empty) => Nav::Stay,
            Err(TryRecvError::Disconnected) => {
                self.failed = true;
                Nav::Stay
            }
        }
    }

    fn render(&mut self, cx: &Ctx, area: Rect, buf: &mut Buffer) {
        self.drawn = true;
        let theme = &cx.theme;
        let area = area.inner(Margin::new(1, 0));
        if self.failed {
            Paragraph::new(Label::LoadingFailed.text(cx.lang))
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        let [_, title, bar, note, _] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(2),
        ])
        .areas(area);
        let width = usize::from(area.width);
        let title_text = format!("{}…", Label::LoadingGuides.text(cx.lang));
        Paragraph::new(Line::styled(truncate(&title_text, width), theme.strong)).render(title, buf);
        let found = self.progress.found.load(Ordering::Relaxed);
        let done = self.progress.done.load(Ordering::Relaxed).min(found);
        #[allow(clippy::cast_precision_loss, reason = "a ratio for a progress bar")]
        let ratio = if found == 0 {
            0.0
        } else {
            done as f64 / found as f64
        };
        let count = format!("{done} / {found} {}", Label::GuideFiles.text(cx.lang));
        Gauge::default()
            .gauge_style(theme.heading)
            .ratio(ratio)
            .label(truncate(&count, width))
            .render(bar, buf);
        if self.progress.indexing.load(Ordering::Relaxed) {
            let text = Label::PreparingSearch.text(cx.lang);
            Paragraph::new(Line::styled(truncate(text, width), theme.dim)).render(note, buf);
        }
    }
}
