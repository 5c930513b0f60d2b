//! The rule a diagnostic belongs to, for `validate --format json|github`: a stable name a
//! guides repository can count, filter or allow-list (`dangling-next`, `unknown-field`).
//!
//! Diagnostics are created in many places of the guide layer as messages; the rule is
//! recognised here, from the message, in one table, so the guide layer stays as it is.
//! A table test runs every validate fixture through it, so a reworded message that no
//! longer matches shows up as `other` in a failing test rather than in a user's CI.

/// `(rule, every part the message contains)`, first match wins.
const TABLE: &[(&str, &[&str])] = &[
    ("not-utf8", &["not valid UTF-8"]),
    ("limit", &["too large or too complex"]),
    ("limit", &["alias bomb"]),
    ("unknown-field", &["unknown field `"]),
    ("missing-field", &["missing field `"]),
    ("duplicate-key", &["duplicate mapping key"]),
    ("number-as-text", &["a number is not a text"]),
    ("bad-language-key", &["is not a language code"]),
    ("bad-url", &["is not an http"]),
    ("bad-id", &["may hold only lowercase"]),
    ("dangling-start", &["`start` names unknown question"]),
    ("dangling-next", &["`next` names unknown question"]),
    ("dangling-error", &["`error` names unknown error"]),
    ("dangling-related", &["`related` names unknown error"]),
    ("unknown-guide", &["names guide `", "which is not loaded"]),
    ("self-reference", &["names this guide itself"]),
    ("malformed-reference", &["` is not `"]),
    ("malformed-reference", &["is not a guide id"]),
    ("answer-target", &["an answer has both"]),
    ("answer-target", &["an answer needs"]),
    ("duplicate-id", &["duplicate ", " id `"]),
    ("empty-checklist", &["has an empty checklist"]),
    ("error-not-reached", &["no answer leads to error"]),
    ("missing-translation", &["has no `", "` translation"]),
    ("no-answers", &["at least one answer"]),
    ("too-many-answers", &["at most 9 answers"]),
    ("cycle-without-outcome", &["no outcome can be reached"]),
    ("unreachable-node", &["cannot be reached from `start`"]),
    ("long-message", &["search matches only its first"]),
    ("no-guide", &["no guide file"]),
    (
        "unreadable",
        &["cannot read", "could not read", "No such file", "not found"],
    ),
    (
        "wrong-type",
        &["invalid type", "expected a list", "expected a map"],
    ),
    (
        "syntax",
        &[
            "mapping values are not allowed",
            "did not find expected",
            "found unexpected",
            "while parsing",
            "while scanning",
            "unexpected end",
            "found character that cannot start",
        ],
    ),
];

/// Rules whose parts are alternatives rather than all required.
const ANY_OF: &[&str] = &["unreadable", "wrong-type", "syntax"];

/// The rule of a diagnostic message; `other` when the table knows none.
#[must_use]
pub fn of(message: &str) -> &'static str {
    TABLE
        .iter()
        .find(|(rule, parts)| {
            if ANY_OF.contains(rule) {
                parts.iter().any(|p| message.contains(p))
            } else {
                parts.iter().all(|p| message.contains(p))
            }
        })
        .map_or("other", |(rule, _)| rule)
}

#[cfg(test)]
mod tests {
    use super::of;

    #[test]
    fn messages_and_their_rules() {
        let table = [
            (
                "unknown field `qestion`; did you mean `question`?",
                "unknown-field",
            ),
            ("`next` names unknown question `wher`", "dangling-next"),
            (
                "`related` names unknown error `brokem`; did you mean `broken`?",
                "dangling-related",
            ),
            (
                "`error` names guide `no-such-guide`, which is not loaded",
                "unknown-guide",
            ),
            (
                "duplicate node id `where` (first defined on line 8)",
                "duplicate-id",
            ),
            (
                "`related` entry `a/b/c` is not `guide-id/error-id`",
                "malformed-reference",
            ),
            ("mapping values are not allowed in this context", "syntax"),
            ("invalid type: sequence, expected a text", "wrong-type"),
        ];
        for (message, rule) in table {
            assert_eq!(of(message), rule, "{message}");
        }
    }

    #[test]
    fn an_unknown_message_is_other_not_a_guess() {
        assert_eq!(of("something new went wrong"), "other");
        assert_eq!(of(""), "other");
        // Half of a two-part rule is not enough.
        assert_eq!(of("duplicate thing"), "other");
    }
}
