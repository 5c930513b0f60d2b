//! How a session begins: at a guide's first question, or at an error's outcome reached
//! from a search, the reference or a log triage, with what each of those carries (the query,
//! the values captured from it, what the log said). Everything brought in from outside is
//! cleaned and bounded here, once.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{
    Capture, ErrorRef, LogFinding, MAX_MESSAGE_CHARS, NodeRef, Place, Session, clean_captures,
};
use crate::guide::Catalog;

/// How a session started.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "from", rename_all = "snake_case")]
pub enum Start {
    /// At the first question of a guide.
    Guide { guide: String },
    /// At an error found by searching for `query` (a phrase or a pasted message).
    Search { query: String, error: ErrorRef },
    /// At an error opened from the reference.
    Reference { error: ErrorRef },
    /// At an error a log triage found, with what the log said of it.
    Triage { error: ErrorRef, log: LogFinding },
}

impl Session {
    /// A session at the first question of guide `guide`; `None` if it is not loaded.
    #[must_use]
    pub fn from_guide(catalog: &Catalog, guide: &str, now: u64) -> Option<Session> {
        let first = NodeRef::start_of(catalog, guide)?;
        Some(Session::new(
            Start::Guide {
                guide: guide.to_owned(),
            },
            Vec::new(),
            now,
            Place::Question(first),
        ))
    }

    /// A session at `error`'s outcome, found by searching for `query`, with the values
    /// captured from it; `None` if the error is not loaded.
    #[must_use]
    pub fn from_search(
        catalog: &Catalog,
        error: ErrorRef,
        query: &str,
        captures: Vec<(String, String)>,
        now: u64,
    ) -> Option<Session> {
        error.find(catalog)?;
        let query: String = crate::guide::sanitize::clean(query)
            .trim()
            .chars()
            .take(MAX_MESSAGE_CHARS)
            .collect();
        Some(Session::new(
            Start::Search {
                query,
                error: error.clone(),
            },
            clean_captures(captures),
            now,
            Place::Outcome(error),
        ))
    }

    /// A session at `error`'s outcome, opened from the reference; `None` if it is not loaded.
    #[must_use]
    pub fn from_reference(catalog: &Catalog, error: ErrorRef, now: u64) -> Option<Session> {
        error.find(catalog)?;
        Some(Session::new(
            Start::Reference {
                error: error.clone(),
            },
            Vec::new(),
            now,
            Place::Outcome(error),
        ))
    }

    /// A session at `error`'s outcome, opened from a log triage that found it: the
    /// placeholders are filled with the values the log held most often; `None` if the
    /// error is not loaded.
    #[must_use]
    pub fn from_triage(
        catalog: &Catalog,
        error: ErrorRef,
        log: LogFinding,
        now: u64,
    ) -> Option<Session> {
        error.find(catalog)?;
        let log = log.cleaned();
        let captures = log.captures();
        Some(Session::new(
            Start::Triage {
                error: error.clone(),
                log,
            },
            captures,
            now,
            Place::Outcome(error),
        ))
    }

    fn new(start: Start, captures: Vec<Capture>, started: u64, at: Place) -> Session {
        Session {
            start,
            captures,
            started,
            path: Vec::new(),
            at,
            tried: Vec::new(),
            ticks: BTreeMap::new(),
        }
    }
}
