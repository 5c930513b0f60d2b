//! The guide model: what a troubleshooting guide is once it has been read and checked.
//!
//! Files become [`raw`] serde types (shape only), then [`validate`] checks them and builds a
//! [`Guide`] whose references are indices, so nothing above this layer ever meets a dangling
//! id. [`catalog`] gathers guides from every source.

mod build;
pub mod catalog;
mod cross;
pub mod diagnostic;
pub mod load;
pub mod loader;
pub mod raw;
pub mod read;
pub mod sanitize;
pub mod sources;
pub mod suggest;
pub mod text;
pub mod validate;

pub use catalog::Catalog;
pub use diagnostic::{Diagnostic, Pos, Severity};
pub use text::Text;

/// Whether `s` is a placeholder name of a message or step (`{alertName}`): a letter or `_`,
/// then letters, digits or `_`. Search, triage and sessions all read placeholders by it.
#[must_use]
pub fn is_placeholder_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A checked guide: every reference in it points at something that exists.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Guide {
    pub id: String,
    pub title: Text,
    pub summary: Option<Text>,
    pub tags: Vec<String>,
    pub sources: Vec<Link>,
    pub escalation: Option<Text>,
    /// Index into `nodes` of the first question.
    pub start: usize,
    pub nodes: Vec<Node>,
    pub errors: Vec<ErrorEntry>,
    /// The language codes the guide's texts use, in first-seen order.
    pub languages: Vec<String>,
    pub origin: Origin,
}

/// Where a guide was read from.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Origin {
    /// The file as shown to the user (`<builtin>/name.yaml` for compiled-in guides).
    pub file: String,
    /// Index of the source in the catalog's source list.
    pub source: usize,
    /// Where the guide's `id` is written, for messages about the guide as a whole.
    pub id_pos: Option<Pos>,
}

/// A question of the guided session.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Node {
    pub id: String,
    pub question: Text,
    pub help: Option<Text>,
    pub answers: Vec<Answer>,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Answer {
    pub label: Text,
    pub next: Next,
}

/// Where an answer leads.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Next {
    /// Another question: index into `Guide::nodes`.
    Node(usize),
    /// An outcome: index into `Guide::errors`.
    Error(usize),
    /// `error: guide-id/error-id`: an outcome in another guide. The catalog keeps only
    /// answers whose target exists.
    OtherError {
        guide: String,
        error: String,
        pos: Option<Pos>,
    },
    /// `guide: guide-id`: on with another guide's first question. The catalog keeps only
    /// answers whose guide is loaded.
    OtherGuide { guide: String, pos: Option<Pos> },
}

/// A known error: how it shows itself, why it happens and how to fix it.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct ErrorEntry {
    pub id: String,
    pub title: Text,
    /// Literal messages; `{name}` marks a part that varies.
    pub messages: Vec<Text>,
    pub symptoms: Vec<Text>,
    pub causes: Vec<Text>,
    pub checklist: Vec<Step>,
    pub links: Vec<Link>,
    pub related: Vec<Related>,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Step {
    pub text: Text,
    pub details: Option<Text>,
    pub link: Option<String>,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Link {
    pub title: Text,
    pub url: String,
}

/// A related error, in this guide or in another one.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Related {
    /// Index into this guide's `errors`.
    Local(usize),
    /// `guide-id/error-id` in another guide; the catalog keeps only those that exist.
    Other {
        guide: String,
        error: String,
        pos: Option<Pos>,
    },
}

impl Guide {
    /// Every human-facing text of the guide, literal messages included.
    #[must_use]
    pub fn texts(&self) -> Vec<&Text> {
        let mut all: Vec<&Text> = vec![&self.title];
        all.extend(&self.summary);
        all.extend(&self.escalation);
        all.extend(self.sources.iter().map(|l| &l.title));
        for node in &self.nodes {
            all.push(&node.question);
            all.extend(&node.help);
            all.extend(node.answers.iter().map(|a| &a.label));
        }
        for error in &self.errors {
            all.push(&error.title);
            all.extend(
                error
                    .messages
                    .iter()
                    .chain(&error.symptoms)
                    .chain(&error.causes),
            );
            for step in &error.checklist {
                all.push(&step.text);
                all.extend(&step.details);
            }
            all.extend(error.links.iter().map(|l| &l.title));
        }
        all
    }

    /// The error with this id.
    #[must_use]
    pub fn error(&self, id: &str) -> Option<&ErrorEntry> {
        self.errors.iter().find(|e| e.id == id)
    }
}
