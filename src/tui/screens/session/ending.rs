//! The end of a session: fixed (with how many steps were ticked), or nothing helped (the
//! escalation texts that apply — the guide the session ended in, and the one it started
//! in — and what was tried).

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::Doc;
use crate::labels::Label;
use crate::session::{ErrorRef, Session};
use crate::tui::layout::text::{guide_text, item, plain};
use crate::tui::screens::Ctx;

/// The title of an error, or its id when it is no longer loaded.
pub(super) fn title(cx: &Ctx, e: &ErrorRef) -> String {
    e.find(&cx.catalog)
        .map_or_else(|| e.to_string(), |(_, entry)| plain(&entry.title, cx.lang))
}

pub(super) fn solved(cx: &Ctx, session: &Session, e: &ErrorRef, width: u16) -> Doc {
    let (lang, theme) = (cx.lang, &cx.theme);
    let (done, total) = session.progress(&cx.catalog, e);
    let mut lines = item(
        vec![Span::styled(format!("{}: ", Label::Solved.text(lang)), theme.done)],
        vec![Span::styled(title(cx, e), theme.done)],
        width,
    );
    lines.push(Line::raw(format!(
        "{}: {done}/{total}",
        Label::StepsTicked.text(lang)
    )));
    Doc {
        lines,
        ..Doc::default()
    }
}

pub(super) fn escalation(cx: &Ctx, session: &Session, width: u16) -> Doc {
    let (lang, theme) = (cx.lang, &cx.theme);
    let mut lines = vec![Line::styled(Label::Escalate.text(lang), theme.heading)];
    let escalations = session.escalations(&cx.catalog);
    let several = escalations.len() > 1;
    for (i, (guide, text)) in escalations.into_iter().enumerate() {
        if several {
            if i > 0 {
                lines.push(Line::default());
            }
            lines.extend(item(
                Vec::new(),
                vec![Span::styled(plain(&guide.title, lang), theme.title)],
                width,
            ));
        }
        lines.extend(guide_text(text, lang, theme, Style::new(), width));
    }
    if !session.tried().is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled(Label::Tried.text(lang), theme.heading));
        for e in session.tried() {
            lines.extend(item(
                vec![Span::raw("• ")],
                vec![Span::raw(title(cx, e))],
                width,
            ));
        }
    }
    Doc {
        lines,
        ..Doc::default()
    }
}
