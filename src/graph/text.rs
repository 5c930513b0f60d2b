//! The tree for the terminal: box-drawing branches, `◆` for a question, `■` for an error,
//! `⇗` for a target in another guide, then the `related` entries as a list.
//!
//! A question reached by several answers is drawn in full once and named afterwards
//! (`see above`), so a shared subtree or a loop cannot repeat forever. Styles are ANSI
//! codes written with `anstyle`; the caller prints through `anstream`, which removes them
//! on a pipe, with `--color never` and with `NO_COLOR`.

use std::fmt::Write;

use anstyle::{AnsiColor, Effects, Style};

use super::{Graph, Kind, Style as EdgeStyle};
use crate::labels::Label;

/// One line of guide text: the tree's own line breaks are the only ones.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn style(kind: Kind) -> (char, Style) {
    match kind {
        Kind::Question => (
            '◆',
            Style::new()
                .fg_color(Some(AnsiColor::Cyan.into()))
                .effects(Effects::BOLD),
        ),
        Kind::Error => (
            '■',
            Style::new()
                .fg_color(Some(AnsiColor::Red.into()))
                .effects(Effects::BOLD),
        ),
        Kind::External => ('⇗', Style::new().fg_color(Some(AnsiColor::Magenta.into()))),
    }
}

const DIM: Style = Style::new().effects(Effects::DIMMED);

struct Tree<'a> {
    graph: &'a Graph,
    drawn: Vec<bool>,
    out: String,
}

impl Tree<'_> {
    fn node(&mut self, i: usize) {
        let node = &self.graph.nodes[i];
        let (mark, st) = style(node.kind);
        let again = std::mem::replace(&mut self.drawn[i], true);
        let _ = write!(
            self.out,
            "{st}{mark} {}{st:#}  {DIM}{}",
            one_line(&node.label),
            node.key
        );
        if again && node.kind == Kind::Question {
            let _ = write!(
                self.out,
                " ({})",
                Label::GraphSeeAbove.text(self.graph.lang)
            );
        }
        let _ = writeln!(self.out, "{DIM:#}");
    }

    /// Draws node `i` and, the first time it is met, its answers below it.
    fn subtree(&mut self, i: usize, prefix: &str) {
        let again = self.drawn[i];
        self.node(i);
        if again {
            return;
        }
        let answers: Vec<_> = self
            .graph
            .edges_from(i)
            .filter(|e| e.style == EdgeStyle::Answer)
            .cloned()
            .collect();
        for (n, edge) in answers.iter().enumerate() {
            let last = n + 1 == answers.len();
            let (branch, below) = if last {
                ("└─ ", "   ")
            } else {
                ("├─ ", "│  ")
            };
            let label = edge.label.as_deref().map(one_line).unwrap_or_default();
            let _ = writeln!(self.out, "{prefix}{branch}{label}");
            let child = format!("{prefix}{below}");
            let _ = write!(self.out, "{child}");
            self.subtree(edge.to, &child);
        }
    }
}

/// The guide's tree as text.
#[must_use]
pub fn render(graph: &Graph) -> String {
    let bold = Style::new().effects(Effects::BOLD);
    let mut tree = Tree {
        graph,
        drawn: vec![false; graph.nodes.len()],
        out: String::new(),
    };
    let _ = writeln!(
        tree.out,
        "{bold}{}{bold:#}  {DIM}{}{DIM:#}\n",
        one_line(&graph.title),
        graph.guide
    );
    tree.subtree(graph.start, "");
    // Questions no answer leads to (validate reports them) still get drawn.
    for i in 0..graph.nodes.len() {
        if graph.nodes[i].kind == Kind::Question && !tree.drawn[i] {
            tree.out.push('\n');
            tree.subtree(i, "");
        }
    }
    let related: Vec<_> = graph
        .edges
        .iter()
        .filter(|e| e.style == EdgeStyle::Related)
        .collect();
    if !related.is_empty() {
        let heading = Label::GraphRelated.text(graph.lang);
        let (word, rest) = heading.split_once(' ').unwrap_or((heading, ""));
        let _ = writeln!(tree.out, "\n{bold}{word}{bold:#} {DIM}{rest}{DIM:#}");
        let width = related
            .iter()
            .map(|e| graph.nodes[e.from].key.chars().count())
            .max()
            .unwrap_or(0);
        let mut previous = None;
        for edge in related {
            let from = &graph.nodes[edge.from];
            let shown = if previous == Some(edge.from) {
                ""
            } else {
                from.key.as_str()
            };
            previous = Some(edge.from);
            let to = &graph.nodes[edge.to];
            let (mark, st) = style(to.kind);
            let _ = writeln!(
                tree.out,
                "  {shown:width$} ┄▸ {st}{mark} {}{st:#}  {DIM}{}{DIM:#}",
                to.key,
                one_line(&to.label)
            );
        }
    }
    tree.out
}
