//! One normalisation for the index and the query: fold case and diacritics, split into word
//! tokens, and recognise the values a person's own paste carries (GUIDs, numbers, times,
//! hex, URLs, paths) so that they can stand in for a template's `{placeholders}`.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// What kind of word a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// An ordinary word.
    Word,
    /// A value that varies from case to case: a GUID, number, timestamp, hex string, URL or
    /// path. It may fill a placeholder and need not match the index.
    Value,
}

/// A normalised word of a text, with the byte range it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub text: String,
    pub span: Range<usize>,
    pub class: Class,
}

/// Folds one character: lowercase, diacritics dropped (`Å` → `a`, `é` → `e`, `ß` → `ss`).
/// Triage folds log lines with it too, so a message matches there exactly as in search.
pub(crate) fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for d in c.to_lowercase().nfkd() {
        if !is_combining_mark(d) {
            out.push(d);
        }
    }
}

/// Folds a whole string for comparison.
#[must_use]
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Splits `text` into tokens: runs of letters and digits, folded. Runs that look like
/// values (see [`Class::Value`]) become one `Value` token even when they hold punctuation,
/// such as `0c9e41d2-1f3a-…` or `2024-05-01T10:22:03Z`.
#[must_use]
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    scan(text, |span, class| {
        out.push(Token {
            text: fold(&text[span.clone()]),
            span,
            class,
        });
    });
    out
}

/// Longest run of characters tried as one value (a URL, a path); longer runs are words.
pub const MAX_VALUE_LEN: usize = 1024;
/// Longest word, in bytes, that can be a word of the vocabulary; longer ones are values.
pub const MAX_WORD_LEN: usize = 64;

/// Whether `ch` ends a whitespace-delimited run that may be a value.
fn ends_run(ch: char) -> bool {
    ch.is_whitespace()
        || matches!(
            ch,
            '"' | '\'' | ',' | ';' | '(' | ')' | '[' | ']' | '{' | '}' | '<' | '>'
        )
}

/// Calls `f` with the byte range and class of each token of `text`, unfolded: the
/// allocation-free form of [`tokens`] for building the index.
///
/// Linear in the length of `text`: the run around the cursor (up to the next space or
/// bracket) is found once per run, and a value is tried only where one can start (the
/// start of a run, or after `=`, `:`, `@`, `|`), never at every word inside a long run.
pub fn scan(text: &str, mut f: impl FnMut(Range<usize>, Class)) {
    let mut i = 0;
    // The current run: its end, its end without trailing punctuation (keeping a slash),
    // and its end without any trailing punctuation.
    let mut run = (0usize, 0usize, 0usize);
    let mut prev: Option<char> = None;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if i >= run.0 && !ends_run(c) {
            let end = text[i..].find(ends_run).map_or(text.len(), |n| i + n);
            let s = &text[i..end];
            let keep_slash = s.trim_end_matches(|ch: char| !ch.is_alphanumeric() && ch != '/');
            let bare = keep_slash.trim_end_matches(|ch: char| !ch.is_alphanumeric());
            run = (end, i + keep_slash.len(), i + bare.len());
        }
        let value_may_start = prev
            .is_none_or(|p| p.is_whitespace() || ends_run(p) || matches!(p, '=' | ':' | '@' | '|'));
        if !c.is_alphanumeric() {
            // An absolute path starts with its slash.
            if c == '/' && value_may_start && run.2 > i && run.2 - i <= MAX_VALUE_LEN {
                let candidate = &text[i..run.2];
                if is_path(candidate) {
                    f(i..run.2, Class::Value);
                    prev = candidate.chars().next_back();
                    i = run.2;
                    continue;
                }
            }
            prev = Some(c);
            i += c.len_utf8();
            continue;
        }
        // A value may span punctuation: take the rest of the run and test it.
        if value_may_start && run.1 > i && run.1 - i <= MAX_VALUE_LEN {
            let candidate = &text[i..run.1];
            if is_value(candidate) {
                f(i..run.1, Class::Value);
                prev = candidate.chars().next_back();
                i = run.1.max(i + 1);
                continue;
            }
        }
        let end = text[i..]
            .find(|ch: char| !ch.is_alphanumeric())
            .map_or(text.len(), |n| i + n);
        let word = &text[i..end];
        let class = if word.len() > MAX_WORD_LEN
            || word.bytes().all(|b| b.is_ascii_digit())
            || is_hex_id(word)
        {
            Class::Value
        } else {
            Class::Word
        };
        f(i..end, class);
        prev = word.chars().next_back();
        i = end;
    }
}

/// Folds `text` into `buf`, replacing what it held.
pub fn fold_into(text: &str, buf: &mut String) {
    buf.clear();
    for c in text.chars() {
        fold_char(c, buf);
    }
}

