//! The triage screen: the known errors of a log file with their counts and a bar each,
//! a histogram over time when the lines carry timestamps, and, while the file is read in
//! the background, a progress bar (bytes read of its size) that Esc cancels. Enter opens
//! the selected error's outcome: its checklist in a guided session.
//!
//! Reading runs on its own threads ([`crate::triage::run`]); they write what they find into
//! a shared [`Found`], and the screen draws a snapshot of it. While reading, the screen is
//! [`View::busy`], so the loop redraws it without input.

use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Gauge, Paragraph, Sparkline, Widget};

use super::session::Session;
use super::{Ctx, Nav, View};
use crate::triage::{self, Control, FileReport, Input, Known, Matcher, Place, Tallies, time};
use crate::labels::Label;
use crate::lang::Lang;
use crate::tui::keys::Scope;
use crate::tui::layout::list::ListView;
use crate::tui::layout::text::truncate;
use crate::tui::msg::Msg;

/// Most timestamps kept for the histogram (8 bytes each).
const MAX_TIMES: usize = 1 << 20;

/// What the reading threads have found so far.
#[derive(Debug, Default)]
pub struct Found {
    pub tallies: Tallies,
    /// Seconds since the epoch of each hit whose line starts with a timestamp.
    pub times: Vec<i64>,
    /// Set when reading ended (or was cancelled): how each input went.
    pub reports: Option<Vec<FileReport>>,
}

/// The triage of some inputs, read in the background.
#[derive(Debug)]
pub struct Triage {
    name: String,
    /// Each input's name, indexed as [`Place::file`].
    names: Vec<String>,
    /// Bytes of the inputs when known (regular files), for the progress bar.
    size: Option<u64>,
    known: Vec<Known>,
    control: Arc<Control>,
    found: Arc<Mutex<Found>>,
    list: ListView,
}

impl Triage {
    /// Starts reading `inputs` in the background against every known message of `cx` (or
    /// of the guide `only`).
    #[must_use]
    pub fn start(inputs: Vec<Input>, only: Option<&str>, cx: &Ctx) -> Triage {
        let matcher = Arc::new(Matcher::new(&cx.catalog, only));
        let size = inputs
            .iter()
            .map(|i| match i {
                Input::File(p) => std::fs::metadata(p).ok().filter(std::fs::Metadata::is_file).map(|m| m.len()),
                Input::Stdin => None,
            })
            .sum();
        let names: Vec<String> = inputs.iter().map(Input::name).collect();
        let name = names.join(", ");
        let control = Arc::new(Control::default());
        let found = Arc::new(Mutex::new(Found::default()));
        let screen = Triage {
            name,
            names,
            size,
            known: matcher.known.clone(),
            control: Arc::clone(&control),
            found: Arc::clone(&found),
            list: ListView::default(),
        };
        std::thread::spawn(move || {
            let sink = Arc::clone(&found);
            let reports = triage::run(&matcher, &inputs, triage::Options::default(), &control, |file, line, hit| {
                if let Ok(mut f) = sink.lock() {
                    f.tallies.add(Place { file, line }, hit);
                    if f.times.len() < MAX_TIMES
                        && let Some(t) = time::timestamp(&hit.text)
                    {
                        f.times.push(t);
                    }
                }
            });
            if let Ok(mut f) = found.lock() {
                f.reports = Some(reports);
            }
        });
        screen
    }

    /// Whether reading has ended.
    #[must_use]
    pub fn done(&self) -> bool {
        self.found.lock().map_or(true, |f| f.reports.is_some())
    }

