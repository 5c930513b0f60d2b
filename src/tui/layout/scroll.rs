//! A document taller than its view: laid-out lines scrolled by a clamped offset, which
//! follows a selected range of lines when the selection moves (or holds it on the row it
//! was on when a scroll moved the selection and the layout changes under it), and maps a
//! clicked row back to its line.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{
    Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

use crate::tui::msg::Msg;

/// The scroll offset, and what the last draw showed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScrollView {
    offset: usize,
    follow: Follow,
    area: Rect,
    len: usize,
}

/// What the next placement does with the kept range (the selection).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Follow {
    /// The offset stays where it is (clamped): the user scrolled, or the view opened at the
    /// top.
    Off,
    /// Keep the range in view, moving as little as possible.
    Keep,
    /// Put the range's first line on this row of the screen, at the next draw (a scroll
    /// picked a new selection whose details then open: its row stays still).
    Row(u16),
}

impl Default for ScrollView {
    fn default() -> ScrollView {
        ScrollView {
            offset: 0,
            follow: Follow::Keep,
            area: Rect::default(),
            len: 0,
        }
    }
}

/// The width to lay text out to in `area`: one column stays for the scrollbar.
#[must_use]
pub fn text_width(area: Rect) -> u16 {
    area.width.saturating_sub(1).max(1)
}

impl ScrollView {
    /// Scrolls (`Up`, `Down`, pages, ends, wheel); returns whether the message was one.
    pub fn step(&mut self, msg: &Msg) -> bool {
        let page = usize::from(self.area.height.saturating_sub(1)).max(1);
        self.offset = match msg {
            Msg::Up => self.offset.saturating_sub(1),
            Msg::Down => self.offset.saturating_add(1),
            Msg::PageUp => self.offset.saturating_sub(page),
            Msg::PageDown => self.offset.saturating_add(page),
            Msg::First => 0,
            Msg::Last => usize::MAX,
            Msg::Scroll(d) if *d < 0 => self.offset.saturating_sub(d.unsigned_abs().into()),
            Msg::Scroll(d) => self.offset.saturating_add(d.unsigned_abs().into()),
            _ => return false,
        };
        self.follow = Follow::Off;
        self.clamp();
        true
    }

    /// Back to the top (a new document), following the selection.
    pub fn reset(&mut self) {
        *self = ScrollView::default();
    }

    /// Back to the top (a new document), which shows from its first line whether the
    /// selection is in view there or not.
    pub fn top(&mut self) {
        *self = ScrollView::at_top();
    }

    /// A view of a new document at its top (see [`ScrollView::top`]).
    #[must_use]
    pub fn at_top() -> ScrollView {
        ScrollView {
            follow: Follow::Off,
            ..ScrollView::default()
        }
    }

    /// Keep the kept range in view again (the selection moved).
    pub fn follow(&mut self) {
        self.follow = Follow::Keep;
    }

    /// Show the kept range's first line on screen row `y` at the next draw, then stay
    /// there: a scroll selected it, and the layout may change around it.
    pub fn hold(&mut self, y: u16) {
        self.follow = Follow::Row(y);
    }

    /// The lines the last draw showed (after a scroll, the ones the next draw shows).
    #[must_use]
    pub fn visible(&self) -> Range<usize> {
        self.offset..self.offset + usize::from(self.area.height)
    }

    /// The length of the document last placed, in lines.
    #[must_use]
    pub fn lines(&self) -> usize {
        self.len
    }

    /// The first line shown.
    #[must_use]
    pub fn offset(&self) -> usize {
        self.offset
    }

    fn clamp(&mut self) {
        if self.area.height > 0 {
            let max = self.len.saturating_sub(usize::from(self.area.height));
            self.offset = self.offset.min(max);
        }
    }

    /// The line drawn at this cell, if any.
    #[must_use]
    pub fn line_at(&self, x: u16, y: u16) -> Option<usize> {
        self.area
            .contains(Position { x, y })
            .then(|| self.offset + usize::from(y - self.area.y))
            .filter(|&l| l < self.len)
    }

    /// Places a document of `len` lines in `area` without drawing it: the offset clamped,
    /// `keep` in view when following. Returns the first line to show.
    pub fn settle(&mut self, len: usize, area: Rect, keep: Option<Range<usize>>) -> usize {
        self.area = area;
        self.len = len;
        let height = usize::from(area.height);
        match (self.follow, keep) {
            (Follow::Keep, Some(keep)) => {
                if keep.start < self.offset {
                    self.offset = keep.start;
                } else if keep.end > self.offset + height {
                    self.offset = keep.end.saturating_sub(height).min(keep.start);
                }
            }
            (Follow::Row(y), Some(keep)) => {
                // The screen row, inside the area (a line on top may have taken a row).
                let row = usize::from(y.saturating_sub(area.y)).min(height.saturating_sub(1));
                self.offset = keep.start.saturating_sub(row);
            }
            _ => {}
        }
        self.clamp();
        self.offset
    }

    /// Draws `lines` (already laid out to the width) in `area`, keeping `keep` in view when
    /// asked to follow; a scrollbar shows when they do not all fit.
    pub fn render(
        &mut self,
        lines: Vec<Line<'_>>,
        area: Rect,
        buf: &mut Buffer,
        keep: Option<Range<usize>>,
    ) {
        let height = usize::from(area.height);
        self.settle(lines.len(), area, keep);
        if matches!(self.follow, Follow::Row(_)) {
            self.follow = Follow::Off;
        }
        let shown: Vec<Line> = lines.into_iter().skip(self.offset).take(height).collect();
        Paragraph::new(shown).render(area, buf);
        if self.len > height {
            let mut state =
                ScrollbarState::new(self.len.saturating_sub(height) + 1).position(self.offset);
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .render(area, buf, &mut state);
        }
    }
}
