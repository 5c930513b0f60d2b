//! `tshoot validate [PATH...]`: check guides the way a compiler checks code.
//!
//! With paths, those files and folders are checked, with the configured guides loaded
//! beside them so that `guide-id/error-id` references into them resolve. Without paths,
//! every configured source is checked. Exit 0 when no errors were found (warnings are
//! printed but do not fail), 1 otherwise.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::guide::Severity;
use crate::guide::catalog::{Catalog, Source};

use super::Context;

pub fn run(context: &Context, paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let mut sources = context.sources.clone();
    let first_checked = if paths.is_empty() { 0 } else { sources.len() };
    sources.extend(paths.iter().map(|path| Source::Path {
        path: path.clone(),
        optional: false,
    }));
    let catalog = Catalog::load(&sources);

    let mut out = anstream::stdout().lock();
    let (mut errors, mut warnings) = (0, 0);
    let checked = catalog
        .problems
        .iter()
        .filter(|p| p.source >= first_checked)
        .map(|p| &p.diagnostic);
    for diagnostic in checked {
        match diagnostic.severity {
            Severity::Error => errors += 1,
            Severity::Warning => warnings += 1,
        }
        writeln!(out, "{diagnostic}")?;
    }
    let guides = catalog
        .guides
        .iter()
        .filter(|g| g.origin.source >= first_checked)
        .count();
    writeln!(
        anstream::stderr(),
        "{guides} {} loaded; {errors} {}, {warnings} {}",
        plural(guides, "guide", "guides"),
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings"),
    )?;
    Ok(if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}
