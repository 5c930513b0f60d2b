//! `tshoot graph`: the pictures show the guide's tree as written, in each format's own
//! syntax, and no guide text can break that syntax.
//!
//! Golden files under `tests/golden/graph/` pin the exact output (re-bless with
//! `TSHOOT_BLESS=1` and read the diff); the checks beside them say what the output means:
//! every question, answer, error and related entry appears, DOT is accepted by Graphviz
//! and draws each label literally, Mermaid lines follow the flowchart grammar and every
//! label decodes back to the guide's text.

mod common;

use std::path::{Path, PathBuf};

use common::{fixtures, tshoot};
use tshoot::graph::{Graph, Kind};
use tshoot::guide::catalog::{Catalog, Source};
use tshoot::lang::Lang;

const BUILTIN: [&str; 2] = ["itsmc-dashboard-errors", "itsmc-troubleshooting"];
/// The guides of `tests/fixtures/graph/`.
const FIXTURES: [&str; 3] = ["hostile-labels", "shared-question", "cross-guide"];

fn graph_dir() -> PathBuf {
    fixtures().join("graph")
}

/// `tshoot graph` on a pipe with the graph fixtures loaded.
fn graph(args: &[&str]) -> String {
    let dir = graph_dir();
    let out = tshoot()
        .arg("--guides")
        .arg(&dir)
        .arg("graph")
        .args(args)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn model(id: &str, lang: Lang) -> Graph {
    let catalog = Catalog::load(&[
        Source::Builtin,
        Source::Path {
            path: graph_dir(),
            optional: false,
        },
    ]);
    let guide = catalog.guide(id).expect("guide loads");
    Graph::of(guide, &catalog, lang)
}

fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/graph")
        .join(name);
    if std::env::var_os("TSHOOT_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (bless with TSHOOT_BLESS=1)", path.display()));
    assert_eq!(actual, expected, "{name} differs from its golden file");
}

#[test]
fn golden_files_for_every_format_of_both_builtin_guides_and_the_hostile_one() {
    for id in BUILTIN.iter().chain(&FIXTURES) {
        for (format, ext) in [("mermaid", "mmd"), ("dot", "dot"), ("text", "txt")] {
            golden(&format!("{id}.{ext}"), &graph(&[id, "--format", format]));
        }
    }
    golden(
        "itsmc-dashboard-errors.sv.txt",
        &graph(&["itsmc-dashboard-errors", "--format", "text", "--lang", "sv"]),
    );
}

#[test]
fn the_dashboard_tree_has_its_three_questions_ten_outcomes_and_every_answer() {
    let g = model("itsmc-dashboard-errors", Lang::En);
    let count = |kind| g.nodes.iter().filter(|n| n.kind == kind).count();
    assert_eq!(count(Kind::Question), 3);
    // The nine documented messages and the "none of these" catch-all.
    assert_eq!(count(Kind::Error), 10);
    assert_eq!(g.nodes[g.start].key, "where-seen");
    // The guide's answers: 4 + 8 + 3, each question ending with "None of these".
    let answers = g.edges.iter().filter(|e| e.label.is_some()).count();
    assert_eq!(answers, 15);
    // Defining an ITSM action in the portal leads straight to an outcome.
    let text = graph(&["itsmc-dashboard-errors", "--format", "text"]);
    assert!(
        text.contains(
            "├─ In the portal, while I define an ITSM action in an action group\n│  ■ Lack of connection details  lack-of-connection-details"
        ),
        "{text}"
    );
}

#[test]
fn related_entries_are_dashed_and_other_guides_are_distinct_nodes() {
    let mermaid = graph(&["itsmc-dashboard-errors", "--format", "mermaid"]);
    let dot = graph(&["itsmc-dashboard-errors", "--format", "dot"]);
    // missing-connector → lack-of-connection-details and a troubleshooting guide error.
    let g = model("itsmc-dashboard-errors", Lang::En);
    let related = g.edges.iter().filter(|e| e.label.is_none()).count();
    assert_eq!(related, 24, "the guide's related entries, counted by hand");
    assert_eq!(mermaid.matches(" -.-> ").count(), related);
    assert_eq!(dot.matches("style=dashed").count(), related);
    let external = g.nodes.iter().filter(|n| n.kind == Kind::External);
    for node in external {
        assert!(node.key.starts_with("itsmc-troubleshooting"), "{node:?}");
        assert!(
            mermaid.contains(&format!("({})\"]]", node.key)),
            "subroutine box for {}",
            node.key
        );
    }
    assert!(dot.contains("style=\"rounded,dashed,filled\""));
    assert!(
        mermaid.contains("class x0,x1,x2,x3,x4,x5,x6,x7 external"),
        "{mermaid}"
    );
}

