//! The search screen as drawn: the words marked in a hit are the ones the hit matched,
//! and a paste longer than search reads says that only its most informative part was
//! searched (in English and Swedish), while a short one says nothing of the kind.

mod tui_common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;
use tshoot::guide::catalog::{Catalog, Source};
use tshoot::lang::Lang;
use tshoot::tui::{App, Screen};
use tui_common::{draw, key, send, typed};

fn app(lang: Lang) -> App {
    App::new(Catalog::load(&[Source::Builtin]), lang)
}

/// The runs of cells drawn bold and underlined (the marked words), row by row.
fn marked(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buf = terminal.backend().buffer();
    let mut out = Vec::new();
    for y in 0..buf.area.height {
        let mut run = String::new();
        for x in 0..buf.area.width {
            let c = &buf[(x, y)];
            if c.modifier.contains(Modifier::BOLD | Modifier::UNDERLINED) {
                run.push_str(c.symbol());
            } else if !run.is_empty() {
                out.push(std::mem::take(&mut run));
            }
        }
        if !run.is_empty() {
            out.push(run);
        }
    }
    out
}

#[test]
fn a_hit_marks_the_words_the_query_matched_and_no_others() {
    let mut app = app(Lang::En);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("backend");
    send(&mut app, &typed("/rate limit"));
    let (rows, _) = draw(&mut app, &mut terminal);
    let marks = marked(&terminal);
    assert!(!marks.is_empty(), "something is marked\n{rows:#?}");
    for m in &marks {
        let m = m.to_lowercase();
        assert!(
            m.starts_with("rate") || m.starts_with("limit"),
            "{m:?} marked\n{rows:#?}"
        );
    }
    // A word typed with a typo marks the word it found, inside a camelCase word too.
    let mut app = self::app(Lang::En);
    send(&mut app, &typed("/refresh tokn"));
    let (rows, _) = draw(&mut app, &mut terminal);
    let marks = marked(&terminal);
    for m in &marks {
        let m = m.to_lowercase();
        assert!(
            m.contains("refresh") || m.contains("token"),
            "{m:?} marked\n{rows:#?}"
        );
    }
    assert!(
        marks.iter().any(|m| m.to_lowercase().contains("token")),
        "{marks:?}\n{rows:#?}"
    );
}

/// A log of `bytes` of lines the guides know nothing about, with one known message in
/// the middle.
fn huge_paste(bytes: usize) -> String {
    let noise = "2024-05-01 10:00:00 INFO worker 17 heartbeat ok\n";
    let mut text = noise.repeat(bytes / noise.len() / 2);
    text.push_str("ERROR StatusCode=429 Too Many Requests from ServiceNow\n");
    text.push_str(&noise.repeat(bytes / noise.len() / 2));
    text
}

#[test]
fn a_paste_longer_than_search_reads_says_what_was_searched() {
    for (lang, note) in [
        (Lang::En, "most informative"),
        (Lang::Sv, "mest informativa"),
    ] {
        for (w, h) in [(80, 24), (40, 12)] {
            let mut app = app(lang);
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("backend");
            send(&mut app, &typed("/"));
            send(&mut app, &[Event::Paste(huge_paste(200 * 1024))]);
            let (rows, _) = draw(&mut app, &mut terminal);
            let screen = rows.join("\n");
            assert!(screen.contains(note), "{w}x{h} {lang:?}\n{screen}");
            let Screen::Search(s) = app.top() else {
                panic!()
            };
            assert!(!s.hits.is_empty(), "the message in it is found");
            // Cleared, the note goes with the text; a paste within the bound has none.
            send(&mut app, &[key(KeyCode::Esc)]);
            send(&mut app, &[Event::Paste(huge_paste(60 * 1024))]);
            let (rows, _) = draw(&mut app, &mut terminal);
            let Screen::Search(s) = app.top() else {
                panic!()
            };
            assert!(!s.hits.is_empty(), "{w}x{h}: still searching");
            assert!(!rows.join("\n").contains(note), "{w}x{h}: within the bound");
        }
    }
}

#[test]
fn ctrl_y_copies_the_selected_hits_messages_and_c_is_typed() {
    let ctrl_y = Event::Key(KeyEvent::new(KeyCode::Char('y'), KeyModifiers::CONTROL));
    let mut app = app(Lang::En);
    // Nothing found yet: nothing to copy, and the key is not offered.
    send(&mut app, &typed("/"));
    let copy = |app: &mut App| app.map(&ctrl_y).and_then(|msg| app.update(msg));
    assert_eq!(copy(&mut app), None);
    send(&mut app, &typed("c"));
    let Screen::Search(search) = app.top() else {
        panic!("the search screen")
    };
    assert_eq!(search.query(), "c", "c is typed in the field");
    send(&mut app, &[key(KeyCode::Backspace)]);
    // The rate limit: both of its message literals, one a line.
    send(&mut app, &typed("StatusCode=429"));
    assert_eq!(
        copy(&mut app),
        Some(tshoot::tui::Effect::Copy {
            text: "ServiceDeskHttpBadRequestException: StatusCode=429\nServiceDeskHttpBadRequestException: StatusCode = 429".into(),
            what: "2 messages".into(),
        })
    );
    send(&mut app, &[key(KeyCode::F(1))]);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("backend");
    let (rows, _) = draw(&mut app, &mut terminal);
    assert!(
        rows.iter()
            .any(|r| r.contains("C-y  copy the selected message")),
        "{rows:#?}"
    );
}
