//! What one escape sequence means, as crossterm 0.29 decodes it (so the key table reads
//! the same events): xterm keys with modifiers, `~` keys, kitty's `CSI u` keys and its
//! keypad, SGR/X10/rxvt mouse reports and focus. Answers to queries (`CSI ?…`, a cursor
//! position) mean no key: tshoot asks the terminal nothing.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// The key of an xterm final byte (`ESC O A`, `CSI 1;5A`).
fn cursor_key(last: u8) -> Option<KeyCode> {
    Some(match last {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P' => KeyCode::F(1),
        b'Q' => KeyCode::F(2),
        b'R' => KeyCode::F(3),
        b'S' => KeyCode::F(4),
        _ => return None,
    })
}

/// `ESC O x`.
#[must_use]
pub fn ss3(last: u8) -> Option<Event> {
    cursor_key(last).map(key)
}

/// `ESC [ [ x`: the Linux console's F1–F5.
#[must_use]
pub fn linux_f(last: u8) -> Option<Event> {
    matches!(last, b'A'..=b'E').then(|| key(KeyCode::F(1 + last - b'A')))
}

/// `ESC [ M b x y`: an X10 mouse report, each number sent as a byte plus 32.
#[must_use]
pub fn x10_mouse(report: &[u8]) -> Option<Event> {
    let [b, x, y] = report else { return None };
    let at = |v: u8| u16::from(v.saturating_sub(32)).saturating_sub(1);
    mouse(b.checked_sub(32)?, at(*x), at(*y), false)
}

/// `CSI params last` (params may start with a private marker such as `<` or `?`).
#[must_use]
pub fn csi(params: &[u8], last: u8) -> Option<Event> {
    let text = std::str::from_utf8(params).ok()?;
    match (params.first(), last) {
        (Some(b'<'), b'M' | b'm') => {
            let [b, x, y] = numbers(&text[1..])?;
            let b = u8::try_from(b).ok()?;
            mouse(b, x.saturating_sub(1), y.saturating_sub(1), last == b'm')
        }
        // Answers to queries; `CSI row;col R` answers a cursor query (`CSI R` is nothing).
        (Some(b'?' | b'>' | b'=' | b'<'), _) | (_, b'R') => None,
        (_, b'u') => kitty(text),
        (_, b'~') => tilde(text),
        (Some(_), b'M') => {
            let [b, x, y] = numbers(text)?;
            let b = u8::try_from(b).ok()?.checked_sub(32)?;
            mouse(b, x.saturating_sub(1), y.saturating_sub(1), false)
        }
        (None, b'I') => Some(Event::FocusGained),
        (None, b'O') => Some(Event::FocusLost),
        (None, b'Z') => Some(Event::Key(KeyEvent::new(
            KeyCode::BackTab,
            KeyModifiers::SHIFT,
        ))),
        (_, _) => {
            let code = cursor_key(last)?;
            let mut parts = text.split(';');
            let first = parts.next().unwrap_or_default();
            let (modifiers, kind, _) = match parts.next() {
                Some(mods) => modifiers(mods)?,
                // `CSI 5A`: the one number is the modifiers.
                None if !first.is_empty() => modifiers(first)?,
                None => (KeyModifiers::NONE, KeyEventKind::Press, KeyEventState::NONE),
            };
            Some(Event::Key(KeyEvent::new_with_kind(code, modifiers, kind)))
        }
    }
}

/// Three `;`-separated numbers.
fn numbers(text: &str) -> Option<[u16; 3]> {
    let mut parts = text.split(';').map(|p| p.parse::<u16>().ok());
    let n = [parts.next()??, parts.next()??, parts.next()??];
    Some(n)
}

/// `mask[:kind]`: xterm's modifier number (1 + bits) and kitty's event kind.
fn modifiers(text: &str) -> Option<(KeyModifiers, KeyEventKind, KeyEventState)> {
    let mut parts = text.split(':');
    let mask = parts.next()?.parse::<u8>().ok()?.saturating_sub(1);
    let kind = match parts.next().map(str::parse::<u8>) {
        Some(Ok(2)) => KeyEventKind::Repeat,
        Some(Ok(3)) => KeyEventKind::Release,
        _ => KeyEventKind::Press,
    };
    let mut modifiers = KeyModifiers::NONE;
    for (bit, m) in [
        (1, KeyModifiers::SHIFT),
        (2, KeyModifiers::ALT),
        (4, KeyModifiers::CONTROL),
        (8, KeyModifiers::SUPER),
        (16, KeyModifiers::HYPER),
        (32, KeyModifiers::META),
    ] {
        if mask & bit != 0 {
            modifiers |= m;
        }
    }
    let mut state = KeyEventState::NONE;
    if mask & 64 != 0 {
        state |= KeyEventState::CAPS_LOCK;
    }
    if mask & 128 != 0 {
        state |= KeyEventState::NUM_LOCK;
    }
    Some((modifiers, kind, state))
}

