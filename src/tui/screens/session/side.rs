//! The session's side panel: the answers given (a breadcrumb to jump back through) and,
//! on a question, the errors still possible.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use crate::guide::Guide;
use crate::labels::Label;
use crate::session::{At, Walk};
use crate::tui::layout::text::{item, plain};
use crate::tui::screens::Ctx;

/// What the panel drew last: its inner area and each crumb's lines.
#[derive(Debug, Default)]
pub(super) struct SidePanel {
    inner: Rect,
    crumbs: Vec<Range<usize>>,
}

impl SidePanel {
    /// The crumb drawn at this cell.
    pub(super) fn hit(&self, x: u16, y: u16) -> Option<usize> {
        if !self.inner.contains(Position { x, y }) {
            return None;
        }
        let line = usize::from(y - self.inner.y);
        self.crumbs.iter().position(|r| r.contains(&line))
    }

    #[allow(clippy::too_many_arguments)] // One call site; the pieces of one panel.
    pub(super) fn render(
        &mut self,
        cx: &Ctx,
        g: &Guide,
        walk: &Walk,
        focused: bool,
        crumb: usize,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let (lang, theme) = (cx.lang, &cx.theme);
        let block = Block::default()
            .borders(Borders::LEFT | Borders::TOP)
            .border_style(theme.dim);
        self.inner = block.inner(area);
        block.render(area, buf);
        let width = self.inner.width;
        let mut lines = vec![Line::styled(Label::YourAnswers.text(lang), theme.heading)];
        self.crumbs.clear();
        for (i, c) in walk.path.iter().enumerate() {
            let label = plain(&g.nodes[c.node].answers[c.answer].label, lang);
            let style = if focused && i == crumb {
                theme.selected
            } else {
                Style::new()
            };
            let start = lines.len();
            lines.extend(item(
                vec![Span::raw(format!("{}. ", i + 1))],
                vec![Span::styled(label, style)],
                width,
            ));
            self.crumbs.push(start..lines.len());
        }
        if matches!(walk.at, At::Question(_)) {
            let possible = walk.still_possible(g);
            lines.push(Line::styled(
                format!("{} ({})", Label::StillPossible.text(lang), possible.len()),
                theme.heading,
            ));
            for e in possible {
                lines.extend(item(
                    vec![Span::styled("• ", theme.dim)],
                    vec![Span::styled(plain(&g.errors[e].title, lang), theme.dim)],
                    width,
                ));
            }
        }
        Paragraph::new(lines).render(self.inner, buf);
    }
}
