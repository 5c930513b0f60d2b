//! Plain mode: a guided session as lines of text in and lines of text out, for `tshoot walk`,
//! `tshoot resume` without a screen, and `--answers`.
//!
//! It is a thin, pure layer over [`crate::session::Session`]: a line typed (`2`, `b`, `y`,
//! `n`, `q`, `?`) becomes one of the session's actions, so plain mode follows exactly the same
//! rules as the full-screen session, and the reply is the text to print and whether the
//! session changed (the caller saves it) or ended. No I/O here.

pub mod export;
pub mod render;

use crate::guide::Catalog;
use crate::guide::sanitize::clean;
use crate::labels::Label;
use crate::lang::Lang;
use crate::session::{Action, Place, Session};

/// A line longer than this is not an answer (and is not echoed in full).
const MAX_ECHO_CHARS: usize = 40;

/// What a line of input means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A number as typed (1-based): an answer, or a checklist step to tick.
    Number(usize),
    /// `y`: the fix worked.
    Yes,
    /// `n`: it did not.
    No,
    Back,
    Restart,
    Quit,
    Help,
    /// Nothing typed.
    Empty,
    /// Anything else, cleaned and cut for echoing.
    Other(String),
}

/// Reads one line of input. Case and surrounding blanks do not matter; Swedish `j`/`ja`/`nej`
/// work as well as `y`/`yes`/`no`.
#[must_use]
pub fn parse(line: &str) -> Input {
    let word = line.trim().to_lowercase();
    match word.as_str() {
        "" => Input::Empty,
        "y" | "yes" | "j" | "ja" => Input::Yes,
        "n" | "no" | "nej" => Input::No,
        "b" | "back" => Input::Back,
        "r" | "restart" => Input::Restart,
        "q" | "quit" | "exit" => Input::Quit,
        "?" | "h" | "help" => Input::Help,
        _ => match word.parse::<usize>() {
            Ok(n) if n > 0 => Input::Number(n),
            _ => Input::Other(clean(&word).chars().take(MAX_ECHO_CHARS).collect()),
        },
    }
}

/// How a session left plain mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// The person quit; the session is kept to resume.
    Quit,
    /// Fixed, or escalated.
    Finished,
}

/// What to print after a line, and what happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    pub text: String,
    /// The session changed: save it.
    pub changed: bool,
    /// The input was not understood here; `text` says what is.
    pub invalid: bool,
    pub end: Option<End>,
}

impl Reply {
    fn say(text: String) -> Reply {
        Reply {
            text,
            changed: false,
            invalid: false,
            end: None,
        }
    }

    fn invalid(text: String) -> Reply {
        Reply {
            invalid: true,
            ..Reply::say(text)
        }
    }
}

/// What the valid inputs are where the session stands, for a message after a wrong one.
#[must_use]
pub fn valid_inputs(catalog: &Catalog, session: &Session, lang: Lang) -> String {
    match session.at() {
        Place::Question(node) => {
            let n = node.find(catalog).map_or(0, |(_, n)| n.answers.len());
            let answers = if lang == Lang::Sv { "svar" } else { "answers" };
            format!("{answers} 1-{n}, b, r, q, ?")
        }
        Place::Outcome(error) => {
            let n = error.find(catalog).map_or(0, |(_, e)| e.checklist.len());
            let steps = if lang == Lang::Sv { "steg" } else { "steps" };
            format!("y, n, {steps} 1-{n}, b, r, q, ?")
        }
        Place::Solved(_) | Place::Escalation => String::new(),
    }
}

/// Applies one line of input to the session.
pub fn input(catalog: &Catalog, session: &mut Session, line: &str, lang: Lang) -> Reply {
    let parsed = parse(line);
    let action = match (&parsed, session.at()) {
        (Input::Empty, _) => return Reply::say(String::new()),
        (Input::Quit, _) => {
            return Reply {
                end: Some(End::Quit),
                ..Reply::say(String::new())
            };
        }
        (Input::Help, at) => {
            let mut text = String::new();
            if let Place::Question(node) = at
                && let Some(help) = node.find(catalog).and_then(|(_, n)| n.help.as_ref())
            {
                text.push_str(&crate::markup::plain(help.show(lang)));
                text.push('\n');
            }
            let keys = match at {
                Place::Outcome(_) => Label::OutcomeKeys,
                _ => Label::WalkKeys,
            };
            text.push_str(keys.text(lang));
            text.push('\n');
            return Reply::say(text);
        }
        (Input::Number(n), Place::Question(_)) => Action::Answer(n - 1),
        (Input::Number(n), Place::Outcome(_)) => Action::Tick(n - 1),
        (Input::Yes, Place::Outcome(_)) => Action::Fixed,
        (Input::No, Place::Outcome(_)) => Action::NotFixed,
        (Input::Back, _) => Action::Back,
        (Input::Restart, _) => Action::Restart,
        _ => return not_an_answer(catalog, session, &parsed, lang),
    };
    if !session.apply(catalog, action) {
        return not_an_answer(catalog, session, &parsed, lang);
    }
    let mut text = String::new();
    let mut end = None;
    match (action, session.at()) {
        (Action::Tick(step), Place::Outcome(error)) => {
            let checklist = render::outcome(catalog, session, error, lang);
            let line = checklist
                .lines()
                .find(|l| l.trim_start().starts_with(&format!("{}. [", step + 1)))
                .unwrap_or_default();
            text.push_str(line);
            text.push('\n');
        }
        (Action::NotFixed, Place::Outcome(error)) => {
            text.push('\n');
            text.push_str(Label::NotFixedNext.text(lang));
            text.push('\n');
            text.push_str(&render::outcome(catalog, session, error, lang));
        }
        (_, Place::Solved(_) | Place::Escalation) => {
            text.push('\n');
            text.push_str(&render::screen(catalog, session, lang));
            end = Some(End::Finished);
        }
        _ => {
            text.push('\n');
            text.push_str(&render::screen(catalog, session, lang));
        }
    }
    Reply {
        text,
        changed: true,
        invalid: false,
        end,
    }
}

fn not_an_answer(catalog: &Catalog, session: &Session, input: &Input, lang: Lang) -> Reply {
    let typed = match input {
        Input::Number(n) => n.to_string(),
        Input::Yes => "y".to_owned(),
        Input::No => "n".to_owned(),
        Input::Back => "b".to_owned(),
        Input::Restart => "r".to_owned(),
        Input::Other(s) => s.clone(),
        Input::Quit | Input::Help | Input::Empty => String::new(),
    };
    Reply::invalid(format!(
        "{}: {typed} ({})\n",
        Label::NotAnAnswer.text(lang),
        valid_inputs(catalog, session, lang)
    ))
}
