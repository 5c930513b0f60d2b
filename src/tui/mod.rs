//! The terminal UI: guided sessions, the error reference and live search.
//!
//! The shape, and why: an app that knew every screen's layout drifted from what the views
//! drew (clicks, paging) and made each new screen touch ten places. So each screen is one
//! type that owns its state, update, drawing, key scope, links and click handling, and the
//! rest is generic:
//!
//! - [`app`]: the router over a small stack of screens and overlays; `update` is pure and
//!   returns an [`Effect`] for the loop.
//! - [`screens`]: one file per screen ([`screens::View`] is what a screen implements).
//! - [`keys`]: the one key table; the keymap, each footer, the `?` overlay and the README
//!   table are read from it.
//! - [`layout`]: shared pieces (text by display width with reflow and hanging indents, a
//!   list that pages by its viewport and answers clicks from what it drew, a scrolled
//!   document, the frame and the footer).
//! - [`terminal`]: the one loop that owns the terminal, generic over backend and events.
//!
//! # Adding a screen
//!
//! 1. Write `screens/<name>.rs` with a type implementing [`screens::View`]: `scope` (add a
//!    [`keys::Scope`] variant if its keys differ, and its rows in [`keys::BINDINGS`]),
//!    `place`, `update` (return [`screens::Nav::push`] to open another screen, `Pass` for
//!    what it does not use), `render` (record what you draw, e.g. with
//!    [`layout::list::ListView`]), and `links` if it shows addresses.
//! 2. Add one line for it to the `screens!` list in `screens/mod.rs`.
//! 3. Open it from another screen's `update` with `Nav::push(YourScreen::new(..))`,
//!    and add its snapshots to `tests/tui_snapshots.rs`.

pub mod app;
pub mod autosave;
pub mod clipboard;
pub mod export;
pub mod input;
pub mod keys;
pub mod layout;
pub mod links;
pub mod msg;
pub mod reload;
pub mod screens;
pub mod terminal;
pub mod theme;

pub use app::App;
pub use msg::{Effect, Msg};
pub use screens::Screen;
