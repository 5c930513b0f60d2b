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
//! # Why triage does not call search's matcher
//!
//! Search has a template reading of its own, [`crate::search::known_messages`], made for a
//! person's paste: it forgives a cut first or last word, word forms and a message that is
//! mostly there, and ranks what it finds. Triage counts, so it must not forgive: it keeps
//! its own strict [`pattern`] (every word of the message, in order, only placeholders take
//! text). Measured on the generated log's near-misses, search names an error for
//! "…work item for alert X. **Jira** Connector Y does not exist or was deleted." (the
//! missing-connector error, score 94) and for "An error occurred while sending the
//! **email**." (problem-sending-a-request, 89), and reads each half of a message split over
//! lines as that message (73 and 78), so it would count one split message twice and count
//! near-misses. It is also slower per line: `cargo bench --bench triage` tells one candidate
//! line in about 2.4 µs through triage's matcher and 21 µs through `known_messages`.
//!
//! The two readings are pinned to each other by a differential test
//! (`tests/triage_search_agree.rs`): every message triage finds, search reads as the same
//! error with a whole-message score (100) and the same values; no near-miss reaches 100 in
//! search; and every line of a generated log that search reads as a whole message is one
//! triage counted as that error. Triage also captures a placeholder that ends a message
//! (`…the following fields: {fields}.`), which search leaves out.
//!
//! No terminal here: the command line ([`crate::cli`]) and the terminal UI both drive
//! [`run`] and show its [`tally::Tallies`].

mod feed;
pub mod matcher;
pub mod pattern;
pub mod prefilter;
pub mod prefix;
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
