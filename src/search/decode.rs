//! Undoing what other tools do to a message before it is pasted: percent-encoding (`%20`),
//! HTML entities (`&quot;`), JSON string escapes (`\"`, `\n`, `\u00e5`), typographic
//! quotes and dashes, non-breaking and zero-width spaces, soft hyphens.
//!
//! Runs before tokenising, once per query, in linear time; each step copies the text only
//! when it finds something to undo. Never panics: a broken escape is kept as written.

use std::borrow::Cow;

/// The text with every encoding above undone.
#[must_use]
pub fn decode(text: &str) -> Cow<'_, str> {
    let mut out = Cow::Borrowed(text);
    if has_percent_escape(&out) {
        out = Cow::Owned(
            percent_encoding::percent_decode_str(&out)
                .decode_utf8_lossy()
                .into_owned(),
        );
    }
    if out.contains('&')
        && let Cow::Owned(s) = html_escape::decode_html_entities(&out)
    {
        out = Cow::Owned(s);
    }
    if out.contains('\\')
        && let Some(s) = json_unescape(&out)
    {
        out = Cow::Owned(s);
    }
    if !out.is_ascii()
        && let Some(s) = plain_punctuation(&out)
    {
        out = Cow::Owned(s);
    }
    out
}

/// Whether the text holds `%` followed by two hex digits.
fn has_percent_escape(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(3)
        .any(|w| w[0] == b'%' && w[1].is_ascii_hexdigit() && w[2].is_ascii_hexdigit())
}

/// The text with JSON string escapes undone, or `None` when it holds none.
fn json_unescape(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(&(_, next)) = chars.peek() else {
            out.push(c);
            break;
        };
        let simple = match next {
            '"' => Some('"'),
            '\\' => Some('\\'),
            '/' => Some('/'),
            'n' | 'r' => Some('\n'),
            't' => Some('\t'),
            'b' | 'f' => Some(' '),
            _ => None,
        };
        if let Some(s) = simple {
            chars.next();
            out.push(s);
            changed = true;
        } else if next == 'u'
            && let Some(code) = hex4(text, i + 2)
        {
            chars.next();
            for _ in 0..4 {
                chars.next();
            }
            // A surrogate pair is two escapes.
            let mut ch = char::from_u32(code);
            if (0xD800..0xDC00).contains(&code)
                && text[i + 6..].starts_with("\\u")
                && let Some(low) = hex4(text, i + 8)
                && (0xDC00..0xE000).contains(&low)
            {
                for _ in 0..6 {
                    chars.next();
                }
                ch = char::from_u32(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00));
            }
            out.push(ch.unwrap_or('\u{FFFD}'));
            changed = true;
        } else {
            out.push(c);
        }
    }
    changed.then_some(out)
}

/// Four hex digits at byte `at`, as a number.
fn hex4(text: &str, at: usize) -> Option<u32> {
    let digits = text.get(at..at + 4)?;
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(digits, 16).ok()
}

/// Typographic quotes and dashes as ASCII, odd spaces as a space, zero-width characters
/// and soft hyphens dropped; `None` when there was nothing to change.
fn plain_punctuation(text: &str) -> Option<String> {
    let mapped = |c: char| -> Option<Option<char>> {
        Some(match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{00B4}' => {
                Some('\'')
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
            | '\u{00BB}' => Some('"'),
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => {
                Some('-')
            }
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
                Some(' ')
            }
            '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => None,
            _ => return None,
        })
    };
    if !text.chars().any(|c| mapped(c).is_some()) {
        return None;
    }
    Some(
        text.chars()
            .filter_map(|c| mapped(c).unwrap_or(Some(c)))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn undoes_each_encoding() {
        assert_eq!(
            decode("Could%20not%20get%20connection"),
            "Could not get connection"
        );
        assert_eq!(
            decode("named &quot;prod&quot; &amp; &#39;x&#39;"),
            "named \"prod\" & 'x'"
        );
        assert_eq!(
            decode(r#"{\"detail\":\"ACL Exception\"}\nnext \u00e5tg\u00e4rden"#),
            "{\"detail\":\"ACL Exception\"}\nnext åtgärden"
        );
        assert_eq!(
            decode("“User” – Not\u{00A0}Auth\u{00AD}enticated"),
            "\"User\" - Not Authenticated"
        );
    }

    #[test]
    fn plain_text_is_not_copied() {
        assert!(matches!(
            decode("StatusCode=429 100% sure"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn broken_escapes_are_kept() {
        assert_eq!(decode(r"\u12 \x %zz \"), r"\u12 \x %zz \");
        assert_eq!(decode(r"\ud800\u0041"), "\u{FFFD}A");
    }
}
