//! A question of the session: the question, its help, and the numbered answers.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::Doc;
use crate::guide::Node;
use crate::tui::layout::text::{guide_text, item, plain, truncate};
use crate::tui::screens::Ctx;

/// Question `node` laid out to `width`, answer `selected` highlighted.
pub(super) fn doc(cx: &Ctx, node: &Node, selected: Option<usize>, width: u16) -> Doc {
    let (lang, theme) = (cx.lang, &cx.theme);
    let mut lines = guide_text(&node.question, lang, theme, theme.title, width);
    let head = Line::styled(
        truncate(&plain(&node.question, lang), usize::from(width)),
        theme.title,
    );
    if let Some(help) = &node.help {
        lines.extend(guide_text(help, lang, theme, theme.dim, width));
    }
    lines.push(Line::default());
    let mut items = Vec::new();
    for (i, answer) in node.answers.iter().enumerate() {
        let style = if Some(i) == selected {
            theme.selected
        } else {
            Style::new()
        };
        let start = lines.len();
        lines.extend(item(
            vec![Span::styled(format!(" {} ", i + 1), theme.key)],
            vec![Span::styled(plain(&answer.label, lang), style)],
            width,
        ));
        items.push(start..lines.len());
    }
    Doc {
        lines,
        items,
        pinned: Vec::new(),
        head: Some(head),
    }
}
