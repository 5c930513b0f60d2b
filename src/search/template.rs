//! Message templates: a literal message with `{placeholders}` as a sequence of literal
//! tokens and holes, aligned against a pasted message.
//!
//! Alignment is a longest-common-subsequence over tokens, so the literal words must appear in
//! order but anything may stand between them: a placeholder's value, a timestamp prefix, the
//! fields of a log line. The share of the template's literal words found is its coverage;
//! words found far apart where the template has them side by side count against it.

use std::ops::Range;

use super::normalize::{self, Token};

/// One piece of a template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// A folded word that must appear as written.
    Literal(String),
    /// A `{name}` placeholder, which absorbs anything.
    Hole(String),
}

/// A parsed message template.
#[derive(Clone, Debug)]
pub struct Template {
    pub items: Vec<Item>,
    /// Number of `Literal` items.
    pub literals: usize,
}

/// Whether `s` is a placeholder name: a letter or `_`, then letters, digits or `_`.
fn is_placeholder_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The first `{name}` of `text`: the byte offsets of its braces.
fn next_hole(text: &str) -> Option<(usize, usize)> {
    text.match_indices('{').find_map(|(open, _)| {
        let inner = &text[open + 1..];
        let close = open + 1 + inner.find(['{', '}'])?;
        (text[close..].starts_with('}') && is_placeholder_name(&text[open + 1..close]))
            .then_some((open, close))
    })
}

impl Template {
    /// Parses a message; `{name}` with an identifier inside is a hole, any other brace is
    /// literal text.
    #[must_use]
    pub fn parse(message: &str) -> Template {
        let mut items = Vec::new();
        let mut rest = message;
        loop {
            let hole = next_hole(rest);
            let literal_end = hole.map_or(rest.len(), |(open, _)| open);
            let literal = &rest[..literal_end];
            normalize::scan(literal, |span, _| {
                items.push(Item::Literal(normalize::fold(&literal[span])));
            });
            let Some((open, close)) = hole else { break };
            items.push(Item::Hole(rest[open + 1..close].to_owned()));
            rest = &rest[close + 1..];
        }
        let literals = items
            .iter()
            .filter(|i| matches!(i, Item::Literal(_)))
            .count();
        Template { items, literals }
    }

    /// The distinct literal words, for indexing.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.items.iter().filter_map(|i| match i {
            Item::Literal(w) => Some(w.as_str()),
            Item::Hole(_) => None,
        })
    }
}

/// How well a paste matches a template.
#[derive(Clone, Debug, PartialEq)]
pub struct Alignment {
    /// Share of the template's literal words found in order, less a penalty for words
    /// found far apart that the template has side by side; 0 to 1.
    pub score: f32,
    /// For each hole, its name and the byte range of the paste it absorbed.
    pub captures: Vec<(String, Range<usize>)>,
    /// Indices of the paste tokens matched to literal words.
    pub matched: Vec<usize>,
}

/// Longest pastes considered token by token; the rest of a longer paste is ignored.
pub const MAX_PASTE_TOKENS: usize = 4096;

