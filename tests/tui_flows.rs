//! The TUI driven by key scripts, no terminal needed: every ITSMC error reached through the
//! tree, back and breadcrumb jumps, ticks, "not fixed" to the next candidate and on to
//! escalation, a paste in search opened in the reference, and the real loop on a
//! `TestBackend`.

mod tui_common;

use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tshoot::guide::catalog::{Catalog, Source};
use tshoot::guide::{Guide, Next};
use tshoot::lang::Lang;
use tshoot::session::{ErrorRef, NodeRef, Place};
use tshoot::tui::terminal::{World, event_loop};
use tshoot::tui::{App, Screen};

fn app() -> App {
    App::new(Catalog::load(&[Source::Builtin]), Lang::En)
}

/// Key events for a script: words separated by spaces; `<enter>`, `<esc>`, `<tab>`,
/// `<up>`, `<down>`, `<bs>`, `<space>`, `<c-c>` name keys, anything else is typed.
fn events(script: &str) -> Vec<Event> {
    let key = |code| Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    let mut out = Vec::new();
    for word in script.split(' ').filter(|w| !w.is_empty()) {
        match word {
            "<enter>" => out.push(key(KeyCode::Enter)),
            "<esc>" => out.push(key(KeyCode::Esc)),
            "<tab>" => out.push(key(KeyCode::Tab)),
            "<up>" => out.push(key(KeyCode::Up)),
            "<down>" => out.push(key(KeyCode::Down)),
            "<bs>" => out.push(key(KeyCode::Backspace)),
            "<space>" => out.push(key(KeyCode::Char(' '))),
            "<c-c>" => out.push(Event::Key(KeyEvent::new(
                KeyCode::Char('c'),
                KeyModifiers::CONTROL,
            ))),
            typed => out.extend(typed.chars().map(|c| key(KeyCode::Char(c)))),
        }
    }
    out
}

/// Feeds a script through the keymap and `update`; returns whether it asked to quit.
fn press(app: &mut App, script: &str) -> bool {
    for event in events(script) {
        if let Some(msg) = app.map(&event)
            && app.update(msg) == Some(tshoot::tui::Effect::Quit)
        {
            return true;
        }
    }
    false
}

fn at(app: &App) -> Place {
    match app.top() {
        Screen::Session(s) => s.session.at().clone(),
        other => panic!("not in a walk: {other:?}"),
    }
}

fn dash(error: &str) -> Place {
    Place::Outcome(ErrorRef::new("itsmc-dashboard-errors", error))
}

fn dash_question(node: &str) -> Place {
    Place::Question(NodeRef::new("itsmc-dashboard-errors", node))
}

/// The answer numbers (1-based) that lead from the start to `error` within its guide,
/// shortest first; `None` when only another guide's answers lead to it.
fn path_to(guide: &Guide, error: usize) -> Option<Vec<usize>> {
    path_to_answer(guide, |next| *next == Next::Error(error))
}

/// The answer numbers (1-based) from the start to the first answer whose target `wanted`
/// accepts, that answer included, staying in the guide.
fn path_to_answer(guide: &Guide, wanted: impl Fn(&Next) -> bool) -> Option<Vec<usize>> {
    let mut queue = VecDeque::from([(guide.start, Vec::new())]);
    while let Some((node, path)) = queue.pop_front() {
        for (i, answer) in guide.nodes[node].answers.iter().enumerate() {
            let mut next_path = path.clone();
            next_path.push(i + 1);
            if wanted(&answer.next) {
                return Some(next_path);
            }
            if let Next::Node(n) = answer.next
                && next_path.len() < 8
            {
                queue.push_back((n, next_path));
            }
        }
    }
    None
}

