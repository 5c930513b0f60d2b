//! Every style of the interface, in one place. Selection is reverse video, so it shows on
//! monochrome terminals and with `NO_COLOR` too.

use ratatui::style::{Color, Modifier, Style};

/// The styles in use; `plain()` when colour is off.
#[derive(Clone, Copy, Debug)]
pub struct Theme {
    pub bar: Style,
    pub title: Style,
    pub heading: Style,
    pub dim: Style,
    pub selected: Style,
    pub key: Style,
    pub code: Style,
    pub strong: Style,
    pub emphasis: Style,
    pub link: Style,
    pub mark: Style,
    pub done: Style,
}

impl Theme {
    #[must_use]
    pub fn colour() -> Theme {
        Theme {
            bar: Style::new().add_modifier(Modifier::REVERSED),
            title: Style::new().add_modifier(Modifier::BOLD),
            heading: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            dim: Style::new().add_modifier(Modifier::DIM),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            key: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            code: Style::new().fg(Color::Yellow),
            strong: Style::new().add_modifier(Modifier::BOLD),
            emphasis: Style::new().add_modifier(Modifier::ITALIC),
            link: Style::new().add_modifier(Modifier::UNDERLINED),
            mark: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            done: Style::new().fg(Color::Green),
        }
    }

    /// Attributes only: what a monochrome terminal or `NO_COLOR` gets.
    #[must_use]
    pub fn plain() -> Theme {
        Theme {
            heading: Style::new().add_modifier(Modifier::BOLD),
            key: Style::new().add_modifier(Modifier::BOLD),
            code: Style::new(),
            done: Style::new(),
            ..Theme::colour()
        }
    }
}
