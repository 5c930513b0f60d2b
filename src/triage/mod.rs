//! Triage: from whole log files to the known errors in them, at grep speed.
//!
//! A person troubleshooting has a log export, not one message. Triage reads it, tells every
//! line that holds a known message (strictly: see [`pattern`]) and counts them per error,
//! with where they were first and last seen and what values their placeholders held.
//!
//! The speed comes from not reading most lines at all: a multi-literal [`prefilter`] runs
//! over whole blocks, and only the lines around its hits are split into words and matched
//! ([`scan`]); blocks are read in one thread and scanned on every core ([`reader`]).
//! Memory is bounded by the block size, not by the file.
//!
//! No terminal here: the command line ([`crate::cli`]) and the terminal UI both drive
//! [`run`] and show its [`tally::Tallies`].

pub mod matcher;
pub mod pattern;
pub mod prefilter;
pub mod reader;
pub mod scan;
pub mod source;
pub mod tally;
pub mod time;
pub mod words;

use std::sync::Arc;
use std::time::{Duration, Instant};

pub use matcher::{Known, Matcher};
pub use reader::{Control, Options, Outcome};
pub use scan::Hit;
pub use source::Input;
pub use tally::{Place, Tallies, Tally};

/// How one input went.
#[derive(Clone, Debug)]
pub struct FileReport {
    pub name: String,
    pub outcome: Outcome,
    pub elapsed: Duration,
    /// Why the input could not be read at all.
    pub problem: Option<String>,
}

impl FileReport {
    /// Whether anything went wrong that the exit status should tell.
    #[must_use]
    pub fn failed(&self) -> bool {
        self.problem.is_some() || self.outcome.error.is_some()
    }
}

/// Reads every input in turn, calling `on_hit` with the input's index, the line and the hit,
/// in input and line order. Stops early when `control` is cancelled.
pub fn run(
    matcher: &Arc<Matcher>,
    inputs: &[Input],
    options: Options,
    control: &Arc<Control>,
    mut on_hit: impl FnMut(usize, u64, &Hit),
) -> Vec<FileReport> {
    let mut reports = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        if control.cancel.load(std::sync::atomic::Ordering::Relaxed) {
            break;
        }
        let started = Instant::now();
        let name = input.name();
        let opened = match source::open(input, control) {
            Ok(o) => o,
            Err(e) => {
                reports.push(FileReport {
                    name,
                    outcome: Outcome::default(),
                    elapsed: started.elapsed(),
                    problem: Some(format!("{e:#}")),
                });
                continue;
            }
        };
        let options = Options {
            eager: options.eager || opened.stream,
            ..options
        };
        let outcome = reader::read(matcher, opened.reader, options, control, |line, hit| {
            on_hit(i, line, hit);
        });
        reports.push(FileReport {
            name,
            outcome,
            elapsed: started.elapsed(),
            problem: None,
        });
    }
    reports
}
