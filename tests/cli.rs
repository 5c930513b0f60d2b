//! The command line as a user runs it: output, JSON shape, languages, exit codes, and no
//! escape byte on a pipe.

mod common;

use std::fs;

use common::{fixtures, tshoot};
use predicates::prelude::*;

fn stdout_of(args: &[&str]) -> String {
    let out = tshoot().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn list_shows_the_builtin_guides_with_error_counts() {
    let out = stdout_of(&["list"]);
    assert!(
        out.contains("itsmc-dashboard-errors") && out.contains("10 errors"),
        "{out}"
    );
    assert!(
        out.contains("itsmc-troubleshooting") && out.contains("15 errors"),
        "{out}"
    );
}

#[test]
fn list_says_one_error_in_the_singular() {
    // The minimal guide has exactly one error.
    let minimal = fixtures().join("valid/minimal.yaml");
    let path = minimal.to_str().expect("UTF-8 path");
    let en = stdout_of(&["--no-builtin", "--guides", path, "list"]);
    assert!(en.contains("1 error ") || en.contains("1 error\n"), "{en}");
    assert!(!en.contains("1 errors"), "{en}");
    let sv = stdout_of(&["--no-builtin", "--guides", path, "--lang", "sv", "list"]);
    assert!(sv.contains("1 fel"), "{sv}");
}

#[test]
fn bare_tshoot_lists_the_guides_until_the_tui_exists() {
    assert!(stdout_of(&[]).contains("itsmc-dashboard-errors"));
}

#[test]
fn list_json_has_the_documented_fields() {
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&["list", "--json"])).expect("JSON");
    let guides = json.as_array().expect("an array");
    assert_eq!(guides.len(), 2);
    assert_eq!(guides[0]["id"], "itsmc-dashboard-errors");
    assert_eq!(guides[0]["errors"], 10);
    assert_eq!(guides[0]["languages"], serde_json::json!(["en", "sv"]));
    assert!(
        guides[0]["title"]
            .as_str()
            .is_some_and(|t| t.contains("ITSMC"))
    );
}

#[test]
fn show_prints_each_of_the_nine_errors() {
    for id in common::DASHBOARD_ERRORS {
        let out = stdout_of(&["show", id]);
        assert!(
            out.contains(&format!("itsmc-dashboard-errors/{id}")),
            "{id}: {out}"
        );
        assert!(
            out.contains("Checklist") && out.contains("Causes"),
            "{id}: {out}"
        );
    }
}

#[test]
fn show_renders_markdown_as_plain_text_on_a_pipe() {
    let out = stdout_of(&["show", "invalid-refresh-token"]);
    assert!(out.contains("then select Sync, then Save"), "{out}");
    assert!(!out.contains("**"), "{out}");
}

#[test]
fn show_json_has_the_reference_fields() {
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&[
        "show",
        "itsmc-dashboard-errors/missing-connector",
        "--json",
    ]))
    .expect("JSON");
    assert_eq!(json["guide"], "itsmc-dashboard-errors");
    assert_eq!(json["id"], "missing-connector");
    assert_eq!(json["title"], "Missing connector");
    assert!(
        json["messages"][0]
            .as_str()
            .is_some_and(|m| m.contains("{alertName}"))
    );
    assert!(json["checklist"].as_array().is_some_and(|c| c.len() >= 3));
    assert!(json["checklist"][0]["step"].is_string());
    assert!(
        json["links"][0]["url"]
            .as_str()
            .is_some_and(|u| u.starts_with("https://"))
    );
    assert_eq!(json["related"][0]["guide"], "itsmc-dashboard-errors");
}

#[test]
fn lang_flag_and_locale_choose_swedish() {
    let out = stdout_of(&["--lang", "sv", "show", "missing-connector"]);
    assert!(out.starts_with("Anslutningen saknas\n"), "{out}");
    assert!(
        out.contains("Orsaker") && out.contains("Checklista"),
        "{out}"
    );

    let out = tshoot()
        .env("LANG", "sv_SE.UTF-8")
        .args(["show", "missing-connector"])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Anslutningen saknas"));

    let out = tshoot()
        .env("LANG", "sv_SE.UTF-8")
        .env("TSHOOT_LANG", "en")
        .args(["show", "missing-connector"])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Missing connector"));
}

