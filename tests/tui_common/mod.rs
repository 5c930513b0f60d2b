//! Helpers for the TUI tests that read what is drawn: key events, feeding them through the
//! keymap and `update`, and a draw that returns the rows and which rows show the selection.
#![allow(dead_code, reason = "each test file uses some of the helpers")]

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;
use tshoot::tui::App;

pub fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn typed(text: &str) -> Vec<Event> {
    text.chars().map(|c| key(KeyCode::Char(c))).collect()
}

/// Feeds events through the keymap and `update`.
pub fn send(app: &mut App, events: &[Event]) {
    for event in events {
        if let Some(msg) = app.map(event) {
            app.update(msg);
        }
    }
}

/// The rows of a buffer as text.
pub fn rows(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    (0..area.height)
        .map(|y| (0..area.width).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

/// Draws the app; returns the rows and the rows drawn reversed (the selection).
pub fn draw(app: &mut App, terminal: &mut Terminal<TestBackend>) -> (Vec<String>, Vec<usize>) {
    terminal
        .draw(|f| f.render_widget(&mut *app, f.area()))
        .expect("draws");
    let buf = terminal.backend().buffer();
    let area = buf.area;
    // A row counts as selected when a letter in it is reversed (the header bar aside).
    let selected = (1..area.height)
        .filter(|&y| {
            (0..area.width).any(|x| {
                let c = &buf[(x, y)];
                c.modifier.contains(Modifier::REVERSED)
                    && c.symbol().chars().any(char::is_alphanumeric)
            })
        })
        .map(usize::from)
        .collect();
    (rows(buf), selected)
}

/// Events of a script for the real loop; when they run out it sets the stop flag, so the
/// loop ends as it would on a quit.
pub struct Script(
    pub std::collections::VecDeque<Event>,
    pub std::sync::Arc<std::sync::atomic::AtomicBool>,
);

impl tshoot::tui::terminal::Events for Script {
    fn next(&mut self, _: std::time::Duration) -> std::io::Result<Option<Event>> {
        let next = self.0.pop_front();
        if next.is_none() {
            self.1.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        Ok(next)
    }
}

/// Key events for a script written as text: `\n` Enter, `\u{1b}` Esc, `↓` `↑` arrows, any
/// other character that key.
pub fn script_keys(keys: &str) -> Vec<Event> {
    keys.chars()
        .map(|c| match c {
            '\n' => key(KeyCode::Enter),
            '\u{1b}' => key(KeyCode::Esc),
            '↓' => key(KeyCode::Down),
            '↑' => key(KeyCode::Up),
            c => key(KeyCode::Char(c)),
        })
        .collect()
}

/// Runs the real event loop over `keys` (see [`script_keys`]) at 80×24; returns the last
/// frame, rows trimmed at the end and joined by newlines.
pub fn run_script(app: &mut App, world: &tshoot::tui::terminal::World, keys: &str) -> String {
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
    let mut script = Script(script_keys(keys).into(), std::sync::Arc::clone(&stop));
    tshoot::tui::terminal::event_loop(&mut terminal, app, &mut script, &stop, world)
        .expect("loop ends");
    terminal
        .draw(|f| f.render_widget(&mut *app, f.area()))
        .expect("draws");
    rows(terminal.backend().buffer())
        .iter()
        .map(|r| r.trim_end())
        .collect::<Vec<_>>()
        .join("\n")
}
