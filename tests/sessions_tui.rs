//! Saved sessions in the TUI, through the real loop on a `TestBackend`: a session is saved
//! as it changes, home offers it as "Continue: … — step N of M, … ago", Enter reopens it
//! where it stood, and a finished one leaves the list.

mod tui_common;
mod walk_support;

use tshoot::guide::catalog::{Catalog, Source};
use tshoot::lang::Lang;
use tshoot::store::{Status, Store};
use tshoot::tui::terminal::World;
use tshoot::tui::{App, Screen, autosave};

/// Runs the real loop over these keys; returns the last frame.
fn run(app: &mut App, world: &World, keys: &str) -> String {
    tui_common::run_script(app, world, keys)
}

#[test]
fn a_tui_session_is_saved_offered_on_home_and_reopened_where_it_stood() {
    let state = tempfile::tempdir().expect("temp");
    let store = Store::new(state.path().to_path_buf());
    let world = World {
        sessions: None,
        browser: false,
        hyperlinks: false,
        suspend: false,
        store: Some(store.clone()),
    };
    let guides = walk_support::builtin();
    let error = "itsmc-dashboard-errors/servicenow-rate-problem";
    let path = walk_support::path_to(&guides[0], error);
    let title = walk_support::en(&walk_support::error_entry(&guides, error)["title"]);
    let steps = walk_support::error_entry(&guides, error)["checklist"]
        .as_array()
        .expect("steps")
        .len();

    // A session in the TUI: open the first guide, start, answer, tick the first step.
    let mut app = App::new(Catalog::load(&[Source::Builtin]), Lang::En);
    let answers: String = path.iter().map(ToString::to_string).collect();
    run(&mut app, &world, &format!("\n\n{answers} "));
    let listing = store.list(tshoot::store::clock::now());
    assert_eq!(listing.sessions.len(), 1, "saved as it went");
    let saved = &listing.sessions[0];
    assert_eq!(saved.title, title);
    assert_eq!(saved.place.steps, Some((1, steps)));
    assert_eq!(saved.status, Status::Open);

    // A new app (a new process): home offers it first.
    let mut app = App::new(Catalog::load(&[Source::Builtin]), Lang::En);
    app.cx.continues = autosave::continues(&store, Lang::En);
    let home = run(&mut app, &world, "");
    assert!(
        home.contains(&format!("Continue: {title} — step 2 of {steps}, just now")),
        "{home}"
    );
    // Enter reopens it at the outcome with the step ticked; `y` finishes it.
    let screen = run(&mut app, &world, "\n");
    assert!(
        matches!(app.stack.last(), Some(Screen::Session(_))),
        "{screen}"
    );
    assert!(
        screen.contains(&title) && screen.contains("[x] 1."),
        "{screen}"
    );
    run(&mut app, &world, "y\u{1b}");
    let listing = store.list(tshoot::store::clock::now());
    assert_eq!(listing.sessions.len(), 1, "the same session, not a new one");
    assert_eq!(listing.sessions[0].status, Status::Fixed);
    let home = run(&mut app, &world, "");
    assert!(
        !home.contains("Continue:"),
        "finished: no longer offered\n{home}"
    );
}

fn world_in(store: &Store) -> World {
    World {
        sessions: None,
        browser: false,
        hyperlinks: false,
        suspend: false,
        store: Some(store.clone()),
    }
}

fn listed(store: &Store) -> Vec<tshoot::store::Saved> {
    store.list(tshoot::store::clock::now()).sessions
}

