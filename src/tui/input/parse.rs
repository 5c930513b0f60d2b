//! Framing: where one key, click or paste ends in the terminal's byte stream.
//!
//! [`Parser::feed`] takes bytes as they are read and queues every event they complete; an
//! unfinished escape sequence waits for more. [`Parser::flush`] says nothing more came in
//! time: a lone ESC is then Esc, `ESC x` is Alt+x, and an unfinished sequence is dropped.
//! A bracketed paste is never decided by time: it ends at its end marker.

use std::collections::VecDeque;

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::decode;

/// What ends a bracketed paste.
const PASTE_END: &[u8] = b"\x1b[201~";
/// The most bytes of one paste kept (the search field holds 1,000,000 characters); the rest
/// is read and dropped up to the end marker.
pub const PASTE_MAX: usize = 4 << 20;
/// The longest escape sequence read; a longer one is garbage and dropped.
const SEQUENCE_MAX: usize = 64;

/// Bytes in, events out.
#[derive(Debug, Default)]
pub struct Parser {
    /// Bytes read and not yet framed: at most one unfinished sequence once fed.
    buf: Vec<u8>,
    /// The paste being read, once its start marker was.
    paste: Option<Vec<u8>>,
    events: VecDeque<Event>,
}

/// What the bytes at the front frame to.
#[derive(Debug, PartialEq)]
enum Step {
    /// This event, from this many bytes.
    Event(Event, usize),
    /// This many bytes that mean nothing here.
    Skip(usize),
    /// This many Esc, one a byte.
    Escapes(usize),
    /// A paste starts after this many bytes.
    Paste(usize),
    /// Unfinished: more bytes are needed.
    More,
}

impl Parser {
    /// Frames `bytes` (read after everything fed before); completed events are queued.
    pub fn feed(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
        self.advance(false);
    }

    /// Nothing more arrived in time: decides what is waiting (except a paste).
    pub fn flush(&mut self) {
        self.advance(true);
    }

    /// Whether an unfinished sequence waits, to be decided by [`Parser::flush`].
    #[must_use]
    pub fn waiting(&self) -> bool {
        self.paste.is_none() && !self.buf.is_empty()
    }

    /// The oldest completed event.
    pub fn next_event(&mut self) -> Option<Event> {
        self.events.pop_front()
    }

    fn advance(&mut self, end: bool) {
        let mut at = 0;
        while at < self.buf.len() {
            if self.paste.is_some() {
                at += self.pasted(at);
                continue;
            }
            match step(&self.buf[at..], end) {
                Step::Event(event, n) => {
                    self.events.push_back(event);
                    at += n;
                }
                Step::Skip(n) => at += n,
                Step::Escapes(n) => {
                    let esc = key(KeyCode::Esc, KeyModifiers::NONE);
                    self.events.extend(std::iter::repeat_n(esc, n));
                    at += n;
                }
                Step::Paste(n) => {
                    self.paste = Some(Vec::new());
                    at += n;
                }
                Step::More => break,
            }
        }
        self.buf.drain(..at);
    }

    /// Takes the paste's bytes from `buf[at..]`; returns how many it took.
    fn pasted(&mut self, at: usize) -> usize {
        let Some(paste) = self.paste.as_mut() else {
            return 0;
        };
        let before = paste.len();
        // The end marker may have started in an earlier read.
        let from = before.saturating_sub(PASTE_END.len() - 1);
        paste.extend_from_slice(&self.buf[at..]);
        let Some(found) = memchr::memmem::find(&paste[from..], PASTE_END) else {
            if paste.len() > PASTE_MAX + PASTE_END.len() {
                // Keep the first PASTE_MAX bytes, and a tail where the marker may begin.
                let tail = paste.len() - (PASTE_END.len() - 1);
                paste.drain(PASTE_MAX..tail);
            }
            return self.buf.len() - at;
        };
        let end = from + found;
        let text = String::from_utf8_lossy(&paste[..end.min(PASTE_MAX)]).into_owned();
        let taken = end + PASTE_END.len() - before;
        self.paste = None;
        self.events.push_back(Event::Paste(text));
        taken
    }
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

/// Frames the event at the front of `b` (not empty); `end`: no more bytes are coming.
fn step(b: &[u8], end: bool) -> Step {
    let plain = KeyModifiers::NONE;
    let control = KeyModifiers::CONTROL;
    match b[0] {
        0x1B => escape(b, end),
        b'\r' => Step::Event(key(KeyCode::Enter, plain), 1),
        b'\t' => Step::Event(key(KeyCode::Tab, plain), 1),
        0x7F => Step::Event(key(KeyCode::Backspace, plain), 1),
        0x00 => Step::Event(key(KeyCode::Char(' '), control), 1),
        c @ 0x01..=0x1A => Step::Event(key(KeyCode::Char(char::from(c - 1 + b'a')), control), 1),
        c @ 0x1C..=0x1F => Step::Event(key(KeyCode::Char(char::from(c - 0x1C + b'4')), control), 1),
        _ => character(b, end),
    }
}

/// One UTF-8 character; an uppercase letter carries Shift, as crossterm reports it.
fn character(b: &[u8], end: bool) -> Step {
    let need = match b[0] {
        0x20..=0x7E => 1,
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return Step::Skip(1),
    };
    let have = b.len().min(need);
    if b[1..have].iter().any(|&c| c & 0xC0 != 0x80) {
        return Step::Skip(1);
    }
    if have < need {
        return if end { Step::Skip(have) } else { Step::More };
    }
    match std::str::from_utf8(&b[..need])
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some(c) => {
            let shift = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            Step::Event(key(KeyCode::Char(c), shift), need)
        }
        None => Step::Skip(1),
    }
}

