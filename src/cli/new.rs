//! `tshoot new GUIDE-ID [--lang en,sv] [--out PATH]`: a small guide that already
//! validates — the schema line, one question, two errors, a comment on every field — in
//! the user's guides folder, so writing a guide starts from something that works.
//!
//! It never overwrites: the file is created with `create_new`, so even a file that appears
//! between the check and the write is left alone. Beside the guide, in a hidden folder the
//! catalog skips, it keeps a copy of the JSON Schema for the editor line to point at.

use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;

use crate::guide::Catalog;
use crate::lang::Lang;

/// The JSON Schema of the guide format, as the editor line references it.
const SCHEMA: &str = include_str!("../../assets/guide.schema.json");
/// Where the schema copy goes, relative to the guide's folder.
const SCHEMA_PATH: &str = ".tshoot/guide.schema.json";

/// The placeholder texts of the scaffold, per language: every text a user replaces.
struct Words {
    title: &'static str,
    summary: &'static str,
    escalation: &'static str,
    question: &'static str,
    help: &'static str,
    answer_a: &'static str,
    answer_b: &'static str,
    title_a: &'static str,
    title_b: &'static str,
    symptom: &'static str,
    cause: &'static str,
    step: &'static str,
    step_details: &'static str,
    link: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::En => Words {
            title: "What this guide helps with",
            summary: "One or two sentences: which system, which kind of problem.",
            escalation: "Nothing here helped. Collect the exact message and the time it appeared, then contact the team that runs the system.",
            question: "Where do you see the problem?",
            help: "Tell the user where to look before they answer.",
            answer_a: "In the first place",
            answer_b: "Somewhere else",
            title_a: "The first known error",
            title_b: "The second known error",
            symptom: "what a person would type in their own words",
            cause: "Why this error happens.",
            step: "The first thing to check or change.",
            step_details: "More detail for this step: where to click, what to look for.",
            link: "Where the facts come from",
        },
        Lang::Sv => Words {
            title: "Vad den här guiden hjälper med",
            summary: "En eller två meningar: vilket system, vilken sorts problem.",
            escalation: "Inget här hjälpte. Samla det exakta meddelandet och tiden då det visades och kontakta sedan teamet som driver systemet.",
            question: "Var ser du problemet?",
            help: "Berätta var användaren ska titta innan hen svarar.",
            answer_a: "På det första stället",
            answer_b: "Någon annanstans",
            title_a: "Det första kända felet",
            title_b: "Det andra kända felet",
            symptom: "vad en person skulle skriva med egna ord",
            cause: "Varför felet uppstår.",
            step: "Det första att kontrollera eller ändra.",
            step_details: "Mer om steget: var man klickar, vad man letar efter.",
            link: "Var fakta kommer ifrån",
        },
    }
}

/// A text in every language: a plain string for one language, else a map. `first` is
/// what starts the line (indentation, maybe `- `); `key` is `None` for a list item that
/// is itself a text.
fn text(
    out: &mut String,
    first: &str,
    key: Option<&str>,
    langs: &[Lang],
    pick: fn(&Words) -> &str,
) {
    let said = |lang: &Lang| quote(pick(&words(*lang)));
    let column = " ".repeat(first.chars().count());
    match (key, langs) {
        (Some(key), [lang]) => {
            let _ = writeln!(out, "{first}{key}: {}", said(lang));
        }
        (None, [lang]) => {
            let _ = writeln!(out, "{first}{}", said(lang));
        }
        (Some(key), _) => {
            let _ = writeln!(out, "{first}{key}:");
            for lang in langs {
                let _ = writeln!(out, "{column}  {lang}: {}", said(lang));
            }
        }
        (None, _) => {
            for (i, lang) in langs.iter().enumerate() {
                let start = if i == 0 { first } else { column.as_str() };
                let _ = writeln!(out, "{start}{lang}: {}", said(lang));
            }
        }
    }
}

