//! `tshoot search TEXT...`: ranked matches, like grep: exit 0 with hits, 1 with none.

use std::fmt::Write as _;
use std::io::Write;
use std::process::ExitCode;

use anstyle::{Effects, Style};
use serde::Serialize;

use crate::guide::Catalog;
use crate::lang::Lang;
use crate::search::highlight::Highlighter;
use crate::search::{self, FieldKind, Hit, Index};

/// What `search` was asked.
#[derive(Debug)]
pub struct Request<'a> {
    pub text: &'a str,
    pub limit: usize,
    pub guide: Option<&'a str>,
    pub json: bool,
}

#[derive(Serialize)]
struct HitJson<'a> {
    guide: &'a str,
    id: &'a str,
    title: &'a str,
    score: u32,
    field: FieldKind,
    text: &'a str,
    captures: serde_json::Map<String, serde_json::Value>,
}

pub fn run(catalog: &Catalog, request: &Request, lang: Lang) -> anyhow::Result<ExitCode> {
    let index = Index::new(catalog);
    let hits: Vec<Hit> = search::search(&index, request.text)
        .into_iter()
        .filter(|h| {
            request
                .guide
                .is_none_or(|g| catalog.guides[h.entry.guide].id == g)
        })
        .take(request.limit)
        .collect();
    let highlighter = Highlighter::new(&index, request.text);
    let mut out = anstream::stdout().lock();
    if request.json {
        let list: Vec<HitJson> = hits
            .iter()
            .map(|hit| {
                let guide = &catalog.guides[hit.entry.guide];
                let field = &index.fields[highlighter.best_field(hit) as usize];
                HitJson {
                    guide: &guide.id,
                    id: &guide.errors[hit.entry.error].id,
                    title: guide.errors[hit.entry.error].title.show(lang),
                    score: hit.score,
                    field: field.kind,
                    text: &field.text,
                    captures: hit
                        .captures
                        .iter()
                        .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
                        .collect(),
                }
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &list)?;
        writeln!(out)?;
    } else {
        let bold = Style::new().effects(Effects::BOLD);
        let dim = Style::new().effects(Effects::DIMMED);
        let mark = Style::new().effects(Effects::BOLD | Effects::UNDERLINE);
        for hit in &hits {
            let guide = &catalog.guides[hit.entry.guide];
            let error = &guide.errors[hit.entry.error];
            writeln!(
                out,
                "{bold}{}/{}{bold:#}  {}  {dim}{}{dim:#}",
                guide.id,
                error.id,
                error.title.show(lang),
                hit.score
            )?;
            let field = highlighter.best_field(hit);
            let text = &index.fields[field as usize].text;
            let ranges = highlighter.ranges(field);
            let mut line = String::new();
            let mut at = 0;
            for r in ranges {
                line.push_str(&text[at..r.start]);
                let _ = write!(line, "{mark}{}{mark:#}", &text[r.clone()]);
                at = r.end;
            }
            line.push_str(&text[at..]);
            writeln!(out, "    {}", line.replace('\n', " "))?;
            for (name, value) in &hit.captures {
                writeln!(out, "    {dim}{name} ={dim:#} {value}")?;
            }
        }
    }
    // The process ends right after this: freeing the index piece by piece would only
    // cost time.
    std::mem::forget(index);
    Ok(if hits.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
