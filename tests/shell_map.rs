//! The map (`m`): the tree of the guide a session is in, with where the answers led, the
//! answers themselves and the errors still possible marked; Enter on an answered question
//! goes back to it; Esc returns unchanged. Driven by key scripts over the built-in guides,
//! and drawn at 80×24, 40×12 and 120×40.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tshoot::guide::catalog::{Catalog, Source};
use tshoot::lang::Lang;
use tshoot::session::{ErrorRef, NodeRef, Place};
use tshoot::tui::keys::{self, Scope};
use tshoot::tui::screens::map::{Map, Mark};
use tshoot::tui::{App, Msg, Screen};

fn app(lang: Lang) -> App {
    App::new(Catalog::load(&[Source::Builtin]), lang)
}

/// Feeds a script: words separated by spaces; `<enter>`, `<esc>`, `<up>`, `<down>`,
/// `<end>` name keys, anything else is typed.
fn press(app: &mut App, script: &str) {
    for word in script.split(' ').filter(|w| !w.is_empty()) {
        let codes = match word {
            "<enter>" => vec![KeyCode::Enter],
            "<esc>" => vec![KeyCode::Esc],
            "<up>" => vec![KeyCode::Up],
            "<down>" => vec![KeyCode::Down],
            "<end>" => vec![KeyCode::End],
            typed => typed.chars().map(KeyCode::Char).collect(),
        };
        for code in codes {
            let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
            if let Some(msg) = app.map(&event) {
                app.update(msg);
            }
        }
    }
}

fn map(app: &App) -> &Map {
    match app.top() {
        Screen::Map(m) => m,
        other => panic!("the map is not open: {other:?}"),
    }
}

fn at(app: &App) -> Place {
    app.stack
        .iter()
        .rev()
        .find_map(|s| match s {
            Screen::Session(s) => Some(s.session.at().clone()),
            _ => None,
        })
        .expect("a session")
}

/// The keys of the nodes on rows marked `mark`, top to bottom.
fn marked(map: &Map, mark: Mark) -> Vec<&str> {
    (0..map.row_count())
        .filter(|&r| map.mark(r) == mark)
        .filter_map(|r| map.node_key(r))
        .collect()
}

fn draw(app: &mut App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal
        .draw(|frame| frame.render_widget(&mut *app, frame.area()))
        .expect("draws");
    terminal.backend().to_string()
}

// The dashboard guide: "Where do you see the error?" answer 1 is the connector status
// (question `status-message`), whose answer 4 is "StatusCode=429" (the rate limit).
const TO_429: &str = "<enter> 1 1 4";

#[test]
fn the_marked_node_is_the_outcome_the_answers_led_to() {
    let mut app = app(Lang::En);
    press(&mut app, TO_429);
    assert_eq!(
        at(&app),
        Place::Outcome(ErrorRef::new(
            "itsmc-dashboard-errors",
            "servicenow-rate-problem"
        ))
    );
    press(&mut app, "m");
    let m = map(&app);
    let here = m.here().expect("the outcome is in this guide");
    assert_eq!(m.node_key(here), Some("servicenow-rate-problem"));
    assert_eq!(m.selected(), here, "the map opens at where the person is");
    assert_eq!(marked(m, Mark::Here), ["servicenow-rate-problem"]);
    // Both questions answered on the way are marked, and nothing else as a node.
    assert_eq!(marked(m, Mark::Answered), ["where-seen", "status-message"]);
    // At an outcome nothing is "still possible".
    assert!(marked(m, Mark::Possible).is_empty());
    // Two answer rows are marked: the two answers given.
    let answers = (0..m.row_count())
        .filter(|&r| m.mark(r) == Mark::Answered && m.node_key(r).is_none())
        .count();
    assert_eq!(answers, 2);
}

#[test]
fn at_a_question_the_errors_it_can_still_lead_to_are_marked() {
    let mut app = app(Lang::En);
    press(&mut app, "<enter> 1 1 m");
    let m = map(&app);
    assert_eq!(m.here().and_then(|r| m.node_key(r)), Some("status-message"));
    let possible = marked(m, Mark::Possible);
    for error in [
        "unexpected-response",
        "servicenow-rate-problem",
        "authentication",
        "unlisted-message",
    ] {
        assert!(possible.contains(&error), "{error} in {possible:?}");
    }
    // Reached only from the other answers of the first question: ruled out by now.
    for error in ["lack-of-connection-details", "ip-restrictions"] {
        assert!(!possible.contains(&error), "{error} in {possible:?}");
    }
}

#[test]
fn enter_on_an_answered_question_goes_back_to_it_and_esc_changes_nothing() {
    let mut app = app(Lang::En);
    press(&mut app, TO_429);
    press(&mut app, "m <esc>");
    assert!(
        matches!(app.top(), Screen::Session(_)),
        "Esc closes the map"
    );
    assert_eq!(
        at(&app),
        Place::Outcome(ErrorRef::new(
            "itsmc-dashboard-errors",
            "servicenow-rate-problem"
        ))
    );
    press(&mut app, "m");
    // Up to the row of the first question.
    while map(&app).node_key(map(&app).selected()) != Some("where-seen") {
        assert!(map(&app).selected() > 0, "where-seen is above the outcome");
        press(&mut app, "<up>");
    }
    // On an answer row Enter says what it does instead.
    press(&mut app, "<down> <enter>");
    assert!(
        matches!(app.top(), Screen::Map(_)),
        "Enter on an answer stays"
    );
    press(&mut app, "<up> <enter>");
    assert_eq!(
        at(&app),
        Place::Question(NodeRef::new("itsmc-dashboard-errors", "where-seen"))
    );
    let Screen::Session(s) = app.top() else {
        panic!("back on the session");
    };
    assert!(
        s.session.path().is_empty(),
        "the answers after it are undone"
    );
}

