//! Reading one guide file: bytes → [`RawGuide`] within fixed budgets → checked [`Guide`].
//!
//! A guide is untrusted input, so the parser runs with limits on size, depth, aliases and
//! node count, and every failure becomes one [`Diagnostic`] naming file, line and column.

use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::{DeserializeError, MessageFormatter, UserMessageFormatter};

use super::diagnostic::{Diagnostic, Diagnostics, Pos, Severity};
use super::raw::RawGuide;
use super::{Guide, Origin, suggest, validate};

/// Guide files larger than this are refused unread.
pub const MAX_GUIDE_BYTES: u64 = 8 * 1024 * 1024;
/// Deepest nesting of YAML collections accepted; a real guide needs about eight.
pub const MAX_DEPTH: usize = 32;

/// The result of reading one guide file.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
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
            return Err(fail(
                Some(pos),
                "the file is not valid UTF-8 text".to_owned(),
            ));
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
    serde_saphyr::from_str_with_options::<RawGuide>(text, options).map_err(|e| {
        let mut pos = e.location().and_then(Pos::of_location);
        if let (DeserializeError::SerdeMissingField { .. }, Some(at)) = (e.without_snippet(), pos) {
            pos = Some(mapping_start(text, at));
        }
        fail(pos, message(&e))
    })
}

/// The first key of the block mapping whose key at `at` the parser stopped on.
///
/// The parser reports a missing field where the mapping ended, at its last key; the mapping
/// is better named by its first key. Walks up over the mapping's other keys (same column)
/// and deeper lines (their values); stops at a `- ` item marker or a shallower line. For a
/// flow mapping, `at` is kept.
fn mapping_start(text: &str, at: Pos) -> Pos {
    let lines: Vec<&str> = text.lines().collect();
    let key_col = at.col - 1; // 0-based character column of the mapping's keys
    let starts_key = |line: &str| -> Option<bool> {
        // Some(true): a key at key_col opening an item (`- key:`); Some(false): a plain key.
        let indent = line.chars().take_while(|&c| c == ' ').count();
        let rest = line.trim_start_matches(' ');
        if indent == key_col && !rest.starts_with("- ") {
            return Some(false);
        }
        let item = rest.strip_prefix('-')?;
        let spaces = item.chars().take_while(|&c| c == ' ').count();
        (indent + 1 + spaces == key_col && spaces > 0).then_some(true)
    };
    let Some(line) = lines.get(at.line.saturating_sub(1)) else {
        return at;
    };
    // Only a plain key (not one opening a `- ` item, which is first already) walks up.
    if starts_key(line) != Some(false) {
        return at;
    }
    let mut first = at.line;
    for n in (1..at.line).rev() {
        let line = lines.get(n - 1).copied().unwrap_or_default();
        let trimmed = line.trim_start_matches(' ');
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        match starts_key(line) {
            Some(true) => {
                return Pos {
                    line: n,
                    col: at.col,
                };
            }
            Some(false) => first = n,
            None if line.chars().take_while(|&c| c == ' ').count() > key_col => {}
            None => break,
        }
    }
    Pos {
        line: first,
        col: at.col,
    }
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
            format!(
                "unknown field `{field}`; expected one of: {}",
                expected.join(", ")
            )
        } else {
            format!("unknown field `{field}`{hint}")
        };
    }
    match error {
        DeserializeError::AliasExpansionLimitExceeded {
            max_expansions_per_anchor,
            ..
        } => {
            return format!(
                "an anchor is repeated through aliases more than {max_expansions_per_anchor} times: refused as a possible alias bomb"
            );
        }
        DeserializeError::AliasReplayLimitExceeded {
            max_total_replayed_events,
            ..
        } => {
            return format!(
                "aliases expand to more than {max_total_replayed_events} parser events: refused as a possible alias bomb"
            );
        }
        DeserializeError::Budget {
            breach: BudgetBreach::Documents { .. },
            ..
        }
        | DeserializeError::MultipleDocuments { .. } => {
            return "a second YAML document starts here (a `---` line); a guide file holds one document, so remove this line or move what follows into a file of its own".to_owned();
        }
        _ => {}
    }
    match UserMessageFormatter.format_message(error).as_ref() {
        "expected sequence start" => {
            "expected a list here (`[a, b]` or lines starting with `- `)".to_owned()
        }
        "expected mapping start" => "expected a map of fields here (`key: value` lines)".to_owned(),
        other => match other.strip_prefix("YAML document too large or too complex") {
            Some(detail) => format!("the file is too large or too complex to read safely{detail}"),
            None => other.to_owned(),
        },
    }
}

/// The 1-based line and column (in characters) of byte `offset`.
fn position_of_byte(bytes: &[u8], offset: usize) -> Pos {
    let before = &bytes[..offset.min(bytes.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    let line = before.split(|&b| b == b'\n').count();
    Pos { line, col }
}

#[cfg(test)]
mod tests {
    use super::{mapping_start, position_of_byte};
    use crate::guide::Pos;

    #[test]
    fn missing_fields_point_at_the_first_key_of_their_mapping() {
        let text =
            "# c\nid: g\nnodes:\n  - id: a\n    answers:\n      - x\n    help: h\nerrors: []\n";
        // Top level: the last key is `errors` (line 8); the mapping starts at `id`.
        assert_eq!(
            mapping_start(text, Pos { line: 8, col: 1 }),
            Pos { line: 2, col: 1 }
        );
        // A list item: from `help` up to the `- id` that opens it.
        assert_eq!(
            mapping_start(text, Pos { line: 7, col: 5 }),
            Pos { line: 4, col: 5 }
        );
        // Already the first key.
        assert_eq!(
            mapping_start(text, Pos { line: 4, col: 5 }),
            Pos { line: 4, col: 5 }
        );
        // A flow mapping is left alone.
        let flow = "a: {b: 1, c: 2}\n";
        assert_eq!(
            mapping_start(flow, Pos { line: 1, col: 11 }),
            Pos { line: 1, col: 11 }
        );
    }

    #[test]
    fn byte_positions_count_characters() {
        let bytes = b"ab\n\xc3\xa5\xc3\xa4\xff";
        assert_eq!(position_of_byte(bytes, 0), Pos { line: 1, col: 1 });
        assert_eq!(position_of_byte(bytes, 3), Pos { line: 2, col: 1 });
        assert_eq!(position_of_byte(bytes, 7), Pos { line: 2, col: 3 });
    }
}