fn numbers(path: &[usize]) -> String {
    path.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_tree_leads_to_every_itsmc_error_by_number_keys() {
    let catalog = Catalog::load(&[Source::Builtin]);
    for (g, guide) in catalog.guides.iter().enumerate() {
        for e in 0..guide.errors.len() {
            let Some(path) = path_to(guide, e) else {
                continue;
            };
            let mut app = app();
            let down = "<down> ".repeat(g);
            let answers: Vec<String> = path.iter().map(ToString::to_string).collect();
            press(&mut app, &format!("{down}<enter> 1 {}", answers.join(" ")));
            assert_eq!(
                at(&app),
                Place::Outcome(ErrorRef::new(&guide.id, &guide.errors[e].id)),
                "{}/{}",
                guide.id,
                guide.errors[e].id
            );
        }
    }
}

#[test]
fn back_jump_and_rebranch_keep_the_breadcrumb_equal_to_the_path() {
    let mut app = app();
    press(&mut app, "<enter> 1 1 6");
    assert_eq!(at(&app), dash("missing-connector"));
    press(&mut app, "b");
    assert_eq!(at(&app), dash_question("status-message"));
    // Jump through the breadcrumb to the first question and choose differently.
    press(&mut app, "<tab> <up> <enter> 2");
    assert_eq!(at(&app), dash("lack-of-connection-details"));
    let Screen::Session(s) = app.top() else {
        unreachable!()
    };
    assert_eq!(s.session.path().len(), 1);
    press(&mut app, "r");
    assert_eq!(at(&app), dash_question("where-seen"));
    press(&mut app, "<bs> <bs>");
    assert_eq!(
        at(&app),
        dash_question("where-seen"),
        "nothing before the first question"
    );
}

#[test]
fn ticks_survive_going_back_and_forth() {
    let mut app = app();
    press(&mut app, "<enter> 1 1 6 <space> <down> <down> <space>");
    let missing = ErrorRef::new("itsmc-dashboard-errors", "missing-connector");
    let ticks = |app: &App| match app.top() {
        Screen::Session(s) => (0..5)
            .map(|i| s.session.is_ticked(&missing, i))
            .collect::<Vec<_>>(),
        _ => unreachable!(),
    };
    assert_eq!(ticks(&app), [true, false, true, false, false]);
    press(&mut app, "b 6");
    assert_eq!(ticks(&app), [true, false, true, false, false]);
    press(&mut app, "<space>");
    assert_eq!(ticks(&app), [false, false, true, false, false]);
}

/// The errors a session offered, in order, after the first outcome.
fn tried_titles(app: &App) -> Vec<String> {
    let Screen::Session(s) = app.top() else {
        panic!("not in a session")
    };
    s.session.tried().iter().map(ToString::to_string).collect()
}

#[test]
fn after_429_not_fixed_reaches_escalation_after_its_related_errors_only() {
    let mut app = app();
    let guide = app
        .cx
        .catalog
        .guide("itsmc-dashboard-errors")
        .expect("built in");
    let rate = guide.error("servicenow-rate-problem").expect("exists");
    let path: Vec<String> = path_to(
        guide,
        guide
            .errors
            .iter()
            .position(|e| e.id == rate.id)
            .expect("exists"),
    )
    .expect("answers lead to it")
    .iter()
    .map(ToString::to_string)
    .collect();
    let related = rate.related.len();
    let _ = guide;
    press(&mut app, &format!("<enter> 1 {}", path.join(" ")));
    assert_eq!(at(&app), dash("servicenow-rate-problem"));
    let mut presses = 0;
    while matches!(at(&app), Place::Outcome(_)) {
        press(&mut app, "n");
        presses += 1;
        assert!(presses <= related + 1, "more than its related errors");
    }
    assert_eq!(at(&app), Place::Escalation);
    // None of the other status messages, which the person said they do not see.
    for tried in tried_titles(&app).iter().skip(1) {
        for other in [
            "unexpected-response",
            "exception-update-failure",
            "problem-sending-a-request",
            "invalid-refresh-token",
            "missing-connector",
            "authentication",
        ] {
            assert_ne!(tried, &format!("itsmc-dashboard-errors/{other}"));
        }
    }
    let screen = screen_text(&mut app, 80, 24);
    assert!(screen.contains("Nothing helped"), "{screen}");
}

#[test]
fn no_work_items_then_not_fixed_offers_the_dashboard_errors_in_related_order() {
    let mut app = app();
    // The troubleshooting guide: no work items appear, and none of the narrower causes.
    let trouble = app
        .cx
        .catalog
        .guide("itsmc-troubleshooting")
        .expect("built in");
    let error = trouble
        .errors
        .iter()
        .position(|e| e.id == "work-items-not-created")
        .expect("exists");
    let path = numbers(&path_to(trouble, error).expect("answers lead to it"));
    press(&mut app, &format!("<down> <enter> 1 {path}"));
    assert_eq!(
        at(&app),
        Place::Outcome(ErrorRef::new(
            "itsmc-troubleshooting",
            "work-items-not-created"
        ))
    );
    let (_, entry) = ErrorRef::new("itsmc-troubleshooting", "work-items-not-created")
        .find(&app.cx.catalog)
        .expect("built in");
    let related: Vec<String> = entry
        .related
        .iter()
        .filter_map(|r| match r {
            tshoot::guide::Related::Other { guide, error, .. } => Some(format!("{guide}/{error}")),
            tshoot::guide::Related::Local(_) => None,
        })
        .collect();
    let related_count = entry.related.len();
    assert!(!related.is_empty(), "its related dashboard errors");
    let mut offered = Vec::new();
    while matches!(at(&app), Place::Outcome(_)) {
        press(&mut app, "n");
        if let Place::Outcome(e) = at(&app) {
            offered.push(e.to_string());
        }
        assert!(offered.len() <= related_count);
    }
    assert!(
        !offered.iter().any(|e| e.ends_with("/duplicate-work-items")),
        "the opposite symptom: {offered:?}"
    );
    let dashboard: Vec<&String> = offered
        .iter()
        .filter(|e| e.starts_with("itsmc-dashboard-errors/"))
        .collect();
    let in_order: Vec<&String> = related.iter().filter(|r| dashboard.contains(r)).collect();
    assert_eq!(dashboard, in_order, "in the author's order");
    assert!(!dashboard.is_empty());
}

#[test]
fn a_cross_guide_answer_crosses_and_a_jump_back_returns_across() {
    let mut app = app();
    let trouble = app
        .cx
        .catalog
        .guide("itsmc-troubleshooting")
        .expect("built in");
    let path = path_to_answer(
        trouble,
        |next| matches!(next, Next::OtherGuide { guide, .. } if guide == "itsmc-dashboard-errors"),
    )
    .expect("an answer goes on in the dashboard guide");
    let crumbs_before = path.len();
    press(&mut app, &format!("<down> <enter> 1 {}", numbers(&path)));
    assert_eq!(at(&app), dash_question("where-seen"));
    let screen = screen_text(&mut app, 80, 24);
    assert!(
        screen.contains("→ Connector status errors"),
        "the breadcrumb shows the crossing:\n{screen}"
    );
    assert!(
        screen.contains("Troubleshooting the ITSM Connector (ITSMC) → Connector"),
        "{screen}"
    );
    press(&mut app, "1 1");
    assert_eq!(at(&app), dash("unexpected-response"));
    // Back across the crossing: the first crumb is the troubleshooting question.
    let ups = "<up> ".repeat(crumbs_before + 1);
    press(&mut app, &format!("<tab> {ups}<enter>"));
    assert_eq!(
        at(&app),
        Place::Question(NodeRef::new("itsmc-troubleshooting", "what-goes-wrong"))
    );
    let Screen::Session(s) = app.top() else {
        unreachable!()
    };
    assert!(s.session.path().is_empty());
}

/// The screen drawn at this size, as text.
fn screen_text(app: &mut App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal
        .draw(|f| f.render_widget(&mut *app, f.area()))
        .expect("draws");
    let buffer = terminal.backend().buffer().clone();
    (0..h)
        .map(|y| {
            (0..w)
                .map(|x| buffer[(x, y)].symbol().to_owned())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_pasted_message_becomes_a_session_that_ends_in_an_export_carrying_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let world = World {
        sessions: Some(dir.path().join("sessions")),
        browser: false,
        hyperlinks: false,
        suspend: false,
        store: None,
    };
    let mut app = app();
    press(&mut app, "/");
    assert!(app.typing());
    let paste = "2024-11-03T08:15:22Z ERROR Could not create/update work item for alert CPU-High.\nITSM Connector 0c9e41d2-1f3a-4b5c-8d7e-0123456789ab does not exist or was deleted.";
    let msg = app.map(&Event::Paste(paste.to_owned())).expect("a paste");
    app.update(msg);
    let Screen::Search(search) = app.top() else {
        panic!("not searching")
    };
    assert_eq!(
        search.hits[0].captures[0],
        ("alertName".to_owned(), "CPU-High".to_owned())
    );
    // Enter starts a session at the hit's outcome, with the message and its values.
    press(&mut app, "<enter>");
    assert_eq!(at(&app), dash("missing-connector"));
    let screen = screen_text(&mut app, 80, 24);
    assert!(
        screen.contains("from search “2024-11-03T08:15:22Z"),
        "{screen}"
    );
    assert!(screen.contains("alertName = CPU-High"), "{screen}");
    press(&mut app, "<space>");
    while matches!(at(&app), Place::Outcome(_)) {
        press(&mut app, "n");
    }
    assert_eq!(at(&app), Place::Escalation);
    // The export overlay masks by default; these checks read the values as typed, so
    // redaction is turned off (↓ Space) before Enter writes the file.
    run_script(&mut app, &world, "e <down> <space> <enter>");
    let saved: Vec<_> = std::fs::read_dir(dir.path().join("sessions"))
        .expect("saved")
        .filter_map(Result::ok)
        .collect();
    assert_eq!(saved.len(), 1, "{:?}", app.status);
    let text = std::fs::read_to_string(saved[0].path()).expect("readable");
    for expected in [
        "- Started from: a search → Missing connector",
        "## Your message",
        "ITSM Connector 0c9e41d2-1f3a-4b5c-8d7e-0123456789ab does not exist or was deleted.",
        "- ` alertName ` = ` CPU-High `",
        "- [x] ",
        "Not fixed; escalated.",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    // The file is named after the time written inside it.
    let name = saved[0].file_name().to_string_lossy().into_owned();
    let stamp = name.trim_start_matches("tshoot-").trim_end_matches(".md");
    let (date, time) = stamp.split_once('-').expect("date-time");
    let written = format!(
        "{}-{}-{} {}:{}:{}",
        &date[..4],
        &date[4..6],
        &date[6..],
        &time[..2],
        &time[2..4],
        &time[4..6]
    );
    assert!(
        text.contains(&format!("- Exported: {written} +00:00")),
        "{name}\n{text}"
    );
    // Esc closes the export overlay, then leaves the session, back to the search, which it
    // clears, then leaves.
    press(&mut app, "<esc> <esc>");
    assert!(matches!(app.top(), Screen::Search(s) if !s.query().is_empty()));
    press(&mut app, "<esc> <esc>");
    assert!(matches!(app.top(), Screen::Home(_)));
}

#[test]
fn enter_on_a_reference_entry_starts_a_session_at_its_outcome() {
    let mut app = app();
    press(&mut app, "<enter> 2 <down> <enter>");
    let Screen::Session(s) = app.top() else {
        panic!("not in a session: {:?}", app.top())
    };
    let guide = &app.cx.catalog.guides[0];
    assert_eq!(
        s.session.at(),
        &Place::Outcome(ErrorRef::new(&guide.id, &guide.errors[1].id))
    );
    press(&mut app, "<space> y");
    assert!(matches!(at(&app), Place::Solved(_)));
    let screen = screen_text(&mut app, 80, 24);
    assert!(screen.contains("from the reference"), "{screen}");
}

#[test]
fn q_is_a_letter_in_the_search_field_and_quits_elsewhere() {
    let mut app = app();
    assert!(!press(&mut app, "/ q b"));
    assert!(matches!(app.top(), Screen::Search(s) if s.query() == "qb"));
    assert!(press(&mut app, "<c-c>"), "Ctrl-C quits from a text field");
    let mut app = self::app();
    assert!(press(&mut app, "<enter> q"));
}

#[test]
fn the_reference_follows_related_errors_across_guides() {
    let mut app = app();
    press(&mut app, "<down> <enter> 2 <tab> <enter>");
    let Screen::Reference(r) = app.top() else {
        panic!("not in the reference")
    };
    assert_eq!(app.cx.catalog.guides[r.guide].id, "itsmc-dashboard-errors");
    assert_eq!(
        app.cx.catalog.guides[r.guide].errors[r.selected()].id,
        "invalid-refresh-token"
    );
}

/// Scripted events; when they run out, the loop is told to stop.
use tui_common::Script;

fn run_script(app: &mut App, world: &World, script: &str) {
    let stop = Arc::new(AtomicBool::new(false));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
    let mut events = Script(events(script).into(), Arc::clone(&stop));
    event_loop(&mut terminal, app, &mut events, &stop, world).expect("loop ends");
}

#[test]
fn the_real_loop_runs_on_a_test_backend_and_exports_privately() {
    let dir = tempfile::tempdir().expect("temp dir");
    let world = World {
        sessions: Some(dir.path().join("sessions")),
        browser: false,
        hyperlinks: false,
        suspend: false,
        store: None,
    };
    let mut app = app();
    run_script(&mut app, &world, "<enter> 1 1 6 <space> y e <enter>");
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.starts_with("Saved to ")),
        "{:?}",
        app.status
    );
    let saved: Vec<_> = std::fs::read_dir(dir.path().join("sessions"))
        .expect("saved")
        .filter_map(Result::ok)
        .collect();
    assert_eq!(saved.len(), 1);
    let text = std::fs::read_to_string(saved[0].path()).expect("readable");
    assert!(text.contains("- [x] Find the action groups"), "{text}");
    assert!(
        text.contains("Fixed by the steps for Missing connector"),
        "{text}"
    );
}

#[test]
fn an_unwritable_data_dir_is_reported_and_the_session_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("a-file");
    std::fs::write(&file, "").expect("write");
    let world = World {
        sessions: Some(file.join("sessions")),
        browser: false,
        hyperlinks: false,
        suspend: false,
        store: None,
    };
    let mut app = app();
    run_script(&mut app, &world, "<enter> 1 1 6 e <enter>");
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.starts_with("Could not save the session")),
        "{:?}",
        app.status
    );
    // Esc closes the export overlay, which showed the problem too.
    run_script(&mut app, &world, "<esc> n");
    assert!(matches!(at(&app), Place::Outcome(_)), "the session goes on");
}

