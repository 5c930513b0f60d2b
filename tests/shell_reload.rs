//! Live reload: a guide file edited on disk while the TUI runs. A session keeps its place
//! when its questions still exist and says so when they do not; a broken edit keeps the
//! last good guide and opens the load problems; the watch itself picks up a save (after
//! its burst settles) and the real binary redraws with it.

mod common;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tshoot::guide::catalog::{Catalog, Source};
use tshoot::lang::Lang;
use tshoot::session::{ErrorRef, NodeRef, Place};
use tshoot::tui::reload::{self, Reload};
use tshoot::tui::{App, Screen};

/// A guide of two questions: `first` → (yes) `second` → (yes) error `broken`.
fn guide(title: &str, second_question: &str) -> String {
    format!(
        "id: local\ntitle: {title}\nstart: first\nnodes:\n  - id: first\n    question: Is it on?\n    answers:\n      - label: Yes\n        next: second\n      - label: No\n        error: off\n  - id: second\n    question: {second_question}\n    answers:\n      - label: Yes\n        error: broken\n      - label: No\n        error: off\nerrors:\n  - id: broken\n    title: It is broken\n    messages: []\n    symptoms: []\n    causes: []\n    checklist: [Fix it.]\n  - id: off\n    title: It is off\n    messages: []\n    symptoms: []\n    causes: []\n    checklist: [Turn it on.]\n"
    )
}

/// The same guide with the second question gone (its answer now leads to the error).
fn guide_without_second() -> String {
    "id: local\ntitle: Local guide\nstart: first\nnodes:\n  - id: first\n    question: Is it on?\n    answers:\n      - label: Yes\n        error: broken\n      - label: No\n        error: off\nerrors:\n  - id: broken\n    title: It is broken\n    messages: []\n    symptoms: []\n    causes: []\n    checklist: [Fix it.]\n  - id: off\n    title: It is off\n    messages: []\n    symptoms: []\n    causes: []\n    checklist: [Turn it on.]\n".to_owned()
}

fn load(dir: &Path) -> Catalog {
    Catalog::load(&[Source::Path {
        path: dir.to_path_buf(),
        optional: false,
    }])
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let event = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        if let Some(msg) = app.map(&event) {
            app.update(msg);
        }
    }
}

fn at(app: &App) -> Option<Place> {
    app.stack.iter().rev().find_map(|s| match s {
        Screen::Session(s) => Some(s.session.at().clone()),
        _ => None,
    })
}

/// An app on the guide in `dir`, in a session at its second question.
fn at_second_question(dir: &Path) -> App {
    std::fs::write(
        dir.join("local.yaml"),
        guide("Local guide", "Is it plugged in?"),
    )
    .expect("write");
    let mut app = App::new(load(dir), Lang::En);
    assert!(app.open_walk("local"));
    press(&mut app, "1");
    assert_eq!(
        at(&app),
        Some(Place::Question(NodeRef::new("local", "second")))
    );
    app
}

#[test]
fn an_edit_that_keeps_the_question_keeps_the_session_where_it_stands() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = at_second_question(dir.path());
    std::fs::write(
        dir.path().join("local.yaml"),
        guide("Local guide, edited", "Is the cable plugged in?"),
    )
    .expect("write");
    reload::apply(&mut app, load(dir.path()));
    assert_eq!(
        at(&app),
        Some(Place::Question(NodeRef::new("local", "second")))
    );
    assert_eq!(
        app.cx.catalog.guides[0].title.show(Lang::En),
        "Local guide, edited"
    );
    assert_eq!(app.status.as_deref(), Some("Guides read again from disk"));
    // The answers still work on the new text.
    press(&mut app, "1");
    assert_eq!(
        at(&app),
        Some(Place::Outcome(ErrorRef::new("local", "broken")))
    );
}

#[test]
fn an_edit_that_removes_the_question_goes_on_from_the_last_point_and_says_so() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = at_second_question(dir.path());
    std::fs::write(dir.path().join("local.yaml"), guide_without_second()).expect("write");
    reload::apply(&mut app, load(dir.path()));
    // "Yes" now leads straight to the error: the replay goes as far as the guide still goes.
    let place = at(&app).expect("the session is still open");
    assert_ne!(place, Place::Question(NodeRef::new("local", "second")));
    let status = app.status.clone().unwrap_or_default();
    assert!(
        status.contains("the last point that still exists"),
        "{status}"
    );
}

#[test]
fn a_deleted_guide_closes_its_session_and_says_what_is_gone() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = at_second_question(dir.path());
    std::fs::remove_file(dir.path().join("local.yaml")).expect("remove");
    reload::apply(&mut app, load(dir.path()));
    assert_eq!(at(&app), None, "no session over a guide that is gone");
    assert!(matches!(app.stack.first(), Some(Screen::Home(_))));
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("local"), "{status}");
}

