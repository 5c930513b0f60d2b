//! The home screen (the guides) and a guide's page (start a session or browse).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::super::app::{App, Screen};
use super::super::text;
use super::super::theme::Theme;
use crate::labels::Label;

pub fn render(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let lang = app.lang;
    let area = area.inner(ratatui::layout::Margin::new(1, 0));
    match &app.screen {
        Screen::Home { selected } => {
            let mut lines = vec![Line::styled(Label::Guides.text(lang), theme.heading)];
            if app.catalog.guides.is_empty() {
                lines.push(Line::raw(Label::NoGuides.text(lang)));
            }
            for (i, guide) in app.catalog.guides.iter().enumerate() {
                let style = if i == *selected {
                    theme.selected
                } else {
                    ratatui::style::Style::new()
                };
                let info = format!(
                    "  {} {} · {}",
                    guide.errors.len(),
                    Label::Errors.text(lang),
                    guide.languages.join(" ")
                );
                lines.push(Line::from(vec![
                    Span::styled(text::plain(&guide.title, lang), style),
                    Span::styled(info, theme.dim),
                ]));
            }
            let [list, detail] = Layout::vertical([
                Constraint::Length(
                    u16::try_from(lines.len())
                        .unwrap_or(u16::MAX)
                        .saturating_add(1),
                ),
                Constraint::Min(0),
            ])
            .areas(area);
            Paragraph::new(lines).render(list, buf);
            if let Some(guide) = app.catalog.guides.get(*selected) {
                let mut about = Vec::new();
                if let Some(summary) = &guide.summary {
                    about.extend(text::lines(summary, lang, theme));
                }
                about.push(Line::styled(guide.id.clone(), theme.dim));
                Paragraph::new(about)
                    .wrap(Wrap { trim: true })
                    .render(detail, buf);
            }
        }
        Screen::Guide { guide, selected } => {
            let g = &app.catalog.guides[*guide];
            let mut lines: Vec<Line> = text::lines(&g.title, lang, theme)
                .into_iter()
                .map(|l| l.patch_style(theme.title))
                .collect();
            if let Some(summary) = &g.summary {
                lines.push(Line::default());
                lines.extend(text::lines(summary, lang, theme));
            }
            lines.push(Line::default());
            for (i, label) in [Label::StartGuided, Label::BrowseReference]
                .iter()
                .enumerate()
            {
                let style = if i == *selected {
                    theme.selected
                } else {
                    ratatui::style::Style::new()
                };
                lines.push(Line::from(vec![
                    Span::styled(format!(" {} ", i + 1), theme.key),
                    Span::styled(label.text(lang), style),
                ]));
            }
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .render(area, buf);
        }
        _ => {}
    }
}
