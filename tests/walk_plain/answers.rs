//! Driving a walk: `--answers` to every error, stopping at a question, bad answers, "not
//! fixed" to the next cause and escalation, a whole session over stdin.

use super::*;

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
