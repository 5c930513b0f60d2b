//! The application state and its one `update`: a message in, the state changed, maybe an
//! effect out for the loop to perform. No I/O, no terminal.

use crate::guide::{Catalog, Related};
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
    searcher: Searcher,
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
        self.go(Screen::Walk {
            guide: g,
            walk: Walk::new(&self.catalog.guides[g]),
            selected: 0,
            focus: Focus::Main,
            crumb: 0,
            scroll: 0,
        });
        true
    }

    fn go(&mut self, screen: Screen) {
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

    fn screen_update(&mut self, msg: Msg) {
        let lang = self.lang;
        let catalog = &self.catalog;
        match &mut self.screen {
            Screen::Home { selected } => match msg {
                Msg::Enter => {
                    if *selected < catalog.guides.len() {
                        let guide = *selected;
                        self.go(Screen::Guide { guide, selected: 0 });
                    }
                }
                m => move_in(selected, catalog.guides.len(), &m),
            },
            Screen::Guide { guide, selected } => {
                let choice = match msg {
                    Msg::Choose(n @ 1..=2) => Some(n - 1),
                    Msg::Enter => Some(*selected),
                    m => {
                        move_in(selected, 2, &m);
                        None
                    }
                };
                let guide = *guide;
                match choice {
                    Some(0) => {
                        let walk = Walk::new(&catalog.guides[guide]);
                        self.go(Screen::Walk {
                            guide,
                            walk,
                            selected: 0,
                            focus: Focus::Main,
                            crumb: 0,
                            scroll: 0,
                        });
                    }
                    Some(_) => self.go(Screen::Reference {
                        guide,
                        selected: 0,
                        focus: Focus::Main,
                        related: 0,
                        scroll: 0,
                    }),
                    None => {}
                }
            }
            Screen::Walk { .. } => self.walk_update(msg),
            Screen::Reference { .. } => self.reference_update(msg),
            Screen::Search { .. } => self.search_update(msg, lang),
        }
    }

    fn walk_update(&mut self, msg: Msg) {
        let Screen::Walk {
            guide,
            walk,
            selected,
            focus,
            crumb,
            scroll,
        } = &mut self.screen
        else {
            return;
        };
        let g = &self.catalog.guides[*guide];
        let items = match walk.at {
            At::Question(n) => g.nodes[n].answers.len(),
            At::Outcome(e) => g.errors[e].checklist.len(),
            At::Solved(_) | At::Escalation => 0,
        };
        let before = walk.at.clone();
        match msg {
            Msg::NextFocus if !walk.path.is_empty() => {
                *focus = if *focus == Focus::Main {
                    Focus::Side
                } else {
                    Focus::Main
                };
                *crumb = walk.path.len() - 1;
            }
            Msg::Up | Msg::Down | Msg::First | Msg::Last if *focus == Focus::Side => {
                move_in(crumb, walk.path.len(), &msg);
            }
            Msg::Enter if *focus == Focus::Side => {
                walk.jump(*crumb);
                *focus = Focus::Main;
            }
            Msg::Choose(n) => {
                walk.choose(g, n.saturating_sub(1));
            }
            Msg::Enter => {
                walk.choose(g, *selected);
            }
            Msg::PreviousQuestion => {
                walk.back();
            }
            Msg::Restart => walk.restart(g),
            Msg::Tick => {
                walk.tick(g, *selected);
            }
            Msg::Fixed => {
                walk.fixed();
            }
            Msg::NotFixed => {
                walk.not_fixed();
            }
            Msg::Scroll(d) => *scroll = scroll.saturating_add_signed(d),
            Msg::PageDown => *scroll = scroll.saturating_add(10),
            Msg::PageUp => *scroll = scroll.saturating_sub(10),
            m => move_in(selected, items, &m),
        }
        if walk.at != before {
            *selected = 0;
            *scroll = 0;
            if walk.path.is_empty() {
                *focus = Focus::Main;
            }
        }
        // Going back shortens the breadcrumb under the selection.
        *crumb = (*crumb).min(walk.path.len().saturating_sub(1));
    }

    fn reference_update(&mut self, msg: Msg) {
        let Screen::Reference {
            guide,
            selected,
            focus,
            related,
            scroll,
        } = &mut self.screen
        else {
            return;
        };
        let g = &self.catalog.guides[*guide];
        let relations = g.errors.get(*selected).map_or(0, |e| e.related.len());
        match msg {
            Msg::NextFocus if relations > 0 => {
                *focus = if *focus == Focus::Main {
                    Focus::Side
                } else {
                    Focus::Main
                };
                *related = 0;
            }
            Msg::Enter if *focus == Focus::Side => {
                let target = g
                    .errors
                    .get(*selected)
                    .and_then(|e| e.related.get(*related));
                let found = match target {
                    Some(Related::Local(e)) => Some((*guide, *e)),
                    Some(Related::Other {
                        guide: gid, error, ..
                    }) => self
                        .catalog
                        .guides
                        .iter()
                        .position(|x| &x.id == gid)
                        .and_then(|gi| {
                            let ei = self.catalog.guides[gi]
                                .errors
                                .iter()
                                .position(|x| &x.id == error)?;
                            Some((gi, ei))
                        }),
                    None => None,
                };
                if let Some((gi, ei)) = found {
                    self.go(Screen::Reference {
                        guide: gi,
                        selected: ei,
                        focus: Focus::Main,
                        related: 0,
                        scroll: 0,
                    });
                }
            }
            Msg::Up | Msg::Down | Msg::First | Msg::Last if *focus == Focus::Side => {
                move_in(related, relations, &msg);
            }
            Msg::Scroll(d) => *scroll = scroll.saturating_add_signed(d),
            Msg::PageDown => *scroll = scroll.saturating_add(10),
            Msg::PageUp => *scroll = scroll.saturating_sub(10),
            m => {
                let before = *selected;
                move_in(selected, g.errors.len(), &m);
                if *selected != before {
                    *scroll = 0;
                }
            }
        }
    }

    fn search_update(&mut self, msg: Msg, _lang: Lang) {
        let Screen::Search {
            query,
            hits,
            selected,
        } = &mut self.screen
        else {
            return;
        };
        match msg {
            Msg::Type(c) => {
                let mut q = query.clone();
                q.push(c);
                self.set_query(q);
            }
            Msg::Paste(text) => {
                let mut q = query.clone();
                // A multi-line paste is one query: its lines joined by spaces.
                q.push_str(&text.replace(['\r', '\n', '\t'], " "));
                self.set_query(q);
            }
            Msg::Erase => {
                let mut q = query.clone();
                q.pop();
                self.set_query(q);
            }
            Msg::Enter => {
                if let Some(hit) = hits.get(*selected) {
                    let (guide, error) = (hit.entry.guide, hit.entry.error);
                    self.go(Screen::Reference {
                        guide,
                        selected: error,
                        focus: Focus::Main,
                        related: 0,
                        scroll: 0,
                    });
                }
            }
            m => move_in(selected, hits.len(), &m),
        }
    }

    fn set_query(&mut self, text: String) {
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
fn move_in(selected: &mut usize, len: usize, msg: &Msg) {
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
