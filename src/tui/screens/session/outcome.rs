//! An outcome: the error's title, messages and causes, its checklist with ticks, and,
//! pinned below whatever the scroll, the progress and "Did this fix it? y/n".

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::Doc;
use crate::guide::{ErrorEntry, Guide};
use crate::labels::Label;
use crate::session::Walk;
use crate::tui::layout::text::{guide_text, item, plain, width as width_of};
use crate::tui::screens::Ctx;

/// Outcome `e` laid out to `width`, step `selected` highlighted and opened.
pub(super) fn doc(
    cx: &Ctx,
    g: &Guide,
    walk: &Walk,
    e: usize,
    selected: Option<usize>,
    width: u16,
) -> Doc {
    let (lang, theme) = (cx.lang, &cx.theme);
    let error = &g.errors[e];
    let mut lines = guide_text(&error.title, lang, theme, theme.title, width);
    for message in &error.messages {
        lines.extend(item(
            vec![Span::raw("  ")],
            vec![Span::styled(message.show(lang).to_owned(), theme.dim)],
            width,
        ));
    }
    if !error.causes.is_empty() {
        lines.push(Line::styled(Label::Causes.text(lang), theme.heading));
        for cause in &error.causes {
            lines.extend(item(
                vec![Span::raw("• ")],
                vec![Span::raw(plain(cause, lang))],
                width,
            ));
        }
    }
    lines.push(Line::styled(Label::Checklist.text(lang), theme.heading));
    let mut items = Vec::new();
    for (i, step) in error.checklist.iter().enumerate() {
        let ticked = walk.ticked(e, i);
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
            vec![Span::styled(plain(&step.text, lang), style)],
            width,
        ));
        if Some(i) == selected {
            let inner = width.saturating_sub(u16::try_from(indent.len()).unwrap_or(u16::MAX));
            if let Some(details) = &step.details {
                for line in guide_text(details, lang, theme, Style::new(), inner) {
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
    let (done, total) = walk.progress(g, e);
    let pinned = prompt(cx, done, total, width);
    Doc {
        lines,
        items,
        pinned,
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
