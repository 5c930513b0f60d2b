//! The one key table: every key of the TUI, the message it sends, its label in each
//! language and the screens where it applies. The keymap ([`map`]), each screen's footer
//! ([`hints`]), the `?` overlay and the README's key table ([`markdown_table`]) are all
//! read from [`BINDINGS`], so they cannot disagree.
//!
//! The table itself is data and lives in `table.rs` (a new key is one [`Binding`] there);
//! the scopes are in `scope.rs`; this file reads the table.
//!
//! Entries are matched in order, so a screen-specific entry placed before a general one
//! wins. In a text field ([`Scope::Search`]) a plain character that no entry of that scope
//! claims is typed.

use std::fmt::Write as _;

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::msg::Msg;
use crate::lang::Lang;

mod scope;
mod table;

pub use scope::Scope;
pub use table::BINDINGS;
use table::{BROWSE, OVERLAYS, SCREENS};

/// A key as the table writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// A character typed without Ctrl or Alt (Shift is part of the character).
    Char(char),
    /// Ctrl and a letter.
    Ctrl(char),
    /// Alt and a letter.
    Alt(char),
    /// A named key without Ctrl or Alt.
    Code(KeyCode),
    /// A named key with Ctrl.
    CtrlCode(KeyCode),
    /// A named key with Alt (and without Ctrl).
    AltCode(KeyCode),
    /// `1`–`9`: sends [`Msg::Choose`] with the digit.
    Digit,
}

impl Key {
    fn matches(self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        match (self, key.code) {
            (Key::Char(c), KeyCode::Char(k)) => !ctrl && !alt && c == k,
            (Key::Ctrl(c), KeyCode::Char(k)) => ctrl && !alt && c == k.to_ascii_lowercase(),
            (Key::Alt(c), KeyCode::Char(k)) => alt && !ctrl && c == k.to_ascii_lowercase(),
            (Key::Code(c), k) => {
                !ctrl && !alt && (c == k || (c == KeyCode::Tab && k == KeyCode::BackTab))
            }
            (Key::CtrlCode(c), k) => ctrl && c == k,
            (Key::AltCode(c), k) => alt && !ctrl && c == k,
            (Key::Digit, KeyCode::Char('1'..='9')) => !ctrl && !alt,
            _ => false,
        }
    }
}

/// One line of the key table.
#[derive(Debug)]
pub struct Binding {
    /// The keys and the message each sends.
    pub keys: &'static [(Key, Msg)],
    /// The keys as shown to the user.
    pub shown: &'static str,
    /// What they do: English, Swedish.
    pub label: (&'static str, &'static str),
    /// Where they apply.
    pub scopes: &'static [Scope],
    /// Footer priority: 0 always fits, higher goes first when room is short; `HELP_ONLY`
    /// is listed in the `?` overlay but never in the footer.
    pub priority: u8,
}

impl Binding {
    /// The keys as the footer shows them: when all of them do the same thing, the first
    /// alone (`?` for `? F1`, `Esc` for `Esc ? q`).
    #[must_use]
    pub fn short(&self) -> &'static str {
        let same = self.keys.windows(2).all(|w| w[0].1 == w[1].1);
        if same {
            self.shown.split(' ').next().unwrap_or(self.shown)
        } else {
            self.shown
        }
    }

    /// The label in `lang`.
    #[must_use]
    pub fn label(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.label.0,
            Lang::Sv => self.label.1,
        }
    }
}

/// A priority that keeps a binding out of the footer.
pub const HELP_ONLY: u8 = u8::MAX;

/// The bindings that apply in `scope`, in table order.
pub fn applying(scope: Scope) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.scopes.contains(&scope))
}

/// The message an input event means in `scope`, if any.
#[must_use]
pub fn map(scope: Scope, event: &Event) -> Option<Msg> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => map_key(scope, key),
        Event::Paste(text) => Some(Msg::Paste(text.clone())),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollUp => Some(Msg::Scroll(-3)),
            MouseEventKind::ScrollDown => Some(Msg::Scroll(3)),
            MouseEventKind::Down(MouseButton::Left) => Some(Msg::Click {
                x: mouse.column,
                y: mouse.row,
            }),
            _ => None,
        },
        _ => None,
    }
}

fn map_key(scope: Scope, key: &KeyEvent) -> Option<Msg> {
    for binding in applying(scope) {
        for (k, msg) in binding.keys {
            if k.matches(key) {
                return Some(match (k, key.code) {
                    (Key::Digit, KeyCode::Char(c)) => Msg::Choose(c.to_digit(10)? as usize),
                    _ => msg.clone(),
                });
            }
        }
    }
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        KeyCode::Char(c) if scope.typing() && plain => Some(Msg::Type(c)),
        // Caps Lock on: an uppercase letter no entry claims acts as its lowercase one
        // (`C` is bound, so it stays itself).
        KeyCode::Char(c) if plain && c.is_uppercase() => {
            let mut lower = *key;
            lower.code = KeyCode::Char(c.to_lowercase().next()?);
            lower.modifiers.remove(KeyModifiers::SHIFT);
            let lowered = lower.code != key.code;
            lowered.then(|| map_key(scope, &lower)).flatten()
        }
        _ => None,
    }
}

/// An Alt+key that means nothing where it was pressed, read as what it most likely was:
/// Esc typed just before the key, both arriving together (ESC and the key is how a
/// terminal writes Alt+key). `None` for any other event. The loop maps each of the two in
/// turn, so the key acts on the screen Esc leads to.
#[must_use]
pub fn split_alt(event: &Event) -> Option<[Event; 2]> {
    let Event::Key(key) = event else {
        return None;
    };
    if !key.modifiers.contains(KeyModifiers::ALT) || key.kind == KeyEventKind::Release {
        return None;
    }
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    let mut rest = *key;
    rest.modifiers.remove(KeyModifiers::ALT);
    Some([Event::Key(esc), Event::Key(rest)])
}

/// The footer hints of `scope` as (keys, label), in table order.
#[must_use]
pub fn hints(scope: Scope, lang: Lang) -> Vec<(&'static str, &'static str, u8)> {
    applying(scope)
        .filter(|b| b.priority != HELP_ONLY)
        .map(|b| (b.shown, b.label(lang), b.priority))
        .collect()
}

/// The README's key table: one row a binding, in table order.
#[must_use]
pub fn markdown_table() -> String {
    let mut out = String::from("| keys | meaning | where |\n|---|---|---|\n");
    for b in BINDINGS {
        let keys: Vec<String> = b.shown.split(' ').map(|k| format!("`{k}`")).collect();
        let has = |set: &[Scope]| set.iter().all(|s| b.scopes.contains(s));
        let overlays = has(OVERLAYS);
        let scopes = if has(SCREENS) && overlays {
            "everywhere".to_owned()
        } else if has(SCREENS) {
            "every screen".to_owned()
        } else if has(BROWSE) && overlays {
            "everywhere but the search field".to_owned()
        } else if has(BROWSE) {
            "every screen but search".to_owned()
        } else {
            let names: Vec<&str> = b.scopes.iter().map(|s| s.name()).collect();
            names.join(", ")
        };
        let _ = writeln!(out, "| {} | {} | {} |", keys.join(" "), b.label.0, scopes);
    }
    out
}
