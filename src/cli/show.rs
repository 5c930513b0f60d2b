//! `tshoot show ID`: one error's reference entry, as text or JSON.

use std::io::Write;
use std::process::ExitCode;

use anstyle::{AnsiColor, Effects, Style};
use serde::Serialize;

use crate::guide::catalog::Lookup;
use crate::guide::{Catalog, ErrorEntry, Guide, Related, Text};
use crate::labels::Label;
use crate::lang::Lang;
use crate::markup::{self, Kind};

pub fn run(catalog: &Catalog, id: &str, lang: Lang, json: bool) -> anyhow::Result<ExitCode> {
    let (guide, error) = match catalog.find_error(id) {
        Ok(found) => found,
        Err(Lookup::Ambiguous(names)) => {
            super::report::error(format_args!(
                "`{id}` is an error of several guides; name one:\n  {}",
                names.join("\n  ")
            ));
            return Ok(ExitCode::from(2));
        }
        Err(Lookup::NotFound) => {
            super::report::error(super::ids::not_an_error(catalog, id));
            return Ok(ExitCode::from(1));
        }
    };
    let mut out = anstream::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &entry_json(catalog, guide, error, lang))?;
        writeln!(out)?;
    } else {
        write_entry(&mut out, catalog, guide, error, lang)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The error named by a `related` entry, with its guide.
fn related<'a>(
    catalog: &'a Catalog,
    guide: &'a Guide,
    r: &'a Related,
) -> Option<(&'a Guide, &'a ErrorEntry)> {
    match r {
        Related::Local(i) => Some((guide, guide.errors.get(*i)?)),
        Related::Other { guide, error, .. } => {
            let g = catalog.guide(guide)?;
            Some((g, g.error(error)?))
        }
    }
}

#[derive(Serialize)]
struct EntryJson<'a> {
    guide: &'a str,
    id: &'a str,
    title: &'a str,
    lang: Lang,
    messages: Vec<&'a str>,
    symptoms: Vec<&'a str>,
    causes: Vec<&'a str>,
    checklist: Vec<StepJson<'a>>,
    links: Vec<LinkJson<'a>>,
    related: Vec<RelatedJson<'a>>,
}

#[derive(Serialize)]
struct StepJson<'a> {
    step: &'a str,
    details: Option<&'a str>,
    link: Option<&'a str>,
}

#[derive(Serialize)]
struct LinkJson<'a> {
    title: &'a str,
    url: &'a str,
}

#[derive(Serialize)]
struct RelatedJson<'a> {
    guide: &'a str,
    id: &'a str,
    title: &'a str,
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

fn entry_json<'a>(
    catalog: &'a Catalog,
    guide: &'a Guide,
    error: &'a ErrorEntry,
    lang: Lang,
) -> EntryJson<'a> {
    let texts = |list: &'a [Text]| list.iter().map(|t| t.show(lang)).collect();
    EntryJson {
        guide: &guide.id,
        id: &error.id,
        title: error.title.show(lang),
        lang,
        messages: error.messages.iter().flat_map(Text::all).collect(),
        symptoms: texts(&error.symptoms),
        causes: texts(&error.causes),
        checklist: error
            .checklist
            .iter()
            .map(|s| StepJson {
                step: s.text.show(lang),
                details: s.details.as_ref().map(|d| d.show(lang)),
                link: s.link.as_deref(),
            })
            .collect(),
        links: error
            .links
            .iter()
            .map(|l| LinkJson {
                title: l.title.show(lang),
                url: &l.url,
            })
            .collect(),
        related: error
            .related
            .iter()
            .filter_map(|r| related(catalog, guide, r))
            .map(|(g, e)| RelatedJson {
                guide: &g.id,
                id: &e.id,
                title: e.title.show(lang),
            })
            .collect(),
    }
}

