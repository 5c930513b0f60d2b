//! The triage screen on a `TestBackend`: snapshots of a finished triage (80×24, 40×12,
//! 120×40), Enter opening the most frequent error's checklist, and Esc stopping a read that
//! would never end (a FIFO kept open) with what was found still shown.
#![cfg(unix)]

mod tui_common;

use std::io::Write;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tshoot::guide::catalog::{Catalog, Source};
use tshoot::lang::Lang;
use tshoot::session::{ErrorRef, Place};
use tshoot::triage::Input;
use tshoot::tui::screens::triage::Triage;
use tshoot::tui::{App, Screen};

/// The app with a triage of `input` on top, once reading has ended (or after `wait`).
fn triage_app(input: Input, wait: bool) -> App {
    let mut app = App::new(Catalog::load(&[Source::Builtin]), Lang::En);
    app.cx.theme = tshoot::tui::theme::Theme::plain();
    let screen = Triage::start(vec![input], None, &app.cx);
    if wait {
        assert!(screen.wait(Duration::from_secs(20)), "reading ends");
    }
    app.stack.push(screen.into());
    app
}

fn key(app: &mut App, code: KeyCode) {
    let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    if let Some(msg) = app.map(&event) {
        app.update(msg);
    }
}

fn draw(app: &mut App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .expect("draws");
    terminal.backend().to_string()
}

/// A fixture path relative to the package root (the tests' working folder), so that
/// snapshots name the file as a person would type it.
fn mixed() -> Input {
    Input::File("tests/fixtures/triage/mixed.log".into())
}

#[test]
fn snapshots_of_a_finished_triage() {
    let mut app = triage_app(mixed(), true);
    for (w, h) in [(80, 24), (40, 12), (120, 40)] {
        insta::assert_snapshot!(format!("triage_done_{w}x{h}"), draw(&mut app, w, h));
    }
}

#[test]
fn enter_opens_the_checklist_of_the_selected_error() {
    let mut app = triage_app(mixed(), true);
    let screen = draw(&mut app, 80, 24);
    // Most frequent first, each with its count.
    let first = screen.lines().nth(3).expect("a first error");
    assert!(
        first.contains("3 ") && first.contains("Missing connector"),
        "{screen}"
    );
    key(&mut app, KeyCode::Enter);
    let Screen::Session(s) = app.top() else {
        panic!("a session is open")
    };
    assert_eq!(
        s.session.at(),
        &Place::Outcome(ErrorRef::new("itsmc-dashboard-errors", "missing-connector"))
    );
    // The values filled in came from the log (its most frequent alert), not from a message
    // the person typed, and the heading says so.
    let outcome = draw(&mut app, 120, 40);
    assert!(outcome.contains("Most frequent in the log"), "{outcome}");
    assert!(outcome.contains("alertName = CPU-High"), "{outcome}");
    assert!(!outcome.contains("From your message"), "{outcome}");
    // Down, Enter: the second error, the rate limit.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    let Screen::Session(s) = app.top() else {
        panic!("a session is open")
    };
    let Place::Outcome(e) = s.session.at() else {
        panic!("an outcome")
    };
    assert_eq!(e.error, "servicenow-rate-problem");
}

#[test]
fn c_copies_the_first_log_line_the_selected_error_was_found_on() {
    let mut app = triage_app(mixed(), true);
    let c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::NONE));
    let copy = |app: &mut App| app.map(&c).and_then(|msg| app.update(msg));
    // The most frequent, the missing connector: first found on the log's seventh line.
    assert_eq!(
        copy(&mut app),
        Some(tshoot::tui::Effect::Copy {
            text: "2024-05-01T10:22:03Z ERROR [itsm.worker] Could not create/update work item for alert CPU-High. ITSM Connector 0c9e41d2-1f3a-4b5c-8d7e-0123456789ab does not exist or was deleted.".into(),
            what: "the first line it was found on".into(),
        })
    );
    key(&mut app, KeyCode::Down);
    let Some(tshoot::tui::Effect::Copy { text, .. }) = copy(&mut app) else {
        panic!("the rate limit's line is copied")
    };
    assert_eq!(
        text,
        "2024-05-01T10:22:04Z ERROR [http] ServiceDeskHttpBadRequestException: StatusCode=429"
    );
    assert!(
        draw(&mut app, 80, 24).contains("c copy"),
        "the footer offers it"
    );
}

