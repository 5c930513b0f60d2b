//! `tshoot list`: the loaded guides with their error counts.

use std::io::Write;
use std::process::ExitCode;

use anstyle::{Effects, Style};
use serde::Serialize;

use crate::guide::Catalog;
use crate::labels::Label;
use crate::lang::Lang;

#[derive(Serialize)]
struct GuideJson<'a> {
    id: &'a str,
    title: &'a str,
    summary: Option<&'a str>,
    errors: usize,
    languages: &'a [String],
    file: &'a str,
}

pub fn run(catalog: &Catalog, lang: Lang, json: bool) -> anyhow::Result<ExitCode> {
    let mut out = anstream::stdout().lock();
    if json {
        let guides: Vec<GuideJson> = catalog
            .guides
            .iter()
            .map(|g| GuideJson {
                id: &g.id,
                title: g.title.show(lang),
                summary: g.summary.as_ref().map(|s| s.show(lang)),
                errors: g.errors.len(),
                languages: &g.languages,
                file: &g.origin.file,
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &guides)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    if catalog.guides.is_empty() {
        writeln!(out, "{}", Label::NoGuides.text(lang))?;
        return Ok(ExitCode::SUCCESS);
    }
    let bold = Style::new().effects(Effects::BOLD);
    let width = catalog.guides.iter().map(|g| g.id.len()).max().unwrap_or(0);
    writeln!(out, "{bold}{}{bold:#}", Label::Guides.text(lang))?;
    for guide in &catalog.guides {
        let count = Label::errors(guide.errors.len(), lang);
        writeln!(
            out,
            "  {bold}{:width$}{bold:#}  {count:>9}  {}",
            guide.id,
            guide.title.show(lang)
        )?;
    }
    let dim = Style::new().effects(Effects::DIMMED);
    writeln!(out, "\n{dim}{}{dim:#}", Label::ShowHint.text(lang))?;
    Ok(ExitCode::SUCCESS)
}