    /// Waits up to `timeout` for reading to end (for tests and snapshots).
    #[must_use]
    pub fn wait(&self, timeout: Duration) -> bool {
        let until = std::time::Instant::now() + timeout;
        while !self.done() {
            if std::time::Instant::now() > until {
                return false;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        true
    }

    /// How many distinct known errors were found so far.
    #[must_use]
    pub fn errors(&self) -> usize {
        self.ranked().len()
    }

    /// The selected error's place in the list.
    #[must_use]
    pub fn selected(&self) -> usize {
        self.list.selected()
    }

    /// The errors found, most frequent first: (known, count).
    fn ranked(&self) -> Vec<(Known, u64)> {
        self.found.lock().map_or_else(
            |_| Vec::new(),
            |f| {
                f.tallies
                    .ranked()
                    .iter()
                    .map(|t| (self.known[t.known as usize], t.count))
                    .collect()
            },
        )
    }

    /// `c`: the first log line the selected error was found on, as the log has it.
    fn copy(&self, lang: crate::lang::Lang) -> Option<crate::tui::msg::Effect> {
        let found = self.found.lock().ok()?;
        let tally = *found.tallies.ranked().get(self.list.selected())?;
        Some(crate::tui::msg::Effect::Copy {
            text: tally.sample.clone(),
            what: crate::labels::Label::CopyLogLine.text(lang).to_owned(),
        })
    }

    /// Opens the outcome of the selected error: its checklist in a guided session, with
    /// its related errors to try next, carrying what the log said of it (files, count,
    /// first and last line, the values that fill its placeholders).
    fn open(&self, cx: &Ctx) -> Nav {
        let Some((known, log)) = self.found.lock().ok().and_then(|f| {
            let tally = *f.tallies.ranked().get(self.list.selected())?;
            Some((self.known[tally.known as usize], tally.finding(&self.names)))
        }) else {
            return Nav::Stay;
        };
        Session::from_triage(known.guide, known.error, log, cx).map_or(Nav::Stay, Nav::push)
    }
}

/// `1,534,255`.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl View for Triage {
    fn offers(&self, cx: &Ctx, msg: &Msg) -> bool {
        match msg {
            Msg::Copy => self.copy(cx.lang).is_some(),
            _ => true,
        }
    }

    fn scope(&self, _: &Ctx) -> Scope {
        Scope::Triage
    }

    fn place(&self, cx: &Ctx) -> String {
        format!("{}: {}", Label::Triage.text(cx.lang), self.name)
    }

    fn busy(&self) -> bool {
        !self.done()
    }

    fn update(&mut self, msg: Msg, cx: &mut Ctx) -> Nav {
        let len = self.ranked().len();
        match msg {
            // Esc while reading stops it; what was found stays on screen.
            Msg::Back if !self.done() => {
                self.control.cancel.store(true, Ordering::Relaxed);
                Nav::Stay
            }
            Msg::Enter => self.open(cx),
            Msg::Copy => self.copy(cx.lang).map_or(Nav::Stay, Nav::Effect),
            Msg::Click { x, y } => {
                if let Some(i) = self.list.hit(x, y) {
                    self.list.select(i, len);
                }
                Nav::Stay
            }
            m => {
                if self.list.step(&m, len) {
                    Nav::Stay
                } else {
                    Nav::Pass
                }
            }
        }
    }

    fn render(&mut self, cx: &Ctx, area: Rect, buf: &mut Buffer) {
        let theme = &cx.theme;
        let area = area.inner(Margin::new(1, 0));
        let (ranked, status, times, reading) = {
            let Ok(f) = self.found.lock() else { return };
            let ranked: Vec<(Known, u64)> = f
                .tallies
                .ranked()
                .iter()
                .map(|t| (self.known[t.known as usize], t.count))
                .collect();
            let status = f.reports.as_ref().map(|reports| status_line(reports, cx.lang));
            (ranked, status, histogram_input(&f.times), f.reports.is_none())
        };
        let hist_rows = if times.is_some() && area.height >= 12 { 4 } else { 0 };
        let [top, list_area, hist] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Min(1),
            Constraint::Length(hist_rows),
        ])
        .areas(area);
        // Progress while reading, the totals after.
        if reading {
            let read = self.control.read.load(Ordering::Relaxed);
            #[allow(clippy::cast_precision_loss, reason = "a ratio for a progress bar")]
            let ratio = self.size.filter(|s| *s > 0).map_or(0.0, |s| (read as f64 / s as f64).min(1.0));
            #[allow(clippy::cast_precision_loss, reason = "megabytes to one decimal")]
            let label = match self.size {
                Some(s) => format!("{:.1} / {:.1} MB  {}", read as f64 / 1e6, s as f64 / 1e6, Label::TriageEscStops.text(cx.lang)),
                None => format!("{:.1} MB  {}", read as f64 / 1e6, Label::TriageEscStops.text(cx.lang)),
            };
            Gauge::default()
                .gauge_style(theme.heading)
                .ratio(ratio)
                .label(label)
                .render(Rect { height: 1, ..top }, buf);
        } else if let Some(status) = status {
            Paragraph::new(Line::styled(truncate(&status, usize::from(top.width)), theme.dim)).render(top, buf);
        }
        if ranked.is_empty() {
            let text = if reading { Label::TriageNothingYet } else { Label::TriageNothing }.text(cx.lang);
            Paragraph::new(text).render(list_area, buf);
        } else {
            let max = ranked.first().map_or(1, |r| r.1).max(1);
            let count_w = grouped(max).len();
            self.list.render(ranked.len(), list_area, buf, theme.selected, |i, w| {
                let (known, count) = ranked[i];
                let error = &cx.catalog.guides[known.guide].errors[known.error];
                let bar_w = usize::from(w / 5).clamp(4, 20);
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss, reason = "a bar length in cells")]
                let filled = ((count as f64 / max as f64) * bar_w as f64).ceil() as usize;
                let bar = format!("{}{}", "█".repeat(filled), " ".repeat(bar_w - filled.min(bar_w)));
                let head = format!("{:>count_w$} ", grouped(count));
                let rest = usize::from(w).saturating_sub(head.len() + bar_w + 1);
                Text::from(Line::from(vec![
                    Span::styled(head, theme.strong),
                    Span::styled(bar, theme.heading),
                    Span::raw(" "),
                    Span::raw(truncate(error.title.show(cx.lang), rest)),
                ]))
            });
        }
        if hist_rows > 0
            && let Some((first, last, buckets)) = times.map(|t| t(usize::from(hist.width)))
        {
            let [label, spark] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(hist);
            Paragraph::new(Line::styled(truncate(&format!("{} {first} – {last}", Label::TriageOverTime.text(cx.lang)), usize::from(label.width)), theme.dim)).render(label, buf);
            Sparkline::default().data(&buckets).style(theme.heading).render(spark, buf);
        }
    }
}

