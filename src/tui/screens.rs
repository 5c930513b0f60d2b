//! How each screen answers a message: moving selections, walking the guide, following
//! related errors, typing a query. Part of `App::update`, kept apart for size.

use super::app::{App, Focus, Msg, Screen, move_in};
use crate::guide::Related;
use crate::session::At;

impl App {
    pub(super) fn screen_update(&mut self, msg: Msg) {
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
                    Some(0) => self.go(Screen::walk(guide, catalog)),
                    Some(_) => self.go(Screen::reference(guide, 0)),
                    None => {}
                }
            }
            Screen::Walk { .. } => self.walk_update(msg),
            Screen::Reference { .. } => self.reference_update(msg),
            Screen::Search { .. } => self.search_update(msg),
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
                    self.go(Screen::reference(gi, ei));
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

    fn search_update(&mut self, msg: Msg) {
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
                    self.go(Screen::reference(guide, error));
                }
            }
            m => move_in(selected, hits.len(), &m),
        }
    }
}
