//! The guided session as drawn, for every error of the built-in guides: a fresh outcome
//! opens at its top (what the error is and why, before what to do), with step 1 selected
//! where it shows; the top is reached again from anywhere by `Home`, `PgUp`, `↑` and the
//! wheel, and `↓` reads every line down to the checklist; paging keeps the title on screen and
//! moves the selection with the page; a key that would act on a selection scrolled out of
//! view shows it first; the side panel marks a crossing into another guide made by "not
//! fixed" before any answer.

mod tui_common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyModifiers, MouseEvent, MouseEventKind};
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

/// A line near the top of an error's page that a view scrolled down to its checklist does
/// not show: a word of its first message, else the causes' heading.
fn top_marker(app: &App, g: usize, e: usize) -> Option<String> {
    let error = &app.cx.catalog.guides[g].errors[e];
    let word = error.messages.first().and_then(|m| {
        m.show(Lang::En)
            .split_whitespace()
            .find(|w| w.len() >= 4 && w.chars().all(char::is_alphanumeric))
            .map(str::to_owned)
    });
    word.or_else(|| (!error.causes.is_empty()).then(|| "Causes".to_owned()))
}

/// The rows from the top of the body down to the first step's first line (at most four),
/// without the scrollbar: the same whatever step is selected.
fn top_rows(rows: &[String]) -> Vec<String> {
    let end = rows
        .iter()
        .position(|r| is_step(r))
        .map_or(5, |i| i + 1)
        .min(5);
    rows[1..end]
        .iter()
        .map(|r| r.replace(['█', '║'], " "))
        .collect()
}

fn wheel(up: bool) -> Event {
    Event::Mouse(MouseEvent {
        kind: if up {
            MouseEventKind::ScrollUp
        } else {
            MouseEventKind::ScrollDown
        },
        column: 5,
        row: 5,
        modifiers: KeyModifiers::NONE,
    })
}

#[test]
fn a_fresh_outcome_opens_at_its_top_with_step_1_selected_where_it_shows() {
    let mut first_shown = 0;
    for (w, h) in [(80, 24), (40, 12)] {
        for (g, e, title) in errors() {
            let mut app = at_outcome(g, e);
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("backend");
            let (rows, selected) = draw(&mut app, &mut terminal);
            let case = format!("{w}x{h} {title}");
            assert!(
                rows[1].contains(&start(&title)),
                "{case}: title on top\n{rows:#?}"
            );
            if let Some(marker) = top_marker(&app, g, e) {
                assert!(
                    rows.iter().any(|r| r.contains(&marker)),
                    "{case}: {marker} shows\n{rows:#?}"
                );
            }
            if let Some(step) = rows.iter().position(|r| is_step(r)) {
                assert!(rows[step].contains("1. "), "{case}: step 1 first");
                assert_eq!(selected.first(), Some(&step), "{case}: step 1 selected");
                first_shown += 1;
            }
        }
    }
    assert!(first_shown > 0, "step 1 shows under the top on some pages");
}

#[test]
fn the_top_of_an_outcome_is_reached_from_its_end_by_home_pgup_up_and_the_wheel() {
    let ways: [(&str, Vec<Event>); 4] = [
        ("Home Home", vec![key(KeyCode::Home); 2]),
        ("PgUp", vec![key(KeyCode::PageUp); 40]),
        ("↑", vec![key(KeyCode::Up); 400]),
        ("wheel", vec![wheel(true); 150]),
    ];
    for (w, h) in [(80, 24), (40, 12)] {
        for (g, e, title) in errors() {
            let mut app = at_outcome(g, e);
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("backend");
            let (top, _) = draw(&mut app, &mut terminal);
            for (name, keys) in &ways {
                send(&mut app, &[key(KeyCode::End), key(KeyCode::End)]);
                // Until the top shows (each way reaches it well within its count).
                let mut rows = draw(&mut app, &mut terminal).0;
                for k in keys {
                    if top_rows(&rows) == top_rows(&top) {
                        break;
                    }
                    send(&mut app, std::slice::from_ref(k));
                    rows = draw(&mut app, &mut terminal).0;
                }
                assert_eq!(
                    top_rows(&rows),
                    top_rows(&top),
                    "{w}x{h} {title}, End then {name}\n{rows:#?}"
                );
            }
        }
    }
}

#[test]
fn down_and_the_wheel_read_every_line_above_the_checklist() {
    let catalog = Catalog::load(&[Source::Builtin]);
    for (w, h) in [(80, 24), (40, 12)] {
        for (g, e, title) in errors() {
            let error = &catalog.guides[g].errors[e];
            // The last words of the last cause, or of the last message.
            let Some(last) = error.causes.last().or(error.messages.last()) else {
                continue;
            };
            let words: Vec<&str> = last.show(Lang::En).split_whitespace().collect();
            let Some(end) = words
                .iter()
                .rev()
                .find(|w| w.len() >= 4 && w.chars().all(char::is_alphanumeric))
            else {
                continue;
            };
            for (name, k) in [("↓", key(KeyCode::Down)), ("wheel", wheel(false))] {
                let mut app = at_outcome(g, e);
                let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("backend");
                let mut seen = draw(&mut app, &mut terminal).0;
                for _ in 0..30 {
                    send(&mut app, std::slice::from_ref(&k));
                    seen.extend(draw(&mut app, &mut terminal).0);
                }
                assert!(
                    seen.iter().any(|r| r.contains(end)),
                    "{w}x{h} {title} by {name}: “{end}” never shown"
                );
            }
        }
    }
}

#[test]
fn an_outcome_reached_by_not_fixed_or_opened_small_then_enlarged_shows_its_top() {
    let mut crossed = 0;
    for (g, e, _) in errors() {
        // Opened at 40x12, then the terminal grows.
        let mut app = at_outcome(g, e);
        let mut small = Terminal::new(TestBackend::new(40, 12)).expect("backend");
        draw(&mut app, &mut small);
        let mut big = Terminal::new(TestBackend::new(80, 24)).expect("backend");
        let (grown, _) = draw(&mut app, &mut big);
        let mut fresh = at_outcome(g, e);
        let (want, _) = draw(&mut fresh, &mut big);
        assert_eq!(top_rows(&grown), top_rows(&want), "resized\n{grown:#?}");
        // "Not fixed" leads on to the next outcome: it too opens at its top.
        send(&mut app, &[key(KeyCode::Down), key(KeyCode::Down)]);
        draw(&mut app, &mut big);
        send(&mut app, &typed("n"));
        let Place::Outcome(next) = session(&app).session.at().clone() else {
            continue;
        };
        let (ng, guide) = app
            .cx
            .catalog
            .guides
            .iter()
            .enumerate()
            .find(|(_, guide)| guide.id == next.guide)
            .expect("its guide");
        let ne = guide
            .errors
            .iter()
            .position(|x| x.id == next.error)
            .expect("its error");
        let title = guide.errors[ne].title.show(Lang::En).to_owned();
        let (rows, _) = draw(&mut app, &mut big);
        assert!(rows[1].contains(&start(&title)), "{title}\n{rows:#?}");
        if let Some(marker) = top_marker(&app, ng, ne) {
            assert!(
                rows.iter().any(|r| r.contains(&marker)),
                "{title}\n{rows:#?}"
            );
        }
        crossed += 1;
    }
    assert!(crossed > 0, "some outcome leads on to another");
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
