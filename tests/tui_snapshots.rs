//! Every screen, drawn on a `TestBackend` at 80×24, 40×12 and 120×40, and in Swedish.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tshoot::guide::catalog::{Catalog, Source};
use tshoot::lang::Lang;
use tshoot::tui::App;

/// The app after a key script (see `tests/tui_flows.rs` for the notation).
fn app_after(lang: Lang, script: &str) -> App {
    script_on(App::new(Catalog::load(&[Source::Builtin]), lang), script)
}

fn script_on(mut app: App, script: &str) -> App {
    for word in script.split(' ').filter(|w| !w.is_empty()) {
        let codes: Vec<KeyCode> = match word {
            "<enter>" => vec![KeyCode::Enter],
            "<tab>" => vec![KeyCode::Tab],
            "<down>" => vec![KeyCode::Down],
            "<space>" => vec![KeyCode::Char(' ')],
            "<end>" => vec![KeyCode::End],
            "<pgdn>" => vec![KeyCode::PageDown],
            "<f1>" => vec![KeyCode::F(1)],
            typed => typed.chars().map(KeyCode::Char).collect(),
        };
        for code in codes {
            let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
            if let Some(msg) = app.map(&event) {
                app.update(msg);
            }
        }
    }
    app
}

fn draw(app: &mut App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .expect("draws");
    terminal.backend().to_string()
}

const SCREENS: &[(&str, &str)] = &[
    ("home", ""),
    ("guide_page", "<enter>"),
    ("question", "<enter> 1"),
    ("question_breadcrumb", "<enter> 1 1 <tab>"),
    ("outcome", "<enter> 1 1 6 <space> <down>"),
    ("solved", "<enter> 1 1 6 <space> y"),
    ("escalation", "<enter> 1 3 1 n n n n n n n n n n"),
    ("reference", "<enter> 2 <down> <down> <down>"),
    ("search_empty", "/"),
    ("search_typo", "/ AccesToken"),
    ("search_nothing", "/ kernel panic"),
    ("outcome_end", "<enter> 1 1 6 <end>"),
    ("outcome_paged", "<enter> 1 1 4 <pgdn> <pgdn>"),
    ("help", "<enter> 1 ?"),
    ("search_help", "/ token <f1>"),
];

#[test]
fn every_screen_at_80x24_40x12_and_120x40() {
    for (name, script) in SCREENS {
        for (w, h) in [(80, 24), (40, 12), (120, 40)] {
            // A fresh app per size: what a user sees who starts at that size.
            let mut app = app_after(Lang::En, script);
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), draw(&mut app, w, h));
        }
    }
}

#[test]
fn load_problems_are_on_home_and_listed_by_p() {
    let good = "id: ok\ntitle: A guide that loads\nstart: q\nnodes:\n  - id: q\n    question: Broken?\n    answers:\n      - label: Yes\n        error: e\nerrors:\n  - id: e\n    title: Broken\n    messages: []\n    symptoms: []\n    causes: []\n    checklist: [Fix it.]\n";
    let catalog = Catalog::from_files(vec![
        ("guides/ok.yaml".into(), good.into()),
        ("guides/tabs.yaml".into(), b"id: x\n\ttitle: bad".to_vec()),
        (
            "guides/unknown-field.yaml".into(),
            good.replace("start: q", "start: q\nstrat: q").into_bytes(),
        ),
    ]);
    let mut app = script_on(App::new(catalog, Lang::En), "");
    insta::assert_snapshot!("home_problems_80x24", draw(&mut app, 80, 24));
    let mut app = script_on(app, "p");
    insta::assert_snapshot!("problems_80x24", draw(&mut app, 80, 24));
    insta::assert_snapshot!("problems_40x12", draw(&mut app, 40, 12));
}

#[test]
fn swedish_screens() {
    let mut app = app_after(Lang::Sv, "<enter> 1 1");
    insta::assert_snapshot!("sv_question_80x24", draw(&mut app, 80, 24));
    let mut app = app_after(Lang::Sv, "<enter> 1 1 6");
    insta::assert_snapshot!("sv_outcome_80x24", draw(&mut app, 80, 24));
}

/// A pasted message searched, then Enter: the session at its outcome with the message's
/// values shown and filled into the steps.
fn from_paste(lang: Lang, paste: &str, then: &str) -> App {
    let mut app = app_after(lang, "/");
    let msg = app.map(&Event::Paste(paste.to_owned())).expect("a paste");
    app.update(msg);
    script_on(app, &format!("<enter> {then}"))
}

const MISSING_CONNECTOR: &str = "2024-11-03T08:15:22Z ERROR Could not create/update work item for alert CPU-High.\nITSM Connector 0c9e41d2-1f3a-4b5c-8d7e-0123456789ab does not exist or was deleted.";

#[test]
fn an_outcome_from_search_shows_the_captured_values() {
    for (w, h) in [(80, 24), (40, 12), (120, 40)] {
        let mut app = from_paste(Lang::En, MISSING_CONNECTOR, "");
        insta::assert_snapshot!(format!("outcome_captured_{w}x{h}"), draw(&mut app, w, h));
    }
    let mut app = from_paste(Lang::En, MISSING_CONNECTOR, "<space> <down>");
    insta::assert_snapshot!("outcome_captured_ticked_80x24", draw(&mut app, 80, 24));
    let mut app = from_paste(Lang::Sv, MISSING_CONNECTOR, "");
    insta::assert_snapshot!("sv_outcome_captured_80x24", draw(&mut app, 80, 24));
}

#[test]
fn values_from_the_message_are_marked_where_they_fill_the_guide_text() {
    use ratatui::style::Modifier;
    let mut app = from_paste(Lang::En, MISSING_CONNECTOR, "");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
    terminal
        .draw(|frame| frame.render_widget(&mut app, frame.area()))
        .expect("draws");
    let buffer = terminal.backend().buffer();
    let row = |y: u16| {
        (0..120u16)
            .map(|x| buffer[(x, y)].symbol())
            .collect::<String>()
    };
    // The message line, filled with the person's alert name: those cells only are marked.
    let y = (0..40u16)
        .find(|&y| row(y).contains("work item for alert CPU-High."))
        .expect("the filled message is drawn");
    let line = row(y);
    let start = u16::try_from(
        line[..line.find("CPU-High").expect("value")]
            .chars()
            .count(),
    )
    .expect("narrow");
    let marked = |x: u16| {
        buffer[(x, y)]
            .modifier
            .contains(Modifier::BOLD | Modifier::UNDERLINED)
    };
    assert!((start..start + 8).all(marked), "the value is marked");
    assert!(
        !marked(start - 2) && !marked(start + 9),
        "the guide text is not"
    );
}

#[test]
fn too_small_says_so_at_any_size_down_to_one_cell() {
    let mut app = app_after(Lang::En, "<enter> 1");
    insta::assert_snapshot!("too_small_30x8", draw(&mut app, 30, 8));
    for (w, h) in [(1, 1), (2, 1), (39, 24), (80, 9)] {
        let screen = draw(&mut app, w, h);
        assert!(
            !screen.contains("Where do you see"),
            "{w}x{h} drew the layout"
        );
    }
}
