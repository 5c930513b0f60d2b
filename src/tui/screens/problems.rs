//! The overlay of guide files that could not be loaded: each problem as
//! `path:line:col: message` after a bullet, the other guides still usable below it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::help::centered;
use super::{Ctx, Nav, View};
use crate::labels::Label;
use crate::tui::keys::Scope;
use crate::tui::layout::scroll::{ScrollView, text_width};
use crate::tui::layout::text::item;
use crate::tui::msg::Msg;

/// The load problems, scrolled.
#[derive(Debug, Default)]
pub struct Problems {
    view: ScrollView,
}

impl View for Problems {
    fn scope(&self, _: &Ctx) -> Scope {
        Scope::Problems
    }

    fn place(&self, cx: &Ctx) -> String {
        Label::LoadProblems.text(cx.lang).to_owned()
    }

    fn update(&mut self, msg: Msg, _: &mut Ctx) -> Nav {
        match msg {
            Msg::Back => Nav::Pop,
            m => {
                self.view.step(&m);
                Nav::Stay
            }
        }
    }

    fn render(&mut self, cx: &Ctx, area: Rect, buf: &mut Buffer) {
        let popup = centered(area, area.width, area.height);
        let inner_width = text_width(Block::default().borders(Borders::ALL).inner(popup));
        let mut lines = Vec::new();
        for problem in cx.catalog.problems.iter().filter(|p| p.diagnostic.is_error()) {
            // A bullet and a hanging indent, so where one problem ends and the next begins
            // shows even when the paths wrap.
            lines.extend(item(
                vec![Span::styled("• ", cx.theme.dim)],
                vec![Span::raw(problem.diagnostic.to_string())],
                inner_width,
            ));
        }
        Clear.render(popup, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(format!(" {} ", Label::LoadProblems.text(cx.lang)));
        let inner = block.inner(popup);
        block.render(popup, buf);
        self.view.render(lines, inner, buf, None);
    }

    fn overlay(&self) -> bool {
        true
    }
}
