//! Sessions that outlive their process: a plain walk killed with SIGKILL half-way is listed
//! and resumed where it stood; a session whose guide changed resumes at the last point that
//! still exists and says so; hostile session files never reach the terminal.

mod common;
mod walk_support;

use walk_support::running::Running;

use std::path::Path;

use common::tshoot;
use serde_json::Value;

fn sessions_json(state: &Path, guides: Option<&Path>) -> Value {
    let mut cmd = tshoot();
    if let Some(g) = guides {
        cmd.arg("--guides").arg(g);
    }
    let out = cmd
        .args(["sessions", "--json"])
        .env("XDG_STATE_HOME", state)
        .output()
        .expect("runs");
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn a_walk_killed_with_sigkill_is_listed_and_resumes_where_it_stood() {
    let state = tempfile::tempdir().expect("temp");
    let guide = &walk_support::builtin()[0];
    let error = "itsmc-dashboard-errors/servicenow-rate-problem";
    let path = walk_support::path_to(guide, error);
    let steps = walk_support::error_entry(std::slice::from_ref(guide), error)["checklist"]
        .as_array()
        .expect("checklist")
        .len();
    assert!(steps >= 2, "the test ticks step 2");
    let mut walk = Running::start(state.path(), &["walk", "itsmc-dashboard-errors"]);
    for (i, answer) in path.iter().enumerate() {
        walk.wait_for(", b, q, ?]", i + 1);
        walk.send(&answer.to_string());
    }
    walk.wait_for("Did this fix it? [y/n]", 1);
    walk.send("2");
    walk.wait_for("Did this fix it? [y/n]", 2);
    walk.child.kill().expect("SIGKILL");
    walk.child.wait().expect("reaped");

    let rows = sessions_json(state.path(), None);
    let row = &rows[0];
    assert_eq!(row["status"], "open");
    assert_eq!(row["answered"], path.len());
    assert_eq!(
        row["stands"],
        format!("step 2 of {steps}").as_str(),
        "one step ticked: {row}"
    );
    let id = row["id"].as_str().expect("id").to_owned();

    // A new process (as after a reboot) goes on from there: the same outcome, step 2 ticked.
    for args in [vec!["resume"], vec!["resume", id.as_str()]] {
        let out = tshoot()
            .args(&args)
            .env("XDG_STATE_HOME", state.path())
            .write_stdin("q\n")
            .output()
            .expect("runs");
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        assert_eq!(out.status.code(), Some(1), "left open: {text}");
        assert!(
            text.contains("(itsmc-dashboard-errors/servicenow-rate-problem)"),
            "{text}"
        );
        assert!(
            text.contains("  2. [x] ") && text.contains("  1. [ ] "),
            "{text}"
        );
        assert!(
            text.ends_with(&format!("Continue with: tshoot resume {id}\n")),
            "{text}"
        );
        assert!(!text.contains("has changed"), "{text}");
    }
    // Resuming and finishing it makes it history.
    let out = tshoot()
        .args(["resume", &id])
        .env("XDG_STATE_HOME", state.path())
        .write_stdin("y\n")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let rows = sessions_json(state.path(), None);
    assert_eq!(rows[0]["status"], "fixed");
    assert_eq!(
        rows.as_array().expect("rows").len(),
        1,
        "the same session, not a new one"
    );
    // Nothing unfinished is left to resume.
    tshoot()
        .arg("resume")
        .env("XDG_STATE_HOME", state.path())
        .assert()
        .code(1);
}

const GUIDE_V1: &str = r"
id: changing
title: A guide that changes
start: first
nodes:
  - id: first
    question: First question?
    answers:
      - label: Go on
        next: second
  - id: second
    question: Second question?
    answers:
      - label: This one
        error: old-error
errors:
  - id: old-error
    title: Old error
    messages: []
    symptoms: []
    causes: []
    checklist: [Old step.]
";

const GUIDE_V2: &str = r"
id: changing
title: A guide that changes
start: first
nodes:
  - id: first
    question: First question?
    answers:
      - label: Go on
        next: third
  - id: third
    question: Third question?
    answers:
      - label: New
        error: new-error
errors:
  - id: new-error
    title: New error
    messages: []
    symptoms: []
    causes: []
    checklist: [New step.]
";

#[test]
fn a_session_whose_guide_changed_resumes_at_the_last_point_that_exists() {
    let state = tempfile::tempdir().expect("temp");
    let guides = tempfile::tempdir().expect("temp");
    let file = guides.path().join("changing.yaml");
    std::fs::write(&file, GUIDE_V1).expect("write");
    let with_guides = |args: &[&str], input: &str| {
        let out = tshoot()
            .arg("--guides")
            .arg(guides.path())
            .args(args)
            .env("XDG_STATE_HOME", state.path())
            .write_stdin(input.to_owned())
            .output()
            .expect("runs");
        (
            out.status.code(),
            String::from_utf8(out.stdout).expect("UTF-8"),
        )
    };
    let (code, text) = with_guides(&["walk", "changing"], "1\n1\nq\n");
    assert_eq!(code, Some(1));
    assert!(text.contains("(changing/old-error)"), "{text}");

    std::fs::write(&file, GUIDE_V2).expect("write");
    let (code, text) = with_guides(&["resume"], "q\n");
    assert_eq!(code, Some(1));
    assert!(text.contains("The guide has changed since"), "{text}");
    // The answer to the first question still stands, and now leads to the new question;
    // the second question and the old error are gone, so replay stops there.
    assert!(
        text.contains(
            "Question 2 — A guide that changes\n  1. New\nThird question? [1-1, b, q, ?]"
        ),
        "{text}"
    );
    assert!(!text.contains("Old step"), "{text}");
    let rows = sessions_json(state.path(), Some(guides.path()));
    assert_eq!(rows[0]["stands"], "question 2");
    assert_eq!(rows[0]["at"], "Third question?");

    // A guide that is gone altogether: a clear error, exit 2, nothing else.
    std::fs::remove_file(&file).expect("remove");
    let (code, _) = with_guides(&["resume"], "q\n");
    let out = tshoot()
        .args(["--guides"])
        .arg(guides.path())
        .arg("resume")
        .env("XDG_STATE_HOME", state.path())
        .output()
        .expect("runs");
    assert_eq!(code, Some(2));
    let err = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(err.contains("`changing` is no longer loaded"), "{err}");
}

#[test]
fn hostile_session_files_never_reach_the_terminal_and_never_crash() {
    let state = tempfile::tempdir().expect("temp");
    let dir = state.path().join("tshoot").join("sessions");
    std::fs::create_dir_all(&dir).expect("dir");
    let session = serde_json::json!({
        "start": {
            "from": "search",
            "query": "\u{1b}]52;c;ZXZpbA==\u{7}StatusCode=429 \u{1b}[2J",
            "error": "itsmc-dashboard-errors/servicenow-rate-problem"
        },
        "captures": [{"name": "alertName", "value": "cpu\u{1b}[31m high\u{9b}1m"}],
        "started": 1_795_774_125_u64,
        "path": [],
        "at": {"kind": "outcome", "at": "itsmc-dashboard-errors/servicenow-rate-problem"},
        "tried": [],
        "ticks": {}
    });
    let file = serde_json::json!({
        "format": "tshoot-session",
        "version": 1,
        "id": "hostile-1",
        "revision": 1,
        "started": "2026-11-27T10:08:45Z",
        "updated": "2099-01-01T00:00:00Z",
        "lang": "en",
        "title": "\u{1b}[31mred\u{1b}]0;title\u{7}",
        "status": "open",
        "place": {"title": "\u{202e}gnp.exe", "answered": 0},
        "guide": "itsmc-dashboard-errors",
        "session": session
    });
    std::fs::write(dir.join("hostile-1.json"), file.to_string()).expect("write");
    std::fs::write(dir.join("deep.json"), "[".repeat(200_000)).expect("write");
    std::fs::write(
        dir.join("wrong.json"),
        r#"{"format":"tshoot-session","version":99}"#,
    )
    .expect("write");
    let mut broken = file.clone();
    broken["session"] = serde_json::json!({"start": {"from": "nowhere"}});
    broken["id"] = "broken-1".into();
    std::fs::write(dir.join("broken-1.json"), broken.to_string()).expect("write");

    let runs: Vec<(Vec<&str>, &str)> = vec![
        (vec!["sessions"], ""),
        (vec!["sessions", "--json"], ""),
        (vec!["resume"], "q\n"),
        (vec!["resume", "hostile-1"], "q\n"),
        (vec!["resume", "deep"], ""),
        (vec!["resume", "wrong"], ""),
        (vec!["resume", "broken-1"], ""),
        (vec!["resume", "../../etc/passwd"], ""),
    ];
    for (args, input) in runs {
        let out = tshoot()
            .args(&args)
            .env("XDG_STATE_HOME", state.path())
            .write_stdin(input)
            .output()
            .expect("runs");
        let code = out.status.code();
        assert!(matches!(code, Some(0..=2)), "{args:?}: {code:?}");
        for bytes in [&out.stdout, &out.stderr] {
            let text = String::from_utf8_lossy(bytes);
            assert!(
                !text
                    .chars()
                    .any(|c| (c.is_control() && c != '\n') || c == '\u{202e}' || c == '\u{9b}'),
                "{args:?}: {text:?}"
            );
            assert!(!text.contains("panicked"), "{args:?}: {text}");
        }
    }
    let out = tshoot()
        .args(["resume", "hostile-1"])
        .env("XDG_STATE_HOME", state.path())
        .write_stdin("q\n")
        .output()
        .expect("runs");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.contains("(itsmc-dashboard-errors/servicenow-rate-problem)"),
        "{text}"
    );
    for (args, expected) in [
        (["resume", "deep"], "not valid JSON"),
        (["resume", "wrong"], "newer tshoot"),
        (["resume", "broken-1"], "malformed"),
    ] {
        let out = tshoot()
            .args(args)
            .env("XDG_STATE_HOME", state.path())
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).expect("UTF-8");
        assert!(
            err.starts_with("tshoot: error: ") && err.contains(expected),
            "{args:?}: {err}"
        );
    }
}
