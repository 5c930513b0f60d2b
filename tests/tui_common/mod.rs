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
