//! The application state and its one `update`: a message in, the state changed, maybe an
//! effect out for the loop to perform. No I/O, no terminal.

use crate::guide::Catalog;
use crate::lang::Lang;
use crate::search::{Hit, Index, Searcher};
use crate::session::{At, Walk};

/// What the user meant by a key, a paste or a click.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// Leave tshoot.
    Quit,
    /// Go back: close the overlay, clear the field, or return to the previous screen.
    Back,
    /// One question back in a guided session.
    PreviousQuestion,
    /// Show or hide the keys of this screen.
    Help,
    /// Open the search screen.
    OpenSearch,
    /// Move the selection.
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    /// Open or choose the selection.
    Enter,
    /// Choose answer or option `n` (1-based, as typed).
    Choose(usize),
    /// Tick or untick the selected checklist step.
    Tick,
    /// Start the guided session over.
    Restart,
    /// The fix worked.
    Fixed,
    /// The fix did not work.
    NotFixed,
    /// Save the session as Markdown.
    Export,
    /// Open the selected link in the browser.
    OpenLink,
    /// Move the focus to the next panel.
    NextFocus,
    /// Type a character into the search field.
    Type(char),
    /// Delete the character before the cursor in the search field.
    Erase,
    /// Pasted text.
    Paste(String),
    /// The mouse wheel.
    Scroll(i16),
    /// A left click at this row of the screen: selects the list item there.
    Click(u16),
}

/// Work for the loop: anything that touches the world outside the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    Quit,
    /// Write this Markdown to a new file in the data dir.
    Export(String),
    /// Open this address in the browser.
    Open(String),
}

/// Which panel of a screen has the keys.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Focus {
    #[default]
    Main,
    Side,
}

/// A screen and its own state.
#[derive(Clone, Debug, PartialEq)]
pub enum Screen {
    Home {
        selected: usize,
    },
    /// A guide's page: start a session or browse its errors.
    Guide {
        guide: usize,
        selected: usize,
    },
    Walk {
        guide: usize,
        walk: Walk,
        /// Selected answer (on a question) or step (on an outcome).
        selected: usize,
        /// `Side` selects a breadcrumb to jump back to.
        focus: Focus,
        crumb: usize,
        scroll: u16,
    },
    Reference {
        guide: usize,
        selected: usize,
        /// `Side` selects among the related errors of the entry.
        focus: Focus,
        related: usize,
        scroll: u16,
    },
    Search {
        query: String,
        hits: Vec<Hit>,
        selected: usize,
    },
}

impl Screen {
    /// A guided session of guide `guide` at its first question.
    #[must_use]
    pub fn walk(guide: usize, catalog: &Catalog) -> Screen {
        Screen::Walk {
            guide,
            walk: Walk::new(&catalog.guides[guide]),
            selected: 0,
            focus: Focus::Main,
            crumb: 0,
            scroll: 0,
        }
    }

    /// The reference of guide `guide` with error `selected` shown.
    #[must_use]
    pub fn reference(guide: usize, selected: usize) -> Screen {
        Screen::Reference {
            guide,
            selected,
            focus: Focus::Main,
            related: 0,
            scroll: 0,
        }
    }
}

/// The whole application.
#[derive(Debug)]
pub struct App {
    pub catalog: Catalog,
    pub index: Index,
    pub lang: Lang,
    pub screen: Screen,
    /// Screens to go back to.
    pub history: Vec<Screen>,
    pub help: bool,
    /// A one-line message for the footer (saved file, problems).
    pub status: Option<String>,
    /// The screen's height in rows, as last drawn (for clicks).
    pub height: u16,
    /// Colours, or attributes only (`NO_COLOR`).
    pub theme: super::theme::Theme,
    pub(super) searcher: Searcher,
}

impl App {
    #[must_use]
    pub fn new(catalog: Catalog, lang: Lang) -> App {
        let index = Index::new(&catalog);
        App {
            catalog,
            index,
            lang,
            screen: Screen::Home { selected: 0 },
            history: Vec::new(),
            help: false,
            status: None,
            height: 24,
            theme: super::theme::Theme::colour(),
            searcher: Searcher::new(),
        }
    }

    /// Opens the search screen with `query` typed in.
    pub fn open_search(&mut self, query: &str) {
        self.go(Screen::Search {
            query: String::new(),
            hits: Vec::new(),
            selected: 0,
        });
        self.set_query(query.to_owned());
    }

    /// Opens a guided session of the guide with this id; false when there is none.
    pub fn open_walk(&mut self, guide_id: &str) -> bool {
        let Some(g) = self.catalog.guides.iter().position(|g| g.id == guide_id) else {
            return false;
        };
        self.go(Screen::walk(g, &self.catalog));
        true
    }

