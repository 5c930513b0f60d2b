//! `tshoot triage [FILE...]`: the known errors in log files, most frequent first; or every
//! matching line (`--annotate`), or JSON. Exit 0 when a known error was found, 1 when none,
//! 2 when an input could not be read (the others are still read), like grep.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use anstyle::{Effects, Style};
use serde::Serialize;

use crate::guide::Catalog;
use crate::lang::Lang;
use crate::triage::{self, Control, FileReport, Input, Matcher, Place, Tallies};

/// What `triage` was asked.
#[derive(Debug)]
pub struct Request<'a> {
    pub files: &'a [String],
    pub json: bool,
    pub annotate: bool,
    pub guide: Option<&'a str>,
    pub text: bool,
}

#[derive(Serialize)]
struct PlaceJson<'a> {
    file: &'a str,
    line: u64,
}

#[derive(Serialize)]
struct TallyJson<'a> {
    guide: &'a str,
    id: &'a str,
    title: &'a str,
    count: u64,
    first: PlaceJson<'a>,
    last: PlaceJson<'a>,
    captures: serde_json::Map<String, serde_json::Value>,
    sample: &'a str,
}

/// The inputs named, or standard input when none are and it is not a terminal.
pub fn inputs(files: &[String]) -> anyhow::Result<Vec<Input>> {
    if files.is_empty() {
        anyhow::ensure!(
            !std::io::stdin().is_terminal(),
            "give a log file to read, or - for standard input"
        );
        return Ok(vec![Input::Stdin]);
    }
    Ok(files.iter().map(|f| Input::from_arg(f)).collect())
}

