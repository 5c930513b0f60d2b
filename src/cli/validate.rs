//! `tshoot validate [PATH...] [--format text|json|github] [--watch]`: check guides the way a
//! compiler checks code, in the shape the reader needs — a person (`path:line:col:
//! severity: message`), a script (JSON) or a GitHub workflow (annotations on the diff).
//!
//! With paths, those files and folders are checked, with the configured guides loaded
//! beside them so that `guide-id/error-id` references into them resolve. Without paths,
//! every configured source is checked. A named folder holding no guide file is itself an
//! error: a CI job pointed at the wrong folder must not pass. Exit 0 when no errors were
//! found (warnings are printed but do not fail), 1 otherwise.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use crate::guide::catalog::{Catalog, Source};
use crate::guide::{Diagnostic, Severity};

use super::Context;

/// How diagnostics are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// `path:line:col: severity: message`, one per line.
    #[default]
    Text,
    /// One JSON array per check: path, line, column, severity, message, rule.
    Json,
    /// GitHub Actions workflow commands: `::error file=F,line=L,col=C::MESSAGE`.
    Github,
}

/// The outcome of one check.
#[derive(Debug)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    pub guides: usize,
}

impl Report {
    fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    #[must_use]
    pub fn exit_code(&self) -> ExitCode {
        if self.count(Severity::Error) == 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        }
    }
}

pub fn run(
    context: &Context,
    paths: &[PathBuf],
    format: Format,
    watch: bool,
) -> anyhow::Result<ExitCode> {
    if watch {
        return super::validate_watch::run(context, paths, format);
    }
    let report = check(context, paths);
    print(&report, format)?;
    Ok(report.exit_code())
}

/// Loads the configured sources and `paths`, and keeps what concerns the checked ones.
#[must_use]
pub fn check(context: &Context, paths: &[PathBuf]) -> Report {
    let mut sources = context.sources.clone();
    let first_checked = if paths.is_empty() { 0 } else { sources.len() };
    sources.extend(paths.iter().map(|path| Source::Path {
        path: path.clone(),
        optional: false,
    }));
    let catalog = Catalog::load(&sources);
    let mut diagnostics: Vec<Diagnostic> = catalog
        .problems
        .iter()
        .filter(|p| p.source >= first_checked)
        .map(|p| p.diagnostic.clone())
        .collect();
    let from = |source: usize| {
        catalog.guides.iter().any(|g| g.origin.source == source)
            || catalog.problems.iter().any(|p| p.source == source)
    };
    for (i, path) in paths.iter().enumerate() {
        if !from(first_checked + i) {
            diagnostics.push(Diagnostic {
                file: path.display().to_string(),
                pos: None,
                severity: Severity::Error,
                message: "no guide file (*.yaml, *.yml) in this folder".to_owned(),
            });
        }
    }
    let guides = catalog
        .guides
        .iter()
        .filter(|g| g.origin.source >= first_checked)
        .count();
    Report {
        diagnostics,
        guides,
    }
}

#[derive(Serialize)]
struct DiagnosticJson<'a> {
    path: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    severity: &'static str,
    message: &'a str,
    rule: &'static str,
}

fn severity(d: &Diagnostic) -> &'static str {
    match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// Escapes the message of a GitHub workflow command.
fn github_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property (`file=…`, `title=…`) of a GitHub workflow command.
fn github_property(s: &str) -> String {
    github_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Writes a report's diagnostics on stdout and its summary on stderr.
pub fn print(report: &Report, format: Format) -> anyhow::Result<()> {
    let mut out = anstream::stdout().lock();
    match format {
        Format::Text => {
            for d in &report.diagnostics {
                writeln!(out, "{d}")?;
            }
        }
        Format::Json => {
            let list: Vec<DiagnosticJson> = report
                .diagnostics
                .iter()
                .map(|d| DiagnosticJson {
                    path: &d.file,
                    line: d.pos.map(|p| p.line),
                    column: d.pos.map(|p| p.col),
                    severity: severity(d),
                    message: &d.message,
                    rule: super::rule::of(&d.message),
                })
                .collect();
            serde_json::to_writer(&mut out, &list)?;
            writeln!(out)?;
        }
        Format::Github => {
            for d in &report.diagnostics {
                let place = d
                    .pos
                    .map(|pos| format!(",line={},col={}", pos.line, pos.col))
                    .unwrap_or_default();
                let props = format!("file={}{place}", github_property(&d.file));
                let title = format!("tshoot {}", super::rule::of(&d.message));
                writeln!(
                    out,
                    "::{} {props},title={}::{}",
                    severity(d),
                    github_property(&title),
                    github_data(&d.message)
                )?;
            }
        }
    }
    out.flush()?;
    let (errors, warnings) = (
        report.count(Severity::Error),
        report.count(Severity::Warning),
    );
    writeln!(
        anstream::stderr(),
        "{} {} loaded; {errors} {}, {warnings} {}",
        report.guides,
        plural(report.guides, "guide", "guides"),
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings"),
    )?;
    Ok(())
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

#[cfg(test)]
mod tests {
    use super::{github_data, github_property};

    #[test]
    fn github_escapes_keep_a_command_on_one_line_and_its_properties_apart() {
        assert_eq!(github_data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(github_property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(github_data("a::b"), "a::b", "only properties escape colons");
    }
}
