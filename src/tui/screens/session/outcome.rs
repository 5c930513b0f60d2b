//! An outcome: the error's title, messages and causes, the values taken from the person's
//! own message, its checklist with ticks (placeholders filled with those values, marked),
//! and, pinned below whatever the scroll, the progress and "Did this fix it? y/n".

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::Doc;
use crate::guide::{ErrorEntry, Text};
use crate::labels::Label;
use crate::session::{Capture, ErrorRef, Piece, Session, fill};
use crate::tui::layout::text::{guide_text, item, plain, styled, truncate, width as width_of};
use crate::tui::screens::Ctx;
use crate::tui::theme::Theme;

/// `text` in `lang` as spans: guide text styled by its Markdown, each `{placeholder}` with a
/// captured value replaced by that value in the `mark` style, so it is clear what came
/// from the person's own message.
pub(super) fn filled_spans(
    text: &Text,
    cx: &Ctx,
    captures: &[Capture],
    style: Style,
) -> Vec<Span<'static>> {
    fill(text.show(cx.lang), captures)
        .into_iter()
        .flat_map(|piece| match piece {
            Piece::Text(t) => {
                // Markdown parsing trims a fragment's ends; the spaces beside a filled
                // value are kept.
                let lead = &t[..t.len() - t.trim_start().len()];
                let trail = &t[t.trim_end().len()..];
                let mut spans = vec![Span::styled(lead.to_owned(), style)];
                spans.extend(
                    styled(t.trim(), &cx.theme)
                        .into_iter()
                        .map(|s| Span::styled(s.content, style.patch(s.style))),
                );
                if !t.trim().is_empty() {
                    spans.push(Span::styled(trail.to_owned(), style));
                }
                spans
            }
            Piece::Filled { value, .. } => {
                vec![Span::styled(value.to_owned(), style.patch(cx.theme.mark))]
            }
        })
        .collect()
}

/// Whether `text` has a placeholder that `captures` fills.
fn fills(text: &Text, lang: crate::lang::Lang, captures: &[Capture]) -> bool {
    fill(text.show(lang), captures)
        .iter()
        .any(|p| matches!(p, Piece::Filled { .. }))
}

