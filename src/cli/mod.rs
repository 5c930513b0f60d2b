//! The command line: parse arguments, load the catalog, run one command, report errors
//! once, exit with a meaningful code.
//!
//! Exit codes: 0 success; 1 "nothing found" (`show` of an unknown id) or problems found
//! (`validate`); 2 usage or other errors.

mod args;
mod cache;
mod completions;
mod config;
mod graph;
mod ids;
mod list;
mod list_guide;
mod man;
mod new;
pub mod report;
mod resume;
mod rule;
mod search;
mod sessions;
mod show;
mod triage;
mod validate;
mod validate_watch;
mod walk;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use crate::guide::catalog::{Catalog, Source};
use crate::lang::Lang;
pub use args::{Args, Command};

/// Everything a command needs from the outside world, gathered once.
#[derive(Debug)]
pub struct Context {
    pub lang: Lang,
    /// Every `--lang` given (`new` writes a guide in each).
    pub langs: Vec<Lang>,
    pub color: report::ColorWhen,
    pub theme: crate::config::Theme,
    pub sources: Vec<Source>,
    /// The user data folder (`$XDG_DATA_HOME`), where sessions are saved.
    pub data_dir: Option<PathBuf>,
    /// The guide cache, unless `--no-cache`.
    pub cache: Option<crate::cache::Cache>,
}

impl Context {
    /// The context of a run: `settled` says what flags, environment and config file
    /// decided (see `config::settle`).
    fn from_env(args: &Args, settled: &config::Settled) -> Context {
        let data_dir = etcetera::base_strategy::Xdg::new()
            .ok()
            .map(|xdg| etcetera::BaseStrategy::data_dir(&xdg));
        let tshoot_guides = std::env::var_os("TSHOOT_GUIDES");
        // Built-in, the user's folder, the config file's folders, TSHOOT_GUIDES, --guides.
        let mut sources = Source::configured(!args.no_builtin, data_dir.clone(), None, &[]);
        sources.extend(settled.guides.iter().map(|path| Source::Path {
            path: path.clone(),
            optional: false,
        }));
        sources.extend(Source::configured(
            false,
            None,
            tshoot_guides.as_deref(),
            &args.guides,
        ));
        Context {
            lang: settled.lang.0,
            langs: args.lang.clone(),
            color: settled.color.0,
            theme: settled.theme.0,
            sources,
            data_dir,
            cache: crate::cache::Cache::default_dir()
                .filter(|_| !args.no_cache)
                .and_then(crate::cache::Cache::new),
        }
    }
}

/// Runs tshoot with the process's arguments and environment.
#[must_use]
pub fn main() -> ExitCode {
    completions::answer_if_asked();
    let raw: Vec<std::ffi::OsString> = std::env::args_os().collect();
    report::ColorWhen::from_raw_args(&raw)
        .unwrap_or_default()
        .apply();
    let args = match Args::try_parse_from(raw) {
        Ok(args) => args,
        Err(e) => return report::clap_error(&e),
    };
    // Only `new` writes in several languages; elsewhere a list would quietly use its first.
    if args.lang.len() > 1 && !matches!(args.command, Some(Command::New { .. })) {
        report::error("--lang takes one language here (a list like `en,sv` only with `new`)");
        return ExitCode::from(2);
    }
    let loaded = config::load();
    let is_config = matches!(args.command, Some(Command::Config { .. }));
    let settled = match &loaded.result {
        Ok(file) => config::settle(&args, file),
        // `tshoot config` still runs, to show where the broken file is.
        Err(_) if is_config => config::settle(&args, &crate::config::Config::default()),
        Err(e) => {
            report::error(e);
            return ExitCode::from(2);
        }
    };
    let context = Context::from_env(&args, &settled);
    context.color.apply();
    if let Some(Command::Config { path, default }) = args.command {
        return exit(config::run(&loaded, &settled, &context, path, default));
    }
    let start = Start {
        search: args.search,
        guide: args.guide,
    };
    exit(run(args.command, &start, &context))
}

/// The exit code of a command's result, its error reported.
fn exit(result: anyhow::Result<ExitCode>) -> ExitCode {
    match result {
        Ok(code) => code,
        // A reader that went away (`tshoot show x | head`) is not an error.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            report::error(format_args!("{e:#}"));
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
        Some(Command::Validate {
            paths,
            format,
            watch,
        }) => validate::run(context, &paths, format, watch),
        Some(Command::Cache { action }) => cache::run(&action),
        Some(Command::Walk(args)) => {
            let catalog = load(context);
            walk::run(&catalog, &args, context.lang)
        }
        Some(Command::Resume { id }) => {
            let catalog = load(context);
            resume::run(catalog, id.as_deref(), context)
        }
        Some(Command::Sessions { json }) => {
            let store = crate::store::Store::default_dir().map(crate::store::Store::new);
            sessions::run(store.as_ref(), context.lang, json)
        }
        Some(Command::List {
            guide: Some(id),
            json,
        }) => list_guide::run(&load(context), &id, context.lang, json),
        Some(Command::List { guide: None, json }) => list::command(context, json),
        None => {
            if !can_draw() {
                anyhow::ensure!(
                    start.search.is_none() && start.guide.is_none(),
                    "--search and --guide open the terminal UI, which needs a terminal; use `tshoot search` or `tshoot walk`"
                );
                // On a pipe or a dumb terminal there is no screen to draw: name the plain
                // commands instead.
                return sessions::plain_commands(&load(context), context.lang);
            }
            tui(start, context)
        }
        Some(Command::Search {
            text,
            json,
            limit,
            guide,
        }) => {
            let text = text.join(" ");
            let request = search::Request {
                text: &text,
                limit,
                guide: guide.as_deref(),
                json,
            };
            search::command(context, &request)
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
            triage::run(catalog, &request, context)
        }
        Some(Command::Completions { shell }) => completions::run(shell),
        Some(Command::Man) => man::run(),
        Some(Command::New { id, out }) => new::run(
            &load(context),
            &id,
            &context.langs,
            out.as_deref(),
            context.data_dir.as_deref(),
        ),
        // Handled in `main`, before the catalog is needed.
        Some(Command::Config { .. }) => Ok(ExitCode::SUCCESS),
        Some(Command::Graph { guide, format }) => {
            graph::run(&load(context), &guide, format, context.lang)
        }
        Some(Command::Show { id, json }) => {
            let catalog = load(context);
            show::run(&catalog, &id, context.lang, json)
        }
    }
}

