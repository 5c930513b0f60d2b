//! A guided session: one screen over [`crate::session::Session`] (a walk over the whole
//! catalog), drawn by step — a question ([`question`]), an outcome with its checklist, the
//! values from the person's message and the pinned "Did this fix it?" ([`outcome`]), the end
//! ([`ending`]) — beside where it came from, the breadcrumb (with the guides it crossed
//! into) and what is still possible or comes next ([`side`]).

mod ending;
mod moving;
mod outcome;
mod question;
mod side;

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::{Ctx, Focus, Nav, View};
use crate::labels::Label;
use crate::search::Hit;
use crate::session::{ErrorRef, Place, Session as Walk, Start};
use crate::tui::keys::Scope;
use crate::tui::layout::scroll::{ScrollView, text_width};
use crate::tui::layout::text::{plain, truncate};
use crate::tui::msg::{Effect, Msg};

/// A step of the session laid out: its lines, where each selectable item is, what is
/// pinned below the scrolled part, and the one line (the question or the error's title)
/// that stays on top once its own lines have scrolled away.
#[derive(Debug, Default)]
pub(crate) struct Doc {
    pub lines: Vec<Line<'static>>,
    pub items: Vec<Range<usize>>,
    pub pinned: Vec<Line<'static>>,
    pub head: Option<Line<'static>>,
}

/// A guided session: a walk over the catalog, from a guide, a search hit or a reference
/// entry.
#[derive(Debug)]
pub struct Session {
    /// Boxed: the screens of the router's stack stay small.
    pub session: Box<Walk>,
    /// Selected answer (on a question) or step (on an outcome).
    pub selected: usize,
    /// `Side` selects a breadcrumb to jump back to.
    pub focus: Focus,
    pub crumb: usize,
    view: ScrollView,
    /// The body as last drawn: the scrolled lines, and on top of them, once scrolled, the
    /// step's title.
    body: Rect,
    /// Whether the last draw had a title to keep on top once scrolled.
    headed: bool,
    items: Vec<Range<usize>>,
    side: side::SidePanel,
}

impl Session {
    fn over(session: Walk) -> Session {
        Session {
            session: Box::new(session),
            selected: 0,
            focus: Focus::Main,
            crumb: 0,
            view: ScrollView::at_top(),
            body: Rect::default(),
            headed: false,
            items: Vec::new(),
            side: side::SidePanel::default(),
        }
    }

    /// A saved session, reopened where it stands.
    #[must_use]
    pub fn resumed(session: Walk) -> Session {
        Session::over(session)
    }

    /// A session at the first question of guide `guide` (an index into the catalog).
    #[must_use]
    pub fn new(guide: usize, cx: &Ctx) -> Option<Session> {
        let id = &cx.catalog.guides.get(guide)?.id;
        Walk::from_guide(&cx.catalog, id, cx.now).map(Session::over)
    }

    /// A session at a search hit's outcome, carrying the query and the values captured
    /// from it.
    #[must_use]
    pub fn from_search(hit: &Hit, query: &str, cx: &Ctx) -> Option<Session> {
        let error = ErrorRef::of(cx.catalog.guides.get(hit.entry.guide)?, hit.entry.error)?;
        Walk::from_search(&cx.catalog, error, query, hit.captures.clone(), cx.now)
            .map(Session::over)
    }

    /// A session at error `error` of guide `guide`, opened from the reference.
    #[must_use]
    pub fn from_reference(guide: usize, error: usize, cx: &Ctx) -> Option<Session> {
        let error = ErrorRef::of(cx.catalog.guides.get(guide)?, error)?;
        Walk::from_reference(&cx.catalog, error, cx.now).map(Session::over)
    }

    /// A session at error `error` of guide `guide`, opened from a log triage with what the
    /// log said of it.
    #[must_use]
    pub fn from_triage(
        guide: usize,
        error: usize,
        log: crate::session::LogFinding,
        cx: &Ctx,
    ) -> Option<Session> {
        let error = ErrorRef::of(cx.catalog.guides.get(guide)?, error)?;
        Walk::from_triage(&cx.catalog, error, log, cx.now).map(Session::over)
    }

    fn items(&self, cx: &Ctx) -> usize {
        match self.session.at() {
            Place::Question(n) => n.find(&cx.catalog).map_or(0, |(_, n)| n.answers.len()),
            Place::Outcome(e) => e.find(&cx.catalog).map_or(0, |(_, e)| e.checklist.len()),
            Place::Solved(_) | Place::Escalation => 0,
        }
    }

