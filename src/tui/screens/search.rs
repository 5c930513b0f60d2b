//! Live search: the query field (edited like a shell line), a note when a huge paste was
//! cut to its most informative part, the hits with their matched words highlighted, and
//! the values captured from a pasted message.
//!
//! A hit carries the terms it matched, so highlighting one is a scan of the one text shown
//! for it ([`highlight::marks`]), done only for the rows drawn: a redraw never matches the
//! query against the vocabulary again.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Widget};

use super::{Ctx, Nav, View, session::Session};
use crate::labels::Label;
use crate::search::Hit;
use crate::search::highlight;
use crate::tui::keys::Scope;
use crate::tui::layout::field::Field;
use crate::tui::layout::list::ListView;
use crate::tui::layout::text::{item, plain, truncate, width};
use crate::tui::msg::Msg;

/// Rows of a hit's matched text at most.
const SNIPPET_ROWS: usize = 2;

/// The search screen.
#[derive(Debug, Default)]
pub struct Search {
    pub field: Field,
    pub hits: Vec<Hit>,
    pub list: ListView,
    /// When the text was longer than search reads: its size and the size of the part
    /// searched, in bytes.
    pub clipped: Option<(usize, usize)>,
    /// A paste filled the field, so its end may be missing.
    pub full: bool,
}

impl Search {
    /// The search screen with `query` typed in.
    #[must_use]
    pub fn new(query: &str, cx: &mut Ctx) -> Search {
        let mut search = Search {
            field: Field::new(query),
            ..Search::default()
        };
        search.refresh(cx);
        search
    }

    /// The text typed.
    #[must_use]
    pub fn query(&self) -> &str {
        self.field.text()
    }

    /// Ctrl-Y: the selected hit's message literals, as `c` copies them on the reference.
    fn copy(&self, cx: &Ctx) -> Option<crate::tui::msg::Effect> {
        let entry = self.hits.get(self.list.selected())?.entry;
        let error = cx.catalog.guides.get(entry.guide)?.errors.get(entry.error)?;
        crate::tui::clipboard::messages(error, cx.lang)
    }

    fn refresh(&mut self, cx: &mut Ctx) {
        let results = cx.searcher.search_all(&cx.index, self.field.text());
        self.hits = results.hits;
        self.clipped = results
            .clipped
            .map(|part| (self.field.text().len(), part.len()));
        self.full = self.field.full();
        self.list = ListView::default();
    }
}

impl View for Search {
    fn offers(&self, cx: &Ctx, msg: &Msg) -> bool {
        match msg {
            Msg::Copy => self.copy(cx).is_some(),
            _ => true,
        }
    }

    fn scope(&self, _: &Ctx) -> Scope {
        Scope::Search
    }

    fn place(&self, cx: &Ctx) -> String {
        Label::Search.text(cx.lang).to_owned()
    }

    fn update(&mut self, msg: Msg, cx: &mut Ctx) -> Nav {
        match msg {
            Msg::Type(c) => {
                self.field.insert(c.encode_utf8(&mut [0; 4]));
                self.refresh(cx);
            }
            // A multi-line paste is one query: its lines joined by spaces.
            Msg::Paste(text) => {
                self.field.insert(&text);
                self.refresh(cx);
            }
            Msg::Edit(edit) => {
                if self.field.edit(edit) {
                    self.refresh(cx);
                }
            }
            Msg::Back if !self.field.text().is_empty() => {
                self.field.clear();
                self.refresh(cx);
            }
            Msg::Enter => {
                // A hit opens a session at its outcome: its checklist to tick, "not fixed"
                // to go on, the query and its captured values carried along.
                if let Some(hit) = self.hits.get(self.list.selected()) {
                    return Session::from_search(hit, self.field.text(), cx)
                        .map_or(Nav::Stay, Nav::push);
                }
            }
            Msg::Click { x, y } => {
                if let Some(i) = self.list.hit(x, y) {
                    self.list.select(i, self.hits.len());
                }
            }
            Msg::Copy => {
                if let Some(copy) = self.copy(cx) {
                    return Nav::Effect(copy);
                }
            }
            m => {
                if !self.list.step(&m, self.hits.len()) {
                    return Nav::Pass;
                }
            }
        }
        Nav::Stay
    }

