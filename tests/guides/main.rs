//! The built-in content: the ITSMC guides hold what the product promises.
//!
//! These tests read the guides the way a support engineer uses them: every documented message
//! quoted exactly, every error reachable in a few answers, a way out of every question, symptoms
//! in both languages, and `related` lists that never offer what the answers ruled out.

#[path = "../common/mod.rs"]
mod common;
mod texts;
mod trees;

use tshoot::guide::catalog::{Catalog, Source};
use tshoot::guide::{Guide, Text};

const DASHBOARD: &str = "itsmc-dashboard-errors";
const TROUBLESHOOTING: &str = "itsmc-troubleshooting";

fn builtin() -> Catalog {
    Catalog::load(&[Source::Builtin])
}

fn guide<'a>(catalog: &'a Catalog, id: &str) -> &'a Guide {
    catalog.guide(id).expect("built in")
}

/// The string of `text` in language `code`, if it has one.
fn lang<'a>(text: &'a Text, code: &str) -> Option<&'a str> {
    match text {
        Text::Plain(_) => None,
        Text::Localized(pairs) => pairs
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, s)| s.as_str()),
    }
}
