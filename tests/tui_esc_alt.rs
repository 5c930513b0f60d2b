//! Esc typed together with a key arrives as ESC and the key, which is how a terminal
//! writes Alt+key. Where that Alt+key means nothing, both keystrokes act, in turn: Esc,
//! then the key on the screen Esc led to. A bound Alt+key (Alt-B in a field) keeps its
//! meaning. Run through the real loop, which does the splitting.

mod tui_common;

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tshoot::guide::catalog::{Catalog, Source};
use tshoot::lang::Lang;
use tshoot::tui::keys::split_alt;
use tshoot::tui::terminal::{World, event_loop};
use tshoot::tui::{App, Screen};
use tui_common::{Script, script_keys};

fn alt(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT))
}

/// Runs the real loop over `keys` (script keys) and then `events`.
fn run(keys: &str, events: &[Event]) -> App {
    let mut app = App::new(Catalog::load(&[Source::Builtin]), Lang::En);
    let world = World {
        sessions: None,
        browser: false,
        hyperlinks: false,
        suspend: false,
        store: None,
    };
    let stop = Arc::new(AtomicBool::new(false));
    let mut script = script_keys(keys);
    script.extend_from_slice(events);
    let mut events = Script(script.into(), Arc::clone(&stop));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("backend");
    event_loop(&mut terminal, &mut app, &mut events, &stop, &world).expect("loop ends");
    app
}

fn query(app: &App) -> String {
    match app.top() {
        Screen::Search(s) => s.query().to_owned(),
        other => panic!("not in search: {other:?}"),
    }
}

#[test]
fn esc_and_slash_together_on_a_guide_page_go_back_then_open_search() {
    let app = run("\n", &[alt('/')]);
    assert_eq!(query(&app), "");
    assert!(
        matches!(app.stack.as_slice(), [Screen::Home(_), Screen::Search(_)]),
        "back to home, then search: {:?}",
        app.stack
            .iter()
            .map(|s| s.view().scope(&app.cx))
            .collect::<Vec<_>>()
    );
}

#[test]
fn esc_and_a_letter_together_in_search_clear_the_query_then_type_the_letter() {
    let app = run("/abc def", &[alt('x')]);
    assert_eq!(query(&app), "x");
}

#[test]
fn a_bound_alt_key_keeps_its_meaning() {
    // Alt-B is a word left: nothing cleared, the next letter goes before "def".
    let app = run(
        "/abc def",
        &[
            alt('b'),
            Event::Key(KeyEvent::new(KeyCode::Char('X'), KeyModifiers::SHIFT)),
        ],
    );
    assert_eq!(query(&app), "abc Xdef");
}

#[test]
fn only_an_alt_key_splits() {
    let esc = Event::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    let plain = |code| Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    assert_eq!(
        split_alt(&alt('/')),
        Some([esc.clone(), plain(KeyCode::Char('/'))])
    );
    let alt_left = Event::Key(KeyEvent::new(KeyCode::Left, KeyModifiers::ALT));
    assert_eq!(split_alt(&alt_left), Some([esc, plain(KeyCode::Left)]));
    let ctrl = Event::Key(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::CONTROL));
    assert_eq!(split_alt(&ctrl), None);
    assert_eq!(split_alt(&plain(KeyCode::Char('x'))), None);
    assert_eq!(split_alt(&Event::Paste("x".into())), None);
}
