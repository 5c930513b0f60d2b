//! Makes untrusted guide text safe to print: no byte of it can drive a terminal.
//!
//! Guides are downloaded files. A title holding `ESC ] 52 ;` could write the clipboard, a CSI
//! could move the cursor or hide text, a bidi override could make text read differently than
//! it is. Every string is passed through [`clean`] once, at load; nothing downstream has to
//! think about it again.

/// Tab stops are this many columns apart when tabs are expanded.
const TAB_WIDTH: usize = 4;

/// Removes escape sequences (CSI, OSC, DCS, SOS/PM/APC and two-byte escapes), C0 and C1
/// control characters (but newline), DEL and bidirectional overrides; expands tabs to spaces
/// and drops carriage returns.
#[must_use]
pub fn clean(input: &str) -> String {
    // Nearly every text is clean already: copied whole rather than char by char.
    if is_clean(input) {
        return input.to_owned();
    }
    let mut out = String::with_capacity(input.len());
    let mut column = 0usize;
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => {
                out.push('\n');
                column = 0;
            }
            '\t' => {
                let spaces = TAB_WIDTH - column % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            '\u{1b}' => match chars.next() {
                Some('[') => skip_csi(&mut chars),
                Some(']' | 'P' | 'X' | '^' | '_') => skip_string(&mut chars),
                _ => {}
            },
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            c if is_dropped(c) => {}
            c => {
                out.push(c);
                column += 1;
            }
        }
    }
    out
}

/// Whether [`clean`] would leave `input` as it is: no escape sequence, control character
/// (but newline), tab or direction override in it. Text read back from the cache must be
/// this, as everything `clean` made is.
#[must_use]
#[allow(
    clippy::needless_bitwise_bool,
    reason = "no branch in the byte loop, so it is vectorised"
)]
pub fn is_clean(input: &str) -> bool {
    // The cache holds tens of megabytes of text: plain ASCII (the usual case) is checked
    // a whole string at a time, without branches, which the compiler vectorises.
    if input.is_ascii() {
        let bad = input.bytes().fold(false, |bad, b| {
            bad | ((b < 0x20) & (b != b'\n')) | (b == 0x7f)
        });
        return !bad;
    }
    input.chars().all(|c| c == '\n' || !is_dropped(c))
}

/// Control characters and invisible direction overrides, which are never shown.
fn is_dropped(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

/// Skips a CSI's parameter and intermediate bytes and its final byte (0x40–0x7E).
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) || !(' '..='\u{7e}').contains(&c) {
            break;
        }
    }
}

/// Skips an OSC/DCS-style string up to its terminator: BEL, ST (`ESC \`) or C1 ST.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{clean, is_clean};

    proptest::proptest! {
        /// `is_clean` says exactly whether `clean` would change a text, on any text and on
        /// texts made of the characters that matter.
        #[test]
        fn is_clean_agrees_with_clean(
            any in ".{0,40}",
            picked in proptest::collection::vec(proptest::sample::select(vec![
                'a', ' ', '\n', '\t', '\r', '\u{1b}', '[', ']', '\u{7}', '\u{7f}', '\u{9b}',
                '\u{9c}', '\u{85}', '\u{202e}', '\u{2067}', '\u{200f}', 'é', '界',
            ]), 0..12),
        ) {
            let picked: String = picked.into_iter().collect();
            for text in [any, picked] {
                proptest::prop_assert_eq!(is_clean(&text), clean(&text) == text, "{:?}", text);
            }
        }
    }

    #[test]
    fn keeps_ordinary_text() {
        let s = "Åtgärden misslyckades: \"{alertName}\" — 429\nnext line";
        assert_eq!(clean(s), s);
    }

    #[test]
    fn removes_csi_sequences() {
        assert_eq!(clean("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(clean("x\u{1b}[2J\u{1b}[1;1Hy"), "xy");
        assert_eq!(clean("c1\u{9b}31mcsi"), "c1csi");
    }

    #[test]
    fn removes_osc_hyperlinks_and_clipboard_writes() {
        let link = "\u{1b}]8;;https://evil.example\u{1b}\\click\u{1b}]8;;\u{1b}\\";
        assert_eq!(clean(link), "click");
        assert_eq!(clean("a\u{1b}]52;c;ZXZpbA==\u{7}b"), "ab");
        assert_eq!(clean("a\u{9d}0;title\u{9c}b"), "ab");
    }

    #[test]
    fn removes_controls_bell_and_bidi_overrides() {
        assert_eq!(clean("a\u{7}b\u{0}c\u{7f}d\u{85}e"), "abcde");
        assert_eq!(clean("safe\u{202e}txt.exe"), "safetxt.exe");
        assert_eq!(clean("line\r\n"), "line\n");
    }

    #[test]
    fn unterminated_sequences_swallow_to_the_end_without_escaping() {
        assert_eq!(clean("ok\u{1b}]0;no end"), "ok");
        assert_eq!(clean("ok\u{1b}"), "ok");
        assert_eq!(clean("ok\u{1b}[12"), "ok");
    }

    #[test]
    fn expands_tabs_to_the_next_stop() {
        assert_eq!(clean("a\tb"), "a   b");
        assert_eq!(clean("abcd\te"), "abcd    e");
        assert_eq!(clean("x\n\ty"), "x\n    y");
    }

    #[test]
    fn output_never_holds_a_control_character() {
        let nasty: String = (0u32..0x200).filter_map(char::from_u32).collect();
        assert!(!clean(&nasty).chars().any(|c| c.is_control() && c != '\n'));
    }
}
