//! What the screens draw, checked by what is on screen: with 500 guides the selection
//! stays visible and paging moves by the view; search hits that wrap keep the selection in
//! view and answer clicks where they are drawn; the outcome prompt stays pinned.

mod tui_common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use tshoot::guide::catalog::{Catalog, Source};
use tshoot::lang::Lang;
use tshoot::tui::{App, Screen};
use tui_common::{draw, key, send, typed};

/// `n` small valid guides, numbered so their titles sort in order.
fn many_guides(n: usize) -> Catalog {
    let files = (0..n)
        .map(|i| {
            let yaml = format!(
                "id: g{i:04}\ntitle: Guide number {i:04}\nstart: q\nnodes:\n  - id: q\n    question: Broken?\n    answers:\n      - label: Yes\n        error: e\nerrors:\n  - id: e\n    title: Broken\n    messages: []\n    symptoms: []\n    causes: []\n    checklist: [Fix it.]\n"
            );
            (format!("g{i:04}.yaml"), yaml.into_bytes())
        })
        .collect();
    Catalog::from_files(files)
}

fn home_selected(app: &App) -> usize {
    match app.top() {
        Screen::Home(h) => h.selected(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn five_hundred_guides_scroll_with_the_selection() {
    for (w, h) in [(80, 24), (40, 12)] {
        let mut app = App::new(many_guides(500), Lang::En);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("backend");
        let (_, selected) = draw(&mut app, &mut terminal);
        assert_eq!(selected.len(), 1);
        send(&mut app, &[key(KeyCode::End)]);
        assert_eq!(home_selected(&app), 499);
        let (rows, selected) = draw(&mut app, &mut terminal);
        assert_eq!(selected.len(), 1, "{w}x{h}");
        assert!(
            rows[selected[0]].contains("Guide number 0499"),
            "{w}x{h}: {rows:#?}"
        );
        // Paging moves by the rows the list shows, never past the ends.
        send(&mut app, &[key(KeyCode::Home)]);
        draw(&mut app, &mut terminal);
        let (rows, _) = draw(&mut app, &mut terminal);
        let shown = rows.iter().filter(|r| r.contains("Guide number")).count();
        send(&mut app, &[key(KeyCode::PageDown)]);
        assert_eq!(home_selected(&app), shown, "{w}x{h}");
        let (rows, selected) = draw(&mut app, &mut terminal);
        assert!(rows[selected[0]].contains(&format!("Guide number {shown:04}")));
        send(&mut app, &[key(KeyCode::PageUp), key(KeyCode::PageUp)]);
        assert_eq!(home_selected(&app), 0);
        // Every step down keeps the selection on screen.
        for i in 1..40 {
            send(&mut app, &[key(KeyCode::Char('j'))]);
            let (rows, selected) = draw(&mut app, &mut terminal);
            assert!(
                rows[selected[0]].contains(&format!("Guide number {i:04}")),
                "{w}x{h} {i}"
            );
        }
    }
}

#[test]
fn a_click_on_a_scrolled_list_selects_what_is_drawn_there() {
    let mut app = App::new(many_guides(500), Lang::En);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("backend");
    send(&mut app, &[key(KeyCode::End)]);
    let (rows, _) = draw(&mut app, &mut terminal);
    let row = rows
        .iter()
        .position(|r| r.contains("Guide number 0490"))
        .expect("drawn");
    let click = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 10,
        row: u16::try_from(row).expect("small"),
        modifiers: KeyModifiers::NONE,
    });
    send(&mut app, &[click]);
    assert_eq!(home_selected(&app), 490);
}

#[test]
fn wrapped_search_hits_keep_the_selection_in_view() {
    let mut app = App::new(Catalog::load(&[Source::Builtin]), Lang::En);
    let mut terminal = Terminal::new(TestBackend::new(40, 12)).expect("backend");
    send(&mut app, &typed("/connection"));
    let Screen::Search(s) = app.top() else {
        panic!()
    };
    let hits = s.hits.len();
    assert!(hits > 5, "enough hits to scroll: {hits}");
    for i in 0..hits {
        let (rows, selected) = draw(&mut app, &mut terminal);
        let Screen::Search(s) = app.top() else {
            panic!()
        };
        assert_eq!(s.list.selected(), i);
        let hit = &s.hits[i];
        let title = app.cx.catalog.guides[hit.entry.guide].errors[hit.entry.error]
            .title
            .show(Lang::En);
        let start: String = title.chars().take(8).collect();
        // The selected hit's rows are on screen; its first row starts its title.
        assert!(!selected.is_empty(), "hit {i} not visible:\n{rows:#?}");
        assert!(rows[selected[0]].contains(&start), "hit {i}:\n{rows:#?}");
        send(&mut app, &[key(KeyCode::Down)]);
    }
}

#[test]
fn the_outcome_prompt_stays_pinned_whatever_the_scroll() {
    for (w, h) in [(80, 24), (40, 12)] {
        let mut app = App::new(Catalog::load(&[Source::Builtin]), Lang::En);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("backend");
        send(&mut app, &[key(KeyCode::Enter)]);
        send(&mut app, &typed("116"));
        for keys in [
            vec![],
            vec![key(KeyCode::End)],
            vec![key(KeyCode::PageDown); 5],
            vec![key(KeyCode::Home)],
            vec![key(KeyCode::Down); 3],
        ] {
            send(&mut app, &keys);
            let (rows, selected) = draw(&mut app, &mut terminal);
            let prompt = rows
                .iter()
                .position(|r| r.contains("Did this fix it?"))
                .unwrap_or_else(|| panic!("{w}x{h}: no prompt\n{rows:#?}"));
            assert!(rows[prompt].contains("y/n") || rows[prompt].contains("y yes"));
            assert!(rows[prompt].contains("/5"), "progress beside the prompt");
            // The outcome opens at its top (at 40x12 the causes fill it): the selection is
            // drawn whenever a step shows.
            let steps = rows
                .iter()
                .any(|r| r.contains("[ ] ") || r.contains("[x] "));
            assert!(
                !selected.is_empty() || !steps,
                "{w}x{h}: a step shows, the selected one does\n{rows:#?}"
            );
        }
    }
}

#[test]
fn every_help_label_that_wraps_continues_under_its_label_column() {
    let screens: &[&[Event]] = &[
        &[],
        &[key(KeyCode::Enter)],
        &[key(KeyCode::Enter), key(KeyCode::Char('1'))],
        &[key(KeyCode::Enter), key(KeyCode::Char('2'))],
        &[key(KeyCode::Char('/'))],
    ];
    for lang in [Lang::En, Lang::Sv] {
        for (w, h) in [(40, 12), (80, 24)] {
            for reach in screens {
                let mut app = App::new(Catalog::load(&[Source::Builtin]), lang);
                let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("backend");
                send(&mut app, reach);
                send(&mut app, &[key(KeyCode::F(1))]);
                assert!(matches!(app.top(), Screen::Help(_)), "{reach:?}");
                for _ in 0..6 {
                    let (rows, _) = draw(&mut app, &mut terminal);
                    // The overlay's box is the one with a title ("┌ Keys ──").
                    let top = rows.iter().position(|r| r.contains("┌ ")).expect("a box");
                    let left = rows[top].find("┌ ").expect("corner");
                    let left = rows[top][..left].chars().count();
                    for row in rows[top + 1..].iter().take_while(|r| !r.contains('└')) {
                        // Every line in the box starts one column in: a key, a label's
                        // continuation under the label column, or the closing note.
                        let first = row.chars().nth(left + 1).expect("inside the box");
                        assert_eq!(first, ' ', "{lang:?} {w}x{h} {reach:?}:\n{rows:#?}");
                    }
                    send(&mut app, &[key(KeyCode::PageDown)]);
                }
            }
        }
    }
}
