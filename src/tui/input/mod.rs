//! The TUI's own terminal input: bytes from the terminal become crossterm [`Event`]s.
//!
//! Why not crossterm's reader: in the legacy encoding Esc is the byte ESC, which also starts
//! every escape sequence, and crossterm (like termwiz and termina) reads `ESC ESC` arriving
//! in one read as a single Esc — the old encoding of Alt+Esc — and drops the second. Two
//! quick Esc (key repeat, a double press over a slow link, tmux forwarding both at once)
//! then do half of what was asked. tshoot binds nothing to Alt+Esc, so here `ESC ESC` is
//! two Esc, `ESC ESC [ A` is Esc and ↑, and `ESC ESC x` is Esc, Esc and x (a lone `ESC x`
//! is still Alt+x). Terminals that honour the kitty keyboard
//! protocol's "disambiguate" mode (which the UI asks for) send Esc as `CSI 27 u` anyway.
//!
//! Everything else is read as crossterm reads it, so the key table does not change: keys
//! (legacy, xterm modifiers, kitty `CSI u` with the keypad), Alt+key as ESC + key, mouse
//! (SGR, X10, rxvt), focus, and bracketed paste (ESC inside a paste is text, not keys).
//! One deliberate difference: a lone ESC, or an unfinished sequence, is decided only when
//! nothing more arrived for [`tty::ESC_WAIT`] (crossterm decides at the end of each read),
//! so a sequence split across two reads is still one key.
//!
//! [`parse`] frames bytes into events and is pure (tested byte for byte); [`decode`] turns
//! one escape sequence into its event; [`tty`] reads the terminal and waits.
//!
//! [`Event`]: ratatui::crossterm::event::Event

pub mod decode;
pub mod parse;
pub mod tty;

pub use parse::Parser;
pub use tty::TtyEvents;
