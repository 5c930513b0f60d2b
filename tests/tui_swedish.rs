//! Under `--lang sv` no label of the interface shows in English: every screen (home, help,
//! search and its help, a guide page, a question, an outcome from a pasted message, the
//! map, the export dialog, the solved and escalation ends, the reference, the triage path
//! prompt with its problems, a finished triage) is drawn at 80×24 and 40×12 in Swedish and
//! searched for the English side of every label in `src/labels.rs` and the key table.
#![cfg(unix)]

mod tui_common;

use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::Event;
use tshoot::guide::catalog::{Catalog, Source};
use tshoot::lang::Lang;
use tshoot::triage::Input;
use tshoot::tui::App;
use tshoot::tui::keys::BINDINGS;
use tshoot::tui::screens::triage::Triage;
use tui_common::{rows, script_keys, send};

/// The string literals of `text`, in order (the labels file has no escaped quotes).
fn literals(text: &str) -> Vec<&str> {
    text.split('"').skip(1).step_by(2).collect()
}

/// The English and Swedish text of every label: each `Label::X => ("en", "sv")` of
/// `src/labels.rs` (read as text, so a new label is covered without listing it here), and
/// the key table's labels.
fn labels() -> Vec<(String, String)> {
    let source = include_str!("../src/labels.rs");
    let table = &source[source.find("let (en, sv) = match self").expect("the table")..];
    let table = &table[..table.find("match lang").expect("its end")];
    let mut out: Vec<(String, String)> = table
        .split("Label::")
        .skip(1)
        .filter_map(|arm| {
            let pair = literals(arm);
            Some((pair.first()?.to_string(), pair.get(1)?.to_string()))
        })
        .collect();
    assert!(out.len() > 100, "the labels were read: {}", out.len());
    out.extend(
        BINDINGS
            .iter()
            .map(|b| (b.label.0.to_owned(), b.label.1.to_owned())),
    );
    out
}

/// The pieces of an English label that a Swedish screen must not show: its text between
/// `{placeholders}`, where long enough to be telling and not also Swedish.
fn needles() -> Vec<String> {
    let mut out = Vec::new();
    for (en, sv) in labels() {
        if en == sv {
            continue;
        }
        let sv: String = sv.split(['{', '}']).step_by(2).collect();
        for piece in en.split(['{', '}']).step_by(2) {
            let piece = piece.trim_matches(|c: char| !c.is_alphanumeric());
            if piece.chars().count() >= 5 && !sv.contains(piece) {
                out.push(piece.to_owned());
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

fn draw(app: &mut App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("backend");
    terminal
        .draw(|f| f.render_widget(&mut *app, f.area()))
        .expect("draws");
    rows(terminal.backend().buffer()).join("\n")
}

/// Whether `needle` is in `screen` as whole words (not inside an id such as
/// `itsmc-dashboard-errors`).
fn shows(screen: &str, needle: &str) -> bool {
    let part = |c: char| c.is_alphanumeric() || "-_/".contains(c);
    screen.match_indices(needle).any(|(at, _)| {
        let before = screen[..at].chars().next_back();
        let after = screen[at + needle.len()..].chars().next();
        !before.is_some_and(part) && !after.is_some_and(part)
    })
}

fn app() -> App {
    let mut app = App::new(Catalog::load(&[Source::Builtin]), Lang::Sv);
    app.cx.theme = tshoot::tui::theme::Theme::plain();
    app
}

fn after(keys: &str) -> App {
    let mut app = app();
    send(&mut app, &script_keys(keys));
    app
}

const MESSAGE: &str = "Could not create/update work item for alert CPU-High.\nITSM Connector 0c9e41d2-1f3a-4b5c-8d7e-0123456789ab does not exist or was deleted.";

/// Every screen to look at, by name.
fn screens() -> Vec<(&'static str, App)> {
    let mut pasted = after("/");
    let msg = pasted
        .map(&Event::Paste(MESSAGE.to_owned()))
        .expect("a paste");
    pasted.update(msg);
    send(&mut pasted, &script_keys("\n"));
    let mut triage = app();
    let screen = Triage::start(
        vec![Input::File("tests/fixtures/triage/mixed.log".into())],
        None,
        &triage.cx,
    );
    assert!(screen.wait(Duration::from_secs(20)), "reading ends");
    triage.stack.push(screen.into());
    vec![
        ("home", after("")),
        ("home help", after("?")),
        ("search", after("/token")),
        ("search, no hit", after("/qqqqzzzz")),
        ("guide page", after("\n")),
        ("question", after("\n1")),
        ("question help", after("\n1?")),
        ("outcome", after("\n116")),
        ("outcome help", after("\n116?")),
        ("outcome from a paste", pasted),
        ("map", after("\n11m")),
        ("export", after("\n116e")),
        ("solved", after("\n116y")),
        ("escalation", after("\n116nnnnnnnn")),
        ("reference", after("\n2")),
        ("reference help", after("\n2?")),
        ("triage prompt", after("t")),
        ("triage prompt, a folder", after("ttests\n")),
        ("triage prompt, no such file", after("tno-such-file.log\n")),
        ("triage", triage),
    ]
}

#[test]
fn no_english_label_shows_under_swedish() {
    let needles = needles();
    assert!(needles.iter().any(|n| n == "Log file to triage"));
    let mut found = Vec::new();
    for (name, mut app) in screens() {
        for (w, h) in [(80, 24), (40, 12)] {
            let screen = draw(&mut app, w, h);
            for needle in &needles {
                if shows(&screen, needle) {
                    found.push(format!("{name} {w}x{h}: “{needle}”\n{screen}"));
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n\n"));
}
