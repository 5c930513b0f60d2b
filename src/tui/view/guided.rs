//! The guided session: a question with its answers, the breadcrumb and what is still
//! possible; an outcome with its checklist; the end (fixed, or escalation).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::super::app::{App, Focus, Screen};
use super::super::text;
use super::super::theme::Theme;
use crate::guide::Guide;
use crate::labels::Label;
use crate::session::{At, Walk};

pub fn render(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let Screen::Walk {
        guide,
        walk,
        selected,
        focus,
        crumb,
        scroll,
    } = &app.screen
    else {
        return;
    };
    let g = &app.catalog.guides[*guide];
    let lang = app.lang;
    // The side panel (breadcrumb, still possible) goes right when there is room, else below.
    let wide = area.width >= 70;
    let [main, side] = if wide {
        Layout::horizontal([Constraint::Min(30), Constraint::Length(30)]).areas(area)
    } else if *focus == Focus::Main {
        // A narrow screen gives the question all the room; Tab shows the breadcrumb.
        [area, Rect::default()]
    } else {
        let side_height = u16::try_from(walk.path.len())
            .unwrap_or(0)
            .saturating_add(2)
            .min(area.height / 3);
        Layout::vertical([Constraint::Min(3), Constraint::Length(side_height)]).areas(area)
    };
    let main = main.inner(ratatui::layout::Margin::new(1, 0));

    // The line to keep in view: the selected answer or checklist step.
    let mut focus_line = None;
    let lines = match walk.at {
        At::Question(n) => {
            let node = &g.nodes[n];
            let mut lines: Vec<Line> = text::lines(&node.question, lang, theme)
                .into_iter()
                .map(|l| l.patch_style(theme.title))
                .collect();
            if let Some(help) = &node.help {
                lines.extend(
                    text::lines(help, lang, theme)
                        .into_iter()
                        .map(|l| l.patch_style(theme.dim)),
                );
            }
            lines.push(Line::default());
            for (i, answer) in node.answers.iter().enumerate() {
                let style = if i == *selected && *focus == Focus::Main {
                    theme.selected
                } else {
                    Style::new()
                };
                let mut spans = vec![Span::styled(format!(" {} ", i + 1), theme.key)];
                spans.push(Span::styled(text::plain(&answer.label, lang), style));
                lines.push(Line::from(spans));
            }
            lines
        }
        At::Outcome(e) => {
            let (lines, at) = outcome_lines(g, walk, e, *selected, app, theme);
            focus_line = Some(at);
            lines
        }
        At::Solved(e) => {
            let (done, total) = walk.progress(g, e);
            vec![
                Line::styled(
                    format!(
                        "{}: {}",
                        Label::Solved.text(lang),
                        text::plain(&g.errors[e].title, lang)
                    ),
                    theme.done,
                ),
                Line::raw(format!("{}: {done}/{total}", Label::KeyTick.text(lang))),
            ]
        }
        At::Escalation => {
            let mut lines = vec![Line::styled(Label::Escalate.text(lang), theme.heading)];
            if let Some(text) = &g.escalation {
                lines.extend(text::lines(text, lang, theme));
            }
            if !walk.tried.is_empty() {
                lines.push(Line::default());
                lines.push(Line::styled(Label::Tried.text(lang), theme.heading));
                for &e in &walk.tried {
                    lines.push(Line::raw(format!(
                        "• {}",
                        text::plain(&g.errors[e].title, lang)
                    )));
                }
            }
            lines
        }
    };
    let scroll = focus_line.map_or(*scroll, |line| follow(&lines, line, main, *scroll));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .render(main, buf);
    render_side(app, g, walk, *focus, *crumb, side, buf, theme);
}

