//! What triage says: the fixtures' stated counts, nothing for near misses, the ranked
//! summary, `--annotate`, `--json`, `--guide`, standard input.

use super::*;

#[test]
fn fixtures_give_exactly_the_counts_they_state() {
    for name in ["mixed.log", "other.log", "prefixed.log"] {
        let out = tshoot()
            .args(["triage", "--json"])
            .arg(log(name))
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(0), "{name}");
        assert_eq!(json_counts(&out.stdout), expected(name), "{name}");
    }
}

#[test]
fn near_misses_find_nothing_and_exit_1() {
    assert!(expected("near-misses.log").is_empty());
    let out = tshoot()
        .arg("triage")
        .arg(log("near-misses.log"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("No known error found.\n"), "{text}");
    assert!(text.contains("near-misses.log: 13 lines"), "{text}");
    let out = tshoot()
        .args(["triage", "--json"])
        .arg(log("near-misses.log"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "[]");
}

#[test]
fn the_summary_ranks_errors_and_shows_places_values_and_a_sample() {
    let out = tshoot()
        .arg("triage")
        .arg(log("mixed.log"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    let path = log("mixed.log").display().to_string();
    let first = text.lines().next().expect("a first line");
    assert!(
        first.starts_with("3  itsmc-dashboard-errors/missing-connector  "),
        "{text}"
    );
    assert!(
        text.contains(&format!("first {path}:7  last {path}:15")),
        "{text}"
    );
    assert!(
        text.contains("alertName: CPU-High (2), Disk-Full (1)"),
        "{text}"
    );
    assert!(
        text.contains("connectionIdentifier: 0c9e41d2-1f3a-4b5c-8d7e-0123456789ab (2), 11111111-2222-3333-4444-555555555555 (1)"),
        "{text}"
    );
    assert!(
        text.contains("sample: 2024-05-01T10:22:03Z ERROR [itsm.worker] Could not create/update"),
        "{text}"
    );
    // The rate-limit error: once on one line, once split over two (found at its first).
    assert!(
        text.contains(&format!("first {path}:8  last {path}:17")),
        "{text}"
    );
    assert!(
        text.contains(&format!("{path}: 19 lines, 0.0 MB, ")),
        "{text}"
    );
    // No escape sequences on a pipe.
    assert!(!text.contains('\u{1b}'));
}

#[test]
fn annotate_prints_matching_lines_in_file_order() {
    let out = tshoot()
        .args(["triage", "--annotate"])
        .arg(log("mixed.log"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let p = log("mixed.log").display().to_string();
    let text = String::from_utf8_lossy(&out.stdout);
    let heads: Vec<String> = text
        .lines()
        .map(|l| l.splitn(4, ": ").take(2).collect::<Vec<_>>().join(": "))
        .collect();
    assert_eq!(
        heads,
        [
            format!("{p}:7: itsmc-dashboard-errors/missing-connector"),
            format!("{p}:8: itsmc-dashboard-errors/servicenow-rate-problem"),
            format!("{p}:11: itsmc-dashboard-errors/missing-connector"),
            format!("{p}:13: itsmc-dashboard-errors/invalid-refresh-token"),
            format!("{p}:15: itsmc-dashboard-errors/missing-connector"),
            format!("{p}:17: itsmc-dashboard-errors/servicenow-rate-problem"),
        ]
    );
    assert!(text.contains(
        ":17: itsmc-dashboard-errors/servicenow-rate-problem: 2024-05-01T10:22:12Z ERROR [http] ServiceDeskHttpBadRequestException:     StatusCode = 429\n"
    ), "{text}");
}

#[test]
fn json_has_places_captures_and_a_sample() {
    let out = tshoot()
        .args(["triage", "--json"])
        .arg(log("mixed.log"))
        .output()
        .expect("runs");
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let first = &list[0];
    let path = log("mixed.log").display().to_string();
    assert_eq!(first["id"], "missing-connector");
    assert_eq!(first["title"], "Missing connector");
    assert_eq!(first["first"], serde_json::json!({"file": path, "line": 7}));
    assert_eq!(first["last"], serde_json::json!({"file": path, "line": 15}));
    assert_eq!(
        first["captures"]["alertName"],
        serde_json::json!([["CPU-High", 2], ["Disk-Full", 1]])
    );
    assert!(
        first["sample"]
            .as_str()
            .expect("sample")
            .contains("CPU-High. ITSM Connector")
    );
}

#[test]
fn guide_limits_the_errors_looked_for() {
    let out = tshoot()
        .args(["triage", "--json", "--guide", "itsmc-troubleshooting"])
        .arg(log("mixed.log"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let out = tshoot()
        .args(["triage", "--guide", "nope"])
        .arg(log("mixed.log"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no guide `nope` is loaded"));
}

#[test]
fn stdin_is_read_by_default_and_as_dash() {
    let bytes = std::fs::read(log("other.log")).expect("fixture");
    for args in [&["triage", "--json"][..], &["triage", "--json", "-"][..]] {
        let out = tshoot()
            .args(args)
            .write_stdin(bytes.clone())
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert_eq!(
            list[0]["first"],
            serde_json::json!({"file": "-", "line": 2})
        );
    }
}
