//! The error reference: a guide's errors beside the selected one's detail.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::super::app::{App, Focus, Screen};
use super::super::text;
use super::super::theme::Theme;
use crate::guide::{ErrorEntry, Related};
use crate::labels::Label;

pub fn render(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let Screen::Reference {
        guide,
        selected,
        focus,
        related,
        scroll,
    } = &app.screen
    else {
        return;
    };
    let g = &app.catalog.guides[*guide];
    let lang = app.lang;
    let list_width = (area.width / 3).clamp(14, 34);
    let [list, detail] =
        Layout::horizontal([Constraint::Length(list_width), Constraint::Min(10)]).areas(area);
    // Keep the selection in view.
    let visible = usize::from(list.height.max(1));
    let first = selected.saturating_sub(visible - 1);
    let items: Vec<Line> = g
        .errors
        .iter()
        .enumerate()
        .skip(first)
        .map(|(i, e)| {
            let style = if i == *selected {
                theme.selected
            } else {
                Style::new()
            };
            Line::styled(text::plain(&e.title, lang), style)
        })
        .collect();
    Paragraph::new(items)
        .block(
            Block::default()
                .borders(Borders::RIGHT)
                .border_style(theme.dim),
        )
        .render(list, buf);
    if let Some(error) = g.errors.get(*selected) {
        let lines = detail_lines(app, *guide, error, *focus, *related, theme);
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((*scroll, 0))
            .render(detail.inner(ratatui::layout::Margin::new(1, 0)), buf);
    }
}

fn detail_lines<'a>(
    app: &'a App,
    guide: usize,
    error: &'a ErrorEntry,
    focus: Focus,
    related: usize,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let lang = app.lang;
    let g = &app.catalog.guides[guide];
    let mut lines: Vec<Line> = text::lines(&error.title, lang, theme)
        .into_iter()
        .map(|l| l.patch_style(theme.title))
        .collect();
    lines.push(Line::styled(format!("{}/{}", g.id, error.id), theme.dim));
    let section = |lines: &mut Vec<Line>, label: Label| {
        lines.push(Line::styled(label.text(lang), theme.heading));
    };
    if !error.messages.is_empty() {
        section(&mut lines, Label::Messages);
        lines.extend(
            error
                .messages
                .iter()
                .flat_map(crate::guide::Text::all)
                .map(|m| Line::raw(m.to_owned())),
        );
    }
    if !error.causes.is_empty() {
        section(&mut lines, Label::Causes);
        for cause in &error.causes {
            lines.push(Line::raw(format!("• {}", text::plain(cause, lang))));
        }
    }
    section(&mut lines, Label::Checklist);
    for (i, step) in error.checklist.iter().enumerate() {
        lines.push(Line::raw(format!(
            "{}. {}",
            i + 1,
            text::plain(&step.text, lang)
        )));
        if let Some(details) = &step.details {
            lines.push(Line::styled(
                format!("   {}", text::plain(details, lang)),
                theme.dim,
            ));
        }
        if let Some(link) = &step.link {
            lines.push(Line::styled(format!("   → {link}"), theme.link));
        }
    }
    if !error.links.is_empty() {
        section(&mut lines, Label::Links);
        for link in &error.links {
            lines.push(Line::from(vec![
                Span::raw(format!("• {} ", text::plain(&link.title, lang))),
                Span::styled(link.url.clone(), theme.link),
            ]));
        }
    }
    if !error.related.is_empty() {
        section(&mut lines, Label::Related);
        for (i, r) in error.related.iter().enumerate() {
            let name = match r {
                Related::Local(e) => text::plain(&g.errors[*e].title, lang),
                Related::Other { guide, error, .. } => app
                    .catalog
                    .guide(guide)
                    .and_then(|og| og.error(error))
                    .map_or_else(
                        || format!("{guide}/{error}"),
                        |e| text::plain(&e.title, lang),
                    ),
            };
            let style = if focus == Focus::Side && i == related {
                theme.selected
            } else {
                Style::new()
            };
            lines.push(Line::styled(format!("→ {name}"), style));
        }
    }
    lines
}