/// Outcome `e` laid out to `width`, step `selected` highlighted and opened.
pub(super) fn doc(
    cx: &Ctx,
    session: &Session,
    e: &ErrorRef,
    selected: Option<usize>,
    width: u16,
) -> Doc {
    let (lang, theme) = (cx.lang, &cx.theme);
    let Some((_, error)) = e.find(&cx.catalog) else {
        return Doc::default();
    };
    let captures = session.captures();
    let mut lines = guide_text(&error.title, lang, theme, theme.title, width);
    let head = Line::styled(
        truncate(&plain(&error.title, lang), usize::from(width)),
        theme.title,
    );
    for message in &error.messages {
        lines.extend(item(
            vec![Span::raw("  ")],
            filled_spans(message, cx, captures, theme.dim),
            width,
        ));
    }
    if !captures.is_empty() {
        // A triage session's values are the log's most frequent ones, not the person's words.
        let heading = if session.log().is_some() {
            Label::CapturedFromLog
        } else {
            Label::Captured
        };
        lines.push(Line::styled(heading.text(lang), theme.heading));
        for c in captures {
            let name = format!("  {} = ", c.name);
            let value = vec![Span::styled(c.value.clone(), theme.mark)];
            let room = usize::from(width);
            // A long name leaves the value no column of its own: the value goes under it,
            // indented, and wraps there.
            if width_of(&name) * 2 > room && width_of(&name) + width_of(&c.value) > room {
                lines.push(Line::styled(name.trim_end().to_owned(), theme.dim));
                lines.extend(item(vec![Span::raw("    ")], value, width));
            } else {
                lines.extend(item(vec![Span::styled(name, theme.dim)], value, width));
            }
        }
    }
    if !error.causes.is_empty() {
        lines.push(Line::styled(Label::Causes.text(lang), theme.heading));
        for cause in &error.causes {
            lines.extend(item(
                vec![Span::raw("• ")],
                filled_spans(cause, cx, captures, Style::new()),
                width,
            ));
        }
    }
    lines.push(Line::styled(Label::Checklist.text(lang), theme.heading));
    let mut items = Vec::new();
    for (i, step) in error.checklist.iter().enumerate() {
        let ticked = session.is_ticked(e, i);
        let mark = if ticked { "[x]" } else { "[ ]" };
        let style = if Some(i) == selected {
            theme.selected
        } else {
            Style::new()
        };
        let start = lines.len();
        let prefix = format!("{mark} {}. ", i + 1);
        // Details and the link line up under the step's text.
        let indent = " ".repeat(prefix.len());
        lines.extend(item(
            vec![Span::styled(
                prefix,
                if ticked { theme.done } else { Style::new() },
            )],
            filled_spans(&step.text, cx, captures, style),
            width,
        ));
        if Some(i) == selected {
            let inner = width.saturating_sub(u16::try_from(indent.len()).unwrap_or(u16::MAX));
            if let Some(details) = &step.details {
                for line in details_lines(details, cx, captures, theme, inner) {
                    let mut spans = vec![Span::raw(indent.clone())];
                    spans.extend(line.spans);
                    lines.push(Line::from(spans));
                }
            }
            if let Some(link) = &step.link {
                lines.extend(item(
                    vec![Span::raw(indent.clone()), Span::raw("→ ")],
                    vec![Span::styled(link.clone(), theme.link)],
                    width,
                ));
            }
        }
        items.push(start..lines.len());
    }
    let (done, total) = session.progress(&cx.catalog, e);
    let pinned = prompt(cx, done, total, width);
    Doc {
        lines,
        items,
        pinned,
        head: Some(head),
    }
}

/// A step's details: reflowed guide text, or, when a captured value fills it, one
/// paragraph with the value marked.
fn details_lines(
    details: &Text,
    cx: &Ctx,
    captures: &[Capture],
    theme: &Theme,
    width: u16,
) -> Vec<Line<'static>> {
    if fills(details, cx.lang, captures) {
        item(
            Vec::new(),
            filled_spans(details, cx, captures, Style::new()),
            width,
        )
    } else {
        guide_text(details, cx.lang, theme, Style::new(), width)
    }
}

/// The progress and "Did this fix it?": the longest wording that fits on one line, else
/// the shortest, wrapped.
fn prompt(cx: &Ctx, done: usize, total: usize, width: u16) -> Vec<Line<'static>> {
    let (lang, theme) = (cx.lang, &cx.theme);
    let progress = format!("{} {done}/{total} · ", Label::Checklist.text(lang));
    let variants = [
        (progress.as_str(), Label::YesNo.text(lang)),
        (progress.as_str(), Label::YesNoShort.text(lang)),
    ];
    let short = format!("{done}/{total} · ");
    let fallback = (short.as_str(), Label::YesNoShort.text(lang));
    let fits = |(p, k): &(&str, &str)| {
        width_of(p) + width_of(Label::DidItFix.text(lang)) + 1 + width_of(k) <= usize::from(width)
    };
    let (p, k) = variants.iter().find(|v| fits(v)).copied().unwrap_or(fallback);
    item(
        vec![Span::styled(p.to_owned(), theme.heading)],
        vec![
            Span::styled(Label::DidItFix.text(lang), theme.title),
            Span::raw(" "),
            Span::styled(k, theme.key),
        ],
        width,
    )
}

/// The addresses an outcome shows.
pub(super) fn urls(error: &ErrorEntry) -> Vec<String> {
    let steps = error.checklist.iter().filter_map(|s| s.link.clone());
    steps
        .chain(error.links.iter().map(|l| l.url.clone()))
        .collect()
}