/// The parts of a `camelCase` or `PascalCase` word, when it has more than one:
/// `ServiceDeskHttpBadRequestException` → service, desk, http, bad, request, exception.
#[must_use]
pub fn camel_parts(word: &str) -> Vec<String> {
    // Most words are all lowercase or capitalised: nothing to split.
    let mut rest = word.chars().skip(1);
    let digits = word.chars().any(char::is_numeric);
    if !digits && !rest.any(char::is_uppercase) {
        return Vec::new();
    }
    let chars: Vec<char> = word.chars().collect();
    let mut parts = Vec::new();
    let mut start = 0;
    for i in 1..chars.len() {
        let (prev, cur) = (chars[i - 1], chars[i]);
        let next_lower = chars.get(i + 1).is_some_and(|c| c.is_lowercase());
        let boundary = (prev.is_lowercase() && cur.is_uppercase())
            || (prev.is_uppercase() && cur.is_uppercase() && next_lower)
            || (prev.is_alphabetic() != cur.is_alphabetic());
        if boundary {
            parts.push(fold(&chars[start..i].iter().collect::<String>()));
            start = i;
        }
    }
    if start == 0 {
        return Vec::new();
    }
    parts.push(fold(&chars[start..].iter().collect::<String>()));
    parts
}

/// Whether a whitespace-free run is a value a person's paste would carry.
fn is_value(run: &str) -> bool {
    // Values hold punctuation; a plain word is not one (and is the common case).
    run.bytes().any(|b| matches!(b, b'-' | b':' | b'/' | b'.'))
        && (is_guid(run) || is_timestamp(run) || is_url(run) || is_path(run))
}

fn is_guid(s: &str) -> bool {
    s.len() == 36
        && s.split('-').map(str::len).eq([8, 4, 4, 4, 12])
        && s.bytes().all(|b| b == b'-' || b.is_ascii_hexdigit())
}

/// `2024-05-01`, `2024-05-01T10:22:03Z`, `10:22:03.123`.
fn is_timestamp(s: &str) -> bool {
    if s.len() > 40 {
        return false;
    }
    let digits = s.bytes().filter(u8::is_ascii_digit).count();
    digits >= 6
        && s.bytes()
            .all(|b| b.is_ascii_digit() || b"-:.TZ+".contains(&b))
        && s.bytes().any(|b| b == b'-' || b == b':')
}

fn is_url(s: &str) -> bool {
    let starts = |p: &str| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    starts("http://") || starts("https://")
}

fn is_path(s: &str) -> bool {
    s.matches('/').count() >= 2 && !s.contains("//") && s.len() > 3
}

/// Hex ids of 8+ characters that hold at least one digit and one letter: `0x1f3a9c`,
/// `a3f9c2e1b7`.
fn is_hex_id(word: &str) -> bool {
    let w = word.strip_prefix("0x").unwrap_or(word);
    w.len() >= 8
        && w.bytes().all(|b| b.is_ascii_hexdigit())
        && w.bytes().any(|b| b.is_ascii_digit())
        && w.bytes().any(|b| b.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokens(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(
            fold("Åtgärden MISSLYCKADES é ü"),
            "atgarden misslyckades e u"
        );
        assert_eq!(words("åtgärden"), words("atgarden"));
    }

    #[test]
    fn punctuation_and_spacing_do_not_matter() {
        assert_eq!(words("StatusCode=429"), ["statuscode", "429"]);
        assert_eq!(words("StatusCode = 429"), ["statuscode", "429"]);
        assert_eq!(
            words("create/update work-item."),
            ["create", "update", "work", "item"]
        );
    }

    #[test]
    fn values_are_recognised() {
        let t = tokens(
            "at 2024-05-01T10:22:03Z id 0c9e41d2-1f3a-4b5c-8d7e-0123456789ab see https://x.example/a?b=1 in /var/log/itsm.log code 429 hash a3f9c2e1b7",
        );
        let values: Vec<&str> = t
            .iter()
            .filter(|t| t.class == Class::Value)
            .map(|t| t.text.as_str())
            .collect();
        assert_eq!(
            values,
            [
                "2024-05-01t10:22:03z",
                "0c9e41d2-1f3a-4b5c-8d7e-0123456789ab",
                "https://x.example/a?b=1",
                "/var/log/itsm.log",
                "429",
                "a3f9c2e1b7"
            ]
        );
        assert!(t.iter().any(|t| t.text == "see" && t.class == Class::Word));
    }

    #[test]
    fn spans_point_into_the_original() {
        let text = "Fel: Åtgärden";
        let t = tokens(text);
        assert_eq!(&text[t[1].span.clone()], "Åtgärden");
    }

    #[test]
    fn camel_case_parts() {
        assert_eq!(camel_parts("StatusCode"), ["status", "code"]);
        assert_eq!(
            camel_parts("ServiceDeskHttpBadRequestException"),
            ["service", "desk", "http", "bad", "request", "exception"]
        );
        assert_eq!(camel_parts("HTTPServer"), ["http", "server"]);
        assert_eq!(camel_parts("AccessToken"), ["access", "token"]);
        assert!(camel_parts("connector").is_empty());
    }
}
