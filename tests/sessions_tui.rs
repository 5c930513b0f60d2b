//! Saved sessions in the TUI, through the real loop on a `TestBackend`: a session is saved
//! as it changes, home offers it as "Continue: … — step N of M, … ago", Enter reopens it
//! where it stood, and a finished one leaves the list.

mod walk_support;

use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tshoot::guide::catalog::{Catalog, Source};
use tshoot::lang::Lang;
use tshoot::store::{Status, Store};
use tshoot::tui::terminal::{Events, World, event_loop};
use tshoot::tui::{App, Screen, autosave};

struct Script(VecDeque<Event>, Arc<AtomicBool>);

impl Events for Script {
    fn next(&mut self, _: Duration) -> std::io::Result<Option<Event>> {
        let next = self.0.pop_front();
        if next.is_none() {
            self.1.store(true, Ordering::Relaxed);
        }
        Ok(next)
    }
}

/// Runs the real loop over these keys (`\n` is Enter, `\u{1b}` Esc); returns the last frame.
fn run(app: &mut App, world: &World, keys: &str) -> String {
    let key = |code| Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    let events: VecDeque<Event> = keys
        .chars()
        .map(|c| match c {
            '\n' => key(KeyCode::Enter),
            '\u{1b}' => key(KeyCode::Esc),
            c => key(KeyCode::Char(c)),
        })
        .collect();
    let stop = Arc::new(AtomicBool::new(false));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
    let mut script = Script(events, Arc::clone(&stop));
    event_loop(&mut terminal, app, &mut script, &stop, world).expect("loop ends");
    terminal
        .draw(|f| f.render_widget(&mut *app, f.area()))
        .expect("draws");
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_tui_session_is_saved_offered_on_home_and_reopened_where_it_stood() {
    let state = tempfile::tempdir().expect("temp");
    let store = Store::new(state.path().to_path_buf());
    let world = World {
        sessions: None,
        browser: false,
        hyperlinks: false,
        suspend: false,
        store: Some(store.clone()),
    };
    let guides = walk_support::builtin();
    let error = "itsmc-dashboard-errors/servicenow-rate-problem";
    let path = walk_support::path_to(&guides[0], error);
    let title = walk_support::en(&walk_support::error_entry(&guides, error)["title"]);
    let steps = walk_support::error_entry(&guides, error)["checklist"]
        .as_array()
        .expect("steps")
        .len();

    // A session in the TUI: open the first guide, start, answer, tick the first step.
    let mut app = App::new(Catalog::load(&[Source::Builtin]), Lang::En);
    let answers: String = path.iter().map(ToString::to_string).collect();
    run(&mut app, &world, &format!("\n\n{answers} "));
    let listing = store.list(tshoot::store::clock::now());
    assert_eq!(listing.sessions.len(), 1, "saved as it went");
    let saved = &listing.sessions[0];
    assert_eq!(saved.title, title);
    assert_eq!(saved.place.steps, Some((1, steps)));
    assert_eq!(saved.status, Status::Open);

    // A new app (a new process): home offers it first.
    let mut app = App::new(Catalog::load(&[Source::Builtin]), Lang::En);
    app.cx.continues = autosave::continues(&store, Lang::En);
    let home = run(&mut app, &world, "");
    assert!(
        home.contains(&format!("Continue: {title} — step 2 of {steps}, just now")),
        "{home}"
    );
    // Enter reopens it at the outcome with the step ticked; `y` finishes it.
    let screen = run(&mut app, &world, "\n");
    assert!(
        matches!(app.stack.last(), Some(Screen::Session(_))),
        "{screen}"
    );
    assert!(
        screen.contains(&title) && screen.contains("[x] 1."),
        "{screen}"
    );
    run(&mut app, &world, "y\u{1b}");
    let listing = store.list(tshoot::store::clock::now());
    assert_eq!(listing.sessions.len(), 1, "the same session, not a new one");
    assert_eq!(listing.sessions[0].status, Status::Fixed);
    let home = run(&mut app, &world, "");
    assert!(
        !home.contains("Continue:"),
        "finished: no longer offered\n{home}"
    );
}
