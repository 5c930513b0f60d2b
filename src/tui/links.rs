//! Links on screen as OSC 8 hyperlinks, so a terminal that supports them makes them
//! clickable.
//!
//! Escape sequences cannot go into ratatui's cells without breaking its width sums, so the
//! loop draws the frame first and then writes each visible link again over itself, the same
//! characters wrapped in OSC 8: the layout stays exactly as drawn, and a terminal without
//! OSC 8 ignores the sequence and shows the same text. The URLs are a guide's, checked to be
//! `http(s)://` addresses and sanitised at load, so they hold no control character.

use std::fmt::Write as _;

use ratatui::buffer::Buffer;

/// A run of cells showing (the start of) a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub x: u16,
    pub y: u16,
    pub text: String,
    pub url: String,
}

/// Every run of `buf` whose visible text is one of `urls`, whole.
#[must_use]
pub fn segments(buf: &Buffer, urls: &[String]) -> Vec<Segment> {
    let area = buf.area;
    let mut out = Vec::new();
    for y in area.top()..area.bottom() {
        let row: Vec<&str> = (area.left()..area.right())
            .map(|x| buf[(x, y)].symbol())
            .collect();
        let mut x = 0;
        while x < row.len() {
            let len = row[x..]
                .iter()
                .take_while(|s| !s.is_empty() && **s != " ")
                .count();
            let run: String = row[x..x + len].concat();
            // The visible text must be the whole address: a run that only starts like one
            // (`https://bank.example.com` shown, a longer address behind it) is no link.
            let lead = run.len() - run.trim_start_matches(['<', '(']).len();
            let text = run[lead..].trim_end_matches(['>', ')', '.', ',', ';', ':']);
            if let Some(url) = urls.iter().find(|u| u.as_str() == text) {
                out.push(Segment {
                    x: area.left() + u16::try_from(x + lead).unwrap_or(u16::MAX),
                    y,
                    text: text.to_owned(),
                    url: url.clone(),
                });
            }
            x += len.max(1);
        }
    }
    out
}

/// The bytes that rewrite `segments` as underlined OSC 8 hyperlinks in place.
#[must_use]
pub fn osc8(segments: &[Segment]) -> String {
    let mut out = String::new();
    for s in segments {
        let _ = write!(
            out,
            "\x1b[{};{}H\x1b[4m\x1b]8;;{}\x1b\\{}\x1b]8;;\x1b\\\x1b[0m",
            s.y + 1,
            s.x + 1,
            s.url,
            s.text
        );
    }
    out
}
