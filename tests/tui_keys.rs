//! The key table is the one source: the README's table equals it, the keymap follows it
//! per scope (a golden table with negative cases), and every footer fits its width
//! without cutting a hint, with help (and quit from 60 columns) always there.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use tshoot::lang::Lang;
use tshoot::tui::keys::{self, Scope};
use tshoot::tui::layout::footer;
use tshoot::tui::msg::{Edit, Msg};
use tshoot::tui::theme::Theme;

#[test]
fn the_readme_key_table_is_the_key_table() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let start =
        readme.find("<!-- keys:start -->\n").expect("start marker") + "<!-- keys:start -->\n".len();
    let end = readme.find("<!-- keys:end -->").expect("end marker");
    assert_eq!(
        &readme[start..end],
        keys::markdown_table(),
        "README.md's key table differs from src/tui/keys.rs; paste the right side in"
    );
}

fn key(code: KeyCode, mods: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, mods))
}

#[test]
fn the_keymap_per_scope() {
    use KeyCode::{Backspace, Char, Delete, Esc, F, Home, Left, Right, Up};
    let none = KeyModifiers::NONE;
    let ctrl = KeyModifiers::CONTROL;
    let alt = KeyModifiers::ALT;
    let shift = KeyModifiers::SHIFT;
    let cases: &[(Scope, KeyCode, KeyModifiers, Option<Msg>)] = &[
        // Outside text fields letters are commands…
        (Scope::Home, Char('q'), none, Some(Msg::Quit)),
        (Scope::Home, Char('/'), none, Some(Msg::OpenSearch)),
        (Scope::Home, Char('?'), none, Some(Msg::Help)),
        (Scope::Home, F(1), none, Some(Msg::Help)),
        (Scope::Home, Char('j'), none, Some(Msg::Down)),
        (Scope::Home, Char('p'), none, Some(Msg::Problems)),
        (Scope::Question, Char('3'), none, Some(Msg::Choose(3))),
        (
            Scope::Question,
            Char('b'),
            none,
            Some(Msg::PreviousQuestion),
        ),
        (
            Scope::Question,
            Backspace,
            none,
            Some(Msg::PreviousQuestion),
        ),
        (Scope::Outcome, Char(' '), none, Some(Msg::Tick)),
        (Scope::Outcome, Char('n'), none, Some(Msg::NotFixed)),
        (Scope::Reference, Char('b'), none, Some(Msg::Back)),
        (Scope::Escalation, Char('j'), none, Some(Msg::Down)),
        // … and only where they apply.
        (Scope::Home, Char('y'), none, None),
        (Scope::Home, Char('0'), none, None),
        (Scope::Question, Char(' '), none, None),
        (Scope::Reference, Char('e'), none, None),
        // In the search field they are typed; F1 and Ctrl-C still work.
        (Scope::Search, Char('q'), none, Some(Msg::Type('q'))),
        (Scope::Search, Char('?'), none, Some(Msg::Type('?'))),
        (Scope::Search, Char('/'), none, Some(Msg::Type('/'))),
        (Scope::Search, Char('7'), none, Some(Msg::Type('7'))),
        (Scope::Search, F(1), none, Some(Msg::Help)),
        (Scope::Search, Char('c'), ctrl, Some(Msg::Quit)),
        (Scope::Search, Esc, none, Some(Msg::Back)),
        (Scope::Search, Up, none, Some(Msg::Up)),
        (Scope::Search, Home, none, Some(Msg::Edit(Edit::Home))),
        (Scope::Search, Left, ctrl, Some(Msg::Edit(Edit::WordLeft))),
        (
            Scope::Search,
            Char('b'),
            alt,
            Some(Msg::Edit(Edit::WordLeft)),
        ),
        (
            Scope::Search,
            Char('w'),
            ctrl,
            Some(Msg::Edit(Edit::DeleteWord)),
        ),
        (
            Scope::Search,
            Char('u'),
            ctrl,
            Some(Msg::Edit(Edit::ClearToStart)),
        ),
        (
            Scope::Search,
            Backspace,
            none,
            Some(Msg::Edit(Edit::Backspace)),
        ),
        (Scope::Search, Char('x'), ctrl, None),
        // Line editing as readline, fzf and the shells have it.
        (
            Scope::Search,
            Char('h'),
            ctrl,
            Some(Msg::Edit(Edit::Backspace)),
        ),
        (
            Scope::Search,
            Backspace,
            alt,
            Some(Msg::Edit(Edit::DeleteWord)),
        ),
        (
            Scope::Search,
            Backspace,
            ctrl,
            Some(Msg::Edit(Edit::DeleteWord)),
        ),
        (Scope::Search, Left, alt, Some(Msg::Edit(Edit::WordLeft))),
        (Scope::Search, Right, alt, Some(Msg::Edit(Edit::WordRight))),
        (
            Scope::Search,
            Char('d'),
            alt,
            Some(Msg::Edit(Edit::DeleteWordRight)),
        ),
        (
            Scope::Search,
            Delete,
            ctrl,
            Some(Msg::Edit(Edit::DeleteWordRight)),
        ),
        (
            Scope::Search,
            Delete,
            alt,
            Some(Msg::Edit(Edit::DeleteWordRight)),
        ),
        (
            Scope::Search,
            Char('k'),
            ctrl,
            Some(Msg::Edit(Edit::ClearToEnd)),
        ),
        (
            Scope::TriagePrompt,
            Char('h'),
            ctrl,
            Some(Msg::Edit(Edit::Backspace)),
        ),
        (
            Scope::TriagePrompt,
            Char('k'),
            ctrl,
            Some(Msg::Edit(Edit::ClearToEnd)),
        ),
        (
            Scope::TriagePrompt,
            Backspace,
            alt,
            Some(Msg::Edit(Edit::DeleteWord)),
        ),
        // ^H is Backspace outside the fields too; Alt does not make an arrow a move.
        (
            Scope::Question,
            Char('h'),
            ctrl,
            Some(Msg::PreviousQuestion),
        ),
        (Scope::Reference, Char('h'), ctrl, Some(Msg::Back)),
        (Scope::Home, Up, alt, None),
        (Scope::Search, Delete, none, Some(Msg::Edit(Edit::Delete))),
        // fzf's Ctrl-N / Ctrl-P move through the hits.
        (Scope::Search, Char('n'), ctrl, Some(Msg::Down)),
        (Scope::Search, Char('p'), ctrl, Some(Msg::Up)),
        // Caps Lock: an uppercase letter with no binding of its own acts as its lowercase
        // one; `C` keeps its own; in a field it is typed.
        (Scope::Outcome, Char('Y'), shift, Some(Msg::Fixed)),
        (Scope::Outcome, Char('N'), shift, Some(Msg::NotFixed)),
        (Scope::Home, Char('J'), shift, Some(Msg::Down)),
        (Scope::Home, Char('Q'), shift, Some(Msg::Quit)),
        (Scope::Outcome, Char('C'), shift, Some(Msg::CopySession)),
        (Scope::Reference, Char('C'), shift, Some(Msg::Copy)),
        (Scope::Search, Char('Q'), shift, Some(Msg::Type('Q'))),
        (Scope::Home, Char('Y'), shift, None),
        (Scope::Answers, Char(' '), none, None),
        (Scope::Answers, KeyCode::Enter, none, Some(Msg::Enter)),
        (Scope::Answers, Esc, none, Some(Msg::NextFocus)),
        // The help overlay closes with Esc, ? or q; q does not quit there, Ctrl-C does.
        (Scope::Help, Char('q'), none, Some(Msg::Back)),
        (Scope::Help, Char('?'), none, Some(Msg::Back)),
        (Scope::Help, Esc, none, Some(Msg::Back)),
        (Scope::Help, Char('c'), ctrl, Some(Msg::Quit)),
        (Scope::Help, Char('/'), none, None),
        (Scope::Problems, Char('q'), none, Some(Msg::Back)),
    ];
    for (scope, code, mods, want) in cases {
        assert_eq!(
            &keys::map(*scope, &key(*code, *mods)),
            want,
            "{scope:?} {code:?} {mods:?}"
        );
    }
    for scope in Scope::ALL {
        assert_eq!(
            keys::map(scope, &key(Char('c'), ctrl)),
            Some(Msg::Quit),
            "Ctrl-C quits from {scope:?}"
        );
    }
}

