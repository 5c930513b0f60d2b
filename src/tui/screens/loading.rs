//! The progress of the load at start, as the home screen shows it above the guides while
//! the library loads behind the built-in guides (which can be read and searched
//! meanwhile): the guide files done of those found so far, then that search is being
//! prepared (the index read from the cache or built). The load itself is
//! [`crate::tui::reload`]'s; when it ends the list fills in.

use std::fmt::Write as _;
use std::sync::atomic::Ordering;

use ratatui::text::{Line, Span};

use crate::cache::Progress;
use crate::labels::Label;
use crate::lang::Lang;
use crate::tui::layout::text::item;
use crate::tui::theme::Theme;

/// "Loading guides… 120 / 2000 guide files", wrapped to `width`.
#[must_use]
pub fn lines(progress: &Progress, lang: Lang, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let found = progress.found.load(Ordering::Relaxed);
    let done = progress.done.load(Ordering::Relaxed).min(found);
    // Until the first folder is walked, there is nothing to count yet.
    let mut text = format!("{}…", Label::LoadingGuides.text(lang));
    if found > 0 {
        let _ = write!(text, " {done} / {found} {}", Label::GuideFiles.text(lang));
    }
    if progress.indexing.load(Ordering::Relaxed) {
        text.push_str(" · ");
        text.push_str(Label::PreparingSearch.text(lang));
    }
    item(vec![], vec![Span::styled(text, theme.dim)], width)
}