    /// The link of the selection: the selected step's, or the error's first.
    fn link(&self, cx: &Ctx) -> Option<String> {
        let Place::Outcome(e) = self.session.at() else {
            return None;
        };
        let (_, error) = e.find(&cx.catalog)?;
        error
            .checklist
            .get(self.selected)
            .and_then(|s| s.link.clone())
            .or_else(|| error.links.first().map(|l| l.url.clone()))
    }

    /// The export overlay (Markdown or JSON, redaction), from an outcome or the end.
    fn export(&self) -> Nav {
        if matches!(self.session.at(), Place::Question(_)) {
            return Nav::Stay;
        }
        Nav::push(super::export::ExportOptions::new((*self.session).clone()))
    }
}

impl View for Session {
    fn scope(&self, _: &Ctx) -> Scope {
        // With the focus on the answers, keys act there: the footer says so, and Space
        // cannot tick a step whose selection is not shown.
        if self.focus == Focus::Side {
            return Scope::Answers;
        }
        match self.session.at() {
            Place::Question(_) => Scope::Question,
            Place::Outcome(_) => Scope::Outcome,
            Place::Solved(_) => Scope::Solved,
            Place::Escalation => Scope::Escalation,
        }
    }

    /// Where the session came from (a search: its query, shortened), and the guide it is in
    /// (after the one it started in, when it crossed into another).
    fn place(&self, cx: &Ctx) -> String {
        let title = |id: &str| {
            cx.catalog
                .guide(id)
                .map_or_else(|| id.to_owned(), |g| plain(&g.title, cx.lang))
        };
        let (first, current) = (self.session.first_guide(), self.session.current_guide());
        let mut place = title(first);
        if current != first {
            place = format!("{place} → {}", title(current));
        }
        match self.session.start() {
            Start::Search { query, .. } => format!(
                "{} “{}” › {place}",
                Label::FromSearch.text(cx.lang),
                truncate(query, QUERY_SHOWN)
            ),
            Start::Reference { .. } => {
                format!("{} › {place}", Label::FromReference.text(cx.lang))
            }
            Start::Triage { .. } => format!("{} › {place}", Label::FromTriage.text(cx.lang)),
            Start::Guide { .. } => place,
        }
    }

    fn update(&mut self, msg: Msg, cx: &mut Ctx) -> Nav {
        let catalog = &cx.catalog;
        let items = self.items(cx);
        let before = self.session.at().clone();
        let crumbs = self.session.path().len();
        let side = self.focus == Focus::Side;
        let mut nav = Nav::Stay;
        match msg {
            Msg::NextFocus if crumbs > 0 => {
                self.focus = if side { Focus::Main } else { Focus::Side };
                self.crumb = crumbs - 1;
            }
            Msg::Up | Msg::Down | Msg::First | Msg::Last if side => {
                let last = crumbs.saturating_sub(1);
                self.crumb = match msg {
                    Msg::Up => self.crumb.saturating_sub(1),
                    Msg::Down => (self.crumb + 1).min(last),
                    Msg::First => 0,
                    _ => last,
                };
            }
            // Acting on a selection scrolled out of view would act unseen: show it first.
            Msg::Enter | Msg::Tick | Msg::OpenLink if !side && !self.selection_shown() => {
                self.view.follow();
            }
            Msg::Enter if side => {
                self.session.jump(self.crumb);
                self.focus = Focus::Main;
            }
            Msg::Up | Msg::Down if items > 0 => self.step(msg == Msg::Up, items),
            Msg::First | Msg::Last if items > 0 => self.ends(msg == Msg::First, items),
            Msg::PageUp | Msg::PageDown if !side && items > 0 => {
                self.page(msg == Msg::PageDown, items);
            }
            Msg::Choose(n) => {
                self.session.choose(catalog, n.saturating_sub(1));
            }
            Msg::Enter => {
                self.session.choose(catalog, self.selected);
            }
            Msg::JumpBack(i) => {
                self.session.jump(i);
                self.focus = Focus::Main;
            }
            Msg::PreviousQuestion => {
                self.session.back();
            }
            Msg::Restart => {
                self.session.restart(catalog);
            }
            Msg::Tick => {
                self.session.tick(catalog, self.selected);
            }
            Msg::Fixed => {
                self.session.fixed();
            }
            Msg::NotFixed => {
                self.session.not_fixed(catalog);
            }
            Msg::OpenLink => {
                if let Some(url) = self.link(cx) {
                    nav = Nav::Effect(Effect::Open(url));
                }
            }
            Msg::Export => nav = self.export(),
            Msg::Copy => {
                nav = crate::tui::clipboard::in_session(cx, &self.session, self.selected)
                    .map_or(Nav::Stay, Nav::Effect);
            }
            Msg::CopySession => {
                nav = Nav::Effect(crate::tui::clipboard::whole_session(cx, &self.session));
            }
            Msg::Click { x, y } => {
                if let Some(i) = self.side.hit(x, y) {
                    self.focus = Focus::Side;
                    self.crumb = i;
                } else if let Some(line) = self.view.line_at(x, y)
                    && let Some(i) = self.items.iter().position(|r| r.contains(&line))
                {
                    self.focus = Focus::Main;
                    self.selected = i;
                }
            }
            m => {
                if self.scroll(&m) {
                    self.follow_page();
                } else {
                    nav = Nav::Pass;
                }
            }
        }
        if *self.session.at() != before {
            self.selected = 0;
            // A new step opens at its top: the question, or what the error is and why it
            // happens, is read before acting on it; the selection shows when it fits.
            self.view.top();
            if self.session.path().is_empty() {
                self.focus = Focus::Main;
            }
        }
        // Going back shortens the breadcrumb under the selection.
        self.crumb = self
            .crumb
            .min(self.session.path().len().saturating_sub(1));
        nav
    }

