//! Fills `{placeholder}`s of guide text with the values captured from the person's own
//! message, and says which parts were filled, so a view can show what came from them.

use serde::{Deserialize, Serialize};

/// Most values a session keeps from one message.
pub const MAX_CAPTURES: usize = 32;
/// Longest captured name or value kept, in characters.
pub const MAX_CAPTURE_CHARS: usize = 200;

/// A value captured from the person's message where a template has `{name}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Capture {
    pub name: String,
    pub value: String,
}

/// A piece of filled text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Guide text as written (an unknown `{name}` stays as it is).
    Text(&'a str),
    /// The captured value for `{name}`.
    Filled { name: &'a str, value: &'a str },
}

impl Piece<'_> {
    /// The text shown for this piece.
    #[must_use]
    pub fn text(&self) -> &str {
        match self {
            Piece::Text(t) => t,
            Piece::Filled { value, .. } => value,
        }
    }
}

/// `text` split into guide text and filled values. A `{name}` with no captured value stays
/// as written; the first capture of a name wins.
#[must_use]
pub fn fill<'a>(text: &'a str, captures: &'a [Capture]) -> Vec<Piece<'a>> {
    let mut pieces = Vec::new();
    let mut rest = text;
    let mut literal_start = 0;
    let mut at = 0;
    while let Some(open) = rest[at..].find('{').map(|i| at + i) {
        let Some(close) = rest[open + 1..].find('}').map(|i| open + 1 + i) else {
            break;
        };
        let name = &rest[open + 1..close];
        let value = crate::guide::is_placeholder_name(name)
            .then(|| captures.iter().find(|c| c.name == name))
            .flatten();
        match value {
            Some(c) => {
                if literal_start < open {
                    pieces.push(Piece::Text(&rest[literal_start..open]));
                }
                pieces.push(Piece::Filled {
                    name: &c.name,
                    value: &c.value,
                });
                rest = &rest[close + 1..];
                literal_start = 0;
                at = 0;
            }
            None => at = open + 1,
        }
    }
    if literal_start < rest.len() {
        pieces.push(Piece::Text(&rest[literal_start..]));
    }
    pieces
}

/// The filled text as one string.
#[must_use]
pub fn filled(text: &str, captures: &[Capture]) -> String {
    fill(text, captures).iter().map(Piece::text).collect()
}

/// Captured values made safe and bounded once, when a session takes them: no control
/// characters or escapes, at most [`MAX_CAPTURES`] of at most [`MAX_CAPTURE_CHARS`] each, no
/// empty names, and one value per name (the first).
#[must_use]
pub fn clean_captures(captures: Vec<(String, String)>) -> Vec<Capture> {
    let mut out: Vec<Capture> = Vec::new();
    for (name, value) in captures {
        let name = bounded(&name);
        let value = bounded(&value.replace('\n', " "));
        if name.is_empty() || out.iter().any(|c| c.name == name) {
            continue;
        }
        out.push(Capture { name, value });
        if out.len() == MAX_CAPTURES {
            break;
        }
    }
    out
}

/// `s` sanitised, trimmed and cut to [`MAX_CAPTURE_CHARS`].
pub(super) fn bounded(s: &str) -> String {
    crate::guide::sanitize::clean(s)
        .trim()
        .chars()
        .take(MAX_CAPTURE_CHARS)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caps(pairs: &[(&str, &str)]) -> Vec<Capture> {
        pairs
            .iter()
            .map(|(n, v)| Capture {
                name: (*n).to_owned(),
                value: (*v).to_owned(),
            })
            .collect()
    }

    #[test]
    fn placeholders_with_values_are_filled_and_marked() {
        let c = caps(&[("alertName", "CPU-High")]);
        assert_eq!(
            fill("Open alert rule {alertName} now.", &c),
            vec![
                Piece::Text("Open alert rule "),
                Piece::Filled {
                    name: "alertName",
                    value: "CPU-High"
                },
                Piece::Text(" now."),
            ]
        );
        assert_eq!(
            filled("{alertName}{alertName}", &c),
            "CPU-HighCPU-High".to_owned()
        );
    }

    #[test]
    fn unknown_and_malformed_placeholders_stay_as_written() {
        let c = caps(&[("id", "42")]);
        for text in [
            "no braces",
            "{other} stays",
            "{ id } has spaces",
            "{1id} starts with a digit",
            "unclosed {id",
            "}{",
            "",
        ] {
            assert_eq!(filled(text, &c), text, "{text:?}");
            assert!(
                fill(text, &c).iter().all(|p| matches!(p, Piece::Text(_))),
                "{text:?}"
            );
        }
        assert_eq!(filled("{{id}}", &c), "{42}");
        assert_eq!(filled("a {x} b {id}", &c), "a {x} b 42");
    }

    #[test]
    fn captures_are_cleaned_bounded_and_unique() {
        let long = "x".repeat(500);
        let got = clean_captures(vec![
            ("alertName".into(), " CPU\u{1b}[31m-High\n ".into()),
            ("alertName".into(), "second".into()),
            (String::new(), "nameless".into()),
            ("big".into(), long),
        ]);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].value, "CPU-High");
        assert_eq!(got[1].value.chars().count(), MAX_CAPTURE_CHARS);
        let many = (0..100)
            .map(|i| (format!("n{i}"), "v".to_owned()))
            .collect();
        assert_eq!(clean_captures(many).len(), MAX_CAPTURES);
    }
}
