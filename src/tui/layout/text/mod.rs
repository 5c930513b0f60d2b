//! Text laid out for the screen, by display width (`unicode-width`, what ratatui counts):
//! guide paragraphs reflowed (one source newline is a space; a blank line, a Markdown list
//! item, or an unindented line after a list item starts a new block), wrapped items with a hanging indent, URLs never split
//! (a URL too long for the line goes on its own line, cut with `…` only when wider than
//! the screen), and titles cut with `…`.
//!
//! Screens draw these lines without ratatui's own wrapping, so the number of rows is known
//! before drawing: scrolling and pinning are exact.
//!
//! This file reads guide text into lines; `wrap.rs` wraps spans to a width ([`item`]).

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::guide::Text;
use crate::lang::Lang;
use crate::markup::{self, Kind};
use crate::tui::theme::Theme;

mod wrap;

pub use wrap::item;

/// Columns `s` takes on screen.
#[must_use]
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` cut to `max` columns, ending in `…` when cut.
#[must_use]
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// Whether a word is a web address (never split across lines).
#[must_use]
pub fn is_url(word: &str) -> bool {
    let w = word.trim_start_matches(['(', '<', '"', '\'']);
    w.starts_with("https://") || w.starts_with("http://")
}

/// A guide text in `lang`, reflowed to `width` columns in `style`, with ` [en]` after a
/// fallback translation.
#[must_use]
pub fn guide_text(
    text: &Text,
    lang: Lang,
    theme: &Theme,
    style: Style,
    width: u16,
) -> Vec<Line<'static>> {
    let pick = text.get(lang);
    let mut blocks = blocks(pick.text, theme);
    if let (Some(code), Some(last)) = (pick.fallback, blocks.last_mut()) {
        last.body
            .push(Span::styled(format!(" [{code}]"), theme.dim));
    }
    let mut lines = Vec::new();
    for block in blocks {
        if block.gap_before && !lines.is_empty() {
            lines.push(Line::default());
        }
        let body: Vec<Span<'static>> = block
            .body
            .into_iter()
            .map(|s| {
                let st = style.patch(s.style);
                Span::styled(s.content, st)
            })
            .collect();
        let marker = Span::styled(block.marker, style);
        lines.extend(item(vec![marker], body, width));
    }
    lines
}

/// A guide text as one plain line (for list rows and titles).
#[must_use]
pub fn plain(text: &Text, lang: Lang) -> String {
    markup::plain(text.show(lang))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A reflowed block of guide text: its list marker (with indentation) and its spans.
#[derive(Debug)]
struct Block {
    marker: String,
    body: Vec<Span<'static>>,
    /// A blank line came before it in the source.
    gap_before: bool,
}

/// The length of a line's list marker (`- `, `* `, `+ `, `12. `, `3) `), if it has one.
fn list_marker(line: &str) -> Option<usize> {
    let t = line.trim_start();
    let indent = line.len() - t.len();
    if t.starts_with("- ") || t.starts_with("* ") || t.starts_with("+ ") {
        return Some(indent + 2);
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && (t[digits..].starts_with(". ") || t[digits..].starts_with(") ")))
        .then_some(indent + digits + 2)
}

fn blocks(source: &str, theme: &Theme) -> Vec<Block> {
    // First the source lines grouped into blocks, then each block's inline Markdown.
    let mut raw: Vec<(String, String, bool)> = Vec::new();
    let mut gap = false;
    let mut open = false;
    for line in source.split('\n') {
        if line.trim().is_empty() {
            gap = true;
            open = false;
            continue;
        }
        if let Some(n) = list_marker(line) {
            raw.push((line[..n].to_owned(), line[n..].trim().to_owned(), gap));
            open = true;
        } else if open
            && let Some(last) = raw.last_mut()
            // An unindented line after a list item starts a paragraph of its own.
            && (last.0.is_empty() || line.starts_with(char::is_whitespace))
        {
            last.1.push(' ');
            last.1.push_str(line.trim());
        } else {
            raw.push((String::new(), line.trim().to_owned(), gap));
            open = true;
        }
        gap = false;
    }
    raw.into_iter()
        .map(|(marker, body, gap_before)| Block {
            marker,
            body: styled(&body, theme),
            gap_before,
        })
        .collect()
}

/// Inline Markdown as spans, styled by kind only (the caller patches in its own style).
#[must_use]
pub fn styled(text: &str, theme: &Theme) -> Vec<Span<'static>> {
    markup::spans(text)
        .into_iter()
        .map(|span| {
            let style = match span.kind {
                Kind::Plain => Style::new(),
                Kind::Strong => theme.strong,
                Kind::Emphasis => theme.emphasis,
                Kind::Code => theme.code,
                Kind::Link => theme.link,
                Kind::Url => theme.dim,
            };
            Span::styled(span.text, style)
        })
        .collect()
}

/// A one-line text cut to `width` with `…`.
#[must_use]
pub fn title_line(text: &str, width: u16, style: Style) -> Line<'static> {
    Line::styled(truncate(text, usize::from(width)), style)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    fn rows(lines: &[Line]) -> Vec<String> {
        lines.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn the_space_between_two_selected_words_is_selected_too() {
        let sel = Style::new().add_modifier(Modifier::REVERSED);
        let body = vec![
            Span::styled("open ", sel),
            Span::styled("All", sel.add_modifier(Modifier::BOLD)),
            Span::raw(" then"),
        ];
        let lines = item(vec![Span::raw("1. ")], body, 40);
        let spans: Vec<(String, bool)> = lines[0]
            .spans
            .iter()
            .map(|s| {
                (
                    s.content.to_string(),
                    s.style.add_modifier.contains(Modifier::REVERSED),
                )
            })
            .collect();
        let gaps: Vec<bool> = spans
            .iter()
            .filter(|(t, _)| t == " ")
            .map(|s| s.1)
            .collect();
        // Between "open" and "All" (both selected) the space is selected; before "then" not.
        assert_eq!(gaps, [true, false], "{spans:?}");
    }

    #[test]
    fn single_newlines_are_spaces_and_blank_lines_break() {
        let text = Text::Plain("one two\nthree\n\nfour".into());
        let lines = guide_text(&text, Lang::En, &Theme::plain(), Style::new(), 40);
        assert_eq!(rows(&lines), ["one two three", "", "four"]);
    }

    #[test]
    fn list_items_break_and_hang() {
        let text = Text::Plain("Collect:\n- the message text\n  and its time\n- the id".into());
        let lines = guide_text(&text, Lang::En, &Theme::plain(), Style::new(), 14);
        assert_eq!(
            rows(&lines),
            [
                "Collect:",
                "- the message",
                "  text and its",
                "  time",
                "- the id"
            ]
        );
    }

    #[test]
    fn a_url_is_never_split() {
        let body = vec![Span::raw("Visit https://example.com/a/long/path now")];
        let lines = item(vec![Span::raw("• ")], body, 24);
        assert_eq!(
            rows(&lines),
            ["• Visit", "https://example.com/a/l…", "  now"]
        );
        let lines = item(vec![], vec![Span::raw("go https://example.com/abc")], 30);
        assert_eq!(rows(&lines), ["go https://example.com/abc"]);
        let lines = item(
            vec![],
            vec![Span::raw("see https://example.com/abcdef")],
            24,
        );
        assert_eq!(rows(&lines), ["see", "https://example.com/abc…"]);
    }

    #[test]
    fn a_paragraph_after_a_list_is_its_own() {
        let text = Text::Plain("Collect:\n- one;\n- two.\nThen ask.".into());
        let lines = guide_text(&text, Lang::En, &Theme::plain(), Style::new(), 40);
        assert_eq!(rows(&lines), ["Collect:", "- one;", "- two.", "Then ask."]);
    }

    #[test]
    fn a_url_after_a_marker_keeps_the_marker() {
        let lines = item(
            vec![Span::raw("   → ")],
            vec![Span::raw("https://example.com/a/long/path")],
            20,
        );
        assert_eq!(rows(&lines), ["   → https://exampl…"]);
    }

    #[test]
    fn widths_are_display_cells() {
        assert_eq!(width("日本"), 4);
        assert_eq!(truncate("日本語のテキスト", 7), "日本語…");
        let lines = item(vec![], vec![Span::raw("日本 日本 日本")], 10);
        assert_eq!(rows(&lines), ["日本 日本", "日本"]);
    }
}
