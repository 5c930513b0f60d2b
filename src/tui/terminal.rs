//! The one loop that owns the terminal: draw, wait for an event, map it, update, perform
//! the effect. Generic over the backend and the event source, so tests run the real loop
//! on a `TestBackend` with scripted events.
//!
//! The terminal is given back on every exit path: quit, Ctrl-C, an error, SIGTERM/SIGHUP
//! (a flag checked between events; the exit status is then 128 + the signal), and a panic
//! (ratatui's hook, plus ours for mouse capture and bracketed paste). Ctrl-Z gives it back
//! while stopped and takes it again on `fg`.
//!
//! Input is read in batches: everything already waiting is taken before the next frame is
//! drawn, typed characters in a row become one edit, and a Ctrl-C anywhere in a batch
//! quits at once, so a pasted burst of keystrokes never queues up behind the drawing.
//!
//! Esc: in the legacy encoding a lone Esc is the byte ESC, which also starts every escape
//! sequence. The UI asks for the kitty keyboard protocol's "disambiguate escape codes"
//! mode, in which Esc is `CSI 27 u`; terminals without it ignore the request, and our own
//! reader ([`super::input`]) reads `ESC ESC` as two Esc there (crossterm's reads one).

use std::io::{Write as _, stdout};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
    KeyCode, KeyEventKind, KeyModifiers, KeyboardEnhancementFlags, PopKeyboardEnhancementFlags,
    PushKeyboardEnhancementFlags,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use super::app::App;
use super::msg::{Effect, Msg};
use super::{export, links};
use crate::labels::Label;

/// Where input comes from.
pub trait Events {
    /// The next event, or `None` when `timeout` passed without one.
    fn next(&mut self, timeout: Duration) -> std::io::Result<Option<Event>>;
}

/// How effects reach the world.
#[derive(Debug, Default)]
pub struct World {
    /// Where sessions are saved (`…/tshoot/sessions`); `None` when there is no data dir.
    pub sessions: Option<PathBuf>,
    /// Whether `o` may start a browser.
    pub browser: bool,
    /// Whether links on screen are rewritten as OSC 8 hyperlinks after each frame.
    pub hyperlinks: bool,
    /// Whether Ctrl-Z may stop the process (a real terminal with job control).
    pub suspend: bool,
    /// Where guided sessions are saved as they change; `None`: not saved.
    pub store: Option<crate::store::Store>,
}

/// How the UI ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// This signal asked it to end (the process should exit with 128 + it).
    Signal(i32),
}

/// The most events taken in one batch before a frame is drawn.
const BATCH: usize = 8192;

/// Refuses a terminal that cannot draw the full-screen UI, naming what works instead.
pub fn check_term(term: Option<&str>) -> anyhow::Result<()> {
    match term {
        None | Some("" | "dumb" | "unknown") => anyhow::bail!(
            "this terminal (TERM={}) cannot show the full-screen UI; use `tshoot list`, `tshoot show ID` or `tshoot search TEXT`",
            term.filter(|t| !t.is_empty()).unwrap_or("unset")
        ),
        Some(_) => Ok(()),
    }
}

/// The input modes the UI turns on beside raw mode and the alternate screen.
fn take_input() -> std::io::Result<()> {
    execute!(
        stdout(),
        EnableMouseCapture,
        EnableBracketedPaste,
        PushKeyboardEnhancementFlags(KeyboardEnhancementFlags::DISAMBIGUATE_ESCAPE_CODES)
    )
}

/// The input modes of [`take_input`], turned off.
fn give_input() {
    let _ = execute!(
        stdout(),
        PopKeyboardEnhancementFlags,
        DisableMouseCapture,
        DisableBracketedPaste
    );
}

/// Everything our UI turned on, turned off: for quitting, a signal, a panic, a suspension.
fn release() {
    give_input();
    ratatui::restore();
    let _ = execute!(stdout(), Show);
}

