//! List habits from htop and fzf on a guided session's step: where everything fits on the
//! screen, `PgDn` selects the last item and `PgUp` the first (a page could not move anything).

mod tui_common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use tshoot::guide::catalog::{Catalog, Source};
use tshoot::lang::Lang;
use tshoot::tui::{App, Screen};
use tui_common::{draw, key, send};

fn selected(app: &App) -> usize {
    match app.top() {
        Screen::Session(s) => s.selected,
        other => panic!("{other:?}"),
    }
}

#[test]
fn pgdn_and_pgup_on_a_question_that_fits_go_to_its_last_and_first_answer() {
    let mut app = App::new(Catalog::load(&[Source::Builtin]), Lang::En);
    assert!(app.open_walk("itsmc-troubleshooting"));
    let answers = match app.top() {
        Screen::Session(s) => match s.session.at() {
            tshoot::session::Place::Question(n) => {
                n.find(&app.cx.catalog).expect("its node").1.answers.len()
            }
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    };
    assert!(answers > 3, "a question with several answers");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("backend");
    let (rows, _) = draw(&mut app, &mut terminal);
    assert!(
        rows.iter().any(|r| r.contains(&format!(" {answers} "))),
        "all its answers fit at 80x24\n{rows:#?}"
    );
    send(&mut app, &[key(KeyCode::PageDown)]);
    let (rows, selected_rows) = draw(&mut app, &mut terminal);
    assert_eq!(selected(&app), answers - 1, "{rows:#?}");
    assert!(!selected_rows.is_empty());
    send(&mut app, &[key(KeyCode::PageUp)]);
    draw(&mut app, &mut terminal);
    assert_eq!(selected(&app), 0);
}
