//! The one key table: every key of the TUI, the message it sends, its label in each
//! language and the screens where it applies. The keymap ([`map`]), each screen's footer
//! ([`hints`]), the `?` overlay and the README's key table ([`markdown_table`]) are all
//! read from [`BINDINGS`], so they cannot disagree.
//!
//! Entries are matched in order, so a screen-specific entry placed before a general one
//! wins. In a text field ([`Scope::Search`]) a plain character that no entry of that scope
//! claims is typed.

use std::fmt::Write as _;

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::msg::{Edit, Msg};
use crate::lang::Lang;

/// Where keys are read: a screen, a step of a guided session, or an overlay.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Home,
    Guide,
    Question,
    Outcome,
    Solved,
    Escalation,
    Reference,
    /// The search screen: keys go to its text field.
    Search,
    /// The `?` overlay.
    Help,
    /// The overlay listing guide files that could not be loaded.
    Problems,
    /// The known errors of a log file.
    Triage,
    /// The field asking which log file to triage.
    TriagePrompt,
    /// The guides being loaded: only help, quit and suspend.
    Loading,
}

impl Scope {
    /// Every scope, in the order the README lists them.
    pub const ALL: [Scope; 13] = [
        Scope::Home,
        Scope::Guide,
        Scope::Question,
        Scope::Outcome,
        Scope::Solved,
        Scope::Escalation,
        Scope::Reference,
        Scope::Search,
        Scope::Help,
        Scope::Problems,
        Scope::Triage,
        Scope::TriagePrompt,
        Scope::Loading,
    ];

    /// Whether keys go to a text field (so `q`, `b`, `/` are typed, not obeyed).
    #[must_use]
    pub fn typing(self) -> bool {
        matches!(self, Scope::Search | Scope::TriagePrompt)
    }

    /// The scope's name in the README table.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Scope::Home => "home",
            Scope::Guide => "guide",
            Scope::Question => "question",
            Scope::Outcome => "outcome",
            Scope::Solved => "solved",
            Scope::Escalation => "escalation",
            Scope::Reference => "reference",
            Scope::Search => "search",
            Scope::Help => "help",
            Scope::Problems => "problems",
            Scope::Triage => "triage",
            Scope::TriagePrompt => "triage path",
            Scope::Loading => "loading",
        }
    }
}

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

use Scope::{
    Escalation, Guide, Help, Home, Loading, Outcome, Problems, Question, Reference, Search, Solved,
    Triage, TriagePrompt,
};

const SCREENS: &[Scope] = &[
    Home, Guide, Question, Outcome, Solved, Escalation, Reference, Search, Triage,
];
const BROWSE: &[Scope] = &[
    Home, Guide, Question, Outcome, Solved, Escalation, Reference, Triage,
];
const OVERLAYS: &[Scope] = &[Help, Problems];
const SESSION: &[Scope] = &[Question, Outcome, Solved, Escalation];
const MOVING: &[Scope] = &[
    Home, Guide, Question, Outcome, Solved, Escalation, Reference, Search, Help, Problems, Triage,
];
const BROWSE_MOVING: &[Scope] = &[
    Home, Guide, Question, Outcome, Solved, Escalation, Reference, Help, Problems, Triage,
];
const ALL: &[Scope] = &Scope::ALL;
/// Where `?` and `q` work: the screens without a text field, and the loading screen.
const QUITTING: &[Scope] = &[
    Home, Guide, Question, Outcome, Solved, Escalation, Reference, Triage, Loading,
];
/// Scopes with a text field.
const FIELDS: &[Scope] = &[Search, TriagePrompt];