pub fn run(
    catalog: Catalog,
    request: &Request,
    context: &super::Context,
) -> anyhow::Result<ExitCode> {
    if let Some(id) = request.guide {
        anyhow::ensure!(catalog.guide(id).is_some(), "no guide `{id}` is loaded");
    }
    let inputs = inputs(request.files)?;
    // Files named on a terminal: the triage screen, reading in the background.
    let on_terminal = std::io::stdout().is_terminal() && std::io::stdin().is_terminal();
    if on_terminal && !request.json && !request.annotate && !request.text {
        let mut app = super::new_app(catalog, context);
        let screen = crate::tui::screens::triage::Triage::start(inputs, request.guide, &app.cx);
        app.stack.push(screen.into());
        return super::run_app(&mut app, context);
    }
    let (catalog, lang) = (&catalog, context.lang);
    let matcher = Arc::new(Matcher::new(catalog, request.guide));
    let control = Arc::new(Control::default());
    // Ctrl-C stops reading and still shows what was found (an endless pipe must end somehow).
    let _ = signal_hook::flag::register(signal_hook::consts::SIGINT, Arc::clone(&control.cancel));

    let mut tallies = Tallies::default();
    let mut out = anstream::stdout().lock();
    let bold = Style::new().effects(Effects::BOLD);
    let names: Vec<String> = inputs.iter().map(Input::name).collect();
    let mut write_error: Option<std::io::Error> = None;
    let options = triage::Options {
        text: request.text,
        ..triage::Options::default()
    };
    let reports = triage::run(&matcher, &inputs, options, &control, |file, line, hit| {
        tallies.add(Place { file, line }, hit);
        if request.annotate && write_error.is_none() {
            let known = matcher.known[hit.known as usize];
            let guide = &catalog.guides[known.guide];
            if let Err(e) = writeln!(
                out,
                "{}:{line}: {bold}{}/{}{bold:#}: {}",
                names[file], guide.id, guide.errors[known.error].id, hit.text
            ) {
                // A reader that went away: stop reading.
                control.cancel.store(true, Ordering::Relaxed);
                write_error = Some(e);
            }
        }
    });
    if let Some(e) = write_error {
        return Err(e.into());
    }
    report_problems(&reports);
    if request.json {
        write_json(&mut out, catalog, &matcher, &tallies, &names, lang)?;
    } else if !request.annotate {
        write_summary(&mut out, catalog, &matcher, &tallies, &names, lang)?;
        write_files(&mut out, &reports)?;
    }
    out.flush()?;
    let interrupted = reports.iter().any(|r| r.outcome.cancelled);
    Ok(if interrupted {
        ExitCode::from(130)
    } else if reports.iter().any(FileReport::failed) {
        ExitCode::from(2)
    } else if tallies.list.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Problems on stderr, each naming its input.
fn report_problems(reports: &[FileReport]) {
    let mut err = anstream::stderr();
    for r in reports {
        if let Some(problem) = &r.problem {
            let _ = writeln!(err, "tshoot: error: {problem}");
        }
        if let Some(error) = &r.outcome.error {
            let _ = writeln!(
                err,
                "tshoot: error: {}: {error}; the {} lines before it were read",
                r.name, r.outcome.lines
            );
        }
        if r.outcome.binary {
            let _ = writeln!(
                err,
                "tshoot: warning: {}: binary file (it holds NUL bytes), skipped; --text reads it anyway",
                r.name
            );
        }
        if let Some(at) = r.outcome.binary_from {
            let _ = writeln!(
                err,
                "tshoot: warning: {}: binary data (a NUL byte) at byte {at}; the {} lines before it were read, the rest skipped; --text reads it anyway",
                r.name, r.outcome.lines
            );
        }
        if r.outcome.cancelled {
            let _ = writeln!(
                err,
                "tshoot: warning: {}: interrupted after {} lines; showing what was found so far",
                r.name, r.outcome.lines
            );
        }
    }
}

fn write_summary(
    out: &mut impl Write,
    catalog: &Catalog,
    matcher: &Matcher,
    tallies: &Tallies,
    names: &[String],
    lang: Lang,
) -> anyhow::Result<()> {
    let bold = Style::new().effects(Effects::BOLD);
    let dim = Style::new().effects(Effects::DIMMED);
    let ranked = tallies.ranked();
    if ranked.is_empty() {
        writeln!(out, "No known error found.")?;
    }
    let width = ranked.first().map_or(1, |t| t.count.to_string().len());
    for t in ranked {
        let known = matcher.known[t.known as usize];
        let guide = &catalog.guides[known.guide];
        let error = &guide.errors[known.error];
        writeln!(
            out,
            "{bold}{:>width$}{bold:#}  {bold}{}/{}{bold:#}  {}",
            t.count,
            guide.id,
            error.id,
            error.title.show(lang)
        )?;
        let pad = " ".repeat(width + 2);
        let at = |p: Place| format!("{}:{}", names[p.file], p.line);
        writeln!(
            out,
            "{pad}{dim}first{dim:#} {}  {dim}last{dim:#} {}",
            at(t.first),
            at(t.last)
        )?;
        for values in &t.values {
            let shown: Vec<String> = values
                .top()
                .iter()
                .map(|(v, n)| format!("{v} ({n})"))
                .collect();
            let more = values.counts.len().saturating_sub(shown.len());
            let more = if more > 0 || values.others > 0 {
                format!(", {dim}and more{dim:#}")
            } else {
                String::new()
            };
            writeln!(
                out,
                "{pad}{dim}{}:{dim:#} {}{more}",
                values.name,
                shown.join(", ")
            )?;
        }
        writeln!(out, "{pad}{dim}sample:{dim:#} {}", t.sample)?;
    }
    Ok(())
}

fn write_files(out: &mut impl Write, reports: &[FileReport]) -> anyhow::Result<()> {
    writeln!(out)?;
    for r in reports {
        #[allow(clippy::cast_precision_loss, reason = "a size shown to one decimal")]
        let mb = r.outcome.bytes as f64 / 1e6;
        let state = if r.problem.is_some() {
            " (not read)"
        } else if r.outcome.binary {
            " (binary, skipped)"
        } else if r.outcome.binary_from.is_some() {
            " (binary from there on, skipped)"
        } else if r.outcome.error.is_some() {
            " (stopped early)"
        } else if r.outcome.cancelled {
            " (interrupted)"
        } else {
            ""
        };
        writeln!(
            out,
            "{}: {} lines, {mb:.1} MB, {:.2} s{state}",
            r.name,
            r.outcome.lines,
            r.elapsed.as_secs_f64()
        )?;
    }
    Ok(())
}

fn write_json(
    out: &mut impl Write,
    catalog: &Catalog,
    matcher: &Matcher,
    tallies: &Tallies,
    names: &[String],
    lang: Lang,
) -> anyhow::Result<()> {
    let list: Vec<TallyJson> = tallies
        .ranked()
        .into_iter()
        .map(|t| {
            let known = matcher.known[t.known as usize];
            let guide = &catalog.guides[known.guide];
            let error = &guide.errors[known.error];
            let captures = t
                .values
                .iter()
                .map(|v| {
                    let pairs = v
                        .top()
                        .into_iter()
                        .map(|(value, n)| serde_json::json!([value, n]))
                        .collect();
                    (v.name.clone(), serde_json::Value::Array(pairs))
                })
                .collect();
            TallyJson {
                guide: &guide.id,
                id: &error.id,
                title: error.title.show(lang),
                count: t.count,
                first: PlaceJson {
                    file: &names[t.first.file],
                    line: t.first.line,
                },
                last: PlaceJson {
                    file: &names[t.last.file],
                    line: t.last.line,
                },
                captures,
                sample: &t.sample,
            }
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &list)?;
    writeln!(out)?;
    Ok(())
}
