//! References from one guide into another — `related: [guide-id/error-id]`, `error:
//! guide-id/error-id` and `guide: guide-id` in answers — checked once every guide is known.
//!
//! A guide file is checked on its own first, so these can only be resolved by the catalog.
//! One that leads nowhere is reported (an error when the guide is loaded but has no such
//! error, a warning when the guide is not loaded at all) and dropped, so no screen and no
//! session ever meets a dangling reference.

use super::diagnostic::{Diagnostic, Diagnostics, Pos};
use super::suggest::hint;
use super::{Guide, Next, Related};

/// The guide ids and their error ids, to check references against.
struct Known(Vec<(String, Vec<String>)>);

/// What a reference into another guide found.
enum Found {
    Yes,
    /// The guide is loaded but has no such error: the message.
    NoError(String),
    /// The guide is not loaded: the message.
    NoGuide(String),
}

impl Known {
    fn of(guides: &[Guide]) -> Known {
        Known(
            guides
                .iter()
                .map(|g| {
                    (
                        g.id.clone(),
                        g.errors.iter().map(|e| e.id.clone()).collect(),
                    )
                })
                .collect(),
        )
    }

    /// Looks up `guide` and, when given, its `error`; `what` names the field in messages.
    fn find(&self, what: &str, guide: &str, error: Option<&str>) -> Found {
        let Some((_, errors)) = self.0.iter().find(|(id, _)| id == guide) else {
            let hint = hint(guide, self.0.iter().map(|(id, _)| id.as_str()));
            return Found::NoGuide(format!(
                "{what} names guide `{guide}`, which is not loaded{hint}"
            ));
        };
        match error {
            Some(e) if !errors.iter().any(|x| x == e) => {
                let hint = hint(e, errors.iter().map(String::as_str));
                Found::NoError(format!(
                    "{what} names unknown error `{e}` of guide `{guide}`{hint}"
                ))
            }
            _ => Found::Yes,
        }
    }
}

/// Keeps a reference when it resolves, else reports it at `pos` and says to drop it.
fn keep(found: Found, pos: Option<Pos>, diags: &mut Diagnostics) -> bool {
    match found {
        Found::Yes => true,
        Found::NoError(message) => {
            diags.error(pos, message);
            false
        }
        Found::NoGuide(message) => {
            diags.warning(pos, message);
            false
        }
    }
}

/// Checks every cross-guide reference of `guides`, drops those that lead nowhere, and
/// returns the diagnostics with the index of the source each guide came from.
pub(super) fn resolve(guides: &mut [Guide]) -> Vec<(usize, Vec<Diagnostic>)> {
    let known = Known::of(guides);
    let mut found = Vec::new();
    for guide in guides.iter_mut() {
        let mut diags = Diagnostics::new(&guide.origin.file);
        for node in &mut guide.nodes {
            node.answers.retain(|answer| match &answer.next {
                Next::OtherError { guide, error, pos } => {
                    keep(known.find("`error`", guide, Some(error)), *pos, &mut diags)
                }
                Next::OtherGuide { guide, pos } => {
                    keep(known.find("`guide`", guide, None), *pos, &mut diags)
                }
                Next::Node(_) | Next::Error(_) => true,
            });
        }
        for error in &mut guide.errors {
            error.related.retain(|r| match r {
                Related::Other { guide, error, pos } => keep(
                    known.find("`related`", guide, Some(error)),
                    *pos,
                    &mut diags,
                ),
                Related::Local(_) => true,
            });
        }
        found.push((guide.origin.source, diags.list));
    }
    found
}
