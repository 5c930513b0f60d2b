//! The home screen: the unfinished saved sessions to continue ("Continue: … — step 2 of 4,
//! 3 h ago"), then the guides, one row each, the selected one's summary below, and a line
//! saying how many guide files could not be loaded (`p` lists them); while the library
//! loads at start, a line with its progress.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Widget};

use super::{Ctx, Nav, View, guide::GuidePage, problems::Problems};
use crate::labels::Label;
use crate::tui::keys::Scope;
use crate::tui::layout::list::ListView;
use crate::tui::layout::text::{guide_text, item, plain, truncate, width};
use crate::tui::msg::{Effect, Msg};

/// The guides list.
#[derive(Debug, Default)]
pub struct Home {
    pub list: ListView,
}

impl Home {
    /// The selected row: the sessions to continue come first, then the guides.
    #[must_use]
    pub fn selected(&self) -> usize {
        self.list.selected()
    }

    /// The selected guide's index, when a guide is selected.
    fn guide(&self, cx: &Ctx) -> Option<usize> {
        self.selected().checked_sub(cx.continues.len())
    }
}

/// How many files failed to load (each file once).
#[must_use]
pub fn failed_files(cx: &Ctx) -> usize {
    let mut files: Vec<&str> = cx
        .catalog
        .problems
        .iter()
        .filter(|p| p.diagnostic.is_error())
        .map(|p| p.diagnostic.file.as_str())
        .collect();
    files.sort_unstable();
    files.dedup();
    files.len()
}

impl View for Home {
    fn scope(&self, _: &Ctx) -> Scope {
        Scope::Home
    }

    fn place(&self, cx: &Ctx) -> String {
        Label::Guides.text(cx.lang).to_owned()
    }

    fn update(&mut self, msg: Msg, cx: &mut Ctx) -> Nav {
        let len = cx.continues.len() + cx.catalog.guides.len();
        match msg {
            Msg::Enter if self.selected() < cx.continues.len() => {
                Nav::Effect(Effect::Resume(cx.continues[self.selected()].id.clone()))
            }
            Msg::Enter if self.selected() < len => {
                Nav::push(GuidePage::new(self.selected() - cx.continues.len()))
            }
            Msg::Problems if failed_files(cx) > 0 => Nav::push(Problems::default()),
            Msg::OpenTriage => Nav::push(super::triage_prompt::TriagePrompt::default()),
            Msg::Click { x, y } => {
                if let Some(i) = self.list.hit(x, y) {
                    self.list.select(i, len);
                }
                Nav::Stay
            }
            m => {
                if self.list.step(&m, len) {
                    Nav::Stay
                } else {
                    Nav::Pass
                }
            }
        }
    }

    fn offers(&self, cx: &Ctx, msg: &Msg) -> bool {
        match msg {
            Msg::Problems => failed_files(cx) > 0,
            Msg::Enter => !cx.catalog.guides.is_empty(),
            _ => true,
        }
    }

    fn render(&mut self, cx: &Ctx, area: Rect, buf: &mut Buffer) {
        let lang = cx.lang;
        let theme = &cx.theme;
        let area = area.inner(Margin::new(1, 0));
        let guides = &cx.catalog.guides;
        let failed = failed_files(cx);
        // Wrapped, never cut: at 40 columns it takes two rows.
        let mut notice = if failed > 0 {
            item(
                vec![],
                vec![Span::styled(Label::failed_files(failed, lang), theme.strong)],
                area.width,
            )
        } else {
            Vec::new()
        };
        if let Some(progress) = &cx.loading {
            notice.splice(0..0, super::loading::lines(progress, lang, theme, area.width));
        }
        // The summary takes a few rows when the screen has them.
        let detail_rows = if area.height >= 14 { 5 } else { 0 };
        let continues = &cx.continues;
        let rows = continues.len() + guides.len();
        let list_rows = u16::try_from(rows.max(1)).unwrap_or(u16::MAX);
        let [heading, notice_area, list, _, detail] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(u16::try_from(notice.len()).unwrap_or(u16::MAX)),
            Constraint::Max(list_rows),
            Constraint::Length(u16::from(detail_rows > 0)),
            Constraint::Min(detail_rows),
        ])
        .areas(area);
        Line::styled(Label::Guides.text(lang), theme.heading).render(heading, buf);
        Paragraph::new(notice).render(notice_area, buf);
        if rows == 0 && cx.loading.is_none() {
            Line::raw(Label::NoGuides.text(lang)).render(list, buf);
            return;
        }
        self.list
            .render(rows, list, buf, theme.selected, |i, w| {
                if let Some(entry) = continues.get(i) {
                    let text = format!("{}: {}", Label::Continue.text(lang), entry.text);
                    return Text::from(Line::styled(truncate(&text, usize::from(w)), theme.strong));
                }
                let guide = &guides[i - continues.len()];
                let mut info = format!("  {}", Label::errors(guide.errors.len(), lang));
                if !guide.languages.is_empty() {
                    info.push_str(" · ");
                    info.push_str(&guide.languages.join(" "));
                }
                let room = usize::from(w).saturating_sub(width(&info));
                let title = truncate(&plain(&guide.title, lang), room.max(8));
                let info = truncate(&info, usize::from(w).saturating_sub(width(&title)));
                Text::from(Line::from(vec![
                    Span::raw(title),
                    Span::styled(info, theme.dim),
                ]))
            });
        if detail.height > 0
            && let Some(guide) = self.guide(cx).and_then(|g| guides.get(g))
        {
            let mut about = Vec::new();
            if let Some(summary) = &guide.summary {
                about.extend(guide_text(summary, lang, theme, ratatui::style::Style::new(), detail.width));
            }
            about.push(Line::styled(guide.id.clone(), theme.dim));
            Paragraph::new(about).render(detail, buf);
        }
    }
}
