//! The tree for the terminal: box-drawing branches, `◆` for a question, `■` for an error,
//! `⇗` for a target in another guide, then the `related` entries as a list.
//!
//! The layout is made once, as [`Row`]s ([`rows`]): `tshoot graph` prints them with ANSI
//! styles ([`render`]) and the TUI's map draws the same rows with its own marks, so the
//! two pictures of a tree cannot disagree.
//!
//! A question reached by several answers is drawn in full once and named afterwards
//! (`see above`), so a shared subtree or a loop cannot repeat forever. Styles are ANSI
//! codes written with `anstyle`; the caller prints through `anstream`, which removes them
//! on a pipe, with `--color never` and with `NO_COLOR`.

use std::fmt::Write;

use anstyle::{AnsiColor, Effects, Style};

use super::{Graph, Kind, Style as EdgeStyle};
use crate::labels::Label;

/// One line of the text tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Row {
    /// The guide's title and id.
    Title,
    /// An empty line.
    Blank,
    /// Node `node` after the branches `indent`; `again` when it was drawn in full above.
    Node {
        indent: String,
        node: usize,
        again: bool,
    },
    /// The answer of edge `edge`, after the branches `indent` (which end in `├─ ` or `└─ `).
    Answer { indent: String, edge: usize },
    /// The heading of the `related` list.
    RelatedHeading,
    /// A `related` edge; `first` when it is the first of its error (which names the error).
    Related { edge: usize, first: bool },
}

/// One line of guide text: the tree's own line breaks are the only ones.
#[must_use]
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The mark a node kind is drawn with.
#[must_use]
pub fn mark(kind: Kind) -> char {
    match kind {
        Kind::Question => '◆',
        Kind::Error => '■',
        Kind::External => '⇗',
    }
}

fn style(kind: Kind) -> Style {
    match kind {
        Kind::Question => Style::new()
            .fg_color(Some(AnsiColor::Cyan.into()))
            .effects(Effects::BOLD),
        Kind::Error => Style::new()
            .fg_color(Some(AnsiColor::Red.into()))
            .effects(Effects::BOLD),
        Kind::External => Style::new().fg_color(Some(AnsiColor::Magenta.into())),
    }
}

const DIM: Style = Style::new().effects(Effects::DIMMED);

struct Tree<'a> {
    graph: &'a Graph,
    drawn: Vec<bool>,
    rows: Vec<Row>,
}

impl Tree<'_> {
    /// Node `i` after `indent` and, the first time it is met, its answers below it.
    fn subtree(&mut self, i: usize, indent: &str) {
        let again = std::mem::replace(&mut self.drawn[i], true);
        self.rows.push(Row::Node {
            indent: indent.to_owned(),
            node: i,
            again: again && self.graph.nodes[i].kind == Kind::Question,
        });
        if again {
            return;
        }
        let answers: Vec<usize> = (0..self.graph.edges.len())
            .filter(|&e| {
                let edge = &self.graph.edges[e];
                edge.from == i && edge.style == EdgeStyle::Answer
            })
            .collect();
        for (n, &edge) in answers.iter().enumerate() {
            let last = n + 1 == answers.len();
            let (branch, below) = if last {
                ("└─ ", "   ")
            } else {
                ("├─ ", "│  ")
            };
            self.rows.push(Row::Answer {
                indent: format!("{indent}{branch}"),
                edge,
            });
            self.subtree(self.graph.edges[edge].to, &format!("{indent}{below}"));
        }
    }
}

/// The guide's tree as rows, top to bottom.
#[must_use]
pub fn rows(graph: &Graph) -> Vec<Row> {
    let mut tree = Tree {
        graph,
        drawn: vec![false; graph.nodes.len()],
        rows: vec![Row::Title, Row::Blank],
    };
    tree.subtree(graph.start, "");
    // Questions no answer leads to (validate reports them) still get drawn.
    for i in 0..graph.nodes.len() {
        if graph.nodes[i].kind == Kind::Question && !tree.drawn[i] {
            tree.rows.push(Row::Blank);
            tree.subtree(i, "");
        }
    }
    let mut previous = None;
    for (e, edge) in graph.edges.iter().enumerate() {
        if edge.style != EdgeStyle::Related {
            continue;
        }
        if previous.is_none() {
            tree.rows.push(Row::Blank);
            tree.rows.push(Row::RelatedHeading);
        }
        tree.rows.push(Row::Related {
            edge: e,
            first: previous != Some(edge.from),
        });
        previous = Some(edge.from);
    }
    tree.rows
}

/// The width of the error ids in the `related` list, so the arrows line up.
#[must_use]
pub fn related_width(graph: &Graph) -> usize {
    graph
        .edges
        .iter()
        .filter(|e| e.style == EdgeStyle::Related)
        .map(|e| graph.nodes[e.from].key.chars().count())
        .max()
        .unwrap_or(0)
}

/// The guide's tree as text.
#[must_use]
pub fn render(graph: &Graph) -> String {
    let bold = Style::new().effects(Effects::BOLD);
    let width = related_width(graph);
    let mut out = String::new();
    for row in rows(graph) {
        match row {
            Row::Title => {
                let _ = write!(
                    out,
                    "{bold}{}{bold:#}  {DIM}{}{DIM:#}",
                    one_line(&graph.title),
                    graph.guide
                );
            }
            Row::Blank => {}
            Row::Node {
                indent,
                node,
                again,
            } => {
                let node = &graph.nodes[node];
                let st = style(node.kind);
                let _ = write!(
                    out,
                    "{indent}{st}{} {}{st:#}  {DIM}{}",
                    mark(node.kind),
                    one_line(&node.label),
                    node.key
                );
                if again {
                    let _ = write!(out, " ({})", Label::GraphSeeAbove.text(graph.lang));
                }
                let _ = write!(out, "{DIM:#}");
            }
            Row::Answer { indent, edge } => {
                let label = graph.edges[edge]
                    .label
                    .as_deref()
                    .map(one_line)
                    .unwrap_or_default();
                let _ = write!(out, "{indent}{label}");
            }
            Row::RelatedHeading => {
                let heading = Label::GraphRelated.text(graph.lang);
                let (word, rest) = heading.split_once(' ').unwrap_or((heading, ""));
                let _ = write!(out, "{bold}{word}{bold:#} {DIM}{rest}{DIM:#}");
            }
            Row::Related { edge, first } => {
                let edge = &graph.edges[edge];
                let shown = if first {
                    graph.nodes[edge.from].key.as_str()
                } else {
                    ""
                };
                let to = &graph.nodes[edge.to];
                let st = style(to.kind);
                let _ = write!(
                    out,
                    "  {shown:width$} ┄▸ {st}{} {}{st:#}  {DIM}{}{DIM:#}",
                    mark(to.kind),
                    to.key,
                    one_line(&to.label)
                );
            }
        }
        out.push('\n');
    }
    out
}
