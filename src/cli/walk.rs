//! `tshoot walk GUIDE-ID`: a guided session on plain stdin and stdout, or, with `--answers`,
//! without asking at all.
//!
//! Questions are printed as numbered answers and a one-line prompt that ends with the
//! question; answers are read as lines. Each change is saved at once, so `kill -9`, a closed
//! SSH link or a reboot loses nothing: `tshoot resume` goes on from there. The rules are the
//! session's own ([`crate::plain`] only translates lines into its actions).
//!
//! Exit: 0 when the session reached an outcome (with `--answers`) or ended (fixed or
//! escalated); 1 when it stopped at a question or was left to resume; 2 on an unknown guide
//! or an answer that does not fit (the message lists the valid ones).

use std::io::{BufRead, IsTerminal, Read, Write};
use std::process::ExitCode;

use crate::guide::Catalog;
use crate::guide::sanitize::clean;
use crate::labels::Label;
use crate::lang::Lang;
use crate::plain::{self, End, export, render};
use crate::redact::Redactor;
use crate::session::{Place, Session};
use crate::store::{Saved, Status, Store, clock, convert};

/// A line of input longer than this is cut.
const MAX_LINE_BYTES: u64 = 4096;

/// How to print the session at the end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Plain text, as it was asked.
    Text,
    /// The session as a JSON document.
    Json,
    /// The session as a Markdown report, for a ticket.
    Md,
}

#[derive(Debug, clap::Args)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "each bool is one command-line flag, as clap reads them"
)]
pub struct WalkArgs {
    /// The guide to walk (see `tshoot list`).
    #[arg(value_name = "GUIDE-ID")]
    pub guide: String,
    /// Follow these answers instead of asking, comma-separated: answer numbers, `n` not
    /// fixed, `y` fixed, `b` back (at an outcome a number ticks that step).
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub answers: Option<Vec<String>>,
    /// Print the session as JSON (the same as --format json).
    #[arg(long)]
    pub json: bool,
    /// Mask values from your message, GUIDs, e-mail and IP addresses and host names, so the
    /// output can go into a public ticket.
    #[arg(long)]
    pub redact: bool,
    /// How to print the session.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Do not save the session.
    #[arg(long, conflicts_with = "save")]
    pub no_save: bool,
    /// With --answers: save where the answers lead as a session, so `tshoot sessions` lists
    /// it and `tshoot resume` goes on from there (a scripted run is not saved otherwise).
    #[arg(long, requires = "answers")]
    pub save: bool,
}

/// Output that is masked when asked.
pub struct Out {
    redactor: Option<Redactor>,
}

impl std::fmt::Debug for Out {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Out")
            .field("redact", &self.redactor.is_some())
            .finish()
    }
}

impl Out {
    /// Output as it is.
    #[must_use]
    pub fn plain() -> Out {
        Out { redactor: None }
    }

    fn new(catalog: &Catalog, session: &Session, redact: bool) -> Out {
        Out {
            redactor: redact.then(|| export::redactor(catalog, session)),
        }
    }

    fn print(&mut self, text: &str) -> std::io::Result<()> {
        let text = match &mut self.redactor {
            Some(r) => r.redact(text),
            None => text.to_owned(),
        };
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()
    }

    fn markdown(
        &mut self,
        catalog: &Catalog,
        session: &Session,
        lang: Lang,
    ) -> std::io::Result<()> {
        let now = clock::now().unsigned_abs();
        self.print(&crate::report::markdown(catalog, session, lang, now))
    }

    fn json(
        &mut self,
        catalog: &Catalog,
        session: &Session,
        id: Option<&str>,
        lang: Lang,
    ) -> anyhow::Result<()> {
        let doc = export::json(catalog, session, id, lang, self.redactor.as_mut());
        let mut text = serde_json::to_string_pretty(&doc)?;
        text.push('\n');
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        Ok(out.flush()?)
    }
}

pub fn run(catalog: &Catalog, args: &WalkArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let now = clock::now();
    let Some(session) = Session::from_guide(catalog, &args.guide, now.unsigned_abs()) else {
        let ids: Vec<&str> = catalog.guides.iter().map(|g| g.id.as_str()).collect();
        super::report::error(format_args!(
            "no guide `{}` is loaded; guides: {}",
            clean(&args.guide),
            ids.join(", ")
        ));
        return Ok(ExitCode::from(2));
    };
    let format = if args.json { Format::Json } else { args.format };
    let mut out = Out::new(catalog, &session, args.redact);
    if let Some(answers) = &args.answers {
        let store = if args.save {
            Store::default_dir().map(Store::new)
        } else {
            None
        };
        return follow(
            catalog,
            session,
            answers,
            store.as_ref(),
            format,
            lang,
            &mut out,
        );
    }
    let store = if args.no_save {
        None
    } else {
        Store::default_dir().map(Store::new)
    };
    interactive(
        catalog,
        session,
        None,
        store.as_ref(),
        format,
        lang,
        &mut out,
    )
}

