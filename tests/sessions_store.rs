//! The session store on a real folder: atomic private files, listing, history expiry,
//! hostile files reported and skipped, and concurrent saves that never lose one.

use std::fs;
use std::path::Path;

use tshoot::store::{Place, Saved, Status, Store};

const NOW: i64 = 1_795_774_125; // 2026-11-27T10:08:45Z
const DAY: i64 = 86_400;

fn session(title: &str, updated: i64, status: Status) -> Saved {
    Saved {
        id: String::new(),
        revision: 0,
        started: updated - 600,
        updated,
        lang: "en".to_owned(),
        title: title.to_owned(),
        status,
        place: Place {
            title: "Where do you see the problem?".to_owned(),
            answered: 1,
            steps: None,
        },
        guide: "itsmc-dashboard-errors".to_owned(),
        session: serde_json::json!({"start": {"from": "guide", "guide": "itsmc-dashboard-errors"}}),
    }
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n != ".lock")
        .collect();
    names.sort();
    names
}

#[test]
fn a_save_is_a_private_versioned_file_that_loads_back() {
    let tmp = tempfile::tempdir().expect("temp");
    let store = Store::new(tmp.path().join("tshoot/sessions"));
    let mut s = session("ServiceNow rate limit", NOW, Status::Open);
    let path = store.save(&mut s).expect("saved");
    assert!(!s.id.is_empty());
    assert_eq!(s.revision, 1);
    assert_eq!(files(store.dir()), vec![format!("{}.json", s.id)]);
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(&path).expect("read")).expect("JSON");
    assert_eq!(json["format"], "tshoot-session");
    assert_eq!(json["version"], 1);
    assert_eq!(json["updated"], "2026-11-27T10:08:45Z");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(store.dir()), 0o700);
    }
    assert_eq!(store.load(&s.id).expect("loads"), s);
    // A second save replaces the file in place.
    s.place.answered = 2;
    store.save(&mut s).expect("saved again");
    assert_eq!(s.revision, 2);
    assert_eq!(files(store.dir()).len(), 1);
    assert_eq!(store.load(&s.id).expect("loads").place.answered, 2);
}

#[test]
fn lists_newest_first_and_forgets_finished_sessions_after_thirty_days() {
    let tmp = tempfile::tempdir().expect("temp");
    let store = Store::new(tmp.path().to_path_buf());
    let mut ids = Vec::new();
    for (title, age, status) in [
        ("old open", 40 * DAY, Status::Open),
        ("old fixed", 31 * DAY, Status::Fixed),
        ("old escalated", 31 * DAY, Status::Escalated),
        ("recent fixed", 29 * DAY, Status::Fixed),
        ("today", 3_600, Status::Open),
    ] {
        let mut s = session(title, NOW - age, status);
        store.save(&mut s).expect("saved");
        ids.push(s.id);
    }
    let listing = store.list(NOW);
    let titles: Vec<&str> = listing.sessions.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["today", "recent fixed", "old open"]);
    assert!(listing.skipped.is_empty());
    assert!(!store.dir().join(format!("{}.json", ids[1])).exists());
    assert!(!store.dir().join(format!("{}.json", ids[2])).exists());
    assert!(store.dir().join(format!("{}.json", ids[0])).exists());
}

