//! The map: the current guide's tree as `tshoot graph` draws it for the terminal, with
//! where the person is, the answers they gave and the errors still possible marked.
//!
//! It draws [`crate::graph::text::rows`], the same rows `tshoot graph` prints, so the map
//! and the command cannot show different trees; this file only adds the marks and the
//! scrolling ([`ListView`]). The marks are worked out once, when the map opens, from the
//! session below it (or, over a guide page, there are none): the map is a picture of that
//! moment, and Esc goes back to it unchanged. Enter on a question the person answered goes
//! back to it, as the breadcrumb does.
//!
//! `marks.rs` works the marks out from a session; `draw.rs` lays out one row.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Text};

use super::{Ctx, Nav, Screen, View};
use crate::graph::Graph;
use crate::graph::text::{Row, one_line, rows};
use crate::labels::Label;
use crate::tui::keys::Scope;
use crate::tui::layout::list::ListView;
use crate::tui::layout::text::{plain, truncate};
use crate::tui::msg::Msg;

mod draw;
mod marks;

pub use marks::Mark;

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
