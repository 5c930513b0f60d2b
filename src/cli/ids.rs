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
