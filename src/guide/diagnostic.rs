//! A problem found in a guide file, printed the way compilers print them:
//! `path:line:col: error: message`.

use std::fmt;

use serde_saphyr::{Location, Spanned};

/// A 1-based line and column in a guide file.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

impl Pos {
    /// The position of a parser location, if the parser knew it.
    #[must_use]
    pub fn of_location(loc: Location) -> Option<Pos> {
        let (line, col) = (loc.line(), loc.column());
        (line > 0).then(|| Pos {
            line: usize::try_from(line).unwrap_or(usize::MAX),
            col: usize::try_from(col).unwrap_or(usize::MAX),
        })
    }

    /// Where a spanned value is written (for an alias: where it is used).
    #[must_use]
    pub fn of<T>(spanned: &Spanned<T>) -> Option<Pos> {
        Pos::of_location(spanned.referenced)
    }
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem, in one file, at one place when the place is known.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    /// The file as the user named it (or `<builtin>/name.yaml`).
    pub file: String,
    pub pos: Option<Pos>,
    pub severity: Severity,
    pub message: String,
}

impl Diagnostic {
    #[must_use]
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match self.pos {
            Some(Pos { line, col }) => write!(f, "{}:{line}:{col}: ", self.file)?,
            None => write!(f, "{}: ", self.file)?,
        }
        write!(f, "{severity}: {}", self.message)
    }
}

/// Collects the diagnostics of one file.
#[derive(Debug)]
pub struct Diagnostics<'a> {
    file: &'a str,
    pub list: Vec<Diagnostic>,
}

impl<'a> Diagnostics<'a> {
    #[must_use]
    pub fn new(file: &'a str) -> Self {
        Diagnostics {
            file,
            list: Vec::new(),
        }
    }

    pub fn error(&mut self, pos: Option<Pos>, message: impl Into<String>) {
        self.push(pos, Severity::Error, &message.into());
    }

    pub fn warning(&mut self, pos: Option<Pos>, message: impl Into<String>) {
        self.push(pos, Severity::Warning, &message.into());
    }

    fn push(&mut self, pos: Option<Pos>, severity: Severity, message: &str) {
        self.list.push(Diagnostic {
            file: self.file.to_owned(),
            pos,
            severity,
            message: super::sanitize::clean(message),
        });
    }

    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.list.iter().any(Diagnostic::is_error)
    }
}
