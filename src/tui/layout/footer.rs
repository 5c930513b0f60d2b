//! The footer: the keys of the screen, fitted by priority and never cut in half. Help and
//! quit always fit (help alone below 60 columns); the others are dropped lowest priority
//! first when room is short.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::text::{truncate, width};
use crate::lang::Lang;
use crate::tui::keys::{self, Binding, HELP_ONLY, Scope};
use crate::tui::msg::Msg;
use crate::tui::theme::Theme;

/// Below this width the footer keeps only help among the keys that always show.
pub const NARROW: u16 = 60;

/// Whether a message does anything on the screen now (a key that would do nothing, like
/// `p` with no load problems, is not offered).
pub type Offered<'a> = &'a dyn Fn(&Msg) -> bool;

/// The bindings the footer shows in `width` columns, in table order.
#[must_use]
pub fn fit(scope: Scope, lang: Lang, width: u16, offered: Offered) -> Vec<&'static Binding> {
    let all: Vec<&Binding> = keys::applying(scope)
        .filter(|b| b.priority != HELP_ONLY && b.keys.iter().any(|(_, m)| offered(m)))
        .collect();
    let cost = |b: &Binding| width_of(b.short()) + 1 + width_of(b.label(lang)) + 2;
    let quits = |b: &Binding| b.keys.iter().any(|(_, m)| *m == Msg::Quit);
    let mut keep = vec![false; all.len()];
    let mut used = 0;
    let room = usize::from(width);
    // A key whose messages an earlier hint already offers (Ctrl-C beside q) is not shown.
    let covered = |keep: &[bool], i: usize| {
        all[i]
            .keys
            .iter()
            .all(|(_, m)| (0..i).any(|j| keep[j] && all[j].keys.iter().any(|(_, n)| n == m)))
    };
    for (i, b) in all.iter().enumerate() {
        if b.priority == 0 && !(width < NARROW && quits(b)) && !covered(&keep, i) {
            keep[i] = true;
            used += cost(b);
        }
    }
    let mut order: Vec<usize> = (0..all.len()).filter(|&i| !keep[i]).collect();
    order.sort_by_key(|&i| all[i].priority);
    for i in order {
        if all[i].priority != 0 && used + cost(all[i]) <= room + 2 && !covered(&keep, i) {
            keep[i] = true;
            used += cost(all[i]);
        }
    }
    all.into_iter()
        .zip(keep)
        .filter_map(|(b, k)| k.then_some(b))
        .collect()
}

fn width_of(s: &str) -> usize {
    width(s)
}

/// Draws the footer: the status message if there is one, else the fitted keys.
#[allow(clippy::too_many_arguments)] // One call site; the pieces of one line.
pub fn render(
    scope: Scope,
    lang: Lang,
    offered: Offered,
    status: Option<&str>,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    if let Some(status) = status {
        Line::styled(truncate(status, area.width.into()), theme.strong).render(area, buf);
        return;
    }
    let mut spans = Vec::new();
    for (i, b) in fit(scope, lang, area.width, offered)
        .into_iter()
        .enumerate()
    {
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(b.short(), theme.key));
        spans.push(Span::raw(format!(" {}", b.label(lang))));
    }
    Line::from(spans).render(area, buf);
}
