//! `c`: the useful thing on screen, copied to the clipboard through the terminal (OSC 52).
//!
//! Why OSC 52 and not a clipboard crate: tshoot runs where the trouble is, often over SSH
//! or inside tmux, where there is no display server to talk to; the escape sequence goes
//! through the terminal to the clipboard of the machine the person sits at (tmux passes
//! it on with `set-clipboard on`). The screens only say *what* to copy ([`Effect::Copy`]);
//! the loop writes the sequence ([`osc52`]) and says what was copied. Nothing is copied
//! without a key press.
//!
//! What each screen copies: an outcome, the selected checklist step as plain text (values
//! from the person's message filled in, its link on the next line); the end of a session,
//! the session as Markdown (the same report `e` saves); the reference, the selected
//! error's message literals, one a line; search (Ctrl-Y, since `c` is typed there), the
//! selected hit's message literals; a triage, the first log line the selected error was
//! found on, as the log has it.

use base64::Engine as _;

use crate::guide::ErrorEntry;
use crate::labels::Label;
use crate::lang::Lang;
use crate::markup;
use crate::session::{Place, Session, filled};
use crate::tui::msg::Effect;
use crate::tui::screens::Ctx;

/// The most bytes of text sent: its base64 is then at most 100,000 characters, the bound
/// terminals commonly accept for one OSC 52 sequence (hterm's, and what tmux and most
/// terminal emulators take whole). Longer text is not cut: a half-copied report is worse
/// than a clear "too long".
pub const MAX_BYTES: usize = 75_000;

/// The OSC 52 sequence that puts `text` on the clipboard, or `None` when it is longer
/// than [`MAX_BYTES`].
#[must_use]
pub fn osc52(text: &str) -> Option<String> {
    (text.len() <= MAX_BYTES).then(|| {
        format!(
            "\x1b]52;c;{}\x07",
            base64::engine::general_purpose::STANDARD.encode(text)
        )
    })
}

/// What the status line says after a copy of `what` (`bytes` long) was asked for.
#[must_use]
pub fn status(what: &str, bytes: usize, lang: Lang) -> String {
    if bytes <= MAX_BYTES {
        format!("{} {what}", Label::Copied.text(lang))
    } else {
        Label::CopyTooLong
            .text(lang)
            .replace("{what}", what)
            .replace("{n}", &bytes.to_string())
            .replace("{max}", &MAX_BYTES.to_string())
    }
}

/// Writes the sequence for `text` to `out` (the terminal) when it is within the bound,
/// and returns what the status line says.
pub fn send(text: &str, what: &str, lang: Lang, out: &mut impl std::io::Write) -> String {
    if let Some(sequence) = osc52(text) {
        let _ = out.write_all(sequence.as_bytes());
        let _ = out.flush();
    }
    status(what, text.len(), lang)
}

/// The copy `c` asks for in a session: at an outcome the selected step, at the end the
/// session as Markdown; nothing on a question.
#[must_use]
pub fn in_session(cx: &Ctx, walk: &Session, selected: usize) -> Option<Effect> {
    match walk.at() {
        Place::Outcome(e) => {
            let (_, error) = e.find(&cx.catalog)?;
            let step = error.checklist.get(selected)?;
            let mut text = markup::plain(&filled(step.text.show(cx.lang), walk.captures()));
            if let Some(link) = &step.link {
                text = format!("{text}\n{link}");
            }
            Some(Effect::Copy {
                text,
                what: Label::CopyStep
                    .text(cx.lang)
                    .replace("{n}", &(selected + 1).to_string()),
            })
        }
        Place::Solved(_) | Place::Escalation => Some(whole_session(cx, walk)),
        Place::Question(_) => None,
    }
}

/// The session as Markdown, as `e` would save it.
#[must_use]
pub fn whole_session(cx: &Ctx, walk: &Session) -> Effect {
    Effect::Copy {
        text: crate::report::markdown(&cx.catalog, walk, cx.lang, cx.now),
        what: Label::CopySession.text(cx.lang).to_owned(),
    }
}

/// An error's message literals, one a line, in the language shown; `None` when it lists
/// none.
#[must_use]
pub fn messages(error: &ErrorEntry, lang: Lang) -> Option<Effect> {
    let lines: Vec<&str> = error.messages.iter().map(|m| m.show(lang)).collect();
    if lines.is_empty() {
        return None;
    }
    Some(Effect::Copy {
        what: if lines.len() == 1 {
            Label::CopyMessage.text(lang).to_owned()
        } else {
            Label::CopyMessages
                .text(lang)
                .replace("{n}", &lines.len().to_string())
        },
        text: lines.join("\n"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sequence_is_osc_52_with_base64_and_bel() {
        assert_eq!(
            osc52("Fix it: åäö").as_deref(),
            Some("\x1b]52;c;Rml4IGl0OiDDpcOkw7Y=\x07")
        );
        assert_eq!(osc52("").as_deref(), Some("\x1b]52;c;\x07"));
    }

    #[test]
    fn text_over_the_bound_is_not_sent_and_says_so() {
        let at = "x".repeat(MAX_BYTES);
        let sequence = osc52(&at).expect("at the bound is sent");
        assert!(sequence.len() <= 100_000 + 8, "{}", sequence.len());
        assert_eq!(osc52(&format!("{at}x")), None);
        let said = status("the session as Markdown", MAX_BYTES + 1, Lang::En);
        assert!(said.contains("too long"), "{said}");
        assert!(said.contains("75001"), "{said}");
        assert_eq!(status("step 2", 10, Lang::En), "Copied step 2");
        assert_eq!(status("steg 2", 10, Lang::Sv), "Kopierade steg 2");
    }
}
