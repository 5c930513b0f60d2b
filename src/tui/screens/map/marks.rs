//! The map's marks: where the session is, the answers given in this guide and the errors
//! still possible, worked out once from the session when the map opens.

use super::Map;
use crate::graph::Kind;
use crate::graph::text::Row;
use crate::session::{Place, Session as Walk};
use crate::tui::screens::Ctx;

/// What a row of the map is marked as.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mark {
    #[default]
    None,
    /// The question or outcome the session is at.
    Here,
    /// A question answered on the way, or the answer chosen.
    Answered,
    /// An error the current question can still lead to.
    Possible,
}

impl Mark {
    pub(super) fn gutter(self) -> &'static str {
        match self {
            Mark::None => "  ",
            Mark::Here => "▶ ",
            Mark::Answered => "✓ ",
            Mark::Possible => "○ ",
        }
    }
}

impl Map {
    /// The tree of the guide a session is in, marked: where it is, the answers given in
    /// this guide, and (at a question) the errors still possible.
    #[must_use]
    pub fn of_session(walk: &Walk, cx: &Ctx) -> Option<Map> {
        let guide = walk.current_guide();
        let mut map = Map::of_guide(guide, cx)?;
        map.session = true;
        let node_of = |key: &str, kind: Kind| {
            map.graph
                .nodes
                .iter()
                .position(|n| n.kind == kind && n.key == key)
        };
        let here = match walk.at() {
            Place::Question(n) if n.guide == guide => node_of(&n.node, Kind::Question),
            Place::Outcome(e) | Place::Solved(e) if e.guide == guide => {
                node_of(&e.error, Kind::Error)
            }
            _ => None,
        };
        // The answers given in this guide: the answer's row, and its question's full row.
        let mut last_edge_row = None;
        for (i, crumb) in walk.path().iter().enumerate() {
            last_edge_row = None;
            if crumb.node.guide != guide {
                continue;
            }
            let Some(q) = node_of(&crumb.node.node, Kind::Question) else {
                continue;
            };
            let edge = (0..map.graph.edges.len())
                .filter(|&e| {
                    let edge = &map.graph.edges[e];
                    edge.from == q && edge.style == crate::graph::Style::Answer
                })
                .nth(crumb.answer);
            for (r, row) in map.rows.iter().enumerate() {
                match row {
                    Row::Node {
                        node, again: false, ..
                    } if *node == q => {
                        map.marks[r] = Mark::Answered;
                        map.crumbs[r] = Some(i);
                    }
                    Row::Answer { edge: e, .. } if Some(*e) == edge => {
                        map.marks[r] = Mark::Answered;
                        last_edge_row = Some(r);
                    }
                    _ => {}
                }
            }
        }
        // Where it is: below the answer that led there, else where that node is drawn.
        map.here = here.and_then(|h| {
            let below = last_edge_row.map(|r| r + 1).filter(|&r| {
                matches!(map.rows.get(r), Some(Row::Node { node, .. }) if *node == h)
            });
            below.or_else(|| {
                map.rows
                    .iter()
                    .position(|row| matches!(row, Row::Node { node, again: false, .. } if *node == h))
            })
        });
        if let Some(r) = map.here {
            map.marks[r] = Mark::Here;
            map.crumbs[r] = None;
            map.list.select(r, map.rows.len());
        }
        if matches!(walk.at(), Place::Question(_)) {
            let possible: Vec<String> = walk
                .still_possible(&cx.catalog)
                .into_iter()
                .map(|e| {
                    if e.guide == guide {
                        e.error
                    } else {
                        e.to_string()
                    }
                })
                .collect();
            for (r, row) in map.rows.iter().enumerate() {
                if let Row::Node { node, .. } = row
                    && map.graph.nodes[*node].kind != Kind::Question
                    && possible.contains(&map.graph.nodes[*node].key)
                    && map.marks[r] == Mark::None
                {
                    map.marks[r] = Mark::Possible;
                }
            }
        }
        Some(map)
    }
}
