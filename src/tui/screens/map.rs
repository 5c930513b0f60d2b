//! The map: the current guide's tree as `tshoot graph` draws it for the terminal, with
//! where the person is, the answers they gave and the errors still possible marked.
//!
//! It draws [`crate::graph::text::rows`], the same rows `tshoot graph` prints, so the map
//! and the command cannot show different trees; this file only adds the marks and the
//! scrolling ([`ListView`]). The marks are worked out once, when the map opens, from the
//! session below it (or, over a guide page, there are none): the map is a picture of that
//! moment, and Esc goes back to it unchanged. Enter on a question the person answered goes
//! back to it, as the breadcrumb does.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};

use super::{Ctx, Nav, Screen, View};
use crate::graph::text::{Row, mark, one_line, related_width, rows};
use crate::graph::{Graph, Kind};
use crate::labels::Label;
use crate::session::{Place, Session as Walk};
use crate::tui::keys::Scope;
use crate::tui::layout::list::ListView;
use crate::tui::layout::text::{item, plain, truncate};
use crate::tui::msg::Msg;
use crate::tui::theme::Theme;

/// What a row of the map is marked as.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mark {
    #[default]
    None,
    /// The question or outcome the session is at.
    Here,
    /// A question answered on the way, or the answer chosen.
    Answered,
    /// An error the current question can still lead to.
    Possible,
}

impl Mark {
    fn gutter(self) -> &'static str {
        match self {
            Mark::None => "  ",
            Mark::Here => "▶ ",
            Mark::Answered => "✓ ",
            Mark::Possible => "○ ",
        }
    }
}

/// The map of one guide's tree.
#[derive(Debug)]
pub struct Map {
    graph: Graph,
    rows: Vec<Row>,
    marks: Vec<Mark>,
    /// For the row of an answered question: its place in the breadcrumb.
    crumbs: Vec<Option<usize>>,
    /// The row the session is at, if it is in this guide.
    here: Option<usize>,
    /// Whether a session is below (so there are marks, and Enter may go back).
    session: bool,
    /// Enter was pressed where it does nothing: say what it does.
    note: bool,
    list: ListView,
}

impl Map {
    /// The map for the screen on top, if it has a guide: a session's current guide with
    /// its marks, or a guide page's guide.
    #[must_use]
    pub fn over(screen: &Screen, cx: &Ctx) -> Option<Map> {
        match screen {
            Screen::Guide(page) => Map::of_guide(&cx.catalog.guides.get(page.guide)?.id, cx),
            Screen::Session(s) => Map::of_session(&s.session, cx),
            _ => None,
        }
    }

    /// A guide's tree with no marks, the first question selected.
    #[must_use]
    pub fn of_guide(id: &str, cx: &Ctx) -> Option<Map> {
        let guide = cx.catalog.guide(id)?;
        let graph = Graph::of(guide, &cx.catalog, cx.lang);
        let rows = rows(&graph);
        let start = rows
            .iter()
            .position(|r| matches!(r, Row::Node { node, .. } if *node == graph.start));
        Some(Map {
            marks: vec![Mark::None; rows.len()],
            crumbs: vec![None; rows.len()],
            here: None,
            session: false,
            note: false,
            list: ListView::at(start.unwrap_or(0)),
            graph,
            rows,
        })
    }

    /// The tree of the guide a session is in, marked: where it is, the answers given in
    /// this guide, and (at a question) the errors still possible.
    #[must_use]
    pub fn of_session(walk: &Walk, cx: &Ctx) -> Option<Map> {
        let guide = walk.current_guide();
        let mut map = Map::of_guide(guide, cx)?;
        map.session = true;
        let node_of = |key: &str, kind: Kind| {
            map.graph
                .nodes
                .iter()
                .position(|n| n.kind == kind && n.key == key)
        };
        let here = match walk.at() {
            Place::Question(n) if n.guide == guide => node_of(&n.node, Kind::Question),
            Place::Outcome(e) | Place::Solved(e) if e.guide == guide => {
                node_of(&e.error, Kind::Error)
            }
            _ => None,
        };
        // The answers given in this guide: the answer's row, and its question's full row.
        let mut last_edge_row = None;
        for (i, crumb) in walk.path().iter().enumerate() {
            last_edge_row = None;
            if crumb.node.guide != guide {
                continue;
            }
            let Some(q) = node_of(&crumb.node.node, Kind::Question) else {
                continue;
            };
            let edge = (0..map.graph.edges.len())
                .filter(|&e| {
                    let edge = &map.graph.edges[e];
                    edge.from == q && edge.style == crate::graph::Style::Answer
                })
                .nth(crumb.answer);
            for (r, row) in map.rows.iter().enumerate() {
                match row {
                    Row::Node {
                        node, again: false, ..
                    } if *node == q => {
                        map.marks[r] = Mark::Answered;
                        map.crumbs[r] = Some(i);
                    }
                    Row::Answer { edge: e, .. } if Some(*e) == edge => {
                        map.marks[r] = Mark::Answered;
                        last_edge_row = Some(r);
                    }
                    _ => {}
                }
            }
        }
        // Where it is: below the answer that led there, else where that node is drawn.
        map.here = here.and_then(|h| {
            let below = last_edge_row.map(|r| r + 1).filter(|&r| {
                matches!(map.rows.get(r), Some(Row::Node { node, .. }) if *node == h)
            });
            below.or_else(|| {
                map.rows
                    .iter()
                    .position(|row| matches!(row, Row::Node { node, again: false, .. } if *node == h))
            })
        });
        if let Some(r) = map.here {
            map.marks[r] = Mark::Here;
            map.crumbs[r] = None;
            map.list.select(r, map.rows.len());
        }
        if matches!(walk.at(), Place::Question(_)) {
            let possible: Vec<String> = walk
                .still_possible(&cx.catalog)
                .into_iter()
                .map(|e| {
                    if e.guide == guide {
                        e.error
                    } else {
                        e.to_string()
                    }
                })
                .collect();
            for (r, row) in map.rows.iter().enumerate() {
                if let Row::Node { node, .. } = row
                    && map.graph.nodes[*node].kind != Kind::Question
                    && possible.contains(&map.graph.nodes[*node].key)
                    && map.marks[r] == Mark::None
                {
                    map.marks[r] = Mark::Possible;
                }
            }
        }
        Some(map)
    }

