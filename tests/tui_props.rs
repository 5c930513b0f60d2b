//! Random keys, pastes and resizes at any size from 1×1 to 300×100 never panic, and the
//! state stays sound: selections in range, the breadcrumb equal to the answers given.

use std::sync::OnceLock;

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tshoot::guide::catalog::{Catalog, Source};
use tshoot::lang::Lang;
use tshoot::session::{Place, Target};
use tshoot::tui::{App, Effect, Screen};

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::load(&[Source::Builtin]))
}

#[derive(Clone, Debug)]
enum Input {
    Key(KeyCode, bool),
    Paste(String),
    Resize(u16, u16),
}

fn input() -> impl Strategy<Value = Input> {
    let code = prop_oneof![
        Just(KeyCode::Enter),
        Just(KeyCode::Esc),
        Just(KeyCode::Tab),
        Just(KeyCode::Up),
        Just(KeyCode::Down),
        Just(KeyCode::PageUp),
        Just(KeyCode::PageDown),
        Just(KeyCode::Home),
        Just(KeyCode::End),
        Just(KeyCode::Backspace),
        proptest::char::range(' ', '~').prop_map(KeyCode::Char),
        proptest::char::any().prop_map(KeyCode::Char),
    ];
    prop_oneof![
        8 => (code, proptest::bool::weighted(0.02)).prop_map(|(c, ctrl)| Input::Key(c, ctrl)),
        1 => "\\PC{0,200}".prop_map(Input::Paste),
        1 => (1u16..=300, 1u16..=100).prop_map(|(w, h)| Input::Resize(w, h)),
    ]
}

/// The state invariants.
fn check(app: &App) {
    let guides = &app.cx.catalog.guides;
    for screen in &app.stack {
        match screen {
            Screen::Home(h) => assert!(h.selected() < guides.len().max(1)),
            Screen::Guide(p) => assert!(p.guide < guides.len() && p.selected < 2),
            Screen::Session(s) => {
                let catalog = &app.cx.catalog;
                let path = s.session.path();
                // The breadcrumb is the path: each answer leads to the next crumb's question,
                // in its guide or another.
                for pair in path.windows(2) {
                    let (g, node) = pair[0].node.find(catalog).expect("loaded");
                    let next = &node.answers[pair[0].answer].next;
                    assert_eq!(
                        Target::of(catalog, g, next),
                        Some(Target::Question(pair[1].node.clone()))
                    );
                }
                match s.session.at() {
                    Place::Question(n) => {
                        let (_, node) = n.find(catalog).expect("loaded");
                        assert!(s.selected < node.answers.len());
                    }
                    Place::Outcome(e) => {
                        let (_, error) = e.find(catalog).expect("loaded");
                        assert!(s.selected < error.checklist.len());
                    }
                    Place::Solved(_) | Place::Escalation => {}
                }
                assert!(path.is_empty() || s.crumb < path.len());
            }
            Screen::Reference(r) => assert!(r.selected() < guides[r.guide].errors.len()),
            Screen::Search(s) => assert!(s.hits.is_empty() || s.list.selected() < s.hits.len()),
            Screen::Triage(t) => assert!(t.errors() == 0 || t.selected() < t.errors()),
            Screen::Map(m) => assert!(m.selected() < m.row_count()),
            Screen::Help(_) | Screen::Problems(_) | Screen::TriagePrompt(_) => {}
            // The export overlay exports a session: it is only ever over one.
            Screen::ExportOptions(_) => {
                assert!(app.stack.iter().any(|s| matches!(s, Screen::Session(_))));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_input_never_panics_and_keeps_the_state_sound(inputs in proptest::collection::vec(input(), 1..60)) {
        run(inputs);
    }
}

/// Feeds `inputs` through the keymap, `update` and a draw, checking the state after each.
fn run(inputs: Vec<Input>) {
    let mut app = App::new(catalog().clone(), Lang::Sv);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
    for input in inputs {
        let event = match input {
            Input::Key(code, ctrl) => {
                let mods = if ctrl {
                    KeyModifiers::CONTROL
                } else {
                    KeyModifiers::NONE
                };
                Event::Key(KeyEvent::new(code, mods))
            }
            Input::Paste(text) => Event::Paste(text),
            Input::Resize(w, h) => {
                terminal.backend_mut().resize(w, h);
                terminal.autoresize().expect("resizes");
                Event::Resize(w, h)
            }
        };
        if let Some(msg) = app.map(&event)
            && app.update(msg) == Some(Effect::Quit)
        {
            break;
        }
        check(&app);
        terminal
            .draw(|frame| frame.render_widget(&mut app, frame.area()))
            .expect("draws");
    }
}

/// Found by the property above: at 1×1 a session draws no step, and ↑ with nothing drawn
/// took one from a selection of 0 (an overflow).
#[test]
fn up_in_a_session_drawn_at_one_cell_does_not_panic() {
    run(vec![
        Input::Key(KeyCode::Enter, false),
        Input::Resize(1, 1),
        Input::Key(KeyCode::Enter, false),
        Input::Key(KeyCode::Up, false),
        Input::Key(KeyCode::Down, false),
        Input::Key(KeyCode::Home, false),
        Input::Key(KeyCode::End, false),
    ]);
}
