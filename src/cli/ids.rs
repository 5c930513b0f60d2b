//! Turning an id typed on the command line into a guide, with a helpful message when it
//! names nothing: "did you mean", or "that is an error of guide …".

use crate::guide::{Catalog, Guide, suggest};

/// The guide `id`, or an error saying what `id` is instead and what was probably meant.
pub fn guide<'a>(catalog: &'a Catalog, id: &str) -> anyhow::Result<&'a Guide> {
    if let Some(guide) = catalog.guide(id) {
        return Ok(guide);
    }
    let owners: Vec<&str> = catalog
        .guides
        .iter()
        .filter(|g| g.error(id).is_some())
        .map(|g| g.id.as_str())
        .collect();
    if !owners.is_empty() {
        anyhow::bail!(
            "`{id}` is an error, not a guide (it is in {}); give a guide id, or see the error with `tshoot show {id}`",
            owners.join(", ")
        );
    }
    if catalog.guides.is_empty() {
        anyhow::bail!("no guide `{id}`: no guides are loaded");
    }
    let hint = suggest::hint(id, catalog.guides.iter().map(|g| g.id.as_str()));
    let hint = if hint.is_empty() {
        "; `tshoot list` shows the loaded guides".to_owned()
    } else {
        hint
    };
    anyhow::bail!("no guide `{id}` is loaded{hint}")
}

/// Why `id` names no error, and what to do instead: the guide's errors when `id` is a
/// guide, the closest error id when it looks like a typo, else a search for it.
#[must_use]
pub fn not_an_error(catalog: &Catalog, id: &str) -> String {
    if let Some(guide) = catalog.guide(id) {
        let ids: Vec<&str> = guide.errors.iter().map(|e| e.id.as_str()).collect();
        return format!(
            "`{id}` is a guide; its errors: {}\n  show one with `tshoot show {id}/ERROR-ID`, or walk it with `tshoot --guide {id}`",
            ids.join(", ")
        );
    }
    let ids = catalog
        .guides
        .iter()
        .flat_map(|g| g.errors.iter().map(|e| e.id.as_str()));
    let hint = suggest::hint(id.rsplit('/').next().unwrap_or(id), ids);
    if hint.is_empty() {
        format!(
            "no error `{id}`; to find errors by a message, a code or a few words, try `tshoot search {}`",
            super::report::shell_quote(id)
        )
    } else {
        format!("no error `{id}`{hint}")
    }
}
