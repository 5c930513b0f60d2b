//! What a shell user meets around the commands: one message format on stderr
//! (`tshoot: error: …`, `tshoot: warning: …`) whoever speaks, clap included; helpful
//! answers to an id that names nothing; `list GUIDE-ID`; and `--color` with `NO_COLOR` and
//! `CLICOLOR_FORCE`.

mod common;

use std::fs;

use common::{DASHBOARD_ERRORS, fixtures, tshoot};

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = tshoot();
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("runs");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Every line that starts a message has the one format; continuation lines are indented.
fn assert_one_format(stderr: &str, context: &str) {
    assert!(!stderr.is_empty(), "{context}: expected a message");
    for line in stderr.lines().filter(|l| !l.is_empty()) {
        let starts_message = !line.starts_with(' ')
            && !line.starts_with("Usage:")
            && !line.starts_with("For more information");
        if starts_message {
            assert!(
                line.starts_with("tshoot: error: ") || line.starts_with("tshoot: warning: "),
                "{context}: `{line}` in\n{stderr}"
            );
        }
    }
}

#[test]
fn every_failure_speaks_in_one_format() {
    let table: &[(&[&str], i32, &str)] = &[
        (&["frobnicate"], 2, "unrecognized subcommand 'frobnicate'"),
        (&["lst"], 2, "a similar subcommand exists: 'list'"),
        (&["--lang", "de", "list"], 2, "invalid value 'de'"),
        (&["--lang", "en,sv", "list"], 2, "only with `new`"),
        (
            &["show", "authentication", "--lang", "sv,en"],
            2,
            "one language",
        ),
        (&["show"], 2, "required"),
        (
            &["--color", "sometimes", "list"],
            2,
            "invalid value 'sometimes'",
        ),
        (
            &["show", "missing-conector"],
            1,
            "did you mean `missing-connector`?",
        ),
        (&["graph", "nope"], 2, "no guide `nope` is loaded"),
        (
            &["list", "itsmc-dashbord-errors"],
            2,
            "did you mean `itsmc-dashboard-errors`?",
        ),
        (&["search", "--guide", "nope", "x"], 2, "no guide `nope`"),
        (&["--guide", "x"], 2, "needs a terminal"),
    ];
    for (args, code, says) in table {
        let out = run(args, &[]);
        assert_eq!(out.code, Some(*code), "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains(says), "{args:?}: {}", out.stderr);
        assert_one_format(&out.stderr, &format!("{args:?}"));
    }
}

#[test]
fn help_and_version_are_not_errors() {
    let out = run(&["--help"], &[]);
    assert_eq!(out.code, Some(0));
    assert!(out.stderr.is_empty() && out.stdout.contains("Usage: tshoot"));
    let out = run(&["graph", "--help"], &[]);
    assert!(out.stdout.contains("mermaid") && out.stdout.contains("--color"));
}

#[test]
fn a_broken_file_and_an_override_are_warnings_and_the_command_goes_on() {
    let tmp = tempfile::tempdir().expect("temp dir");
    fs::write(tmp.path().join("bad.yaml"), "id: bad\ntitle: [x\n").expect("write");
    let minimal = fs::read_to_string(fixtures().join("valid/minimal.yaml")).expect("fixture");
    fs::write(
        tmp.path().join("override.yaml"),
        minimal.replace("id: minimal", "id: itsmc-troubleshooting"),
    )
    .expect("write");
    let out = run(
        &["--guides", tmp.path().to_str().expect("UTF-8"), "list"],
        &[],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_one_format(&out.stderr, "broken + override");
    assert!(
        out.stderr
            .lines()
            .any(|l| l.starts_with("tshoot: warning: ")
                && l.contains("bad.yaml:2:")
                && l.ends_with("(skipped)")),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .lines()
            .any(|l| l.starts_with("tshoot: warning: ") && l.contains("itsmc-troubleshooting")),
        "{}",
        out.stderr
    );
    // The dashboard guide's links into the overridden guide break, but it still loads.
    let broken_links: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.contains("`related` names unknown error"))
        .collect();
    assert!(!broken_links.is_empty(), "{}", out.stderr);
    assert!(broken_links.iter().all(|l| !l.ends_with("(skipped)")));
    assert!(out.stdout.contains("itsmc-dashboard-errors"));
}

#[test]
fn show_of_a_guide_lists_its_errors() {
    let out = run(&["show", "itsmc-dashboard-errors"], &[]);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr
            .starts_with("tshoot: error: `itsmc-dashboard-errors` is a guide; its errors: "),
        "{}",
        out.stderr
    );
    for id in DASHBOARD_ERRORS {
        assert!(out.stderr.contains(id), "{id}: {}", out.stderr);
    }
}

