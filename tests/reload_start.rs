//! The guides loading while the TUI runs: the built-in guides can be read and searched
//! while the library loads behind them, screens opened meanwhile are carried over when it
//! arrives, and a save during the first load is loaded after it (the newest files win).

mod common;

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tshoot::cache::Progress;
use tshoot::guide::catalog::{Catalog, Source};
use tshoot::lang::Lang;
use tshoot::search::Index;
use tshoot::tui::reload::{self, Loader, Reload};
use tshoot::tui::{App, Screen};

/// A one-error guide `id` whose error's title is `title`.
fn guide(id: &str, title: &str) -> String {
    format!(
        "id: {id}\ntitle: {title}\nstart: q\nnodes:\n  - id: q\n    question: Which?\n    answers:\n      - label: It\n        error: e\nerrors:\n  - id: e\n    title: {title}\n    messages: []\n    symptoms: []\n    causes: []\n    checklist: [Fix it.]\n"
    )
}

fn sources(dir: &Path) -> Vec<Source> {
    vec![
        Source::Builtin,
        Source::Path {
            path: dir.to_path_buf(),
            optional: false,
        },
    ]
}

/// A loader over `sources` that, on its first call, has read the files and then waits
/// for `release` before it answers (a library slow to load); it counts its calls.
fn held_loader(
    sources: Vec<Source>,
    release: mpsc::Receiver<()>,
    calls: Arc<AtomicUsize>,
) -> Loader {
    let release = Mutex::new(release);
    Arc::new(move |progress: &Progress| {
        let reader = tshoot::guide::read::Reader::default();
        let catalog = tshoot::cache::load(&sources, None, &reader, progress);
        if calls.fetch_add(1, Ordering::SeqCst) == 0 {
            let _ = release.lock().expect("lock").recv();
        }
        let index = Index::new(&catalog);
        (catalog, index)
    })
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let event = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        if let Some(msg) = app.map(&event) {
            app.update(msg);
        }
    }
}

