//! Per-keystroke cost of the TUI: `update` plus a full `draw` on a 120×40 `TestBackend`,
//! with 1k, 5k and 50k errors loaded (synthetic guides of 100 errors each), on the screens
//! a keystroke can be slowest on: typing into search, walking the home list of guides,
//! the reference list and a guided session. The frame budget is 16 ms at p99.
//!
//! `cargo bench --bench tui`. Debug-free release numbers; the machine's other load shows in
//! the max column. Each scenario runs 10 times: besides p50/p99/max over every keystroke,
//! "key p99" is the p99 over the keys of each key's median over the runs, which a busy
//! machine's stray pauses do not reach, and "slowest" names the key with the highest median.

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

/// Times each event: map, update, draw; one duration per event.
fn timed(app: &mut App, terminal: &mut Terminal<TestBackend>, events: &[Event]) -> Vec<Duration> {
    let mut samples = Vec::with_capacity(events.len());
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
    samples
}

/// A key as the slowest column names it.
fn describe(event: &Event) -> String {
    match event {
        Event::Key(k) if k.modifiers.contains(KeyModifiers::CONTROL) => {
            format!("{:?}+ctrl", k.code)
        }
        Event::Key(KeyEvent {
            code: KeyCode::Char(c),
            ..
        }) => format!("{c:?}"),
        Event::Key(k) => format!("{:?}", k.code),
        other => format!("{other:?}"),
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
        "{:>8}  {:<20} {:>10}  {:>10}  {:>10}  {:>10}  {:>8}  slowest (median)",
        "errors", "screen", "p50", "p99", "max", "key p99", "keys"
    );
    for size in SIZES {
        let catalog = catalog(size);
        for scenario in scenarios() {
            let mut runs = Vec::new();
            for _ in 0..scenario.runs {
                let mut app = App::new(catalog.clone(), Lang::En);
                let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("backend");
                reach(&mut app, &mut terminal, &scenario.reach);
                runs.push(timed(&mut app, &mut terminal, &scenario.keys));
            }
            let mut samples: Vec<Duration> = runs.iter().flatten().copied().collect();
            samples.sort();
            // Each key's median over the runs.
            let mut medians: Vec<(Duration, usize)> = (0..scenario.keys.len())
                .map(|k| {
                    let mut times: Vec<Duration> = runs.iter().map(|r| r[k]).collect();
                    times.sort();
                    (times[times.len() / 2], k)
                })
                .collect();
            medians.sort();
            let key_p99: Vec<Duration> = medians.iter().map(|m| m.0).collect();
            let (slowest, at) = medians[medians.len() - 1];
            println!(
                "{size:>8}  {:<20} {:>10.3?}  {:>10.3?}  {:>10.3?}  {:>10.3?}  {:>8}  {} (#{at}) {:.3?}",
                scenario.name,
                percentile(&samples, 0.5),
                percentile(&samples, 0.99),
                samples[samples.len() - 1],
                percentile(&key_p99, 0.99),
                samples.len(),
                describe(&scenario.keys[at]),
                slowest,
            );
        }
    }
}