/// The answers to the 429 error of the first built-in guide, as keys.
fn answers_to_429() -> String {
    let guides = walk_support::builtin();
    walk_support::path_to(&guides[0], "itsmc-dashboard-errors/servicenow-rate-problem")
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_session_opened_and_left_without_a_change_leaves_nothing_to_continue() {
    let state = tempfile::tempdir().expect("temp");
    let store = Store::new(state.path().to_path_buf());
    let world = world_in(&store);
    let mut app = App::new(Catalog::load(&[Source::Builtin]), Lang::En);
    // Open the first guide's session, look, go back home; open a search hit, go back.
    let home = run(&mut app, &world, "\n\n\u{1b}\u{1b}/429\n\u{1b}\u{1b}\u{1b}");
    assert!(matches!(app.stack.last(), Some(Screen::Home(_))), "{home}");
    assert!(listed(&store).is_empty(), "nothing was done: nothing saved");
    assert!(!home.contains("Continue:"), "{home}");
}

#[test]
fn a_session_opened_from_inside_another_is_saved_apart_and_never_over_it() {
    let state = tempfile::tempdir().expect("temp");
    let store = Store::new(state.path().to_path_buf());
    let world = world_in(&store);
    let mut app = App::new(Catalog::load(&[Source::Builtin]), Lang::En);
    // Session A: answers to the 429 outcome, first step ticked.
    run(&mut app, &world, &format!("\n\n{} ", answers_to_429()));
    let first = listed(&store);
    assert_eq!(first.len(), 1);
    let a = first[0].clone();
    // From inside A, search and open a hit: session B, ticked, then back to A.
    let screen = run(&mut app, &world, "/User Not Authenticated\n ");
    assert!(
        matches!(app.stack.last(), Some(Screen::Session(_))),
        "{screen}"
    );
    assert_eq!(listed(&store).len(), 2, "B is its own session");
    let screen = run(&mut app, &world, "\u{1b}\u{1b}\u{1b}");
    assert!(
        matches!(app.stack.last(), Some(Screen::Session(_))) && screen.contains("[x] 1."),
        "back at A\n{screen}"
    );
    // Back on A nothing changed: no save; a change to A goes to A's own file.
    assert_eq!(
        listed(&store).len(),
        2,
        "returning to A saved no copy of it"
    );
    run(&mut app, &world, "j ");
    let sessions = listed(&store);
    assert_eq!(sessions.len(), 2, "still A and B, no copy of A");
    let a_now = sessions
        .iter()
        .find(|s| s.id == a.id)
        .expect("A kept its id");
    assert_eq!(a_now.revision, a.revision + 1);
    assert_eq!(a_now.place.steps.map(|(done, _)| done), Some(2));
}

#[test]
fn home_continue_entries_follow_what_happened_in_this_run() {
    let state = tempfile::tempdir().expect("temp");
    let store = Store::new(state.path().to_path_buf());
    let world = world_in(&store);
    let guides = walk_support::builtin();
    let title_429 = walk_support::en(
        &walk_support::error_entry(&guides, "itsmc-dashboard-errors/servicenow-rate-problem")["title"],
    );
    let mut app = App::new(Catalog::load(&[Source::Builtin]), Lang::En);
    app.cx.continues = autosave::continues(&store, Lang::En);
    // A first session, left at its outcome: home offers it.
    let home = run(
        &mut app,
        &world,
        &format!("\n\n{}\u{1b}\u{1b}", answers_to_429()),
    );
    assert!(
        home.contains(&format!("Continue: {title_429} — step 1 of")),
        "{home}"
    );
    // A new session from the second guide, one answer: home offers both (in the same
    // second, in either order).
    let home = run(&mut app, &world, "jj\n\n1\u{1b}\u{1b}");
    let lines: Vec<&str> = home.lines().filter(|l| l.contains("Continue:")).collect();
    assert_eq!(lines.len(), 2, "{home}");
    assert!(lines.iter().any(|l| l.contains("question 2")), "{home}");
    let row = lines
        .iter()
        .position(|l| l.contains(&title_429))
        .expect("the 429 session is still offered");
    // Continue the 429 one and finish it: only the other stays.
    let home = run(
        &mut app,
        &world,
        &format!("kkkk{}\ny\u{1b}", "j".repeat(row)),
    );
    let lines: Vec<&str> = home.lines().filter(|l| l.contains("Continue:")).collect();
    assert_eq!(lines.len(), 1, "{home}");
    assert!(!lines[0].contains(&title_429), "{home}");
    // Continue the other and restart it to its first question: still offered, at question 1.
    let home = run(&mut app, &world, "kkkk\nr\u{1b}");
    assert!(home.contains("— question 1, just now"), "{home}");
    assert_eq!(listed(&store).len(), 2);
}

#[test]
fn what_the_tui_saved_resumes_as_it_was_without_a_guide_changed_note() {
    let answers = answers_to_429();
    // Ticks, "not fixed", back, fixed, escalation, a search start: every kind of step.
    for keys in [
        format!("\n\n{answers} j "),
        format!("\n\n{answers} n "),
        format!("\n\n{answers}nn"),
        format!("\n\n{answers}nnn"),
        format!("\n\n{answers} y"),
        format!("\n\n{answers}b"),
        // A step ticked on a branch left: kept for when the session comes back to it.
        format!("\n\n{answers} b"),
        format!("\n\n{answers} n b"),
        "\n\n1bb2".to_owned(),
        "/User Not Authenticated\n j ".to_owned(),
        "/User Not Authenticated\nn".to_owned(),
    ] {
        let state = tempfile::tempdir().expect("temp");
        let store = Store::new(state.path().to_path_buf());
        let world = world_in(&store);
        let mut app = App::new(Catalog::load(&[Source::Builtin]), Lang::En);
        run(&mut app, &world, &keys);
        let Some(Screen::Session(screen)) = app.stack.last() else {
            panic!("{keys:?}: not on a session");
        };
        let sessions = listed(&store);
        assert_eq!(sessions.len(), 1, "{keys:?}");
        let resumed =
            tshoot::store::convert::replay(&app.cx.catalog, &sessions[0]).expect("replays");
        assert!(!resumed.changed, "{keys:?}: nothing changed, no note");
        assert_eq!(resumed.session, *screen.session, "{keys:?}");
    }
}
