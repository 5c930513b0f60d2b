//! `tshoot graph GUIDE-ID [--format mermaid|dot|text]`: a guide's decision tree as a
//! picture source or a terminal tree.
//!
//! The text tree is the default on a terminal; on a pipe the default is Mermaid, the
//! format one pastes into a Markdown page.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use crate::graph::{self, Graph};
use crate::guide::Catalog;
use crate::lang::Lang;

/// The output formats of `tshoot graph`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Mermaid `flowchart TD`, drawn by GitHub and Markdown viewers.
    Mermaid,
    /// Graphviz DOT, for `dot -Tsvg`.
    Dot,
    /// A Unicode tree for the terminal.
    Text,
}

pub fn run(
    catalog: &Catalog,
    id: &str,
    format: Option<Format>,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let guide = super::ids::guide(catalog, id)?;
    let graph = Graph::of(guide, catalog, lang);
    let format = format.unwrap_or(if std::io::stdout().is_terminal() {
        Format::Text
    } else {
        Format::Mermaid
    });
    let text = match format {
        Format::Mermaid => graph::mermaid(&graph),
        Format::Dot => graph::dot(&graph),
        Format::Text => graph::text(&graph),
    };
    let mut out = anstream::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
