//! Reading one guide file: bytes → [`RawGuide`] within fixed budgets → checked [`Guide`].
//!
//! A guide is untrusted input, so the parser runs with limits on size, depth, aliases and
//! node count, and every failure becomes one [`Diagnostic`] naming file, line and column.

use serde_saphyr::{DeserializeError, MessageFormatter, UserMessageFormatter};

use super::diagnostic::{Diagnostic, Diagnostics, Pos, Severity};
use super::raw::RawGuide;
use super::{Guide, Origin, suggest, validate};

/// Guide files larger than this are refused unread.
pub const MAX_GUIDE_BYTES: u64 = 8 * 1024 * 1024;
/// Deepest nesting of YAML collections accepted; a real guide needs about eight.
pub const MAX_DEPTH: usize = 32;

/// The result of reading one guide file.
#[derive(Debug)]
pub struct Checked {
    /// The guide, when the file has no errors (warnings allowed).
    pub guide: Option<Guide>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses and checks one guide file. `file` is the name used in messages.
#[must_use]
pub fn check(file: &str, bytes: &[u8], source: usize) -> Checked {
    let raw = match parse(file, bytes) {
        Ok(raw) => raw,
        Err(diagnostic) => {
            return Checked {
                guide: None,
                diagnostics: vec![diagnostic],
            };
        }
    };
    let mut diags = Diagnostics::new(file);
    let guide = validate::validate(
        &raw,
        &mut diags,
        Origin {
            file: file.to_owned(),
            source,
            id_pos: None,
        },
    );
    Checked {
        guide: guide.filter(|_| !diags.has_errors()),
        diagnostics: diags.list,
    }
}

/// Parses guide YAML into its raw form.
pub fn parse(file: &str, bytes: &[u8]) -> Result<RawGuide, Diagnostic> {
    let fail = |pos, message: String| Diagnostic {
        file: file.to_owned(),
        pos,
        severity: Severity::Error,
        message: super::sanitize::clean(&message),
    };
    if bytes.len() as u64 > MAX_GUIDE_BYTES {
        return Err(fail(None, too_big(bytes.len() as u64)));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let pos = position_of_byte(bytes, e.valid_up_to());
            return Err(fail(Some(pos), "the file is not valid UTF-8 text".to_owned()));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let options = serde_saphyr::options! {
        with_snippet: false,
        strict_booleans: true,
        budget: serde_saphyr::budget! {
            max_depth: MAX_DEPTH,
            max_documents: 1,
            max_nodes: 1_000_000,
            max_events: 2_000_000,
            max_aliases: 10_000,
            max_anchors: 10_000,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: 200_000,
            max_alias_expansions_per_anchor: 1_000,
        },
    };
    serde_saphyr::from_str_with_options::<RawGuide>(text, options)
        .map_err(|e| fail(e.location().and_then(Pos::of_location), message(&e)))
}

/// The message for a file over [`MAX_GUIDE_BYTES`].
#[must_use]
pub fn too_big(len: u64) -> String {
    format!(
        "the file is {len} bytes; guides larger than {} MiB are not read",
        MAX_GUIDE_BYTES / 1024 / 1024
    )
}

/// The parser's message for users, with "did you mean" for misspelt fields.
fn message(error: &DeserializeError) -> String {
    let error = error.without_snippet();
    if let DeserializeError::SerdeUnknownField {
        field, expected, ..
    } = error
    {
        let hint = suggest::hint(field, expected.iter().copied());
        return if hint.is_empty() {
            format!("unknown field `{field}`; expected one of: {}", expected.join(", "))
        } else {
            format!("unknown field `{field}`{hint}")
        };
    }
    UserMessageFormatter.format_message(error).into_owned()
}

/// The 1-based line and column (in characters) of byte `offset`.
fn position_of_byte(bytes: &[u8], offset: usize) -> Pos {
    let before = &bytes[..offset.min(bytes.len())];
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
    let line = before.split(|&b| b == b'\n').count();
    Pos { line, col }
}

#[cfg(test)]
mod tests {
    use super::position_of_byte;
    use crate::guide::Pos;

    #[test]
    fn byte_positions_count_characters() {
        let bytes = b"ab\n\xc3\xa5\xc3\xa4\xff";
        assert_eq!(position_of_byte(bytes, 0), Pos { line: 1, col: 1 });
        assert_eq!(position_of_byte(bytes, 3), Pos { line: 2, col: 1 });
        assert_eq!(position_of_byte(bytes, 7), Pos { line: 2, col: 3 });
    }
}
