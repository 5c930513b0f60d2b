//! Saving: only with `--save`, then resumable like any session; a walk left before any
//! answer leaves nothing to continue.

use super::*;

/// `tshoot sessions --json` in `state`.
fn listed_in(state: &std::path::Path) -> Vec<Value> {
    let out = tshoot()
        .args(["sessions", "--json"])
        .env("XDG_STATE_HOME", state)
        .output()
        .expect("runs");
    serde_json::from_slice::<Value>(&out.stdout)
        .expect("JSON")
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[test]
fn answers_are_saved_only_with_save_and_then_resume_like_any_session() {
    let state = tempfile::tempdir().expect("temp");
    let guides = builtin();
    let error = "itsmc-dashboard-errors/servicenow-rate-problem";
    let path: Vec<String> = path_to(&guides[0], error)
        .iter()
        .map(ToString::to_string)
        .collect();
    let steps = error_entry(&guides, error)["checklist"]
        .as_array()
        .expect("steps")
        .len();
    let walk_in = |args: &[&str], input: &str| {
        let out = tshoot()
            .args(args)
            .env("XDG_STATE_HOME", state.path())
            .write_stdin(input)
            .output()
            .expect("runs");
        (
            out.status.code(),
            String::from_utf8(out.stdout).expect("UTF-8"),
        )
    };
    // A scripted run is a query: nothing saved.
    let answers = path.join(",");
    let (code, text) = walk_in(
        &["walk", "itsmc-dashboard-errors", "--answers", &answers],
        "",
    );
    assert_eq!(code, Some(0));
    assert!(!text.contains("tshoot resume"), "{text}");
    assert!(listed_in(state.path()).is_empty());
    // With --save (a step ticked too): listed, and the hint names it.
    let ticked = format!("{answers},2");
    let (code, text) = walk_in(
        &[
            "walk",
            "itsmc-dashboard-errors",
            "--answers",
            &ticked,
            "--save",
        ],
        "",
    );
    assert_eq!(code, Some(0));
    let id = text
        .lines()
        .last()
        .and_then(|l| l.strip_prefix("Continue with: tshoot resume "))
        .unwrap_or_else(|| panic!("no resume hint:\n{text}"))
        .to_owned();
    let rows = listed_in(state.path());
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["id"], id.as_str());
    assert_eq!(rows[0]["status"], "open");
    assert_eq!(rows[0]["stands"], format!("step 2 of {steps}"));
    // resume goes on from there (plain mode here): the tick is kept, y finishes it.
    let (code, text) = walk_in(&["resume", &id], "y\n");
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("2. [x]"), "{text}");
    let rows = listed_in(state.path());
    assert_eq!(rows.len(), 1, "the same session");
    assert_eq!(rows[0]["status"], "fixed");
    // JSON carries the id; a finished run is saved as history, with no hint to continue.
    let (code, text) = walk_in(
        &[
            "walk",
            "itsmc-dashboard-errors",
            "--answers",
            &format!("{answers},y"),
            "--save",
            "--json",
        ],
        "",
    );
    assert_eq!(code, Some(0));
    let doc: Value = serde_json::from_str(&text).expect("JSON");
    let second = doc["id"].as_str().expect("id");
    assert_ne!(second, id);
    let (_, text) = walk_in(
        &[
            "walk",
            "itsmc-dashboard-errors",
            "--answers",
            &format!("{answers},y"),
            "--save",
        ],
        "",
    );
    assert!(!text.contains("tshoot resume"), "{text}");
    assert_eq!(listed_in(state.path()).len(), 3);
    // --save means nothing without --answers, and contradicts --no-save.
    for args in [
        vec!["walk", "itsmc-dashboard-errors", "--save"],
        vec![
            "walk",
            "itsmc-dashboard-errors",
            "--answers",
            "1",
            "--save",
            "--no-save",
        ],
    ] {
        let (code, _) = walk_in(&args, "");
        assert_eq!(code, Some(2), "{args:?}");
    }
}

#[test]
fn a_plain_walk_left_before_any_answer_leaves_nothing_to_continue() {
    let state = tempfile::tempdir().expect("temp");
    let out = tshoot()
        .args(["walk", "itsmc-dashboard-errors"])
        .env("XDG_STATE_HOME", state.path())
        .write_stdin("?\nq\n")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(!text.contains("tshoot resume"), "{text}");
    assert!(listed_in(state.path()).is_empty());
}

#[test]
fn a_saved_markdown_walk_names_its_session_on_stderr_and_keeps_the_document_clean() {
    let state = tempfile::tempdir().expect("temp");
    let guides = builtin();
    let error = "itsmc-dashboard-errors/servicenow-rate-problem";
    let answers: Vec<String> = path_to(&guides[0], error)
        .iter()
        .map(ToString::to_string)
        .collect();
    let out = tshoot()
        .args(["walk", "itsmc-dashboard-errors", "--format", "md", "--save"])
        .args(["--answers", &answers.join(",")])
        .env("XDG_STATE_HOME", state.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(stdout.starts_with('#'), "a Markdown document: {stdout}");
    assert!(!stdout.contains("tshoot resume"), "{stdout}");
    let listed = listed_in(state.path());
    assert_eq!(listed.len(), 1);
    let id = listed[0]["id"].as_str().expect("an id");
    assert_eq!(
        stderr.trim_end(),
        format!("Continue with: tshoot resume {id}")
    );
}