    /// The row selected (an index into the rows of `crate::graph::text::rows`).
    #[must_use]
    pub fn selected(&self) -> usize {
        self.list.selected()
    }

    /// How many rows the map has.
    #[must_use]
    pub fn row_count(&self) -> usize {
        self.rows.len()
    }

    /// The row marked as where the session is, if it is in this guide.
    #[must_use]
    pub fn here(&self) -> Option<usize> {
        self.here
    }

    /// The key (`node-id`, `error-id`, `guide/error`) of the node on row `row`, if the row
    /// shows a node.
    #[must_use]
    pub fn node_key(&self, row: usize) -> Option<&str> {
        match self.rows.get(row)? {
            Row::Node { node, .. } => Some(&self.graph.nodes[*node].key),
            _ => None,
        }
    }

    /// The mark of row `row`.
    #[must_use]
    pub fn mark(&self, row: usize) -> Mark {
        self.marks.get(row).copied().unwrap_or_default()
    }

    /// Row `r` laid out: one line cut to `width`, or (selected) wrapped whole.
    fn row(&self, r: usize, width: u16, whole: bool, theme: &Theme) -> Vec<Line<'static>> {
        let graph = &self.graph;
        let mark_here = self.marks[r];
        let gutter = Span::styled(
            mark_here.gutter(),
            match mark_here {
                Mark::Here => theme.mark,
                Mark::Answered => theme.done,
                _ => theme.dim,
            },
        );
        // What a row shows: its prefix, its text and, two spaces after it, a dim id.
        let (prefix, body, id): (Vec<Span<'static>>, Vec<Span<'static>>, Option<Span<'static>>) =
            match &self.rows[r] {
            Row::Title => (
                vec![],
                vec![Span::styled(one_line(&graph.title), theme.title)],
                Some(Span::styled(graph.guide.clone(), theme.dim)),
            ),
            Row::Blank => (vec![], vec![], None),
            Row::Node {
                indent,
                node,
                again,
            } => {
                let n = &graph.nodes[*node];
                let style = match n.kind {
                    Kind::Question => theme.heading,
                    Kind::Error => theme.strong,
                    Kind::External => theme.emphasis,
                };
                let mut key = n.key.clone();
                if *again {
                    key = format!("{key} ({})", Label::GraphSeeAbove.text(graph.lang));
                }
                let label = if mark_here == Mark::Here {
                    style.patch(theme.mark)
                } else {
                    style
                };
                (
                    vec![
                        gutter,
                        Span::styled(indent.clone(), theme.dim),
                        Span::styled(format!("{} ", mark(n.kind)), style),
                    ],
                    vec![Span::styled(one_line(&n.label), label)],
                    Some(Span::styled(key, theme.dim)),
                )
            }
            Row::Answer { indent, edge } => {
                let label = graph.edges[*edge]
                    .label
                    .as_deref()
                    .map(one_line)
                    .unwrap_or_default();
                let style = if mark_here == Mark::Answered {
                    theme.done
                } else {
                    Style::new()
                };
                (
                    vec![gutter, Span::styled(indent.clone(), theme.dim)],
                    vec![Span::styled(label, style)],
                    None,
                )
            }
            Row::RelatedHeading => (
                vec![],
                vec![Span::styled(
                    Label::GraphRelated.text(graph.lang).to_owned(),
                    theme.heading,
                )],
                None,
            ),
            Row::Related { edge, first } => {
                let edge = &graph.edges[*edge];
                let width = related_width(graph);
                let from = if *first {
                    graph.nodes[edge.from].key.as_str()
                } else {
                    ""
                };
                let to = &graph.nodes[edge.to];
                (
                    vec![Span::styled(format!("  {from:width$} ┄▸ "), theme.dim)],
                    vec![Span::raw(format!(
                        "{} {}",
                        mark(to.kind),
                        one_line(&to.label)
                    ))],
                    Some(Span::styled(to.key.clone(), theme.dim)),
                )
            }
        };
        if whole {
            return with_id(prefix, body, id, width);
        }
        // One line: the spans that fit whole, then the first that does not, cut with `…`.
        let mut line = Line::default();
        let mut left = usize::from(width);
        let id = id.map(|id| Span::styled(format!("  {}", id.content), id.style));
        for span in prefix.into_iter().chain(body).chain(id) {
            let w = span.width();
            if w <= left {
                left -= w;
                line.push_span(span);
            } else {
                let piece = truncate(&span.content, left);
                line.push_span(Span::styled(piece, span.style));
                break;
            }
        }
        vec![line]
    }

