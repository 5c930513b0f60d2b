//! The end of a session: fixed (with how many steps were ticked), or nothing helped (the
//! guide's escalation text and what was tried).

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::Doc;
use crate::guide::Guide;
use crate::labels::Label;
use crate::session::Walk;
use crate::tui::layout::text::{guide_text, item, plain};
use crate::tui::screens::Ctx;

pub(super) fn solved(cx: &Ctx, g: &Guide, walk: &Walk, e: usize, width: u16) -> Doc {
    let (lang, theme) = (cx.lang, &cx.theme);
    let (done, total) = walk.progress(g, e);
    let mut lines = item(
        vec![Span::styled(format!("{}: ", Label::Solved.text(lang)), theme.done)],
        vec![Span::styled(plain(&g.errors[e].title, lang), theme.done)],
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

pub(super) fn escalation(cx: &Ctx, g: &Guide, walk: &Walk, width: u16) -> Doc {
    let (lang, theme) = (cx.lang, &cx.theme);
    let mut lines = vec![Line::styled(Label::Escalate.text(lang), theme.heading)];
    if let Some(text) = &g.escalation {
        lines.extend(guide_text(text, lang, theme, Style::new(), width));
    }
    if !walk.tried.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled(Label::Tried.text(lang), theme.heading));
        for &e in &walk.tried {
            lines.extend(item(
                vec![Span::raw("• ")],
                vec![Span::raw(plain(&g.errors[e].title, lang))],
                width,
            ));
        }
    }
    Doc {
        lines,
        ..Doc::default()
    }
}
