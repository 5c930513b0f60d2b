//! Where a session stands, as plain lines of text: no colour, no cursor movement, nothing
//! but words and numbers, so it reads the same on a dumb terminal, in a pipe, in a chat
//! paste and through a screen reader.
//!
//! Guide text is inline Markdown; it is flattened with [`markup::plain`] and its
//! `{placeholder}`s are filled with the values captured from the person's message.

use std::fmt::Write as _;

use crate::guide::{Catalog, Text};
use crate::labels::Label;
use crate::lang::Lang;
use crate::markup;
use crate::session::{ErrorRef, NodeRef, Place, Session, filled};

/// Guide text as plain words, placeholders filled.
fn words(text: &Text, session: &Session, lang: Lang) -> String {
    markup::plain(&filled(text.show(lang), session.captures()))
}

/// Indents every line after the first by `indent` spaces.
fn hang(text: &str, indent: usize) -> String {
    text.replace('\n', &format!("\n{}", " ".repeat(indent)))
}

/// The question block: a heading line and the numbered answers (the question itself is the
/// prompt, see [`prompt`]).
#[must_use]
pub fn question(catalog: &Catalog, session: &Session, node: &NodeRef, lang: Lang) -> String {
    let mut out = String::new();
    let Some((guide, n)) = node.find(catalog) else {
        return out;
    };
    let number = session.path().len() + 1;
    let _ = writeln!(
        out,
        "{} {number} — {}",
        Label::Question.text(lang),
        guide.title.show(lang)
    );
    for (i, answer) in n.answers.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {}. {}",
            i + 1,
            hang(&words(&answer.label, session, lang), 5)
        );
    }
    out
}

/// The one line that asks: it ends with the question.
#[must_use]
pub fn prompt(catalog: &Catalog, session: &Session, lang: Lang) -> String {
    match session.at() {
        Place::Question(node) => {
            let Some((_, n)) = node.find(catalog) else {
                return String::new();
            };
            let question = words(&n.question, session, lang).replace('\n', " ");
            format!("{question} [1-{}, b, q, ?]", n.answers.len())
        }
        Place::Outcome(_) => format!("{} [y/n]", Label::DidItFix.text(lang)),
        Place::Solved(_) | Place::Escalation => String::new(),
    }
}

/// An error's outcome: title, its first message, causes, and the checklist as numbered
/// steps with their ticks.
#[must_use]
pub fn outcome(catalog: &Catalog, session: &Session, error: &ErrorRef, lang: Lang) -> String {
    let mut out = String::new();
    let Some((_, entry)) = error.find(catalog) else {
        return out;
    };
    let _ = writeln!(out, "{} ({error})", words(&entry.title, session, lang));
    if let Some(message) = entry.messages.first() {
        let _ = writeln!(
            out,
            "{}: {}",
            Label::Messages.text(lang),
            hang(&words(message, session, lang), 2)
        );
    }
    if !entry.causes.is_empty() {
        let _ = writeln!(out, "{}:", Label::Causes.text(lang));
        for cause in &entry.causes {
            let _ = writeln!(out, "  - {}", hang(&words(cause, session, lang), 4));
        }
    }
    let _ = writeln!(out, "{}:", Label::Checklist.text(lang));
    for (i, step) in entry.checklist.iter().enumerate() {
        let mark = if session.is_ticked(error, i) {
            "x"
        } else {
            " "
        };
        let _ = writeln!(
            out,
            "  {}. [{mark}] {}",
            i + 1,
            hang(&words(&step.text, session, lang), 9)
        );
        if let Some(details) = &step.details {
            let _ = writeln!(out, "         {}", hang(&words(details, session, lang), 9));
        }
        if let Some(link) = &step.link {
            let _ = writeln!(out, "         {link}");
        }
    }
    out
}

/// The end of a session that nothing fixed: the escalation texts, and what was tried.
#[must_use]
pub fn escalation(catalog: &Catalog, session: &Session, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", Label::Escalate.text(lang));
    for (guide, text) in session.escalations(catalog) {
        let _ = writeln!(out, "{} ({}):", guide.title.show(lang), guide.id);
        let _ = writeln!(out, "{}", words(text, session, lang));
    }
    if !session.tried().is_empty() {
        let _ = writeln!(out, "{}:", Label::Tried.text(lang));
        for error in session.tried() {
            let _ = writeln!(out, "  - {} ({error})", error_title(catalog, error, lang));
        }
    }
    out
}

/// The end of a session whose fix worked.
#[must_use]
pub fn solved(catalog: &Catalog, error: &ErrorRef, lang: Lang) -> String {
    format!(
        "{}: {} ({error})\n",
        Label::Solved.text(lang),
        error_title(catalog, error, lang)
    )
}

/// Where the session stands, in full: the question, the outcome or the end.
#[must_use]
pub fn screen(catalog: &Catalog, session: &Session, lang: Lang) -> String {
    match session.at() {
        Place::Question(node) => question(catalog, session, node, lang),
        Place::Outcome(error) => outcome(catalog, session, error, lang),
        Place::Solved(error) => solved(catalog, error, lang),
        Place::Escalation => escalation(catalog, session, lang),
    }
}

/// An error's title, or its id if it is not loaded.
#[must_use]
pub fn error_title(catalog: &Catalog, error: &ErrorRef, lang: Lang) -> String {
    error.find(catalog).map_or_else(
        || error.to_string(),
        |(_, e)| markup::plain(e.title.show(lang)),
    )
}
