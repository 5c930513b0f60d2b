//! What a plain walk prints: redacted secrets, the plain commands where no screen can be
//! drawn, markup that a line break split.

use super::*;

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