/// A scroll offset that shows line `target` (and the lines after it that fit) when the
/// user's own `scroll` would not. Rows are estimated from the line widths.
fn follow(lines: &[Line], target: usize, area: Rect, scroll: u16) -> u16 {
    let width = usize::from(area.width.max(1));
    let rows = |l: &Line| l.width().div_ceil(width).max(1);
    let before: usize = lines.iter().take(target).map(rows).sum();
    let target_rows: usize = lines.iter().skip(target).take(4).map(rows).sum();
    let height = usize::from(area.height);
    let needed = (before + target_rows).saturating_sub(height);
    let needed = u16::try_from(needed.min(before)).unwrap_or(u16::MAX);
    scroll.max(needed)
}

/// The lines of an outcome, and the index of the selected step's line.
fn outcome_lines<'a>(
    g: &'a Guide,
    walk: &Walk,
    e: usize,
    selected: usize,
    app: &App,
    theme: &Theme,
) -> (Vec<Line<'a>>, usize) {
    let lang = app.lang;
    let error = &g.errors[e];
    let mut lines: Vec<Line> = text::lines(&error.title, lang, theme)
        .into_iter()
        .map(|l| l.patch_style(theme.title))
        .collect();
    for message in &error.messages {
        lines.push(Line::styled(format!("  {}", message.show(lang)), theme.dim));
    }
    if !error.causes.is_empty() {
        lines.push(Line::styled(Label::Causes.text(lang), theme.heading));
        for cause in &error.causes {
            lines.push(Line::raw(format!("• {}", text::plain(cause, lang))));
        }
    }
    let (done, total) = walk.progress(g, e);
    lines.push(Line::styled(
        format!("{} {done}/{total}", Label::Checklist.text(lang)),
        theme.heading,
    ));
    let mut selected_line = lines.len();
    for (i, step) in error.checklist.iter().enumerate() {
        if i == selected {
            selected_line = lines.len();
        }
        let mark = if walk.ticked(e, i) { "[x]" } else { "[ ]" };
        let style = if i == selected {
            theme.selected
        } else {
            Style::new()
        };
        lines.push(Line::from(vec![
            Span::styled(
                format!("{mark} {}. ", i + 1),
                if walk.ticked(e, i) {
                    theme.done
                } else {
                    Style::new()
                },
            ),
            Span::styled(text::plain(&step.text, lang), style),
        ]));
        if i == selected {
            if let Some(details) = &step.details {
                lines.extend(text::lines(details, lang, theme).into_iter().map(|mut l| {
                    l.spans.insert(0, Span::raw("      "));
                    l
                }));
            }
            if let Some(link) = &step.link {
                lines.push(Line::styled(format!("      → {link}"), theme.link));
            }
        }
    }
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::styled(Label::DidItFix.text(lang), theme.title),
        Span::raw("  "),
        Span::styled(Label::YesNo.text(lang), theme.key),
    ]));
    (lines, selected_line)
}

#[allow(clippy::too_many_arguments)]
fn render_side(
    app: &App,
    g: &Guide,
    walk: &Walk,
    focus: Focus,
    crumb: usize,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let lang = app.lang;
    let mut lines = vec![Line::styled(Label::YourAnswers.text(lang), theme.heading)];
    for (i, c) in walk.path.iter().enumerate() {
        let label = text::plain(&g.nodes[c.node].answers[c.answer].label, lang);
        let style = if focus == Focus::Side && i == crumb {
            theme.selected
        } else {
            Style::new()
        };
        lines.push(Line::styled(format!("{}. {label}", i + 1), style));
    }
    let possible = walk.still_possible(g);
    if matches!(walk.at, At::Question(_)) {
        lines.push(Line::styled(
            format!("{} ({})", Label::StillPossible.text(lang), possible.len()),
            theme.heading,
        ));
        for e in possible {
            lines.push(Line::styled(
                format!("• {}", text::plain(&g.errors[e].title, lang)),
                theme.dim,
            ));
        }
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(
            Block::default()
                .borders(Borders::LEFT | Borders::TOP)
                .border_style(theme.dim),
        )
        .render(area, buf);
}
