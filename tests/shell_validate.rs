//! `validate --format json|github` say exactly what the text format says (each fixture's
//! `# expect:` header), with a known rule for every diagnostic; an empty folder fails;
//! `--watch` re-checks on save, reports a broken file and recovers, without exiting.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use common::{fixtures, header, tshoot, yaml_files};

fn validate(format: &str, path: &Path) -> (Option<i32>, String) {
    let out = tshoot()
        .args(["validate", "--format", format])
        .arg(path)
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("UTF-8"),
    )
}

fn all_fixtures() -> Vec<std::path::PathBuf> {
    let mut files = yaml_files(&fixtures().join("invalid"));
    files.extend(yaml_files(&fixtures().join("hostile")));
    files
}

#[test]
fn json_says_what_each_fixture_expects_with_a_known_rule() {
    for file in yaml_files(&fixtures().join("invalid")) {
        let expected = header(&std::fs::read(&file).expect("read"), "expect");
        let (code, out) = validate("json", &file);
        let list: Vec<serde_json::Value> = serde_json::from_str(&out).expect("one JSON array");
        let got: Vec<String> = list
            .iter()
            .map(|d| {
                assert_eq!(d["path"], file.display().to_string());
                format!(
                    "{}:{}: {}: {}",
                    d["line"],
                    d["column"],
                    d["severity"].as_str().expect("severity"),
                    d["message"].as_str().expect("message")
                )
            })
            .collect();
        assert_eq!(got, expected, "{}", file.display());
        let errors = list.iter().any(|d| d["severity"] == "error");
        assert_eq!(code, Some(i32::from(errors)), "{}", file.display());
    }
}

#[test]
fn every_diagnostic_of_every_fixture_has_a_rule_and_some_are_pinned() {
    let pinned = [
        ("dangling-next", "dangling-next"),
        ("unknown-field", "unknown-field"),
        ("syntax-error", "syntax"),
        ("not-utf8", "not-utf8"),
        ("duplicate-node-id", "duplicate-id"),
        ("related-unknown", "dangling-related"),
        ("answer-with-both", "answer-target"),
        ("alias-flood", "limit"),
        ("error-not-reached", "error-not-reached"),
    ];
    for file in all_fixtures() {
        let (_, out) = validate("json", &file);
        let list: Vec<serde_json::Value> = serde_json::from_str(&out).expect("JSON");
        let stem = file.file_stem().and_then(|s| s.to_str()).expect("name");
        for d in &list {
            assert_ne!(d["rule"], "other", "{}: {d}", file.display());
        }
        if let Some((_, rule)) = pinned.iter().find(|(s, _)| *s == stem) {
            assert_eq!(list[0]["rule"], *rule, "{}", file.display());
        }
    }
}

#[test]
fn github_annotations_carry_the_same_places_and_messages() {
    for file in all_fixtures() {
        let (_, text) = validate("text", &file);
        let (_, github) = validate("github", &file);
        assert_eq!(
            text.lines().count(),
            github.lines().count(),
            "{}",
            file.display()
        );
        for (t, g) in text.lines().zip(github.lines()) {
            // text: path:line:col: severity: message
            let path = file.display().to_string();
            let rest = t.strip_prefix(&format!("{path}:")).expect("path first");
            let (line, rest) = rest.split_once(':').expect("line");
            let (col, rest) = rest.split_once(": ").expect("col");
            let (severity, message) = rest.split_once(": ").expect("severity");
            let prefix = format!("::{severity} file={path},line={line},col={col},title=tshoot ");
            assert!(g.starts_with(&prefix), "{g}\nvs {t}");
            let (_, data) = g
                .split_once("::")
                .and_then(|(_, r)| r.split_once("::"))
                .expect("data");
            assert_eq!(data, message.replace('%', "%25"), "{}", file.display());
        }
    }
}

#[test]
fn a_folder_without_guides_fails_and_says_so() {
    let tmp = tempfile::tempdir().expect("temp dir");
    std::fs::write(tmp.path().join("notes.txt"), "not a guide").expect("write");
    let out = tshoot()
        .arg("validate")
        .arg(tmp.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&format!("{}: error: no guide file", tmp.path().display())),
        "{stdout}"
    );
    let (code, json) = validate("json", tmp.path());
    assert_eq!(code, Some(1));
    assert!(json.contains("\"rule\":\"no-guide\""), "{json}");
    // A folder with a guide is fine.
    let (code, _) = validate("text", &fixtures().join("valid"));
    assert_eq!(code, Some(0));
}

/// Kills the child when the test ends, pass or fail.
struct Child(std::process::Child);

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn watch_rechecks_on_save_reports_a_break_and_recovers() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let guide = tmp.path().join("g.yaml");
    let good = std::fs::read_to_string(fixtures().join("valid/minimal.yaml")).expect("fixture");
    std::fs::write(&guide, &good).expect("write");
    let child = Command::new(env!("CARGO_BIN_EXE_tshoot"))
        .env_clear()
        .env("XDG_DATA_HOME", "/nonexistent/tshoot-test-data")
        .env("HOME", "/nonexistent/tshoot-test-home")
        .args(["validate", "--watch", "--format", "json"])
        .arg(tmp.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("starts");
    let mut child = Child(child);
    let stdout = child.0.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.expect("UTF-8 line")).is_err() {
                break;
            }
        }
    });
    let next = || {
        rx.recv_timeout(Duration::from_secs(20))
            .expect("a check within 20 s")
    };
    assert_eq!(next(), "[]", "the first check is clean");

    std::fs::write(
        &guide,
        good.replace("next: ", "nxt: ")
            .replace("error: broken", "error: brokn"),
    )
    .expect("break the guide");
    let broken = next();
    assert!(broken.contains("\"rule\":\"dangling-error\""), "{broken}");
    assert!(broken.contains("\"line\":10"), "{broken}");

    std::fs::write(&guide, &good).expect("fix the guide");
    assert_eq!(next(), "[]", "fixed again");
    assert!(
        child.0.try_wait().expect("status").is_none(),
        "still watching"
    );
}