#[test]
fn a_broken_edit_keeps_the_last_good_guide_and_shows_the_problem() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = at_second_question(dir.path());
    // A tab in the indentation: not YAML.
    std::fs::write(dir.path().join("local.yaml"), "id: local\n\ttitle: bad\n").expect("write");
    reload::apply(&mut app, load(dir.path()));
    assert_eq!(
        at(&app),
        Some(Place::Question(NodeRef::new("local", "second")))
    );
    assert_eq!(
        app.cx.catalog.guides.len(),
        1,
        "the last good guide is kept"
    );
    assert!(
        matches!(app.top(), Screen::Problems(_)),
        "the problems open"
    );
    let problem = app
        .cx
        .catalog
        .problems
        .iter()
        .find(|p| p.diagnostic.is_error())
        .expect("a load error")
        .diagnostic
        .to_string();
    assert!(problem.contains("local.yaml:1:"), "{problem}");
    assert!(problem.contains("tab"), "{problem}");
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("last good guide is kept"), "{status}");
    // Fixed again: the problem and its list are gone, and the session still stands.
    std::fs::write(
        dir.path().join("local.yaml"),
        guide("Local guide", "Is it plugged in?"),
    )
    .expect("write");
    reload::apply(&mut app, load(dir.path()));
    assert!(
        app.cx
            .catalog
            .problems
            .iter()
            .all(|p| !p.diagnostic.is_error())
    );
    assert!(matches!(app.top(), Screen::Session(_)));
}

#[test]
fn the_open_map_is_drawn_again_from_the_new_tree() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = at_second_question(dir.path());
    press(&mut app, "m");
    assert!(matches!(app.top(), Screen::Map(_)));
    std::fs::write(dir.path().join("local.yaml"), guide_without_second()).expect("write");
    reload::apply(&mut app, load(dir.path()));
    let Screen::Map(map) = app.top() else {
        panic!("the map stays open: {:?}", app.top());
    };
    let keys: Vec<&str> = (0..map.row_count())
        .filter_map(|r| map.node_key(r))
        .collect();
    assert!(!keys.contains(&"second"), "{keys:?}");
}

#[test]
fn a_save_on_disk_reaches_the_app_through_the_watch() {
    let dir = tempfile::tempdir().expect("temp");
    let mut app = at_second_question(dir.path());
    let source = dir.path().to_path_buf();
    let watched = [source.clone()];
    app.reload = Reload::new(
        &watched,
        Arc::new(move |_: &tshoot::cache::Progress| {
            let catalog = load(&source);
            let index = tshoot::search::Index::new(&catalog);
            (catalog, index)
        }),
    );
    assert!(app.reload.is_some(), "the folder is watched");
    // A burst of saves (an editor's write and rename), then quiet.
    for title in ["Draft one", "Draft two", "Saved title"] {
        std::fs::write(
            dir.path().join("local.yaml"),
            guide(title, "Is it plugged in?"),
        )
        .expect("write");
    }
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut reloads = 0;
    while app.cx.catalog.guides[0].title.show(Lang::En) != "Saved title" {
        assert!(Instant::now() < deadline, "never reloaded");
        if reload::tick(&mut app, Instant::now()) {
            reloads += 1;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        reloads <= 2,
        "a burst is read once (or twice if it straddled a load): {reloads}"
    );
    assert_eq!(
        at(&app),
        Some(Place::Question(NodeRef::new("local", "second")))
    );
}

#[cfg(unix)]
#[test]
fn the_running_binary_shows_an_edit_and_a_broken_save() {
    let dir = tempfile::tempdir().expect("temp");
    let file = dir.path().join("local.yaml");
    std::fs::write(&file, guide("Local guide", "Is it plugged in?")).expect("write");
    let state = tempfile::tempdir().expect("temp");
    let mut tui = common::pty::Session::start_with(
        &[
            "--no-builtin",
            "--guides",
            dir.path().to_str().expect("UTF-8"),
        ],
        &[("XDG_STATE_HOME", state.path().to_str().expect("UTF-8"))],
    );
    tui.wait_for("Local guide");
    std::fs::write(&file, guide("Renamed on disk", "Is it plugged in?")).expect("write");
    tui.wait_for("Renamed on disk");
    tui.wait_for("Guides read again from disk");
    std::fs::write(&file, "id: local\n\ttitle: bad\n").expect("write");
    tui.wait_for("Guide files not loaded");
    tui.wait_for("local.yaml:1:");
    std::fs::write(&file, guide("Fixed on disk", "Is it plugged in?")).expect("write");
    tui.wait_for("Fixed on disk");
    assert!(
        !tui.screen().contains("Guide files not loaded"),
        "{}",
        tui.screen()
    );
    tui.send(b"q");
    tui.finish();
}