/// Writes a text with its inline Markdown styled, marking a fallback language visibly:
/// `text [en]`. On a pipe the styles are stripped, leaving plain text.
fn text(out: &mut impl Write, t: &Text, lang: Lang) -> std::io::Result<()> {
    let pick = t.get(lang);
    for span in markup::spans(pick.text) {
        let style = match span.kind {
            Kind::Plain => Style::new(),
            Kind::Strong => Style::new().effects(Effects::BOLD),
            Kind::Emphasis => Style::new().effects(Effects::ITALIC),
            Kind::Code => Style::new().fg_color(Some(AnsiColor::Yellow.into())),
            Kind::Link => Style::new().effects(Effects::UNDERLINE),
            Kind::Url => Style::new().effects(Effects::DIMMED),
        };
        write!(out, "{style}{}{style:#}", span.text)?;
    }
    if let Some(code) = pick.fallback {
        let dim = Style::new().effects(Effects::DIMMED);
        write!(out, " {dim}[{code}]{dim:#}")?;
    }
    Ok(())
}

/// Writes `text` with every line after the first indented by `indent`.
fn indented(out: &mut impl Write, t: &Text, lang: Lang, indent: &str) -> std::io::Result<()> {
    let mut buf = Vec::new();
    text(&mut buf, t, lang)?;
    let s = String::from_utf8_lossy(&buf);
    write!(
        out,
        "{}",
        s.trim_end().replace('\n', &format!("\n{indent}"))
    )
}

fn write_entry(
    out: &mut impl Write,
    catalog: &Catalog,
    guide: &Guide,
    error: &ErrorEntry,
    lang: Lang,
) -> std::io::Result<()> {
    let bold = Style::new().effects(Effects::BOLD);
    let heading = Style::new()
        .fg_color(Some(AnsiColor::Cyan.into()))
        .effects(Effects::BOLD);
    let dim = Style::new().effects(Effects::DIMMED);

    write!(out, "{bold}")?;
    text(out, &error.title, lang)?;
    writeln!(out, "{bold:#}")?;
    write!(out, "{dim}{}/{} · ", guide.id, error.id)?;
    text(out, &guide.title, lang)?;
    writeln!(out, "{dim:#}")?;

    let section = |out: &mut dyn Write, label: Label| -> std::io::Result<()> {
        writeln!(out, "\n{heading}{}{heading:#}", label.text(lang))
    };
    if !error.messages.is_empty() {
        section(out, Label::Messages)?;
        for message in error.messages.iter().flat_map(Text::all) {
            writeln!(out, "  {}", message.replace('\n', "\n  "))?;
        }
    }
    for (label, list) in [
        (Label::Symptoms, &error.symptoms),
        (Label::Causes, &error.causes),
    ] {
        if !list.is_empty() {
            section(out, label)?;
            for item in list {
                write!(out, "  • ")?;
                indented(out, item, lang, "    ")?;
                writeln!(out)?;
            }
        }
    }
    section(out, Label::Checklist)?;
    for (n, step) in error.checklist.iter().enumerate() {
        write!(out, "  {:>2}. ", n + 1)?;
        indented(out, &step.text, lang, "      ")?;
        writeln!(out)?;
        if let Some(details) = &step.details {
            write!(out, "      ")?;
            indented(out, details, lang, "      ")?;
            writeln!(out)?;
        }
        if let Some(link) = &step.link {
            writeln!(out, "      → {link}")?;
        }
    }
    if !error.links.is_empty() {
        section(out, Label::Links)?;
        for link in &error.links {
            write!(out, "  • ")?;
            text(out, &link.title, lang)?;
            writeln!(out, "\n    {}", link.url)?;
        }
    }
    let related: Vec<_> = error
        .related
        .iter()
        .filter_map(|r| related(catalog, guide, r))
        .collect();
    if !related.is_empty() {
        section(out, Label::Related)?;
        for (g, e) in related {
            write!(out, "  • {bold}{}/{}{bold:#}  ", g.id, e.id)?;
            text(out, &e.title, lang)?;
            writeln!(out)?;
        }
    }
    Ok(())
}