#[test]
fn show_of_a_code_or_a_message_suggests_search_quoted_for_the_shell() {
    let out = run(&["show", "429"], &[]);
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr.contains("try `tshoot search 429`"),
        "{}",
        out.stderr
    );
    let out = run(&["show", "User Not Authenticated"], &[]);
    assert!(
        out.stderr
            .contains("try `tshoot search 'User Not Authenticated'`"),
        "{}",
        out.stderr
    );
    // …and the suggestion works.
    let hit = run(&["search", "429"], &[]);
    assert_eq!(hit.code, Some(0));
    assert!(
        hit.stdout.contains("servicenow-rate-problem"),
        "{}",
        hit.stdout
    );
}

#[test]
fn list_of_a_guide_gives_its_errors_and_questions() {
    let out = run(&["list", "itsmc-dashboard-errors"], &[]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    for id in DASHBOARD_ERRORS {
        assert!(out.stdout.contains(id), "{id}: {}", out.stdout);
    }
    // "User Not Authenticated" is the one message of `authentication`.
    assert!(
        out.stdout
            .lines()
            .any(|l| l.contains("authentication") && l.contains(" 1 message ")),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("where-seen") && out.stdout.contains("4 answers"));
    assert!(out.stdout.contains("tshoot graph itsmc-dashboard-errors"));

    let json: serde_json::Value =
        serde_json::from_str(&run(&["list", "itsmc-dashboard-errors", "--json"], &[]).stdout)
            .expect("JSON");
    let ids: Vec<&str> = json["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| e["id"].as_str().expect("id"))
        .collect();
    // The nine documented errors, then the guide's "none of these" catch-all.
    assert_eq!(ids[..9], DASHBOARD_ERRORS);
    assert_eq!(ids[9..], ["unlisted-message"]);
    assert_eq!(json["errors"][8]["messages"], 1);
    assert_eq!(json["errors"][8]["title"], "User not authenticated");
    assert_eq!(json["start"], "where-seen");
    let questions: Vec<(&str, u64)> = json["questions"]
        .as_array()
        .expect("questions")
        .iter()
        .map(|q| {
            (
                q["id"].as_str().expect("id"),
                q["answers"].as_u64().expect("n"),
            )
        })
        .collect();
    assert_eq!(
        questions,
        [
            ("where-seen", 4),
            ("status-message", 8),
            ("saving-message", 3)
        ]
    );

    let sv = run(&["list", "itsmc-dashboard-errors", "--lang", "sv"], &[]);
    assert!(sv.stdout.contains("Var ser du felet?") && sv.stdout.contains("Frågor"));
}

fn has_escape(s: &str) -> bool {
    s.contains('\u{1b}')
}

#[test]
fn color_flag_and_environment_decide_styles_on_every_stream() {
    let list = ["list"];
    assert!(
        !has_escape(&run(&list, &[]).stdout),
        "a pipe gets no colour"
    );
    assert!(has_escape(&run(&["--color", "always", "list"], &[]).stdout));
    assert!(has_escape(&run(&["list", "--color=always"], &[]).stdout));
    assert!(has_escape(&run(&list, &[("CLICOLOR_FORCE", "1")]).stdout));
    assert!(!has_escape(
        &run(&list, &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]).stdout
    ));
    assert!(
        has_escape(&run(&["--color", "always", "list"], &[("NO_COLOR", "1")]).stdout),
        "the flag beats the environment"
    );
    assert!(!has_escape(
        &run(&["--color", "never", "list"], &[("CLICOLOR_FORCE", "1")]).stdout
    ));
    // Errors too, clap's included.
    let err = run(&["--color", "always", "lst"], &[]).stderr;
    assert!(err.starts_with("tshoot: \u{1b}["), "{err:?}");
    assert!(!has_escape(&run(&["--color", "never", "lst"], &[]).stderr));
}

#[test]
fn every_command_takes_color() {
    for args in [
        &["list", "--color", "never"][..],
        &["list", "itsmc-troubleshooting", "--color", "never"],
        &["show", "missing-connector", "--color", "never"],
        &["search", "429", "--color", "never"],
        &["graph", "itsmc-troubleshooting", "--color", "never"],
        &["validate", "--color", "never"],
    ] {
        let out = run(args, &[]);
        assert_eq!(out.code, Some(0), "{args:?}: {}", out.stderr);
    }
}
