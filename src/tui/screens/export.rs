//! The export overlay, opened with `e` on a session's outcome or end: Markdown or JSON,
//! redaction on or off, then Enter writes the file and the overlay says where it went.
//!
//! Redaction starts **on**. An export is the part of a session that leaves the machine — the
//! issue's reason for it is "so an export can go into a public ticket" — and a host name,
//! an e-mail address or a connection's GUID pasted into a public ticket cannot be taken
//! back, while an export masked when it need not have been is simply made again with
//! redaction off (the overlay shows the choice every time). `tshoot walk` prints to the
//! person at the terminal, so there masking stays opt-in (`--redact`).
//!
//! The file is the same document `tshoot walk` prints: [`crate::report::markdown`] or
//! [`crate::plain::export::json`], masked with the same [`crate::redact::Redactor`] (the
//! session's captured values, GUIDs, e-mail and IP addresses, host names; the guides' own
//! documentation hosts let through).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::help::centered;
use super::{Ctx, Nav, View};
use crate::guide::Catalog;
use crate::labels::Label;
use crate::lang::Lang;
use crate::plain::export;
use crate::session::Session;
use crate::tui::keys::Scope;
use crate::tui::msg::{Effect, Msg};

/// What the export is written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Json,
}

impl Format {
    /// The file name's ending.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Json => "json",
        }
    }
}

/// The export of `session` in `format`, masked when `redact`; made at `now`.
#[must_use]
pub fn contents(
    catalog: &Catalog,
    session: &Session,
    lang: Lang,
    now: u64,
    format: Format,
    redact: bool,
) -> String {
    let mut redactor = redact.then(|| export::redactor(catalog, session));
    match format {
        Format::Markdown => {
            let markdown = crate::report::markdown(catalog, session, lang, now);
            match &mut redactor {
                Some(r) => r.redact(&markdown),
                None => markdown,
            }
        }
        Format::Json => {
            let doc = export::json(catalog, session, None, lang, redactor.as_mut());
            let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
            text.push('\n');
            text
        }
    }
}

/// The rows of the overlay.
const FORMAT_ROW: usize = 0;
const REDACT_ROW: usize = 1;

/// The choices made so far, and where the file went once it was written.
#[derive(Debug)]
pub struct ExportOptions {
    /// Boxed: the screens of the router's stack stay small.
    session: Box<Session>,
    pub format: Format,
    pub redact: bool,
    selected: usize,
    /// The file written (its path) or why it could not be.
    done: Option<Result<String, String>>,
    /// Where each row was drawn, for clicks.
    rows: [Option<Rect>; 2],
}

impl ExportOptions {
    /// The overlay for `session`: Markdown, redaction on.
    #[must_use]
    pub fn new(session: Session) -> ExportOptions {
        ExportOptions {
            session: Box::new(session),
            format: Format::Markdown,
            redact: true,
            selected: FORMAT_ROW,
            done: None,
            rows: [None; 2],
        }
    }

    /// The loop's answer to the export effect: the file's path, or the problem.
    pub fn written(&mut self, result: Result<String, String>) {
        self.done = Some(result);
    }

    fn change(&mut self, row: usize) {
        self.selected = row;
        match row {
            FORMAT_ROW => {
                self.format = match self.format {
                    Format::Markdown => Format::Json,
                    Format::Json => Format::Markdown,
                };
            }
            _ => self.redact = !self.redact,
        }
    }
}

impl View for ExportOptions {
    fn scope(&self, _: &Ctx) -> Scope {
        Scope::Export
    }

    fn place(&self, cx: &Ctx) -> String {
        Label::ExportTitle.text(cx.lang).to_owned()
    }

    fn overlay(&self) -> bool {
        true
    }

    fn offers(&self, _: &Ctx, msg: &Msg) -> bool {
        // Once written, only closing is left.
        self.done.is_none() || matches!(msg, Msg::Back | Msg::Enter)
    }

