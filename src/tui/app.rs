//! The router: a small stack of screens (overlays stack on the screen they cover). A
//! message goes to the screen on top; what it answers ([`Nav`]) says whether to open a
//! screen, close one, or hand an effect to the loop. The router knows no screen's layout:
//! each screen draws itself and answers its own clicks.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::keys::{self, Scope};
use super::layout::{footer, frame};
use super::msg::{Effect, Msg};
use super::screens::help::Help;
use super::screens::home::Home;
use super::screens::search::Search;
use super::screens::session::Session;
use super::screens::{Ctx, Nav, Screen};
use super::theme::Theme;
use crate::guide::Catalog;
use crate::lang::Lang;
use crate::search::{Index, Searcher};

/// The whole application.
#[derive(Debug)]
pub struct App {
    /// What the screens read: guides, index, language, styles.
    pub cx: Ctx,
    /// The screens, home at the bottom; never empty.
    pub stack: Vec<Screen>,
    /// A one-line message for the footer (saved file, opened link).
    pub status: Option<String>,
    /// Which guided session is being saved as it changes.
    pub autosave: super::autosave::Autosave,
    /// Guide files watched for edits, read again while the UI runs; `None`: not watched.
    pub reload: Option<super::reload::Reload>,
}

impl App {
    #[must_use]
    pub fn new(catalog: Catalog, lang: Lang) -> App {
        let index = Index::new(&catalog);
        App::with_index(catalog, index, lang)
    }

    /// The application over `catalog` with its search `index` already made (e.g. cached).
    #[must_use]
    pub fn with_index(catalog: Catalog, index: Index, lang: Lang) -> App {
        App {
            cx: Ctx {
                catalog,
                index,
                lang,
                theme: Theme::colour(),
                searcher: Searcher::new(),
                now: 0,
                continues: Vec::new(),
                loading: None,
            },
            stack: vec![Screen::Home(Home::default())],
            status: None,
            autosave: super::autosave::Autosave::default(),
            reload: None,
        }
    }

    /// The screen on top (an overlay when one is open).
    #[must_use]
    pub fn top(&self) -> &Screen {
        self.stack
            .last()
            .unwrap_or_else(|| unreachable!("the stack is never empty"))
    }

    /// Opens the search screen with `query` typed in.
    pub fn open_search(&mut self, query: &str) {
        let search = Search::new(query, &mut self.cx);
        self.stack.push(search.into());
    }

    /// Opens a guided session of the guide with this id; false when there is none.
    pub fn open_walk(&mut self, guide_id: &str) -> bool {
        let Some(g) = self.cx.catalog.guides.iter().position(|g| g.id == guide_id) else {
            return false;
        };
        let Some(session) = Session::new(g, &self.cx) else {
            return false;
        };
        self.stack.push(session.into());
        true
    }

    /// Whether some screen works in the background, or the guides are loading, so the
    /// loop must keep redrawing.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.stack.iter().any(|s| s.view().busy()) || self.cx.loading.is_some()
    }

    /// Lets the screens working in the background take in what they finished.
    pub fn tick(&mut self) {
        for i in (0..self.stack.len()).rev() {
            if !self.stack[i].view().busy() {
                continue;
            }
            match self.stack[i].view_mut().tick(&mut self.cx) {
                Nav::Replace(screen) => self.stack[i] = *screen,
                Nav::Pop if self.stack.len() > 1 => {
                    self.stack.remove(i);
                }
                _ => {}
            }
        }
    }

    /// The part of the key table that applies now.
    #[must_use]
    pub fn scope(&self) -> Scope {
        self.top().view().scope(&self.cx)
    }

    /// Whether keys go to a text field (so `q`, `b`, `/` are typed, not obeyed).
    #[must_use]
    pub fn typing(&self) -> bool {
        self.scope().typing()
    }

    /// The message an input event means here, if any.
    #[must_use]
    pub fn map(&self, event: &ratatui::crossterm::event::Event) -> Option<Msg> {
        keys::map(self.scope(), event)
    }

    /// Applies one message; returns the work the loop must do, if any.
    pub fn update(&mut self, msg: Msg) -> Option<Effect> {
        self.status = None;
        match msg {
            Msg::Quit => return Some(Effect::Quit),
            Msg::Suspend => return Some(Effect::Suspend),
            Msg::Help if !self.top().view().overlay() => {
                let top = self.top().view();
                let offered: Vec<bool> = keys::BINDINGS
                    .iter()
                    .map(|b| b.keys.iter().any(|(_, m)| top.offers(&self.cx, m)))
                    .collect();
                let help = Help::new(self.scope(), offered);
                self.stack.push(help.into());
                return None;
            }
            Msg::OpenSearch => {
                self.open_search("");
                return None;
            }
            // A message pasted where no field takes text is what the person wants found:
            // search opens with it (not under an overlay, which would hide the search).
            // While the library loads it searches the guides loaded so far, and runs again
            // when the rest arrive.
            Msg::Paste(text) if !self.typing() && !self.top().view().overlay() => {
                self.open_search(&text);
                return None;
            }
            Msg::OpenMap => {
                if let Some(map) = super::screens::map::Map::over(self.top(), &self.cx) {
                    self.stack.push(map.into());
                }
                return None;
            }
            _ => {}
        }
        let back = msg == Msg::Back;
        let top = self
            .stack
            .last_mut()
            .unwrap_or_else(|| unreachable!("the stack is never empty"));
        match top.view_mut().update(msg, &mut self.cx) {
            Nav::Stay => {}
            Nav::Push(screen) => self.stack.push(*screen),
            Nav::Replace(screen) => {
                self.pop();
                self.stack.push(*screen);
            }
            Nav::Effect(effect) => return Some(effect),
            Nav::Pop => self.pop(),
            Nav::Return(msg) => {
                self.pop();
                return self.update(msg);
            }
            Nav::Pass => {
                if back {
                    self.pop();
                }
            }
        }
        None
    }

    fn pop(&mut self) {
        if self.stack.len() > 1 {
            self.stack.pop();
        }
    }

    /// The addresses shown whole on screen (none under an overlay).
    #[must_use]
    pub fn links(&self) -> Vec<String> {
        let top = self.top().view();
        if top.overlay() {
            Vec::new()
        } else {
            top.links(&self.cx)
        }
    }

    /// Draws the header, the screen (and any overlays over it) and the footer. Screens
    /// record what they drew, for clicks and paging.
    pub fn render(&mut self, area: Rect, buf: &mut Buffer) {
        let Some([header, body, foot]) = frame::split(area, buf, self.cx.lang) else {
            return;
        };
        // The topmost full screen, then the overlays above it.
        let base = self
            .stack
            .iter()
            .rposition(|s| !s.view().overlay())
            .unwrap_or(0);
        let place = self.stack[base].view().place(&self.cx);
        frame::header(&place, self.cx.lang, header, buf, &self.cx.theme);
        for screen in &mut self.stack[base..] {
            screen.view_mut().render(&self.cx, body, buf);
        }
        let top = self.top().view();
        let offered = |m: &Msg| top.offers(&self.cx, m);
        footer::render(
            self.scope(),
            self.cx.lang,
            &offered,
            self.status.as_deref(),
            foot,
            buf,
            &self.cx.theme,
        );
    }
}

impl Widget for &mut App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        App::render(self, area, buf);
    }
}