/// The footer as drawn in `width` columns.
fn footer_text(scope: Scope, lang: Lang, width: u16) -> String {
    let area = Rect::new(0, 0, width, 1);
    let mut buf = Buffer::empty(area);
    footer::render(
        scope,
        lang,
        &|_| true,
        None,
        area,
        &mut buf,
        &Theme::plain(),
    );
    (0..width).map(|x| buf[(x, 0)].symbol()).collect()
}

#[test]
fn every_footer_fits_whole_hints_with_help_and_quit() {
    for lang in [Lang::En, Lang::Sv] {
        for scope in Scope::ALL {
            for width in [40u16, 59, 60, 80, 120] {
                let shown = footer_text(scope, lang, width);
                let fitted = footer::fit(scope, lang, width, &|_| true);
                let expected: Vec<String> = fitted
                    .iter()
                    .map(|b| format!("{} {}", b.short(), b.label(lang)))
                    .collect();
                // The drawn line is exactly the fitted hints: nothing cut at the edge.
                assert_eq!(
                    shown.trim_end(),
                    expected.join("  "),
                    "{scope:?} at {width} in {lang:?}"
                );
                let has = |msg: &Msg| fitted.iter().any(|b| b.keys.iter().any(|(_, m)| m == msg));
                if matches!(scope, Scope::Help | Scope::Problems | Scope::Export) {
                    assert!(has(&Msg::Back), "close in {scope:?}");
                    continue;
                }
                assert!(has(&Msg::Help), "help in {scope:?} at {width}");
                if width >= footer::NARROW {
                    assert!(has(&Msg::Quit), "quit in {scope:?} at {width}");
                }
            }
        }
    }
}
