//! `tshoot list GUIDE-ID [--json]`: one guide's errors (id, title, number of messages) and
//! questions (id, question, number of answers), the ids one needs for `show`, `graph` and
//! `walk`.

use std::io::Write;
use std::process::ExitCode;

use anstyle::{Effects, Style};
use serde::Serialize;

use crate::guide::{Catalog, Guide};
use crate::labels::Label;
use crate::lang::Lang;
use crate::markup;

#[derive(Serialize)]
struct GuideJson<'a> {
    id: &'a str,
    title: String,
    file: &'a str,
    start: &'a str,
    errors: Vec<ErrorJson<'a>>,
    questions: Vec<QuestionJson<'a>>,
}

#[derive(Serialize)]
struct ErrorJson<'a> {
    id: &'a str,
    title: String,
    messages: usize,
}

#[derive(Serialize)]
struct QuestionJson<'a> {
    id: &'a str,
    question: String,
    answers: usize,
}

fn plain(text: &crate::guide::Text, lang: Lang) -> String {
    markup::plain(text.show(lang))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn json(guide: &Guide, lang: Lang) -> GuideJson<'_> {
    GuideJson {
        id: &guide.id,
        title: plain(&guide.title, lang),
        file: &guide.origin.file,
        start: &guide.nodes[guide.start].id,
        errors: guide
            .errors
            .iter()
            .map(|e| ErrorJson {
                id: &e.id,
                title: plain(&e.title, lang),
                messages: e.messages.len(),
            })
            .collect(),
        questions: guide
            .nodes
            .iter()
            .map(|n| QuestionJson {
                id: &n.id,
                question: plain(&n.question, lang),
                answers: n.answers.len(),
            })
            .collect(),
    }
}

pub fn run(catalog: &Catalog, id: &str, lang: Lang, as_json: bool) -> anyhow::Result<ExitCode> {
    let guide = super::ids::guide(catalog, id)?;
    let mut out = anstream::stdout().lock();
    if as_json {
        serde_json::to_writer_pretty(&mut out, &json(guide, lang))?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let listing = json(guide, lang);
    let bold = Style::new().effects(Effects::BOLD);
    let dim = Style::new().effects(Effects::DIMMED);
    writeln!(
        out,
        "{bold}{}{bold:#}  {dim}{}{dim:#}",
        listing.title, guide.id
    )?;

    let width = listing.errors.iter().map(|e| e.id.len()).max().unwrap_or(0);
    writeln!(
        out,
        "\n{bold}{} ({}){bold:#}",
        capitalised(Label::Errors.text(lang)),
        listing.errors.len()
    )?;
    for e in &listing.errors {
        let word = if e.messages == 1 {
            Label::MessageOne
        } else {
            Label::MessageCount
        };
        let count = format!("{} {}", e.messages, word.text(lang));
        writeln!(
            out,
            "  {bold}{:width$}{bold:#}  {count:>14}  {}",
            e.id, e.title
        )?;
    }

    let width = listing
        .questions
        .iter()
        .map(|q| q.id.len())
        .max()
        .unwrap_or(0);
    writeln!(
        out,
        "\n{bold}{} ({}){bold:#}",
        Label::Questions.text(lang),
        listing.questions.len()
    )?;
    for q in &listing.questions {
        let word = if q.answers == 1 {
            Label::AnswerOne
        } else {
            Label::AnswerCount
        };
        let count = format!("{} {}", q.answers, word.text(lang));
        writeln!(
            out,
            "  {bold}{:width$}{bold:#}  {count:>9}  {}",
            q.id, q.question
        )?;
    }
    writeln!(
        out,
        "\n{dim}{} {}/ERROR-ID\n{} {}{dim:#}",
        Label::ShowErrorOf.text(lang),
        guide.id,
        Label::GraphOf.text(lang),
        guide.id
    )?;
    Ok(ExitCode::SUCCESS)
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
