//! A guide's decision tree as a graph, and its pictures: Mermaid, Graphviz DOT and a
//! Unicode text tree.
//!
//! [`Graph::of`] turns a checked [`Guide`] into plain nodes and edges once, with labels in
//! the chosen language and inline Markdown stripped; each format in its own file then only
//! lays it out and escapes. Escaping lives with the format because each has its own
//! dangerous characters: a guide is untrusted text and must not be able to break the
//! syntax of the picture it is drawn in.

mod dot;
mod mermaid;
pub mod text;

use crate::guide::{Catalog, Guide, Next, Related};
use crate::lang::Lang;
use crate::markup;

pub use dot::render as dot;
pub use mermaid::render as mermaid;
pub use text::render as text;

/// What a node of the picture stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A question of this guide: a decision.
    Question,
    /// An error of this guide: an outcome.
    Error,
    /// Something in another guide (its error, or its first question).
    External,
}

/// A node: a question, an error, or a target in another guide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    pub kind: Kind,
    /// The id an author writes: `where-seen`, `missing-connector`, `other-guide/error-id`.
    pub key: String,
    /// The question, the error's title, or the other guide's title for it; plain text.
    pub label: String,
}

/// How an edge is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// An answer leading from a question: solid, labelled.
    Answer,
    /// A `related` entry of an error (what to try next): dashed.
    Related,
}

/// An edge between two nodes (indices into [`Graph::nodes`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub style: Style,
    /// The answer's label; `None` for related edges.
    pub label: Option<String>,
}

/// The tree of one guide, ready to draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Graph {
    pub guide: String,
    /// The language of the labels (and of the text tree's own words).
    pub lang: Lang,
    pub title: String,
    /// Index of the first question in `nodes`.
    pub start: usize,
    /// Questions in guide order, then errors in guide order, then other guides' targets in
    /// the order first met.
    pub nodes: Vec<Node>,
    /// Answers in guide order, then related entries in guide order.
    pub edges: Vec<Edge>,
}

/// The text to draw for a guide text: the chosen language, inline Markdown removed.
fn label(text: &crate::guide::Text, lang: Lang) -> String {
    markup::plain(text.show(lang))
}

impl Graph {
    /// The graph of `guide`; `catalog` supplies the titles of other guides' targets.
    #[must_use]
    pub fn of(guide: &Guide, catalog: &Catalog, lang: Lang) -> Graph {
        let mut nodes: Vec<Node> = guide
            .nodes
            .iter()
            .map(|n| Node {
                kind: Kind::Question,
                key: n.id.clone(),
                label: label(&n.question, lang),
            })
            .collect();
        let first_error = nodes.len();
        nodes.extend(guide.errors.iter().map(|e| Node {
            kind: Kind::Error,
            key: e.id.clone(),
            label: label(&e.title, lang),
        }));
        let mut edges = Vec::new();
        for (q, node) in guide.nodes.iter().enumerate() {
            for answer in &node.answers {
                let to = match &answer.next {
                    Next::Node(n) => *n,
                    Next::Error(e) => first_error + e,
                    Next::OtherError {
                        guide: other,
                        error: id,
                        ..
                    } => external(&mut nodes, catalog, other, Some(id), lang),
                    Next::OtherGuide { guide: other, .. } => {
                        external(&mut nodes, catalog, other, None, lang)
                    }
                };
                edges.push(Edge {
                    from: q,
                    to,
                    style: Style::Answer,
                    label: Some(label(&answer.label, lang)),
                });
            }
        }
        for (e, error) in guide.errors.iter().enumerate() {
            for related in &error.related {
                let to = match related {
                    Related::Local(r) => first_error + r,
                    Related::Other {
                        guide: other,
                        error: id,
                        ..
                    } => external(&mut nodes, catalog, other, Some(id), lang),
                };
                edges.push(Edge {
                    from: first_error + e,
                    to,
                    style: Style::Related,
                    label: None,
                });
            }
        }
        Graph {
            guide: guide.id.clone(),
            lang,
            title: label(&guide.title, lang),
            start: guide.start,
            nodes,
            edges,
        }
    }

    /// The edges leaving node `from`, in order.
    pub fn edges_from(&self, from: usize) -> impl Iterator<Item = &Edge> {
        self.edges.iter().filter(move |e| e.from == from)
    }
}

/// The node of another guide's error (or, with no error, its first question), added once.
fn external(
    nodes: &mut Vec<Node>,
    catalog: &Catalog,
    guide: &str,
    error: Option<&str>,
    lang: Lang,
) -> usize {
    let key = match error {
        Some(e) => format!("{guide}/{e}"),
        None => guide.to_owned(),
    };
    if let Some(i) = nodes
        .iter()
        .position(|n| n.kind == Kind::External && n.key == key)
    {
        return i;
    }
    let other = catalog.guide(guide);
    let title = match error {
        Some(e) => other
            .and_then(|g| g.error(e))
            .map(|e| label(&e.title, lang)),
        None => other.map(|g| label(&g.title, lang)),
    };
    nodes.push(Node {
        kind: Kind::External,
        label: title.unwrap_or_else(|| key.clone()),
        key,
    });
    nodes.len() - 1
}

/// The name a format uses for node `i`: `q0`, `e3`, `x1`. Built from indices only, so no
/// guide text ever reaches an identifier position.
#[must_use]
pub fn node_name(graph: &Graph, i: usize) -> String {
    let kind = graph.nodes[i].kind;
    let n = graph.nodes[..i].iter().filter(|n| n.kind == kind).count();
    let prefix = match kind {
        Kind::Question => 'q',
        Kind::Error => 'e',
        Kind::External => 'x',
    };
    format!("{prefix}{n}")
}

/// Lines of at most `width` columns, breaking at spaces, for labels in pictures. Each line
/// of the author's own breaks is wrapped on its own.
#[must_use]
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    text.lines()
        .flat_map(|line| {
            let wrapped = textwrap::wrap(line, width);
            if wrapped.is_empty() {
                vec![String::new()]
            } else {
                wrapped
                    .into_iter()
                    .map(std::borrow::Cow::into_owned)
                    .collect()
            }
        })
        .collect()
}
