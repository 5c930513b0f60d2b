//! The key table as data: one [`Binding`] a line of the README's table, in the order the
//! footer, the `?` overlay and the README show them. Entries are matched in order, so a
//! screen-specific entry placed before a general one wins. Adding a key is one entry here.

use ratatui::crossterm::event::KeyCode;

use super::{Binding, HELP_ONLY, Key, Scope};
use crate::tui::msg::{Edit, Msg};

use Scope::{
    Answers, Escalation, Export, Guide, Help, Home, Map, Outcome, Problems, Question, Reference,
    Search, Solved, Triage, TriagePrompt,
};

pub(super) const SCREENS: &[Scope] = &[
    Home, Guide, Question, Outcome, Solved, Escalation, Reference, Search, Triage, Map, Answers,
];
pub(super) const BROWSE: &[Scope] = &[
    Home, Guide, Question, Outcome, Solved, Escalation, Reference, Triage, Map, Answers,
];
pub(super) const OVERLAYS: &[Scope] = &[Help, Problems];
const SESSION: &[Scope] = &[Question, Outcome, Solved, Escalation];
const MOVING: &[Scope] = &[
    Home, Guide, Question, Outcome, Solved, Escalation, Reference, Search, Help, Problems, Triage,
    Map, Answers,
];
const BROWSE_MOVING: &[Scope] = &[
    Home, Guide, Question, Outcome, Solved, Escalation, Reference, Help, Problems, Triage, Map,
    Answers,
];
const ALL: &[Scope] = &Scope::ALL;
/// Where `?` and `q` work: the screens without a text field.
const QUITTING: &[Scope] = &[
    Home, Guide, Question, Outcome, Solved, Escalation, Reference, Triage, Map, Answers,
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
        keys: &[(Key::Ctrl('p'), Msg::Up), (Key::Ctrl('n'), Msg::Down)],
        shown: "C-p C-n",
        label: ("move", "flytta"),
        scopes: &[Search],
        priority: HELP_ONLY,
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
        keys: &[(Key::Code(KeyCode::Tab), Msg::Complete)],
        shown: "Tab",
        label: ("complete the path", "komplettera sökvägen"),
        scopes: &[TriagePrompt],
        priority: 2,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Esc), Msg::Back)],
        shown: "Esc",
        label: ("close", "stäng"),
        scopes: &[Export],
        priority: 1,
    },
    Binding {
        keys: &[
            (Key::Code(KeyCode::Up), Msg::Up),
            (Key::Code(KeyCode::Down), Msg::Down),
        ],
        shown: "↑↓",
        label: ("format / redaction", "format / maskering"),
        scopes: &[Export],
        priority: 3,
    },
    Binding {
        keys: &[(Key::Char(' '), Msg::Tick)],
        shown: "Space",
        label: ("change", "ändra"),
        scopes: &[Export],
        priority: 1,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Enter), Msg::Enter)],
        shown: "Enter",
        label: ("save", "spara"),
        scopes: &[Export],
        priority: 1,
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
        label: ("export", "exportera"),
        scopes: &[Outcome, Solved, Escalation],
        priority: 4,
    },
    Binding {
        keys: &[
            (Key::Char('b'), Msg::PreviousQuestion),
            (Key::Code(KeyCode::Backspace), Msg::PreviousQuestion),
            (Key::Ctrl('h'), Msg::PreviousQuestion),
        ],
        shown: "b ⌫ C-h",
        label: ("previous question", "föregående fråga"),
        scopes: SESSION,
        priority: 5,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Tab), Msg::NextFocus)],
        shown: "Tab",
        label: ("switch panel", "byt panel"),
        scopes: &[Question, Outcome, Reference, Answers],
        priority: 6,
    },
    Binding {
        keys: &[(Key::Char('c'), Msg::Copy)],
        shown: "c",
        label: ("copy", "kopiera"),
        scopes: &[Outcome, Solved, Escalation, Reference, Triage],
        priority: 5,
    },
    Binding {
        // The field takes `c`; Ctrl-Y copies the entry in other finders too (television).
        keys: &[(Key::Ctrl('y'), Msg::Copy)],
        shown: "C-y",
        label: ("copy the selected message", "kopiera valt meddelande"),
        scopes: &[Search],
        priority: HELP_ONLY,
    },
    Binding {
        keys: &[(Key::Char('C'), Msg::CopySession)],
        shown: "C",
        label: (
            "copy the session as Markdown",
            "kopiera sessionen som Markdown",
        ),
        scopes: &[Outcome],
        priority: HELP_ONLY,
    },
    Binding {
        keys: &[(Key::Char('m'), Msg::OpenMap)],
        shown: "m",
        label: ("map", "karta"),
        scopes: &[Guide, Question, Outcome, Solved, Escalation],
        priority: 6,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Enter), Msg::Enter)],
        shown: "Enter",
        label: ("back to this question", "tillbaka till frågan"),
        scopes: &[Map],
        priority: 2,
    },
    Binding {
        keys: &[(Key::Code(KeyCode::Enter), Msg::Enter)],
        shown: "Enter",
        label: ("back to this question", "tillbaka till frågan"),
        scopes: &[Answers],
        priority: 1,
    },
    Binding {
        keys: &[
            (Key::Code(KeyCode::Esc), Msg::Back),
            (Key::Char('m'), Msg::Back),
        ],
        shown: "Esc m",
        label: ("close the map", "stäng kartan"),
        scopes: &[Map],
        priority: 1,
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
            (Key::Ctrl('h'), Msg::Back),
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
        keys: &[(Key::Code(KeyCode::Esc), Msg::NextFocus)],
        shown: "Esc",
        label: ("back to the main panel", "tillbaka till huvudpanelen"),
        scopes: &[Answers],
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
            (Key::AltCode(KeyCode::Left), Msg::Edit(Edit::WordLeft)),
            (Key::Alt('f'), Msg::Edit(Edit::WordRight)),
            (Key::CtrlCode(KeyCode::Right), Msg::Edit(Edit::WordRight)),
            (Key::AltCode(KeyCode::Right), Msg::Edit(Edit::WordRight)),
        ],
        shown: "M-b M-f C-← C-→ M-← M-→",
        label: ("a word left, right", "ett ord vänster, höger"),
        scopes: FIELDS,
        priority: HELP_ONLY,
    },
    Binding {
        // Many terminals send ^H for Backspace (PuTTY, stty erase ^H, some Windows set-ups).
        keys: &[
            (Key::Code(KeyCode::Backspace), Msg::Edit(Edit::Backspace)),
            (Key::Ctrl('h'), Msg::Edit(Edit::Backspace)),
            (Key::Code(KeyCode::Delete), Msg::Edit(Edit::Delete)),
        ],
        shown: "⌫ C-h Del",
        label: ("delete a character", "radera ett tecken"),
        scopes: FIELDS,
        priority: HELP_ONLY,
    },
    Binding {
        // Ctrl-Backspace is told apart only where the terminal speaks the kitty protocol;
        // elsewhere it is ^H, a character.
        keys: &[
            (Key::Ctrl('w'), Msg::Edit(Edit::DeleteWord)),
            (
                Key::AltCode(KeyCode::Backspace),
                Msg::Edit(Edit::DeleteWord),
            ),
            (
                Key::CtrlCode(KeyCode::Backspace),
                Msg::Edit(Edit::DeleteWord),
            ),
        ],
        shown: "C-w M-⌫ C-⌫",
        label: ("delete the word before", "radera ordet före"),
        scopes: FIELDS,
        priority: HELP_ONLY,
    },
    Binding {
        keys: &[
            (Key::Alt('d'), Msg::Edit(Edit::DeleteWordRight)),
            (
                Key::CtrlCode(KeyCode::Delete),
                Msg::Edit(Edit::DeleteWordRight),
            ),
            (
                Key::AltCode(KeyCode::Delete),
                Msg::Edit(Edit::DeleteWordRight),
            ),
        ],
        shown: "M-d C-Del M-Del",
        label: ("delete the word after", "radera ordet efter"),
        scopes: FIELDS,
        priority: HELP_ONLY,
    },
    Binding {
        keys: &[
            (Key::Ctrl('u'), Msg::Edit(Edit::ClearToStart)),
            (Key::Ctrl('k'), Msg::Edit(Edit::ClearToEnd)),
        ],
        shown: "C-u C-k",
        label: ("delete to the start, the end", "radera till början, slutet"),
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
