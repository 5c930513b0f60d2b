//! The terminal UI: guided sessions, the error reference and live search in one app.
//!
//! [`app`] holds the state and its pure `update`; [`keymap`] turns keys into messages per
//! screen; [`view`] draws `&App`; [`terminal`] is the one loop that owns the terminal.

pub mod app;
pub mod export;
pub mod keymap;
mod screens;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod view;

pub use app::{App, Effect, Msg, Screen};
