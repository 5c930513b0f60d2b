//! A one-line text field edited like a shell line (readline's emacs keys): the cursor moves
//! by character and by word, and deletions take a character, the word before or after the
//! cursor, or everything to the start or the end.

use crate::tui::msg::Edit;

/// The most characters a field holds: a pasted log of up to about a megabyte is kept
/// whole (search reads its most informative 64 KB, and the search screen says so); edits
/// and drawing stay linear in it at worst.
pub const MAX_CHARS: usize = 1_000_000;

/// The text and the cursor (a byte offset on a character boundary).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Field {
    text: String,
    cursor: usize,
}

impl Field {
    /// A field holding `text`, the cursor at its end.
    #[must_use]
    pub fn new(text: &str) -> Field {
        let mut field = Field::default();
        field.insert(text);
        field
    }

    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor as a character index.
    #[must_use]
    pub fn cursor_chars(&self) -> usize {
        self.text[..self.cursor].chars().count()
    }

    /// The cursor as a byte offset (on a character boundary).
    #[must_use]
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Whether the field holds as much as it can (a paste may have been cut).
    #[must_use]
    pub fn full(&self) -> bool {
        self.text.len() >= MAX_CHARS && self.text.chars().count() >= MAX_CHARS
    }

    /// Inserts `s` at the cursor (control characters become spaces), up to the bound.
    pub fn insert(&mut self, s: &str) {
        let room = MAX_CHARS.saturating_sub(self.text.chars().count());
        let clean: String = s
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .take(room)
            .collect();
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
    }

    /// Empties the field.
    pub fn clear(&mut self) {
        *self = Field::default();
    }

    fn prev(&self, at: usize) -> usize {
        self.text[..at].char_indices().last().map_or(0, |(i, _)| i)
    }

    fn next(&self, at: usize) -> usize {
        self.text[at..]
            .chars()
            .next()
            .map_or(at, |c| at + c.len_utf8())
    }

    fn word_left(&self) -> usize {
        let mut at = self.cursor;
        while at > 0 && self.text[self.prev(at)..at].starts_with(char::is_whitespace) {
            at = self.prev(at);
        }
        while at > 0 && !self.text[self.prev(at)..at].starts_with(char::is_whitespace) {
            at = self.prev(at);
        }
        at
    }

    fn word_right(&self) -> usize {
        let mut at = self.cursor;
        let len = self.text.len();
        while at < len && self.text[at..].starts_with(char::is_whitespace) {
            at = self.next(at);
        }
        while at < len && !self.text[at..].starts_with(char::is_whitespace) {
            at = self.next(at);
        }
        at
    }

    /// Applies an edit; returns whether the text changed.
    pub fn edit(&mut self, edit: Edit) -> bool {
        let before = self.text.len();
        match edit {
            Edit::Left => self.cursor = self.prev(self.cursor),
            Edit::Right => self.cursor = self.next(self.cursor),
            Edit::Home => self.cursor = 0,
            Edit::End => self.cursor = self.text.len(),
            Edit::WordLeft => self.cursor = self.word_left(),
            Edit::WordRight => self.cursor = self.word_right(),
            Edit::Backspace => {
                let at = self.prev(self.cursor);
                self.text.replace_range(at..self.cursor, "");
                self.cursor = at;
            }
            Edit::Delete => {
                let end = self.next(self.cursor);
                self.text.replace_range(self.cursor..end, "");
            }
            Edit::ClearToStart => {
                self.text.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
            Edit::DeleteWord => {
                let at = self.word_left();
                self.text.replace_range(at..self.cursor, "");
                self.cursor = at;
            }
            Edit::DeleteWordRight => {
                let end = self.word_right();
                self.text.replace_range(self.cursor..end, "");
            }
            Edit::ClearToEnd => self.text.truncate(self.cursor),
        }
        self.text.len() != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The field after edits, written with `|` at the cursor.
    fn after(text: &str, edits: &[Edit]) -> String {
        let mut f = Field::new(text);
        for e in edits {
            f.edit(*e);
        }
        let mut shown = f.text().to_owned();
        shown.insert(f.cursor, '|');
        shown
    }

    #[test]
    fn shell_line_editing() {
        use Edit::*;
        let cases: &[(&str, &[Edit], &str)] = &[
            ("token expired", &[Left, Left], "token expir|ed"),
            ("token expired", &[Home, Right], "t|oken expired"),
            ("token expired", &[Home, End], "token expired|"),
            ("token expired", &[WordLeft], "token |expired"),
            (
                "token expired",
                &[WordLeft, WordLeft, WordRight],
                "token| expired",
            ),
            ("token expired ", &[DeleteWord], "token |"),
            ("token expired", &[WordLeft, ClearToStart], "|expired"),
            ("token expired", &[Home, Delete], "|oken expired"),
            ("token expired", &[Backspace], "token expire|"),
            ("åäö", &[Left, Backspace], "å|ö"),
            // At the edges nothing happens.
            (
                "",
                &[Backspace, Delete, Left, Right, DeleteWord, WordLeft],
                "|",
            ),
            ("ab", &[Right, Delete], "ab|"),
            // The next word goes with the spaces before it, as readline's M-d does.
            ("alpha beta gamma", &[Home, DeleteWordRight], "| beta gamma"),
            (
                "alpha beta gamma",
                &[WordLeft, WordLeft, Left, DeleteWordRight],
                "alpha| gamma",
            ),
            ("alpha beta", &[DeleteWordRight], "alpha beta|"),
            ("alpha beta gamma", &[WordLeft, ClearToEnd], "alpha beta |"),
            ("alpha", &[ClearToEnd], "alpha|"),
            ("åä öü", &[Home, Right, ClearToEnd], "å|"),
            ("åä öü", &[Home, Right, DeleteWordRight], "å| öü"),
        ];
        for (text, edits, want) in cases {
            assert_eq!(after(text, edits), *want, "{text:?} {edits:?}");
        }
    }

    #[test]
    fn inserts_at_the_cursor_and_is_bounded() {
        let mut f = Field::new("tokn");
        f.edit(Edit::Left);
        f.insert("e");
        assert_eq!(f.text(), "token");
        f.insert("a\nb\tc");
        assert_eq!(f.text(), "tokea b cn");
        assert!(!f.full());
        let mut f = Field::new(&"x".repeat(MAX_CHARS + 10));
        assert_eq!(f.text().len(), MAX_CHARS);
        assert!(f.full());
        f.insert("y");
        assert_eq!(f.text().len(), MAX_CHARS);
    }
}
