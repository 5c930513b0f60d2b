//! Wrapping styled spans to a width, word by word (display cells): a prefix such as a
//! bullet or a step number with a hanging indent, the space between two words styled as
//! both share (a selected step reads as one bar), and a URL never split.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

use super::{is_url, truncate, width};

/// A piece of a word: text in one style.
type Piece = (String, Style);

/// Splits spans into words (runs without whitespace), each a list of styled pieces.
fn words(spans: Vec<Span<'_>>) -> Vec<Vec<Piece>> {
    let mut out: Vec<Vec<Piece>> = Vec::new();
    let mut current: Vec<Piece> = Vec::new();
    for span in spans {
        let mut piece = String::new();
        for c in span.content.chars() {
            if c.is_whitespace() {
                if !piece.is_empty() {
                    current.push((std::mem::take(&mut piece), span.style));
                }
                if !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
            } else {
                piece.push(c);
            }
        }
        if !piece.is_empty() {
            current.push((piece, span.style));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// `body` wrapped to `width` after `prefix`, continuation lines indented by the prefix's
/// width (a hanging indent, so a wrapped bullet or step lines up under its text).
#[must_use]
pub fn item(
    prefix: Vec<Span<'static>>,
    body: Vec<Span<'static>>,
    width: u16,
) -> Vec<Line<'static>> {
    let width = usize::from(width).max(1);
    let prefix_width: usize = prefix.iter().map(Span::width).sum();
    // A prefix wider than half the line gives up its hanging indent.
    let indent = if prefix_width * 2 > width {
        0
    } else {
        prefix_width
    };
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut line = Line::from(prefix);
    let mut used = prefix_width;
    let mut fresh = true;
    let new_line = |lines: &mut Vec<Line<'static>>, line: &mut Line<'static>, used: &mut usize| {
        lines.push(std::mem::take(line));
        if indent > 0 {
            line.push_span(Span::raw(" ".repeat(indent)));
        }
        *used = indent;
    };
    for word in words(body) {
        let w: usize = word.iter().map(|(t, _)| width_of(t)).sum();
        let gap = usize::from(!fresh);
        if used + gap + w <= width {
            if gap == 1 {
                // The space between two words has what their styles share, so a selected
                // (reversed) step reads as one bar, not a row of separate words.
                let before = line.spans.last().map_or(Style::new(), |s| s.style);
                let after = word.first().map_or(Style::new(), |p| p.1);
                line.push_span(Span::styled(" ", shared(before, after)));
            }
            push_pieces(&mut line, word);
            used += gap + w;
            fresh = false;
            continue;
        }
        if !fresh || used > indent {
            new_line(&mut lines, &mut line, &mut used);
        }
        let text: String = word.iter().map(|(t, _)| t.as_str()).collect();
        if used + w <= width {
            push_pieces(&mut line, word);
            used += w;
        } else if is_url(&text) {
            // A URL is cut, never split: after a first line's marker it takes the rest of
            // the line; on a continuation line it starts at the left edge.
            if !lines.is_empty() {
                line = Line::default();
                used = 0;
            }
            let style = word.first().map_or(Style::new(), |p| p.1);
            let cut = truncate(&text, width.saturating_sub(used));
            used += width_of(&cut);
            line.push_span(Span::styled(cut, style));
        } else {
            // Any other over-long word is broken where the line ends.
            for (piece, style) in word {
                let mut run = String::new();
                for c in piece.chars() {
                    let cw = c.width().unwrap_or(0);
                    if used + cw > width && used > indent {
                        line.push_span(Span::styled(std::mem::take(&mut run), style));
                        new_line(&mut lines, &mut line, &mut used);
                    }
                    run.push(c);
                    used += cw;
                }
                line.push_span(Span::styled(run, style));
            }
        }
        fresh = false;
    }
    lines.push(line);
    lines
}

fn width_of(s: &str) -> usize {
    width(s)
}

/// The style two neighbouring styles share: equal colours and common modifiers.
fn shared(a: Style, b: Style) -> Style {
    let mut style = Style::new().add_modifier(a.add_modifier & b.add_modifier);
    if a.fg == b.fg {
        style.fg = a.fg;
    }
    if a.bg == b.bg {
        style.bg = a.bg;
    }
    style
}

fn push_pieces(line: &mut Line<'static>, word: Vec<Piece>) {
    for (text, style) in word {
        line.push_span(Span::styled(text, style));
    }
}
