//! The frame around every screen: a header saying where the user is, the body, and the
//! footer; below the minimum size, a note instead of the layout.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::text::{truncate, width};
use crate::labels::Label;
use crate::lang::Lang;
use crate::tui::theme::Theme;

/// Smallest terminal the layout is drawn in.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

/// Splits the screen into header, body and footer; `None` (after drawing a note) when the
/// screen is too small for any layout.
pub fn split(area: Rect, buf: &mut Buffer, lang: Lang) -> Option<[Rect; 3]> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let note = format!(
            "{} ({}×{} < {MIN_WIDTH}×{MIN_HEIGHT})",
            Label::TooSmall.text(lang),
            area.width,
            area.height
        );
        Paragraph::new(note)
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return None;
    }
    Some(
        Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(area),
    )
}

/// The header: `tshoot › place`, cut with `…` to the width, and the language.
pub fn header(place: &str, lang: Lang, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let right = format!(" {} ", lang.code());
    let room = usize::from(area.width).saturating_sub(width(&right));
    let left = truncate(&format!(" tshoot › {place}"), room);
    let pad = room.saturating_sub(width(&left));
    Line::from(vec![
        Span::raw(left),
        Span::raw(" ".repeat(pad)),
        Span::raw(right),
    ])
    .style(theme.bar)
    .render(area, buf);
}
