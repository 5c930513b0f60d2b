//! The command line's shape: the global flags and the subcommands, as clap reads them.
//! Kept apart from `cli/mod.rs`, which runs them, so the contract (names, flags, help
//! texts) reads in one place.

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use clap_complete::ArgValueCandidates;

use super::{cache, completions, graph, report, validate, walk};
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

    /// Neither read nor write the guide cache (`$XDG_CACHE_HOME/tshoot`).
    #[arg(long, global = true)]
    pub no_cache: bool,

    /// Language of labels and guide content [default: from `TSHOOT_LANG`, the config
    /// file, `LC_ALL`, `LC_MESSAGES`, `LANG`; else en]. `new` takes a list (`en,sv`): the
    /// languages of the guide it writes.
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        value_name = "LANG",
        global = true
    )]
    pub lang: Vec<Lang>,

    /// When to use colour [default: auto: on a terminal, unless `NO_COLOR` is set].
    #[arg(long, value_enum, value_name = "WHEN", global = true)]
    pub color: Option<report::ColorWhen>,

    /// Open the terminal UI on the search screen with TEXT typed in.
    #[arg(long, value_name = "TEXT", conflicts_with = "guide")]
    pub search: Option<String>,

    /// Open the terminal UI straight into a guided session of guide ID.
    #[arg(long, value_name = "ID", add = ArgValueCandidates::new(completions::guides))]
    pub guide: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the loaded guides with their error counts, or one guide's errors and questions.
    List {
        /// A guide whose errors and questions to list.
        #[arg(add = ArgValueCandidates::new(completions::guides))]
        guide: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Show one error's reference entry.
    Show {
        /// An error id, or guide-id/error-id when several guides have it.
        #[arg(add = ArgValueCandidates::new(completions::errors))]
        id: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Find errors by a message, a phrase or a few words; exit 1 when nothing matches.
    Search {
        /// What to look for: a pasted message, symptoms, an error code; `-` reads standard input.
        #[arg(required = true, num_args = 1..)]
        text: Vec<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Show at most this many matches.
        #[arg(long, default_value_t = 10, value_name = "N")]
        limit: usize,
        /// Search only the guide with this id.
        #[arg(long, value_name = "ID", add = ArgValueCandidates::new(completions::guides))]
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
        #[arg(long, value_name = "ID", add = ArgValueCandidates::new(completions::guides))]
        guide: Option<String>,
        /// Read files holding NUL bytes as text instead of skipping them.
        #[arg(long)]
        text: bool,
    },
    /// Draw a guide's decision tree: Mermaid, Graphviz DOT or a text tree.
    Graph {
        /// The guide to draw.
        #[arg(add = ArgValueCandidates::new(completions::guides))]
        guide: String,
        /// Output format [default: text on a terminal, mermaid on a pipe].
        #[arg(long, value_enum, value_name = "FORMAT")]
        format: Option<graph::Format>,
    },
    /// Write the shell script that completes commands and guide and error ids.
    Completions {
        /// The shell to write it for.
        #[arg(value_enum)]
        shell: completions::Shell,
    },
    /// Write the manual page (roff) on stdout.
    Man,
    /// Write a small valid guide to start from (never overwrites); --lang en,sv for its languages.
    New {
        /// The new guide's id: lowercase letters, digits and `-`.
        id: String,
        /// Where to write it: a file, or a folder for ID.yaml [default: your guides folder].
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
    },
    /// Show the effective settings and where each comes from, or the config file's place.
    Config {
        /// Print the config file's path.
        #[arg(long, conflicts_with = "default")]
        path: bool,
        /// Print a commented default config file.
        #[arg(long)]
        default: bool,
    },
    /// Check guide files or folders (default: every configured source).
    Validate {
        /// Guide files or folders to check.
        paths: Vec<PathBuf>,
        /// How to write the diagnostics.
        #[arg(long, value_enum, default_value_t, value_name = "FORMAT")]
        format: validate::Format,
        /// Check again on every save of a guide file, until interrupted.
        #[arg(long)]
        watch: bool,
    },
    /// Manage the guide cache.
    Cache {
        #[command(subcommand)]
        action: cache::Action,
    },
    /// Walk a guide on plain stdin and stdout (no full screen), or follow --answers.
    Walk(walk::WalkArgs),
    /// Go on with the latest unfinished session, or the one with this id.
    Resume {
        /// A session id from `tshoot sessions`.
        id: Option<String>,
    },
    /// List the saved sessions, newest change first.
    Sessions {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}