/// Takes the terminal again after a suspension.
fn reacquire() -> std::io::Result<()> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, Clear(ClearType::All))?;
    take_input()
}

/// Ctrl-Z: gives the terminal back and stops, as a shell's job control expects; `fg`
/// continues here.
fn suspend() -> std::io::Result<()> {
    give_input();
    let _ = execute!(stdout(), LeaveAlternateScreen, Show);
    disable_raw_mode()?;
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    reacquire()
}

/// Runs the app in the real terminal until it quits or a signal ends it.
pub fn run(app: &mut App, world: &World) -> anyhow::Result<Exit> {
    let stop = Arc::new(AtomicBool::new(false));
    let signal = Arc::new(AtomicI32::new(0));
    watch_signals(Arc::clone(&stop), Arc::clone(&signal))?;
    let mut terminal = ratatui::try_init()?;
    let ratatui_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        give_input();
        ratatui_hook(info);
    }));
    let result = take_input()
        .map_err(anyhow::Error::from)
        .and_then(|()| Ok(super::input::TtyEvents::open()?))
        .and_then(|mut events| event_loop(&mut terminal, app, &mut events, &stop, world));
    release();
    result?;
    Ok(match signal.load(Ordering::Relaxed) {
        0 => Exit::Quit,
        n => Exit::Signal(n),
    })
}

/// On SIGTERM or SIGHUP, asks the loop to stop; if it has not ended the process shortly
/// after (a hung-up terminal can keep crossterm reading end-of-file forever), gives the
/// terminal back from here, cursor included, and exits with 128 + the signal.
fn watch_signals(stop: Arc<AtomicBool>, signal: Arc<AtomicI32>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if let Some(number) = signals.forever().next() {
            signal.store(number, Ordering::Relaxed);
            stop.store(true, Ordering::Relaxed);
            std::thread::sleep(Duration::from_millis(500));
            release();
            std::process::exit(128 + number);
        }
    });
    Ok(())
}

/// Whether an event is Ctrl-C, which quits from anywhere.
fn is_interrupt(event: &Event) -> bool {
    matches!(event, Event::Key(k) if k.kind != KeyEventKind::Release
        && k.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(k.code, KeyCode::Char('c' | 'C')))
}

/// Draws and handles events until the app quits, `stop` is set, or the events end.
pub fn event_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    events: &mut impl Events,
    stop: &AtomicBool,
    world: &World,
) -> anyhow::Result<()>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    // A debug-build hook: the PTY tests prove the terminal is restored after a panic in the
    // loop. Release builds do not have it.
    let panic_for_test = cfg!(debug_assertions) && std::env::var_os("TSHOOT_TEST_PANIC").is_some();
    let mut dirty = true;
    let mut batch = Vec::new();
    // Whether the last frame was drawn while a screen was still working.
    let mut drawn_busy = false;
    while !stop.load(Ordering::Relaxed) {
        dirty |= super::reload::tick(app, std::time::Instant::now());
        if dirty {
            app.tick();
            drawn_busy = app.busy();
            let frame = terminal.draw(|frame| frame.render_widget(&mut *app, frame.area()))?;
            if world.hyperlinks {
                let segments = links::segments(frame.buffer, &app.links());
                if !segments.is_empty() {
                    let mut out = stdout();
                    let _ = out.write_all(links::osc8(&segments).as_bytes());
                    let _ = out.flush();
                }
            }
            assert!(!panic_for_test, "TSHOOT_TEST_PANIC is set");
        }
        // Work in the background (loading, triage) is shown every 50 ms.
        let idle = Duration::from_millis(if drawn_busy { 50 } else { 200 });
        let Some(first) = events.next(idle)? else {
            // A screen working in the background (triage reading) is redrawn while idle,
            // until a frame has been drawn from its finished state.
            dirty = app.busy() || drawn_busy;
            continue;
        };
        // Take everything already waiting, so the next frame shows all of it.
        batch.clear();
        batch.push(first);
        while batch.len() < BATCH
            && let Some(more) = events.next(Duration::ZERO)?
        {
            batch.push(more);
        }
        if batch.iter().any(is_interrupt) {
            break;
        }
        dirty = true;
        if handle(terminal, app, &mut batch, world)? == Some(Effect::Quit) {
            break;
        }
    }
    Ok(())
}

