//! Graphviz DOT (`dot -Tsvg`), left to right: questions as hexagons, errors as boxes, other guides' targets
//! as dashed boxes; answers as labelled edges, `related` as dashed edges that do not bend
//! the tree's ranks.
//!
//! Every label is a double-quoted DOT string. Inside one only `"` and `\` mean something
//! (a backslash also starts Graphviz's `\N`, `\G`, `\l` escapes), so both are escaped, and
//! line breaks become `\n`. Identifiers are `q0`, `e0`, `x0`, never guide text.

use std::fmt::Write;

use super::{Graph, Kind, Style, node_name, wrap};

/// Columns a label line is wrapped at, so that boxes stay narrow enough to read.
const WIDTH: usize = 28;

/// Escapes a string for the inside of a DOT double-quoted string.
#[must_use]
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A wrapped label: lines joined with DOT's `\n`.
fn label(text: &str) -> String {
    wrap(text, WIDTH)
        .iter()
        .map(|l| escape(l))
        .collect::<Vec<_>>()
        .join("\\n")
}

/// The guide's graph in DOT.
#[must_use]
pub fn render(graph: &Graph) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph \"{}\" {{", escape(&graph.guide));
    let _ = writeln!(
        out,
        "  graph [rankdir=LR, labelloc=t, fontname=\"Helvetica\", label=\"{}\"];",
        label(&graph.title)
    );
    out.push_str("  node [fontname=\"Helvetica\", fontsize=11, margin=\"0.15,0.08\"];\n");
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=10, color=\"#4b5563\"];\n");
    for (i, node) in graph.nodes.iter().enumerate() {
        let shape = match node.kind {
            Kind::Question => {
                "shape=hexagon, style=filled, fillcolor=\"#dbeafe\", color=\"#1e40af\""
            }
            Kind::Error => {
                "shape=box, style=\"rounded,filled\", fillcolor=\"#fee2e2\", color=\"#991b1b\""
            }
            Kind::External => {
                "shape=box, style=\"rounded,dashed,filled\", fillcolor=\"#f3f4f6\", color=\"#6b7280\""
            }
        };
        let start = if i == graph.start { ", penwidth=2" } else { "" };
        let _ = writeln!(
            out,
            "  {} [label=\"{}\\n({})\", {shape}{start}];",
            node_name(graph, i),
            label(&node.label),
            escape(&node.key),
        );
    }
    for edge in &graph.edges {
        let (from, to) = (node_name(graph, edge.from), node_name(graph, edge.to));
        match (edge.style, &edge.label) {
            (Style::Answer, Some(text)) => {
                let _ = writeln!(out, "  {from} -> {to} [label=\"{}\"];", label(text));
            }
            (Style::Answer, None) => {
                let _ = writeln!(out, "  {from} -> {to};");
            }
            (Style::Related, _) => {
                let _ = writeln!(
                    out,
                    "  {from} -> {to} [style=dashed, color=\"#9ca3af\", constraint=false];"
                );
            }
        }
    }
    // Other guides' targets sit together past the outcomes, out of the tree's way.
    let external: Vec<String> = (0..graph.nodes.len())
        .filter(|&i| graph.nodes[i].kind == Kind::External)
        .map(|i| node_name(graph, i))
        .collect();
    if !external.is_empty() {
        let _ = writeln!(out, "  {{ rank=sink; {}; }}", external.join("; "));
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn quotes_backslashes_and_newlines_cannot_end_the_string() {
        assert_eq!(escape(r#"a "b" \N c"#), r#"a \"b\" \\N c"#);
        assert_eq!(escape("one\ntwo"), r"one\ntwo");
        assert_eq!(escape("trailing \\"), r"trailing \\");
        assert_eq!(escape("# { } [ ] < > ; |"), "# { } [ ] < > ; |");
    }
}
