//! Per-keystroke cost of the TUI: `update` plus a full `draw` on a 120×40 `TestBackend`,
//! with 1k, 5k and 50k errors loaded (synthetic guides of 100 errors each), on the screens
//! a keystroke can be slowest on: typing into search, walking the home list of guides,
//! the reference list and a guided session. The frame budget is 16 ms at p99.
//!
//! `cargo bench --bench tui`. Debug-free release numbers; the machine's other load shows in
//! the max column.

#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss,
    clippy::cast_sign_loss
)]

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tshoot::guide::{Catalog, load};
use tshoot::lang::Lang;
use tshoot::tui::App;

#[path = "support/synth.rs"]
mod synth;

const SIZES: [usize; 3] = [1_000, 5_000, 50_000];

fn catalog(errors: usize) -> Catalog {
    let guides = synth::guides(errors)
        .iter()
        .enumerate()
        .filter_map(|(i, yaml)| load::check(&format!("synth-{i}.yaml"), yaml.as_bytes(), 0).guide)
        .collect();
    Catalog {
        guides,
        ..Catalog::default()
    }
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn chars(text: &str) -> Vec<Event> {
    text.chars().map(|c| key(KeyCode::Char(c))).collect()
}

/// Feeds events without timing them (to reach a screen).
fn reach(app: &mut App, terminal: &mut Terminal<TestBackend>, events: &[Event]) {
    for event in events {
        if let Some(msg) = app.map(event) {
            app.update(msg);
        }
    }
    terminal
        .draw(|f| f.render_widget(&mut *app, f.area()))
        .expect("draws");
}

/// Times each event: map, update, draw.
fn timed(
    app: &mut App,
    terminal: &mut Terminal<TestBackend>,
    events: &[Event],
    samples: &mut Vec<Duration>,
) {
    for event in events {
        let start = Instant::now();
        if let Some(msg) = app.map(event) {
            app.update(msg);
        }
        terminal
            .draw(|f| f.render_widget(&mut *app, f.area()))
            .expect("draws");
        samples.push(start.elapsed());
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i]
}

/// A scenario: how to reach its screen, and the keys timed there.
struct Scenario {
    name: &'static str,
    reach: Vec<Event>,
    keys: Vec<Event>,
    runs: usize,
}

fn scenarios() -> Vec<Scenario> {
    let mut search_keys = Vec::new();
    for query in [
        "connection t",
        "deadlock tim",
        "certifcate e",
        "token expird",
    ] {
        search_keys.extend(chars(query));
        // Clear the field for the next query, also timed.
        search_keys.push(Event::Key(KeyEvent::new(
            KeyCode::Char('u'),
            KeyModifiers::CONTROL,
        )));
    }
    let mut moves = vec![key(KeyCode::Down); 30];
    moves.extend(vec![key(KeyCode::PageDown); 10]);
    moves.extend([key(KeyCode::End), key(KeyCode::Home)]);
    moves.extend(vec![key(KeyCode::Up); 5]);
    vec![
        Scenario {
            name: "search: typing",
            reach: chars("/"),
            keys: search_keys,
            runs: 10,
        },
        Scenario {
            name: "search: moving",
            reach: chars("/connection"),
            keys: moves.clone(),
            runs: 10,
        },
        Scenario {
            name: "home: moving",
            reach: Vec::new(),
            keys: moves.clone(),
            runs: 10,
        },
        Scenario {
            name: "reference: moving",
            reach: [key(KeyCode::Enter)]
                .into_iter()
                .chain(chars("2"))
                .collect(),
            keys: moves,
            runs: 10,
        },
        Scenario {
            name: "session: answering",
            reach: [key(KeyCode::Enter)]
                .into_iter()
                .chain(chars("1"))
                .collect(),
            keys: [
                chars("9999999"),
                chars("1 j j "),
                chars("n"),
                chars("bbbbbbbb"),
            ]
            .concat(),
            runs: 10,
        },
    ]
}

fn main() {
    println!("per-keystroke update + draw at 120x40 (release):");
    println!(
        "{:>8}  {:<20} {:>10}  {:>10}  {:>10}  {:>8}",
        "errors", "screen", "p50", "p99", "max", "keys"
    );
    for size in SIZES {
        let catalog = catalog(size);
        for scenario in scenarios() {
            let mut samples = Vec::new();
            for _ in 0..scenario.runs {
                let mut app = App::new(catalog.clone(), Lang::En);
                let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("backend");
                reach(&mut app, &mut terminal, &scenario.reach);
                timed(&mut app, &mut terminal, &scenario.keys, &mut samples);
            }
            samples.sort();
            println!(
                "{size:>8}  {:<20} {:>10.3?}  {:>10.3?}  {:>10.3?}  {:>8}",
                scenario.name,
                percentile(&samples, 0.5),
                percentile(&samples, 0.99),
                samples[samples.len() - 1],
                samples.len()
            );
        }
    }
}
