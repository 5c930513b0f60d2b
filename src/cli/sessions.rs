//! `tshoot sessions [--json]`: the saved sessions, newest change first, with where each
//! stands; files that could not be read are named on stderr and skipped.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use crate::labels::Label;
use crate::lang::Lang;
use crate::store::{Saved, Status, Store, clock};

#[derive(Serialize)]
struct SessionJson<'a> {
    id: &'a str,
    guide: &'a str,
    title: &'a str,
    started: String,
    updated: String,
    status: Status,
    /// "question 2", "step 2 of 4": where it stands, in the session's words.
    stands: String,
    /// The question asked or the error shown.
    at: &'a str,
    answered: usize,
}

pub fn run(store: Option<&Store>, lang: Lang, json: bool) -> anyhow::Result<ExitCode> {
    let now = clock::now();
    let listing = store.map(|s| s.list(now)).unwrap_or_default();
    for skipped in &listing.skipped {
        super::report::warning(skipped);
    }
    let mut out = anstream::stdout().lock();
    if json {
        let rows: Vec<SessionJson> = listing.sessions.iter().map(|s| row(s, lang)).collect();
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    if listing.sessions.is_empty() {
        writeln!(out, "{}", Label::NoSessions.text(lang))?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "{}", Label::SavedSessions.text(lang))?;
    for s in &listing.sessions {
        writeln!(
            out,
            "  {}  {} — {}, {}  [{}]",
            s.id,
            s.title,
            s.stands(lang),
            clock::ago(s.updated, now, lang),
            s.guide,
        )?;
    }
    writeln!(out, "\n{}", Label::ResumeHint.text(lang))?;
    Ok(ExitCode::SUCCESS)
}

fn row(s: &Saved, lang: Lang) -> SessionJson<'_> {
    SessionJson {
        id: &s.id,
        guide: &s.guide,
        title: &s.title,
        started: clock::format(s.started),
        updated: clock::format(s.updated),
        status: s.status,
        stands: s.stands(lang),
        at: &s.place.title,
        answered: s.place.answered,
    }
}

/// What `tshoot` alone prints where it cannot draw: the commands that work without a
/// screen, and the guides to walk.
pub fn plain_commands(catalog: &crate::guide::Catalog, lang: Lang) -> anyhow::Result<ExitCode> {
    let mut out = anstream::stdout().lock();
    writeln!(out, "{}", Label::PlainCommands.text(lang))?;
    let (walk, search, show, list, sessions, resume) = if lang == Lang::Sv {
        (
            "en guidad session på vanlig in- och utmatning",
            "hitta ett fel från dess meddelande",
            "ett fels referensavsnitt",
            "guiderna och deras fel",
            "sparade sessioner",
            "fortsätt den senaste (eller en namngiven) session",
        )
    } else {
        (
            "a guided session on plain stdin/stdout",
            "find an error from its message",
            "one error's reference entry",
            "the guides and their errors",
            "saved sessions",
            "continue the latest (or a named) session",
        )
    };
    for (command, what) in [
        ("tshoot walk GUIDE-ID", walk),
        ("tshoot search TEXT...", search),
        ("tshoot show ERROR-ID", show),
        ("tshoot list", list),
        ("tshoot sessions", sessions),
        ("tshoot resume [ID]", resume),
    ] {
        writeln!(out, "  {command:<24} {what}")?;
    }
    if !catalog.guides.is_empty() {
        writeln!(out, "\n{}:", Label::Guides.text(lang))?;
        for guide in &catalog.guides {
            writeln!(out, "  {:<24} {}", guide.id, guide.title.show(lang))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
