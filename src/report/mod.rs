//! A session as a Markdown report, ready to paste into a ticket: how it started, each
//! question and answer, the person's message and the values captured from it, each error
//! tried with its ticked and unticked steps, the outcome, and the time in UTC with offset.
//!
//! Pure: the caller passes the time in and writes the file, so the TUI and a plain mode
//! make the same report and the file name and the time inside agree. Every label is in the
//! session's language; guide text is neutralised ([`neutral`]), so a guide can put no
//! heading, HTML or non-web link into the file.

pub mod neutral;
mod time;

use std::fmt::Write as _;

use crate::guide::{Catalog, Guide, Text};
use crate::labels::Label;
use crate::lang::Lang;
use crate::session::{Capture, ErrorRef, LogFinding, LogPlace, Place, Session, Start};

pub use time::{file_stem, format_utc};

/// The report of `session` in `lang`, exported at `now` (seconds since the Unix epoch).
#[must_use]
pub fn markdown(catalog: &Catalog, session: &Session, lang: Lang, now: u64) -> String {
    let label = |l: Label| l.text(lang);
    let show = |t: &Text| t.show(lang).to_owned();
    let guide_title = |id: &str| {
        catalog
            .guide(id)
            .map_or_else(|| neutral::code(id), |g| titled(&show(&g.title), &g.id))
    };
    let error_title = |e: &ErrorRef| {
        e.find(catalog).map_or_else(
            || neutral::code(&e.to_string()),
            |(_, entry)| titled(&show(&entry.title), &e.to_string()),
        )
    };

    let mut md = String::new();
    let _ = writeln!(
        md,
        "# {}: {}\n",
        label(Label::ReportTitle),
        catalog.guide(session.first_guide()).map_or_else(
            || neutral::escape(session.first_guide()),
            |g| neutral::inline(&show(&g.title))
        )
    );
    let from = match session.start() {
        Start::Guide { guide } => {
            format!("{} {}", label(Label::ReportFromGuide), guide_title(guide))
        }
        Start::Search { error, .. } => {
            format!(
                "{} → {}",
                label(Label::ReportFromSearch),
                error_title(error)
            )
        }
        Start::Reference { error } => format!(
            "{} → {}",
            label(Label::ReportFromReference),
            error_title(error)
        ),
        Start::Triage { error, .. } => format!(
            "{} → {}",
            label(Label::ReportFromTriage),
            error_title(error)
        ),
    };
    let _ = writeln!(md, "- {}: {from}", label(Label::ReportStartedFrom));
    let _ = writeln!(
        md,
        "- {}: {}",
        label(Label::ReportStarted),
        format_utc(session.started())
    );
    let _ = writeln!(
        md,
        "- {}: {}",
        label(Label::ReportExported),
        format_utc(now)
    );

    if let Some(log) = session.log() {
        md.push_str(&log_section(log, lang));
    } else if let Some(message) = session.message() {
        let _ = writeln!(
            md,
            "\n## {}\n\n{}",
            label(Label::ReportMessage),
            neutral::verbatim(message)
        );
    }
    if !session.captures().is_empty() && session.log().is_none() {
        let _ = writeln!(md, "\n## {}\n", label(Label::Captured));
        for c in session.captures() {
            let _ = writeln!(
                md,
                "- {} = {}",
                neutral::code(&c.name),
                neutral::code(&c.value)
            );
        }
    }

    let _ = writeln!(md, "\n## {}\n", label(Label::ReportAnswers));
    if session.path().is_empty() {
        let _ = writeln!(md, "{}", label(Label::ReportNoAnswers));
    }
    let crossings = session.crossings();
    for (i, crumb) in session.path().iter().enumerate() {
        let into = if crossings.contains(&i) {
            format!(
                "*{}* {}: ",
                label(Label::ReportIntoGuide),
                guide_title(&crumb.node.guide)
            )
        } else {
            String::new()
        };
        let (question, answer) = match crumb.node.find(catalog) {
            Some((_, node)) => (
                neutral::inline(&show(&node.question)),
                node.answers
                    .get(crumb.answer)
                    // The answer is bolded whole below: bold inside it would end that early
                    // (`**a **b****`). `inline` escapes literal asterisks, so every `**` left
                    // is a bold marker.
                    .map_or_else(String::new, |a| {
                        neutral::inline(&show(&a.label)).replace("**", "")
                    }),
            ),
            None => (neutral::code(&crumb.node.to_string()), String::new()),
        };
        let _ = writeln!(md, "{}. {into}{question} — **{answer}**", i + 1);
    }

    let current = match session.at() {
        Place::Outcome(e) | Place::Solved(e) => Some(e),
        Place::Question(_) | Place::Escalation => None,
    };
    for error in session.tried().iter().chain(current) {
        let Some((_, entry)) = error.find(catalog) else {
            continue;
        };
        let _ = writeln!(md, "\n## {}\n", error_title(error));
        if session.tried().contains(error) {
            let _ = writeln!(md, "*{}*\n", label(Label::ReportDidNotHelp));
        } else if matches!(session.at(), Place::Solved(_)) {
            let _ = writeln!(md, "*{}*\n", label(Label::Solved));
        }
        if let Some(message) = entry.messages.first() {
            let _ = writeln!(md, "> {}\n", filled(&show(message), session.captures()));
        }
        let (done, total) = session.progress(catalog, error);
        let _ = writeln!(
            md,
            "{}\n",
            label(Label::ReportStepsDone)
                .replace("{done}", &done.to_string())
                .replace("{total}", &total.to_string())
        );
        for (i, step) in entry.checklist.iter().enumerate() {
            let mark = if session.is_ticked(error, i) {
                "x"
            } else {
                " "
            };
            let _ = writeln!(
                md,
                "- [{mark}] {}",
                filled(&show(&step.text), session.captures())
            );
        }
    }

    let _ = writeln!(md, "\n## {}\n", label(Label::ReportOutcome));
    match session.at() {
        Place::Solved(e) => {
            let _ = writeln!(md, "{} {}.", label(Label::ReportFixedBy), error_title(e));
        }
        Place::Escalation => {
            let _ = writeln!(md, "{}", label(Label::ReportEscalated));
            for (guide, text) in session.escalations(catalog) {
                let _ = writeln!(
                    md,
                    "\n**{}**\n\n{}",
                    guide_heading(guide, lang),
                    neutral::block(&show(text))
                );
            }
        }
        Place::Question(_) | Place::Outcome(_) => {
            let _ = writeln!(md, "{}", label(Label::ReportInProgress));
        }
    }
    md
}

