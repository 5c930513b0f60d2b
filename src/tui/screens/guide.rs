//! A guide's page: its title and summary, and two choices: start a guided session or
//! browse the error reference.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{Ctx, Nav, View, reference::Reference, session::Session};
use crate::labels::Label;
use crate::tui::keys::Scope;
use crate::tui::layout::scroll::ScrollView;
use crate::tui::layout::text::{guide_text, item, plain};
use crate::tui::msg::Msg;

const CHOICES: [Label; 2] = [Label::StartGuided, Label::BrowseReference];

/// The page of guide `guide`.
#[derive(Debug)]
pub struct GuidePage {
    pub guide: usize,
    pub selected: usize,
    view: ScrollView,
    /// The first line of each choice, as last drawn.
    choice_lines: Vec<std::ops::Range<usize>>,
}

impl GuidePage {
    #[must_use]
    pub fn new(guide: usize) -> GuidePage {
        GuidePage {
            guide,
            selected: 0,
            view: ScrollView::default(),
            choice_lines: Vec::new(),
        }
    }

    fn choose(&self, choice: usize, cx: &Ctx) -> Nav {
        match choice {
            0 => Session::new(self.guide, cx).map_or(Nav::Stay, Nav::push),
            1 => Nav::push(Reference::new(self.guide, 0)),
            _ => Nav::Stay,
        }
    }
}

impl View for GuidePage {
    fn scope(&self, _: &Ctx) -> Scope {
        Scope::Guide
    }

    fn place(&self, cx: &Ctx) -> String {
        plain(&cx.catalog.guides[self.guide].title, cx.lang)
    }

    fn update(&mut self, msg: Msg, cx: &mut Ctx) -> Nav {
        match msg {
            Msg::Choose(n) => self.choose(n.saturating_sub(1), cx),
            Msg::Enter => self.choose(self.selected, cx),
            Msg::Up | Msg::First => {
                self.selected = 0;
                self.view.follow();
                Nav::Stay
            }
            Msg::Down | Msg::Last => {
                self.selected = 1;
                self.view.follow();
                Nav::Stay
            }
            Msg::Click { x, y } => {
                if let Some(line) = self.view.line_at(x, y)
                    && let Some(i) = self.choice_lines.iter().position(|r| r.contains(&line))
                {
                    self.selected = i;
                }
                Nav::Stay
            }
            m => {
                if self.view.step(&m) {
                    Nav::Stay
                } else {
                    Nav::Pass
                }
            }
        }
    }

    fn render(&mut self, cx: &Ctx, area: Rect, buf: &mut Buffer) {
        let (lang, theme) = (cx.lang, &cx.theme);
        let g = &cx.catalog.guides[self.guide];
        let area = area.inner(Margin::new(1, 0));
        let w = crate::tui::layout::scroll::text_width(area);
        let mut lines = guide_text(&g.title, lang, theme, theme.title, w);
        if let Some(summary) = &g.summary {
            lines.push(Line::default());
            lines.extend(guide_text(summary, lang, theme, Style::new(), w));
        }
        lines.push(Line::default());
        self.choice_lines.clear();
        for (i, label) in CHOICES.iter().enumerate() {
            let style = if i == self.selected {
                theme.selected
            } else {
                Style::new()
            };
            let start = lines.len();
            lines.extend(item(
                vec![Span::styled(format!(" {} ", i + 1), theme.key)],
                vec![Span::styled(label.text(lang), style)],
                w,
            ));
            self.choice_lines.push(start..lines.len());
        }
        // Both choices stay in view.
        let keep = self
            .choice_lines
            .first()
            .zip(self.choice_lines.last())
            .map(|(a, b)| a.start..b.end);
        self.view.render(lines, area, buf, keep);
    }
}
