//! `tshoot search TEXT...` (or `-` for standard input): ranked matches, like grep: exit 0
//! with hits, 1 with none, 2 for a usage error (an empty query, `--limit 0`).

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::process::ExitCode;

use anyhow::Context as _;

use anstyle::{Effects, Style};
use serde::Serialize;

use super::{Context, report};
use crate::cache::summary::Summary;
use crate::guide::{Catalog, Text};
use crate::lang::Lang;
use crate::search::{self, FieldKind, Hit, Index, highlight};

/// Most bytes read from standard input; the rest is ignored, with a warning.
const MAX_STDIN_BYTES: u64 = 16 * 1024 * 1024;

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

/// The text to search: the arguments, or standard input for `-`.
fn query_text(request: &Request) -> anyhow::Result<String> {
    anyhow::ensure!(
        request.limit > 0,
        "`--limit 0` would show nothing; give a limit of 1 or more"
    );
    let text = if request.text == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(MAX_STDIN_BYTES + 1)
            .read_to_end(&mut bytes)?;
        if bytes.len() as u64 > MAX_STDIN_BYTES {
            bytes.truncate(usize::try_from(MAX_STDIN_BYTES).unwrap_or(usize::MAX));
            writeln!(
                anstream::stderr(),
                "tshoot: warning: standard input is longer than 16 MB; searching its first 16 MB"
            )?;
        }
        String::from_utf8_lossy(&bytes).into_owned()
    } else {
        request.text.to_owned()
    };
    anyhow::ensure!(
        !text.trim().is_empty(),
        "the search text is empty; give words, a message, or `-` to read standard input"
    );
    Ok(text)
}

/// What a hit shows of the catalog: the loaded catalog, or the cache's summary, which
/// decodes only the errors shown (see [`crate::cache::summary`]).
enum Names<'a> {
    Catalog(&'a Catalog),
    Summary(&'a Summary),
}

/// The names of a hit's error.
struct Row {
    guide: String,
    id: String,
    title: Text,
}

impl Names<'_> {
    fn guide_id(&self, guide: usize) -> Option<&str> {
        match self {
            Names::Catalog(c) => c.guides.get(guide).map(|g| g.id.as_str()),
            Names::Summary(s) => s.guides.get(guide).map(|g| g.id.as_str()),
        }
    }

    fn has_guide(&self, id: &str) -> bool {
        match self {
            Names::Catalog(c) => c.guide(id).is_some(),
            Names::Summary(s) => s.guides.iter().any(|g| g.id == id),
        }
    }

    /// `None` when a cached error does not decode soundly.
    fn row(&self, guide: usize, error: usize) -> Option<Row> {
        let (id, title) = match self {
            Names::Catalog(c) => {
                let e = c.guides.get(guide)?.errors.get(error)?;
                (e.id.clone(), e.title.clone())
            }
            Names::Summary(s) => {
                let e = s.error(guide, error)?;
                (e.id, e.title)
            }
        };
        Some(Row {
            guide: self.guide_id(guide)?.to_owned(),
            id,
            title,
        })
    }
}

/// `tshoot search`: from the cache's summary and index when nothing changed since they
/// were written (no guide decoded), else from the loaded guides.
pub fn command(context: &Context, request: &Request) -> anyhow::Result<ExitCode> {
    let text = query_text(request)?;
    if let Some(cache) = &context.cache
        && let Some((summary, index)) = crate::cache::summary_indexed(&context.sources, cache)
    {
        let problems = || report::warn_all(&summary.problems);
        let code = run(
            &Names::Summary(&summary),
            &index,
            request,
            &text,
            context.lang,
            problems,
        )?;
        // The process ends right after this: freeing the index piece by piece would only
        // cost time.
        if let Some(code) = code {
            std::mem::forget((summary, index));
            return Ok(code);
        }
        summary.discard();
    }
    let (catalog, index) = super::cache::load_indexed(context);
    let code = run(
        &Names::Catalog(&catalog),
        &index,
        request,
        &text,
        context.lang,
        || {},
    )?;
    std::mem::forget((catalog, index));
    code.context("a search hit names an error the catalog does not have")
}

/// Answers `request` for the query `text`; `problems` prints what the load found wrong,
/// once the hits' names are known. `None` (nothing printed) when a name could not be read.
fn run(
    names: &Names,
    index: &Index,
    request: &Request,
    text: &str,
    lang: Lang,
    problems: impl FnOnce(),
) -> anyhow::Result<Option<ExitCode>> {
    let results = search::search_all(index, text);
    let hits: Vec<Hit> = results
        .hits
        .into_iter()
        .filter(|h| {
            request
                .guide
                .is_none_or(|g| names.guide_id(h.entry.guide) == Some(g))
        })
        .take(request.limit)
        .collect();
    let Some(rows) = hits
        .iter()
        .map(|h| names.row(h.entry.guide, h.entry.error))
        .collect::<Option<Vec<Row>>>()
    else {
        return Ok(None);
    };
    problems();
    if let Some(id) = request.guide {
        anyhow::ensure!(names.has_guide(id), "no guide `{id}` is loaded");
    }
    if let Some(range) = &results.clipped {
        writeln!(
            anstream::stderr(),
            "tshoot: warning: the text is {} KB; searched only its most informative part ({} KB)",
            text.len() / 1024,
            range.len().div_ceil(1024)
        )?;
    }
    let mut out = anstream::stdout().lock();
    if request.json {
        let list: Vec<HitJson> = hits
            .iter()
            .zip(&rows)
            .map(|(hit, row)| {
                let field = &index.fields[highlight::show_field(index, hit) as usize];
                HitJson {
                    guide: &row.guide,
                    id: &row.id,
                    title: row.title.show(lang),
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
        for (hit, row) in hits.iter().zip(&rows) {
            writeln!(
                out,
                "{bold}{}/{}{bold:#}  {}  {dim}{}{dim:#}",
                row.guide,
                row.id,
                row.title.show(lang),
                hit.score
            )?;
            let field = highlight::show_field(index, hit);
            let text = &index.fields[field as usize].text;
            let ranges = highlight::marks(index, hit, field);
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
    Ok(Some(if hits.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }))
}
