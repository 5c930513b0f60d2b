//! The full-screen session in a real pseudo-terminal survives `kill -9`: it was saved as it
//! went, `tshoot sessions` lists it, and `tshoot resume` reopens it in the TUI where it stood.
#![cfg(unix)]

mod common;
mod walk_support;

use std::path::Path;
use std::time::{Duration, Instant};

use common::pty::Session;
use serde_json::Value;

/// The TUI with its sessions kept under `state`.
fn open_tui(args: &[&str], state: &Path) -> Session {
    Session::start_with(
        args,
        &[("XDG_STATE_HOME", state.to_str().expect("UTF-8 path"))],
    )
}

fn sessions(state: &Path) -> Value {
    let out = common::tshoot()
        .args(["sessions", "--json"])
        .env("XDG_STATE_HOME", state)
        .output()
        .expect("runs");
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// The first few words of a text: enough to find it on an 80-column screen.
fn start_of(text: &str) -> String {
    text.split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_tui_session_killed_with_sigkill_resumes_in_the_tui_where_it_stood() {
    let state = tempfile::tempdir().expect("temp");
    let guides = walk_support::builtin();
    let guide = &guides[0];
    let error = "itsmc-dashboard-errors/servicenow-rate-problem";
    let path = walk_support::path_to(guide, error);
    let title = walk_support::en(&walk_support::error_entry(&guides, error)["title"]);
    let start = guide["start"].as_str().expect("start");

    let mut tui = open_tui(&["--guide", "itsmc-dashboard-errors"], state.path());
    tui.wait_for(&start_of(&walk_support::question_text(guide, start)));
    for answer in &path {
        tui.send(answer.to_string().as_bytes());
    }
    tui.wait_for(&start_of(&title));
    // Saved as it went: wait for the save of the last answer, then kill without warning.
    let deadline = Instant::now() + Duration::from_secs(30);
    while sessions(state.path())[0]["answered"] != path.len() {
        assert!(
            Instant::now() < deadline,
            "never saved: {}",
            sessions(state.path())
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    tui.kill_9();

    let rows = sessions(state.path());
    assert_eq!(rows.as_array().expect("rows").len(), 1);
    assert_eq!(rows[0]["status"], "open");
    assert_eq!(rows[0]["title"], title.as_str());

    // A new process reopens it in the TUI at the same outcome.
    let mut again = open_tui(&["resume"], state.path());
    again.wait_for(&start_of(&title));
    again.wait_for("Did this fix it?");
    again.send(b"y");
    again.wait_for("Fixed");
    let deadline = Instant::now() + Duration::from_secs(30);
    while sessions(state.path())[0]["status"] != "fixed" {
        assert!(Instant::now() < deadline, "never saved as fixed");
        std::thread::sleep(Duration::from_millis(50));
    }
    again.send(b"q");
    let deadline = Instant::now() + Duration::from_secs(30);
    while again.child.try_wait().expect("waits").is_none() {
        assert!(Instant::now() < deadline, "did not quit");
        std::thread::sleep(Duration::from_millis(50));
    }
    let rows = sessions(state.path());
    assert_eq!(
        rows.as_array().expect("rows").len(),
        1,
        "the same session: {rows}"
    );
}
