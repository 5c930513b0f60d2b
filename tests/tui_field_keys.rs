//! Line editing in the search field and the triage path prompt, from the bytes a terminal
//! sends to the text left in the field: the keys readline, fzf and the shells have, as
//! legacy terminals, xterm's modifier sequences and the kitty protocol write them (`^H` is
//! Backspace on many terminals; Alt+key is ESC and the key).

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tshoot::guide::catalog::{Catalog, Source};
use tshoot::lang::Lang;
use tshoot::tui::input::Parser;
use tshoot::tui::{App, Screen};

/// Feeds `bytes` as one read, then nothing more arriving in time, through the keymap.
fn feed(app: &mut App, bytes: &[u8]) {
    let mut parser = Parser::default();
    parser.feed(bytes);
    parser.flush();
    while let Some(event) = parser.next_event() {
        if let Some(msg) = app.map(&event) {
            app.update(msg);
        }
    }
}

/// The text of the open field, with `|` at the cursor where the screen tells it.
fn field(app: &App) -> String {
    match app.top() {
        Screen::Search(s) => {
            let mut text = s.field.text().to_owned();
            text.insert(s.field.cursor(), '|');
            text
        }
        Screen::TriagePrompt(p) => p.path().to_owned(),
        other => panic!("no field open: {other:?}"),
    }
}

const CASES: &[(&str, &[u8], &str)] = &[
    ("^H", b"\x08", "alpha beta gamm|"),
    ("Backspace", b"\x7f", "alpha beta gamm|"),
    ("Alt-Backspace", b"\x1b\x7f", "alpha beta |"),
    ("Ctrl-Backspace (kitty)", b"\x1b[127;5u", "alpha beta |"),
    ("Ctrl-W", b"\x17", "alpha beta |"),
    ("Alt-Left, X", b"\x1b[1;3DX", "alpha beta X|gamma"),
    (
        "Alt-Left twice, Alt-Right, X",
        b"\x1b[1;3D\x1b[1;3D\x1b[1;3CX",
        "alpha betaX| gamma",
    ),
    ("Ctrl-A, Ctrl-Delete", b"\x01\x1b[3;5~", "| beta gamma"),
    ("Ctrl-A, Alt-Delete", b"\x01\x1b[3;3~", "| beta gamma"),
    ("Ctrl-A, Alt-D", b"\x01\x1bd", "| beta gamma"),
    ("Ctrl-A, Alt-F, Ctrl-K", b"\x01\x1bf\x0b", "alpha|"),
    ("Alt-B, Ctrl-U", b"\x1bb\x15", "|gamma"),
];

#[test]
fn the_search_field_edits_like_a_shell_line() {
    for (name, bytes, want) in CASES {
        let mut app = App::new(Catalog::load(&[Source::Builtin]), Lang::En);
        feed(&mut app, b"/");
        feed(&mut app, b"alpha beta gamma");
        feed(&mut app, bytes);
        assert_eq!(field(&app), *want, "{name}");
    }
}

#[test]
fn the_triage_path_prompt_edits_like_a_shell_line() {
    for (name, bytes, want) in CASES {
        let mut app = App::new(Catalog::load(&[Source::Builtin]), Lang::En);
        feed(&mut app, b"t");
        assert!(matches!(app.top(), Screen::TriagePrompt(_)), "t opens it");
        feed(&mut app, b"alpha beta gamma");
        feed(&mut app, bytes);
        assert_eq!(field(&app), want.replace('|', ""), "{name}");
    }
}

#[test]
fn ctrl_h_is_backspace_outside_the_fields_too() {
    let mut app = App::new(Catalog::load(&[Source::Builtin]), Lang::En);
    assert!(app.open_walk("itsmc-dashboard-errors"));
    let event = |c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    let msg = app.map(&event('1')).expect("an answer");
    app.update(msg);
    let path = |app: &App| match app.top() {
        Screen::Session(s) => s.session.path().len(),
        other => panic!("{other:?}"),
    };
    assert_eq!(path(&app), 1);
    feed(&mut app, b"\x08");
    assert_eq!(path(&app), 0, "^H went back a question");
}