#[test]
fn the_triage_screen_speaks_the_chosen_language_and_counts_one_line_as_one() {
    let dir = tempfile::tempdir().expect("temp");
    let log = dir.path().join("one.log");
    std::fs::write(&log, "ServiceDeskHttpBadRequestException: StatusCode=429\n").expect("log");
    for (lang, words) in [
        (
            Lang::En,
            ["Triage: ", "one.log: 1 line, 0.0 MB", "Hastighet"],
        ),
        (
            Lang::Sv,
            ["Granskning: ", "one.log: 1 rad, 0.0 MB", "Hastighetsgräns"],
        ),
    ] {
        let mut app = App::new(Catalog::load(&[Source::Builtin]), lang);
        let screen = Triage::start(vec![Input::File(log.clone())], None, &app.cx);
        assert!(screen.wait(Duration::from_secs(20)), "reading ends");
        app.stack.push(screen.into());
        let drawn = draw(&mut app, 80, 24);
        assert!(drawn.contains(words[0]), "{drawn}");
        assert!(drawn.contains(words[1]), "{drawn}");
        // The error's title in that language (en: "ServiceNow rate limit").
        assert_eq!(drawn.contains(words[2]), lang == Lang::Sv, "{drawn}");
    }
}

#[test]
fn esc_stops_an_endless_read_and_keeps_what_was_found() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("live.log");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    let writer_path = fifo.clone();
    let (done_tx, done_rx) = std::sync::mpsc::channel::<()>();
    let writer = std::thread::spawn(move || {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .open(writer_path)
            .expect("open fifo");
        f.write_all(b"2024-05-01T10:00:00Z ERROR User Not Authenticated\n")
            .expect("write");
        f.flush().expect("flush");
        // Keep the pipe open until the test is over: the read never ends by itself.
        let _ = done_rx.recv_timeout(Duration::from_secs(30));
    });
    let mut app = triage_app(Input::File(fifo), false);
    let Screen::Triage(t) = app.top() else {
        panic!("triage on top")
    };
    let start = std::time::Instant::now();
    while t.errors() == 0 {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the line is found while the pipe is open"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(!t.done());
    assert!(draw(&mut app, 80, 24).contains("(Esc stops)"));
    key(&mut app, KeyCode::Esc);
    let Screen::Triage(t) = app.top() else {
        panic!("Esc stops reading, the screen stays")
    };
    assert!(t.wait(Duration::from_secs(5)), "reading stops");
    assert_eq!(t.errors(), 1);
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains("1 line, 0.0 MB — stopped"), "{screen}");
    assert!(screen.contains("User not authenticated"), "{screen}");
    // A second Esc goes back home.
    key(&mut app, KeyCode::Esc);
    assert!(matches!(app.top(), Screen::Home(_)));
    drop(done_tx);
    writer.join().expect("writer ends");
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

