//! Guide text to ratatui lines: inline Markdown styled, fallbacks marked.

use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::guide::Text;
use crate::lang::Lang;
use crate::markup::{self, Kind};

/// The lines of a text in `lang`, styled, with ` [en]` after a fallback.
#[must_use]
pub fn lines(text: &Text, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
    let pick = text.get(lang);
    let mut lines = styled(pick.text, theme);
    if let (Some(code), Some(last)) = (pick.fallback, lines.last_mut()) {
        last.push_span(Span::styled(format!(" [{code}]"), theme.dim));
    }
    lines
}

/// Inline Markdown as styled lines.
#[must_use]
pub fn styled(text: &str, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::default()];
    for span in markup::spans(text) {
        let style = match span.kind {
            Kind::Plain => ratatui::style::Style::new(),
            Kind::Strong => theme.strong,
            Kind::Emphasis => theme.emphasis,
            Kind::Code => theme.code,
            Kind::Link => theme.link,
            Kind::Url => theme.dim,
        };
        for (i, part) in span.text.split('\n').enumerate() {
            if i > 0 {
                lines.push(Line::default());
            }
            if !part.is_empty()
                && let Some(line) = lines.last_mut()
            {
                line.push_span(Span::styled(part.to_owned(), style));
            }
        }
    }
    lines
}

/// A text in `lang` as one plain string.
#[must_use]
pub fn plain(text: &Text, lang: Lang) -> String {
    markup::plain(text.show(lang))
}
