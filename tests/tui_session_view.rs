//! The guided session as drawn, for every error of the built-in guides: a fresh outcome
//! shows the error's title and its first step; paging keeps the title on screen and
//! moves the selection with the page; a key that would act on a selection scrolled out of
//! view shows it first; the side panel marks a crossing into another guide made by "not
//! fixed" before any answer.

mod tui_common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use tshoot::guide::catalog::{Catalog, Source};
use tshoot::lang::Lang;
use tshoot::session::Place;
use tshoot::tui::screens::session::Session;
use tshoot::tui::{App, Screen};
use tui_common::{draw, key, send, typed};

/// An app at the outcome of error `e` of guide `g`, opened as from the reference.
fn at_outcome(g: usize, e: usize) -> App {
    let mut app = App::new(Catalog::load(&[Source::Builtin]), Lang::En);
    let session = Session::from_reference(g, e, &app.cx).expect("an outcome");
    app.stack.push(session.into());
    app
}

fn session(app: &App) -> &Session {
    match app.top() {
        Screen::Session(s) => s,
        other => panic!("not in a session: {other:?}"),
    }
}

/// Every (guide, error) of the built-in guides, with the error's title.
fn errors() -> Vec<(usize, usize, String)> {
    let catalog = Catalog::load(&[Source::Builtin]);
    let mut out = Vec::new();
    for (g, guide) in catalog.guides.iter().enumerate() {
        for (e, error) in guide.errors.iter().enumerate() {
            out.push((g, e, error.title.show(Lang::En).to_owned()));
        }
    }
    assert!(out.len() > 10, "the built-in guides have errors");
    out
}

/// The start of a title as any width from 40 columns shows it.
fn start(title: &str) -> String {
    title.chars().take(12).collect()
}

fn is_step(row: &str) -> bool {
    row.contains("[ ] ") || row.contains("[x] ")
}

#[test]
fn a_fresh_outcome_shows_the_errors_title_above_its_first_step() {
    for (w, h) in [(80, 24), (40, 12)] {
        for (g, e, title) in errors() {
            let mut app = at_outcome(g, e);
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("backend");
            let (rows, selected) = draw(&mut app, &mut terminal);
            let at = rows
                .iter()
                .position(|r| r.contains(&start(&title)))
                .unwrap_or_else(|| panic!("{w}x{h} {title}: no title\n{rows:#?}"));
            let first = *selected
                .first()
                .unwrap_or_else(|| panic!("{w}x{h} {title}: no selection\n{rows:#?}"));
            assert!(at < first, "{w}x{h} {title}: title above the step");
            assert!(rows[first].contains("1. "), "{w}x{h}: step 1 is selected");
        }
    }
}

#[test]
fn paging_keeps_the_title_and_moves_the_selection_with_the_page() {
    let mut moved = 0;
    let mut unseen = 0;
    for (w, h) in [(80, 24), (40, 12)] {
        for (g, e, title) in errors() {
            let mut app = at_outcome(g, e);
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("backend");
            draw(&mut app, &mut terminal);
            let steps = [
                vec![key(KeyCode::PageDown); 6],
                vec![key(KeyCode::PageUp); 6],
            ];
            for (n, k) in steps.concat().into_iter().enumerate() {
                send(&mut app, &[k]);
                let (rows, selected) = draw(&mut app, &mut terminal);
                let case = format!("{w}x{h} {title} key {n}");
                assert!(
                    rows.iter().any(|r| r.contains(&start(&title))),
                    "{case}: title shown\n{rows:#?}"
                );
                if n == 5 && session(&app).selected > 0 {
                    moved += 1;
                }
                if !selected.is_empty() {
                    continue;
                }
                // No selection drawn: only when no step is in view at all.
                assert!(!rows.iter().any(|r| is_step(r)), "{case}\n{rows:#?}");
                unseen += 1;
                // Space would tick a step the person cannot see: it shows it instead.
                let before = session(&app)
                    .session
                    .progress(&app.cx.catalog, &tick_target(&app));
                send(&mut app, &typed(" "));
                let (rows, selected) = draw(&mut app, &mut terminal);
                assert_eq!(
                    session(&app)
                        .session
                        .progress(&app.cx.catalog, &tick_target(&app)),
                    before,
                    "{case}: nothing ticked unseen"
                );
                assert!(!selected.is_empty(), "{case}: shown\n{rows:#?}");
            }
        }
    }
    assert!(moved > 0, "some checklists are longer than a page");
    assert!(
        unseen > 0,
        "some errors say more above their checklist than a page holds"
    );
}

fn tick_target(app: &App) -> tshoot::session::ErrorRef {
    match session(app).session.at() {
        Place::Outcome(e) => e.clone(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_side_panel_marks_a_crossing_made_by_not_fixed_before_any_answer() {
    let mut crossed = 0;
    for (g, e, title) in errors() {
        let mut app = at_outcome(g, e);
        send(&mut app, &typed("n"));
        let s = &session(&app).session;
        if !matches!(s.at(), Place::Outcome(_)) || s.current_guide() == s.first_guide() {
            continue;
        }
        crossed += 1;
        let guide = app
            .cx
            .catalog
            .guide(s.current_guide())
            .expect("loaded")
            .title
            .show(Lang::En)
            .to_owned();
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("backend");
        let (rows, _) = draw(&mut app, &mut terminal);
        // The panel is the right 30 columns below the header (which names both guides).
        let panel: Vec<String> = rows[1..]
            .iter()
            .map(|r| r.chars().skip(70).collect())
            .collect();
        let short: String = guide.chars().take(14).collect();
        assert!(
            panel.iter().any(|r| r.contains(&format!("→ {short}"))),
            "{title} → {guide}\n{rows:#?}"
        );
    }
    assert!(crossed > 0, "some related error is in another guide");
}

#[test]
fn the_side_panel_counts_what_is_still_possible_after_every_answer() {
    let mut app = App::new(Catalog::load(&[Source::Builtin]), Lang::En);
    assert!(app.open_walk("itsmc-dashboard-errors"));
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("backend");
    let mut counts = Vec::new();
    for answer in ["", "1"] {
        send(&mut app, &typed(answer));
        let (rows, _) = draw(&mut app, &mut terminal);
        let s = &session(&app).session;
        let want = format!(
            "Still possible ({})",
            s.still_possible(&app.cx.catalog).len()
        );
        assert!(rows.iter().any(|r| r.contains(&want)), "{want}\n{rows:#?}");
        counts.push(want);
    }
    assert_ne!(counts[0], counts[1], "an answer narrows what is possible");
}
