//! The error reference: a guide's errors beside the selected one's detail (messages,
//! causes, checklist, links, related errors to follow with Tab and Enter). Enter on an
//! entry starts a session at its outcome, to work through its checklist.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Widget};

use super::{Ctx, Focus, Nav, View, session::Session};
use crate::guide::{ErrorEntry, Related};
use crate::labels::Label;
use crate::tui::keys::Scope;
use crate::tui::layout::list::ListView;
use crate::tui::layout::scroll::ScrollView;
use crate::tui::layout::text::{guide_text, item, plain, truncate};
use crate::tui::msg::{Effect, Msg};

/// The reference of one guide.
#[derive(Debug)]
pub struct Reference {
    pub guide: usize,
    pub list: ListView,
    /// `Side` selects among the related errors of the entry.
    pub focus: Focus,
    pub related: usize,
    detail: ScrollView,
    related_lines: Vec<Range<usize>>,
}

impl Reference {
    /// The reference of guide `guide` with error `selected` shown.
    #[must_use]
    pub fn new(guide: usize, selected: usize) -> Reference {
        Reference {
            guide,
            list: ListView::at(selected),
            focus: Focus::Main,
            related: 0,
            detail: ScrollView::default(),
            related_lines: Vec::new(),
        }
    }

    /// The index of the error shown.
    #[must_use]
    pub fn selected(&self) -> usize {
        self.list.selected()
    }

    fn follow(&self, cx: &Ctx) -> Nav {
        let g = &cx.catalog.guides[self.guide];
        let target = g
            .errors
            .get(self.selected())
            .and_then(|e| e.related.get(self.related));
        let found = match target {
            Some(Related::Local(e)) => Some((self.guide, *e)),
            Some(Related::Other { guide, error, .. }) => {
                cx.catalog.guides.iter().position(|x| &x.id == guide).and_then(|gi| {
                    let ei = cx.catalog.guides[gi]
                        .errors
                        .iter()
                        .position(|x| &x.id == error)?;
                    Some((gi, ei))
                })
            }
            None => None,
        };
        found.map_or(Nav::Stay, |(gi, ei)| Nav::push(Reference::new(gi, ei)))
    }
}

impl View for Reference {
    fn scope(&self, _: &Ctx) -> Scope {
        Scope::Reference
    }

    fn place(&self, cx: &Ctx) -> String {
        format!(
            "{} › {}",
            plain(&cx.catalog.guides[self.guide].title, cx.lang),
            Label::Reference.text(cx.lang)
        )
    }

    fn update(&mut self, msg: Msg, cx: &mut Ctx) -> Nav {
        let g = &cx.catalog.guides[self.guide];
        let relations = g.errors.get(self.selected()).map_or(0, |e| e.related.len());
        let side = self.focus == Focus::Side;
        match msg {
            Msg::NextFocus if relations > 0 => {
                self.focus = if side { Focus::Main } else { Focus::Side };
                self.related = 0;
                self.detail.follow();
            }
            Msg::Enter if side => return self.follow(cx),
            // The entry as a session at its outcome: tick, fixed / not fixed, export.
            Msg::Enter => {
                return Session::from_reference(self.guide, self.selected(), cx)
                    .map_or(Nav::Stay, Nav::push);
            }
            Msg::Up | Msg::Down | Msg::First | Msg::Last if side => {
                let last = relations.saturating_sub(1);
                self.related = match msg {
                    Msg::Up => self.related.saturating_sub(1),
                    Msg::Down => (self.related + 1).min(last),
                    Msg::First => 0,
                    _ => last,
                };
                self.detail.follow();
            }
            Msg::Copy => {
                if let Some(copy) = g
                    .errors
                    .get(self.selected())
                    .and_then(|e| crate::tui::clipboard::messages(e, cx.lang))
                {
                    return Nav::Effect(copy);
                }
            }
            Msg::OpenLink => {
                if let Some(link) = g.errors.get(self.selected()).and_then(|e| e.links.first()) {
                    return Nav::Effect(Effect::Open(link.url.clone()));
                }
            }
            Msg::PageUp | Msg::PageDown | Msg::Scroll(_) => {
                self.detail.step(&msg);
            }
            Msg::Click { x, y } => {
                if let Some(i) = self.list.hit(x, y) {
                    self.list.select(i, g.errors.len());
                    self.focus = Focus::Main;
                    self.detail.reset();
                } else if let Some(line) = self.detail.line_at(x, y)
                    && let Some(i) = self.related_lines.iter().position(|r| r.contains(&line))
                {
                    self.focus = Focus::Side;
                    self.related = i;
                }
            }
            m => {
                let before = self.selected();
                if !self.list.step(&m, g.errors.len()) {
                    return Nav::Pass;
                }
                if self.selected() != before {
                    self.detail.reset();
                    self.focus = Focus::Main;
                }
            }
        }
        Nav::Stay
    }