#[test]
fn a_missing_translation_falls_back_to_english_visibly() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let body =
        fs::read_to_string(fixtures().join("invalid/missing-translation.yaml")).expect("fixture");
    fs::write(tmp.path().join("g.yaml"), body).expect("write");
    let out = stdout_of(&[
        "--guides",
        tmp.path().to_str().expect("UTF-8 path"),
        "--lang",
        "sv",
        "show",
        "broken",
    ]);
    assert!(out.starts_with("It is broken [en]\n"), "{out}");
    assert!(out.contains("· En fixtur"), "{out}");
}

#[test]
fn an_ambiguous_id_lists_the_candidates_and_exits_2() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let body = fs::read_to_string(fixtures().join("valid/minimal.yaml"))
        .expect("fixture")
        .replace("broken", "missing-connector");
    fs::write(tmp.path().join("g.yaml"), body).expect("write");
    tshoot()
        .args([
            "--guides",
            tmp.path().to_str().expect("UTF-8 path"),
            "show",
            "missing-connector",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "itsmc-dashboard-errors/missing-connector",
        ))
        .stderr(predicate::str::contains("minimal/missing-connector"));
}

#[test]
fn an_unknown_id_exits_1_with_a_suggestion() {
    tshoot()
        .args(["show", "missing-conector"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "did you mean `missing-connector`?",
        ));
}

#[test]
fn validate_exit_codes_and_positions() {
    tshoot().arg("validate").assert().success().stdout("");
    let valid = fixtures().join("valid");
    tshoot().arg("validate").arg(&valid).assert().success();
    let typo = fixtures().join("invalid/unknown-field.yaml");
    tshoot()
        .arg("validate")
        .arg(&typo)
        .assert()
        .code(1)
        .stdout(format!(
            "{}:9:5: error: unknown field `qestion`; did you mean `question`?\n",
            typo.display()
        ));
    let dangling = fixtures().join("invalid/dangling-next.yaml");
    tshoot()
        .arg("validate")
        .arg(&dangling)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            ":14:15: error: `next` names unknown question `wher`",
        ));
}

#[test]
fn warnings_alone_do_not_fail_validation() {
    tshoot()
        .arg("validate")
        .arg(fixtures().join("invalid/error-not-reached.yaml"))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "warning: no answer leads to error `lonely`",
        ));
}

#[test]
fn a_broken_guide_is_reported_once_and_the_others_still_work() {
    let tmp = tempfile::tempdir().expect("temp dir");
    fs::write(tmp.path().join("bad.yaml"), "id: bad\ntitle: [x\n").expect("write");
    let out = tshoot()
        .args(["--guides", tmp.path().to_str().expect("UTF-8 path"), "list"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("bad.yaml:2:") && stderr.contains("(skipped)"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("itsmc-dashboard-errors"));
}

#[test]
fn usage_errors_exit_2_and_help_and_version_exit_0() {
    tshoot().arg("frobnicate").assert().code(2);
    tshoot().args(["--lang", "de", "list"]).assert().code(2);
    tshoot()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("validate"));
    tshoot()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("tshoot "));
}

#[test]
fn no_guides_at_all_is_said_plainly() {
    tshoot()
        .args(["--no-builtin", "list"])
        .assert()
        .success()
        .stdout("No guides are loaded.\n");
}

