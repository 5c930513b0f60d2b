//! One row of the map laid out: cut to one line, or (selected) wrapped whole with its id
//! kept two spaces after its text; and the legend above the rows.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{Map, Mark};
use crate::graph::Kind;
use crate::graph::text::{Row, mark, one_line, related_width};
use crate::labels::Label;
use crate::tui::layout::text::{item, truncate};
use crate::tui::theme::Theme;

impl Map {
    /// Row `r` laid out: one line cut to `width`, or (selected) wrapped whole.
    pub(super) fn row(&self, r: usize, width: u16, whole: bool, theme: &Theme) -> Vec<Line<'static>> {
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

    pub(super) fn legend(&self, lang: crate::lang::Lang, theme: &Theme) -> Line<'static> {
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
