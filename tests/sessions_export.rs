//! The TUI's export overlay, through the real loop on a `TestBackend`: `e` on an outcome
//! opens it (Markdown, redaction on), Space and ↑↓ change the choices, Enter writes the file
//! and the overlay shows where; Esc writes nothing. The file is read back: masked values
//! gone, masks in their place, the guide's documentation link untouched; JSON parses and
//! has the documented fields.

mod tui_common;

use std::path::{Path, PathBuf};

use serde_json::Value;
use tshoot::guide::catalog::{Catalog, Source};
use tshoot::lang::Lang;
use tshoot::tui::terminal::World;
use tshoot::tui::{App, Screen};

/// A guide whose message carries a connection's GUID and whose step names a person, a host
/// and an address beside a documentation link.
const GUIDE: &str = r"
id: site
title: One site's connector
start: q
nodes:
  - id: q
    question: Where is the error?
    answers:
      - label: Under Connector status
        error: gone
errors:
  - id: gone
    title: The connector is gone
    messages:
      - ITSM Connector {connectionIdentifier} does not exist or was deleted.
    symptoms: []
    causes: [The connection was deleted.]
    checklist:
      - step: Ask ops@contoso.com about {connectionIdentifier}, then read [the docs](https://learn.microsoft.com/azure/azure-monitor/alerts/itsmc-overview).
      - step: Check that snow01.corp.local (10.0.12.7) answers.
";

const GUID: &str = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
const SECRETS: [&str; 5] = [GUID, "3f2504e0", "ops@contoso.com", "snow01", "10.0.12.7"];
const DOCS: &str = "https://learn.microsoft.com/azure/azure-monitor/alerts/itsmc-overview";

/// Runs the real loop over these keys; returns the last frame.
fn run(app: &mut App, world: &World, keys: &str) -> String {
    tui_common::run_script(app, world, keys)
}

/// The app over the test guide, on its home screen; the world exporting into `data`.
fn app_over(guides: &Path, data: &Path) -> (App, World) {
    std::fs::write(guides.join("site.yaml"), GUIDE).expect("write guide");
    let catalog = Catalog::load(&[Source::Path {
        path: guides.to_path_buf(),
        optional: false,
    }]);
    assert_eq!(catalog.guides.len(), 1, "the test guide loads");
    let app = App::new(catalog, Lang::En);
    let world = World {
        sessions: Some(data.to_path_buf()),
        browser: false,
        hyperlinks: false,
        suspend: false,
        store: None,
    };
    (app, world)
}

/// The app at the outcome a pasted message leads to.
fn at_outcome(guides: &Path, data: &Path) -> (App, World) {
    let (mut app, world) = app_over(guides, data);
    let screen = run(
        &mut app,
        &world,
        &format!("/ITSM Connector {GUID} does not exist or was deleted.\n"),
    );
    assert!(
        matches!(app.stack.last(), Some(Screen::Session(_)))
            && screen.contains("The connector is gone"),
        "{screen}"
    );
    (app, world)
}

/// The files written so far, oldest first.
fn written(data: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(data)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

#[test]
fn the_default_export_is_markdown_with_every_secret_masked_and_the_docs_link_kept() {
    let guides = tempfile::tempdir().expect("temp");
    let data = tempfile::tempdir().expect("temp");
    let (mut app, world) = at_outcome(guides.path(), data.path());
    let overlay = run(&mut app, &world, "e");
    assert!(
        overlay.contains("[Markdown]") && overlay.contains("[on]"),
        "opens on Markdown, redaction on\n{overlay}"
    );
    let done = run(&mut app, &world, "\n");
    let files = written(data.path());
    assert_eq!(files.len(), 1);
    let file = &files[0];
    assert!(file.extension().is_some_and(|e| e == "md"), "{file:?}");
    let name = file.file_name().and_then(|n| n.to_str()).expect("name");
    assert!(
        done.contains("Saved to") && done.contains(name),
        "shows where\n{done}"
    );
    let md = std::fs::read_to_string(file).expect("read");
    for secret in SECRETS {
        assert!(!md.contains(secret), "{secret} leaked:\n{md}");
    }
    // The captured GUID has its capture's name; the same value the same mask everywhere.
    assert!(
        md.contains("ITSM Connector <connectionIdentifier-1> does not exist"),
        "{md}"
    );
    assert!(
        md.contains("Ask <email-1> about ` <connectionIdentifier-1> `")
            || md.contains("Ask <email-1> about <connectionIdentifier-1>"),
        "{md}"
    );
    assert!(md.contains("<host-1> (<ip-1>)"), "{md}");
    assert!(md.contains(&format!("[the docs]({DOCS})")), "{md}");
    // Enter (or Esc) closes the overlay, back on the session.
    run(&mut app, &world, "\n");
    assert!(matches!(app.stack.last(), Some(Screen::Session(_))));
}

#[test]
fn json_export_parses_has_the_documented_fields_and_is_masked_string_by_string() {
    let guides = tempfile::tempdir().expect("temp");
    let data = tempfile::tempdir().expect("temp");
    let (mut app, world) = at_outcome(guides.path(), data.path());
    // Tick the first step, then export: Space switches the format to JSON.
    let overlay = run(&mut app, &world, " e ");
    assert!(
        overlay.contains("[JSON]") && overlay.contains("[on]"),
        "{overlay}"
    );
    run(&mut app, &world, "\n");
    let files = written(data.path());
    assert_eq!(files.len(), 1);
    assert!(files[0].extension().is_some_and(|e| e == "json"));
    let text = std::fs::read_to_string(&files[0]).expect("read");
    for secret in SECRETS {
        assert!(!text.contains(secret), "{secret} leaked:\n{text}");
    }
    let doc: Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(doc["guide"], "site");
    assert_eq!(doc["lang"], "en");
    assert_eq!(doc["status"], "open");
    assert_eq!(doc["at"]["kind"], "outcome");
    assert_eq!(doc["at"]["id"], "site/gone");
    assert!(doc["started"].as_str().is_some_and(|s| s.ends_with('Z')));
    assert_eq!(
        doc["message"],
        "ITSM Connector <connectionIdentifier-1> does not exist or was deleted."
    );
    assert_eq!(
        doc["captures"],
        serde_json::json!([["connectionIdentifier", "<connectionIdentifier-1>"]])
    );
    assert_eq!(doc["answers"], serde_json::json!([]));
    let steps = &doc["outcomes"][0]["checklist"];
    assert_eq!(steps[0]["ticked"], true);
    assert_eq!(steps[1]["ticked"], false);
    assert_eq!(steps[1]["step"], "Check that <host-1> (<ip-1>) answers.");
    assert!(
        steps[0]["step"]
            .as_str()
            .is_some_and(|s| s.contains(DOCS) && s.contains("<email-1>")),
        "{steps}"
    );
}

#[test]
fn redaction_off_writes_the_values_as_they_are_and_esc_writes_nothing() {
    let guides = tempfile::tempdir().expect("temp");
    let data = tempfile::tempdir().expect("temp");
    let (mut app, world) = at_outcome(guides.path(), data.path());
    // Esc: nothing written, back on the session.
    run(&mut app, &world, "e\u{1b}");
    assert!(written(data.path()).is_empty());
    assert!(matches!(app.stack.last(), Some(Screen::Session(_))));
    // ↓ to redaction, Space turns it off; ↑ Space makes it JSON.
    let overlay = run(&mut app, &world, "e↓ ↑ ");
    assert!(
        overlay.contains("[off]") && overlay.contains("[JSON]"),
        "{overlay}"
    );
    run(&mut app, &world, "\n");
    let files = written(data.path());
    assert_eq!(files.len(), 1);
    let doc: Value =
        serde_json::from_str(&std::fs::read_to_string(&files[0]).expect("read")).expect("JSON");
    assert_eq!(
        doc["message"],
        format!("ITSM Connector {GUID} does not exist or was deleted.")
    );
    assert!(
        doc["outcomes"][0]["checklist"][1]["step"]
            .as_str()
            .is_some_and(|s| s.contains("snow01.corp.local (10.0.12.7)")),
        "{doc}"
    );
}

#[test]
fn export_is_not_offered_on_a_question() {
    let guides = tempfile::tempdir().expect("temp");
    let data = tempfile::tempdir().expect("temp");
    let (mut app, world) = app_over(guides.path(), data.path());
    // The guide's session at its question: nothing to export yet.
    let screen = run(&mut app, &world, "\n\ne");
    assert!(
        matches!(app.stack.last(), Some(Screen::Session(_)))
            && screen.contains("Where is the error?"),
        "{screen}"
    );
    assert!(!screen.contains("Export this session"), "{screen}");
    assert!(written(data.path()).is_empty());
}