#[test]
fn no_escape_byte_reaches_a_pipe_even_from_a_hostile_guide() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let hostile = fs::read_to_string(fixtures().join("valid/minimal.yaml"))
        .expect("fixture")
        .replace(
            "Minimal guide",
            "\"Evil\\e[2J\\e]52;c;ZXZpbA==\\u0007\\u009b31m title\"",
        )
        .replace("title: Broken", "title: \"Broken\\e]8;;https://x\\e\\\\\"")
        .replace("id: q\n", "id: q\n    help: \"\\e[31mred\"\n");
    fs::write(tmp.path().join("hostile.yaml"), hostile).expect("write");
    // A bad file whose name and content carry escapes too.
    fs::write(
        tmp.path().join("bad\u{7}\u{1b}[31m.yaml"),
        "id: \"\\e[31m\"\nnodes: [\n",
    )
    .expect("write");
    let dir = tmp.path().to_str().expect("UTF-8 path");
    for args in [
        vec!["--guides", dir, "list"],
        vec!["--guides", dir, "list", "--json"],
        vec!["--guides", dir, "show", "broken"],
        vec!["--guides", dir, "show", "broken", "--json"],
        vec!["validate", dir],
    ] {
        let out = tshoot().args(&args).output().expect("runs");
        for (name, stream) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let text = String::from_utf8_lossy(stream);
            assert!(
                !text.chars().any(|c| c.is_control() && c != '\n'),
                "{args:?} {name} holds a control character: {text:?}"
            );
        }
    }
}

#[test]
fn search_exits_like_grep_and_prints_guide_id_title_score() {
    let out = stdout_of(&["search", "StatusCode=429"]);
    let first = out.lines().next().expect("a hit");
    assert!(
        first.starts_with(
            "itsmc-dashboard-errors/servicenow-rate-problem  ServiceNow rate limit (HTTP 429)  "
        ),
        "{first}"
    );
    assert!(
        first
            .rsplit("  ")
            .next()
            .is_some_and(|s| s.parse::<u32>().is_ok()),
        "{first}"
    );
    tshoot()
        .args(["search", "kernel", "panic", "-", "not", "syncing"])
        .assert()
        .code(1)
        .stdout("");
    tshoot()
        .args(["search", "x", "--guide", "no-such-guide"])
        .assert()
        .code(2);
    tshoot().arg("search").assert().code(2);
}

#[test]
fn search_json_is_an_array_with_captured_values() {
    let paste = "Could not create/update work item for alert CPU-High. ITSM Connector 0c9e41d2-1f3a-4b5c-8d7e-0123456789ab does not exist or was deleted.";
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&["search", "--json", paste])).expect("JSON");
    let first = &json.as_array().expect("an array")[0];
    assert_eq!(first["guide"], "itsmc-dashboard-errors");
    assert_eq!(first["id"], "missing-connector");
    assert_eq!(first["title"], "Missing connector");
    assert_eq!(first["score"], 100);
    assert_eq!(first["field"], "message");
    assert_eq!(first["captures"]["alertName"], "CPU-High");
    assert_eq!(
        first["captures"]["connectionIdentifier"],
        "0c9e41d2-1f3a-4b5c-8d7e-0123456789ab"
    );
    let none: serde_json::Value = serde_json::from_slice(
        &tshoot()
            .args(["search", "--json", "kernel panic"])
            .output()
            .expect("runs")
            .stdout,
    )
    .expect("JSON");
    assert_eq!(none, serde_json::json!([]));
}

#[test]
fn search_limit_and_guide_filter() {
    let all = stdout_of(&["search", "--json", "token"]);
    let all: Vec<serde_json::Value> = serde_json::from_str(&all).expect("JSON");
    assert!(all.len() >= 3, "{all:?}");
    let one: Vec<serde_json::Value> =
        serde_json::from_str(&stdout_of(&["search", "--json", "--limit", "1", "token"]))
            .expect("JSON");
    assert_eq!(one.len(), 1);
    assert_eq!(one[0], all[0]);
    let filtered: Vec<serde_json::Value> = serde_json::from_str(&stdout_of(&[
        "search",
        "--json",
        "--guide",
        "itsmc-troubleshooting",
        "token",
    ]))
    .expect("JSON");
    assert!(
        !filtered.is_empty()
            && filtered
                .iter()
                .all(|h| h["guide"] == "itsmc-troubleshooting")
    );
}

#[test]
fn the_tui_flags_need_a_terminal_and_say_so() {
    tshoot()
        .args(["--search", "429"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("needs a terminal"));
    tshoot()
        .args(["--guide", "itsmc-dashboard-errors"])
        .assert()
        .code(2);
}
