//! A selectable list that scrolls by what it drew: items may take several rows, the
//! selection is always on screen, paging moves by the rows the view shows, the offset is
//! clamped, and a click is answered from the `Rect` each item was drawn in.
//!
//! It builds only the items it draws (an item is asked for by index), so a list of 50,000
//! costs what one screen of it costs.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::Text;
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget};

use crate::tui::msg::Msg;

/// The selection, the scroll offset and what was drawn last.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListView {
    selected: usize,
    offset: usize,
    /// Each drawn item and its area, top to bottom.
    drawn: Vec<(usize, Rect)>,
    /// Rows of the last drawn view (0 before the first draw).
    rows: u16,
}

impl ListView {
    /// A list with item `selected` selected.
    #[must_use]
    pub fn at(selected: usize) -> ListView {
        ListView {
            selected,
            ..ListView::default()
        }
    }

    #[must_use]
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// Selects item `i` of `len` (clamped).
    pub fn select(&mut self, i: usize, len: usize) {
        self.selected = i.min(len.saturating_sub(1));
    }

    /// The first item drawn.
    #[must_use]
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// How many items the last draw showed whole (at least 1).
    #[must_use]
    pub fn page(&self) -> usize {
        self.drawn.len().max(1)
    }

    /// Applies a move (`Up`, `Down`, pages, ends, wheel) among `len` items; returns whether
    /// the message was a move.
    pub fn step(&mut self, msg: &Msg, len: usize) -> bool {
        let last = len.saturating_sub(1);
        let page = self.page();
        self.selected = match msg {
            Msg::Up => self.selected.saturating_sub(1),
            Msg::Down => self.selected.saturating_add(1),
            Msg::PageUp => self.selected.saturating_sub(page),
            Msg::PageDown => self.selected.saturating_add(page),
            Msg::First => 0,
            Msg::Last => last,
            Msg::Scroll(d) if *d < 0 => self.selected.saturating_sub(d.unsigned_abs().into()),
            Msg::Scroll(d) => self.selected.saturating_add(d.unsigned_abs().into()),
            _ => return false,
        }
        .min(last);
        true
    }

    /// The item drawn at this cell, if any.
    #[must_use]
    pub fn hit(&self, x: u16, y: u16) -> Option<usize> {
        self.drawn
            .iter()
            .find(|(_, r)| r.contains(Position { x, y }))
            .map(|(i, _)| *i)
    }

    /// Draws items `0..len` in `area`: `item(i, width)` gives item `i` laid out to `width`
    /// columns (its rows are its lines). The selected item is drawn in `selected` style,
    /// and a scrollbar shows when not everything fits.
    pub fn render<'a>(
        &mut self,
        len: usize,
        area: Rect,
        buf: &mut Buffer,
        selected: Style,
        mut item: impl FnMut(usize, u16) -> Text<'a>,
    ) {
        self.drawn.clear();
        self.rows = area.height;
        self.selected = self.selected.min(len.saturating_sub(1));
        if len == 0 || area.is_empty() {
            self.offset = 0;
            return;
        }
        // Leave a column for the scrollbar unless every item fits without one.
        let full = area.width;
        let narrow = full.saturating_sub(1).max(1);
        let fits_all = {
            let mut rows = 0usize;
            let mut all = true;
            for i in 0..len {
                rows += item(i, full).height().max(1);
                if rows > usize::from(area.height) {
                    all = false;
                    break;
                }
            }
            all
        };
        let width = if fits_all { full } else { narrow };
        let height = |item: &mut dyn FnMut(usize, u16) -> Text<'a>, i: usize| {
            u16::try_from(item(i, width).height().max(1)).unwrap_or(u16::MAX)
        };
        // Clamp the offset: the selection is on screen, and no room is left empty at the
        // bottom while items above are hidden.
        if fits_all {
            self.offset = 0;
        }
        self.offset = self
            .offset
            .min(self.selected)
            .max(self.selected.saturating_sub(usize::from(area.height)));
        let mut used: u32 = (self.offset..=self.selected)
            .map(|i| u32::from(height(&mut item, i)))
            .sum();
        while used > u32::from(area.height) && self.offset < self.selected {
            used -= u32::from(height(&mut item, self.offset));
            self.offset += 1;
        }
        let mut below: u32 = 0;
        for i in self.selected + 1..len {
            below += u32::from(height(&mut item, i));
            if used + below >= u32::from(area.height) {
                break;
            }
        }
        while self.offset > 0 && used + below < u32::from(area.height) {
            let h = u32::from(height(&mut item, self.offset - 1));
            if used + below + h > u32::from(area.height) {
                break;
            }
            self.offset -= 1;
            used += h;
        }
        let mut y = area.y;
        for i in self.offset..len {
            if y >= area.bottom() {
                break;
            }
            let text = item(i, width);
            let rows = u16::try_from(text.height().max(1)).unwrap_or(u16::MAX);
            let rect = Rect::new(area.x, y, width, rows.min(area.bottom() - y));
            text.render(rect, buf);
            if i == self.selected {
                buf.set_style(rect, selected);
            }
            // Only whole items answer clicks and count for paging.
            if rect.height == rows {
                self.drawn.push((i, rect));
            }
            y = y.saturating_add(rows);
        }
        if !fits_all {
            let mut state = ScrollbarState::new(len).position(self.selected);
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .render(area, buf, &mut state);
        }
    }
}