/// Ticks the app as the loop does between frames until `done` holds.
fn tick_until(app: &mut App, what: &str, done: impl Fn(&App) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !done(app) {
        assert!(Instant::now() < deadline, "never: {what}");
        reload::tick(app, Instant::now());
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn ids(app: &App) -> Vec<&str> {
    app.cx
        .catalog
        .guides
        .iter()
        .map(|g| g.id.as_str())
        .collect()
}

/// An app starting with nothing loaded, whose load at start is `load`. Nothing is
/// watched: a test asks for a reload itself, as a settled burst of saves would.
fn starting(dir: &Path, load: Loader) -> App {
    let mut app = App::with_index(Catalog::default(), Index::default(), Lang::En);
    app.reload = Some(Reload::at_start(&sources(dir), &[], load));
    app
}

#[test]
fn the_built_in_guides_are_read_and_searched_while_the_library_loads() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(
        dir.path().join("local.yaml"),
        guide("local", "Quokka ledger overflow"),
    )
    .expect("write");
    let (release, held) = mpsc::channel();
    let calls = Arc::new(AtomicUsize::new(0));
    let mut app = starting(
        dir.path(),
        held_loader(sources(dir.path()), held, Arc::clone(&calls)),
    );

    // Before the first frame nothing is read; the home screen shows progress.
    reload::tick(&mut app, Instant::now());
    assert!(app.cx.loading.is_some());
    assert_eq!(
        calls.load(Ordering::SeqCst),
        0,
        "the load waits for the first frame"
    );
    tick_until(&mut app, "the built-in guides", |a| {
        !a.cx.catalog.guides.is_empty()
    });
    assert!(
        ids(&app).contains(&"itsmc-troubleshooting"),
        "{:?}",
        ids(&app)
    );
    assert!(
        !ids(&app).contains(&"local"),
        "the library is still loading"
    );
    assert!(app.cx.loading.is_some() && app.busy());

    // A built-in guide opens, and search finds built-in errors.
    let builtin = ids(&app)
        .iter()
        .position(|&id| id == "itsmc-troubleshooting");
    let builtin = builtin.expect("built-in");
    for _ in 0..builtin {
        app.update(tshoot::tui::Msg::Down);
    }
    app.update(tshoot::tui::Msg::Enter);
    let Screen::Guide(page) = app.top() else {
        panic!("a guide page: {:?}", app.top());
    };
    assert_eq!(
        app.cx.catalog.guides[page.guide].id,
        "itsmc-troubleshooting"
    );
    app.update(tshoot::tui::Msg::Back);
    press(&mut app, "/");
    press(&mut app, "connector");
    let Screen::Search(search) = app.top() else {
        panic!("search: {:?}", app.top());
    };
    assert!(!search.hits.is_empty(), "built-in errors are found");

    // The library arrives: the list fills in, the search is run again over everything.
    release.send(()).expect("release");
    tick_until(&mut app, "the library", |a| a.cx.loading.is_none());
    assert!(ids(&app).contains(&"local") && ids(&app).contains(&"itsmc-troubleshooting"));
    assert!(app.status.is_none(), "nothing to say: {:?}", app.status);
    let Screen::Search(search) = app.top() else {
        panic!("the search stays open: {:?}", app.top());
    };
    assert!(!search.hits.is_empty());
    assert!(!app.busy());
    assert_eq!(calls.load(Ordering::SeqCst), 1);
}

#[test]
fn a_guide_page_opened_during_the_load_shows_the_same_guide_after_it() {
    let dir = tempfile::tempdir().expect("temp");
    // The page holds the guide's index in the catalog; the new catalog is a different
    // one, so the page must find its guide again by id.
    std::fs::write(dir.path().join("aaa.yaml"), guide("aaa", "First")).expect("write");
    let (release, held) = mpsc::channel();
    let calls = Arc::new(AtomicUsize::new(0));
    let mut app = starting(dir.path(), held_loader(sources(dir.path()), held, calls));
    tick_until(&mut app, "the built-in guides", |a| {
        !a.cx.catalog.guides.is_empty()
    });
    let last = app.cx.catalog.guides.len() - 1;
    let id = app.cx.catalog.guides[last].id.clone();
    for _ in 0..last {
        app.update(tshoot::tui::Msg::Down);
    }
    app.update(tshoot::tui::Msg::Enter);
    release.send(()).expect("release");
    tick_until(&mut app, "the library", |a| a.cx.loading.is_none());
    let Screen::Guide(page) = app.top() else {
        panic!("the guide page stays open: {:?}", app.top());
    };
    assert_eq!(app.cx.catalog.guides[page.guide].id, id);
}

#[test]
fn a_save_during_the_first_load_is_loaded_after_it() {
    let dir = tempfile::tempdir().expect("temp");
    let file = dir.path().join("local.yaml");
    std::fs::write(&file, guide("local", "Before the save")).expect("write");
    let (release, held) = mpsc::channel();
    let calls = Arc::new(AtomicUsize::new(0));
    let mut app = starting(
        dir.path(),
        held_loader(sources(dir.path()), held, Arc::clone(&calls)),
    );
    tick_until(&mut app, "the load to start", |_| {
        calls.load(Ordering::SeqCst) == 1
    });
    // The first load has read the file; it is saved again now, while that load goes on.
    std::fs::write(&file, guide("local", "After the save")).expect("write");
    app.reload.as_mut().expect("reload").request();
    release.send(()).expect("release");
    let title = |a: &App| {
        a.cx.catalog
            .guide("local")
            .map(|g| g.title.show(Lang::En).to_owned())
    };
    tick_until(&mut app, "the saved guide", |a| {
        title(a).as_deref() == Some("After the save")
    });
    assert_eq!(
        calls.load(Ordering::SeqCst),
        2,
        "loaded once more after the first"
    );
    // Nothing older comes after it.
    for _ in 0..20 {
        reload::tick(&mut app, Instant::now());
        std::thread::sleep(Duration::from_millis(5));
    }
    assert_eq!(title(&app).as_deref(), Some("After the save"));
    assert_eq!(calls.load(Ordering::SeqCst), 2);
}

/// Every screen the output passed through, looked at every `step` bytes.
#[cfg(unix)]
fn screens(output: &[u8], step: usize) -> Vec<String> {
    let size = |n| std::num::NonZero::new(n).expect("not zero");
    let mut parser = vt100::Parser::new(size(24), size(80), 0);
    output
        .chunks(step)
        .map(|chunk| {
            parser.process(chunk);
            parser.screen().contents()
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn the_running_binary_lists_the_built_in_guides_while_the_library_loads() {
    let dir = tempfile::tempdir().expect("temp");
    for n in 0..1500 {
        let yaml = guide(&format!("g{n}"), &format!("Library guide {n}"));
        std::fs::write(dir.path().join(format!("g{n}.yaml")), yaml).expect("write");
    }
    let home = tempfile::tempdir().expect("temp");
    let at = |name: &str| home.path().join(name).to_str().expect("UTF-8").to_owned();
    let (cache, state, data) = (at("cache"), at("state"), at("data"));
    let mut tui = common::pty::Session::start_with(
        &["--guides", dir.path().to_str().expect("UTF-8")],
        &[
            ("XDG_CACHE_HOME", cache.as_str()),
            ("XDG_STATE_HOME", state.as_str()),
            ("XDG_DATA_HOME", data.as_str()),
        ],
    );
    tui.wait_for("Library guide 0");
    tui.send(b"q");
    let output = tui.finish();
    let seen = screens(&output, 256);
    let builtin = "Troubleshooting the ITSM Connector";
    let early = seen
        .iter()
        .position(|s| s.contains(builtin) && s.contains("Loading guides…"))
        .expect("the built-in guides listed while loading");
    let full = seen
        .iter()
        .position(|s| s.contains("Library guide 0"))
        .expect("the library");
    assert!(early < full);
    assert!(!seen[seen.len() - 1].contains("Loading guides"));
}