    fn render(&mut self, cx: &Ctx, area: Rect, buf: &mut Buffer) {
        let (lang, theme) = (cx.lang, &cx.theme);
        let g = &cx.catalog.guides[self.guide];
        let list_width = (area.width / 3).clamp(14, 34);
        let [list, detail] =
            Layout::horizontal([Constraint::Length(list_width), Constraint::Min(10)]).areas(area);
        let block = Block::default()
            .borders(Borders::RIGHT)
            .border_style(theme.dim);
        let inner = block.inner(list);
        block.render(list, buf);
        self.list.render(g.errors.len(), inner, buf, theme.selected, |i, w| {
            Text::from(truncate(&plain(&g.errors[i].title, lang), usize::from(w)))
        });
        let detail = detail.inner(Margin::new(1, 0));
        if let Some(error) = g.errors.get(self.selected()) {
            let side = (self.focus == Focus::Side).then_some(self.related);
            let width = crate::tui::layout::scroll::text_width(detail);
            let (lines, related) = detail_lines(cx, self.guide, error, side, width);
            let keep = side.and_then(|r| related.get(r).cloned());
            self.related_lines = related;
            self.detail.render(lines, detail, buf, keep);
        }
        let _ = theme;
    }

    fn offers(&self, cx: &Ctx, msg: &Msg) -> bool {
        let error = cx.catalog.guides[self.guide].errors.get(self.selected());
        match msg {
            Msg::NextFocus => error.is_some_and(|e| !e.related.is_empty()),
            Msg::OpenLink => error.is_some_and(|e| !e.links.is_empty()),
            Msg::Copy => error.is_some_and(|e| !e.messages.is_empty()),
            _ => true,
        }
    }

    fn links(&self, cx: &Ctx) -> Vec<String> {
        cx.catalog.guides[self.guide]
            .errors
            .get(self.selected())
            .map(|e| {
                e.checklist
                    .iter()
                    .filter_map(|s| s.link.clone())
                    .chain(e.links.iter().map(|l| l.url.clone()))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// The entry's detail laid out to `width`, and where each related error's line is.
fn detail_lines(
    cx: &Ctx,
    guide: usize,
    error: &ErrorEntry,
    related: Option<usize>,
    width: u16,
) -> (Vec<Line<'static>>, Vec<Range<usize>>) {
    let (lang, theme) = (cx.lang, &cx.theme);
    let g = &cx.catalog.guides[guide];
    let mut lines = guide_text(&error.title, lang, theme, theme.title, width);
    lines.extend(item(
        vec![],
        vec![Span::styled(format!("{}/{}", g.id, error.id), theme.dim)],
        width,
    ));
    let heading = |lines: &mut Vec<Line<'static>>, label: Label| {
        lines.push(Line::styled(label.text(lang), theme.heading));
    };
    if !error.messages.is_empty() {
        heading(&mut lines, Label::Messages);
        for m in error.messages.iter().flat_map(crate::guide::Text::all) {
            lines.extend(item(vec![], vec![Span::raw(m.to_owned())], width));
        }
    }
    if !error.causes.is_empty() {
        heading(&mut lines, Label::Causes);
        for cause in &error.causes {
            lines.extend(item(vec![Span::raw("• ")], vec![Span::raw(plain(cause, lang))], width));
        }
    }
    heading(&mut lines, Label::Checklist);
    for (i, step) in error.checklist.iter().enumerate() {
        let number = format!("{}. ", i + 1);
        let indent = " ".repeat(number.len());
        lines.extend(item(
            vec![Span::raw(number)],
            vec![Span::raw(plain(&step.text, lang))],
            width,
        ));
        if let Some(details) = &step.details {
            for line in guide_text(details, lang, theme, theme.dim, width.saturating_sub(3)) {
                let mut spans = vec![Span::raw(indent.clone())];
                spans.extend(line.spans);
                lines.push(Line::from(spans));
            }
        }
        if let Some(link) = &step.link {
            lines.extend(item(
                vec![Span::raw(indent.clone()), Span::raw("→ ")],
                vec![Span::styled(link.clone(), theme.link)],
                width,
            ));
        }
    }
    if !error.links.is_empty() {
        heading(&mut lines, Label::Links);
        for link in &error.links {
            lines.extend(item(
                vec![Span::raw("• ")],
                vec![
                    Span::raw(plain(&link.title, lang)),
                    Span::raw(" "),
                    Span::styled(link.url.clone(), theme.link),
                ],
                width,
            ));
        }
    }
    let mut ranges = Vec::new();
    if !error.related.is_empty() {
        heading(&mut lines, Label::Related);
        for (i, r) in error.related.iter().enumerate() {
            let name = match r {
                Related::Local(e) => plain(&g.errors[*e].title, lang),
                Related::Other { guide, error, .. } => cx
                    .catalog
                    .guide(guide)
                    .and_then(|og| og.error(error))
                    .map_or_else(|| format!("{guide}/{error}"), |e| plain(&e.title, lang)),
            };
            let style = if related == Some(i) {
                theme.selected
            } else {
                Style::new()
            };
            let start = lines.len();
            lines.extend(item(
                vec![Span::raw("→ ")],
                vec![Span::styled(name, style)],
                width,
            ));
            ranges.push(start..lines.len());
        }
    }
    (lines, ranges)
}
