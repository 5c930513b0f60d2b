//! `tshoot sessions` as a user runs it: the list and its JSON, what happens to unreadable
//! files, and `tshoot` alone where it cannot draw.

mod common;

use std::fs;
use std::path::Path;

use common::tshoot;
use tshoot::store::{Place, Saved, Status, Store, clock};

fn save(dir: &Path, title: &str, ago: i64, status: Status, steps: Option<(usize, usize)>) -> Saved {
    let now = clock::now();
    let mut s = Saved {
        id: String::new(),
        revision: 0,
        started: now - ago - 60,
        updated: now - ago,
        lang: "en".to_owned(),
        title: title.to_owned(),
        status,
        place: Place {
            title: "ServiceNow rate problem".to_owned(),
            answered: 2,
            steps,
        },
        guide: "itsmc-dashboard-errors".to_owned(),
        session: serde_json::json!({}),
    };
    Store::new(dir.to_path_buf()).save(&mut s).expect("saved");
    s
}

fn sessions_dir(state: &Path) -> std::path::PathBuf {
    state.join("tshoot").join("sessions")
}

#[test]
fn lists_saved_sessions_newest_first_with_where_each_stands() {
    let state = tempfile::tempdir().expect("temp");
    let dir = sessions_dir(state.path());
    let older = save(
        &dir,
        "Connection will not save",
        2 * 86_400,
        Status::Escalated,
        None,
    );
    let newer = save(
        &dir,
        "ServiceNow rate limit",
        3 * 3_600 + 5,
        Status::Open,
        Some((1, 4)),
    );
    let out = tshoot()
        .env("XDG_STATE_HOME", state.path())
        .arg("sessions")
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let first = text.find(&newer.id).expect("newer listed");
    let second = text.find(&older.id).expect("older listed");
    assert!(first < second, "{text}");
    assert!(
        text.contains("ServiceNow rate limit — step 2 of 4, 3 h ago"),
        "{text}"
    );
    assert!(text.contains("escalated, 2 days ago"), "{text}");
    assert!(text.contains("tshoot resume"), "{text}");
}

#[test]
fn json_lists_id_guide_times_status_and_place() {
    let state = tempfile::tempdir().expect("temp");
    let dir = sessions_dir(state.path());
    let s = save(
        &dir,
        "ServiceNow rate limit",
        60,
        Status::Fixed,
        Some((4, 4)),
    );
    let out = tshoot()
        .env("XDG_STATE_HOME", state.path())
        .args(["sessions", "--json"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let row = &json.as_array().expect("array")[0];
    assert_eq!(row["id"], s.id.as_str());
    assert_eq!(row["guide"], "itsmc-dashboard-errors");
    assert_eq!(row["status"], "fixed");
    assert_eq!(row["stands"], "fixed");
    assert_eq!(row["at"], "ServiceNow rate problem");
    assert_eq!(row["updated"], clock::format(s.updated).as_str());
}

#[test]
fn unreadable_files_are_named_on_stderr_without_escapes_and_the_rest_still_lists() {
    let state = tempfile::tempdir().expect("temp");
    let dir = sessions_dir(state.path());
    let s = save(&dir, "kept \u{1b}[2Jclean", 60, Status::Open, None);
    fs::write(dir.join("bad\u{1b}]0;pwned\u{7}.json"), "{").expect("write");
    fs::write(
        dir.join("deep.json"),
        format!("{}{}", "{\"a\":".repeat(50_000), "}".repeat(50_000)),
    )
    .expect("write");
    let out = tshoot()
        .env("XDG_STATE_HOME", state.path())
        .arg("sessions")
        .output()
        .expect("runs");
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(
        stdout.contains(&s.id) && stdout.contains("kept clean"),
        "{stdout}"
    );
    assert!(
        stderr.contains("tshoot: warning: bad.json: not valid JSON"),
        "{stderr}"
    );
    assert!(stderr.contains("deep.json"), "{stderr}");
    for text in [&stdout, &stderr] {
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text:?}"
        );
    }
}

#[test]
fn no_sessions_is_said_plainly() {
    let state = tempfile::tempdir().expect("temp");
    tshoot()
        .env("XDG_STATE_HOME", state.path())
        .arg("sessions")
        .assert()
        .success()
        .stdout("No saved sessions.\n");
    tshoot()
        .env("XDG_STATE_HOME", state.path())
        .args(["sessions", "--json"])
        .assert()
        .success()
        .stdout("[]\n");
}