/// A function from a width to (first, last, counts per bucket), when there are times.
type Histogram = Box<dyn Fn(usize) -> (String, String, Vec<u64>)>;

fn histogram_input(times: &[i64]) -> Option<Histogram> {
    let (&lo, &hi) = (times.iter().min()?, times.iter().max()?);
    let times = times.to_vec();
    Some(Box::new(move |width: usize| {
        let n = width.max(1);
        let span = (hi - lo).max(1);
        let mut buckets = vec![0u64; n];
        for t in &times {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a bucket index below n")]
            let i = ((i128::from(t - lo) * n as i128) / (i128::from(span) + 1)) as usize;
            buckets[i.min(n - 1)] += 1;
        }
        (time::clock(lo), time::clock(hi), buckets)
    }))
}

fn status_line(reports: &[FileReport], lang: Lang) -> String {
    let parts: Vec<String> = reports
        .iter()
        .map(|r| {
            #[allow(clippy::cast_precision_loss, reason = "megabytes to one decimal")]
            let mb = r.outcome.bytes as f64 / 1e6;
            let state = if let Some(p) = &r.problem {
                format!(" — {p}")
            } else if r.outcome.binary {
                format!(" — {}", Label::TriageBinary.text(lang))
            } else if let Some(at) = r.outcome.binary_from {
                format!(" — {}", Label::TriageBinaryFrom.text(lang).replace("{at}", &at.to_string()))
            } else if let Some(e) = &r.outcome.error {
                format!(" — {}", Label::TriageStoppedEarly.text(lang).replace("{why}", e))
            } else if r.outcome.cancelled {
                format!(" — {}", Label::TriageStopped.text(lang))
            } else {
                String::new()
            };
            let file = Label::TriageFile
                .text(lang)
                .replace("{file}", &r.name)
                .replace("{lines}", &grouped(r.outcome.lines))
                .replace("{mb}", &format!("{mb:.1}"));
            // One line is "1 line" / "1 rad", not the plural.
            let file = if r.outcome.lines == 1 {
                file.replace(": 1 lines,", ": 1 line,").replace(": 1 rader,", ": 1 rad,")
            } else {
                file
            };
            format!("{file}{state}")
        })
        .collect();
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(grouped(1_534_255), "1,534,255");
        assert_eq!(grouped(999), "999");
    }
}
