//! The one shape of every message on stderr: `tshoot: error: …` or `tshoot: warning: …`,
//! clap's usage errors included, and the `--color` choice that governs every stream.
//!
//! A user (or a script grepping a CI log) should meet one format only, whichever part of
//! tshoot speaks. Styles go through `anstream`, which drops them on a pipe, with
//! `--color never`, and with `NO_COLOR` (and keeps them with `CLICOLOR_FORCE`).

use std::ffi::OsString;
use std::fmt::Display;
use std::io::Write;
use std::process::ExitCode;

use anstyle::{AnsiColor, Effects, Style};

/// When to colour output (`--color`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorWhen {
    /// Colour on a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it).
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorWhen {
    /// Makes this the choice of every `anstream` stream of the process.
    pub fn apply(self) {
        let choice = match self {
            ColorWhen::Auto => anstream::ColorChoice::Auto,
            ColorWhen::Always => anstream::ColorChoice::Always,
            ColorWhen::Never => anstream::ColorChoice::Never,
        };
        choice.write_global();
    }

    /// Whether styled output is wanted on a terminal: `--color`, then `NO_COLOR`.
    #[must_use]
    pub fn styles_on_terminal(self) -> bool {
        match self {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    /// The `--color` value among raw arguments, read before clap parses them so that
    /// clap's own messages already follow it. The last one wins, as clap would decide.
    #[must_use]
    pub fn from_raw_args(args: &[OsString]) -> Option<ColorWhen> {
        let mut found = None;
        let mut iter = args.iter().skip(1).map(|a| a.to_str().unwrap_or_default());
        while let Some(arg) = iter.next() {
            if arg == "--" {
                break;
            }
            let value = match arg.strip_prefix("--color") {
                Some("") => iter.next(),
                Some(v) => v.strip_prefix('='),
                None => None,
            };
            found = match value {
                Some("auto") => Some(ColorWhen::Auto),
                Some("always") => Some(ColorWhen::Always),
                Some("never") => Some(ColorWhen::Never),
                _ => found,
            };
        }
        found
    }
}

fn write(label: &str, style: Style, message: &dyn Display) {
    let mut err = anstream::stderr().lock();
    let _ = writeln!(err, "tshoot: {style}{label}:{style:#} {message}");
}

/// `tshoot: error: message`.
pub fn error(message: impl Display) {
    let style = Style::new()
        .fg_color(Some(AnsiColor::Red.into()))
        .effects(Effects::BOLD);
    write("error", style, &message);
}

/// `tshoot: warning: message`.
pub fn warning(message: impl Display) {
    let style = Style::new()
        .fg_color(Some(AnsiColor::Yellow.into()))
        .effects(Effects::BOLD);
    write("warning", style, &message);
}

/// Reports a clap error in tshoot's format and gives its exit code: help and version go
/// to stdout unchanged (exit 0); usage errors become `tshoot: error: …` (exit 2).
#[must_use]
pub fn clap_error(e: &clap::Error) -> ExitCode {
    if !e.use_stderr() {
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    let text = e.render().to_string();
    let text = text.strip_prefix("error: ").unwrap_or(&text);
    error(text.trim_end());
    ExitCode::from(2)
}

/// Reports the guides a command loaded without: each broken file (skipped, the rest goes
/// on) and each guide overridden by a later source. Lint warnings are left to `validate`.
pub fn load_problems(catalog: &crate::guide::Catalog) {
    warn_all(&crate::cache::summary::load_problems(catalog));
}

/// Each line as a warning.
pub fn warn_all(lines: &[String]) {
    for line in lines {
        warning(line);
    }
}

/// `word` as a shell would need it typed: bare when safe, else in single quotes.
#[must_use]
pub fn shell_quote(word: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "-_./:=@%+,".contains(c);
    if !word.is_empty() && word.chars().all(safe) {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn color_is_read_in_both_spellings_and_the_last_wins() {
        assert_eq!(ColorWhen::from_raw_args(&args(&["tshoot", "list"])), None);
        assert_eq!(
            ColorWhen::from_raw_args(&args(&["tshoot", "--color", "never", "list"])),
            Some(ColorWhen::Never)
        );
        assert_eq!(
            ColorWhen::from_raw_args(&args(&["tshoot", "--color=always", "--color=never"])),
            Some(ColorWhen::Never)
        );
        assert_eq!(
            ColorWhen::from_raw_args(&args(&["tshoot", "search", "--", "--color=never"])),
            None,
            "after -- it is text, not a flag"
        );
        assert_eq!(
            ColorWhen::from_raw_args(&args(&["tshoot", "--colour=never"])),
            None
        );
    }

    #[test]
    fn shell_quoting() {
        assert_eq!(shell_quote("429"), "429");
        assert_eq!(shell_quote("ACL Exception"), "'ACL Exception'");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(shell_quote(""), "''");
        assert_eq!(shell_quote("$(rm -rf ~)"), "'$(rm -rf ~)'");
    }
}