/// Opens the terminal UI. Its first frame does not wait for the guides: they load in the
/// background (the built-in ones first, readable at once) with progress on the home
/// screen, unless `--guide` needs them first to be checked.
fn tui(start: &Start, context: &Context) -> anyhow::Result<ExitCode> {
    let mut app = if let Some(id) = &start.guide {
        let (catalog, index) = crate::cache::load_indexed(
            &context.sources,
            context.cache.as_ref(),
            &crate::guide::read::Reader::default(),
            &crate::cache::Progress::default(),
        );
        let mut app = app_with(catalog, index, context);
        if !app.open_walk(id) {
            report::load_problems(&app.cx.catalog);
            anyhow::bail!("no guide `{id}` is loaded");
        }
        app
    } else {
        let mut app = new_app(Catalog::default(), context);
        app.reload = Some(crate::tui::reload::Reload::at_start(
            &context.sources,
            &watched(context),
            loader(context),
        ));
        if let Some(query) = &start.search {
            // Run again over the guides as they arrive.
            let search = crate::tui::screens::search::Search::new(query, &mut app.cx);
            app.stack.push(search.into());
        }
        app
    };
    let code = run_app(&mut app, context);
    // Said on the terminal once it is given back (the UI lists them with `p`).
    report::load_problems(&app.cx.catalog);
    code
}

/// The terminal UI's state at its home screen.
pub(crate) fn new_app(catalog: Catalog, context: &Context) -> crate::tui::App {
    let index = crate::search::Index::new(&catalog);
    app_with(catalog, index, context)
}

/// The terminal UI's state at its home screen, over a catalog and its index.
fn app_with(catalog: Catalog, index: crate::search::Index, context: &Context) -> crate::tui::App {
    let mut app = crate::tui::App::with_index(catalog, index, context.lang);
    // A session opened before the loop runs (`--guide`) starts now, not at the epoch.
    app.cx.now = crate::tui::export::now();
    if !context.color.styles_on_terminal() || context.theme == crate::config::Theme::Mono {
        app.cx.theme = crate::tui::theme::Theme::plain();
    }
    if let Some(store) = crate::store::Store::default_dir().map(crate::store::Store::new) {
        app.cx.continues = crate::tui::autosave::continues(&store, context.lang);
    }
    app
}

/// Runs the terminal UI until it quits.
pub(crate) fn run_app(app: &mut crate::tui::App, context: &Context) -> anyhow::Result<ExitCode> {
    crate::tui::terminal::check_term(std::env::var("TERM").ok().as_deref())?;
    if app.reload.is_none() {
        app.reload = reload(context);
    }
    let world = crate::tui::terminal::World {
        sessions: context
            .data_dir
            .as_ref()
            .map(|d| d.join("tshoot").join("sessions")),
        browser: true,
        hyperlinks: true,
        suspend: true,
        store: crate::store::Store::default_dir().map(crate::store::Store::new),
    };
    Ok(match crate::tui::terminal::run(app, &world)? {
        crate::tui::terminal::Exit::Quit => ExitCode::SUCCESS,
        crate::tui::terminal::Exit::Signal(n) => ExitCode::from(u8::try_from(128 + n).unwrap_or(1)),
    })
}

/// The live reload of the guide files of every folder or file source.
fn reload(context: &Context) -> Option<crate::tui::reload::Reload> {
    crate::tui::reload::Reload::new(&watched(context), loader(context))
}

/// The folders and files of the guide sources, watched for saves.
fn watched(context: &Context) -> Vec<PathBuf> {
    context
        .sources
        .iter()
        .filter_map(|s| match s {
            Source::Path { path, .. } => Some(path.clone()),
            Source::Builtin => None,
        })
        .collect()
}

/// Loads the guides and their index the way they were at start (through the cache).
fn loader(context: &Context) -> crate::tui::reload::Loader {
    let (sources, cache) = (context.sources.clone(), context.cache.clone());
    std::sync::Arc::new(move |progress: &crate::cache::Progress| {
        crate::cache::load_indexed(
            &sources,
            cache.as_ref(),
            &crate::guide::read::Reader::default(),
            progress,
        )
    })
}

/// Loads the configured guides, reporting on stderr the files that failed and the guides
/// that were overridden. Warnings are left to `tshoot validate`.
fn load(context: &Context) -> Catalog {
    let catalog = crate::cache::load(
        &context.sources,
        context.cache.as_ref(),
        &crate::guide::read::Reader::default(),
        &crate::cache::Progress::default(),
    );
    report::load_problems(&catalog);
    catalog
}

/// Whether the full-screen interface can be drawn: both ends a terminal, and not `TERM=dumb`.
pub(crate) fn can_draw() -> bool {
    std::io::stdout().is_terminal()
        && std::io::stdin().is_terminal()
        && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
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