    fn update(&mut self, msg: Msg, cx: &mut Ctx) -> Nav {
        if self.done.is_some() {
            return match msg {
                Msg::Back | Msg::Enter => Nav::Pop,
                _ => Nav::Stay,
            };
        }
        match msg {
            Msg::Back => return Nav::Pop,
            Msg::Up => self.selected = FORMAT_ROW,
            Msg::Down => self.selected = REDACT_ROW,
            Msg::Tick => self.change(self.selected),
            Msg::Click { x, y } => {
                let hit = self.rows.iter().position(|r| {
                    r.is_some_and(|r| r.contains(ratatui::layout::Position { x, y }))
                });
                if let Some(row) = hit {
                    self.change(row);
                }
            }
            Msg::Enter => {
                return Nav::Effect(Effect::Export {
                    contents: contents(
                        &cx.catalog,
                        &self.session,
                        cx.lang,
                        cx.now,
                        self.format,
                        self.redact,
                    ),
                    extension: self.format.extension(),
                    at: cx.now,
                });
            }
            _ => {}
        }
        Nav::Stay
    }

    fn render(&mut self, cx: &Ctx, area: Rect, buf: &mut Buffer) {
        let theme = &cx.theme;
        let lang = cx.lang;
        let popup = centered(area, area.width.min(64), 10);
        Clear.render(popup, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(format!(" {} ", Label::ExportTitle.text(lang)));
        let inner = block.inner(popup);
        block.render(popup, buf);
        self.rows = [None; 2];
        if let Some(done) = &self.done {
            let lines = match done {
                Ok(path) => vec![
                    Line::styled(Label::Saved.text(lang).to_owned(), theme.strong),
                    Line::raw(path.clone()),
                ],
                Err(problem) => vec![
                    Line::styled(Label::ExportFailed.text(lang).to_owned(), theme.strong),
                    Line::raw(problem.clone()),
                ],
            };
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .render(inner, buf);
            return;
        }
        let choice = |on: bool, text: &str| {
            if on {
                Span::styled(format!("[{text}]"), theme.strong)
            } else {
                Span::styled(format!(" {text} "), theme.dim)
            }
        };
        let marker = |row: usize| if self.selected == row { "› " } else { "  " };
        // Both names padded to one width, so the choices line up.
        let names = [Label::ExportFormat, Label::ExportRedaction].map(|l| l.text(lang));
        let pad = names.iter().map(|n| n.chars().count()).max().unwrap_or(0) + 1;
        let name = |row: usize| Span::styled(format!("{:pad$}", names[row]), theme.key);
        let format_line = Line::from(vec![
            Span::raw(marker(FORMAT_ROW)),
            name(FORMAT_ROW),
            choice(self.format == Format::Markdown, "Markdown"),
            Span::raw(" "),
            choice(self.format == Format::Json, "JSON"),
        ]);
        let redact_line = Line::from(vec![
            Span::raw(marker(REDACT_ROW)),
            name(REDACT_ROW),
            choice(self.redact, Label::On.text(lang)),
            Span::raw(" "),
            choice(!self.redact, Label::Off.text(lang)),
        ]);
        let what = if self.redact {
            Label::ExportMasked
        } else {
            Label::ExportUnmasked
        };
        let mut y = inner.y;
        for (row, line) in [(FORMAT_ROW, format_line), (REDACT_ROW, redact_line)] {
            if y >= inner.bottom() {
                break;
            }
            let rect = Rect { y, height: 1, ..inner };
            let style = if self.selected == row {
                theme.selected
            } else {
                ratatui::style::Style::default()
            };
            buf.set_style(rect, style);
            line.render(rect, buf);
            self.rows[row] = Some(rect);
            y += 1;
        }
        let rest = Rect {
            y,
            height: inner.bottom().saturating_sub(y),
            ..inner
        };
        Paragraph::new(vec![
            Line::styled(what.text(lang).to_owned(), theme.dim),
            Line::raw(""),
            Line::styled(Label::ExportWhere.text(lang).to_owned(), theme.dim),
        ])
        .wrap(Wrap { trim: false })
        .render(rest, buf);
    }
}
