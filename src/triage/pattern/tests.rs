//! Patterns made from guide messages, matched against log lines.

use super::*;

const MISSING: &str = "Could not create/update work item for alert {alertName}. ITSM Connector {connectionIdentifier} does not exist or was deleted.";

fn found<'t>(message: &str, text: &'t str) -> Option<Vec<(String, &'t str)>> {
    let p = Pattern::parse(message).expect("a pattern");
    let w = Words::of(text);
    p.find(&w, text)
        .map(|f| f.captures.into_iter().map(|(n, r)| (n, &text[r])).collect())
}

#[test]
fn values_in_placeholders_and_prefixes_around_the_message() {
    let line = "2024-05-01T10:22:03Z ERROR [itsm.worker] Could not create/update work item for alert CPU-High. ITSM Connector 0c9e41d2-1f3a-4b5c-8d7e-0123456789ab does not exist or was deleted. (retry 3)";
    assert_eq!(
        found(MISSING, line),
        Some(vec![
            ("alertName".into(), "CPU-High"),
            (
                "connectionIdentifier".into(),
                "0c9e41d2-1f3a-4b5c-8d7e-0123456789ab"
            ),
        ])
    );
}

#[test]
fn near_misses_do_not_match() {
    let rate = "ServiceDeskHttpBadRequestException: StatusCode=429";
    assert!(
        found(
            rate,
            "x ServiceDeskHttpBadRequestException: StatusCode = 429"
        )
        .is_some()
    );
    assert!(found(rate, "ServiceDeskHttpBadRequestException: StatusCode=500").is_none());
    assert!(found(rate, "ServiceDeskHttpBadRequestException: StatusCode=4290").is_none());
    // Another product.
    let jira = "Could not create/update work item for alert A. Jira Connector B does not exist or was deleted.";
    assert!(found(MISSING, jira).is_none());
    // A success message sharing most words.
    let token = "AccessToken and RefreshToken invalid. User needs to authenticate again.";
    assert!(
        found(
            token,
            "AccessToken and RefreshToken valid. User needs to authenticate again."
        )
        .is_none()
    );
    // Words of the message scattered.
    assert!(
        found(
            token,
            "AccessToken and other RefreshToken invalid. User needs to authenticate again."
        )
        .is_none()
    );
}

#[test]
fn case_and_diacritics_fold() {
    let sv = "något gick fel. Det gick inte att hämta anslutnings information.";
    assert!(
        found(
            sv,
            "NÅGOT GICK FEL. Det gick inte att hamta anslutnings information."
        )
        .is_some()
    );
}

#[test]
fn a_placeholder_value_does_not_run_over_a_line_break() {
    let text = "Could not create/update work item for alert A. Jira Connector B does not exist or was deleted.\nCould not create/update work item for alert C. ITSM Connector D does not exist or was deleted.";
    let p = Pattern::parse(MISSING).expect("a pattern");
    let w = Words::of(text);
    let f = p.find(&w, text).expect("the second line matches");
    assert!(w.list[f.first].span.start > text.find('\n').expect("two lines"));
}

#[test]
fn a_message_wrapped_right_after_a_value_goes_on_at_the_next_lines_first_word() {
    let text = "Could not create/update work item for alert CPU-High.\nITSM Connector 42 does not exist or was deleted.";
    assert_eq!(
        found(MISSING, text),
        Some(vec![
            ("alertName".into(), "CPU-High"),
            ("connectionIdentifier".into(), "42")
        ])
    );
    // Not at a later word of the next line, nor past an empty line: the value would
    // take in another line's words.
    for text in [
        "Could not create/update work item for alert CPU-High.\nsee ITSM Connector 42 does not exist or was deleted.",
        "Could not create/update work item for alert CPU-High.\n\nITSM Connector 42 does not exist or was deleted.",
    ] {
        assert_eq!(found(MISSING, text), None, "{text}");
    }
}

#[test]
fn one_of_reads_alternatives_and_needs_one() {
    let m = r#""status": "error", "error_message": "{Target record not found|Invalid table|Invalid staging table" }"#;
    let p = Pattern::parse(m).expect("a pattern");
    let yes = r#"{"status":"error","error_message":"Invalid table"}"#;
    let no = r#"{"status":"error","error_message":"Something else"}"#;
    assert!(p.find(&Words::of(yes), yes).is_some());
    assert!(p.find(&Words::of(no), no).is_none());
    assert_eq!(
        p.required_words().collect::<Vec<_>>(),
        ["status", "error", "error", "message"]
    );
}

#[test]
fn a_trailing_placeholder_ends_at_the_text_after_it() {
    let m = "No values found for the following fields: {fields}.";
    let got = found(
        m,
        "WARN No values found for the following fields: urgency, impact.\nnext",
    );
    assert_eq!(got, Some(vec![("fields".into(), "urgency, impact")]));
}

#[test]
fn too_short_messages_are_not_patterns() {
    assert!(Pattern::parse("{x}").is_none());
    assert!(Pattern::parse("Failed {x}").is_none());
    assert!(Pattern::parse("User Not Authenticated").is_some());
}
