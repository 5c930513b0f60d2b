//! The command line: parse arguments, load the catalog, run one command, report errors
//! once, exit with a meaningful code.
//!
//! Exit codes: 0 success; 1 "nothing found" (`show` of an unknown id) or problems found
//! (`validate`); 2 usage or other errors.

mod list;
mod search;
mod show;
mod triage;
mod validate;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::guide::catalog::{Catalog, Source};
use crate::lang::Lang;

/// A terminal troubleshooter: guided sessions, an error reference and search over
/// troubleshooting guides.
#[derive(Debug, Parser)]
#[command(name = "tshoot", version, about, max_term_width = 100)]
pub struct Args {
    /// Also load guides from this folder or file (repeatable; later ones win).
    #[arg(long = "guides", value_name = "DIR", global = true)]
    pub guides: Vec<PathBuf>,

    /// Do not load the built-in guides.
    #[arg(long, global = true)]
    pub no_builtin: bool,

    /// Language of labels and guide content [default: from `TSHOOT_LANG`, `LC_ALL`,
    /// `LC_MESSAGES`, `LANG`; else en].
    #[arg(long, value_enum, global = true)]
    pub lang: Option<Lang>,

    /// Open the terminal UI on the search screen with TEXT typed in.
    #[arg(long, value_name = "TEXT", conflicts_with = "guide")]
    pub search: Option<String>,

    /// Open the terminal UI straight into a guided session of guide ID.
    #[arg(long, value_name = "ID")]
    pub guide: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the loaded guides with their error counts.
    List {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Show one error's reference entry.
    Show {
        /// An error id, or guide-id/error-id when several guides have it.
        id: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Find errors by a message, a phrase or a few words; exit 1 when nothing matches.
    Search {
        /// What to look for: a pasted message, symptoms, an error code.
        #[arg(required = true, num_args = 1..)]
        text: Vec<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Show at most this many matches.
        #[arg(long, default_value_t = 10, value_name = "N")]
        limit: usize,
        /// Search only the guide with this id.
        #[arg(long, value_name = "ID")]
        guide: Option<String>,
    },
    /// Find the known errors in log files (`.gz` read decompressed); exit 1 when none.
    Triage {
        /// Log files; `-` is standard input (the default when it is not a terminal).
        files: Vec<String>,
        /// Print JSON instead of text.
        #[arg(long, conflicts_with = "annotate")]
        json: bool,
        /// Print every matching line as `path:line: guide-id/error-id: line`.
        #[arg(long)]
        annotate: bool,
        /// Look only for the errors of the guide with this id.
        #[arg(long, value_name = "ID")]
        guide: Option<String>,
        /// Read files holding NUL bytes as text instead of skipping them.
        #[arg(long)]
        text: bool,
    },
    /// Check guide files or folders (default: every configured source).
    Validate {
        /// Guide files or folders to check.
        paths: Vec<PathBuf>,
    },
}

/// Everything a command needs from the outside world, gathered once.
#[derive(Debug)]
pub struct Context {
    pub lang: Lang,
    pub sources: Vec<Source>,
    /// The user data folder (`$XDG_DATA_HOME`), where sessions are saved.
    pub data_dir: Option<PathBuf>,
}

impl Context {
    fn from_env(args: &Args) -> Context {
        let env = |name: &str| std::env::var(name).ok();
        let data_dir = etcetera::base_strategy::Xdg::new()
            .ok()
            .map(|xdg| etcetera::BaseStrategy::data_dir(&xdg));
        let tshoot_guides = std::env::var_os("TSHOOT_GUIDES");
        Context {
            lang: Lang::detect(args.lang, env),
            sources: Source::configured(
                !args.no_builtin,
                data_dir.clone(),
                tshoot_guides.as_deref(),
                &args.guides,
            ),
            data_dir,
        }
    }
}

/// Runs tshoot with the process's arguments and environment.
#[must_use]
pub fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let context = Context::from_env(&args);
    let start = Start {
        search: args.search,
        guide: args.guide,
    };
    match run(args.command, &start, &context) {
        Ok(code) => code,
        // A reader that went away (`tshoot show x | head`) is not an error.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let mut err = anstream::stderr();
            let _ = writeln!(err, "tshoot: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Where the terminal UI opens.
#[derive(Debug, Default)]
pub struct Start {
    pub search: Option<String>,
    pub guide: Option<String>,
}

fn run(command: Option<Command>, start: &Start, context: &Context) -> anyhow::Result<ExitCode> {
    match command {
        Some(Command::Validate { paths }) => validate::run(context, &paths),
        Some(Command::List { json }) => {
            let catalog = load(context);
            list::run(&catalog, context.lang, json)
        }
        None => {
            let catalog = load(context);
            let interactive = std::io::stdout().is_terminal() && std::io::stdin().is_terminal();
            if !interactive {
                anyhow::ensure!(
                    start.search.is_none() && start.guide.is_none(),
                    "--search and --guide open the terminal UI, which needs a terminal; use `tshoot search`"
                );
                // On a pipe there is no screen to draw: list the guides instead.
                return list::run(&catalog, context.lang, false);
            }
            tui(catalog, start, context)
        }
        Some(Command::Search {
            text,
            json,
            limit,
            guide,
        }) => {
            let catalog = load(context);
            if let Some(id) = &guide {
                anyhow::ensure!(catalog.guide(id).is_some(), "no guide `{id}` is loaded");
            }
            let text = text.join(" ");
            let request = search::Request {
                text: &text,
                limit,
                guide: guide.as_deref(),
                json,
            };
            search::run(&catalog, &request, context.lang)
        }
        Some(Command::Triage {
            files,
            json,
            annotate,
            guide,
            text,
        }) => {
            let catalog = load(context);
            let request = triage::Request {
                files: &files,
                json,
                annotate,
                guide: guide.as_deref(),
                text,
            };
            triage::run(&catalog, &request, context.lang)
        }
        Some(Command::Show { id, json }) => {
            let catalog = load(context);
            show::run(&catalog, &id, context.lang, json)
        }
    }
}

/// Opens the terminal UI.
fn tui(catalog: Catalog, start: &Start, context: &Context) -> anyhow::Result<ExitCode> {
    let mut app = crate::tui::App::new(catalog, context.lang);
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        app.theme = crate::tui::theme::Theme::plain();
    }
    if let Some(id) = &start.guide {
        anyhow::ensure!(app.open_walk(id), "no guide `{id}` is loaded");
    } else if let Some(text) = &start.search {
        app.open_search(text);
    }
    let world = crate::tui::terminal::World {
        sessions: context
            .data_dir
            .as_ref()
            .map(|d| d.join("tshoot").join("sessions")),
        browser: true,
        hyperlinks: true,
    };
    crate::tui::terminal::run(&mut app, &world)?;
    Ok(ExitCode::SUCCESS)
}

/// Loads the configured guides, reporting on stderr the files that failed and the guides
/// that were overridden. Warnings are left to `tshoot validate`.
fn load(context: &Context) -> Catalog {
    let catalog = Catalog::load(&context.sources);
    let mut err = anstream::stderr();
    for problem in catalog.problems.iter().filter(|p| p.diagnostic.is_error()) {
        let _ = writeln!(err, "tshoot: {} (skipped)", problem.diagnostic);
    }
    for notice in &catalog.notices {
        let _ = writeln!(err, "tshoot: note: {notice}");
    }
    catalog
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        let kind = cause
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind)
            .or_else(|| cause.downcast_ref::<serde_json::Error>()?.io_error_kind());
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}