    fn legend(&self, lang: crate::lang::Lang, theme: &Theme) -> Line<'static> {
        if self.note {
            return Line::styled(Label::MapNotOnPath.text(lang).to_owned(), theme.strong);
        }
        let mut pieces = Vec::new();
        if self.session {
            pieces.push((Mark::Here.gutter(), Label::MapHere, theme.mark));
            pieces.push((Mark::Answered.gutter(), Label::MapAnswered, theme.done));
            pieces.push((Mark::Possible.gutter(), Label::MapPossible, theme.dim));
        }
        pieces.push(("⇗ ", Label::MapOtherGuide, theme.emphasis));
        let mut spans = Vec::new();
        for (sign, label, style) in pieces {
            if !spans.is_empty() {
                spans.push(Span::raw("  "));
            }
            spans.push(Span::styled(sign, style));
            spans.push(Span::styled(label.text(lang), theme.dim));
        }
        Line::from(spans)
    }
}

/// A selected row wrapped whole: `body` after `prefix` with a hanging indent, then `id` two
/// spaces after it (as on an unselected row) or, when it does not fit, on a line of its own
/// under the text.
fn with_id(
    prefix: Vec<Span<'static>>,
    body: Vec<Span<'static>>,
    id: Option<Span<'static>>,
    width: u16,
) -> Vec<Line<'static>> {
    let prefix_width: usize = prefix.iter().map(Span::width).sum();
    let mut lines = item(prefix, body, width);
    let Some(id) = id else { return lines };
    let room = usize::from(width);
    match lines.last_mut() {
        Some(last) if last.width() + 2 + id.width() <= room => {
            last.push_span(Span::raw("  "));
            last.push_span(id);
        }
        _ => {
            let indent = if prefix_width * 2 > room { 0 } else { prefix_width };
            lines.extend(item(vec![Span::raw(" ".repeat(indent))], vec![id], width));
        }
    }
    lines
}

impl View for Map {
    fn scope(&self, _: &Ctx) -> Scope {
        Scope::Map
    }

    fn place(&self, cx: &Ctx) -> String {
        format!(
            "{} › {}",
            Label::MapOf.text(cx.lang),
            one_line(
                &cx.catalog
                    .guide(&self.graph.guide)
                    .map_or_else(|| self.graph.title.clone(), |g| plain(&g.title, cx.lang))
            )
        )
    }

    fn update(&mut self, msg: Msg, _: &mut Ctx) -> Nav {
        self.note = false;
        let selected = self.list.selected();
        match msg {
            Msg::Back => Nav::Pop,
            Msg::Enter if self.session => {
                if let Some(i) = self.crumbs.get(selected).copied().flatten() {
                    Nav::Return(Msg::JumpBack(i))
                } else if Some(selected) == self.here {
                    Nav::Pop
                } else {
                    self.note = true;
                    Nav::Stay
                }
            }
            Msg::Click { x, y } => {
                if let Some(i) = self.list.hit(x, y) {
                    self.list.select(i, self.rows.len());
                }
                Nav::Stay
            }
            m => {
                if self.list.step(&m, self.rows.len()) {
                    Nav::Stay
                } else {
                    Nav::Pass
                }
            }
        }
    }

    fn render(&mut self, cx: &Ctx, area: Rect, buf: &mut Buffer) {
        let area = area.inner(Margin::new(1, 0));
        let [legend, list] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
        let line = self.legend(cx.lang, &cx.theme);
        let cut = truncate(
            &line.spans.iter().map(|s| s.content.as_ref()).collect::<String>(),
            usize::from(legend.width),
        );
        if crate::tui::layout::text::width(&cut) < line.width() {
            ratatui::widgets::Widget::render(Line::styled(cut, cx.theme.dim), legend, buf);
        } else {
            ratatui::widgets::Widget::render(line, legend, buf);
        }
        let selected = self.list.selected();
        let len = self.rows.len();
        let mut list_view = std::mem::take(&mut self.list);
        list_view.render(len, list, buf, cx.theme.selected, |i, width| {
            Text::from(self.row(i, width, i == selected, &cx.theme))
        });
        self.list = list_view;
    }

    fn offers(&self, _: &Ctx, msg: &Msg) -> bool {
        match msg {
            Msg::Enter => self.session,
            _ => true,
        }
    }
}