    fn render(&mut self, cx: &Ctx, area: Rect, buf: &mut Buffer) {
        // The side panel goes right when there is room; on a narrow screen it shows below
        // while it has the focus.
        let wide = area.width >= 70;
        let [main, side] = if wide {
            Layout::horizontal([Constraint::Min(30), Constraint::Length(30)]).areas(area)
        } else if self.focus == Focus::Main {
            [area, Rect::default()]
        } else {
            let rows = u16::try_from(self.session.path().len())
                .unwrap_or(u16::MAX)
                .saturating_add(4)
                .min(area.height / 3);
            Layout::vertical([Constraint::Min(3), Constraint::Length(rows)]).areas(area)
        };
        let main = main.inner(Margin::new(1, 0));
        let width = text_width(main);
        let focus = (self.focus == Focus::Main).then_some(self.selected);
        let doc = match self.session.at() {
            Place::Question(n) => n
                .find(&cx.catalog)
                .map(|(_, node)| question::doc(cx, node, focus, width))
                .unwrap_or_default(),
            Place::Outcome(e) => outcome::doc(cx, &self.session, e, focus, width),
            Place::Solved(e) => ending::solved(cx, &self.session, e, width),
            Place::Escalation => ending::escalation(cx, &self.session, width),
        };
        // The pinned lines stay at the bottom whatever the scroll, and never take more than
        // half the room.
        let pinned_rows = u16::try_from(doc.pinned.len())
            .unwrap_or(u16::MAX)
            .min(main.height / 2);
        let [body, pinned] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(pinned_rows)]).areas(main);
        let keep = focus.and_then(|s| doc.items.get(s).cloned());
        self.items = doc.items;
        self.body = body;
        self.headed = doc.head.is_some() && body.height > 2;
        // Scrolled past its top, the step keeps its question or title in the first row.
        let body = match doc.head {
            Some(head) if body.height > 2 && self.view.settle(doc.lines.len(), body, keep.clone()) > 0 => {
                let [top, rest] =
                    Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(body);
                head.render(top, buf);
                rest
            }
            _ => body,
        };
        self.view.render(doc.lines, body, buf, keep);
        Paragraph::new(doc.pinned).render(pinned, buf);
        self.side.render(
            cx,
            &self.session,
            self.focus == Focus::Side,
            self.crumb,
            side,
            buf,
        );
    }

    fn offers(&self, cx: &Ctx, msg: &Msg) -> bool {
        match msg {
            Msg::NextFocus | Msg::PreviousQuestion => !self.session.path().is_empty(),
            Msg::OpenLink => self.link(cx).is_some(),
            Msg::Copy => crate::tui::clipboard::in_session(cx, &self.session, self.selected).is_some(),
            _ => true,
        }
    }

    fn links(&self, cx: &Ctx) -> Vec<String> {
        match self.session.at() {
            Place::Outcome(e) => e
                .find(&cx.catalog)
                .map_or_else(Vec::new, |(_, error)| outcome::urls(error)),
            _ => Vec::new(),
        }
    }
}

/// Characters of a search query the header shows.
const QUERY_SHOWN: usize = 24;
