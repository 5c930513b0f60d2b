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
        let popup_width = 56.min(area.width);
        // Two columns of border, one for the scrollbar.
        let inner_width = popup_width.saturating_sub(3);
        // The key column is as wide as its keys, but at most two fifths of the line; a key
        // wider than that stands on its own line, its label under the label column (as a
        // man page's tagged paragraph), so every label keeps its hanging indent.
        let most = (usize::from(inner_width) * 2 / 5).saturating_sub(3);
        let key_width = bindings
            .iter()
            .map(|b| width(b.shown))
            .filter(|&w| w <= most)
            .max()
            .unwrap_or(0);
        let mut lines: Vec<Line> = Vec::new();
        for b in &bindings {
            let label = vec![Span::raw(b.label(lang))];
            let shown = width(b.shown);
            if shown > key_width {
                lines.push(Line::from(vec![
                    Span::raw(" "),
                    Span::styled(b.shown, theme.key),
                ]));
                let column = Span::raw(" ".repeat(key_width + 3));
                lines.extend(item(vec![column], label, inner_width));
                continue;
            }
            lines.extend(item(
                vec![
                    Span::raw(" ".repeat(key_width - shown + 1)),
                    Span::styled(b.shown, theme.key),
                    Span::raw("  "),
                ],
                label,
                inner_width,
            ));
        }
        lines.push(Line::default());
        lines.extend(item(
            vec![Span::raw(" ")],
            vec![Span::styled(Label::KeyAnyKey.text(lang), theme.dim)],
            inner_width,
        ));
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
