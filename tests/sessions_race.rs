//! Two real tshoot processes saving at once never lose a save. Threads in one process share
//! more than two processes do (one file table, one allocator), so the rule is proved here
//! with processes: two `tshoot resume` of the same session, both loaded at the same
//! revision, then ticking different steps at the same time — one keeps the session's id,
//! the other is overtaken and becomes a new session, and each file holds exactly the ticks
//! of one process. And several processes creating sessions in one folder at once each get
//! their own, all readable, with no temporary file left.

mod common;
mod walk_support;

use walk_support::running::Running;

use std::path::Path;
use std::process::Command;

use common::tshoot;
use serde_json::Value;

const GUIDE: &str = "itsmc-dashboard-errors";
const ERROR: &str = "itsmc-dashboard-errors/servicenow-rate-problem";

/// The session files of the folder, parsed, and the names of any other files in it.
fn files(state: &Path) -> (Vec<Value>, Vec<String>) {
    let dir = state.join("tshoot/sessions");
    let mut sessions = Vec::new();
    let mut others = Vec::new();
    for entry in std::fs::read_dir(dir).expect("folder") {
        let entry = entry.expect("entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == ".lock" {
            continue;
        }
        let json = Path::new(&name)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        if json && !name.starts_with('.') {
            let text = std::fs::read_to_string(entry.path()).expect("read");
            sessions.push(
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}\n{text}")),
            );
        } else {
            others.push(name);
        }
    }
    (sessions, others)
}

/// The steps ticked at the 429 outcome in a session file (0-based).
fn ticks(file: &Value) -> Vec<u64> {
    file["session"]["ticks"][ERROR]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_u64).collect())
        .unwrap_or_default()
}

/// `tshoot sessions --json`, checking nothing was skipped.
fn listed(state: &Path) -> Value {
    let out = tshoot()
        .args(["sessions", "--json"])
        .env("XDG_STATE_HOME", state)
        .output()
        .expect("runs");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// The answers to the 429 outcome, from the guide file.
fn answers() -> String {
    let guides = walk_support::builtin();
    walk_support::path_to(&guides[0], ERROR)
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

#[test]
fn two_processes_resuming_one_session_at_once_each_keep_their_ticks() {
    let state = tempfile::tempdir().expect("temp");
    // A saved session at the 429 outcome, nothing ticked.
    let out = tshoot()
        .args(["walk", GUIDE, "--answers", &answers(), "--save", "--json"])
        .env("XDG_STATE_HOME", state.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let id = doc["id"].as_str().expect("saved with an id").to_owned();

    // Both processes load it (at the same revision) before either changes anything.
    let mut a = Running::start(state.path(), &["resume", &id]);
    let mut b = Running::start(state.path(), &["resume", &id]);
    a.wait_for("Did this fix it?", 1);
    b.wait_for("Did this fix it?", 1);
    // Then both tick different steps, at once, and quit.
    a.feed("1\n3\n5\nq\n");
    b.feed("2\n4\nq\n");
    let (a, b) = (a.finish(), b.finish());

    let (sessions, others) = files(state.path());
    assert!(others.is_empty(), "left behind: {others:?}");
    assert_eq!(sessions.len(), 2, "the overtaken one became a new session");
    let mut found: Vec<Vec<u64>> = sessions.iter().map(ticks).collect();
    found.sort();
    assert_eq!(
        found,
        vec![vec![0, 2, 4], vec![1, 3]],
        "no tick lost, none mixed"
    );
    // Each process says where its own work went: one the old id, one the new.
    let resumed_as = |out: &str| {
        out.lines()
            .rev()
            .find_map(|l| l.strip_prefix("Continue with: tshoot resume "))
            .map_or_else(|| panic!("no resume hint in:\n{out}"), str::to_owned)
    };
    let (id_a, id_b) = (resumed_as(&a), resumed_as(&b));
    assert_ne!(id_a, id_b);
    assert!(id_a == id || id_b == id, "one kept {id}: {id_a} {id_b}");
    for (who, ticked) in [(&id_a, vec![0, 2, 4]), (&id_b, vec![1, 3])] {
        let file = sessions
            .iter()
            .find(|s| s["id"] == who.as_str())
            .expect("its file");
        assert_eq!(ticks(file), ticked, "{who}");
    }
    let rows = listed(state.path());
    assert_eq!(rows.as_array().map(Vec::len), Some(2));
}

#[test]
fn processes_creating_sessions_in_one_folder_at_once_each_get_their_own() {
    const PROCESSES: usize = 4;
    const RUNS: usize = 6;
    let state = tempfile::tempdir().expect("temp");
    let answers = answers();
    let workers: Vec<_> = (0..PROCESSES)
        .map(|_| {
            let state = state.path().to_path_buf();
            let answers = answers.clone();
            std::thread::spawn(move || {
                let mut ids = Vec::new();
                for _ in 0..RUNS {
                    let out = Command::new(env!("CARGO_BIN_EXE_tshoot"))
                        .args(["walk", GUIDE, "--answers", &answers, "--save", "--json"])
                        .env_clear()
                        .env("XDG_STATE_HOME", &state)
                        .env("XDG_DATA_HOME", "/nonexistent/tshoot-test-data")
                        .env("HOME", "/nonexistent/tshoot-test-home")
                        .output()
                        .expect("runs");
                    assert_eq!(out.status.code(), Some(0));
                    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
                    ids.push(doc["id"].as_str().expect("id").to_owned());
                }
                ids
            })
        })
        .collect();
    let mut ids: Vec<String> = workers
        .into_iter()
        .flat_map(|w| w.join().expect("worker"))
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), PROCESSES * RUNS, "every run its own id");
    let (sessions, others) = files(state.path());
    assert!(others.is_empty(), "left behind: {others:?}");
    assert_eq!(sessions.len(), PROCESSES * RUNS);
    let rows = listed(state.path());
    assert_eq!(rows.as_array().map(Vec::len), Some(PROCESSES * RUNS));
    assert!(sessions.iter().all(|s| s["revision"] == 1));
}
