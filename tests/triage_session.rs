//! A session opened from a triage carries what the log said through the session store: it
//! is saved with the session, read back and replayed, cleaned again when read; and session
//! files written before triage sessions existed still load as they did.

use tshoot::guide::catalog::{Catalog, Source};
use tshoot::lang::Lang;
use tshoot::session::{ErrorRef, LogFinding, LogPlace, LogValues, Place, Session};
use tshoot::store::Saved;
use tshoot::store::convert::{replay, saved};

fn catalog() -> Catalog {
    Catalog::load(&[Source::Builtin])
}

fn missing_connector() -> ErrorRef {
    ErrorRef::new("itsmc-dashboard-errors", "missing-connector")
}

fn finding() -> LogFinding {
    LogFinding {
        files: vec!["app.log".into(), "app.log.1.gz".into()],
        count: 12,
        first: LogPlace {
            file: "app.log".into(),
            line: 40,
        },
        last: LogPlace {
            file: "app.log.1.gz".into(),
            line: 7,
        },
        values: vec![LogValues {
            name: "alertName".into(),
            values: vec![("Disk-Full".into(), 2), ("CPU-High".into(), 10)],
        }],
        sample: "ERROR Could not create/update work item for alert Disk-Full. …".into(),
    }
}

/// The saved file's bytes, as the store writes them.
fn file_bytes(saved: &Saved) -> Vec<u8> {
    serde_json::to_vec_pretty(&saved.to_file()).expect("serialises")
}

#[test]
fn a_triage_session_is_saved_read_back_and_replayed_with_its_log() {
    let catalog = catalog();
    let mut session = Session::from_triage(&catalog, missing_connector(), finding(), 1_700_000_000)
        .expect("the error is loaded");
    // The most frequent value fills the placeholder, not the first listed.
    assert_eq!(session.captures()[0].value, "CPU-High");
    session.tick(&catalog, 1);
    let mut s = saved(&catalog, &session, Lang::En, 1_700_000_100, None);
    s.id = "20231114-221320-abcd".into();
    let bytes = file_bytes(&s);
    let json = String::from_utf8_lossy(&bytes);
    assert!(json.contains(r#""from": "triage""#), "{json}");
    let back = Saved::parse(&bytes).expect("reads back");
    let resumed = replay(&catalog, &back).expect("replays");
    assert!(!resumed.changed);
    assert_eq!(resumed.session, session);
    let log = resumed.session.log().expect("the log is kept");
    assert_eq!(log.count, 12);
    assert_eq!(log.last.file, "app.log.1.gz");
    assert_eq!(log.values[0].values[0], ("CPU-High".to_owned(), 10));
}

#[test]
fn a_hostile_log_in_a_session_file_is_cleaned_when_replayed() {
    let catalog = catalog();
    let session = Session::from_triage(&catalog, missing_connector(), finding(), 1_700_000_000)
        .expect("loaded");
    let mut s = saved(&catalog, &session, Lang::En, 1_700_000_100, None);
    s.id = "20231114-221320-abcd".into();
    // Someone edits the file: escapes in the sample and a file name, a huge value.
    let log = &mut s.session["start"]["log"];
    log["sample"] = "\u{1b}]52;c;cm0gLXJmIC8=\u{7}ERROR".into();
    log["files"][0] = "\u{1b}[2Japp.log".into();
    log["values"][0]["values"][0][0] = "x".repeat(100_000).into();
    // Read (under the store's size bound), then cleaned and cut when replayed: never shown
    // as written.
    let back = Saved::parse(&file_bytes(&s)).expect("under the size bound");
    let resumed = replay(&catalog, &back).expect("replays");
    let log = resumed.session.log().expect("kept");
    assert_eq!(log.sample, "ERROR");
    assert_eq!(log.files[0], "app.log");
    let longest = log.values[0]
        .values
        .iter()
        .map(|(v, _)| v.chars().count())
        .max();
    assert_eq!(longest, Some(200));
    assert_eq!(resumed.session.captures()[0].value.chars().count(), 200);
}

/// A session file written before sessions could start from a triage (a real one, from a
/// guide, escalated).
const OLD_GUIDE_SESSION: &str = r#"{
  "format": "tshoot-session", "version": 1, "id": "20261128-155323-1e79", "revision": 7,
  "started": "2026-11-28T15:53:23Z", "updated": "2026-11-28T15:53:23Z", "lang": "en",
  "title": "Unexpected response from ServiceNow", "status": "escalated",
  "place": {"title": "Nothing helped: escalate", "answered": 2},
  "guide": "itsmc-dashboard-errors",
  "session": {
    "at": {"kind": "escalation"}, "captures": [],
    "path": [
      {"answer": 0, "node": "itsmc-dashboard-errors/where-seen"},
      {"answer": 0, "node": "itsmc-dashboard-errors/status-message"}
    ],
    "start": {"from": "guide", "guide": "itsmc-dashboard-errors"},
    "started": 1795881203,
    "ticks": {"itsmc-dashboard-errors/unexpected-response": [0]},
    "tried": [
      "itsmc-dashboard-errors/unexpected-response",
      "itsmc-troubleshooting/work-items-not-created",
      "itsmc-troubleshooting/integration-user-problems"
    ]
  }
}"#;

/// One started from a search, with a captured value, in the same format.
const OLD_SEARCH_SESSION: &str = r#"{
  "format": "tshoot-session", "version": 1, "id": "20261128-160000-aaaa", "revision": 1,
  "started": "2026-11-28T16:00:00Z", "updated": "2026-11-28T16:00:00Z", "lang": "en",
  "title": "Missing connector", "status": "open",
  "place": {"title": "Missing connector", "answered": 0, "steps": [0, 5]},
  "guide": "itsmc-dashboard-errors",
  "session": {
    "at": {"kind": "outcome", "at": "itsmc-dashboard-errors/missing-connector"},
    "captures": [{"name": "alertName", "value": "CPU-High"}],
    "path": [],
    "start": {"from": "search", "query": "alert CPU-High connector deleted",
              "error": "itsmc-dashboard-errors/missing-connector"},
    "started": 1795885200, "ticks": {}, "tried": []
  }
}"#;

#[test]
fn session_files_from_before_triage_sessions_still_load() {
    let catalog = catalog();
    let old = Saved::parse(OLD_GUIDE_SESSION.as_bytes()).expect("reads");
    let resumed = replay(&catalog, &old).expect("replays");
    assert_eq!(resumed.session.at(), &Place::Escalation);
    assert!(resumed.session.log().is_none());
    let old = Saved::parse(OLD_SEARCH_SESSION.as_bytes()).expect("reads");
    let resumed = replay(&catalog, &old).expect("replays");
    assert_eq!(resumed.session.at(), &Place::Outcome(missing_connector()));
    assert_eq!(
        resumed.session.message(),
        Some("alert CPU-High connector deleted")
    );
    assert_eq!(resumed.session.captures()[0].value, "CPU-High");
    assert!(resumed.session.log().is_none());
}