#[test]
fn after_crossing_into_another_guide_the_map_shows_that_guide() {
    let mut app = app(Lang::En);
    // "While I add or save an ITSM connection" → "Error in saving connection", an error of
    // the troubleshooting guide.
    press(&mut app, "<enter> 1 3 2");
    assert_eq!(
        at(&app),
        Place::Outcome(ErrorRef::new(
            "itsmc-troubleshooting",
            "error-saving-connection"
        ))
    );
    press(&mut app, "m");
    let m = map(&app);
    assert_eq!(m.node_key(0), None);
    assert_eq!(
        m.here().and_then(|r| m.node_key(r)),
        Some("error-saving-connection")
    );
    // The answers were given in the other guide: none is on this map.
    assert!(marked(m, Mark::Answered).is_empty());
    assert!(
        draw(&mut app, 80, 24).contains("Map › Troubleshooting the ITSM Connector"),
        "the header names the guide the map shows"
    );
}

#[test]
fn cross_guide_targets_are_drawn_as_such() {
    let mut app = app(Lang::En);
    press(&mut app, "<enter> 1 m <end>");
    let screen = draw(&mut app, 120, 40);
    assert!(
        screen.contains("⇗ in another guide"),
        "the legend says: {screen}"
    );
    assert!(
        screen.contains(
            "⇗ Error in saving connection  itsmc-troubleshooting/error-saving-connection"
        ),
        "{screen}"
    );
}

#[test]
fn a_guide_page_has_a_map_without_marks_and_enter_is_not_offered() {
    let mut app = app(Lang::En);
    press(&mut app, "<enter> m");
    let m = map(&app);
    assert_eq!(m.here(), None);
    assert_eq!(m.node_key(m.selected()), Some("where-seen"));
    assert!((0..m.row_count()).all(|r| m.mark(r) == Mark::None));
    let screen = draw(&mut app, 80, 24);
    assert!(!screen.contains("you are here"), "{screen}");
    assert!(!screen.contains("back to this question"), "{screen}");
    press(&mut app, "m");
    assert!(matches!(app.top(), Screen::Guide(_)), "m closes it too");
}

#[test]
fn the_selected_row_keeps_two_spaces_before_its_id_as_the_others_do() {
    let mut app = app(Lang::En);
    press(&mut app, "<enter> m");
    for _ in 0..4 {
        let m = map(&app);
        let key = m.node_key(m.selected()).map(str::to_owned);
        let screen = draw(&mut app, 120, 40);
        if let Some(key) = key {
            let row = screen
                .lines()
                .find(|l| l.contains(&format!(" {key}")))
                .unwrap_or_else(|| panic!("{key} is drawn: {screen}"));
            let before = row.split(&format!(" {key}")).next().unwrap_or_default();
            assert!(
                before.ends_with(' ') && !before.trim_end().is_empty(),
                "two spaces between the selected label and {key}: {row:?}"
            );
        }
        // Every node row, selected or not, has its id two spaces after its label.
        for r in 0..m_rows(&app) {
            if let Some(key) = map(&app).node_key(r)
                && let Some(row) = screen.lines().find(|l| l.ends_with(&format!(" {key}")))
            {
                assert!(row.ends_with(&format!("  {key}")), "{row:?}");
            }
        }
        press(&mut app, "<down>");
    }
}

fn m_rows(app: &App) -> usize {
    map(app).row_count()
}

#[test]
fn m_opens_the_map_only_where_there_is_a_guide() {
    let key = |c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    for scope in [
        Scope::Guide,
        Scope::Question,
        Scope::Outcome,
        Scope::Solved,
        Scope::Escalation,
    ] {
        assert_eq!(keys::map(scope, &key('m')), Some(Msg::OpenMap), "{scope:?}");
    }
    assert_eq!(keys::map(Scope::Map, &key('m')), Some(Msg::Back));
    assert_eq!(keys::map(Scope::Home, &key('m')), None);
    assert_eq!(keys::map(Scope::Reference, &key('m')), None);
    assert_eq!(keys::map(Scope::Search, &key('m')), Some(Msg::Type('m')));
}

#[test]
fn the_map_in_swedish_says_so() {
    let mut app = app(Lang::Sv);
    press(&mut app, TO_429);
    press(&mut app, "m");
    let screen = draw(&mut app, 80, 24);
    for words in ["Karta ›", "du är här", "dina svar", "i en annan guide"] {
        assert!(screen.contains(words), "{words}: {screen}");
    }
}

#[test]
fn snapshots_at_80x24_40x12_and_120x40() {
    for (name, script) in [
        ("outcome", TO_429),
        ("question", "<enter> 1 1"),
        ("guide_page", "<enter>"),
    ] {
        for (w, h) in [(80, 24), (40, 12), (120, 40)] {
            let mut app = app(Lang::En);
            press(&mut app, script);
            press(&mut app, "m");
            insta::assert_snapshot!(format!("map_{name}_{w}x{h}"), draw(&mut app, w, h));
        }
    }
}