#[test]
fn lang_sv_draws_the_swedish_texts() {
    let text = graph(&[
        "itsmc-dashboard-errors",
        "--format",
        "mermaid",
        "--lang",
        "sv",
    ]);
    assert!(text.contains("Var ser du felet?"), "{text}");
    assert!(!text.contains("Where do you see the error?"), "{text}");
}

#[test]
fn a_shared_question_is_drawn_once_and_a_loop_ends() {
    let text = graph(&["shared-question", "--format", "text"]);
    assert_eq!(text.matches("◆ Which log?  which-log").count(), 2, "{text}");
    assert_eq!(text.matches("(see above)").count(), 2, "{text}");
    // The answers of the shared question appear once.
    assert_eq!(text.matches("The system log").count(), 1, "{text}");
}

#[test]
fn answers_into_other_guides_end_at_one_distinct_node_each() {
    let g = model("cross-guide", Lang::En);
    let external: Vec<&str> = g
        .nodes
        .iter()
        .filter(|n| n.kind == Kind::External)
        .map(|n| n.key.as_str())
        .collect();
    // The authentication error is named by an answer and by `related`: one node.
    assert_eq!(
        external,
        [
            "itsmc-dashboard-errors/authentication",
            "itsmc-troubleshooting"
        ]
    );
    let text = graph(&["cross-guide", "--format", "text"]);
    assert!(
        text.contains("├─ Somewhere in the ITSM connector\n│  ⇗ Troubleshooting the ITSM Connector (ITSMC)  itsmc-troubleshooting"),
        "the other guide's title names it: {text}"
    );
    let mermaid = graph(&["cross-guide", "--format", "mermaid"]);
    assert!(
        mermaid.contains("q0 -->|\"Somewhere in the ITSM<br>connector\"| x1"),
        "{mermaid}"
    );
    assert!(mermaid.contains("e0 -.-> x0"), "{mermaid}");
}

#[test]
fn the_default_on_a_pipe_is_mermaid() {
    assert!(graph(&["itsmc-troubleshooting"]).contains("\nflowchart TD\n"));
}

#[test]
fn an_unknown_id_is_an_error_that_suggests() {
    let out = tshoot()
        .args(["graph", "itsmc-dashbord-errors"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("tshoot: error: no guide `itsmc-dashbord-errors`")
            && err.contains("did you mean `itsmc-dashboard-errors`?"),
        "{err}"
    );
    let out = tshoot()
        .args(["graph", "missing-connector"])
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "`missing-connector` is an error, not a guide (it is in itsmc-dashboard-errors)"
        ),
        "{err}"
    );
}