/// Aligns `paste` (the tokens of the text) against `template`.
#[must_use]
pub fn align(template: &Template, paste: &[Token], text: &str) -> Alignment {
    let paste = &paste[..paste.len().min(MAX_PASTE_TOKENS)];
    let lits: Vec<(usize, &str)> = template
        .items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| match item {
            Item::Literal(w) => Some((i, w.as_str())),
            Item::Hole(_) => None,
        })
        .collect();
    let (n, m) = (lits.len(), paste.len());
    if n == 0 || m == 0 {
        return Alignment {
            score: 0.0,
            captures: Vec::new(),
            matched: Vec::new(),
        };
    }
    // LCS table over (literal, paste token), one row of u16 per literal.
    let width = m + 1;
    let mut table = vec![0u16; (n + 1) * width];
    for i in 1..=n {
        for j in 1..=m {
            table[i * width + j] = if lits[i - 1].1 == paste[j - 1].text {
                table[(i - 1) * width + j - 1] + 1
            } else {
                table[(i - 1) * width + j].max(table[i * width + j - 1])
            };
        }
    }
    // Walk back, preferring the latest match so that matches cluster at the end of a
    // repeated word; pairs come out in reverse.
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 && j > 0 {
        if lits[i - 1].1 == paste[j - 1].text
            && table[i * width + j] == table[(i - 1) * width + j - 1] + 1
        {
            pairs.push((i - 1, j - 1));
            i -= 1;
            j -= 1;
        } else if table[(i - 1) * width + j] >= table[i * width + j - 1] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    pairs.reverse();

    // Words the template has side by side but the paste has apart cost a little each.
    let mut stray = 0usize;
    for w in pairs.windows(2) {
        let ((a_lit, a_tok), (b_lit, b_tok)) = (w[0], w[1]);
        let hole_between = template.items[lits[a_lit].0..lits[b_lit].0]
            .iter()
            .any(|it| matches!(it, Item::Hole(_)));
        if !hole_between {
            stray += (b_tok - a_tok - 1).min(8);
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let coverage = pairs.len() as f32 / n as f32;
    #[allow(clippy::cast_precision_loss)]
    let score = coverage / (1.0 + 0.15 * stray as f32);

    Alignment {
        score,
        captures: captures(template, &lits, &pairs, paste, text),
        matched: pairs.iter().map(|&(_, tok)| tok).collect(),
    }
}

/// The text each hole absorbed: what stands between the matched words around it.
fn captures(
    template: &Template,
    lits: &[(usize, &str)],
    pairs: &[(usize, usize)],
    paste: &[Token],
    text: &str,
) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    for (pos, item) in template.items.iter().enumerate() {
        let Item::Hole(name) = item else { continue };
        // The matched literal just before the hole and the one just after, if any.
        let before = pairs.iter().rev().find(|&&(l, _)| lits[l].0 < pos);
        let after = pairs.iter().find(|&&(l, _)| lits[l].0 > pos);
        let (Some(&(bl, bt)), Some(&(al, at))) = (before, after) else {
            continue;
        };
        // Only when the words right around the hole were found.
        let adjacent = lits[bl].0 + 1 == pos && lits[al].0 == pos + 1 + extra_holes(template, pos);
        if !adjacent || at <= bt {
            continue;
        }
        let range = trim(text, paste[bt].span.end..paste[at].span.start);
        if !range.is_empty() {
            out.push((name.clone(), range));
        }
    }
    out
}

/// Holes directly following the one at `pos` (`{a}{b}` share one gap).
fn extra_holes(template: &Template, pos: usize) -> usize {
    template.items[pos + 1..]
        .iter()
        .take_while(|i| matches!(i, Item::Hole(_)))
        .count()
}

/// Shrinks a range of `text` past surrounding spaces and punctuation.
fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let is_edge = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '.' | ',' | ';' | ':' | '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | '='
            )
    };
    let start = range.start + (s.len() - s.trim_start_matches(is_edge).len());
    let end = range.start + s.trim_end_matches(is_edge).len();
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MISSING: &str = "Could not create/update work item for alert {alertName}. ITSM Connector {connectionIdentifier} does not exist or was deleted.";

    #[test]
    fn parses_holes_and_leaves_other_braces_literal() {
        let t = Template::parse("Response: { \"import_set\": \"{import_set_id}\", \"x\": 1 }");
        assert_eq!(
            t.items,
            [
                Item::Literal("response".into()),
                Item::Literal("import".into()),
                Item::Literal("set".into()),
                Item::Hole("import_set_id".into()),
                Item::Literal("x".into()),
                Item::Literal("1".into()),
            ]
        );
        assert_eq!(t.literals, 5);
    }

    #[test]
    fn a_paste_with_values_and_noise_covers_the_template_and_captures_values() {
        let t = Template::parse(MISSING);
        let paste = "2024-05-01T10:22:03Z ERROR [itsm] Could not create/update work item for alert CPU-High. ITSM Connector 0c9e41d2-1f3a-4b5c-8d7e-0123456789ab does not exist or was deleted.\"}";
        let a = align(&t, &normalize::tokens(paste), paste);
        assert!((a.score - 1.0).abs() < f32::EPSILON, "{a:?}");
        let captured: Vec<(&str, &str)> = a
            .captures
            .iter()
            .map(|(n, r)| (n.as_str(), &paste[r.clone()]))
            .collect();
        assert_eq!(
            captured,
            [
                ("alertName", "CPU-High"),
                (
                    "connectionIdentifier",
                    "0c9e41d2-1f3a-4b5c-8d7e-0123456789ab"
                )
            ]
        );
    }

    #[test]
    fn scattered_common_words_score_low() {
        let t = Template::parse("Error in saving connection");
        let paste =
            "error: the cache in node 3 is stale; saving snapshot failed; connection reset by peer";
        let a = align(&t, &normalize::tokens(paste), paste);
        assert!(a.score < 0.5, "{a:?}");
    }

    #[test]
    fn unrelated_text_covers_little() {
        let t = Template::parse(MISSING);
        let paste = "kernel panic - not syncing: VFS: Unable to mount root fs";
        assert!(align(&t, &normalize::tokens(paste), paste).score < 0.2);
    }
}
