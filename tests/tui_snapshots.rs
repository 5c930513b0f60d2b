//! Every screen, drawn on a `TestBackend` at 80×24 and at 40×12, and in Swedish.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tshoot::guide::catalog::{Catalog, Source};
use tshoot::lang::Lang;
use tshoot::tui::{App, keymap};

/// The app after a key script (see `tests/tui_flows.rs` for the notation).
fn app_after(lang: Lang, script: &str) -> App {
    let mut app = App::new(Catalog::load(&[Source::Builtin]), lang);
    for word in script.split(' ').filter(|w| !w.is_empty()) {
        let codes: Vec<KeyCode> = match word {
            "<enter>" => vec![KeyCode::Enter],
            "<tab>" => vec![KeyCode::Tab],
            "<down>" => vec![KeyCode::Down],
            "<space>" => vec![KeyCode::Char(' ')],
            typed => typed.chars().map(KeyCode::Char).collect(),
        };
        for code in codes {
            let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
            if let Some(msg) = keymap::map(&app, &event) {
                app.update(msg);
            }
        }
    }
    app
}

fn draw(app: &App, width: u16, height: u16) -> String {
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
    ("help", "<enter> 1 ?"),
];

#[test]
fn every_screen_at_80x24_and_40x12() {
    for (name, script) in SCREENS {
        let app = app_after(Lang::En, script);
        insta::assert_snapshot!(format!("{name}_80x24"), draw(&app, 80, 24));
        insta::assert_snapshot!(format!("{name}_40x12"), draw(&app, 40, 12));
    }
}

#[test]
fn swedish_screens() {
    let app = app_after(Lang::Sv, "<enter> 1 1");
    insta::assert_snapshot!("sv_question_80x24", draw(&app, 80, 24));
    let app = app_after(Lang::Sv, "<enter> 1 1 6");
    insta::assert_snapshot!("sv_outcome_80x24", draw(&app, 80, 24));
}

#[test]
fn too_small_says_so_at_any_size_down_to_one_cell() {
    let app = app_after(Lang::En, "<enter> 1");
    insta::assert_snapshot!("too_small_30x8", draw(&app, 30, 8));
    for (w, h) in [(1, 1), (2, 1), (39, 24), (80, 9)] {
        let screen = draw(&app, w, h);
        assert!(
            !screen.contains("Where do you see"),
            "{w}x{h} drew the layout"
        );
    }
}