/// A YAML double-quoted string (the placeholders hold `:` and `,`).
fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The scaffold for guide `id` in `langs`.
#[must_use]
pub fn scaffold(id: &str, langs: &[Lang]) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# yaml-language-server: $schema={SCHEMA_PATH}");
    o.push_str(
        "#\n# A tshoot guide. Check it with `tshoot validate FILE` (add --watch while you edit),\n\
         # draw it with `tshoot graph ID`, walk it with `tshoot --guide ID`.\n\
         # Every text is a plain string or one string per language; guide text may use inline\n\
         # Markdown: `code`, **bold**, [links](https://example.com).\n\n",
    );
    o.push_str("# Unique across all guides: lowercase letters, digits and '-'.\n");
    let _ = writeln!(o, "id: {id}");
    o.push_str("# The name shown in lists and at the top of every screen.\n");
    text(&mut o, "", Some("title"), langs, |w| w.title);
    o.push_str("# Optional: shown under the title.\n");
    text(&mut o, "", Some("summary"), langs, |w| w.summary);
    o.push_str("# Optional: words that help search find this guide.\n");
    o.push_str("tags: [example]\n");
    o.push_str("# Optional: where the facts come from.\n");
    o.push_str("sources:\n  - url: https://example.com/docs\n");
    text(&mut o, "    ", Some("title"), langs, |w| w.link);
    o.push_str("# Optional: what to collect and where to go when nothing helped.\n");
    text(&mut o, "", Some("escalation"), langs, |w| w.escalation);
    o.push_str("# The first question of a guided session.\nstart: where\n\n");
    o.push_str(
        "# The questions. An answer leads to another question (next: question-id), to an\n\
         # outcome (error: error-id), or into another guide (error: guide-id/error-id, or\n\
         # guide: guide-id for that guide's first question). At most 9 answers a question.\n",
    );
    o.push_str("nodes:\n  - id: where\n");
    text(&mut o, "    ", Some("question"), langs, |w| w.question);
    o.push_str("    # Optional: shown under the question.\n");
    text(&mut o, "    ", Some("help"), langs, |w| w.help);
    o.push_str("    answers:\n");
    text(&mut o, "      - ", Some("label"), langs, |w| w.answer_a);
    o.push_str("        error: first-error\n");
    text(&mut o, "      - ", Some("label"), langs, |w| w.answer_b);
    o.push_str("        error: second-error\n\n");
    o.push_str(
        "# The known errors: how each shows itself, why it happens, how to fix it.\nerrors:\n",
    );
    for (n, (eid, title, other)) in [
        (
            "first-error",
            (|w: &Words| w.title_a) as fn(&Words) -> &str,
            "second-error",
        ),
        ("second-error", |w: &Words| w.title_b, "first-error"),
    ]
    .into_iter()
    .enumerate()
    {
        let _ = writeln!(o, "  - id: {eid}");
        text(&mut o, "    ", Some("title"), langs, title);
        if n == 0 {
            o.push_str(
                "    # Messages exactly as the user sees them; {name} marks a part that varies.\n\
                 \x20   # Search recognises a pasted message with its own values in those places.\n",
            );
        }
        let message = if n == 0 {
            "Could not reach {server}"
        } else {
            "Access denied for {user}"
        };
        let _ = writeln!(o, "    messages:\n      - \"{message}\"");
        if n == 0 {
            o.push_str("    # What a person would type, in their own words.\n");
        }
        o.push_str("    symptoms:\n");
        text(&mut o, "      - ", None, langs, |w| w.symptom);
        o.push_str("    causes:\n");
        text(&mut o, "      - ", None, langs, |w| w.cause);
        if n == 0 {
            o.push_str("    # Ordered steps; a step is a text, or {step, details, link}.\n");
        }
        o.push_str("    checklist:\n");
        text(&mut o, "      - ", Some("step"), langs, |w| w.step);
        text(&mut o, "        ", Some("details"), langs, |w| {
            w.step_details
        });
        o.push_str("        link: https://example.com/docs\n");
        if n == 0 {
            o.push_str(
                "    # Optional: what to try next when this fix did not help, most likely first.\n",
            );
        }
        let _ = writeln!(o, "    related: [{other}]");
    }
    o
}

/// Where the guide goes: `--out` (a file, or a folder to put `ID.yaml` in), else the
/// user's guides folder.
fn target(id: &str, out: Option<&Path>, data_dir: Option<&Path>) -> anyhow::Result<PathBuf> {
    let name = format!("{id}.yaml");
    match out {
        Some(path) if path.is_dir() => Ok(path.join(name)),
        Some(path) => Ok(path.to_owned()),
        None => {
            let Some(data) = data_dir else {
                anyhow::bail!("no user data folder (XDG_DATA_HOME or HOME); give --out PATH");
            };
            Ok(data.join("tshoot").join("guides").join(name))
        }
    }
}

pub fn run(
    catalog: &Catalog,
    id: &str,
    langs: &[Lang],
    out: Option<&Path>,
    data_dir: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(
        !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
        "`{id}` is not a guide id: use lowercase letters, digits and `-`"
    );
    let mut langs: Vec<Lang> = if langs.is_empty() {
        vec![Lang::En]
    } else {
        langs.to_vec()
    };
    langs.dedup();
    let path = target(id, out, data_dir)?;
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
    if let Some(folder) = folder {
        std::fs::create_dir_all(folder)
            .with_context(|| format!("cannot create {}", folder.display()))?;
    }
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
    {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            anyhow::bail!(
                "{} already exists; `tshoot new` never overwrites (choose another id or --out)",
                path.display()
            )
        }
        Err(e) => return Err(e).with_context(|| format!("cannot create {}", path.display())),
    };
    file.write_all(scaffold(id, &langs).as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    let schema = folder.unwrap_or(Path::new(".")).join(SCHEMA_PATH);
    if std::fs::read_to_string(&schema).ok().as_deref() != Some(SCHEMA) {
        if let Some(dir) = schema.parent() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
        }
        std::fs::write(&schema, SCHEMA)
            .with_context(|| format!("cannot write {}", schema.display()))?;
    }
    if let Some(existing) = catalog.guide(id) {
        super::report::warning(format_args!(
            "a guide `{id}` is already loaded from {}; the new one replaces it where it comes later",
            existing.origin.file
        ));
    }
    let mut stdout = anstream::stdout().lock();
    writeln!(stdout, "{}", path.display())?;
    writeln!(
        anstream::stderr(),
        "Next: edit it, and run `tshoot validate --watch {}` beside your editor.",
        super::report::shell_quote(&path.display().to_string())
    )?;
    Ok(ExitCode::SUCCESS)
}
