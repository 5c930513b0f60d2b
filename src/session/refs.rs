//! Positions in the catalog by id: `guide-id/error-id` and `guide-id/node-id`.
//!
//! A session names what it has seen by ids, never by indices, so a saved session still means
//! the same thing after a guide gains an error or a question; and it names the guide too,
//! because a walk may cross from one guide into another.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::guide::{Catalog, ErrorEntry, Guide, Next, Node, Related};

/// An error of a guide; written `guide-id/error-id`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct ErrorRef {
    pub guide: String,
    pub error: String,
}

/// A question of a guide; written `guide-id/node-id`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct NodeRef {
    pub guide: String,
    pub node: String,
}

impl ErrorRef {
    #[must_use]
    pub fn new(guide: &str, error: &str) -> ErrorRef {
        ErrorRef {
            guide: guide.to_owned(),
            error: error.to_owned(),
        }
    }

    /// Error `index` of `guide`, if there is one.
    #[must_use]
    pub fn of(guide: &Guide, index: usize) -> Option<ErrorRef> {
        Some(ErrorRef::new(&guide.id, &guide.errors.get(index)?.id))
    }

    /// The guide and the error this names, if both are loaded.
    #[must_use]
    pub fn find<'c>(&self, catalog: &'c Catalog) -> Option<(&'c Guide, &'c ErrorEntry)> {
        let guide = catalog.guide(&self.guide)?;
        Some((guide, guide.error(&self.error)?))
    }
}

impl NodeRef {
    #[must_use]
    pub fn new(guide: &str, node: &str) -> NodeRef {
        NodeRef {
            guide: guide.to_owned(),
            node: node.to_owned(),
        }
    }

    /// The first question of guide `id`.
    #[must_use]
    pub fn start_of(catalog: &Catalog, id: &str) -> Option<NodeRef> {
        let guide = catalog.guide(id)?;
        Some(NodeRef::new(&guide.id, &guide.nodes.get(guide.start)?.id))
    }

    /// The guide and the question this names, if both are loaded.
    #[must_use]
    pub fn find<'c>(&self, catalog: &'c Catalog) -> Option<(&'c Guide, &'c Node)> {
        let guide = catalog.guide(&self.guide)?;
        Some((guide, guide.nodes.iter().find(|n| n.id == self.node)?))
    }
}

/// Where an answer of `guide` leads, by id: a question or an error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Question(NodeRef),
    Error(ErrorRef),
}

impl Target {
    /// The place `next` (an answer's target in `guide`) names; `None` if it is not loaded.
    #[must_use]
    pub fn of(catalog: &Catalog, guide: &Guide, next: &Next) -> Option<Target> {
        Some(match next {
            Next::Node(i) => Target::Question(NodeRef::new(&guide.id, &guide.nodes.get(*i)?.id)),
            Next::Error(i) => Target::Error(ErrorRef::of(guide, *i)?),
            Next::OtherError { guide, error, .. } => Target::Error(ErrorRef::new(guide, error)),
            Next::OtherGuide { guide, .. } => Target::Question(NodeRef::start_of(catalog, guide)?),
        })
    }
}

/// The error a `related` entry of `guide` names.
#[must_use]
pub fn related(guide: &Guide, entry: &Related) -> Option<ErrorRef> {
    match entry {
        Related::Local(i) => ErrorRef::of(guide, *i),
        Related::Other { guide, error, .. } => Some(ErrorRef::new(guide, error)),
    }
}

impl fmt::Display for ErrorRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.guide, self.error)
    }
}

impl fmt::Display for NodeRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.guide, self.node)
    }
}

impl From<ErrorRef> for String {
    fn from(r: ErrorRef) -> String {
        r.to_string()
    }
}

impl From<NodeRef> for String {
    fn from(r: NodeRef) -> String {
        r.to_string()
    }
}

/// Splits `guide-id/id`.
fn split(s: &str) -> Result<(&str, &str), String> {
    s.split_once('/')
        .filter(|(g, i)| !g.is_empty() && !i.is_empty() && !i.contains('/'))
        .ok_or_else(|| format!("`{s}` is not `guide-id/id`"))
}

impl TryFrom<String> for ErrorRef {
    type Error = String;

    fn try_from(s: String) -> Result<ErrorRef, String> {
        split(&s).map(|(g, e)| ErrorRef::new(g, e))
    }
}

impl TryFrom<String> for NodeRef {
    type Error = String;

    fn try_from(s: String) -> Result<NodeRef, String> {
        split(&s).map(|(g, n)| NodeRef::new(g, n))
    }
}