/// `CSI n[;mods]~`: Home, Insert, Delete, End, Page Up/Down and F-keys.
fn tilde(text: &str) -> Option<Event> {
    let mut parts = text.split(';');
    let code = match parts.next()?.parse::<u8>().ok()? {
        1 | 7 => KeyCode::Home,
        2 => KeyCode::Insert,
        3 => KeyCode::Delete,
        4 | 8 => KeyCode::End,
        5 => KeyCode::PageUp,
        6 => KeyCode::PageDown,
        v @ 11..=15 => KeyCode::F(v - 10),
        v @ 17..=21 => KeyCode::F(v - 11),
        v @ 23..=26 => KeyCode::F(v - 12),
        v @ 28..=29 => KeyCode::F(v - 15),
        v @ 31..=34 => KeyCode::F(v - 17),
        _ => return None,
    };
    let (modifiers, kind, state) = match parts.next() {
        Some(mods) => modifiers(mods)?,
        None => (KeyModifiers::NONE, KeyEventKind::Press, KeyEventState::NONE),
    };
    Some(Event::Key(KeyEvent::new_with_kind_and_state(
        code, modifiers, kind, state,
    )))
}

/// The kitty protocol's keys in Unicode's private use area that mean a key tshoot reads:
/// the keypad (sent apart in "disambiguate" mode) and F13–F35.
fn functional(code: u32) -> Option<(KeyCode, KeyEventState)> {
    const KEYPAD: [char; 18] = [
        '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.', '/', '*', '-', '+', '\r', '=', ',',
    ];
    const KEYPAD_MOVES: [KeyCode; 11] = [
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::Insert,
        KeyCode::Delete,
        KeyCode::KeypadBegin,
    ];
    let keypad = KeyEventState::KEYPAD;
    let code = usize::try_from(code).ok()?;
    Some(match code {
        57358 => (KeyCode::CapsLock, KeyEventState::NONE),
        57359 => (KeyCode::ScrollLock, KeyEventState::NONE),
        57360 => (KeyCode::NumLock, KeyEventState::NONE),
        57361 => (KeyCode::PrintScreen, KeyEventState::NONE),
        57362 => (KeyCode::Pause, KeyEventState::NONE),
        57363 => (KeyCode::Menu, KeyEventState::NONE),
        57376..=57398 => (
            KeyCode::F(u8::try_from(code - 57376 + 13).ok()?),
            KeyEventState::NONE,
        ),
        57399..=57416 => match KEYPAD[code - 57399] {
            '\r' => (KeyCode::Enter, keypad),
            c => (KeyCode::Char(c), keypad),
        },
        57417..=57427 => (KEYPAD_MOVES[code - 57417], keypad),
        _ => return None,
    })
}

/// `CSI code[:shifted] [; mods[:kind]] [; text] u`: a key in kitty's (or fixterms') form.
fn kitty(text: &str) -> Option<Event> {
    let mut parts = text.split(';');
    let mut codes = parts.next()?.split(':');
    let code = codes.next()?.parse::<u32>().ok()?;
    let (mut modifiers, kind, state) = parts.next().and_then(modifiers).unwrap_or((
        KeyModifiers::NONE,
        KeyEventKind::Press,
        KeyEventState::NONE,
    ));
    let (mut code, keypad) = match functional(code) {
        Some(found) => found,
        None => (
            match char::from_u32(code)? {
                '\x1b' => KeyCode::Esc,
                '\r' => KeyCode::Enter,
                '\t' if modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
                '\t' => KeyCode::Tab,
                '\x7f' => KeyCode::Backspace,
                c => KeyCode::Char(c),
            },
            KeyEventState::NONE,
        ),
    };
    // With "report alternate keys", Shift+a comes with the shifted key ("A") beside it.
    if modifiers.contains(KeyModifiers::SHIFT)
        && let Some(shifted) = codes
            .next()
            .and_then(|c| c.parse::<u32>().ok())
            .and_then(char::from_u32)
    {
        code = KeyCode::Char(shifted);
        modifiers.remove(KeyModifiers::SHIFT);
    }
    Some(Event::Key(KeyEvent::new_with_kind_and_state(
        code,
        modifiers,
        kind,
        keypad | state,
    )))
}

/// A mouse report's button byte: which button, dragged or not, and the modifiers held.
fn mouse(b: u8, column: u16, row: u16, released: bool) -> Option<Event> {
    let button = (b & 0b11) | ((b & 0b1100_0000) >> 4);
    let dragging = b & 0b10_0000 != 0;
    let kind = match (button, dragging) {
        (0, false) if released => MouseEventKind::Up(MouseButton::Left),
        (1, false) if released => MouseEventKind::Up(MouseButton::Middle),
        (2, false) if released => MouseEventKind::Up(MouseButton::Right),
        (0, false) => MouseEventKind::Down(MouseButton::Left),
        (1, false) => MouseEventKind::Down(MouseButton::Middle),
        (2, false) => MouseEventKind::Down(MouseButton::Right),
        (0, true) => MouseEventKind::Drag(MouseButton::Left),
        (1, true) => MouseEventKind::Drag(MouseButton::Middle),
        (2, true) => MouseEventKind::Drag(MouseButton::Right),
        (3, false) => MouseEventKind::Up(MouseButton::Left),
        (3..=5, true) => MouseEventKind::Moved,
        (4, false) => MouseEventKind::ScrollUp,
        (5, false) => MouseEventKind::ScrollDown,
        (6, false) => MouseEventKind::ScrollLeft,
        (7, false) => MouseEventKind::ScrollRight,
        _ => return None,
    };
    let mut modifiers = KeyModifiers::NONE;
    for (bit, m) in [
        (0b100, KeyModifiers::SHIFT),
        (0b1000, KeyModifiers::ALT),
        (0b1_0000, KeyModifiers::CONTROL),
    ] {
        if b & bit != 0 {
            modifiers |= m;
        }
    }
    Some(Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers,
    }))
}
