//! Live search: the query line, the hits with their matched words highlighted (for the
//! rows on screen only), and the values captured from a pasted message.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::super::app::{App, Screen};
use super::super::text;
use super::super::theme::Theme;
use crate::labels::Label;
use crate::search::highlight::Highlighter;

pub fn render(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let Screen::Search {
        query,
        hits,
        selected,
    } = &app.screen
    else {
        return;
    };
    let lang = app.lang;
    let area = area.inner(ratatui::layout::Margin::new(1, 0));
    let [input, results] =
        Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(area);
    // The end of a long query stays in view, with the cursor after it.
    let room = usize::from(input.width).saturating_sub(3);
    let count = query.chars().count();
    let shown: String = query.chars().skip(count.saturating_sub(room)).collect();
    let prompt = if query.is_empty() {
        Line::from(vec![
            Span::styled("/ ", theme.key),
            Span::styled(Label::SearchPrompt.text(lang), theme.dim),
        ])
    } else {
        Line::from(vec![
            Span::styled("/ ", theme.key),
            Span::raw(shown),
            Span::styled(" ", theme.selected),
        ])
    };
    Paragraph::new(prompt).render(input, buf);
    if hits.is_empty() {
        if !query.trim().is_empty() {
            Paragraph::new(Label::NoMatch.text(lang)).render(results, buf);
        }
        return;
    }
    // Two rows a hit; keep the selection in view.
    let per_page = usize::from(results.height / 2).max(1);
    let first = selected.saturating_sub(per_page - 1);
    let highlighter = Highlighter::new(&app.index, query);
    let mut lines = Vec::new();
    for (i, hit) in hits.iter().enumerate().skip(first).take(per_page) {
        let guide = &app.catalog.guides[hit.entry.guide];
        let error = &guide.errors[hit.entry.error];
        let style = if i == *selected {
            theme.selected
        } else {
            Style::new()
        };
        lines.push(Line::from(vec![
            Span::styled(text::plain(&error.title, lang), style.patch(theme.strong)),
            Span::styled(
                format!("  {}/{}  {}", guide.id, error.id, hit.score),
                theme.dim,
            ),
        ]));
        let field = highlighter.best_field(hit);
        let text = app.index.fields[field as usize].text.replace('\n', " ");
        let mut spans = vec![Span::raw("  ")];
        let mut at = 0;
        for r in highlighter.ranges(field) {
            if r.start < at || r.end > text.len() {
                continue;
            }
            spans.push(Span::raw(text[at..r.start].to_owned()));
            spans.push(Span::styled(text[r.clone()].to_owned(), theme.mark));
            at = r.end;
        }
        spans.push(Span::raw(text[at..].to_owned()));
        lines.push(Line::from(spans));
    }
    if let Some(hit) = hits.get(*selected).filter(|h| !h.captures.is_empty()) {
        lines.push(Line::styled(Label::Captured.text(lang), theme.heading));
        for (name, value) in &hit.captures {
            lines.push(Line::from(vec![
                Span::styled(format!("  {name} = "), theme.dim),
                Span::raw(value.clone()),
            ]));
        }
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(results, buf);
}
