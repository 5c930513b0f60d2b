//! `tshoot walk` as a user and a script run it: a full session driven through stdin,
//! `--answers` for every error of both built-in guides (paths found from the guide files
//! themselves), exit codes, JSON, redaction, and `tshoot` alone where it cannot draw.

mod common;
mod walk_support;

use common::tshoot;
use serde_json::Value;
use walk_support::{
    answer_paths, answers_of, builtin, en, error_entry, path_to, question_after, question_text,
};

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

/// The answers to the dashboard guide's `unexpected-response`, and the question before it.
fn to_unexpected_response() -> (Vec<String>, String, usize) {
    let guide = &builtin()[0];
    let path = path_to(guide, "itsmc-dashboard-errors/unexpected-response");
    let (id, count) = question_after(guide, &path[..path.len() - 1]);
    (
        path.iter().map(ToString::to_string).collect(),
        question_text(guide, &id),
        count,
    )
}

#[test]
fn answers_that_stop_at_a_question_exit_1_and_print_it() {
    let (path, question, count) = to_unexpected_response();
    let prefix = path[..path.len() - 1].join(",");
    let out = walk(&["itsmc-dashboard-errors", "--answers", &prefix]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    // The question reached is the last line, after its numbered answers.
    assert!(
        text.ends_with(&format!("{question} [1-{count}, b, q, ?]\n")),
        "{text}"
    );
    assert!(text.contains(&format!("  {count}. ")), "{text}");
}

#[test]
fn a_bad_answer_or_an_unknown_guide_exits_2_naming_what_is_valid() {
    let (path, _, count) = to_unexpected_response();
    let prefix = path[..path.len() - 1].join(",");
    let out = walk(&[
        "itsmc-dashboard-errors",
        "--answers",
        &format!("{prefix},99"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(
        err.starts_with(&format!("tshoot: error: answer {}", path.len())),
        "{err}"
    );
    assert!(
        err.contains("99") && err.contains(&format!("answers 1-{count}")),
        "{err}"
    );

    let full = path.join(",");
    let out = walk(&[
        "itsmc-dashboard-errors",
        "--answers",
        &format!("{full},maybe"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(
        err.contains("maybe") && err.contains("y, n, steps 1-"),
        "{err}"
    );

    let out = walk(&[
        "itsmc-dashboard-errors",
        "--answers",
        &format!("{full},y,n"),
    ]);
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
    let start = guides[0]["start"].as_str().expect("start");
    let q1 = question_text(&guides[0], start);
    let n1 = answers_of(&guides[0], start);
    assert!(
        text.contains(&format!("{q1} [1-{n1}, b, q, ?] {}\n", path[0])),
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
    let (path, _, _) = to_unexpected_response();
    let (code, text) = run(&format!("{}\ny\n", path.join("\n")));
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
    let md = run(&["--format", "md"]);
    assert!(md.starts_with("# tshoot session: "), "{md}");
    for secret in ["3f2504e0", "snow01", "contoso", "10.0.12.7"] {
        assert!(!md.contains(secret), "{secret} leaked: {md}");
    }
    assert!(md.contains("<guid-1>") && md.contains("<email-1>"), "{md}");
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

/// A guide whose author broke lines inside `**bold**` and a link, as YAML folded text does.
const WRAPPED_GUIDE: &str = r"
id: wrapped
title: A guide with wrapped markup
start: q
nodes:
  - id: q
    question: |-
      Does the **Secure
      Webhook** action fire?
    answers:
      - label: No
        error: quiet
errors:
  - id: quiet
    title: The action stays quiet
    messages: []
    symptoms: []
    causes:
      - |-
        Classic ITSM actions are retired; move to a **Secure
        Webhook** action ([see the
        steps](https://learn.microsoft.com/azure/azure-monitor/alerts/itsm-convert-servicenow-to-webhook)).
    checklist:
      - step: Convert the action.
escalation: |-
  Ask about **moving
  to a webhook** and keep *the
  alert's history*.
";

#[test]
fn bold_and_links_split_by_a_line_break_lose_their_markup_in_plain_mode() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(dir.path().join("wrapped.yaml"), WRAPPED_GUIDE).expect("write");
    let guides = dir.path().to_str().expect("UTF-8 path");
    let walk = |answers: &str| {
        let out = tshoot()
            .args(["--guides", guides, "walk", "wrapped", "--answers", answers])
            .env("XDG_STATE_HOME", "/nonexistent/tshoot-test-state")
            .output()
            .expect("runs");
        assert!(out.status.code().is_some_and(|c| c <= 1), "{out:?}");
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let question = walk("1,b");
    assert!(
        question.contains("Does the Secure Webhook action fire?"),
        "{question}"
    );
    let outcome = walk("1");
    assert!(
        outcome.contains("move to a Secure\n")
            && outcome.contains("Webhook action (see the\n")
            && outcome.contains(
                "steps <https://learn.microsoft.com/azure/azure-monitor/alerts/itsm-convert-servicenow-to-webhook>)."
            ),
        "{outcome}"
    );
    let escalation = walk("1,n");
    assert!(
        escalation.contains("Ask about moving\nto a webhook and keep the\nalert's history."),
        "{escalation}"
    );
    for text in [&question, &outcome, &escalation] {
        assert!(!text.contains('*') && !text.contains("]("), "{text}");
    }
}

/// `tshoot sessions --json` in `state`.
fn listed_in(state: &std::path::Path) -> Vec<Value> {
    let out = tshoot()
        .args(["sessions", "--json"])
        .env("XDG_STATE_HOME", state)
        .output()
        .expect("runs");
    serde_json::from_slice::<Value>(&out.stdout)
        .expect("JSON")
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[test]
fn answers_are_saved_only_with_save_and_then_resume_like_any_session() {
    let state = tempfile::tempdir().expect("temp");
    let guides = builtin();
    let error = "itsmc-dashboard-errors/servicenow-rate-problem";
    let path: Vec<String> = path_to(&guides[0], error)
        .iter()
        .map(ToString::to_string)
        .collect();
    let steps = error_entry(&guides, error)["checklist"]
        .as_array()
        .expect("steps")
        .len();
    let walk_in = |args: &[&str], input: &str| {
        let out = tshoot()
            .args(args)
            .env("XDG_STATE_HOME", state.path())
            .write_stdin(input)
            .output()
            .expect("runs");
        (
            out.status.code(),
            String::from_utf8(out.stdout).expect("UTF-8"),
        )
    };
    // A scripted run is a query: nothing saved.
    let answers = path.join(",");
    let (code, text) = walk_in(
        &["walk", "itsmc-dashboard-errors", "--answers", &answers],
        "",
    );
    assert_eq!(code, Some(0));
    assert!(!text.contains("tshoot resume"), "{text}");
    assert!(listed_in(state.path()).is_empty());
    // With --save (a step ticked too): listed, and the hint names it.
    let ticked = format!("{answers},2");
    let (code, text) = walk_in(
        &[
            "walk",
            "itsmc-dashboard-errors",
            "--answers",
            &ticked,
            "--save",
        ],
        "",
    );
    assert_eq!(code, Some(0));
    let id = text
        .lines()
        .last()
        .and_then(|l| l.strip_prefix("Continue with: tshoot resume "))
        .unwrap_or_else(|| panic!("no resume hint:\n{text}"))
        .to_owned();
    let rows = listed_in(state.path());
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["id"], id.as_str());
    assert_eq!(rows[0]["status"], "open");
    assert_eq!(rows[0]["stands"], format!("step 2 of {steps}"));
    // resume goes on from there (plain mode here): the tick is kept, y finishes it.
    let (code, text) = walk_in(&["resume", &id], "y\n");
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("2. [x]"), "{text}");
    let rows = listed_in(state.path());
    assert_eq!(rows.len(), 1, "the same session");
    assert_eq!(rows[0]["status"], "fixed");
    // JSON carries the id; a finished run is saved as history, with no hint to continue.
    let (code, text) = walk_in(
        &[
            "walk",
            "itsmc-dashboard-errors",
            "--answers",
            &format!("{answers},y"),
            "--save",
            "--json",
        ],
        "",
    );
    assert_eq!(code, Some(0));
    let doc: Value = serde_json::from_str(&text).expect("JSON");
    let second = doc["id"].as_str().expect("id");
    assert_ne!(second, id);
    let (_, text) = walk_in(
        &[
            "walk",
            "itsmc-dashboard-errors",
            "--answers",
            &format!("{answers},y"),
            "--save",
        ],
        "",
    );
    assert!(!text.contains("tshoot resume"), "{text}");
    assert_eq!(listed_in(state.path()).len(), 3);
    // --save means nothing without --answers, and contradicts --no-save.
    for args in [
        vec!["walk", "itsmc-dashboard-errors", "--save"],
        vec![
            "walk",
            "itsmc-dashboard-errors",
            "--answers",
            "1",
            "--save",
            "--no-save",
        ],
    ] {
        let (code, _) = walk_in(&args, "");
        assert_eq!(code, Some(2), "{args:?}");
    }
}

#[test]
fn a_plain_walk_left_before_any_answer_leaves_nothing_to_continue() {
    let state = tempfile::tempdir().expect("temp");
    let out = tshoot()
        .args(["walk", "itsmc-dashboard-errors"])
        .env("XDG_STATE_HOME", state.path())
        .write_stdin("?\nq\n")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(!text.contains("tshoot resume"), "{text}");
    assert!(listed_in(state.path()).is_empty());
}
