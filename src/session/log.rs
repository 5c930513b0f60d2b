//! What a log said of the error a session started at, when the session was opened from a
//! triage: the files read, how often the error occurred, where first and last, the values
//! its placeholders held, and one line of it.
//!
//! A session keeps this so its report can tell the ticket what the log showed, not only the
//! checklist. It is saved with the session, so it is bounded and sanitised once, here, when
//! the session takes it: a session file stays small whatever the log.

use serde::{Deserialize, Serialize};

use super::MAX_MESSAGE_CHARS;
use super::fill::{Capture, MAX_CAPTURE_CHARS, MAX_CAPTURES, bounded};

/// Most file names kept.
pub const MAX_FILES: usize = 16;
/// Longest file name kept, in characters.
pub const MAX_FILE_CHARS: usize = 1024;
/// Most values kept per placeholder (the triage summary shows as many).
pub const MAX_VALUES: usize = 10;

/// A line of a log file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogPlace {
    pub file: String,
    /// 1-based.
    pub line: u64,
}

/// The values one placeholder held, most frequent first, with how often each.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogValues {
    pub name: String,
    pub values: Vec<(String, u64)>,
}

/// What the log said of one error.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogFinding {
    /// The files read, as they were named.
    pub files: Vec<String>,
    /// How many times the error occurred.
    pub count: u64,
    pub first: LogPlace,
    pub last: LogPlace,
    pub values: Vec<LogValues>,
    /// The first line that held the error.
    pub sample: String,
}

impl LogFinding {
    /// The finding made safe and bounded: no control characters or escapes in any string,
    /// at most [`MAX_FILES`] names, [`MAX_CAPTURES`] placeholders of [`MAX_VALUES`] values.
    #[must_use]
    pub fn cleaned(self) -> LogFinding {
        let file = |s: &str| -> String {
            crate::guide::sanitize::clean(s)
                .replace('\n', " ")
                .chars()
                .take(MAX_FILE_CHARS)
                .collect()
        };
        let place = |p: LogPlace| LogPlace {
            file: file(&p.file),
            line: p.line,
        };
        let mut values: Vec<LogValues> = Vec::new();
        for v in self.values {
            let name = bounded(&v.name);
            if name.is_empty() || values.iter().any(|x| x.name == name) {
                continue;
            }
            let mut kept: Vec<(String, u64)> = v
                .values
                .into_iter()
                .map(|(value, n)| (bounded(&value.replace('\n', " ")), n))
                .collect();
            kept.sort_by_key(|v| std::cmp::Reverse(v.1));
            kept.truncate(MAX_VALUES);
            values.push(LogValues { name, values: kept });
            if values.len() == MAX_CAPTURES {
                break;
            }
        }
        LogFinding {
            files: self.files.iter().take(MAX_FILES).map(|f| file(f)).collect(),
            count: self.count,
            first: place(self.first),
            last: place(self.last),
            values,
            sample: crate::guide::sanitize::clean(&self.sample)
                .trim()
                .chars()
                .take(MAX_MESSAGE_CHARS)
                .collect(),
        }
    }

    /// The value that fills each placeholder: the one the log held most often (on a tie,
    /// the one seen first).
    #[must_use]
    pub fn captures(&self) -> Vec<Capture> {
        self.values
            .iter()
            .filter_map(|v| {
                let (value, _) = v.values.first()?;
                Some(Capture {
                    name: v.name.clone(),
                    value: value.chars().take(MAX_CAPTURE_CHARS).collect(),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(values: Vec<LogValues>) -> LogFinding {
        LogFinding {
            files: vec!["app.log".into()],
            count: 4,
            first: LogPlace {
                file: "app.log".into(),
                line: 2,
            },
            last: LogPlace {
                file: "app.log".into(),
                line: 9,
            },
            values,
            sample: "ERROR Connector x was deleted".into(),
        }
    }

    #[test]
    fn the_most_frequent_value_fills_and_a_tie_keeps_the_first_seen() {
        let f = finding(vec![
            LogValues {
                name: "connectorId".into(),
                values: vec![("rare".into(), 1), ("often".into(), 3)],
            },
            LogValues {
                name: "alertName".into(),
                values: vec![("CPU-High".into(), 2), ("Disk-Full".into(), 2)],
            },
        ])
        .cleaned();
        let caps: Vec<(String, String)> = f
            .captures()
            .into_iter()
            .map(|c| (c.name, c.value))
            .collect();
        assert_eq!(
            caps,
            vec![
                ("connectorId".to_owned(), "often".to_owned()),
                ("alertName".to_owned(), "CPU-High".to_owned())
            ]
        );
    }

    #[test]
    fn a_hostile_finding_is_cleaned_and_bounded() {
        let many = (0..100)
            .map(|i| LogValues {
                name: format!("n{i}"),
                values: (0..50).map(|j| (format!("v{j}"), j)).collect(),
            })
            .collect();
        let mut f = finding(many);
        f.files = (0..100).map(|i| format!("f{i}\u{1b}[31m.log")).collect();
        f.sample = format!("\u{1b}]8;;x\u{7}{}", "y".repeat(10_000));
        f.first.file = "a\nb".repeat(2_000);
        let f = f.cleaned();
        assert_eq!(f.files.len(), MAX_FILES);
        assert_eq!(f.files[3], "f3.log");
        assert_eq!(f.values.len(), MAX_CAPTURES);
        assert!(f.values.iter().all(|v| v.values.len() == MAX_VALUES));
        // Most frequent first.
        assert_eq!(f.values[0].values[0], ("v49".to_owned(), 49));
        assert!(!f.sample.contains('\u{1b}') && !f.sample.contains('\u{7}'));
        assert_eq!(f.sample.chars().count(), MAX_MESSAGE_CHARS);
        assert_eq!(f.first.file.chars().count(), MAX_FILE_CHARS);
        assert!(!f.first.file.contains('\n'));
    }
}
