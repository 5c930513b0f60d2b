//! `c` copies through the terminal: the real binary in a pseudo-terminal writes the exact
//! OSC 52 sequence (base64 of the text, ended by BEL) for the selected checklist step, the
//! reference entry's message literals and the session as Markdown, says what it copied,
//! and writes none before the key is pressed.
#![cfg(unix)]

mod common;

use base64::Engine as _;
use common::pty::Session;

fn osc52(text: &str) -> Vec<u8> {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{encoded}\x07").into_bytes()
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

fn output(tui: &Session) -> Vec<u8> {
    tui.output.lock().expect("lock").clone()
}

fn tui(args: &[&str]) -> (Session, tempfile::TempDir) {
    let state = tempfile::tempdir().expect("temp");
    let session = Session::start_with(
        args,
        &[("XDG_STATE_HOME", state.path().to_str().expect("UTF-8"))],
    );
    (session, state)
}

#[test]
fn c_on_an_outcome_copies_the_selected_step_with_its_link() {
    let (mut tui, _state) = tui(&["--guide", "itsmc-dashboard-errors"]);
    tui.wait_for("Where do you see the error?");
    // Connector status → "StatusCode=429": the rate-limit outcome, first step selected.
    tui.send(b"1");
    tui.wait_for("What does the connector status message mention?");
    tui.send(b"4");
    tui.wait_for("Did this fix it?");
    assert_eq!(
        count(&output(&tui), b"\x1b]52;"),
        0,
        "nothing is copied without a key press"
    );
    tui.send(b"c");
    tui.wait_for("Copied step 1");
    // The step as the guide says it, Markdown emphasis and code marks removed, the link below.
    let step = "In ServiceNow, open All → System Web Services → REST → Rate Limit Violations (role rate_limit_admin).\n\
                https://www.servicenow.com/docs/r/australia/api-reference/rest-api-explorer/investigate-rate-limit-violations.html";
    assert_eq!(count(&output(&tui), &osc52(step)), 1, "exactly once");
    assert_eq!(count(&output(&tui), b"\x1b]52;"), 1, "and nothing else");
    // `C` copies the whole session as Markdown: the report names the outcome.
    tui.send(b"C");
    tui.wait_for("Copied the session as Markdown");
    let out = output(&tui);
    let start = out
        .windows(7)
        .rposition(|w| w == b"\x1b]52;c;")
        .expect("a second sequence")
        + 7;
    let end = start
        + out[start..]
            .iter()
            .position(|&b| b == 0x07)
            .expect("ended by BEL");
    let report = base64::engine::general_purpose::STANDARD
        .decode(&out[start..end])
        .expect("base64");
    let report = String::from_utf8(report).expect("UTF-8");
    assert!(report.starts_with("# "), "{report}");
    assert!(
        report.contains("ServiceNow rate limit (HTTP 429)"),
        "{report}"
    );
    // A session opened by `--guide` started when the program did, not at the epoch.
    assert!(!report.contains("Started: 1970-01-01"), "{report}");
    tui.send(b"q");
    tui.finish();
}

#[test]
fn c_in_the_reference_copies_the_message_literals() {
    let (mut tui, _state) = tui(&[]);
    tui.wait_for("Connector status errors in the ITSMC dashboard");
    tui.send(b"\r");
    tui.wait_for("Browse");
    tui.send(b"2");
    tui.wait_for("Unexpected response from ServiceNow");
    // The fourth entry: the rate limit, with two spellings of its message.
    tui.send(b"\x1b[B\x1b[B\x1b[B");
    tui.wait_for("StatusCode=429");
    tui.send(b"c");
    tui.wait_for("Copied 2 messages");
    let messages = "ServiceDeskHttpBadRequestException: StatusCode=429\n\
                    ServiceDeskHttpBadRequestException: StatusCode = 429";
    assert_eq!(count(&output(&tui), &osc52(messages)), 1);
    tui.send(b"q");
    tui.finish();
}
