//! Keys to messages, per screen: pure, so that `q` can be a letter in the search field and
//! a command everywhere else.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::app::{App, Msg, Screen};

/// The message an input event means on the current screen, if any.
#[must_use]
pub fn map(app: &App, event: &Event) -> Option<Msg> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => map_key(app, key),
        Event::Paste(text) => Some(Msg::Paste(text.clone())),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollUp => Some(Msg::Scroll(-3)),
            MouseEventKind::ScrollDown => Some(Msg::Scroll(3)),
            MouseEventKind::Down(MouseButton::Left) => Some(Msg::Click(mouse.row)),
            _ => None,
        },
        _ => None,
    }
}

fn map_key(app: &App, key: &KeyEvent) -> Option<Msg> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && matches!(key.code, KeyCode::Char('c' | 'C')) {
        return Some(Msg::Quit);
    }
    // Keys every screen shares.
    let common = match key.code {
        KeyCode::Esc => Some(Msg::Back),
        KeyCode::Up => Some(Msg::Up),
        KeyCode::Down => Some(Msg::Down),
        KeyCode::PageUp => Some(Msg::PageUp),
        KeyCode::PageDown => Some(Msg::PageDown),
        KeyCode::Home => Some(Msg::First),
        KeyCode::End => Some(Msg::Last),
        KeyCode::Enter => Some(Msg::Enter),
        KeyCode::Tab | KeyCode::BackTab => Some(Msg::NextFocus),
        _ => None,
    };
    if common.is_some() {
        return common;
    }
    if app.typing() {
        return match key.code {
            KeyCode::Backspace => Some(Msg::Erase),
            KeyCode::Char(c) if !ctrl => Some(Msg::Type(c)),
            _ => None,
        };
    }
    let in_walk = matches!(app.screen, Screen::Walk { .. });
    let KeyCode::Char(c) = key.code else {
        return match key.code {
            KeyCode::Backspace if in_walk => Some(Msg::PreviousQuestion),
            KeyCode::Backspace => Some(Msg::Back),
            _ => None,
        };
    };
    if ctrl {
        return None;
    }
    match c {
        'q' => Some(Msg::Quit),
        '?' => Some(Msg::Help),
        '/' => Some(Msg::OpenSearch),
        'k' => Some(Msg::Up),
        'j' => Some(Msg::Down),
        'o' => Some(Msg::OpenLink),
        '1'..='9' => c.to_digit(10).map(|d| Msg::Choose(d as usize)),
        'b' if in_walk => Some(Msg::PreviousQuestion),
        'b' => Some(Msg::Back),
        ' ' if in_walk => Some(Msg::Tick),
        'r' if in_walk => Some(Msg::Restart),
        'y' if in_walk => Some(Msg::Fixed),
        'n' if in_walk => Some(Msg::NotFixed),
        'e' if in_walk => Some(Msg::Export),
        _ => None,
    }
}
