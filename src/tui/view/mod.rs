//! Drawing: `impl Widget for &App`. Views read the state and never change it; every area is
//! clipped to the frame, and below the minimum size a note replaces the layout.

mod guided;
mod home;
pub mod links;
mod reference;
mod search;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::app::{App, Screen};
use super::theme::Theme;
use crate::labels::Label;
use crate::session::At;

/// Smallest terminal the layout is drawn in.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        render_with(self, area, buf, &self.theme);
    }
}

/// Draws the app with a given theme.
pub fn render_with(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let note = format!(
            "{} ({}×{} < {MIN_WIDTH}×{MIN_HEIGHT})",
            Label::TooSmall.text(app.lang),
            area.width,
            area.height
        );
        Paragraph::new(note)
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return;
    }
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    render_header(app, header, buf, theme);
    match &app.screen {
        Screen::Home { .. } | Screen::Guide { .. } => home::render(app, body, buf, theme),
        Screen::Walk { .. } => guided::render(app, body, buf, theme),
        Screen::Reference { .. } => reference::render(app, body, buf, theme),
        Screen::Search { .. } => search::render(app, body, buf, theme),
    }
    render_footer(app, footer, buf, theme);
    if app.help {
        render_help(app, body, buf, theme);
    }
}

/// Where the user is: `tshoot › guide › screen`, and the language.
fn render_header(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let lang = app.lang;
    let guide_title = |g: usize| super::text::plain(&app.catalog.guides[g].title, lang);
    let place = match &app.screen {
        Screen::Home { .. } => Label::Guides.text(lang).to_owned(),
        Screen::Guide { guide, .. } | Screen::Walk { guide, .. } => guide_title(*guide),
        Screen::Reference { guide, .. } => {
            format!("{} › {}", guide_title(*guide), Label::Reference.text(lang))
        }
        Screen::Search { .. } => Label::Search.text(lang).to_owned(),
    };
    let right = format!(" {} ", lang.code());
    let width = usize::from(area.width).saturating_sub(right.len());
    let left = truncate(&format!(" tshoot › {place}"), width);
    let line =
        Line::from(vec![Span::raw(format!("{left:width$}")), Span::raw(right)]).style(theme.bar);
    line.render(area, buf);
}

/// The keys of the current screen, as (key, meaning).
#[must_use]
pub fn keys(app: &App) -> Vec<(&'static str, Label)> {
    let mut keys = vec![("↑↓", Label::KeyMove)];
    match &app.screen {
        Screen::Home { .. } => keys.push(("Enter", Label::KeyOpen)),
        Screen::Guide { .. } => keys.extend([("1 2", Label::KeyChoose), ("Esc", Label::KeyBack)]),
        Screen::Walk { walk, .. } => {
            match walk.at {
                At::Question(_) => keys.push(("1-9", Label::KeyChoose)),
                At::Outcome(_) => keys.extend([
                    ("Space", Label::KeyTick),
                    ("y n", Label::KeyFixed),
                    ("o", Label::KeyLink),
                    ("e", Label::KeyExport),
                ]),
                At::Solved(_) | At::Escalation => keys.push(("e", Label::KeyExport)),
            }
            keys.extend([
                ("b", Label::KeyPrevious),
                ("Tab", Label::KeyFocus),
                ("r", Label::KeyRestart),
                ("Esc", Label::KeyBack),
            ]);
        }
        Screen::Reference { .. } => keys.extend([
            ("Tab", Label::KeyFocus),
            ("o", Label::KeyLink),
            ("Esc", Label::KeyBack),
        ]),
        Screen::Search { .. } => keys.extend([("Enter", Label::KeyOpen), ("Esc", Label::KeyClear)]),
    }
    if !app.typing() {
        keys.push(("/", Label::KeySearch));
    }
    keys.push(("?", Label::KeyHelp));
    keys.push((if app.typing() { "Ctrl-C" } else { "q" }, Label::KeyQuit));
    keys
}

fn render_footer(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    if let Some(status) = &app.status {
        Line::styled(truncate(status, area.width.into()), theme.strong).render(area, buf);
        return;
    }
    let mut spans = Vec::new();
    for (key, label) in keys(app) {
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::raw(format!(" {}  ", label.text(app.lang))));
    }
    Line::from(spans).render(area, buf);
}

fn render_help(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let keys = keys(app);
    let height = u16::try_from(keys.len())
        .unwrap_or(u16::MAX)
        .saturating_add(4);
    let popup = centered(area, 44, height);
    Clear.render(popup, buf);
    let mut lines: Vec<Line> = keys
        .iter()
        .map(|(key, label)| {
            Line::from(vec![
                Span::styled(format!("{key:>7}  "), theme.key),
                Span::raw(label.text(app.lang)),
            ])
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::styled(Label::KeyAnyKey.text(app.lang), theme.dim));
    Paragraph::new(lines)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(format!(" {} ", Label::Keys.text(app.lang))),
        )
        .render(popup, buf);
}

/// A rectangle of at most `width`×`height` in the middle of `area`.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// `s` cut to `width` characters, with `…` when cut.
fn truncate(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}
