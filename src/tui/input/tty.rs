//! Reads the terminal: poll(2) over the tty and a self-pipe for SIGWINCH, read what is
//! there, frame it with [`Parser`].
//!
//! The tty is the one crossterm puts in raw mode (standard input when it is a terminal,
//! else `/dev/tty`) and stays blocking: poll is level-triggered, so a burst of any size is
//! read to its end, and the shell gets its terminal back exactly as it was.

use std::fs::File;
use std::io::{self, IsTerminal as _, Read as _};
use std::os::fd::AsFd as _;
use std::os::unix::net::UnixStream;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::Event;
use rustix::event::{PollFd, PollFlags, Timespec, poll};

use super::Parser;
use crate::tui::terminal::Events;

/// How long a lone ESC (or an unfinished sequence) waits for the rest of a sequence before
/// it is decided. Terminals write a key's sequence at once, but over mosh, a serial line or
/// a congested link its bytes can arrive 60 ms apart, and an arrow key read as Esc and
/// `[D` clears the search query. vim waits 100 ms (`ttimeoutlen`), Neovim 50 ms; 80 ms
/// covers such a link and a lone Esc still acts within the 100 ms that reads as immediate.
/// Terminals that speak the kitty protocol send Esc unambiguously and never wait.
pub const ESC_WAIT: Duration = Duration::from_millis(80);
/// How long a terminal that reads end-of-file is waited on (for the SIGHUP that usually
/// comes with it) before reading fails.
const HUNG_UP_FOR: Duration = Duration::from_secs(2);

/// The real terminal's events.
#[derive(Debug)]
pub struct TtyEvents {
    tty: File,
    resized: UnixStream,
    resize_id: signal_hook::SigId,
    parser: Parser,
    /// Since when an unfinished sequence has waited.
    waiting_since: Option<Instant>,
    /// Since when the terminal has read end-of-file.
    hung_up_since: Option<Instant>,
    chunk: Box<[u8; 4096]>,
}

impl TtyEvents {
    /// Opens the controlling terminal and starts listening for SIGWINCH.
    pub fn open() -> io::Result<Self> {
        let stdin = io::stdin();
        let tty = if stdin.is_terminal() {
            File::from(stdin.as_fd().try_clone_to_owned()?)
        } else {
            File::options().read(true).open("/dev/tty")?
        };
        let (resized, sender) = UnixStream::pair()?;
        resized.set_nonblocking(true)?;
        let resize_id =
            signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, sender)?;
        Ok(Self {
            tty,
            resized,
            resize_id,
            parser: Parser::default(),
            waiting_since: None,
            hung_up_since: None,
            chunk: Box::new([0; 4096]),
        })
    }

    /// Waits up to `wait` for the tty or a resize: `(tty readable, resized)`.
    fn wait(&self, wait: Duration) -> io::Result<(bool, bool)> {
        let timeout = Timespec::try_from(wait).map_err(io::Error::other)?;
        let mut fds = [
            PollFd::new(&self.tty, PollFlags::IN),
            PollFd::new(&self.resized, PollFlags::IN),
        ];
        match poll(&mut fds, Some(&timeout)) {
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => return Ok((false, false)),
            Err(e) => return Err(e.into()),
        }
        let ready = |fd: &PollFd| !fd.revents().is_empty();
        Ok((ready(&fds[0]), ready(&fds[1])))
    }

    /// Reads what the tty has; end-of-file or an error counts as hung up.
    fn read(&mut self) {
        match self.tty.read(&mut self.chunk[..]) {
            Ok(0) | Err(_) => {
                self.hung_up_since.get_or_insert_with(Instant::now);
            }
            Ok(n) => {
                self.hung_up_since = None;
                self.parser.feed(&self.chunk[..n]);
            }
        }
    }
}

impl Drop for TtyEvents {
    fn drop(&mut self) {
        signal_hook::low_level::unregister(self.resize_id);
    }
}

impl Events for TtyEvents {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(event) = self.parser.next_event() {
                return Ok(Some(event));
            }
            let now = Instant::now();
            if let Some(since) = self.hung_up_since {
                if now.duration_since(since) >= HUNG_UP_FOR {
                    return Err(io::Error::other("the terminal is gone"));
                }
                // Do not spin on end-of-file: the signal that ends the loop is on its way.
                std::thread::sleep(deadline.saturating_duration_since(now));
                return Ok(None);
            }
            self.waiting_since = self
                .parser
                .waiting()
                .then(|| self.waiting_since.unwrap_or(now));
            let decide_at = self.waiting_since.map(|since| since + ESC_WAIT);
            if decide_at.is_some_and(|at| at <= now) {
                self.parser.flush();
                self.waiting_since = None;
                continue;
            }
            let until = decide_at.map_or(deadline, |at| at.min(deadline));
            let (readable, resized) = self.wait(until.saturating_duration_since(now))?;
            if resized {
                while self.resized.read(&mut [0; 64]).is_ok_and(|n| n > 0) {}
                let (columns, rows) = ratatui::crossterm::terminal::size()?;
                return Ok(Some(Event::Resize(columns, rows)));
            }
            if readable {
                self.read();
            } else if decide_at.is_none_or(|at| Instant::now() < at) && Instant::now() >= deadline {
                return Ok(None);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_esc_waits_for_a_slow_link_and_still_acts_at_once() {
        // An arrow key whose bytes came 60 ms apart (measured over a slow link) stays one
        // key; 100 ms is where a reaction stops reading as immediate.
        assert!(ESC_WAIT > Duration::from_millis(60), "{ESC_WAIT:?}");
        assert!(ESC_WAIT < Duration::from_millis(100), "{ESC_WAIT:?}");
    }
}
