//! The hostile guide corpus (tests/fixtures/hostile): every broken file gets a clear message
//! naming it, everything else still loads, and no escape byte reaches a pipe or the screen.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tshoot::guide::Severity;
use tshoot::guide::catalog::{Catalog, Source};
use tshoot::guide::load::MAX_GUIDE_BYTES;
use tshoot::lang::Lang;
use tshoot::tui::layout::list::ListView;
use tshoot::tui::screens::{home::Home, reference::Reference};
use tshoot::tui::{App, Screen};

/// The corpus copied to a temporary folder, with a file over the size bound added.
fn corpus() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("hostile");
    fs::create_dir(&dir).expect("mkdir");
    for file in common::yaml_files(&common::fixtures().join("hostile")) {
        fs::copy(&file, dir.join(file.file_name().expect("a name"))).expect("copy");
    }
    let big = fs::File::create(dir.join("too-big.yaml")).expect("create");
    big.set_len(MAX_GUIDE_BYTES + 1).expect("sparse file");
    (tmp, dir)
}

fn load(dir: &Path) -> Catalog {
    Catalog::load(&[
        Source::Builtin,
        Source::Path {
            path: dir.to_owned(),
            optional: false,
        },
    ])
}

fn is_safe(s: &str) -> bool {
    !s.chars().any(|c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

#[test]
fn broken_files_are_named_and_everything_else_loads() {
    let (_tmp, dir) = corpus();
    let catalog = load(&dir);
    let ids: Vec<&str> = catalog.guides.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "itsmc-dashboard-errors",
            "itsmc-troubleshooting",
            "unicode-tricks",
            "with-bom",
            "with-crlf",
            "escapes",
            "long-lines",
        ]
    );
    let broken = [
        ("alias-flood.yaml", "refused as a possible alias bomb"),
        ("billion-laughs.yaml", "unknown field `lol0`"),
        ("cycle-without-outcome.yaml", "no outcome can be reached"),
        ("dangling-reference.yaml", "names unknown error `nowhere`"),
        ("deep-map-nesting.yaml", "is not a language code"),
        ("deep-nesting.yaml", "invalid type: sequence"),
        ("duplicate-ids.yaml", "duplicate error id `e`"),
        ("invalid-utf8.yaml", "not valid UTF-8"),
        ("syntax-error.yaml", "mapping values are not allowed"),
        ("too-big.yaml", "guides larger than 8 MiB are not read"),
        ("unknown-field.yaml", "unknown field `colour`"),
    ];
    for (file, message) in broken {
        let path = dir.join(file).display().to_string();
        let errors: Vec<String> = catalog
            .problems
            .iter()
            .map(|p| &p.diagnostic)
            .filter(|d| d.severity == Severity::Error && d.file == path)
            .map(ToString::to_string)
            .collect();
        assert!(
            errors.iter().any(|e| e.contains(message)),
            "{file}: {errors:?}"
        );
        if file != "too-big.yaml" {
            assert!(
                errors.iter().all(|e| e[path.len()..].starts_with(':')
                    && e[path.len() + 1..].starts_with(|c: char| c.is_ascii_digit())),
                "{file} has no line:col: {errors:?}"
            );
        }
    }
}

#[test]
fn no_text_of_a_loaded_guide_can_drive_a_terminal() {
    let (_tmp, dir) = corpus();
    let catalog = load(&dir);
    let escapes = catalog.guide("escapes").expect("loads");
    assert_eq!(escapes.title.show(Lang::En), "Title red link  bell  nel");
    for guide in &catalog.guides {
        for text in guide.texts() {
            assert!(text.all().all(is_safe), "{}: {text:?}", guide.id);
        }
        assert!(guide.tags.iter().all(|t| is_safe(t)));
    }
    assert_eq!(
        catalog
            .guide("unicode-tricks")
            .expect("loads")
            .title
            .show(Lang::En)
            .chars()
            .filter(|c| matches!(c, '\u{202e}' | '\u{2066}' | '\u{2069}'))
            .count(),
        0
    );
}

#[test]
fn no_escape_byte_reaches_stdout_from_any_command() {
    let (_tmp, dir) = corpus();
    let dir = dir.to_str().expect("UTF-8 path");
    for args in [
        vec!["--guides", dir, "list"],
        vec!["--guides", dir, "list", "--json"],
        vec!["--guides", dir, "show", "escapes/e"],
        vec!["--guides", dir, "show", "escapes/e", "--json"],
        vec!["--guides", dir, "search", "Message red"],
        vec!["--guides", dir, "search", "--json", "Step"],
        vec!["validate", dir],
    ] {
        let out = common::tshoot().args(&args).output().expect("runs");
        for (name, stream) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let text = String::from_utf8_lossy(stream);
            assert!(is_safe(&text), "{args:?} {name}: {text:?}");
        }
    }
}

/// Draws the app and returns every cell's text.
fn screen_text(terminal: &mut Terminal<TestBackend>, app: &mut App) -> String {
    terminal
        .draw(|f| f.render_widget(&mut *app, f.area()))
        .expect("draws");
    terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect()
}

#[test]
fn no_escape_reaches_the_screen() {
    let (_tmp, dir) = corpus();
    let catalog = load(&dir);
    let g = catalog
        .guides
        .iter()
        .position(|g| g.id == "escapes")
        .expect("loads");
    let mut app = App::new(catalog, Lang::En);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
    let home = Home {
        list: ListView::at(5),
    };
    for screen in [Screen::from(home), Reference::new(g, 0).into()] {
        app.stack = vec![screen];
        let cells = screen_text(&mut terminal, &mut app);
        assert!(is_safe(&cells), "{cells:?}");
        assert!(cells.contains("Title red"));
    }
    assert!(app.open_walk("escapes"));
    let cells = screen_text(&mut terminal, &mut app);
    assert!(is_safe(&cells) && cells.contains("Question red"));
}