/// Applies a batch of events in order; a run of typed characters is one edit.
fn handle<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    batch: &mut Vec<Event>,
    world: &World,
) -> anyhow::Result<Option<Effect>>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let mut typed = String::new();
    let mut queue: std::collections::VecDeque<Event> = batch.drain(..).collect();
    while let Some(event) = queue.pop_front() {
        if matches!(event, Event::Resize(..)) {
            terminal.autoresize()?;
        }
        let Some(msg) = app.map(&event) else {
            // An unbound Alt+key was Esc and a key typed together: both act, in turn.
            if let Some([esc, key]) = super::keys::split_alt(&event) {
                queue.push_front(key);
                queue.push_front(esc);
            }
            continue;
        };
        if let Msg::Type(c) = msg {
            typed.push(c);
            continue;
        }
        // The loop reads the clock; update only sees the time it is given.
        app.cx.now = export::now();
        if !typed.is_empty() {
            app.update(Msg::Paste(std::mem::take(&mut typed)));
        }
        match app.update(msg) {
            Some(Effect::Quit) => return Ok(Some(Effect::Quit)),
            Some(Effect::Suspend) if world.suspend => {
                suspend()?;
                // The screen was cleared: forget what was drawn, so the next frame is drawn
                // whole. (`Terminal::clear` would ask the terminal where its cursor is.)
                terminal.swap_buffers();
            }
            Some(effect) => perform(app, effect, world),
            None => {}
        }
        if let Some(problem) = app
            .autosave
            .after_update(&app.stack, &app.cx, world.store.as_ref())
        {
            app.status = Some(problem);
        }
        if std::mem::take(&mut app.autosave.stale)
            && let Some(store) = &world.store
        {
            app.cx.continues = super::autosave::continues(store, app.cx.lang);
        }
    }
    if !typed.is_empty() {
        app.update(Msg::Paste(typed));
    }
    Ok(None)
}

fn perform(app: &mut App, effect: Effect, world: &World) {
    let lang = app.cx.lang;
    match effect {
        Effect::Quit | Effect::Suspend => {}
        Effect::Export {
            contents,
            extension,
            at,
        } => {
            let saved = world
                .sessions
                .as_ref()
                .ok_or_else(|| std::io::Error::other("no data folder"))
                .and_then(|dir| {
                    export::save(dir, &crate::report::file_stem(at), extension, &contents)
                })
                .map(|path| path.display().to_string())
                .map_err(|e| e.to_string());
            app.status = Some(match &saved {
                Ok(path) => format!("{} {path}", Label::Saved.text(lang)),
                Err(e) => format!("{}: {e}", Label::NotSaved.text(lang)),
            });
            // The export overlay shows where the file went, whole.
            if let Some(crate::tui::Screen::ExportOptions(overlay)) = app.stack.last_mut() {
                overlay.written(saved);
            }
        }
        Effect::Resume(id) => {
            let opened = world
                .store
                .as_ref()
                .ok_or_else(|| "no folder for saved sessions".to_owned())
                .and_then(|store| super::autosave::open(app, store, &id));
            if let Err(problem) = opened {
                app.status = Some(problem);
            }
        }
        Effect::Copy { text, what } => {
            app.status = Some(super::clipboard::send(&text, &what, lang, &mut stdout()));
        }
        Effect::Open(url) => {
            // Where no browser can be started (a server, a container), say so: the address
            // alone in the status line read as if it had opened.
            let started = !world.browser || open::that_detached(&url).is_ok();
            app.status = Some(if started {
                url
            } else {
                format!("{} {url}", Label::NoBrowser.text(lang))
            });
        }
    }
}