/// ESC: Esc alone, an escape sequence, or Alt with the key that follows.
fn escape(b: &[u8], end: bool) -> Step {
    let Some(&next) = b.get(1) else {
        return if end {
            Step::Event(key(KeyCode::Esc, KeyModifiers::NONE), 1)
        } else {
            Step::More
        };
    };
    match next {
        // Two Esc: the first is one of its own and the second starts again — a sequence
        // (`ESC [`), or Esc; not Alt with a character: after an Esc in the same read,
        // `ESC x` is Esc and x typed quickly, as tmux forwards them.
        0x1B => match b.get(2) {
            Some(b'[' | b'O' | 0x1B) | None => {
                Step::Event(key(KeyCode::Esc, KeyModifiers::NONE), 1)
            }
            Some(_) => Step::Escapes(2),
        },
        b'[' | b'O' => match sequence(b, end) {
            Step::More if end => alt(&b[1..], end),
            framed => framed,
        },
        _ => alt(&b[1..], end),
    }
}

/// ESC followed by `b`: Alt and the key `b` starts with.
fn alt(b: &[u8], end: bool) -> Step {
    match step(b, end) {
        Step::Event(Event::Key(mut k), n) => {
            k.modifiers |= KeyModifiers::ALT;
            Step::Event(Event::Key(k), n + 1)
        }
        Step::Event(_, n) | Step::Skip(n) | Step::Paste(n) | Step::Escapes(n) => Step::Skip(n + 1),
        Step::More => Step::More,
    }
}

/// `ESC [` (CSI) or `ESC O` (SS3) and what follows; `More` when unfinished.
fn sequence(b: &[u8], end: bool) -> Step {
    let unfinished = if end { Step::Skip(b.len()) } else { Step::More };
    let Some(&first) = b.get(2) else {
        return Step::More;
    };
    if b[1] == b'O' {
        return match first {
            0x1B => alt(&b[1..2], true),
            _ => decode::ss3(first).map_or(Step::Skip(3), |e| Step::Event(e, 3)),
        };
    }
    match first {
        // X10 mouse: three raw bytes follow.
        b'M' => match b.get(3..6) {
            Some(report) => decode::x10_mouse(report).map_or(Step::Skip(6), |e| Step::Event(e, 6)),
            None => unfinished,
        },
        // The Linux console's F1–F5: `ESC [ [ A`…`E`.
        b'[' => match b.get(3) {
            Some(0x1B) => Step::Skip(3),
            Some(&last) => decode::linux_f(last).map_or(Step::Skip(4), |e| Step::Event(e, 4)),
            None => unfinished,
        },
        _ => {
            for (i, &c) in b.iter().enumerate().skip(2).take(SEQUENCE_MAX) {
                match c {
                    0x20..=0x3F => {}
                    0x40..=0x7E => {
                        let params = &b[2..i];
                        if c == b'~' && params == b"200" {
                            return Step::Paste(i + 1);
                        }
                        return decode::csi(params, c)
                            .map_or(Step::Skip(i + 1), |e| Step::Event(e, i + 1));
                    }
                    // `ESC [` and then no sequence: Alt+[.
                    _ if i == 2 => return alt(&b[1..2], true),
                    // Not part of a sequence: drop what came before, read this again.
                    _ => return Step::Skip(i),
                }
            }
            if b.len() >= SEQUENCE_MAX + 2 {
                Step::Skip(SEQUENCE_MAX + 2)
            } else {
                unfinished
            }
        }
    }
}
