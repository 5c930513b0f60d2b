//! `tshoot completions SHELL`: the shell script that completes tshoot's commands, flags,
//! and the ids of the guides and errors that are loaded right now.
//!
//! The script is `clap_complete`'s dynamic registration: on Tab it calls tshoot back (with
//! [`VAR`] set) and tshoot answers from the command definition and the catalog, so ids
//! of guides added later complete without regenerating anything.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use clap_complete::engine::CompletionCandidate;

use crate::guide::catalog::Catalog;
use crate::lang::Lang;

/// The variable that turns a run of tshoot into a completion request.
pub const VAR: &str = "_TSHOOT_COMPLETE";

/// The shells a script can be written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Elvish,
    Powershell,
}

impl Shell {
    fn name(self) -> &'static str {
        match self {
            Shell::Bash => "bash",
            Shell::Zsh => "zsh",
            Shell::Fish => "fish",
            Shell::Elvish => "elvish",
            Shell::Powershell => "powershell",
        }
    }
}

/// If the shell's script is asking for completions, answers and exits; else returns.
pub fn answer_if_asked() {
    clap_complete::CompleteEnv::with_factory(super::Args::command)
        .var(VAR)
        .complete();
}

/// How the script should call tshoot back: by name when it was run from `PATH`, else by
/// the absolute path it was run as.
fn completer() -> String {
    let argv0 = std::env::args_os()
        .next()
        .unwrap_or_else(|| OsString::from("tshoot"));
    let path = PathBuf::from(&argv0);
    if path.components().count() <= 1 {
        return path.to_string_lossy().into_owned();
    }
    std::env::current_dir()
        .map(|dir| dir.join(&path))
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}

pub fn run(shell: Shell) -> anyhow::Result<ExitCode> {
    let shells = clap_complete::env::Shells::builtins();
    let Some(writer) = shells.completer(shell.name()) else {
        anyhow::bail!("no completion support for {}", shell.name());
    };
    let mut out = std::io::stdout().lock();
    writer.write_registration(VAR, "tshoot", "tshoot", &completer(), &mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The catalog as a plain run would load it, quietly: completion must never print
/// diagnostics into the user's command line.
fn catalog() -> (Catalog, Lang) {
    let args = super::Args::try_parse_from(["tshoot"]).unwrap_or_else(|e| e.exit());
    let file = super::config::load().result.unwrap_or_default();
    let context = super::Context::from_env(&args, &super::config::settle(&args, &file));
    (Catalog::load(&context.sources), context.lang)
}

/// Guide ids, each with its title.
#[must_use]
pub fn guides() -> Vec<CompletionCandidate> {
    let (catalog, lang) = catalog();
    catalog
        .guides
        .iter()
        .map(|g| {
            let help = g.title.show(lang).to_owned();
            CompletionCandidate::new(&g.id).help(Some(help.into()))
        })
        .collect::<Vec<_>>()
}

/// Error ids as `show` takes them: `guide-id/error-id` always, and the bare error id when
/// only one guide has it.
#[must_use]
pub fn errors() -> Vec<CompletionCandidate> {
    let (catalog, lang) = catalog();
    let mut out = Vec::new();
    for guide in &catalog.guides {
        for error in &guide.errors {
            let help = Some(error.title.show(lang).to_owned().into());
            let owners = catalog
                .guides
                .iter()
                .filter(|g| g.error(&error.id).is_some())
                .count();
            if owners == 1 {
                out.push(CompletionCandidate::new(&error.id).help(help.clone()));
            }
            out.push(CompletionCandidate::new(format!("{}/{}", guide.id, error.id)).help(help));
        }
    }
    out
}
