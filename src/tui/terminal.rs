//! The one loop that owns the terminal: draw, wait for an event, map it, update, perform
//! the effect. Generic over the backend and the event source, so tests run the real loop
//! on a `TestBackend` with scripted events.
//!
//! The terminal is given back on every exit path: quit, Ctrl-C, an error, SIGTERM/SIGHUP
//! (a flag checked between events), and a panic (ratatui's hook, plus ours for mouse
//! capture and bracketed paste).

use std::io::{Write as _, stdout};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use ratatui::crossterm::execute;

use super::app::App;
use super::msg::Effect;
use super::{export, links};
use crate::labels::Label;

/// Where input comes from.
pub trait Events {
    /// The next event, or `None` when `timeout` passed without one.
    fn next(&mut self, timeout: Duration) -> std::io::Result<Option<Event>>;
}

/// The real terminal's events.
#[derive(Debug)]
pub struct TerminalEvents;

impl Events for TerminalEvents {
    fn next(&mut self, timeout: Duration) -> std::io::Result<Option<Event>> {
        if event::poll(timeout)? {
            event::read().map(Some)
        } else {
            Ok(None)
        }
    }
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
    /// Where guided sessions are saved as they change; `None`: not saved.
    pub store: Option<crate::store::Store>,
}

/// Runs the app in the real terminal until it quits.
pub fn run(app: &mut App, world: &World) -> anyhow::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    watch_signals(Arc::clone(&stop))?;
    let mut terminal = ratatui::try_init()?;
    let ratatui_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
        ratatui_hook(info);
    }));
    let result = execute!(stdout(), EnableMouseCapture, EnableBracketedPaste)
        .map_err(anyhow::Error::from)
        .and_then(|()| event_loop(&mut terminal, app, &mut TerminalEvents, &stop, world));
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
    result
}

/// On SIGTERM or SIGHUP, asks the loop to stop; if it has not ended the process shortly
/// after (a hung-up terminal can keep crossterm reading end-of-file forever), gives the
/// terminal back from here and exits.
fn watch_signals(stop: Arc<AtomicBool>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            stop.store(true, Ordering::Relaxed);
            std::thread::sleep(Duration::from_millis(500));
            let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
            ratatui::restore();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
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
    // A test hook: the PTY tests prove the terminal is restored after a panic in the loop.
    let panic_for_test = std::env::var_os("TSHOOT_TEST_PANIC").is_some();
    let mut dirty = true;
    // Whether the last frame was drawn while a screen was still working.
    let mut drawn_busy = false;
    while !stop.load(Ordering::Relaxed) {
        if dirty {
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
        let Some(event) = events.next(Duration::from_millis(200))? else {
            // A screen working in the background (triage reading) is redrawn while idle,
            // until a frame has been drawn from its finished state.
            dirty = app.busy() || drawn_busy;
            continue;
        };
        dirty = true;
        if matches!(event, Event::Resize(..)) {
            terminal.autoresize()?;
        }
        let Some(msg) = app.map(&event) else {
            continue;
        };
        // The loop reads the clock; update only sees the time it is given.
        app.cx.now = export::now();
        match app.update(msg) {
            Some(Effect::Quit) => break,
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
    Ok(())
}

fn perform(app: &mut App, effect: Effect, world: &World) {
    let lang = app.cx.lang;
    match effect {
        Effect::Quit => {}
        Effect::Export { markdown, at } => {
            let saved = world
                .sessions
                .as_ref()
                .ok_or_else(|| std::io::Error::other("no data folder"))
                .and_then(|dir| export::save(dir, &crate::report::file_stem(at), &markdown));
            app.status = Some(match saved {
                Ok(path) => format!("{} {}", Label::Saved.text(lang), path.display()),
                Err(e) => format!("{}: {e}", Label::NotSaved.text(lang)),
            });
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
        Effect::Open(url) => {
            if world.browser {
                let _ = open::that_detached(&url);
            }
            app.status = Some(url);
        }
    }
}