#[test]
fn t_on_home_asks_for_a_path_and_reads_it() {
    let mut app = App::new(Catalog::load(&[Source::Builtin]), Lang::En);
    app.cx.theme = tshoot::tui::theme::Theme::plain();
    key(&mut app, KeyCode::Char('t'));
    assert!(matches!(app.top(), Screen::TriagePrompt(_)));
    // `q` and `t` are typed into the field, not obeyed.
    typed(&mut app, "tests/fixtures/triage/nope.log");
    key(&mut app, KeyCode::Enter);
    let Screen::TriagePrompt(p) = app.top() else {
        panic!("the prompt stays")
    };
    assert_eq!(p.path(), "tests/fixtures/triage/nope.log");
    let screen = draw(&mut app, 80, 24);
    assert!(
        screen.contains("cannot read tests/fixtures/triage/nope.log"),
        "{screen}"
    );
    insta::assert_snapshot!("triage_prompt_problem_80x24", screen);
    for _ in 0.."nope.log".len() {
        key(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "mixed.log");
    insta::assert_snapshot!("triage_prompt_40x12", draw(&mut app, 40, 12));
    key(&mut app, KeyCode::Enter);
    // The prompt is replaced by the triage: Esc from it goes home.
    assert_eq!(app.stack.len(), 2);
    let Screen::Triage(t) = app.top() else {
        panic!("the triage opens")
    };
    assert!(t.wait(Duration::from_secs(20)));
    assert_eq!(t.errors(), 3);
    key(&mut app, KeyCode::Esc);
    assert!(matches!(app.top(), Screen::Home(_)));
    // Esc on the prompt cancels it.
    key(&mut app, KeyCode::Char('t'));
    key(&mut app, KeyCode::Esc);
    assert!(matches!(app.top(), Screen::Home(_)));
}

/// Scripted events for the real loop; when they run out, the loop is told to stop.
use tui_common::Script;

#[test]
fn a_session_opened_from_a_triage_row_exports_what_the_log_said() {
    let dir = tempfile::tempdir().expect("temp dir");
    let world = tshoot::tui::terminal::World {
        sessions: Some(dir.path().join("sessions")),
        browser: false,
        hyperlinks: false,
        suspend: false,
        store: None,
    };
    let mut app = triage_app(mixed(), true);
    // Enter on the first row (the most frequent error), tick the first step, export: the
    // export dialog masks by default, and these checks read the values as logged, so ↓ Space
    // turns redaction off before Enter writes the file; Esc closes the dialog.
    let keys = [
        KeyCode::Enter,
        KeyCode::Char(' '),
        KeyCode::Char('e'),
        KeyCode::Down,
        KeyCode::Char(' '),
        KeyCode::Enter,
        KeyCode::Esc,
    ];
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut events = Script(
        keys.iter()
            .map(|&c| Event::Key(KeyEvent::new(c, KeyModifiers::NONE)))
            .collect(),
        std::sync::Arc::clone(&stop),
    );
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
    tshoot::tui::terminal::event_loop(&mut terminal, &mut app, &mut events, &stop, &world)
        .expect("loop ends");
    // The session screen says where it came from.
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains("from the log"), "{screen}");
    let saved: Vec<_> = std::fs::read_dir(dir.path().join("sessions"))
        .expect("exported")
        .filter_map(Result::ok)
        .collect();
    assert_eq!(saved.len(), 1, "{:?}", app.status);
    let text = std::fs::read_to_string(saved[0].path()).expect("readable");
    // mixed.log holds the missing-connector message three times: on line 7, on line 11 in
    // Swedish (another alert and connection), and wrapped over lines 15-16 of a CSV cell (counted at its first line); two
    // of the three name alert CPU-High and connection 0c9e41d2-….
    for expected in [
        "- Started from: a log triage → Missing connector",
        "## What the log showed",
        "- Log files: ` tests/fixtures/triage/mixed.log `",
        "- Occurrences: 3",
        "- First: ` tests/fixtures/triage/mixed.log:7 `",
        "- Last: ` tests/fixtures/triage/mixed.log:15 `",
        "  - ` alertName `: ` CPU-High ` (2), ` Disk-Full ` (1)",
        "  - ` connectionIdentifier `: ` 0c9e41d2-1f3a-4b5c-8d7e-0123456789ab ` (2), \
         ` 11111111-2222-3333-4444-555555555555 ` (1)",
        "2024-05-01T10:22:03Z ERROR [itsm.worker] Could not create/update work item for alert \
         CPU-High. ITSM Connector 0c9e41d2-1f3a-4b5c-8d7e-0123456789ab does not exist",
        // The guide's message with its placeholders filled by the most frequent values.
        "> Could not create/update work item for alert ` CPU-High `. ITSM Connector \
         ` 0c9e41d2-1f3a-4b5c-8d7e-0123456789ab ` does not exist or was deleted.",
        "- [x] Find the action groups",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    // What the person did not type is not called their message.
    assert!(!text.contains("Your message"), "{text}");
}