/// What the log showed, for a session opened from a triage: the files, how often, where
/// first and last, the values of each placeholder with how often, and the first line.
fn log_section(log: &LogFinding, lang: Lang) -> String {
    let label = |l: Label| l.text(lang);
    let place = |p: &LogPlace| neutral::code(&format!("{}:{}", p.file, p.line));
    let mut md = String::new();
    let _ = writeln!(md, "\n## {}\n", label(Label::ReportLog));
    let files: Vec<String> = log.files.iter().map(|f| neutral::code(f)).collect();
    let _ = writeln!(
        md,
        "- {}: {}",
        label(Label::ReportLogFiles),
        files.join(", ")
    );
    let _ = writeln!(md, "- {}: {}", label(Label::ReportLogCount), log.count);
    let _ = writeln!(
        md,
        "- {}: {}",
        label(Label::ReportLogFirst),
        place(&log.first)
    );
    let _ = writeln!(
        md,
        "- {}: {}",
        label(Label::ReportLogLast),
        place(&log.last)
    );
    if !log.values.is_empty() {
        let _ = writeln!(md, "- {}:", label(Label::ReportLogValues));
        for v in &log.values {
            let values: Vec<String> = v
                .values
                .iter()
                .map(|(value, n)| format!("{} ({n})", neutral::code(value)))
                .collect();
            let _ = writeln!(md, "  - {}: {}", neutral::code(&v.name), values.join(", "));
        }
    }
    let _ = writeln!(
        md,
        "\n{}:\n\n{}",
        label(Label::ReportLogLine),
        neutral::verbatim(&log.sample)
    );
    md
}

/// `Title (`id`)`, neutralised.
fn titled(title: &str, id: &str) -> String {
    format!("{} ({})", neutral::inline(title), neutral::code(id))
}

fn guide_heading(guide: &Guide, lang: Lang) -> String {
    neutral::inline(guide.title.show(lang))
}

/// First private-use character, standing in for a filled value while the guide text around
/// it is neutralised.
const HOLE: u32 = 0xE000;

/// Guide text with its `{placeholders}` filled from `captures`: the text neutralised, each
/// captured value written literally as code, so it stands out as the person's own.
fn filled(text: &str, captures: &[Capture]) -> String {
    let is_hole = |c: char| (HOLE..HOLE + 256).contains(&u32::from(c));
    let clean: String = text.chars().filter(|&c| !is_hole(c)).collect();
    let mut values: Vec<&str> = Vec::new();
    let mut marked = String::new();
    for piece in crate::session::fill(&clean, captures) {
        match piece {
            crate::session::Piece::Text(t) => marked.push_str(t),
            crate::session::Piece::Filled { value, .. } => {
                let n = u32::try_from(values.len()).unwrap_or(u32::MAX).min(255);
                marked.push(char::from_u32(HOLE + n).unwrap_or('\u{fffd}'));
                values.push(value);
            }
        }
    }
    let mut out = String::new();
    for c in neutral::inline(&marked).chars() {
        if is_hole(c) {
            let n = (u32::from(c) - HOLE) as usize;
            out.push_str(&neutral::code(values.get(n).copied().unwrap_or_default()));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests;
