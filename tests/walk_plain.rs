//! `tshoot walk` as a user and a script run it: a full session driven through stdin,
//! `--answers` for every error of both built-in guides (paths found from the guide files
//! themselves), exit codes, JSON, redaction, and `tshoot` alone where it cannot draw.

mod common;

use std::collections::VecDeque;
use std::path::Path;

use common::tshoot;
use serde_json::Value;

/// A guide file read on its own (not through tshoot's loader), as plain JSON values.
fn guide_file(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("guides")
        .join(name);
    let text = std::fs::read_to_string(path).expect("guide file");
    serde_saphyr::from_str(&text).expect("guide YAML")
}

fn en(text: &Value) -> String {
    text.as_str()
        .map(str::to_owned)
        .or_else(|| text["en"].as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// For every error an answer of the guide leads to: the shortest list of answer numbers
/// (1-based) from the first question, found breadth first over the file's `nodes`.
fn answer_paths(guide: &Value) -> Vec<(String, Vec<usize>)> {
    let nodes = guide["nodes"].as_array().expect("nodes");
    let node = |id: &str| nodes.iter().find(|n| n["id"] == id).expect("node exists");
    let mut found: Vec<(String, Vec<usize>)> = Vec::new();
    let mut seen = vec![guide["start"].as_str().expect("start").to_owned()];
    let mut queue = VecDeque::from([(seen[0].clone(), Vec::new())]);
    while let Some((id, path)) = queue.pop_front() {
        for (i, answer) in node(&id)["answers"]
            .as_array()
            .expect("answers")
            .iter()
            .enumerate()
        {
            let mut next_path = path.clone();
            next_path.push(i + 1);
            if let Some(error) = answer["error"].as_str() {
                let error = if error.contains('/') {
                    error.to_owned()
                } else {
                    format!("{}/{error}", guide["id"].as_str().expect("id"))
                };
                if !found.iter().any(|(e, _)| *e == error) {
                    found.push((error, next_path));
                }
            } else if let Some(next) = answer["next"].as_str()
                && !seen.iter().any(|s| s == next)
            {
                seen.push(next.to_owned());
                queue.push_back((next.to_owned(), next_path));
            }
        }
    }
    found
}

fn error_entry<'a>(guides: &'a [Value], id: &str) -> &'a Value {
    let (guide, error) = id.split_once('/').expect("guide/error");
    let g = guides.iter().find(|g| g["id"] == guide).expect("guide");
    g["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .find(|e| e["id"] == error)
        .expect("error")
}

fn builtin() -> Vec<Value> {
    vec![
        guide_file("itsmc-dashboard-errors.yaml"),
        guide_file("itsmc-troubleshooting.yaml"),
    ]
}

fn walk(args: &[&str]) -> std::process::Output {
    tshoot()
        .args(["walk"])
        .args(args)
        .env("XDG_STATE_HOME", "/nonexistent/tshoot-test-state")
        .output()
        .expect("runs")
}

#[test]
fn answers_reach_every_error_of_both_guides() {
    let guides = builtin();
    for guide in &guides {
        let id = guide["id"].as_str().expect("id");
        let paths = answer_paths(guide);
        let own = guide["errors"].as_array().expect("errors").len();
        let reached_own = paths
            .iter()
            .filter(|(e, _)| e.starts_with(&format!("{id}/")))
            .count();
        assert_eq!(
            reached_own, own,
            "{id}: every error is some answer's outcome"
        );
        for (error, path) in paths {
            let list: Vec<String> = path.iter().map(ToString::to_string).collect();
            let out = walk(&[id, "--answers", &list.join(",")]);
            let text = String::from_utf8(out.stdout).expect("UTF-8");
            assert_eq!(out.status.code(), Some(0), "{error} via {list:?}: {text}");
            let entry = error_entry(&guides, &error);
            assert!(text.contains(&format!("({error})")), "{error}: {text}");
            let steps = entry["checklist"].as_array().expect("checklist").len();
            assert!(
                text.contains(&format!("  {steps}. [ ] "))
                    && !text.contains(&format!("  {}. [ ] ", steps + 1)),
                "{error}: {steps} numbered steps\n{text}"
            );
            assert!(
                text.ends_with("Did this fix it? [y/n]\n"),
                "{error}: {text}"
            );
        }
    }
}

#[test]
fn answers_that_stop_at_a_question_exit_1_and_print_it() {
    let guides = builtin();
    let first = &guides[0]["nodes"][0];
    let out = walk(&["itsmc-dashboard-errors", "--answers", "1"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    // The first answer leads to another question: it is the last line, with its answers.
    let next_id = first["answers"][0]["next"].as_str().expect("next question");
    let nodes = guides[0]["nodes"].as_array().expect("nodes");
    let next = nodes.iter().find(|n| n["id"] == next_id).expect("node");
    let count = next["answers"].as_array().expect("answers").len();
    assert!(
        text.ends_with(&format!("{} [1-{count}, b, q, ?]\n", en(&next["question"]))),
        "{text}"
    );
    assert!(text.contains(&format!("  {count}. ")), "{text}");
}

#[test]
fn a_bad_answer_or_an_unknown_guide_exits_2_naming_what_is_valid() {
    let out = walk(&["itsmc-dashboard-errors", "--answers", "1,99"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(err.starts_with("tshoot: error: answer 2"), "{err}");
    assert!(err.contains("99") && err.contains("answers 1-7"), "{err}");

    let out = walk(&["itsmc-dashboard-errors", "--answers", "1,1,maybe"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(
        err.contains("maybe") && err.contains("y, n, steps 1-"),
        "{err}"
    );

    let out = walk(&["itsmc-dashboard-errors", "--answers", "1,1,y,n"]);
    assert_eq!(out.status.code(), Some(2), "nothing after the end");

    let out = walk(&["no-such-guide"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(
        err.contains("no guide `no-such-guide`")
            && err.contains("itsmc-dashboard-errors, itsmc-troubleshooting"),
        "{err}"
    );
}

#[test]
fn not_fixed_goes_to_a_related_error_then_escalates() {
    let guides = builtin();
    let (first, path) = answer_paths(&guides[0])
        .into_iter()
        .find(|(e, _)| e.ends_with("/unexpected-response"))
        .expect("reachable");
    let list: Vec<String> = path.iter().map(ToString::to_string).collect();
    let related: Vec<String> = error_entry(&guides, &first)["related"]
        .as_array()
        .expect("related")
        .iter()
        .map(|r| {
            let r = r.as_str().expect("string");
            if r.contains('/') {
                r.to_owned()
            } else {
                format!("itsmc-dashboard-errors/{r}")
            }
        })
        .collect();
    let mut answers = list.join(",");
    answers.push_str(",n");
    let out = walk(&["itsmc-dashboard-errors", "--answers", &answers, "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(doc["outcomes"][0]["id"], first.as_str());
    assert_eq!(doc["outcomes"][0]["fixed"], false);
    assert_eq!(doc["at"]["kind"], "outcome");
    let next = doc["at"]["id"].as_str().expect("next");
    assert!(
        related.iter().any(|r| r == next),
        "{next} is one of {related:?}"
    );
    assert_eq!(
        doc["answers"].as_array().expect("answers").len(),
        path.len()
    );
    assert_eq!(doc["status"], "open");

    // Saying "not fixed" to everything ends in the escalation of the guide.
    let many = format!("{},{}", list.join(","), vec!["n"; 40].join(","));
    let mut stopped = None;
    for take in (path.len() + 1)..=(path.len() + 40) {
        let prefix: Vec<&str> = many.split(',').take(take).collect();
        let out = walk(&[
            "itsmc-dashboard-errors",
            "--answers",
            &prefix.join(","),
            "--json",
        ]);
        if out.status.code() == Some(0) {
            let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
            if doc["at"]["kind"] == "escalation" {
                stopped = Some(doc);
                break;
            }
        }
    }
    let doc = stopped.expect("escalates within 40 not-fixed answers");
    assert_eq!(doc["status"], "escalated");
    let escalation = en(&guides[0]["escalation"]);
    let first_line = escalation.lines().next().expect("text");
    assert!(
        doc["escalation"]
            .as_array()
            .expect("list")
            .iter()
            .any(|t| t.as_str().is_some_and(|t| t.starts_with(first_line))),
        "{doc}"
    );
}

#[test]
fn a_full_session_through_stdin_question_outcome_not_fixed_next_escalation() {
    let state = tempfile::tempdir().expect("temp");
    let guides = builtin();
    let (first, path) = answer_paths(&guides[0])
        .into_iter()
        .find(|(e, _)| e.ends_with("/unexpected-response"))
        .expect("reachable");
    let mut input: Vec<String> = path.iter().map(ToString::to_string).collect();
    input.extend(["?", "2", "zzz", "n"].map(str::to_owned));
    input.extend(std::iter::repeat_n("n".to_owned(), 40));
    let out = tshoot()
        .args(["walk", "itsmc-dashboard-errors"])
        .env("XDG_STATE_HOME", state.path())
        .env("TERM", "dumb")
        .write_stdin(input.join("\n") + "\n")
        .output()
        .expect("runs");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(!text.contains('\u{1b}'), "no escape sequence: {text:?}");
    // Each prompt is one line that ends with the question, the typed answer echoed.
    let q1 = en(&guides[0]["nodes"][0]["question"]);
    assert!(
        text.contains(&format!("{q1} [1-3, b, q, ?] {}\n", path[0])),
        "{text}"
    );
    let order = [
        format!("({first})"),
        "Did this fix it? [y/n] ?\ny: fixed".to_owned(),
        "Did this fix it? [y/n] 2\n  2. [x] ".to_owned(),
        "Did this fix it? [y/n] zzz\nNot an answer here: zzz (y, n, steps 1-".to_owned(),
        "Did this fix it? [y/n] n\n\nNot fixed. Next likely cause:\n".to_owned(),
        "Nothing helped: escalate".to_owned(),
        en(&guides[0]["escalation"])
            .lines()
            .next()
            .expect("line")
            .to_owned(),
    ];
    let mut at = 0;
    for part in &order {
        let found = text[at..]
            .find(part.as_str())
            .unwrap_or_else(|| panic!("{part:?} after byte {at} in\n{text}"));
        at += found + part.len();
    }
    // The session was saved as it went, and is history now.
    let list = tshoot()
        .args(["sessions", "--json"])
        .env("XDG_STATE_HOME", state.path())
        .output()
        .expect("runs");
    let rows: Value = serde_json::from_slice(&list.stdout).expect("JSON");
    assert_eq!(rows.as_array().expect("rows").len(), 1);
    assert_eq!(rows[0]["status"], "escalated");
    assert_eq!(rows[0]["guide"], "itsmc-dashboard-errors");
}

#[test]
fn fixed_ends_the_session_and_quitting_says_how_to_resume() {
    let state = tempfile::tempdir().expect("temp");
    let run = |input: &str| {
        let out = tshoot()
            .args(["walk", "itsmc-dashboard-errors"])
            .env("XDG_STATE_HOME", state.path())
            .write_stdin(input)
            .output()
            .expect("runs");
        (
            out.status.code(),
            String::from_utf8(out.stdout).expect("UTF-8"),
        )
    };
    let (code, text) = run("1\n1\ny\n");
    assert_eq!(code, Some(0));
    assert!(text.contains("Fixed: "), "{text}");
    let (code, text) = run("1\nb\nq\n");
    assert_eq!(code, Some(1));
    let id = text
        .lines()
        .find_map(|l| l.strip_prefix("Continue with: tshoot resume "))
        .expect("resume hint");
    let saved = tshoot()
        .args(["sessions", "--json"])
        .env("XDG_STATE_HOME", state.path())
        .output()
        .expect("runs");
    let rows: Value = serde_json::from_slice(&saved.stdout).expect("JSON");
    let row = rows
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["id"] == id)
        .expect("listed");
    assert_eq!(row["status"], "open");
    assert_eq!(row["stands"], "question 1", "back undid the answer");
}

const SECRETS_GUIDE: &str = r"
id: secrets
title: A guide that names one site's systems
start: q
nodes:
  - id: q
    question: Which connection, 3f2504e0-4f89-11d3-9a0c-0305e82c3301?
    answers:
      - label: The one on snow01.corp.local (10.0.12.7)
        error: broken
errors:
  - id: broken
    title: Broken for ops@contoso.com
    messages: []
    symptoms: []
    causes: [The host snow01.corp.local does not answer.]
    checklist:
      - step: Ask ops@contoso.com about connection 3f2504e0-4f89-11d3-9a0c-0305e82c3301.
        link: https://learn.microsoft.com/azure/azure-monitor/alerts/itsmc-overview
";

#[test]
fn redact_masks_guids_mail_addresses_and_hosts_but_keeps_documentation_links() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(dir.path().join("secrets.yaml"), SECRETS_GUIDE).expect("write");
    let guides = dir.path().to_str().expect("UTF-8 path");
    let run = |extra: &[&str]| {
        let out = tshoot()
            .args([
                "--guides",
                guides,
                "walk",
                "secrets",
                "--answers",
                "1",
                "--redact",
            ])
            .args(extra)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let text = run(&[]);
    for secret in ["3f2504e0", "snow01", "contoso", "10.0.12.7"] {
        assert!(!text.contains(secret), "{secret} leaked: {text}");
    }
    assert!(text.contains("Broken for <email-1>"), "{text}");
    assert!(
        text.contains("Ask <email-1> about connection <guid-1>."),
        "{text}"
    );
    assert!(
        text.contains("The host <host-1> does not answer."),
        "{text}"
    );
    assert!(
        text.contains("https://learn.microsoft.com/azure/azure-monitor/alerts/itsmc-overview"),
        "{text}"
    );
    let json: Value = serde_json::from_str(&run(&["--json"])).expect("still JSON");
    assert_eq!(json["answers"][0]["label"], "The one on <host-1> (<ip-1>)");
    assert_eq!(
        json["answers"][0]["question"],
        "Which connection, <guid-1>?"
    );
}

#[test]
fn bare_tshoot_without_a_screen_names_the_plain_commands() {
    for term in ["dumb", "xterm-256color"] {
        let out = tshoot().env("TERM", term).output().expect("runs");
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        for command in [
            "tshoot walk GUIDE-ID",
            "tshoot search",
            "tshoot resume",
            "tshoot sessions",
        ] {
            assert!(text.contains(command), "{term}: {text}");
        }
        assert!(text.contains("itsmc-dashboard-errors"), "{text}");
        assert!(!text.contains('\u{1b}'));
    }
}