/// The key table, in the order the footer, the overlay and the README show it.
pub static BINDINGS: &[Binding] = &[
    Binding {
        keys: &[
            (Key::Code(KeyCode::Esc), Msg::Back),
            (Key::Char('?'), Msg::Back),
            (Key::Char('q'), Msg::Back),
            (Key::Code(KeyCode::F(1)), Msg::Back),
        ],
        shown: "Esc ? q",
        label: ("close", "stäng"),
        scopes: OVERLAYS,
        priority: 0,
    },
    Binding {
        keys: &[
            (Key::Code(KeyCode::Up), Msg::Up),
            (Key::Code(KeyCode::Down), Msg::Down),
        ],
        shown: "↑↓",
        label: ("move", "flytta"),
        scopes: MOVING,
        priority: 2,
    },
    Binding {
        keys: &[(Key::Char('k'), Msg::Up), (Key::Char('j'), Msg::Down)],
        shown: "k j",
        label: ("move", "flytta"),
        scopes: BROWSE_MOVING,
        priority: HELP_ONLY,
    },
    Binding {
        keys: &[
            (Key::Code(KeyCode::PageUp), Msg::PageUp),
            (Key::Code(KeyCode::PageDown), Msg::PageDown),
        ],
        shown: "PgUp PgDn",
        label: ("move a page", "flytta en sida"),
        scopes: MOVING,
        priority: HELP_ONLY,
    },
    Binding {
        keys: &[
            (Key::Code(KeyCode::Home), Msg::First),
            (Key::Code(KeyCode::End), Msg::Last),
        ],
        shown: "Home End",
        label: ("first, last", "första, sista"),
        scopes: BROWSE_MOVING,
        priority: HELP_ONLY,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Enter), Msg::Enter)],
        shown: "Enter",
        label: ("open", "öppna"),
        scopes: &[Home],
        priority: 1,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Enter), Msg::Enter)],
        shown: "Enter",
        label: ("open checklist", "öppna checklista"),
        scopes: &[Reference, Search],
        priority: 1,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Enter), Msg::Enter)],
        shown: "Enter",
        label: ("open its checklist", "öppna dess checklista"),
        scopes: &[Triage],
        priority: 1,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Esc), Msg::Back)],
        shown: "Esc",
        label: ("stop reading, then back", "sluta läsa, sedan tillbaka"),
        scopes: &[Triage],
        priority: 3,
    },
    Binding {
        keys: &[
            (Key::Digit, Msg::Choose(0)),
            (Key::Code(KeyCode::Enter), Msg::Enter),
        ],
        shown: "1-9 Enter",
        label: ("choose", "välj"),
        scopes: &[Guide, Question],
        priority: 1,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Enter), Msg::Enter)],
        shown: "Enter",
        label: ("the answer picked with Tab", "svaret valt med Tab"),
        scopes: &[Outcome],
        priority: HELP_ONLY,
    },
    Binding {
        keys: &[(Key::Char(' '), Msg::Tick)],
        shown: "Space",
        label: ("tick/untick step", "bocka av/i steg"),
        scopes: &[Outcome],
        priority: 1,
    },
    Binding {
        keys: &[
            (Key::Char('y'), Msg::Fixed),
            (Key::Char('n'), Msg::NotFixed),
        ],
        shown: "y n",
        label: ("fixed / not fixed", "löst / inte löst"),
        scopes: &[Outcome],
        priority: 1,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Enter), Msg::Enter)],
        shown: "Enter",
        label: ("read this file", "läs filen"),
        scopes: &[TriagePrompt],
        priority: 1,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Esc), Msg::Back)],
        shown: "Esc",
        label: ("cancel", "avbryt"),
        scopes: &[TriagePrompt],
        priority: 3,
    },
    Binding {
        keys: &[(Key::Char('p'), Msg::Problems)],
        shown: "p",
        label: ("load problems", "inläsningsproblem"),
        scopes: &[Home],
        priority: 3,
    },
    Binding {
        keys: &[(Key::Char('t'), Msg::OpenTriage)],
        shown: "t",
        label: ("triage a log file", "granska en loggfil"),
        scopes: &[Home],
        priority: 8,
    },
    Binding {
        keys: &[(Key::Char('o'), Msg::OpenLink)],
        shown: "o",
        label: ("open link", "öppna länk"),
        scopes: &[Outcome, Reference],
        priority: 4,
    },
    Binding {
        keys: &[(Key::Char('e'), Msg::Export)],
        shown: "e",
        label: ("save as Markdown", "spara som Markdown"),
        scopes: &[Outcome, Solved, Escalation],
        priority: 4,
    },
    Binding {
        keys: &[
            (Key::Char('b'), Msg::PreviousQuestion),
            (Key::Code(KeyCode::Backspace), Msg::PreviousQuestion),
        ],
        shown: "b ⌫",
        label: ("previous question", "föregående fråga"),
        scopes: SESSION,
        priority: 5,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Tab), Msg::NextFocus)],
        shown: "Tab",
        label: ("switch panel", "byt panel"),
        scopes: &[Question, Outcome, Reference],
        priority: 6,
    },
    Binding {
        keys: &[(Key::Char('r'), Msg::Restart)],
        shown: "r",
        label: ("restart", "börja om"),
        scopes: SESSION,
        priority: 7,
    },
    Binding {
        keys: &[
            (Key::Code(KeyCode::Esc), Msg::Back),
            (Key::Char('b'), Msg::Back),
            (Key::Code(KeyCode::Backspace), Msg::Back),
        ],
        shown: "Esc b",
        label: ("back", "tillbaka"),
        scopes: &[Guide, Reference],
        priority: 3,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Esc), Msg::Back)],
        shown: "Esc",
        label: ("back", "tillbaka"),
        scopes: SESSION,
        priority: 3,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Esc), Msg::Back)],
        shown: "Esc",
        label: ("clear, then back", "rensa, sedan tillbaka"),
        scopes: &[Search],
        priority: 3,
    },
    Binding {
        keys: &[(Key::Char('/'), Msg::OpenSearch)],
        shown: "/",
        label: ("search", "sök"),
        scopes: BROWSE,
        priority: 2,
    },
    Binding {
        keys: &[
            (Key::Code(KeyCode::Left), Msg::Edit(Edit::Left)),
            (Key::Code(KeyCode::Right), Msg::Edit(Edit::Right)),
        ],
        shown: "← →",
        label: ("move the cursor", "flytta markören"),
        scopes: FIELDS,
        priority: HELP_ONLY,
    },
    Binding {
        keys: &[
            (Key::Code(KeyCode::Home), Msg::Edit(Edit::Home)),
            (Key::Ctrl('a'), Msg::Edit(Edit::Home)),
            (Key::Code(KeyCode::End), Msg::Edit(Edit::End)),
            (Key::Ctrl('e'), Msg::Edit(Edit::End)),
        ],
        shown: "Home End C-a C-e",
        label: ("start, end of the field", "fältets början, slut"),
        scopes: FIELDS,
        priority: HELP_ONLY,
    },
    Binding {
        keys: &[
            (Key::Alt('b'), Msg::Edit(Edit::WordLeft)),
            (Key::CtrlCode(KeyCode::Left), Msg::Edit(Edit::WordLeft)),
            (Key::Alt('f'), Msg::Edit(Edit::WordRight)),
            (Key::CtrlCode(KeyCode::Right), Msg::Edit(Edit::WordRight)),
        ],
        shown: "M-b M-f C-← C-→",
        label: ("a word left, right", "ett ord vänster, höger"),
        scopes: FIELDS,
        priority: HELP_ONLY,
    },
    Binding {
        keys: &[
            (Key::Code(KeyCode::Backspace), Msg::Edit(Edit::Backspace)),
            (Key::Code(KeyCode::Delete), Msg::Edit(Edit::Delete)),
        ],
        shown: "⌫ Del",
        label: ("delete a character", "radera ett tecken"),
        scopes: FIELDS,
        priority: HELP_ONLY,
    },
    Binding {
        keys: &[
            (Key::Ctrl('w'), Msg::Edit(Edit::DeleteWord)),
            (Key::Ctrl('u'), Msg::Edit(Edit::ClearToStart)),
        ],
        shown: "C-w C-u",
        label: ("delete a word, to the start", "radera ett ord, till början"),
        scopes: FIELDS,
        priority: HELP_ONLY,
    },
    Binding {
        keys: &[
            (Key::Char('?'), Msg::Help),
            (Key::Code(KeyCode::F(1)), Msg::Help),
        ],
        shown: "? F1",
        label: ("help", "hjälp"),
        scopes: QUITTING,
        priority: 0,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::F(1)), Msg::Help)],
        shown: "F1",
        label: ("help", "hjälp"),
        scopes: FIELDS,
        priority: 0,
    },
    Binding {
        keys: &[(Key::Char('q'), Msg::Quit)],
        shown: "q",
        label: ("quit", "avsluta"),
        scopes: QUITTING,
        priority: 0,
    },
    Binding {
        keys: &[(Key::Ctrl('z'), Msg::Suspend)],
        shown: "Ctrl-Z",
        label: ("suspend (fg resumes)", "pausa (fg fortsätter)"),
        scopes: ALL,
        priority: HELP_ONLY,
    },
    Binding {
        keys: &[(Key::Ctrl('c'), Msg::Quit)],
        shown: "Ctrl-C",
        label: ("quit", "avsluta"),
        scopes: ALL,
        priority: 0,
    },
];

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
        _ => None,
    }
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
