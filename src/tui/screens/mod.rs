//! One type per screen. Each owns its state and answers for itself: how a message changes
//! it ([`View::update`], which also does the hit-testing of clicks over the `Rect`s it
//! drew), how it looks ([`View::render`]), which part of the key table applies
//! ([`View::scope`]), where the header says the user is ([`View::place`]) and which links
//! it shows ([`View::links`]).
//!
//! The [`Screen`] enum below is the router's whole knowledge of screens: one line per
//! screen, and the macro writes the dispatch.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::keys::Scope;
use super::msg::{Effect, Msg};
use super::theme::Theme;
use crate::guide::Catalog;
use crate::lang::Lang;
use crate::search::{Index, Searcher};

/// What every screen may read (and search may use): the guides, the index, the language
/// and the styles.
#[derive(Debug)]
pub struct Ctx {
    pub catalog: Catalog,
    pub index: Index,
    pub lang: Lang,
    /// Colours, or attributes only (`NO_COLOR`).
    pub theme: Theme,
    pub searcher: Searcher,
    /// The time (seconds since the Unix epoch, UTC), set by the loop before each message:
    /// screens never read a clock, so a session's times and an export's file name agree.
    pub now: u64,
    /// Unfinished saved sessions the home screen offers to continue, newest first.
    pub continues: Vec<super::autosave::Continue>,
    /// The progress of the load at start while it goes on ([`super::reload`]).
    pub loading: Option<std::sync::Arc<crate::cache::Progress>>,
}

/// Which panel of a two-panel screen has the keys.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Focus {
    #[default]
    Main,
    Side,
}

/// Where the router goes after a screen's update.
#[derive(Debug)]
pub enum Nav {
    /// Nothing to do beyond the screen's own change.
    Stay,
    /// Open this screen (or overlay) on top.
    Push(Box<Screen>),
    /// Close this screen, back to the one below.
    Pop,
    /// Close this screen and open this one in its place.
    Replace(Box<Screen>),
    /// Work for the loop.
    Effect(Effect),
    /// Close this screen and give this message to the one below (the map's "go back to
    /// this question").
    Return(Msg),
    /// The screen does not use this message; the router's default applies (`Back` pops).
    Pass,
}

impl Nav {
    /// Open `screen` on top.
    pub fn push(screen: impl Into<Screen>) -> Nav {
        Nav::Push(Box::new(screen.into()))
    }
}

/// A screen: its state, update, drawing, keys and links.
pub trait View {
    /// The part of the key table that applies now.
    fn scope(&self, cx: &Ctx) -> Scope;
    /// Where the user is, for the header.
    fn place(&self, cx: &Ctx) -> String;
    /// Applies one message; clicks are answered from what the last draw recorded.
    fn update(&mut self, msg: Msg, cx: &mut Ctx) -> Nav;
    /// Draws the screen. It may record what it drew (offsets, `Rect`s) for clicks and
    /// paging, and nothing else.
    fn render(&mut self, cx: &Ctx, area: Rect, buf: &mut Buffer);
    /// The addresses shown whole on screen (made OSC 8 hyperlinks after each frame).
    fn links(&self, _cx: &Ctx) -> Vec<String> {
        Vec::new()
    }
    /// Whether `msg` does anything here now; keys that would not are left out of the
    /// footer and the `?` overlay.
    fn offers(&self, _cx: &Ctx, _msg: &Msg) -> bool {
        true
    }
    /// Whether this is drawn over the screen below it.
    fn overlay(&self) -> bool {
        false
    }
    /// Whether the screen changes without input (work in the background), so the loop
    /// must redraw it while idle.
    fn busy(&self) -> bool {
        false
    }
    /// Takes in what was finished in the background; the loop calls it before each frame
    /// while the screen is [`View::busy`]. It may change what every screen reads (the
    /// catalog once it is loaded) and close or replace the screen.
    fn tick(&mut self, _cx: &mut Ctx) -> Nav {
        Nav::Stay
    }
}

macro_rules! screens {
    ($($(#[$doc:meta])* $name:ident => $module:ident :: $ty:ident,)*) => {
        $(pub mod $module;)*

        /// Every screen and overlay the router can stack.
        #[derive(Debug)]
        pub enum Screen {
            $($(#[$doc])* $name($module::$ty),)*
        }

        impl Screen {
            /// The screen as a [`View`].
            #[must_use]
            pub fn view(&self) -> &dyn View {
                match self {
                    $(Screen::$name(s) => s,)*
                }
            }

            /// The screen as a mutable [`View`].
            pub fn view_mut(&mut self) -> &mut dyn View {
                match self {
                    $(Screen::$name(s) => s,)*
                }
            }
        }

        $(impl From<$module::$ty> for Screen {
            fn from(s: $module::$ty) -> Screen {
                Screen::$name(s)
            }
        })*
    };
}

/// The load-at-start progress line of the home screen (not a screen).
pub mod loading;

// Adding a screen: write `screens/<name>.rs` with a type that implements `View`, then add
// its line here.
screens! {
    /// The guides.
    Home => home::Home,
    /// A guide's page: start a session or browse its errors.
    Guide => guide::GuidePage,
    /// A guided session: questions, outcomes, the end.
    Session => session::Session,
    /// A guide's errors beside the selected one's detail.
    Reference => reference::Reference,
    /// Live search.
    Search => search::Search,
    /// The `?` overlay.
    Help => help::Help,
    /// The overlay of guide files that could not be loaded.
    Problems => problems::Problems,
    /// The known errors of a log file, read in the background.
    Triage => triage::Triage,
    /// The overlay asking which log file to triage.
    TriagePrompt => triage_prompt::TriagePrompt,
    /// The overlay choosing Markdown or JSON and redaction for an export.
    ExportOptions => export::ExportOptions,
    /// The map of a guide's tree, over a session or a guide page.
    Map => map::Map,
}
