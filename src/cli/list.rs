//! `tshoot list`: the loaded guides with their error counts; with a warm cache, from its
//! summary alone.

use std::io::Write;
use std::process::ExitCode;

use anstyle::{Effects, Style};
use serde::Serialize;

use super::{Context, report};
use crate::guide::Text;
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

/// One guide as listed, from the catalog or from the cache's summary.
struct Row<'a> {
    id: &'a str,
    title: &'a Text,
    summary: Option<&'a Text>,
    errors: usize,
    languages: &'a [String],
    file: &'a str,
}

/// `tshoot list`: from the cache's summary when nothing changed since it was written (no
/// guide decoded), else from the loaded guides.
pub fn command(context: &Context, json: bool) -> anyhow::Result<ExitCode> {
    if let Some(cache) = &context.cache
        && let Some(summary) = crate::cache::summary(&context.sources, cache)
    {
        report::warn_all(&summary.problems);
        let rows: Vec<Row> = summary
            .guides
            .iter()
            .map(|g| Row {
                id: &g.id,
                title: &g.title,
                summary: g.summary.as_ref(),
                errors: usize::try_from(g.errors).unwrap_or(usize::MAX),
                languages: &g.languages,
                file: &g.file,
            })
            .collect();
        return run(&rows, context.lang, json);
    }
    let catalog = super::load(context);
    let rows: Vec<Row> = catalog
        .guides
        .iter()
        .map(|g| Row {
            id: &g.id,
            title: &g.title,
            summary: g.summary.as_ref(),
            errors: g.errors.len(),
            languages: &g.languages,
            file: &g.origin.file,
        })
        .collect();
    let code = run(&rows, context.lang, json);
    // The process ends right after this: freeing the catalog piece by piece would only
    // cost time (a fifth of a warm `list` at 50,000 errors).
    std::mem::forget(catalog);
    code
}

fn run(guides: &[Row], lang: Lang, json: bool) -> anyhow::Result<ExitCode> {
    let mut out = anstream::stdout().lock();
    if json {
        let guides: Vec<GuideJson> = guides
            .iter()
            .map(|g| GuideJson {
                id: g.id,
                title: g.title.show(lang),
                summary: g.summary.map(|s| s.show(lang)),
                errors: g.errors,
                languages: g.languages,
                file: g.file,
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &guides)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    if guides.is_empty() {
        writeln!(out, "{}", Label::NoGuides.text(lang))?;
        return Ok(ExitCode::SUCCESS);
    }
    let bold = Style::new().effects(Effects::BOLD);
    let width = guides.iter().map(|g| g.id.len()).max().unwrap_or(0);
    writeln!(out, "{bold}{}{bold:#}", Label::Guides.text(lang))?;
    for guide in guides {
        let count = Label::errors(guide.errors, lang);
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
