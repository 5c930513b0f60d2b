//! A guided session: one screen over [`crate::session::Walk`], drawn by step — a question
//! ([`question`]), an outcome with its checklist and the pinned "Did this fix it?"
//! ([`outcome`]), the end ([`ending`]) — beside the breadcrumb and what is still possible
//! ([`side`]).

mod ending;
mod outcome;
mod question;
mod side;

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::{Ctx, Focus, Nav, View};
use crate::session::{At, Walk};
use crate::tui::keys::Scope;
use crate::tui::layout::scroll::{ScrollView, text_width};
use crate::tui::layout::text::plain;
use crate::tui::msg::{Effect, Msg};

/// A step of the session laid out: its lines, where each selectable item is, and what is
/// pinned below the scrolled part.
#[derive(Debug, Default)]
pub(crate) struct Doc {
    pub lines: Vec<Line<'static>>,
    pub items: Vec<Range<usize>>,
    pub pinned: Vec<Line<'static>>,
}

/// A guided session of one guide.
#[derive(Debug)]
pub struct Session {
    pub guide: usize,
    pub walk: Walk,
    /// Selected answer (on a question) or step (on an outcome).
    pub selected: usize,
    /// `Side` selects a breadcrumb to jump back to.
    pub focus: Focus,
    pub crumb: usize,
    view: ScrollView,
    items: Vec<Range<usize>>,
    side: side::SidePanel,
}

impl Session {
    /// A session at the guide's first question.
    #[must_use]
    pub fn new(guide: usize, cx: &Ctx) -> Session {
        Session {
            guide,
            walk: Walk::new(&cx.catalog.guides[guide]),
            selected: 0,
            focus: Focus::Main,
            crumb: 0,
            view: ScrollView::default(),
            items: Vec::new(),
            side: side::SidePanel::default(),
        }
    }

    fn items(&self, cx: &Ctx) -> usize {
        let g = &cx.catalog.guides[self.guide];
        match self.walk.at {
            At::Question(n) => g.nodes[n].answers.len(),
            At::Outcome(e) => g.errors[e].checklist.len(),
            At::Solved(_) | At::Escalation => 0,
        }
    }

    /// The link of the selection: the selected step's, or the error's first.
    fn link(&self, cx: &Ctx) -> Option<String> {
        let At::Outcome(e) = self.walk.at else {
            return None;
        };
        let error = &cx.catalog.guides[self.guide].errors[e];
        error
            .checklist
            .get(self.selected)
            .and_then(|s| s.link.clone())
            .or_else(|| error.links.first().map(|l| l.url.clone()))
    }

    fn export(&self, cx: &Ctx) -> Nav {
        if matches!(self.walk.at, At::Question(_)) {
            return Nav::Stay;
        }
        Nav::Effect(Effect::Export(crate::tui::export::markdown(
            &cx.catalog.guides[self.guide],
            &self.walk,
            cx.lang,
            &crate::tui::export::now_utc(),
        )))
    }
}

impl View for Session {
    fn scope(&self, _: &Ctx) -> Scope {
        match self.walk.at {
            At::Question(_) => Scope::Question,
            At::Outcome(_) => Scope::Outcome,
            At::Solved(_) => Scope::Solved,
            At::Escalation => Scope::Escalation,
        }
    }

    fn place(&self, cx: &Ctx) -> String {
        plain(&cx.catalog.guides[self.guide].title, cx.lang)
    }