#[test]
fn hostile_files_are_reported_and_skipped_and_never_reach_the_terminal() {
    let tmp = tempfile::tempdir().expect("temp");
    let store = Store::new(tmp.path().to_path_buf());
    let mut good = session(
        "good \u{1b}]52;c;ZXZpbA==\u{7}one\u{1b}[2J",
        NOW,
        Status::Open,
    );
    good.place.title = "n\u{9b}31m v\u{202e}al".to_owned();
    store.save(&mut good).expect("saved");
    let valid = fs::read_to_string(store.dir().join(format!("{}.json", good.id))).expect("read");

    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let huge = format!(
        "{{\"format\":\"tshoot-session\",\"pad\":\"{}\"}}",
        "x".repeat(300_000)
    );
    let hostile: Vec<(&str, Vec<u8>)> = vec![
        ("deep.json", deep.into_bytes()),
        ("huge.json", huge.into_bytes()),
        ("not-json.json", b"{ this is not json".to_vec()),
        ("binary.json", vec![0xff, 0xfe, 0x1b, b'[', b'2', b'J']),
        (
            "foreign.json",
            br#"{"name": "some other program", "version": 1}"#.to_vec(),
        ),
        (
            "newer.json",
            valid
                .replace("\"version\": 1", "\"version\": 7")
                .into_bytes(),
        ),
        (
            "older.json",
            valid
                .replace("\"version\": 1", "\"version\": 0")
                .into_bytes(),
        ),
        (
            "bad-time.json",
            valid
                .replace(&good.id, "bad-time")
                .replace("2026-11-27T10:08:45Z", "yesterday")
                .into_bytes(),
        ),
        ("renamed.json", valid.clone().into_bytes()),
        (
            "bad-id.json",
            valid
                .replace(&format!("\"id\": \"{}\"", good.id), "\"id\": \"../../etc\"")
                .into_bytes(),
        ),
        ("evil\u{1b}[31mname.json", b"[]".to_vec()),
    ];
    for (name, bytes) in &hostile {
        fs::write(store.dir().join(name), bytes).expect("write");
    }
    fs::create_dir(store.dir().join("folder.json")).expect("dir");
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        store.dir().join(format!("{}.json", good.id)),
        store.dir().join("link.json"),
    )
    .expect("symlink");
    fs::write(store.dir().join("notes.txt"), "not a session").expect("write");

    let listing = store.list(NOW);
    assert_eq!(listing.sessions.len(), 1, "{:?}", listing.skipped);
    let skipped: Vec<&str> = listing.skipped.iter().map(|s| s.file.as_str()).collect();
    let mut expected = vec![
        "bad-id.json",
        "bad-time.json",
        "binary.json",
        "deep.json",
        "evilname.json",
        "folder.json",
        "foreign.json",
        "huge.json",
        "newer.json",
        "not-json.json",
        "older.json",
        "renamed.json",
    ];
    if cfg!(unix) {
        expected.push("link.json");
    }
    expected.sort_unstable();
    assert_eq!(skipped, expected);
    let reason = |file: &str| {
        listing
            .skipped
            .iter()
            .find(|s| s.file == file)
            .map(|s| s.reason.clone())
            .unwrap_or_default()
    };
    assert!(
        reason("newer.json").contains("newer tshoot"),
        "{}",
        reason("newer.json")
    );
    assert!(reason("foreign.json").contains("not a tshoot session"));
    assert!(reason("huge.json").contains("larger than"));
    assert!(reason("renamed.json").contains("does not match"));
    // Nothing shown holds a control character or an escape.
    let s = &listing.sessions[0];
    let shown = format!(
        "{} {} {:?}",
        s.title,
        s.place.title,
        listing
            .skipped
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    );
    assert!(
        !shown.chars().any(|c| c.is_control() || c == '\u{202e}'),
        "{shown:?}"
    );
    assert_eq!(s.title, "good one");
    // Hostile files are never deleted, and loading one by name is an error, not a panic.
    assert!(store.dir().join("deep.json").exists());
    assert!(store.load("deep").is_err());
    assert!(store.load("../etc/passwd").is_err());
    assert!(store.load("no-such-session").is_err());
}

#[test]
fn a_save_overtaken_by_another_instance_becomes_a_new_session() {
    let tmp = tempfile::tempdir().expect("temp");
    let store = Store::new(tmp.path().to_path_buf());
    let mut first = session("shared", NOW, Status::Open);
    store.save(&mut first).expect("saved");
    // Two instances resume the same session.
    let mut a = store.load(&first.id).expect("a");
    let mut b = store.load(&first.id).expect("b");
    a.place.answered = 5;
    store.save(&mut a).expect("a saves");
    b.place.answered = 7;
    store.save(&mut b).expect("b saves");
    assert_eq!(a.id, first.id);
    assert_ne!(b.id, first.id, "b must not overwrite a's save");
    assert_eq!(store.load(&a.id).expect("a").place.answered, 5);
    assert_eq!(store.load(&b.id).expect("b").place.answered, 7);
    // b goes on saving under its own id.
    b.place.answered = 8;
    let b_id = b.id.clone();
    store.save(&mut b).expect("b saves again");
    assert_eq!(b.id, b_id);
    // A file under our name that is not ours is never overwritten either.
    let mut c = store.load(&a.id).expect("c");
    fs::write(store.dir().join(format!("{}.json", a.id)), "garbage").expect("write");
    store.save(&mut c).expect("c saves");
    assert_ne!(c.id, a.id);
    assert_eq!(
        fs::read_to_string(store.dir().join(format!("{}.json", a.id))).expect("read"),
        "garbage"
    );
}

#[test]
fn concurrent_instances_never_lose_a_save() {
    let tmp = tempfile::tempdir().expect("temp");
    let dir = tmp.path().to_path_buf();
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let store = Store::new(dir.clone());
            std::thread::spawn(move || {
                let mut s = session(&format!("thread {t}"), NOW, Status::Open);
                for n in 1..=25 {
                    s.place.answered = n;
                    store.save(&mut s).expect("saved");
                }
                s
            })
        })
        .collect();
    let finals: Vec<Saved> = threads
        .into_iter()
        .map(|t| t.join().expect("thread"))
        .collect();
    let store = Store::new(dir);
    let listing = store.list(NOW);
    assert!(listing.skipped.is_empty(), "{:?}", listing.skipped);
    assert_eq!(listing.sessions.len(), 8);
    for s in finals {
        let on_disk = store.load(&s.id).expect("each session is there");
        assert_eq!(on_disk.place.answered, 25);
        assert_eq!(on_disk.revision, 25);
    }
    assert!(
        files(store.dir()).iter().all(|f| !f.starts_with(".tmp")),
        "no temporary file is left behind"
    );
}
