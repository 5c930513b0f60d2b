//! References from one guide into another — `related: [guide-id/error-id]`, `error:
//! guide-id/error-id` and `guide: guide-id` in answers — checked once every guide is known.
//!
//! A guide file is checked on its own first, so these can only be resolved by the catalog.
//! One that leads nowhere is reported (an error when the guide is loaded but has no such
//! error, a warning when the guide is not loaded at all) and dropped, so no screen and no
//! session ever meets a dangling reference.

use rustc_hash::FxHashMap;

use super::diagnostic::{Diagnostic, Diagnostics, Pos};
use super::suggest::hint;
use super::{Guide, Next, Related};

/// Unresolved references that get a "did you mean" hint; each hint compares against every
/// guide id, so past this many a load with many broken references stays linear.
const MAX_HINTS: usize = 100;

/// The loaded guides with the loader's map from guide id to index, to check references
/// against in constant time.
struct Known<'a> {
    guides: &'a [Guide],
    ids: &'a FxHashMap<String, usize>,
    /// Hints still to be given.
    hints: usize,
}

/// What a reference into another guide found.
enum Found {
    Yes,
    /// The guide is loaded but has no such error: the message.
    NoError(String),
    /// The guide is not loaded: the message.
    NoGuide(String),
}

impl Known<'_> {
    /// Looks up `guide` and, when given, its `error`; `what` names the field in messages.
    fn find(&mut self, what: &str, guide: &str, error: Option<&str>) -> Found {
        let hinted = self.hints > 0;
        let Some(target) = self.ids.get(guide).and_then(|&i| self.guides.get(i)) else {
            let hint = if hinted {
                self.hints -= 1;
                hint(guide, self.guides.iter().map(|g| g.id.as_str()))
            } else {
                String::new()
            };
            return Found::NoGuide(format!(
                "{what} names guide `{guide}`, which is not loaded{hint}"
            ));
        };
        match error {
            Some(e) if target.error(e).is_none() => {
                let hint = if hinted {
                    self.hints -= 1;
                    hint(e, target.errors.iter().map(|x| x.id.as_str()))
                } else {
                    String::new()
                };
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

/// Checks every cross-guide reference of `guides` (`ids` maps each guide id to its index),
/// drops those that lead nowhere, and returns the diagnostics with the index of the source
/// each guide came from.
pub(super) fn resolve(
    guides: &mut [Guide],
    ids: &FxHashMap<String, usize>,
) -> Vec<(usize, Vec<Diagnostic>)> {
    // First every reference is checked against the guides as they are, then the ones that
    // lead nowhere are dropped: a guide's own references never change what another finds.
    let mut known = Known {
        guides,
        ids,
        hints: MAX_HINTS,
    };
    let mut found = Vec::with_capacity(guides.len());
    // Per guide: whether to keep each cross reference, in the order they are met below.
    let mut verdicts: Vec<Vec<bool>> = Vec::with_capacity(guides.len());
    for guide in known.guides {
        let mut diags = Diagnostics::new(&guide.origin.file);
        let mut keeps = Vec::new();
        for node in &guide.nodes {
            for answer in &node.answers {
                match &answer.next {
                    Next::OtherError { guide, error, pos } => {
                        let f = known.find("`error`", guide, Some(error));
                        keeps.push(keep(f, *pos, &mut diags));
                    }
                    Next::OtherGuide { guide, pos } => {
                        let f = known.find("`guide`", guide, None);
                        keeps.push(keep(f, *pos, &mut diags));
                    }
                    Next::Node(_) | Next::Error(_) => {}
                }
            }
        }
        for error in &guide.errors {
            for related in &error.related {
                if let Related::Other { guide, error, pos } = related {
                    let f = known.find("`related`", guide, Some(error));
                    keeps.push(keep(f, *pos, &mut diags));
                }
            }
        }
        found.push((guide.origin.source, diags.list));
        verdicts.push(keeps);
    }
    for (guide, keeps) in guides.iter_mut().zip(verdicts) {
        if keeps.iter().all(|&k| k) {
            continue;
        }
        let mut keeps = keeps.into_iter();
        for node in &mut guide.nodes {
            node.answers.retain(|answer| match answer.next {
                Next::OtherError { .. } | Next::OtherGuide { .. } => keeps.next().unwrap_or(true),
                Next::Node(_) | Next::Error(_) => true,
            });
        }
        for error in &mut guide.errors {
            error.related.retain(|r| match r {
                Related::Other { .. } => keeps.next().unwrap_or(true),
                Related::Local(_) => true,
            });
        }
    }
    found
}
