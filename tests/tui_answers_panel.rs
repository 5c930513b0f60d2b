//! The side panel with the focus (Tab on a question or an outcome with answers): the footer
//! says what the keys do there, Enter goes back to the answer, Esc or Tab returns to the
//! main panel, and Space does not tick the main panel's step, whose selection is not shown.

mod tui_common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use tshoot::guide::catalog::{Catalog, Source};
use tshoot::lang::Lang;
use tshoot::session::Place;
use tshoot::tui::keys::Scope;
use tshoot::tui::{App, Screen};
use tui_common::{draw, key, send, typed};

fn footer(app: &mut App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("backend");
    let (rows, _) = draw(app, &mut terminal);
    rows.last().expect("a footer").clone()
}

fn ticked(app: &App) -> usize {
    match app.top() {
        Screen::Session(s) => match s.session.at() {
            Place::Outcome(e) => s.session.progress(&app.cx.catalog, e).0,
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
}

#[test]
fn with_the_focus_on_the_answers_the_footer_tells_their_keys_and_space_ticks_nothing() {
    for lang in [Lang::En, Lang::Sv] {
        for (w, h) in [(80, 24), (40, 12)] {
            let mut app = App::new(Catalog::load(&[Source::Builtin]), lang);
            assert!(app.open_walk("itsmc-dashboard-errors"));
            send(&mut app, &typed("14"));
            let main = footer(&mut app, w, h);
            send(&mut app, &[key(KeyCode::Tab)]);
            assert_eq!(app.scope(), Scope::Answers);
            let side = footer(&mut app, w, h);
            let (enter, tick) = match lang {
                Lang::En => ("back to this question", "tick"),
                Lang::Sv => ("tillbaka till frågan", "bocka"),
            };
            assert!(main.contains(tick), "{lang:?} {w}x{h}: {main}");
            assert!(side.contains(enter), "{lang:?} {w}x{h}: {side}");
            assert!(!side.contains(tick), "{lang:?} {w}x{h}: {side}");
            send(&mut app, &typed(" "));
            assert_eq!(ticked(&app), 0, "Space ticked a hidden step");
            // Esc returns to the main panel, where Space ticks (a first Space shows the
            // step when the page is at its top, above the checklist).
            send(&mut app, &[key(KeyCode::Esc)]);
            assert_eq!(app.scope(), Scope::Outcome);
            footer(&mut app, w, h);
            send(&mut app, &typed(" "));
            if ticked(&app) == 0 {
                footer(&mut app, w, h);
                send(&mut app, &typed(" "));
            }
            assert_eq!(ticked(&app), 1);
        }
    }
}

#[test]
fn enter_on_an_answer_goes_back_to_its_question() {
    let mut app = App::new(Catalog::load(&[Source::Builtin]), Lang::En);
    assert!(app.open_walk("itsmc-dashboard-errors"));
    send(&mut app, &typed("14"));
    send(
        &mut app,
        &[key(KeyCode::Tab), key(KeyCode::Up), key(KeyCode::Enter)],
    );
    let Screen::Session(s) = app.top() else {
        panic!("in a session")
    };
    assert!(matches!(s.session.at(), Place::Question(_)));
    assert!(s.session.path().is_empty(), "back to the first question");
    assert_eq!(app.scope(), Scope::Question);
}