#[test]
fn a_click_selects_the_item_drawn_under_it() {
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let click = |row| {
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: 5,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    let rows = |app: &mut App| {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
        terminal
            .draw(|f| f.render_widget(&mut *app, f.area()))
            .expect("draws");
        let buffer = terminal.backend().buffer().clone();
        (0..24u16)
            .map(|y| {
                (0..80u16)
                    .map(|x| buffer[(x, y)].symbol().to_owned())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
    };
    for (script, expect) in [("", 1usize), ("/ token", 2), ("<enter> 2", 4)] {
        let mut app = app();
        press(&mut app, script);
        let guides = &app.cx.catalog.guides;
        let title = match app.top() {
            Screen::Home(_) => guides[expect].title.show(Lang::En).to_owned(),
            Screen::Search(s) => {
                let hit = &s.hits[expect];
                guides[hit.entry.guide].errors[hit.entry.error]
                    .title
                    .show(Lang::En)
                    .to_owned()
            }
            Screen::Reference(r) => {
                guides[r.guide].errors[expect].title.show(Lang::En)[..10].to_owned()
            }
            other => panic!("{other:?}"),
        };
        let row = rows(&mut app)
            .iter()
            .position(|r| r.contains(&title))
            .expect("drawn");
        let msg = app
            .map(&click(u16::try_from(row).expect("small")))
            .expect("a click");
        app.update(msg);
        let selected = match app.top() {
            Screen::Home(h) => h.selected(),
            Screen::Search(s) => s.list.selected(),
            Screen::Reference(r) => r.selected(),
            other => panic!("{other:?}"),
        };
        assert_eq!(selected, expect, "{script:?}");
    }
}

#[test]
fn without_colour_the_selection_still_shows_by_reverse_video() {
    use ratatui::style::{Color, Modifier};
    let mut app = app();
    app.cx.theme = tshoot::tui::theme::Theme::plain();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
    terminal
        .draw(|f| f.render_widget(&mut app, f.area()))
        .expect("draws");
    let buffer = terminal.backend().buffer();
    assert!(
        buffer
            .content()
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset),
        "a colour is used"
    );
    // The first guide's title, selected, is reversed.
    assert!(buffer[(1, 2)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn links_on_screen_are_rewritten_in_place_as_osc8_hyperlinks() {
    use tshoot::tui::links;
    let mut app = app();
    press(&mut app, "<enter> 1 1 4");
    // Wide enough for the address to show whole: only then is it a hyperlink.
    let mut terminal = Terminal::new(TestBackend::new(200, 40)).expect("test backend");
    terminal
        .draw(|f| f.render_widget(&mut app, f.area()))
        .expect("draws");
    let buffer = terminal.backend().buffer().clone();
    let url = "https://www.servicenow.com/docs/r/australia/api-reference/rest-api-explorer/investigate-rate-limit-violations.html";
    let segments = links::segments(&buffer, &app.links());
    let segment = segments
        .iter()
        .find(|s| s.url == url)
        .expect("the selected step's link is found");
    // The rewrite shows exactly the characters drawn there.
    let drawn: String = (0..u16::try_from(segment.text.chars().count()).expect("short"))
        .map(|i| buffer[(segment.x + i, segment.y)].symbol().to_owned())
        .collect();
    assert_eq!(drawn, segment.text);
    assert_eq!(url, segment.text);
    let bytes = links::osc8(std::slice::from_ref(segment));
    assert_eq!(
        bytes,
        format!(
            "\x1b[{};{}H\x1b[4m\x1b]8;;{url}\x1b\\{}\x1b]8;;\x1b\\\x1b[0m",
            segment.y + 1,
            segment.x + 1,
            segment.text
        )
    );
    // Screens without links, and the help overlay, rewrite nothing.
    press(&mut app, "?");
    assert!(app.links().is_empty());
}

#[test]
fn with_no_guides_at_all_every_key_is_harmless() {
    let mut app = App::new(Catalog::default(), Lang::En);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
    for script in [
        "<enter> 1 2 <down> <tab>",
        "/ token <enter> <esc> <esc>",
        "? <esc> x b <bs> r y n e o",
    ] {
        press(&mut app, script);
        terminal
            .draw(|f| f.render_widget(&mut app, f.area()))
            .expect("draws");
    }
    assert!(matches!(app.top(), Screen::Home(_)));
    let text: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    assert!(text.contains("No guides are loaded."));
}

#[test]
fn a_link_is_a_hyperlink_only_where_its_whole_address_shows() {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;
    use tshoot::tui::links;
    let evil = "https://bank.example.com.evil.example/".to_owned();
    let mut buf = Buffer::empty(Rect::new(0, 0, 60, 4));
    // The step's text names one address; its link is another that starts the same.
    buf.set_string(0, 0, "Visit https://bank.example.com today", Style::new());
    // The link cut to the width is not its whole address either.
    buf.set_string(0, 1, "→ https://bank.example.com.evil.ex…", Style::new());
    // Shown whole, bare or in angle brackets, it is a link.
    buf.set_string(
        0,
        2,
        "→ https://bank.example.com.evil.example/",
        Style::new(),
    );
    buf.set_string(
        0,
        3,
        "see <https://bank.example.com.evil.example/>.",
        Style::new(),
    );
    let segments = links::segments(&buf, std::slice::from_ref(&evil));
    let rows: Vec<(u16, u16)> = segments.iter().map(|s| (s.x, s.y)).collect();
    assert_eq!(rows, [(2, 2), (5, 3)]);
    assert!(segments.iter().all(|s| s.text == evil && s.url == evil));
}
