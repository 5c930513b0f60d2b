//! The `?` overlay: the keys of the screen below, read from the key table. Esc, `?`, `q`
//! or F1 close it; Ctrl-C still quits.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::{Ctx, Nav, View};
use crate::labels::Label;
use crate::tui::keys::{self, Scope};
use crate::tui::layout::scroll::ScrollView;
use crate::tui::layout::text::{item, width};
use crate::tui::msg::Msg;

/// The keys of one scope.
#[derive(Debug)]
pub struct Help {
    /// Whose keys are listed.
    pub of: Scope,
    /// Per row of the key table: whether the screen offers it now.
    offered: Vec<bool>,
    view: ScrollView,
}

impl Help {
    /// The keys of `of`, less the rows of the key table marked `false` in `offered`.
    #[must_use]
    pub fn new(of: Scope, offered: Vec<bool>) -> Help {
        Help {
            of,
            offered,
            view: ScrollView::default(),
        }
    }
}

/// A rectangle of at most `width`×`height` in the middle of `area`.
#[must_use]
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

impl View for Help {
    fn scope(&self, _: &Ctx) -> Scope {
        Scope::Help
    }

    fn place(&self, cx: &Ctx) -> String {
        Label::Keys.text(cx.lang).to_owned()
    }

    fn update(&mut self, msg: Msg, _: &mut Ctx) -> Nav {
        match msg {
            Msg::Back | Msg::Help => Nav::Pop,
            m => {
                self.view.step(&m);
                Nav::Stay
            }
        }
    }

    fn render(&mut self, cx: &Ctx, area: Rect, buf: &mut Buffer) {
        let (lang, theme) = (cx.lang, &cx.theme);
        let bindings: Vec<_> = keys::BINDINGS
            .iter()
            .zip(&self.offered)
            .filter(|(b, offered)| **offered && b.scopes.contains(&self.of))
            .map(|(b, _)| b)
            .collect();
        let key_width = bindings.iter().map(|b| width(b.shown)).max().unwrap_or(0);
        let popup_width = 56.min(area.width);
        // Two columns of border, one for the scrollbar.
        let inner_width = popup_width.saturating_sub(3);
        let mut lines: Vec<Line> = Vec::new();
        for b in &bindings {
            let pad = key_width.saturating_sub(width(b.shown));
            lines.extend(item(
                vec![
                    Span::raw(" ".repeat(pad + 1)),
                    Span::styled(b.shown, theme.key),
                    Span::raw("  "),
                ],
                vec![Span::raw(b.label(lang))],
                inner_width,
            ));
        }
        lines.push(Line::default());
        lines.push(Line::styled(Label::KeyAnyKey.text(lang), theme.dim));
        let height = u16::try_from(lines.len()).unwrap_or(u16::MAX).saturating_add(2);
        let popup = centered(area, popup_width, height);
        Clear.render(popup, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(format!(" {} ", Label::Keys.text(lang)));
        let inner = block.inner(popup);
        block.render(popup, buf);
        self.view.render(lines, inner, buf, None);
    }

    fn overlay(&self) -> bool {
        true
    }
}