    fn render(&mut self, cx: &Ctx, area: Rect, buf: &mut Buffer) {
        let (lang, theme) = (cx.lang, &cx.theme);
        let area = area.inner(Margin::new(1, 0));
        let captures = self
            .hits
            .get(self.list.selected())
            .map_or(&[][..], |h| h.captures.as_slice());
        let capture_rows = if captures.is_empty() {
            0
        } else {
            u16::try_from(captures.len() + 1)
                .unwrap_or(u16::MAX)
                .min(area.height / 3)
        };
        let [input, note, results, capture_area] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(capture_rows),
        ])
        .areas(area);
        render_field(&self.field, cx, input, buf);
        if let Some((total, searched)) = self.clipped {
            let text = format!(
                "{} ({}/{}{} KB)",
                Label::SearchClipped.text(lang),
                searched.div_ceil(1024),
                total.div_ceil(1024),
                if self.full { "+" } else { "" }
            );
            Line::styled(truncate(&text, usize::from(note.width)), theme.dim).render(note, buf);
        }
        if self.hits.is_empty() {
            if !self.field.text().trim().is_empty() {
                Paragraph::new(Label::NoMatch.text(lang)).render(results, buf);
            }
            return;
        }
        let hits = &self.hits;
        self.list
            .render(hits.len(), results, buf, theme.selected, |i, w| {
                hit_text(cx, &hits[i], w)
            });
        if capture_rows > 0 {
            let mut lines = vec![Line::styled(Label::Captured.text(lang), theme.heading)];
            for (name, value) in captures {
                lines.push(Line::from(vec![
                    Span::styled(format!("  {name} = "), theme.dim),
                    Span::raw(value.clone()),
                ]));
            }
            Paragraph::new(lines).render(capture_area, buf);
        }
    }
}

/// The query line: `/ `, the text around the cursor, the cursor as a reversed cell. Only
/// the characters that fit are looked at, so a pasted log costs no more than a word.
fn render_field(field: &Field, cx: &Ctx, area: Rect, buf: &mut Buffer) {
    let (lang, theme) = (cx.lang, &cx.theme);
    let prompt = Span::styled("/ ", theme.key);
    if field.text().is_empty() {
        Line::from(vec![
            prompt,
            Span::styled(" ", theme.selected),
            Span::styled(
                truncate(Label::SearchPrompt.text(lang), usize::from(area.width).saturating_sub(3)),
                theme.dim,
            ),
        ])
        .render(area, buf);
        return;
    }
    let (text, cursor) = (field.text(), field.cursor());
    let room = usize::from(area.width).saturating_sub(3).max(1);
    let cell = |c: char| width(c.encode_utf8(&mut [0; 4]));
    // The text before the cursor, as much as fits with the cursor cell after it.
    let (mut start, mut used) = (cursor, 0);
    for (i, c) in text[..cursor].char_indices().rev() {
        if used + cell(c) >= room {
            break;
        }
        used += cell(c);
        start = i;
    }
    let at = text[cursor..].chars().next();
    let after_start = cursor + at.map_or(0, char::len_utf8);
    let at = at.map_or(" ".to_owned(), String::from);
    let left = room.saturating_sub(used + width(&at));
    // Enough of the rest to fill the row and to know whether to end it with "…".
    let mut end = after_start;
    let mut shown = 0;
    for (i, c) in text[after_start..].char_indices() {
        shown += cell(c);
        end = after_start + i + c.len_utf8();
        if shown > left {
            break;
        }
    }
    Line::from(vec![
        prompt,
        Span::raw(text[start..cursor].to_owned()),
        Span::styled(at, theme.selected),
        Span::raw(truncate(&text[after_start..end], left)),
    ])
    .render(area, buf);
}

/// A hit laid out to `w`: its title and id, then its best matching text with the terms
/// the hit matched marked.
fn hit_text(cx: &Ctx, hit: &Hit, w: u16) -> Text<'static> {
    let (lang, theme) = (cx.lang, &cx.theme);
    let guide = &cx.catalog.guides[hit.entry.guide];
    let error = &guide.errors[hit.entry.error];
    let info = format!("  {}/{}  {}", guide.id, error.id, hit.score);
    let title = plain(&error.title, lang);
    // The title first: the id and score give way to it, down to a third of the row.
    let room = usize::from(w).saturating_sub(width(&info).min(usize::from(w) / 3));
    let title = truncate(&title, room);
    let info = truncate(&info, usize::from(w).saturating_sub(width(&title)));
    let mut lines = vec![Line::from(vec![
        Span::styled(title, theme.strong),
        Span::styled(info, theme.dim),
    ])];
    let field = highlight::show_field(&cx.index, hit);
    let text = cx.index.fields[field as usize].text.replace('\n', " ");
    let mut spans = Vec::new();
    let mut at = 0;
    for r in highlight::marks(&cx.index, hit, field) {
        if r.start < at || r.end > text.len() || !text.is_char_boundary(r.start) || !text.is_char_boundary(r.end) {
            continue;
        }
        spans.push(Span::raw(text[at..r.start].to_owned()));
        spans.push(Span::styled(text[r.clone()].to_owned(), theme.mark));
        at = r.end;
    }
    spans.push(Span::raw(text[at..].to_owned()));
    let mut snippet = item(vec![Span::raw("  ")], spans, w);
    if snippet.len() > SNIPPET_ROWS {
        snippet.truncate(SNIPPET_ROWS);
        if let Some(last) = snippet.last_mut() {
            last.push_span(Span::raw("…"));
        }
    }
    lines.extend(snippet);
    Text::from(lines)
}