/// `--answers`: applies each answer; prints where they lead. With a `store` (`--save`) the
/// result is saved as a new session, and its id is printed (in the JSON, or as the line to
/// continue with).
fn follow(
    catalog: &Catalog,
    mut session: Session,
    answers: &[String],
    store: Option<&Store>,
    format: Format,
    lang: Lang,
    out: &mut Out,
) -> anyhow::Result<ExitCode> {
    for (i, answer) in answers.iter().enumerate() {
        if matches!(session.at(), Place::Solved(_) | Place::Escalation) {
            super::report::error(format_args!(
                "answer {} `{}`: the session has already ended",
                i + 1,
                clean(answer)
            ));
            return Ok(ExitCode::from(2));
        }
        let reply = plain::input(catalog, &mut session, answer, lang);
        if reply.invalid {
            super::report::error(format_args!(
                "answer {} does not fit where the session stands: {}",
                i + 1,
                reply.text.trim_end()
            ));
            return Ok(ExitCode::from(2));
        }
        if reply.end == Some(End::Quit) {
            break;
        }
    }
    let id = store.and_then(|store| {
        let mut saved = convert::saved(catalog, &session, lang, clock::now(), None);
        match store.save(&mut saved) {
            Ok(_) => Some(saved.id),
            Err(e) => {
                super::report::warning(format_args!("{}: {e:#}", Label::NotSaved.text(lang)));
                None
            }
        }
    });
    match format {
        Format::Json => out.json(catalog, &session, id.as_deref(), lang)?,
        Format::Md => {
            out.markdown(catalog, &session, lang)?;
            // The document stays a document: the line to continue with goes to stderr.
            if let Some(id) = id
                .as_ref()
                .filter(|_| export::status(&session) == Status::Open)
            {
                eprintln!("{} {id}", Label::ContinueWith.text(lang));
            }
        }
        Format::Text => {
            let mut text = render::screen(catalog, &session, lang);
            let prompt = render::prompt(catalog, &session, lang);
            if !prompt.is_empty() {
                text.push_str(&prompt);
                text.push('\n');
            }
            if let Some(id) = id
                .as_ref()
                .filter(|_| export::status(&session) == Status::Open)
            {
                text.push_str(Label::ContinueWith.text(lang));
                text.push(' ');
                text.push_str(id);
                text.push('\n');
            }
            out.print(&text)?;
        }
    }
    Ok(match session.at() {
        Place::Question(_) => ExitCode::from(1),
        Place::Outcome(_) | Place::Solved(_) | Place::Escalation => ExitCode::SUCCESS,
    })
}

/// Asks on stdout and reads answers from stdin until the session ends, the person quits or
/// the input ends; saves after each change.
pub fn interactive(
    catalog: &Catalog,
    mut session: Session,
    mut saved: Option<Saved>,
    store: Option<&Store>,
    format: Format,
    lang: Lang,
    out: &mut Out,
) -> anyhow::Result<ExitCode> {
    let echo = !std::io::stdin().is_terminal();
    let mut warned = false;
    let mut save = |session: &Session, saved: &mut Option<Saved>| {
        let Some(store) = store else { return };
        let mut next = convert::saved(catalog, session, lang, clock::now(), saved.as_ref());
        match store.save(&mut next) {
            Ok(_) => *saved = Some(next),
            Err(e) if !warned => {
                warned = true;
                super::report::warning(format_args!("{}: {e:#}", Label::NotSaved.text(lang)));
            }
            Err(_) => {}
        }
    };
    // Saved from its first change, as in the terminal UI: a walk left before any answer
    // leaves nothing to continue.
    let mut text = render::screen(catalog, &session, lang);
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let end = loop {
        let prompt = render::prompt(catalog, &session, lang);
        if prompt.is_empty() {
            out.print(&text)?;
            break Some(End::Finished);
        }
        out.print(&format!("{text}{prompt} "))?;
        let Some(line) = read_line(&mut input)? else {
            out.print("\n")?;
            break None;
        };
        if echo {
            out.print(&format!("{}\n", clean(line.trim_end())))?;
        }
        let reply = plain::input(catalog, &mut session, &line, lang);
        if reply.changed {
            save(&session, &mut saved);
        }
        if let Some(end) = reply.end {
            out.print(&reply.text)?;
            break Some(end);
        }
        text = reply.text;
    };
    if format == Format::Json {
        out.json(
            catalog,
            &session,
            saved.as_ref().map(|s| s.id.as_str()),
            lang,
        )?;
    }
    if end == Some(End::Finished) {
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(saved) = &saved {
        out.print(&format!(
            "{} {}\n",
            Label::ContinueWith.text(lang),
            saved.id
        ))?;
    }
    Ok(ExitCode::from(1))
}

/// One line of input, at most [`MAX_LINE_BYTES`] (the rest of a longer line is skipped);
/// `None` at the end of input.
fn read_line(input: &mut impl BufRead) -> std::io::Result<Option<String>> {
    let mut bytes = Vec::new();
    input
        .by_ref()
        .take(MAX_LINE_BYTES)
        .read_until(b'\n', &mut bytes)?;
    if bytes.is_empty() {
        return Ok(None);
    }
    if bytes.last() != Some(&b'\n') && bytes.len() as u64 == MAX_LINE_BYTES {
        let mut rest = Vec::new();
        loop {
            rest.clear();
            let n = input
                .by_ref()
                .take(MAX_LINE_BYTES)
                .read_until(b'\n', &mut rest)?;
            if n == 0 || rest.last() == Some(&b'\n') {
                break;
            }
        }
    }
    Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
}