    pub(super) fn go(&mut self, screen: Screen) {
        let old = std::mem::replace(&mut self.screen, screen);
        self.history.push(old);
    }

    /// Whether keys go to a text field (so `q`, `b`, `/` are typed, not obeyed).
    #[must_use]
    pub fn typing(&self) -> bool {
        matches!(self.screen, Screen::Search { .. }) && !self.help
    }

    /// Applies one message.
    pub fn update(&mut self, msg: Msg) -> Option<Effect> {
        self.status = None;
        if self.help {
            // The overlay takes any key to close; Ctrl-C still quits.
            self.help = false;
            return (msg == Msg::Quit).then_some(Effect::Quit);
        }
        match msg {
            Msg::Quit => return Some(Effect::Quit),
            Msg::Help => self.help = true,
            Msg::OpenSearch => self.open_search(""),
            Msg::Back => self.back(),
            Msg::Export => return self.export(),
            Msg::OpenLink => return self.link().map(Effect::Open),
            Msg::Click(row) => self.click(row),
            _ => self.screen_update(msg),
        }
        None
    }

    fn back(&mut self) {
        if let Screen::Search { query, .. } = &self.screen
            && !query.is_empty()
        {
            self.set_query(String::new());
            return;
        }
        if let Some(previous) = self.history.pop() {
            self.screen = previous;
        }
    }

    pub(super) fn set_query(&mut self, text: String) {
        let hits = self.searcher.search(&self.index, &text);
        if let Screen::Search {
            query,
            hits: h,
            selected,
        } = &mut self.screen
        {
            *query = text;
            *h = hits;
            *selected = 0;
        }
    }

    /// Selects the list item drawn at `row`: a guide, a reference entry, a search hit.
    fn click(&mut self, row: u16) {
        // The rows above each list: the header line, then the screen's own lines.
        let body = self.height.saturating_sub(2);
        let row = usize::from(row);
        match &mut self.screen {
            Screen::Home { selected } => {
                if let Some(i) = row
                    .checked_sub(2)
                    .filter(|&i| i < self.catalog.guides.len())
                {
                    *selected = i;
                }
            }
            Screen::Reference {
                guide,
                selected,
                focus,
                ..
            } => {
                let first = selected.saturating_sub(usize::from(body.max(1)) - 1);
                let i = first + row.saturating_sub(1);
                if row >= 1 && i < self.catalog.guides[*guide].errors.len() {
                    *selected = i;
                    *focus = Focus::Main;
                }
            }
            Screen::Search { hits, selected, .. } => {
                let per_page = usize::from(body.saturating_sub(2) / 2).max(1);
                let first = selected.saturating_sub(per_page - 1);
                if let Some(i) = row
                    .checked_sub(3)
                    .map(|r| first + r / 2)
                    .filter(|&i| i < hits.len())
                {
                    *selected = i;
                }
            }
            _ => {}
        }
    }

    /// The link of the selection: a checklist step's, or the entry's first.
    fn link(&self) -> Option<String> {
        let g = |i: usize| &self.catalog.guides[i];
        match &self.screen {
            Screen::Walk {
                guide,
                walk,
                selected,
                ..
            } => match walk.at {
                At::Outcome(e) => {
                    let error = &g(*guide).errors[e];
                    error
                        .checklist
                        .get(*selected)
                        .and_then(|s| s.link.clone())
                        .or_else(|| error.links.first().map(|l| l.url.clone()))
                }
                _ => None,
            },
            Screen::Reference {
                guide, selected, ..
            } => g(*guide)
                .errors
                .get(*selected)?
                .links
                .first()
                .map(|l| l.url.clone()),
            _ => None,
        }
    }

    fn export(&self) -> Option<Effect> {
        let Screen::Walk { guide, walk, .. } = &self.screen else {
            return None;
        };
        matches!(walk.at, At::Outcome(_) | At::Solved(_) | At::Escalation).then(|| {
            Effect::Export(super::export::markdown(
                &self.catalog.guides[*guide],
                walk,
                self.lang,
                &super::export::now_utc(),
            ))
        })
    }
}

/// Moves a selection among `len` items.
pub(super) fn move_in(selected: &mut usize, len: usize, msg: &Msg) {
    let last = len.saturating_sub(1);
    *selected = match msg {
        Msg::Up => selected.saturating_sub(1),
        Msg::Down => (*selected + 1).min(last),
        Msg::PageUp => selected.saturating_sub(10),
        Msg::PageDown => (*selected + 10).min(last),
        Msg::First => 0,
        Msg::Last => last,
        Msg::Scroll(d) if *d < 0 => selected.saturating_sub(d.unsigned_abs().into()),
        Msg::Scroll(d) => (*selected + usize::from(d.unsigned_abs())).min(last),
        _ => *selected,
    };
}
