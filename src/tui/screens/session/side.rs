//! The session's side panel: where the session came from (a search query, shortened, or
//! the reference), the answers given (a breadcrumb to jump back through, with a line where
//! the walk crossed into another guide), and what is still possible on a question or comes
//! next if the fix does not help.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::ending::title;
use crate::labels::Label;
use crate::session::{ErrorRef, Place, Session, Start};
use crate::tui::layout::text::{item, plain, truncate};
use crate::tui::screens::Ctx;

/// Characters of the search query the panel shows.
const QUERY_SHOWN: usize = 40;

/// What the panel drew last: its inner area and each crumb's lines.
#[derive(Debug, Default)]
pub(super) struct SidePanel {
    inner: Rect,
    crumbs: Vec<Range<usize>>,
    possible: Possible,
}

/// The errors still possible at a question, kept while the question and the catalog stay
/// the same: finding them walks every error of the catalog (about 15 ms at 50,000), too
/// slow to do on every frame.
#[derive(Debug, Default)]
struct Possible {
    /// The question, and the catalog's guide list by address and length (a reloaded
    /// catalog is a new list).
    key: Option<(Place, usize, usize)>,
    errors: Vec<ErrorRef>,
}

impl Possible {
    fn get(&mut self, cx: &Ctx, session: &Session) -> &[ErrorRef] {
        let guides = &cx.catalog.guides;
        let key = (session.at().clone(), guides.as_ptr().addr(), guides.len());
        if self.key.as_ref() != Some(&key) {
            self.errors = session.still_possible(&cx.catalog);
            self.key = Some(key);
        }
        &self.errors
    }
}

impl SidePanel {
    /// The crumb drawn at this cell.
    pub(super) fn hit(&self, x: u16, y: u16) -> Option<usize> {
        if !self.inner.contains(Position { x, y }) {
            return None;
        }
        let line = usize::from(y - self.inner.y);
        self.crumbs.iter().position(|r| r.contains(&line))
    }

    pub(super) fn render(
        &mut self,
        cx: &Ctx,
        session: &Session,
        focused: bool,
        crumb: usize,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let (lang, theme) = (cx.lang, &cx.theme);
        let block = Block::default()
            .borders(Borders::LEFT | Borders::TOP)
            .border_style(theme.dim);
        self.inner = block.inner(area);
        block.render(area, buf);
        let width = self.inner.width;
        let mut lines = Vec::new();
        match session.start() {
            Start::Search { query, .. } => {
                lines.push(Line::styled(Label::FromSearch.text(lang), theme.dim));
                lines.extend(item(
                    Vec::new(),
                    vec![Span::raw(format!("“{}”", truncate(query, QUERY_SHOWN)))],
                    width,
                ));
            }
            Start::Reference { .. } => {
                lines.push(Line::styled(Label::FromReference.text(lang), theme.dim));
            }
            Start::Triage { log, .. } => {
                lines.push(Line::styled(Label::FromTriage.text(lang), theme.dim));
                // The file's name only: the panel is narrow, the export has the path.
                let file = std::path::Path::new(&log.first.file)
                    .file_name()
                    .map_or_else(|| log.first.file.clone(), |n| n.to_string_lossy().into_owned());
                let place = format!("{}× · {file}:{}", log.count, log.first.line);
                lines.extend(item(
                    Vec::new(),
                    vec![Span::raw(truncate(&place, QUERY_SHOWN))],
                    width,
                ));
            }
            Start::Guide { .. } => {}
        }
        // A session from search or the reference has answers only once it went on to a
        // question.
        if matches!(session.start(), Start::Guide { .. }) || !session.path().is_empty() {
            lines.push(Line::styled(Label::YourAnswers.text(lang), theme.heading));
        }
        self.crumbs.clear();
        // A line naming the guide wherever the walk entered another one.
        let crossing = |lines: &mut Vec<Line<'static>>, id: &str| {
            let guide = cx
                .catalog
                .guide(id)
                .map_or_else(|| id.to_owned(), |g| plain(&g.title, lang));
            lines.extend(item(
                vec![Span::styled("→ ", theme.dim)],
                vec![Span::styled(guide, theme.dim)],
                width,
            ));
        };
        let crossings = session.crossings();
        for (i, c) in session.path().iter().enumerate() {
            if crossings.contains(&i) {
                crossing(&mut lines, &c.node.guide);
            }
            let label = c
                .node
                .find(&cx.catalog)
                .and_then(|(_, n)| n.answers.get(c.answer))
                .map_or_else(String::new, |a| plain(&a.label, lang));
            let style = if focused && i == crumb {
                theme.selected
            } else {
                Style::new()
            };
            let start = lines.len();
            lines.extend(item(
                vec![Span::raw(format!("{}. ", i + 1))],
                vec![Span::styled(label, style)],
                width,
            ));
            self.crumbs.push(start..lines.len());
        }
        // The last answer, or before any answer a `related` error tried after "not fixed",
        // led into another guide: the place on screen is there.
        let last_guide = session
            .path()
            .last()
            .map_or(session.first_guide(), |c| c.node.guide.as_str());
        if !matches!(session.at(), Place::Escalation) && session.current_guide() != last_guide {
            crossing(&mut lines, session.current_guide());
        }
        match session.at() {
            Place::Question(_) => {
                let possible = self.possible.get(cx, session);
                lines.push(Line::styled(
                    format!("{} ({})", Label::StillPossible.text(lang), possible.len()),
                    theme.heading,
                ));
                for e in possible {
                    lines.extend(item(
                        vec![Span::styled("• ", theme.dim)],
                        vec![Span::styled(title(cx, e), theme.dim)],
                        width,
                    ));
                }
            }
            Place::Outcome(_) => {
                lines.push(Line::styled(
                    Label::NextIfNotFixed.text(lang),
                    theme.heading,
                ));
                for e in session.offers(&cx.catalog) {
                    lines.extend(item(
                        vec![Span::styled("• ", theme.dim)],
                        vec![Span::styled(title(cx, &e), theme.dim)],
                        width,
                    ));
                }
                lines.extend(item(
                    vec![Span::styled("• ", theme.dim)],
                    vec![Span::styled(Label::ThenEscalation.text(lang), theme.dim)],
                    width,
                ));
            }
            Place::Solved(_) | Place::Escalation => {}
        }
        Paragraph::new(lines).render(self.inner, buf);
    }
}
