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

use super::super::app::{App, Screen};
use crate::session::At;

/// A run of cells showing (the start of) a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub x: u16,
    pub y: u16,
    pub text: String,
    pub url: String,
}

/// The links the current screen shows.
#[must_use]
pub fn screen_urls(app: &App) -> Vec<String> {
    let g = |i: usize| &app.catalog.guides[i];
    let error_urls = |e: &crate::guide::ErrorEntry| -> Vec<String> {
        let steps = e.checklist.iter().filter_map(|s| s.link.clone());
        steps.chain(e.links.iter().map(|l| l.url.clone())).collect()
    };
    match &app.screen {
        _ if app.help => Vec::new(),
        Screen::Walk { guide, walk, .. } => match walk.at {
            At::Outcome(e) => error_urls(&g(*guide).errors[e]),
            _ => Vec::new(),
        },
        Screen::Reference {
            guide, selected, ..
        } => g(*guide)
            .errors
            .get(*selected)
            .map(error_urls)
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Every row run of `buf` that starts one of `urls`, or is one whole.
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
            let url = (run.starts_with("http://") || run.starts_with("https://"))
                .then(|| {
                    urls.iter()
                        .find(|u| u.starts_with(run.as_str()) || run.starts_with(u.as_str()))
                })
                .flatten();
            if let Some(url) = url {
                out.push(Segment {
                    x: area.left() + u16::try_from(x).unwrap_or(u16::MAX),
                    y,
                    text: run,
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