/// `text` with `&amp;`-style XML entities decoded.
fn xml_unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#45;", "-")
        .replace("&amp;", "&")
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn graphviz_accepts_the_dot_and_draws_every_label_literally() {
    if std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_err()
    {
        println!("note: Graphviz `dot` is not installed; DOT output not checked by Graphviz");
        return;
    }
    for id in BUILTIN.iter().chain(&FIXTURES) {
        let dot = graph(&[id, "--format", "dot"]);
        let mut child = std::process::Command::new("dot")
            .arg("-Tsvg")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("dot starts");
        std::io::Write::write_all(&mut child.stdin.take().expect("stdin"), dot.as_bytes())
            .expect("write");
        let out = child.wait_with_output().expect("dot runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() && stderr.is_empty(), "{id}: {stderr}");
        let svg = String::from_utf8_lossy(&out.stdout);
        let texts: Vec<String> = svg
            .split("<text ")
            .skip(1)
            .filter_map(|t| {
                let body = t.split_once('>')?.1;
                Some(xml_unescape(body.split_once("</text>")?.0))
            })
            .collect();
        let drawn = collapse(&texts.join(" "));
        let g = model(id, Lang::En);
        for node in &g.nodes {
            let shown = collapse(&format!("{} ({})", node.label, node.key));
            assert!(drawn.contains(&shown), "{id}: `{shown}` not drawn");
        }
        for label in g.edges.iter().filter_map(|e| e.label.as_deref()) {
            assert!(
                drawn.contains(&collapse(label)),
                "{id}: `{label}` not drawn"
            );
        }
        let nodes = svg.matches("class=\"node\"").count();
        assert_eq!(nodes, g.nodes.len(), "{id}: one shape per node");
    }
}

/// Decodes a Mermaid label, failing on anything that could end the string or the shape.
fn mermaid_label(raw: &str) -> String {
    assert!(
        !raw.contains('"') && !raw.contains('|'),
        "raw quote or pipe: {raw}"
    );
    let text = raw.replace("<br>", "\n");
    assert!(
        !text.contains('<') && !text.contains('>'),
        "raw HTML: {raw}"
    );
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find('#') {
        out.push_str(&rest[..at]);
        let (entity, after) = rest[at + 1..].split_once(';').expect("entity ends with ;");
        out.push(match entity {
            "quot" => '"',
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            n => char::from_u32(n.parse().expect("numeric entity")).expect("a char"),
        });
        rest = after;
    }
    out.push_str(rest);
    out
}

#[test]
fn mermaid_lines_follow_the_grammar_and_labels_decode_to_the_guide_text() {
    for id in BUILTIN.iter().chain(&FIXTURES) {
        let text = graph(&[id, "--format", "mermaid"]);
        let g = model(id, Lang::En);
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some(format!("%% tshoot graph {id}").as_str()));
        assert_eq!(lines.next(), Some("flowchart TD"));
        let (mut nodes, mut edges) = (Vec::new(), Vec::new());
        for line in lines {
            let line = line.strip_prefix("  ").expect("indented statement");
            if line.starts_with("classDef ") || line.starts_with("class ") {
                continue;
            }
            let (name, rest) = line.split_at(
                line.find(|c: char| !c.is_ascii_alphanumeric())
                    .expect("name ends"),
            );
            assert!(name.starts_with(['q', 'e', 'x']), "{id}: name {name}");
            if let Some(rest) = rest.strip_prefix(' ') {
                // An edge: `a -->|"label"| b`, `a --> b` or `a -.-> b`.
                let (arrow, to) = rest.rsplit_once(' ').expect("edge target");
                let label = if arrow == "-.->" {
                    None
                } else {
                    let inner = arrow
                        .strip_prefix("-->|\"")
                        .and_then(|a| a.strip_suffix("\"|"));
                    Some(mermaid_label(inner.expect("labelled arrow")))
                };
                edges.push((name.to_owned(), to.to_owned(), label));
            } else {
                let inner = ["{{", "(", "[["]
                    .iter()
                    .zip(["}}", ")", "]]"])
                    .find_map(|(open, close)| {
                        rest.strip_prefix(&format!("{open}\""))?
                            .strip_suffix(&format!("\"{close}"))
                    })
                    .unwrap_or_else(|| panic!("{id}: unbalanced shape: {line}"));
                nodes.push(mermaid_label(inner));
            }
        }
        assert_eq!(nodes.len(), g.nodes.len(), "{id}");
        for (drawn, node) in nodes.iter().zip(&g.nodes) {
            assert_eq!(
                collapse(drawn),
                collapse(&format!("{} ({})", node.label, node.key)),
                "{id}"
            );
        }
        assert_eq!(edges.len(), g.edges.len(), "{id}");
        for ((_, _, drawn), edge) in edges.iter().zip(&g.edges) {
            assert_eq!(
                drawn.as_deref().map(collapse),
                edge.label.as_deref().map(collapse),
                "{id}"
            );
        }
    }
}

#[test]
fn the_readme_mermaid_block_is_the_commands_output() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README");
    let marker = "<!-- tshoot graph itsmc-dashboard-errors --format mermaid -->\n```mermaid\n";
    let start = readme.find(marker).expect("README has the marked block") + marker.len();
    let block = &readme[start..start + readme[start..].find("```\n").expect("block ends")];
    assert_eq!(
        block,
        graph(&["itsmc-dashboard-errors", "--format", "mermaid"]),
        "regenerate the README block with `tshoot graph itsmc-dashboard-errors --format mermaid`"
    );
}

#[test]
fn the_committed_pictures_show_the_current_trees() {
    // The SVGs in assets/ are drawn by `tshoot graph ID --format dot | dot -Tsvg`; a guide
    // edit that adds or renames a node must redraw them.
    for id in BUILTIN {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("assets/graph-{id}.svg"));
        let svg = std::fs::read_to_string(&path).expect("picture exists");
        let texts: Vec<String> = svg
            .split("<text ")
            .skip(1)
            .filter_map(|t| Some(xml_unescape(t.split_once('>')?.1.split_once("</text>")?.0)))
            .collect();
        let g = model(id, Lang::En);
        for node in &g.nodes {
            assert!(
                texts.iter().any(|t| t == &format!("({})", node.key)),
                "{}: `{}` is not in the picture; redraw it",
                path.display(),
                node.key
            );
        }
        assert_eq!(
            svg.matches("class=\"node\"").count(),
            g.nodes.len(),
            "{}: redraw it",
            path.display()
        );
    }
}