    fn update(&mut self, msg: Msg, cx: &mut Ctx) -> Nav {
        let g = &cx.catalog.guides[self.guide];
        let items = self.items(cx);
        let before = self.walk.at.clone();
        let side = self.focus == Focus::Side;
        let mut nav = Nav::Stay;
        match msg {
            Msg::NextFocus if !self.walk.path.is_empty() => {
                self.focus = if side { Focus::Main } else { Focus::Side };
                self.crumb = self.walk.path.len() - 1;
            }
            Msg::Up | Msg::Down | Msg::First | Msg::Last if side => {
                let last = self.walk.path.len().saturating_sub(1);
                self.crumb = match msg {
                    Msg::Up => self.crumb.saturating_sub(1),
                    Msg::Down => (self.crumb + 1).min(last),
                    Msg::First => 0,
                    _ => last,
                };
            }
            Msg::Enter if side => {
                self.walk.jump(self.crumb);
                self.focus = Focus::Main;
            }
            Msg::Up | Msg::Down | Msg::First | Msg::Last if items > 0 => {
                let last = items - 1;
                self.selected = match msg {
                    Msg::Up => self.selected.saturating_sub(1),
                    Msg::Down => (self.selected + 1).min(last),
                    Msg::First => 0,
                    _ => last,
                };
                self.view.follow();
            }
            Msg::Choose(n) => {
                self.walk.choose(g, n.saturating_sub(1));
            }
            Msg::Enter => {
                self.walk.choose(g, self.selected);
            }
            Msg::PreviousQuestion => {
                self.walk.back();
            }
            // A restart starts clean: no answers, no ticks.
            Msg::Restart => self.walk = Walk::new(g),
            Msg::Tick => {
                self.walk.tick(g, self.selected);
            }
            Msg::Fixed => {
                self.walk.fixed();
            }
            Msg::NotFixed => {
                self.walk.not_fixed();
            }
            Msg::OpenLink => {
                if let Some(url) = self.link(cx) {
                    nav = Nav::Effect(Effect::Open(url));
                }
            }
            Msg::Export => nav = self.export(cx),
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
                if self.view.step(&m) {
                    // Scrolled away from the selection: select the first item in view.
                    let visible = self.view.visible();
                    let shown = |r: &Range<usize>| r.start >= visible.start && r.end <= visible.end;
                    if self.items.get(self.selected).is_some_and(|r| !shown(r))
                        && let Some(i) = self.items.iter().position(shown)
                    {
                        self.selected = i;
                    }
                } else {
                    nav = Nav::Pass;
                }
            }
        }
        if self.walk.at != before {
            self.selected = 0;
            self.view.reset();
            if self.walk.path.is_empty() {
                self.focus = Focus::Main;
            }
        }
        // Going back shortens the breadcrumb under the selection.
        self.crumb = self.crumb.min(self.walk.path.len().saturating_sub(1));
        nav
    }

    fn render(&mut self, cx: &Ctx, area: Rect, buf: &mut Buffer) {
        let g = &cx.catalog.guides[self.guide];
        // The side panel goes right when there is room; on a narrow screen it shows below
        // while it has the focus.
        let wide = area.width >= 70;
        let [main, side] = if wide {
            Layout::horizontal([Constraint::Min(30), Constraint::Length(30)]).areas(area)
        } else if self.focus == Focus::Main {
            [area, Rect::default()]
        } else {
            let rows = u16::try_from(self.walk.path.len())
                .unwrap_or(u16::MAX)
                .saturating_add(2)
                .min(area.height / 3);
            Layout::vertical([Constraint::Min(3), Constraint::Length(rows)]).areas(area)
        };
        let main = main.inner(Margin::new(1, 0));
        let width = text_width(main);
        let focus = (self.focus == Focus::Main).then_some(self.selected);
        let doc = match self.walk.at {
            At::Question(n) => question::doc(cx, g, n, focus, width),
            At::Outcome(e) => outcome::doc(cx, g, &self.walk, e, focus, width),
            At::Solved(e) => ending::solved(cx, g, &self.walk, e, width),
            At::Escalation => ending::escalation(cx, g, &self.walk, width),
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
        self.view.render(doc.lines, body, buf, keep);
        Paragraph::new(doc.pinned).render(pinned, buf);
        self.side
            .render(cx, g, &self.walk, self.focus == Focus::Side, self.crumb, side, buf);
    }

    fn offers(&self, cx: &Ctx, msg: &Msg) -> bool {
        match msg {
            Msg::NextFocus | Msg::PreviousQuestion => !self.walk.path.is_empty(),
            Msg::OpenLink => self.link(cx).is_some(),
            _ => true,
        }
    }

    fn links(&self, cx: &Ctx) -> Vec<String> {
        match self.walk.at {
            At::Outcome(e) => outcome::urls(&cx.catalog.guides[self.guide].errors[e]),
            _ => Vec::new(),
        }
    }
}
