//! The overlay that asks which log file to triage (opened with `t` on the home screen):
//! a path field (`~` is the home folder, Tab completes a name, see [`path`]); Enter starts
//! the triage in its place, or says why the file cannot be read.

mod path;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::help::centered;
use super::triage::Triage;
use super::{Ctx, Nav, View};
use crate::triage::Input;
use crate::labels::Label;
use crate::tui::keys::Scope;
use crate::tui::layout::field::Field;
use crate::tui::layout::text::truncate;
use crate::tui::msg::Msg;

/// The path being typed, why the last one could not be read, and the names Tab found.
#[derive(Debug, Default)]
pub struct TriagePrompt {
    field: Field,
    problem: Option<String>,
    matches: Option<String>,
}

impl TriagePrompt {
    /// The path typed so far.
    #[must_use]
    pub fn path(&self) -> &str {
        self.field.text()
    }
}

impl View for TriagePrompt {
    fn scope(&self, _: &Ctx) -> Scope {
        Scope::TriagePrompt
    }

    fn place(&self, cx: &Ctx) -> String {
        Label::Triage.text(cx.lang).to_owned()
    }

    fn overlay(&self) -> bool {
        true
    }

    fn update(&mut self, msg: Msg, cx: &mut Ctx) -> Nav {
        // A changed path has not failed yet.
        if matches!(msg, Msg::Type(_) | Msg::Paste(_) | Msg::Edit(_) | Msg::Complete) {
            self.problem = None;
            self.matches = None;
        }
        let home = std::env::home_dir();
        match msg {
            Msg::Type(c) => self.field.insert(c.encode_utf8(&mut [0; 4])),
            // A pasted path: its first line, without the quotes a file manager may add.
            Msg::Paste(text) => {
                let line = text.lines().next().unwrap_or("").trim().trim_matches(['\'', '"']);
                self.field.insert(line);
            }
            Msg::Edit(edit) => {
                self.field.edit(edit);
            }
            Msg::Back => return Nav::Pop,
            Msg::Complete => match path::complete(self.field.text(), home.as_deref()) {
                Some(done) => {
                    self.field = Field::new(&done.text);
                    self.matches = (!done.matches.is_empty()).then(|| done.matches.join("  "));
                }
                None => self.problem = Some(Label::TriageNoMatch.text(cx.lang).to_owned()),
            },
            Msg::Enter => {
                let path = self.field.text().trim();
                if path.is_empty() {
                    return Nav::Stay;
                }
                let file = path::expand(path, home.as_deref());
                match std::fs::metadata(&file) {
                    Ok(m) if m.is_dir() => {
                        self.problem =
                            Some(Label::TriageIsFolder.text(cx.lang).replace("{path}", path));
                    }
                    Ok(_) => {
                        let screen = Triage::start(vec![Input::File(file)], None, cx);
                        return Nav::Replace(Box::new(screen.into()));
                    }
                    Err(e) => {
                        self.problem = Some(
                            Label::TriageCannotRead
                                .text(cx.lang)
                                .replace("{path}", path)
                                .replace("{why}", &e.to_string()),
                        );
                    }
                }
            }
            _ => return Nav::Stay,
        }
        Nav::Stay
    }

    fn render(&mut self, cx: &Ctx, area: Rect, buf: &mut Buffer) {
        let theme = &cx.theme;
        let popup = centered(area, area.width.min(70), 6);
        Clear.render(popup, buf);
        let block = Block::default().borders(Borders::ALL).title(format!(" {} ", Label::TriagePrompt.text(cx.lang)));
        let inner = block.inner(popup);
        block.render(popup, buf);
        // The cursor in view, as far right as the text goes (a path's end tells files apart).
        let chars: Vec<char> = self.field.text().chars().collect();
        let cursor = self.field.cursor_chars().min(chars.len());
        let room = usize::from(inner.width).saturating_sub(3).max(1);
        let start = cursor.saturating_sub(room - 1);
        let before: String = chars[start..cursor].iter().collect();
        let at: String = chars.get(cursor).map_or(" ".to_owned(), char::to_string);
        let after: String = chars.iter().skip(cursor + 1).take(room.saturating_sub(cursor - start + 1)).collect();
        let mut lines = vec![Line::from(vec![
            Span::styled("> ", theme.key),
            Span::raw(before),
            Span::styled(at, theme.selected),
            Span::raw(after),
        ])];
        let room = usize::from(inner.width) * 2;
        match (&self.problem, &self.matches) {
            (Some(p), _) => lines.push(Line::styled(truncate(p, room), theme.strong)),
            (None, Some(m)) => lines.push(Line::styled(truncate(m, room), theme.dim)),
            (None, None) => lines.push(Line::styled(
                Label::TriagePromptHint.text(cx.lang),
                theme.dim,
            )),
        }
        Paragraph::new(lines).wrap(Wrap { trim: false }).render(inner, buf);
    }
}
