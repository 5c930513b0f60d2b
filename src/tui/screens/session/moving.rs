//! Moving about a session's step: which lines are in view, `↑`/`↓` that move the
//! selection or, above the first item and below the last, scroll a line as a pager does,
//! `Home`/`End` that reach the page's top and bottom, and the selection that follows a
//! page or the wheel without pulling the view back.

use std::ops::Range;

use super::Session;
use crate::tui::msg::Msg;

impl Session {
    /// Scrolls the view (lines, pages, ends, wheel); returns whether `msg` was a scroll.
    /// Upwards, the line under the title kept on top is the last stop before the top: there
    /// the title row hides only the title's own first line, so the top shows instead.
    pub(super) fn scroll(&mut self, msg: &Msg) -> bool {
        let before = self.view.offset();
        if !self.view.step(msg) {
            return false;
        }
        if self.headed && self.view.offset() == 1 && before > 1 {
            self.view.step(&Msg::First);
        }
        true
    }

    /// The first screen row of lines, and the lines in view, at the view's offset (which a
    /// scroll may just have changed): the title on top takes a row once scrolled.
    pub(super) fn shown(&self) -> (u16, Range<usize>) {
        let offset = self.view.offset();
        let top = u16::from(self.headed && offset > 0);
        let rows = usize::from(self.body.height.saturating_sub(top));
        (self.body.y + top, offset..offset + rows)
    }

    /// Whether the selected item's first line, the one drawn selected, is in view (true
    /// when there is nothing to select).
    pub(super) fn selection_shown(&self) -> bool {
        let (_, visible) = self.shown();
        self.items
            .get(self.selected)
            .is_none_or(|r| visible.contains(&r.start))
    }

    /// After the view scrolled (a page, the wheel): while the selected item's first line
    /// (the one drawn selected) is in view it stays selected; when it left, the item in
    /// view nearest to it is selected — the first shown when the selection is above, the
    /// last when below: one shown whole, else one whose first line shows. With
    /// no such item in view (scrolled up into the causes) the selection stays, unseen, and
    /// a key that would act on it brings it back into view first.
    pub(super) fn follow_page(&mut self) {
        let Some(old) = self.items.get(self.selected).cloned() else {
            return;
        };
        let (y, visible) = self.shown();
        let whole = |r: &Range<usize>| r.start >= visible.start && r.end <= visible.end;
        let head = |r: &Range<usize>| visible.contains(&r.start);
        if head(&old) {
            return;
        }
        let pick = |fits: &dyn Fn(&Range<usize>) -> bool| {
            if old.start < visible.start {
                self.items.iter().position(fits)
            } else {
                self.items.iter().rposition(fits)
            }
        };
        if let Some(i) = pick(&whole).or_else(|| pick(&head)) {
            let row = u16::try_from(self.items[i].start - visible.start).unwrap_or(u16::MAX);
            self.selected = i;
            // Only the selected step shows its details, so the lines move under the new
            // selection. Going down, the view follows it (shown whole when it fits); going
            // up, its row stays still, so what was scrolled up to stays in view.
            if old.start < visible.start {
                self.view.follow();
            } else {
                self.view.hold(y.saturating_add(row));
            }
        }
    }

    /// `↑`/`↓` on the main panel, as a pager with a selection: while the selected item
    /// is not shown to its end (or, going up, from its first line), and above the first
    /// item (the question, or what the error is and why), they scroll a line; otherwise
    /// they move the selection, which the view then follows.
    pub(super) fn step(&mut self, up: bool, items: usize) {
        let (_, visible) = self.shown();
        // Not drawn yet: nothing is known to be out of view.
        let scroll = self.items.get(self.selected).is_some_and(|at| {
            if up {
                at.start < visible.start || at.start >= visible.end || self.selected == 0
            } else {
                at.end > visible.end || self.selected + 1 >= items
            }
        });
        if scroll {
            self.scroll(if up { &Msg::Up } else { &Msg::Down });
            self.follow_page();
        } else {
            // Nothing drawn yet (a one-cell terminal draws no step): the selection may be
            // 0 with no item known, so stay within 0..items without overflowing.
            self.selected = if up {
                self.selected.saturating_sub(1)
            } else {
                (self.selected + 1).min(items.saturating_sub(1))
            };
            self.view.follow();
        }
    }

    /// `Home`/`End` on the main panel: the first (last) item, shown from the top (to the
    /// bottom) of the page when it is in view there; on the first (last) item already, the
    /// top (bottom) of the page, whether it shows the item or not.
    pub(super) fn ends(&mut self, first: bool, items: usize) {
        let target = if first { 0 } else { items.saturating_sub(1) };
        // From the top no title takes a row; at the bottom it does.
        let height = usize::from(self.body.height);
        let from_end = self
            .view
            .lines()
            .saturating_sub(height.saturating_sub(usize::from(self.headed)));
        let fits = self.items.get(target).is_some_and(|r| {
            if first {
                r.end <= height
            } else {
                r.start >= from_end
            }
        });
        if self.selected == target || fits {
            self.view.step(if first { &Msg::First } else { &Msg::Last });
        } else {
            self.view.follow();
        }
        self.selected = target;
    }

    /// `PgUp`/`PgDn` on the main panel: a page; where everything fits (nothing to page),
    /// the first or last item, as htop and fzf do.
    pub(super) fn page(&mut self, down: bool, items: usize) {
        let fits = !self.body.is_empty() && self.view.lines() <= usize::from(self.body.height);
        if fits {
            self.selected = if down { items - 1 } else { 0 };
            self.view.follow();
        } else {
            self.scroll(if down { &Msg::PageDown } else { &Msg::PageUp });
            self.follow_page();
        }
    }
}
