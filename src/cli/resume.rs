//! `tshoot resume [ID]`: goes on with the latest unfinished session, or a named one, from
//! where it was saved.
//!
//! The saved session is replayed over today's guides (see [`crate::store::convert`]); if a
//! guide changed so that part of it no longer exists, it goes on from the last point that
//! still does, and says so.

use std::io::Write;
use std::process::ExitCode;

use crate::guide::Catalog;
use crate::guide::sanitize::clean;
use crate::labels::Label;
use crate::store::{Store, clock, convert};

use super::Context;
use super::walk::{self, Format, Out};

pub fn run(catalog: Catalog, id: Option<&str>, context: &Context) -> anyhow::Result<ExitCode> {
    let lang = context.lang;
    let Some(store) = Store::default_dir().map(Store::new) else {
        anyhow::bail!("no folder for saved sessions (set XDG_STATE_HOME or HOME)");
    };
    let now = clock::now();
    let saved = if let Some(id) = id {
        store.load(id)?
    } else {
        let listing = store.list(now);
        for skipped in &listing.skipped {
            super::report::warning(skipped);
        }
        let Some(latest) = listing.sessions.into_iter().find(|s| !s.status.finished()) else {
            super::report::error("no unfinished session to resume (see `tshoot sessions`)");
            return Ok(ExitCode::from(1));
        };
        latest
    };
    let resumed = convert::replay(&catalog, &saved)
        .map_err(|e| anyhow::anyhow!("session {}: {}", saved.id, clean(&e)))?;
    let mut saved = saved;
    if resumed.changed {
        // Save where it stands now, so lists agree with what is shown.
        let mut next = convert::saved(&catalog, &resumed.session, lang, now, Some(&saved));
        match store.save(&mut next) {
            Ok(_) => saved = next,
            Err(e) => super::report::warning(format_args!("{}: {e:#}", Label::NotSaved.text(lang))),
        }
    }
    if super::can_draw() {
        return in_tui(catalog, resumed, saved, context);
    }
    let mut out = Out::plain();
    writeln!(
        std::io::stdout(),
        "{} — {}, {} ({})",
        saved.title,
        saved.stands(lang),
        clock::ago(saved.updated, now, lang),
        saved.id
    )?;
    if resumed.changed {
        writeln!(std::io::stdout(), "{}", Label::ResumedAt.text(lang))?;
    }
    walk::interactive(
        &catalog,
        resumed.session,
        Some(saved),
        Some(&store),
        Format::Text,
        lang,
        &mut out,
    )
}

/// Opens the session in the terminal UI, saved as it changes.
fn in_tui(
    catalog: Catalog,
    resumed: convert::Resumed,
    saved: crate::store::Saved,
    context: &Context,
) -> anyhow::Result<ExitCode> {
    let mut app = super::new_app(catalog, context);
    crate::tui::autosave::push(&mut app, resumed, saved).map_err(anyhow::Error::msg)?;
    super::run_app(&mut app, context)
}
