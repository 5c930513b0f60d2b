//! `tshoot search TEXT...` (or `-` for standard input): ranked matches, like grep: exit 0
//! with hits, 1 with none, 2 for a usage error (an empty query, `--limit 0`).

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::process::ExitCode;

use anstyle::{Effects, Style};
use serde::Serialize;

use crate::guide::Catalog;
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

pub fn run(
    catalog: &Catalog,
    index: &Index,
    request: &Request,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let text = query_text(request)?;
    let results = search::search_all(index, &text);
    if let Some(range) = &results.clipped {
        writeln!(
            anstream::stderr(),
            "tshoot: warning: the text is {} KB; searched only its most informative part ({} KB)",
            text.len() / 1024,
            range.len().div_ceil(1024)
        )?;
    }
    let hits: Vec<Hit> = results
        .hits
        .into_iter()
        .filter(|h| {
            request
                .guide
                .is_none_or(|g| catalog.guides[h.entry.guide].id == g)
        })
        .take(request.limit)
        .collect();
    let mut out = anstream::stdout().lock();
    if request.json {
        let list: Vec<HitJson> = hits
            .iter()
            .map(|hit| {
                let guide = &catalog.guides[hit.entry.guide];
                let field = &index.fields[highlight::show_field(index, hit) as usize];
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
    Ok(if hits.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
