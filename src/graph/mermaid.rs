//! Mermaid (`flowchart TD`), which GitHub and most Markdown viewers draw in place:
//! questions as hexagons, errors as rounded boxes, other guides' targets as subroutine
//! boxes with a dashed border; answers as labelled arrows, `related` as dotted arrows.
//!
//! Every label is a double-quoted Mermaid string. Mermaid reads `#name;` and `#123;` as
//! entities and renders labels as HTML, so `"`, `#`, `&`, `<`, `>`, `` ` `` and `|` are
//! written as entities and line breaks as `<br>`; nothing a guide says can close a string,
//! a shape or an edge label. Identifiers are `q0`, `e0`, `x0`, never guide text (so never
//! a keyword such as `end`).

use std::fmt::Write;

use super::{Graph, Kind, Style, node_name, wrap};

/// Columns a label line is wrapped at.
const WIDTH: usize = 30;

/// Escapes one line of text for the inside of a Mermaid double-quoted string.
#[must_use]
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '&' => out.push_str("#amp;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '`' => out.push_str("#96;"),
            '|' => out.push_str("#124;"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A wrapped, escaped label: lines joined with `<br>`.
fn label(text: &str) -> String {
    wrap(text, WIDTH)
        .iter()
        .map(|l| escape(l))
        .collect::<Vec<_>>()
        .join("<br>")
}

/// The guide's graph in Mermaid.
#[must_use]
pub fn render(graph: &Graph) -> String {
    let mut out = String::new();
    // The guide id is `[a-z0-9-]` by validation; escaped all the same.
    let _ = writeln!(out, "%% tshoot graph {}", escape(&graph.guide));
    out.push_str("flowchart TD\n");
    for (i, node) in graph.nodes.iter().enumerate() {
        let (open, close) = match node.kind {
            Kind::Question => ("{{", "}}"),
            Kind::Error => ("(", ")"),
            Kind::External => ("[[", "]]"),
        };
        let _ = writeln!(
            out,
            "  {}{open}\"{}<br>({})\"{close}",
            node_name(graph, i),
            label(&node.label),
            escape(&node.key)
        );
    }
    for edge in &graph.edges {
        let (from, to) = (node_name(graph, edge.from), node_name(graph, edge.to));
        match (edge.style, &edge.label) {
            (Style::Answer, Some(text)) => {
                let _ = writeln!(out, "  {from} -->|\"{}\"| {to}", label(text));
            }
            (Style::Answer, None) => {
                let _ = writeln!(out, "  {from} --> {to}");
            }
            (Style::Related, _) => {
                let _ = writeln!(out, "  {from} -.-> {to}");
            }
        }
    }
    out.push_str("  classDef question fill:#dbeafe,stroke:#1e40af,color:#111827\n");
    out.push_str("  classDef error fill:#fee2e2,stroke:#991b1b,color:#111827\n");
    out.push_str(
        "  classDef external fill:#f3f4f6,stroke:#6b7280,stroke-dasharray:4 3,color:#111827\n",
    );
    for (kind, class) in [
        (Kind::Question, "question"),
        (Kind::Error, "error"),
        (Kind::External, "external"),
    ] {
        let names: Vec<String> = (0..graph.nodes.len())
            .filter(|&i| graph.nodes[i].kind == kind)
            .map(|i| node_name(graph, i))
            .collect();
        if !names.is_empty() {
            let _ = writeln!(out, "  class {} {class}", names.join(","));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn every_character_that_ends_a_string_or_a_label_is_an_entity() {
        assert_eq!(escape(r#"say "hi""#), "say #quot;hi#quot;");
        assert_eq!(escape("a|b"), "a#124;b");
        assert_eq!(escape("#quot; stays text"), "#35;quot; stays text");
        assert_eq!(escape("<script>&`x`"), "#lt;script#gt;#amp;#96;x#96;");
        assert_eq!(escape("one\ntwo"), "one<br>two");
        assert_eq!(escape("[ ] ( ) { } ; end"), "[ ] ( ) { } ; end");
    }
}
