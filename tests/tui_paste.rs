//! A message pasted anywhere opens search with it: the product's promise is "paste what is
//! in front of you", so a paste on home, a guide page or an outcome must not vanish. A paste
//! into a field stays in the field; one under an overlay does nothing.

mod tui_common;

use ratatui::crossterm::event::{Event, KeyCode};
use tshoot::guide::catalog::{Catalog, Source};
use tshoot::lang::Lang;
use tshoot::tui::{App, Screen};
use tui_common::{key, send, typed};

const MESSAGE: &str = "2024-11-03T08:15:22Z ERROR Could not create/update work item for alert Contoso-SQL-CPU-High.\nITSM Connector 0c9e41d2-1f3a-4b5c-8d7e-0123456789ab does not exist or was deleted.";

fn app() -> App {
    App::new(Catalog::load(&[Source::Builtin]), Lang::En)
}

fn paste(app: &mut App, text: &str) {
    send(app, &[Event::Paste(text.to_owned())]);
}

/// The query and first hit (`guide/error`) of the search on top, if search is on top.
fn searching(app: &App) -> Option<(String, Option<String>)> {
    let Screen::Search(search) = app.top() else {
        return None;
    };
    let first = search.hits.first().map(|h| {
        let guide = &app.cx.catalog.guides[h.entry.guide];
        format!("{}/{}", guide.id, guide.errors[h.entry.error].id)
    });
    Some((search.query().to_owned(), first))
}

#[test]
fn a_paste_on_home_opens_search_with_it_and_finds_its_error() {
    let mut app = app();
    paste(&mut app, MESSAGE);
    let (query, first) = searching(&app).expect("search opened");
    assert!(query.contains("Contoso-SQL-CPU-High"), "{query}");
    assert!(
        query.contains("0c9e41d2-1f3a-4b5c-8d7e-0123456789ab"),
        "{query}"
    );
    assert_eq!(
        first.as_deref(),
        Some("itsmc-dashboard-errors/missing-connector")
    );
    // Esc clears the field, a second Esc goes back home.
    send(&mut app, &[key(KeyCode::Esc), key(KeyCode::Esc)]);
    assert!(matches!(app.top(), Screen::Home(_)));
    assert_eq!(app.stack.len(), 1);
}

#[test]
fn a_paste_during_a_session_opens_search_over_it_and_esc_returns_to_the_same_place() {
    let mut app = app();
    assert!(app.open_walk("itsmc-dashboard-errors"));
    send(&mut app, &typed("1"));
    let Screen::Session(before) = app.top() else {
        panic!("not in a session")
    };
    let before = before.session.at().clone();
    paste(
        &mut app,
        "ServiceDeskHttpBadRequestException: StatusCode=429",
    );
    let (_, first) = searching(&app).expect("search opened");
    assert_eq!(
        first.as_deref(),
        Some("itsmc-dashboard-errors/servicenow-rate-problem")
    );
    send(&mut app, &[key(KeyCode::Esc), key(KeyCode::Esc)]);
    let Screen::Session(after) = app.top() else {
        panic!("not back in the session: {:?}", app.top())
    };
    assert_eq!(after.session.at(), &before);
}

#[test]
fn a_paste_in_the_search_field_is_typed_there_not_a_second_search() {
    let mut app = app();
    send(&mut app, &typed("/"));
    paste(&mut app, "StatusCode=429");
    assert_eq!(app.stack.len(), 2);
    assert_eq!(
        searching(&app).map(|(q, _)| q).as_deref(),
        Some("StatusCode=429")
    );
}

#[test]
fn a_paste_under_the_help_overlay_does_nothing() {
    let mut app = app();
    send(&mut app, &typed("?"));
    assert!(matches!(app.top(), Screen::Help(_)));
    paste(&mut app, MESSAGE);
    assert!(matches!(app.top(), Screen::Help(_)));
    assert_eq!(app.stack.len(), 2);
}
